"""CPU cost and output fingerprints of the built-in extractor hooks.

Run on demand (not in CI) while optimising extractors::

    .venv/bin/python benchmarks/bench_extractors.py --save /tmp/fp_base.json   # before
    .venv/bin/python benchmarks/bench_extractors.py --check /tmp/fp_base.json  # after
    .venv/bin/python benchmarks/bench_extractors.py --plugins meetings,incidents  # just those

``--plugins`` names the plugins under study (default: all built-in extractors); their
hooks are marked ``*`` in the table and fingerprinted. Every article of seeds/,
tests/data/unseen/, tests/data/heldout/, tests/data/heldout2/, tests/data/offtopic/
(one article a line) and tests/data/offtopic_composed/ goes through a full
``Pipeline(options=Options(load_entrypoints=False, plugin_time_budget=None))``. Each hook
implementation is wrapped with a timer of *CPU* time (``time.process_time``), because the
machines these run on are shared and wall time says little; the table gives the best of
``--repeat`` passes per hook, in ms per article, for the seeds and for the off-topic sample.

The fingerprints are, per article and per hook of the plugins studied, a hash of what the
hook was given and a hash of what it returned (``repr`` of the attrs objects), plus a hash
of the whole ``serialize.dumps(result)``. ``--check`` compares with a saved file: a hook
whose input is unchanged but whose output differs is a regression of that hook; a changed
input means an upstream plugin (owned by someone else) changed, and is reported apart.

To compare with an earlier revision while others keep changing the tree, run the baseline
from an exported copy of that revision (``PYTHONPATH`` comes before the editable install)::

    mkdir -p /tmp/base && git archive REV src | tar -x -C /tmp/base
    PYTHONPATH=/tmp/base/src .venv/bin/python benchmarks/bench_extractors.py --save /tmp/fp.json
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
BUILTIN = ("metadata", "knowledge", "times", "numbers", "actors", "meetings", "incidents")
HOOKS = ("idlib_article_metadata", "idlib_annotate", "idlib_resolve_actors",
         "idlib_extract_events", "idlib_postprocess")

Doc = tuple[str, str, dt.date | None]


def _folder(folder: Path, prefix: str) -> list[Doc]:
    meta_file = folder / "metadata.json"
    meta = json.loads(meta_file.read_text(encoding="utf-8")) if meta_file.exists() else {}
    out: list[Doc] = []
    for f in sorted(folder.glob("*.txt")):
        pub = meta.get(f.stem, {}).get("published")
        out.append((f"{prefix}/{f.stem}", f.read_text(encoding="utf-8"),
                    dt.date.fromisoformat(pub) if pub else None))
    return out


def corpora() -> dict[str, list[Doc]]:
    """The article sets, by name."""
    data = ROOT / "tests" / "data"
    lines = (data / "offtopic" / "lee_sample.txt").read_text(encoding="utf-8").splitlines()
    return {
        "seeds": _folder(ROOT / "seeds", "seeds"),
        "unseen": _folder(data / "unseen", "unseen"),
        "heldout": _folder(data / "heldout", "heldout"),
        "heldout2": _folder(data / "heldout2", "heldout2"),
        "offtopic": [(f"lee/{i:03d}", t, None) for i, t in enumerate(lines) if t.strip()],
        "composed": _folder(data / "offtopic_composed", "composed"),
    }


def _h(obj: object) -> str:
    return hashlib.sha1(repr(obj).encode("utf-8")).hexdigest()[:16]


def _input_of(hook: str, args: tuple[Any, ...]) -> object:
    if hook in ("idlib_article_metadata", "idlib_postprocess"):
        return args[0]
    doc = args[0]
    if hook == "idlib_extract_events":
        return (doc.article, doc.annotations, tuple(args[1]))
    return (doc.article, doc.annotations)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--save", type=Path, help="write the fingerprints here")
    ap.add_argument("--check", type=Path, help="compare the fingerprints with this file")
    ap.add_argument("--repeat", type=int, default=5, help="timed passes (best is kept)")
    ap.add_argument("--plugins", default=",".join(BUILTIN),
                    help="comma-separated built-in plugins to study (default: all)")
    args = ap.parse_args()
    mine_set = tuple(f"idlib_corpus.{p.strip()}" for p in args.plugins.split(",") if p.strip())

    from idlib_corpus.options import Options
    from idlib_corpus.pipeline import Pipeline
    from idlib_corpus.serialize import dumps

    pipe = Pipeline(options=Options(load_entrypoints=False, plugin_time_budget=None))
    spent: dict[tuple[str, str], float] = defaultdict(float)
    record: dict[str, dict[str, list[str]]] | None = None
    current: list[str] = [""]
    for hook_name in HOOKS:
        for impl in getattr(pipe.pm.hook, hook_name).get_hookimpls():
            key = (impl.plugin_name, hook_name)
            mine = impl.plugin_name in mine_set

            def timed(*a: Any, _inner: Callable[..., Any] = impl.function,
                      _key: tuple[str, str] = key, _mine: bool = mine) -> Any:
                t0 = time.process_time()
                try:
                    out = _inner(*a)
                finally:
                    spent[_key] += time.process_time() - t0
                if record is not None and _mine:
                    record[current[0]][f"{_key[0]}:{_key[1]}"] = [
                        _h(_input_of(_key[1], a)), _h(out)]
                return out

            impl.function = timed

    sets = corpora()
    # Fingerprint pass (also the warm-up: knowledge base, compiled patterns).
    record = {}
    for docs in sets.values():
        for id_, text, pub in docs:
            current[0] = id_
            record[id_] = {}
            result = pipe.parse(text, id=id_, published=pub)
            record[id_]["result"] = [hashlib.sha1(dumps(result).encode()).hexdigest()[:16]]
    fingerprints, record = record, None

    # Timed passes: best of N per hook and set.
    best: dict[str, dict[tuple[str, str], float]] = {}
    for name in ("seeds", "offtopic"):
        docs = sets[name]
        per: dict[tuple[str, str], float] = {}
        for _ in range(args.repeat):
            spent.clear()
            for id_, text, pub in docs:
                pipe.parse(text, id=id_, published=pub)
            for k, v in spent.items():
                per[k] = min(per.get(k, float("inf")), v / len(docs))
        best[name] = per

    keys = sorted(best["seeds"], key=lambda k: -best["seeds"][k])
    print(f"CPU ms/article, best of {args.repeat} (seeds: {len(sets['seeds'])} articles, "
          f"off-topic: {len(sets['offtopic'])})\n")
    print(f"{'plugin':32} {'hook':24} {'seeds':>8} {'offtopic':>9}")
    for k in keys:
        flag = " *" if k[0] in mine_set else ""
        print(f"{k[0]:32} {k[1].removeprefix('idlib_'):24} {best['seeds'][k] * 1e3:8.3f} "
              f"{best['offtopic'].get(k, 0.0) * 1e3:9.3f}{flag}")
    for name in ("seeds", "offtopic"):
        mine_ms = sum(v for k, v in best[name].items() if k[0] in mine_set)
        total = sum(best[name].values())
        print(f"{name}: the plugins studied (*) {mine_ms * 1e3:.3f} ms/article, "
              f"all hooks {total * 1e3:.3f}")

    if args.save:
        args.save.write_text(json.dumps(fingerprints, indent=0, sort_keys=True))
        print(f"saved fingerprints of {len(fingerprints)} articles to {args.save}")
    if args.check:
        old = json.loads(args.check.read_text())
        regressions, upstream, whole = [], [], 0
        for id_, hooks in fingerprints.items():
            for hk, val in hooks.items():
                before = old.get(id_, {}).get(hk)
                if before == val:
                    continue
                if hk == "result":
                    whole += 1
                elif before is not None and before[0] != val[0]:
                    upstream.append(f"{id_} {hk}")
                else:
                    regressions.append(f"{id_} {hk}")
        print(f"check: {len(regressions)} hook outputs changed with the same input, "
              f"{len(upstream)} hook inputs changed upstream, {whole} whole results differ")
        for r in regressions:
            print("  CHANGED", r)
        for r in upstream:
            print("  upstream", r)
        return 1 if regressions else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())

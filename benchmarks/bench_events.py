"""CPU cost and output fingerprints of the built-in meetings/incidents hooks.

Run on demand (not in CI) while optimising the event extractors::

    .venv/bin/python benchmarks/bench_events.py --save /tmp/ev_base.json   # before
    .venv/bin/python benchmarks/bench_events.py --check /tmp/ev_base.json  # after

Every article of seeds/, tests/data/unseen/, tests/data/heldout/, tests/data/heldout2/
(dates from their metadata.json) and each line of tests/data/offtopic/lee_sample.txt goes
through a full
``Pipeline(options=Options(load_entrypoints=False, plugin_time_budget=None))``. Each hook
implementation of the two event plugins is wrapped with a timer of *CPU* time
(``time.process_time``; the machines are shared, wall time says little); the table gives
the best of ``--repeat`` passes, in ms per article, for the seeds and the off-topic lines.

The fingerprints are, per article: a hash of the input of each event hook (the article
for ``idlib_annotate``; the annotations and actors for ``idlib_extract_events``), a hash
of what the hook returned, and a hash of ``serialize.dumps`` of every meeting and
incident of the result. ``--check`` compares with a saved file: an output that changed
with an unchanged input is a regression of the event plugins; a changed input means an
upstream plugin (owned by someone else) changed, and is reported apart.

Other plugins change while these are optimised, so take the baseline from the current tree
with only the event files of an earlier revision (``REV``), right before the check::

    rm -rf /tmp/base && mkdir /tmp/base && cp -r src /tmp/base/
    for f in extractors/_events.py extractors/meetings.py extractors/incidents.py \
             data/triggers.json; do
        git show REV:src/idlib_corpus/$f > /tmp/base/src/idlib_corpus/$f; done
    PYTHONPATH=/tmp/base/src .venv/bin/python benchmarks/bench_events.py --save /tmp/ev.json
    .venv/bin/python benchmarks/bench_events.py --check /tmp/ev.json
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
MINE = ("idlib_corpus.meetings", "idlib_corpus.incidents")
HOOKS = ("idlib_annotate", "idlib_extract_events")

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
    }


def _h(obj: object) -> str:
    return hashlib.sha1(repr(obj).encode("utf-8")).hexdigest()[:16]


def _input_of(hook: str, args: tuple[Any, ...]) -> object:
    doc = args[0]
    if hook == "idlib_annotate":
        return doc.article
    return (doc.article, doc.annotations, tuple(args[1]))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--save", type=Path, help="write the fingerprints here")
    ap.add_argument("--check", type=Path, help="compare the fingerprints with this file")
    ap.add_argument("--repeat", type=int, default=5, help="timed passes (best is kept)")
    args = ap.parse_args()

    from idlib_corpus.options import Options
    from idlib_corpus.pipeline import Pipeline
    from idlib_corpus.serialize import dumps

    pipe = Pipeline(options=Options(load_entrypoints=False, plugin_time_budget=None))
    spent: dict[tuple[str, str], float] = defaultdict(float)
    record: dict[str, dict[str, list[str]]] | None = None
    current: list[str] = [""]
    for hook_name in HOOKS:
        for impl in getattr(pipe.pm.hook, hook_name).get_hookimpls():
            if impl.plugin_name not in MINE:
                continue
            key = (impl.plugin_name, hook_name)

            def timed(*a: Any, _inner: Callable[..., Any] = impl.function,
                      _key: tuple[str, str] = key) -> Any:
                t0 = time.process_time()
                try:
                    out = _inner(*a)
                finally:
                    spent[_key] += time.process_time() - t0
                if record is not None:
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
            events = [dumps(m) for m in result.meetings] + [dumps(i) for i in result.incidents]
            record[id_]["events"] = [hashlib.sha1("\n".join(events).encode()).hexdigest()[:16]]
    fingerprints, record = record, None

    # Timed passes: best of N per hook and set.
    best: dict[str, dict[tuple[str, str], float]] = {}
    for name in ("seeds", "offtopic"):
        docs = sets[name]
        per: dict[tuple[str, str], float] = {}
        total = float("inf")
        for _ in range(args.repeat):
            spent.clear()
            for id_, text, pub in docs:
                pipe.parse(text, id=id_, published=pub)
            for k, v in spent.items():
                per[k] = min(per.get(k, float("inf")), v / len(docs))
            total = min(total, sum(spent.values()) / len(docs))
        per[("(both plugins, best pass)", "-")] = total
        best[name] = per

    keys = sorted(best["seeds"], key=lambda k: -best["seeds"][k])
    print(f"CPU ms/article, best of {args.repeat} (seeds: {len(sets['seeds'])} articles, "
          f"off-topic: {len(sets['offtopic'])})\n")
    print(f"{'plugin':32} {'hook':24} {'seeds':>8} {'offtopic':>9}")
    for k in keys:
        print(f"{k[0]:32} {k[1].removeprefix('idlib_'):24} {best['seeds'][k] * 1e3:8.3f} "
              f"{best['offtopic'].get(k, 0.0) * 1e3:9.3f}")

    if args.save:
        args.save.write_text(json.dumps(fingerprints, indent=0, sort_keys=True))
        print(f"saved fingerprints of {len(fingerprints)} articles to {args.save}")
    if args.check:
        old = json.loads(args.check.read_text())
        regressions, upstream = [], []
        for id_, hooks in fingerprints.items():
            for hk, val in hooks.items():
                before = old.get(id_, {}).get(hk)
                if before == val:
                    continue
                if hk == "events":
                    # the events differ: ours unless an input of our hooks changed
                    ins = [v[0] for k, v in hooks.items() if k != "events"]
                    old_ins = [v[0] for k, v in old.get(id_, {}).items() if k != "events"]
                    (upstream if ins != old_ins else regressions).append(f"{id_} {hk}")
                elif before is not None and before[0] != val[0]:
                    upstream.append(f"{id_} {hk}")
                else:
                    regressions.append(f"{id_} {hk}")
        print(f"check: {len(regressions)} outputs changed with the same input, "
              f"{len(upstream)} changed with a changed input (upstream)")
        for r in regressions:
            print("  CHANGED", r)
        for r in upstream:
            print("  upstream", r)
        return 1 if regressions else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Instructions per article of the full pipeline, counted by valgrind (run on demand).

    .venv/bin/python benchmarks/bench_instructions.py                 # this tree
    .venv/bin/python benchmarks/bench_instructions.py --src /tmp/base/src --src src

Wall and CPU times move with whatever else the machine runs; instruction counts do not
(the same count, within about 1%, with the other core busy or idle). So this is the
figure to compare two revisions by on a shared machine. For an older revision, export its
sources and pass them with ``--src``::

    mkdir -p /tmp/base && git archive REV src | tar -x -C /tmp/base
    .venv/bin/python benchmarks/bench_instructions.py --src /tmp/base/src --src src

``--src src`` counts the working tree as it is, uncommitted edits included: where several
people share a tree, compare two exports instead (one of them with only your own files
changed).

Each ``--src`` runs ``valgrind --tool=cachegrind`` twice over a fresh process that parses
the seed articles through ``Pipeline(options=Options(load_entrypoints=False,
plugin_time_budget=None))``: once warming up only (start-up, knowledge base, first
parse), once warming up and then parsing them ``--passes`` more times. The difference,
divided by the articles parsed, is the steady-state cost of one seed article. Needs
valgrind (Debian: ``apt-get install valgrind``); takes a minute or two per ``--src``.

``--own`` counts the pipeline's own work alone (building the Document, splitting
sentences, checking and merging what the hooks return, numbering events, building the
result): the built-in plugins run once over the seeds while their returns are recorded,
then stand-ins of the same names hand those returns back (checked to give equal
results), so the passes measured cost only the pipeline around the hooks.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# Both child processes first read the seeds (id, text, publication date).
_READ_SEEDS = """
import datetime as dt, json, sys
from pathlib import Path
from idlib_corpus.options import Options
from idlib_corpus.pipeline import Pipeline
seeds, passes = Path(sys.argv[1]), int(sys.argv[2])
meta = json.loads((seeds / "metadata.json").read_text(encoding="utf-8"))
docs = []
for p in sorted(seeds.glob("*.txt")):
    pub = meta.get(p.stem, {}).get("published")
    day = dt.date.fromisoformat(pub) if pub else None
    docs.append((p.stem, p.read_text(encoding="utf-8"), day))
"""

# What the measured child process runs: parse the seeds once (warm-up), then `passes` more.
_CHILD = _READ_SEEDS + """
pipe = Pipeline(options=Options(load_entrypoints=False, plugin_time_budget=None))
for _ in range(1 + passes):
    for i, text, pub in docs:
        pipe.parse(text, id=i, published=pub)
"""

# The same, with the plugins' work taken out (--own): each built-in hook's return on each
# seed recorded in a first run, then handed back by stand-in plugins of the same names.
_CHILD_OWN = _READ_SEEDS + """
import types
from idlib_corpus.hookspecs import hookimpl
options = Options(load_entrypoints=False, plugin_time_budget=None)
real = Pipeline(options=options)
recorded = {}  # plugin name -> {(article id, hook): what it returned}
ARGS = {"idlib_article_metadata": "article", "idlib_annotate": "doc",
        "idlib_resolve_actors": "doc", "idlib_extract_events": "doc, actors"}
def recorder(impl, hook):
    function = impl.function
    def call(*args):
        got = function(*args)
        got = list(got) if isinstance(got, (list, tuple)) else got
        art = args[0] if hook == "idlib_article_metadata" else args[0].article
        recorded.setdefault(impl.plugin_name, {})[(art.id, hook)] = got
        return got
    return call
for hook in ARGS:
    for impl in getattr(real.pm.hook, hook).get_hookimpls():
        impl.function = recorder(impl, hook)
expected = {i: real.parse(text, id=i, published=pub) for i, text, pub in docs}
assert not any(r.diagnostics for r in expected.values()), "a plugin failed while recorded"
stand_ins = []
for name, table in recorded.items():
    mod = types.ModuleType(name)
    for hook in {h for _, h in table}:
        first = ARGS[hook].split(",")[0]
        art = first if hook == "idlib_article_metadata" else first + ".article"
        src = f"def {hook}({ARGS[hook]}):\\n    return table.get(({art}.id, {hook!r}))"
        space = {"table": table}
        exec(src, space)
        setattr(mod, hook, hookimpl(space[hook]))
    stand_ins.append(mod)
pipe = Pipeline(stand_ins, options=options, builtins=False)
for i, text, pub in docs:
    assert pipe.parse(text, id=i, published=pub) == expected[i], i
for _ in range(passes):
    for i, text, pub in docs:
        pipe.parse(text, id=i, published=pub)
"""


def instructions(src: Path | None, passes: int, child: str = _CHILD) -> int:
    """Instructions valgrind counts for the child with ``passes`` timed passes."""
    env = dict(os.environ, PYTHONHASHSEED="0")
    if src is not None:
        env["PYTHONPATH"] = str(src)
    cmd = ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
           sys.executable, "-c", child, str(ROOT / "seeds"), str(passes)]
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
    found = re.search(r"I\s+refs:\s+([\d,]+)", done.stderr)
    if done.returncode != 0 or found is None:
        sys.exit(f"valgrind run failed ({done.returncode}):\n{done.stderr[-2000:]}")
    return int(found.group(1).replace(",", ""))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--src", action="append", type=Path, default=[],
                    help="a sources folder to import idlib_corpus from (repeatable; "
                         "default: the installed package)")
    ap.add_argument("--passes", type=int, default=4, help="timed passes over the seeds")
    ap.add_argument("--own", action="store_true",
                    help="count the pipeline's own work alone (the hooks' returns replayed)")
    args = ap.parse_args()
    child = _CHILD_OWN if args.own else _CHILD
    if shutil.which("valgrind") is None:
        sys.exit("valgrind is not installed (Debian: apt-get install valgrind)")
    articles = len(list((ROOT / "seeds").glob("*.txt"))) * args.passes
    what = "the pipeline's own work" if args.own else "instructions"
    print(f"| sources | {what} per seed article |")
    print("|---|---|")
    for src in args.src or [None]:
        per = (instructions(src, args.passes, child) - instructions(src, 0, child)) / articles
        print(f"| {src or 'installed idlib_corpus'} | {per / 1e6:.2f} M |")
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

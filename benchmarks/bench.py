"""Benchmarks of the extraction pipeline (run on demand, not in CI).

    .venv/bin/python benchmarks/bench.py            # everything, a few minutes
    .venv/bin/python benchmarks/bench.py --quick    # smaller sizes
    .venv/bin/python benchmarks/bench.py --only scaling --scaling 1,10,100,400

Prints tables for: throughput of the full pipeline on one core (seed articles, the
on-topic articles of the gold test sets, and a mix of seeds and 300 real off-topic news
articles), the cost of each plugin hook, the time of
``import idlib_corpus`` in a fresh process, peak memory while streaming 10,000 articles
JSONL-in/JSONL-out, scaling with corpus size (1x, 10x, 100x) and with worker processes,
and the share of the garbage collector (default, and after ``gc.freeze()``).
Record the output in docs/performance.md with the machine it ran on.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
OFFTOPIC = ROOT.parent / "shared" / "corpora" / "lee_background.txt"
OFFTOPIC_SAMPLE = ROOT / "tests" / "data" / "offtopic"


def _folder_texts(folder: Path) -> list[tuple[str, str, dt.date | None]]:
    meta = json.loads((folder / "metadata.json").read_text(encoding="utf-8"))
    out = []
    for f in sorted(folder.glob("*.txt")):
        pub = meta.get(f.stem, {}).get("published")
        out.append((f.stem, f.read_text(encoding="utf-8"),
                    dt.date.fromisoformat(pub) if pub else None))
    return out


def seed_texts() -> list[tuple[str, str, dt.date | None]]:
    return _folder_texts(SEEDS)


def on_topic_texts() -> list[tuple[str, str, dt.date | None]]:
    """Seed-like articles beyond the seeds: the three gold test sets (other outlets, same
    subject), so that the seed-like figure does not rest on five texts."""
    data = ROOT / "tests" / "data"
    return [t for name in ("unseen", "heldout", "heldout2") for t in _folder_texts(data / name)]


def offtopic_texts() -> list[tuple[str, str, dt.date | None]]:
    if OFFTOPIC.exists():
        lines = OFFTOPIC.read_text(encoding="utf-8").splitlines()
    elif OFFTOPIC_SAMPLE.exists():
        lines = [p.read_text(encoding="utf-8") for p in sorted(OFFTOPIC_SAMPLE.glob("*.txt"))]
    else:
        lines = []
    return [(f"lee-{i:03d}", line, None) for i, line in enumerate(lines) if line.strip()]


def best_of(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def table(title: str, header: list[str], rows: list[list[str]]) -> None:
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    print(f"\n## {title}\n")
    print("| " + " | ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)) + " |")
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for r in rows:
        print("| " + " | ".join(str(c).ljust(w) for c, w in zip(r, widths, strict=True)) + " |")


def bench_throughput(quick: bool) -> None:
    from idlib_corpus.options import Options
    from idlib_corpus.pipeline import Pipeline

    pipe = Pipeline(options=Options(load_entrypoints=False))
    seeds = seed_texts()
    on_topic = on_topic_texts()
    mix = seeds + offtopic_texts()
    for _id, text, pub in seeds:  # warm up: knowledge base, compiled patterns
        pipe.parse(text, id=_id, published=pub)
    rows = []
    for name, docs, reps in (("seeds (5)", seeds, 40 if not quick else 10),
                             (f"gold test sets, on topic ({len(on_topic)})", on_topic,
                              8 if not quick else 2),
                             (f"seeds + off-topic ({len(mix)})", mix, 3 if not quick else 1)):
        total_bytes = sum(len(t.encode("utf-8")) for _, t, _ in docs)

        def run(docs: list[tuple[str, str, dt.date | None]] = docs, reps: int = reps) -> None:
            for _ in range(reps):
                for _id, text, pub in docs:
                    pipe.parse(text, id=_id, published=pub)

        secs = best_of(run, 3) / reps
        rows.append([name, f"{len(docs) / secs:,.0f}", f"{total_bytes / secs / 1e6:.2f}",
                     f"{secs / len(docs) * 1e3:.2f}"])
    table("Throughput, full built-in pipeline, one core",
          ["articles", "articles/s", "MB/s", "ms/article"], rows)


def bench_hooks() -> None:
    from idlib_corpus.options import Options
    from idlib_corpus.pipeline import Pipeline

    pipe = Pipeline(options=Options(load_entrypoints=False))
    spent: dict[tuple[str, str], float] = defaultdict(float)
    calls: dict[tuple[str, str], int] = defaultdict(int)
    for hook_name in ("idlib_article_metadata", "idlib_annotate", "idlib_resolve_actors",
                      "idlib_extract_events", "idlib_postprocess"):
        for impl in getattr(pipe.pm.hook, hook_name).get_hookimpls():
            inner = impl.function

            def timed(*args: object, _inner: Callable[..., object] = inner,
                      _key: tuple[str, str] = (impl.plugin_name, hook_name)) -> object:
                t0 = time.perf_counter()
                try:
                    return _inner(*args)
                finally:
                    spent[_key] += time.perf_counter() - t0
                    calls[_key] += 1

            impl.function = timed
    docs = seed_texts() + offtopic_texts()
    for _id, text, pub in docs:  # warm-up pass, not counted
        pipe.parse(text, id=_id, published=pub)
    spent.clear()
    calls.clear()
    t0 = time.perf_counter()
    for _id, text, pub in docs:
        pipe.parse(text, id=_id, published=pub)
    total = time.perf_counter() - t0
    hooks_total = sum(spent.values())
    rows = [[p, h.removeprefix("idlib_"), f"{spent[(p, h)] / calls[(p, h)] * 1e3:.3f}",
             f"{100 * spent[(p, h)] / total:.1f}%"]
            for (p, h) in sorted(spent, key=lambda k: -spent[k])]
    rows.append(["(pipeline itself)", "-", f"{(total - hooks_total) / len(docs) * 1e3:.3f}",
                 f"{100 * (total - hooks_total) / total:.1f}%"])
    table(f"Cost of each plugin hook ({len(docs)} articles)",
          ["plugin", "hook", "ms/article", "share"], rows)


def bench_import() -> None:
    code = "import time; t=time.perf_counter(); import idlib_corpus; print(time.perf_counter()-t)"
    secs = []
    for _ in range(7):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                             check=True)
        secs.append(float(out.stdout))
    code2 = ("import time; t=time.perf_counter(); import idlib_corpus; "
             "idlib_corpus.parse('Turkish troops entered Saraqib.'); print(time.perf_counter()-t)")
    first = float(subprocess.run([sys.executable, "-c", code2], capture_output=True, text=True,
                                 check=True).stdout)
    table("Start-up, fresh process", ["what", "seconds"],
          [["import idlib_corpus (median of 7)", f"{statistics.median(secs):.3f}"],
           ["import + first parse (builds knowledge base)", f"{first:.3f}"]])


# Runs in a fresh process per setting: gc.freeze() and thresholds are the whole process's.
_GC_CHILD = """
import gc, sys, time
sys.path.insert(0, sys.argv[1])
from bench import seed_texts
from idlib_corpus.options import Options
from idlib_corpus.pipeline import Pipeline
docs, setting, reps = seed_texts(), sys.argv[2], int(sys.argv[3])
pipe = Pipeline(options=Options(load_entrypoints=False))
for i, text, pub in docs:
    pipe.parse(text, id=i, published=pub)
if setting != "default":
    gc.freeze()
if setting == "freeze + threshold":
    gc.set_threshold(10_000, 10, 10)
spent, counts, started = [0.0, 0.0, 0.0], [0, 0, 0], [0.0]
def watch(phase, info):
    if phase == "start":
        started[0] = time.perf_counter()
    else:
        spent[info["generation"]] += time.perf_counter() - started[0]
        counts[info["generation"]] += 1
gc.callbacks.append(watch)
t0 = time.perf_counter()
for _ in range(reps):
    for i, text, pub in docs:
        pipe.parse(text, id=i, published=pub)
total = time.perf_counter() - t0
print(total, sum(spent), *counts)
"""


def bench_gc(quick: bool) -> None:
    reps = 40 if quick else 200
    rows = []
    for setting in ("default", "freeze", "freeze + threshold"):
        out = subprocess.run(
            [sys.executable, "-c", _GC_CHILD, str(Path(__file__).parent), setting, str(reps)],
            capture_output=True, text=True, check=True,
        ).stdout.split()
        total, in_gc = float(out[0]), float(out[1])
        n = reps * len(seed_texts())
        rows.append([setting, f"{n / total:,.0f}", f"{in_gc / n * 1e3:.3f}",
                     f"{100 * in_gc / total:.1f}%", " / ".join(out[2:])])
    table("Garbage collection while parsing seed articles (one process per row)",
          ["after the first parse", "articles/s", "gc ms/article", "gc share",
           "collections gen 0 / 1 / 2"], rows)


def _write_corpus_jsonl(path: Path, n: int) -> None:
    docs = seed_texts() + offtopic_texts()
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            _id, text, _pub = docs[i % len(docs)]
            fh.write(json.dumps({"id": f"{_id}-{i}", "text": text}) + "\n")


_STREAM = """
import json, resource, sys, time
from idlib_corpus.pipeline import Pipeline
from idlib_corpus.options import Options
from idlib_corpus.serialize import dumps
pipe = Pipeline(options=Options(load_entrypoints=False))
n = 0
peaks = []
t = time.perf_counter()
with open(sys.argv[1], encoding='utf-8') as src, open(sys.argv[2], 'w', encoding='utf-8') as out:
    for line in src:
        rec = json.loads(line)
        out.write(dumps(pipe.parse(rec['text'], id=rec['id'])) + '\\n')
        n += 1
        if n % 1000 == 0:
            peaks.append(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
print(json.dumps({'n': n, 'secs': time.perf_counter() - t, 'peaks_kb': peaks}))
"""


def bench_memory(n: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        src, dst = Path(tmp) / "in.jsonl", Path(tmp) / "out.jsonl"
        _write_corpus_jsonl(src, n)
        out = subprocess.run([sys.executable, "-c", _STREAM, str(src), str(dst)],
                             capture_output=True, text=True, check=True)
        res = json.loads(out.stdout)
    peaks = res["peaks_kb"]
    rows = [[f"{(i + 1) * 1000:,}", f"{kb / 1024:.1f}"] for i, kb in enumerate(peaks)]
    table(f"Peak memory (max RSS) while streaming {res['n']:,} articles JSONL -> JSONL "
          f"({res['n'] / res['secs']:,.0f} articles/s incl. I/O)", ["articles done", "MiB"], rows)


def _files(tmp: Path, n: int) -> Path:
    folder = tmp / f"c{n}"
    folder.mkdir()
    docs = seed_texts()
    for i in range(n):
        _id, text, _pub = docs[i % len(docs)]
        (folder / f"{i:06d}_{_id}.txt").write_text(text, encoding="utf-8")
    return folder


def bench_scaling(quick: bool, multiples: list[int] | None = None) -> None:
    from idlib_corpus.io import iter_parse
    from idlib_corpus.options import Options
    from idlib_corpus.pipeline import Pipeline

    base = len(seed_texts())  # 1x is the seed corpus: 5, 50, 500 articles
    sizes = multiples or ([1, 10] if quick else [1, 10, 100])
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for mult in sizes:
            folder = _files(Path(tmp), base * mult)
            for jobs in (1, 2):
                pipe = Pipeline(options=Options(load_entrypoints=False, jobs=jobs))

                def run(folder: Path = folder, jobs: int = jobs,
                        pipe: Pipeline = pipe) -> Iterator[object]:
                    return iter_parse([folder], jobs=jobs, pipeline=pipe)

                t0 = time.perf_counter()
                count = sum(1 for _ in run())
                secs = time.perf_counter() - t0
                rows.append([f"{mult}x", f"{count:,}", str(jobs), f"{secs:.2f}",
                             f"{count / secs:,.0f}"])
    table("Scaling with corpus size and workers (seed articles on disk -> results)",
          ["corpus", "articles", "jobs", "seconds", "articles/s"], rows)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="smaller sizes, fewer repeats")
    ap.add_argument("--only",
                    choices=("throughput", "hooks", "import", "memory", "scaling", "gc"))
    ap.add_argument("--scaling", default=None, metavar="1,10,100",
                    help="corpus sizes for the scaling table, in multiples of the 5 seeds")
    args = ap.parse_args()
    print(f"# idlib_corpus benchmarks — {platform.python_implementation()} "
          f"{platform.python_version()}, {platform.machine()}, {os.cpu_count()} CPUs, "
          f"{platform.platform()}")
    steps: dict[str, Callable[[], None]] = {
        "throughput": lambda: bench_throughput(args.quick),
        "hooks": bench_hooks,
        "import": bench_import,
        "memory": lambda: bench_memory(2_000 if args.quick else 10_000),
        "scaling": lambda: bench_scaling(
            args.quick, [int(x) for x in args.scaling.split(",")] if args.scaling else None),
        "gc": lambda: bench_gc(args.quick),
    }
    for name, step in steps.items():
        if args.only in (None, name):
            step()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Benchmark of the wire format (run on demand, not in CI).

    .venv/bin/python benchmarks/bench_serialize.py              # 2,000 records, best of 5
    .venv/bin/python benchmarks/bench_serialize.py -n 500 -r 3  # quicker
    .venv/bin/python benchmarks/bench_serialize.py --profile    # cProfile of dumps and loads
    .venv/bin/python benchmarks/bench_serialize.py --from tests/data/wire/results.jsonl --take 5

Builds the results of the seed articles with :func:`idlib_corpus.load` (extraction is not
timed), replicates them to ``-n`` records and times, on one core:

* ``dumps``: :func:`idlib_corpus.serialize.dumps` of each record (objects to JSON text);
* ``loads``: :func:`idlib_corpus.serialize.loads` of each line (JSON text to objects,
  strictly checked);
* ``dump_results`` / ``load_results``: the same through a JSONL file on disk;
* ``json.loads`` alone, the floor under ``loads`` (stdlib C parser).

Prints records/s, MB/s (of JSON text) and microseconds per record for each, from the
least CPU time of ``-r`` repeats. The pipeline target is >= 300 articles/s per core,
JSONL in and out, so writing should stay well under 300 us a record and reading under
1,000 us.
"""

from __future__ import annotations

import argparse
import cProfile
import itertools
import json
import platform
import pstats
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from idlib_corpus import serialize
from idlib_corpus.model import ArticleResult


def seed_results(
    n: int, source: Path | None = None, take: int | None = None
) -> list[ArticleResult]:
    """``n`` results: the seed articles' results (or the records of ``source``) repeated."""
    if source is None:
        from idlib_corpus import load  # the extraction pipeline: only when it is timed on

        seeds = list(load())
    else:
        seeds = list(itertools.islice(serialize.load_results(source), take))
    if not seeds:
        sys.exit("no results to time")
    return [seeds[i % len(seeds)] for i in range(n)]


def best_of(repeats: int, fn: Callable[[], object]) -> float:
    """The least CPU time of ``repeats`` calls (the least disturbed run).

    CPU time of this process, not wall time: on a shared machine other processes slow
    the wall clock down, not the work done here.
    """
    times = []
    for _ in range(repeats):
        start = time.process_time()
        fn()
        times.append(time.process_time() - start)
    return min(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", type=int, default=2000, help="records per run (default 2000)")
    parser.add_argument("-r", type=int, default=5, help="repeats; the best is shown (default 5)")
    parser.add_argument("--profile", action="store_true", help="print a cProfile of each")
    parser.add_argument(
        "--from",
        dest="source",
        type=Path,
        help="time the records of this results file instead of extracting the seeds "
        "(tests/data/wire/results.jsonl --take 5: the seed results, without extraction)",
    )
    parser.add_argument("--take", type=int, help="with --from: only the first TAKE records")
    args = parser.parse_args(argv)

    results = seed_results(args.n, args.source, args.take)
    lines = [serialize.dumps(r) for r in results]  # also warms the converter's hooks
    assert [serialize.loads(t) for t in lines[:5]] == results[:5]
    megabytes = sum(len(t.encode("utf-8")) for t in lines) / 1e6
    print(
        f"# {args.n} records ({megabytes / args.n * 1000:.1f} KB each), "
        f"least CPU time of {args.r}, "
        f"Python {platform.python_version()} on {platform.machine()} "
        f"({platform.processor() or platform.system()})"
    )

    if args.profile:
        profiled: list[tuple[str, Callable[[], object]]] = [
            ("dumps", lambda: [serialize.dumps(r) for r in results]),
            ("loads", lambda: [serialize.loads(t) for t in lines]),
        ]
        for name, call in profiled:
            print(f"\n## cProfile: {name}")
            prof = cProfile.Profile()
            prof.runcall(call)
            pstats.Stats(prof).sort_stats("tottime").print_stats(15)
        return 0

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "results.jsonl"
        cases: list[tuple[str, Callable[[], object]]] = [
            ("dumps", lambda: [serialize.dumps(r) for r in results]),
            ("loads", lambda: [serialize.loads(t) for t in lines]),
            ("dump_results (jsonl)", lambda: serialize.dump_results(results, path)),
            ("load_results (jsonl)", lambda: list(serialize.load_results(path))),
            ("json.loads alone", lambda: [json.loads(t) for t in lines]),
        ]
        serialize.dump_results(results, path)
        print(f"{'operation':<22} {'records/s':>10} {'MB/s':>8} {'us/record':>10}")
        for name, call in cases:
            seconds = best_of(args.r, call)
            print(
                f"{name:<22} {args.n / seconds:>10,.0f} {megabytes / seconds:>8.1f} "
                f"{seconds / args.n * 1e6:>10.0f}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())

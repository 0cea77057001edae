"""Benchmark of corpus merging (run on demand, not in CI).

    .venv/bin/python benchmarks/bench_merge.py                  # 250, 500, 1,000, 2,000, 4,000
    .venv/bin/python benchmarks/bench_merge.py --sizes 100,1000 # other sizes

Extracts the 27 real articles of seeds/, tests/data/unseen/, tests/data/heldout/ and
tests/data/heldout2/ once (not timed), then builds synthetic corpora from them: copy ``k``
of an article gets its own id and has every date in it (publication date and every
:class:`~idlib_corpus.model.TimeValue` of its events) moved ``k // 3`` years later
(years, not days, so that day, month and year precision all stay valid).
Copies 0, 1 and 2 therefore report the same events with the same dates, as three outlets
would, and must merge; later copies tell new events a year apart, which must not. Each
size is merged with :func:`idlib_corpus.merge.merge` and timed (CPU time of this process,
best of ``--repeat``), and the table gives articles, reports (meetings + incidents in the
articles), merged events, seconds and reports per second. Merging should stay about
linear in the number of reports: the reports/s column should not fall as sizes grow.
"""

from __future__ import annotations

import argparse
import calendar
import datetime as dt
import json
import platform
import sys
import time
from pathlib import Path
from typing import Any

import attrs

from idlib_corpus.merge import merge
from idlib_corpus.model import Article, ArticleResult, TimeValue
from idlib_corpus.options import Options
from idlib_corpus.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[1]
SETS = (ROOT / "seeds", *(ROOT / "tests" / "data" / n for n in ("unseen", "heldout", "heldout2")))


def real_results() -> list[ArticleResult]:
    """The extraction of every article of the four gold sets (each with its metadata)."""
    pipe = Pipeline(options=Options(load_entrypoints=False))
    out = []
    for folder in SETS:
        meta_path = folder / "metadata.json"
        meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else {}
        for path in sorted(folder.glob("*.txt")):
            pub = meta.get(path.stem, {}).get("published")
            out.append(pipe.parse_file(path, published=dt.date.fromisoformat(pub) if pub else None))
    return out


def shifted(obj: Any, years: int) -> Any:
    """``obj`` with every date in it moved ``years`` later (attrs objects, tuples, dates)."""
    if isinstance(obj, dt.date):
        year = obj.year + years
        # Feb 29 has no twin in most years; Feb 28 keeps month ends month ends
        return obj.replace(year=year, day=min(obj.day, calendar.monthrange(year, obj.month)[1]))
    if isinstance(obj, tuple):
        return tuple(shifted(x, years) for x in obj)
    if attrs.has(type(obj)):
        changes = {}
        for f in attrs.fields(type(obj)):
            if f.name == "text" and not isinstance(obj, TimeValue):
                continue  # article text: never a date, and long
            value = getattr(obj, f.name)
            new = shifted(value, years)
            if new is not value:
                changes[f.name.lstrip("_")] = new
        return attrs.evolve(obj, **changes) if changes else obj
    return obj


def copy_of(result: ArticleResult, k: int) -> ArticleResult:
    """Copy ``k`` of ``result``: its own article id, its dates ``k // 3`` years later."""
    years = k // 3
    moved: ArticleResult = shifted(result, years) if years else result
    article: Article = attrs.evolve(moved.article, id=f"{result.article.id}~{k}")
    return attrs.evolve(moved, article=article)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="250,500,1000,2000,4000",
                    help="comma-separated numbers of articles")
    ap.add_argument("--repeat", type=int, default=3, help="timed merges per size (best kept)")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]

    base = real_results()
    copies = -(-max(sizes) // len(base))
    pool = [copy_of(r, k) for k in range(copies) for r in base]
    print(f"# merge benchmark: {platform.machine()}, Python {platform.python_version()}, "
          f"{len(base)} real articles copied up to {copies} times\n")
    print("| articles | reports | merged events | actors | s (CPU) | reports/s |")
    print("|---|---|---|---|---|---|")
    for n in sizes:
        results = pool[:n]
        reports = sum(len(r.meetings) + len(r.incidents) for r in results)
        best = float("inf")
        merged = None
        for _ in range(args.repeat):
            t0 = time.process_time()
            merged = merge(results)
            best = min(best, time.process_time() - t0)
        assert merged is not None
        events = len(merged.meetings) + len(merged.incidents)
        print(f"| {n:,} | {reports:,} | {events:,} | {len(merged.actors):,} | {best:.2f} "
              f"| {reports / best:,.0f} |")
        sys.stdout.flush()


if __name__ == "__main__":
    main()

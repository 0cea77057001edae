"""The same extraction over a Dask bag, for corpora bigger than one machine.

Optional: install with ``pip install 'idlib-corpus[dask]'``. Nothing here changes what is
extracted: each worker builds its own :class:`~idlib_corpus.pipeline.Pipeline` (built-in
plugins, entry-point plugins found on the worker, and any plugin objects you pass, which
must be picklable) once per process, and maps it over its partitions.

Point it at a real cluster by creating a ``distributed.Client`` for your scheduler before
calling these functions (``Client("tcp://scheduler:8786")``); every worker needs
``idlib-corpus`` and your plugin distributions installed.

Example:
    >>> from idlib_corpus import dask as idask           # doctest: +SKIP
    >>> bag = idask.parse_paths(["articles/"], npartitions=8)  # doctest: +SKIP
    >>> idask.write_jsonl(bag, "out/")                    # doctest: +SKIP
"""

from __future__ import annotations

import datetime as _dt
import os
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from idlib_corpus.errors import IdlibCorpusError
from idlib_corpus.model import ArticleResult
from idlib_corpus.options import Options

if TYPE_CHECKING:
    from dask.bag import Bag

    from idlib_corpus.pipeline import Pipeline

__all__ = [
    "ArticleInput",
    "parse_bag",
    "parse_paths",
    "parse_texts",
    "to_records",
    "write_jsonl",
    "write_parquet",
]


def _require_dask() -> Any:
    try:
        import dask.bag as db
    except ImportError:  # pragma: no cover - depends on the environment
        raise IdlibCorpusError(
            "idlib_corpus.dask needs Dask: pip install 'idlib-corpus[dask]'"
        ) from None
    return db


def _require_dask_core() -> Any:
    _require_dask()
    import dask

    return dask


@attrs.frozen
class ArticleInput:
    """One article to parse on a worker: its text, or a path the worker can read.

    Attributes:
        id: the article id (for a path, its stem by default).
        text: the article text, or ``None`` to read ``path``.
        path: a file path visible to the worker, or ``None``.
        published: publication date, if known.
        url: where it came from, if known.
    """

    id: str | None = None
    text: str | None = None
    path: str | None = None
    published: _dt.date | None = None
    url: str | None = None


# One pipeline per worker process and configuration: entry points are loaded where the
# work runs, never pickled live.
_PIPELINES: dict[tuple[Options, tuple[object, ...]], Pipeline] = {}


def _pipeline(options: Options, plugins: tuple[object, ...]) -> Pipeline:
    from idlib_corpus.pipeline import Pipeline

    key = (options, plugins)
    pipe = _PIPELINES.get(key)
    if pipe is None:
        pipe = _PIPELINES[key] = Pipeline(plugins, options=options)
    return pipe


def _parse_partition(
    items: Iterable[ArticleInput], options: Options, plugins: tuple[object, ...]
) -> list[ArticleResult]:
    pipe = _pipeline(options, plugins)
    out: list[ArticleResult] = []
    for item in items:
        if item.text is not None:
            out.append(pipe.parse(item.text, id=item.id, published=item.published, url=item.url))
        elif item.path is not None:
            out.append(
                pipe.parse_file(item.path, id=item.id, published=item.published, url=item.url)
            )
        else:
            raise IdlibCorpusError(f"ArticleInput {item.id!r} has neither text nor path")
    return out


def parse_bag(
    bag: Bag, *, plugins: Sequence[object] = (), options: Options | None = None
) -> Bag:
    """Map extraction over a bag of :class:`ArticleInput`; returns a bag of ArticleResult.

    Args:
        bag: a ``dask.bag.Bag`` of :class:`ArticleInput`.
        plugins: extra plugin objects (picklable: modules, or instances of importable classes).
        options: run options (``jobs`` is ignored: Dask decides the parallelism).
    """
    _require_dask()
    mapped: Bag = bag.map_partitions(
        _parse_partition, attrs.evolve(options or Options(), jobs=1), tuple(plugins)
    )
    return mapped


def parse_texts(
    texts: Iterable[tuple[str, str] | ArticleInput],
    *,
    npartitions: int | None = None,
    plugins: Sequence[object] = (),
    options: Options | None = None,
) -> Bag:
    """Parse ``(id, text)`` pairs (or :class:`ArticleInput`) on the cluster."""
    db = _require_dask()
    items = [t if isinstance(t, ArticleInput) else ArticleInput(id=t[0], text=t[1]) for t in texts]
    bag = db.from_sequence(items, npartitions=npartitions or _default_partitions(len(items)))
    return parse_bag(bag, plugins=plugins, options=options)


def parse_paths(
    paths: Iterable[str | Path],
    *,
    metadata: str | Path | Mapping[str, Any] | None = None,
    npartitions: int | None = None,
    plugins: Sequence[object] = (),
    options: Options | None = None,
) -> Bag:
    """Parse article files and folders (as :func:`idlib_corpus.iter_parse` finds them).

    Paths are listed here and read on the workers, so they must be visible there (a shared
    file system or object store mounted alike).
    """
    from idlib_corpus.io import ArticleMeta, expand_paths, read_metadata

    db = _require_dask()
    given = read_metadata(metadata) if metadata is not None else None
    per_folder: dict[Path, dict[str, ArticleMeta]] = {}
    items: list[ArticleInput] = []
    for path, meta_file in expand_paths(paths):
        meta = ArticleMeta()
        if given is not None:
            meta = given.get(path.stem, meta)
        elif meta_file is not None:
            if meta_file not in per_folder:
                per_folder[meta_file] = read_metadata(meta_file)
            meta = per_folder[meta_file].get(path.stem, meta)
        items.append(
            ArticleInput(id=path.stem, path=str(path), published=meta.published, url=meta.url)
        )
    bag = db.from_sequence(items, npartitions=npartitions or _default_partitions(len(items)))
    return parse_bag(bag, plugins=plugins, options=options)


def _default_partitions(n: int) -> int:
    return max(1, min(n, (os.cpu_count() or 1) * 4, -(-n // 50)))


def to_records(bag: Bag) -> Bag:
    """A bag of plain JSON-ready dicts (the wire format of each ArticleResult)."""
    from idlib_corpus.serialize import unstructure

    mapped: Bag = bag.map(unstructure)
    return mapped


def _write_partition(results: Iterable[ArticleResult], folder: str, index: int) -> list[str]:
    from idlib_corpus.serialize import dumps, write_lines

    path = Path(folder) / f"part-{index:05d}.jsonl"
    write_lines((dumps(r) for r in results), path)
    return [str(path)]


def write_jsonl(bag: Bag, folder: str | Path) -> list[str]:
    """Write one JSONL file per partition (``part-00000.jsonl``...); returns their paths.

    Each file is written atomically; concatenated in name order they equal the output of
    ``idlib-corpus extract`` over the same inputs.
    """
    dask = _require_dask_core()
    Path(folder).mkdir(parents=True, exist_ok=True)
    parts = bag.to_delayed()
    tasks = [dask.delayed(_write_partition)(p, str(folder), i) for i, p in enumerate(parts)]
    written: tuple[list[str], ...] = dask.compute(*tasks)
    return [p for chunk in written for p in chunk]


def _write_parquet_partition(
    results: Iterable[ArticleResult], folder: str, index: int
) -> list[str]:
    from idlib_corpus.corpus import Corpus
    from idlib_corpus.export import write_parquet as write_corpus_parquet

    out = Path(folder) / f"part-{index:05d}"
    return [str(p) for p in write_corpus_parquet(Corpus(results), out)]


def write_parquet(bag: Bag, folder: str | Path) -> list[str]:
    """Write each partition's records as Parquet tables under ``folder/part-NNNNN/``.

    Each partition is exported like ``idlib-corpus export --format parquet`` (one table
    per kind, ACLED-style columns), with events merged *within* the partition only:
    merging across the whole corpus needs every result in one place, so for that collect
    the results (or read the JSONL back) and export one :class:`~idlib_corpus.Corpus`.
    Needs the ``parquet`` extra (pyarrow).
    """
    dask = _require_dask_core()
    parts = bag.to_delayed()
    tasks = [dask.delayed(_write_parquet_partition)(p, str(folder), i) for i, p in enumerate(parts)]
    written: tuple[list[str], ...] = dask.compute(*tasks)
    return [p for chunk in written for p in chunk]

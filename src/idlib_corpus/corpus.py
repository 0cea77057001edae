"""The corpus: article results together, with lookups by id, actor and date."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Iterator
from importlib.resources import files
from pathlib import Path

from idlib_corpus.model import ArticleResult

__all__ = ["Corpus", "dump", "load"]


class Corpus:
    """Article results, in a stable order (by article id), with lookups.

    Args:
        results: the :class:`~idlib_corpus.model.ArticleResult` objects.

    Example:
        >>> import idlib_corpus
        >>> corpus = idlib_corpus.load()
        >>> len(corpus)
        5
    """

    def __init__(self, results: Iterable[ArticleResult]) -> None:
        self.results: tuple[ArticleResult, ...] = tuple(sorted(results, key=lambda r: r.id))
        self._by_id = {r.id: r for r in self.results}

    def __len__(self) -> int:
        return len(self.results)

    def __iter__(self) -> Iterator[ArticleResult]:
        return iter(self.results)

    def __getitem__(self, article_id: str) -> ArticleResult:
        try:
            return self._by_id[article_id]
        except KeyError:
            raise KeyError(f"no article {article_id!r} in the corpus") from None

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._by_id

    def __repr__(self) -> str:
        return f"<Corpus of {len(self)} articles>"

    def with_actor(self, actor_id: str) -> list[ArticleResult]:
        """Articles in which the actor appears."""
        return [r for r in self.results if r.actor(actor_id) is not None]

    def published_between(self, start: _dt.date, end: _dt.date) -> list[ArticleResult]:
        """Articles published from ``start`` to ``end`` inclusive."""
        return [
            r for r in self.results
            if r.article.published is not None and start <= r.article.published <= end
        ]


def _bundled_dir() -> Path:
    return Path(str(files("idlib_corpus") / "data" / "seeds"))


def load(path: str | Path | None = None) -> Corpus:
    """Load a corpus: the bundled seed articles, parsed, or results saved with :func:`dump`.

    Args:
        path: ``None`` for the bundled corpus (parsed with the installed extractors);
            a ``.jsonl`` or ``.json`` file written by :func:`dump` or ``idlib-corpus
            extract``; or a folder of ``.txt`` articles (with its ``metadata.json``).

    Raises:
        InputError: the path does not exist.
        WireFormatError: a saved record is malformed (names the line and field).
    """
    from idlib_corpus.io import iter_parse
    from idlib_corpus.serialize import load_results

    if path is None:
        return Corpus(iter_parse([_bundled_dir()]))
    p = Path(path)
    if p.is_dir():
        return Corpus(iter_parse([p]))
    return Corpus(load_results(p))


def dump(results: Iterable[ArticleResult] | Corpus, path: str | Path) -> None:
    """Save results as JSONL (``.jsonl``) or one JSON array (``.json``), atomically."""
    from idlib_corpus.serialize import dump_results

    dump_results(results, path)

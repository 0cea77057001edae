"""The knowledge base: places, known actors, offices, nationality words, as data.

(being written) ``load_knowledge`` builds one :class:`KnowledgeBase` from the data files
under ``idlib_corpus/data/`` plus files that plugins contribute through the
``idlib_knowledge_files`` hook.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from importlib.abc import Traversable
from pathlib import Path

__all__ = ["KnowledgeBase", "default_knowledge", "load_knowledge"]


class KnowledgeBase:
    """Everything the extractors know before reading an article."""

    def __init__(self, extra_files: Sequence[Path | Traversable] = ()) -> None:
        self.extra_files = tuple(extra_files)


@functools.lru_cache(maxsize=1)
def default_knowledge() -> KnowledgeBase:
    """The knowledge base of the built-in data files alone (built once, cached)."""
    return KnowledgeBase()


def load_knowledge(extra_files: Sequence[Path | Traversable] = ()) -> KnowledgeBase:
    """The built-in knowledge plus ``extra_files`` from plugins."""
    if not extra_files:
        return default_knowledge()
    return KnowledgeBase(extra_files)

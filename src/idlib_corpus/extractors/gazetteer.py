"""Built-in plugin ``idlib_corpus.gazetteer``: (being written)."""

from __future__ import annotations

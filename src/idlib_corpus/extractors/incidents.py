"""Built-in plugin ``idlib_corpus.incidents``: (being written)."""

from __future__ import annotations

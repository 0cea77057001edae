"""Built-in plugin ``idlib_corpus.times``: (being written)."""

from __future__ import annotations

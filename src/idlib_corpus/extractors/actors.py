"""Built-in plugin ``idlib_corpus.actors``: (being written)."""

from __future__ import annotations

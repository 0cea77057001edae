"""Built-in plugin ``idlib_corpus.meetings``: (being written)."""

from __future__ import annotations

"""Built-in plugin ``idlib_corpus.numbers``: (being written)."""

from __future__ import annotations

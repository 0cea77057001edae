"""``python -m idlib_corpus``: the same as the ``idlib-corpus`` command."""

from idlib_corpus.cli import main

raise SystemExit(main())

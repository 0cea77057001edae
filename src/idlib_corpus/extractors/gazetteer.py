"""Built-in plugin ``idlib_corpus.knowledge``: marks every name the knowledge base knows.

One pass of the knowledge base's scanner over the folded text gives PLACE, CAPITAL,
STATE, NATIONALITY, PERSON (known persons), GROUP, GOVERNMENT_BODY, ORGANISATION, MEDIA,
OFFICE and PRONOUN annotations; docs/knowledge.md lists what each carries as its key.
The knowledge base is the run's (``doc.kb``: built-in data plus plugins' files).
"""

from __future__ import annotations

from collections.abc import Sequence

from idlib_corpus.document import Annotation, Document
from idlib_corpus.hookspecs import hookimpl
from idlib_corpus.plugins import builtin_name

__all__ = ["idlib_annotate"]


@hookimpl
def idlib_annotate(doc: Document) -> Sequence[Annotation] | None:
    """Annotate the names of places, states, known actors, offices and pronouns.

    Example:
        >>> from idlib_corpus.document import build_document
        >>> from idlib_corpus.model import Article
        >>> doc = build_document(Article(id="a", text="Talks in Ankara."))
        >>> sorted((a.label.value, a.key) for a in idlib_annotate(doc))
        [('capital', 'TR'), ('place', 'place:tr-ankara')]
    """
    return doc.kb.annotate(doc, builtin_name(__name__)) or None

"""The shared analysis of one article: sentences, folded text and annotations.

A :class:`Document` is built once per article and handed to every extractor hook, so no
extractor re-splits or re-scans the text. Annotators (the ``idlib_annotate`` hook) add
:class:`Annotation` objects; the pipeline then makes a new Document holding all of them,
sorted by span, for the later hooks.
"""

from __future__ import annotations

import bisect
import enum
import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

import attrs

from idlib_corpus.folding import fold_char_preserving
from idlib_corpus.model import Article, Span, TimeValue

if TYPE_CHECKING:
    from idlib_corpus.knowledge import KnowledgeBase

__all__ = ["Annotation", "AnnotationLabel", "Document", "build_document", "split_sentences"]


class AnnotationLabel(enum.Enum):
    """What an :class:`Annotation` marks."""

    PERSON = "person"  # a person's name; key: actor id when known
    OFFICE = "office"  # an office title, "Deputy Foreign Minister"; key: canonical title
    NATIONALITY = "nationality"  # "Turkish", "Russian-led"; key: ISO code
    STATE = "state"  # "Turkey", "Russian Federation"; key: ISO code
    CAPITAL = "capital"  # "Ankara" standing for Turkey; key: ISO code
    GOVERNMENT_BODY = "government_body"  # "the Foreign Ministry"; key: actor id
    GROUP = "group"  # a named armed group; key: actor id
    ORGANISATION = "organisation"  # "the United Nations"; key: actor id
    MEDIA = "media"  # an outlet named in the text; key: actor id
    PLACE = "place"  # key: gazetteer id
    TIME = "time"  # value: TimeValue
    NUMBER = "number"  # value: int; key: qualifier value ("at_least", "about", ...)
    MEETING_TRIGGER = "meeting_trigger"  # "talks", "summit"; key: MeetingKind value
    INCIDENT_TRIGGER = "incident_trigger"  # "shelling", "entered"; key: IncidentType value
    PRONOUN = "pronoun"  # "he", "she"; key: "m" / "f"
    OTHER = "other"


@attrs.frozen(order=False)
class Annotation:
    """A typed mark on a stretch of text, produced by an ``idlib_annotate`` plugin.

    Attributes:
        span: offsets into ``Article.text``.
        label: :class:`AnnotationLabel`.
        text: the words at ``span``.
        key: a canonical key: an actor id, ISO code, gazetteer id or vocabulary value.
        value: a parsed value: an ``int`` for numbers, a :class:`TimeValue` for times.
        source: the plugin that produced it (filled in by the pipeline).

    Example:
        >>> text = "Turkish troops"
        >>> a = Annotation(Span(0, 7), AnnotationLabel.NATIONALITY, "Turkish", key="TR")
        >>> a.span.slice(text), a.key
        ('Turkish', 'TR')
    """

    span: Span
    label: AnnotationLabel
    text: str
    key: str | None = None
    value: int | TimeValue | None = None
    source: str | None = None

    def sort_key(self) -> tuple[int, int, str, str]:
        # _value_ rather than .value: the enum property costs more than the rest of the key
        return (self.span.start, -self.span.end, self.label._value_, self.key or "")


def _load_abbreviations() -> frozenset[str]:
    from importlib.resources import files

    lines = (files("idlib_corpus") / "data" / "abbreviations.txt").read_text(encoding="utf-8")
    return frozenset(
        w.strip() for w in lines.splitlines() if w.strip() and not w.startswith("#")
    )


# Words after which a full stop does not end a sentence ("Feb. 8", "Gen. Akar").
_ABBREVIATIONS = _load_abbreviations()
# A cut is a run of line breaks, or a sentence-final mark followed, on the same line, by
# spaces and what can open a sentence. Two passes find them, each with a regex that opens
# with one literal character, which the regex engine skips to at a few instructions a
# character (a pattern opening with a character class, "[\n.!?]...", is tested at every
# character through a set lookup, about ten times the cost; one with no fixed first
# character is tried at every offset). The marks' pass runs over a copy with "!" and "?"
# made ".": no other part of the pattern reads them, so it matches where
# "[.!?][.!?]*..." would in the text. The two kinds of cut never overlap (a line break
# is in no mark's match, a mark in no line break's), so together, in text order, they
# are the matches of one pass with the alternation.
_BREAKS = re.compile(r"\n\n*")
_MARKS = re.compile(r"\.\.*[\"'”’»)\]]*(?=[^\S\n]+[\"'“‘«(\[]?[A-ZА-ЯÇŞÖÜİ0-9])")
# The word before a full stop is the run of word characters and dots that ends at it,
# matched on the reversed window: a regex anchored at the end of a window would be tried
# at every offset of it.
_WORD_RUN = re.compile(r"[\w.]*")
# Span's slot setters (the sentences' offsets are valid by construction: the checks of
# its constructor cost more than the object), or None should its fields change.
_SPAN_SETTERS = (
    (Span.__dict__["start"].__set__, Span.__dict__["end"].__set__)
    if tuple(f.name for f in attrs.fields(Span)) == ("start", "end") else None
)


def split_sentences(text: str) -> tuple[Span, ...]:
    """Split ``text`` into sentence spans; line breaks always end a sentence.

    Example:
        >>> t = "Talks began on Feb. 8 in Ankara. They lasted three hours."
        >>> [t[s.start:s.end] for s in split_sentences(t)]
        ['Talks began on Feb. 8 in Ankara.', 'They lasted three hours.']
    """
    ends: list[int] = []  # (start, end) of each sentence, flat
    add = ends.append
    run = _WORD_RUN.match
    start = 0  # where the current sentence began
    cuts = [m.span() for m in _BREAKS.finditer(text)]
    marked = text.replace("!", ".").replace("?", ".") if "!" in text or "?" in text else text
    cuts += [m.span() for m in _MARKS.finditer(marked)]
    cuts.sort()
    n = len(text)
    cuts.append((n, n))  # the end of the text closes the last sentence
    for cut, after in cuts:
        mark = text[cut] if cut < n else "\n"
        if mark == "\n":
            end, nxt = cut, after
        elif mark != ".":  # "!" and "?" follow no abbreviation
            end = nxt = after
        else:
            # The word before the full stop decides: "Feb. 8", "Mr. Akar", "U.S." go on.
            # Only a short window is read, so splitting stays linear in the text length.
            # Most words run back to a space: one search for it, and the word is what
            # follows it; anything else ("U.S.", "(Reuters", the window's start inside
            # a word) is read off the reversed window.
            lo = max(start, cut - 24)
            space = text.rfind(" ", lo, cut)
            word = text[space + 1 if space >= 0 else lo : cut]
            if not word.isalnum():  # what [\w.]* runs over, less "_" and "."
                back = text[lo : cut + 1][::-1]
                found = run(back)  # never None: the pattern matches the empty string
                word = back[: found.end() if found else 0][::-1]
            w = word.lower().rstrip(".")
            if w in _ABBREVIATIONS or (len(w) == 1 and w.isalpha()):
                continue
            end = nxt = after
        # The sentence without the whitespace around it, read a character at a time
        # from each end (there is seldom more than a space): a copy of the piece would
        # cost a pass over it.
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            add(start)
            add(end)
        start = nxt
    setters = _SPAN_SETTERS
    if setters is None:
        return tuple(Span(ends[i], ends[i + 1]) for i in range(0, len(ends), 2))
    set_start, set_end = setters
    new = object.__new__
    spans: list[Span] = []
    for i in range(0, len(ends), 2):
        span = new(Span)
        set_start(span, ends[i])
        set_end(span, ends[i + 1])
        spans.append(span)
    return tuple(spans)


@attrs.frozen
class Document:
    """One article, analysed once and shared by every extractor.

    Attributes:
        article: the article (with metadata already filled in).
        sentences: sentence spans in text order; boilerplate lines are sentences too
            (check ``article.is_boilerplate``).
        folded: ``article.text`` case- and accent-folded, same length, same offsets.
        annotations: every annotation from every ``idlib_annotate`` plugin, sorted by
            span start (longest first).
        knowledge: the :class:`~idlib_corpus.knowledge.KnowledgeBase` of the run (the
            built-in data plus plugins' files); ``None`` means the built-in default.

    Example:
        >>> doc = build_document(Article("a1", "Talks began. They ended at noon."))
        >>> [doc.slice(s) for s in doc.sentences]
        ['Talks began.', 'They ended at noon.']
    """

    article: Article
    sentences: tuple[Span, ...]
    folded: str
    annotations: tuple[Annotation, ...] = ()
    knowledge: KnowledgeBase | None = attrs.field(default=None, repr=False, eq=False)
    _starts: tuple[int, ...] = attrs.field(default=(), repr=False, eq=False)

    @property
    def text(self) -> str:
        """The article text; every span indexes it."""
        return self.article.text

    def slice(self, span: Span) -> str:
        """The text at ``span``."""
        return self.article.text[span.start : span.end]

    def with_annotations(self, annotations: Iterable[Annotation]) -> Document:
        """A copy holding ``annotations`` (sorted) in place of the current ones."""
        ordered = tuple(sorted(annotations, key=Annotation.sort_key))
        return Document(self.article, self.sentences, self.folded, ordered, self.knowledge,
                        tuple([a.span.start for a in ordered]))

    @property
    def kb(self) -> KnowledgeBase:
        """The knowledge base to use: the run's, or the built-in default."""
        if self.knowledge is not None:
            return self.knowledge
        from idlib_corpus.knowledge import default_knowledge

        return default_knowledge()

    def sentence_index(self, pos: int) -> int:
        """Index of the sentence holding offset ``pos`` (or the nearest one before it)."""
        starts = [s.start for s in self.sentences]
        i = bisect.bisect_right(starts, pos) - 1
        return max(i, 0)

    def sentence_of(self, span: Span) -> Span:
        """The sentence holding the start of ``span``."""
        if not self.sentences:
            return Span(0, len(self.text))
        return self.sentences[self.sentence_index(span.start)]

    def iter_annotations(
        self, label: AnnotationLabel | None = None, within: Span | None = None
    ) -> Iterator[Annotation]:
        """Annotations in text order, optionally of one label and inside one span."""
        anns = self.annotations
        lo, hi = 0, len(anns)
        if within is not None and self._starts:
            lo = bisect.bisect_left(self._starts, within.start)
            hi = bisect.bisect_right(self._starts, within.end)
        for a in anns[lo:hi]:
            if label is not None and a.label is not label:
                continue
            if within is not None and not within.contains(a.span):
                continue
            yield a

    def prose_sentences(self) -> Iterator[Span]:
        """Sentences that are not on boilerplate lines."""
        for s in self.sentences:
            if not self.article.is_boilerplate(s):
                yield s


def build_document(
    article: Article,
    annotations: Iterable[Annotation] = (),
    knowledge: KnowledgeBase | None = None,
) -> Document:
    """Analyse ``article`` once: split sentences and fold the text."""
    doc = Document(
        article=article,
        sentences=split_sentences(article.text),
        folded=fold_char_preserving(article.text),
        knowledge=knowledge,
    )
    anns: Any = tuple(annotations)
    return doc.with_annotations(anns) if anns else doc

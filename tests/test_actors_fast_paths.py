"""The actor resolver's shortcuts read what its general machinery would read.

``_Resolver._body_country_at`` answers, without building the window of items around a
government body, what ``_body_country`` reads in that window; where it cannot be sure it
says so (``None``). These tests build texts of a few pieces around body names (states,
nationality words, possessives, "of", odd spacing and punctuation) and check that every
answer it gives is the window's, and that the items ``_items`` and ``_window`` set up slot
by slot are a sentence's tokens and annotations read the plain way.
"""

from __future__ import annotations

import re
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from idlib_corpus.document import Annotation, AnnotationLabel, Document, build_document
from idlib_corpus.extractors._names import TOKEN
from idlib_corpus.extractors.actors import _Resolver, resolve_actors
from idlib_corpus.model import Article, Span

L = AnnotationLabel

_LEXICON: dict[str, tuple[AnnotationLabel, str | None]] = {
    "Turkish": (L.NATIONALITY, "TR"),
    "Russian": (L.NATIONALITY, "RU"),
    "Turkey": (L.STATE, "TR"),
    "Russia": (L.STATE, "RU"),
    "Moscow": (L.CAPITAL, "RU"),
    "Foreign Ministry": (L.GOVERNMENT_BODY, "government_body:foreign-ministry"),
    "Defence Ministry": (L.GOVERNMENT_BODY, "government_body:defence-ministry"),
    "Ministry": (L.GOVERNMENT_BODY, "government_body:ministry"),
    "United Nations": (L.ORGANISATION, "organisation:united-nations"),
    "Reuters": (L.MEDIA, "media:reuters"),
    "President": (L.OFFICE, "President"),
    "of": (L.PLACE, "of"),  # an annotation whose text is "of" (none is; the code allows it)
}
_PIECES = [
    "Turkish", "Russian", "Turkey", "Russia", "Moscow", "Foreign Ministry", "Defence Ministry",
    "Ministry", "United Nations", "Reuters", "President", "the", "of", "Of", "'s", "’s",
    "Turkey's", "Russia’s", "said", "(", ")", ",", ".", "-", "pro-Turkish", "Turkish-led",
    "ofthe", "x", "\n", "  ", "\t",
]


def _annotate(text: str, use_of: bool) -> list[Annotation]:
    out = []
    for phrase, (label, key) in _LEXICON.items():
        if phrase == "of" and not use_of:
            continue
        for m in re.finditer(r"(?<!\w)" + re.escape(phrase) + r"(?![\w-])", text):
            out.append(Annotation(Span(m.start(), m.end()), label, m.group(), key))
    return out


# a text of a few pieces with odd spacing between them, and whether "of" is annotated
_TEXTS = (
    st.lists(st.sampled_from(_PIECES), min_size=1, max_size=14),
    st.lists(st.sampled_from([" ", " ", " ", "", "  ", "\n"]), min_size=14, max_size=14),
    st.booleans(),
)


def _document(pieces: list[str], gaps: list[str], use_of: bool) -> tuple[str, Document]:
    text = "".join(p + g for p, g in zip(pieces, gaps, strict=False))
    return text, build_document(Article(id="t", text=text), _annotate(text, use_of))


@settings(max_examples=400, deadline=None)
@given(*_TEXTS)
def test_body_country_at_agrees_with_the_window(
    pieces: list[str], gaps: list[str], use_of: bool
) -> None:
    text, doc = _document(pieces, gaps, use_of)
    r = _Resolver(doc)
    for ann in r.body_anns:
        pos = ann.span.start
        if not r._starts_token(pos):
            continue
        fast = r._body_country_at(pos)
        if fast is None:
            continue
        got = r._window_around(pos, 2, 5)
        assert got is not None
        assert fast == r._body_country(*got), (text, pos)
    resolve_actors(doc)  # runs through


def test_body_country_at_reads_the_usual_cases() -> None:
    text = ("The Turkish Foreign Ministry said so. Russia's Defence Ministry denied it. "
            "The Ministry of Russia was silent. A Foreign Ministry statement followed.")
    doc = build_document(Article(id="t", text=text), _annotate(text, False))
    r = _Resolver(doc)
    answers = [r._body_country_at(a.span.start) for a in r.body_anns]
    assert answers == [("TR", 4), None, None, (None, text.index("Foreign Ministry st"))]


def _reference_items(r: _Resolver, si: int) -> list[tuple[object, ...]]:
    """A sentence's items as the resolver's docstrings define them, read the plain way:
    each token (``TOKEN``) is the first chosen annotation that ends after its start if
    that one starts before its end, else itself; an annotation gives one item."""
    span = r.prose[si]
    out: list[tuple[object, ...]] = []
    covered = -1
    for m in TOKEN.finditer(r.text, span.start, span.end):
        s, e = m.span()
        if s < covered:
            continue
        ann = next((t for t in r.ann_tuples if t[1] > s), None)
        if ann is not None and ann[0] < e:
            a, b, label, key = ann
            out.append((label, key, a, b, r.text[a:b], r.folded[a:b], False))
            covered = b
        else:
            low = r.folded[s:e]
            out.append((None, None, s, e, m.group(), "'s" if low == "’s" else low, True))
    return out


def _fields(items: list[Any]) -> list[tuple[object, ...]]:
    return [(it.kind, it.key, it.start, it.end, it.text, it.low, it.plain) for it in items]


@settings(max_examples=300, deadline=None)
@given(*_TEXTS)
def test_items_and_windows_are_the_plain_reading(
    pieces: list[str], gaps: list[str], use_of: bool
) -> None:
    # _items and _window set each item's slots inline: every slot, as the plain reading
    text, doc = _document(pieces, gaps, use_of)
    for si in _Resolver(doc).prose:
        want = _reference_items(_Resolver(doc), si)
        r = _Resolver(doc)
        tk = r._tokens(si)
        n = len(tk.starts)
        for t0, t1 in ((0, n), (n // 2, n), (1, max(1, n - 1))):
            window = _fields(r._window(tk, t0, t1))  # built before the sentence's items
            assert all(row in want for row in window), text
        items, _ = r._items(tk)
        assert _fields(items) == want, text

"""The actor resolver's shortcuts read what its general machinery would read.

``_Resolver._body_country_at`` answers, without building the window of items around a
government body, what ``_body_country`` reads in that window; where it cannot be sure it
says so (``None``). These tests build texts of a few pieces around body names (states,
nationality words, possessives, "of", odd spacing and punctuation) and check that every
answer it gives is the window's.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from idlib_corpus.document import Annotation, AnnotationLabel, build_document
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


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.sampled_from(_PIECES), min_size=1, max_size=14),
    st.lists(st.sampled_from([" ", " ", " ", "", "  ", "\n"]), min_size=14, max_size=14),
    st.booleans(),
)
def test_body_country_at_agrees_with_the_window(
    pieces: list[str], gaps: list[str], use_of: bool
) -> None:
    text = "".join(p + g for p, g in zip(pieces, gaps, strict=False))
    doc = build_document(Article(id="t", text=text), _annotate(text, use_of))
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

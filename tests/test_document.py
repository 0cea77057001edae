"""Sentence splitting and the shared Document: examples, and the properties every split
must have whatever the text (ordered, stripped, nothing lost, line breaks always cut)."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from idlib_corpus.document import split_sentences
from idlib_corpus.model import Span


def sentences(text: str) -> list[str]:
    return [s.slice(text) for s in split_sentences(text)]


def test_abbreviations_and_initials_do_not_end_a_sentence() -> None:
    text = ('Gen. Akar met Mr. Lavrov on Feb. 8 in the U.S. capital. '
            'J. Smith said "Done." Then he left.')
    assert sentences(text) == [
        "Gen. Akar met Mr. Lavrov on Feb. 8 in the U.S. capital.",
        'J. Smith said "Done."',
        "Then he left.",
    ]


def test_line_breaks_always_cut_and_blank_lines_vanish() -> None:
    text = "ANKARA\n\n  Talks ended  \r\n\nShare this:\tTwitter"
    assert sentences(text) == ["ANKARA", "Talks ended", "Share this:\tTwitter"]


def test_a_stop_before_a_lower_case_word_or_a_closing_quote_does_not_cut() -> None:
    assert sentences("It ended at 3 p.m. today. «Good,» he said!") == [
        "It ended at 3 p.m. today.", "«Good,» he said!"]
    assert sentences("He said: 'It is over.' Russia agreed.") == [
        "He said: 'It is over.'", "Russia agreed."]


_ALPHABET = st.sampled_from(
    [*"ab AZÇİ0.!?\"'”’»)]“‘«(\n\r\t\u00a0\u2028", "Feb.", "Mr.", "U.S."]
)


@given(st.lists(_ALPHABET, max_size=60).map("".join))
def test_split_properties(text: str) -> None:
    spans = split_sentences(text)
    assert all(isinstance(s, Span) for s in spans)
    assert all(a.end <= b.start for a, b in itertools.pairwise(spans))
    for s in spans:
        piece = s.slice(text)
        assert piece and piece == piece.strip() and "\n" not in piece
    covered = {i for s in spans for i in range(s.start, s.end)}
    # nothing is lost: every character outside the spans is whitespace
    assert all(c.isspace() for i, c in enumerate(text) if i not in covered)

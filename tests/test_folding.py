"""Text folding: the fast paths (the ASCII encoder with an error handler per non-ASCII
run) give exactly what the plain per-character translation gives, on any text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from idlib_corpus import folding
from idlib_corpus.folding import fold_char_preserving
from idlib_corpus.knowledge import _scanner

# Mostly ASCII with runs of accents, other scripts, NULs and odd cases ("İ", "ß", "ﬁ").
_CHARS = st.sampled_from(list("aZ -'.\n0\0") + list("éÇşİıßﬁЖжاب日’“\u0301\u00a0"))
_TEXTS = st.lists(_CHARS, min_size=0, max_size=600).map("".join)


@given(_TEXTS)
def test_fold_char_preserving_is_the_per_character_fold(text: str) -> None:
    folded = fold_char_preserving(text)
    assert folded == text.translate(folding._TABLE)
    assert len(folded) == len(text)


@given(_TEXTS.map(fold_char_preserving))
def test_scanner_ascii_copy_is_the_per_character_map(folded: str) -> None:
    fast = folded.encode("ascii", _scanner._TO_ASCII_HANDLER).replace(b"-", b" ").decode()
    assert fast == folded.translate(_scanner._TO_ASCII)

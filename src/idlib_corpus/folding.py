"""Name folding: one comparable form for "Çavuşoğlu", "Cavusoglu" and "CAVUSOGLU".

Two flavours:

* :func:`fold_char_preserving` maps every character to exactly one character, so offsets in
  the folded text equal offsets in the original. The scanner matches over it.
* :func:`fold_name` is GOLD.md's rule 1 for comparing names: accents and case folded,
  hyphens, apostrophes and dots read as spaces, whitespace collapsed.
"""

from __future__ import annotations

import functools
import re
import unicodedata

__all__ = ["fold_char_preserving", "fold_name"]

# Letters whose decomposition does not strip to an ASCII base.
_SPECIAL = {
    "ı": "i",
    "ł": "l",
    "ø": "o",
    "đ": "d",
    "ð": "d",
    "þ": "t",
    "ß": "s",
    "æ": "a",
    "œ": "o",
    "’": "'",
    "‘": "'",
    "ʼ": "'",
    "`": "'",
    "“": '"',
    "”": '"',
    "«": '"',
    "»": '"',
    "–": "-",
    "—": "-",
    "‐": "-",
    "‑": "-",
    "\u00a0": " ",
}


@functools.lru_cache(maxsize=4096)
def _fold_one(ch: str) -> str:
    if ch in _SPECIAL:
        return _SPECIAL[ch]
    low = ch.lower()
    if len(low) != 1:  # "İ".lower() is two code points
        low = low[0]
    if low in _SPECIAL:
        return _SPECIAL[low]
    if low.isascii():
        return low
    base = unicodedata.normalize("NFKD", low)
    for c in base:
        if not unicodedata.combining(c):
            return c if len(c) == 1 else low
    return low


_ASCII_TABLE = str.maketrans({chr(i): chr(i).lower() for i in range(128)})


class _FoldTable(dict[int, str]):
    """A ``str.translate`` table that learns each new character once.

    ``translate`` looks characters up in C; only a character never seen before reaches
    ``__missing__``, so folding costs one pass in C however accented the text is.
    """

    def __missing__(self, code: int) -> str:
        folded = _fold_one(chr(code))
        self[code] = folded
        return folded


_TABLE = _FoldTable({i: c for i, c in ((i, chr(i).lower()) for i in range(128))})


def fold_char_preserving(text: str) -> str:
    """Fold case and accents, one character in, one character out.

    ``len(fold_char_preserving(s)) == len(s)`` always holds, so a match at ``[i, j)`` in the
    folded text is the same words at ``[i, j)`` in the original.

    Example:
        >>> fold_char_preserving("Mevlüt Çavuşoğlu")
        'mevlut cavusoglu'
    """
    if text.isascii():
        return text.translate(_ASCII_TABLE)
    return text.translate(_TABLE)


_SEPARATORS = re.compile(r"[-'.\u2019\u2018\u02bc`_]+")
_SPACES = re.compile(r"\s+")


def fold_name(name: str) -> str:
    """GOLD.md's comparison form of a name.

    Example:
        >>> fold_name("Bashar al-Assad")
        'bashar al assad'
        >>> fold_name("Çavuşoğlu") == fold_name("cavusoglu")
        True
    """
    folded = fold_char_preserving(name)
    folded = _SEPARATORS.sub(" ", folded)
    return _SPACES.sub(" ", folded).strip()

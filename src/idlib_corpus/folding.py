"""Name folding: one comparable form for "Çavuşoğlu", "Cavusoglu" and "CAVUSOGLU".

Two flavours:

* :func:`fold_char_preserving` maps every character to exactly one character, so offsets in
  the folded text equal offsets in the original. The scanner matches over it.
* :func:`fold_name` is GOLD.md's rule 1 for comparing names: accents and case folded,
  hyphens, apostrophes and dots read as spaces, whitespace collapsed.
"""

from __future__ import annotations

import codecs
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

# A text that is not all ASCII still mostly is (curly quotes, a few accented names), but
# ``str.translate`` then looks up every character through the table: ~40 ns each. The
# ASCII encoder instead runs in C and calls an error handler once per run of non-ASCII
# characters, which folds the run; ``bytes.lower`` then folds the ASCII case. A run that
# does not fold to lower-case ASCII (Cyrillic, Arabic) comes out as NULs, and is folded
# again from the original afterwards (a NUL of the text itself folds to NUL either way).
_ENCODE_HANDLER = "idlib_corpus.fold"
_NULS = re.compile("\0+")
#: Below this length the table is faster than the encoder's set-up.
_ENCODE_MIN = 200


def _fold_run(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    run = exc.object[exc.start : exc.end]
    folded = run.translate(_TABLE)
    if folded.isascii() and folded == folded.lower():
        return folded, exc.end
    return "\0" * len(run), exc.end


codecs.register_error(_ENCODE_HANDLER, _fold_run)


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
    if len(text) < _ENCODE_MIN:
        return text.translate(_TABLE)
    out = text.encode("ascii", _ENCODE_HANDLER).lower().decode("ascii")
    if "\0" not in out:
        return out
    parts: list[str] = []
    pos = 0
    for m in _NULS.finditer(out):
        start, end = m.span()
        parts.append(out[pos:start])
        parts.append(text[start:end].translate(_TABLE))
        pos = end
    parts.append(out[pos:])
    return "".join(parts)


_SEPARATORS = re.compile(r"[-'.\u2019\u2018\u02bc`_]+")
_SPACES = re.compile(r"\s+")


@functools.lru_cache(maxsize=1 << 16)  # the same names recur in every article
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

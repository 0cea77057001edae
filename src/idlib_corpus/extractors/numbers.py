"""Built-in plugin ``idlib_corpus.numbers``: figures and number words, with their qualifier.

News states counts in many ways: "76", "1,000", "3.6 million", "1.5m", "five",
"twenty-three", "a dozen", "half a million", and bounds or softens them: "more than" (a
lower bound), "up to" (an upper bound), "close to", "around", "some" (approximate). This
module reads all of them with one small grammar built once from
``data/number_words.json``:

* :func:`parse_number` reads the figure a piece of text begins with;
* :func:`parse_duration_minutes` reads a length of time ("three-hour" is 180 minutes);
* the ``idlib_annotate`` hook marks every count in an article as a
  :attr:`~idlib_corpus.document.AnnotationLabel.NUMBER` annotation (``value`` the int,
  ``key`` the :class:`~idlib_corpus.model.Qualifier` value).

Figures that are not counts are left unmarked: years ("2017"), dates ("February 5",
"5 February"), ordinals ("first", "5th"), compound modifiers ("nine-year-old",
"three-hour"), codes ("Resolution 2254", "S-400"), percentages, sums of money and
clock times. Summing "five soldiers and three civilians" is the events extractors' job:
this module gives each figure on its own.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable, Sequence
from fractions import Fraction
from importlib import resources
from typing import Any

import attrs

from idlib_corpus import _trusted
from idlib_corpus.document import Annotation, AnnotationLabel, Document
from idlib_corpus.hookspecs import hookimpl
from idlib_corpus.model import Qualifier
from idlib_corpus.plugins import builtin_name

__all__ = [
    "digit_runs",
    "idlib_annotate",
    "parse_duration_minutes",
    "parse_number",
    "word_hits",
]

_SOURCE = builtin_name(__name__)

# Month names (folded) next to which a figure is a day of the month, not a count.
_MONTHS = frozenset(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
     "sep", "sept", "oct", "nov", "dec"]
)


@attrs.frozen
class _Grammar:
    """The compiled number grammar and its vocabulary (built once, see :func:`_grammar`)."""

    units: dict[str, int]
    tens: dict[str, int]
    scales: dict[str, int]
    fractions: dict[str, Fraction]
    qualifiers: dict[str, Qualifier]
    label_words: frozenset[str]
    not_after: frozenset[str]
    not_before: frozenset[str]
    percent_words: frozenset[str]
    currency_words: frozenset[str]
    measure_words: frozenset[str]
    not_counted: frozenset[str]  # percent_words | currency_words | measure_words
    single_words: dict[str, int]  # units and tens, with their values
    currency_symbols: str
    duration_units: dict[str, int]
    number: re.Pattern[str]  # qualifier? + figure or number words
    duration: re.Pattern[str]
    token: re.Pattern[str]
    keywords: tuple[str, ...]  # number words that may start or carry a figure
    keyword_set: frozenset[str]
    starters: frozenset[str]  # first words of qualifiers, "a", "an": where a figure may start


def _alternation(words: Sequence[str]) -> str:
    # Longest first, so that "no more than" wins over "more than"; spaces match any run
    # of blanks. The vocabulary is a few dozen words, not a name list.
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


@functools.cache
def _grammar() -> _Grammar:
    path = resources.files("idlib_corpus") / "data" / "number_words.json"
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    units = {k: int(v) for k, v in data["units"].items()}
    tens = {k: int(v) for k, v in data["tens"].items()}
    scales = {k: int(v) for k, v in data["scales"].items()}
    fractions = {k: Fraction(v) for k, v in data["fractions"].items()}
    qualifiers = {k: Qualifier(v) for k, v in data["qualifiers"].items()}
    words = _alternation([*units, *tens, *scales, *fractions])
    joiner = r"(?:\s*-\s*|\s+)(?:and\s+)?(?:an?\s+)?"
    word_number = rf"(?:an?\s+)?(?:{words})(?:{joiner}(?:{words}))*"
    figure = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
    big = _alternation([w for w, v in scales.items() if v >= 1000])
    # ("1.5m people", "2bn": a scale written short, as British papers do)
    number_core = rf"(?:{figure})(?:\s+(?:{big})|m|bn)?(?![\w,]*\d)|{word_number}"
    number = re.compile(
        rf"\b(?:(?P<q>{_alternation(list(qualifiers))})\s+)?(?P<n>{number_core})\b",
        re.IGNORECASE,
    )
    units_alt = _alternation(list(data["duration_units"]))
    duration = re.compile(
        rf"\b(?:(?P<n>{number_core})|(?P<half>half)(?:\s+an?)?|(?P<one>an?))"
        rf"\s*-?\s*(?P<u>{units_alt})s?\b(?P<and_half>\s+and\s+a\s+half\b)?"
        # "two days later" says when, not how long.
        r"(?!\s+(?:later|earlier|ago|before|after|from|in\s+advance)\b)"
        rf"|\b(?P<u1>{units_alt})-long\b",
        re.IGNORECASE,
    )
    return _Grammar(
        units=units,
        tens=tens,
        scales=scales,
        fractions=fractions,
        qualifiers=qualifiers,
        label_words=frozenset(data["label_words"]),
        not_after=frozenset(data["not_after"]),
        not_before=frozenset(data["not_before"]),
        percent_words=frozenset(w for w in data["percent_words"] if " " not in w),
        currency_words=frozenset(data["currency_words"]),
        measure_words=frozenset(data["measure_words"]),
        not_counted=frozenset(w for w in data["percent_words"] if " " not in w)
        | frozenset(data["currency_words"]) | frozenset(data["measure_words"]),
        single_words={**tens, **units},
        currency_symbols=data["currency_symbols"],
        duration_units={k: int(v) for k, v in data["duration_units"].items()},
        number=number,
        duration=duration,
        token=re.compile(r"[a-z]+", re.IGNORECASE),
        keywords=tuple(sorted({*units, *tens, *scales, *fractions})),
        keyword_set=frozenset({*units, *tens, *scales, *fractions}),
        starters=frozenset(
            {q.split()[0] for q in qualifiers} | {"a", "an"} | {*units, *tens, *fractions}
        ),
    )


# --------------------------------------------------------------------------- evaluation


def _eval_words(
    g: _Grammar, text: str, *, allow_fraction: bool = False
) -> tuple[int | Fraction, int]:
    """Value of number words and the length of the longest well-formed prefix.

    Returns ``(value, end)`` where ``end`` is the offset in ``text`` after the last word
    that belongs to the number; ``end == 0`` when no prefix is a number. "five and three"
    stops after "five" (two numbers, not one); "half" alone is not a count.
    """
    toks = [(m.group().lower(), m.end()) for m in g.token.finditer(text)]
    total: int | Fraction = 0  # completed thousands/millions groups
    cur: int | None = None  # the group being built ("three hundred twenty")
    frac: Fraction | None = None  # a pending "half"/"quarter"
    article = False  # a pending "a"/"an"
    last = ""  # kind of the previous word: unit, teen, tens, hundred, big, dozen, and
    last_big = 10**12
    best: tuple[int | Fraction, int] = (0, 0)
    for i, (tok, end) in enumerate(toks):
        nxt = toks[i + 1][0] if i + 1 < len(toks) else ""
        if tok in ("a", "an"):
            if article or (cur is not None and last not in ("and",) and frac is None):
                break
            article = True
            continue
        if tok == "and":
            # "three hundred and twenty", "two and a half million"; never "five and three".
            if last in ("hundred", "big") or (nxt in ("a", "an", *g.fractions) and cur is not None):
                last = "and"
                continue
            break
        if tok in g.fractions:
            if frac is not None:
                break
            frac = g.fractions[tok]
            article = False
            last = "frac"
        elif tok in g.units or tok in g.tens:
            if article or frac is not None:
                break
            v = g.units.get(tok, g.tens.get(tok, 0))
            c = cur or 0
            if cur is not None and last in ("unit", "teen", "dozen"):
                break
            if cur is not None and last == "tens" and (tok in g.tens or v >= 10):
                break
            if cur is not None and last in ("hundred", "and") and c % 100 != 0:
                break
            cur = c + v
            last = "tens" if tok in g.tens else ("teen" if v >= 10 else "unit")
        elif tok == "hundred":
            if frac is not None or (cur is not None and cur >= 100):
                break
            cur = (cur if cur is not None else (1 if article else 0)) * 100
            if cur == 0:
                break
            article = False
            last = "hundred"
        elif tok == "dozen":
            if frac is not None or (cur is not None and cur >= 100):
                break
            base_int = cur if cur is not None else (1 if article else 0)
            if base_int == 0:
                break
            cur = base_int * 12
            article = False
            last = "dozen"
        elif tok in g.scales:
            scale = g.scales[tok]
            if scale >= last_big:
                break
            base: int | Fraction
            if frac is not None:  # "half a million", "two and a half million"
                base = (cur or 0) + frac
            else:
                base = cur if cur is not None else (1 if article else 0)
            if base == 0:
                break
            total += base * scale
            cur, frac, article = None, None, False
            last, last_big = "big", scale
        else:  # pragma: no cover - the regex only lets vocabulary words through
            break
        if frac is None and not article:
            best = (total + (cur or 0), end)
        elif allow_fraction and frac is not None and not article:
            best = (total + (cur or 0) + frac, end)
    return best


def _figure_value(g: _Grammar, text: str) -> int | Fraction | None:
    parts = text.split()
    digits = parts[0].replace(",", "")
    scale = _SHORT_SCALES.get(digits[-2:]) or _SHORT_SCALES.get(digits[-1:])
    if scale is not None:
        digits = digits.rstrip("mbn")
    value: int | Fraction
    try:
        value = int(digits) if digits.isdigit() else Fraction(digits)
    except ValueError:
        return None
    if len(parts) > 1:
        value *= g.scales[parts[-1].lower()]
    elif scale is not None:
        value *= scale
    return value


#: Scales written short after a figure: "1.5m", "2bn".
_SHORT_SCALES = {"m": 1_000_000, "bn": 1_000_000_000}


def _value(
    g: _Grammar, n_text: str, *, allow_fraction: bool = False
) -> tuple[int | Fraction, int]:
    """Value of the ``n`` group and how much of it belongs to the number."""
    if n_text[:1].isdigit():
        v = _figure_value(g, n_text)
        return (v, len(n_text)) if v is not None else (0, 0)
    # One unit or tens word ("two", "Twenty"), the most frequent case: what _eval_words
    # gives for it (such a word is ASCII letters, one token).
    single = g.single_words.get(n_text.lower())
    if single is not None:
        return single, len(n_text)
    return _eval_words(g, n_text, allow_fraction=allow_fraction)


# --------------------------------------------------------------------------- public API


def parse_number(text: str) -> tuple[int, Qualifier] | None:
    """Read the figure that ``text`` begins with, and how it is qualified.

    Trailing words are ignored ("300 trucks" is 300). Years, ordinals, fractions of one
    and compound modifiers ("nine-year-old") are not counts and give ``None``.

    Args:
        text: words starting with a figure, a number word or a qualifier.

    Returns:
        ``(value, qualifier)``, or ``None`` if ``text`` does not begin with a count.

    Example:
        >>> parse_number("more than half a million people")
        (500000, <Qualifier.AT_LEAST: 'at_least'>)
        >>> parse_number("close to one million")
        (1000000, <Qualifier.ABOUT: 'about'>)
        >>> parse_number("3.6 million refugees")
        (3600000, <Qualifier.EXACT: 'exact'>)
        >>> parse_number("2017") is None
        True
    """
    g = _grammar()
    stripped = text.lstrip()
    m = g.number.match(stripped)
    if m is None:
        return None
    found = _read_match(g, stripped, m)
    if found is None:
        return None
    value, qualifier, _start, _end = found
    return value, qualifier


def parse_duration_minutes(text: str) -> int | None:
    """The first length of time stated in ``text``, in minutes.

    Args:
        text: a phrase or sentence ("three-hour negotiations", "held three hours of talks").

    Returns:
        Minutes, or ``None`` if ``text`` states no length of time.

    Example:
        >>> parse_duration_minutes("three-hour negotiations")
        180
        >>> parse_duration_minutes("officials held three hours of talks")
        180
        >>> parse_duration_minutes("a 90-minute meeting")
        90
        >>> parse_duration_minutes("talks lasting an hour and a half")
        90
    """
    g = _grammar()
    count: int | Fraction
    for m in g.duration.finditer(text):
        if m.group("u1"):  # "hour-long"
            count = Fraction(1)
            unit = g.duration_units[m.group("u1").lower()]
        else:
            unit = g.duration_units[m.group("u").lower()]
            if m.group("half"):
                count = Fraction(1, 2)
            elif m.group("one"):
                # "an hour", but not "a day": "twice a day" is a rate, not a length.
                if unit >= g.duration_units["day"]:
                    continue
                count = Fraction(1)
            else:
                # "a four-hour meeting": the article belongs to the noun, not the figure.
                n_text = _ARTICLE.sub("", m.group("n"))
                count, used = _value(g, n_text, allow_fraction=True)
                if used < len(n_text.rstrip()):
                    continue
            if m.group("and_half"):
                count += Fraction(1, 2)
        minutes = count * unit
        if minutes.denominator == 1 and minutes > 0:
            return int(minutes)
    return None


# --------------------------------------------------------------------------- annotation


def _read_match(
    g: _Grammar, text: str, m: re.Match[str]
) -> tuple[int, Qualifier, int, int] | None:
    """Value, qualifier and span of one grammar match, or ``None`` if it is no count."""
    n_text = m.group("n")
    if len(n_text) == 4 and n_text.isdigit() and 1800 <= int(n_text) <= 2100:
        return None  # a year (as _is_count would find, after reading the value)
    n_start = m.start("n")
    value, used = _value(g, n_text)
    # (Values are exact ints or Fractions: a type test, not an ABC isinstance check.)
    if used == 0 or (type(value) is Fraction and value.denominator != 1):
        return None
    end = n_start + used
    q = m.group("q")
    qualifier = g.qualifiers[" ".join(q.lower().split())] if q else Qualifier.EXACT
    if not _is_count(g, text, n_start, end, n_text[:used], qualified=q is not None):
        return None
    return int(value), qualifier, m.start(), end


_STRIP = "\"'“”‘’()[]{}«»,;:!?"


def _is_count(
    g: _Grammar, text: str, start: int, end: int, n_text: str, *, qualified: bool
) -> bool:
    """Whether the figure at ``[start, end)`` counts things (not a year, date, code...)."""
    after = text[end : end + 24]
    before = text[max(0, start - 24) : start]
    a0, b1 = after[:1], before[-1:]
    # Compound modifiers and codes: "nine-year-old", "three-hour", "S-400", "2019-2020".
    if a0 == "-" and after[1:2].isalnum():
        return False
    if b1 == "-" and before[-2:-1].isalnum():
        return False
    # A figure cut short of its decimals ("2" of "2.5m", "5" of "2.5"): not the figure
    # written.
    if (a0 == "." and after[1:2].isdigit()) or (b1 == "." and before[-2:-1].isdigit()):
        return False
    # Clock times and version numbers: "10:30", "3 p.m.".
    if a0 in (":", "/") and after[1:2].isdigit():
        return False
    if b1 in (":", "/") or a0 == "%":
        return False
    # The words right after and before (none where the figure is not followed, or
    # preceded, by a space).
    raw_after = ""
    if a0.isspace():
        after_words = after.split(None, 1)
        if after_words:
            raw_after = after_words[0].strip(_STRIP)
    word_after = raw_after.lower()
    # Clock times, percentages, sums of money.
    if word_after in ("am", "pm", "am.", "pm.") or word_after.startswith(("a.m", "p.m")):
        return False
    word_after = word_after.rstrip(".")
    # Percentages and sums of money; lengths of time ("three hours of talks", "six months
    # since") are not counts either: parse_duration_minutes reads them.
    if word_after in g.not_counted:
        return False
    if (before.rstrip()[-1:] or " ") in g.currency_symbols:
        return False
    raw_before = ""
    if b1.isspace():
        before_words = before.rsplit(None, 1)
        if before_words:
            raw_before = before_words[-1].strip(_STRIP)
    word_before = raw_before.lower()
    # Dates: "February 5", "Feb. 8", "5 February" (capitalised: "five may die" is no date).
    if (word_before.rstrip(".") in _MONTHS and raw_before[:1].isupper()) or (
        word_after in _MONTHS and raw_after[:1].isupper()
    ):
        return False
    if n_text[:1].isdigit():
        # Years: four digits, no thousands separator, no scale word.
        if n_text.isdigit() and len(n_text) == 4 and 1800 <= int(n_text) <= 2100:
            return False
        # Codes and names: "Resolution 2254", "observation post 9".
        if not qualified and (
            word_before in g.label_words or word_before.rstrip(".") in g.label_words
        ):
            return False
    elif n_text.lower() == "one" and (word_before in g.not_after or word_after in g.not_before):
        return False  # "no one", "one another": a pronoun, not a count
    return True


def word_hits(folded: str, words: Iterable[str]) -> list[int]:
    """Start offsets of whole-word occurrences of ``words`` in lower-case ``folded``.

    Plain ``str.find`` calls: much faster than one regular expression over the text, and
    the shared prefilter of the number and time grammars (which then run only where a
    hit is).

    Example:
        >>> word_hits("someone saw one man", ["one"])
        [12]
    """
    hits: list[int] = []
    n = len(folded)
    for w in words:
        size = len(w)
        i = folded.find(w)
        while i >= 0:
            if (i == 0 or not folded[i - 1].isalnum()) and (
                i + size >= n or not folded[i + size].isalnum()
            ):
                hits.append(i)
            i = folded.find(w, i + size)
    return hits


def digit_runs(text: str) -> tuple[int, ...]:
    """Start offsets of the runs of ASCII digits in ``text`` (unsorted).

    Example:
        >>> sorted(digit_runs("76 troops, 1,000 shells"))
        [0, 11, 13]
    """
    out: list[int] = []
    for c in "0123456789":
        i = text.find(c)
        while i >= 0:
            if i == 0 or not text[i - 1].isdigit():
                out.append(i)
            i = text.find(c, i + 1)
    return tuple(out)


_ARTICLE = re.compile(r"^an?\s+(?=\S+\s*-?\s*\S)", re.IGNORECASE)


@functools.cache
def _shared_vocabulary() -> tuple[re.Pattern[str], frozenset[str]]:
    """The words this module and the time annotator key on, and one regex for them all.

    The number words, and the words every time expression holds (``keywords``, month and
    weekday names of ``data/time_words.json``, folded): one pass of one trie-factored
    regex over the folded text finds them for both annotators (see
    :func:`key_word_hits`), instead of a ``str.find`` pass per word or stem in each.
    """
    from idlib_corpus.knowledge._scanner import trie_pattern

    path = resources.files("idlib_corpus") / "data" / "time_words.json"
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    words = frozenset({
        *_grammar().keywords,
        *data["keywords"],
        *(w.lower() for w in (*data["months"], *data["weekdays"])),
    })
    # Whole words as far as ASCII letters tell; each caller checks the boundaries its
    # own way (letters or letters and digits, in any script). A longer word is tried
    # first, and a shorter one where it is not followed by a boundary. The regex runs
    # over a copy of the folded text where all but a-z is a space, one space more on the
    # left (see key_word_hits), and reads the space before the word too: it then opens
    # with a literal, which the engine finds by a plain scan, not a lookbehind or a
    # character class tried at every character.
    if not all(w.isascii() and w.isalpha() and w.islower() for w in words):
        raise RuntimeError("the shared key words must be lower-case ASCII letters")
    regex = re.compile(r" (?:" + trie_pattern(words) + r")(?![a-z])")
    return regex, words


#: bytes.translate table: a-z kept, every other byte a space.
_LETTERS_ONLY = bytes(c if 97 <= c <= 122 else 32 for c in range(256))


#: The last article's key words: (text, folded, words, digit runs). The time and number
#: annotators both need them for the same article, one after the other.
_last_key_words: tuple[str, str, tuple[tuple[int, int, str], ...], tuple[int, ...]] | None = None


def key_word_hits(
    text: str, folded: str
) -> tuple[tuple[tuple[int, int, str], ...], tuple[int, ...]]:
    """``(start, end, word)`` of the words of :func:`_shared_vocabulary` in ``folded``
    (not followed or preceded by an ASCII letter), and :func:`digit_runs` of ``text``.

    Remembered for the last ``(text, folded)`` pair (by identity: the strings are held,
    so a new one is never mistaken for them).
    """
    global _last_key_words
    last = _last_key_words
    if last is not None and last[0] is text and last[1] is folded:
        return last[2], last[3]
    regex = _shared_vocabulary()[0]
    # The regex tells only a-z from the rest, so the rest may all be spaces: ASCII bytes
    # (one "?" per other character, so offsets stay), then a table. A match [i, j) there
    # (one space more on the left) is the word folded[i:j - 1].
    letters = folded.encode("ascii", "replace").translate(_LETTERS_ONLY).decode("ascii")
    words = tuple((m.start(), m.end() - 1, m.group()[1:])
                  for m in regex.finditer(" " + letters))
    digits = digit_runs(text)
    _last_key_words = (text, folded, words, digits)
    return words, digits


def _keyword_hits(g: _Grammar, text: str, folded: str) -> tuple[set[int], tuple[int, ...]]:
    """``set(word_hits(folded, g.keywords))``, read off :func:`key_word_hits`, and the
    digit runs of ``text``.

    A number word is a hit between characters that are neither letters nor digits.
    """
    words, digits = key_word_hits(text, folded)
    hits: set[int] = set()
    n = len(folded)
    keywords = g.keyword_set
    for a, b, word in words:
        if (word in keywords and (a == 0 or not folded[a - 1].isalnum())
                and (b >= n or not folded[b].isalnum())):
            hits.add(a)
    return hits, digits


def _scan(g: _Grammar, text: str, folded: str) -> list[tuple[int, Qualifier, int, int]]:
    """Every count in ``text``: the grammar is tried only near digits and number words."""
    hits, digits = _keyword_hits(g, text, folded)
    keys = sorted(hits.union(digits))
    out: list[tuple[int, Qualifier, int, int]] = []
    covered = 0
    # Neighbouring keys ("600,000 people") try the same starts: each is matched once.
    tried: dict[int, re.Match[str] | None] = {}
    number = g.number.match
    starters = g.starters
    for p in keys:
        if p < covered:
            continue
        # A qualifier ("no fewer than", "close to") may start up to three words earlier.
        lo = max(covered, p - 40)
        seg = folded[lo:p]
        starts: list[int] = []
        tail = seg.split()[-3:]
        if not starters.isdisjoint(tail):  # (most keys have no qualifier before them)
            pos = len(seg)
            for w in reversed(tail):
                pos = seg.rfind(w, 0, pos)
                if w in starters:
                    starts.append(lo + pos)
            starts.reverse()
        starts.append(p)
        for s in starts:
            if s in tried:
                m = tried[s]
            else:
                m = tried[s] = number(text, s)
            if m is None or m.end() <= p:
                continue
            found = _read_match(g, text, m)
            if found is not None:
                out.append(found)
                covered = found[3]
            break
    return out


_QUALIFIER_KEY = {q: q.value for q in Qualifier}  # a dict lookup beats Enum.value


@hookimpl
def idlib_annotate(doc: Document) -> list[Annotation] | None:
    """Mark every count in the article as a ``NUMBER`` annotation.

    ``value`` is the integer, ``key`` the :class:`~idlib_corpus.model.Qualifier` value
    ("exact", "at_least", "at_most", "about"); the span covers the qualifier and the figure
    ("more than half a million").

    Example:
        >>> from idlib_corpus.document import build_document
        >>> from idlib_corpus.model import Article
        >>> doc = build_document(Article(id="x", text="Shelling killed five soldiers in 2020."))
        >>> [(a.text, a.value, a.key) for a in idlib_annotate(doc)]
        [('five', 5, 'exact')]
    """
    text = doc.text
    # Built from their slots (see idlib_corpus._trusted): valid by construction. source:
    # as the pipeline would stamp it (no copy made there).
    new_annotation, new_span, label = _trusted.annotation, _trusted.span, AnnotationLabel.NUMBER
    out = [
        new_annotation(new_span(start, end), label, text[start:end], _QUALIFIER_KEY[qualifier],
                       value, _SOURCE)
        for value, qualifier, start, end in _scan(_grammar(), text, doc.folded)
    ]
    return out or None

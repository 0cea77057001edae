"""Built-in plugin ``idlib_corpus.times``: time expressions resolved to dates with precision.

News dates events relative to the day it is published: "on Thursday", "a day earlier",
"next week", "last September", "since early December", "Feb. 8". This module finds such
expressions with one small grammar (a regular expression built once from
``data/time_words.json``) and resolves each against a base date, the article's
publication date (from metadata, or read from a dated dateline by the metadata plugin):

* weekdays go to the most recent such day on or before the base when the clause speaks
  of the past, to the next one on or after it when it speaks of the future ("will",
  "is expected to", "is to", "must"), to the nearer of the two when it tells a schedule
  in the present ("the truce expires on Saturday"); the tense is read from the words
  nearest to the expression, within its clause first;
* a month and day without a year ("February 14") takes the base's year, or the one
  before when the clause speaks of the past and the date would fall more than a month
  after the base (the one after for the future), else the nearer of the two;
* "a day earlier", "the next day", "the same day" count from the date given just before
  (in the same or the previous three sentences), else from the base; "hours later" and
  "shortly afterwards" are that date's day (nothing without one), and so are "hours
  after the raid", "minutes before the strike" (a day told in that sentence or the one
  before); "(on Tuesday,) a day after a car bomb" dates the attack, a day before the
  day the sentence has told (one or two days; not after a date opening the sentence);
* "later that year", "earlier that month", "that same week" fall in that unit of the time
  just told (the part after or before it, where that time is finer than the unit);
  "earlier in the day" is the day just told, else the base; "early last month" is that
  month's first third, as "early March" is March's; "in March of that year"
  ("the following year", "the previous year") takes its year from the time just told,
  and gives nothing when none was;
* "New Year's Day", "New Year's Eve" and "Christmas Day" are days of the year, read as a
  month and day without a year; "on the 5th" (no noun after it) is that day of the month
  just told, else of the base's month (the month before in a past clause, where the day
  would lie after the base);
* weeks run Monday to Sunday; "this week" in a past clause ends at the base; "over the
  weekend" is the Saturday and Sunday just gone (the coming ones in a future clause);
  "the past 24 hours" the day before the base and the base;
* a value is never more precise than its words: "last September" is a month, "in 2018"
  a year, "since early December" a day interval from December 1 to the base (and two
  months joined, "between December and March", whole days: a gold interval of days or
  of months holds them alike); "early", "mid-" and "late" in a month name its thirds
  (days 1-10, 11-20, 21 to the end), as a day interval, and so do "the first days of"
  and "the last days of"; "the first week of", "the second half of" their days; in a
  year ("late 2018", "mid-2019", "early last year") its thirds of four months, and "the
  second half of 2020" its half; a season ("last summer", "the autumn of 2018") its
  three months (a winter runs from December; one with a single year is not read);
* "late Thursday", "early on Monday" are read whole; "overnight" before a named day
  ("overnight into Sunday") gives way to that day;
* the tense is read within the clause: where no cue lies near, further back in it
  (a long past clause: "had tried for weeks to settle ... in November"); a clause that
  "after", "when", "once" opens on the right is another clause; a future word used as a
  noun ("discussed the plan on Tuesday") and "next to" say nothing of the tense.

Expressions whose extent the words do not fix ("the past few weeks", "recently") are
skipped rather than guessed. Absolute dates are read by the grammar itself: it covers
the forms news uses and is much faster than ``dateparser``, which this module does not
call (see the module's tests for the forms covered).
"""

from __future__ import annotations

import bisect
import datetime as _dt
import enum
import functools
import json
import re
from collections.abc import Sequence
from importlib import resources
from typing import Any, NamedTuple

import attrs

from idlib_corpus import _trusted
from idlib_corpus.document import Annotation, AnnotationLabel, Document
from idlib_corpus.extractors.numbers import _shared_vocabulary, key_word_hits
from idlib_corpus.folding import fold_char_preserving
from idlib_corpus.hookspecs import hookimpl
from idlib_corpus.model import Precision, Span, TimeValue, _whole_units
from idlib_corpus.plugins import builtin_name

__all__ = ["Tense", "detect_tense", "find_times", "idlib_annotate", "resolve_expression"]

_SOURCE = builtin_name(__name__)
_ONE_DAY = _dt.timedelta(days=1)
#: How far (days) a month-day in a past clause may lie after the base before it is read
#: as last year's (and one in a future clause before it, as next year's). A date a few
#: weeks off is far likelier a misread tense ("agreed to patrol from March 15") or a
#: publication date a day off than a date a year away.
_TOLERANCE_DAYS = 31


class Tense(enum.Enum):
    """The tense of the clause around a time expression, as far as its words show."""

    PAST = "past"
    PRESENT = "present"
    FUTURE = "future"
    UNKNOWN = "unknown"


#: What a word says of the tense: a Tense, None, or a 1-tuple holding what the word signals
#: when the next word is not "to" ("is", "set": future before "to").
_Cue = Tense | tuple[Tense | None] | None


@attrs.frozen
class _Vocab:
    months: dict[str, int]
    weekdays: dict[str, int]
    counts: dict[str, int | None]
    licensors: frozenset[str]
    cues: dict[str, Tense]  # word -> the tense it signals
    future_before_to: frozenset[str]  # future only before "to" ("is to", "set to")
    weak_cues: dict[str, Tense]  # what those words signal otherwise ("is", "was")
    not_past_ed: frozenset[str]
    auxiliaries: frozenset[str]  # past auxiliaries, never participles ("was", "had")
    not_verbs: frozenset[str]  # words after "to" that make it no infinitive ("to the")
    future_nouns: frozenset[str]  # future cues that are nouns after a determiner ("the plan")
    noun_or_place_cues: frozenset[str]  # those and "next" ("next to the patrol")
    master: re.Pattern[str]
    point: re.Pattern[str]  # one absolute point (range ends, "since" objects)
    stems: tuple[str, ...]  # what the prefilter looks for (see _key_words)
    # Per key word (the keywords every other expression holds, "day", "week"..., and the
    # month and weekday names, folded): whether it is a keyword, whether it is a name,
    # whether it holds a lower-case stem (see _key_words).
    key_kinds: dict[str, tuple[bool, bool, bool]]
    capital_stems: re.Pattern[str]  # the capitalised stems (month names), as one regex
    starters: frozenset[str]  # folded words an expression may begin with
    # Per word as split from the text (punctuation and all): the word stripped of its
    # punctuation, lower-cased, and _word_cue's answer for it when it is not a
    # sentence's first word (see _tense_word). Bounded by _CUE_MEMO_SIZE.
    tense_words: dict[str, tuple[str, str, _Cue]] = attrs.field(factory=dict, eq=False)
    # _word_cue's answers for a sentence's first word, by the stripped word.
    first_cues: dict[str, _Cue] = attrs.field(factory=dict, eq=False)
    # _starter_offset's answers, by the word as split (bounded by _CUE_MEMO_SIZE).
    starter_offsets: dict[str, int] = attrs.field(factory=dict, eq=False)


def _alt(words: Sequence[str]) -> str:
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


@functools.cache
def _vocab() -> _Vocab:
    path = resources.files("idlib_corpus") / "data" / "time_words.json"
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    months: dict[str, int] = {k: int(v) for k, v in data["months"].items()}
    weekdays: dict[str, int] = {k: int(v) for k, v in data["weekdays"].items()}
    counts = {k: (None if v is None else int(v)) for k, v in data["counts"].items()}
    full = [m for m in months if len(m) > 4 or m in ("May", "June", "July")]
    abbr = [m for m in months if m not in full]
    mfull = f"(?:{_alt(full)})"
    mon = rf"(?:{_alt(full)}|(?:{_alt(abbr)})\.?)"
    day = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\b"
    year = r"(?:1[89]\d\d|20\d\d)\b(?!-\d)"
    wd = f"(?:{_alt(list(weekdays))})"
    n = rf"(?:{_alt([c for c in counts])}|\d{{1,3}})"
    unit = r"(?:day|week|month|year)s?"
    # (a month's parts: "early", "mid-", "the end of", "the first days of", "the last week
    # of", "the second half of")
    part = (r"(?:early|late|mid|(?:the\s+)?(?:beginning|start|end|middle)\s+of"
            r"|the\s+(?:(?:first|last|final|closing|opening)\s+(?:few\s+)?days"
            r"|(?:first|second|third|last|final)\s+week|(?:first|second)\s+half)\s+of)")
    p_md = rf"{mon}\s+{day}(?:,?\s+{year})?"
    p_dm = rf"(?:(?i:the)\s+)?{day}(?:\s+(?i:of))?\s+{mon}(?:,?\s+{year})?"
    # ("in March of that year", "in May the following year": the year of the time just told)
    that_year = (r"(?i:\s+(?:of\s+)?(?:that|the\s+same|that\s+same|the\s+following"
                 r"|the\s+next|the\s+previous)\s+year)\b")
    p_my = (rf"(?:(?i:{part})[\s-]*)?(?:{mfull}(?:,?\s+{year}|{that_year})?"
            rf"|{mon}\s+{year})")
    p_iso = r"(?:1[89]|20)\d\d-[01]\d-[0-3]\d\b"
    point = rf"(?:{p_iso}|{p_md}|{p_dm}|{p_my}|{wd}|{year})"
    words_day = (
        r"(?i:the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow"
        r"|(?:yesterday|tomorrow|this)\s+(?:morning|afternoon|evening)|last\s+night"
        r"|(?:earlier|later)\s+today|yesterday|today|tonight|tomorrow|overnight)"
    )
    # ("before the end of the year": from the base to the year's end; matched from "the",
    # a starter already, so that no start is tried at every "by")
    edge = (r"(?i:(?:earlier|later)\s+this\s+(?:week|month|year)"
            r"|(?:(?<=before\s)|(?<=by\s))the\s+end\s+of\s+(?:the|this)\s+(?:month|year))")
    lnt = (
        r"(?i:(?:the\s+)?(?:last|next|this|past|coming|previous|following)\s+"
        r"(?:weekend|week|month|year))\b(?!\s+of\s+[A-Z])"  # (not "the last week of May")
    )
    # ("over the weekend", "at the weekend": the weekend nearest the base, on the side
    # the tense says)
    wkend = r"(?i:the\s+weekend|this\s+past\s+weekend)\b"
    # ("in the past 24 hours": the days those hours reach back over, to the base)
    phours = r"(?i:(?:the\s+)?(?:past|last|previous)\s+(?:24|48|72)\s+hours)\b"
    # ("early last month", "at the end of last month": a part of the month named relative
    # to the base)
    pmon = (r"(?i:early|late|mid|the\s+(?:beginning|start|end|middle)\s+of)[\s-]+"
            r"(?i:last|next|this)\s+(?i:month)\b")
    # ("late 2018", "mid-2019", "early last year", "the second half of 2020": a part of a
    # year; read above: an edge, "the end of the year")
    ypart = (r"(?i:early|late|mid|the\s+(?:beginning|start|end|middle)\s+of"
             rf"|the\s+(?:first|second)\s+half\s+of)[\s-]+(?:(?i:last|next|this)\s+(?i:year)\b"
             rf"|{year})")
    # ("last summer", "the summer of 2019", "autumn 2018": a season, in the northern
    # hemisphere's months; a winter with one year is not read: which winter is not said)
    season = (r"(?i:(?:last|this|next|the\s+past|the\s+coming)\s+"
              r"(?:spring|summer|autumn|fall|winter))\b"
              rf"|(?i:(?:the\s+)?(?:spring|summer|autumn|fall)\s+(?:of\s+)?){year}")
    lnt_named = rf"(?i:last|next|this)\s+(?:{mfull}|{wd})"
    ago = (
        rf"(?i:{n}\s+{unit}\s+(?:ago|earlier|later|before|after|since|on|from\s+now))\b"
    )
    pastn = rf"(?i:(?:the\s+)?(?:past|last|previous|next|coming|following)\s+{n}\s+{unit})\b"
    anch = (
        r"(?i:the\s+(?:day|week|month|year)\s+(?:before|after|earlier|later)"
        r"|the\s+(?:next|following|previous|same)\s+(?:day|week|month|year)"
        r"|that\s+(?:same\s+)?day|that\s+same\s+(?:week|month|year)"
        # ("Earlier in the day, …", "later that month": within the unit of the time told)
        r"|(?:earlier|later)\s+(?:in\s+the|that)\s+(?:day|week|month|year)"
        # ("Hours later, …", "shortly afterwards": the day just told)
        # ("hours after the attack": the day of the attack, just told)
        r"|(?:hours|minutes|moments)\s+(?:later|after|before)"
        r"|(?:shortly|soon)\s+(?:afterwards?|thereafter))\b"
    )
    # ("late Thursday", "early on Monday": the part of the day belongs to the expression,
    # so that the verb before it sets the tense: "said late Thursday it would ...")
    wdx = (rf"(?:(?i:late|early)\s+(?:(?i:on)\s+)?)?{wd}(?:['’]s)?"
           r"(?:\s+(?i:morning|afternoon|evening|night))?\b")
    decade = r"(?:(?i:the)\s+)?(?:1[89]|20)\d0s\b"
    to = r"(?:(?i:to|till|until|through)\s+|[-–]\s*)"
    rng = (
        rf"(?i:from)\s+{point}\s*{to}{point}|(?i:between)\s+{point}\s*(?i:and)\s+{point}"
        # "February 27-28", "from February 27 to 29", "between 27 and 28 February"; "and"
        # joins two days only after "between": "on February 5 and 12" may be two dates.
        rf"|(?:(?i:from)\s+)?{mon}\s+{day}\s*{to}(?:{mon}\s+)?{day}(?:,?\s+{year})?"
        rf"|(?i:between)\s+{mon}\s+{day}\s+(?i:and)\s+(?:{mon}\s+)?{day}(?:,?\s+{year})?"
        rf"|(?:(?i:from)\s+)?{day}\s*{to}{day}\s+{mon}(?:,?\s+{year})?"
        rf"|(?i:between)\s+{day}\s+(?i:and)\s+{day}\s+{mon}(?:,?\s+{year})?"
    )
    since = (
        rf"(?i:since)\s+(?:{ypart}|{point}|{lnt}|{lnt_named}|{words_day}|{wkend}"
        r"|(?i:the\s+(?:beginning|start)\s+of\s+(?:the\s+|this\s+)?(?:year|month|week)))"
    )
    # ("on the 5th": a day of the month just told, else of the base's; not "the 5th
    # Corps", nor "the 5th and 6th")
    nth = r"(?<=[Oo]n\s)(?i:the)\s+(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)\b(?![ \t]*[\w(])"
    # days named for a feast ("on New Year's Day"): a day of the year, as a month-day
    # (each holds a keyword, "day" or "year": "Christmas Eve" would not be tried)
    named = r"(?i:new\s+year['’]?s\s+(?:day|eve)|christmas\s+day)\b"
    cues: dict[str, Tense] = {}
    for key, tense in (("present_cues", Tense.PRESENT), ("past_cues", Tense.PAST),
                       ("future_cues", Tense.FUTURE)):
        cues.update(dict.fromkeys(data[key], tense))
    for w in data["future_cues_before_to"]:
        cues.pop(w, None)
    master = re.compile(
        rf"\b(?:(?P<since>{since})"
        # (Possessive "?+": no expression starts with "on", "in", "during" or "over", so
        # where the words after one fail, the engine need not try them from it again.)
        rf"|(?:(?i:on|in|during|over)\s+)?+(?:(?P<range>{rng})|(?P<iso>{p_iso})|(?P<md>{p_md})"
        rf"|(?P<dm>{p_dm})|(?P<nth>{nth})|(?P<named>{named})"
        rf"|(?P<days>{words_day})|(?P<anch>{anch})|(?P<ago>{ago})|(?P<pastn>{pastn})"
        rf"|(?P<edge>{edge})|(?P<lntn>{lnt_named})|(?P<pmon>{pmon})|(?P<ypart>{ypart})"
        rf"|(?P<season>{season})|(?P<wkend>{wkend})"
        rf"|(?P<phours>{phours})|(?P<lnt>{lnt})"
        rf"|(?P<my>{p_my})"
        rf"|(?P<wd>{wdx})|(?P<decade>{decade})|(?P<year>{year})))"
    )
    return _Vocab(
        months=months,
        weekdays=weekdays,
        counts=counts,
        licensors=frozenset(data["month_licensors"]),
        cues=cues,
        future_before_to=frozenset(data["future_cues_before_to"]),
        weak_cues={w: t for w, t in ((w, _TENSE_OF.get(w)) for w in data["future_cues_before_to"])
                   if t is not None},
        not_past_ed=frozenset(data["not_past_ed"]),
        auxiliaries=frozenset(data["past_auxiliaries"]),
        not_verbs=frozenset(data["not_verbs"]),
        future_nouns=frozenset(data["future_nouns"]),
        noun_or_place_cues=frozenset([*data["future_nouns"], "next"]),
        master=master,
        stems=tuple(data["stems"]),
        key_kinds=_key_kinds(
            frozenset(data["keywords"]),
            frozenset(w.lower() for w in (*months, *weekdays)),
            [st for st in data["stems"] if not st[:1].isupper()],
        ),
        capital_stems=re.compile(
            "|".join(re.escape(st) for st in data["stems"] if st[:1].isupper()) or "(?!)"
        ),
        starters=frozenset(
            [*data["starters"], *(c for c in counts if " " not in c), *(w.lower() for w in months),
             *(w.lower() for w in weekdays)]
        ),
        point=re.compile(
            rf"(?:(?P<iso>{p_iso})|(?P<md>{p_md})|(?P<dm>{p_dm})|(?P<my>{p_my})"
            rf"|(?P<wd>{wd})|(?P<year>{year}))"
        ),
    )


def _key_kinds(
    keywords: frozenset[str], names: frozenset[str], stems: Sequence[str]
) -> dict[str, tuple[bool, bool, bool]]:
    """See ``_Vocab.key_kinds``. Every one must be a word of the scan shared with the
    number annotator (both are read from ``data/time_words.json``)."""
    missing = (keywords | names) - _shared_vocabulary()[1]
    if missing:
        raise RuntimeError(f"time words missing from the shared word scan: {sorted(missing)}")
    return {w: (w in keywords, w in names, any(st in w for st in stems))
            for w in keywords | names}


# --------------------------------------------------------------------------- values

# TimeValue built by idlib_corpus._trusted: the values built here are of the right types
# and consistent by construction, so its checks would only cost.
_tv = _trusted.time_value


# TimeValue's constructors (day, month, year, between), through _tv (the interval
# bounds by the model's own helper).


def _tv_day(d: _dt.date, *, text: str = "", span: Span | None = None) -> TimeValue:
    return _tv(d, d, Precision.DAY, False, text, span)


def _tv_month(year: int, month: int, *, text: str = "", span: Span | None = None) -> TimeValue:
    first = _dt.date(year, month, 1)
    return _tv(first, _month_end(year, month), Precision.MONTH, False, text, span)


def _tv_year(year: int, *, text: str = "", span: Span | None = None) -> TimeValue:
    return _tv(_dt.date(year, 1, 1), _dt.date(year, 12, 31), Precision.YEAR, False, text, span)


def _tv_between(
    start: _dt.date,
    end: _dt.date,
    *,
    precision: Precision = Precision.DAY,
    text: str = "",
    span: Span | None = None,
) -> TimeValue:
    start, end = _whole_units(start, end, precision)
    return _tv(start, end, precision, True, text, span)


# --------------------------------------------------------------------------- calendar helpers


def _monday(d: _dt.date) -> _dt.date:
    return d - _dt.timedelta(days=d.weekday())


def _month_end(year: int, month: int) -> _dt.date:
    nxt = _dt.date(year + (month == 12), month % 12 + 1, 1)
    return nxt - _ONE_DAY


def _add_months(d: _dt.date, n: int) -> _dt.date:
    y, m = divmod(d.month - 1 + n, 12)
    year, month = d.year + y, m + 1
    return _dt.date(year, month, min(d.day, _month_end(year, month).day))


def _week(d: _dt.date, text: str, span: Span | None) -> TimeValue:
    mon = _monday(d)
    return _tv_between(mon, mon + _dt.timedelta(days=6), text=text, span=span)


def _shift(anchor: _dt.date, unit: str, n: int, text: str, span: Span | None) -> TimeValue:
    """The day, week, month or year ``n`` units from ``anchor``, at that unit's precision."""
    if unit == "day":
        return _tv_day(anchor + _dt.timedelta(days=n), text=text, span=span)
    if unit == "week":
        return _week(anchor + _dt.timedelta(weeks=n), text, span)
    if unit == "month":
        d = _add_months(anchor, n)
        return _tv_month(d.year, d.month, text=text, span=span)
    return _tv_year(anchor.year + n, text=text, span=span)


def _back(base: _dt.date, unit: str, n: int) -> _dt.date:
    if unit == "day":
        return base - _dt.timedelta(days=n)
    if unit == "week":
        return base - _dt.timedelta(weeks=n)
    if unit == "month":
        return _add_months(base, -n)
    return _add_months(base, -12 * n)


def _clip(
    start: _dt.date, end: _dt.date, base: _dt.date, tense: Tense, text: str, span: Span | None
) -> TimeValue:
    """A whole unit around the base, cut at the base on the side the tense rules out."""
    if tense is Tense.PAST and start <= base < end:
        end = base
    elif tense is Tense.FUTURE and start < base <= end:
        start = base
    return _tv_between(start, end, text=text, span=span)


# --------------------------------------------------------------------------- tense


_TENSE_WINDOW = 100
#: How far back a clause with no cue within the window is read on (see detect_tense).
_TENSE_FAR = 320
_WORD_PUNCT = "\"'“”‘’()[]{}«»,;:.!?-–— \t\n"
# Auxiliaries that signal the future only before "to" signal this otherwise.
# ("due" before anything else is still the future: "the vote is due on Thursday")
_TENSE_OF = {"is": Tense.PRESENT, "are": Tense.PRESENT, "am": Tense.PRESENT,
             "was": Tense.PAST, "were": Tense.PAST, "due": Tense.FUTURE}
_SUBORDINATE = re.compile(r"\s(?:after|before|when|because|while|until|once)\s")
# (", and", quotes, brackets, dashes; "and" before a pronoun opens a clause with a subject
# of its own: "met on Monday and they will meet again")
_CLAUSE_BREAK = re.compile(r"[,;:\"“”«»()\[\]—–]|\s-\s|\sand\s+(?:they|he|she|we)\s")


def detect_tense(text: str, start: int, end: int, sentence: Span | None = None) -> Tense:
    """The tense of the clause holding ``text[start:end]``, read from its nearest cue word.

    Cues are auxiliaries and verbs: "will", "is expected", "is to" (future), "said",
    "arrived", "was" (past), "is", "says" (present). The nearest cue inside the same
    clause (between commas, quotes or brackets) decides; failing that, the nearest in the
    sentence.

    Args:
        text: the whole text.
        start: where the time expression starts.
        end: where it ends.
        sentence: the sentence holding it (default: the whole text).

    Returns:
        A :class:`Tense`.

    Example:
        >>> s = "A delegation is expected to arrive on Saturday."
        >>> detect_tense(s, s.index("on Sat"), len(s) - 1)
        <Tense.FUTURE: 'future'>
    """
    v = _vocab()
    s0, s1 = (sentence.start, sentence.end) if sentence is not None else (0, len(text))
    nxt_raw = text[start:end].split(None, 1)[0] if end > start else ""
    lo = max(s0, start - _TENSE_WINDOW)
    left, infinitive = _left_cue(v, text, lo, start, s0, nxt_raw)
    if left is None and lo > s0 and _CLAUSE_BREAK.search(text, lo, start) is None:
        # A long clause ("had tried for weeks to settle the fate of ... during rounds of
        # talks in Doha in November"): its verb may lie further back; read on to the
        # clause's start.
        far = max(s0, start - _TENSE_FAR)
        if far > s0:  # (from a word's start)
            far = text.find(" ", far, lo) + 1 or lo
        cut = far
        for cut_m in _CLAUSE_BREAK.finditer(text, far, lo):
            cut = cut_m.end()
        if cut < lo:
            left, infinitive = _left_cue(v, text, cut, start, s0, nxt_raw)
    right: tuple[int, Tense] | None = None
    memo, future = v.tense_words, Tense.FUTURE
    if left is None or start - left[0] > 1:
        hi = min(s1, end + _TENSE_WINDOW)
        words = text[end:hi].split()
        for k, raw in enumerate(words):
            entry = memo.get(raw)
            if entry is None:
                entry = _tense_word(v, raw)
            got = entry[2]
            if got is None:
                continue
            if isinstance(got, tuple):
                after = words[k + 1].strip(_WORD_PUNCT).lower() if k + 1 < len(words) else ""
                tense = future if after == "to" else got[0]
                if tense is None:
                    continue
            else:
                tense = got
                if tense is future and entry[1] in v.noun_or_place_cues and _noun_cue(
                    v, entry[1],
                    words[k + 1].strip(_WORD_PUNCT).lower() if k + 1 < len(words) else "",
                    words[k - 1] if k > 0 else "",
                ):
                    continue
            pos = end
            for w in words[:k]:
                pos = text.find(w, pos) + len(w)
            right = (text.find(raw, pos), tense)
            break
    if left is None and right is None:
        return Tense.FUTURE if infinitive else Tense.UNKNOWN
    if left is None or right is None:
        return (left or right)[1]  # type: ignore[index]
    # Both sides: the one inside the expression's clause wins, else the nearer.
    left_in = _CLAUSE_BREAK.search(text, left[0], start) is None
    # (a clause that "after", "when" ... opens on the right is another: "is expected to
    # visit on May 13 after the envoy renewed the invitation")
    right_in = _CLAUSE_BREAK.search(text, end, right[0]) is None and \
        _SUBORDINATE.search(text, end, right[0]) is None
    if left_in != right_in:
        return left[1] if left_in else right[1]
    return left[1] if start - left[0] <= right[0] - end else right[1]


def _left_cue(
    v: _Vocab, text: str, lo: int, start: int, s0: int, nxt_raw: str
) -> tuple[tuple[int, Tense] | None, bool]:
    """The nearest tense cue in ``text[lo:start]`` (where it ends, its tense), and whether
    an infinitive ("to meet") was passed on the way (see :func:`detect_tense`)."""
    # Only the nearest cue on each side matters; step word by word away from the
    # expression, no further than a window. Each word's facts come from a memo keyed by
    # the word as split (see _tense_word); its offset is worked out only for the cue
    # found.
    left: tuple[int, Tense] | None = None
    seg = text[lo:start]
    words = seg.split()
    nxt = nxt_raw.lower()
    # "Erdogan to meet Putin on Thursday": an infinitive with no tensed verb around it
    # speaks of what is to come (a headline's future), but any real cue outranks it.
    infinitive = False
    memo = v.tense_words
    # The window's first word is the sentence's first when the window starts the
    # sentence (a capitalised first word may still be a verb: see _word_cue).
    first_k = 0 if lo == s0 and seg[:1] and not seg[:1].isspace() else -1
    not_verbs, auxiliaries = v.not_verbs, v.auxiliaries
    future, past = Tense.FUTURE, Tense.PAST
    for k in range(len(words) - 1, -1, -1):
        raw = words[k]
        entry = memo.get(raw)
        if entry is None:
            entry = _tense_word(v, raw)
        word, low, got = entry
        if not word:
            continue
        if k == first_k:
            got = v.first_cues.get(word, _UNSEEN)
            if got is _UNSEEN:
                got = _first_cue(v, word)
        if word == "to" and raw == word and nxt_raw[:1].islower() and nxt not in not_verbs:
            infinitive = True
        if got is None:  # (most words)
            nxt_raw, nxt = word, low
            continue
        tense = (future if nxt == "to" else got[0]) if isinstance(got, tuple) else got
        if tense is future and _noun_cue(v, low, nxt, words[k - 1] if k > 0 else ""):
            tense = None  # "discussed the plan by phone on Tuesday": a noun
        nxt_raw, nxt = word, low
        if tense is future and low == "due" and k > 0 and \
                words[k - 1].strip(_WORD_PUNCT).lower() in ("been", "was", "were"):
            continue  # "had been due in Geneva on Monday": the auxiliary's tense
        if (
            tense is past
            and nxt not in auxiliaries
            and k > 0
            and words[k - 1].strip(_WORD_PUNCT).lower() in ("be", "being")
        ):
            # "to be held", "will be signed": a participle after "be" takes its tense
            # from the auxiliary further left.
            continue
        if tense is not None:
            pos = len(seg)
            for w in reversed(words[k:]):
                pos = seg.rfind(w, 0, pos)
            left = (lo + pos + len(raw) - len(raw.lstrip(_WORD_PUNCT)) + len(word), tense)
            break
    return left, infinitive


#: Words before which a future cue that is also a noun is the noun ("the plan").
_DETERMINERS = frozenset(
    ("the", "a", "an", "this", "that", "its", "his", "her", "their", "our", "my", "your",
     "new", "whose")
)


def _noun_cue(v: _Vocab, low: str, nxt: str, before_raw: str) -> bool:
    """Whether a future cue ``low`` says nothing of the tense: one of ``future_nouns``
    after a determiner and not before "to" ("a plan to meet on Friday" still speaks of
    what is to come), or "next" before "to" (a place: "went off next to a patrol")."""
    if nxt == "to":
        return low == "next"
    return low in v.future_nouns and before_raw.strip(_WORD_PUNCT).lower() in _DETERMINERS


_CUE_MEMO_SIZE = 50_000

#: The memo's "not seen yet" (a fresh tuple, told apart by identity).
_UNSEEN: tuple[Tense | None] = (None,)


def _tense_word(v: _Vocab, raw: str) -> tuple[str, str, _Cue]:
    """A word as split from the text: stripped of punctuation, lower-cased, and the tense
    it signals when it is not a sentence's first word (memoised: the same few hundred
    words recur in every article)."""
    word = raw.strip(_WORD_PUNCT)
    entry = (word, word.lower(), _word_cue(v, word, first=False) if word else None)
    if len(v.tense_words) < _CUE_MEMO_SIZE:
        v.tense_words[raw] = entry
    return entry


def _first_cue(v: _Vocab, word: str) -> _Cue:
    got = _word_cue(v, word, first=True)
    if len(v.first_cues) < _CUE_MEMO_SIZE:
        v.first_cues[word] = got
    return got


def _word_cue(v: _Vocab, word: str, *, first: bool) -> _Cue:
    if not first and not word[:1].islower():
        return None  # a name ("Ahmed"), not a verb
    low = word.lower()
    tense = v.cues.get(low)
    if tense is not None:
        return tense
    if low in v.future_before_to:
        return (v.weak_cues.get(low),)
    if low.endswith(("'ll", "’ll", "n't")):
        return Tense.FUTURE if low.endswith("ll") or low.startswith("wo") else None
    if len(low) >= 5 and low.endswith("ed") and "-" not in low and low not in v.not_past_ed:
        return Tense.PAST
    return None


# --------------------------------------------------------------------------- resolution


class _Context(NamedTuple):
    base: _dt.date | None
    tense: Tense
    anchor: _dt.date | None  # the date just mentioned, for "a day earlier"
    # the time just mentioned, whatever its precision, for "later that year", "in March
    # of that year"
    told: TimeValue | None = None


def _int_count(v: _Vocab, word: str) -> int | None:
    w = " ".join(word.lower().split())
    if w.isdigit():
        return int(w)
    return v.counts.get(w)


_DAY_RE = re.compile(r"\b(3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\b")
_YEAR_RE = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_PART_RE = re.compile(
    r"(?i)(?:the\s+)?(?:early|late|mid|beginning|start|end|middle|first|second|third|last"
    r"|final|closing|opening)\b"
)
_START_OF_UNIT = re.compile(
    r"(?i)the\s+(?:beginning|start)\s+of\s+(?:the\s+|this\s+)?(year|month|week)\b"
)
_THAT_YEAR = re.compile(
    r"(?i)\s+(?:of\s+)?(?:that\s+same|that|the\s+(same|following|next|previous))\s+year$"
)
_UNIT_RE = re.compile(r"\b(day|week|month|year)s?\b", re.IGNORECASE)
# Compiled once (the re module's cache costs a lookup per call).
_CAPITALISED = re.compile(r"[A-Z][a-z]+")
_WEEKDAY_NAME = re.compile(r"[A-Z][a-z]+day")
_FOUR_DIGITS = re.compile(r"\d{4}")
_DIGITS = re.compile(r"\d+")
_SINCE = re.compile(r"(?i)^since\s+")
_LATE_OR_MID = re.compile(r"(?i)(late|mid)\b")
_FROM_BETWEEN = re.compile(r"(?i)^(?:from|between)\s+")
_WORD_BEFORE = re.compile(r"([A-Za-z]+)\W*$")
_CLAUSE_END = re.compile(r"\s*(?:[,.;:]|$)")
_BEFORE_AFTER = re.compile(r"(?i)\b(?:before|after)$")
_NEXT_WORD = re.compile(r"\s+[A-Za-z]")
_CONJUNCTION = re.compile(r"\s+(?:and|but|when|as)\b")


def _month_of(v: _Vocab, s: str) -> int | None:
    for m in _CAPITALISED.finditer(s):
        if m.group() in v.months:
            return v.months[m.group()]
    return None


# the month and day of the named days of the grammar (by their last two words, folded)
_NAMED_DAYS = {"year's day": (1, 1), "years day": (1, 1), "year's eve": (12, 31),
               "years eve": (12, 31), "christmas day": (12, 25)}


def _pick_year(month: int, day: int, ctx: _Context) -> _dt.date | None:
    """The year of a month-day without one, from the base and the tense (see module doc)."""
    base = ctx.base
    if base is None:
        return None
    cands: list[_dt.date] = []
    for y in (base.year - 1, base.year, base.year + 1):
        try:
            cands.append(_dt.date(y, month, day))
        except ValueError:
            continue  # February 29 in a common year
    if not cands:
        return None
    tol = _dt.timedelta(days=_TOLERANCE_DAYS)
    if ctx.tense is Tense.PAST:
        past = [c for c in cands if c <= base + tol]
        return max(past) if past else None
    if ctx.tense is Tense.FUTURE:
        future = [c for c in cands if c >= base - tol]
        return min(future) if future else None
    return min(cands, key=lambda c: (abs((c - base).days), c))


def _month_value(
    year: int, month: int, ctx: _Context, text: str, span: Span | None
) -> TimeValue:
    """A month whose year was inferred; cut at the base if it holds the base."""
    first, last = _dt.date(year, month, 1), _month_end(year, month)
    if ctx.base is not None and first <= ctx.base <= last and ctx.tense in (
        Tense.PAST, Tense.FUTURE
    ):
        return _clip(first, last, ctx.base, ctx.tense, text, span)
    return _tv_month(year, month, text=text, span=span)


def _month_part(body: str, whole: TimeValue, text: str, span: Span | None) -> TimeValue:
    """ "early March" (the 1st to the 10th), "mid-March" (11th to 20th), "late March" or
    "the end of March" (21st to the last day), within ``whole``, the month as resolved
    (cut at the base where it holds it)."""
    m = _PART_WORD.search(body)
    if m is None:
        return whole
    year, month = whole.end.year, whole.end.month
    word = " ".join(m.group().lower().split())
    lo, hi = _PARTS[word]
    end_day = _month_end(year, month).day
    first = _dt.date(year, month, lo if lo > 0 else end_day + lo)
    last = _dt.date(year, month, end_day if hi is None else hi)
    start, end = max(first, whole.start), min(last, whole.end)
    if start > end:  # (the base cut the month before or after this part of it)
        start, end = first, last
    return _tv_between(start, end, text=text, span=span)


# the days of a month its parts name (None: to its last day; a first day below 1 counts
# back from the last: "the last week of" is its last seven days)
_PARTS: dict[str, tuple[int, int | None]] = {
    "early": (1, 10), "beginning": (1, 10), "start": (1, 10), "mid": (11, 20),
    "middle": (11, 20), "late": (21, None), "end": (21, None),
    "first": (1, 10), "opening": (1, 10), "last": (21, None), "final": (21, None),
    "closing": (21, None), "first week": (1, 7), "second week": (8, 14),
    "third week": (15, 21), "last week": (-6, None), "final week": (-6, None),
    "first half": (1, 15), "second half": (16, None),
}
_PART_WORD = re.compile(
    r"(?i)\b(?:(?:first|second|third|last|final)\s+week|(?:first|second)\s+half"
    r"|early|beginning|start|mid|middle|late|end|first|last|final|closing|opening)\b"
)


def _pick_month_year(month: int, ctx: _Context, rel: str = "") -> int | None:
    base = ctx.base
    if base is None:
        return None
    if rel == "last":
        return base.year if month < base.month else base.year - 1
    if rel == "next":
        return base.year if month > base.month else base.year + 1
    if rel == "this":
        return base.year
    if ctx.tense is Tense.PAST:
        return base.year if month <= base.month else base.year - 1
    if ctx.tense is Tense.FUTURE:
        return base.year if month >= base.month else base.year + 1
    return min(
        (base.year - 1, base.year, base.year + 1),
        key=lambda y: (abs((y - base.year) * 12 + month - base.month), y),
    )


def _weekday(target: int, ctx: _Context, rel: str = "") -> _dt.date | None:
    base = ctx.base
    if base is None:
        return None
    wd = base.weekday()
    if rel == "last":
        return base - _dt.timedelta(days=(wd - target - 1) % 7 + 1)
    if rel == "next":
        return base + _dt.timedelta(days=(target - wd - 1) % 7 + 1)
    if rel == "this":
        return _monday(base) + _dt.timedelta(days=target)
    if ctx.tense is Tense.FUTURE:
        return base + _dt.timedelta(days=(target - wd) % 7)
    back = (wd - target) % 7
    if ctx.tense is Tense.PRESENT and back > 3:
        # "talks open on Thursday", "the deadline is Friday": a schedule, the nearer day
        return base + _dt.timedelta(days=7 - back)
    return base - _dt.timedelta(days=back)


def _point(v: _Vocab, s: str, ctx: _Context, span: Span | None, text: str) -> TimeValue | None:
    """An absolute point: ISO, month-day(-year), day-month(-year), month(-year), year, weekday."""
    m = v.point.fullmatch(s.strip())
    if m is None:
        return None
    kind = m.lastgroup
    body = m.group()
    if kind == "iso":
        iy, imo, iday = (int(x) for x in body.split("-"))
        return _tv_day(_dt.date(iy, imo, iday), text=text, span=span)
    if kind == "year":
        return _tv_year(int(body), text=text, span=span)
    if kind == "wd":
        wday = _weekday(v.weekdays[body[: body.index("day") + 3]], ctx)
        return None if wday is None else _tv_day(wday, text=text, span=span)
    month = _month_of(v, body)
    if month is None:
        return None
    ym = _YEAR_RE.search(body)
    if kind == "my":
        if ym:
            return _tv_month(int(ym.group(1)), month, text=text, span=span)
        my_year = _pick_month_year(month, ctx)
        if my_year is None:
            return None
        return _month_value(my_year, month, ctx, text, span)
    dm = _DAY_RE.search(body[: ym.start()] if ym else body)
    if dm is None:
        return None
    day = int(dm.group(1))
    if ym:
        return _tv_day(_dt.date(int(ym.group(1)), month, day), text=text, span=span)
    date = _pick_year(month, day, ctx)
    return None if date is None else _tv_day(date, text=text, span=span)


def _resolve(
    v: _Vocab, kind: str, body: str, full: str, span: Span | None, ctx: _Context
) -> TimeValue | None:
    """Resolve one matched expression (``body`` without a leading preposition)."""
    base = ctx.base
    low = " ".join(body.lower().split())
    if kind in ("iso", "md", "dm", "my", "year"):
        that = _THAT_YEAR.search(body) if kind == "my" else None
        if that is not None:
            # "in March of that year": the year of the time just told (or the one
            # after or before it); none told, no year to give.
            if ctx.told is None:
                return None
            word = (that.group(1) or "").lower()
            step = 1 if word in ("following", "next") else -1 if word == "previous" else 0
            body = f"{body[: that.start()]} {ctx.told.start.year + step}"
        if kind == "my" and ctx.base is None and not _YEAR_RE.search(body):
            return None
        if kind == "my" and _PART_RE.match(body):
            month = _month_of(v, body)
            ym = _YEAR_RE.search(body)
            if month is None:
                return None
            if ym:
                whole = _tv_month(int(ym.group(1)), month, text=full, span=span)
            else:
                y = _pick_month_year(month, ctx)
                if y is None:
                    return None
                whole = _month_value(y, month, ctx, full, span)
            return _month_part(body, whole, full, span)
        return _point(v, body, ctx, span, full)
    if kind == "nth":
        return _nth_day(int(_DIGITS.search(low).group()), ctx, span, full)  # type: ignore[union-attr]
    if kind == "named":
        month, day = _NAMED_DAYS[" ".join(low.replace("’", "'").split()[-2:])]
        d = _pick_year(month, day, ctx)
        return None if d is None else _tv_day(d, text=full, span=span)
    if kind == "wd":
        wd_name = _WEEKDAY_NAME.search(body)
        if wd_name is None:
            return None
        d = _weekday(v.weekdays[wd_name.group()], ctx)
        return None if d is None else _tv_day(d, text=full, span=span)
    if kind == "decade":
        y = int(_FOUR_DIGITS.search(body).group())  # type: ignore[union-attr]
        return _tv_between(
            _dt.date(y, 1, 1), _dt.date(y + 9, 12, 31), precision=Precision.YEAR,
            text=full, span=span,
        )
    if kind == "range":
        return _range(v, body, ctx, span, full)
    if kind == "since":
        if base is None:
            return None
        inner = _SINCE.sub("", body)
        past = ctx._replace(tense=Tense.PAST)
        start: _dt.date | None
        um = _START_OF_UNIT.match(inner)
        if um is not None:  # "since the start of the year"
            unit = um.group(1).lower()
            start = (
                _dt.date(base.year, 1, 1) if unit == "year"
                else base.replace(day=1) if unit == "month" else _monday(base)
            )
        else:
            im = v.master.fullmatch(inner)
            if im is None or im.lastgroup is None:
                return None
            got = _resolve(v, im.lastgroup, inner, inner, None, past)
            start = got.start if got is not None else None
            late = _LATE_OR_MID.match(inner)
            if late is not None and start is not None and start.day == 1 \
                    and got is not None and got.precision is Precision.MONTH:
                # "since late April" starts on the 21st, "since mid-November" on the 11th
                start = start.replace(day=21 if late.group(1).lower() == "late" else 11)
        if start is None or start > base:
            return None
        return _tv_between(start, base, text=full, span=span)
    if base is None and kind != "anch" and not (kind == "ago" and ctx.anchor is not None):
        return None
    if kind == "days":
        return _day_word(low, ctx, span, full)
    if kind == "edge":
        assert base is not None
        unit = low.split()[-1]
        first, last = _unit_bounds(base, unit)
        if low.startswith("earlier"):
            return _tv_between(first, base, text=full, span=span)
        if low.startswith("the") and ctx.tense is not Tense.FUTURE:
            return None  # ("had fled by the end of the year": which year is not said)
        return _tv_between(base, last, text=full, span=span)
    if kind == "lnt":
        return _lnt(low, ctx, span, full)
    if kind == "phours":
        assert base is not None
        days = int(_DIGITS.search(low).group()) // 24  # type: ignore[union-attr]
        return _tv_between(base - _dt.timedelta(days=days), base, text=full, span=span)
    if kind == "wkend":
        assert base is not None
        sat = _monday(base) + _dt.timedelta(days=5)
        if ctx.tense is Tense.FUTURE:
            return _clip(sat, sat + _ONE_DAY, base, ctx.tense, full, span)
        if base < sat:
            sat -= _dt.timedelta(days=7)  # (written on a weekday: the weekend just gone)
        return _clip(sat, sat + _ONE_DAY, base, Tense.PAST, full, span)
    if kind == "pmon":
        rel_month = _lnt(" ".join(low.replace("-", " ").split()[-2:]), ctx, span, full)
        return None if rel_month is None else _month_part(low, rel_month, full, span)
    if kind == "ypart":
        return _year_part(low, ctx, span, full)
    if kind == "season":
        return _season(low, ctx, span, full)
    if kind == "lntn":
        rel, name = low.split()[0], body.split()[-1]
        if name in v.weekdays:
            d = _weekday(v.weekdays[name], ctx, rel)
            return None if d is None else _tv_day(d, text=full, span=span)
        y = _pick_month_year(v.months[name], ctx, rel)
        return None if y is None else _tv_month(y, v.months[name], text=full, span=span)
    if kind in ("ago", "pastn"):
        return _counted(v, kind, low, ctx, span, full)
    if kind == "anch":
        return _anchored(low, ctx, span, full)
    return None


#: The most days "N days after <an event>" is read as exact: a larger count is as often
#: rounded ("four days after the talks" of talks five days before), and the event is
#: then as a rule dated where it is told.
_EVENT_DAYS = 2


# the months of a year's parts (first and last)
_YEAR_PARTS = {"first half": (1, 6), "second half": (7, 12), "early": (1, 4),
               "beginning": (1, 4), "start": (1, 4), "mid": (5, 8), "middle": (5, 8),
               "late": (9, 12), "end": (9, 12)}
_YEAR_PART_WORD = re.compile("|".join(_YEAR_PARTS))  # (from the table: the two cannot drift)
# the first and last months of the seasons (a winter runs into the next year)
_SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11),
            "winter": (12, 2)}
_SEASON_WORD = re.compile("|".join(_SEASONS))


def _nth_day(day: int, ctx: _Context, span: Span | None, full: str) -> TimeValue | None:
    """ "on the 5th": that day of the month of the time just told (a day or a month),
    else of the base's month, or of the month before (after) it where the day would lie
    after (before) the base in a past (future) clause."""
    told, base = ctx.told, ctx.base
    if told is not None and not told.interval and told.precision is not Precision.YEAR:
        year, month = told.start.year, told.start.month
    elif base is None:
        return None
    else:
        year, month = base.year, base.month
        if ctx.tense is Tense.PAST and day > base.day:
            year, month = (year - 1, 12) if month == 1 else (year, month - 1)
        elif ctx.tense is Tense.FUTURE and day < base.day:
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    if day > _month_end(year, month).day:
        return None
    return _tv_day(_dt.date(year, month, day), text=full, span=span)


def _year_part(low: str, ctx: _Context, span: Span | None, full: str) -> TimeValue | None:
    """ "late 2018" (September to December), "mid-2019" (May to August), "early last
    year" (January to April), "the second half of 2020" (July to December), in days; a
    part holding the base is cut at it on the side the tense rules out."""
    base = ctx.base
    ym = _YEAR_RE.search(low)
    if ym is not None:
        year = int(ym.group(1))
    elif base is None:
        return None
    else:
        rel = low.split()[-2]
        year = base.year + (-1 if rel == "last" else 1 if rel == "next" else 0)
    m = _YEAR_PART_WORD.search(low)
    if m is None:
        return None
    first, last = _YEAR_PARTS[m.group()]
    start, end = _dt.date(year, first, 1), _month_end(year, last)
    if base is not None and start <= base <= end:
        return _clip(start, end, base, ctx.tense, full, span)
    return _tv_between(start, end, text=full, span=span)


def _season(low: str, ctx: _Context, span: Span | None, full: str) -> TimeValue | None:
    """ "the summer of 2019" (June to August), "last winter" (the last one that had
    ended by the base: December to February), "this spring", "next autumn"."""
    m = _SEASON_WORD.search(low)
    if m is None:
        return None
    first, last = _SEASONS[m.group()]

    def bounds(year: int) -> tuple[_dt.date, _dt.date]:
        return (_dt.date(year, first, 1),
                _month_end(year + (last < first), last))

    ym = _YEAR_RE.search(low)
    if ym is not None:
        start, end = bounds(int(ym.group(1)))
        return _tv_between(start, end, text=full, span=span)
    base = ctx.base
    if base is None:
        return None
    spans = [bounds(y) for y in range(base.year - 2, base.year + 2)]
    rel = low.split()[-2]
    if rel in ("last", "past"):
        start, end = max(b for b in spans if b[1] < base)
    elif rel in ("next", "coming"):
        start, end = min(b for b in spans if b[0] > base)
    else:  # "this summer": the one holding the base, else the one of the base's year
        start, end = next((b for b in spans if b[0] <= base <= b[1]),
                          bounds(base.year if last >= first else base.year - 1))
        if start <= base <= end:
            return _clip(start, end, base, ctx.tense, full, span)
    return _tv_between(start, end, text=full, span=span)


def _event_day(v: _Vocab, body: str, told: _dt.date) -> _dt.date | None:
    """The day of the event that "a day after", "two days before", "the day after"
    count from, the sentence's day being ``told``: "(on Friday,) two days after the
    raid" puts the raid on Wednesday. Days only ("a week after" fixes no day)."""
    words = body.lower().split()
    if len(words) < 3 or words[-2] not in ("day", "days"):
        return None
    count = 1 if words[0] == "the" else _int_count(v, " ".join(words[:-2]))
    if count is None or not 0 < count <= _EVENT_DAYS:
        return None
    return told + _dt.timedelta(days=-count if words[-1] == "after" else count)


def _unit_bounds(base: _dt.date, unit: str) -> tuple[_dt.date, _dt.date]:
    if unit == "week":
        return _monday(base), _monday(base) + _dt.timedelta(days=6)
    if unit == "month":
        return base.replace(day=1), _month_end(base.year, base.month)
    return _dt.date(base.year, 1, 1), _dt.date(base.year, 12, 31)


def _day_word(low: str, ctx: _Context, span: Span | None, full: str) -> TimeValue | None:
    base = ctx.base
    assert base is not None
    if "before yesterday" in low:
        off = -2
    elif "after tomorrow" in low:
        off = 2
    elif low.startswith(("yesterday", "last night")):
        off = -1
    elif low.startswith("tomorrow"):
        off = 1
    elif low == "overnight":
        # The night before the base (or after it, in a future clause): two days.
        if ctx.tense is Tense.FUTURE:
            return _tv_between(base, base + _ONE_DAY, text=full, span=span)
        return _tv_between(base - _ONE_DAY, base, text=full, span=span)
    else:  # today, tonight, this morning, earlier today
        off = 0
    return _tv_day(base + _dt.timedelta(days=off), text=full, span=span)


def _lnt(low: str, ctx: _Context, span: Span | None, full: str) -> TimeValue | None:
    """last/next/this/past/coming + week/weekend/month/year, with or without "the"."""
    words = low.split()
    the = words[0] == "the"
    rel, unit = words[-2], words[-1]
    base = ctx.base
    if the and rel in ("next", "following", "previous"):
        # "the next week": counted from the date just given.
        anchor = ctx.anchor or base
        if anchor is None or unit == "weekend":
            return None
        return _shift(anchor, unit, -1 if rel == "previous" else 1, full, span)
    if base is None:
        return None
    if the and rel in ("past", "last"):
        return _tv_between(_back(base, unit if unit != "weekend" else "week", 1), base,
                                 text=full, span=span)
    if rel == "coming":
        if unit == "weekend":
            return None
        return _tv_between(base, _back(base, unit, -1), text=full, span=span)
    if rel in ("past", "previous", "following"):
        return None
    if unit == "weekend":
        sat = _monday(base) + _dt.timedelta(days=5)
        shift = {"last": -7, "next": 7}.get(rel, 0)
        sat += _dt.timedelta(days=shift)
        if rel == "this":
            return _clip(sat, sat + _ONE_DAY, base, ctx.tense, full, span)
        return _tv_between(sat, sat + _ONE_DAY, text=full, span=span)
    if rel == "this":
        first, last = _unit_bounds(base, unit)
        if ctx.tense in (Tense.PAST, Tense.FUTURE):
            return _clip(first, last, base, ctx.tense, full, span)
        if unit == "week":
            return _tv_between(first, last, text=full, span=span)
        if unit == "month":
            return _tv_month(base.year, base.month, text=full, span=span)
        return _tv_year(base.year, text=full, span=span)
    step = -1 if rel == "last" else 1
    if unit == "week" and rel == "last" and base.weekday() >= 5:
        # Written at the weekend, "last week" is the week just ending.
        return _tv_between(_monday(base), base, text=full, span=span)
    return _shift(base, unit, step, full, span)


def _counted(
    v: _Vocab, kind: str, low: str, ctx: _Context, span: Span | None, full: str
) -> TimeValue | None:
    """"two days ago", "a day earlier", "six months since", "the past three weeks"."""
    um = _UNIT_RE.search(low)
    if um is None:
        return None
    unit = um.group(1)
    words = low[: um.start()].split()
    if kind == "pastn":
        rel_i = 1 if words and words[0] == "the" else 0
        rel, count = words[rel_i], _int_count(v, " ".join(words[rel_i + 1 :]))
    else:
        rel, count = low[um.end() :].strip(), _int_count(v, " ".join(words))
    if count is None or count <= 0 or count > 400:
        return None  # "a few weeks": the words do not fix the extent
    base = ctx.base
    if kind == "pastn":
        if base is None:
            return None
        if rel in ("past", "last", "previous"):
            return _tv_between(_back(base, unit, count), base, text=full, span=span)
        return _tv_between(base, _back(base, unit, -count), text=full, span=span)
    if rel == "ago":
        return None if base is None else _shift(base, unit, -count, full, span)
    if rel == "from now":
        return None if base is None else _shift(base, unit, count, full, span)
    if rel == "since":
        if base is None:
            return None
        return _tv_between(_back(base, unit, count), base, text=full, span=span)
    anchor = ctx.anchor or base
    if anchor is None:
        return None
    step = -count if rel in ("earlier", "before") else count
    return _shift(anchor, unit, step, full, span)


def _anchored(low: str, ctx: _Context, span: Span | None, full: str) -> TimeValue | None:
    if (low.endswith(("later", "afterwards", "afterward", "thereafter")) and
            not low.startswith("the")) or low.startswith(("hours", "minutes", "moments")):
        # "hours later", "shortly afterwards": the day just told, if one was
        return None if ctx.anchor is None else _tv_day(ctx.anchor, text=full, span=span)
    if low.startswith(("earlier", "later")):
        return _within_told(low, ctx, span, full)
    anchor = ctx.anchor or ctx.base
    if anchor is None:
        return None
    um = _UNIT_RE.search(low)
    unit = um.group(1) if um else "day"
    if "same" in low or low.startswith("that"):
        if unit == "day":
            return _tv_day(anchor, text=full, span=span)
        return _within_told(low, ctx, span, full)
    step = -1 if any(w in low for w in ("before", "earlier", "previous")) else 1
    return _shift(anchor, unit, step, full, span)


_UNIT_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}
_PRECISION_RANK = {Precision.DAY: 0, Precision.MONTH: 2, Precision.YEAR: 3}


def _within_told(low: str, ctx: _Context, span: Span | None, full: str) -> TimeValue | None:
    """ "later that year", "earlier in the day", "that same month": the part of the unit
    of the time just told after it (before it, for "earlier"), or the whole unit where
    the time told is no finer than the unit or "same" is said. "in the" may count from
    the base when no time was told ("Earlier in the day, ...": the day of writing)."""
    unit = low.rsplit(None, 1)[-1]
    told = ctx.told
    if unit == "day" and ctx.anchor is not None:
        return _tv_day(ctx.anchor, text=full, span=span)
    if told is None or (unit == "day" and told.interval) or \
            _PRECISION_RANK[told.precision] > _UNIT_RANK[unit]:
        if " in the " not in low or ctx.base is None:
            return None
        told = _tv_day(ctx.base)
    if unit == "day":
        return _tv_day(told.start, text=full, span=span)
    first, last = _unit_bounds(told.start, unit)
    if not low.startswith("that") and "same" not in low and \
            _PRECISION_RANK[told.precision] < _UNIT_RANK[unit]:
        if low.startswith("later") and told.end < last:
            return _tv_between(told.end + _ONE_DAY, last, text=full, span=span)
        if low.startswith("earlier") and told.start > first:
            return _tv_between(first, told.start - _ONE_DAY, text=full, span=span)
    if unit == "year":
        return _tv_year(first.year, text=full, span=span)
    if unit == "month":
        return _tv_month(first.year, first.month, text=full, span=span)
    return _tv_between(first, last, text=full, span=span)


def _range(
    v: _Vocab, body: str, ctx: _Context, span: Span | None, full: str
) -> TimeValue | None:
    inner = _FROM_BETWEEN.sub("", body)
    ends = [m for m in v.point.finditer(inner)]
    if len(ends) == 1 or not ends:
        # "February 3-5" / "3-5 February": the month is written once.
        month = _month_of(v, inner)
        days = [int(d) for d in _DAY_RE.findall(inner)]
        ym = _YEAR_RE.search(inner)
        days = [d for d in days if not (ym and str(d) == ym.group(1))]
        if month is None or len(days) != 2:
            return None
        year_end: _dt.date | None
        if ym:
            year_end = _dt.date(int(ym.group(1)), month, days[1])
        else:
            year_end = _pick_year(month, days[1], ctx)
        if year_end is None:
            return None
        first_day = year_end.replace(day=days[0])
        if first_day > year_end:
            return None
        return _tv_between(first_day, year_end, text=full, span=span)
    a_m, b_m = ends[0], ends[-1]
    end = _point(v, b_m.group(), ctx, None, "")
    if end is None:
        return None
    if b_m.lastgroup == "my" and _PART_RE.match(b_m.group()):
        end = _month_part(b_m.group(), end, "", None)  # "... to mid-March"
    # The first end takes its year (and month) from the second one when it lacks them.
    a_text = a_m.group()
    a_kind = a_m.lastgroup
    if a_kind in ("md", "dm", "my") and not _YEAR_RE.search(a_text):
        month = _month_of(v, a_text)
        if month is None:
            return None
        if a_kind == "my":
            y = end.start.year if month <= end.start.month else end.start.year - 1
            start = _tv_month(y, month)
        else:
            dm = _DAY_RE.search(a_text)
            if dm is None:
                return None
            day = int(dm.group(1))
            y = end.start.year
            try:
                d = _dt.date(y, month, day)
                if d > end.end:
                    d = _dt.date(y - 1, month, day)
            except ValueError:
                return None
            start = _tv_day(d)
    elif a_kind == "wd":
        wd = v.weekdays[a_text[: a_text.index("day") + 3]]
        start = _tv_day(end.start - _dt.timedelta(days=(end.start.weekday() - wd) % 7))
    else:
        got = _point(v, a_text, ctx, None, "")
        if got is None:
            return None
        start = got
    if a_kind == "my" and _PART_RE.match(a_text):
        start = _month_part(a_text, start, "", None)  # "from late February ..."
    if start.start > end.end:
        return None
    precision = max(start.precision, end.precision, key=_coarseness)
    if precision is Precision.MONTH:
        # "between December and March": December 1 to March 31, in days (an interval of
        # days told in months is held alike by a gold interval of days or of months)
        precision = Precision.DAY
    return _tv_between(start.start, end.end, precision=precision, text=full, span=span)


def _coarseness(p: Precision) -> int:
    return {Precision.DAY: 0, Precision.MONTH: 1, Precision.YEAR: 2}[p]


# --------------------------------------------------------------------------- scanning


_NEEDS_TENSE = frozenset({"md", "dm", "my", "wd", "lnt", "lntn", "pmon", "wkend", "range",
                          "ypart", "season", "nth"})
_ANCHORED = frozenset({"anch", "ago", "lnt"})
_EVENT_RELATIVE = re.compile(r"\s+(?:the|a|an|his|her|its|their|this|that|these|those)\b", re.I)
#: A weekday or a month-day named right after "overnight" ("overnight into Sunday").
_DAY_NAMED_AFTER = re.compile(
    r"\s+(?:(?:into|on|to|of|from)\s+)?(?:[A-Z][a-z]+day\b|[A-Z][a-z]{2,8}\.?\s+\d)"
)
_QUALIFIED_YEAR = re.compile(
    r"(?i)(?:more\s+than|over|about|around|nearly|almost|some|up\s+to|at\s+least|[$€£])\s*$"
)


def _licensed_month(v: _Vocab, text: str, start: int, body: str) -> bool:
    """Whether a bare month name is a date: "in May", "last September", not "Theresa May"."""
    if _YEAR_RE.search(body) or _PART_RE.match(body):
        return True
    before = _WORD_BEFORE.search(text[max(0, start - 20) : start])
    return before is not None and before.group(1).lower() in v.licensors


def _key_words(v: _Vocab, text: str, folded: str) -> list[int]:
    """Starts of the words every time expression holds: month and weekday names (written
    capitalised), digits, and the keywords ("day", "week", "since"...).

    The words and digits come from the scan shared with the number annotator
    (:func:`~idlib_corpus.extractors.numbers.key_word_hits`). A word counts when a search
    for the stems would find it: a keyword or a capitalised name holding a lower-case stem
    ("day" in "Thursday"), or a month name holding one of the month stems as written in
    the text ("Feb" in "February"; not "FEBRUARY", nor the verb "may").
    """
    words, digits = key_word_hits(text, folded)
    keys = list(digits)
    n = len(folded)
    kinds, capital_stems = v.key_kinds, v.capital_stems
    for a, b, word in words:
        kind = kinds.get(word)
        # A whole word: no letter (in any script) right before or after it.
        if kind is None or (a > 0 and folded[a - 1].isalpha()) or (
            b < n and folded[b].isalpha()
        ):
            continue
        keyword, name, stemmed = kind
        if (keyword or (name and text[a].isupper())) and (
            stemmed or capital_stems.search(text, a, b) is not None
        ):
            keys.append(a)
    return sorted(set(keys))


_PUNCT = "\"'“”‘’([{«-–—"


def _starter_offset(v: _Vocab, word: str) -> int:
    """Where in a word (as split from the folded text) an expression may start: after
    its opening punctuation, if what follows is a starter or a digit; else -1.
    Memoised (bounded): the same few words recur."""
    core = word.lstrip(_PUNCT)
    # ("for mid-July": the expression starts inside the hyphenated word)
    off = len(word) - len(core) if core in v.starters or core[:1].isdigit() or (
        "-" in core and core.split("-", 1)[0] in v.starters) else -1
    if len(v.starter_offsets) < _CUE_MEMO_SIZE:
        v.starter_offsets[word] = off
    return off


def _candidates(v: _Vocab, text: str, folded: str) -> list[re.Match[str]]:
    """Matches of the grammar, tried only around the words every expression holds.

    Every expression holds a month or weekday name, a digit, or one of a few keywords
    (see :func:`_key_words`); the grammar is tried from the few words before each (where
    "from", "the past" or "a" may start it), farthest first, then from the word itself.
    """
    out: list[re.Match[str]] = []
    covered = 0
    # Neighbouring key words ("over 50 targets and killed 76") try the same starts: each
    # start is matched once.
    tried: dict[int, re.Match[str] | None] = {}
    master = v.master.match
    offsets = v.starter_offsets
    for p in _key_words(v, text, folded):
        if p < covered:
            continue
        lo = max(covered, p - 40)
        seg = folded[lo:p]
        starts: list[int] = []
        pos = len(seg)
        for w in reversed(seg.split()[-5:]):  # an expression starts at most 5 words back
            pos = seg.rfind(w, 0, pos)
            off = offsets.get(w)
            if off is None:
                off = _starter_offset(v, w)
            if off >= 0:
                starts.append(lo + pos + off)
        starts.reverse()
        starts.append(p)
        for s in starts:
            if s in tried:
                m = tried[s]
            else:
                m = tried[s] = master(text, s)
            if m is not None and m.end() > p:
                out.append(m)
                covered = m.end()
                break
    return out


def _scan(
    text: str,
    base: _dt.date | None,
    sentences: Sequence[Span] | None = None,
    folded: str | None = None,
) -> list[tuple[TimeValue, str]]:
    v = _vocab()
    if folded is None:
        folded = fold_char_preserving(text)
    sents = list(sentences) if sentences is not None else [Span(0, len(text))]
    starts = [s.start for s in sents]
    out: list[tuple[TimeValue, str]] = []
    recent: list[tuple[int, _dt.date]] = []  # (sentence index, day) for anchors
    told: tuple[int, TimeValue] | None = None  # the last time told, any precision
    told_at = told_end = 0  # where the last day told (recent[-1]) is
    matches = _candidates(v, text, folded)
    abs_base = base
    if abs_base is None:
        # Without a publication date, a month-day takes its year from the first full
        # date the text itself gives, if any.
        for m in matches:
            if m.lastgroup in ("iso", "md", "dm") and _YEAR_RE.search(m.group(m.lastgroup)):
                got = _resolve(v, m.lastgroup, m.group(m.lastgroup), "", None,
                               _Context(None, Tense.UNKNOWN, None))
                if got is not None:
                    abs_base = got.start
                    break
    for m in matches:
        kind = m.lastgroup
        if kind is None:
            continue
        body = m.group(kind)
        start, end = m.start(), m.end()
        si = max(bisect.bisect_right(starts, start) - 1, 0)
        sent = sents[si]
        if kind == "my" and not _licensed_month(v, text, m.start(kind), body):
            continue
        if kind == "year" and (
            _QUALIFIED_YEAR.search(text, max(0, start - 12), start)
            or (text[end : end + 1] in ("%", ",") and text[end + 1 : end + 2].isdigit())
            or text[start - 1 : start] in ("/", "_", "=")  # a URL or a file name
            or text[end : end + 1] in ("/", "_")
        ):
            continue
        if kind == "ago" and body[-3:].lower() == " on" and not _CLAUSE_END.match(text, end):
            continue  # "two days on the front" is no date; "two days on, ..." is
        if kind in ("anch", "ago") and _BEFORE_AFTER.search(body):
            # "the day before the summit": counted from an event, not a date; the
            # event's own day where the sentence has just told a day ("on Friday, a day
            # after a drone attack": the attack's is Thursday).
            nxt = text[end : end + 12]
            if _EVENT_RELATIVE.match(nxt) or (
                _NEXT_WORD.match(nxt) and not _CONJUNCTION.match(nxt)
            ):
                event: _dt.date | None = None
                if body[:1] in "hHmM" and recent and si - recent[-1][0] <= 1:
                    # ("hours after the raid": the raid's day, told in this sentence or
                    # the one before; further back, the day told is as likely another
                    # event's)
                    event = recent[-1][1]
                elif recent and recent[-1][0] == si and not (
                        told_at <= sent.start + 3 and not text[told_end:start].strip(" ,")):
                    # (Not after a date opening the sentence and a comma: "On Monday, a
                    # day before the summit, jets struck ...": the strike's day comes
                    # nearer.)
                    event = _event_day(v, body, recent[-1][1])
                if event is not None:
                    out.append((_tv_day(event, text=m.group(),
                                        span=_trusted.span(start, end)), "anchored"))
                continue
        if kind == "days" and body[:4].lower() == "over" and _DAY_NAMED_AFTER.match(text, end):
            continue  # "overnight Saturday", "overnight into Sunday": the day named dates it
        needs = kind in _NEEDS_TENSE or (kind == "days" and body.lower() == "overnight") or (
            kind == "edge" and body[:1] in "tT")  # ("by/before the end of the year")
        tense = detect_tense(text, start, end, sent) if needs else Tense.UNKNOWN
        anchor = None
        if kind in _ANCHORED and recent and si - recent[-1][0] <= 3:
            anchor = recent[-1][1]
        use_base = base
        if base is None and kind in ("md", "dm", "range"):
            # The year comes from a date the text gives, not from the time of writing:
            # the nearest such day, whatever the tense.
            use_base, tense = abs_base, Tense.UNKNOWN
        ctx = _Context(use_base, tense, anchor,
                       told[1] if told is not None and si - told[0] <= 3 else None)
        full = m.group()
        try:
            value = _resolve(v, kind, body, full, _trusted.span(start, end), ctx)
        except (ValueError, OverflowError):
            value = None  # a date outside the calendar ("February 30")
        if value is None:
            continue
        out.append((value, _KIND_KEY[kind]))
        if not value.interval and value.precision is Precision.DAY:
            recent.append((si, value.start))
            told_at, told_end = start, end
        if kind != "since":
            told = (si, value)
    return out


_KIND_KEY = {
    "iso": "absolute", "md": "absolute", "dm": "absolute", "my": "absolute",
    "year": "absolute", "decade": "absolute", "range": "range", "since": "since",
    "named": "relative", "wd": "relative", "days": "relative", "edge": "relative",
    "lnt": "relative", "lntn": "relative", "pmon": "relative", "wkend": "relative",
    "ypart": "relative", "season": "relative", "nth": "relative",
    "phours": "relative",
    "pastn": "relative",
    "ago": "relative",
    "anch": "anchored",
}


def find_times(
    text: str, base: _dt.date | None, sentences: Sequence[Span] | None = None
) -> list[TimeValue]:
    """Every time expression in ``text``, resolved against ``base``, in text order.

    Args:
        text: the text to scan.
        base: the publication date (the base of relative dates), or ``None``.
        sentences: sentence spans of ``text`` (tense is read within a sentence, and
            "a day earlier" looks back three sentences); default: one sentence.

    Returns:
        :class:`~idlib_corpus.model.TimeValue` objects with ``text`` and ``span`` set.

    Example:
        >>> import datetime
        >>> t = "Talks were held on Thursday. They will resume next week."
        >>> [v.iso for v in find_times(t, datetime.date(2020, 2, 8))]
        ['2020-02-06', '2020-02-10/2020-02-16']
    """
    return [value for value, _ in _scan(text, base, sentences)]


def resolve_expression(
    expression: str,
    base: _dt.date | None,
    *,
    tense: Tense = Tense.UNKNOWN,
    anchor: _dt.date | None = None,
) -> TimeValue | None:
    """Resolve one time expression, given the tense of its clause and the date before it.

    Args:
        expression: the words alone ("on Thursday", "last September").
        base: the publication date.
        tense: the clause's :class:`Tense`.
        anchor: the date just mentioned, for "a day earlier" (default: ``base``).

    Returns:
        The :class:`~idlib_corpus.model.TimeValue`, or ``None`` if ``expression`` is not
        one time expression or cannot be resolved.

    Example:
        >>> import datetime
        >>> resolve_expression("last September", datetime.date(2019, 2, 1)).iso
        '2018-09'
        >>> resolve_expression("on Thursday", datetime.date(2020, 2, 8), tense=Tense.FUTURE).iso
        '2020-02-13'
    """
    v = _vocab()
    m = v.master.fullmatch(expression)
    if m is None or m.lastgroup is None:
        return None
    kind = m.lastgroup
    body = m.group(kind)
    if kind == "my" and not _licensed_month(v, expression, m.start(kind), body):
        return None
    span = Span(0, len(expression))
    try:
        return _resolve(v, kind, body, expression, span, _Context(base, tense, anchor))
    except (ValueError, OverflowError):
        return None


@hookimpl
def idlib_annotate(doc: Document) -> list[Annotation] | None:
    """Mark every time expression as a ``TIME`` annotation holding its resolved value.

    ``value`` is a :class:`~idlib_corpus.model.TimeValue`; ``key`` says how it was read:
    ``absolute``, ``relative`` (to the publication date), ``anchored`` (to a date just
    given), ``range`` or ``since``.

    Example:
        >>> import datetime
        >>> from idlib_corpus.document import build_document
        >>> from idlib_corpus.model import Article
        >>> art = Article(id="x", text="Troops entered the town on Thursday.",
        ...               published=datetime.date(2020, 2, 9))
        >>> [a.value.iso for a in idlib_annotate(build_document(art))]
        ['2020-02-06']
    """
    # Built from their slots (see idlib_corpus._trusted): valid by construction.
    new_annotation, time = _trusted.annotation, AnnotationLabel.TIME
    out = [
        # source: as the pipeline would stamp it (no copy made there)
        new_annotation(value.span or Span(0, 0), time, value.text, key, value, _SOURCE)
        for value, key in _scan(doc.text, doc.article.published, doc.sentences, doc.folded)
    ]
    return out or None

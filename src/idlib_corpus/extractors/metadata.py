"""Built-in plugin ``idlib_corpus.metadata``: headline, outlet, dateline, boilerplate lines.

Articles arrive as pages were saved: section names ("World", "All news"), the headline
(sometimes with a source or a breadcrumb trail after it, sometimes repeated), a dateline
crediting the outlet, the story, then share buttons, related headlines and footers. This
plugin reads that layout line by line:

* the **masthead** is a first short line naming an outlet the knowledge base knows
  ("MIDDLE EAST EYE", "The Guardian - Back to home"; "NWA | Northwind News Agency" gives
  the name the acronym stands for, "Northwind Post English" the name without its
  language edition, "NORTHWIND.COM" without its domain), or any short name with its
  motto after a dash ("The Daily Planet — Independent news since 1921") or its news
  tagline after a colon, dash or bar ("Northwind Post: Latest Regional News, Business
  and Sport"); **navigation** lines
  are short capitalised section names joined by ``|``, ``›`` or ``»`` ("News | Opinion |
  Sport", "World › Middle East", a sentence-case banner "Press review | English
  summary", a trail of three short items in any case "World | Europe and Asia | Trade
  war", one closed by the site's motto "News | World | Journalism you can trust."), or
  short section words on their own line; both are skipped, and so are cookie notices
  and a tagline between the masthead and a section bar ("Facts Are Sacred Here") or
  straight below it ("Creating new perspectives");
* the **title** is the first headline-like line before the story: 4 to 25 words, not a
  sentence ending in a period, not a date or a byline, with a trailing breadcrumb trail
  (``/ News / News agency X``) or a short source attribution (`` - Foreign Ministry``)
  cut off, and a section rubric before it ("Analysis | ...", "EXCLUSIVE: ..."); none if
  the text starts straight with prose;
* the **outlet** is the organisation a dateline or credit line names: ``ANKARA
  (Sputnik) -``, ``ANKARA, February 8. /TASS/.``, ``ANKARA-Anadolu Agency``,
  ``MOSCOW, Feb 10 (Reuters) -``, ``(AP) —``, ``Moscow. Feb 17. INTERFAX -``,
  ``Idleb, SANA-``, ``Moscow - Asharq Al-Awsat``, ``By Jane Doe, Al-Monitor``,
  ``QNA/Doha``, ``ISLAMABAD, Oct 14 (APP): ...``, ``News agency Inforos``; else the
  masthead's outlet, else a ``Source:`` or copyright footer's, else a first line that
  the page's chrome names again ("The Courier" ... "Sign up to The Courier's
  newsletters"), or the site's name opening a navigation bar on the first line ("The
  Courier | World News"), or a footer naming it: a dated copyright ("© 2020 The Courier
  Ltd." -> "The Courier") or a credit for its reporter ("The Courier's Jane Roe
  contributed to this report."); never an outlet the story merely cites. A name in
  shouting capitals is
  given as the knowledge base spells it ("HÜRRİYET DAILY NEWS" -> "Hürriyet Daily News");
  a known site after a dash in the headline is one too ("... - BBC News" -> "BBC");
* the **dateline** place is the place of that dateline, title-cased ("Ankara"; a double
  hyphen is a dash: "ISTANBUL -- ..."), or,
  below the headline and above the story's first sentence, a place in capitals alone
  on its line ("SOCHI"; not a byline in capitals, "BY JANE ROE - 05/11/21"),
  ``Kastanies, Greece —`` or a byline ``Jane Roe / Washington``
  (past a standfirst and a byline, only a place in capitals: ``KASTANIES, Greece —``), or
  a known place and a colon opening the story's first paragraph, as Gulf and South Asian
  outlets write datelines (``AMMAN: Jordan ...``, ``Abu Dhabi: The ...``; a state only in
  capitals; or the known place and its colon alone on a line); two slashes are a dash
  too (``ABU DHABI // The ...``);
* a dateline (or a date line above the story: "Last updated: Feb 6, 2020 - 08:14",
  "9:05 am, May 11, 2021", "MAR 03, 2020", else a byline's or other chrome's date,
  never a caption's) that gives a full date with its year gives the publication date;
* a staff credit by the masthead's initials ("By DPN Staff" under "Daily Planet News")
  names the masthead;
* **boilerplate** lines are marked (not deleted): share/comment/rate widgets, section
  names, clock stamps ("Updated 3 hours ago", "5 min read"), photo captions ending with
  their credit ("... (Photo by Jane Roe/AFP)"), credit and footer lines,
  repeated headlines, related-story headlines inside the
  story, and lines not in English (a Cyrillic footer).

Widget, section and footer words live in ``data/boilerplate.json``; the rest is layout.
"""

from __future__ import annotations

import datetime as _dt
import functools
import itertools
import json
import re
from importlib import resources
from typing import Any

import attrs

from idlib_corpus.folding import fold_name
from idlib_corpus.hookspecs import hookimpl
from idlib_corpus.knowledge import default_knowledge
from idlib_corpus.model import ActorKind, Article, ArticleMetadata, Span

__all__ = ["idlib_article_metadata", "read_metadata"]

#: Lines looked at for the headline and the dateline, from the top.
_HEAD_LINES = 14
#: A headline is at most this long; a longer first line is prose.
_MAX_TITLE = 250
#: A headline has at most this many words.
_MAX_TITLE_WORDS = 25
#: Widget and section lines are short.
_MAX_WIDGET = 40

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DATE = (
    rf"(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?"
    rf"|\d{{1,2}}\s+{_MONTH}(?:\s+\d{{4}})?)"
)
# (not a byline in capitals: "BY JANE ROE - 05/11/21 9:05 AM ET")
_CAPS_PLACE = r"(?!BY\s)[A-Z][A-Z'.]+(?:[ -][A-Z][A-Z'.]+){0,3}"
_MIXED_PLACE = r"[A-Z][\w'.]+(?:[ -][A-Z][\w'.]+){0,3}"
_ORG = r"[A-Z][\w&'.]*(?:[ -][A-Z][\w&'.]*){0,4}"
_ORG_SHORTEST = _ORG + "?"  # (the same words, as few as leave the rest to match)
# (a double hyphen is a dash too: "ISTANBUL -- Turkey's ...", typed where no long dash was)
# ("ABU DHABI // The ...": two slashes, as some Gulf papers write it)
_DASH = r"(?:--|//|[-–—])"

_REGION = r"[A-Z][\w.'-]+(?: [A-Z][\w.'-]+){0,2}"

#: Datelines that open the story or credit it, strongest first.
_DATELINES = tuple(
    re.compile(p)
    for p in (
        # ANKARA, February 8. /TASS/.
        rf"^(?P<place>{_MIXED_PLACE}),\s*(?P<date>{_DATE})\.?\s*/(?P<outlet>[A-Z][\w-]*)/",
        # MOSCOW, Feb 10 (Reuters) -  /  ANKARA (Sputnik) -  /  ANKARA, Turkey (AP) —
        # MOSCOW/ISTANBUL, March 9 (Reuters) -   (the first place is the dateline)
        # GAZIANTEP, Turkey, March 3 (Reuters) -
        rf"^(?P<place>{_MIXED_PLACE})(?:/{_MIXED_PLACE})*(?:,\s*{_REGION})?"
        rf"(?:,\s*(?P<date>{_DATE}))?\s*\((?P<outlet>{_ORG})\)\s*{_DASH}",
        # ANKARA-Anadolu Agency   (the whole line)
        rf"^(?P<place>{_CAPS_PLACE})\s*{_DASH}\s*(?P<outlet>{_ORG})\s*$",
        # (Reuters) -
        rf"^\((?P<outlet>{_ORG})\)\s*{_DASH}",
    )
)
#: "Istanbul (CNN) The leaders ...", "ISLAMABAD, Oct 14 (APP): The ..." (a colon after the
#: credit, as South Asian and Gulf wires write it): a place and a bracketed outlet opening
#: the story without a dash; only a place the knowledge base knows (else "Doctors Without
#: Borders (MSF) said ..." would be one).
_BRACKET_DATELINE = re.compile(
    rf"^(?P<place>{_MIXED_PLACE})(?:,\s*{_REGION})?(?:,\s*(?P<date>{_DATE}))?"
    rf"\s*\((?P<outlet>{_ORG})\)\s*:?\s*(?=[A-Z\"“])"
)
#: "QNA/Doha", "Reuters / Moscow": the wire and its place, a credit line of Gulf papers;
#: only a place the knowledge base knows (not "RFE/RL").
_AGENCY_SLASH_PLACE = re.compile(rf"^(?P<outlet>{_ORG})\s*/\s*(?P<place>{_MIXED_PLACE})$")
#: (searched on its own where no dateline is found, in short lines holding a slash: in the
#: union of the datelines, every line of the story would try it)
_SLASH_CREDITS = (_AGENCY_SLASH_PLACE,)
_NO_PATTERNS: tuple[re.Pattern[str], ...] = ()
#: A credit line "QNA/Doha" is this short.
_MAX_SLASH_CREDIT = 60
#: Datelines whose outlet is not bracketed: only an outlet the knowledge base knows, or
#: one written in capitals, makes them a credit (else "Moscow, Ankara - ..." would be).
_CHECKED_DATELINES = (
    *(re.compile(p) for p in (
        # Moscow. Feb 17. INTERFAX -
        rf"^(?P<place>{_MIXED_PLACE})\.\s*(?P<date>{_DATE})\.?\s*(?P<outlet>{_ORG})\s*{_DASH}",
        # Idleb, SANA- Units of the army ...
        rf"^(?P<place>{_MIXED_PLACE}),\s*(?P<outlet>{_ORG})\s*{_DASH}",
        # Moscow - Asharq Al-Awsat   (the whole line)
        rf"^(?P<place>{_MIXED_PLACE})\s+{_DASH}\s+(?P<outlet>{_ORG})\s*$",
        # (CNN)Syrian troops ...   (the story straight after the bracket)
        rf"^\((?P<outlet>{_ORG})\)(?=[A-Z])",
    )),
    _BRACKET_DATELINE,
)
#: Credit lines above the story: "By Jane Doe, Al-Monitor", "Al-Monitor Staff",
#: "DAILY SABAH WITH AGENCIES".
_CREDITS = tuple(
    re.compile(p)
    for p in (
        # (and the reporter's place after it: "By Jane Roe | AFP | Ankara")
        rf"^By\s+[A-Z][\w.'-]+(?:\s+(?:[A-Z][\w.'-]+|and|de|al|van|von))*\s*[,|]\s*"
        rf"(?P<outlet>{_ORG})(?:\s*[,|]\s*{_MIXED_PLACE})?\s*$",
        # (the outlet the shortest name that leaves the rest: "By Toi Staff and
        # Agencies" credits "Toi", not "Toi Staff")
        rf"^(?:By\s+)?(?P<outlet>{_ORG_SHORTEST})\s+"
        r"(?i:staff|(?:staff\s+)?(?:and|with)\s+(?:news\s+)?agencies)$",
    )
)
#: Credit lines whose outlet must be known: "Jane Roe, Reuters" (without "By", the line
#: might name two places or two people).
_CHECKED_CREDITS = (
    re.compile(rf"^[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){{1,3}}\s*[,|]\s*(?P<outlet>{_ORG})\s*$"),
)
#: Datelines without an outlet, read only below the headline.
_WEAK_DATELINES = tuple(
    re.compile(p)
    for p in (
        # ANKARA, Feb. 8 —   /  ANKARA - Five soldiers...
        rf"^(?P<place>{_CAPS_PLACE})(?:/{_CAPS_PLACE})*(?:,\s*{_REGION})?"
        rf"(?:,\s*(?P<date>{_DATE}))?\s*{_DASH}\s",
        # ISTANBUL   (the place alone on its line)
        r"^(?P<place>[A-Z][A-Z'.-]{3,}(?: [A-Z][A-Z'.-]+){0,2})$",
        # Kastanies, Greece — Thousands of people ...   (a long dash: with a hyphen,
        # "Moscow, Ankara - ..." is as likely a sentence naming two capitals)
        rf"^(?P<place>{_MIXED_PLACE}),\s*{_REGION}\s*[–—]\s",
        # Jane Roe / Washington   (a byline with the reporter's place)
        # ("By RFE/RL": "By" is no reporter's first name)
        rf"^(?:By\s+)?(?!By\s)[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){{1,3}}\s*/\s*"
        rf"(?P<place>{_MIXED_PLACE})$",
    )
)
#: Credit lines below the headline naming the reporter's (or the site's) place, read only
#: where the knowledge base knows that place: "Enab Baladi – Idlib", "Jane Roe, Beirut",
#: "Jane Roe International Correspondent, Istanbul", "Jane Roe in Beirut" (the place the
#: story is filed from, as annotators read a byline's place).
_PLACED_CREDITS = tuple(
    re.compile(p)
    for p in (
        rf"^(?:By\s+)?(?!By\s)[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){{0,5}}"
        rf"(?:\s*[,|]\s*[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){{0,3}})?"
        rf"(?:\s*[,|]\s*|\s+[–—-]\s+)(?P<place>{_MIXED_PLACE})$",
        # "Jane Roe in Ankara" (a reporter's name, two or three words, and "in")
        rf"^(?:By\s+)?(?!By\s)[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){{1,2}}"
        rf"\s+in\s+(?P<place>{_MIXED_PLACE})$",
    )
)
#: A dateline in capitals opening the first paragraph below a standfirst:
#: "KASTANIES, Greece — ...", "ANKARA, Feb. 8 — ...", "IDLIB - ...".
_LATE_DATELINES = (
    re.compile(
        rf"^(?P<place>{_CAPS_PLACE})(?:,\s*(?P<date>{_DATE})|,\s*{_REGION})?\s*{_DASH}\s"
    ),
)
#: "RIYADH: Saudi Arabia said ...", "Dubai: The emirate ...", "Abu Dhabi, Oct 14: ...": a
#: place and a colon opening the story, as Gulf, Indian and Pakistani outlets write their
#: datelines (read only where the knowledge base knows the place).
_COLON_DATELINES = (
    re.compile(rf"^(?P<place>{_MIXED_PLACE})(?:,\s*(?P<date>{_DATE}))?:\s+(?=\S)"),
)
_NEWS_AGENCY = re.compile(rf"\b[Nn]ews\s+[Aa]gency\s+(?P<outlet>{_ORG})")
# (a full date's month may be in capitals: "MAR 03, 2020")
_FULL_DATE = (
    rf"(?:(?:{_MONTH}|{_MONTH.upper()})\s+\d{{1,2}}(?:st|nd|rd|th)?(?:[,،]\s*|\s+)\d{{4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTH}|{_MONTH.upper()})[,،]?\s+\d{{4}}"
    r"|\d{4}-\d{2}-\d{2}|\d{4}/\d{1,2}/\d{1,2}|\d{1,2}\.\d{1,2}\.\d{4})"
)
_CLOCK = r"\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s*[A-Z]{2,4}(?:[+-]\d{1,2})?)?"
#: Datelines in mixed case without an outlet, read only where the knowledge base knows
#: the place: "Moscow — Russia said ..." (a long dash opening the story), "Ankara, 20
#: October 2020" (a place and a full date alone on a line).
_KNOWN_PLACE_DATELINES = tuple(
    re.compile(p)
    for p in (
        rf"^(?P<place>{_MIXED_PLACE})\s*[–—]\s*(?=[A-Z\"“])",
        rf"^(?P<place>{_MIXED_PLACE}),\s*(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,?\s+)?"
        r"(?P<date>" + _FULL_DATE + r")\.?$",
        # "ISLAMABAD:" alone on its line, the story on the next
        rf"^(?P<place>{_MIXED_PLACE}):$",
        # "Special Correspondent MOSCOW, MARCH 06, 2020 00:05 IST": a credit, the place in
        # capitals and the full date (as Indian papers write their bylines)
        rf"^(?:[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){{0,2}} )?(?P<place>{_CAPS_PLACE}),\s*"
        rf"(?P<date>{_FULL_DATE})(?:\s+{_CLOCK})?$",
    )
)
#: A line giving the page's date: "Published: 6 March 2020", "Last updated: Feb 6, 2020 -
#: 08:14", "9:05 am, May 11, 2021" (the clock first), "Posted on March 2, 2020 by Jane
#: Roe" (the reporter after it), "By Jane Roe | March 3, 2020" is read by the byline rule.
_DATE_LINE = re.compile(
    r"^(?:(?:(?:Last|First)\s+)?(?i:Published|Updated|Posted|Date|Modified)"
    r"(?:\s+(?i:time|on|at|date))?\s*:?\s*)?"
    rf"(?:{_CLOCK}\s*[,|-]?\s+)?"  # "9:05 am, May 11, 2021", "12:40 GMT, 6 March 2020"
    r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,?\s+)?"  # "Mon 17 Feb 2020", "Saturday, 3 ..."
    rf"(?P<date>{_FULL_DATE})"
    r"(?:,?\s+(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*)?"  # "11 May 2021, Tuesday 09:05"
    rf"(?:[\s,•-]+(?:at\s+)?{_CLOCK}|\s+[A-Z]{{3,4}})?"
    r"\s*(?:[/|].{0,60}|\s(?:by|By)\s+[A-Z].{0,50})?$"
)
#: Stamps of the page's clock without a date: "Updated 3 hours ago", "5 min read".
_STAMP = re.compile(
    r"(?i:(?:(?:last\s+)?(?:updated|published|posted|modified)\s*:?\s*)?(?:about\s+)?"
    r"(?:\d+|an?)\s+(?:sec(?:ond)?|min(?:ute)?|h(?:ou)?r|day|week|month)s?\s+ago"
    r"|\d+\s+min(?:ute)?s?\s+read)$"
)
#: A photo caption ends with its credit: "... near the border. (Photo by Jane Roe/AFP via
#: Getty Images)", "(AP Photo/Jane Roe)", "(Image: Reuters)", "... Getty Images".
_CAPTION_CREDIT = re.compile(
    r"(?:\((?:[^()]{0,60}\b(?:[Pp]hoto(?:graph)?|[Ii]mage|[Pp]icture)\b[^()]{0,60}"
    r"|[^()]{0,60}\bvia Getty Images)\)|\bGetty Images)$"
)
#: Photo captions and credits open so (folded): their dates are the photo's.
_CAPTIONS = ("photo", "image", "picture", "file photo", "pictured", "caption")
_ANY_FULL_DATE = re.compile(rf"\b(?P<date>{_FULL_DATE})\b")
_TAIL_SPLIT = re.compile(r"\s+(?:/|\|)\s+")
# (a hyphen inside a word of the tail is no dash: "... – Al-Monitor")
_SOURCE_TAIL = re.compile(rf"\s+{_DASH}\s+(?P<tail>[^–—\s-](?:[^–—\s]|\s(?![-–—]\s)){{1,59}})$")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_SENTENCE_END = (".", "…")


@attrs.frozen
class _Vocab:
    widgets: frozenset[str]
    sections: frozenset[str]
    prefixes: tuple[str, ...]
    breadcrumb: frozenset[str]
    suffixes: tuple[str, ...]
    related_headers: frozenset[str]
    notices: tuple[str, ...]  # cookie and privacy notices (sentences above the headline)
    notice_len: int  # the longest notice's length
    rubrics: frozenset[str]  # section names cut off the front of a headline
    prefix_len: int  # the longest prefix's length
    suffix_len: int  # the longest suffix's length
    prefix_firsts: frozenset[str]  # the prefixes' first characters
    suffix_lasts: frozenset[str]  # the suffixes' last characters
    call_words: frozenset[str]  # words that make a short line a call to action
    tagline_words: frozenset[str]  # words of a site's tagline ("Latest Regional News")
    widgets_or_sections: frozenset[str]


class _Everything(frozenset[str]):
    """A set that holds every string (for an empty prefix, which every line starts with)."""

    def __contains__(self, item: object) -> bool:
        return True


def _ends(words: list[str], at: int) -> frozenset[str]:
    """The first (``at=0``) or last (``at=-1``) characters of ``words``."""
    if any(not w for w in words):
        return _Everything()
    return frozenset(w[at] for w in words)


@functools.cache
def _vocab() -> _Vocab:
    path = resources.files("idlib_corpus") / "data" / "boilerplate.json"
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return _Vocab(
        widgets=frozenset(data["widgets"]),
        sections=frozenset(data["sections"]),
        prefixes=tuple(data["prefixes"]),
        breadcrumb=frozenset(data["breadcrumb_words"]),
        suffixes=tuple(data["suffixes"]),
        related_headers=frozenset(data["related_headers"]),
        notices=tuple(data["notices"]),
        notice_len=max(map(len, data["notices"]), default=0),
        rubrics=frozenset(data["rubrics"]),
        prefix_len=max(map(len, data["prefixes"]), default=0),
        suffix_len=max(map(len, data["suffixes"]), default=1),
        prefix_firsts=_ends(data["prefixes"], 0),
        suffix_lasts=_ends(data["suffixes"], -1),
        call_words=frozenset(data["call_words"]),
        tagline_words=frozenset(data["tagline_words"]),
        widgets_or_sections=frozenset(data["widgets"]) | frozenset(data["sections"]),
    )


class _Line:
    """One non-blank line, stripped: where it is and what it says.

    A plain slotted class, not an attrs one: every line of every article is one.
    Lines are compared by identity; ``key`` is ``(start, end)``, cheaper to hash and
    compare than a ``Span``.
    """

    __slots__ = ("_low", "end", "key", "prose", "start", "text")

    def __init__(self, start: int, end: int, text: str) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.key = (start, end)
        self._low: str | None = None
        self.prose = _is_prose(text)  # asked of most lines, up to four times

    @property
    def low(self) -> str:
        """The line casefolded (folded on first use: most long lines never need it)."""
        low = self._low
        if low is None:
            low = self._low = self.text.casefold()
        return low

    def widget_ends(self, v: _Vocab) -> bool:
        """``low.startswith(v.prefixes) or low.endswith(v.suffixes)``, folding only the
        line's ends when it is long: ``casefold`` works character by character and never
        shortens one, so the fold of a head is a head of the fold (a tail, of a tail)."""
        text = self.text
        if self._low is not None or len(text) <= _MAX_WIDGET:
            low = self.low
            return low.startswith(v.prefixes) or low.endswith(v.suffixes)
        # The first (last) character of the fold is that of the first (last) character's
        # fold: most lines are ruled out by it, without folding a head or a tail.
        return (
            (text[0].casefold()[:1] in v.prefix_firsts
             and text[: v.prefix_len].casefold().startswith(v.prefixes))
            or (text[-1].casefold()[-1:] in v.suffix_lasts
                and text[-v.suffix_len :].casefold().endswith(v.suffixes))
        )


def _lines(text: str) -> list[_Line]:
    out: list[_Line] = []
    pos = 0
    for raw in text.split("\n"):
        if raw:
            stripped = raw.strip()
            if stripped:
                start = pos + len(raw) - len(raw.lstrip())
                out.append(_Line(start, start + len(stripped), stripped))
        pos += len(raw) + 1
    return out


def _norm(line: str) -> str:
    """A line as compared with the vocabulary: folded, punctuation and dots removed."""
    return " ".join(_WORD.findall(line.casefold()))


def _low_norm(low: str) -> str:
    """``_norm`` of a line already casefolded."""
    return " ".join(_WORD.findall(low))


_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_NON_LATIN = re.compile(r"[^\W\d_A-Za-z\u00c0-\u024f]")
# = _NON_LATIN, searched faster: the engine skips to the next non-ASCII character (a
# simple range test) and only there tests the letter class (by a one-character
# lookbehind), instead of testing the class on every character.
_NON_LATIN_SEARCH = re.compile(r"[^\x00-\x7f](?<=[^\W\d_A-Za-z\u00c0-\u024f])")


#: The ASCII bytes, deleted from a UTF-8 copy of a text by _non_ascii.
_ASCII_BYTES = bytes(range(128))


def _non_ascii(text: str) -> str:
    """The non-ASCII characters of ``text``, in order: its UTF-8 bytes without the ASCII
    ones (no multi-byte sequence holds one), decoded. Encoding, deleting and decoding run
    in C at a few bytes an instruction, where a regex search steps through every
    character (a few times faster on a 3 KB article with curly quotes)."""
    return (text.encode("utf-8", "surrogatepass").translate(None, _ASCII_BYTES)
            .decode("utf-8", "surrogatepass"))


def _is_foreign(line: str) -> bool:
    """Mostly letters outside the Latin script (a Cyrillic or Arabic footer)."""
    if line.isascii():
        return False
    # Most such lines only hold curly quotes or accented names: one search rules them out
    # before any counting.
    if _NON_LATIN_SEARCH.search(line) is None:
        return False
    other = len(_NON_LATIN.findall(line))
    return other > len(_LATIN.findall(line))


def _is_widget(v: _Vocab, line: str, low: str | None = None) -> bool:
    """Whether a line is a widget or a section name (``low``: ``line.casefold()``)."""
    if low is None:
        low = line.casefold()
    if low.startswith(v.prefixes) or low.endswith(v.suffixes):
        return True
    if len(line) > _MAX_WIDGET:
        return False
    n = _low_norm(low)
    if not n:
        return not any(c.isalnum() for c in line) and len(line) <= 3
    if n in v.widgets or n in v.sections:
        return True
    words = n.split()
    # ("Subscribe to our evening bulletin", "Top headlines in your inbox": a call to
    # action, whatever verb opens it; "Menu Search Sign in", "Share Tweet Email": a row
    # of buttons, each a widget or a section)
    return not v.call_words.isdisjoint(words) or (len(words) > 1 and _buttons(v, words))


def _buttons(v: _Vocab, words: list[str]) -> bool:
    """Whether ``words`` are widget and section names one after another (each of one to
    three words)."""
    ends = {0}  # where a run of names read so far may end
    for i in range(1, len(words) + 1):
        if any(i - k in ends and " ".join(words[i - k : i]) in v.widgets_or_sections
               for k in (1, 2, 3)):
            ends.add(i)
    return len(words) in ends


_NAV_SPLIT = re.compile(r"\s*(?:\||›|»|\s>\s)\s*")
_NAV_GLUE = frozenset(("and", "of", "&", "the", "in"))
_ABBREVIATION = re.compile(r"(?:[A-Z]\.){2,3}")
#: A navigation item is a short name; a headline segment is longer.
_MAX_NAV_ITEM = 30
#: Items of a sentence-case section banner are this short.
_MAX_BANNER_ITEM = 2
#: A motto may close a navigation bar of this many sections or more, in this many words.
_MOTTO_AFTER = 3
_MAX_MOTTO = 8


def _is_nav(line: str) -> bool:
    """A navigation bar: short capitalised section names joined by ``|``, ``›`` or ``»``.

    "News | Opinion | Sport", "World › Middle East", "English | Arabic"; not
    "Talks end without a deal | Daily Sabah" (a headline with the site's name).
    """
    if "|" not in line and "›" not in line and "»" not in line and (
        ">" not in line or " > " not in line
    ):
        return False
    if line.startswith("By "):
        return False  # a byline: "By Jane Roe | Reuters"
    items = [i for i in _NAV_SPLIT.split(line) if i]
    if not items:
        return True
    if len(items) == 2 and fold_name(items[1]) in _known_media():
        return False  # a byline: "Jane Roe | Reuters"
    # A section banner in sentence case ("Press review | English summary"): items of at
    # most two words, each opening with a capital; a headline with the site's name after
    # it has a longer first item. A bar of three items or more is a trail of short
    # section names whatever their case ("World | Middle East and North Africa | Syrian
    # conflict", "Subscribe | Log in | <a language>"): a headline is one item, with the
    # site's name (and at most a section) after it. (Its first item is capitalised as
    # above, or two words: "Turkey warns Russia | Middle East | Site" is a headline's.)
    banner = len(items) >= 2 and all(len(i.split()) <= _MAX_BANNER_ITEM for i in items)
    trail = len(items) >= 3
    last = len(items) - 1
    for n, item in enumerate(items):
        words = item.split()
        loose = banner or (trail and (n > 0 or len(words) <= _MAX_BANNER_ITEM))
        if (len(item) > _MAX_NAV_ITEM
                or sum(1 for w in words if w not in _NAV_GLUE) > 4
                # (an abbreviation is a section's name: "U.S.", "U.K.")
                or (item.endswith(".") and _ABBREVIATION.fullmatch(item) is None)
                or not ((loose and not words[0][:1].islower())
                        or all(w[:1].isupper() or not w[:1].isalpha() or w in _NAV_GLUE
                               for w in words))):
            # The site's motto closing a bar of three sections or more ("News | Opinion
            # | Sport | Journalism you can trust."): a short phrase, the bar's last item
            # (the first one a section's short name, not a headline's words).
            return (n == last >= _MOTTO_AFTER and len(words) <= _MAX_MOTTO
                    and len(items[0].split()) <= _MAX_BANNER_ITEM)
    return True


_MASTHEAD_TAIL = re.compile(r"\s+(?:[-–—|:]|›)\s+")
#: The masthead is among the first lines of the page.
_MASTHEAD_LINES = 4


def _masthead(lines: list[_Line]) -> tuple[_Line, str, Span] | None:
    """The page's masthead: a first short line naming an outlet the knowledge base knows.

    "MIDDLE EAST EYE", "The Guardian - Back to home" (the name before a dash or bar).
    """

    known = _known_media()
    for line in lines[:_MASTHEAD_LINES]:
        if len(line.text) > 60:
            break  # the story has started
        parts = _MASTHEAD_TAIL.split(line.text, maxsplit=1)
        name = parts[0]
        if len(name) > 40:
            continue
        bare = _without_edition(name)  # "Northwind Post English": a known site's edition
        if bare is not name and fold_name(bare) in known:
            return line, bare, Span(line.start, line.start + len(bare))
        if fold_name(name) in known:
            if len(parts) == 2 and _spells_out(name, parts[1]):
                return line, parts[1], _last_span(line, parts[1])
            return line, name, Span(line.start, line.start + len(name))
    return None


def _last_span(line: _Line, part: str) -> Span:
    """Where ``part``, a piece of the line's tail (a full name after an acronym, a
    breadcrumb), stands in ``line``: its last occurrence."""
    at = line.text.rfind(part)
    return Span(line.start + at, line.start + at + len(part))


_NAME_GLUE = frozenset(("of", "the", "and", "for", "a"))


def _spells_out(acronym: str, name: str) -> bool:
    """Whether ``name`` is the full name that ``acronym`` abbreviates, as a masthead gives
    both ("NWA | Northwind News Agency", "KPA - Kuwait Press Agency"): a name of two to
    six capitalised words, each of whose initials is a letter of the acronym (in any
    order: an agency's letters may follow its own language, "ANHA" for "Hawar News
    Agency")."""
    if not (acronym.isupper() and acronym.isalpha() and 2 <= len(acronym) <= 6):
        return False
    words = [w for w in name.split() if w.casefold() not in _NAME_GLUE]
    return (2 <= len(words) <= 6 and all(w[:1].isupper() for w in words)
            and all(w[0] in acronym for w in words))


#: "The Daily Planet — Independent news since 1921": a name, a dash, a motto; "Northwind
#: Post: Latest Regional News, Business and Sport" (a colon, as a page's title gives it).
_MOTTO_LINE = re.compile(
    r"(?P<name>[^–—|:]{2,40}?)(?:\s+(?:[–—|]|--?)\s+|:\s+)(?P<motto>[A-Z][^–—|]{10,80})"
)
#: Most words (of four letters or more) of a title-cased line open with a capital.
_TITLE_CASE = 0.7
#: A motto has at most this many characters.
_MAX_MOTTO_CHARS = 60
#: A site's tagline listing what it covers has at most this many words.
_MAX_TAGLINE = 12


def _news_tagline(v: _Vocab, line: str) -> bool:
    """A site's tagline naming its news, in any case ("Latest Regional News, Business and
    Sport", "Breaking News and Live Updates", "The region's leading English daily"): a
    phrase of at most twelve words, no sentence, holding a word of ``tagline_words``."""
    words = _WORD.findall(line.casefold())
    return (len(words) <= _MAX_TAGLINE and not _is_prose(line)
            and not v.tagline_words.isdisjoint(words))


def _motto(line: str) -> bool:
    """A site's motto: a short phrase in sentence case, no sentence ("News from the border
    region", "Creating new perspectives"): three to eight words, most after the first in
    lower case."""
    words = line.split()
    return (3 <= len(words) <= _MAX_MOTTO and words[0][:1].isupper() and not _is_prose(line)
            and sum(1 for w in words[1:] if w[:1].isupper()) * 2 < len(words) - 1)


def _motto_masthead(
    lines: list[_Line], boiler: set[tuple[int, int]]
) -> tuple[_Line, str, Span] | None:
    """The masthead of a site the knowledge base does not know, on the page's first line
    with its motto: a short capitalised name, a dash or bar, and a phrase in sentence
    case of three words or more ("Northwind Post — News from the border region") or a
    tagline naming news ("Harbor Daily - Lebanon's Leading English Daily"; after a colon
    only such a tagline, in title case: "Northwind Post: Latest Regional News, Business
    and Sport"), with a headline below it before the story. (A headline with a source
    after the dash has the capitals the other way round: "Talks end in Sochi - Foreign
    Ministry".)"""
    first = next((ln for ln in lines[:_MASTHEAD_LINES] if ln.key not in boiler), None)
    if first is None or first.prose:
        return None
    m = _MOTTO_LINE.fullmatch(first.text)
    if m is None or _SITE_NAME.fullmatch(m.group("name")) is None or \
            default_knowledge().scanner.lookup(m.group("name")):
        return None  # (not "Erdogan — ...": a headline naming someone)
    # (after a colon only a tagline naming news: "Erdogan: Turkey will not ..." is a
    # headline quoting someone)
    motto = m.group("motto")
    # (and in title case, as sites list their sections: "Idlib talks: latest news from
    # Sochi" is a live page's headline)
    if first.text[m.end("name")] == ":":
        if not (_news_tagline(_vocab(), motto) and _title_case_ratio(motto) >= _TITLE_CASE):
            return None
    elif not (_news_tagline(_vocab(), motto) or (len(motto) <= _MAX_MOTTO_CHARS
                                                 and _motto(motto))):
        return None
    rest = itertools.takewhile(lambda x: not x.prose, lines[lines.index(first) + 1 :])
    if not any(_headline_like(ln, boiler) for ln in rest):
        return None
    name = m.group("name")
    return first, name, Span(first.start, first.start + len(name))


_AGENCY_TAILS = (" agency", " news agency")


def _full_agency_name(short: str, full: str) -> bool:
    """Whether ``full`` is ``short`` with "Agency" ("News Agency") after it, folded."""
    a, b = fold_name(short), fold_name(full)
    return b.startswith(a) and b[len(a):] in _AGENCY_TAILS


def _initials(short: str, full: str) -> bool:
    """Whether ``short`` is the initials of ``full`` ("TOI", "Toi": "The Times of
    Israel"), with or without its "The"."""
    a = fold_name(short).replace(" ", "")
    words = fold_name(full).split()
    if len(a) < 2 or len(words) < 2 or not a.isalpha():
        return False
    initials = "".join(w[0] for w in words)
    return a in (initials, initials[1:] if words[0] == "the" else initials)


def _is_prose(line: str) -> bool:
    """A sentence: ends in a full stop (or a quote after one), or is too long for a headline."""
    tail = line.rstrip("\"'”’»)")
    return (tail.endswith(_SENTENCE_END) and not tail.endswith("...")) or len(line) > _MAX_TITLE


def _title_case_ratio(line: str) -> float:
    words = [w for w in _WORD.findall(line) if len(w) >= 4]
    if not words:
        return 0.0
    return sum(1 for w in words if w[0].isupper()) / len(words)


#: A section's name before the headline on its line ("Analysis | ...", "EXCLUSIVE: ...").
_RUBRIC = re.compile(r"(?P<rubric>[A-Z][\w ]{2,20}?)(?:\s+[|/]|:)\s+(?=\S+\s+\S+\s+\S)")


def _clean_title(v: _Vocab, line: str) -> tuple[str, str | None]:
    """Cut breadcrumb trails and a trailing source off a headline line.

    Returns the title and the outlet a breadcrumb names ("News agency Inforos"), if any.
    """
    outlet = None
    m = _RUBRIC.match(line)
    if m is not None and _norm(m.group("rubric")) in v.rubrics:
        line = line[m.end() :]  # "Analysis | Headline", "EXCLUSIVE: Headline"
    parts = _TAIL_SPLIT.split(line)
    if len(parts) > 1:
        head, tails = parts[0], parts[1:]
        if all(_is_breadcrumb(v, t) for t in tails):
            for t in tails:
                m = _NEWS_AGENCY.search(t)
                if m:
                    outlet = m.group("outlet")
            last = line.rsplit(" | ", 1)
            site = last[1].strip() if len(last) == 2 else ""
            if outlet is None and site and _norm(site) not in v.breadcrumb | v.sections:
                outlet = site  # "Headline | Daily Sabah": the site's name
            line = head
    m = _SOURCE_TAIL.search(line)
    if m and len(line) - len(m.group()) >= 12:
        tail = m.group("tail")
        words = tail.split()
        # "... - Turkish Foreign Ministry": a short capitalised attribution, not a clause.
        if len(words) <= 6 and all(w[:1].isupper() or w.lower() in ("of", "for", "and", "the")
                                   for w in words):
            line = line[: m.start()]
            known = _known_head(tail, _media_names(default_knowledge()))
            if outlet is None and known is not None:
                outlet = tail[known[0] : known[0] + known[1]]  # "... - BBC News": the site's
    return line.rstrip(" -–—:|"), outlet


def _all_crumbs(v: _Vocab, line: str) -> bool:
    """A breadcrumb trail alone ("Home / World / Middle East"): every segment a section
    or a site's name, the first a single word (a headline's first segment is longer)."""
    if " / " not in line:
        return False
    parts = _TAIL_SPLIT.split(line)
    return len(parts[0].split()) <= 2 and all(_is_breadcrumb(v, p) for p in parts)


def _is_breadcrumb(v: _Vocab, segment: str) -> bool:
    n = _norm(segment)
    if n in v.breadcrumb or n in v.sections:
        return True
    if _NEWS_AGENCY.search(segment):
        return True
    words = segment.split()
    # A site name: one to four capitalised words, no verb-like lower-case words.
    return 0 < len(words) <= 4 and all(w[:1].isupper() or not w[:1].isalpha() for w in words)


def _place_name(place: str) -> str:
    """"ANKARA" -> "Ankara"; a place already in mixed case stays as written."""
    return place.title() if place.isupper() else place


_CAPITAL_MONTH = re.compile(r"\b([A-Z])([A-Z]{2,8})\b")


def _parse_date(s: str) -> _dt.date | None:
    """A full date with its year, as datelines and date lines write it."""
    from idlib_corpus.extractors.times import resolve_expression

    s = _CAPITAL_MONTH.sub(lambda c: c.group(1) + c.group(2).lower(), s.strip().rstrip(".,"))
    m = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", s)
    if m:
        try:
            return _dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        except ValueError:
            return None
    if not re.search(r"\d{4}", s):
        return None  # no year written: do not guess one
    value = resolve_expression(s, None)
    if value is None or value.interval or value.start != value.end:
        return _dateparser_date(s)
    return value.start


@functools.cache
def _date_parser() -> Any:
    # Built once: dateparser is slow to import (~0.7 s) and to configure, so it is loaded
    # only when a date line defeats our own grammar, and then reused.
    from dateparser.date import DateDataParser

    return DateDataParser(
        languages=["en"],
        settings={
            "REQUIRE_PARTS": ["day", "month", "year"],
            "RETURN_AS_TIMEZONE_AWARE": False,
            "PREFER_DATES_FROM": "past",
        },
    )


def _dateparser_date(s: str) -> _dt.date | None:
    """Date lines in layouts our grammar does not read ("2020/03/02", "Tuesday 3rd March
    2020", "17 February 2020 13:05 GMT"): dateparser, English only, full dates only.

    This runs at most once per article (a date line above the story), so its cost —
    about half a millisecond — does not matter; the body's dates never come here.
    """
    try:
        data = _date_parser().get_date_data(s)
    except (ValueError, OverflowError):
        return None
    when = getattr(data, "date_obj", None)
    return when.date() if when is not None else None


@attrs.frozen
class _Dateline:
    place: str | None
    place_span: Span | None
    outlet: str | None
    outlet_span: Span | None
    published: _dt.date | None
    line: _Line
    whole_line: bool  # the line holds nothing but the dateline


_GROUP_NAME = re.compile(r"\(\?P<\w+>")


def _any_of(patterns: tuple[re.Pattern[str], ...]) -> re.Pattern[str]:
    """One pattern that matches where any of ``patterns`` does (their names dropped).

    Most lines match none of the dateline patterns: one match call rules them all out.
    """
    assert all(p.flags == re.UNICODE for p in patterns)  # no flags to carry over
    return re.compile("|".join(f"(?:{_GROUP_NAME.sub('(?:', p.pattern)})" for p in patterns))


#: "Istanbul (CNN)": a bracketed outlet after a place opens within this many characters.
_BRACKET_AT = 60


def _dash_or_slash(line: str) -> bool:
    """Whether a line may match a dateline: each of _DATELINES and _CHECKED_DATELINES
    holds a dash ([-–—]) or, for "/TASS/", a slash, or opens with a bracket ("(CNN)The
    ..."). A few ``in`` tests (C scans) rule most story lines out before the regex, whose
    place names backtrack."""
    # ("Istanbul (CNN) The ...": a bracket near the start)
    return "-" in line or "/" in line or "–" in line or "—" in line or "(" in line[:_BRACKET_AT]


def _weak_dateline_possible(line: str) -> bool:
    """Whether a line may match _WEAK_DATELINES: all but the place alone on its line
    hold a dash or a slash; that one starts with two capitals (or a capital and one of
    "'.-") and is four characters or more."""
    return _dash_or_slash(line) or (
        len(line) >= 4 and "A" <= line[0] <= "Z" and ("A" <= line[1] <= "Z" or line[1] in "'.-")
    )


#: A credit line without "By" is short: a name or two and an outlet's.
_MAX_CREDIT = 80


def _credit_possible(line: str) -> bool:
    """Whether a line may match _CREDITS or _CHECKED_CREDITS: "By ...", ending in "staff"
    or "agencies" (in any case: the last letter is one of these, "ſ" being an "s" to the
    regex), or short and holding a comma or a bar ("Jane Roe, Reuters")."""
    return (line.startswith("By") or line.rstrip("\n")[-1:] in "sSſfF"
            # "Jane Roe, Reuters": a short line
            or (len(line) <= _MAX_CREDIT and ("," in line or "|" in line)))


def _placed_credit_possible(line: str) -> bool:
    """Whether a line may match _PLACED_CREDITS: a short line with a comma, a bar, a
    dash or " in "."""
    return len(line) <= _MAX_CREDIT and (
        "," in line or "|" in line or _dash_or_slash(line) or " in " in line)


def _slash_credit_possible(line: str) -> bool:
    """Whether a line may match _AGENCY_SLASH_PLACE: a short line with a slash."""
    return len(line) <= _MAX_SLASH_CREDIT and "/" in line


def _known_place_dateline_possible(line: str) -> bool:
    """Whether a line may match _KNOWN_PLACE_DATELINES: a long dash, or a comma or a
    closing colon in a short line."""
    return "–" in line or "—" in line or (len(line) <= _MAX_CREDIT and (
        "," in line or line.endswith(":")))


# Keyed by the pattern tuples' identities: hashing compiled patterns hashes their code.
# Each: the patterns, the checked patterns, their union, and a test every line they can
# match passes (None: no test).
_ANY_OF: dict[tuple[int, int], tuple[tuple[re.Pattern[str], ...], tuple[re.Pattern[str], ...],
                                     re.Pattern[str], Any]] = {
    (id(a), id(b)): (a, b, _any_of((*a, *b)), test)
    for a, b, test in ((_DATELINES, _CHECKED_DATELINES, _dash_or_slash),
                       (_CREDITS, _CHECKED_CREDITS, _credit_possible),
                       (_WEAK_DATELINES, (), _weak_dateline_possible),
                       (_LATE_DATELINES, (), _dash_or_slash),
                       (_COLON_DATELINES, (), None),
                       (_PLACED_CREDITS, (), _placed_credit_possible),
                       (_KNOWN_PLACE_DATELINES, (), _known_place_dateline_possible),
                       (_NO_PATTERNS, _SLASH_CREDITS, _slash_credit_possible))
}


def _find_dateline(
    lines: list[_Line],
    boiler: set[tuple[int, int]],
    patterns: tuple[re.Pattern[str], ...],
    checked: tuple[re.Pattern[str], ...] = (),
) -> _Dateline | None:
    """The first line that one of ``patterns`` (or of ``checked``, whose outlet must be
    known or written in capitals) matches."""
    candidates = (*patterns, *checked)
    known = _ANY_OF.get((id(patterns), id(checked)))
    any_of = known[2] if known is not None else _any_of(candidates)
    test = known[3] if known is not None else None
    for line in lines:
        if (line.key in boiler or (test is not None and not test(line.text))
                or any_of.match(line.text) is None):
            continue
        for pattern in candidates:
            m = pattern.match(line.text)
            if m is None:
                continue
            groups = m.groupdict()
            place = groups.get("place")
            outlet = groups.get("outlet")
            if pattern in checked and not _is_outlet(outlet or ""):
                continue
            if place is not None and fold_name(place) in _known_media():
                continue  # "Jane Roe/AFP": a photo credit, no reporter's place
            if (pattern is _BRACKET_DATELINE or pattern is _AGENCY_SLASH_PLACE
                    or patterns is _PLACED_CREDITS
                    or patterns is _KNOWN_PLACE_DATELINES) and not (
                place and _known_place(place)
            ):
                continue  # "Doctors Without Borders (MSF) said", "Jane Roe, Staff"
            if patterns is _PLACED_CREDITS and _known_place(
                line.text.split(None, 1)[0].rstrip(",-–—")
            ):
                continue  # "Moscow, Ankara": two places, no credit
            if outlet is not None and (_is_role(outlet) or _known_place(outlet)):
                # "By Jane Roe, Staff Writer", "By Jane Roe, Beirut": the reporter's role
                # or place, not a site
                continue
            place_span = outlet_span = None
            if place is not None:
                place_span = Span(line.start + m.start("place"), line.start + m.end("place"))
            if outlet is not None:
                outlet = outlet.strip()
                outlet_span = Span(line.start + m.start("outlet"),
                                   line.start + m.start("outlet") + len(outlet))
                outlet = _outlet_form(outlet)
            date = groups.get("date")
            return _Dateline(
                place=_place_name(place) if place else None,
                place_span=place_span,
                outlet=outlet,
                outlet_span=outlet_span,
                published=_parse_date(date) if date else None,
                line=line,
                whole_line=m.end() >= len(line.text.rstrip(" -–—")),
            )
    return None


def _colon_dateline(line: _Line, boiler: set[tuple[int, int]]) -> _Dateline | None:
    """A place and a colon opening the story's first paragraph ("BEIRUT: Lebanon's ...",
    "Abu Dhabi: The ..."): only a place the knowledge base knows, not "UPDATE:",
    "EXCLUSIVE:" or a speaker's name."""
    if not line.text[:1].isupper() or ":" not in line.text[:_BRACKET_AT]:
        return None
    colon = _find_dateline([line], boiler, _COLON_DATELINES)
    if colon is None or colon.place is None or not _known_place(colon.place):
        return None
    if colon.place_span is not None and not line.text[
            : colon.place_span.end - line.start].isupper() and _is_state(colon.place):
        return None  # ("Turkey: the ministry said ..." in mixed case opens a summary)
    return colon


def _is_state(name: str) -> bool:
    """Whether the knowledge base knows ``name`` as a state."""
    return any(c.label == "state" for c in default_knowledge().scanner.lookup(name))


#: A site's name: one to four capitalised words ("The National", "AHVAL").
_SITE_NAME = re.compile(r"[A-Z][\w'.&/-]*(?: (?:[A-Z][\w'.&/-]*|of|the|and)){0,3}")


def _self_named(lines: list[_Line], title_line: _Line | None) -> tuple[str, Span] | None:
    """An outlet the knowledge base does not know, named by the page's chrome: the first
    line is a short capitalised name that nothing else in the knowledge base bears, and
    another line that is not a sentence names it again ("The National" ... "Sign up to
    The National's newsletters"; "AHVAL" ... "Ahval | Jul 15 2020").

    The spelling is the second line's where the first shouts in capitals.
    """
    if len(lines) < 2:
        return None
    first = lines[0]
    name = first.text
    if (first is title_line or len(name) > 40 or _SITE_NAME.fullmatch(name) is None
            or _is_widget(_vocab(), name, first.low)
            or default_knowledge().scanner.lookup(name)):
        return None
    probe = re.compile(rf"(?<![\w-]){re.escape(name.casefold())}(?![\w-])")
    for line in lines[1:]:
        if line is title_line or line.prose or len(line.text) > 100:
            continue
        m = probe.search(line.low)
        if m is not None and len(line.low) == len(line.text):
            return line.text[m.start() : m.end()], Span(line.start + m.start(),
                                                        line.start + m.end())
    return None


def _headline_like(line: _Line, boiler: set[tuple[int, int]]) -> bool:
    """A line that may be the headline: no chrome, no sentence, four words or more."""
    return line.key not in boiler and not line.prose and len(line.text.split()) >= 4


def _site_line(
    head: list[_Line], boiler: set[tuple[int, int]], masthead: _Line | None
) -> _Line | None:
    """The masthead of a site the knowledge base does not know: the page's first line
    that is no chrome, a short name ("Arab News", "RFE/RL") that the knowledge base knows
    as nothing, with a navigation bar or a widget line straight below it ("Arab News" /
    "World | Business", "RFE/RL" / "Languages").

    A tagline between a masthead and the navigation bar ("The Daily Star" / "Lebanon's
    leading newspaper" / "News | Opinion") is chrome too: it is marked in ``boiler``
    when a headline-like line follows the bar.
    """
    first = next((i for i, ln in enumerate(head[:_MASTHEAD_LINES]) if ln.key not in boiler),
                 None)
    if first is None:
        return None
    line: _Line | None = head[first]
    if masthead is not None:
        first = head.index(masthead)
        line = None
    rest = head[first + 1 :]
    if len(rest) < 2:
        return None
    # A tagline: one short line, then a navigation bar or a section name, then a
    # headline ("Democracy Dies in Darkness" / "Middle East" / headline). Marked first:
    # the masthead above it is then followed by chrome.
    tag, bar = rest[0], rest[1]
    if (tag.key not in boiler and not tag.prose and len(tag.text.split()) <= 6
            # (a section's name, not a widget: "Share" comes below a headline)
            and bar.key in boiler and (_is_nav(bar.text) or _low_norm(bar.low) in _vocab().sections)
            and any(_headline_like(ln, boiler) for ln in rest[2:4])):
        boiler.add(tag.key)
    elif line is not None and _motto(tag.text) and _headline_like(bar, boiler):
        # A motto straight below the site's name, then the headline ("Northwind Post" /
        # "Creating new perspectives" / headline)
        boiler.add(tag.key)
    if line is not None:
        name = line.text
        if not ((rest[0].key in boiler or _DATE_LINE.match(rest[0].text) is not None)
                and len(name) <= 40 and not line.prose
                # (a brand in lower case, one word or before its edition: "northwind",
                # "northwind English"; not "loading...")
                and _SITE_NAME.fullmatch(
                    name if name[:1].isupper() or (
                        _without_edition(name) is name
                        and (" " in name or not name.removesuffix(".").isalnum()))
                    else name[:1].upper() + name[1:]) is not None
                and not default_knowledge().scanner.lookup(name)
                # a headline follows before the story ("Erdogan Meets Putin" / "Share" /
                # story: a short headline, no masthead)
                and any(_headline_like(ln, boiler)
                        for ln in itertools.takewhile(lambda x: not x.prose, rest[1:6]))):
            line = None
    return line


def _bar_site(line: _Line) -> tuple[str, Span] | None:
    """The site's name opening a navigation bar on the page's first line ("Daily Planet |
    World News"): a short capitalised name that is no section or widget and that the
    knowledge base knows as nothing else."""
    if "|" not in line.text or not _is_nav(line.text):
        return None
    name, _, rest = line.text.partition("|")
    name, rest = name.strip(), rest.strip()
    if (len(name) > 40 or _SITE_NAME.fullmatch(name) is None
            or _is_widget(_vocab(), name) or default_knowledge().scanner.lookup(name)):
        return None
    if "|" not in rest and _spells_out(name, rest):
        return rest, _last_span(line, rest)  # "NWA | Northwind News Agency": the full name
    return name, Span(line.start, line.start + len(name))


#: "© 2020 The Daily Planet.", "Copyright The Daily Planet Limited 2020": a holder
#: written with a year (without one, "© Jane Roe" under a photo credits a photographer).
_DATED_COPYRIGHT = re.compile(
    r"^(?:Copyright\s*)?(?:©|\([cC]\))?\s*(?:(?P<year>\d{4})\s+)?"
    r"(?P<name>[A-Z][\w&'.-]*(?: (?:[A-Z][\w&'.-]*|of|the|and|&)){0,4}?)"
    r"(?:,?\s+(?:Ltd|Limited|Inc|LLC|PLC|plc|S\.A|GmbH|Co|Media Group|Media Network"
    r"|Media Company|Group|Publishing|Holdings?)\.?)?"
    r"(?:,?\s+(?P<year2>\d{4}))?(?:\.|\s*$|\s+All\s+rights)"
)
#: "The Daily Planet's Jane Roe contributed to this report."
_CONTRIBUTED = re.compile(
    r"^(?:The\s+)?(?P<name>[A-Z][\w&.-]*(?: [A-Z][\w&.-]*){0,3})(?:['’]s?)\s+"
    r"[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){1,3}(?:\s+(?:in|from)\s+[A-Z][\w.'-]+)?"
    r"\s+contributed\b"
)


def _footer_outlet(lines: list[_Line]) -> tuple[str, Span] | None:
    """An outlet the knowledge base does not know, named by the page's footer: a dated
    copyright ("© 2020 The Daily Planet. All rights reserved."; a company's suffix cut
    off), or a credit for the outlet's reporter ("The Daily Planet's Jane Roe contributed
    to this report."). Only a name the knowledge base knows as an outlet or not at all."""
    for line in reversed(lines):
        text = line.text
        first = text[:1]
        if first in "C©(" and (text.startswith(("Copyright", "©", "(c)", "(C)"))):
            m = _DATED_COPYRIGHT.match(text)
            if m is None or not (m.group("year") or m.group("year2")):
                continue
        elif first.isupper() and "contributed" in text and len(text) <= 160:
            m = _CONTRIBUTED.match(text)
            if m is None:
                continue
        else:
            continue
        name = m.group("name").rstrip(".")
        found = default_knowledge().scanner.lookup(name)
        if (len(name) < 3 or _is_widget(_vocab(), name)
                or (found and not all(c.label == "media" for c in found))):
            continue  # "© 2020 Reuters" is one, "© 2020 Turkey" none
        at = line.start + m.start("name")
        return name, Span(at, at + len(name))
    return None


def _known_outlet(lines: list[_Line]) -> tuple[str, Span] | None:
    """A header line or copyright footer naming an outlet of the knowledge base."""

    names = _media_names(default_knowledge())
    for line in lines:
        body, offset = line.text, 0
        m = _COPYRIGHT.match(body) or _SOURCE_LINE.match(body)
        if m is not None:
            body, offset = m.group("name"), m.start("name")
            # "The Associated Press", "Al Jazeera Media Network": the known name inside
            # an article or a company's suffix
            found = _known_head(body, names)
            if found is not None:
                at, size = found
                return body[at : at + size], Span(line.start + offset + at,
                                                  line.start + offset + at + size)
            continue
        if len(body) > 40:
            continue
        if fold_name(body) in names:
            return body, Span(line.start + offset, line.start + offset + len(body))
    return None


def _known_head(name: str, names: frozenset[str]) -> tuple[int, int] | None:
    """Where in a copyright holder's name the longest known outlet's name is: the name's
    first words, after "The" if the knowledge base has it without ("The Associated Press",
    "Al Jazeera Media Network", "Thomson Reuters" -> "Thomson Reuters")."""
    at = 4 if name.startswith("The ") else 0
    for start in dict.fromkeys((0, at)):
        words = name[start:].split(" ")
        for n in range(len(words), 0, -1):
            head = " ".join(words[:n])
            if fold_name(head) in names:
                return start, len(head)
    return None


_SOURCE_LINE = re.compile(
    r"^(?i:source)\s*:\s*(?P<name>[^|/]+?)"
    r"(?:\s+(?i:and|with)\s+(?i:other\s+)?(?i:news\s+)?(?i:agencies))?\s*(?:[|/]|$)"
)
_COPYRIGHT = re.compile(
    # "Copyright 2020 X.", "© X", "(c) Copyright X 2020."
    r"^(?:\([cC]\)\s*)?(?:Copyright|©)\s*(?:(?:©|\([cC]\))\s*)?(?:\d{4}(?:-\d{4})?\s+)?"
    r"(?P<name>[A-Z][\w&' .-]{1,40}?)(?:,?\s+\d{4})?(?:\.|\s*$)"
)


@functools.cache
def _media_names(kb: Any) -> frozenset[str]:
    return frozenset(_media_forms(kb))


@functools.cache
def _media_forms(kb: Any) -> dict[str, tuple[str, ...]]:
    """Folded outlet name -> the knowledge base's spellings of that name."""

    out: dict[str, tuple[str, ...]] = {}
    for entry in kb.actors.values():
        if entry.kind is ActorKind.MEDIA:
            for n in (entry.name, *entry.aliases):
                key = fold_name(n)
                out[key] = (*out.get(key, ()), n)
    return out


@functools.cache
def _media_own_names(kb: Any) -> frozenset[str]:
    """The folded names (not aliases) of the knowledge base's outlets."""
    return frozenset(fold_name(e.name) for e in kb.actors.values() if e.kind is ActorKind.MEDIA)


#: The language edition a site names after its own name ("Northwind Post English").
_EDITIONS = (" english", " english edition", " in english", " english version")


#: A site's domain after its name ("NORTHWIND.COM", "northwindpost.com.pk").
_DOMAIN = re.compile(r"(?i)(?<=\w)\.(?:com|net|org|co|news|info)(?:\.[a-z]{2})?$")


def _without_edition(name: str) -> str:
    """``name`` without the language edition after it ("Northwind Post English" ->
    "Northwind Post", "northwind English" -> "northwind"), unless the knowledge base
    knows the whole as an outlet's own name (an outlet called "X English"), or without
    its domain ("NORTHWIND.COM" -> "NORTHWIND"); ``name`` itself where there is none."""
    if "." in name and " " not in name:
        m = _DOMAIN.search(name)
        if m is not None and m.start() >= 2:
            return name[: m.start()]
    low = name.casefold()
    if not low.endswith(_EDITIONS):
        return name
    if fold_name(name) in _media_own_names(default_knowledge()):
        return name
    cut = next(len(e) for e in _EDITIONS if low.endswith(e))
    bare = name[:-cut].rstrip(" -|,")
    return bare if len(bare) >= 2 else name


def _known_media() -> dict[str, tuple[str, ...]]:

    return _media_forms(default_knowledge())


def _is_outlet(name: str) -> bool:
    """An outlet the knowledge base knows, or a short name in capitals ("SANA") that it
    knows as nothing else (not "TURKEY", "NATO" or "HTS")."""

    if fold_name(name) in _known_media():
        return True
    if name.isupper() and len(name) <= 12 and " " not in name:
        return not default_knowledge().scanner.lookup(name)
    return False


def _is_role(name: str) -> bool:
    """Whether ``name`` ends in a role noun ("Staff Writer", "Senior Correspondent")."""
    from idlib_corpus.extractors._names import grammar

    words = name.split()
    return bool(words) and grammar().is_role(words[-1].casefold())


def _may_be_place(name: str) -> bool:
    """Whether the knowledge base knows ``name`` as nothing but a place, a capital or a
    state, or does not know it ("KASTANIES"; not "NATO", "HTS" or "TASS")."""
    return all(c.label in _PLACE_LABELS
               for c in default_knowledge().scanner.lookup(name.title()))


_PLACE_LABELS = frozenset(("place", "capital", "state"))


def _known_place(name: str) -> bool:
    """Whether the knowledge base knows ``name`` as a place, a capital or a state, and as
    nothing else."""
    found = default_knowledge().scanner.lookup(name.title())
    return bool(found) and all(c.label in _PLACE_LABELS for c in found)


def _outlet_form(name: str) -> str:
    """A name written in shouting capitals, as the knowledge base spells that name.

    "HÜRRİYET DAILY NEWS" -> "Hürriyet Daily News" (the spelling with the same letters,
    accents kept where the page has them); an unknown one in capitals is title-cased
    ("DAILY SABAH" -> "Daily Sabah"); acronyms ("SANA", "AP") and mixed case stay.
    """
    if not name.isupper():
        return name
    if " " not in name and len(name) <= 5:
        # an acronym ("SANA", "AP") stays, unless the knowledge base writes that very
        # name in lower case ("AHVAL" -> "Ahval")
        spelt = _known_media().get(fold_name(name), ())
        return spelt[0] if spelt and not spelt[0].isupper() and len(spelt[0]) == len(name) else name

    forms = [f for f in _known_media().get(fold_name(name), ()) if not f.isupper()]
    if not forms:
        return name.title() if " " in name else name
    accented = not name.isascii()
    return next((f for f in forms if f.isascii() != accented), forms[0])


def read_metadata(article: Article) -> ArticleMetadata:
    """Read headline, outlet, dateline, a dated dateline's date and boilerplate lines.

    Args:
        article: the article as read.

    Returns:
        An :class:`~idlib_corpus.model.ArticleMetadata` (fields ``None`` where the text
        does not give them).

    Example:
        >>> text = ("World\\n\\nTalks on Idlib End - Ministry\\n\\n"
        ...         "ANKARA (Sputnik) - Talks ended.\\nShare")
        >>> meta = read_metadata(Article(id="a", text=text))
        >>> meta.title, meta.outlet, meta.dateline
        ('Talks on Idlib End', 'Sputnik', 'Ankara')
        >>> [text[s.start:s.end] for s in meta.boilerplate]
        ['World', 'Share']
    """
    v = _vocab()
    text = article.text
    lines = _lines(text)
    boiler: set[tuple[int, int]] = set()
    # A line is foreign only if it holds a letter of another script: where the whole text
    # holds none (one search), no line is asked.
    # (Searched among the text's non-ASCII characters alone: same answer, see _non_ascii.)
    foreign = not text.isascii() and _NON_LATIN_SEARCH.search(_non_ascii(text)) is not None
    # Likewise a navigation bar needs one of its separators (see _is_nav).
    # (">" first: a search for " > " in a long text stops at every space, one for ">"
    # at none of them.)
    nav = "|" in text or "›" in text or "»" in text or (">" in text and " > " in text)
    for line in lines:
        line_text = line.text
        # A long line can only be a widget by its ends (see _Line.widget_ends).
        widget = (line.widget_ends(v) if len(line_text) > _MAX_WIDGET
                  else _is_widget(v, line_text, line.low))
        if widget or (foreign and _is_foreign(line_text)) or (nav and _is_nav(line_text)) or (
                line_text.endswith((")", "Images"))
                and _CAPTION_CREDIT.search(line_text, max(0, len(line_text) - 140))):
            boiler.add(line.key)
    head = lines[:_HEAD_LINES]
    for line in head:
        # (only the line's head folded: a notice is a prefix, and most head lines are
        # paragraphs of the story that nothing else folds)
        if line.text[: v.notice_len].casefold().startswith(v.notices):
            # "We use cookies ...": the page's, not the story's (marked before the
            # masthead is looked for: a notice may come first)
            boiler.add(line.key)
    masthead = _masthead(head) or _motto_masthead(head, boiler)
    if masthead is not None:
        boiler.add(masthead[0].key)
    site = _site_line(head, boiler, masthead[0] if masthead is not None else None)
    if site is not None:
        boiler.add(site.key)

    dateline = (_find_dateline(head, boiler, _DATELINES, _CHECKED_DATELINES)
                or _find_dateline(head, boiler, _NO_PATTERNS, _SLASH_CREDITS))
    credit = _find_dateline(head, boiler, _CREDITS, _CHECKED_CREDITS)
    body_start = dateline.line.start if dateline is not None else None

    # The headline: the first line of four words or more before the story that is not
    # a sentence, a date or a credit (nav bars hold shorter lines); else one of two.
    title = title_span = None
    crumb_outlet: tuple[str, Span] | None = None
    title_line: _Line | None = None
    candidates: list[_Line] = []
    for line in head:
        if body_start is not None and line.start >= body_start:
            break
        if line.key in boiler or (credit is not None and line is credit.line):
            continue
        if line.prose:
            break  # the story starts here
        if _STAMP.match(line.text) is not None:
            boiler.add(line.key)  # "Updated 3 hours ago", "5 min read": the page's clock
            continue
        if _DATE_LINE.match(line.text) or line.text.startswith("By "):
            continue
        candidates.append(line)
    # A headline reads as one: 4 to 25 words (a longer line without a full stop is a
    # standfirst, which comes after the headline anyway).
    chosen = next((c for c in candidates if 4 <= len(c.text.split()) <= _MAX_TITLE_WORDS
                   and not _all_crumbs(v, c.text)), None)
    if chosen is None:
        chosen = next((c for c in candidates if len(c.text.split()) >= 2
                       and not _all_crumbs(v, c.text)), None)
    if chosen is not None:
        cleaned, crumb = _clean_title(v, chosen.text)
        if len(cleaned.split()) >= 2:
            title = cleaned
            at = chosen.text.find(cleaned)  # after a rubric cut off its front
            title_span = Span(chosen.start + at, chosen.start + at + len(cleaned))
            title_line = chosen
            if crumb is not None:
                crumb_outlet = (crumb, _last_span(chosen, crumb))
        # Short lines above the headline are the site's navigation.
        for c in candidates:
            if c is chosen:
                break
            if len(c.text.split()) < 4 or _all_crumbs(v, c.text):
                boiler.add(c.key)

    if dateline is None:
        # Below the headline, down to the story's first sentence: further down, a line
        # like "Kastanies, Greece — ..." is prose, not a dateline.
        below: list[_Line] = []
        for ln in head:
            if title_line is None or ln.start > title_line.start:
                below.append(ln)
                if ln.prose and ln.key not in boiler:
                    break
        dateline = _find_dateline(below, boiler, _WEAK_DATELINES)
        if dateline is None or (dateline.place is not None and " " in dateline.place
                                and dateline.whole_line and not _known_place(dateline.place)):
            # "Enab Baladi – Idlib", "Jane Roe, Beirut": a credit with a known place; it
            # beats a line in capitals the knowledge base does not know as a place, which
            # is as likely a byline ("JANE ROE")
            placed = (_find_dateline(below, boiler, _PLACED_CREDITS)
                      or _find_dateline(below, boiler, _KNOWN_PLACE_DATELINES))
            if placed is not None:
                dateline = placed
            elif dateline is not None and below and below[-1].prose:
                dateline = _colon_dateline(below[-1], boiler) or dateline
        if dateline is None and below:
            dateline = _colon_dateline(below[-1], boiler)
        if dateline is None and title_line is not None and below and below[-1].prose:
            # A standfirst (a sentence under the headline) comes before the dateline:
            # "KASTANIES, Greece — For a fourth day ..." opens the next paragraph. Only a
            # place in capitals that names no body ("NATO, Russia — ...") reads so there.
            # (Bylines and date lines may come between.)
            after: list[_Line] = []
            for ln in head:
                if ln.start > below[-1].start:
                    after.append(ln)
                    if ln.prose and ln.key not in boiler:
                        break
            late = _find_dateline(after, boiler, _LATE_DATELINES)
            if late is not None and late.place is not None and _may_be_place(late.place):
                dateline = late
            elif after and after[-1].prose:
                # ("Doha: The emir ..." opening the paragraph below the standfirst)
                dateline = _colon_dateline(after[-1], boiler)

    # The outlet: the dateline's credit, a credit line, a breadcrumb, a "News agency X"
    # line, or a header line (or copyright footer) naming a known outlet.
    outlet = outlet_span = None
    top = masthead if masthead is not None else (
        None if site is None or site is title_line
        else (site, site.text, Span(site.start, site.end)))
    for found in (dateline, credit):
        if found is not None and found.outlet is not None:
            outlet, outlet_span = found.outlet, found.outlet_span
            # "(Northwind) –" under a masthead "Northwind News Agency", "By NDP Staff"
            # under "The Northern Daily Post": the outlet credits itself by a short
            # name; its name is the masthead's (a dateline's initials, "Idleb, NWA-",
            # are the name the agency signs with: they stay)
            if masthead is not None and _full_agency_name(outlet, masthead[1]):
                outlet, outlet_span = masthead[1], masthead[2]
            elif top is not None and found is credit and _initials(outlet, top[1]):
                outlet, outlet_span = top[1], top[2]
            break
    if outlet is None and crumb_outlet is not None:
        outlet, outlet_span = crumb_outlet
    if outlet is None and masthead is not None:
        outlet, outlet_span = _outlet_form(masthead[1]), masthead[2]
    if outlet is None:
        for line in lines:
            if line.prose and not (
                line.low if line._low is not None else line.text[: v.prefix_len].casefold()
            ).startswith(v.prefixes):
                continue
            m = _NEWS_AGENCY.search(line.text)
            if m:
                outlet = m.group("outlet")
                outlet_span = Span(line.start + m.start("outlet"), line.start + m.end("outlet"))
                break
    if outlet is None:
        header = [ln for ln in head if body_start is None or ln.start < body_start]
        footer = [
            ln for ln in lines
            if ln.text[:1] in ("C", "©", "S", "(")
            and (_COPYRIGHT.match(ln.text) or _SOURCE_LINE.match(ln.text))
        ]
        known = _known_outlet(header + footer)
        if known is not None:
            outlet, outlet_span = known

    if outlet is None and site is not None and site is not title_line:
        outlet, outlet_span = site.text, Span(site.start, site.end)
    if outlet is None and masthead is None and lines:
        barred = _bar_site(lines[0])
        if barred is not None:
            outlet, outlet_span = barred
    if outlet is None:
        named = _self_named(lines, title_line)
        if named is not None:
            outlet, outlet_span = named
    if outlet is None:
        # the page's own footer: "© 2020 The Daily Planet. All rights reserved.", "The
        # Daily Planet's Jane Roe contributed to this report."
        outlet_at = _footer_outlet(lines)
        if outlet_at is not None:
            outlet, outlet_span = outlet_at

    if outlet is not None:
        outlet = _outlet_form(outlet)
        bare = _without_edition(outlet)
        if bare is not outlet and outlet_span is not None:
            outlet_span = Span(outlet_span.start, outlet_span.end - (len(outlet) - len(bare)))
            outlet = bare
        if outlet.islower():
            outlet = outlet[:1].upper() + outlet[1:]  # a brand in lower case: "northwind"

    # Published: a dated dateline, else a date line (or a dated header) above the story.
    # (A date in other chrome is taken only where no date line gives one: a photo
    # caption above the date line may date the photo, not the story.)
    published = dateline.published if dateline is not None else None
    chrome_date: _dt.date | None = None
    for line in head:
        if body_start is not None and line.start >= body_start:
            break
        dm = _DATE_LINE.match(line.text)
        if dm is not None:
            boiler.add(line.key)
            if published is None:
                published = _parse_date(dm.group("date"))
        elif (line.key in boiler or line.text.startswith("By ")) and chrome_date is None \
                and not line.low.startswith(_CAPTIONS) and not line.text.endswith(")"):
            # ("By Jane Roe | March 3, 2020": a byline's date)
            dm = _ANY_FULL_DATE.search(line.text)  # "Source: Xinhua | 2020-03-02 23:45"
            if dm is not None:
                chrome_date = _parse_date(dm.group("date"))
    if published is None:
        published = chrome_date

    for found in (dateline, credit):
        if found is not None and found.whole_line:
            boiler.add(found.line.key)

    # Repeated headlines, credit lines naming the outlet alone, bylines, related stories.
    title_key = _norm(title) if title else None
    title_probe = max(title_key.split(" "), key=len) if title_key else ""
    outlet_key = _norm(outlet) if outlet else None
    story_started = False
    in_related = False
    for line in lines:
        if line is title_line:
            continue
        if line.key in boiler:
            in_related = _low_norm(line.low) in v.related_headers
            continue
        size = len(line.text)
        prose = line.prose
        # Only lines about as long as the headline can repeat it (with a breadcrumb), and
        # only lines holding its longest word (both sides compare words of the folded line
        # or of a head of it, which are all in the folded line).
        repeat = bool(title and title_key and len(title) <= size <= len(title) + 80
                      and title_probe in line.low and (
            _low_norm(line.low) == title_key or _norm(_clean_title(v, line.text)[0]) == title_key
        ))
        lone_credit = bool(outlet and size <= len(outlet) + 3
                           and _low_norm(line.low) == outlet_key)
        byline = line.text.startswith("By ") and size < 80 and not prose
        if repeat or lone_credit or byline:
            boiler.add(line.key)
        elif prose:
            story_started = True
            in_related = False
        elif in_related:
            boiler.add(line.key)  # the headlines listed under "Related"
        elif story_started and 3 <= len(line.text.split()) <= 25 and (
            _title_case_ratio(line.text) >= _TITLE_CASE
        ):
            boiler.add(line.key)  # a related headline inside the story

    return ArticleMetadata(
        title=title,
        title_span=title_span,
        outlet=outlet,
        outlet_span=outlet_span,
        dateline=dateline.place if dateline is not None else None,
        dateline_span=dateline.place_span if dateline is not None else None,
        published=published,
        boilerplate=tuple(Span(a, b) for a, b in sorted(boiler)),
    )


@hookimpl(trylast=True)
def idlib_article_metadata(article: Article) -> ArticleMetadata | None:
    """Read the headline, outlet, dateline and boilerplate lines off ``article``.

    ``trylast``: a third-party plugin that knows a site's layout overrides it field by
    field. See :func:`read_metadata`.
    """
    return read_metadata(article)

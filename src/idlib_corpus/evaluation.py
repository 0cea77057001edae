"""Scoring extraction against gold answers, by the rules of ``docs/GOLD.md``.

A gold file holds one JSON object a line, one line an article: its ``title``, ``outlet``
and ``dateline``, and lists of ``persons``, ``groups``, ``meetings`` and ``incidents``.
A system's output in the same format (ours through :func:`to_gold_records`, or any other
system's) is scored against it slot by slot:

* :func:`read_gold` / :func:`parse_gold_line` read and validate a file into typed
  :class:`GoldArticle` records (errors name the file, the line and the JSON path);
* :func:`score` aligns predicted records to gold ones within each article and kind and
  counts true positives, false positives and false negatives per slot;
* :func:`evaluate` does both for a gold file and a folder of articles, running the
  installed extractors unless predictions are given;
* the :class:`Report` holds per-kind precision, recall and F1 (micro over slots), record
  F1, every slot error (:class:`SlotError`) and which articles were missing where.

Rules that need knowledge (known spellings of one place, nationality words dropped from
titles) ask the knowledge base (:mod:`idlib_corpus.knowledge`) through two small seams,
:func:`place_variants` / :func:`same_place` and :func:`nationality_words`, and fall back
to folding alone and to ``data/eval/nationality_words.txt`` while it has no answer.

Example:
    >>> gold = [{"article": "a", "persons": [{"name": "Mevlüt Çavuşoğlu", "country": "TR"}]}]
    >>> pred = [{"article": "a", "persons": [{"name": "Mevlut Cavusoglu", "country": "TR"}]}]
    >>> score(gold, pred).kind("persons").f1
    1.0
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import attrs

from idlib_corpus.errors import InputError, ModelError, WireFormatError
from idlib_corpus.folding import fold_char_preserving, fold_name
from idlib_corpus.model import (
    ActorKind,
    ArticleResult,
    MeetingStatus,
    Precision,
    Span,
    TimeValue,
)

if TYPE_CHECKING:
    from idlib_corpus.pipeline import Pipeline

__all__ = [
    "INCIDENT_TYPES",
    "KINDS",
    "MEETING_STATUSES",
    "Counts",
    "GoldArticle",
    "GoldFormatError",
    "GoldGroup",
    "GoldIncident",
    "GoldMeeting",
    "GoldPerson",
    "KindScore",
    "Report",
    "SlotError",
    "evaluate",
    "format_errors",
    "nationality_words",
    "parse_gold_line",
    "place_variants",
    "read_gold",
    "same_place",
    "score",
    "title_matches",
    "to_gold_records",
]

#: The kinds a report scores, in report order.
KINDS = ("article", "persons", "groups", "meetings", "incidents")

#: Incident types GOLD.md annotates (a subset of :class:`~idlib_corpus.model.IncidentType`).
INCIDENT_TYPES = ("armed_attack", "territorial_change", "deployment", "displacement")

#: Meeting statuses GOLD.md annotates.
MEETING_STATUSES = tuple(s.value for s in MeetingStatus)

#: The slots scored for each kind (GOLD.md, scoring rule 6).
SLOTS: Mapping[str, tuple[str, ...]] = {
    "article": ("title", "outlet", "dateline"),
    "persons": ("name", "country", "title"),
    "groups": ("name",),
    "meetings": ("parties", "place", "date", "status", "participants"),
    "incidents": (
        "type", "date", "place", "perpetrator", "target", "killed", "injured", "displaced",
    ),
}

# Words the title rule drops besides nationality words (GOLD.md, scoring rule 3).
_TITLE_STOPWORDS = frozenset({"the", "top", "a"})
_ISO2 = re.compile(r"^[A-Z]{2}$")
_WORD = re.compile(r"[^\W_]+")
_PRECISION_RANK = {Precision.DAY: 0, Precision.MONTH: 1, Precision.YEAR: 2}


# --------------------------------------------------------------------------- errors


class GoldFormatError(WireFormatError):
    """A gold or prediction line breaks the GOLD.md format.

    The message names the file, the line and the JSON path, e.g.
    ``gold.jsonl line 3: unknown incident type 'attack' ... @ $.incidents[0].type``.
    """


# --------------------------------------------------------------------------- gold records


def _tuple_str(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


def _sorted_set(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted(set(value)))


@attrs.frozen
class GoldPerson:
    """A named person, as GOLD.md annotates one.

    Attributes:
        name: the full name as the text first gives it.
        aliases: other spellings the same text uses.
        country: ISO 3166 alpha-2 code of the state the person serves or belongs to.
        title: the office, without nationality words, or ``None``.
        optional: an optional record (neither rewarded nor punished).
        note: free text, never scored.
        evidence: text a system gives as its evidence, shown with errors, never scored.

    Example:
        >>> GoldPerson("Hulusi Akar", country="TR", title="Defence Minister").names
        ('Hulusi Akar',)
    """

    name: str
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_tuple_str)
    country: str | None = None
    title: str | None = None
    optional: bool = False
    note: str | None = None
    evidence: str | None = None

    @property
    def names(self) -> tuple[str, ...]:
        """The name followed by its aliases."""
        return (self.name, *self.aliases)


@attrs.frozen
class GoldGroup:
    """A named non-state armed group.

    Attributes:
        name: the name the text gives first.
        aliases: other names used in the text.
        optional: an optional record.
        note: free text, never scored.
        evidence: a system's evidence text, never scored.

    Example:
        >>> GoldGroup("Jabhat al-Nusra", aliases=["Nusra Front"]).names
        ('Jabhat al-Nusra', 'Nusra Front')
    """

    name: str
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_tuple_str)
    optional: bool = False
    note: str | None = None
    evidence: str | None = None

    @property
    def names(self) -> tuple[str, ...]:
        """The name followed by its aliases."""
        return (self.name, *self.aliases)


@attrs.frozen
class GoldMeeting:
    """Talks, a visit, a summit or a phone call.

    Attributes:
        parties: ISO codes of the states taking part, sorted.
        place: the place's name, or several names any of which is right; ``()`` if none.
        date: when, as a :class:`~idlib_corpus.model.TimeValue`, or ``None``.
        status: ``held``, ``ongoing``, ``planned``, ``cancelled`` or ``None``.
        participants: named persons taking part.
        optional: an optional record.
        note: free text, never scored.
        evidence: a system's evidence text, never scored.

    Example:
        >>> GoldMeeting(parties=["TR", "RU"], place=["Ankara"]).parties
        ('RU', 'TR')
    """

    parties: tuple[str, ...] = attrs.field(default=(), converter=_sorted_set)
    place: tuple[str, ...] = attrs.field(default=(), converter=_tuple_str)
    date: TimeValue | None = None
    status: str | None = None
    participants: tuple[str, ...] = attrs.field(default=(), converter=_tuple_str)
    optional: bool = False
    note: str | None = None
    evidence: str | None = None


@attrs.frozen
class GoldIncident:
    """Something that happened on the ground.

    Attributes:
        type: one of :data:`INCIDENT_TYPES`.
        date: when, or ``None``.
        place: the place's name, or several names any of which is right; ``()`` if none.
        perpetrator: ISO codes of states' forces and names of groups that acted.
        target: the same for those acted upon.
        killed: the death toll, or ``None``.
        injured: the number injured, or ``None``.
        displaced: the number displaced, or ``None``.
        optional: an optional record.
        note: free text, never scored.
        evidence: a system's evidence text, never scored.

    Example:
        >>> GoldIncident("armed_attack", perpetrator=["SY"], target=["TR"], killed=8).killed
        8
    """

    type: str
    date: TimeValue | None = None
    place: tuple[str, ...] = attrs.field(default=(), converter=_tuple_str)
    perpetrator: tuple[str, ...] = attrs.field(default=(), converter=_tuple_str)
    target: tuple[str, ...] = attrs.field(default=(), converter=_tuple_str)
    killed: int | None = None
    injured: int | None = None
    displaced: int | None = None
    optional: bool = False
    note: str | None = None
    evidence: str | None = None


GoldRecord = GoldPerson | GoldGroup | GoldMeeting | GoldIncident


def _persons_tuple(value: Iterable[GoldPerson]) -> tuple[GoldPerson, ...]:
    return tuple(value)


def _groups_tuple(value: Iterable[GoldGroup]) -> tuple[GoldGroup, ...]:
    return tuple(value)


def _meetings_tuple(value: Iterable[GoldMeeting]) -> tuple[GoldMeeting, ...]:
    return tuple(value)


def _incidents_tuple(value: Iterable[GoldIncident]) -> tuple[GoldIncident, ...]:
    return tuple(value)


@attrs.frozen
class GoldArticle:
    """One line of a gold (or prediction) file: the answers for one article.

    Attributes:
        article: the article id (its file name without ``.txt``).
        title: the headline, or ``None``.
        outlet: the outlet the text names as its author, or ``None``.
        dateline: the dateline place, or ``None``.
        persons: :class:`GoldPerson` records.
        groups: :class:`GoldGroup` records.
        meetings: :class:`GoldMeeting` records.
        incidents: :class:`GoldIncident` records.
        source: where it was read (``"gold.jsonl line 3"``), for messages.

    Example:
        >>> GoldArticle("002", title="Turkey expects talks").title
        'Turkey expects talks'
    """

    article: str
    title: str | None = None
    outlet: str | None = None
    dateline: str | None = None
    persons: tuple[GoldPerson, ...] = attrs.field(default=(), converter=_persons_tuple)
    groups: tuple[GoldGroup, ...] = attrs.field(default=(), converter=_groups_tuple)
    meetings: tuple[GoldMeeting, ...] = attrs.field(default=(), converter=_meetings_tuple)
    incidents: tuple[GoldIncident, ...] = attrs.field(default=(), converter=_incidents_tuple)
    source: str = ""

    def records(self, kind: str) -> tuple[GoldRecord, ...]:
        """The records of one kind (``persons``, ``groups``, ``meetings``, ``incidents``)."""
        out: tuple[GoldRecord, ...] = getattr(self, kind)
        return out


# --------------------------------------------------------------------------- parsing

_RECORD_KEYS: Mapping[str, frozenset[str]] = {
    "persons": frozenset({"name", "aliases", "country", "title"}),
    "groups": frozenset({"name", "aliases"}),
    "meetings": frozenset({"parties", "place", "date", "status", "participants"}),
    "incidents": frozenset(
        {"type", "date", "place", "perpetrator", "target", "killed", "injured", "displaced"}
    ),
}
_COMMON_KEYS = frozenset({"optional", "note", "evidence"})
_ARTICLE_KEYS = frozenset(
    {"article", "title", "outlet", "dateline", "note", *_RECORD_KEYS}
)


class _LineReader:
    """Validates one decoded line, raising :class:`GoldFormatError` with its location."""

    def __init__(self, source: str, strict_keys: bool) -> None:
        self.source = source
        self.strict_keys = strict_keys

    def fail(self, path: str, message: str) -> GoldFormatError:
        return GoldFormatError(f"{message} @ {path}", source=self.source, paths=[path])

    def keys(self, obj: Mapping[str, Any], allowed: frozenset[str], path: str) -> None:
        if not self.strict_keys:
            return
        unknown = sorted(set(obj) - allowed)
        if unknown:
            raise self.fail(
                path,
                f"unknown key {unknown[0]!r} (expected some of {', '.join(sorted(allowed))})",
            )

    def text(self, obj: Mapping[str, Any], key: str, path: str) -> str | None:
        value = obj.get(key)
        if value is None:
            return None
        if not isinstance(value, str):
            raise self.fail(f"{path}.{key}", f"{key!r} must be a string or null, got {value!r}")
        return value

    def name(self, obj: Mapping[str, Any], key: str, path: str) -> str:
        value = obj.get(key)
        if not isinstance(value, str) or not value.strip():
            raise self.fail(f"{path}.{key}", f"{key!r} must be a non-empty string, got {value!r}")
        return value

    def strings(self, obj: Mapping[str, Any], key: str, path: str) -> tuple[str, ...]:
        value = obj.get(key)
        if value is None:
            return ()
        if not isinstance(value, list) or not all(
            isinstance(v, str) and v.strip() for v in value
        ):
            raise self.fail(
                f"{path}.{key}", f"{key!r} must be a list of non-empty strings, got {value!r}"
            )
        return tuple(value)

    def places(self, obj: Mapping[str, Any], key: str, path: str) -> tuple[str, ...]:
        value = obj.get(key)
        if isinstance(value, str):
            if not value.strip():
                raise self.fail(f"{path}.{key}", f"{key!r} must not be empty")
            return (value,)
        return self.strings(obj, key, path)

    def iso(self, value: Any, path: str) -> str:
        if not isinstance(value, str) or not _ISO2.match(value):
            raise self.fail(
                path, f"not an ISO 3166 alpha-2 code (two capital letters): {value!r}"
            )
        return value

    def date(self, obj: Mapping[str, Any], path: str) -> TimeValue | None:
        value = obj.get("date")
        if value is None:
            return None
        if not isinstance(value, str):
            raise self.fail(f"{path}.date", f"'date' must be a string or null, got {value!r}")
        try:
            return TimeValue.from_iso(value)
        except ModelError as exc:
            raise self.fail(
                f"{path}.date",
                f"malformed date {value!r}: use YYYY, YYYY-MM, YYYY-MM-DD or START/END ({exc})",
            ) from None

    def count(self, obj: Mapping[str, Any], key: str, path: str) -> int | None:
        value = obj.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise self.fail(f"{path}.{key}", f"{key!r} must be an integer >= 0, got {value!r}")
        return value

    def flag(self, obj: Mapping[str, Any], path: str) -> bool:
        value = obj.get("optional", False)
        if not isinstance(value, bool):
            raise self.fail(f"{path}.optional", f"'optional' must be true or false, got {value!r}")
        return value

    def records(self, obj: Mapping[str, Any], kind: str) -> list[Mapping[str, Any]]:
        value = obj.get(kind)
        if value is None:
            return []
        if not isinstance(value, list) or not all(isinstance(v, Mapping) for v in value):
            raise self.fail(f"$.{kind}", f"{kind!r} must be a list of objects")
        return value

    # -- one record of each kind

    def common(self, rec: Mapping[str, Any], path: str) -> dict[str, Any]:
        return {
            "optional": self.flag(rec, path),
            "note": self.text(rec, "note", path),
            "evidence": self.text(rec, "evidence", path),
        }

    def person(self, rec: Mapping[str, Any], path: str) -> GoldPerson:
        self.keys(rec, _RECORD_KEYS["persons"] | _COMMON_KEYS, path)
        country = rec.get("country")
        return GoldPerson(
            name=self.name(rec, "name", path),
            aliases=self.strings(rec, "aliases", path),
            country=None if country is None else self.iso(country, f"{path}.country"),
            title=self.text(rec, "title", path),
            **self.common(rec, path),
        )

    def group(self, rec: Mapping[str, Any], path: str) -> GoldGroup:
        self.keys(rec, _RECORD_KEYS["groups"] | _COMMON_KEYS, path)
        return GoldGroup(
            name=self.name(rec, "name", path),
            aliases=self.strings(rec, "aliases", path),
            **self.common(rec, path),
        )

    def meeting(self, rec: Mapping[str, Any], path: str) -> GoldMeeting:
        self.keys(rec, _RECORD_KEYS["meetings"] | _COMMON_KEYS, path)
        parties = self.strings(rec, "parties", path)
        for i, code in enumerate(parties):
            self.iso(code, f"{path}.parties[{i}]")
        status = self.text(rec, "status", path)
        if status is not None and status not in MEETING_STATUSES:
            raise self.fail(
                f"{path}.status",
                f"unknown meeting status {status!r} "
                f"(expected one of {', '.join(MEETING_STATUSES)})",
            )
        meeting = GoldMeeting(
            parties=parties,
            place=self.places(rec, "place", path),
            date=self.date(rec, path),
            status=status,
            participants=self.strings(rec, "participants", path),
            **self.common(rec, path),
        )
        if self.strict_keys and all(_slot_value(meeting, s) is None for s in SLOTS["meetings"]):
            # Nothing to align or score: surely an annotation slip.
            raise self.fail(path, "a meeting must set at least one of " + ", ".join(
                SLOTS["meetings"]))
        return meeting

    def incident(self, rec: Mapping[str, Any], path: str) -> GoldIncident:
        self.keys(rec, _RECORD_KEYS["incidents"] | _COMMON_KEYS, path)
        kind = rec.get("type")
        if kind not in INCIDENT_TYPES:
            raise self.fail(
                f"{path}.type",
                f"unknown incident type {kind!r} (expected one of {', '.join(INCIDENT_TYPES)})",
            )
        return GoldIncident(
            type=kind,
            date=self.date(rec, path),
            place=self.places(rec, "place", path),
            perpetrator=self.strings(rec, "perpetrator", path),
            target=self.strings(rec, "target", path),
            killed=self.count(rec, "killed", path),
            injured=self.count(rec, "injured", path),
            displaced=self.count(rec, "displaced", path),
            **self.common(rec, path),
        )

    def article(self, obj: Any) -> GoldArticle:
        if not isinstance(obj, Mapping):
            raise self.fail("$", "a line must hold one JSON object")
        self.keys(obj, _ARTICLE_KEYS, "$")
        article = obj.get("article")
        if not isinstance(article, str) or not article.strip():
            raise self.fail("$.article", f"missing or empty 'article' id, got {article!r}")
        makers: dict[str, Callable[[Mapping[str, Any], str], GoldRecord]] = {
            "persons": self.person,
            "groups": self.group,
            "meetings": self.meeting,
            "incidents": self.incident,
        }
        lists = {
            kind: [make(rec, f"$.{kind}[{i}]") for i, rec in enumerate(self.records(obj, kind))]
            for kind, make in makers.items()
        }
        return GoldArticle(
            article=article,
            title=self.text(obj, "title", "$"),
            outlet=self.text(obj, "outlet", "$"),
            dateline=self.text(obj, "dateline", "$"),
            persons=[r for r in lists["persons"] if isinstance(r, GoldPerson)],
            groups=[r for r in lists["groups"] if isinstance(r, GoldGroup)],
            meetings=[r for r in lists["meetings"] if isinstance(r, GoldMeeting)],
            incidents=[r for r in lists["incidents"] if isinstance(r, GoldIncident)],
            source=self.source,
        )


def parse_gold_line(
    line: str | Mapping[str, Any], *, source: str = "<gold>", strict_keys: bool = True
) -> GoldArticle:
    """Read one gold line (JSON text or an already decoded object).

    Args:
        line: the JSON text of one line, or the decoded object.
        source: where it comes from, for messages (``"gold.jsonl line 3"``).
        strict_keys: refuse keys GOLD.md does not define (on for gold files; prediction
            files from other systems may carry extra keys, which are ignored).

    Returns:
        The validated :class:`GoldArticle`.

    Raises:
        GoldFormatError: the line is not JSON, or breaks the format (unknown kind, type,
            status or key, malformed date or ISO code, missing ``article``).

    Example:
        >>> gold = parse_gold_line('{"article": "x", "meetings": [{"parties": ["TR", "RU"]}]}')
        >>> gold.meetings[0].parties
        ('RU', 'TR')
    """
    reader = _LineReader(source, strict_keys)
    if isinstance(line, str):
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise GoldFormatError(f"not valid JSON: {exc}", source=source) from None
    else:
        obj = line
    return reader.article(obj)


def read_gold(path: str | Path, *, strict_keys: bool = True) -> list[GoldArticle]:
    """Read and validate a gold (or prediction) JSONL file.

    Blank lines are skipped. An article id given on two lines is an error.

    Args:
        path: the JSONL file.
        strict_keys: see :func:`parse_gold_line`.

    Raises:
        InputError: the file is missing or not UTF-8.
        GoldFormatError: a line breaks the format; the message names the file and line.

    Example:
        >>> import tempfile, pathlib
        >>> p = pathlib.Path(tempfile.mkdtemp()) / "g.jsonl"
        >>> _ = p.write_text('{"article": "x", "title": "Talks"}\\n')
        >>> [a.article for a in read_gold(p)]
        ['x']
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(path, "no such gold file") from None
    except IsADirectoryError:
        raise InputError(path, "is a folder, not a gold JSONL file") from None
    except UnicodeDecodeError as exc:
        raise InputError(path, f"not UTF-8 text: {exc.reason}") from None
    out: list[GoldArticle] = []
    seen: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        source = f"{path} line {number}"
        gold = parse_gold_line(line, source=source, strict_keys=strict_keys)
        if gold.article in seen:
            raise GoldFormatError(
                f"article {gold.article!r} already given on line {seen[gold.article]} @ $.article",
                source=source,
                paths=["$.article"],
            )
        seen[gold.article] = number
        out.append(gold)
    return out


# --------------------------------------------------------------------------- knowledge seams


def _knowledge() -> object | None:
    """The default knowledge base, or ``None`` while it cannot be built."""
    try:
        from idlib_corpus.knowledge import default_knowledge

        return default_knowledge()
    except Exception:  # the knowledge base is optional to scoring; folding still works
        return None


@functools.lru_cache(maxsize=4096)
def place_variants(name: str) -> frozenset[str]:
    """The folded known spellings of the place ``name``, itself included.

    Asks the knowledge base (:meth:`~idlib_corpus.knowledge.KnowledgeBase.place_variants`,
    and the ids of :meth:`~idlib_corpus.knowledge.KnowledgeBase.places_named`, or a
    ``lookup_place`` giving place objects); with no knowledge base, or for a place it
    does not know, the folded name alone.

    Example:
        >>> fold_name("Idlib") in place_variants("IDLIB")
        True
    """
    out = {fold_name(name)}
    kb = _knowledge()
    if kb is None:
        return frozenset(out)
    for method in ("place_variants", "lookup_place", "places_named"):
        ask = getattr(kb, method, None)
        if not callable(ask):
            continue
        try:
            found = ask(name)
        except Exception:  # a knowledge base that cannot answer leaves folding
            continue
        # Strings in an answer are spellings or place ids; two names sharing either
        # denote one place, so both go into the comparison set.
        out.update(fold_name(v) for v in _place_names(found))
    return frozenset(o for o in out if o)


def _place_names(found: object) -> Iterator[str]:
    """Names in a knowledge-base answer: strings, or place objects with their spellings."""
    if found is None:
        return
    if isinstance(found, str):
        yield found
        return
    items = found if isinstance(found, Iterable) else (found,)
    for item in items:
        if isinstance(item, str):
            yield item
            continue
        for attr in ("name", "names", "aliases", "variants", "spellings"):
            value = getattr(item, attr, None)
            if isinstance(value, str):
                yield value
            elif isinstance(value, Iterable):
                yield from (v for v in value if isinstance(v, str))


@functools.lru_cache(maxsize=8192)
def same_place(a: str, b: str) -> bool:
    """Whether two place names are equal after folding or known spellings of one place.

    Example:
        >>> same_place("al-Bab", "Al Bab")
        True
    """
    if fold_name(a) == fold_name(b):
        return True
    kb = _knowledge()
    for method in ("same_place", "place_names_equal"):
        equal = getattr(kb, method, None) if kb is not None else None
        if callable(equal):
            try:
                if equal(a, b):
                    return True
            except Exception:  # fall back to the variant sets
                pass
    return bool(place_variants(a) & place_variants(b))


def _words_from_kb(kb: object) -> set[str]:
    for attr in ("nationality_words", "demonyms"):
        value = getattr(kb, attr, None)
        if callable(value):
            try:
                value = value()
            except Exception:  # an unfinished knowledge base: use the data file alone
                value = None
        if isinstance(value, Mapping):
            value = list(value)
        if isinstance(value, Iterable) and not isinstance(value, str):
            return {w for item in value if isinstance(item, str) for w in _WORD.findall(
                fold_char_preserving(item))}
    return set()


@functools.lru_cache(maxsize=1)
def nationality_words() -> frozenset[str]:
    """Folded nationality words that the title rule drops ("turkish", "russian", ...).

    The union of the knowledge base's demonyms (when it offers ``nationality_words`` or
    ``demonyms``) and the package data file ``data/eval/nationality_words.txt``.

    Example:
        >>> {"turkish", "russian"} <= nationality_words()
        True
    """
    resource = files("idlib_corpus") / "data" / "eval" / "nationality_words.txt"
    words: set[str] = set()
    for line in resource.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            words.update(_WORD.findall(fold_char_preserving(line)))
    kb = _knowledge()
    if kb is not None:
        words |= _words_from_kb(kb)
    return frozenset(words)


# --------------------------------------------------------------------------- slot rules


def _title_words(title: str) -> set[str]:
    drop = nationality_words() | _TITLE_STOPWORDS
    return {w for w in _WORD.findall(fold_char_preserving(title)) if w not in drop}


def title_matches(predicted: str, gold: str) -> bool:
    """GOLD.md rule 3: every gold word (bar nationality words, the/top/a) is predicted.

    Example:
        >>> title_matches("the top Turkish Foreign Minister", "Foreign Minister")
        True
        >>> title_matches("Minister", "Deputy Foreign Minister")
        False
    """
    return _title_words(gold) <= _title_words(predicted)


def _date_matches(predicted: TimeValue, gold: TimeValue) -> bool:
    """GOLD.md rule 2: inside the gold interval and not coarser than it."""
    return gold.contains(predicted) and (
        _PRECISION_RANK[predicted.precision] <= _PRECISION_RANK[gold.precision]
    )


def _places_match(predicted: tuple[str, ...], gold: tuple[str, ...]) -> bool:
    # A gold list means any of its names is right; a predicted list must not hedge, so
    # every name it gives has to be one of the gold alternatives.
    return all(any(same_place(p, g) for g in gold) for p in predicted)


class _Names:
    """Canonical keys for entity names within one article (rule 1 applied to set slots).

    Names of one gold person or group (its name and aliases) share a key, so a
    participant written "Alexander Lavrentyev" equals a gold "Alexander Lavrentiev" when
    the gold record lists both spellings. ISO codes stay as they are.
    """

    def __init__(self, gold: GoldArticle | None) -> None:
        self.keys: dict[str, str] = {}
        if gold is None:
            return
        for kind in ("persons", "groups"):
            for i, rec in enumerate(gold.records(kind)):
                assert isinstance(rec, GoldPerson | GoldGroup)
                for name in rec.names:
                    self.keys.setdefault(fold_name(name), f"{kind}#{i}")

    def key(self, name: str) -> str:
        if _ISO2.match(name):
            return name
        folded = fold_name(name)
        return self.keys.get(folded, folded)

    def same_set(self, predicted: tuple[str, ...], gold: tuple[str, ...]) -> bool:
        return {self.key(n) for n in predicted} == {self.key(n) for n in gold}


def _names_match(predicted: Sequence[str], gold: Sequence[str]) -> bool:
    folded = {fold_name(n) for n in gold}
    return any(fold_name(n) in folded for n in predicted)


def _slot_value(record: object, slot: str) -> Any:
    """The value of a slot, ``None`` when not set (an empty list counts as not set)."""
    if isinstance(record, GoldPerson | GoldGroup) and slot == "name":
        return record.names
    value = getattr(record, slot)
    if isinstance(value, tuple) and not value:
        return None
    return value


def _as_tuple(value: str | tuple[str, ...]) -> tuple[str, ...]:
    return value if isinstance(value, tuple) else (value,)


def _slot_matches(kind: str, slot: str, predicted: Any, gold: Any, names: _Names) -> bool:
    if slot == "name":
        return _names_match(predicted, gold)
    if slot == "title":
        return title_matches(predicted, gold)
    if slot in ("place", "dateline"):
        return _places_match(_as_tuple(predicted), _as_tuple(gold))
    if slot == "outlet":
        return bool(fold_name(predicted) == fold_name(gold))
    if slot == "date":
        return _date_matches(predicted, gold)
    if slot in ("participants", "perpetrator", "target"):
        return names.same_set(predicted, gold)
    # parties (sorted tuples), status, type, country and the counts compare exactly
    return bool(predicted == gold)


def _render(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, TimeValue):
        return value.iso
    if isinstance(value, tuple):
        return "[" + ", ".join(value) + "]"
    return str(value)


# --------------------------------------------------------------------------- alignment


def _max_weight_assignment(weights: Sequence[Sequence[int]]) -> list[tuple[int, int]]:
    """An exact maximum-weight one-to-one assignment (Hungarian algorithm, O(n²m)).

    ``weights[i][j] >= 0``; pairs of weight 0 are never returned (leaving both sides
    unpaired is as good). Deterministic: the same matrix gives the same pairs.

    Example:
        >>> _max_weight_assignment([[3, 2], [3, 0]])
        [(0, 1), (1, 0)]
    """
    n = len(weights)
    m = len(weights[0]) if n else 0
    if n == 0 or m == 0:
        return []
    if n > m:
        flipped = _max_weight_assignment([list(col) for col in zip(*weights, strict=True)])
        return sorted((i, j) for j, i in flipped)
    inf = float("inf")
    # Potentials u (rows), v (columns); p[j] = row matched to column j (1-based, 0 = none).
    u = [0.0] * (n + 1)
    v = [0.0] * (m + 1)
    p = [0] * (m + 1)
    way = [0] * (m + 1)
    for i in range(1, n + 1):
        p[0] = i
        j0 = 0
        minv = [inf] * (m + 1)
        used = [False] * (m + 1)
        while True:
            used[j0] = True
            i0 = p[j0]
            delta = inf
            j1 = 0
            for j in range(1, m + 1):
                if not used[j]:
                    cur = -weights[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j] = cur
                        way[j] = j0
                    if minv[j] < delta:
                        delta = minv[j]
                        j1 = j
            for j in range(m + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while True:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
            if j0 == 0:
                break
    pairs = [(p[j] - 1, j - 1) for j in range(1, m + 1) if p[j]]
    return sorted((i, j) for i, j in pairs if weights[i][j] > 0)


def _matched_slots(kind: str, pred: object, gold: object, names: _Names) -> int:
    if kind == "incidents" and getattr(pred, "type", None) != getattr(gold, "type", None):
        return 0  # an incident aligns only with one of the same type
    count = 0
    for slot in SLOTS[kind]:
        p, g = _slot_value(pred, slot), _slot_value(gold, slot)
        if p is not None and g is not None and _slot_matches(kind, slot, p, g, names):
            count += 1
    if kind in ("persons", "groups") and not _names_match(
        _slot_value(pred, "name"), _slot_value(gold, "name")
    ):
        return 0  # persons and groups align by name only
    return count


def _align(
    kind: str, preds: Sequence[object], golds: Sequence[GoldRecord], names: _Names
) -> list[tuple[int, int]]:
    """Rule 5: the one-to-one pairs that maximise the number of matched slots.

    Pairs with optional gold records count like any other (a prediction goes to the
    record it matches best). Among alignments with equally many matched slots, the one
    pairing more required gold records wins: each pair with a required record carries a
    bonus smaller than one matched slot in total (``scale`` exceeds the number of pairs).
    """
    matched = [[_matched_slots(kind, p, g, names) for g in golds] for p in preds]
    scale = min(len(preds), len(golds)) + 1
    weights = [
        [m * scale + (1 if m and not g.optional else 0) for m, g in zip(row, golds, strict=True)]
        for row in matched
    ]
    return _max_weight_assignment(weights)


# --------------------------------------------------------------------------- report


@attrs.frozen
class Counts:
    """True positives, false positives and false negatives, with the rates they give.

    Example:
        >>> c = Counts(tp=3, fp=1, fn=2)
        >>> (c.precision, c.recall, round(c.f1, 3))
        (0.75, 0.6, 0.667)
    """

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float:
        """``tp / (tp + fp)``; 1.0 when nothing was predicted and nothing was expected."""
        denominator = self.tp + self.fp
        if denominator == 0:
            return 1.0 if self.fn == 0 else 0.0
        return self.tp / denominator

    @property
    def recall(self) -> float:
        """``tp / (tp + fn)``; 1.0 when there was nothing to find and nothing was predicted."""
        denominator = self.tp + self.fn
        if denominator == 0:
            return 1.0 if self.fp == 0 else 0.0
        return self.tp / denominator

    @property
    def f1(self) -> float:
        """The harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 0.0 if p + r == 0 else 2 * p * r / (p + r)

    def to_dict(self) -> dict[str, Any]:
        """``tp``, ``fp``, ``fn``, ``precision``, ``recall``, ``f1`` (rates to 4 places)."""
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@attrs.frozen
class KindScore:
    """The scores of one kind (or of all kinds together).

    Attributes:
        kind: ``article``, ``persons``, ``groups``, ``meetings``, ``incidents`` or ``all``.
        slots: slot counts summed over the kind's slots (micro average).
        per_slot: the counts of each slot.
        records: record counts: ``tp`` gold records found (aligned, all gold slots
            matching), ``fp`` other counted predictions, ``fn`` required gold records not
            found. Predictions aligned to optional gold records are not counted.

    Example:
        >>> KindScore("groups", slots=Counts(1, 0, 1)).recall
        0.5
    """

    kind: str
    slots: Counts = Counts()
    per_slot: tuple[tuple[str, Counts], ...] = ()
    records: Counts = Counts()

    @property
    def precision(self) -> float:
        """Slot precision."""
        return self.slots.precision

    @property
    def recall(self) -> float:
        """Slot recall."""
        return self.slots.recall

    @property
    def f1(self) -> float:
        """Slot F1."""
        return self.slots.f1

    @property
    def record_f1(self) -> float:
        """Record F1."""
        return self.records.f1

    def to_dict(self) -> dict[str, Any]:
        """Slot counts and rates, ``records`` and ``per_slot`` as nested objects."""
        return {
            **self.slots.to_dict(),
            "records": self.records.to_dict(),
            "per_slot": {slot: c.to_dict() for slot, c in self.per_slot},
        }


@attrs.frozen
class SlotError:
    """One false positive or false negative slot, for a developer to look at.

    Attributes:
        article: the article id.
        kind: ``article``, ``persons``, ``groups``, ``meetings`` or ``incidents``.
        slot: the slot name (``date``, ``killed``...).
        error: ``wrong`` (set on both sides, differs: a false positive and a false
            negative), ``spurious`` (predicted only: false positive) or ``missing``
            (gold only: false negative).
        predicted: the predicted value as text, or ``None``.
        gold: the gold value as text, or ``None``.
        predicted_record: a one-line summary of the predicted record, if any.
        gold_record: a one-line summary of the gold record, if any.
        evidence: the evidence text the prediction carries, if any.

    Example:
        >>> SlotError("a", "meetings", "date", "wrong", "2020-02", "2020-02-08").is_false_positive
        True
    """

    article: str
    kind: str
    slot: str
    error: Literal["wrong", "spurious", "missing"]
    predicted: str | None = None
    gold: str | None = None
    predicted_record: str | None = None
    gold_record: str | None = None
    evidence: str | None = None

    @property
    def is_false_positive(self) -> bool:
        """Whether the slot counts as a false positive."""
        return self.error in ("wrong", "spurious")

    @property
    def is_false_negative(self) -> bool:
        """Whether the slot counts as a false negative."""
        return self.error in ("wrong", "missing")

    def to_dict(self) -> dict[str, Any]:
        """Every field, for JSON."""
        return attrs.asdict(self)


@attrs.frozen
class Report:
    """What :func:`score` or :func:`evaluate` found.

    Attributes:
        kinds: one :class:`KindScore` per kind, in :data:`KINDS` order.
        overall: all slots and records together (``kind == "all"``).
        errors: every false positive and false negative slot.
        articles: ids of the gold articles scored.
        missing_articles: gold articles with no ``.txt`` file in the folder (scored as
            having no output when the extractors ran).
        unannotated_articles: ``.txt`` files in the folder with no gold line (not scored).
        missing_predictions: gold articles with no prediction line (scored as empty).
        extra_predictions: prediction lines for articles not in gold (not scored).

    Example:
        >>> r = score([{"article": "a", "title": "Talks"}], [])
        >>> (r.overall.recall, r.missing_predictions)
        (0.0, ('a',))
    """

    kinds: tuple[KindScore, ...]
    overall: KindScore
    errors: tuple[SlotError, ...] = ()
    articles: tuple[str, ...] = ()
    missing_articles: tuple[str, ...] = ()
    unannotated_articles: tuple[str, ...] = ()
    missing_predictions: tuple[str, ...] = ()
    extra_predictions: tuple[str, ...] = ()

    def kind(self, name: str) -> KindScore:
        """The score of one kind, or ``"all"``.

        Raises:
            KeyError: no such kind.
        """
        if name == "all":
            return self.overall
        for k in self.kinds:
            if k.kind == name:
                return k
        raise KeyError(name)

    def to_dict(self, *, errors: bool = True) -> dict[str, Any]:
        """The report as plain JSON-ready data (``--json``).

        Args:
            errors: include the list of slot errors.
        """
        out: dict[str, Any] = {
            "articles": len(self.articles),
            "kinds": {k.kind: k.to_dict() for k in self.kinds},
            "all": self.overall.to_dict(),
            "coverage": {
                "missing_articles": list(self.missing_articles),
                "unannotated_articles": list(self.unannotated_articles),
                "missing_predictions": list(self.missing_predictions),
                "extra_predictions": list(self.extra_predictions),
            },
        }
        if errors:
            out["errors"] = [e.to_dict() for e in self.errors]
        return out

    def format_table(self) -> str:
        """A table for people: slot P/R/F1 and counts, then record P/R/F1, per kind."""
        head = (
            f"{'kind':<10} {'P':>6} {'R':>6} {'F1':>6} {'TP':>5} {'FP':>5} {'FN':>5}"
            f"   {'rec P':>6} {'rec R':>6} {'rec F1':>6} {'found':>5} {'gold':>5} {'pred':>5}"
        )
        lines = [f"{len(self.articles)} articles scored", head, "-" * len(head)]
        for k in (*self.kinds, self.overall):
            s, r = k.slots, k.records
            if k is self.overall:
                lines.append("-" * len(head))
            lines.append(
                f"{k.kind:<10} {s.precision:>6.3f} {s.recall:>6.3f} {s.f1:>6.3f}"
                f" {s.tp:>5} {s.fp:>5} {s.fn:>5}"
                f"   {r.precision:>6.3f} {r.recall:>6.3f} {r.f1:>6.3f}"
                f" {r.tp:>5} {r.tp + r.fn:>5} {r.tp + r.fp:>5}"
            )
        for label, ids in (
            ("in gold, no article file", self.missing_articles),
            ("article file, not in gold (not scored)", self.unannotated_articles),
            ("in gold, no prediction (scored as empty)", self.missing_predictions),
            ("predicted, not in gold (not scored)", self.extra_predictions),
        ):
            if ids:
                lines.append(f"{label}: {', '.join(ids)}")
        return "\n".join(lines)


def format_errors(errors: Iterable[SlotError]) -> str:
    """Every slot error, one line each; the records and evidence once per record pair.

    Consecutive errors of one aligned pair (or one lone record) share the lines naming
    the predicted record, the gold record and the prediction's evidence, printed after
    their slot lines (``--show-errors``).

    Example:
        >>> print(format_errors([SlotError("a", "incidents", "killed", "wrong", "7", "8")]))
        a  incidents.killed  wrong  predicted 7  gold 8
    """
    lines: list[str] = []
    group: tuple[object, ...] | None = None
    tail: list[str] = []
    for e in errors:
        key = (e.article, e.kind, e.predicted_record, e.gold_record, e.evidence)
        if key != group:
            lines.extend(tail)
            group, tail = key, []
            if e.predicted_record:
                tail.append(f"    predicted record: {e.predicted_record}")
            if e.gold_record:
                tail.append(f"    gold record:      {e.gold_record}")
            if e.evidence:
                tail.append(f"    evidence: {e.evidence}")
        lines.append(
            f"{e.article}  {e.kind}.{e.slot}  {e.error}  "
            f"predicted {e.predicted or '-'}  gold {e.gold or '-'}"
        )
    lines.extend(tail)
    return "\n".join(lines)


# --------------------------------------------------------------------------- scoring


def _summary(kind: str, record: object) -> str:
    parts = []
    for slot in SLOTS[kind]:
        value = _slot_value(record, slot)
        if value is not None:
            shown = value[0] if slot == "name" else value
            parts.append(f"{slot}={_render(shown)}")
    if getattr(record, "optional", False):
        parts.append("(optional)")
    return " ".join(parts) or "(no slots set)"


class _Tally:
    """Counts of one kind while scoring."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self.per_slot = {slot: [0, 0, 0] for slot in SLOTS[kind]}
        self.records = [0, 0, 0]

    def result(self) -> KindScore:
        per_slot = tuple((s, Counts(*c)) for s, c in self.per_slot.items())
        total = Counts()
        for _, c in per_slot:
            total = total + c
        return KindScore(self.kind, total, per_slot, Counts(*self.records))


class _Scorer:
    def __init__(self) -> None:
        self.tallies = {kind: _Tally(kind) for kind in KINDS}
        self.errors: list[SlotError] = []

    def pair(
        self,
        article: str,
        kind: str,
        pred: object | None,
        gold: object | None,
        names: _Names,
    ) -> bool:
        """Count the slots of an aligned pair (or a lone record); True if gold is found."""
        tally = self.tallies[kind]
        all_match = True
        evidence = getattr(pred, "evidence", None) if pred is not None else None
        for slot in SLOTS[kind]:
            p = _slot_value(pred, slot) if pred is not None else None
            g = _slot_value(gold, slot) if gold is not None else None
            if p is None and g is None:
                continue
            counts = tally.per_slot[slot]
            if p is not None and g is not None and _slot_matches(kind, slot, p, g, names):
                counts[0] += 1
                continue
            error: Literal["wrong", "spurious", "missing"]
            if p is not None and g is not None:
                counts[1] += 1
                counts[2] += 1
                error = "wrong"
            elif p is not None:
                counts[1] += 1
                error = "spurious"
            else:
                counts[2] += 1
                error = "missing"
            if g is not None:
                all_match = False
            self.errors.append(
                SlotError(
                    article=article,
                    kind=kind,
                    slot=slot,
                    error=error,
                    predicted=None if p is None else _render(p[0] if slot == "name" else p),
                    gold=None if g is None else _render(g[0] if slot == "name" else g),
                    predicted_record=None if pred is None else _summary(kind, pred),
                    gold_record=None if gold is None else _summary(kind, gold),
                    evidence=evidence,
                )
            )
        return gold is not None and pred is not None and all_match

    def article(self, gold: GoldArticle, pred: GoldArticle | None) -> None:
        names = _Names(gold)
        found = self.pair(gold.article, "article", pred, gold, names)
        # The article's fields form one record on each side, present when any is set.
        has_gold = any(_slot_value(gold, s) is not None for s in SLOTS["article"])
        has_pred = pred is not None and any(
            _slot_value(pred, s) is not None for s in SLOTS["article"]
        )
        records = self.tallies["article"].records
        if has_gold and has_pred and found:
            records[0] += 1
        else:
            records[1] += has_pred
            records[2] += has_gold
        for kind in KINDS[1:]:
            golds = gold.records(kind)
            preds = pred.records(kind) if pred is not None else ()
            self.kind(gold.article, kind, preds, golds, names)

    def kind(
        self,
        article: str,
        kind: str,
        preds: Sequence[GoldRecord],
        golds: Sequence[GoldRecord],
        names: _Names,
    ) -> None:
        records = self.tallies[kind].records
        # A predicted record that sets no scored slot says nothing: it is not counted.
        preds = [p for p in preds if any(_slot_value(p, s) is not None for s in SLOTS[kind])]
        pairs = dict(_align(kind, preds, golds, names))
        aligned_golds = set(pairs.values())
        for i, p in enumerate(preds):
            j = pairs.get(i)
            if j is None:
                self.pair(article, kind, p, None, names)
                records[1] += 1
                continue
            g = golds[j]
            if g.optional:
                continue  # rule 7: neither rewarded nor punished
            if self.pair(article, kind, p, g, names):
                records[0] += 1
            else:
                records[1] += 1
                records[2] += 1
        for j, g in enumerate(golds):
            if j not in aligned_golds and not g.optional:
                self.pair(article, kind, None, g, names)
                records[2] += 1

    def report(self, **coverage: tuple[str, ...]) -> Report:
        kinds = tuple(self.tallies[k].result() for k in KINDS)
        slots, records = Counts(), Counts()
        for k in kinds:
            slots, records = slots + k.slots, records + k.records
        overall = KindScore("all", slots, (), records)
        return Report(kinds, overall, tuple(self.errors), **coverage)


def _as_articles(
    items: Iterable[GoldArticle | Mapping[str, Any]], what: str, strict_keys: bool
) -> list[GoldArticle]:
    out = []
    for n, item in enumerate(items, start=1):
        if isinstance(item, GoldArticle):
            out.append(item)
        else:
            out.append(parse_gold_line(item, source=f"{what} record {n}", strict_keys=strict_keys))
    return out


def score(
    gold: Iterable[GoldArticle | Mapping[str, Any]],
    predicted: Iterable[GoldArticle | Mapping[str, Any]],
) -> Report:
    """Score predicted records against gold ones by GOLD.md's rules.

    Args:
        gold: the gold answers, as :class:`GoldArticle` or GOLD.md dicts.
        predicted: a system's output in the same form; an article with no prediction
            is scored as empty output; predictions for articles not in gold are reported
            and not scored.

    Returns:
        The :class:`Report`.

    Raises:
        GoldFormatError: a dict breaks the format.

    Example:
        >>> g = {"article": "a", "incidents": [{"type": "armed_attack", "killed": 8}]}
        >>> p = {"article": "a", "incidents": [{"type": "armed_attack", "killed": 7}]}
        >>> r = score([g], [p]).kind("incidents")
        >>> (r.slots.tp, r.slots.fp, r.slots.fn)
        (1, 1, 1)
    """
    golds = _as_articles(gold, "gold", strict_keys=True)
    preds = _as_articles(predicted, "prediction", strict_keys=False)
    by_id: dict[str, GoldArticle] = {}
    for p in preds:
        by_id.setdefault(p.article, p)
    gold_ids = {g.article for g in golds}
    scorer = _Scorer()
    for g in golds:
        scorer.article(g, by_id.get(g.article))
    return scorer.report(
        articles=tuple(g.article for g in golds),
        missing_predictions=tuple(g.article for g in golds if g.article not in by_id),
        extra_predictions=tuple(sorted(i for i in by_id if i not in gold_ids)),
    )


# --------------------------------------------------------------------------- our output


def _context(text: str, span: Span, width: int = 200) -> str:
    """The sentence around ``span`` (cut at words to about ``width`` characters).

    Example:
        >>> _context("Title\\nOne thing. Troops entered Saraqib. Then more.", Span(17, 39))
        'Troops entered Saraqib.'
    """
    line_start = text.rfind("\n", 0, span.start) + 1
    line_end = text.find("\n", span.end)
    line_end = len(text) if line_end == -1 else line_end
    # Sentence ends inside the line bound the context ("Feb. 8" may cut early: harmless).
    stop = max(text.rfind(p, line_start, span.start) for p in (". ", "? ", "! "))
    start = line_start if stop == -1 else stop + 2
    ends = [i for i in (text.find(p, span.end, line_end) for p in (". ", "? ", "! ")) if i != -1]
    end = min(ends) + 1 if ends else line_end
    prefix = suffix = ""
    if end - start > width:
        half = max((width - len(span)) // 2, 20)
        if span.start - half > start:
            start = text.find(" ", span.start - half, span.start) + 1 or span.start - half
            prefix = "… "
        if span.end + half < end:
            cut = text.rfind(" ", span.end, span.end + half)
            end = cut if cut != -1 else span.end + half
            suffix = " …"
    return prefix + " ".join(text[start:end].split()) + suffix


def _evidence(text: str, spans: Sequence[Span]) -> str:
    """The sentences of the first two distinct evidence contexts, joined by " … "."""
    contexts = dict.fromkeys(_context(text, s) for s in spans)
    return " … ".join(list(contexts)[:2])


def _actor_label(result: ArticleResult, actor_id: str) -> str:
    """``state:XX`` gives ``XX``; other actors their name (or their id's slug)."""
    kind, _, slug = actor_id.partition(":")
    if kind == "state" and _ISO2.match(slug):
        return slug
    actor = result.actor(actor_id)
    if actor is not None:
        return actor.name
    return slug.replace("-", " ")


def to_gold_records(results: Iterable[ArticleResult]) -> Iterator[dict[str, Any]]:
    """Our results in GOLD.md's format, one dict an article (``extract --format gold``).

    Persons are the ``PERSON`` actors, groups the ``ARMED_GROUP`` actors. Incidents of
    types GOLD.md does not annotate (ceasefire, agreement, ...) are left out. Each record
    carries an ``evidence`` key (text around its first evidence span) that scoring ignores
    and ``--show-errors`` prints.

    Example:
        >>> from idlib_corpus.model import Article, ArticleResult
        >>> rec = next(to_gold_records([ArticleResult(Article("a", "Text", title="T"))]))
        >>> (rec["article"], rec["title"], rec["incidents"])
        ('a', 'T', [])
    """
    for result in results:
        text = result.article.text
        persons: list[dict[str, Any]] = []
        groups: list[dict[str, Any]] = []
        for actor in result.actors:
            evidence = _context(text, actor.mentions[0].span) if actor.mentions else None
            if actor.kind is ActorKind.PERSON:
                persons.append(
                    {
                        "name": actor.name,
                        "aliases": list(actor.aliases),
                        "country": actor.country,
                        "title": actor.title,
                        "evidence": evidence,
                    }
                )
            elif actor.kind is ActorKind.ARMED_GROUP:
                groups.append(
                    {"name": actor.name, "aliases": list(actor.aliases), "evidence": evidence}
                )
        meetings = [
            {
                "parties": list(m.parties),
                "place": m.place.name if m.place else None,
                "date": m.date.iso if m.date else None,
                "status": m.status.value,
                "participants": [_actor_label(result, a) for a in m.participants],
                "evidence": _evidence(text, m.evidence),
            }
            for m in result.meetings
        ]
        incidents = [
            {
                "type": i.type.value,
                "date": i.date.iso if i.date else None,
                "place": i.place.name if i.place else None,
                "perpetrator": [_actor_label(result, a) for a in i.perpetrators],
                "target": [_actor_label(result, a) for a in i.targets],
                "killed": i.killed.value if i.killed else None,
                "injured": i.injured.value if i.injured else None,
                "displaced": i.displaced.value if i.displaced else None,
                "evidence": _evidence(text, i.evidence),
            }
            for i in result.incidents
            if i.type.value in INCIDENT_TYPES
        ]
        yield {
            "article": result.id,
            "title": result.article.title,
            "outlet": result.article.outlet,
            "dateline": result.article.dateline,
            "persons": persons,
            "groups": groups,
            "meetings": meetings,
            "incidents": incidents,
        }


def evaluate(
    gold_path: str | Path,
    articles_dir: str | Path,
    *,
    metadata: str | Path | None = None,
    predictions: str | Path | Iterable[GoldArticle | Mapping[str, Any]] | None = None,
    pipeline: Pipeline | None = None,
) -> Report:
    """Score a system against a gold file for a folder of articles.

    Args:
        gold_path: the gold JSONL file.
        articles_dir: the folder holding the articles' ``.txt`` files.
        metadata: a ``metadata.json`` for the articles (default: the folder's own, if any).
        predictions: a JSONL file (or records) in gold format to score; without it, the
            installed extractors run over the folder's gold articles.
        pipeline: the :class:`~idlib_corpus.pipeline.Pipeline` to run (default: shared).

    Returns:
        The :class:`Report`, with the articles missing on either side listed.

    Raises:
        InputError: the folder, gold or predictions file is missing or unreadable.
        GoldFormatError: the gold or predictions file breaks the format.

    Example:
        >>> report = evaluate("seeds/gold.jsonl", "seeds")  # doctest: +SKIP
        >>> print(report.format_table())  # doctest: +SKIP
    """
    folder = Path(articles_dir)
    if not folder.is_dir():
        raise InputError(folder, "no such folder of articles")
    gold = read_gold(gold_path)
    files_by_id = {f.stem: f for f in sorted(folder.glob("*.txt")) if f.is_file()}
    gold_ids = [g.article for g in gold]
    known = set(gold_ids)
    missing = tuple(i for i in gold_ids if i not in files_by_id)
    unannotated = tuple(i for i in sorted(files_by_id) if i not in known)
    preds: list[GoldArticle]
    if predictions is None:
        from idlib_corpus.io import METADATA_FILE, iter_parse

        meta: str | Path | None = metadata
        if meta is None and (folder / METADATA_FILE).is_file():
            meta = folder / METADATA_FILE
        paths = [files_by_id[i] for i in gold_ids if i in files_by_id]
        results = iter_parse(paths, metadata=meta, pipeline=pipeline) if paths else iter(())
        preds = _as_articles(to_gold_records(results), "extractor output", strict_keys=True)
    elif isinstance(predictions, str | Path):
        preds = read_gold(predictions, strict_keys=False)
    else:
        preds = _as_articles(predictions, "prediction", strict_keys=False)
    report = score(gold, preds)
    if predictions is None:
        # Articles without a file were never run; they are listed once, as missing.
        report = attrs.evolve(
            report,
            missing_predictions=tuple(i for i in report.missing_predictions if i not in missing),
        )
    return attrs.evolve(report, missing_articles=missing, unannotated_articles=unannotated)


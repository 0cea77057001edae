"""Merging a corpus: one actor per real entity, one event per real meeting or incident.

Articles report the same things again and again: the Ankara talks of 8 February 2020 are
told by Sputnik, TASS and Anadolu, and "Lavrentyev" (Sputnik) is "Lavrentiev" (Anadolu).
:func:`merge` turns a set of :class:`~idlib_corpus.model.ArticleResult` into one dataset:

* an **actor registry** (:class:`CorpusActor`): every person, state and group once, with
  every spelling, office and article it appears in;
* **meetings** (:class:`CorpusMeeting`) and **incidents** (:class:`CorpusIncident`), each
  with the reports it was built from (article, outlet, the per-article record with its
  evidence spans) and, for incidents, every figure as a :class:`CorpusClaim` side by side;
* **plans**: a plan pinned to a day, told on or before that day, is an announcement of
  the one meeting held that day and joins it (its report keeps its ``planned`` status);
  any other plan stays an event of its own, linked to the meeting that carried it out by
  ``fulfilled_by`` / ``fulfils``.

How merging decides (docs/corpus.md has the full account):

* Two reports are *compatible* when nothing known contradicts: the same kind (and, for
  meetings, the same stage: planned, happening or held, cancelled), compatible parties
  (equal sets, or one a subset of the other when the smaller has two states or more),
  the same place (folded spelling, GeoNames id, the knowledge base's known spellings, or
  a country and a place inside it) and overlapping dates.
* A report without a date is placed near its article's publication date
  (``MergeOptions.window_days``) and joins an event only when its place is known and
  exactly one event fits it. A report with neither a date nor a publication date merges
  only with an identical record of the same article.
* An event is a cluster of pairwise compatible reports. Reports are taken in a canonical
  order (precise dates first, then article and record id), each joining the event that
  fits it best (ties: it starts its own), so the result never depends on input order.

Everything here is deterministic: ids are derived from content, every tuple is sorted.
"""

from __future__ import annotations

import datetime as _dt
import enum
import functools
import hashlib
import json
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from importlib.resources import files
from typing import Any

import attrs

from idlib_corpus.folding import fold_name as _fold_name
from idlib_corpus.model import (
    Actor,
    ActorKind,
    ArticleResult,
    Incident,
    IncidentType,
    Meeting,
    MeetingKind,
    MeetingStatus,
    Place,
    PlaceKind,
    Precision,
    Qualifier,
    Span,
    TimeValue,
)

__all__ = [
    "CorpusActor",
    "CorpusClaim",
    "CorpusIncident",
    "CorpusMeeting",
    "Figure",
    "IncidentReport",
    "MeetingReport",
    "MergeOptions",
    "MergedCorpus",
    "Office",
    "merge",
]


#: Names and places are folded again and again while merging: fold each spelling once.
fold_name = functools.lru_cache(maxsize=65536)(_fold_name)


# --------------------------------------------------------------------------- types


class Figure(enum.Enum):
    """Which figure of an incident a :class:`CorpusClaim` states."""

    KILLED = "killed"
    INJURED = "injured"
    DISPLACED = "displaced"


@attrs.frozen
class MergeOptions:
    """How :func:`merge` decides.

    Attributes:
        window_days: a report without a date is taken to be about something within this
            many days of its article's publication (before it for held meetings and
            incidents, on either side for plans). Wider windows merge more.

    Example:
        >>> MergeOptions(window_days=14).window_days
        14
    """

    window_days: int = attrs.field(default=31)

    @window_days.validator
    def _check(self, attribute: attrs.Attribute[int], value: int) -> None:
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            from idlib_corpus.errors import ModelError

            raise ModelError(f"MergeOptions.window_days must be an int >= 0, got {value!r}")


@attrs.frozen(order=True)
class Office:
    """An office an actor holds, as one article gives it.

    Attributes:
        title: the office as the article words it ("Deputy Foreign Minister").
        article: the id of the article.

    Example:
        >>> Office("Foreign Minister", "002_21285f5f3d74523a").title
        'Foreign Minister'
    """

    title: str
    article: str


@attrs.frozen
class CorpusActor:
    """One real person, state, group or body, across every article that names it.

    Attributes:
        id: canonical id (one of the per-article ids, chosen by a fixed rule: the id of
            the fullest name, then the id most articles use, then the smallest); stable
            across runs and input orders.
        name: canonical name: the spelling most articles use, then the fullest, then the
            first in alphabetical order.
        kind: :class:`~idlib_corpus.model.ActorKind`.
        country: ISO 3166 alpha-2 code, the one most articles give.
        spellings: every name and alias the articles use, sorted.
        offices: every office held, with the article that gives it, sorted.
        articles: ids of the articles it appears in, sorted.
        source_ids: the per-article ids merged into this actor, sorted.
        mentions: how many times the articles refer to it, all together.

    Example:
        >>> a = CorpusActor("person:sedat-onal", "Sedat Onal", ActorKind.PERSON, "TR")
        >>> a.country
        'TR'
    """

    id: str
    name: str
    kind: ActorKind
    country: str | None = None
    spellings: tuple[str, ...] = ()
    offices: tuple[Office, ...] = ()
    articles: tuple[str, ...] = ()
    source_ids: tuple[str, ...] = ()
    mentions: int = 0


@attrs.frozen
class MeetingReport:
    """One article's account of a meeting.

    Attributes:
        article: the article's id.
        record: the meeting as that article gives it (its id, evidence spans into that
            article's text, date, place; actor ids as the article's result uses them).
        outlet: the outlet the article credits, if any.
        published: the article's publication date, if known.

    Example:
        >>> from idlib_corpus.model import Span
        >>> m = Meeting("meeting:a:1", MeetingKind.TALKS, MeetingStatus.HELD, (Span(0, 5),))
        >>> MeetingReport("a", m).evidence
        (Span(start=0, end=5),)
    """

    article: str
    record: Meeting
    outlet: str | None = None
    published: _dt.date | None = None

    @property
    def record_id(self) -> str:
        """The per-article id of the record."""
        return self.record.id

    @property
    def evidence(self) -> tuple[Span, ...]:
        """The evidence spans, into the text of :attr:`article`."""
        return self.record.evidence


@attrs.frozen
class IncidentReport:
    """One article's account of an incident.

    Attributes:
        article: the article's id.
        record: the incident as that article gives it.
        outlet: the outlet the article credits, if any.
        published: the article's publication date, if known.

    Example:
        >>> from idlib_corpus.model import Span
        >>> i = Incident("incident:a:1", IncidentType.ARMED_ATTACK, (Span(0, 5),))
        >>> IncidentReport("a", i).record_id
        'incident:a:1'
    """

    article: str
    record: Incident
    outlet: str | None = None
    published: _dt.date | None = None

    @property
    def record_id(self) -> str:
        """The per-article id of the record."""
        return self.record.id

    @property
    def evidence(self) -> tuple[Span, ...]:
        """The evidence spans, into the text of :attr:`article`."""
        return self.record.evidence


@attrs.frozen
class CorpusClaim:
    """One figure as one source states it, kept beside the others (never averaged).

    Attributes:
        figure: :class:`Figure`: killed, injured or displaced.
        value: the number.
        qualifier: :class:`~idlib_corpus.model.Qualifier` (exact, at least, about...).
        article: the article stating it.
        record_id: the per-article incident record it comes from.
        claimant: who gives the figure, as the article names them, if it does.
        outlet: the outlet of the article.
        span: where the figure is, in the article's text.

    Example:
        >>> c = CorpusClaim(Figure.DISPLACED, 600000, Qualifier.ABOUT, "004", "incident:004:7",
        ...                 claimant="the United Nations")
        >>> c.value
        600000
    """

    figure: Figure
    value: int
    qualifier: Qualifier
    article: str
    record_id: str
    claimant: str | None = None
    outlet: str | None = None
    span: Span | None = None


@attrs.frozen
class CorpusMeeting:
    """One real meeting, with every report of it.

    Attributes:
        id: content-derived id (``meeting:<date>-<kind>-<parties>-<place>``).
        kind: :class:`~idlib_corpus.model.MeetingKind`.
        status: ``held`` if any report says held; otherwise what the reports say.
        reports: the :class:`MeetingReport` records, sorted by article and record id.
        parties: the states taking part (union of the reports'), sorted.
        participants: canonical actor ids of the named participants, sorted.
        place: the most specific place the reports give (text and span dropped: those
            belong to one article; see the reports).
        date: the dates of the reports intersected (they all overlap by construction).
        fulfils: for a held meeting, the ids of the planned meetings it carried out.
        fulfilled_by: for a planned meeting, the id of the held one that carried it out.

    Example:
        >>> import idlib_corpus
        >>> corpus = idlib_corpus.load()
        >>> [m.id for m in corpus.meetings if len(m.reports) > 1]  # doctest: +SKIP
        ['meeting:2020-02-08-talks-ru-tr-ankara', ...]
    """

    id: str
    kind: MeetingKind
    status: MeetingStatus
    reports: tuple[MeetingReport, ...]
    parties: tuple[str, ...] = ()
    participants: tuple[str, ...] = ()
    place: Place | None = None
    date: TimeValue | None = None
    fulfils: tuple[str, ...] = ()
    fulfilled_by: str | None = None

    @property
    def articles(self) -> tuple[str, ...]:
        """Ids of the reporting articles, sorted, unique."""
        return tuple(sorted({r.article for r in self.reports}))

    @property
    def outlets(self) -> tuple[str, ...]:
        """The outlets of the reporting articles, sorted, unique."""
        return tuple(sorted({r.outlet for r in self.reports if r.outlet}))

    @property
    def announcements(self) -> tuple[MeetingReport, ...]:
        """For a held meeting, the reports that told of it in advance (status planned)."""
        if self.status is MeetingStatus.PLANNED:
            return ()
        return tuple(r for r in self.reports if r.record.status is MeetingStatus.PLANNED)


@attrs.frozen
class CorpusIncident:
    """One real incident, with every report of it and every figure claimed.

    Attributes:
        id: content-derived id (``incident:<date>-<type>-<place>-by-<perpetrators>-on-<targets>``).
        type: :class:`~idlib_corpus.model.IncidentType`.
        reports: the :class:`IncidentReport` records, sorted by article and record id.
        perpetrators: canonical actor ids of those who acted (union of the reports').
        targets: canonical actor ids of those acted upon (union of the reports').
        place: the most specific place the reports give.
        date: the dates of the reports intersected.
        claims: every figure every report gives, side by side, sorted by figure, value,
            article; exact repeats within one article are kept once.

    Example:
        >>> import idlib_corpus
        >>> corpus = idlib_corpus.load()
        >>> [c.value for i in corpus.incidents for c in i.killed]  # doctest: +SKIP
        [8, 8, 76]
    """

    id: str
    type: IncidentType
    reports: tuple[IncidentReport, ...]
    perpetrators: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    place: Place | None = None
    date: TimeValue | None = None
    claims: tuple[CorpusClaim, ...] = ()

    @property
    def articles(self) -> tuple[str, ...]:
        """Ids of the reporting articles, sorted, unique."""
        return tuple(sorted({r.article for r in self.reports}))

    @property
    def outlets(self) -> tuple[str, ...]:
        """The outlets of the reporting articles, sorted, unique."""
        return tuple(sorted({r.outlet for r in self.reports if r.outlet}))

    def claims_for(self, figure: Figure | str) -> tuple[CorpusClaim, ...]:
        """The claims about one figure (``"killed"``, ``Figure.DISPLACED``...)."""
        fig = Figure(figure)
        return tuple(c for c in self.claims if c.figure is fig)

    @property
    def killed(self) -> tuple[CorpusClaim, ...]:
        """The death tolls claimed."""
        return self.claims_for(Figure.KILLED)

    @property
    def injured(self) -> tuple[CorpusClaim, ...]:
        """The numbers of injured claimed."""
        return self.claims_for(Figure.INJURED)

    @property
    def displaced(self) -> tuple[CorpusClaim, ...]:
        """The numbers displaced claimed."""
        return self.claims_for(Figure.DISPLACED)


@attrs.frozen
class MergedCorpus:
    """The merged view of a corpus: actors, meetings and incidents, each sorted by id.

    Attributes:
        actors: the actor registry.
        meetings: merged meetings.
        incidents: merged incidents.

    Example:
        >>> MergedCorpus().meetings
        ()
    """

    actors: tuple[CorpusActor, ...] = ()
    meetings: tuple[CorpusMeeting, ...] = ()
    incidents: tuple[CorpusIncident, ...] = ()


# --------------------------------------------------------------------------- entry point


def merge(
    results: Iterable[ArticleResult],
    *,
    options: MergeOptions | None = None,
    same_place: Callable[[str, str], bool] | None = None,
) -> MergedCorpus:
    """Merge article results into one dataset.

    Args:
        results: the article results; their order does not matter. Results of the same
            article (same id) must be one result: pass each article once.
        options: :class:`MergeOptions` (default: ``MergeOptions()``).
        same_place: tells whether two place names are known spellings of one place
            (default: the knowledge base's ``same_place`` when it has one, else folded
            equality only).

    Returns:
        The :class:`MergedCorpus`.

    Example:
        >>> from idlib_corpus.model import Article, ArticleResult
        >>> merge([ArticleResult(Article("a", "text"))]).actors
        ()
    """
    opts = options or MergeOptions()
    ordered = sorted(results, key=lambda r: r.id)
    actors, id_map = build_registry(ordered)
    places = _PlaceRules(same_place if same_place is not None else _default_same_place())
    meetings = _merge_meetings(ordered, id_map, places, opts)
    incidents = _merge_incidents(ordered, id_map, places, opts)
    return MergedCorpus(actors=actors, meetings=meetings, incidents=incidents)


def _default_same_place() -> Callable[[str, str], bool] | None:
    try:
        from idlib_corpus.knowledge import default_knowledge

        kb = default_knowledge()
    except Exception:  # the knowledge base is optional here: folded equality still works
        return None
    fn = getattr(kb, "same_place", None)
    return fn if callable(fn) else None


# --------------------------------------------------------------------------- actor registry


@functools.lru_cache(maxsize=1)
def _variant_rules() -> tuple[tuple[str, str], ...]:
    path = files("idlib_corpus") / "data" / "spelling_variants.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    return tuple((str(a), str(b)) for a, b in data["rules"])


@functools.lru_cache(maxsize=8192)
def name_skeleton(name: str) -> str:
    """The folded name with transliteration variants rewritten to one form.

    Example:
        >>> name_skeleton("Alexander Lavrentyev") == name_skeleton("Alexander Lavrentiev")
        True
    """
    s = fold_name(name)
    for a, b in _variant_rules():
        s = s.replace(a, b)
    return s


def _within_one_edit(a: str, b: str) -> bool:
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    if la == lb:
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    if la > lb:
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i:] == b[i + 1 :]


#: Shortest token that the one-edit rule compares: shorter names differ by one letter too
#: often ("Onal"/"Unal" are two families).
_MIN_EDIT_TOKEN = 5


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        if a != b:
            # The smaller index wins, so the forest does not depend on union order.
            if b < a:
                a, b = b, a
            self.parent[b] = a


def _names(actor: Actor) -> list[str]:
    return [actor.name, *actor.aliases]


def build_registry(
    results: Sequence[ArticleResult],
) -> tuple[tuple[CorpusActor, ...], dict[str, str]]:
    """Group the actors of all results into one :class:`CorpusActor` per real entity.

    Rules, in order (each only within one :class:`~idlib_corpus.model.ActorKind`):

    1. the same id is the same actor (ids come from the knowledge base or the name);
    2. persons of the same country whose names (or aliases) are equal after folding and
       the transliteration rules of ``data/spelling_variants.json`` (full names only),
       or differ in one token by one letter (tokens of 5 letters or more); other actors
       of the same country and kind with equal folded names;
    3. an actor left without a country, or known by fewer name words (a surname), joins
       the one actor whose name contains its name words and whose country does not
       contradict it, when exactly one does.

    Returns:
        The actors sorted by id, and a map from every per-article id to the canonical id.

    Example:
        >>> from idlib_corpus.model import Article, ArticleResult
        >>> build_registry([ArticleResult(Article("a", "x"))])
        ((), {})
    """
    nodes: list[tuple[str, Actor]] = [(r.id, a) for r in results for a in r.actors]
    n = len(nodes)
    uf = _UnionFind(n)

    # 1. same id
    first_with_id: dict[str, int] = {}
    for i, (_, actor) in enumerate(nodes):
        j = first_with_id.setdefault(actor.id, i)
        uf.union(i, j)

    # 2. strong name rules, bucketed so the work stays linear in the number of names
    exact: dict[tuple[Any, ...], int] = {}
    edit_buckets: dict[tuple[Any, ...], list[tuple[str, int]]] = defaultdict(list)
    for i, (_, actor) in enumerate(nodes):
        if actor.country is None:
            continue
        for name in _names(actor):
            folded = fold_name(name)
            if not folded:
                continue
            tokens = folded.split()
            if actor.kind is ActorKind.PERSON:
                if len(tokens) < 2:
                    continue
                key: tuple[Any, ...] = (actor.kind, actor.country, name_skeleton(name))
                skel = key[2].split()
                for pos, tok in enumerate(skel):
                    if len(tok) >= _MIN_EDIT_TOKEN:
                        rest = (*skel[:pos], "*", *skel[pos + 1 :])
                        edit_buckets[(actor.country, rest)].append((tok, i))
            else:
                key = (actor.kind, actor.country, folded)
            j = exact.setdefault(key, i)
            uf.union(i, j)
    for bucket in edit_buckets.values():
        if len(bucket) < 2:
            continue
        # Tokens one edit apart share a key among {token} and the token less one letter;
        # comparing only those keeps a bucket of a thousand surnames fast.
        nodes_of: dict[str, list[int]] = defaultdict(list)
        for tok, i in bucket:
            nodes_of[tok].append(i)
        keys: dict[str, set[str]] = defaultdict(set)
        for tok in nodes_of:
            keys[tok].add(tok)
            for pos in range(len(tok)):
                keys[tok[:pos] + tok[pos + 1 :]].add(tok)
        pairs = {(a, b) for toks in keys.values() if len(toks) > 1
                 for a in toks for b in toks if a < b}
        for members in nodes_of.values():
            for i in members[1:]:
                uf.union(members[0], i)
        for ta, tb in sorted(pairs):
            if _within_one_edit(ta, tb):
                ia, ib = nodes_of[ta][0], nodes_of[tb][0]
                if nodes[ia][1].kind is nodes[ib][1].kind:
                    uf.union(ia, ib)

    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(n):
        groups[uf.find(i)].append(i)

    # 3. weak members attach to the one group that contains them
    summaries = {root: _GroupSummary(root, [nodes[i] for i in members])
                 for root, members in groups.items()}
    target: dict[int, int] = {}
    by_token: dict[str, set[int]] = defaultdict(set)
    for root, summary in summaries.items():
        for token_set in summary.token_sets:
            for tok in token_set:
                by_token[tok].add(root)
    for root, s in sorted(summaries.items()):
        candidates: set[int] = set()
        for token_set in s.token_sets:
            if not token_set:
                continue
            pool = set.intersection(*(by_token[t] for t in token_set))
            for other in pool:
                if other != root and s.weaker_than(summaries[other]) and s.fits_in(
                    summaries[other]
                ):
                    candidates.add(other)
        if len(candidates) == 1:
            target[root] = candidates.pop()

    def final(root: int) -> int:
        seen = set()
        while root in target and root not in seen:  # "weaker than" is a strict order
            seen.add(root)
            root = target[root]
        return root

    merged: dict[int, list[int]] = defaultdict(list)
    for root, members in groups.items():
        merged[final(root)].extend(members)

    actors: list[CorpusActor] = []
    id_map: dict[str, str] = {}
    for members in merged.values():
        entry = _canonical_actor([nodes[i] for i in sorted(members)])
        actors.append(entry)
        for sid in entry.source_ids:
            id_map[sid] = entry.id
    actors.sort(key=lambda a: a.id)
    return tuple(actors), id_map


class _GroupSummary:
    """What rule 3 needs to know of a group of per-article actors."""

    def __init__(self, root: int, members: list[tuple[str, Actor]]) -> None:
        self.root = root
        self.kind = Counter(a.kind for _, a in members).most_common(1)[0][0]
        self.country = _most_common([a.country for _, a in members if a.country])
        self.token_sets = sorted(
            {frozenset(name_skeleton(n).split()) for _, a in members for n in _names(a)},
            key=sorted,
        )
        self.max_tokens = max((len(t) for t in self.token_sets), default=0)

    def strength(self) -> tuple[int, int]:
        return (self.country is not None, self.max_tokens)

    def weaker_than(self, other: _GroupSummary) -> bool:
        return self.kind is other.kind and self.strength() < other.strength()

    def fits_in(self, other: _GroupSummary) -> bool:
        if self.country is not None and self.country != other.country:
            return False
        for mine in self.token_sets:
            for theirs in other.token_sets:
                if mine == theirs:
                    return True
                # Name words contained in a fuller name: only for persons of one country.
                if (
                    self.kind is ActorKind.PERSON
                    and self.country is not None
                    and mine < theirs
                ):
                    return True
        return False


def _most_common(values: Iterable[str]) -> str | None:
    counts = Counter(values)
    if not counts:
        return None
    return min(counts, key=lambda v: (-counts[v], v))


def _canonical_actor(members: list[tuple[str, Actor]]) -> CorpusActor:
    id_articles: dict[str, set[str]] = defaultdict(set)
    id_tokens: dict[str, int] = defaultdict(int)
    name_articles: dict[str, set[str]] = defaultdict(set)
    spellings: set[str] = set()
    offices: set[Office] = set()
    articles: set[str] = set()
    kinds: Counter[ActorKind] = Counter()
    countries: list[str] = []
    mentions = 0
    for article, actor in members:
        id_articles[actor.id].add(article)
        id_tokens[actor.id] = max(id_tokens[actor.id], len(fold_name(actor.name).split()))
        name_articles[actor.name].add(article)
        spellings.update(_names(actor))
        if actor.title:
            offices.add(Office(actor.title, article))
        articles.add(article)
        kinds[actor.kind] += 1
        if actor.country:
            countries.append(actor.country)
        mentions += len(actor.mentions)
    # The id of the fullest name (a surname's id is the least stable), then the most used.
    canonical_id = min(id_articles, key=lambda i: (-id_tokens[i], -len(id_articles[i]), i))
    name = min(
        name_articles,
        key=lambda s: (-len(name_articles[s]), -len(fold_name(s).split()), -len(s), s),
    )
    kind = min(kinds, key=lambda k: (-kinds[k], k.value))
    return CorpusActor(
        id=canonical_id,
        name=name,
        kind=kind,
        country=_most_common(countries),
        spellings=tuple(sorted(spellings, key=lambda s: (fold_name(s), s))),
        offices=tuple(sorted(offices)),
        articles=tuple(sorted(articles)),
        source_ids=tuple(sorted(id_articles)),
        mentions=mentions,
    )


# --------------------------------------------------------------------------- places


class _PlaceRules:
    def __init__(self, same_place: Callable[[str, str], bool] | None) -> None:
        self._kb_same = same_place
        self._known: dict[tuple[Any, ...], bool] = {}

    def same(self, a: Place, b: Place) -> bool:
        key = (a.name, a.geonames_id, b.name, b.geonames_id)
        known = self._known.get(key)
        if known is None:
            known = self._known[key] = self._same(a, b)
        return known

    def _same(self, a: Place, b: Place) -> bool:
        if a.geonames_id is not None and b.geonames_id is not None:
            return a.geonames_id == b.geonames_id
        if fold_name(a.name) == fold_name(b.name):
            return True
        if self._kb_same is None:
            return False
        try:
            return bool(self._kb_same(a.name, b.name))
        except Exception:  # a knowledge-base failure must not stop the merge
            return False

    def compatible(self, a: Place | None, b: Place | None) -> bool:
        """Unknown, the same place, or a country and a place inside it."""
        if a is None or b is None:
            return True
        return self.same(a, b) or _inside(a, b) or _inside(b, a)


def _inside(outer: Place, inner: Place) -> bool:
    return (
        outer.kind is PlaceKind.COUNTRY
        and inner.kind is not PlaceKind.COUNTRY
        and outer.country is not None
        and inner.country == outer.country
    )


def _canonical_place(places: list[Place]) -> Place | None:
    if not places:
        return None
    counts: Counter[str] = Counter(fold_name(p.name) for p in places)

    def key(p: Place) -> tuple[Any, ...]:
        return (
            p.kind is PlaceKind.COUNTRY,  # a city says more than its country
            -counts[fold_name(p.name)],
            p.geonames_id is None,
            p.latitude is None,
            p.name,
            p.kind.value,
            p.country or "",
        )

    best = min(places, key=key)
    return attrs.evolve(best, text="", span=None)


# --------------------------------------------------------------------------- events


_OCCURRED = "occurred"

#: Which reports of a meeting can be one event: a meeting under way and the same meeting
#: reported held are one; a plan is a different thing (linked, not merged).
_STAGE = {
    MeetingStatus.HELD: _OCCURRED,
    MeetingStatus.ONGOING: _OCCURRED,
    MeetingStatus.PLANNED: "planned",
    MeetingStatus.CANCELLED: "cancelled",
}


@attrs.frozen
class _Item:
    """One report, with what compatibility needs precomputed."""

    sort_key: tuple[Any, ...]
    article: str
    outlet: str | None
    published: _dt.date | None
    record: Meeting | Incident
    group: tuple[str, ...]
    parties: frozenset[str]  # meetings: states; incidents: empty
    participants: frozenset[str]  # meetings: canonical person ids; incidents: empty
    perpetrators: frozenset[str]
    targets: frozenset[str]
    place: Place | None
    date: TimeValue | None
    anchor: tuple[_dt.date, _dt.date] | None
    signature: tuple[Any, ...]


def _anchor(
    date: TimeValue | None, published: _dt.date | None, after: bool, window: int
) -> tuple[_dt.date, _dt.date] | None:
    if date is not None:
        return (date.start, date.end)
    if published is None:
        return None
    # Clamped: a publication date near the ends of the calendar must not overflow.
    lo = published.toordinal() - window
    hi = published.toordinal() + window if after else published.toordinal()
    return (_clamped_date(lo), _clamped_date(hi))


def _clamped_date(ordinal: int) -> _dt.date:
    return _dt.date.fromordinal(
        min(max(ordinal, _dt.date.min.toordinal()), _dt.date.max.toordinal())
    )


def _sort_key(
    date: TimeValue | None, article: str, record_id: str, index: int
) -> tuple[Any, ...]:
    if date is None:
        return (1, 0, _dt.date.min, article, record_id, index)
    return (0, (date.end - date.start).days, date.start, article, record_id, index)


def _place_sig(p: Place | None) -> tuple[Any, ...]:
    return () if p is None else (fold_name(p.name), p.kind.value, p.country, p.geonames_id)


def _date_sig(d: TimeValue | None) -> tuple[Any, ...]:
    return () if d is None else (d.start, d.end, d.precision.value, d.interval)


def _meeting_items(
    results: Sequence[ArticleResult], id_map: dict[str, str], window: int
) -> list[_Item]:
    items = []
    for r in results:
        for index, m in enumerate(r.meetings):
            participants = frozenset(id_map.get(p, p) for p in m.participants)
            group = ("meeting", m.kind.value, _STAGE[m.status])
            items.append(
                _Item(
                    sort_key=_sort_key(m.date, r.id, m.id, index),
                    article=r.id,
                    outlet=r.article.outlet,
                    published=r.article.published,
                    record=m,
                    group=group,
                    parties=frozenset(m.parties),
                    participants=participants,
                    perpetrators=frozenset(),
                    targets=frozenset(),
                    place=m.place,
                    date=m.date,
                    anchor=_anchor(
                        m.date, r.article.published, m.status is not MeetingStatus.HELD, window
                    ),
                    signature=(group, m.status.value, tuple(sorted(m.parties)),
                               _place_sig(m.place), _date_sig(m.date)),
                )
            )
    items.sort(key=lambda it: it.sort_key)
    return items


def _incident_items(
    results: Sequence[ArticleResult], id_map: dict[str, str], window: int
) -> list[_Item]:
    items = []
    for r in results:
        for index, inc in enumerate(r.incidents):
            perps = frozenset(id_map.get(p, p) for p in inc.perpetrators)
            targets = frozenset(id_map.get(t, t) for t in inc.targets)
            group = ("incident", inc.type.value)
            items.append(
                _Item(
                    sort_key=_sort_key(inc.date, r.id, inc.id, index),
                    article=r.id,
                    outlet=r.article.outlet,
                    published=r.article.published,
                    record=inc,
                    group=group,
                    parties=frozenset(),
                    participants=frozenset(),
                    perpetrators=perps,
                    targets=targets,
                    place=inc.place,
                    date=inc.date,
                    anchor=_anchor(inc.date, r.article.published, False, window),
                    signature=(group, tuple(sorted(perps)), tuple(sorted(targets)),
                               _place_sig(inc.place), _date_sig(inc.date)),
                )
            )
    items.sort(key=lambda it: it.sort_key)
    return items


def _parties_compatible(a: frozenset[str], b: frozenset[str]) -> bool:
    """Equal sets, or one inside the other when the smaller names two states or more."""
    if a == b:
        return True
    small, big = (a, b) if len(a) <= len(b) else (b, a)
    return len(small) >= 2 and small < big


def _role_compatible(a: frozenset[str], b: frozenset[str]) -> bool:
    """Unknown (empty) on either side, or one set inside the other."""
    return not a or not b or a <= b or b <= a


def _overlap(a: tuple[_dt.date, _dt.date], b: tuple[_dt.date, _dt.date]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def _compatible(a: _Item, b: _Item, places: _PlaceRules, *, stage: bool = True) -> bool:
    """Whether two reports may be one event: nothing known about them contradicts.

    ``stage=False`` compares meetings whatever their stage (planned or held).
    """
    if (a.group if stage else a.group[:2]) != (b.group if stage else b.group[:2]):
        return False
    if a.anchor is None or b.anchor is None:
        # Nothing places it in time: only a repeat of the same record in one article.
        return a.article == b.article and a.signature == b.signature
    if not _overlap(a.anchor, b.anchor):
        return False
    if not places.compatible(a.place, b.place):
        return False
    if a.group[0] == "meeting":
        if not _parties_compatible(a.parties, b.parties):
            return False
    elif not (
        _role_compatible(a.perpetrators, b.perpetrators)
        and _role_compatible(a.targets, b.targets)
    ):
        return False
    if (a.date is None or b.date is None) and (a.place is None or b.place is None):
        return a.article == b.article and a.signature == b.signature
    return True


def _profile(item: _Item) -> tuple[Any, ...]:
    """What :func:`_compatible` and the score read of a report, its anchor aside.

    An event keeps the intersection of its reports' anchors. Intervals on a line that
    overlap pairwise share a common part (Helly), so the event's anchors and a new one
    overlap pairwise exactly when the new one overlaps that intersection. Everything else
    compatibility reads is in the profile, so an event compares a new report with one
    report of each profile only.
    """
    weak = item.anchor is None or item.date is None or item.place is None
    return (
        item.anchor is None,
        None if item.date is None else (item.date.start, item.date.end),
        _place_sig(item.place),
        item.parties,
        item.perpetrators,
        item.targets,
        (item.article, item.signature) if weak else None,
    )


class _Cluster:
    def __init__(self, first: _Item) -> None:
        self.items: list[_Item] = []
        self.anchor = first.anchor
        self.profiles: dict[tuple[Any, ...], tuple[_Item, int]] = {}
        self.participants: set[str] = set()
        self.add(first)

    def fits(self, item: _Item, places: _PlaceRules) -> bool:
        if self.anchor is not None and item.anchor is not None and not _overlap(
            self.anchor, item.anchor
        ):
            return False
        return all(_compatible(item, other, places) for other, _ in self.profiles.values())

    def score(self, item: _Item, places: _PlaceRules) -> int:
        """How much known agrees (not merely does not contradict)."""
        s = 1 if item.participants & self.participants else 0
        for other, count in self.profiles.values():
            agree = 0
            if item.place is not None and other.place is not None and places.same(
                item.place, other.place
            ):
                agree += 2
            if item.date is not None and other.date is not None and (
                item.date.start, item.date.end) == (other.date.start, other.date.end):
                agree += 2
            if item.parties and item.parties == other.parties:
                agree += 1
            if item.perpetrators and item.perpetrators == other.perpetrators:
                agree += 1
            if item.targets and item.targets == other.targets:
                agree += 1
            s += agree * count
        return s

    def add(self, item: _Item) -> None:
        if self.items:
            if self.anchor is None:
                self.anchor = item.anchor
            elif item.anchor is not None:
                self.anchor = (max(self.anchor[0], item.anchor[0]),
                               min(self.anchor[1], item.anchor[1]))
        self.items.append(item)
        key = _profile(item)
        first, count = self.profiles.get(key, (item, 0))
        self.profiles[key] = (first, count + 1)
        self.participants |= item.participants


class _WeekIndex:
    """Events by kind and by the weeks their dates touch, so only events that could fit
    a report are compared with it. Very wide dates ("since 1990") sit in a list of their
    own that every lookup reads, rather than in thousands of weeks."""

    WIDE_WEEKS = 64

    def __init__(self) -> None:
        self.by_week: dict[tuple[Any, ...], list[int]] = defaultdict(list)
        self.wide: dict[Any, list[int]] = defaultdict(list)
        self.every: dict[Any, list[int]] = defaultdict(list)

    @classmethod
    def _span(cls, anchor: tuple[_dt.date, _dt.date]) -> range | None:
        first, last = anchor[0].toordinal() // 7, anchor[1].toordinal() // 7
        return None if last - first > cls.WIDE_WEEKS else range(first, last + 1)

    def add(self, key: Any, anchor: tuple[_dt.date, _dt.date] | None, value: int) -> None:
        self.every[key].append(value)
        if anchor is None:
            self.by_week[(key, None)].append(value)
            return
        weeks = self._span(anchor)
        if weeks is None:
            self.wide[key].append(value)
        else:
            for week in weeks:
                self.by_week[(key, week)].append(value)

    def near(self, key: Any, anchor: tuple[_dt.date, _dt.date] | None) -> list[int]:
        """The values that may overlap ``anchor``, in the order they were added."""
        if anchor is None:
            return list(self.by_week.get((key, None), ()))
        weeks = self._span(anchor)
        if weeks is None:
            return list(self.every.get(key, ()))
        found = set(self.wide.get(key, ()))
        for week in weeks:
            found.update(self.by_week.get((key, week), ()))
        return sorted(found)


def _cluster(items: list[_Item], places: _PlaceRules) -> list[_Cluster]:
    """Greedy clustering over a canonical order: each report joins the event it fits best.

    A report that fits two events equally well starts its own (ambiguity is not a reason
    to merge); an undated report joins only when exactly one event fits it. Events are
    looked up in a :class:`_WeekIndex`.
    """
    clusters: list[_Cluster] = []
    index = _WeekIndex()
    for item in items:
        near = index.near(item.group, item.anchor)
        fitting = [clusters[k] for k in near if clusters[k].fits(item, places)]
        chosen: _Cluster | None = None
        if item.date is None:
            if len(fitting) == 1:
                chosen = fitting[0]
        elif fitting:
            scored = sorted(((c.score(item, places), k) for k, c in enumerate(fitting)),
                            reverse=True)
            if len(scored) == 1 or scored[0][0] > scored[1][0]:
                chosen = fitting[scored[0][1]]
        if chosen is None:
            clusters.append(_Cluster(item))
            index.add(item.group, item.anchor, len(clusters) - 1)
        else:
            chosen.add(item)
    return clusters


def _merged_date(dates: list[TimeValue]) -> TimeValue | None:
    if not dates:
        return None
    lo = max(d.start for d in dates)
    hi = min(d.end for d in dates)
    if lo > hi:  # cannot happen for a cluster; keep the narrowest rather than fail
        best = min(dates, key=lambda d: ((d.end - d.start).days, d.start, d.iso))
        return attrs.evolve(best, text="", span=None)
    exact = [d for d in dates if (d.start, d.end) == (lo, hi)]
    if exact:
        rank = {Precision.DAY: 0, Precision.MONTH: 1, Precision.YEAR: 2}
        best = min(exact, key=lambda d: (rank[d.precision], d.interval, d.iso))
        return attrs.evolve(best, text="", span=None)
    if lo == hi:
        return TimeValue.day(lo)
    return TimeValue.between(lo, hi)


_SLUG = re.compile(r"[^a-z0-9]+")


def _slug(text: str) -> str:
    return _SLUG.sub("-", fold_name(text)).strip("-") or "x"


def _event_id(prefix: str, date: TimeValue | None, *parts: str) -> str:
    when = "undated" if date is None else date.iso.replace("/", "_")
    return f"{prefix}:{'-'.join([when, *[p for p in parts if p]])}"


def _unique_ids(ids: list[str], keys: list[str]) -> list[str]:
    """Disambiguate equal ids with a hash of each event's reports (order-independent)."""
    counts = Counter(ids)
    out = []
    for i, k in zip(ids, keys, strict=True):
        if counts[i] > 1:
            i = f"{i}-{hashlib.sha1(k.encode('utf-8')).hexdigest()[:8]}"
        out.append(i)
    return out


def _role_slug(word: str, items: list[_Item], role: str) -> str:
    ids = sorted(set().union(*(getattr(it, role) for it in items)))
    if not ids:
        return ""
    return f"{word}-" + "-".join(_slug(i.split(":", 1)[-1]) for i in ids)


def _report_key(items: list[_Item]) -> str:
    return "|".join(sorted(f"{it.article}\x1f{it.record.id}" for it in items))


def _merge_meetings(
    results: Sequence[ArticleResult],
    id_map: dict[str, str],
    places: _PlaceRules,
    opts: MergeOptions,
) -> tuple[CorpusMeeting, ...]:
    clusters = _cluster(_meeting_items(results, id_map, opts.window_days), places)
    clusters = _fold_announcements(clusters, places)
    drafts: list[CorpusMeeting] = []
    for c in clusters:
        meetings: list[Meeting] = [it.record for it in c.items if isinstance(it.record, Meeting)]
        statuses = {m.status for m in meetings}
        if MeetingStatus.HELD in statuses:
            status = MeetingStatus.HELD
        elif MeetingStatus.ONGOING in statuses:
            status = MeetingStatus.ONGOING
        else:
            status = min(statuses, key=lambda s: s.value)
        parties = sorted(set().union(*(it.parties for it in c.items)))
        place = _canonical_place([m.place for m in meetings if m.place is not None])
        date = _merged_date([m.date for m in meetings if m.date is not None])
        kind = meetings[0].kind
        drafts.append(
            CorpusMeeting(
                id=_event_id(
                    "meeting", date, kind.value, "-".join(p.lower() for p in parties),
                    _slug(place.name) if place else "",
                ),
                kind=kind,
                status=status,
                reports=tuple(sorted(
                    (MeetingReport(it.article, m, it.outlet, it.published)
                     for it, m in zip(c.items, meetings, strict=True)),
                    key=lambda r: (r.article, r.record.id),
                )),
                parties=tuple(parties),
                participants=tuple(sorted(set().union(*(it.participants for it in c.items)))),
                place=place,
                date=date,
            )
        )
    ids = _unique_ids([d.id for d in drafts], [_report_key(c.items) for c in clusters])
    drafts = [attrs.evolve(d, id=i) for d, i in zip(drafts, ids, strict=True)]
    return tuple(sorted(_link_plans(drafts, clusters, places), key=lambda m: m.id))


def _fold_announcements(clusters: list[_Cluster], places: _PlaceRules) -> list[_Cluster]:
    """Fold a plan for a given day into the meeting held that day, when only one fits.

    "A Russian delegation is expected on Saturday" in a paper of that Saturday, and
    "talks were held in Ankara on Saturday" the next day, report one meeting: the first
    told in advance. A plan pinned to a day (a point date at day precision), published
    no later than that day, joins the one held meeting of that day that nothing
    contradicts; undated plans that fitted only that plan come along. The reports keep
    their ``planned`` status (see :attr:`CorpusMeeting.announcements`). Any other plan
    stays an event of its own, linked to the meeting that carried it out
    (:func:`_link_plans`).
    """
    held_by_day: dict[_dt.date, list[_Cluster]] = defaultdict(list)
    for c in clusters:
        if c.items[0].group[2] == _OCCURRED:
            for d in sorted({it.date.start for it in c.items if it.date is not None
                             and it.date.start == it.date.end}):
                held_by_day[d].append(c)
    folded: set[int] = set()
    for k, c in enumerate(clusters):
        if c.items[0].group[2] != "planned":
            continue
        dated = [it for it in c.items if it.date is not None]
        days = {it.date.start for it in dated if it.date is not None
                and it.date.precision is Precision.DAY and not it.date.interval}
        if len(days) != 1 or len(days) != len({(it.date.start, it.date.end) for it in dated
                                                if it.date is not None}):
            continue
        day = days.pop()
        if any(it.published is not None and it.published > day for it in dated):
            continue
        fits = [
            h for h in held_by_day.get(day, ())
            if h.items[0].group[1] == c.items[0].group[1]
            and all(_compatible(a, b, places, stage=False) for a in c.items for b in h.items)
        ]
        if len(fits) == 1:
            for it in c.items:
                fits[0].add(it)
            folded.add(k)
    return [c for k, c in enumerate(clusters) if k not in folded]


#: Meeting kinds a plan may be carried out as: a visit announced is often reported as talks.
_LINKABLE_KINDS = {frozenset({MeetingKind.TALKS, MeetingKind.VISIT})}


def _link_plans(
    meetings: list[CorpusMeeting], clusters: list[_Cluster], places: _PlaceRules
) -> list[CorpusMeeting]:
    """Link each planned meeting to the held meeting that carried it out, if one fits."""
    held = _WeekIndex()
    for k, (m, c) in enumerate(zip(meetings, clusters, strict=True)):
        if _STAGE[m.status] == _OCCURRED:
            held.add(_OCCURRED, c.anchor, k)
    fulfilled_by: dict[str, str] = {}
    for plan, pc in zip(meetings, clusters, strict=True):
        if plan.status is not MeetingStatus.PLANNED or pc.anchor is None:
            continue
        # A plan is carried out after it is announced.
        first_pub = min((it.published for it in pc.items if it.published), default=None)
        candidates = []
        for k in held.near(_OCCURRED, pc.anchor):
            h, hc = meetings[k], clusters[k]
            if not (h.kind is plan.kind or frozenset({h.kind, plan.kind}) in _LINKABLE_KINDS):
                continue
            if not _parties_compatible(frozenset(plan.parties), frozenset(h.parties)):
                continue
            if not places.compatible(plan.place, h.place):
                continue
            if hc.anchor is None or not _overlap(pc.anchor, hc.anchor):
                continue
            if first_pub is not None and hc.anchor[1] < first_pub - _dt.timedelta(days=1):
                continue
            start = h.date.start if h.date else hc.anchor[0]
            candidates.append((start, h.id))
        if candidates:
            fulfilled_by[plan.id] = min(candidates)[1]
    fulfils: dict[str, list[str]] = defaultdict(list)
    for plan_id, held_id in fulfilled_by.items():
        fulfils[held_id].append(plan_id)
    return [
        attrs.evolve(
            m,
            fulfilled_by=fulfilled_by.get(m.id),
            fulfils=tuple(sorted(fulfils.get(m.id, ()))),
        )
        for m in meetings
    ]


def _merge_incidents(
    results: Sequence[ArticleResult],
    id_map: dict[str, str],
    places: _PlaceRules,
    opts: MergeOptions,
) -> tuple[CorpusIncident, ...]:
    clusters = _cluster(_incident_items(results, id_map, opts.window_days), places)
    drafts: list[CorpusIncident] = []
    for c in clusters:
        incidents: list[Incident] = [it.record for it in c.items if isinstance(it.record, Incident)]
        place = _canonical_place([i.place for i in incidents if i.place is not None])
        date = _merged_date([i.date for i in incidents if i.date is not None])
        claims: set[CorpusClaim] = set()
        seen: set[tuple[Any, ...]] = set()
        for it, inc in sorted(zip(c.items, incidents, strict=True),
                              key=lambda p: (p[0].article, p[1].id)):
            for figure in Figure:
                claim = getattr(inc, figure.value)
                if claim is None:
                    continue
                # The same figure from the same claimant twice in one article is one claim.
                dup = (figure, claim.value, claim.qualifier, claim.claimant, it.article)
                if dup in seen:
                    continue
                seen.add(dup)
                claims.add(CorpusClaim(
                    figure=figure, value=claim.value, qualifier=claim.qualifier,
                    article=it.article, record_id=inc.id, claimant=claim.claimant,
                    outlet=it.outlet, span=claim.span,
                ))
        type_ = incidents[0].type
        drafts.append(
            CorpusIncident(
                id=_event_id("incident", date, type_.value.replace("_", "-"),
                             _slug(place.name) if place else "",
                             _role_slug("by", c.items, "perpetrators"),
                             _role_slug("on", c.items, "targets")),
                type=type_,
                reports=tuple(sorted(
                    (IncidentReport(it.article, i, it.outlet, it.published)
                     for it, i in zip(c.items, incidents, strict=True)),
                    key=lambda r: (r.article, r.record.id),
                )),
                perpetrators=tuple(sorted(set().union(*(it.perpetrators for it in c.items)))),
                targets=tuple(sorted(set().union(*(it.targets for it in c.items)))),
                place=place,
                date=date,
                claims=tuple(sorted(claims, key=_claim_key)),
            )
        )
    ids = _unique_ids([d.id for d in drafts], [_report_key(c.items) for c in clusters])
    return tuple(sorted((attrs.evolve(d, id=i) for d, i in zip(drafts, ids, strict=True)),
                        key=lambda i: i.id))


_FIGURE_ORDER = {f: n for n, f in enumerate(Figure)}


def _claim_key(c: CorpusClaim) -> tuple[Any, ...]:
    return (
        _FIGURE_ORDER[c.figure], c.value, c.qualifier.value, c.article, c.record_id,
        c.claimant or "", c.span.start if c.span else -1,
    )

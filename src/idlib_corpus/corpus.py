"""The corpus: article results together, and the merged dataset built from them.

:class:`Corpus` holds the per-article results (in article-id order) and, computed once on
first use, the merged view of :mod:`idlib_corpus.merge`: one actor per real entity
(:attr:`Corpus.actors`), one meeting or incident per real event with all its reports and
claims (:attr:`Corpus.meetings`, :attr:`Corpus.incidents`). On top: filters
(:meth:`Corpus.find_meetings`, :meth:`Corpus.find_incidents`), a :meth:`Corpus.timeline`
and flat records for pandas or polars (:meth:`Corpus.to_records`).

Example:
    >>> import idlib_corpus
    >>> corpus = idlib_corpus.load()
    >>> talks = corpus.find_meetings(place="Ankara", start="2020-02-01", end="2020-02-29")
    >>> rows = corpus.to_records("meetings")   # pandas.DataFrame(rows)
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Iterator
from importlib.resources import files
from pathlib import Path
from typing import Any, TypeAlias

from idlib_corpus.errors import IdlibCorpusError
from idlib_corpus.folding import fold_name
from idlib_corpus.merge import (
    CorpusActor,
    CorpusIncident,
    CorpusMeeting,
    MergedCorpus,
    MergeOptions,
    merge,
)
from idlib_corpus.model import (
    ArticleResult,
    IncidentType,
    MeetingKind,
    MeetingStatus,
    Place,
    PlaceKind,
    Precision,
)

__all__ = ["Corpus", "Event", "dump", "load", "load_paths"]

#: A merged event: what :meth:`Corpus.timeline` lists.
Event: TypeAlias = CorpusMeeting | CorpusIncident

_DateArg = _dt.date | str | None


class Corpus:
    """Article results, in a stable order (by article id), with the merged dataset on top.

    The same article given twice (same id and text, say from two folders) is kept once;
    two different texts under one id are an error, since every span is an offset into
    one article's text.

    Args:
        results: the :class:`~idlib_corpus.model.ArticleResult` objects, in any order.
        merge_options: how events are merged (:class:`~idlib_corpus.merge.MergeOptions`).

    Raises:
        IdlibCorpusError: two results with the same article id hold different texts.

    Example:
        >>> import idlib_corpus
        >>> corpus = idlib_corpus.load()
        >>> len(corpus)
        5
        >>> corpus.timeline()[0].date.iso  # doctest: +SKIP
        '2017-05'
    """

    def __init__(
        self, results: Iterable[ArticleResult], *, merge_options: MergeOptions | None = None
    ) -> None:
        self.results: tuple[ArticleResult, ...] = _unique_results(results)
        self._by_id = {r.id: r for r in self.results}
        self.merge_options = merge_options or MergeOptions()
        self._merged: MergedCorpus | None = None
        self._actor_index: dict[str, CorpusActor] | None = None

    def __len__(self) -> int:
        return len(self.results)

    def __iter__(self) -> Iterator[ArticleResult]:
        return iter(self.results)

    def __getitem__(self, article_id: str) -> ArticleResult:
        try:
            return self._by_id[article_id]
        except KeyError:
            raise KeyError(f"no article {article_id!r} in the corpus") from None

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._by_id

    def __repr__(self) -> str:
        return f"<Corpus of {len(self)} articles>"

    # -- per-article lookups

    def with_actor(self, actor_id: str) -> list[ArticleResult]:
        """Articles in which the actor appears (per-article ids or a canonical id)."""
        ids = {actor_id}
        found = self.actor(actor_id)
        if found is not None:
            ids.update(found.source_ids)
        return [r for r in self.results if any(a.id in ids for a in r.actors)]

    def published_between(self, start: _dt.date, end: _dt.date) -> list[ArticleResult]:
        """Articles published from ``start`` to ``end`` inclusive."""
        return [
            r for r in self.results
            if r.article.published is not None and start <= r.article.published <= end
        ]

    def failures(self) -> list[tuple[str, str]]:
        """The articles that failed: ``(file or id, the error messages)``, in id order."""
        from idlib_corpus.model import Severity

        out = []
        for r in self.results:
            errors = [d.message for d in r.diagnostics if d.severity is Severity.ERROR]
            if errors:
                out.append((r.article.source or r.id, "; ".join(errors)))
        return out

    # -- the merged view

    def merged(self) -> MergedCorpus:
        """The merged dataset (computed on first call, then reused)."""
        if self._merged is None:
            self._merged = merge(self.results, options=self.merge_options)
        return self._merged

    @property
    def actors(self) -> tuple[CorpusActor, ...]:
        """The actor registry: one :class:`~idlib_corpus.merge.CorpusActor` per entity."""
        return self.merged().actors

    @property
    def meetings(self) -> tuple[CorpusMeeting, ...]:
        """Merged meetings, sorted by id."""
        return self.merged().meetings

    @property
    def incidents(self) -> tuple[CorpusIncident, ...]:
        """Merged incidents, sorted by id."""
        return self.merged().incidents

    def actor(self, key: str) -> CorpusActor | None:
        """The registry entry for a canonical or per-article id, or any spelling of a name.

        Example:
            >>> import idlib_corpus
            >>> idlib_corpus.load().actor("Lavrentiev")  # doctest: +SKIP
            CorpusActor(id='person:alexander-lavrentyev', ...)
        """
        if self._actor_index is None:
            index: dict[str, CorpusActor] = {}
            surnames: dict[str, set[str]] = {}
            by_id = {a.id: a for a in self.actors}
            # Surnames first, then full names, ids last: the more certain key wins.
            for a in self.actors:
                for s in a.spellings:
                    parts = fold_name(s).split()
                    if len(parts) > 1:
                        surnames.setdefault(parts[-1], set()).add(a.id)
            for surname, ids in surnames.items():
                if len(ids) == 1:  # a surname alone only when no other actor has it
                    index[surname] = by_id[next(iter(ids))]
            for a in self.actors:
                for s in a.spellings:
                    index[fold_name(s)] = a
            for a in self.actors:
                for sid in a.source_ids:
                    index[sid] = a
            self._actor_index = index
        return self._actor_index.get(key) or self._actor_index.get(fold_name(key))

    def find_meetings(
        self,
        *,
        actor: str | None = None,
        party: str | None = None,
        place: str | None = None,
        start: _DateArg = None,
        end: _DateArg = None,
        kind: MeetingKind | str | None = None,
        status: MeetingStatus | str | None = None,
    ) -> list[CorpusMeeting]:
        """Merged meetings matching every filter given, in timeline order.

        Args:
            actor: a participant (id or name), or a state taking part (``state:TR``).
            party: an ISO code of a state taking part (``"TR"``).
            place: a place name (any known spelling; a country's name also finds places
                inside it) or an ISO country code.
            start: only meetings whose date may fall on or after this day.
            end: only meetings whose date may fall on or before this day. With ``start``
                or ``end`` given, undated meetings are left out.
            kind: a :class:`~idlib_corpus.model.MeetingKind` or its value.
            status: a :class:`~idlib_corpus.model.MeetingStatus` or its value.

        Example:
            >>> import idlib_corpus
            >>> idlib_corpus.load().find_meetings(party="TR", status="held")  # doctest: +SKIP
        """
        kind_ = MeetingKind(kind) if kind is not None else None
        status_ = MeetingStatus(status) if status is not None else None
        out = [
            m for m in self.meetings
            if (kind_ is None or m.kind is kind_)
            and (status_ is None or m.status is status_)
            and (party is None or party.upper() in m.parties)
            and (actor is None or self._meeting_has_actor(m, actor))
            and self._place_matches(m.place, place)
            and _date_matches(m.date, start, end)
        ]
        return sorted(out, key=_timeline_key)

    def find_incidents(
        self,
        *,
        actor: str | None = None,
        party: str | None = None,
        place: str | None = None,
        start: _DateArg = None,
        end: _DateArg = None,
        type: IncidentType | str | None = None,
    ) -> list[CorpusIncident]:
        """Merged incidents matching every filter given, in timeline order.

        Args:
            actor: a perpetrator or target (id or name).
            party: an ISO code: incidents whose perpetrators or targets belong to that state.
            place: a place name (any known spelling) or an ISO country code.
            start: only incidents whose date may fall on or after this day.
            end: only incidents whose date may fall on or before this day.
            type: an :class:`~idlib_corpus.model.IncidentType` or its value.

        Example:
            >>> import idlib_corpus
            >>> idlib_corpus.load().find_incidents(type="armed_attack")  # doctest: +SKIP
        """
        type_ = IncidentType(type) if type is not None else None
        out = [
            i for i in self.incidents
            if (type_ is None or i.type is type_)
            and (party is None or self._incident_has_party(i, party.upper()))
            and (actor is None or self._incident_has_actor(i, actor))
            and self._place_matches(i.place, place)
            and _date_matches(i.date, start, end)
        ]
        return sorted(out, key=_timeline_key)

    def timeline(
        self,
        *,
        actor: str | None = None,
        party: str | None = None,
        place: str | None = None,
        start: _DateArg = None,
        end: _DateArg = None,
    ) -> list[Event]:
        """Meetings and incidents in date order.

        Events sort by the interval their date denotes (first day, then last day), so a
        month-precision event comes before the days of that month and after the month
        before; at equal intervals the more precise first, then meetings before
        incidents, then by id. Undated events come last.

        Example:
            >>> import idlib_corpus
            >>> [e.id for e in idlib_corpus.load().timeline()][:2]  # doctest: +SKIP
        """
        events: list[Event] = [
            *self.find_meetings(actor=actor, party=party, place=place, start=start, end=end),
            *self.find_incidents(actor=actor, party=party, place=place, start=start, end=end),
        ]
        return sorted(events, key=_timeline_key)

    def to_records(self, kind: str = "meetings") -> list[dict[str, Any]]:
        """Flat dicts (one per row) for ``pandas.DataFrame`` or ``polars.DataFrame``.

        Args:
            kind: ``"meetings"``, ``"incidents"``, ``"actors"``, ``"claims"``,
                ``"reports"`` or ``"timeline"``; docs/corpus.md lists each table's columns.

        Raises:
            IdlibCorpusError: an unknown ``kind``.

        Example:
            >>> import idlib_corpus
            >>> rows = idlib_corpus.load().to_records("incidents")
            >>> sorted(rows[0])[:3]  # doctest: +SKIP
            ['actor1', 'actor1_ids', 'actor2']
        """
        from idlib_corpus.export import records

        return records(self, kind)

    # -- filter helpers

    def _resolve(self, key: str) -> set[str]:
        found = self.actor(key)
        return {key} if found is None else {found.id, *found.source_ids}

    def _meeting_has_actor(self, m: CorpusMeeting, key: str) -> bool:
        ids = self._resolve(key)
        if ids & set(m.participants):
            return True
        codes = {i.split(":", 1)[1] for i in ids if i.startswith("state:")}
        return bool(codes & set(m.parties))

    def _incident_has_actor(self, i: CorpusIncident, key: str) -> bool:
        return bool(self._resolve(key) & (set(i.perpetrators) | set(i.targets)))

    def _incident_has_party(self, i: CorpusIncident, code: str) -> bool:
        for actor_id in (*i.perpetrators, *i.targets):
            if actor_id == f"state:{code}":
                return True
            a = self.actor(actor_id)
            if a is not None and a.country == code:
                return True
        return False

    def _place_matches(self, place: Place | None, query: str | None) -> bool:
        if query is None:
            return True
        if place is None:
            return False
        if len(query) == 2 and query.isupper():
            return place.country == query
        folded = fold_name(query)
        if folded in (fold_name(place.name), fold_name(place.text)):
            return True
        if place.country is not None and place.kind is not PlaceKind.COUNTRY:
            # "Turkey" finds what happened in Ankara: a place inside the country named.
            state = self.actor(f"state:{place.country}")
            if state is not None and folded in {fold_name(n) for n in state.spellings}:
                return True
        from idlib_corpus.merge import _default_same_place

        same = _default_same_place()
        return bool(same is not None and same(query, place.name))


def _as_date(value: _DateArg) -> _dt.date | None:
    if value is None or isinstance(value, _dt.date):
        return value
    try:
        return _dt.date.fromisoformat(value)
    except ValueError:
        raise IdlibCorpusError(f"not a date YYYY-MM-DD: {value!r}") from None


def _date_matches(date: Any, start: _DateArg, end: _DateArg) -> bool:
    lo, hi = _as_date(start), _as_date(end)
    if lo is None and hi is None:
        return True
    if date is None:
        return False
    return (lo is None or date.end >= lo) and (hi is None or date.start <= hi)


_PRECISION_RANK = {Precision.DAY: 0, Precision.MONTH: 1, Precision.YEAR: 2}


def _timeline_key(e: Event) -> tuple[Any, ...]:
    category = 0 if isinstance(e, CorpusMeeting) else 1
    if e.date is None:
        return (1, _dt.date.max, _dt.date.max, 0, False, category, e.id)
    d = e.date
    return (0, d.start, d.end, _PRECISION_RANK[d.precision], d.interval, category, e.id)


def _unique_results(results: Iterable[ArticleResult]) -> tuple[ArticleResult, ...]:
    by_id: dict[str, list[ArticleResult]] = {}
    for r in results:
        by_id.setdefault(r.id, []).append(r)
    out = []
    for article_id in sorted(by_id):
        group = by_id[article_id]
        if len({r.article.text for r in group}) > 1:
            sources = sorted({r.article.source or "<text>" for r in group})
            raise IdlibCorpusError(
                f"article id {article_id!r} is given twice with different texts "
                f"({', '.join(sources)}); give each article a unique file name"
            )
        # The same article read twice: keep one, chosen by content so order cannot matter.
        out.append(min(group, key=lambda r: (r.article.source or "", repr(r))))
    return tuple(out)


def _bundled_dir() -> Path:
    return Path(str(files("idlib_corpus") / "data" / "seeds"))


def load(path: str | Path | None = None) -> Corpus:
    """Load a corpus: the bundled seed articles, parsed, or results saved with :func:`dump`.

    Args:
        path: ``None`` for the bundled corpus (parsed with the installed extractors);
            a ``.jsonl`` or ``.json`` file written by :func:`dump` or ``idlib-corpus
            extract``; or a folder of ``.txt`` articles (with its ``metadata.json``).

    Raises:
        InputError: the path does not exist.
        WireFormatError: a saved record is malformed (names the line and field).

    Example:
        >>> corpus = load()
        >>> sorted(r.article.outlet or "-" for r in corpus)[:2]
        ['-', 'Anadolu Agency']
    """
    from idlib_corpus.io import iter_parse
    from idlib_corpus.serialize import load_results

    if path is None:
        return Corpus(iter_parse([_bundled_dir()]))
    p = Path(path)
    if p.is_dir():
        return Corpus(iter_parse([p]))
    return Corpus(load_results(p))


def load_paths(
    paths: Iterable[str | Path], *, metadata: str | Path | None = None
) -> Corpus:
    """A corpus from several inputs: folders of articles, article files, saved results.

    Files ending in ``.jsonl`` or ``.json`` are read as saved results
    (:func:`idlib_corpus.serialize.load_results`); other files and folders are parsed.

    Args:
        paths: the inputs; none means the bundled corpus.
        metadata: a ``metadata.json`` for the articles parsed (default: each folder's own).

    Raises:
        InputError: a path does not exist.
        WireFormatError: a saved record is malformed.

    Example:
        >>> load_paths([_bundled_dir()])  # doctest: +SKIP
        <Corpus of 5 articles>
    """
    from idlib_corpus.errors import InputError
    from idlib_corpus.io import iter_parse

    given = [Path(p) for p in paths] or [_bundled_dir()]
    saved = [p for p in given if p.suffix.lower() in (".jsonl", ".json") and not p.is_dir()]
    texts = [p for p in given if p not in saved]
    for p in given:
        if not p.exists():
            raise InputError(p, "no such file or folder")
    results: list[ArticleResult] = []
    if saved:
        from idlib_corpus.serialize import load_results

        for p in saved:
            results.extend(load_results(p))
    if texts:
        results.extend(iter_parse(texts, metadata=metadata))
    return Corpus(results)


def dump(results: Iterable[ArticleResult] | Corpus, path: str | Path) -> None:
    """Save results as JSONL (``.jsonl``) or one JSON array (``.json``), atomically.

    Example:
        >>> import pathlib, tempfile
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "corpus.jsonl"
        >>> dump(load(), path)
        >>> len(path.read_text(encoding="utf-8").splitlines())
        5
    """
    from idlib_corpus.serialize import dump_results

    dump_results(results, path)

"""Exports of the merged corpus: JSONL, CSV tables with ACLED-style columns, Parquet.

Three formats, one set of tables:

* ``jsonl`` — one file, the full merged objects (actors, then meetings, then incidents),
  one per line, each with a ``"record"`` key naming its type; :func:`read_jsonl` reads it
  back. Nothing is flattened: reports, evidence spans and claims are all there.
* ``csv`` — a folder with one table per kind: ``meetings.csv``, ``incidents.csv``,
  ``actors.csv``, ``claims.csv``, ``reports.csv``. Meetings and incidents carry ACLED's
  column names (``event_id``, ``event_date``, ``time_precision``, ``event_type``,
  ``sub_event_type``, ``actor1``, ``actor2``, ``location``, ``country``, ``latitude``,
  ``longitude``, ``fatalities``, ``source``, ``notes``) plus ``cameo_code`` and
  ``plover_code``, so GDELT, POLECAT and ACLED users can join them; docs/corpus.md lists
  every column.
* ``parquet`` — the same tables as ``.parquet`` files, typed (needs the ``parquet``
  extra: ``pip install idlib-corpus[parquet]``).

The codes come from ``data/event_codes.json`` (knowledge as data, with its sources).
Every export is deterministic: the same corpus gives the same bytes whatever the order
its articles were read in.

Example:
    >>> import idlib_corpus, tempfile
    >>> from idlib_corpus.export import export
    >>> out = tempfile.mkdtemp()
    >>> export(idlib_corpus.load(), "csv", out)  # doctest: +SKIP
    [PosixPath('.../meetings.csv'), ...]
"""

from __future__ import annotations

import csv
import functools
import io
import json
import os
import secrets
from collections.abc import Iterator, Mapping, Sequence
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from idlib_corpus.errors import IdlibCorpusError, InputError
from idlib_corpus.merge import (
    CorpusActor,
    CorpusClaim,
    CorpusIncident,
    CorpusMeeting,
    MergedCorpus,
)
from idlib_corpus.model import Precision, Qualifier, Span, TimeValue

if TYPE_CHECKING:
    from idlib_corpus.corpus import Corpus

__all__ = [
    "COLUMNS",
    "FORMATS",
    "TABLES",
    "ExportRecord",
    "event_codes",
    "export",
    "read_jsonl",
    "records",
    "write_csv",
    "write_jsonl",
    "write_parquet",
]

#: The formats :func:`export` writes.
FORMATS = ("jsonl", "csv", "parquet")

_S, _I, _F = "string", "int", "float"

_EVENT_COMMON: tuple[tuple[str, str], ...] = (
    ("event_id", _S),
    ("event_date", _S),
    ("date_start", _S),
    ("date_end", _S),
    ("date", _S),
    ("time_precision", _I),
    ("event_type", _S),
    ("sub_event_type", _S),
    ("kind", _S),
    ("status", _S),
    ("actor1", _S),
    ("actor2", _S),
    ("actor1_ids", _S),
    ("actor2_ids", _S),
    ("location", _S),
    ("country", _S),
    ("latitude", _F),
    ("longitude", _F),
    ("geonames_id", _I),
    ("fatalities", _I),
    ("cameo_code", _S),
    ("plover_code", _S),
    ("source", _S),
    ("sources", _I),
    ("reports", _I),
    ("articles", _S),
    ("notes", _S),
)

#: Every table's columns, in order, with their types (``string``, ``int``, ``float``);
#: a ``None`` value is an empty CSV cell and a Parquet null.
COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    "meetings": (
        *_EVENT_COMMON,
        ("participants", _S),
        ("participant_ids", _S),
        ("fulfils", _S),
        ("fulfilled_by", _S),
    ),
    "incidents": (
        *_EVENT_COMMON,
        ("killed_claims", _S),
        ("injured_claims", _S),
        ("displaced_claims", _S),
        ("claims", _I),
    ),
    "actors": (
        ("actor_id", _S),
        ("name", _S),
        ("kind", _S),
        ("country", _S),
        ("spellings", _S),
        ("offices", _S),
        ("articles", _S),
        ("article_count", _I),
        ("mentions", _I),
        ("source_ids", _S),
    ),
    "claims": (
        ("event_id", _S),
        ("figure", _S),
        ("value", _I),
        ("qualifier", _S),
        ("claimant", _S),
        ("article", _S),
        ("outlet", _S),
        ("record_id", _S),
        ("span_start", _I),
        ("span_end", _I),
        ("text", _S),
    ),
    "reports": (
        ("event_id", _S),
        ("category", _S),
        ("article", _S),
        ("outlet", _S),
        ("published", _S),
        ("record_id", _S),
        ("status", _S),
        ("date", _S),
        ("place", _S),
        ("evidence", _S),
        ("text", _S),
    ),
    "timeline": (
        ("date", _S),
        ("category", _S),
        ("event_id", _S),
        ("kind", _S),
        ("status", _S),
        ("who", _S),
        ("where", _S),
        ("figures", _S),
        ("sources", _S),
        ("reports", _I),
    ),
}

#: The tables written by the CSV and Parquet exports, in this order.
TABLES = ("meetings", "incidents", "actors", "claims", "reports")

#: Separator of several values in one cell (ACLED's own).
SEP = "; "


# --------------------------------------------------------------------------- codes


@functools.lru_cache(maxsize=1)
def event_codes() -> Mapping[str, Any]:
    """The CAMEO, PLOVER and ACLED codes of ``data/event_codes.json`` (read once).

    Example:
        >>> event_codes()["incident"]["deployment"]["plover"]
        'MOBILIZE'
    """
    path = files("idlib_corpus") / "data" / "event_codes.json"
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def _meeting_codes(m: CorpusMeeting) -> tuple[str | None, str | None, str, str]:
    codes = event_codes()["meeting"]
    entry = codes["by_status"].get(m.status.value) or codes["by_kind"][m.kind.value]
    acled = codes["acled"]
    return entry["cameo"], entry["plover"], acled["event_type"], acled["sub_event_type"]


def _incident_codes(i: CorpusIncident) -> tuple[str | None, str | None, str, str]:
    entry = event_codes()["incident"][i.type.value]
    sub = entry["acled_sub_event_type"]
    if any(p.startswith("armed_group:") for p in i.perpetrators):
        sub = entry.get("acled_sub_event_type_non_state", sub)
    return entry["cameo"], entry["plover"], entry["acled_event_type"], sub


# --------------------------------------------------------------------------- rows


def _time_precision(d: TimeValue | None) -> int | None:
    """ACLED's time_precision: 1 a day, 2 a range of days, 3 a month or coarser."""
    if d is None:
        return None
    if d.precision is Precision.DAY:
        return 1 if not d.interval else 2
    return 3


def _date_cells(d: TimeValue | None) -> dict[str, Any]:
    if d is None:
        return {"event_date": None, "date_start": None, "date_end": None, "date": None,
                "time_precision": None}
    return {
        "event_date": d.start.isoformat(),
        "date_start": d.start.isoformat(),
        "date_end": d.end.isoformat(),
        "date": d.iso,
        "time_precision": _time_precision(d),
    }


def _place_cells(place: Any) -> dict[str, Any]:
    if place is None:
        return {"location": None, "country": None, "latitude": None, "longitude": None,
                "geonames_id": None}
    return {
        "location": place.name,
        "country": place.country,
        "latitude": place.latitude,
        "longitude": place.longitude,
        "geonames_id": place.geonames_id,
    }


def _join(values: Sequence[str]) -> str | None:
    return SEP.join(values) if values else None


class _Context:
    """What every row needs: actor names and article texts, looked up once."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self.merged: MergedCorpus = corpus.merged()
        self.names = {a.id: a.name for a in self.merged.actors}

    def name(self, actor_id: str) -> str:
        if actor_id in self.names:
            return self.names[actor_id]
        a = self.corpus.actor(actor_id)
        return a.name if a is not None else actor_id

    def state_name(self, code: str) -> str:
        a = self.corpus.actor(f"state:{code}")
        if a is not None:
            return a.name
        return _knowledge_state_name(code) or code

    def text(self, article: str, span: Span | None) -> str | None:
        if span is None or article not in self.corpus:
            return None
        return " ".join(span.slice(self.corpus[article].article.text).split())

    def sources(self, reports: Sequence[Any]) -> list[str]:
        by_article = {r.article: r.outlet or r.article for r in reports}
        return sorted(set(by_article.values()))


def _knowledge_state_name(code: str) -> str | None:
    try:
        from idlib_corpus.knowledge import default_knowledge

        name = getattr(default_knowledge(), "state_name", None)
        return name(code) if callable(name) else None
    except Exception:  # names are a nicety: the ISO code is still right
        return None


def _claim_text(c: CorpusClaim) -> str:
    mark = {Qualifier.EXACT: "", Qualifier.AT_LEAST: ">=", Qualifier.AT_MOST: "<=",
            Qualifier.ABOUT: "~"}[c.qualifier]
    who = c.outlet or c.article
    if c.claimant:
        who = f"{who}, {c.claimant}"
    return f"{mark}{c.value} ({who})"


def _notes(ctx: _Context, reports: Sequence[Any]) -> str | None:
    for r in reports:  # reports are sorted: the first article's first evidence span
        if r.evidence:
            return ctx.text(r.article, r.evidence[0])
    return None


def _meeting_row(ctx: _Context, m: CorpusMeeting) -> dict[str, Any]:
    cameo, plover, event_type, sub = _meeting_codes(m)
    sources = ctx.sources(m.reports)
    first, rest = (m.parties[:1], m.parties[1:])
    return {
        "event_id": m.id,
        **_date_cells(m.date),
        "event_type": event_type,
        "sub_event_type": sub,
        "kind": m.kind.value,
        "status": m.status.value,
        "actor1": _join([ctx.state_name(p) for p in first]),
        "actor2": _join([ctx.state_name(p) for p in rest]),
        "actor1_ids": _join([f"state:{p}" for p in first]),
        "actor2_ids": _join([f"state:{p}" for p in rest]),
        **_place_cells(m.place),
        "fatalities": None,
        "cameo_code": cameo,
        "plover_code": plover,
        "source": _join(sources),
        "sources": len(m.articles),
        "reports": len(m.reports),
        "articles": _join(m.articles),
        "notes": _notes(ctx, m.reports),
        "participants": _join([ctx.name(p) for p in m.participants]),
        "participant_ids": _join(m.participants),
        "fulfils": _join(m.fulfils),
        "fulfilled_by": m.fulfilled_by,
    }


def _incident_row(ctx: _Context, i: CorpusIncident) -> dict[str, Any]:
    cameo, plover, event_type, sub = _incident_codes(i)
    killed = i.killed
    return {
        "event_id": i.id,
        **_date_cells(i.date),
        "event_type": event_type,
        "sub_event_type": sub,
        "kind": i.type.value,
        "status": None,
        "actor1": _join([ctx.name(p) for p in i.perpetrators]),
        "actor2": _join([ctx.name(t) for t in i.targets]),
        "actor1_ids": _join(i.perpetrators),
        "actor2_ids": _join(i.targets),
        **_place_cells(i.place),
        # ACLED's rule for conflicting reports: the most conservative figure. Every
        # claim stays in killed_claims and in claims.csv.
        "fatalities": min(c.value for c in killed) if killed else None,
        "cameo_code": cameo,
        "plover_code": plover,
        "source": _join(ctx.sources(i.reports)),
        "sources": len(i.articles),
        "reports": len(i.reports),
        "articles": _join(i.articles),
        "notes": _notes(ctx, i.reports),
        "killed_claims": _join([_claim_text(c) for c in killed]),
        "injured_claims": _join([_claim_text(c) for c in i.injured]),
        "displaced_claims": _join([_claim_text(c) for c in i.displaced]),
        "claims": len(i.claims),
    }


def _actor_row(a: CorpusActor) -> dict[str, Any]:
    return {
        "actor_id": a.id,
        "name": a.name,
        "kind": a.kind.value,
        "country": a.country,
        "spellings": _join(a.spellings),
        "offices": _join([f"{o.title} ({o.article})" for o in a.offices]),
        "articles": _join(a.articles),
        "article_count": len(a.articles),
        "mentions": a.mentions,
        "source_ids": _join(a.source_ids),
    }


def _claim_rows(ctx: _Context) -> Iterator[dict[str, Any]]:
    for i in ctx.merged.incidents:
        for c in i.claims:
            yield {
                "event_id": i.id,
                "figure": c.figure.value,
                "value": c.value,
                "qualifier": c.qualifier.value,
                "claimant": c.claimant,
                "article": c.article,
                "outlet": c.outlet,
                "record_id": c.record_id,
                "span_start": c.span.start if c.span else None,
                "span_end": c.span.end if c.span else None,
                "text": ctx.text(c.article, c.span),
            }


def _report_rows(ctx: _Context) -> Iterator[dict[str, Any]]:
    events: list[tuple[str, str, Sequence[Any]]] = [
        *(("meeting", m.id, m.reports) for m in ctx.merged.meetings),
        *(("incident", i.id, i.reports) for i in ctx.merged.incidents),
    ]
    for category, event_id, reports in events:
        for r in reports:
            rec = r.record
            yield {
                "event_id": event_id,
                "category": category,
                "article": r.article,
                "outlet": r.outlet,
                "published": r.published.isoformat() if r.published else None,
                "record_id": rec.id,
                "status": rec.status.value if category == "meeting" else None,
                "date": rec.date.iso if rec.date else None,
                "place": (rec.place.text or rec.place.name) if rec.place else None,
                "evidence": _join([f"{s.start}-{s.end}" for s in rec.evidence]),
                "text": ctx.text(r.article, rec.evidence[0]) if rec.evidence else None,
            }


def _timeline_rows(ctx: _Context) -> Iterator[dict[str, Any]]:
    for e in ctx.corpus.timeline():
        if isinstance(e, CorpusMeeting):
            people = [ctx.name(p) for p in e.participants] or [
                ctx.state_name(p) for p in e.parties
            ]
            yield {
                "date": e.date.iso if e.date else None,
                "category": "meeting",
                "event_id": e.id,
                "kind": e.kind.value,
                "status": e.status.value,
                "who": _join(people),
                "where": e.place.name if e.place else None,
                "figures": None,
                "sources": _join(ctx.sources(e.reports)),
                "reports": len(e.reports),
            }
        else:
            perps = ", ".join(ctx.name(p) for p in e.perpetrators)
            targets = ", ".join(ctx.name(t) for t in e.targets)
            who = f"{perps or '?'} -> {targets}" if targets else perps
            figures = [f"{c.figure.value} {_claim_text(c)}" for c in e.claims]
            yield {
                "date": e.date.iso if e.date else None,
                "category": "incident",
                "event_id": e.id,
                "kind": e.type.value,
                "status": None,
                "who": who or None,
                "where": e.place.name if e.place else None,
                "figures": _join(figures),
                "sources": _join(ctx.sources(e.reports)),
                "reports": len(e.reports),
            }


def records(corpus: Corpus, kind: str) -> list[dict[str, Any]]:
    """The rows of one table as flat dicts (keys in :data:`COLUMNS` order).

    Args:
        corpus: the :class:`~idlib_corpus.corpus.Corpus`.
        kind: one of :data:`COLUMNS`' keys.

    Raises:
        IdlibCorpusError: an unknown ``kind``.

    Example:
        >>> from idlib_corpus.corpus import Corpus
        >>> records(Corpus([]), "meetings")
        []
    """
    if kind not in COLUMNS:
        raise IdlibCorpusError(
            f"unknown table {kind!r}; choose one of {', '.join(sorted(COLUMNS))}"
        )
    ctx = _Context(corpus)
    rows: Iterator[dict[str, Any]]
    if kind == "meetings":
        rows = (_meeting_row(ctx, m) for m in ctx.merged.meetings)
    elif kind == "incidents":
        rows = (_incident_row(ctx, i) for i in ctx.merged.incidents)
    elif kind == "actors":
        rows = (_actor_row(a) for a in ctx.merged.actors)
    elif kind == "claims":
        rows = _claim_rows(ctx)
    elif kind == "reports":
        rows = _report_rows(ctx)
    else:
        rows = _timeline_rows(ctx)
    names = [name for name, _ in COLUMNS[kind]]
    return [{name: row[name] for name in names} for row in rows]


# --------------------------------------------------------------------------- writers


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return repr(value)
    return str(value)


def _prepare_folder(out: str | Path) -> Path:
    folder = Path(out)
    if folder.exists() and not folder.is_dir():
        raise InputError(folder, "is a file; CSV and Parquet exports write a folder of tables")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(folder, f"cannot be created: {exc.strerror or exc}") from None
    return folder


def write_csv(corpus: Corpus, out: str | Path) -> list[Path]:
    """Write one CSV table per kind (:data:`TABLES`) into the folder ``out``.

    Cells: empty for a missing value, several values joined with ``"; "``; UTF-8, a
    header row, ``\\n`` line ends. Each file is written atomically.

    Returns:
        The paths written, in :data:`TABLES` order.

    Raises:
        InputError: ``out`` is a file or cannot be created.
    """
    from idlib_corpus.serialize import write_text_atomic

    folder = _prepare_folder(out)
    written = []
    for table in TABLES:
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        names = [name for name, _ in COLUMNS[table]]
        writer.writerow(names)
        for row in records(corpus, table):
            writer.writerow([_cell(row[name]) for name in names])
        path = folder / f"{table}.csv"
        write_text_atomic(path, buf.getvalue())
        written.append(path)
    return written


def write_parquet(corpus: Corpus, out: str | Path) -> list[Path]:
    """Write one Parquet file per kind (:data:`TABLES`) into the folder ``out``.

    Columns are typed (``string``, ``int64``, ``double``), nulls where a value is missing.

    Raises:
        IdlibCorpusError: pyarrow is not installed.
        InputError: ``out`` is a file or cannot be created.
    """
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise IdlibCorpusError(
            "Parquet export needs pyarrow: pip install 'idlib-corpus[parquet]'"
        ) from None
    types = {_S: pa.string(), _I: pa.int64(), _F: pa.float64()}
    folder = _prepare_folder(out)
    written = []
    for table in TABLES:
        schema = pa.schema([(name, types[t]) for name, t in COLUMNS[table]])
        rows = records(corpus, table)
        data = pa.Table.from_pylist(rows, schema=schema) if rows else schema.empty_table()
        path = folder / f"{table}.parquet"
        tmp = folder / f".{table}.parquet.{os.getpid()}.{secrets.token_hex(4)}.tmp"
        try:
            pq.write_table(data, tmp)
            os.replace(tmp, path)
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            raise InputError(path, f"cannot be written: {exc.strerror or exc}") from None
        written.append(path)
    return written


@attrs.frozen
class ExportRecord:
    """One line of a JSONL export: an actor, a meeting or an incident.

    Attributes:
        record: ``"actor"``, ``"meeting"`` or ``"incident"``: which field is set.
        actor: the :class:`~idlib_corpus.merge.CorpusActor`, on an actor line.
        meeting: the :class:`~idlib_corpus.merge.CorpusMeeting`, on a meeting line.
        incident: the :class:`~idlib_corpus.merge.CorpusIncident`, on an incident line.

    Example:
        >>> from idlib_corpus.model import ActorKind
        >>> ExportRecord("actor", actor=CorpusActor("state:TR", "Turkey", ActorKind.STATE)).record
        'actor'
    """

    record: str
    actor: CorpusActor | None = None
    meeting: CorpusMeeting | None = None
    incident: CorpusIncident | None = None

    @property
    def value(self) -> CorpusActor | CorpusMeeting | CorpusIncident:
        """The object the line holds."""
        value = getattr(self, self.record, None) if self.record in _RECORDS else None
        if value is None:
            raise IdlibCorpusError(f"export record {self.record!r} holds no {self.record}")
        return value  # type: ignore[no-any-return]


_RECORDS = ("actor", "meeting", "incident")


def _jsonl_lines(merged: MergedCorpus) -> Iterator[str]:
    from idlib_corpus.serialize import dumps

    for a in merged.actors:
        yield dumps(ExportRecord("actor", actor=a))
    for m in merged.meetings:
        yield dumps(ExportRecord("meeting", meeting=m))
    for i in merged.incidents:
        yield dumps(ExportRecord("incident", incident=i))


def write_jsonl(corpus: Corpus, out: str | Path | None) -> int:
    """Write the merged corpus as JSONL: actors, meetings, incidents, one per line.

    Each line is an :class:`ExportRecord` as :func:`idlib_corpus.serialize.dumps` writes
    it: ``{"record": "meeting", "meeting": {...}, "actor": null, "incident": null, ...}``.

    Args:
        corpus: the corpus.
        out: the file to write (atomically), or ``None`` for standard output.

    Returns:
        The number of lines written.
    """
    from idlib_corpus.serialize import write_lines

    return write_lines(_jsonl_lines(corpus.merged()), out)


def read_jsonl(path: str | Path) -> MergedCorpus:
    """Read a JSONL export back into a :class:`~idlib_corpus.merge.MergedCorpus`.

    Raises:
        InputError: the file does not exist.
        WireFormatError: a line is not a valid record (names the line and the field).

    Example:
        >>> read_jsonl("corpus.jsonl")  # doctest: +SKIP
        MergedCorpus(actors=(...), meetings=(...), incidents=(...))
    """
    from idlib_corpus.errors import WireFormatError
    from idlib_corpus.serialize import iter_jsonl

    found: dict[str, list[Any]] = {name: [] for name in _RECORDS}
    for n, line in enumerate(iter_jsonl(path, ExportRecord), 1):
        try:
            found[line.record].append(line.value)
        except (KeyError, IdlibCorpusError):
            raise WireFormatError(
                f"record {n}: 'record' must name a set field ({', '.join(_RECORDS)}), "
                f"got {line.record!r}",
                source=str(path), paths=["$.record"],
            ) from None
    return MergedCorpus(
        actors=tuple(found["actor"]),
        meetings=tuple(found["meeting"]),
        incidents=tuple(found["incident"]),
    )


def export(corpus: Corpus, fmt: str, out: str | Path) -> list[Path]:
    """Export the merged corpus.

    Args:
        corpus: the corpus.
        fmt: ``"jsonl"`` (``out`` is a file), ``"csv"`` or ``"parquet"`` (``out`` is a
            folder, created if needed, that receives one file per table).
        out: where to write.

    Returns:
        The files written.

    Raises:
        IdlibCorpusError: an unknown format, or pyarrow missing for Parquet.
        InputError: the output cannot be written.
    """
    if fmt == "jsonl":
        write_jsonl(corpus, out)
        return [Path(out)]
    if fmt == "csv":
        return write_csv(corpus, out)
    if fmt == "parquet":
        return write_parquet(corpus, out)
    raise IdlibCorpusError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")


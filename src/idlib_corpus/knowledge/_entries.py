"""The typed entries of the knowledge base and the readers of the data files.

Each data file under ``idlib_corpus/data/`` (and each plugin file of the same kind) is
read into these frozen records. Readers raise :class:`~idlib_corpus.errors.InputError`
naming the file and the line or entry that is wrong, never a bare ``KeyError``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from importlib.abc import Traversable
from pathlib import Path
from typing import Any

import attrs

from idlib_corpus.errors import InputError
from idlib_corpus.folding import fold_name
from idlib_corpus.model import ActorKind, PlaceKind

__all__ = [
    "ActorEntry",
    "OfficeEntry",
    "PersonEntry",
    "PlaceEntry",
    "StateEntry",
    "read_actors",
    "read_offices",
    "read_places",
    "read_states",
    "read_vocabulary",
    "slugify",
]

_SLUG_DROP = re.compile(r"[^a-z0-9]+")
_ISO2 = re.compile(r"^[A-Z]{2}$")
_ID = re.compile(r"^[a-z_]+:[A-Za-z0-9._-]+$")

DataFile = Path | Traversable


def slugify(name: str) -> str:
    """The slug used in actor and place ids: folded name, words joined by hyphens.

    Example:
        >>> slugify("Mevlüt Çavuşoğlu")
        'mevlut-cavusoglu'
        >>> "person:" + slugify("Bashar al-Assad")
        'person:bashar-al-assad'
    """
    return _SLUG_DROP.sub("-", fold_name(name)).strip("-") or "x"


@attrs.frozen
class PlaceEntry:
    """A place of the gazetteer (a row of ``places.tsv``).

    Attributes:
        id: gazetteer id, ``place:<iso2>-<slug>`` (``place:<iso2>`` for a country).
        name: canonical English name.
        kind: :class:`~idlib_corpus.model.PlaceKind`.
        country: ISO 3166 alpha-2 code of the country it lies in, if any.
        latitude: WGS84 degrees, if known.
        longitude: WGS84 degrees, if known.
        geonames_id: GeoNames id, if known.
        capital_of: ISO code of the state whose capital it is, or ``None``.
        province: id of the province it lies in (Syrian governorates, Hatay), or ``None``.
        population: GeoNames population, 0 if unknown.
        curated: whether a person chose it and its names (the supplement, a plugin file),
            rather than GeoNames alone; curated names may coincide with actor names
            ("Kremlin" the place and the body).
        names: the canonical and curated spellings.
        alternates: further GeoNames spellings (matched at lower priority).
    """

    id: str
    name: str
    kind: PlaceKind
    country: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geonames_id: int | None = None
    capital_of: str | None = None
    province: str | None = None
    population: int = 0
    curated: bool = True
    names: tuple[str, ...] = ()
    alternates: tuple[str, ...] = ()

    @property
    def variants(self) -> tuple[str, ...]:
        """Every spelling: names first, then alternates."""
        return (*self.names, *self.alternates)


@attrs.frozen
class PersonEntry:
    """A known person (``actors.json``, section ``persons``).

    Attributes:
        id: ``person:<slug of name>``.
        name: full name as usually written in English.
        aliases: other full spellings ("Mevlüt Çavuşoğlu").
        surnames: surname-only forms that refer to this person ("Cavusoglu").
        country: ISO code of the state they serve, ``None`` for international officials.
        office: canonical office title in 2018-2020 ("Foreign Minister").
        gender: ``"m"``, ``"f"`` or ``None``, for pronoun linking.
        organisation: actor id of the organisation they serve, if not a state.
    """

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    surnames: tuple[str, ...] = ()
    country: str | None = None
    office: str | None = None
    gender: str | None = None
    organisation: str | None = None

    @property
    def names(self) -> tuple[str, ...]:
        """The full name and its aliases."""
        return (self.name, *self.aliases)


@attrs.frozen
class ActorEntry:
    """A named group, government body, organisation or outlet (``actors.json``).

    Attributes:
        id: ``<kind>:<slug of name>``, e.g. ``armed_group:hayat-tahrir-al-sham``.
        kind: :class:`~idlib_corpus.model.ActorKind`.
        name: canonical name.
        aliases: other names, abbreviations and spellings.
        case: ``"title"`` (default: capitalised in the text) or ``"any"``.
    """

    id: str
    kind: ActorKind
    name: str
    aliases: tuple[str, ...] = ()
    case: str = "title"

    @property
    def names(self) -> tuple[str, ...]:
        """The name and its aliases."""
        return (self.name, *self.aliases)


@attrs.frozen
class StateEntry:
    """A state (``states.json`` over the country rows of ``places.tsv``).

    Attributes:
        iso2: ISO 3166 alpha-2 code.
        name: usual English name.
        aliases: other names ("Russian Federation", "U.S.").
        demonyms: nationality words ("Turkish", "Turks").
    """

    iso2: str
    name: str
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()


@attrs.frozen
class OfficeEntry:
    """An office title (``offices.json``).

    Attributes:
        title: canonical title, the annotation key ("Deputy Foreign Minister").
        variants: other ways of writing it ("Deputy Minister of Foreign Affairs").
        case: ``"any"`` (default) or ``"title"`` (only capitalised, e.g. "General").
    """

    title: str
    variants: tuple[str, ...] = ()
    case: str = "any"


# --------------------------------------------------------------------------- readers


def _name(path: DataFile) -> str:
    return str(path)


def _read_text(path: DataFile) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(_name(path), "knowledge file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(_name(path), f"cannot read knowledge file: {exc}") from None


def _read_json(path: DataFile) -> Mapping[str, Any]:
    try:
        data = json.loads(_read_text(path))
    except json.JSONDecodeError as exc:
        raise InputError(_name(path), f"not valid JSON: {exc}") from None
    if not isinstance(data, dict):
        raise InputError(_name(path), "expected a JSON object at the top level")
    return data


def _strings(path: DataFile, where: str, value: object) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise InputError(_name(path), f"{where}: expected a list of non-empty strings")
    return tuple(v.strip() for v in value)


def _opt_str(path: DataFile, where: str, value: object) -> str | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise InputError(_name(path), f"{where}: expected a string, got {value!r}")
    return value


def _iso(path: DataFile, where: str, value: object) -> str | None:
    code = _opt_str(path, where, value)
    if code is not None and not _ISO2.match(code):
        raise InputError(_name(path), f"{where}: expected an ISO 3166 alpha-2 code, got {code!r}")
    return code


def _entries(path: DataFile, data: Mapping[str, Any], section: str) -> Iterator[
    tuple[str, Mapping[str, Any]]
]:
    items = data.get(section, [])
    if not isinstance(items, list):
        raise InputError(_name(path), f"'{section}' must be a list")
    for i, item in enumerate(items):
        where = f"{section}[{i}]"
        if not isinstance(item, dict):
            raise InputError(_name(path), f"{where}: expected an object")
        name = item.get("name", item.get("title"))
        if not isinstance(name, str) or not name.strip():
            raise InputError(_name(path), f"{where}: needs a non-empty 'name'")
        yield f"{where} ({name})", item


_ACTOR_SECTIONS: tuple[tuple[str, ActorKind], ...] = (
    ("groups", ActorKind.ARMED_GROUP),
    ("government_bodies", ActorKind.GOVERNMENT_BODY),
    ("organisations", ActorKind.INTERNATIONAL_ORGANISATION),
    ("media", ActorKind.MEDIA),
)
_KNOWN_ACTOR_KEYS = {"_about", "persons", *(s for s, _ in _ACTOR_SECTIONS)}


def _actor_id(path: DataFile, where: str, item: Mapping[str, Any], prefix: str) -> str:
    given = _opt_str(path, where + ".id", item.get("id"))
    ident = given or f"{prefix}:{slugify(item['name'])}"
    if not _ID.match(ident):
        raise InputError(_name(path), f"{where}: bad id {ident!r} (expected 'kind:slug')")
    return ident


def _case(path: DataFile, where: str, value: object, default: str) -> str:
    if value is None:
        return default
    if value not in ("any", "title"):
        raise InputError(_name(path), f"{where}: 'case' must be 'any' or 'title'")
    return str(value)


def read_actors(path: DataFile) -> tuple[list[PersonEntry], list[ActorEntry]]:
    """Read an ``actors*.json`` file: persons, groups, bodies, organisations, media."""
    data = _read_json(path)
    unknown = set(data) - _KNOWN_ACTOR_KEYS
    if unknown:
        raise InputError(_name(path), f"unknown sections {sorted(unknown)}; expected "
                         f"{sorted(_KNOWN_ACTOR_KEYS - {'_about'})}")
    persons: list[PersonEntry] = []
    for where, item in _entries(path, data, "persons"):
        gender = _opt_str(path, where + ".gender", item.get("gender"))
        if gender not in (None, "m", "f"):
            raise InputError(_name(path), f"{where}: gender must be 'm', 'f' or null")
        persons.append(PersonEntry(
            id=_actor_id(path, where, item, "person"),
            name=item["name"].strip(),
            aliases=_strings(path, where + ".aliases", item.get("aliases")),
            surnames=_strings(path, where + ".surnames", item.get("surnames")),
            country=_iso(path, where + ".country", item.get("country")),
            office=_opt_str(path, where + ".office", item.get("office")),
            gender=gender,
            organisation=_opt_str(path, where + ".organisation", item.get("organisation")),
        ))
    actors: list[ActorEntry] = []
    for section, kind in _ACTOR_SECTIONS:
        for where, item in _entries(path, data, section):
            k = kind
            if item.get("kind") is not None:
                try:
                    k = ActorKind(item["kind"])
                except ValueError:
                    raise InputError(
                        _name(path), f"{where}: unknown kind {item['kind']!r}"
                    ) from None
            actors.append(ActorEntry(
                id=_actor_id(path, where, item, k.value),
                kind=k,
                name=item["name"].strip(),
                aliases=_strings(path, where + ".aliases", item.get("aliases")),
                case=_case(path, where, item.get("case"), "title"),
            ))
    return persons, actors


def read_states(path: DataFile) -> list[StateEntry]:
    """Read a ``states*.json`` file."""
    data = _read_json(path)
    out: list[StateEntry] = []
    items = data.get("states")
    if not isinstance(items, list):
        raise InputError(_name(path), "expected a 'states' list")
    for i, item in enumerate(items):
        where = f"states[{i}]"
        if not isinstance(item, dict):
            raise InputError(_name(path), f"{where}: expected an object")
        iso = _iso(path, where + ".iso2", item.get("iso2"))
        if iso is None:
            raise InputError(_name(path), f"{where}: needs an 'iso2' code")
        out.append(StateEntry(
            iso2=iso,
            name=_opt_str(path, where + ".name", item.get("name")) or iso,
            aliases=_strings(path, where + ".aliases", item.get("aliases")),
            demonyms=_strings(path, where + ".demonyms", item.get("demonyms")),
        ))
    return out


def read_offices(path: DataFile) -> list[OfficeEntry]:
    """Read an ``offices*.json`` file."""
    data = _read_json(path)
    out: list[OfficeEntry] = []
    items = data.get("offices")
    if not isinstance(items, list):
        raise InputError(_name(path), "expected an 'offices' list")
    for i, item in enumerate(items):
        where = f"offices[{i}]"
        if not isinstance(item, dict) or not isinstance(item.get("title"), str):
            raise InputError(_name(path), f"{where}: expected an object with a 'title'")
        out.append(OfficeEntry(
            title=item["title"].strip(),
            variants=_strings(path, where + ".variants", item.get("variants")),
            case=_case(path, where, item.get("case"), "any"),
        ))
    return out


def read_vocabulary(path: DataFile) -> tuple[dict[str, str], tuple[str, ...]]:
    """Read a ``vocabulary*.json`` file: pronouns with their gender, and honorifics.

    ``{"pronouns": {"he": "m", ...}, "honorifics": ["Mr", "Dr", ...]}``; both optional.
    """
    data = _read_json(path)
    pronouns = data.get("pronouns", {})
    if not isinstance(pronouns, dict) or not all(
        isinstance(k, str) and v in ("m", "f") for k, v in pronouns.items()
    ):
        raise InputError(_name(path), "'pronouns' must map words to 'm' or 'f'")
    honorifics = _strings(path, "honorifics", data.get("honorifics"))
    return {k.strip().lower(): str(v) for k, v in pronouns.items()}, honorifics


PLACE_COLUMNS = ("id", "name", "kind", "country", "latitude", "longitude", "geonames_id",
                 "capital_of", "province", "population", "curated", "names", "alternates")
_REQUIRED_PLACE_COLUMNS = ("id", "name", "kind")


def read_places(path: DataFile) -> list[PlaceEntry]:
    """Read a ``places*.tsv`` file (see docs/knowledge.md for the columns).

    Lines starting with ``#`` are comments; the first other line is the header. Only
    ``id``, ``name`` and ``kind`` are required; a plugin file may give fewer columns.
    """
    header: list[str] | None = None
    out: list[PlaceEntry] = []
    for lineno, line in enumerate(_read_text(path).splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = [c.strip() for c in cells]
            missing = [c for c in _REQUIRED_PLACE_COLUMNS if c not in header]
            unknown = [c for c in header if c not in PLACE_COLUMNS]
            if missing or unknown:
                raise InputError(_name(path), f"line {lineno}: header must name the columns "
                                 f"{PLACE_COLUMNS} (missing {missing}, unknown {unknown})")
            continue
        if len(cells) != len(header):
            raise InputError(_name(path), f"line {lineno}: expected {len(header)} "
                             f"tab-separated columns, got {len(cells)}")
        row = dict(zip(header, (c.strip() for c in cells), strict=True))
        out.append(_place_row(path, lineno, row))
    return out


def _place_row(path: DataFile, lineno: int, row: Mapping[str, str]) -> PlaceEntry:
    where = f"line {lineno}"

    def bad(message: str) -> InputError:
        return InputError(_name(path), f"{where}: {message}")

    ident = row["id"]
    if not _ID.match(ident):
        raise bad(f"bad place id {ident!r} (expected 'place:slug')")
    if not row["name"]:
        raise bad("empty name")
    try:
        kind = PlaceKind(row["kind"])
    except ValueError:
        raise bad(f"unknown kind {row['kind']!r}; one of "
                  f"{[k.value for k in PlaceKind]}") from None
    country = row.get("country") or None
    capital_of = row.get("capital_of") or None
    for label, code in (("country", country), ("capital_of", capital_of)):
        if code is not None and not _ISO2.match(code):
            raise bad(f"{label} must be an ISO 3166 alpha-2 code, got {code!r}")
    try:
        lat = float(row["latitude"]) if row.get("latitude") else None
        lon = float(row["longitude"]) if row.get("longitude") else None
        gid = int(row["geonames_id"]) if row.get("geonames_id") else None
        population = int(row["population"]) if row.get("population") else 0
    except ValueError as exc:
        raise bad(f"bad number: {exc}") from None
    if lat is not None and not -90.0 <= lat <= 90.0:
        raise bad(f"latitude {lat} outside [-90, 90]")
    if lon is not None and not -180.0 <= lon <= 180.0:
        raise bad(f"longitude {lon} outside [-180, 180]")
    listed = (n for n in (row.get("names") or "").split("|") if n.strip())
    # The canonical name always comes first, wherever the file lists it.
    names = (row["name"], *(n for n in listed if n != row["name"]))
    alternates = tuple(n for n in (row.get("alternates") or "").split("|") if n.strip())
    curated = row.get("curated", "1")
    if curated not in ("", "0", "1"):
        raise bad(f"curated must be 1, 0 or empty, got {curated!r}")
    province = row.get("province") or None
    if province is not None and not _ID.match(province):
        raise bad(f"province must be a place id, got {province!r}")
    return PlaceEntry(ident, row["name"], kind, country, lat, lon, gid, capital_of,
                      province, population, curated == "1", names, alternates)

"""The knowledge base: places, known actors, offices, nationality words, as data.

:func:`load_knowledge` builds one :class:`KnowledgeBase` from the data files under
``idlib_corpus/data/`` (``places.tsv``, ``states.json``, ``actors.json``,
``offices.json``, ``vocabulary.json``) plus files that plugins contribute through the
``idlib_knowledge_files`` hook; docs/knowledge.md describes each format. Nothing is read
at import time: the files are parsed on first use, and the scanner (one automaton over
every name, see :mod:`idlib_corpus.knowledge._scanner`) is compiled on the first scan.
Both are cached: :func:`default_knowledge` returns the same object every time.

Example:
    >>> kb = default_knowledge()
    >>> kb.state_name("TR")
    'Turkey'
    >>> kb.same_place("Saraqib", "Saraqeb")
    True
"""

from __future__ import annotations

import functools
import json
import re
import threading
from collections.abc import Callable, Iterable, Sequence
from importlib.abc import Traversable
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING

from idlib_corpus import _trusted
from idlib_corpus.document import Annotation
from idlib_corpus.errors import InputError
from idlib_corpus.folding import fold_name
from idlib_corpus.knowledge._entries import (
    ActorEntry,
    OfficeEntry,
    PersonEntry,
    PlaceEntry,
    StateEntry,
    read_actors,
    read_offices,
    read_places,
    read_states,
    read_vocabulary,
    slugify,
)
from idlib_corpus.knowledge._scanner import Candidate, Match, Scanner, _WordHit, case_rule
from idlib_corpus.model import ActorKind, Place, PlaceKind, Span

if TYPE_CHECKING:
    from idlib_corpus.document import AnnotationLabel, Document

__all__ = [
    "ActorEntry",
    "KnowledgeBase",
    "Match",
    "OfficeEntry",
    "PersonEntry",
    "PlaceEntry",
    "StateEntry",
    "default_knowledge",
    "load_knowledge",
    "slugify",
]

DataFile = Path | Traversable

#: The kinds of knowledge file this package reads, by file-name prefix.
KINDS = ("places", "states", "actors", "offices", "vocabulary")

_LABEL_OF_KIND = {
    ActorKind.ARMED_GROUP: "group",
    ActorKind.GOVERNMENT_BODY: "government_body",
    ActorKind.INTERNATIONAL_ORGANISATION: "organisation",
    ActorKind.MEDIA: "media",
    ActorKind.PERSON: "person",
}
# Among places sharing a name, which kind a bare name means first ("Idlib": the city).
_KIND_ORDER = {
    PlaceKind.COUNTRY: 0, PlaceKind.CITY: 1, PlaceKind.TOWN: 2, PlaceKind.PROVINCE: 3,
    PlaceKind.MILITARY_BASE: 4, PlaceKind.REGION: 5, PlaceKind.OTHER: 6,
}
# Rank groups (lower wins within a label; see _forms).
(_R_ACTOR, _R_OFFICE, _R_DEMONYM, _R_STATE, _R_CURATED_PLACE, _R_PLACE, _R_ALTERNATE,
 _R_PRONOUN) = range(8)


def _data_dir() -> Traversable:
    return files("idlib_corpus") / "data"


def _kind_of(path: DataFile) -> str:
    name = path.name.lower()
    for kind in KINDS:
        if name.startswith(kind):
            return kind
    stem = name.split(".", 1)[0]
    for sep in ("_", "-"):
        stem = stem.split(sep, 1)[0]
    return stem


def _plural(title: str) -> str:
    """'Deputy Foreign Minister' -> 'Deputy Foreign Ministers'; 'Chief of Staff' -> 'Chiefs
    of Staff' (the head noun is the word before 'of'/'on'/'for'/'to')."""
    words = title.split(" ")
    head = len(words) - 1
    for i, w in enumerate(words):
        if i > 0 and w.lower() in ("of", "on", "for", "to"):
            head = i - 1
            break
    w = words[head]
    low = w.lower()
    if low.endswith("man"):
        p = w[:-3] + "men"
    elif low.endswith("person"):
        p = w[:-6] + "people"
    elif low.endswith(("s", "sh", "ch", "x")):
        p = w + "es"
    elif low.endswith("y") and len(low) > 1 and low[-2] not in "aeiou":
        p = w[:-1] + "ies"
    else:
        p = w + "s"  # "MPs", not "MPS"
    return " ".join([*words[:head], p, *words[head + 1:]])


class KnowledgeBase:
    """Everything the extractors know before reading an article.

    Built from the package's data files and ``extra_files`` (plugins' files, read after
    the built-in ones: entries with the same id replace built-in ones; a state's aliases
    and nationality words are added to). Prefer :func:`load_knowledge`, which caches.

    Args:
        extra_files: data files to layer over the built-in ones; the kind of each is
            told by its name (``places*.tsv``, ``actors*.json``, ``states*.json``,
            ``offices*.json``, ``vocabulary*.json``, or another built-in file's name
            such as ``triggers*.json``, kept for the extractor that reads it).

    Raises:
        InputError: a file is missing, malformed, or of an unknown kind (the message
            names the file and the line or entry).

    Example:
        >>> kb = KnowledgeBase()
        >>> kb.person("person:mevlut-cavusoglu").country
        'TR'
        >>> for m in kb.scan("Erdogan met Putin in Sochi."):
        ...     print(m.start, m.end, m.hits[0])
        0 7 ('person', 'person:recep-tayyip-erdogan')
        12 17 ('person', 'person:vladimir-putin')
        21 26 ('place', 'place:ru-sochi')
    """

    def __init__(self, extra_files: Sequence[DataFile] = ()) -> None:
        self.extra_files = tuple(extra_files)
        self.places: dict[str, PlaceEntry] = {}
        self.persons: dict[str, PersonEntry] = {}
        self.actors: dict[str, ActorEntry] = {}
        self.states: dict[str, StateEntry] = {}
        self.offices: dict[str, OfficeEntry] = {}
        self.pronouns: dict[str, str] = {}
        self.honorifics: set[str] = set()
        self._other: dict[str, list[DataFile]] = {}
        self._scanner: Scanner | None = None
        self._capital_ids: dict[str, str] | None = None
        # Per words matched, their annotation labels (see annotate); per person, the
        # folded surnames, and per (person, words) the answer (see is_surname). Bounded.
        self._labelled: dict[str, _Labelled] = {}
        self._surnames: dict[str, frozenset[str]] = {}
        self._is_surname: dict[tuple[str, str], bool] = {}
        self._lock = threading.Lock()
        data = _data_dir()
        builtin = {
            "places": data / "places.tsv",
            "states": data / "states.json",
            "actors": data / "actors.json",
            "offices": data / "offices.json",
            "vocabulary": data / "vocabulary.json",
        }
        for kind, path in builtin.items():
            self._load(kind, path)
        known_other = {_kind_of(p) for p in data.iterdir() if p.is_file()} - set(KINDS)
        for path in self.extra_files:
            kind = _kind_of(path)
            if kind in KINDS:
                self._load(kind, path)
            elif kind in known_other:
                self._other.setdefault(kind, []).append(path)
            else:
                raise InputError(str(path), f"unknown kind of knowledge file {kind!r}: name it "
                                 f"after one of {sorted(set(KINDS) | known_other)}")
        self._complete_states()

    def __reduce__(self) -> tuple[object, ...]:
        # Sent to a worker process as its file list: the worker loads (or reuses) its own
        # cached copy instead of unpickling tables and a compiled scanner.
        return (load_knowledge, (self.extra_files,))

    # ------------------------------------------------------------------ loading

    def _load(self, kind: str, path: DataFile) -> None:
        if kind == "places":
            for p in read_places(path):
                self.places[p.id] = p
        elif kind == "states":
            for s in read_states(path):
                old = self.states.get(s.iso2)
                if old is not None:
                    s = StateEntry(
                        s.iso2, s.name if s.name != s.iso2 else old.name,
                        tuple(dict.fromkeys((*old.aliases, *s.aliases))),
                        tuple(dict.fromkeys((*old.demonyms, *s.demonyms))),
                    )
                self.states[s.iso2] = s
        elif kind == "actors":
            persons, actors = read_actors(path)
            for person in persons:
                self.persons[person.id] = person
            for actor in actors:
                self.actors[actor.id] = actor
        elif kind == "offices":
            for o in read_offices(path):
                self.offices[o.title] = o
        elif kind == "vocabulary":
            pronouns, honorifics = read_vocabulary(path)
            self.pronouns.update(pronouns)
            self.honorifics.update(fold_name(h) for h in honorifics)

    def _complete_states(self) -> None:
        """Every country row of the gazetteer is a state, even without a states.json entry."""
        for p in self.places.values():
            if p.kind is PlaceKind.COUNTRY and p.country and p.country not in self.states:
                self.states[p.country] = StateEntry(p.country, p.name)

    def files(self, kind: str) -> tuple[DataFile, ...]:
        """Plugin files of a kind this package does not read itself (e.g. ``"triggers"``).

        Example:
            >>> default_knowledge().files("triggers")
            ()
        """
        return tuple(self._other.get(kind, ()))

    # ------------------------------------------------------------------ scanner

    @property
    def scanner(self) -> Scanner:
        """The one automaton over every name (compiled on first use, then reused)."""
        if self._scanner is None:
            with self._lock:
                if self._scanner is None:
                    self._scanner = Scanner(self._forms())
        return self._scanner

    def _forms(self) -> Iterable[tuple[str, Candidate]]:
        def cand(label: str, key: str, form: str, rank: tuple[int, ...],
                 any_case: bool = False) -> tuple[str, Candidate]:
            rule = case_rule(form)
            if any_case and rule == "title":
                rule = "any"
            upper = next((c for c in form if c.isalpha()), "a").isupper()
            return form, Candidate(label, key, rule, upper, rank)

        out: list[tuple[str, Candidate]] = []
        for person in self.persons.values():
            out.extend(cand("person", person.id, n, (_R_ACTOR, 0)) for n in person.names)
            out.extend(cand("person", person.id, n, (_R_ACTOR, 1)) for n in person.surnames)
        for actor in self.actors.values():
            label = _LABEL_OF_KIND[actor.kind]
            out.extend(cand(label, actor.id, n, (_R_ACTOR, 0), actor.case == "any")
                       for n in actor.names)
        for office in self.offices.values():
            for form in (office.title, *office.variants):
                for f in (form, _plural(form)):
                    out.append(cand("office", office.title, f, (_R_OFFICE,),
                                    office.case == "any"))
        for state in self.states.values():
            out.extend(cand("nationality", state.iso2, d, (_R_DEMONYM,)) for d in state.demonyms)
            country_place = f"place:{state.iso2.lower()}"
            for n in (state.name, *state.aliases):
                out.append(cand("state", state.iso2, n, (_R_STATE,)))
                if country_place in self.places:
                    out.append(cand("place", country_place, n, (_R_STATE,)))
        for p in self.places.values():
            order = (_KIND_ORDER[p.kind], -p.population)
            base = _R_CURATED_PLACE if p.curated else _R_PLACE
            for n in p.names:
                if p.kind is PlaceKind.COUNTRY and p.country:
                    out.append(cand("state", p.country, n, (_R_STATE,)))
                    out.append(cand("place", p.id, n, (_R_STATE,)))
                    continue
                out.append(cand("place", p.id, n, (base, *order)))
                if p.capital_of:
                    out.append(cand("capital", p.capital_of, n, (base, *order)))
            for n in p.alternates:
                out.append(cand("place", p.id, n, (_R_ALTERNATE, *order)))
                if p.capital_of:
                    out.append(cand("capital", p.capital_of, n, (_R_ALTERNATE, *order)))
        out.extend(cand("pronoun", g, w, (_R_PRONOUN,), True) for w, g in self.pronouns.items())
        return _suppress_places_under_names(out)

    def scan(self, text: str, folded: str | None = None) -> list[Match]:
        """Every known name in ``text``: spans with their (label, key) pairs.

        Args:
            text: the original text (case rules are checked on it).
            folded: ``fold_char_preserving(text)`` if already computed.
        """
        return self.scanner.scan(text, folded)

    def annotate(self, doc: Document, source: str | None = None) -> list[Annotation]:
        """The annotations of the built-in ``idlib_corpus.knowledge`` plugin for ``doc``.

        See docs/knowledge.md for the labels and keys emitted; ``source`` goes into each.
        """
        # Annotation(span, label, words, key, None, source) and Span(start, end), built
        # from their slots (see idlib_corpus._trusted), inline: about a hundred an article,
        # valid by construction (the scanner's offsets, enum labels, str words and keys).
        setters = _trusted.ANNOTATION_SETTERS
        span_setters = _trusted.SPAN_SETTERS
        if setters is None or span_setters is None:
            return self._annotate_checked(doc, source)
        text = doc.text
        n = len(text)
        out: list[Annotation] = []
        scanner = self.scanner
        # One pass over the scanner's raw matches: the words' labels come from one memo
        # keyed by the words (the scanner's hits depend on the words alone: so do their
        # labels), and only words not seen yet, or that stand for nothing as a whole
        # (case rules, shorter forms), go through the scanner's own resolution.
        scanned, fast, matches = scanner.raw_matches(text, doc.folded)
        labelled = self._labelled
        set_span, set_label, set_text, set_key, set_value, set_source = setters
        set_start, set_end = span_setters
        new = object.__new__
        append = out.append
        # Person annotations on a surname alone, which may belong to another person's
        # name: decided once every match is known (see _other_persons_name), by their
        # index in out. (The memo marks the parts of such words: others never are.)
        persons: list[tuple[int, int, int, str]] = []
        rest: list[_WordHit] = []
        for m in matches:
            start, end = m.span(1)
            words = text[start:end]
            entry = labelled.get(words)
            if entry is None:
                # Words not seen yet, or that stand for nothing as a whole (a shorter form
                # or words inside may): the scanner's resolution, each hit's labels
                # memoised by its words.
                rest = scanner.resolve_match(text, scanned, start, end, fast)
                if not rest:
                    if len(labelled) < _MEMO_SIZE:
                        labelled[words] = _NOTHING
                    continue
                start, end, words, hits = rest.pop(0)
                entry = _labelled_memo(labelled, words, hits, self.is_surname)
            elif entry is _NOTHING:
                continue
            while True:
                parts, has_state = entry
                if has_state:
                    # "Russia-backed", "Turkey-based", "U.S.-led": a state name as a
                    # modifier.
                    j = end + 1 if end < n and text[end] == "." else end
                    if j + 1 < n and text[j] == "-" and text[j + 1].islower():
                        parts = _as_modifier(parts)
                span = new(Span)
                set_start(span, start)
                set_end(span, end)
                for label, key, person in parts:
                    if person:
                        persons.append((len(out), start, end, key))
                    a = new(Annotation)
                    set_span(a, span)
                    set_label(a, label)
                    set_text(a, words)
                    set_key(a, key)
                    set_value(a, None)
                    set_source(a, source)
                    append(a)
                if not rest:
                    break
                start, end, words, hits = rest.pop(0)
                entry = _labelled_memo(labelled, words, hits, self.is_surname)
        if persons:
            starts = {a.span.start for a in out}
            ends = {a.span.end for a in out}
            drop = {i for i, start, end, key in persons
                    if self._other_persons_name(text, start, end, key, starts, ends)}
            if drop:
                out = [a for i, a in enumerate(out) if i not in drop]
        return out

    def _annotate_checked(self, doc: Document, source: str | None) -> list[Annotation]:
        """:meth:`annotate` through the checked constructors (should the model's fields
        ever stop matching ``idlib_corpus._trusted``'s setters)."""
        text = doc.text
        n = len(text)
        out: list[Annotation] = []
        matches = self.scanner.scan_words(text, doc.folded)
        starts = {m[0] for m in matches}
        ends = {m[1] for m in matches}
        for start, end, words, hits in matches:
            parts, has_state = _labelled(hits)
            j = end + 1 if end < n and text[end] == "." else end
            if has_state and j + 1 < n and text[j] == "-" and text[j + 1].islower():
                parts = _labelled(tuple(("nationality", k) if lab == "state" else (lab, k)
                                        for lab, k in hits if lab != "place"))[0]
            for label, key, person in parts:
                if person and self._other_persons_name(text, start, end, key, starts, ends):
                    continue
                out.append(Annotation(Span(start, end), label, words, key, None, source))
        return out

    def _other_persons_name(
        self, text: str, m_start: int, m_end: int, key: str, starts: set[int], ends: set[int]
    ) -> bool:
        """Whether a known person's surname, alone, is here part of another person's name:
        "Jeffrey Feltman" (not James Jeffrey), "Mehmet Önal" (not Sedat Önal).

        The sign is an unknown capitalised word right before or after it, unless that
        word is an honorific ("Mr"), the first word of a sentence, or the line is a
        Title Case headline.
        """
        if not self.is_surname(key, text[m_start:m_end]):
            return False
        after = _NEXT_WORD.match(text, m_end)
        if (after is not None and after.group(1)[0].isupper() and after.start(1) not in starts
                and not _title_case_line(text, m_start, m_end)):
            return True
        window = max(0, m_start - 80)
        # The word can hold no space: the search starts after the last one before the
        # space it must end at (m_start - 1, or m_start - 2 where "$" matches before a
        # final newline); a search from the window's start would try every offset of
        # every word in it, for the same leftmost match.
        before = _PREV_WORD.search(
            text, max(window, text.rfind(" ", window, max(window, m_start - 2)) + 1), m_start)
        if before is None or before.end(1) in ends or not before.group(1)[0].isupper():
            return False
        word = fold_name(before.group(1))
        if word in self.honorifics or word in _calendar_words() or (
                before.group(1).endswith(".") and len(word) > 1):
            # "Mr Putin"; "On Monday Putin met ..." (a day or month is no first name);
            # "... in Sochi on Tuesday. Putin said" (a word and a full stop end a sentence;
            # an initial, "W.", is one letter)
            return False
        if _title_case_line(text, m_start, m_end):
            return False
        lead = text[window:before.start(1)].rstrip(" \t")
        sentence_start = (not lead and window == 0) or (
            bool(lead) and lead[-1] in "\n.!?:;\"“”«»'‘’(—–-")
        return not sentence_start

    # ------------------------------------------------------------------ places

    def places_named(self, name: str) -> tuple[str, ...]:
        """Ids of the places ``name`` may denote, most likely first.

        Example:
            >>> default_knowledge().places_named("Saraqeb")
            ('place:sy-saraqib',)
        """
        return tuple(dict.fromkeys(c.key for c in self.scanner.lookup(name)
                                   if c.label == "place"))

    def place(self, key: str, *, text: str = "", span: Span | None = None) -> Place:
        """The :class:`~idlib_corpus.model.Place` of a gazetteer id (or an ISO code).

        Args:
            key: a PLACE annotation key (``place:sy-saraqib``) or an ISO code (the key of a
                STATE or CAPITAL annotation: with ``text`` naming a place of that state,
                that place; otherwise the country).
            text: the words in the article.
            span: where they are.

        Raises:
            KeyError: the gazetteer has no such place.

        Example:
            >>> p = default_knowledge().place("place:sy-saraqib", text="Saraqeb")
            >>> (p.name, p.kind.value, p.country, p.geonames_id)
            ('Saraqib', 'town', 'SY', 164816)
        """
        entry = self.places.get(key)
        if entry is None and len(key) == 2 and key.isupper():
            # A STATE, CAPITAL or NATIONALITY key: the place the words name in that state
            # ("Ankara" for a CAPITAL annotation keyed TR), else the country itself.
            named = [self.places[p] for p in self.places_named(text)] if text else []
            entry = next((e for e in named if e.country == key), None)
            entry = entry or self.places.get(f"place:{key.lower()}")
            if entry is None and key in self.states:
                return Place(name=self.states[key].name, kind=PlaceKind.COUNTRY, country=key,
                             text=text, span=span)
        if entry is None:
            raise KeyError(f"no place {key!r} in the gazetteer")
        name = entry.name
        if entry.kind is PlaceKind.COUNTRY and entry.country in self.states:
            name = self.states[entry.country].name
        return Place(
            name=name, kind=entry.kind, country=entry.country, latitude=entry.latitude,
            longitude=entry.longitude, geonames_id=entry.geonames_id, text=text, span=span,
        )

    def province_of(self, place_id: str) -> str | None:
        """The id of the province a place lies in (Syria's governorates, Hatay), or ``None``.

        Example:
            >>> kb = default_knowledge()
            >>> kb.places[kb.province_of("place:sy-saraqib") or ""].name
            'Idlib'
        """
        entry = self.places.get(place_id)
        return entry.province if entry is not None else None

    def capital(self, iso2: str) -> str | None:
        """The gazetteer id of a state's capital ("the Kazakh capital"), or ``None``.

        Example:
            >>> default_knowledge().capital("KZ")
            'place:kz-astana'
        """
        return self._capitals().get(iso2)

    def _capitals(self) -> dict[str, str]:
        if self._capital_ids is None:
            ranked = sorted((p for p in self.places.values() if p.capital_of),
                            key=lambda p: (not p.curated, -p.population, p.id))
            found: dict[str, str] = {}
            for p in ranked:
                found.setdefault(p.capital_of or "", p.id)
            self._capital_ids = found
        return self._capital_ids

    def place_variants(self, name: str) -> frozenset[str]:
        """All folded spellings (GOLD.md folding) of the place(s) ``name`` denotes.

        Example:
            >>> "saraqeb" in default_knowledge().place_variants("Saraqib")
            True
        """
        out = {fold_name(name)}
        for pid in self.places_named(name):
            entry = self.places[pid]
            out.update(fold_name(v) for v in entry.variants)
            if entry.kind is PlaceKind.COUNTRY and entry.country in self.states:
                state = self.states[entry.country]
                out.update(fold_name(v) for v in (state.name, *state.aliases))
        return frozenset(o for o in out if o)

    def same_place(self, a: str, b: str) -> bool:
        """Whether two names are equal after folding or known spellings of one place.

        Example:
            >>> kb = default_knowledge()
            >>> kb.same_place("Maarat al-Numan", "Maarrat al-Nu'man")
            True
            >>> kb.same_place("Idlib", "Aleppo")
            False
        """
        if fold_name(a) == fold_name(b):
            return True
        return bool(set(self.places_named(a)) & set(self.places_named(b)))

    # ------------------------------------------------------------------ actors

    def person(self, actor_id: str) -> PersonEntry | None:
        """The known person with this id, or ``None``.

        Example:
            >>> default_knowledge().person("person:alexander-lavrentyev").office
            'Special Presidential Representative on Syria'
        """
        return self.persons.get(actor_id)

    def actor(self, actor_id: str) -> PersonEntry | ActorEntry | None:
        """The known person, group, body, organisation or outlet with this id."""
        return self.persons.get(actor_id) or self.actors.get(actor_id)

    def is_surname(self, actor_id: str, text: str) -> bool:
        """Whether ``text`` is one of the known person's surname-only forms.

        Example:
            >>> default_knowledge().is_surname("person:mevlut-cavusoglu", "Çavuşoğlu")
            True
        """
        known = self._is_surname.get((actor_id, text))
        if known is None:
            surnames = self._surnames.get(actor_id)
            if surnames is None:
                person = self.persons.get(actor_id)
                if person is None:
                    return False
                surnames = frozenset(fold_name(s) for s in person.surnames)
                self._surnames[actor_id] = surnames
            known = fold_name(text) in surnames
            if len(self._is_surname) < _MEMO_SIZE:
                self._is_surname[(actor_id, text)] = known
        return known

    def state_name(self, iso2: str) -> str | None:
        """The usual English name of a state, or ``None`` if unknown.

        Example:
            >>> default_knowledge().state_name("RU")
            'Russia'
        """
        state = self.states.get(iso2)
        return state.name if state is not None else None

    @property
    def demonyms(self) -> frozenset[str]:
        """Folded nationality words of every state ("turkish", "turks", "russian", ...)."""
        return frozenset(fold_name(d) for s in self.states.values() for d in s.demonyms)

    def demonym_state(self, word: str) -> str | None:
        """The ISO code a nationality word belongs to ("Turkish" -> "TR"), or ``None``."""
        for c in self.scanner.lookup(word):
            if c.label == "nationality":
                return c.key
        return None

    def office(self, text: str) -> str | None:
        """The canonical office title of ``text`` (any case, plural or not), or ``None``.

        Example:
            >>> default_knowledge().office("deputy foreign ministers")
            'Deputy Foreign Minister'
        """
        for c in self.scanner.lookup(text):
            if c.label == "office":
                return c.key
        return None


_Labelled = tuple[tuple[tuple["AnnotationLabel", str, bool], ...], bool]
_MEMO_SIZE = 200_000  # a cache, not a leak


def _labelled(hits: tuple[tuple[str, str], ...], words: str | None = None,
              is_surname: Callable[[str, str], bool] | None = None) -> _Labelled:
    """A scanner hit's (label, key) pairs as (AnnotationLabel, key, is a person), and
    whether one of them is a state (which a hyphen after it makes a nationality).

    Given the hit's ``words`` and ``is_surname``, "is a person" is narrowed to "is a
    person named here by a surname alone" (which :meth:`KnowledgeBase._other_persons_name`
    asks first: for other words it answers no).
    """
    from idlib_corpus.document import AnnotationLabel

    def flagged(label: str, key: str) -> bool:
        if label != "person":
            return False
        return words is None or is_surname is None or is_surname(key, words)

    return (tuple((AnnotationLabel(label), key, flagged(label, key)) for label, key in hits),
            any(label == "state" for label, _ in hits))


#: The memo entry of words that stand for nothing, as a whole or in part.
_NOTHING: _Labelled = ((), False)


def _labelled_memo(memo: dict[str, _Labelled], words: str,
                   hits: tuple[tuple[str, str], ...],
                   is_surname: Callable[[str, str], bool]) -> _Labelled:
    """``_labelled(hits, words, is_surname)`` for a scanner hit on ``words``, memoised by
    the words (the hits, and whether they are surnames, depend on the words alone)."""
    entry = memo.get(words)
    if entry is None:
        entry = _labelled(hits, words, is_surname)
        if len(memo) < _MEMO_SIZE:
            memo[words] = entry
    return entry


def _as_modifier(parts: tuple[tuple[AnnotationLabel, str, bool], ...]
                 ) -> tuple[tuple[AnnotationLabel, str, bool], ...]:
    """The parts of a state name used as a modifier ("Russia-backed"): a nationality, not
    a state, and no place (memoised: the same few parts recur)."""
    got = _MODIFIERS.get(parts)
    if got is None:
        from idlib_corpus.document import AnnotationLabel

        state, place = AnnotationLabel.STATE, AnnotationLabel.PLACE
        got = tuple((AnnotationLabel.NATIONALITY, key, person) if label is state
                    else (label, key, person)
                    for label, key, person in parts if label is not place)
        if len(_MODIFIERS) < _MEMO_SIZE:
            _MODIFIERS[parts] = got
    return got


_MODIFIERS: dict[tuple[tuple[AnnotationLabel, str, bool], ...],
                 tuple[tuple[AnnotationLabel, str, bool], ...]] = {}



@functools.cache
def _calendar_words() -> frozenset[str]:
    """The names of months and weekdays, folded (``data/time_words.json``)."""
    data = json.loads((files("idlib_corpus") / "data" / "time_words.json").read_text("utf-8"))
    return frozenset(fold_name(w) for w in (*data["months"], *data["weekdays"]))


_NEXT_WORD = re.compile(r" (\w[\w'’-]*)")
_PREV_WORD = re.compile(r"(\w[\w'’.-]*) $")


def _title_case_line(text: str, m_start: int, m_end: int) -> bool:
    """Whether the line holding ``text[m_start:m_end]`` is a headline in Title Case
    ("Erdogan Says ...")."""
    start = text.rfind("\n", 0, m_start) + 1
    end = text.find("\n", m_end)
    words = [w for w in text[start:end if end >= 0 else len(text)].split() if w[:1].isalpha()]
    if len(words) < 4:
        return False
    caps = sum(1 for w in words if w[0].isupper())
    return caps >= 0.7 * len(words)


def _suppress_places_under_names(
    forms: list[tuple[str, Candidate]],
) -> list[tuple[str, Candidate]]:
    """A form that names a known actor, office or nationality is not also a place.

    ("Fidan" the intelligence chief, not a village called Fidan.)
    """
    from idlib_corpus.folding import fold_char_preserving
    from idlib_corpus.knowledge._scanner import canonical_form, pattern_form

    def key(form: str) -> str:
        return canonical_form(pattern_form(fold_char_preserving(form)))

    named = {key(f) for f, c in forms if c.rank[0] <= _R_DEMONYM}
    return [
        (f, c) for f, c in forms
        if not (c.label in ("place", "capital") and c.rank[0] >= _R_PLACE and key(f) in named)
    ]


_CACHE: dict[tuple[str, ...], KnowledgeBase] = {}
_CACHE_LOCK = threading.Lock()


def default_knowledge() -> KnowledgeBase:
    """The knowledge base of the built-in data files alone (built once, cached).

    Example:
        >>> default_knowledge() is default_knowledge()
        True
    """
    return load_knowledge(())


def load_knowledge(extra_files: Sequence[DataFile] = ()) -> KnowledgeBase:
    """The built-in knowledge plus ``extra_files`` from plugins (cached per file list).

    Args:
        extra_files: files returned by ``idlib_knowledge_files`` implementations.

    Raises:
        InputError: a file is missing or malformed (the message names it).

    Example:
        >>> load_knowledge([]) is default_knowledge()
        True
    """
    cache_key = tuple(str(f) for f in extra_files)
    kb = _CACHE.get(cache_key)
    if kb is None:
        with _CACHE_LOCK:
            kb = _CACHE.get(cache_key)
            if kb is None:
                kb = KnowledgeBase(extra_files)
                _CACHE[cache_key] = kb
    return kb

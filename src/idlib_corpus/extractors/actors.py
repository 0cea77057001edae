"""Built-in plugin ``idlib_corpus.actors``: persons, states, groups and bodies, with mentions.

``idlib_resolve_actors`` reads every annotation of the document (names of known persons,
office titles, nationality words, states, capitals, groups, bodies, places, times) and the
grammar of news prose around them, and returns :class:`~idlib_corpus.model.Actor` objects:

* **Persons**, known to the knowledge base or not. A capitalised name sequence is a person
  when news grammar says so: an office or role before it ("Turkish Foreign Minister Mevlut
  Cavusoglu", "Russian expert Lena Sobinina"), an honorific ("Mr Howard"), an apposition
  after it ("Hulusi Akar, Turkey's defence minister"), a speech verb ("said X", "X told"),
  an attribution ("according to X"), or a list sharing one plural office ("deputy foreign
  ministers, Sedat Onal and Sergei Vershinin"; "Presidents of Turkey Recep Tayyip Erdogan
  and Iran Hasan Rouhani"). The title is the office as the text writes it, singular,
  without nationality words; the country comes from those nationality words, an "of
  <state>", a "<state>'s", a government body, a counterpart's state, else the knowledge
  base. Later mentions are linked: by surname, by title ("the top Turkish diplomat",
  "his Turkish counterpart"), by pronoun ("he said": the latest compatible person).
  A rank or honorific ("Maj. Gen.", "Rear Admiral", "Sheikh") gives way to an office in
  apposition ("..., head of the Reconciliation Center"); an office keeps the body it heads
  ("president of the European Council", "Chief of the General Staff of the ... Forces")
  and what it is linked to ("senior assistant to the foreign minister" is not "Foreign
  Minister"; "ambassador to Turkey" is not Turkish); "who heads the X" is "Head of the X";
  a plural office after "X and Y" ("the presidents could talk") is both's; a lead
  sentence's unnamed speaker ("the UN's humanitarian chief has said") is the untitled
  name that opens the next sentence. "The governor of Turkey's Hatay province, X" or
  "The commander of Russian forces in Syria, Gen. X" opening a sentence, or ", governor
  of Idlib" after the name, is the office of a place or a force
  ("Governor of Hatay Province", TR: the state a known place lies in); ", the head of
  Syria's National
  Security Bureau" is "Head of the National Security Bureau" (SY); a known group before
  an office is part of it ("HTS leader"); "the presidents of Russia, Turkey and Iran" is
  the office of each person of those states named without one whom the knowledge base
  knows to hold it. A body's name before a lower-case office is part of the title
  ("Central Command spokesman", "ministry spokesman"); a state written with stops is
  a demonym before any office ("the U.S. envoy"); "to the U.N.," keeps its stop inside
  the office; "<place>'s health director" serves the place's state; "his Russian and
  Turkish counterparts, X and Y": both hold the possessor's office; "head of the X
  Center for Syria" keeps what the body is for; "the Turkish president" later in the
  text titles the one Turk named without an office whom the knowledge base knows to
  hold it. A rank after a comma gives way to the office before it ("Iran's chief of
  staff, Maj. Gen. X"); a nationality with a noun of what a person is gives the state
  and no office ("X, a Russian businessman", "Turkish citizen X"), and such a noun alone
  makes a person (", a veteran jihadist"); "a Paris-based analyst" serves no state by
  it; a body's name before a lower-case office in apposition is part of the office
  (", a Central Command spokesman"), and a body that names one state gives it ("a
  Pentagon spokesman": US); a kunya with a nisba ("Abu Hafs al-Masri") is a person's
  name. A military rank ("Lt. Col.", "Colonel General") cues a name but is no title.
  Modifiers may come before the nationality (", a retired Turkish diplomat"); an
  apposition may open on "who is", "once", "now" (", once Turkey's top negotiator"); a
  member or fellow is a title with the body (", a member of Russia's State Duma"), whose
  nationality word gives no state when it is a capitalised name (", a member of the
  Syrian Democratic Council"); a party's noun or adjective gives its state ("Senator X,
  a Texas Republican", "Democratic Rep. X"); "In Beijing, foreign ministry spokesman X"
  gives the capital's state to a government's office; a name between commas before a
  speech verb is the speaker's ("one of them, X, told reporters"); "the three
  presidents" later in the text titles those named before whom the knowledge base
  knows to hold the office, when the number fits. A name before a place noun ("the
  Sheikh X hilltop") is a place's, and no person anywhere in the text.
* **States** referred to by name, demonym or capital (a capital used as an agent,
  "Moscow and Ankara agreed", not as a place, "talks in Ankara"), and "the regime" when the
  article ties it to a state ("the Syrian regime", "the regime of President Assad").
* **Armed groups**, known or named so by the text ("the so-called X", "a group calling
  itself the X", a name ending in a unit noun: "the X Brigades", not "the 4th Division",
  an Arabic name before "faction" or "militia": "the Saqr al-Jabal faction"),
  with the other names the text gives them ("X (formerly Y)", "X, also
  known as Y", "X (HTS), which was formerly known as Y", "X, the former Y", "X – formerly
  Y –", "(the group, also known as Y, ...)"), government bodies (with their state:
  "Turkish Foreign Ministry" is ``government_body:tr-foreign-ministry``), coalitions
  named before "operations room" ("the Al-Nasr operations room"; a known group inside
  the name is its other name), international
  organisations and media.

Grammar words (speech verbs, title head nouns, pronouns, alias cues...) are data, in
``data/actor_grammar.json`` (see :class:`~idlib_corpus.extractors._names.Grammar`); names
come from the knowledge base through the annotations.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence
from itertools import pairwise
from operator import attrgetter, lt
from typing import Any

from idlib_corpus import _trusted
from idlib_corpus.document import Annotation, AnnotationLabel, Document
from idlib_corpus.extractors._names import (
    TOKEN,
    Grammar,
    grammar,
    is_acronym,
    is_capitalised,
    name_key,
    noun_phrases,
    singularise,
    slug,
    surname_keys,
    title_case,
)
from idlib_corpus.folding import fold_name
from idlib_corpus.hookspecs import hookimpl
from idlib_corpus.model import (
    Actor,
    ActorKind,
    Mention,
    MentionKind,
    Span,
    is_country_code,
)

__all__ = ["idlib_resolve_actors", "resolve_actors"]

L = AnnotationLabel
# Enum members as module globals: ``AnnotationLabel.PERSON`` is a descriptor call on the
# Enum class (about 170 ns in Python 3.11), a global is a dict lookup; hot loops test
# labels thousands of times an article.
_CAPITAL = L.CAPITAL
_GOVERNMENT_BODY = L.GOVERNMENT_BODY
_GROUP = L.GROUP
_MEDIA = L.MEDIA
_NATIONALITY = L.NATIONALITY
_OFFICE = L.OFFICE
_ORGANISATION = L.ORGANISATION
_PERSON = L.PERSON
_PLACE = L.PLACE
_STATE = L.STATE
_TIME = L.TIME
_MK_NAME = MentionKind.NAME
_MK_SURNAME = MentionKind.SURNAME
_MK_TITLE = MentionKind.TITLE
_MK_PRONOUN = MentionKind.PRONOUN
_MK_DEMONYM = MentionKind.DEMONYM
_MK_CAPITAL = MentionKind.CAPITAL
_MK_ALIAS = MentionKind.ALIAS
_AK_PERSON = ActorKind.PERSON
_AK_STATE = ActorKind.STATE
_AK_ARMED_GROUP = ActorKind.ARMED_GROUP
_AK_GOVERNMENT_BODY = ActorKind.GOVERNMENT_BODY
_AK_INTERNATIONAL_ORGANISATION = ActorKind.INTERNATIONAL_ORGANISATION
_AK_MEDIA = ActorKind.MEDIA

# When annotations overlap, the longest wins; for the same span, this order.
_PRIORITY = {
    _PERSON: 0,
    _GOVERNMENT_BODY: 1,
    _GROUP: 2,
    _ORGANISATION: 3,
    _MEDIA: 4,
    _OFFICE: 5,
    _CAPITAL: 6,
    _STATE: 7,
    _NATIONALITY: 8,
    _PLACE: 9,
    _TIME: 10,
}
# Small sets of labels are tuples: ``in`` on a tuple compares by identity first, while a
# frozenset or dict calls Enum.__hash__, a Python-level function, on every test.
_STATEISH = (_STATE, _CAPITAL)
_PRIORITY_BY_ID = {id(label): p for label, p in _PRIORITY.items()}
_DETERMINERS = frozenset({"the", "a", "an"})
def _named_after(items: list[_Item], k: int) -> bool:
    """Whether ``items[k]`` is a plain capitalised word ("Crisis" of "the Syria Crisis")."""
    return k < len(items) and items[k].plain and is_capitalised(items[k].text)


#: A body's name is at most this many items ("the Main Operations Directorate of the
#: Russian General Staff" is eight).
_MAX_BODY_ITEMS = 9
#: "The two presidents", "Both foreign ministers": the cue, the office's words after it.
_NUMBERED_CUES = ("the two ", "the three ", "both ")
_NUMBERED_OFFICE = re.compile(r"(the two|the three|both) ((?:[a-z-]+ ){0,2}[a-z-]+s)\b")
_NUMBERS_OF = {"the two": 2, "the three": 3, "both": 2}
#: Possessive pronouns opening an apposition (", his Russian counterpart").
_OWNER_PRONOUNS = frozenset({"his", "her", "their"})
#: What a coalition of armed factions is called after its name (folded).
_ROOM = "operations room"
#: Words that open a sentence in capitals and name nothing ("The", "In", "But").
_FUNCTION_WORDS = frozenset({"the", "a", "an", "in", "on", "at", "for", "as", "but", "and",
                             "or", "after", "before", "while", "when", "if", "by", "with",
                             "from", "to", "of", "this", "that", "meanwhile", "however"})
_POSSESSIVE_PRON = frozenset({"his", "her", "its", "their"})
# How the text before "the Turkish diplomat" ends (see _title_mentions): one of those words,
# or "top" ("the top Turkish diplomat").
_BEFORE_TITLE_ENDS = (*sorted(_DETERMINERS), *sorted(_POSSESSIVE_PRON), "top")
_COORD = frozenset({",", "and", "or", "&"})
#: how the text before a state in "the presidents of Russia, Turkey and Iran" ends
_BEFORE_LISTED_STATE = (" of", ",", " and", " or", "&")
_OPEN = frozenset({"(", "["})
_CLOSE = frozenset({")", "]"})
# "Russian-backed", "Iranian‑supported": the nationality is joined to the next word
_HYPHENS = frozenset("-\u2010\u2011")
# Words that may follow a group's other name after "the former": the name then ends there.
_AFTER_ALIAS = frozenset({"and", "or", "which", "that", "who", "whose"})
# How nationality words end ("Russian", "Turkish", "Chinese", "Iraqi"): such a word the
# knowledge base does not know is still no part of a title.
_DEMONYM_ENDINGS = ("an", "ish", "ese", "i", "ic")
_TERMINAL = frozenset({".", "!", "?", "…"})
# A name particle before a capitalised name: "al-Hassan", "bin Salman", "van der Leyen".
_PARTICLE_WORD = re.compile(r"([a-z]+)(?:-| (?:[a-z]+ )?)[A-Z]")
# What may open a sentence before its first word: quotes and brackets.
_OPENING = frozenset({'"', "'", "(", "[", "«", "-"})
_QUOTES = "\"”’'»)"
_LONG_WORD = re.compile(r"[^\W\d_]{4,}")
# A word that starts with a capital (checked again with str.isupper), or "al-Assad".
_CAPWORD = re.compile(
    r"(?<![\w'’-])(?:[A-Z\u00c0-\u00de\u0100-\u024f\u0391-\u03a9\u0400-\u042f][\w'’-]*"
    r"|(?:al|el|ad|as|ash|an|ar|at|az|bin|ibn|abu|ul|ud)-[A-Z][\w'’-]*)"
)
# _CAPWORD where no "-" stands before a capital (so that its particle branch cannot match):
# the same matches, found faster, for the pattern opens with its character class (the
# regex engine skips ahead to such a character) and checks the character before it after.
_CAPWORD_UPPER = re.compile(
    r"[A-Z\u00c0-\u00de\u0100-\u024f\u0391-\u03a9\u0400-\u042f](?<![\w'’-][\s\S])[\w'’-]*"
)
_DASH_CAPITAL = re.compile(r"-[A-Z]")
# How far back (in sentences) a pronoun looks for its antecedent.
_PRONOUN_REACH = 3

_span = _trusted.span
# Mentions and actors built by idlib_corpus._trusted: what is built here is of the checked
# types by construction; an id, name or code from the text that would fail goes through
# the constructor, which raises as it always did.
_mention = _trusted.mention
_actor = _trusted.actor



@hookimpl
def idlib_resolve_actors(doc: Document) -> list[Actor] | None:
    """Group the document's annotations into actors, with every mention linked.

    Args:
        doc: the analysed article with every annotation.

    Returns:
        The actors (persons, states, groups, bodies, organisations, media), or ``None``
        when the article refers to none.
    """
    actors = resolve_actors(doc)
    return actors or None


def resolve_actors(doc: Document) -> list[Actor]:
    """Find the actors of one document (the work of :func:`idlib_resolve_actors`).

    Args:
        doc: the analysed article with its annotations.

    Returns:
        Actors sorted by first mention, then id.

    Example:
        >>> from idlib_corpus.model import Article
        >>> from idlib_corpus.document import build_document
        >>> doc = build_document(Article(id="x", text="Russian expert Lena Sobinina said so."))
        >>> [(a.name, a.title) for a in resolve_actors(doc)]
        [('Lena Sobinina', 'Expert')]
    """
    return _Resolver(doc).run()


# --------------------------------------------------------------------------- items


class _Item:
    """A token, or a run of tokens one annotation covers, inside one sentence.

    Built in :meth:`_Resolver._items` and :meth:`_Resolver._window` only, with its slots
    set there (``_new(_Item)``, then ``kind``, ``key``, ``start``, ``end``, ``text``,
    ``low`` and ``plain``, which is ``kind is None``): about 150 are built an article, and
    a call of an ``__init__`` costs as much again as setting the slots.
    """

    __slots__ = ("end", "key", "kind", "low", "plain", "start", "text")

    kind: AnnotationLabel | None
    key: str | None
    start: int
    end: int
    text: str  # as the text writes it
    low: str  # folded ("'s" for "’s")
    plain: bool  # a token no annotation covers

    def __repr__(self) -> str:
        return f"<{self.kind.name if self.kind else 'w'} {self.text!r}>"

    @property
    def span(self) -> Span:
        return _span(self.start, self.end)


# Marks that make a token of their own after a word ("Syria," "said."): each matches
# TOKEN's ``[^\w\s]`` and none is "-", "'" or "’" (which continue a word before a word
# character), so a word then one of them is two tokens.
_END_MARKS = frozenset(',.;:!?)]"”»')
# what _Resolver._items reads as the next annotation once none is left: it starts and
# ends after every token
_NO_ANNOTATION: tuple[int, int, AnnotationLabel | None, str | None] = (1 << 62, 1 << 62, None, None)
# an _Item with no slot set yet (see _Item)
_new = object.__new__


class _Tokens:
    """The tokens of one sentence: starts, ends and texts (and its items, once read)."""

    __slots__ = ("ends", "item_at", "item_of", "items", "starts", "texts")

    def __init__(self, text: str, start: int, end: int) -> None:
        """``TOKEN.finditer(text, start, end)``, read faster.

        No token holds a space, and every other character starts one (``TOKEN`` ends in
        ``[^\\w\\s]``), so the tokens are those of each piece between two spaces " ",
        each piece read alone: the regex engine's ``\\b`` and lookahead read the end of
        a piece as the space after it. A piece of word characters only (most: "said",
        "Putin") is one token, found without the regex engine, whose cost is mostly its
        start-up for each match.
        """
        starts: list[int] = []
        ends: list[int] = []
        texts: list[str] = []
        add_start, add_end, add_text = starts.append, ends.append, texts.append
        pos = start  # where the piece starts
        for piece in text[start:end].split(" "):
            n = len(piece)
            if n:  # not between two spaces
                if piece.isalnum():  # what \w+ matches, less "_"
                    add_start(pos)
                    add_end(pos + n)
                    add_text(piece)
                elif piece[-1] in _END_MARKS and piece[:-1].isalnum():
                    # "Syria," "said.": a word, then a mark that cannot continue it
                    b = pos + n - 1
                    add_start(pos)
                    add_end(b)
                    add_text(piece[:-1])
                    add_start(b)
                    add_end(b + 1)
                    add_text(piece[-1])
                else:
                    for m in TOKEN.finditer(text, pos, pos + n):
                        add_start(m.start())
                        add_end(m.end())
                        add_text(m.group())
            pos += n + 1
        self.starts = starts
        self.ends = ends
        self.texts = texts
        self.items: list[_Item] | None = None
        self.item_of: list[int] = []
        self.item_at: dict[int, _Item] = {}  # see _Resolver._window


class _Sentence:
    __slots__ = ("headline", "index", "items", "span")

    def __init__(self, index: int, span: Span, items: list[_Item], headline: bool) -> None:
        self.index = index
        self.span = span
        self.items = items
        self.headline = headline


class _Hit:
    """One occurrence of a person's name, with what the grammar around it says."""

    __slots__ = (
        "counterpart",
        "country",
        "full",
        "gender",
        "key",
        "sentence",
        "span",
        "text",
        "title",
        "title_start",
        "words",
    )

    def __init__(self, span: Span, text: str, words: list[str], key: str | None, sentence: int):
        self.span = span
        self.text = text
        self.words = words
        self.key = key
        self.sentence = sentence
        self.title: str | None = None
        self.title_start = span.start
        self.country: str | None = None
        self.gender = ""
        self.counterpart = False
        self.full = len(words) >= 2


class _Person:
    """A cluster of hits that are one person."""

    __slots__ = ("country", "gender", "hits", "id", "key", "mentions", "title", "words")

    def __init__(self, first: _Hit) -> None:
        self.hits = [first]
        self.key = first.key
        self.id = ""
        self.title: str | None = None
        self.country: str | None = None
        self.gender = ""
        self.words = first.words
        self.mentions: list[Mention] = []

    @property
    def full_hits(self) -> list[_Hit]:
        return [h for h in self.hits if h.full]


class _TitleParse:
    """What the words before (or after) a name say about the person.

    ``start`` is the offset where the phrase begins, ``start_index`` the index of its
    first item (the name's own index until a title word is read).
    """

    __slots__ = (
        "counterpart", "countries", "gender", "of_state", "plural", "start", "start_index",
        "words",
    )

    def __init__(self, start_index: int) -> None:
        self.words: list[str] = []
        self.countries: list[str] = []
        self.plural = False
        self.gender = ""
        self.counterpart = False
        self.of_state = False
        self.start = 1 << 62
        self.start_index = start_index

    @property
    def cue(self) -> bool:
        return bool(self.words) or bool(self.gender) or self.counterpart

    @property
    def title(self) -> str | None:
        if not self.words:
            return None
        words = list(self.words)
        # the head noun is the last word before any "on Syria" qualifier
        head = len(words) - 1
        for i, w in enumerate(words):
            if i and w.lower() in ("on", "for", "of", "to"):
                head = i - 1
                break
        words[head] = singularise(words[head])
        return title_case(words).replace(" 's ", "'s ").replace(" ’s ", "’s ")


# --------------------------------------------------------------------------- resolver


class _Resolver:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.text = doc.text
        self.folded = doc.folded
        self.g: Grammar = grammar()
        # the annotations chosen, with offsets (ends are sorted too: no overlaps once
        # chosen) and plain tuples, and the annotations each pass reads, in text order:
        # one loop (bound ``append`` methods: a loop of attribute reads otherwise)
        self.anns: list[Annotation] = []
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.ann_tuples: list[tuple[int, int, AnnotationLabel, str | None]] = []
        self.person_starts: list[int] = []
        self.person_anns: list[Annotation] = []
        self.state_anns: list[Annotation] = []  # states, nationality words, capitals
        self.nationality_anns: list[Annotation] = []
        self.body_anns: list[Annotation] = []
        self.group_starts: list[int] = []
        add_ann, add_start, add_end = self.anns.append, self.starts.append, self.ends.append
        add_tuple = self.ann_tuples.append
        for start, end, ann in _choose_annotations(doc.annotations):
            label = ann.label
            add_ann(ann)
            add_start(start)
            add_end(end)
            add_tuple((start, end, label, ann.key))
            if label is _PERSON:
                self.person_starts.append(start)
                self.person_anns.append(ann)
            elif label is _NATIONALITY:
                self.state_anns.append(ann)
                self.nationality_anns.append(ann)
            elif label is _STATE or label is _CAPITAL:
                self.state_anns.append(ann)
            elif label in _BODY_LABELS:
                self.body_anns.append(ann)
            elif label is _GROUP:
                self.group_starts.append(start)
        self.sent_starts = list(map(_START, doc.sentences))
        article = doc.article
        # prose sentences by their index in doc.sentences; tokens are read per sentence,
        # on first need, and items (tokens or annotations) only in the windows looked at
        self.prose: dict[int, Span] = {}
        # Article.is_boilerplate on plain tuples (Span.contains per pair costs more)
        boiler = [(b.start, b.end) for b in article.boilerplate]
        if not boiler:
            self.prose = dict(enumerate(doc.sentences))
        for index, span in enumerate(doc.sentences) if boiler else ():
            a, b = span.start, span.end
            for s, e in boiler:
                if s <= a and b <= e:
                    break
            else:
                self.prose[index] = span
        # the end of each sentence by its index, -1 for one that is not prose: where
        # _sentence_at reads whether a position is in prose, with no dict lookup
        self.prose_ends = [-1] * len(self.sent_starts)
        for index, span in self.prose.items():
            self.prose_ends[index] = span.end
        self._stok: dict[int, _Tokens] = {}
        # the items built for windows of each sentence, by the start of their token (shared
        # by the windows read on a few pieces and the sentence's tokens, once read)
        self._item_at: dict[int, dict[int, _Item]] = {}
        self.hits: list[_Hit] = []
        # name keys of the unknown names written before a place noun ("the X hilltop")
        self._place_named: set[str] = set()
        self.persons: list[_Person] = []
        self._kb_people_seen: dict[str, _KbPerson | None] = {}
        self._surnames_of: dict[int, set[str]] | None = None  # set up by _cluster
        self._dash_capital = True  # set up by _find_hits

    def _kb_person(self, key: str) -> _KbPerson | None:
        """:func:`_kb_person` of the document, read once a key."""
        try:
            return self._kb_people_seen[key]
        except KeyError:
            rec = self._kb_people_seen[key] = _kb_person(self.doc, key)
            return rec

    # ----------------------------------------------------------------- driver

    def run(self) -> list[Actor]:
        self._find_hits()
        self._cluster()
        self._surname_mentions()
        self._counterparts()
        self._title_mentions()
        self._cataphoric_titles()
        self._collective_offices()
        self._numbered_offices()
        self._pronoun_mentions()
        actors = [self._person_actor(p) for p in self.persons]
        actors.extend(self._states())
        actors.extend(self._groups())
        actors.extend(self._bodies())
        actors = [a for a in actors if a.mentions]
        actors.sort(key=lambda a: (a.mentions[0].span.start, a.id))
        return actors

    # ----------------------------------------------------------------- items

    def _sentence_at(self, pos: int) -> int | None:
        """Index of the prose sentence holding ``pos``, or ``None`` (boilerplate, gaps)."""
        i = bisect.bisect_right(self.sent_starts, pos) - 1
        return i if i >= 0 and pos < self.prose_ends[i] else None

    def _tokens(self, si: int) -> _Tokens:
        """The tokens of prose sentence ``si`` (one regex pass, cached)."""
        got = self._stok.get(si)
        if got is None:
            span = self.prose[si]
            got = self._stok[si] = _Tokens(self.text, span.start, span.end)
            got.item_at = self._item_at.setdefault(si, got.item_at)
        return got

    def _items(self, tk: _Tokens) -> tuple[list[_Item], list[int]]:
        """The items of a sentence's tokens, and for each token the index of its item.

        Plain tokens, or one item per annotation (annotations do not overlap once chosen):
        a token is read as the first annotation that ends after its start, if that one
        starts before its end, and the tokens an annotation covers give no items of their
        own. Every window of the sentence (the name pass reads it whole, the title, state,
        group and body passes short windows around positions in it) is a slice of these,
        so they are built once a sentence.
        """
        if tk.items is not None:
            return tk.items, tk.item_of
        starts, ends, texts = tk.starts, tk.ends, tk.texts
        folded, text = self.folded, self.text
        aends, anns = self.ends, self.ann_tuples
        nk = len(anns)
        items: list[_Item] = []
        item_of: list[int] = []
        add, mark = items.append, item_of.append
        new = _new
        # one loop over the tokens with the next annotation at hand (runs of plain tokens
        # are short between annotations: cutting and mapping each run cost more)
        k = bisect.bisect_right(aends, starts[0]) if starts else 0
        a, b, label, key = anns[k] if k < nk else _NO_ANNOTATION
        end = -1  # where the annotation of the last item ends (-1: a plain token)
        idx = -1  # the index of the last item
        for i, s in enumerate(starts):
            if s < end:
                mark(idx)  # a token the annotation covers
                continue
            while b <= s:
                k += 1
                a, b, label, key = anns[k] if k < nk else _NO_ANNOTATION
            e = ends[i]
            idx += 1
            mark(idx)
            item = new(_Item)  # its slots set here (see _Item)
            if a < e:
                item.kind, item.key, item.start, item.end = label, key, a, b
                item.text, item.low, item.plain = text[a:b], folded[a:b], label is None
                end = b
            else:
                low = folded[s:e]
                item.kind = item.key = None
                item.start, item.end, item.text = s, e, texts[i]
                item.low, item.plain = "'s" if low == "’s" else low, True
                end = -1
            add(item)
        tk.items, tk.item_of = items, item_of
        return items, item_of

    def _window(self, tk: _Tokens, t0: int, t1: int) -> list[_Item]:
        """Items for tokens ``t0 .. t1``: plain tokens, or one item per annotation.

        A slice of the sentence's items once the name pass has read them all; before that
        (a sentence with no name in it: most are), only the items of the window are built,
        kept by the start of their token, as :meth:`_items` would build them.
        """
        if tk.items is not None:
            if t0 >= t1:
                return []
            item_of = tk.item_of
            return tk.items[item_of[t0] : item_of[t1 - 1] + 1]
        items: list[_Item] = []
        cache = tk.item_at
        starts, ends = tk.starts, tk.ends
        aends, anns = self.ends, self.ann_tuples
        text, folded = self.text, self.folded
        nk = len(anns)
        k = -1  # the first annotation ending after the token (found on the first miss)
        i = t0
        while i < t1:
            s = starts[i]
            item = cache.get(s)
            if item is None:
                e = ends[i]
                if k < 0:
                    k = bisect.bisect_right(aends, s)
                else:
                    while k < nk and aends[k] <= s:
                        k += 1  # bisect_right(aends, s): the tokens only move on
                item = _new(_Item)  # its slots set here, as in _items
                if k < nk and anns[k][0] < e:
                    a, b, label, key = anns[k]
                    item.kind, item.key, item.start, item.end = label, key, a, b
                    item.text, item.low, item.plain = text[a:b], folded[a:b], label is None
                else:
                    low = folded[s:e]
                    item.kind = item.key = None
                    item.start, item.end, item.text = s, e, tk.texts[i]
                    item.low, item.plain = "'s" if low == "’s" else low, True
                cache[s] = item
            items.append(item)
            i += 1
            if not item.plain:
                end = item.end
                while i < t1 and starts[i] < end:
                    i += 1  # the tokens the annotation covers
        return items

    def _window_around(self, pos: int, before: int, after: int) -> tuple[list[_Item], int] | None:
        """Items from ``before`` tokens before ``pos`` to ``after`` after, within its sentence.

        Returns the items and the index of the item at ``pos``.
        """
        si = self._sentence_at(pos)
        if si is None:
            return None
        if si in self._stok or self.text[pos].isspace():
            tk = self._tokens(si)
            ti = bisect.bisect_right(tk.starts, pos) - 1
            t0, t1 = max(0, ti - before), min(len(tk.starts), ti + after + 1)
        else:
            tk, t0, t1 = self._pieces_around(si, pos, before, after)
        items = self._window(tk, t0, t1)
        for j, it in enumerate(items):
            if it.start <= pos < it.end:
                return items, j
        return None

    def _starts_token(self, pos: int) -> bool:
        """Whether the chosen annotation that starts at ``pos`` is in prose and starts a
        token there: then the item :meth:`_window_around` finds at ``pos`` is that
        annotation's (the annotations chosen before it end by ``pos``)."""
        si = self._sentence_at(pos)
        if si is None:
            return False
        text = self.text
        return not text[pos].isspace() and (pos == self.prose[si].start
                                            or text[pos - 1].isspace())

    def _pieces_around(
        self, si: int, pos: int, before: int, after: int
    ) -> tuple[_Tokens, int, int]:
        """The tokens of sentence ``si`` from ``before`` before the one at ``pos`` to
        ``after`` after it, read on the pieces between spaces around ``pos`` only.

        A token never holds a space " " and :class:`_Tokens` reads each piece between two
        spaces alone, so the tokens of a run of whole pieces are those of the whole
        sentence's tokens there. The run is found with the string methods alone: the piece
        of ``pos`` (not a space: the token that holds it is in its own piece), and on each
        side as many more pieces that hold a token (any piece that is not all whitespace)
        as the window needs tokens, or up to the sentence's end; its tokens are then read
        at once, and the window is cut as :meth:`_window_around` cuts it (a run of more
        tokens than needed gives the same window).
        """
        text = self.text
        span = self.prose[si]
        lo, hi = span.start, span.end
        a = text.rfind(" ", lo, pos) + 1 or lo
        b = text.find(" ", pos, hi)
        if b < 0:
            b = hi
        need = before
        while need and a > lo:
            # the piece before: from after the space before it to the space at a - 1
            end = a - 1
            a = text.rfind(" ", lo, end) + 1 or lo
            if a < end and not text[a:end].isspace():
                need -= 1
        need = after
        while need and b < hi:
            start = b + 1
            b = text.find(" ", start, hi)
            if b < 0:
                b = hi
            if start < b and not text[start:b].isspace():
                need -= 1
        tk = _Tokens(text, a, b)
        tk.item_at = self._item_at.setdefault(si, {})
        starts = tk.starts
        ti = bisect.bisect_right(starts, pos) - 1
        return tk, max(0, ti - before), min(len(starts), ti + after + 1)

    # ----------------------------------------------------------------- persons

    def _find_hits(self) -> None:
        # whether _CAPWORD's particle branch may match anywhere ("al-Assad"): a "-" before a
        # capital, searched once an article (most have none) before once a sentence
        self._dash_capital = _DASH_CAPITAL.search(self.text) is not None
        for index, span in self.prose.items():
            first = self._first_candidate(index, span)
            if first is not None:
                tk = self._tokens(index)
                # the title phrase before a name is short: no need to read further back
                self._items(tk)  # the whole sentence: its windows are slices from now on
                sent = _Sentence(index, span, self._window(tk, max(0, first - 16), len(tk.starts)),
                                 _is_headline(self.text[span.start : span.end]))
                self._hits_in(sent)

    def _first_candidate(self, si: int, span: Span) -> int | None:
        """The first token of the sentence that may start a person's name, if any."""
        g = self.g
        text = self.text
        anns, starts = self.anns, self.starts
        first_pos: int | None = None
        k = bisect.bisect_left(self.person_starts, span.start)
        if k < len(self.person_starts) and self.person_starts[k] < span.end:
            first_pos = self.person_starts[k]
        capwords = _CAPWORD if self._dash_capital and _DASH_CAPITAL.search(
            text, span.start, span.end) else _CAPWORD_UPPER
        ends = self.ends
        nk = len(ends)
        ak = bisect.bisect_right(ends, span.start)  # the first annotation ending after p
        for m in capwords.finditer(text, span.start, span.end):
            p = m.start()
            if first_pos is not None and p >= first_pos:
                break
            if not text[p].isupper() and "-" not in m.group():
                continue
            while ak < nk and ends[ak] <= p:
                ak += 1  # bisect_right(ends, p): the words only move on
            if ak < nk and starts[ak] <= p:
                continue  # inside a state, place, office...
            a = ak - 1  # the last annotation that starts before p (it ends by p)
            nxt_cap = self._next_is_capitalised(m.end(), span.end)
            prev, prev_start = self._prev_word(p, span.start)
            if not prev or prev in _OPENING:
                # the sentence's first word is capitalised anyway: a name only if another
                # capitalised word follows ("Sedat Onal said", not "Speaking at ...")
                if nxt_cap and self.folded[p : m.end()] not in g.not_name_words:
                    return self._token_index(si, p)
                continue
            if nxt_cap:
                return self._token_index(si, p)
            if prev == ".":
                prev = self._prev_word(prev_start, span.start)[0]
                if prev in g.title_abbreviations:
                    return self._token_index(si, p)  # "Mr. Smith", "Gen. Guler"
                continue
            if prev in g.honorifics or g.is_head(prev) or g.is_role(prev):
                return self._token_index(si, p)
            if a >= 0 and anns[a].label is _OFFICE and anns[a].span.end == prev_start + len(prev):
                return self._token_index(si, p)
        if first_pos is None:
            return None
        return self._token_index(si, first_pos)

    def _token_index(self, si: int, pos: int) -> int:
        tstarts = self._tokens(si).starts
        return max(bisect.bisect_right(tstarts, pos) - 1, 0)

    def _prev_word(self, pos: int, floor: int) -> tuple[str, int]:
        """The folded word (or punctuation mark) before ``pos``, and where it starts."""
        folded = self.folded
        i = pos - 1
        while i >= floor and folded[i].isspace():
            i -= 1
        if i < floor:
            return "", floor
        if not folded[i].isalnum():
            return folded[i], i
        end = i + 1
        while i >= floor and (folded[i].isalnum() or folded[i] in "-'"):
            i -= 1
        word = folded[i + 1 : end]
        if word.endswith("'s"):
            return "'s", end - 2
        return word, i + 1

    def _next_is_capitalised(self, pos: int, limit: int) -> bool:
        """Whether the next word is capitalised, or a particle of a name ("al-Hassan")."""
        text = self.text
        while pos < limit and text[pos] == " ":
            pos += 1
        if pos >= limit:
            return False
        if text[pos].isupper():
            return True
        m = _PARTICLE_WORD.match(text, pos, limit)
        return m is not None and m.group(1).lower() in self.g.particles

    def _hits_in(self, sent: _Sentence) -> None:
        items = sent.items
        n = len(items)
        i = 0
        prev: _ListState | None = None  # for lists sharing one title
        placed: list[tuple[_Hit, int, int]] = []  # the sentence's hits and their items
        while i < n:
            it = items[i]
            if it.kind is not _PERSON and not (
                it.plain and (it.text[0].isupper() or "-" in it.text)
            ):
                i += 1
                continue
            run = self._name_run(items, i, headline=sent.headline)
            if run is None:
                i += 1
                continue
            a, b, known = run
            # "Logan International Airport Tom Kinton": the name starts after the institution
            # (not at a first word: "Bill Smith")
            for k in range(b - 2, a, -1):
                if items[k].plain and items[k].low in self.g.nonperson_heads:
                    a = k + 1
                    break
            # leading title words written with capitals belong to the title, not the name
            lead = a
            while b - lead > 1 and items[lead].plain and self._title_word(items[lead].low):
                lead += 1
            portfolio = (
                a >= 2
                and items[a - 1].low == "of"
                and items[a - 2].text[:1].isupper()
                and (items[a - 2].kind is _OFFICE or self.g.is_head(items[a - 2].low))
            )  # "Minister of Foreign Affairs X": the portfolio of the office before
            # ... before a full name: "Director of Public Prosecutions" names no one
            portfolio = portfolio and (known is not None or b - lead >= 2)
            if lead > a and not portfolio and not any(
                self._title_head(it.low) for it in items[a:lead]
            ):
                lead = a  # "National Security Archive": modifiers without an office
            if known is None and b - lead == 1 and self._title_word(items[lead].low):
                i = b  # "Special Presidential Representative": a title, no name
                continue
            if known is not None and not self._fits_known(items, lead, b, known):
                known = None  # "Bilal Erdogan" is not Recep Tayyip Erdogan
            if known is None and b < n and items[b].plain and items[b].text.islower() and \
                    items[b].low in self.g.nonperson_heads and (
                        # ("stop X crossing into Y": a verb, unless "the" shows a noun)
                        not items[b].low.endswith("ing") or (a and items[a - 1].low == "the")):
                # "the Sheikh Aqil hilltop", "the Abu Omar checkpoint": a place or an
                # institution named for someone, not the person (nor is the name,
                # anywhere in the text: "the post on Sheikh Aqil")
                self._place_named.add(name_key(self.text[items[lead].start:items[b - 1].end]))
                i = b
                continue
            # (the checks below that end in "not a name here" are read in the cheaper order:
            # each of them only reads, and all of them go on after the run alike)
            parse = self._parse_left(items, lead, a)
            if parse.words and not parse.countries and (
                    code := self._capital_before(items, parse.start_index, a)) is not None:
                parse.countries.append(code)
            if parse.plural and parse.words and not self._list_goes_on(items, b):
                # "Speaking to reporters, X said": a plural title is shared by a list of
                # names; before one name alone it is someone else's
                parse.words = []
                parse.plural = False
            listed = None
            if prev is not None and self._continues_list(items, prev, a):
                listed = prev
            cue = (
                known is not None
                or parse.cue
                or listed is not None
                or self._speech_cue(items, parse.start_index, b)
                or self._age_apposition(items, b)
                or self._kunya(items, lead, b)
            )
            right = None
            # a rank alone ("Rear Admiral X, head of the centre") gives way to the office
            # an apposition names
            rank_only = bool(parse.words) and all(
                w.lower().rstrip(".") in self.g.ranks or w.lower().rstrip(".") in self.g.honorifics
                for w in parse.words
            )
            if not parse.words or rank_only:
                right = self._parse_apposition(items, b)
                cue = cue or (right is not None and right.cue)
            if not cue or (sent.headline and known is None):
                i = b
                continue
            hit = self._make_hit(items, lead, b, known, sent.index)
            if hit is None:
                i = b
                continue
            lone = len(hit.words) == 1 and known is None
            if lone and not (parse.words or parse.gender) and listed is None:
                # a lone capitalised word is a person only after an office or honorific
                i = b
                continue
            # a rank is no office: it cues the name; the office an apposition names, if
            # any, is the title ("Col. Gen. X, commander of the forces"; "Lt. Col. X")
            self._apply(hit, parse, titled=not rank_only)
            if right is not None and (right.cue or right.countries):
                self._apply(hit, right)
            elif (hit.country is None and b + 2 < n and items[b].low == ","
                  and items[b + 1].low in ("a", "an")
                  and (code := self._party_state(items, b + 2)) is not None):
                hit.country = code  # "Senator X, a Texas Republican": the party's state
            end = b
            if b + 1 < n and items[b].low == "of" and items[b + 1].kind in _STATEISH:
                # "Presidents Vladimir Putin of Russia and Hassan Rouhani of Iran"
                hit.country = hit.country or _iso(items[b + 1].key)
                end = b + 2
            if listed is not None and not parse.cue:
                self._inherit(hit, listed, items, a)
                listed.end = end
                listed.count += 1
            elif parse.plural or len(parse.countries) > 1:
                prev = _ListState(hit, parse, end)
            else:
                prev = None
            self.hits.append(hit)
            placed.append((hit, lead, b))
            i = b
        if len(placed) >= 2:
            self._pair_title(items, placed)

    def _pair_title(self, items: list[_Item], placed: list[tuple[_Hit, int, int]]) -> None:
        """"a meeting between X and Y ..., though the presidents could talk": both hold it.

        A plural office after two names joined by "and", later in the same sentence, is
        the office of both; it is given to those of the two the text gave no title.
        """
        g = self.g
        for (h1, _, b1), (h2, a2, b2) in pairwise(placed):
            if a2 - b1 != 1 or items[b1].low not in ("and", "&"):
                continue
            n = len(items)
            for k in range(b2, n - 1):
                if items[k].low not in ("the", "both", "two"):
                    continue
                m = k + 1
                if items[m].low in ("two", "both") and m + 1 < n:
                    m += 1
                words: list[_Item] = []
                while m < n and self._title_unit(items[m], roles=False):
                    words.append(items[m])
                    m += 1
                if not words or not self._plural_title(words[-1]):
                    continue
                if m < n and (items[m].low == "of" or self._name_word(items, m, first=True)):
                    continue  # "the presidents of ...", a title before other names
                last = words[-1].low.split()[-1]
                if singularise(last) in g.vague_heads:
                    return  # "the two leaders": no office said
                title = title_case([*(w for it in words[:-1] for w in _title_words(it)),
                                    singularise(words[-1].text.split()[-1])])
                for h in (h1, h2):
                    if h.title is None:
                        h.title = title
                return

    def _fits_known(self, items: list[_Item], a: int, b: int, key: str) -> bool:
        """Whether the words around a known person's name still name that person."""
        extra = [it for it in items[a:b] if it.kind is not _PERSON]
        if not extra:
            return True
        rec = self._kb_person(key)
        if rec is None:
            return True
        text = self.text[items[a].start : items[b - 1].end]
        known = {name_key(n) for n in (rec[0], *rec[1])}
        if name_key(text) in known:
            return True
        # a first name the knowledge base does not give it is another person's
        first = name_key(items[a].text) if items[a].kind is not _PERSON else None
        return first is None or any(k.split()[0] == first for k in known if " " in k)

    def _title_word(self, low: str) -> bool:
        g = self.g
        return (g.is_head(low) or low in g.title_modifiers or low in g.honorifics
                or g.is_role(low) or low in g.party_states)

    def _title_head(self, low: str) -> bool:
        g = self.g
        return g.is_head(low) or g.is_role(low) or low in g.honorifics

    def _name_run(
        self, items: list[_Item], i: int, *, headline: bool = False
    ) -> tuple[int, int, str | None] | None:
        """The name-shaped run of items starting at ``i``: (start, end, known key).

        In a Title Case headline every word is capitalised, so a known person's name ends
        where the knowledge base's does ("Erdogan Hosts Putin": not "Erdogan Hosts").
        """
        it = items[i]
        if not (it.kind is _PERSON or self._name_word(items, i, first=True)):
            return None
        known = it.key if it.kind is _PERSON else None
        j = i + 1
        n = len(items)
        while j < n:
            nxt = items[j]
            if nxt.kind is _PERSON:
                if known is not None and nxt.key != known:
                    break
                known = nxt.key
                j += 1
                continue
            if headline and known is not None:
                break
            if self._name_word(items, j, first=False):
                j += 1
                continue
            if (
                nxt.low == "."
                and len(items[j - 1].text) == 1
                and j + 1 < n
                and self._name_word(items, j + 1, first=False)
            ):
                j += 1  # "George W. Bush": an initial and its full stop
                continue
            break
        return i, j, _person_key(known)

    def _name_word(self, items: list[_Item], j: int, *, first: bool) -> bool:
        it = items[j]
        g = self.g
        if it.kind is _PLACE:
            # a place name may be a surname ("John Howard"), never a first name
            return not first and " " not in it.text and is_capitalised(it.text)
        if not it.plain:
            return False
        word = it.text
        if not word[:1].isalpha():
            return False
        if word[0].isupper() and (len(word) == 1 or not word.isupper()):  # is_capitalised
            if (
                first
                and len(word) == 1
                and j + 2 < len(items)
                and items[j + 1].low == "."
                and items[j + 2].plain
                and is_capitalised(items[j + 2].text)
                and items[j + 2].low not in g.not_name_words
            ):
                return True  # "A. J. Smith", "J.D. Ramsey": an initial opens the name
            if word == "I":
                return False
            return not (first and it.low in g.not_name_words)
        # "al-Assad", "bin Salman", "van der Berg": a particle then a capitalised name
        head, _, rest = word.partition("-")
        if rest and head.lower() in g.particles and is_capitalised(rest):
            return True
        if word.lower() in g.particles and not first and j + 1 < len(items):
            nxt = items[j + 1]
            if nxt.plain and nxt.low in g.particles and j + 2 < len(items):
                nxt = items[j + 2]  # "von der Leyen", "bin Abdul Aziz": two particles
            return nxt.plain and is_capitalised(nxt.text)
        return False

    def _make_hit(
        self, items: list[_Item], a: int, b: int, known: str | None, sentence: int
    ) -> _Hit | None:
        words = [w for it in items[a:b] for w in it.text.split() if w[0].isalpha()]
        if not words:
            return None
        if known is None:
            g = self.g
            low = [w for it in items[a:b] for w in it.low.split() if w[0].isalpha()]
            initial = len(words[0]) == 1 and len(words) > 1  # "A. J. Smith"
            if len(words) > 5 or (low[0] in g.not_name_words and not initial):
                return None
            if low[-1] in g.nonperson_heads or low[-1] in g.group_heads:
                return None  # "Blue Mountains", "Hamza Division"
            if low[0] in g.group_name_starts:
                return None  # "Liwa al-Quds", "Jaish al-Izza": groups
            if all(w in g.particles for w in low):
                return None
            if any(is_acronym(w) and len(w) > 1 for w in words):
                return None  # "NATO", "SDF"; a one-letter initial is no acronym
        span = _span(items[a].start, items[b - 1].end)
        return _Hit(span, self.text[span.start : span.end], words, known, sentence)

    def _parse_left(self, items: list[_Item], lead: int, a: int) -> _TitleParse:
        """Read the title phrase that ends just before the name at ``lead``."""
        g = self.g
        parse = _TitleParse(lead)
        if lead > a:
            parse.start, parse.start_index = items[a].start, a
        segs: list[list[_Item]] = []
        cur: list[_Item] = [items[k] for k in range(a, lead)]  # capitalised title words
        if len(cur) > 1 and cur[0].low in g.party_states and g.is_head(cur[1].low):
            # "Democratic Senator X" opening the name's run: the party's state
            parse.countries.append(g.party_states[cur.pop(0).low])
        body_words = 0  # the words of a body's name read before a lower-case office
        j = a - 1
        while j >= 0:
            it = items[j]
            low = it.low
            if it.kind is _OFFICE or (it.plain and (g.is_head(low) or g.is_role(low))):
                if it.plain and not is_capitalised(it.text) and it.text[:1].isupper():
                    break
                if low.endswith("s") and singularise(low) != low:
                    parse.plural = parse.plural or not cur
                cur.insert(0, it)
            elif it.plain and low in g.title_modifiers and cur:
                if it.text[:1].islower() and cur[0].text[:1].isupper():
                    break  # "under Deputy Minister": a lower-case word before a title
                cur.insert(0, it)
            elif (it.plain and cur and is_capitalised(it.text) and low in g.party_states
                  and g.is_head(cur[0].low) and cur[0].low not in g.title_modifiers):
                # "Republican Senator X", "Democratic Rep. X": the party's state (not
                # "Democratic Party leader", "Republican Guard commander")
                parse.countries.insert(0, g.party_states[low])
            elif (
                it.plain
                and len(cur) > body_words
                and body_words < 3
                and cur[body_words].text[:1].islower()
                and (
                    # "Kremlin spokesman", "Central Command spokesman": a body's name
                    # (ranks may follow the office: "spokesman Lt. Col. X")
                    # (a body's word that is no name's: "Central Command")
                    (is_capitalised(it.text)
                     and (low not in g.not_name_words
                          or (body_words and low not in _FUNCTION_WORDS))
                     and not low.endswith(_DEMONYM_ENDINGS))
                    # "ministry spokesman", "army commander": a body's common noun
                    or (not body_words and it.text.islower() and low in g.nonperson_heads)
                )
            ):
                cur.insert(0, it)
                body_words += 1
            elif it.kind is _NATIONALITY:
                parse.countries.insert(0, _iso(it.key))
                # "Turkish and Russian deputy foreign ministers"
                if j >= 2 and items[j - 1].low in _COORD and items[j - 2].kind is _NATIONALITY:
                    j -= 1
            elif (
                it.kind in _STATEISH
                and (states := self._of_states(items, j)) is not None
                and len(states[1]) > 1
            ):
                # "The presidents of Russia and Turkey, Vladimir Putin and ...": one state
                # for each name of the list, in order
                k, codes = states
                parse.countries[:0] = codes
                parse.of_state = True
                if cur:
                    segs.insert(0, cur)
                    cur = []
                j = k
            elif (
                it.kind is _STATE
                and cur
                # (a name with stops is an adjective before any office: "the U.S. envoy")
                and ("." in it.text or (cur[0].text[:1].isupper()
                                        and (j == 0 or items[j - 1].low not in ("of", "the"))))
            ):
                # "UAE Minister of State X", "UK Foreign Secretary X": the state as demonym
                parse.countries.insert(0, _iso(it.key))
            elif it.kind in _STATEISH and j >= 1 and items[j - 1].low in ("of", "the"):
                k = j - 1
                if items[k].low == "the" and k >= 1 and items[k - 1].low == "of":
                    k -= 1
                if items[k].low != "of":
                    break
                parse.countries.insert(0, _iso(it.key))
                parse.of_state = True
                if cur:
                    segs.insert(0, cur)
                    cur = []
                j = k
            elif (
                not cur
                and it.kind in _STATEISH
                and j >= 1
                and self._accredited(items, j - 1)
            ):
                # "Russian Ambassador to Turkey X": the state is where he serves, not his
                if items[j - 1].kind is _OFFICE:
                    cur = [items[j - 1], it]
                else:
                    cur = [items[j - 2], items[j - 1], it]
                    j -= 1
                j -= 1
            elif (
                not cur
                and it.kind is _ORGANISATION
                and j >= 2
                and items[j - 1].low == "the"
                and self._accredited(items, j - 2)
            ):
                # "Syria's ambassador to the UN, X": the organisation he is accredited to
                if items[j - 2].kind is _OFFICE:
                    cur = [items[j - 2], items[j - 1], it]
                else:
                    cur = [items[j - 3], items[j - 2], items[j - 1], it]
                    j -= 1
                j -= 2
            elif (
                not cur
                and j >= 2
                and items[j - 1].low in ("on", "for")
                and (it.kind in (_STATE, _PLACE, _CAPITAL) or is_capitalised(it.text))
                and (items[j - 2].kind is _OFFICE or g.is_head(items[j - 2].low))
            ):
                # "Special Presidential Representative on Syria"
                cur = [items[j - 1], it]
                j -= 1
            elif low == "'s" and j >= 1 and items[j - 1].kind in _STATEISH_OR_NATIONALITY:
                parse.countries.insert(0, _iso(items[j - 1].key))
                j -= 1
                parse.start = items[j].start
                break
            elif (
                low == "'s" and cur and j >= 1 and items[j - 1].kind is _PLACE
                and (code := _place_country(items[j - 1].key)) is not None
            ):
                # "Aleppo's health director X": an office of a place serves its state
                parse.countries.insert(0, code)
                j -= 1
                parse.start = items[j].start
                break
            elif low == "'s" and cur and j >= 1 and items[j - 1].kind in _BODY_LABELS:
                # "the Kremlin's spokesman X": the body's office ("Kremlin Spokesman")
                cur.insert(0, items[j - 1])
                self._body_state(items[j - 1], parse)
                j -= 1
                it = items[j]
            elif cur and (it.kind in _BODY_LABELS or (
                    # (not "anti-Taliban commander")
                    it.kind is _GROUP and self.text[it.start - 1 : it.start] != "-")):
                cur.insert(0, it)  # "Foreign Ministry spokeswoman", "UN envoy", "HTS leader"
                self._body_state(it, parse)
            elif low == "." and j >= 1 and (
                    (_abbreviated(items[j - 1]) and (cur or j == a - 1 or items[j + 1].low == ","))
                    or (cur and items[j - 1].kind is _STATE and "." in items[j - 1].text)):
                pass  # the full stop of "U.N." ("ambassador to the U.N.[,] X", "U.S. envoy")
            elif it.plain and low in g.honorifics and not cur:
                parse.gender = g.honorifics[low] or "?"
            elif (it.plain and not cur and j == a - 1 and j >= 1 and low in g.person_nouns
                  and it.text.islower() and self._nationality_before(items, j)):
                # "Russian businessman X", "Syrian opposition figure X": a person, of that
                # state, with no office
                parse.gender = parse.gender or "?"
                while items[j - 1].kind is not _NATIONALITY:
                    j -= 1  # (the modifiers between: read as the nationality's)
            elif it.plain and low in g.counterpart_nouns and not cur:
                parse.counterpart = True
            elif (
                low == "," and j >= 1 and (j == a - 1 or cur)
                # (a rank alone gives way to the office: "..., Gen. X")
                and self._ranks_only(cur)
                and (office := self._opening_office_of_place(items, j - 1)) is not None
            ):
                # "The governor of Turkey's Hatay province, X": "Governor of Hatay
                # province", TR
                first, state, cur = office
                if state is not None:
                    parse.countries.insert(0, state)
                j = first
                it = items[first]
            elif low == "," and j >= 1 and (
                    # (a rank alone gives way to the office: "Russia's chief of the
                    # General Staff, Gen. X" is "Chief of the General Staff")
                    j == a - 1 or (cur and self._ranks_only(cur))) and (
                self._comma_title(items[j - 1])
                or (j >= 2 and items[j - 1].kind in _STATEISH and self._accredited(items, j - 2))
                # (the organisation's stop before the comma: "to the U.N., X")
                or ((o := j - 1 - (items[j - 1].low == "." and _abbreviated(items[j - 2])))
                    >= 2 and items[o].kind is _ORGANISATION and items[o - 1].low == "the"
                    and self._accredited(items, o - 2))
                or (items[j - 1].kind in _STATEISH and self._plural_of_states(items, j - 1))
                or self._opening_office_of_body(items, j - 1)
            ):
                # "deputy foreign ministers, Sedat Onal and Sergei Vershinin", "Turkey's
                # ambassador to Russia, Mehmet Samsar"
                if cur and self._ranks_only(cur):
                    cur = []  # (the rank read after the comma)
            elif (
                low == "."
                and j >= 1
                and items[j - 1].plain
                and items[j - 1].low in g.title_abbreviations
            ):
                pass  # "Gen. Yasar Guler"
            elif (
                low == "of"
                and cur
                and cur[0].text[:1].isupper()
                and j >= 1
                and items[j - 1].text[:1].isupper()
                and (items[j - 1].kind is _OFFICE
                     or (items[j - 1].plain and g.is_head(items[j - 1].low)))
            ):
                # "Minister of Foreign Affairs X": the office, then its portfolio
                cur[:0] = [items[j - 1], it]
                j -= 1
                it = items[j]
            elif self._coordinated_title(items, j, cur):
                # "Deputy Foreign and Expatriates Minister": two offices share one head
                cur.insert(0, it)
            elif (h := self._link_head(items, j, bool(cur))) is not None:
                # "senior assistant to the foreign minister X", "head of the Turkish
                # regime X": the office is the head noun, linked to what it serves
                for k in range(j, h - 1, -1):
                    if items[k].kind is _NATIONALITY:
                        parse.countries.insert(0, _iso(items[k].key))
                cur = [x for x in items[h : j + 1] if x.kind is not _NATIONALITY] + cur
                j = h
                it = items[h]
            else:
                break
            parse.start = it.start
            parse.start_index = j
            j -= 1
        if cur:
            segs.insert(0, cur)
        if segs:
            principal = _split_offices(segs[0], g)
            parse.words = [w for it in principal for w in _title_words(it)]
        return parse

    def _of_states(self, items: list[_Item], j: int) -> tuple[int, list[str]] | None:
        """"of Russia and Turkey" ending at ``j``: the index of "of" and the states' codes."""
        codes: list[str] = []
        k = j
        while k >= 1 and items[k].kind in _STATEISH:
            codes.insert(0, _iso(items[k].key))
            k -= 1
            if items[k].low in _COORD and k >= 1 and items[k - 1].kind in _STATEISH:
                k -= 1
                continue
            break
        if items[k].low == "the" and k >= 1:
            k -= 1
        if items[k].low != "of" or not codes:
            return None
        return k, codes

    def _plural_of_states(self, items: list[_Item], j: int) -> bool:
        """Whether a plural title and "of" two states end at ``j``: "presidents of X and Y"."""
        found = self._of_states(items, j)
        if found is None or len(found[1]) < 2 or found[0] < 1:
            return False
        return self._plural_title(items[found[0] - 1])

    def _opening_office_of_body(self, items: list[_Item], j: int) -> bool:
        """"The director of the Syrian Observatory, X, said": an office opening the sentence.

        Only at the start of the sentence: elsewhere "speaking to the head of the Red
        Cross, X said" puts a comma between an office and another person.
        """
        it = items[j]
        if not (it.kind in _BODY_LABELS or (it.plain and is_capitalised(it.text))):
            return False
        h = self._link_head_of_body(items, j)
        if h is None:
            return False
        return h == 0 or (h == 1 and items[0].low in _DETERMINERS)

    def _opening_office_of_place(
        self, items: list[_Item], j: int
    ) -> tuple[int, str | None, list[_Item]] | None:
        """"The governor of Turkey's Hatay province, X said", "The commander of Russian
        forces in Syria, Gen. X": an office of a place or a force opening the sentence and
        ending at ``j`` (before the comma). Returns the index of its first word, the code
        of the state it serves (a possessor "Turkey's", a nationality word, the state or
        capital named, or the state a known place lies in) and the office's words, the
        possessor left out ("Governor of Hatay province").

        Only at the start of the sentence, as :meth:`_opening_office_of_body`.
        """
        g = self.g
        h = 1 if items[0].low in _DETERMINERS else 0
        m = h
        while m < j and self._title_unit(items[m], roles=False) and items[m].low != "of":
            m += 1  # "The deputy head of"
        if m == h or m >= j or items[m].low != "of":
            return None
        head = items[m - 1]
        if not (head.kind is _OFFICE or (head.plain and g.is_head(head.low))):
            return None
        obj = items[m + 1 : j + 1]
        if not obj or len(obj) > 8:
            return None
        state = None
        words: list[_Item] = []
        named = False  # a place, a state, a body or a capitalised name
        for n, it in enumerate(obj):
            low = it.low
            if low == "'s" and n >= 1 and obj[n - 1].kind in _STATEISH:
                state = state or _iso(obj[n - 1].key)
                words.pop()  # "Turkey's": who holds the place, not part of the office
                continue
            if it.kind in _STATEISH or it.kind is _PLACE or it.kind is _NATIONALITY or (
                it.kind in _BODY_LABELS or it.kind is _GROUP
                or (it.plain and is_capitalised(it.text))
            ):
                named = True
            elif not (it.plain and (low in ("the", "in", "and")
                                    or (it.text.islower() and low in g.nonperson_heads))):
                return None  # a verb, a clause: not an office's name
            words.append(it)
        if not named:
            return None
        if state is None:
            found = next((it for it in obj if it.kind is _NATIONALITY), None) or next(
                (it for it in obj if it.kind in _STATEISH), None)
            if found is not None:
                state = _iso(found.key)
            else:
                place = next((it for it in obj if it.kind is _PLACE), None)
                state = _place_country(place.key) if place is not None else None
        if len(words) == 1 and words[0].kind is _STATE:
            words = []  # "The president of Turkey, X": the office alone
        return h, state, [*items[h:m], *([items[m], *words] if words else [])]

    def _link_head_of_body(self, items: list[_Item], j: int) -> int | None:
        """"Chief of the General Staff of the Russian Armed Forces X": the head noun's index.

        Walks back over the body's name (capitalised words, bodies, demonyms, "of the")
        from ``j`` to the farthest "<head> of the" that opens it.
        """
        g = self.g
        found = None
        k = j
        while k >= 2 and j - k < 14:
            it = items[k]
            if it.low == "the":
                head = items[k - 2]
                if items[k - 1].low in g.title_links and (
                    head.kind is _OFFICE or (head.plain and g.is_head(head.low))
                ):
                    found = k - 2
            elif it.low == "of" and k < j and items[k + 1].text[:1].isupper():
                # "Minister of State X", "Secretary of Defense X": a capitalised office
                head = items[k - 1]
                if head.text[:1].isupper() and (
                    head.kind is _OFFICE or (head.plain and g.is_head(head.low))
                ):
                    found = k - 1
            elif not (
                it.kind in _BODY_LABELS
                or it.kind is _NATIONALITY
                or it.kind is _OFFICE
                or (it.plain and is_capitalised(it.text))
                or it.low in ("of", "for", "and")
            ):
                break
            k -= 1
        return found

    def _accredited(self, items: list[_Item], j: int) -> bool:
        """Whether ``items[j]`` ends "ambassador to" (one office, or a head and "to" or
        "in": "Moscow's ambassador in Damascus")."""
        it = items[j]
        if it.kind is _OFFICE:
            return it.low.endswith(" to")
        if (it.low != "to" and it.low != "in") or j < 1:
            return False
        head = items[j - 1]
        if it.low == "in":
            return head.low.rsplit(" ", 1)[-1] in self.g.accredited_heads
        return head.kind is _OFFICE or (head.plain and self.g.is_head(head.low))

    @staticmethod
    def _age_apposition(items: list[_Item], b: int) -> bool:
        """"X, 45, said", "X, a 34-year-old teacher, fled": an age after a name marks a
        person's."""
        if b + 2 >= len(items) or items[b].low != ",":
            return False
        nxt, after = items[b + 1], items[b + 2]
        if nxt.plain and nxt.text.isdigit() and len(nxt.text) <= 2:
            return after.low == ","
        return nxt.low in _DETERMINERS and after.plain and after.low.endswith("-year-old")

    def _to_organisation(self, items: list[_Item], j: int) -> int:
        """The end of "to the UN" after an office ending at ``j - 1`` ("envoy to the UN",
        "ambassador to the United Nations"), or ``j`` if none."""
        n = len(items)
        k = j
        if items[j - 1].kind is _OFFICE and items[j - 1].low.endswith(" to"):
            pass  # "ambassador to" is one office
        elif k < n and self._accredited(items, k):
            k += 1
        else:
            return j
        if k + 1 < n and items[k].low == "the" and items[k + 1].kind is _ORGANISATION:
            return k + 2
        return j

    def _coordinated_title(self, items: list[_Item], j: int, cur: list[_Item]) -> bool:
        """Whether ``items[j]`` joins a capitalised title by "and": "Foreign and Expatriates"."""
        if not cur or not cur[0].text[:1].isupper():
            return False
        it = items[j]
        g = self.g
        if it.low in ("and", "&"):
            prev = items[j - 1] if j >= 1 else None
            return (
                prev is not None
                and prev.plain
                and prev.low in g.title_modifiers
                and prev.text[:1].isupper()
            )
        return (
            it.plain
            and is_capitalised(it.text)
            and j >= 2
            and items[j - 1].low in ("and", "&")
            and items[j - 2].plain
            and items[j - 2].low in g.title_modifiers
            and items[j - 2].text[:1].isupper()
            and it.low not in g.not_name_words
        )

    def _link_head(self, items: list[_Item], j: int, has_cur: bool) -> int | None:
        """The index of the head noun of "<head> of/to the <office or body>" ending at ``j``.

        With a title read already (``has_cur``), ``items[j]`` is the "the" before it
        ("assistant to the foreign minister"); without, it is a lower-case body noun
        ("head of the Turkish regime").
        """
        g = self.g
        k = j
        if not has_cur:
            it = items[k]
            if it.kind in _BODY_LABELS or (it.plain and is_capitalised(it.text)
                                           and it.low in g.nonperson_heads):
                return self._link_head_of_body(items, j)
            if k + 1 < len(items) and items[k + 1].low == "," and self._opening_office_of_body(
                items, j
            ):
                return self._link_head_of_body(items, j)  # "... for Human Rights, X"
            if not (it.plain and it.text.islower()
                    and (it.low in g.regime_nouns or it.low in g.nonperson_heads)):
                return None
            k -= 1
        while k >= 0 and items[k].kind is _NATIONALITY:
            k -= 1
        if k < 2 or items[k].low != "the" or items[k - 1].low not in g.title_links:
            return None
        head = items[k - 2]
        if head.kind is _OFFICE or (head.plain and (g.is_head(head.low) or g.is_role(head.low))):
            return k - 2
        return None

    def _ranks_only(self, words: list[_Item]) -> bool:
        """Whether ``words`` are a military rank and its full stops alone ("Gen.", "Rear
        Admiral"), true of none."""
        ranks = self.g.ranks
        return all(x.plain and (x.low in ranks or x.low == ".") for x in words)

    def _title_unit(self, it: _Item, *, roles: bool = True) -> bool:
        """An office, a title head noun, a title modifier, or (with ``roles``) a role noun."""
        if it.kind is _OFFICE:
            return True
        if not it.plain:
            return False
        g = self.g
        low = it.low
        return g.is_head(low) or low in g.title_modifiers or (roles and g.is_role(low))

    @staticmethod
    def _list_goes_on(items: list[_Item], b: int) -> bool:
        """Whether another name may follow the name ending at ``b``: "and", "&" or a comma
        next, after its "of <state>" if any ("Presidents X of Russia and Y of Iran")."""
        n = len(items)
        if b + 1 < n and items[b].low == "of" and items[b + 1].kind in _STATEISH:
            b += 2
        return b < n and items[b].low in ("and", "&", ",")

    def _body_state(self, it: _Item, parse: _TitleParse) -> None:
        """The state of a government body that names one ("Pentagon": US), as the
        parse's country where it has none yet."""
        if it.kind is _GOVERNMENT_BODY and not parse.countries and (
                code := self.g.body_states.get(fold_name(it.text))) is not None:
            parse.countries.append(code)

    def _nationality_before(self, items: list[_Item], j: int) -> bool:
        """Whether a nationality word stands before ``j``, up to two lower-case modifiers
        away ("Syrian opposition figure")."""
        for k in range(j - 1, max(-1, j - 4), -1):
            it = items[k]
            if it.kind is _NATIONALITY:
                return True
            if not (it.plain and it.text.islower() and it.low in self.g.title_modifiers):
                return False
        return False

    def _person_noun_at(self, items: list[_Item], a: int) -> bool:
        """Whether an apposition opening at ``a`` ("a", "the") goes on, after its
        nationality words, with up to two lower-case words and a noun of what a person is
        ("a veteran jihadist", "the Russian businessman who ..."), which ends the noun
        phrase ("a jihadist group" is no person)."""
        n = len(items)
        if a >= n or items[a].low not in _DETERMINERS:
            return False
        g = self.g
        j = a + 1
        # (a modifier may come first: "a prominent Syrian opposition figure")
        while j < n and (items[j].kind is _NATIONALITY or (
                j == a + 1 and items[j].plain and items[j].low in g.title_modifiers)):
            j += 1
        for m in range(j, min(n, j + 3)):
            it = items[m]
            if not (it.plain and it.text.islower()):
                return False
            if it.low in g.person_nouns:
                nxt = items[m + 1] if m + 1 < n else None
                return nxt is None or not (nxt.plain and nxt.text.isalpha() and (
                    nxt.low in g.nonperson_heads or nxt.low in g.group_heads
                    or nxt.low in g.person_nouns or g.is_head(nxt.low) or g.is_role(nxt.low)))
        return False

    def _kunya(self, items: list[_Item], a: int, b: int) -> bool:
        """ "Abu Musab al-Zarqawi": a name by a son (kunya) and an origin (nisba) is a
        person's, cue or none (places are "Abu X" alone: "Abu Kamal", "Abu al-Duhur")."""
        if b - a < 2 or items[a].text != "Abu":
            return False
        words = self.text[items[a].start : items[b - 1].end].split()
        return (len(words) >= 3 and words[1][:1].isupper() and "-" not in words[1]
                and (words[-1][:3].lower() == "al-" or words[-2].lower() == "al"))

    def _body_office(self, items: list[_Item], j: int) -> int:
        """Where a lower-case office begins after one to three capitalised words or a group
        at ``j`` (the name of a body: "Central Command spokesman", "Hamza Division
        commander"), or -1."""
        k, n = j, len(items)
        while k < n and k - j < 3 and (
                (items[k].plain and is_capitalised(items[k].text)) or items[k].kind is _GROUP):
            k += 1
        if k == j or k >= n or not items[k].text[:1].islower() or not self._title_unit(items[k]):
            return -1
        return k

    def _comma_title(self, it: _Item) -> bool:
        """A title that may stand before a comma and the name: "his Turkish counterpart, X"."""
        if self._plural_title(it):
            return True
        low = it.low
        g = self.g
        return it.kind is _OFFICE or (it.plain and (
            low in g.counterpart_nouns or g.is_head(low) or g.is_role(low)))

    def _plural_title(self, it: _Item) -> bool:
        low = it.low.split()[-1] if it.low.split() else it.low
        return (it.kind is _OFFICE or self.g.is_head(low) or self.g.is_role(low)) and (
            singularise(low) != low
        )

    def _parse_apposition(self, items: list[_Item], b: int) -> _TitleParse | None:
        """Read ", Turkey's defence minister" or ", the Russian foreign minister" after a name."""
        g = self.g
        n = len(items)
        if b >= n or items[b].low != ",":
            return None
        parse = _TitleParse(b)
        j = b + 1
        if (
            j + 2 < n
            and items[j].low == "who"
            and items[j + 1].low in g.relative_offices
            and items[j + 2].low == "the"
        ):
            # ", who heads the opposition Syrian Interim Government": the head of it
            k = j + 3
            stop = self._body_run(items, k)
            if stop == k:
                return None
            if items[k].kind is _NATIONALITY:
                parse.countries.append(_iso(items[k].key))
            parse.words = [g.relative_offices[items[j + 1].low], "of", "the",
                           *(w for it in items[k:stop] for w in _title_words(it))]
            return parse
        if j < n and (openers := g.apposition_openers.get(items[j].low)) is not None:
            # ", who is Turkey's envoy", ", once a Russian diplomat": the office after
            for opener in openers:
                if tuple(it.low for it in items[j : j + len(opener)]) == opener:
                    j += len(opener)
                    break
        # ", President Vladimir Putin's envoy for Syria", ", the Kremlin's special envoy":
        # skip the possessor (a state as possessor gives the country, below)
        p0 = j + 1 if j < n and items[j].low == "the" else j
        for k in range(p0, min(n - 1, p0 + 6)):
            if items[k].low == "'s":
                # after "the", a common noun may own the office too: ", the UK-based
                # monitor's director", ", the group's leader"
                common = p0 > j
                if k > p0 and items[k - 1].kind not in _STATEISH and all(
                    x.kind in _POSSESSOR_KINDS
                    or is_capitalised(x.text)
                    # (not ", the director of the Observatory's office": the office's
                    # head noun comes before the possessor)
                    or (common and x.plain and x.text[:1].isalpha()
                        and not (x.text.islower() and g.is_head(x.low)))
                    for x in items[p0:k]
                ):
                    for x in items[p0:k]:
                        self._body_state(x, parse)  # ", the Kremlin's envoy"
                        if x.kind is _NATIONALITY and not parse.countries and (
                                self.text[x.end : x.end + 1] != "-"):
                            # ", the Russian Defence Ministry's spokesman" (not ", the
                            # Turkish-backed X's spokesman": a backer is no owner)
                            parse.countries.append(_iso(x.key))
                    j = k + 1
                break
        words: list[_Item] = []
        while j < n:
            it = items[j]
            low = it.low
            if low in _DETERMINERS and not words and not parse.countries:
                pass
            elif low in _OWNER_PRONOUNS and j == b + 1:
                pass  # ", his Russian counterpart": the possessor is the person before
            elif low in g.counterpart_nouns and not words:
                # ", his Russian counterpart,": he holds the office of the person before
                # (_counterparts), unless the apposition is the title of the next name
                # (", his Turkish counterpart, Mevlut Cavusoglu")
                k = j + 1
                if k + 1 < n and items[k].low == "," and (
                    items[k + 1].kind is _PERSON or self._name_word(items, k + 1, first=True)
                ):
                    return None
                parse.counterpart = True
                return parse
            elif it.kind is _NATIONALITY and not words:
                parse.countries.append(_iso(it.key))
            elif it.kind is _NATIONALITY and not parse.countries and all(
                    w.plain and w.low in g.title_modifiers and not g.is_head(w.low) for w in words):
                # ", a retired Turkish diplomat", ", a former Syrian envoy": the modifiers
                # before the nationality are the office's
                parse.countries.append(_iso(it.key))
            elif not words and it.kind in _STATEISH and self.text.startswith("-based", it.end):
                pass  # ", a Berlin-based expert": where he works, not whom he serves
            elif (
                it.kind in _STATEISH
                and not words
                and not parse.countries
                and j + 1 < n
                and (self._title_unit(items[j + 1]) or (
                    items[j + 1].low == "." and j + 2 < n and self._title_unit(items[j + 2]))
                    or self._body_office(items, j + 1 + (items[j + 1].low == ".")) > 0)
            ):
                # ", the U.S. special representative": a state's name used as a demonym
                parse.countries.append(_iso(it.key))
                if items[j + 1].low == ".":
                    j += 1
            elif (
                it.kind in _STATEISH
                and not words
                and j + 1 < n
                and items[j + 1].low == "'s"
            ):
                parse.countries.append(_iso(it.key))
                j += 1
            elif self._title_unit(it) or (it.kind in _BODY_LABELS and not words):
                words.append(it)  # "the U.N. special envoy", "Turkey's foreign minister"
                self._body_state(it, parse)
            elif not words and (k := self._body_office(items, j)) > 0:
                # ", a Central Command spokesman": a body's name the text does not know
                words.extend(items[j:k])
                j = k - 1
            elif low == "." and words and _abbreviated(words[-1]):
                pass  # the full stop of "U.N."
            elif (low in g.linked_roles and j + 1 < n and items[j + 1].low in ("of", "at")
                  and all(w.plain and w.low in g.title_modifiers for w in words)):
                # ", a member of the Duma", ", a senior fellow at the X": a title only
                # with the body it links to (read below)
                words.append(it)
                j += 1
                break
            elif not words and not parse.countries and (
                    code := self._party_state(items, j)) is not None:
                # ", a Texas Republican": a party's member, of the party's state
                parse.countries.append(code)
                parse.gender = parse.gender or "?"
                return parse
            else:
                break
            j += 1
        # the phrase must end on a head noun: "a senior official", not "the military"
        while words and not (words[-1].kind is _OFFICE or g.is_head(words[-1].low)
                             or g.is_role(words[-1].low) or words[-1].low in g.linked_roles):
            words.pop()
        if not words:
            if self._person_noun_at(items, b + 1):
                # ", a Russian businessman", ", a veteran jihadist": a person (of that
                # state), with no office
                parse.gender = parse.gender or "?"
                return parse
            return None
        if j < n and items[j].kind in _STATEISH and words and self._accredited(
            [*words, items[j]], len(words) - 1
        ):
            words.append(items[j])  # ", Russia's ambassador to Turkey": where he serves
            j += 1
        elif (
            words
            and j + 1 < n
            and items[j + 1].kind in _STATEISH
            and items[j - 1] is words[-1]
            and self._accredited(items, j)
        ):
            words.extend(items[j : j + 2])  # ", the UN envoy to Syria"
            j += 2
        elif words and items[j - 1] is words[-1] and (
            (to := self._to_organisation(items, j)) > j
        ):
            words.extend(items[j:to])  # ", Syria's envoy to the UN"
            j = to
        if j < n and (items[j].kind is _PERSON or self._name_word(items, j, first=False)):
            return None  # ", Professor Geoff Masters": the title of the next name
        if (
            j + 1 < n
            and items[j].low in ("on", "for")
            and (items[j + 1].kind in (_STATE, _PLACE) or is_capitalised(items[j + 1].text))
            # (not "spokesman for Turkey's ruling party": the state owns what he speaks for)
            and not (j + 2 < n and items[j + 2].low == "'s")
        ):
            words.extend(items[j : j + 2])  # "envoy for Syria"
            j += 2
        if j + 1 < n and items[j].low in ("of", "for"):
            k = j + 1
            if items[k].low == "the" and k + 1 < n:
                k += 1
            # "of the European Council": a nationality word opening a body's name
            demonym_body = (
                items[k].kind is _NATIONALITY
                and k + 1 < n
                and self._body_run(items, k + 1) > k + 1
            )
            # (a member of a body named by a nationality word, "of the Syrian National
            # Council", may oppose that state: "of the Russian parliament" is its own)
            alien = demonym_body and words[-1].low in g.linked_roles and is_capitalised(
                items[k + 1].text)
            owned = items[k].kind in _STATEISH and k + 2 < n and items[k + 1].low == "'s"
            # "for the Syria Crisis", "of the Yemen Desk": a state's name opening the
            # name of a thing (a state takes no "the"), part of the office, not his state
            named = k > j + 1 and items[k].kind is _STATE and _named_after(items, k + 1)
            if named:
                stop = k + 1
                while _named_after(items, stop):
                    stop += 1
                words = [*_split_offices(words, g), *items[j:stop]]
                return self._finish_apposition(parse, words, split=False)
            if owned and (stop := self._body_run(items, k + 2)) > k + 2:
                # "head of Syria's National Security Bureau": the state owns the body the
                # head noun heads; the office is "head of the National Security Bureau"
                parse.countries.append(_iso(items[k].key))
                parse.words = [*(w for it in _split_offices(words, g) for w in _title_words(it)),
                               items[j].low, "the",
                               *(w for it in items[k + 2 : stop] for w in _title_words(it))]
                return parse
            if not demonym_body and (items[k].kind in _STATEISH or items[k].kind is _NATIONALITY):
                parse.countries.append(_iso(items[k].key))
            else:
                # "head of the Reconciliation Center", "president of the European Council":
                # the body a head noun heads is part of the office
                stop = self._body_run(items, k)
                if demonym_body and not alien:
                    # "commander of the Russian forces": the body's state is his
                    parse.countries.append(_iso(items[k].key))
                if stop == k and items[k].kind is _PLACE and items[j].low == "of":
                    # ", governor of Hatay province": the place the office serves, in
                    # the state that holds it
                    code = _place_country(items[k].key)
                    if code is not None:
                        parse.countries.append(code)
                    stop = k + 1
                    if stop < n and items[stop].plain and items[stop].text.islower() and (
                        items[stop].low in g.nonperson_heads
                    ):
                        stop += 1
                if stop > k:
                    # "of the Russian General Staff" inside the body's name: the title
                    # goes without the nationality word, which gives the state
                    inner = [it for it in items[k + 1 : stop] if it.kind is _NATIONALITY]
                    if inner and not parse.countries and words[-1].low not in g.linked_roles:
                        parse.countries.append(_iso(inner[0].key))
                    if (stop + 1 < n and items[stop].low == "for"
                            and items[stop + 1].kind in (_STATE, _PLACE)):
                        stop += 2  # "head of the Reconciliation Center for Syria"
                    words = [*_split_offices(words, g), *items[j : k + 1],
                             *(it for it in items[k + 1 : stop] if it.kind is not _NATIONALITY)]
                    return self._finish_apposition(parse, words, split=False)
        if (
            not parse.countries
            and j + 3 < n
            and items[j].low in ("at", "with")
            and items[j + 1].low == "the"
            and items[j + 2].kind is _NATIONALITY
            # (not "the Turkish-backed Syrian National Army": a backer is no owner)
            and self.text[items[j + 2].end : items[j + 2].end + 1] != "-"
            and self._body_run(items, j + 2) > j + 3
        ):
            # ", an expert at the Russian International Affairs Council": a body named by
            # a nationality word is of that state, and so is who works there
            parse.countries.append(_iso(items[j + 2].key))
        return self._finish_apposition(parse, words)

    def _capital_before(self, items: list[_Item], s: int, a: int) -> str | None:
        """The state of the capital in "In Beijing, " opening the sentence before a
        lower-case office ``items[s:a]`` that names no state ("In Ankara, defence ministry
        spokesman X said"): the office is of the government seated there."""
        t = s - 1 if s and items[s - 1].low == "the" else s
        if not (3 <= t < a and items[t - 1].low == "," and items[t - 2].kind is _CAPITAL
                and items[t - 3].low == "in" and (t == 3 or items[t - 4].low == "meanwhile")):
            return None
        # (an office of a government, not a role: "In Ankara, analyst X" is no Turk's)
        if not (self.g.is_head(items[a - 1].low.rsplit(" ", 1)[-1]) and all(
                (it.plain or it.kind is _OFFICE or it.kind is _GOVERNMENT_BODY)
                and it.text.islower() for it in items[s:a])):
            return None
        return _iso(items[t - 2].key)

    def _party_state(self, items: list[_Item], j: int) -> str | None:
        """The state of a party's noun after up to three capitalised words at ``j`` that
        ends the noun phrase ("Texas Republican", "Democrat from Ohio"), or ``None``."""
        n = len(items)
        for k in range(j, min(n, j + 4)):
            it = items[k]
            if not is_capitalised(it.text):
                return None
            code = self.g.party_states.get(it.low) if it.plain else None
            if code is not None:
                nxt = items[k + 1] if k + 1 < n else None
                return code if nxt is None or not is_capitalised(nxt.text) else None
        return None

    def _body_run(self, items: list[_Item], k: int) -> int:
        """The end of a body's name at ``k`` ("the European Council"), or ``k`` if none."""
        n = len(items)
        g = self.g
        # "the forensic medicine department", "the Russian forces": lower-case words up to
        # an institution's noun
        first = k + 1 if items[k].kind is _NATIONALITY else k
        for m in range(first, min(n, first + 4)):
            it = items[m]
            if not (it.plain and it.text.islower() and it.text[:1].isalpha()):
                break
            if it.low in g.nonperson_heads or it.low in g.regime_nouns:
                # "the opposition Syrian Interim Government": a name may follow
                return max(m + 1, self._cap_body(items, m + 1, nationality=False))
        stop = self._cap_body(items, k)
        return k if stop == first > k else stop  # a demonym alone names no body

    def _cap_body(self, items: list[_Item], k: int, *, nationality: bool = True) -> int:
        """The end of a capitalised body's name at ``k``, or ``k`` if none."""
        n = len(items)
        stop = k
        while stop < n and stop - k < _MAX_BODY_ITEMS:
            it = items[stop]
            if it.kind in _BODY_LABELS or it.kind is _GROUP or (
                nationality and stop == k and it.kind is _NATIONALITY
            ) or (
                # "of the Russian General Staff": a nationality word opening a body's
                # name inside the body's name
                it.kind is _NATIONALITY and stop > k and items[stop - 1].low == "the"
                and stop + 1 < n and (items[stop + 1].kind in _BODY_LABELS
                                      or is_capitalised(items[stop + 1].text))
            ) or (
                # "the Aleppo Media Center", "the Idlib Health Directorate": a place
                # opening a body's name
                it.kind is _PLACE and stop + 1 < n and (
                    items[stop + 1].kind in _BODY_LABELS
                    or (items[stop + 1].plain and is_capitalised(items[stop + 1].text)))
            ) or (
                # "the Joint Chiefs of Staff": an office's words inside a body's name
                # ("the General Intelligence Directorate": opening it)
                it.kind is _OFFICE and it.text[:1].isupper() and (
                    stop > k or (stop + 1 < n and is_capitalised(items[stop + 1].text)))
            ) or (
                it.plain and it.text[:1].isupper() and it.text[:1].isalpha()
            ) or (
                # "the 5th Corps", "the 25th Special Mission Forces Division"
                it.plain and it.text[:1].isdigit() and stop + 1 < n
                and items[stop + 1].text[:1].isupper()
            ):
                stop += 1
            elif (it.low == "'s" and stop > k and stop + 1 < n
                  and (items[stop + 1].kind in _BODY_LABELS
                       or (items[stop + 1].plain and is_capitalised(items[stop + 1].text)))):
                stop += 1  # "the General Staff's Main Operations Department"
            elif it.low in ("of", "for", "and") and stop > k and stop + 1 < n:
                # "Office for the Coordination": the next word is checked on the next turn
                nxt = stop + 2 if items[stop + 1].low == "the" else stop + 1
                if nxt < n and (items[nxt].kind in _BODY_LABELS or is_capitalised(items[nxt].text)):
                    stop = nxt
                else:
                    break
            else:
                break
        while stop > k and items[stop - 1].low in ("of", "for", "and", "the"):
            stop -= 1
        # "the Al Qaeda network", "the Hamza group", "the MIT intelligence agency"
        end = stop + 2
        while stop > k and stop < min(n, end) and items[stop].plain and (
            items[stop].text.islower()
        ) and (items[stop].low in self.g.nonperson_heads or items[stop].low in self.g.group_heads):
            stop += 1
        return stop

    def _finish_apposition(
        self, parse: _TitleParse, words: list[_Item], *, split: bool = True
    ) -> _TitleParse:
        units = _split_offices(words, self.g) if split else words
        parse.words = [w for it in units for w in _title_words(it)]
        return parse

    def _speech_cue(self, items: list[_Item], start: int, b: int) -> bool:
        """"X said", "said X", "according to X", "chaired by X"."""
        g = self.g
        n = len(items)
        if b < n and items[b].low in g.speech_verbs:
            return True
        if (b + 1 < n and items[b].low == "," and start >= 1 and items[start - 1].low == ","
                and items[b + 1].low in g.speech_verbs
                # (not "The company, X Energy, believes": a body's name)
                and not (start >= 2 and (items[start - 2].low in g.nonperson_heads
                                         or items[start - 2].low in g.group_heads))):
            return True  # "One of the rebels, X, told reporters": a name in apposition
        if b + 1 < n and items[b].low == "," and items[b + 1].text[:1].islower():
            # "Bilal Erdogan, the president's son, said": the subject of a speech verb
            for k in range(b + 1, min(n - 1, b + 10)):
                if items[k].low == ",":
                    if items[k + 1].low in g.speech_verbs:
                        return True
                    break
        if start >= 1 and items[start - 1].low in g.speech_verbs:
            return True
        for k, phrases in g.attribution_by_length:
            if start >= k and tuple([it.low for it in items[start - k : start]]) in phrases:
                return True
        return False

    def _continues_list(self, items: list[_Item], prev: _ListState, a: int) -> bool:
        """Whether only coordinators (and a state, after "of") separate this name from the last."""
        parse = prev.parse
        gap = items[prev.end : a]
        if not gap or len(gap) > 3:
            return False
        saw_coord = False
        for it in gap:
            if it.low in _COORD:
                saw_coord = True
            elif it.kind in _STATEISH and parse.of_state:
                continue
            else:
                return False
        return saw_coord

    def _inherit(self, hit: _Hit, listed: _ListState, items: list[_Item], a: int) -> None:
        first, parse = listed.first, listed.parse
        hit.title = first.title
        country = None
        for it in items[listed.end : a]:
            if it.kind in _STATEISH:
                country = _iso(it.key)
        countries = parse.countries
        if country is None and len(countries) > 1 and listed.count < len(countries):
            country = countries[listed.count]
        hit.country = hit.country or country
        hit.title_start = first.title_start
        # "his Russian and Turkish counterparts, X and Y": each holds the office
        hit.counterpart = hit.counterpart or parse.counterpart

    def _apply(self, hit: _Hit, parse: _TitleParse, *, titled: bool = True) -> None:
        if titled and parse.words and hit.title is None:
            hit.title = parse.title
        if parse.countries and hit.country is None:
            hit.country = parse.countries[0]
        if parse.gender and parse.gender != "?":
            hit.gender = parse.gender
        hit.counterpart = hit.counterpart or parse.counterpart
        if parse.start < hit.title_start:
            hit.title_start = parse.start

    # ----------------------------------------------------------------- clustering

    def _cluster(self) -> None:
        by_key: dict[str, _Person] = {}
        by_name: dict[str, _Person] = {}
        persons: list[_Person] = []
        singles: list[_Hit] = []
        hits = self.hits
        if self._place_named:
            hits = self.hits = [h for h in hits if h.key is not None
                                or name_key(h.text) not in self._place_named]
        for hit in hits:
            if hit.key is not None:
                p = by_key.get(hit.key)
                if p is None:
                    p = by_key[hit.key] = _Person(hit)
                    persons.append(p)
                else:
                    p.hits.append(hit)
            elif hit.full:
                k = name_key(hit.text)
                p = by_name.get(k) or self._match_full(persons, hit)
                if p is not None and self._is_tail(p, hit):
                    hit.full = False  # "Abdel Rahman": the surname of Rami Abdel Rahman
                if p is None:
                    p = by_name[k] = _Person(hit)
                    persons.append(p)
                else:
                    p.hits.append(hit)
            else:
                singles.append(hit)
        # from here on no hit changes whether it is full: a person's surnames change only
        # with its persons' records, read once each (see _surnames)
        self._surnames_of = {}
        for hit in singles:
            p = self._match_surname(persons, hit.words[-1], hit.span.start)
            if p is None:
                p = _Person(hit)
                persons.append(p)
            else:
                p.hits.append(hit)
        kb = self._kb_people(persons)
        for p in persons:
            p.hits.sort(key=lambda h: h.span.start)
            self._finish_person(p, kb.get(p.key or ""))
        persons.sort(key=lambda p: p.hits[0].span.start)
        self.persons = persons

    def _match_full(self, persons: list[_Person], hit: _Hit) -> _Person | None:
        """An earlier person this full name is a variant of (same surname and first name)."""
        words = name_key(hit.text).split()
        for p in persons:
            for other in self._known_names(p):
                ow = name_key(other).split()
                if len(ow) >= 2 and ow[-1] == words[-1] and ow[0][:1] == words[0][:1]:
                    return p
                if len(ow) > len(words) and ow[-len(words) :] == words:
                    return p  # "Abdel Rahman" after "Rami Abdel Rahman": a compound surname
        return None

    def _is_tail(self, p: _Person, hit: _Hit) -> bool:
        words = name_key(hit.text).split()
        return any(
            len(ow) > len(words) and ow[-len(words) :] == words
            for ow in (name_key(n).split() for n in self._known_names(p))
        )

    def _match_surname(self, persons: list[_Person], word: str, pos: int) -> _Person | None:
        key = name_key(word)
        best: _Person | None = None
        best_pos = -1
        for p in persons:
            if key in self._surnames(p):
                last = max((h.span.start for h in p.hits if h.span.start <= pos), default=0)
                if best is None or last > best_pos:
                    best, best_pos = p, last
        return best

    def _known_names(self, p: _Person) -> list[str]:
        names = [h.text for h in p.hits if h.full]
        if p.key is not None:
            rec = self._kb_person(p.key)
            if rec is not None:
                names.extend([rec[0], *rec[1]])
        return names

    def _surnames(self, p: _Person) -> set[str]:
        """The surname keys of a person's full names (read once a person, once clustering
        has settled which hits are full names)."""
        cache = self._surnames_of
        got = cache.get(id(p)) if cache is not None else None
        if got is not None:
            return got
        keys: set[str] = set()
        for name in self._known_names(p):
            if len(name.split()) >= 2:
                keys.update(surname_keys(name))
        if cache is not None:
            cache[id(p)] = keys
        return keys

    def _kb_people(self, persons: list[_Person]) -> dict[str, _KbPerson]:
        out: dict[str, _KbPerson] = {}
        for p in persons:
            if p.key is not None:
                rec = self._kb_person(p.key)
                if rec is not None:
                    out[p.key] = rec
        return out

    def _finish_person(self, p: _Person, rec: _KbPerson | None) -> None:
        full = p.full_hits
        first = full[0] if full else p.hits[0]
        p.words = first.words
        for h in p.hits:
            if p.title is None and h.title:
                p.title = h.title
            if p.country is None and h.country:
                p.country = h.country
            if not p.gender and h.gender:
                p.gender = h.gender
        if rec is not None:
            p.country = p.country or rec[2]
            p.gender = p.gender or rec[3]
        if p.key is not None:
            p.id = p.key
        else:
            p.id = f"person:{slug(first.text)}"
        for h in p.hits:
            kind = _MK_NAME if h.full else _MK_SURNAME
            p.mentions.append(_mention(h.span, h.text, kind))

    # ----------------------------------------------------------------- later mentions

    def _surname_mentions(self) -> None:
        if not self.persons:
            return
        taken = [(m.span.start, m.span.end) for p in self.persons for m in p.mentions]
        index: dict[str, list[_Person]] = {}
        for p in self.persons:
            for k in self._surnames(p):
                index.setdefault(k, []).append(p)
        text, folded, anns, starts = self.text, self.folded, self.anns, self.starts
        # where a surname may stand: known persons' surnames (annotated by the knowledge
        # base) and the last names of the full names this text gives
        found: set[tuple[int, int]] = {
            (a.span.start, a.span.end) for a in self.person_anns if " " not in a.text
        }
        forms: set[str] = set()
        for h in self.hits:
            if h.full:
                last = folded[h.span.start : h.span.end].split()[-1]
                forms.add(last)
                head, _, rest = last.partition("-")
                if rest and head in self.g.particles:
                    forms.add(rest)  # "al-Assad" may be cited as "Assad"
        for form in forms:
            i = folded.find(form)
            while i >= 0:
                j = i + len(form)
                if (i == 0 or not _word_char(folded[i - 1])) and (
                    j == len(folded) or not _word_char(folded[j])
                ):
                    found.add((i, j))
                i = folded.find(form, j)
        # a span that is a mention already is inside one (see _inside below): most of the
        # known persons' annotations are, and need no other test
        mentioned = set(taken)
        for start, end in sorted(found):
            if (start, end) in mentioned:
                continue
            word = text[start:end]
            if not (is_capitalised(word) or "-" in word):
                continue
            cands = index.get(name_key(word))
            if not cands:
                continue
            a = bisect.bisect_right(starts, start) - 1
            if a >= 0 and anns[a].span.end > start:
                ann = anns[a]
                if ann.label not in (_PERSON, _PLACE) or ann.span.end != end:
                    continue
            if _inside(taken, start, end):
                continue
            si = self._sentence_at(start)
            if si is None or self._after_unknown_name(si, start):
                continue
            person = self._nearest(cands, start)
            person.mentions.append(_mention(_span(start, end), word, _MK_SURNAME))
            taken.append((start, end))
        for p in self.persons:
            p.mentions.sort(key=_mention_order)

    def _after_unknown_name(self, si: int, start: int) -> bool:
        """Whether a capitalised word that is no title comes just before ``start``.

        "Bilal Erdogan": the surname of a known person after another first name.
        """
        tk = self._tokens(si)
        ti = bisect.bisect_left(tk.starts, start)
        if ti == 0:
            return False
        s, e = tk.starts[ti - 1], tk.ends[ti - 1]
        word = self.text[s:e]
        if not is_capitalised(word) or (ti - 1 == 0 and self.folded[s:e] in self.g.not_name_words):
            return False
        a = bisect.bisect_right(self.starts, s) - 1
        if a >= 0 and self.anns[a].span.end > s:
            return False  # an office, a nationality word...
        return not self._title_word(self.folded[s:e])

    def _nearest(self, cands: list[_Person], pos: int) -> _Person:
        def last_before(p: _Person) -> int:
            return max((m.span.start for m in p.mentions if m.span.start <= pos), default=-1)

        return max(cands, key=last_before)

    def _sentence_no(self, pos: int) -> int:
        return bisect.bisect_right(self.sent_starts, pos) - 1

    def _counterparts(self) -> None:
        """"Lavrov and his Iranian counterpart Javad Zarif": Zarif holds Lavrov's office.

        "his counterparts X and Y": Y's previous person is X, a counterpart too, whose
        office may only be known once X is read; a second pass gives it to Y.
        """
        for _ in range(2):
            changed = False
            for p in self.persons:
                if p.title is not None:
                    continue
                for h in p.hits:
                    if not h.counterpart:
                        continue
                    other = self._previous_person(h.span.start, exclude=p)
                    if other is not None and other.title:
                        p.title = other.title
                        changed = True
                        break
            if not changed:
                break

    def _previous_person(self, pos: int, exclude: _Person) -> _Person | None:
        """The person mentioned last before ``pos`` (in this or the previous sentence)."""
        best: tuple[int, _Person] | None = None
        for p in self.persons:
            if p is exclude:
                continue
            for m in p.mentions:
                if m.span.start < pos and (best is None or m.span.start > best[0]):
                    best = (m.span.start, p)
        if best is None or self._sentence_no(pos) - self._sentence_no(best[0]) > 1:
            return None
        return best[1]

    def _title_mentions(self) -> None:
        """"the top Turkish diplomat", "the Russian president", "his Turkish counterpart"."""
        if not self.persons:
            return
        g = self.g
        taken = [(m.span.start, m.span.end) for p in self.persons for m in p.mentions]
        for h in self.hits:
            taken.append((h.title_start, h.span.end))
        folded = self.folded
        sent_starts, prose_ends = self.sent_starts, self.prose_ends
        final = len(sent_starts) - 1
        si = -1  # _sentence_at, inlined (text order: no bisect in the sentence of the last)
        for ann in self.nationality_anns:
            pos = ann.span.start
            if si < final and sent_starts[si + 1] <= pos:
                si = bisect.bisect_right(sent_starts, pos, si + 1) - 1
            if si < 0 or pos >= prose_ends[si]:
                continue
            floor = sent_starts[si]
            q = pos  # the text before, less the spaces that end it (no copy of it read)
            while q > floor and folded[q - 1].isspace():
                q -= 1
            if not folded.endswith(_BEFORE_TITLE_ENDS, floor, q):
                continue  # the word before is none of those read below (most are not)
            before, at = self._prev_word(pos, floor)
            if before == "top":
                before = self._prev_word(at, floor)[0]
            if before not in _DETERMINERS and before not in _POSSESSIVE_PRON:
                continue
            if not self._title_word_after(si, ann.span.start, ann.span.end):
                continue  # what the window below would find, read without building it
            got = self._window_around(ann.span.start, 3, 6)
            if got is None:
                continue
            items, j = got
            b = j - 1
            if b >= 0 and items[b].low == "top":
                b -= 1
            if b < 0 or (items[b].low not in _DETERMINERS and items[b].low not in _POSSESSIVE_PRON):
                continue
            n = len(items)
            k = j + 1
            words: list[_Item] = [items[b + 1]] if items[b + 1].low == "top" else []
            counterpart = False
            while k < n:
                nxt = items[k]
                if self._title_unit(nxt, roles=False):
                    words.append(nxt)
                elif nxt.plain and (g.is_role(nxt.low) or nxt.low in g.counterpart_nouns):
                    counterpart = nxt.low in g.counterpart_nouns
                    words.append(nxt)
                else:
                    break
                k += 1
            if not words or words[-1].low == "top":
                continue
            first = items[b]
            if _inside(taken, first.start, items[k - 1].end):
                continue
            last = words[-1]
            if singularise(last.low) != last.low:
                continue  # "the Turkish leaders": a group, not one person
            if k < n and (self._name_word(items, k, first=True) or items[k].kind is _PERSON):
                continue  # a title before a name is not a mention of its own
            span = _span(first.start, last.end)
            person = self._title_person(_iso(ann.key), words, counterpart, span.start)
            if person is None:
                continue
            person.mentions.append(_mention(span, self.text[span.start : span.end],
                                           _MK_TITLE))
            taken.append((span.start, span.end))
        self._bare_title_mentions(taken)
        for p in self.persons:
            p.mentions.sort(key=_mention_order)

    def _cataphoric_titles(self) -> None:
        """"..., the UN's humanitarian chief has said. Mark Lowcock said on Monday ...".

        A lead sentence often quotes an office without a name, and the next sentence opens
        with the name: a person the text gives no title takes the office of the unnamed
        speaker of the sentence just before, if that sentence names nobody.
        """
        g = self.g
        text, folded = self.text, self.folded
        named = {h.sentence for h in self.hits}
        for p in self.persons:
            if p.title is not None or not p.hits:
                continue
            h = min(p.hits, key=lambda x: x.span.start)
            si = h.sentence
            span = self.prose.get(si)
            before = self.prose.get(si - 1)
            if span is None or before is None or (si - 1) in named:
                continue
            if text[span.start : h.span.start].strip(_QUOTES + "“‘ \n\t"):
                continue  # the name does not open its sentence
            found = None
            for start, end, words in noun_phrases(folded, g.bare_titles, start=before.start,
                                                  end=before.end):
                rest = folded[end : end + 30].split()
                if rest[:1] in (["has"], ["had"]):
                    rest = rest[1:]
                if rest and rest[0].strip(",.") in g.speech_verbs and singularise(
                    words[-1]) == words[-1]:
                    found = (start, end)
            if found is None:
                continue
            start, end = found
            k = bisect.bisect_left(self.starts, start)
            skip: list[tuple[int, int]] = []
            for ann in self.anns[k:]:
                if ann.span.start >= end:
                    break
                if ann.label is _NATIONALITY:
                    p.country = p.country or _iso(ann.key)
                    skip.append((ann.span.start, ann.span.end))
            words_out = []
            for m in re.finditer(r"\S+", text[start:end]):
                a, b = start + m.start(), start + m.end()
                w = m.group()
                low = w.lower()
                if low in _DETERMINERS or low == "top" or low.endswith(("'s", "’s")):
                    continue
                if _inside(skip, a, b):
                    continue
                words_out.append(w)
            if not words_out:
                continue
            p.title = title_case(words_out)
            p.mentions.append(_mention(_span(start, end), text[start:end], _MK_TITLE))
            p.mentions.sort(key=_mention_order)

    def _title_word_after(self, si: int, start: int, end: int) -> bool:
        """Whether the item after the annotation ``start .. end`` may go on a title phrase.

        The same test as the loop of :meth:`_title_mentions` applies to the first item
        after the nationality word of its window (tokens 3 before to 6 after ``start``),
        made on the sentence's tokens: most nationality words are not followed by a title,
        and their window need not be built.
        """
        text = self.text
        limit = self.prose[si].end
        if (
            si not in self._stok
            and end < limit
            and text[end].isspace()
            and not text[start].isspace()
            and (start == self.prose[si].start or text[start - 1].isspace())
        ):
            # Between spaces, the sentence's tokens need not be read: a token starts at
            # ``start``, the annotation's own tokens are those of its text, and the next
            # one starts after the spaces.
            # one word ("Turkish") is one token: the regex only counts the others
            if not text[start:end].isalnum() and len(TOKEN.findall(text, start, end)) > 6:
                return False
            p = end
            while p < limit and text[p].isspace():
                p += 1
            m = TOKEN.match(text, p, limit)
            if m is None:
                return False
            s, e = m.span()
        else:
            tk = self._tokens(si)
            tstarts = tk.starts
            t = bisect.bisect_left(tstarts, end)  # the window skips the annotation's tokens
            if t >= len(tstarts) or t > bisect.bisect_right(tstarts, start) - 1 + 6:
                return False
            s, e = tstarts[t], tk.ends[t]
        k = bisect.bisect_right(self.ends, s)  # the first annotation ending after s
        if k < len(self.ann_tuples) and self.ann_tuples[k][0] < e:
            return self.ann_tuples[k][2] is _OFFICE
        low = self.folded[s:e]
        if low == "’s":
            low = "'s"
        g = self.g
        return (g.is_head(low) or low in g.title_modifiers or g.is_role(low)
                or low in g.counterpart_nouns)

    def _bare_title_mentions(self, taken: list[tuple[int, int]]) -> None:
        """"the minister said": the one person of the article who holds that office."""
        g = self.g
        text, anns, starts = self.text, self.anns, self.starts
        titled = [(fold_name(p.title), p) for p in self.persons if p.title]
        if not titled:
            return
        for start, end, found in noun_phrases(self.folded, g.bare_titles):
            if _inside(taken, start, end) or self._sentence_at(start) is None:
                continue
            k = bisect.bisect_left(starts, start)
            if k < len(anns) and anns[k].span.start < end and any(
                a.label is _NATIONALITY for a in anns[k:] if a.span.start < end
            ):
                continue  # "the Turkish foreign minister": the nationality pass decides
            rest = text[end : end + 3].lstrip()
            if rest[:1].isupper():
                continue  # "the Foreign Minister Mevlut Cavusoglu": a title before a name
            words = [w for w in found if w != "top"]
            phrase = " ".join(words)
            offices = {phrase, *g.title_role_offices.get(phrase, ())}
            fits = [p for t, p in titled if _office_fits(t, offices)]
            if len(fits) != 1:
                continue  # nobody, or more than one: not ours to guess
            span = _span(start, end)
            fits[0].mentions.append(_mention(span, text[start:end], _MK_TITLE))
            taken.append((start, end))

    def _title_person(
        self, country: str, words: list[_Item], counterpart: bool, pos: int
    ) -> _Person | None:
        g = self.g
        cands = [p for p in self.persons if p.country == country]
        if not cands:
            return None
        if counterpart:
            if len(cands) == 1:
                return cands[0]
            other = self._previous_person(pos, exclude=cands[0])
            titled = [p for p in cands if other is not None and p.title == other.title]
            return titled[0] if len(titled) == 1 else None
        phrase = " ".join(fold_name(w.text) for w in words if w.low != "top")
        phrase_top = " ".join(fold_name(w.text) for w in words)
        offices = set(g.title_role_offices.get(phrase_top, ())) | set(
            g.title_role_offices.get(phrase, ())
        )
        offices.add(phrase)
        fits = [p for p in cands if p.title and _office_fits(fold_name(p.title), offices)]
        if not fits:
            # "Putin met Erdogan ... The Turkish president said": the one person of that
            # state named without an office whom the knowledge base knows to hold this
            # one holds it as the text words it
            us = phrase.replace("defence", "defense")  # the knowledge base's spelling
            held = [p for p in cands if p.title is None and _office_fits(self._kb_office(p),
                                                                          {us})]
            if len(held) != 1:
                return None
            held[0].title = title_case([w for it in words if it.low != "top"
                                        for w in _title_words(it)])
            return held[0]
        if len(fits) == 1:
            return fits[0]
        return self._nearest(fits, pos)

    def _kb_office(self, p: _Person) -> str:
        """The office the knowledge base gives a known person, folded ("" if none)."""
        getter = getattr(self.doc.kb, "person", None)
        if getter is None or p.key is None:
            return ""
        try:
            office = getattr(getter(p.key), "office", None)
        except LookupError:
            return ""
        return fold_name(office) if isinstance(office, str) else ""

    def _collective_offices(self) -> None:
        """"The presidents of Russia, Turkey and Iran met": the office the text gives the
        people of several states at once is that of each person of those states it names
        without an office, where the knowledge base says that person holds it (so the
        office goes to Putin, not to another Russian named in the story)."""
        getter = getattr(self.doc.kb, "person", None)
        if getter is None:
            return
        waiting: dict[str, list[tuple[_Person, str]]] = {}
        for p in self.persons:
            if p.title is None and p.country and p.key is not None:
                try:
                    office = getattr(getter(p.key), "office", None)
                except LookupError:
                    continue
                if isinstance(office, str) and office:
                    waiting.setdefault(p.country, []).append((p, fold_name(office)))
        if not waiting:
            return
        folded = self.folded
        for ann in self.state_anns:
            if ann.label is not _STATE or _iso(ann.key) not in waiting:
                continue
            # the word before is "of" or one joining states (most are not): read so, with
            # no window built
            q = ann.span.start
            while q > 0 and folded[q - 1] == " ":
                q -= 1
            if not folded.endswith(_BEFORE_LISTED_STATE, 0, q):
                continue
            got = self._window_around(ann.span.start, 10, 2)
            if got is None:
                continue
            items, j = got
            found = self._of_states(items, j)
            if found is None or found[0] < 1:
                continue
            k, codes = found
            if len(codes) < 2 and not (j + 2 < len(items) and items[j + 1].low in _COORD
                                       and items[j + 2].kind in _STATEISH):
                continue  # "the presidents of Russia": one state, not several
            h = k - 1
            if not self._plural_title(items[h]):
                continue
            while h > 0 and self._title_unit(items[h - 1], roles=False):
                h -= 1
            words = [w for it in items[h:k] for w in _title_words(it)]
            words[-1] = singularise(words[-1])
            title = title_case(words)
            title_key = fold_name(title)
            for p, office in waiting[_iso(ann.key)]:
                if p.title is None and _office_fits(office, {title_key}):
                    p.title = title

    def _numbered_offices(self) -> None:
        """"X travelled to Moscow for talks with Y. The two presidents toured ...": a
        sentence opening on "the two" (three, "both") and a plural office speaks of the
        persons the sentence before names, when it names that many and the text gives
        none of them another office."""
        if len(self.persons) < 2:
            return
        folded, starts = self.folded, self.sent_starts
        g = self.g
        for si in range(1, len(starts)):
            at = starts[si]
            if not folded.startswith(_NUMBERED_CUES, at):
                continue
            m = _NUMBERED_OFFICE.match(folded, at)
            if m is None:
                continue
            count = _NUMBERS_OF[m.group(1)]
            words = m.group(2).split()
            head = next((i for i, w in enumerate(words)
                         if singularise(w) != w and g.is_head(w)
                         and singularise(w) not in g.vague_heads), None)
            if head is None or not all(w in g.title_modifiers for w in words[:head]):
                continue  # "the two sides", "the two leaders": no office said
            title = title_case([*words[:head], singularise(words[head])])
            before = starts[si - 1]
            named = [p for p in self.persons
                     if any(before <= mm.span.start < at for mm in p.mentions)]
            if len(named) == count and all(p.title in (None, title) for p in named):
                for p in named:
                    p.title = title
        for cue in _NUMBERED_CUES:
            at = folded.find(cue)
            while at >= 0:
                self._numbered_known(at)
                at = folded.find(cue, at + 1)

    def _numbered_known(self, at: int) -> None:
        """"Putin, Erdogan and Iran's Hassan Rouhani met ... the joint statement the three
        presidents issued": "the three <office>" anywhere after the names is the office
        of each person named before it without one whom the knowledge base knows to hold
        it, when those and the persons the text gives that office make the number."""
        folded = self.folded
        if at and folded[at - 1].isalnum():
            return
        m = _NUMBERED_OFFICE.match(folded, at)
        if m is None:
            return
        words = m.group(2).split()
        head = words[-1]
        if singularise(head) == head or not self.g.is_head(head) or (
                singularise(head) in self.g.vague_heads):
            return
        key = " ".join([*words[:-1], singularise(head)])
        before = [p for p in self.persons if any(mm.span.start < at for mm in p.mentions)]
        titled = [p for p in before if p.title and _office_fits(fold_name(p.title), {key})]
        untitled = [p for p in before if p.title is None and p.key is not None
                    and _office_fits(self._kb_office(p), {key})]
        if untitled and len(titled) + len(untitled) == _NUMBERS_OF[m.group(1)]:
            title = title_case([*words[:-1], singularise(head)])
            for p in untitled:
                p.title = title

    def _pronoun_mentions(self) -> None:
        """"he said": the latest compatible person, unless an unnamed speaker came between."""
        if not self.persons:
            return
        g = self.g
        events = sorted(
            (m.span.start, m.span.end, p) for p in self.persons for m in p.mentions
        )
        positions = [e[0] for e in events]
        taken = [(h.title_start, h.span.end) for h in self.hits]
        taken.extend((m.span.start, m.span.end) for p in self.persons for m in p.mentions)
        sentence_of = [self._sentence_no(e[0]) for e in events]
        text = self.text
        sent_starts, prose_ends = self.sent_starts, self.prose_ends
        for start, stop in g.pronouns_in(text):
            # _sentence_at and _sentence_no, one bisect
            sentence = bisect.bisect_right(sent_starts, start) - 1
            if sentence < 0 or start >= prose_ends[sentence]:
                continue
            word = text[start:stop]
            gender = g.pronouns[word.lower()]
            i = bisect.bisect_left(positions, start) - 1
            chosen = None
            if i >= 0 and sentence_of[i] == sentence:
                # "Erdogan said that he asked ...": the latest person of the same sentence
                while i >= 0 and sentence_of[i] == sentence:
                    if not events[i][2].gender or events[i][2].gender == gender:
                        chosen = events[i]
                        break
                    i -= 1
            else:
                # "He said ..." opening a sentence: the subject, i.e. the first person
                # named in the last sentence that names anyone
                while i >= 0 and sentence - sentence_of[i] <= _PRONOUN_REACH:
                    si = sentence_of[i]
                    first = i
                    while first > 0 and sentence_of[first - 1] == si:
                        first -= 1
                    for k in range(first, i + 1):
                        person = events[k][2]
                        if not person.gender or person.gender == gender:
                            chosen = events[k]
                            break
                    if chosen is not None:
                        break
                    i = first - 1
            if chosen is None:
                continue
            _, end, person = chosen
            if self._unnamed_speaker(end, start, taken):
                continue  # "the source said ... he said": not about the named person
            person.gender = gender
            person.mentions.append(_mention(_span(start, stop), word, _MK_PRONOUN))
        for p in self.persons:
            p.mentions.sort(key=_mention_order)

    def _unnamed_speaker(self, start: int, end: int, taken: list[tuple[int, int]]) -> bool:
        g = self.g
        for first, word_end, _ in noun_phrases(self.folded, g.speakers, start=start, end=end,
                                               indefinite=True):
            noun_start = self.folded.rfind(" ", first, word_end) + 1
            if not _inside(taken, noun_start, word_end):
                return True
        return False

    def _person_actor(self, p: _Person) -> Actor:
        names: list[str] = []
        for h in p.full_hits or p.hits[:1]:
            names.append(h.text)
        if p.key is not None:
            rec = self._kb_person(p.key)
            if rec is not None:
                names.extend([rec[0], *rec[1]])
        name = names[0]
        seen = {fold_name(name)}
        aliases = []
        for other in names[1:]:
            f = fold_name(other)
            if f not in seen:
                seen.add(f)
                aliases.append(other)
        return _actor(
            id=p.id,
            name=name,
            kind=_AK_PERSON,
            country=p.country,
            title=p.title,
            aliases=tuple(aliases),
            mentions=tuple(_dedupe(p.mentions)),
        )

    # ----------------------------------------------------------------- states

    def _states(self) -> list[Actor]:
        g = self.g
        found: dict[str, list[Mention]] = {}
        dateline = self.doc.article.dateline_span
        doc_text = self.text
        # _sentence_at, inlined: one state annotation after another
        # (the annotations are in text order: one still in the sentence of the last needs
        # no bisect)
        sent_starts, prose_ends = self.sent_starts, self.prose_ends
        final = len(sent_starts) - 1
        i = -1  # bisect_right(sent_starts, start) - 1
        for ann in self.state_anns:
            span = ann.span
            start = span.start
            if i < final and sent_starts[i + 1] <= start:
                i = bisect.bisect_right(sent_starts, start, i + 1) - 1
            if i < 0 or start >= prose_ends[i]:
                continue
            label = ann.label
            if label is _STATE:
                kind = _MK_NAME
            elif label is _NATIONALITY:
                kind = _MK_DEMONYM
            else:
                if dateline is not None and dateline.overlaps(span):
                    continue
                if not self._capital_is_state(ann):
                    continue
                kind = _MK_CAPITAL
            found.setdefault(_iso(ann.key), []).append(
                _mention(span, doc_text[start : span.end], kind))
        regimes: list[tuple[Span, str | None]] = []
        for m in g.regimes(self.folded):
            got = self._window_around(m.start(), 4, 9)
            if got is not None:
                regimes.append(self._regime(*got))
        last: str | None = None
        resolved = [c for _, c in regimes if c is not None]
        for span, code in regimes:
            code = code or last or (resolved[0] if len(set(resolved)) == 1 else None)
            if code is None:
                continue
            last = code
            found.setdefault(code, []).append(
                _mention(span, self.text[span.start : span.end], _MK_TITLE))
        actors = []
        for code, mentions in found.items():
            if not is_country_code(code):
                continue
            actors.append(_actor(
                id=f"state:{code}",
                name=_kb_state_name(self.doc, code, mentions),
                kind=_AK_STATE,
                country=code,
                mentions=tuple(_dedupe(mentions)),
            ))
        return actors

    def _capital_is_state(self, ann: Annotation) -> bool:
        """"Moscow and Ankara agreed" (the states) versus "talks in Ankara" (a place)."""
        g = self.g
        si = self._sentence_at(ann.span.start)
        if si is None:
            return False
        floor = self.prose[si].start
        start = ann.span.start
        prev, at = self._prev_word(start, floor)
        if not prev or prev in _OPENING:
            if is_acronym(ann.text):
                return False  # "ANKARA (Sputnik) -": a dateline
            rest = self.text[ann.span.end : ann.span.end + 4].lstrip(" ,")
            if rest[:1] in ("-", "—", "–", "(", "/"):
                return False  # "Moscow - ", "MOSCOW (Reuters)": a dateline
            # "Moscow, February 8.": a dateline
            k = bisect.bisect_left(self.starts, ann.span.end)
            return not (k < len(self.anns) and self.anns[k].label is _TIME
                        and self.anns[k].span.start - ann.span.end <= 2)
        # walk back over a coordination of capitals or states: "in Ankara and Moscow"
        while prev in _COORD:
            k = bisect.bisect_right(self.starts, at) - 1
            while k >= 0 and self.anns[k].span.end > at:
                k -= 1
            if k < 0 or self.anns[k].label not in _STATEISH:
                break
            if self.text[self.anns[k].span.end : at].strip():
                break
            prev, at = self._prev_word(self.anns[k].span.start, floor)
        return prev not in g.locative and prev not in _DETERMINERS

    def _regime(self, items: list[_Item], j: int) -> tuple[Span, str | None]:
        """Which state "the regime" at ``items[j]`` belongs to, if the words say."""
        it = items[j]
        start = it.start
        k = j - 1
        while k >= 0 and items[k].low in _CLOSE | _OPEN:
            k -= 1
        code: str | None = None
        if (k >= 0 and items[k].kind is _NATIONALITY
                and self.text[items[k].end : items[k].end + 1] in _HYPHENS):
            pass  # "the Russian-backed regime": its sponsor, not its state
        elif k >= 0 and items[k].kind is _NATIONALITY:
            code = _iso(items[k].key)
            k -= 1
            while k >= 0 and items[k].low in _OPEN:
                k -= 1
        elif k >= 0 and (items[k].low == "'s") and k >= 1:
            code = self._country_of_name(items[k - 1])
            k -= 1
        elif k >= 0:
            code = self._country_of_name(items[k])
            if code is not None:
                k -= 1
        if code is None:
            # "the regime [of Syrian President Bashar Assad]"
            m = j + 1
            while m < len(items) and items[m].low in _OPEN:
                m += 1
            if m < len(items) and items[m].low == "of":
                for nxt in items[m + 1 : m + 8]:
                    if nxt.kind is _NATIONALITY or nxt.kind is _STATE:
                        code = _iso(nxt.key)
                        break
                    c = self._country_of_name(nxt)
                    if c is not None:
                        code = c
                        break
        if k >= 0 and items[k].low in _DETERMINERS and k == j - 1:
            start = items[k].start  # "the regime"; "the [Syrian] regime" keeps only "regime"
        return _span(start, it.end), code

    def _country_of_name(self, it: _Item) -> str | None:
        for p in self.persons:
            for m in p.mentions:
                if m.span.start == it.start and m.kind is not _MK_PRONOUN:
                    return p.country
        return None

    # ----------------------------------------------------------------- groups

    def _groups(self) -> list[Actor]:
        g = self.g
        parent: dict[str, str] = {}

        def find(x: str) -> str:
            while parent.get(x, x) != x:
                x = parent[x]
            return x

        def union(a: str, b: str) -> None:
            ra, rb = find(a), find(b)
            if ra != rb:
                # the first named keeps its id
                parent[rb] = ra

        mentions: list[tuple[str, Mention]] = []
        starts = list(self.group_starts)
        text = self.text
        for cue in g.group_cues_in(self.folded):
            at = cue.end()
            if text.startswith("the ", at):
                at += 4  # "a group calling itself the Sham Martyrs Brigades"
            if at < len(text) and text[at].isupper():
                starts.append(at)  # "the so-called Sham Liberation Organization"
        starts.extend(self._unit_name_starts())  # "the Khattab Brigades claimed ..."
        arabic: set[int] = set()
        for found_at in g.capital_group_starts(text, self.folded):
            starts.append(found_at)  # "Liwa al-Quds"
            arabic.add(found_at)
        for found_at in self._faction_starts():
            starts.append(found_at)  # "the Ghuraba al-Sham faction"
            arabic.add(found_at)
        rooms = self._operations_rooms()
        for span, inner in rooms:
            key = f"armed_group:{slug(text[span.start : span.end])}"
            parent.setdefault(key, key)
            mentions.append((key, _mention(span, text[span.start : span.end], _MK_NAME)))
            for it in inner:
                akey = _group_key(it.key, it.text)
                parent.setdefault(akey, akey)
                union(key, akey)
                mentions.append((akey, _mention(it.span, it.text, _MK_ALIAS)))
        covered = -1  # the end of the last name read: a start inside it is a part of it
        for pos in sorted(set(starts)):
            if rooms and any(r.start <= pos < r.end for r, _ in rooms):
                continue  # a group named inside a room's name
            got = self._window_around(pos, 0, 16)
            if got is None:
                continue
            items, j = got
            it = items[j]
            if it.plain and pos < covered:
                continue  # "Ansar" in "Saraya Ansar al-Tawhid"
            if it.kind is _GROUP:
                key = _group_key(it.key, it.text)
                end = j + 1
            elif it.plain:
                end = self._cap_run(items, j)
                if end == j or (
                    it.start not in arabic and fold_name(items[end - 1].text) not in g.group_heads
                ):
                    continue
                if it.start in arabic and end - j < 2:
                    continue
                key = f"armed_group:{slug(text[it.start : items[end - 1].end])}"
            else:
                continue
            span = _span(it.start, items[end - 1].end)
            covered = max(covered, span.end)
            parent.setdefault(key, key)
            mentions.append((key, _mention(span, text[span.start : span.end], _MK_NAME)))
            # "X (HTS), which was formerly known as Y": several other names, one after another
            for _ in range(3):
                alias = self._group_alias(items, end)
                if alias is None:
                    break
                akey, aspan, end = alias
                parent.setdefault(akey, akey)
                union(key, akey)
                mentions.append((akey, _mention(aspan, text[aspan.start : aspan.end],
                                               _MK_ALIAS)))
        if "former " in self.folded:
            self._former_names(mentions, find, union)
        by_root: dict[str, list[Mention]] = {}
        for key, m in mentions:
            by_root.setdefault(find(key), []).append(m)
        actors = []
        for root, ms in by_root.items():
            ms = _dedupe(ms)
            names: list[str] = []
            seen: set[str] = set()
            for m in ms:
                f = fold_name(m.text)
                if f not in seen:
                    seen.add(f)
                    names.append(m.text)
            first = ms[0]
            kinds = [_mention(m.span, m.text, _MK_NAME if fold_name(m.text)
                             == fold_name(first.text) else _MK_ALIAS) for m in ms]
            actors.append(_actor(
                id=root,
                name=names[0],
                kind=_AK_ARMED_GROUP,
                aliases=tuple(names[1:]),
                mentions=tuple(kinds),
            ))
        return actors

    def _former_names(
        self, mentions: list[tuple[str, Mention]], find: Any, union: Any
    ) -> None:
        """ "Hayat Tahrir al-Sham, led by veterans of the former Jabhat al-Nusra", "HTS,
        which emerged from the former Nusra Front,": a group told as "former", its noun
        phrase ending with it, is an earlier name of the group named before it in the
        sentence."""
        folded = self.folded
        ordered = sorted(mentions, key=lambda km: km[1].span.start)
        for i, (key, m) in enumerate(ordered):
            s0 = m.span.start
            if s0 < 7 or folded[s0 - 7 : s0] != "former ":
                continue
            after = folded[m.span.end : m.span.end + 2].lstrip()
            if after[:1] not in ("", ",", ".", ";", ":", ")", "–", "—"):
                continue  # "a former al-Qaeda offshoot": "former" is the offshoot's
            si = self._sentence_at(s0)
            for pkey, pm in reversed(ordered[:i]):
                if si is None or self._sentence_at(pm.span.start) != si:
                    break
                if find(pkey) != find(key):
                    union(pkey, key)
                    break

    def _faction_starts(self) -> list[int]:
        """Where an Arabic name before a lower-case "faction" or "militia" starts: "the
        Ghuraba al-Sham faction" names the group "Ghuraba al-Sham" (the name holds a
        particle joined to a word: "the Erdogan faction" is no group's name)."""
        folded, out = self.folded, []
        for word in (" faction", " militia"):
            i = folded.find(word)
            while i >= 0:
                end = i + len(word)
                if (end == len(folded) or not folded[end].isalpha()) and \
                        self.text[i + 1].islower() and (at := self._name_before(i + 1)) >= 0:
                    out.append(at)
                i = folded.find(word, end)
        return out

    def _name_before(self, pos: int) -> int:
        """Where the Arabic name before the noun at ``pos`` starts, after "the" ("the
        Ghuraba al-Sham faction"), or -1 (see :meth:`_faction_starts`)."""
        got = self._window_around(pos, 6, 0)
        if got is None:
            return -1
        items, j = got
        k = j
        while k > 0 and items[k - 1].plain and items[k - 1].low not in _DETERMINERS and (
                is_capitalised(items[k - 1].text)
                or items[k - 1].text[:3].lower() in ("al-", "el-")):
            k -= 1
        if j - k >= 2 and k > 0 and items[k - 1].low == "the" and any(
                "-" in x.text and x.text.split("-", 1)[0].lower() in self.g.particles
                for x in items[k:j]):
            return items[k].start
        return -1

    def _unit_name_starts(self) -> list[int]:
        """Where capitalised names ending in a unit head ("Brigades") start.

        "the Khattab al-Shishani Brigades", "Hamza Division": not a state's unit ("the
        4th Division", "Israel's Golani Brigade", "the Syrian Republican Guard Division",
        "the 82nd Airborne Division"), nor a name inside a known one.
        """
        text = self.text
        out = []
        for word in self.g.group_unit_words:
            i = text.find(word)
            while i >= 0:
                end = i + len(word)
                if i > 0 and text[i - 1] == " " and (end == len(text)
                                                     or not text[end].isalnum()):
                    start = self._unit_name_start(i)
                    if start is not None:
                        out.append(start)
                i = text.find(word, end)
        return out

    def _unit_name_start(self, pos: int) -> int | None:
        """The start of the name whose unit head is at ``pos`` (see _unit_name_starts)."""
        got = self._window_around(pos, 8, 0)
        if got is None:
            return None
        items, j = got
        if not items[j].plain:
            return None
        state_words = self.g.nongroup_unit_words
        k = j
        while k > 0:
            it = items[k - 1]
            if not (it.plain and it.low not in _DETERMINERS
                    and (is_capitalised(it.text) or ("-" in it.text and it.text[0].islower()))):
                break
            if it.low in state_words or any(c.isdigit() for c in it.text):
                return None
            k -= 1
        if k == j:
            return None
        if k > 0:
            before = items[k - 1]
            if (before.kind in _STATEISH_OR_NATIONALITY or before.low in ("'s", "’s")
                    or any(c.isdigit() for c in before.text)):
                return None
        return items[k].start

    def _operations_rooms(self) -> list[tuple[Span, list[_Item]]]:
        """"the Al-Nasr Al-Qarib operations room": a coalition of armed factions named by
        the capitalised words before "operations room" (in any case), with the known
        groups inside that name (the coalition's other name: "X Operations Room" is
        "X"). Not "a Joint Operations Room": words that name no one."""
        folded, g, out = self.folded, self.g, []
        at = folded.find(_ROOM)
        while at >= 0:
            got = self._window_around(at, 8, 0) if at and folded[at - 1] == " " else None
            if got is not None:
                items, j = got
                k = j
                while k > 0 and (
                    (x := items[k - 1]).kind is _GROUP or x.kind is _PLACE
                    or (x.plain and ((is_capitalised(x.text) and x.low not in _FUNCTION_WORDS)
                                     or x.low in g.particles or x.low == "-"
                                     or ("-" in x.text and x.text[0].islower())))
                ):  # "al-Mubin": a particle joined to a capitalised word
                    k -= 1
                while k < j and (items[k].low in g.particles or items[k].low == "-"):
                    k += 1
                run = items[k:j]
                if any(x.kind is _GROUP or (
                        x.plain and x.low not in g.not_name_words and x.low not in g.particles
                        and x.low not in g.title_modifiers and x.low not in g.nongroup_unit_words
                        and x.low != "-") for x in run):
                    out.append((_span(run[0].start, at + len(_ROOM)),
                                [x for x in run if x.kind is _GROUP]))
            at = folded.find(_ROOM, at + len(_ROOM))
        return out

    def _cap_run(self, items: list[_Item], j: int) -> int:
        n = len(items)
        k = j
        while k < n:
            it = items[k]
            name_like = is_capitalised(it.text) or ("-" in it.text and it.text[0].islower())
            inner_of = it.low == "of" and k + 1 < n and is_capitalised(items[k + 1].text)
            if it.plain and (name_like or inner_of):
                k += 1
            else:
                break
        return k

    def _group_alias(self, items: list[_Item], end: int) -> tuple[str, Span, int] | None:
        """"(formerly Al Nusra Front)", ", also known as X", "(HTS)" after a group's name."""
        g = self.g
        n = len(items)
        k = end
        bracket = k < n and items[k].low in _OPEN
        comma = k < n and items[k].low in (",", "-")  # "X – formerly known as Y –" (folded)
        if bracket or comma:
            k += 1
        if bracket and k + 2 < n and items[k].low == "the" and items[k + 2].low == ",":
            k += 3  # "(the group, also known as X, is banned)": the group named again
        if (bracket or comma) and k < n and items[k].low in ("which", "that"):
            # "X, which was formerly known as Y", "X (which is also known as Y)"
            k += 1
            while k < n and items[k].low in ("is", "was", "has", "had", "been"):
                k += 1
        cue = False
        loose = False  # a cue that also opens other appositions: "the former", "or"
        first = items[k].low if k < n else ""
        for c in g.alias_cues_by_first.get(first, ()):
            if tuple(it.low for it in items[k : k + len(c)]) == c:
                loose = c in (("or",), ("the", "former"), ("former",))
                if loose and not (bracket or (comma and c != ("or",))):
                    continue
                k += len(c)
                cue = True
                break
        if not (cue or bracket) or k >= n:
            return None
        it = items[k]
        if it.low == "the" and k + 1 < n:
            k += 1
            it = items[k]
        if it.kind is _GROUP:
            key = _group_key(it.key, it.text)
            stop = k + 1
        elif it.plain and (is_capitalised(it.text) or is_acronym(it.text)):
            stop = self._cap_run(items, k)
            if stop == k:
                stop = k + 1
            if bracket and not cue and not (stop == k + 1 and is_acronym(it.text)):
                return None  # "(outlawed in Russia)": a bracket that is not a name
            if loose and not bracket and fold_name(items[stop - 1].text) not in g.group_heads:
                return None  # ", the former Soviet Union": only a group's name after a comma
            text = self.text[it.start : items[stop - 1].end]
            key = f"armed_group:{slug(text)}"
        else:
            return None
        if loose and stop < n and items[stop].low[:1].isalpha() and (
            items[stop].low not in _AFTER_ALIAS
        ):
            return None  # "X, the former Al Qaeda affiliate": a modifier, not another name
        span = _span(items[k].start, items[stop - 1].end)
        if stop < n and items[stop].low in _CLOSE:
            stop += 1
        return key, span, stop

    # ----------------------------------------------------------------- bodies

    def _bodies(self) -> list[Actor]:
        found: dict[str, tuple[str, str | None, ActorKind, list[Mention]]] = {}
        bare: list[tuple[str, str, Mention]] = []  # "the Foreign Ministry", no state said
        doc_text = self.text
        for ann in self.body_anns:
            kind = _BODY_KINDS_BY_ID[id(ann.label)]
            pos, end = ann.span.start, ann.span.end
            country = None
            fast = None
            if self._starts_token(pos):
                # only the annotation's own item is read, and for a government body what
                # _body_country reads around it, where that is sure without the window
                fast = (None, pos) if kind is not _AK_GOVERNMENT_BODY else (
                    self._body_country_at(pos))
            if fast is not None:
                country, start = fast
                base = _id_slug(ann.key, doc_text[pos:end])
                if country is not None and not base.startswith(country.lower() + "-"):
                    base = f"{country.lower()}-{base}"
            else:
                got = self._window_around(pos, 2, 5)
                if got is None:
                    continue
                items, j = got
                it = items[j]
                start, end = it.start, it.end
                base = _id_slug(it.key, it.text)
                if kind is _AK_GOVERNMENT_BODY:
                    country, start = self._body_country(items, j)
                    if country is not None and not base.startswith(country.lower() + "-"):
                        base = f"{country.lower()}-{base}"
            actor_id = f"{_BODY_PREFIX_BY_ID[id(kind)]}:{base}"
            span = _span(start, end)
            text = self.text[span.start : span.end]
            mention = _mention(span, text, _MK_NAME)
            if kind is _AK_GOVERNMENT_BODY and country is None and _singular(text):
                bare.append((base, actor_id, mention))  # not "the two foreign ministries"
            entry = found.setdefault(actor_id, (text, country, kind, []))
            entry[3].append(mention)
        for base, actor_id, mention in bare:
            # one state's ministry named in full earlier or later: the bare name is it
            owners = [k for k in found if k.endswith("-" + base) and found[k][1] is not None]
            if len(owners) == 1:
                found[owners[0]][3].append(mention)
                found[actor_id][3].remove(mention)
        actors = []
        for actor_id, (name, country, kind, ms) in found.items():
            if not ms:
                continue
            ms = _dedupe(ms)
            names = list(dict.fromkeys(m.text for m in ms))
            actors.append(_actor(
                id=actor_id, name=name, kind=kind, country=country,
                aliases=tuple(x for x in names if x != name), mentions=tuple(ms),
            ))
        return actors

    def _body_country_at(self, pos: int) -> tuple[str | None, int] | None:
        """:meth:`_body_country` of the window ``_window_around(pos, 2, 5)`` read without
        it, for a chosen annotation that starts a token in prose at ``pos`` (its item is
        ``items[j]``), or ``None`` where the window must be read.

        ``items[j - 1]`` is the item of the last token before ``pos`` in the sentence
        (none if only spaces are before it), which lies after the last space before its
        end: an annotation's item if an annotation ends after that space (the one before
        this one, if it ends where the token does and no other does), else a plain token.
        ``items[j + 1]`` is the item of the first token after the annotation, when a space
        follows it: it is "of" only if the text goes on with "of" there, or the first
        annotation ending after that is the text "of". Anything else: the window.
        """
        text, folded = self.text, self.folded
        si = self._sentence_at(pos)
        if si is None:
            return None
        span = self.prose[si]
        lo, hi = span.start, span.end
        ai = bisect.bisect_left(self.starts, pos)  # this annotation's index
        ends = self.ends
        end = ends[ai]
        q = pos  # where the text before the annotation ends, less spaces
        while q > lo and text[q - 1].isspace():
            q -= 1
        if q > lo:
            space = text.rfind(" ", lo, q) + 1 or lo
            if ai == 0 or ends[ai - 1] <= space:
                # no annotation ends after the last space: items[j - 1] is plain
                if folded[q - 2 : q] == "'s":
                    return None  # "Turkey's Foreign Ministry"
            elif ends[ai - 1] == q and (ai < 2 or ends[ai - 2] <= space):
                a, _, label, key = self.ann_tuples[ai - 1]
                if label is _NATIONALITY:
                    return _iso(key), a  # "the Turkish Foreign Ministry"
                if folded[a:q] == "'s":
                    return None
            else:
                return None
        if end >= hi:
            return None, pos  # no token after it in the sentence
        if not text[end].isspace():
            return None
        p = end
        while p < hi and text[p].isspace():
            p += 1
        if p >= hi:
            return None, pos
        if folded.startswith("of", p):
            return None  # "the Ministry of Foreign Affairs of Russia"
        k = bisect.bisect_right(ends, p)
        if k < len(ends) and folded[self.starts[k] : ends[k]] == "of":
            return None
        return None, pos

    def _body_country(self, items: list[_Item], j: int) -> tuple[str | None, int]:
        it = items[j]
        if j >= 1 and items[j - 1].kind is _NATIONALITY:
            return _iso(items[j - 1].key), items[j - 1].start
        if j >= 2 and items[j - 1].low == "'s" and items[j - 2].kind in _STATEISH:
            return _iso(items[j - 2].key), items[j - 2].start
        n = len(items)
        if j + 2 < n and items[j + 1].low == "of":
            k = j + 2
            if items[k].low == "the" and k + 1 < n:
                k += 1
            if items[k].kind in _STATEISH:
                return _iso(items[k].key), it.start
        return None, it.start


# --------------------------------------------------------------------------- helpers

_STATEISH_OR_NATIONALITY = (*_STATEISH, _NATIONALITY)
_POSSESSOR_KINDS = (_OFFICE, _PERSON, _NATIONALITY, _GOVERNMENT_BODY, _ORGANISATION, _MEDIA)
_BODY_KINDS = {
    _GOVERNMENT_BODY: _AK_GOVERNMENT_BODY,
    _ORGANISATION: _AK_INTERNATIONAL_ORGANISATION,
    _MEDIA: _AK_MEDIA,
}
_BODY_LABELS = tuple(_BODY_KINDS)
# keyed by identity (what Enum equality is): Enum.__hash__ is a Python function
_BODY_KINDS_BY_ID = {id(label): kind for label, kind in _BODY_KINDS.items()}
_BODY_PREFIX = {
    _AK_GOVERNMENT_BODY: "government_body",
    _AK_INTERNATIONAL_ORGANISATION: "organisation",
    _AK_MEDIA: "media",
}
_BODY_PREFIX_BY_ID = {id(kind): prefix for kind, prefix in _BODY_PREFIX.items()}

#: What the resolver reads of a known person: name, aliases, country, gender ("m"/"f"/"").
_KbPerson = tuple[str, tuple[str, ...], str | None, str]


class _ListState:
    """A name whose plural title may be shared by the names listed after it."""

    __slots__ = ("count", "end", "first", "parse")

    def __init__(self, first: _Hit, parse: _TitleParse, end: int) -> None:
        self.first = first
        self.parse = parse
        self.end = end
        self.count = 1


def _choose_annotations(annotations: Sequence[Annotation]) -> list[tuple[int, int, Annotation]]:
    """The annotations that matter here, overlaps resolved (longest, then by priority),
    in text order, with their start and end.

    The document keeps its annotations sorted by start, longest first
    (:meth:`Document.with_annotations`): one pass then settles each start in turn (the
    first of the longest, by priority, unless an annotation chosen before still runs),
    with no sort. Annotations in any other order are sorted first (:func:`_choose_sorted`).
    """
    chosen: list[tuple[int, int, Annotation]] = []
    priority_of = _PRIORITY_BY_ID.get
    last_end = -1  # where the annotations chosen so far end
    cur: tuple[int, int, int, Annotation] | None = None  # the best at cur_start so far
    cur_start = -1
    cur_end = 0  # the end of the last candidate read (for the order check)
    for a in annotations:
        # keyed by identity (what Enum equality is): Enum.__hash__ is a Python function
        priority = priority_of(id(a.label))
        if priority is None:
            continue
        span = a.span
        start = span.start
        end = span.end
        if end <= start:
            continue
        if start == cur_start:
            if end > cur_end:
                return _choose_sorted(annotations)
            cur_end = end
            # a shorter one loses; as long, a lower priority wins (the first of equals)
            if cur is not None and end == cur[1] and priority < cur[2]:
                cur = (start, end, priority, a)
            continue
        if start < cur_start:
            return _choose_sorted(annotations)
        if cur is not None:
            chosen.append((cur[0], cur[1], cur[3]))
            last_end = cur[1]
        cur_start, cur_end = start, end
        # one that starts inside the last chosen is never chosen
        cur = (start, end, priority, a) if start >= last_end else None
    if cur is not None:
        chosen.append((cur[0], cur[1], cur[3]))
    return chosen


def _choose_sorted(annotations: Sequence[Annotation]) -> list[tuple[int, int, Annotation]]:
    """:func:`_choose_annotations` for annotations in any order."""
    chosen: list[tuple[int, int, Annotation]] = []
    # decorated once (each label looked up once), sorted on plain tuples; the index keeps
    # the sort stable for equal keys, as sorting the annotations by a key function was
    cands = []
    priority_of = _PRIORITY_BY_ID.get
    for i, a in enumerate(annotations):
        priority = priority_of(id(a.label))
        if priority is None:
            continue
        span = a.span
        start = span.start
        if span.end > start:
            cands.append((start, start - span.end, priority, i, a))
    cands.sort()
    last_end = -1
    for start, neg_length, _, _, a in cands:
        if start >= last_end:
            last_end = start - neg_length
            chosen.append((start, last_end, a))
    return chosen


def _is_headline(sentence: str) -> bool:
    """Title Case lines (headlines, related-story links) hold no sentence to read names in."""
    # a sentence ends with a full stop (or a quote after one); a headline usually does not
    if sentence.rstrip(_QUOTES)[-1:] in _TERMINAL:
        return False
    content = _LONG_WORD.findall(sentence)
    if len(content) < 4:
        return False
    return sum(1 for w in content if w[0].isupper()) / len(content) >= 0.7


def _split_offices(units: list[_Item], g: Grammar) -> list[_Item]:
    """The first office of "Deputy Minister Ambassador": up to where a new office starts."""
    for i in range(1, len(units)):
        prev, cur = units[i - 1], units[i]
        last = prev.low.split()[-1] if prev.low.split() else ""
        prev_head = prev.kind is _OFFICE or (g.is_head(last) and last not in g.title_modifiers)
        cur_new = cur.kind is _OFFICE or (g.is_head(cur.low) and cur.low not in g.title_modifiers)
        if prev.kind is not _OFFICE and last in g.ranks and cur.low in g.ranks:
            continue  # "Maj. Gen.", "Lt. Col.": one rank written in two words
        if prev_head and cur_new and prev.kind is not _GOVERNMENT_BODY:
            return units[:i]
    return units


def _word_char(ch: str) -> bool:
    return ch.isalnum() or ch in "-_"


def _singular(text: str) -> bool:
    last = text.rsplit(None, 1)[-1].lower()
    return singularise(last) == last


def _abbreviated(it: _Item) -> bool:
    """An organisation's name written with stops ("U.N"), whose last stop is a token."""
    return it.kind in _BODY_LABELS and "." in it.text


def _title_words(it: _Item) -> list[str]:
    if _abbreviated(it) and not it.text.endswith("."):
        return [it.text + "."]  # "U.N" and its stop, a token of its own
    return it.text.split()


def _place_country(key: str | None) -> str | None:
    """The state a known place lies in, from its key ("place:tr-hatay" -> "TR")."""
    if key is None or not key.startswith("place:"):
        return None
    code = key[6:8]
    return code.upper() if key[8:9] == "-" and is_country_code(code.upper()) else None


def _office_fits(title: str, offices: set[str]) -> bool:
    return any(title == o or title.endswith(" " + o) for o in offices)


def _inside(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    for a, b in taken:  # noqa: SIM110 - a loop, not any() over a generator: no frame a pair
        if a < end and start < b:
            return True
    return False


# (start, end, kind's value) of a mention: plain tuples, for attrs' generated comparison of
# Span is slow in a sort key; ``_value_``, not ``value``: Enum.value is a descriptor call.
# attrgetter builds the tuple in C, with no Python call a mention.
_mention_order = attrgetter("span.start", "span.end", "kind._value_")


_mention_start = attrgetter("span.start")
_START = attrgetter("start")


def _dedupe(mentions: list[Mention]) -> list[Mention]:
    """The mentions in order (:data:`_mention_order`), one per span."""
    starts = list(map(_mention_start, mentions))
    if all(map(lt, starts, starts[1:])):
        return list(mentions)  # in order already, no two at one start: most lists
    out: list[Mention] = []
    seen: set[tuple[int, int]] = set()
    for m in sorted(mentions, key=_mention_order):
        key = (m.span.start, m.span.end)
        if key not in seen:
            seen.add(key)
            out.append(m)
    return out


@functools.lru_cache(maxsize=1024)
def _iso(key: str | None) -> str:
    """The ISO code in an annotation key ("TR", "state:TR"); a few keys, read often: cached."""
    if not key:
        return ""
    return key.rpartition(":")[2].upper()


def _person_key(key: str | None) -> str | None:
    if not key:
        return None
    return key if key.startswith("person:") else f"person:{key}"


def _group_key(key: str | None, text: str) -> str:
    if key and ":" in key:
        return key
    return f"armed_group:{key or slug(text)}"


def _id_slug(key: str | None, text: str) -> str:
    if key:
        return key.rpartition(":")[2]
    return slug(text)


def _kb_person(doc: Document, key: str) -> _KbPerson | None:
    """(name, aliases, country) of a known person, from the knowledge base."""
    kb: Any = doc.kb
    getter = getattr(kb, "person", None)
    if getter is None:
        return None
    try:
        rec = getter(key)
    except (KeyError, LookupError):
        return None
    if rec is None:
        return None
    name = getattr(rec, "name", None)
    if not isinstance(name, str) or not name:
        return None
    aliases = tuple(a for a in getattr(rec, "aliases", ()) if isinstance(a, str))
    country = getattr(rec, "country", None)
    gender = getattr(rec, "gender", None)
    return (
        name,
        aliases,
        country if isinstance(country, str) and is_country_code(country) else None,
        gender if gender in ("m", "f") else "",
    )


def _kb_state_name(doc: Document, code: str, mentions: list[Mention]) -> str:
    """The state's usual name from the knowledge base, else as the text names it."""
    kb: Any = doc.kb
    getter = getattr(kb, "state_name", None)
    if getter is not None:
        name = getter(code)
        if isinstance(name, str) and name:
            return name
    for m in mentions:
        if m.kind is _MK_NAME:
            return m.text
    return code

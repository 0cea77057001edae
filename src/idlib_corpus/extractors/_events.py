"""Shared grammar of the event extractors: trigger vocabulary, clauses, roles, dates.

The meeting and incident extractors read a :class:`~idlib_corpus.document.Document` the
same way: they split each prose sentence (and the headline) into clauses, find trigger
words from ``data/triggers.json`` in them, and look around each trigger for the actors,
places, times and numbers other annotators have marked. This module holds what both
need: the vocabulary (compiled once, on first use), the per-article :class:`EventContext`
(every lookup an extractor makes, prepared once per article), and helpers that say
whether a mention is a place rather than an actor, a sponsor rather than a doer, inside a
statement's attribution, or inside the topic of talks.

Nothing here knows a name: names come from annotations and actors; words of the grammar
come from the data file.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import json
import math
import operator
import re
import threading
import weakref
from collections.abc import Iterable, Iterator, Mapping, Sequence
from importlib import resources
from typing import Any, NamedTuple

import attrs

from idlib_corpus import _trusted
from idlib_corpus.document import Annotation, AnnotationLabel, Document
from idlib_corpus.folding import fold_name
from idlib_corpus.model import (
    Actor,
    ActorKind,
    Article,
    MentionKind,
    Place,
    PlaceKind,
    Qualifier,
    Span,
    TimeValue,
    is_country_code,
)

__all__ = [
    "EventContext",
    "Hit",
    "Lexicon",
    "Mentioned",
    "Speech",
    "Vocabulary",
    "event_context",
    "has_any",
    "make_span",
    "vocabulary",
]

_WORD = re.compile(r"[a-z0-9]+(?:[-'][a-z0-9]+)*")
#: The compass words of "in northern Syria", "of the northwest".
_DIRECTIONS = ("north", "south", "east", "west")


_bisect_left = bisect.bisect_left
_bisect_right = bisect.bisect_right


#: ``Span(start, end)`` for offsets the caller computed: valid ones skip the constructor's
#: checks, invalid ones go through it and fail as they would (see idlib_corpus._trusted).
make_span = _trusted.span


# --------------------------------------------------------------------------- lexicon


class Hit:
    """One match of a vocabulary phrase (a light object: articles hold hundreds).

    Attributes:
        start: offset of its first character in the article text.
        end: offset one past its last character.
        phrase: the vocabulary phrase that matched (folded form).
        value: what the vocabulary says about the phrase.
    """

    __slots__ = ("_span", "end", "phrase", "start", "value")

    def __init__(self, start: int, end: int, phrase: str, value: Any) -> None:
        self.start = start
        self.end = end
        self.phrase = phrase
        self.value = value
        self._span: Span | None = None

    @property
    def span(self) -> Span:
        """Where it is, as a :class:`~idlib_corpus.model.Span`."""
        if self._span is None:
            self._span = make_span(self.start, self.end)
        return self._span

    def __repr__(self) -> str:
        return f"Hit({self.start}, {self.end}, {self.phrase!r})"


def _expanded(phrases: Mapping[str, Any]) -> Iterator[tuple[str, Any]]:
    """Each phrase with its value, a phrase with ``a|b`` words once for each choice, in
    the order of the choices (the first word's outermost)."""
    for phrase, value in phrases.items():
        if "|" not in phrase:
            yield phrase, value
            continue
        for words in itertools.product(*(w.split("|") for w in phrase.split())):
            yield " ".join(words), value


class Lexicon:
    """Phrases looked up by their first word, then checked in place with a small regex.

    A phrase is words separated by spaces; the word ``...`` stands for up to five words,
    and ``a|b`` for either word (``"left|quit ... post|base"`` is four phrases, each with
    the same value).
    Matching is over folded text (lower case, no accents) at word boundaries; where
    phrases overlap the longest match starting first wins.

    Example:
        >>> lex = Lexicon({"talks": 1, "came under ... fire": 2})
        >>> [h.phrase for h in lex.find("troops came under heavy fire after talks")]
        ['came under ... fire', 'talks']
        >>> [h.phrase for h in Lexicon({"left|quit ... post|base": 1}).find("quit the base")]
        ['quit ... base']
    """

    def __init__(self, phrases: Mapping[str, Any]) -> None:
        by_first: dict[str, list[tuple[re.Pattern[str], str, Any, int]]] = {}
        for phrase, value in _expanded(phrases):
            words = phrase.lower().split()
            if not words or words[0] == "...":
                raise ValueError(f"triggers.json: bad phrase {phrase!r}")
            parts = []
            for i, w in enumerate(words):
                if w == "...":
                    parts.append(r"(?:\s+\S+?){0,5}?")
                    continue
                sep = r"\s+" if i else ""
                parts.append(sep + re.escape(w))
            pattern = re.compile("".join(parts) + r"(?![a-z0-9])")
            first = _WORD.match(words[0])
            key = first.group() if first else words[0]
            by_first.setdefault(key, []).append((pattern, phrase, value, len(phrase)))
        for entries in by_first.values():
            entries.sort(key=lambda e: -e[3])
        self._by_first = by_first

    def find(self, folded: str, start: int = 0, end: int | None = None) -> list[Hit]:
        """All non-overlapping matches in ``folded[start:end]``, in text order."""
        stop = len(folded) if end is None else end
        hits: list[Hit] = []
        last_end = -1
        for tok in _WORD.finditer(folded, start, stop):
            if tok.start() < last_end:
                continue
            entries = self._by_first.get(tok.group())
            if entries is None:
                # hyphenated tokens: try the first part ("russian-led" -> "russian")
                continue
            best: tuple[int, str, Any] | None = None
            for pattern, phrase, value, _ in entries:
                m = pattern.match(folded, tok.start(), stop)
                if m is not None and (best is None or m.end() > best[0]):
                    best = (m.end(), phrase, value)
            if best is not None:
                hits.append(Hit(tok.start(), best[0], best[1], best[2]))
                last_end = best[0]
        return hits


#: Where a word of _WORD ends (not inside "russian-led": the hyphen joins two words).
_TOKEN_END = r"(?![a-z0-9]|[-'][a-z0-9])"
#: The word after the end of a word, when only spaces lie between.
_NEXT_WORD = re.compile(r"\s+([a-z0-9]+(?:[-'][a-z0-9]+)*)")


#: Letters by how often English words start with them, and by how often they occur: a
#: trie's branches tried in this order (one opening with a letter is tried only where
#: that letter is; only one can match, so the order changes no match, only how many
#: branches the regex engine steps over first).
_FIRST_LETTERS = "tasowicbphfmdrelnguvkjyqxz"
_LETTERS = "etaoinshrdlcumwfgypbvkjxqz"


def _trie_regex(leaves: Mapping[str, str], first: str | None = None) -> str:
    """A regex for any key of ``leaves`` followed by its pattern, factored by common
    prefixes (a plain alternation of hundreds of words tries each one at every offset).

    Branches are sorted by character, or, with ``first`` (an order of the letters for the
    first character), letters most frequent first (_LETTERS below the first character).

    Example:
        >>> _trie_regex({"talk": "", "talks": "", "tea": ""})
        't(?:alk(?:s|)|ea)'
        >>> _trie_regex({"talk": "", "tea": "", "at": ""}, first="ta")
        '(?:t(?:ea|alk)|at)'
    """
    trie: dict[str, Any] = {}
    for word, leaf in leaves.items():
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = leaf

    def rank(order: str) -> Any:
        return lambda ch: (order.find(ch) % 64, ch)  # (unlisted characters after)

    def emit(node: dict[str, Any], key: Any) -> str:
        chars = sorted((ch for ch in node if ch), key=key)
        alts = [re.escape(ch) + emit(node[ch], inner) for ch in chars]
        if "" in node:
            alts.append(node[""])
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    inner = None if first is None else rank(_LETTERS)
    return emit(trie, None if first is None else rank(first))


#: What a word (or word pair) yields when scanned: the one-word hits (lexicon index,
#: phrase, value), the two-word hits, and per lexicon with a longer phrase its candidates
#: in order (phrase, value, regex or None, whether it ends with the next word).
_Plan = tuple[
    tuple[tuple[int, str, Any], ...],
    tuple[tuple[int, str, Any], ...],
    tuple[tuple[int, tuple[tuple[str, Any, "re.Pattern[str] | None", bool], ...]], ...],
]


class Scanner:
    """All the lexicons of the vocabulary matched in one pass over the tokens of a text.

    One regex finds the words that may start a phrase (and the next word, where it is the
    second word of some longer phrase); what each such word, or word pair, yields in every
    lexicon is worked out once, when the scanner is built. A one-word or two-word phrase is
    then a hit at once; only a longer one (or one with ``...``) is tried by its regex.
    """

    def __init__(self, lexicons: Mapping[str, Lexicon]) -> None:
        Entry = tuple[str, re.Pattern[str], str, Any]
        singles: dict[str, list[tuple[str, str, Any]]] = {}
        seconds: dict[tuple[str, str], list[Entry]] = {}
        wild: dict[str, list[Entry]] = {}
        for name, lex in lexicons.items():
            for first, entries in lex._by_first.items():
                for pattern, phrase, value, _ in entries:
                    words = phrase.lower().split()
                    if len(words) == 1 and _WORD.fullmatch(words[0]):
                        singles.setdefault(first, []).append((name, phrase, value))
                        continue
                    second = _WORD.match(words[1]) if len(words) > 1 else None
                    if len(words) > 1 and words[1] != "..." and second is not None \
                            and second.group() == words[1] and _WORD.fullmatch(words[0]):
                        seconds.setdefault((first, words[1]), []).append(
                            (name, pattern, phrase, value))
                    else:
                        wild.setdefault(first, []).append((name, pattern, phrase, value))
        # per first word: its one-word phrases (the last of a lexicon wins, as when they
        # were tried in turn), its phrases tried by regex, and whether some longer phrase
        # is keyed by its second word; most words need no regex and no look at the next word
        table: dict[str, tuple[tuple[tuple[str, str, Any], ...], tuple[Entry, ...], bool]] = {}
        second_firsts = {f for f, _ in seconds}
        for word in {*singles, *wild, *second_firsts}:
            if not _WORD.fullmatch(word):  # (the text is read word by word)
                raise ValueError(f"triggers.json: a phrase must start with a word, not {word!r}")
            last: dict[str, tuple[str, Any]] = {}
            for name, phrase, value in singles.get(word, ()):
                last[name] = (phrase, value)
            table[word] = (
                tuple((name, phrase, value) for name, (phrase, value) in last.items()),
                tuple(wild.get(word, ())),
                word in second_firsts,
            )
        self.names = tuple(lexicons)
        index = {name: i for i, name in enumerate(self.names)}

        def plan(word: str, more: Sequence[Entry]) -> _Plan:
            """What a word (followed by a word keying ``more``) yields, per lexicon: in a
            lexicon, the longest phrase starting there wins, the first of equal ones. A
            one-word phrase ends with the word, a two-word one with the next word (both
            words are whole words of the text: it matches), so where a lexicon has only
            those its hit is known now; a lexicon with a longer phrase keeps its candidates
            in order, tried on the text."""
            one, tried, _ = table[word]
            cands: dict[int, list[tuple[str, Any, re.Pattern[str] | None, bool]]] = {}
            for name, phrase, value in one:
                cands.setdefault(index[name], []).append((phrase, value, None, False))
            for name, pattern, phrase, value in tried:
                cands.setdefault(index[name], []).append((phrase, value, pattern, False))
            for name, pattern, phrase, value in more:
                pair = len(phrase.lower().split()) == 2
                cands.setdefault(index[name], []).append(
                    (phrase, value, None if pair else pattern, pair))
            ones, twos, tries = [], [], []
            for i, found in cands.items():
                if any(pattern is not None for _, _, pattern, _ in found):
                    tries.append((i, tuple(found)))
                    continue
                pairs = [(i, phrase, value) for phrase, value, _, pair in found if pair]
                if pairs:
                    twos.append(pairs[0])  # (ends after the word: longer than its one-word)
                else:
                    ones.append(next((i, phrase, value) for phrase, value, _, _ in found))
            return tuple(ones), tuple(twos), tuple(tries)

        by_second: dict[str, dict[str, _Plan]] = {}
        for (word, after), more in seconds.items():
            by_second.setdefault(word, {})[after] = plan(word, more)
        # (keyed by the word with the space before it: what the regex below matches)
        self._plans: dict[str, tuple[_Plan, dict[str, _Plan] | None]] = {
            " " + word: (plan(word, ()), by_second.get(word)) for word in table
        }
        # The words that can start a hit: a word with a one-word phrase or a phrase tried
        # by regex, or a word followed by the second word of one of its longer phrases.
        # One regex finds them (C code skips the other words, most of the text), over the
        # skeleton of the text (see _skeleton), where a word starts after a space: the
        # pattern opens with a literal, which the engine finds by a plain scan (a pattern
        # opening with a lookbehind or a character class runs the matcher at every offset
        # or at every mark). The lookahead says where a word of _WORD ends.
        leaves: dict[str, str] = {}
        for word, (one, tried, _keyed) in table.items():
            if one or tried:
                leaves[word] = _TOKEN_END
            else:
                # (in the skeleton, a mark before the next word reads as a space too:
                # the scan reads the next word in the text itself)
                nexts = {s: _TOKEN_END for f, s in seconds if f == word}
                leaves[word] = r"(?=\s+" + _trie_regex(nexts, _FIRST_LETTERS) + ")"
        # (the first character tested on its own first: most spaces are not followed by
        # one that starts a word of the vocabulary, and one test of a class costs less
        # than the branches of the trie)
        starts = "".join(sorted({re.escape(w[0]) for w in leaves}))
        self._words = re.compile(
            " (?=[" + starts + "])" + _trie_regex(leaves, _FIRST_LETTERS))

    def scan(self, folded: str) -> dict[str, list[Hit]]:
        """Non-overlapping matches of every lexicon, by lexicon name, in text order."""
        outs: list[list[Hit]] = [[] for _ in self.names]
        # The end of the last hit of each lexicon longer than its first word, and the
        # furthest of those: a word starting at or after ``horizon`` overlaps no hit (the
        # next word found starts after a one-word hit), so most words skip the test.
        last_end = [-1] * len(outs)
        horizon = -1
        plans, next_word = self._plans, _NEXT_WORD.match
        # (a match at ``start`` in the skeleton is the space before the word at ``start``
        # in the text: the skeleton has one character more on the left)
        for tok in self._words.finditer(_skeleton(folded)):
            start, end = tok.span()
            end -= 1
            plan, by_second = plans[tok.group()]
            if by_second is not None:
                # the next word, if only spaces lie between (read in the text: the
                # skeleton has spaces for marks)
                nxt = next_word(folded, end)
                if nxt is not None:
                    plan = by_second.get(nxt.group(1), plan)
            ones, twos, tries = plan
            if start >= horizon:
                for i, phrase, value in ones:
                    outs[i].append(Hit(start, end, phrase, value))
            else:
                for i, phrase, value in ones:
                    if start >= last_end[i]:
                        outs[i].append(Hit(start, end, phrase, value))
            if twos:
                stop = nxt.end()  # type: ignore[union-attr]  # (a pair plan: it matched)
                for i, phrase, value in twos:
                    if start >= horizon or start >= last_end[i]:
                        outs[i].append(Hit(start, stop, phrase, value))
                        last_end[i] = stop
                if stop > horizon:
                    horizon = stop
            for i, cands in tries:
                if start < horizon and start < last_end[i]:
                    continue
                best: tuple[int, str, Any] | None = None
                for phrase, value, pattern, pair in cands:
                    if pattern is None:
                        stop = nxt.end() if pair else end  # type: ignore[union-attr]
                    else:
                        m = pattern.match(folded, start)
                        if m is None:
                            continue
                        stop = m.end()
                    if best is None or stop > best[0]:
                        best = (stop, phrase, value)
                if best is not None:
                    stop = best[0]
                    outs[i].append(Hit(start, stop, best[1], best[2]))
                    last_end[i] = stop
                    if stop > horizon:
                        horizon = stop
        return dict(zip(self.names, outs, strict=True))


#: bytes.translate table of the skeleton: letters, digits, hyphens and apostrophes kept
#: (all that _WORD and _TOKEN_END read), every other byte a space.
_SKELETON = bytes(
    c if (97 <= c <= 122 or 48 <= c <= 57 or c in b"-'") else 32 for c in range(256)
)
#: A hyphen, an apostrophe, after no letter or digit: in the skeleton, a space (it is
#: where a word may start, as after a space, and neither joins nor ends a word). (Two
#: patterns opening with a literal: the engine finds it by a plain scan, where a class
#: of two characters is tested at every offset.)
_LONE_HYPHEN = re.compile(rb"-(?<![a-z0-9]-)")
_LONE_APOSTROPHE = re.compile(rb"'(?<![a-z0-9]')")


def _skeleton(folded: str) -> str:
    """``" " + folded`` with every character but a-z, 0-9 and a hyphen or apostrophe
    after one of those made a space (an ASCII copy, offsets kept: one "?" for any other
    character, then a bytes table).

    A word of _WORD starts at ``i`` in ``folded`` exactly where the skeleton holds a space
    at ``i`` and a letter or digit at ``i + 1``; it ends where it ends in ``folded``; the
    words are the same. So a regex for " WORD" + _TOKEN_END finds in the skeleton the
    words ``(?<![a-z0-9])(?<![a-z0-9][-'])WORD`` + _TOKEN_END finds in the text (a
    lookahead over spaces may reach further: marks are spaces here).

    Example:
        >>> _skeleton("al-bab's 'new' -- (test) -x é")
        " al-bab's  new'     test   x  "
    """
    skel = (b" " + folded.encode("ascii", "replace")).translate(_SKELETON)
    # (a mark made a space is not a letter or digit either: the second pass reads the
    # same as on the first's input)
    if b"-" in skel:  # (a one-byte search: memchr)
        skel = _LONE_HYPHEN.sub(b" ", skel)
    if b"'" in skel:
        skel = _LONE_APOSTROPHE.sub(b" ", skel)
    return skel.decode("ascii")


_START = operator.attrgetter("start")
_END = operator.attrgetter("end")
_SPAN_START = operator.attrgetter("span.start")
_SPAN_BOUNDS = operator.attrgetter("span.start", "span.end")


class _Hits:
    """The hits of one lexicon over a whole article, queried by span."""

    __slots__ = ("_ends", "_starts", "hits")

    def __init__(self, hits: list[Hit]) -> None:
        self.hits = hits
        self._starts = list(map(_START, hits))  # (attrgetter: no Python code per hit)
        # hits of one lexicon never overlap, so their ends rise with their starts: the
        # hits inside a span are one slice, found by two bisections
        self._ends = list(map(_END, hits))

    def within(self, span: Span) -> list[Hit]:
        return self.between(span.start, span.end)

    def between(self, start: int, end: int) -> list[Hit]:
        """The hits inside ``start:end``."""
        hits = self.hits
        if not hits:
            return []
        lo = _bisect_left(self._starts, start)
        hi = _bisect_right(self._ends, end, lo)  # (none before ``lo`` is inside)
        return hits[lo:hi] if hi > lo else []


class _HitsByLexicon(dict[str, _Hits]):
    """The :class:`_Hits` of each lexicon, built on first lookup (an extractor reads a
    few of the lexicons in most articles)."""

    __slots__ = ("_found",)

    def __init__(self, found: dict[str, list[Hit]]) -> None:
        super().__init__()
        self._found = found

    def __missing__(self, name: str) -> _Hits:
        hits = self[name] = _Hits(self._found[name])
        return hits


# --------------------------------------------------------------------------- vocabulary


@attrs.frozen(slots=False)
class Vocabulary:
    """The compiled contents of ``data/triggers.json``."""

    meeting_triggers: Lexicon
    incident_triggers: Lexicon
    meeting_status: Lexicon
    planned_outside_headline: Lexicon
    movement: Lexicon
    casualty_verbs: Lexicon
    person_nouns: frozenset[str]
    armed_nouns: Lexicon
    conflict_cues: Lexicon
    non_factual: Lexicon
    habitual: Lexicon
    negations: Lexicon
    speech_verbs: Lexicon
    topic_markers: Lexicon
    role_cues: Lexicon
    non_diplomatic: Lexicon
    sports: Lexicon
    false_friends: Lexicon
    meeting_blockers: Lexicon
    withdrawal: Lexicon
    meeting_denials: Lexicon
    anaphoric_parties: Lexicon
    soon: Lexicon
    blame: Lexicon
    stock: Lexicon
    actor_nouns: frozenset[str]
    future_after: Lexicon
    definite: frozenset[str]
    indefinite: frozenset[str]
    sports_article_hits: int
    backer_suffixes: tuple[str, ...]
    backer_prefixes: re.Pattern[str]
    casualty_participles: frozenset[str]
    locative: re.Pattern[str]
    clause_boundary: re.Pattern[str]
    backer_prefix_words: tuple[str, ...] = ()
    #: The clause boundaries opening with a mark (";", ", while"), a regex for each mark,
    #: and the others (" but ", "ahead of") as written: see :meth:`EventContext.clauses`.
    clause_marked: tuple[re.Pattern[str], ...] | None = None
    clause_words: tuple[str, ...] = ()
    locative_words: tuple[str, ...] = ()
    deployment_purposes: frozenset[str] = frozenset()
    #: head nouns before the name of a settlement ("village of ", folded, with the space)
    settlement_heads: tuple[str, ...] = ()
    #: verbs whose object is ground ("shelled ", folded, with the space after)
    ground_verbs: tuple[str, ...] = ()
    #: nouns after the name of a settlement (" observation post", folded, space before)
    settlement_tails: tuple[str, ...] = ()
    #: how a name after such a verb that is no settlement begins ("The ", "Jaish")
    not_settlement_first: tuple[str, ...] = ()
    #: the folded last words of such names of forces ("brigade", "front")
    not_settlement_last: tuple[str, ...] = ()
    #: the series of talks named after a city ("astana", lower case), and their states
    talks_series: Mapping[str, frozenset[str]] = attrs.field(factory=dict)

    def lexicons(self) -> dict[str, Lexicon]:
        """Every lexicon by field name (for scanning an article once)."""
        return {
            f.name: getattr(self, f.name)
            for f in attrs.fields(Vocabulary)
            if isinstance(getattr(self, f.name), Lexicon)
        }

    @functools.cached_property
    def backer(self) -> tuple[re.Pattern[str], re.Pattern[str]]:
        """Regexes of a sponsor ending, on the word itself and right after it."""
        alts = "|".join(re.escape(s) for s in sorted(self.backer_suffixes, key=len, reverse=True))
        return re.compile(f"(?:{alts})$"), re.compile(f"(?:{alts})(?![a-z])")

    @functools.cached_property
    def locative_endings(self) -> tuple[str, ...]:
        """How the words before a place named after a preposition end ("in ", "in the ",
        "in northern ", "in central "): the last word is one of these (see
        :attr:`locative`); text ending otherwise is not searched."""
        return (*self.locative_words, "the", "central", "ern", *_DIRECTIONS)

    @functools.cached_property
    def backer_hints(self) -> tuple[frozenset[str], tuple[str, ...]]:
        """What the sponsor regexes need: the last two letters of every suffix ("-led"),
        the last word of every prefix ("backed by"); text without them is not searched."""
        tails = frozenset(s[-2:] for s in self.backer_suffixes)
        last_words = tuple(sorted({w.split()[-1] for w in self.backer_prefix_words}))
        return tails, last_words

    @functools.cached_property
    def scanner(self) -> Scanner:
        """One scanner over every lexicon, built on first use."""
        return Scanner(self.lexicons())


def _load_json(name: str) -> dict[str, Any]:
    path = resources.files("idlib_corpus") / "data" / name
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:  # a broken install, not bad input
        raise RuntimeError(f"idlib_corpus data file {name} cannot be read: {exc}") from exc
    if not isinstance(data, dict):
        raise RuntimeError(f"idlib_corpus data file {name} must hold a JSON object")
    return data


def _locative_pattern(prepositions: Sequence[str]) -> re.Pattern[str]:
    """Whether text ends in a preposition of place ("in ", "in the northern ", "of the
    north "), searched before a name: a place word, not an actor.

    The same matches as ``(?<![a-z0-9])(?:PREPOSITIONS)\\s+(?:the\\s+)?(?:DIRECTION\\s+|
    central\\s+)?$|(?<![a-z0-9])of\\s+(?:the\\s+)?DIRECTION\\w*\\s+$``, written as a
    trie by first character with the word-start test after that character: a pattern
    opening with a lookbehind is tried at every offset, one opening with a character lets
    the regex engine skip to the candidates (searched with ``is not None``: which branch
    matches does not matter).
    """
    dirs = "|".join(_DIRECTIONS)
    tail = rf"\s+(?:the\s+)?(?:(?:{dirs})(?:-?(?:east|west))?(?:ern)?\s+|central\s+)?$"
    tails: dict[str, list[str]] = {}
    for w in prepositions:
        tails.setdefault(w, []).append(tail)
    tails.setdefault("of", []).append(rf"\s+(?:the\s+)?(?:{dirs})\w*\s+$")
    by_first: dict[str, dict[str, str]] = {}
    for w, ts in tails.items():
        by_first.setdefault(w[0], {})[w[1:]] = ts[0] if len(ts) == 1 else "(?:" + "|".join(ts) + ")"
    return re.compile("|".join(
        re.escape(c) + "(?<![a-z0-9]" + re.escape(c) + ")" + _trie_regex(rest)
        for c, rest in sorted(by_first.items())
    ))


@functools.lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """The event vocabulary, compiled once.

    Example:
        >>> vocabulary().meeting_triggers.find("they held talks")[0].value["kind"]
        'talks'
    """
    d = _load_json("triggers.json")

    def words(key: str) -> Lexicon:
        return Lexicon({w: True for w in d[key]})

    status: dict[str, str] = {}
    for st, cues in d["meeting_status"].items():
        for cue in cues:
            status.setdefault(cue, st)
    casualty: dict[str, str] = {}
    for what, cues in d["casualty_verbs"].items():
        for cue in cues:
            casualty[cue] = what
    loc = sorted(d["locative_prepositions"], key=len, reverse=True)
    locative = _locative_pattern(loc)
    # The boundaries by first character, the rest of each in a trie (the longest that
    # matches wins, as in an alternation sorted longest first; a plain alternation tries
    # every boundary opening with a space at every space). Each alternative opens with its
    # first character, and the word-start test comes after it ("a(?<![a-z0-9]a)head of"):
    # a pattern that opens with a lookbehind is tried at every offset, one that opens with
    # a literal lets the regex engine skip ahead.
    by_first: dict[str, dict[str, str]] = {}
    for b in d["clause_boundaries"]:
        by_first.setdefault(b[0], {})[b[1:]] = r"(?![a-z0-9])" if b[-1].isalpha() else ""
    def alternative(c: str) -> str:
        return (re.escape(c) + (r"(?<![a-z0-9]" + re.escape(c) + ")" if c.isalpha() else "")
                + _trie_regex(by_first[c]))

    boundary = re.compile("|".join(map(alternative, by_first)))
    marked = [c for c in by_first if not (c.isalnum() or c.isspace())]
    clause_words = tuple(b for b in d["clause_boundaries"] if b[0] not in marked)
    return Vocabulary(
        meeting_triggers=Lexicon(d["meeting_triggers"]),
        incident_triggers=Lexicon(d["incident_triggers"]),
        meeting_status=Lexicon(status),
        planned_outside_headline=words("planned_outside_headline"),
        movement=words("movement"),
        casualty_verbs=Lexicon(casualty),
        person_nouns=frozenset(d["person_nouns"]),
        armed_nouns=words("armed_nouns"),
        conflict_cues=words("conflict_cues"),
        non_factual=words("non_factual"),
        habitual=words("habitual"),
        negations=words("negations"),
        speech_verbs=words("speech_verbs"),
        topic_markers=words("topic_markers"),
        role_cues=words("role_cues"),
        non_diplomatic=words("non_diplomatic_context"),
        sports=words("sports_context"),
        false_friends=words("false_friends"),
        meeting_blockers=words("meeting_blockers"),
        withdrawal=words("withdrawal_cues"),
        meeting_denials=words("meeting_denials"),
        anaphoric_parties=words("anaphoric_parties"),
        soon=words("soon"),
        blame=words("blame_cues"),
        stock=words("stock_cues"),
        actor_nouns=frozenset(d["actor_nouns"]),
        future_after=words("future_after"),
        definite=frozenset(d["definite"]),
        indefinite=frozenset(d["indefinite"]),
        sports_article_hits=int(d["sports_article_hits"]),
        backer_suffixes=tuple(d["backer_suffixes"]),
        backer_prefixes=re.compile(
            r"(?<![a-z])(?:" + "|".join(re.escape(w) for w in d["backer_prefixes"])
            + r")\s+(?:the\s+)?$"
        ),
        casualty_participles=frozenset(d["casualty_participles"]),
        locative=locative,
        clause_boundary=boundary,
        clause_marked=tuple(re.compile(alternative(c)) for c in marked),
        clause_words=clause_words,
        backer_prefix_words=tuple(d["backer_prefixes"]),
        locative_words=tuple(loc),
        deployment_purposes=frozenset(d.get("deployment_purposes", ())),
        settlement_heads=tuple(f"{w} " for w in d.get("settlement_heads", ())),
        ground_verbs=tuple(f"{w} " for w in d.get("ground_verbs", ())),
        settlement_tails=tuple(f" {w}" for w in d.get("settlement_tails", ())),
        not_settlement_first=tuple(d.get("not_settlement_first", ())),
        not_settlement_last=tuple(d.get("not_settlement_last", ())),
        talks_series={k.lower(): frozenset(v) for k, v in d.get("talks_series", {}).items()
                      if not k.startswith("_")},
    )


# --------------------------------------------------------------------------- context


_new_tuple = tuple.__new__


class Mentioned(NamedTuple):
    """A reference to an actor found in the text, with the facts the grammar needs.

    (A named tuple: an article holds dozens, built on every run.)

    Attributes:
        span: where it is.
        actor: actor id (``state:TR``, ``armed_group:...``, ``person:...``).
        kind: ``"state"``, ``"group"`` or ``"person"``.
        country: the ISO code of the state it is or serves, if known.
        backer: a sponsor word ("Russian-led", "Russia-backed"), not the actor itself.
        locative: a place word ("in Turkey", "to Russia"), not an actor.
        role_kind: how the text refers to it (:class:`MentionKind` value).

    Example:
        >>> m = Mentioned(Span(0, 7), "state:TR", "state", "TR", role_kind="nationality")
        >>> m._replace(actor="state:RU").actor, m.backer
        ('state:RU', False)
    """

    span: Span
    actor: str
    kind: str
    country: str | None
    backer: bool = False
    locative: bool = False
    role_kind: str = "name"


#: What a mention is before its surroundings are read: span, actor, kind, country, role kind.
_RawMention = tuple[Span, str, str, str | None, str]


@attrs.frozen
class Speech:
    """The attribution part of a sentence: "…, the spokesperson said on Saturday."

    Attributes:
        span: the attribution words (speaker and verb), excluded from event roles.
        claimant: the speaker as the text names them, if any.
        times: time annotations tied to the statement, not to the event.
    """

    span: Span
    claimant: str | None
    times: tuple[Annotation, ...] = ()


def _place_from(doc: Document, ann: Annotation) -> Place:
    kb = doc.kb
    finder = getattr(kb, "place", None)
    if ann.key is not None and finder is not None:
        try:
            place = finder(ann.key, text=ann.text, span=ann.span)
        except Exception:  # the knowledge base may not know the key
            place = None
        if isinstance(place, Place):
            return place
    if ann.label is AnnotationLabel.STATE:
        return Place(
            name=_state_name(doc, ann), kind=PlaceKind.COUNTRY, country=ann.key,
            text=ann.text, span=ann.span,
        )
    country = ann.key if ann.label is AnnotationLabel.CAPITAL else None
    return Place(
        name=ann.text, kind=PlaceKind.CITY if country else PlaceKind.OTHER,
        country=country, text=ann.text, span=ann.span,
    )


def _state_name(doc: Document, ann: Annotation) -> str:
    kb = doc.kb
    for attr in ("state_name", "country_name"):
        fn = getattr(kb, attr, None)
        if fn is not None and ann.key:
            try:
                name = fn(ann.key)
            except Exception:
                name = None
            if isinstance(name, str) and name:
                return name
    return ann.text


def _place_entry(
    doc: Document, ann: Annotation, state_key: tuple[str, AnnotationLabel] | None
) -> tuple[Place, str | None, bool]:
    """A PLACE annotation's gazetteer place, its country and whether it is a whole state."""
    p = _place_from(doc, ann)
    country = p.country or (state_key[0] if state_key else None)
    is_country = p.kind is PlaceKind.COUNTRY or (
        state_key is not None and state_key[1] is AnnotationLabel.STATE
    )
    if p.country is None and country is not None:
        p = attrs.evolve(p, country=country)
    if is_country and p.kind is PlaceKind.OTHER:
        p = attrs.evolve(p, kind=PlaceKind.COUNTRY)
    return p, country, is_country


_PlaceKey = tuple[str, str | None, str, tuple[str, str] | None]
_PlaceEntry = tuple[Place, str | None, bool]
#: Places already looked up, by knowledge base (held weakly: a knowledge base is built
#: once per run and not changed after).
_KB_PLACES: weakref.WeakKeyDictionary[Any, dict[_PlaceKey, _PlaceEntry]] = (
    weakref.WeakKeyDictionary()
)


def _kb_places(doc: Document) -> dict[_PlaceKey, _PlaceEntry]:
    """The places looked up in ``doc``'s knowledge base so far, by (label, key, words,
    state named on the same words).

    A place depends only on those (its span is set per mention by :attr:`PlaceRef.place`),
    so articles share them.
    """
    kb = doc.kb
    try:
        found = _KB_PLACES.get(kb)
        if found is None:
            found = _KB_PLACES[kb] = {}
    except TypeError:  # a stand-in knowledge base that cannot be weakly referenced
        return {}
    return found


#: Whether :class:`Place` has exactly the fields :attr:`PlaceRef.place` copies.

class PlaceRef:
    """A place named in the text: its gazetteer entry, built into a Place on demand.

    Attributes:
        span: where it is named.
        base: the gazetteer's :class:`~idlib_corpus.model.Place`, without text or span.
        text: the words as written.
        country: ISO code of its country (or of the state itself), if known.
        is_country: whether it is a whole state.
    """

    __slots__ = ("_place", "base", "country", "is_country", "span", "text")

    def __init__(self, span: Span, base: Place, text: str, country: str | None,
                 is_country: bool) -> None:
        self.span = span
        self.base = base
        self.text = text
        self.country = country
        self.is_country = is_country
        self._place: Place | None = None

    @property
    def place(self) -> Place:
        """The place with the words and span of this mention."""
        if self._place is None:
            # the gazetteer's fields were checked when ``base`` was built
            self._place = _trusted.place_at(self.base, self.text, self.span)
        return self._place


class EventContext:
    """Everything the event extractors look up in one article, prepared once.

    Args:
        doc: the analysed article.
        actors: the actors resolved so far.

    Example:
        >>> from idlib_corpus.document import build_document
        >>> from idlib_corpus.model import Article
        >>> ctx = EventContext(build_document(Article(id="a", text="Talks were held.")), ())
        >>> [ctx.doc.slice(s) for s in ctx.sentences]
        ['Talks were held.']
    """

    def __init__(self, doc: Document, actors: Sequence[Actor]) -> None:
        self.doc = doc
        self.text = doc.text
        self.folded = doc.folded
        self.voc = vocabulary()
        art = doc.article
        self.published = art.published
        self.headline = art.title_span
        skip = [s for s in (art.dateline_span, art.outlet_span) if s is not None]
        if art.dateline_span is not None and art.outlet_span is not None:
            # "ANKARA, Turkey (AP) —": the whole dateline, not just its two named parts
            a, b = sorted((art.dateline_span, art.outlet_span))
            if "\n" not in self.text[a.start:b.end]:
                m = _DATELINE_TAIL.match(self.text[b.end:b.end + 6])
                skip.append(make_span(a.start, b.end + (m.end() if m else 0)))
        self._skip = skip
        self._skip_lo = min((x.start for x in skip), default=0)
        self._skip_hi = max((x.end for x in skip), default=0)
        # sentences: prose plus the headline line(s)
        sents: list[Span] = []
        boilerplate = art.boilerplate
        for s in doc.sentences:
            if boilerplate and within_any(s, boilerplate) and not (
                self.headline and self.headline.overlaps(s)
            ):
                continue  # (art.is_boilerplate(s), without a generator per sentence)
            sents.append(s)
        self.sentences = tuple(sents)
        self._newlines = [m.start() for m in re.finditer("\n", self.text)]
        found = scan(doc)
        self.hits: dict[str, _Hits] = _HitsByLexicon(found)
        # (whether any false friend is in the article: most have none)
        self._friends = bool(found.get("false_friends"))
        #: What an extractor computed once for the article, by its own key.
        self.memo: dict[Any, Any] = {}
        self._clauses: dict[int, list[Span]] = {}
        self._parens = _bracket_spans(self.text)
        self._paren_starts = [p.start for p in self._parens]
        self._build_annotations()
        self._actors = actors
        # (built on first need, by _build_mentions: the mentions' raw facts in text order,
        # the mentions built from them so far, their starts)
        self._mentions: list[_RawMention] | None = None
        self._raw_mentions: list[_RawMention] = []
        self._built: list[Mentioned | None] = []
        self._first_role: dict[tuple[int, int], str] = {}
        self._mention_starts: list[int] = []
        voc = self.voc  # (what reading a mention needs, in one tuple)
        self._cues = (*voc.backer, *voc.backer_hints, voc.backer_prefixes,
                      voc.locative_endings, voc.locative)
        self._locative_at: dict[tuple[int, int], bool] = {}

    # ------------------------------------------------------------------ building

    def _skipped(self, span: Span) -> bool:
        start, end = span.start, span.end
        if end <= self._skip_lo or start >= self._skip_hi:
            return False  # (most spans: far from the dateline)
        return any(s.start < end and start < s.end for s in self._skip)

    def _build_annotations(self) -> None:
        doc = self.doc
        skip_lo, skip_hi, skipped = self._skip_lo, self._skip_hi, self._skipped
        times: list[Annotation] = []
        numbers: list[Annotation] = []
        offices: list[Span] = []
        place_anns: list[Annotation] = []
        state_anns: list[Annotation] = []  # STATE and CAPITAL, in text order
        actor_anns: list[Annotation] = []  # what _build_mentions reads
        # (the labels in locals: looking up an enum member on its class costs more)
        lab = AnnotationLabel
        place, state, capital, time, number, office = (
            lab.PLACE, lab.STATE, lab.CAPITAL, lab.TIME, lab.NUMBER, lab.OFFICE)
        nationality, group, person = lab.NATIONALITY, lab.GROUP, lab.PERSON
        for a in doc.annotations:
            label = a.label
            if label is place:
                place_anns.append(a)
                continue
            if label is state or label is capital:
                state_anns.append(a)
                actor_anns.append(a)
                continue
            if label is nationality or label is group or label is person:
                actor_anns.append(a)
                continue
            if label is not time and label is not number and label is not office:
                continue  # (trigger words, pronouns, bodies: not read here)
            sp = a.span
            if not (sp.end <= skip_lo or sp.start >= skip_hi) and skipped(sp):
                continue
            if label is time and isinstance(a.value, TimeValue):
                times.append(a)
            elif label is number and isinstance(a.value, int):
                numbers.append(a)
            elif label is office:
                offices.append(sp)
        self._actor_anns = actor_anns
        places: list[PlaceRef] = []
        place_spans: set[tuple[int, int]] = set()
        known: dict[tuple[str, tuple[str, str] | None], tuple[Place, str | None, bool]] = {}
        # a state name or capital on the same words tells the country of a place
        states: dict[tuple[int, int], tuple[str, AnnotationLabel]] = {
            (a.span.start, a.span.end): (a.key, a.label) for a in state_anns if a.key
        }
        kb_places = _kb_places(doc)
        for a in place_anns:
            sp = a.span
            if not (sp.end <= skip_lo or sp.start >= skip_hi) and skipped(sp):
                continue
            pos = (sp.start, sp.end)
            state_key = states.get(pos)
            # (keys hold a label's value, not the label: an enum member hashes in Python)
            state_id = None if state_key is None else (state_key[0], state_key[1]._value_)
            cache_key = (a.key or a.text, state_id)
            entry = known.get(cache_key)
            if entry is None:
                # (the article's first mention of a place decides, as the words may)
                full_key = ("place", a.key, a.text, state_id)
                entry = kb_places.get(full_key)
                if entry is None:
                    entry = kb_places[full_key] = _place_entry(doc, a, state_key)
                known[cache_key] = entry
            places.append(PlaceRef(sp, entry[0], a.text, entry[1], entry[2]))
            place_spans.add(pos)
        for a in state_anns:
            sp = a.span
            if (sp.start, sp.end) in place_spans or not a.key:
                continue
            if not (sp.end <= skip_lo or sp.start >= skip_hi) and skipped(sp):
                continue
            full_key = (a.label._value_, a.key, a.text, None)
            entry = kb_places.get(full_key)
            if entry is None:
                entry = kb_places[full_key] = (
                    _place_from(doc, a), a.key, a.label is AnnotationLabel.STATE)
            places.append(PlaceRef(sp, entry[0], a.text, entry[1], entry[2]))
        places.extend(self._unlisted_settlements(places, (*actor_anns, *times, *numbers)))
        # (attrgetter keys: no Python code per item)
        places.sort(key=_SPAN_BOUNDS)
        self.times = sorted(times, key=_SPAN_START)
        self.numbers = sorted(numbers, key=_SPAN_START)
        self.offices = offices
        # offices by start, with the furthest end up to each (for in_office_at)
        by_start = sorted(offices, key=_START)
        self._office_starts = [o.start for o in by_start]
        self._office_reach = _furthest_ends(o.end for o in by_start)
        self.places = places
        self._place_starts = list(map(_SPAN_START, places))
        self._time_starts = list(map(_SPAN_START, self.times))
        self._time_reach = _furthest_ends(t.span.end for t in self.times)
        self._number_starts = list(map(_SPAN_START, self.numbers))

    def _unlisted_settlements(
        self, known: list[PlaceRef], named: Sequence[Annotation]
    ) -> list[PlaceRef]:
        """Villages and towns the gazetteer lacks, named after a head noun ("shelled the
        village of Tell Hamra", "in the town of Kafr Dael"), before one ("the Tell Hamra
        observation post") or as the object of a verb that takes ground ("shelled Tell
        Hamra", "troops stormed Kafr Dael"): the capitalised name next to it, a town of
        unknown country, and every other mention of that name. A name a PLACE annotation
        already covers is left to it; after a verb, a name that overlaps any other
        annotation (a state, group, person, time or number) is no settlement."""
        f, text = self.folded, self.text
        v = vocabulary()
        ground, first, last = v.ground_verbs, v.not_settlement_first, v.not_settlement_last
        bounds: tuple[list[int], list[int]] | None = None
        out: list[PlaceRef] = []
        for head in (*v.settlement_heads, *ground):
            verb = head in ground
            at = f.find(head)
            while at >= 0:
                start = at + len(head)
                word = at == 0 or not f[at - 1].isalpha()  # (not "downtown of")
                at = f.find(head, start)
                m = _SETTLEMENT_NAME.match(text, start) if word else None
                if m is None:
                    continue
                end = m.end()
                if verb:
                    if text.startswith(first, start) or f.endswith(last, start, end):
                        continue
                    if bounds is None:
                        # (on the first name after a verb, with the places: most such
                        # names are places the gazetteer knows, or annotated)
                        bounds = _bounds(named, known)
                    if _overlaps_any(bounds, start, end):
                        continue
                elif any(p.span.start < end and start < p.span.end for p in known):
                    continue
                if not (end <= self._skip_lo or start >= self._skip_hi) and self._skipped(
                    make_span(start, end)
                ):
                    continue
                name = m.group()
                sp = make_span(start, end)
                out.append(PlaceRef(sp, Place(name=name, kind=PlaceKind.TOWN), name, None,
                                    False))
        for tail in v.settlement_tails:
            # "the Tell Hamra observation post": the name of the village before the noun
            at = f.find(tail)
            while at >= 0:
                end = at
                at = f.find(tail, at + len(tail))
                m = _SETTLEMENT_NAME_END.search(text, max(0, end - 40), end)
                if m is None:
                    continue
                start = m.start()
                if text.startswith(first, start) or (start > 0 and text[start - 1].isalnum()):
                    continue
                if _overlaps_any(_bounds(named, (*known, *out)), start, end):
                    continue  # ("the Turkish observation post", "the Morek post")
                name = m.group()
                out.append(PlaceRef(make_span(start, end), Place(name=name, kind=PlaceKind.TOWN),
                                    name, None, False))
        if out:
            out.extend(self._named_again(out, known, named))
        return out

    def _named_again(
        self, found: list[PlaceRef], known: list[PlaceRef], named: Sequence[Annotation]
    ) -> list[PlaceRef]:
        """The other mentions of the villages :meth:`_unlisted_settlements` found: "the
        village of Tell Hamra" makes a later "at the Tell Hamra junction" a place too
        (where no annotation covers the name)."""
        text = self.text
        bounds = _bounds(named, (*known, *found))
        out: list[PlaceRef] = []
        for name in dict.fromkeys(p.text for p in found):
            at = text.find(name)
            while at >= 0:
                start, end = at, at + len(name)
                at = text.find(name, end)
                if (start > 0 and text[start - 1].isalnum()) or (
                    end < len(text) and text[end].isalnum()
                ) or _overlaps_any(bounds, start, end):
                    continue
                if not (end <= self._skip_lo or start >= self._skip_hi) and self._skipped(
                    make_span(start, end)
                ):
                    continue
                out.append(PlaceRef(make_span(start, end), Place(name=name, kind=PlaceKind.TOWN),
                                    name, None, False))
        return out

    def _build_mentions(self, actors: Sequence[Actor]) -> None:
        """Every actor mention in text order, as raw facts: (span, actor, kind, country,
        role kind). What the grammar reads of a mention's surroundings (a sponsor word, a
        place word before it) is read by :meth:`_mention_at` when a query first returns
        it: an extractor reads the mentions of the clauses holding its triggers, not all."""
        skip_lo, skip_hi, skipped = self._skip_lo, self._skip_hi, self._skipped
        found: dict[tuple[int, int, str], _RawMention] = {}
        # The role kind of the first mention built at each offset that is not a person's:
        # the place-word test of a mention is shared by the mentions on the same words and
        # reads the role kind of the first one (the order of the loops below)
        first_role: dict[tuple[int, int], str] = {}
        lab = AnnotationLabel
        nationality, state, capital, group = lab.NATIONALITY, lab.STATE, lab.CAPITAL, lab.GROUP
        # a known group the text gives as another group's other name ("HTS, which emerged
        # from the former Nusra Front,") acts as that group
        alias_of = {(m.span.start, m.span.end): actor.id for actor in actors
                    if actor.kind is ActorKind.ARMED_GROUP
                    for m in actor.mentions if m.kind is MentionKind.ALIAS}
        for a in self._actor_anns:
            key = a.key
            if not key:
                continue
            sp = a.span
            if not (sp.end <= skip_lo or sp.start >= skip_hi) and skipped(sp):
                continue
            label = a.label
            if label is nationality or label is state or label is capital:
                if not is_country_code(key):
                    continue
                actor_id = "state:" + key
                # (``_value_``: the value an enum member holds; the ``value`` property costs
                # more, here and for the mention kinds below)
                role = label._value_
                found[(sp.start, sp.end, actor_id)] = (sp, actor_id, "state", key, role)
                first_role.setdefault((sp.start, sp.end), role)
            elif label is group:
                key = alias_of.get((sp.start, sp.end), key)
                found[(sp.start, sp.end, key)] = (sp, key, "group", None, "name")
                first_role.setdefault((sp.start, sp.end), "name")
        spans_of: dict[str, list[Span]] = {}
        for raw in found.values():
            spans_of.setdefault(raw[1], []).append(raw[0])
        starts_of: dict[str, list[int]] = {}  # (sorted on first need, below)
        pronoun = MentionKind.PRONOUN
        a_state, a_group, a_person, a_body = (
            ActorKind.STATE, ActorKind.ARMED_GROUP, ActorKind.PERSON, ActorKind.GOVERNMENT_BODY)
        for actor in actors:
            actor_kind = actor.kind
            if actor_kind is a_state and actor.id.startswith("state:"):
                kind, country = "state", actor.id[6:]
            elif actor_kind is a_group:
                kind, country = "group", None
            elif actor_kind is a_person:
                kind, country = "person", actor.country
            elif actor_kind is a_body and (
                body_state := actor.country or self._demonym_state(actor.name)
            ):
                # "the Syrian Arab Army", "the Turkish Defense Ministry" act for their state
                kind, country = "state", body_state
            else:
                continue
            actor_id = actor.id if kind != "state" else "state:" + (country or "")
            own, own_starts = spans_of.get(actor_id), starts_of.get(actor_id)
            if own and own_starts is None:
                own.sort(key=_START)
                own_starts = starts_of[actor_id] = [sp.start for sp in own]
            person = kind == "person"
            for m in actor.mentions:
                sp = m.span
                if m.kind is pronoun or (
                    not (sp.end <= skip_lo or sp.start >= skip_hi) and skipped(sp)
                ):
                    continue
                if own and own_starts:
                    # (whether it overlaps one of the own spans, sorted and apart: the
                    # one starting last at or before it, or the one after that)
                    s0, e0 = sp.start, sp.end
                    i = _bisect_right(own_starts, s0) - 1
                    if i >= 0 and own[i].start < e0 and s0 < own[i].end:
                        continue
                    if i + 1 < len(own) and own[i + 1].start < e0 and s0 < own[i + 1].end:
                        continue
                role = m.kind._value_
                found[(sp.start, sp.end, actor_id)] = (sp, actor_id, kind, country, role)
                if not person:
                    first_role.setdefault((sp.start, sp.end), role)
        if not actors:
            for a in self._actor_anns:
                if a.label is lab.PERSON and a.key and a.key.startswith("person:"):
                    sp = a.span
                    found[(sp.start, sp.end, a.key)] = (sp, a.key, "person", None, "name")
        raws = [found[k] for k in sorted(found)]
        self._raw_mentions = raws
        self._first_role = first_role
        self._built = [None] * len(raws)
        self._mention_starts = [r[0].start for r in raws]
        self._mentions = raws  # (built: the raw list, read through _mention_at)

    @property
    def mentions(self) -> list[Mentioned]:
        """Every actor mention, in text order (built on first use)."""
        if self._mentions is None:
            self._build_mentions(self._actors)
        built = self._built
        if None in built:
            at = self._mention_at
            for i, m in enumerate(built):
                if m is None:
                    at(i)
        return built  # type: ignore[return-value]

    def _demonym_state(self, name: str) -> str | None:
        """The state of a body named after it ("Syrian Arab Army" is Syria's)."""
        lookup = getattr(self.doc.kb, "demonym_state", None)
        words = name.split()
        if lookup is None or not words:
            return None
        try:
            found = lookup(words[0])
        except Exception:  # a knowledge base without demonyms
            return None
        return found if isinstance(found, str) else None

    def _mention_at(self, i: int) -> Mentioned:
        """The mention at index ``i`` of the raw list, with what its surroundings say
        (built once, on first need)."""
        span, actor, kind, country, role_kind = self._raw_mentions[i]
        start, end = span.start, span.end
        folded = self.folded
        (backer_end, backer_after, tails, prefix_words, backer_prefixes,
         loc_endings, loc_pattern) = self._cues
        # ("$" also matches before a final newline)
        tail = folded[end - 3:end - 1] if folded.endswith("\n", start, end) else \
            folded[end - 2:end]
        backer = ((not tails or tail in tails)
                  and backer_end.search(folded, start, end) is not None) \
            or backer_after.match(folded, end) is not None
        if not backer:
            lo = start - 20 if start > 20 else 0
            near = not prefix_words
            for w in prefix_words:  # (the last word of a prefix must be there)
                if folded.find(w, lo, start) >= 0:
                    near = True
                    break
            backer = near and backer_prefixes.search(folded, lo, start) is not None
        locative = False
        if kind != "person":
            pos = (start, end)
            found = self._locative_at.get(pos)
            if found is None:
                lo = start - 24 if start > 24 else 0
                chunk = folded[lo:start]
                before = chunk.rstrip()
                # every match ends in spaces after a preposition, "the", a direction or
                # "central" ("in northern "), or is "of the north… " (the second branch)
                found = len(before) < len(chunk) and (
                    before.endswith(loc_endings)
                    or ("of" in chunk and any(w in chunk for w in _DIRECTIONS))
                ) and loc_pattern.search(folded, lo, start) is not None
                if not found and self._first_role[pos] not in ("nationality", "demonym") \
                        and folded.startswith("'", end):
                    # "the governor of Turkey's Hatay province": where, not who
                    found = _POSSESSIVE_PLACE.match(folded, end) is not None
                if not found and before.endswith("with") and _BORDER_WITH.search(
                    folded, lo, start
                ):
                    found = True  # "the frontier post with Iraq": where, not who
                self._locative_at[pos] = found
            locative = found
            if role_kind in ("nationality", "demonym"):
                if locative:
                    # "in Syrian territory" is a place; "killed in Syrian airstrikes" is not
                    locative = _PLACE_AFTER_ADJ.match(folded, end) is not None
                elif folded.startswith(_FRONTIER_WORDS, end) and _FRONTIER_AFTER.match(
                    folded, end
                ):
                    # "a few kilometres from the Turkish border": a place whatever the
                    # preposition (not "Turkish border guards")
                    locative = True
        # (tuple.__new__: the named tuple's own constructor costs twice as much)
        m = self._built[i] = _new_tuple(
            Mentioned, (span, actor, kind, country, backer, locative, role_kind))
        return m

    # ------------------------------------------------------------------ queries

    @functools.cached_property
    def home_army(self) -> str | None:
        """The state whose army or government the article names most ("the Syrian army",
        "Syrian government forces"): what a bare "the army" or "regime forces" refers to."""
        counts: dict[str, int] = {}
        if self._mentions is None:
            self._build_mentions(self._actors)
        built, at = self._built, self._mention_at
        # (the tests on the raw facts first: a mention is built only where they hold)
        for i, (sp, actor, kind, country, _) in enumerate(self._raw_mentions):
            if kind == "state" and country and _ARMY_AFTER.match(self.folded, sp.end):
                m = built[i] or at(i)
                if not m.locative and not m.backer:
                    counts[actor] = counts.get(actor, 0) + 1
        if not counts:
            return None
        return max(sorted(counts), key=lambda k: counts[k])

    @functools.cached_property
    def is_sport(self) -> bool:
        """Whether the article is about sport (enough words of sport in its prose)."""
        # (only prose counts: a menu line "Football | Cricket | Tennis" is no story)
        if len(self.hits["sports"].hits) < self.voc.sports_article_hits:
            return False  # too few words of sport in the whole text (most articles)
        art = self.doc.article
        found = sum(
            len(self.hits_in("sports", sent)) for sent in self.sentences
            if not art.is_boilerplate(sent) and "|" not in self.doc.slice(sent)
        )
        return found >= self.voc.sports_article_hits

    def paragraph(self, pos: int) -> int:
        """The line number of offset ``pos`` (paragraphs are lines)."""
        return bisect.bisect_right(self._newlines, pos)

    def in_headline(self, span: Span) -> bool:
        """Whether ``span`` is on the headline."""
        return self.headline is not None and self.headline.overlaps(span)

    def in_brackets(self, span: Span) -> bool:
        """Whether ``span`` is inside round or square brackets."""
        if not self._parens:
            return False
        i = _bisect_right(self._paren_starts, span.start) - 1
        return i >= 0 and self._parens[i].end >= span.end

    def brackets_over(self, span: Span) -> list[Span]:
        """The round or square brackets reaching into ``span`` (in text order): all that
        :func:`in_any_bracket` needs to say what :meth:`in_brackets` says of a span inside
        ``span`` (most clauses have none: a test of an empty list)."""
        parens = self._parens
        if not parens:
            return []
        starts = self._paren_starts
        # (the last one starting at or before the span may reach into it)
        lo = max(_bisect_right(starts, span.start) - 1, 0)
        hi = _bisect_right(starts, span.end, lo)
        start = span.start
        return [p for p in parens[lo:hi] if p.end >= start]

    def in_brackets_at(self, start: int, end: int) -> bool:
        """Whether ``start:end`` is inside round or square brackets."""
        if not self._parens:
            return False
        i = _bisect_right(self._paren_starts, start) - 1
        return i >= 0 and self._parens[i].end >= end

    def mentions_in(self, span: Span) -> list[Mentioned]:
        """Actor mentions inside ``span``, in text order."""
        if self._mentions is None:
            self._build_mentions(self._actors)
        starts, end = self._mention_starts, span.end
        lo = _bisect_left(starts, span.start)
        hi = _bisect_left(starts, end, lo)
        if hi <= lo:
            return []
        built = self._built
        found = built[lo:hi]
        if None in found:  # (some not read before: build those inside the span)
            raws, at = self._raw_mentions, self._mention_at
            out = []
            for i in range(lo, hi):
                if raws[i][0].end <= end:
                    m = built[i]
                    out.append(m if m is not None else at(i))
            return out
        return [m for m in found if m.span.end <= end]  # type: ignore[union-attr,misc]

    @property
    def raw_mentions(self) -> list[_RawMention]:
        """Every actor mention in text order as (span, actor, kind, country, role kind):
        what :attr:`mentions` holds, without what its surroundings say (see
        :meth:`mention_at`)."""
        if self._mentions is None:
            self._build_mentions(self._actors)
        return self._raw_mentions

    def mention_indices_in(self, span: Span) -> list[int]:
        """The indices in :attr:`raw_mentions` of the actor mentions inside ``span``, in
        text order (the mentions of :meth:`mentions_in`, none built)."""
        raws = self.raw_mentions
        starts, end = self._mention_starts, span.end
        lo = _bisect_left(starts, span.start)
        hi = _bisect_left(starts, end, lo)
        return [i for i in range(lo, hi) if raws[i][0].end <= end]

    def mention_at(self, i: int) -> Mentioned:
        """The mention at index ``i`` of :attr:`raw_mentions` (built on first need)."""
        found = self._built[i]
        return found if found is not None else self._mention_at(i)

    def mention_starts_at(self, start: int, end: int) -> bool:
        """Whether an actor mention inside ``start:end`` starts at ``start``."""
        raws = self.raw_mentions
        starts = self._mention_starts
        i = _bisect_left(starts, start)
        n = len(starts)
        while i < n and starts[i] == start:
            if raws[i][0].end <= end:
                return True
            i += 1
        return False

    def is_actor_span(self, span: Span) -> bool:
        """Whether ``span`` names an actor rather than a place ("Ankara said …")."""
        return any(m.span == span and not m.locative for m in self.mentions_in(span))

    def person_before(self, pos: int, floor: int) -> Mentioned | None:
        """The last person mentioned between ``floor`` and ``pos`` (the one a "he" or "she"
        opening the next sentence refers to), or ``None``."""
        if self._mentions is None:
            self._build_mentions(self._actors)
        raws = self._raw_mentions
        hi = bisect.bisect_left(self._mention_starts, pos)
        for i in range(hi - 1, -1, -1):
            sp, _, kind, _, _ = raws[i]
            if sp.start < floor:
                return None
            if kind == "person" and sp.end <= pos:
                found = self._built[i]
                return found if found is not None else self._mention_at(i)
        return None

    def places_in(self, span: Span) -> list[PlaceRef]:
        """Places inside ``span``, in text order."""
        starts, end = self._place_starts, span.end
        lo = _bisect_left(starts, span.start)
        hi = _bisect_left(starts, end, lo)
        return [p for p in self.places[lo:hi] if p.span.end <= end]

    def times_in(self, span: Span) -> list[Annotation]:
        """Time annotations inside ``span``."""
        starts, end = self._time_starts, span.end
        lo = _bisect_left(starts, span.start)
        hi = _bisect_left(starts, end, lo)
        return [t for t in self.times[lo:hi] if t.span.end <= end] if hi > lo else []

    def numbers_in(self, span: Span) -> list[Annotation]:
        """Number annotations inside ``span``."""
        starts, end = self._number_starts, span.end
        lo = _bisect_left(starts, span.start)
        hi = _bisect_left(starts, end, lo)
        return [n for n in self.numbers[lo:hi] if n.span.end <= end] if hi > lo else []

    def in_office(self, span: Span) -> bool:
        """Whether ``span`` lies inside an office title ("Representative on Syria")."""
        return self.in_office_at(span.start, span.end)

    def in_office_at(self, start: int, end: int) -> bool:
        """Whether ``start:end`` lies inside an office title."""
        # one starting at or before ``start`` reaches ``end`` when the furthest end of
        # those does
        i = _bisect_right(self._office_starts, start)
        return i > 0 and self._office_reach[i - 1] >= end

    def hits_in(self, lexicon: str, span: Span) -> list[Hit]:
        """Matches of one vocabulary list inside ``span``.

        Trigger words inside a false friend ("heart attack", "cabinet meeting") are left out.
        """
        lex = self.hits[lexicon]  # (_Hits.within, inlined: called for every clause read)
        hits = lex.hits
        if not hits:
            return []
        start, end = span.start, span.end
        lo = _bisect_left(lex._starts, start)
        hi = _bisect_right(lex._ends, end, lo)
        if hi <= lo:
            return []
        found = hits[lo:hi]
        if self._friends and lexicon in ("incident_triggers", "meeting_triggers"):
            friends = self.hits["false_friends"].between(start, end)
            if friends:
                # (an attack noun that starts before the false friend it runs into is
                # kept: "an air strike by Syrian forces" is no "strike by" workers)
                found = [h for h in found if not any(
                    f.span.overlaps(h.span) and not (
                        h.start < f.start and lexicon == "incident_triggers"
                        and h.value.get("pos") == "noun")
                    for f in friends)]
        return found

    def has(self, lexicon: str, span: Span) -> bool:
        """Whether any phrase of one vocabulary list occurs inside ``span``."""
        found = self.hits[lexicon]  # (the most called query: read _Hits' lists directly)
        hits = found.hits
        if not hits:
            return False
        lo = _bisect_left(found._starts, span.start)
        return lo < len(hits) and found._ends[lo] <= span.end

    def overlaps_time_at(self, start: int, end: int) -> bool:
        """Whether ``start:end`` overlaps a time expression ("in May 2017")."""
        starts = self._time_starts
        if not starts:
            return False
        lo = bisect.bisect_left(starts, start - 80)
        hi = bisect.bisect_left(starts, end, lo)
        times = self.times
        for i in range(lo, hi):  # noqa: SIM110 (a loop: any() over a generator costs more)
            if start < times[i].span.end:  # (it starts before ``end``)
                return True
        return False

    def is_definite(self, trigger: Hit, floor: int) -> bool:
        """Whether a trigger noun refers back: "the attack", "their shelling", "X's attacks".

        Reads back up to four words from the trigger; the first determiner met decides.
        """
        for w in reversed(self.words_before(trigger.start, 4, floor)):
            if w in self.voc.definite or w.endswith("'s") or w.endswith("s'"):
                return True
            if w in self.voc.indefinite:
                return False
        return False

    def words_before(self, pos: int, n: int, floor: int = 0) -> list[str]:
        """The ``n`` folded words before ``pos`` (not before ``floor``), nearest last."""
        chunk = self.folded[max(floor, pos - 12 * n):pos]
        return _WORD.findall(chunk)[-n:]

    # ------------------------------------------------------------------ clauses

    def clauses(self, sentence: Span) -> list[Span]:
        """Split a sentence into clauses at the boundaries of ``clause_boundaries``.

        Example:
            >>> from idlib_corpus.document import build_document
            >>> from idlib_corpus.model import Article
            >>> t = "Talks were held, while troops entered the town."
            >>> ctx = EventContext(build_document(Article(id="a", text=t)), ())
            >>> [ctx.doc.slice(c) for c in ctx.clauses(ctx.sentences[0])]
            ['Talks were held', ', while troops entered the town.']
        """
        cached = self._clauses.get(sentence.start)
        if cached is not None and cached and cached[-1].end == sentence.end:
            return cached
        cuts = [sentence.start]
        # Most sentences hold none of the boundaries opening with a space or a letter
        # (" but ", "ahead of"), which the regex of all boundaries would try at every
        # space and at every "a" and "p": where a plain search finds none of them, the
        # boundaries are those opening with a mark (";", ", while"), found by a regex
        # tried only at the marks (the same matches: the others match nowhere there).
        voc, folded, start, end = self.voc, self.folded, sentence.start, sentence.end
        found: list[int] | None = None
        if voc.clause_marked is not None and not self._has_clause_word(start, end):
            found = self._marked_in(start, end)
        if found is None:
            found = [m.start() for m in voc.clause_boundary.finditer(folded, start, end)]
        # "… discuss Idlib by phone as Syrian army advances": "as" before a name opens a clause
        if self.text.find(" as ", sentence.start, sentence.end) >= 0:  # (most have none)
            found += [m.start()
                      for m in _AS_CLAUSE.finditer(self.text, sentence.start, sentence.end)]
        for pos in sorted(found):
            if pos > cuts[-1] + 2 and not self.in_brackets_at(pos, pos + 1):
                cuts.append(pos)
        cuts.append(sentence.end)
        if len(cuts) == 2:  # (one clause: most sentences)
            out = [make_span(sentence.start, sentence.end)] if sentence.end > sentence.start else []
        else:
            out = [make_span(a, b) for a, b in itertools.pairwise(cuts) if b > a]
        self._clauses[sentence.start] = out
        return out

    @functools.cached_property
    def _clause_words_at(self) -> tuple[list[int], list[int]]:
        """Where the clause boundaries opening with a space or a letter are written in the
        article (every occurrence of their words, as starts and ends, by start)."""
        folded = self.folded
        found = []
        for w in self.voc.clause_words:
            i = folded.find(w)
            while i >= 0:
                found.append((i, i + len(w)))
                i = folded.find(w, i + 1)
        found.sort()
        return [a for a, _ in found], [b for _, b in found]

    @functools.cached_property
    def _marked_at(self) -> tuple[list[int], list[int]]:
        """The matches of the clause boundaries opening with a mark over the whole article
        (starts and ends, by start): each regex opens with its mark, a literal the engine
        finds by a plain scan, and a match of one holds no other mark, so none hides a
        match of another."""
        marked = self.voc.clause_marked or ()
        found = sorted(m.span() for rx in marked for m in rx.finditer(self.folded))
        return [a for a, _ in found], [b for _, b in found]

    def _marked_in(self, start: int, end: int) -> list[int] | None:
        """The starts of what the boundaries opening with a mark match in ``start:end``
        searched alone, read off the article's matches; ``None`` where the two may differ
        (a match reaching past ``start`` or to ``end`` or beyond, or a letter or digit
        right after ``end``, which the end of a search alone would hide from a lookahead);
        else they are the same: the same tries at the same offsets see the same text."""
        folded = self.folded
        if end < len(folded) and folded[end].isalnum():
            return None
        starts, ends = self._marked_at
        i = _bisect_left(starts, start)
        if i > 0 and ends[i - 1] > start:
            return None  # (one starting before ``start`` reaches past it)
        out = []
        n = len(starts)
        while i < n and starts[i] < end:
            if ends[i] >= end:
                return None
            out.append(starts[i])
            i += 1
        return out

    def _has_clause_word(self, start: int, end: int) -> bool:
        """Whether the words of a clause boundary opening with a space or a letter are
        written inside ``start:end`` (without them, no such boundary matches there)."""
        starts, ends = self._clause_words_at
        i = _bisect_left(starts, start)
        n = len(starts)
        while i < n and starts[i] < end:
            if ends[i] <= end:
                return True
            i += 1
        return False

    # ------------------------------------------------------------------ speech

    @functools.cached_property
    def _speech_by_sentence(self) -> dict[int, list[Speech]]:
        return {}

    def speech(self, sentence: Span) -> list[Speech]:
        """The attribution parts of a sentence (speaker, verb, the statement's date).

        A verb followed by the end of the sentence or clause (", Cavusoglu said.") takes
        the words back to the previous comma or quote; a verb followed by a statement
        ("Kalin said that ...") takes the words from the previous comma; "according to X"
        takes X up to the next comma. Times right before or right after the verb belong to
        the statement.
        """
        cache = self._speech_by_sentence
        if sentence.start in cache:
            return cache[sentence.start]
        out: list[Speech] = []
        verbs = self.hits_in("speech_verbs", sentence)
        if not verbs:  # (most sentences)
            cache[sentence.start] = out
            return out
        f = self.folded
        s_end = sentence.end
        # (every time a statement can hold lies inside its sentence)
        sent_times = self.times_in(sentence)
        for hit in verbs:
            if _PASSIVE_BEFORE.search(f, max(sentence.start, hit.start - 12), hit.start):
                continue  # "the deal was announced on Sept. 17": no speaker
            if self.text[hit.start].isupper() and any(
                self._raw_mentions[i][0].start < hit.start < self._raw_mentions[i][0].end
                for i in self.mention_indices_in(make_span(max(0, hit.start - 40), hit.end))
            ):
                continue  # "without the United States.": a word of a name, no verb
            if hit.phrase == "according to":
                end = _next_stop(f, hit.end, sentence.end, ",;")
                span = make_span(hit.start, end)
                claimant = _clean_claimant(self.text[hit.end:end])
                out.append(Speech(span, claimant, tuple(
                    t for t in sent_times if span.contains(t.span))))
                continue
            if hit.phrase == "speaking":
                end = _next_stop(f, hit.end, sentence.end, ",;")
                span = make_span(hit.start, end)
                out.append(Speech(span, None, tuple(
                    t for t in sent_times if span.contains(t.span))))
                continue
            # where does the attribution start? at the previous comma/quote/semicolon
            left = _last_mark(f, sentence.start, hit.start)
            left = sentence.start if left < 0 else left + 1
            aside = -1
            if left > sentence.start and not _WORD.search(f, left, hit.start):
                prev = _last_mark(f, sentence.start, left - 1)
                if prev > sentence.start and _STOCK_ASIDE.fullmatch(f, prev + 1, hit.start):
                    # "Russia's defence ministry, for its part, said": the speaker is
                    # before the aside (and does not follow the verb)
                    aside = prev
                    prev = _last_mark(f, sentence.start, aside)
                    left = sentence.start if prev < 0 else prev + 1
            # (the speaker after the verb is at most seven words and closing marks: a
            # longer rest of the sentence is not tried)
            inverted = _INVERTED.match(f, hit.end, s_end) if aside < 0 and len(
                f[hit.end:s_end].split(None, 8)) <= 8 else None
            if inverted is not None and _NOT_A_SPEAKER.match(inverted.group(1)):
                inverted = None  # "…, said at a briefing on Monday."
            if inverted is not None and not _WORD.search(f, left, hit.start):
                # "…, said the ministry.": the speaker follows the verb
                span = make_span(hit.start, sentence.end)
                claimant = _clean_claimant(self.text[hit.end:inverted.end(1)])
                out.append(Speech(span, claimant, ()))
                continue
            for _ in range(2):
                # "Rahmi Dogan, the governor of Hatay, said": the speaker spans the apposition
                if left > sentence.start and not _WORD.search(f, left, hit.start):
                    prev = _last_mark(f, sentence.start, left - 1)
                    left = sentence.start if prev < 0 else prev + 1
            after = hit.end
            # (matched with bounds, not on a slice: none of these patterns looks behind)
            gap = _SPEECH_GAP.match(f, after, s_end)
            reach = gap.end() if gap else after
            for t in sent_times:
                if hit.end <= t.span.start <= reach + 1 and t.span.end <= sentence.end:
                    after = max(after, t.span.end)
            extra = _SPEECH_EXTRA.match(f, after, s_end)
            if extra:
                after = extra.end()
                for t in sent_times:
                    if after - 4 <= t.span.start <= after + 2 and t.span.end <= sentence.end:
                        after = max(after, t.span.end)
            nxt = _NOT_SPACE.search(f, after, s_end)
            if nxt is None or nxt.group() in ".!?\"',;”'":
                span = make_span(left, after)
                times = [t for t in sent_times if span.contains(t.span)]
            else:
                m = _SPEECH_THAT.match(f, after, s_end)
                span = make_span(left, m.end() if m else after)
                times = [t for t in sent_times if span.contains(t.span)]
                times += self._times_before(left, sentence.start, sent_times)
            claimant = _clean_claimant(self.text[span.start:aside if aside >= 0 else hit.start])
            out.append(Speech(span, claimant, tuple(times)))
        cache[sentence.start] = out
        return out

    def _times_before(
        self, pos: int, floor: int, times: Sequence[Annotation]
    ) -> list[Annotation]:
        """A time opening the sentence right before an attribution: "On Thursday, Kalin said"."""
        out = []
        for t in times:
            if floor <= t.span.start and t.span.end <= pos:
                gap = self.folded[t.span.end:pos]
                lead = self.folded[floor:t.span.start]
                if _TIME_GAP.fullmatch(gap) and _TIME_LEAD.fullmatch(lead):
                    out.append(t)
        return out

    # ------------------------------------------------------------------ topic

    def topic_zones(self, clause: Span) -> list[Span]:
        """Stretches of a clause that say what talks are about ("on the situation in X")."""
        zones = []
        f = self.folded
        for hit in self.hits_in("topic_markers", clause):
            if hit.phrase == "on":
                nxt = _WORD.search(f, hit.end, clause.end)
                if nxt is not None and self._in_time(nxt.start()):
                    continue
                if self.in_office_at(hit.start, hit.end):
                    continue
            end = _topic_end(f, hit.end, clause.end)
            for t in self.hits["meeting_triggers"].between(hit.end, end):
                # "… to create a zone after talks in Sochi": a meeting word ends the topic
                if t.value["class"] == "event":
                    end = t.start
                    break
            zones.append(make_span(hit.start, end))
        return zones

    def _in_time(self, pos: int) -> bool:
        """Whether offset ``pos`` lies inside a time expression."""
        # the times starting at or before ``pos`` are a prefix of them (sorted by start);
        # one of those holds ``pos`` when the furthest end among them lies beyond it
        hi = _bisect_right(self._time_starts, pos)
        return hi > 0 and self._time_reach[hi - 1] > pos

    def role_zones(self, clause: Span) -> list[tuple[Span, str]]:
        """Stretches after "led by", "chaired by", "counterpart" and the like, with the cue."""
        zones = []
        cues = self.hits_in("role_cues", clause)
        for i, hit in enumerate(cues):
            limit = cues[i + 1].start if i + 1 < len(cues) else clause.end
            limit = min(limit, hit.end + 140)
            stop = self.folded.find(";", hit.end, limit)
            end = stop if stop >= 0 else limit
            start = hit.start
            if hit.phrase.startswith("counterpart"):
                # "X and his Turkish counterpart Y": the person before counts too
                start = max(clause.start, hit.start - 60)
            zones.append((make_span(start, end), hit.phrase))
        return zones

    # ------------------------------------------------------------------ numbers

    def qualifier(self, ann: Annotation) -> Qualifier:
        """The qualifier of a number annotation (its key), exact by default."""
        try:
            return Qualifier(ann.key) if ann.key else Qualifier.EXACT
        except ValueError:
            return Qualifier.EXACT


def _furthest_ends(ends: Iterable[int]) -> list[int]:
    """For spans sorted by start, given their ends: the furthest end up to each."""
    return list(itertools.accumulate(ends, max))


def _bounds(
    named: Sequence[Annotation], places: Iterable[PlaceRef]
) -> tuple[list[int], list[int]]:
    """The starts and furthest ends (for :func:`_overlaps_any`) of annotations and places."""
    pairs = sorted([*((a.span.start, a.span.end) for a in named),
                    *((p.span.start, p.span.end) for p in places)])
    return [b for b, _ in pairs], _furthest_ends(e for _, e in pairs)


def _overlaps_any(bounds: tuple[list[int], list[int]], start: int, end: int) -> bool:
    """Whether any span overlaps ``start:end``, given the spans' sorted starts and, for
    each, the furthest end of the spans up to it."""
    starts, reach = bounds
    i = bisect.bisect_left(starts, end)  # the spans that start before ``end``
    return i > 0 and reach[i - 1] > start


# (the patterns the methods below use, compiled once)
#: A settlement's name as written: up to three capitalised words, each may open with an
#: article ("al-Sukkariyah", "Tell Abyad", "Kafr Sajna al-Kabira" is cut at three).
_SETTLEMENT_NAME = re.compile(
    r"(?:(?:al|el|Al|El)-)?[A-Z][a-z'’]+(?:-[A-Za-z][a-z'’]*)*"
    r"(?: (?:(?:al|el|Al|El)-)?[A-Z][a-z'’]+(?:-[A-Za-z][a-z'’]*)*){0,2}"
)
#: a settlement's name ending where a search window ends (before "observation post")
_SETTLEMENT_NAME_END = re.compile(r"(?<![A-Za-z'’-])" + _SETTLEMENT_NAME.pattern + r"$")
_DATELINE_TAIL = re.compile(r"[\s)/.\]]*[-—–:]?")
# The stock asides between a speaker and the verb ("X, for its part, said")
_STOCK_ASIDE = re.compile(
    r"\s*(?:for\s+(?:its|his|her|their)\s+part|in\s+turn|meanwhile|however|separately|"
    r"too|also|in\s+response)\s*,\s*"
)
_SPEECH_GAP = re.compile(r"\s*(?:on\s+)?")
_SPEECH_EXTRA = re.compile(
    r"\s*(?:in\s+a\s+statement|(?:to\s+)?(?:reporters|journalists|the\s+press)|"
    r"at\s+a\s+(?:news\s+|press\s+)?(?:briefing|conference))(?:\s+on)?"
)
_SPEECH_THAT = re.compile(r"\s*that\b")
_NOT_SPACE = re.compile(r"\S")
_TIME_GAP = re.compile(r"[\s,]*")
_TIME_LEAD = re.compile(r"[\s\"'(]*(?:on\s*)?")
_LETTER = re.compile(r"[A-Za-z]")
_POSSESSIVE_PLACE = re.compile(
    r"'s?\s+(?:[a-z-]+\s+){1,3}?(?:province|region|governorate|district|countryside)(?![a-z])"
)
_PLACE_AFTER_ADJ = re.compile(
    r"\s+(?:[a-z-]+\s+)?(?:territory|territories|soil|airspace|waters|border|borders|side|"
    r"capital|city|town|province|region|villages?|areas?|land|part)(?![a-z])"
)
_FRONTIER_WORDS = (" border", " frontier", " territor", " soil", " airspace")
# "the Turkish border", "Syrian airspace" (not "Turkish border guards")
_FRONTIER_AFTER = re.compile(
    r"\s+(?:border|borders|frontier|territory|soil|airspace)(?![a-z])(?!\s+(?:guards?|"
    r"police|forces|troops|units|posts?|officials?|agency|patrols?|guard)(?![a-z]))"
)
# "the frontier crossing with Iraq", "the border with Jordan" (a mention after it)
_BORDER_WITH = re.compile(r"(?:border|borders|frontier|crossing|crossings)\s+with\s+$")
# (a government or regime with its forces: "the Iranian regime's policy" names none)
_ARMY_AFTER = re.compile(
    r"(?:'s)?\s+(?:arab\s+)?(?:(?:government|regime)(?:'s)?\s+(?:[a-z]+\s+)?(?:forces|troops|"
    r"army|soldiers|artillery|warplanes|jets|units)|army|armed\s+forces|military)(?![a-z])"
)
_NOT_A_SPEAKER = re.compile(
    r"(?:at|on|in|to|after|before|during|late|early|earlier|later|yesterday|today|tonight|"
    r"last|this|that|monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?![a-z])"
)
_PASSIVE_BEFORE = re.compile(  # (word-start test after the first letter)
    r"(?:w(?<![a-z]w)(?:as|ere)|b(?<![a-z]b)e(?:en|ing)?|i(?<![a-z]i)s|"
    r"a(?<![a-z]a)re)\s+$"
)
# (a word's letters taken possessively: what follows a word is a space or the closing
# marks and the end, and giving back letters, or an apostrophe to the marks, never helps
# that match; the same matches and groups on 300k random strings, without the
# backtracking through every split of the words where it fails)
_INVERTED = re.compile(
    r"\s+((?:the\s+)?[a-z][\w'-]*+(?:\s+[a-z][\w'-]*+){0,5})\s*[.!?\"'”]*\s*$")
# (the words before " as " are tested after it: a pattern opening with a literal is fast)
_AS_CLAUSE = re.compile(
    r" as (?=[A-Z])(?<!such as )(?<!well as )(?<!known as )(?<!same as )(?<!\bso as )"
)




def _last_mark(folded: str, start: int, end: int) -> int:
    """The offset of the last comma, semicolon, double quote or colon in
    ``folded[start:end]``, or -1."""
    return max(folded.rfind(",", start, end), folded.rfind(";", start, end),
               folded.rfind('"', start, end), folded.rfind(":", start, end))


def _next_stop(folded: str, start: int, end: int, stops: str) -> int:
    best = end
    for c in stops:
        i = folded.find(c, start, end)
        if 0 <= i < best:
            best = i
    return best


# (a mark, or a space before one of the words: written to open with one class of both,
# which the regex engine skips to in C, where an alternation of a class and a space runs
# the matcher at every offset; the mark is the class's character that is no space)
_TOPIC_END = re.compile(
    r"[\s,;:(\"“”—](?:(?<!\s)|(?:where|when|while|which|with|between|led|by|in which|"
    r"that is|and\s+(?=the\s+\w+\s+(?:will|would|is|are|was|were)))\b)"
)


def _topic_end(folded: str, start: int, end: int) -> int:
    m = _TOPIC_END.search(folded, start, end)
    return m.start() if m else end


_CLAIM_HEAD = re.compile(
    r"(?:[\s,;:\"'“”]|and\b|but\b|while\b|whereas\b|as\b|the\b|that\b|an?\b)+", re.IGNORECASE
)
_CLAIM_TAIL_WORD = re.compile(r"has|have|had|was|were|is|also|that", re.IGNORECASE)
_CLAIM_TAIL_MARKS = frozenset(",;:\"'“”")


def _claim_strip(text: str) -> str:
    """``text`` without the connectives and marks around a claimant's name.

    From the start: marks, spaces and the words of ``_CLAIM_HEAD``. From the end, read
    backwards (a regex anchored at the end would be tried at every offset): the longest
    run of marks, spaces and whole words of ``_CLAIM_TAIL_WORD`` (a word is a run of
    letters, digits and underscores, as for a regex word boundary).

    Example:
        >>> _claim_strip("and the ministry"), _claim_strip("the minister has, ")
        ('ministry', 'minister')
    """
    head = _CLAIM_HEAD.match(text)
    start = head.end() if head is not None else 0
    end = len(text)
    while end > start:
        c = text[end - 1]
        if c in _CLAIM_TAIL_MARKS or c.isspace():
            end -= 1
            continue
        if not (c.isalnum() or c == "_"):
            break
        first = end - 1
        # (back to the word's start, but no further than five characters: the words
        # listed have at most four, so a longer word ends the stripping either way)
        while first > 0 and first > end - 5 and (
            text[first - 1].isalnum() or text[first - 1] == "_"
        ):
            first -= 1
        if _CLAIM_TAIL_WORD.fullmatch(text, first, end) is None:
            break
        end = first
    return text[start:end]


def _clean_claimant(raw: str) -> str | None:
    # (one pass: a second changes nothing, since the head stops at a word that is not a
    # connective and the tail at a whole word that is not an auxiliary; property-checked)
    text = _claim_strip(raw.strip().rstrip(".!?")).strip()
    if not text or len(text) > 120 or not _LETTER.search(text):
        return None
    if text.lower() in {"he", "she", "it", "they", "we", "i", "you"}:
        return None
    return text


_ROUND = re.compile(r"\([^()\n]{0,200}\)")
_SQUARE = re.compile(r"\[[^\[\]\n]{0,200}\]")


def _bracket_spans(text: str) -> list[Span]:
    """The spans ``re.finditer(_ROUND.pattern + "|" + _SQUARE.pattern, text)`` finds.

    Two searches, each opening with a literal (the regex engine jumps to it; a pattern
    opening with a choice of two characters is tried at every offset), then merged: a
    match of one kind holds no opening mark of its own kind, so each search finds every
    match the joint one could, and one starting inside a match kept is left out.

    Example:
        >>> [(s.start, s.end) for s in _bracket_spans("a (b [c] d) [e (f] g)")]
        [(2, 11), (12, 18)]
    """
    found = [m.span() for m in _ROUND.finditer(text)]
    if "[" in text:
        found += [m.span() for m in _SQUARE.finditer(text)]
        found.sort()
    out = []
    last = 0
    for start, end in found:
        if start >= last:
            out.append(make_span(start, end))
            last = end
    return out


# --------------------------------------------------------------------------- helpers


def has_any(folded: str, words: Iterable[str], start: int, end: int) -> bool:
    """Whether one of ``words`` occurs in ``folded[start:end]`` (a cheap test before a
    regex that needs one of them).

    Example:
        >>> has_any("talks were held", ("held", "hour"), 0, 15)
        True
    """
    for w in words:  # noqa: SIM110 (a loop: any() over a generator costs more, called often)
        if folded.find(w, start, end) >= 0:
            return True
    return False


def in_any_bracket(brackets: Sequence[Span], start: int, end: int) -> bool:
    """Whether ``start:end`` is inside one of ``brackets`` (from
    :meth:`EventContext.brackets_over` of a span holding it): as
    :meth:`EventContext.in_brackets_at`, the last bracket opening at or before ``start``
    decides (brackets are sorted and apart)."""
    for b in reversed(brackets):
        if b.start <= start:
            return b.end >= end
    return False


def within_any(span: Span, zones: Iterable[Span]) -> bool:
    """Whether ``span`` lies inside one of ``zones``."""
    start, end = span.start, span.end
    for z in zones:  # noqa: SIM110 (a loop: called in every inner loop, any() costs more)
        if z.start <= start and end <= z.end:
            return True
    return False


def nearest(items: Iterable[Any], pos: int, key: Any = None) -> Any:
    """The item whose span is nearest to offset ``pos`` (ties: the earlier one)."""
    best = None
    best_d = None
    for it in items:
        span = key(it) if key else it.span
        d = 0 if span.start <= pos < span.end else min(abs(span.start - pos), abs(span.end - pos))
        if best_d is None or d < best_d:
            best, best_d = it, d
    return best


def narrower(a: TimeValue | None, b: TimeValue | None) -> TimeValue | None:
    """The more precise of two dates (the shorter interval); ``a`` on a tie."""
    if a is None:
        return b
    if b is None:
        return a
    return b if (b.end - b.start) < (a.end - a.start) else a


def dates_fit(a: TimeValue | None, a_weak: bool, b: TimeValue | None, b_weak: bool) -> bool:
    """Whether two dates can be of one event; a weak date (the day a statement was made)
    bounds the event from above, within a week."""
    if a is None or b is None or (a_weak and b_weak):
        return True
    if not a_weak and not b_weak:
        return dates_overlap(a, b)
    strong, weak = (b, a) if a_weak else (a, b)
    return strong.start <= weak.end and (weak.start - strong.end).days <= 7


def dates_overlap(a: TimeValue | None, b: TimeValue | None) -> bool:
    """Whether two dates can denote the same time (true when either is unknown)."""
    if a is None or b is None:
        return True
    return a.start <= b.end and b.start <= a.end


def place_compatible(a: Place | None, b: Place | None) -> bool:
    """Whether two places can be the same one: equal names, or a city in that country."""
    if a is None or b is None:
        return True
    if _fold(a.name) == _fold(b.name):
        return True
    if _near(a, b):
        return True  # "the Kremlin" and "Moscow", a landmark and its city
    if a.kind is PlaceKind.COUNTRY and b.country is not None and b.country == a.country:
        return True
    return b.kind is PlaceKind.COUNTRY and a.country is not None and a.country == b.country


def _near(a: Place, b: Place, km: float = 10.0) -> bool:
    """Whether a landmark or base lies within ``km`` of the other place (the Kremlin in
    Moscow, Khmeimim by Latakia)."""
    if None in (a.latitude, a.longitude, b.latitude, b.longitude):
        return False
    if not {a.kind, b.kind} & {PlaceKind.OTHER, PlaceKind.MILITARY_BASE}:
        return False  # two towns are two towns, however close
    assert a.latitude is not None and a.longitude is not None
    assert b.latitude is not None and b.longitude is not None
    dlat = math.radians(b.latitude - a.latitude)
    dlon = math.radians(b.longitude - a.longitude) * math.cos(math.radians(a.latitude))
    return 6371.0 * math.hypot(dlat, dlon) <= km


def more_specific(a: Place | None, b: Place | None) -> Place | None:
    """Of two compatible places, the one that is not just a country."""
    if a is None:
        return b
    if b is None:
        return a
    if a.kind is PlaceKind.COUNTRY and b.kind is not PlaceKind.COUNTRY:
        return b
    return a


@functools.lru_cache(maxsize=4096)
def _fold(s: str) -> str:
    """``fold_name(s)``, remembered: merging compares the same few place names often."""
    return fold_name(s)


# --------------------------------------------------------------------------- cache

class _Shared(threading.local):
    """The last article analysed *by this thread*: the annotate and extract hooks of the
    two event plugins share it instead of reading the article four times.

    Per thread, because the pipeline runs each article in a watched helper thread and may
    abandon a slow one while the next article starts in a new thread: a module-level slot
    would then be read and replaced by two threads at once. Each slot is one tuple (key
    and value together), replaced in one assignment and checked by identity on reading,
    so a reader never pairs one article's key with another's value.
    """

    scanned: tuple[Article, str, dict[str, list[Hit]]] | None = None
    context: tuple[Document, tuple[str, ...], EventContext] | None = None


_SHARED = _Shared()


def scan(doc: Document) -> dict[str, list[Hit]]:
    """Every vocabulary match in ``doc``, computed once per article and shared by the
    annotate and extract hooks of both event plugins."""
    art, folded = doc.article, doc.folded
    entry = _SHARED.scanned
    if entry is not None and entry[0] is art and entry[1] is folded:
        return entry[2]
    found = vocabulary().scanner.scan(folded)
    _SHARED.scanned = (art, folded, found)
    return found


def event_context(doc: Document, actors: Sequence[Actor]) -> EventContext:
    """The :class:`EventContext` of ``doc``, shared by the two event plugins of one run.

    The last context built in this thread is kept, so the meetings and incidents plugins
    analyse an article once between them.
    """
    key = tuple(a.id for a in actors)
    entry = _SHARED.context
    if entry is not None and entry[0] is doc and entry[1] == key:
        return entry[2]
    ctx = EventContext(doc, actors)
    _SHARED.context = (doc, key, ctx)
    return ctx


def iter_clauses(
    ctx: EventContext, lexicon: str, *, headline_last: bool = False
) -> Iterator[tuple[int, Span, Span]]:
    """The clauses of the sentences holding a phrase of ``lexicon``:
    (sentence index, sentence, clause), in text order; with ``headline_last`` the headline
    comes after the body (a headline sums up an event the body tells more carefully)."""
    lex = ctx.hits[lexicon]
    if not lex.hits:
        return  # (no phrase of it in the article)
    order = list(enumerate(ctx.sentences))
    if headline_last:
        order.sort(key=lambda item: ctx.in_headline(item[1]))
    starts, ends, n = lex._starts, lex._ends, len(lex.hits)
    for i, sent in order:
        lo = _bisect_left(starts, sent.start)  # (ctx.has, inlined)
        if lo < n and ends[lo] <= sent.end:
            for clause in ctx.clauses(sent):
                yield i, sent, clause


def trigger_annotations(
    doc: Document, group: str, label: AnnotationLabel, field: str, source: str | None = None
) -> list[Annotation] | None:
    """The trigger words of one vocabulary group as annotations (keyed by ``field``).

    Shared by the meetings and incidents plugins' ``idlib_annotate``; boilerplate lines
    are skipped. ``source`` is the calling plugin's name (saves the pipeline a copy).
    """
    boilerplate, text = doc.article.boilerplate, doc.text
    # (the trusted constructor: a span of the text, a label, the words and a vocabulary key)
    new = _trusted.annotation
    out = [
        new(h.span, label, text[h.start:h.end], h.value[field], None, source)
        for h in scan(doc)[group]
        if not (boilerplate and within_any(h.span, boilerplate))  # (article.is_boilerplate)
    ]
    return out or None

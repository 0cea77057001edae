"""Helpers for :mod:`idlib_corpus.extractors.actors`: tokens, name shapes and grammar words.

Nothing here knows a name. It holds the shape rules of English news prose (what a
capitalised name token looks like, how an office title is written and singularised, how
two transliterations of one name compare) and the loader of ``data/actor_grammar.json``,
the grammar words (speech verbs, title head nouns, pronouns ...) the actor resolver reads.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable, Iterator
from importlib import resources
from typing import Any

from idlib_corpus.folding import fold_name

__all__ = [
    "TOKEN",
    "Grammar",
    "grammar",
    "is_acronym",
    "is_capitalised",
    "name_key",
    "noun_phrases",
    "singularise",
    "slug",
    "title_case",
]

# A word or number (with inner hyphens and apostrophes: "al-Assad", "O'Brien"), the
# possessive "'s" (a token of its own), or one punctuation character. Compiled once.
TOKEN = re.compile(r"\w+(?:[-'’](?![sS]\b)\w+)*|['’][sS]\b|[^\w\s]")


def is_capitalised(word: str) -> bool:
    """Whether ``word`` is written like a name: an upper-case letter, then not all capitals.

    Example:
        >>> is_capitalised("Cavusoglu"), is_capitalised("NATO"), is_capitalised("said")
        (True, False, False)
    """
    if not word or not word[0].isupper():
        return False
    return len(word) == 1 or not is_acronym(word)


def is_acronym(word: str) -> bool:
    """Whether ``word`` is written in capitals ("NATO", "MİT", "UN").

    Example:
        >>> is_acronym("NATO"), is_acronym("Nato"), is_acronym("A")
        (True, False, False)
    """
    # str.isupper: every cased character is upper case, and there is one
    return len(word) > 1 and word.isupper()


# Transliteration variants that should compare equal: "Lavrentyev"/"Lavrentiev",
# "Sergey"/"Sergei", "Mevlüt"/"Mevlut" (accents are already folded by fold_name).
_VARIANTS = (
    (re.compile(r"(?<=[aeiou])y(?=[aeiou])"), "i"),
    (re.compile(r"iy"), "i"),
    (re.compile(r"y"), "i"),
    (re.compile(r"ou"), "u"),
    (re.compile(r"([a-z])\1"), r"\1"),
)
_PARTICLE_PREFIX = re.compile(r"^(?:al|el|ad|ar|as|an|at|az|ash|ud|ul) ")


@functools.lru_cache(maxsize=8192)
def name_key(name: str) -> str:
    """A comparison key for a name, folding accents and common transliteration variants.

    Example:
        >>> name_key("Alexander Lavrentyev") == name_key("Alexander Lavrentiev")
        True
        >>> name_key("Çavuşoğlu") == name_key("Cavusoglu")
        True
    """
    key = fold_name(name)
    for pattern, repl in _VARIANTS:
        key = pattern.sub(repl, key)
    return key


@functools.lru_cache(maxsize=8192)
def surname_keys(name: str) -> tuple[str, ...]:
    """Keys under which the last name of ``name`` may appear alone.

    "Bashar al-Assad" may be cited as "al-Assad" or "Assad".

    Example:
        >>> surname_keys("Bashar al-Assad")
        ('al asad', 'asad')
    """
    words = name_key(name).split()
    if not words:
        return ()
    keys = [words[-1]]
    if len(words) >= 2 and _PARTICLE_PREFIX.match(words[-2] + " "):
        keys.insert(0, f"{words[-2]} {words[-1]}")
    return tuple(keys)


_SLUG_DROP = re.compile(r"[^a-z0-9]+")


def slug(text: str) -> str:
    """The id slug of a name: folded, words joined by hyphens.

    Uses :func:`idlib_corpus.knowledge.slugify` when the knowledge package provides it,
    so that ids built here agree with the knowledge base's.

    Example:
        >>> slug("Mevlüt Çavuşoğlu")
        'mevlut-cavusoglu'
    """
    impl = _knowledge_slugify()
    if impl is not None:
        return str(impl(text))
    return _SLUG_DROP.sub("-", fold_name(text)).strip("-") or "x"


@functools.lru_cache(maxsize=1)
def _knowledge_slugify() -> Any:
    try:
        from idlib_corpus import knowledge
    except ImportError:  # pragma: no cover - the package always has it
        return None
    return getattr(knowledge, "slugify", None)


_IRREGULAR_PLURALS = {"men": "man", "women": "woman", "people": "person", "chiefs": "chief"}
_KEEP_S = ("ss", "us", "is", "ous")


@functools.lru_cache(maxsize=8192)  # a few title words, read again and again
def singularise(word: str) -> str:
    """The singular of an office head noun ("ministers" → "minister").

    Example:
        >>> singularise("Presidents"), singularise("spokesmen"), singularise("secretaries")
        ('President', 'spokesman', 'secretary')
    """
    low = word.lower()
    for plural, single in _IRREGULAR_PLURALS.items():
        if low.endswith(plural):
            return word[: len(word) - len(plural)] + _match_case(single, word[-len(plural):])
    if low.endswith("ies") and len(low) > 4:
        return word[:-3] + ("Y" if word[-3:].isupper() else "y")
    if low.endswith("s") and not low.endswith(_KEEP_S) and len(low) > 3:
        return word[:-1]
    return word


def _match_case(repl: str, like: str) -> str:
    if like[:1].isupper():
        return repl[:1].upper() + repl[1:]
    return repl


_PARTICLE_NAME = re.compile(r"^[a-z]{1,3}-[A-Z]")
_SMALL_WORDS = frozenset({"of", "on", "for", "the", "and", "in", "to", "at", "with", "a"})


def title_case(words: list[str]) -> str:
    """Write an office as a title: capitalised words, small words in lower case.

    Example:
        >>> title_case(["deputy", "foreign", "minister"])
        'Deputy Foreign Minister'
        >>> title_case(["Special", "Representative", "on", "Syria"])
        'Special Representative on Syria'
        >>> title_case(["spokesman", "for", "Hayat", "Tahrir", "al-Sham"])
        'Spokesman for Hayat Tahrir al-Sham'
    """
    out = []
    for i, w in enumerate(words):
        if i and w.lower() in _SMALL_WORDS:
            out.append(w.lower())
        elif _PARTICLE_NAME.match(w):
            out.append(w)  # "al-Sham" in a name the office holds: written as the name is
        elif w[:1].islower():
            out.append("-".join(p[:1].upper() + p[1:] for p in w.split("-")))
        else:
            out.append(w)
    return " ".join(out)


class Grammar:
    """The grammar words of ``data/actor_grammar.json``, as sets and maps.

    Attributes:
        honorifics: "mr" → "m", "mrs" → "f", "dr" → "" (gender unknown).
        title_heads: head nouns of office titles ("minister", "envoy").
        title_modifiers: words that may precede a head in a title ("deputy", "foreign").
        title_abbreviations: titles written short with a full stop ("Gen.", "Dr.").
        ranks: words of military ranks ("Maj. Gen.", "Rear Admiral"): a rank followed by a
            rank is one title, and a title of ranks alone gives way to an office in
            apposition ("Rear Admiral X, head of the centre").
        title_links: words that join a head noun to what it heads ("head of the regime",
            "assistant to the foreign minister").
        accredited_heads: offices held in another state, written "in" it as well as "to"
            it ("Moscow's ambassador in Damascus").
        relative_offices: verbs of a relative clause that give an office: "X, who heads
            the council" is the council's "head".
        vague_heads: plural title heads that name no office ("the two leaders"): they are
            not shared out to the two names before them.
        role_nouns: what a person may be called in lower case before a name ("expert").
        nonperson_titles: role words that often stand for an unnamed speaker ("source").
        person_nouns: what a person is, not an office ("businessman", "citizen"): after a
            nationality word in apposition they give the state alone ("X, a Russian
            businessman").
        speech_verbs: verbs that take a person subject ("said", "told").
        attribution: multi-word cues before a name ("according to", "chaired by").
        pronouns: "he" → "m", "she" → "f".
        particles: name particles written in lower case ("al", "bin", "van").
        not_name_words: words that may be capitalised but do not begin a person's name.
        nonperson_heads: last words of names of places and institutions ("ministry").
        locative: words after which a capital city is a place, not its state ("in").
        alias_cues: token sequences that introduce another name of a group ("formerly").
        group_heads: last words of armed groups' names ("front", "brigade").
        group_unit_heads: last words of armed units' names ("brigades", "division"): a
            capitalised name ending in one is a group's wherever it stands ("the Khattab
            Brigades claimed ..."), unless a state, a nationality or a number comes
            before it ("the 4th Division", "Israel's Golani Brigade").
        nongroup_unit_words: words of the unit names of a state's army or of civil services
            ("Republican Guard Division", "Airborne Division", "Fire Brigade"): a unit
            name holding one is not an armed group's.
        group_name_starts: first words of groups' Arabic names ("jaish", "liwa", "ahrar").
        group_cues: words that mark a following or preceding name as a group's.
        title_role_offices: how a descriptive phrase ("the top diplomat") maps to offices.
        counterpart_nouns: "counterpart".
        regime_nouns: "regime".
        body_states: the state of a government body that names one state alone, by its
            folded name ("kremlin" → "RU"): "a Pentagon spokesman" serves the US.
        linked_roles: what a person is in a body, a title only in apposition and linked
            to the body ("X, a member of the Duma", "X, a fellow at the Y Institute").
        apposition_openers: words that may open an apposition before the office it
            names ("X, who is Turkey's envoy", "X, once a Russian diplomat"), by their
            first word.
        party_states: the state of a party whose member is named by the party's noun
            alone ("X, a Texas Republican": US).
    """

    def __init__(self, raw: dict[str, Any]) -> None:
        self.honorifics: dict[str, str] = dict(raw["honorifics"])
        self.title_heads = frozenset(raw["title_heads"])
        self.title_modifiers = frozenset(raw["title_modifiers"])
        self.title_abbreviations = frozenset(raw["title_abbreviations"])
        self.ranks = frozenset(raw["ranks"])
        self.title_links = frozenset(raw["title_links"])
        self.accredited_heads = frozenset(raw["accredited_heads"])
        self.vague_heads = frozenset(raw["vague_heads"])
        self.relative_offices: dict[str, str] = dict(raw["relative_offices"])
        self.role_nouns = frozenset(w for w in raw["role_nouns"] if " " not in w)
        self.nonperson_titles = frozenset(raw["nonperson_titles"])
        self.person_nouns = frozenset(raw["person_nouns"])
        self.speech_verbs = frozenset(raw["speech_verbs"])
        self.attribution = tuple(tuple(p.split()) for p in raw["attribution_phrases"])
        by_length: dict[int, set[tuple[str, ...]]] = {}
        for phrase in self.attribution:
            by_length.setdefault(len(phrase), set()).add(phrase)
        #: the attribution phrases grouped by length: one set lookup per length
        self.attribution_by_length = tuple(
            (k, frozenset(v)) for k, v in sorted(by_length.items())
        )
        self.pronouns: dict[str, str] = dict(raw["pronouns"])
        self.particles = frozenset(raw["name_particles"])
        self.not_name_words = frozenset(raw["not_name_words"])
        self.nonperson_heads = frozenset(raw["nonperson_heads"])
        self.locative = frozenset(raw["locative_prepositions"])
        # longest first, so that "formerly known as" wins over "formerly"
        self.alias_cues = tuple(
            sorted((tuple(c) for c in raw["alias_cues"]), key=lambda c: (-len(c), c))
        )
        by_first: dict[str, list[tuple[str, ...]]] = {}
        for cue in self.alias_cues:
            by_first.setdefault(cue[0], []).append(cue)
        #: the alias cues by their first word, longest first: one dict lookup a position
        self.alias_cues_by_first = {k: tuple(v) for k, v in by_first.items()}
        self.group_heads = frozenset(raw["group_heads"])
        self.group_name_starts = frozenset(raw["group_name_starts"])
        self.group_unit_heads = frozenset(raw["group_unit_heads"])
        self.nongroup_unit_words = frozenset(raw["nongroup_unit_words"])
        #: the unit heads in capitals, as written in a name ("Brigades")
        self.group_unit_words = tuple(sorted(w.capitalize() for w in self.group_unit_heads))
        self.group_cues = frozenset(raw["group_cues"])
        self.title_role_offices: dict[str, tuple[str, ...]] = {
            k: tuple(v) for k, v in raw["title_role_offices"].items()
        }
        self.counterpart_nouns = frozenset(w for w in raw["counterpart_nouns"] if " " not in w)
        self.regime_nouns = frozenset(raw["regime_nouns"])
        self.body_states: dict[str, str] = dict(raw["body_states"])
        self.linked_roles = frozenset(raw["linked_roles"])
        self.apposition_openers: dict[str, list[tuple[str, ...]]] = {}
        for opener in raw["apposition_openers"]:
            self.apposition_openers.setdefault(opener[0], []).append(tuple(opener))
        self.party_states: dict[str, str] = dict(raw["party_states"])

        self._heads_any = _with_plurals(self.title_heads)
        self._roles_any = _with_plurals(self.role_nouns)
        # Regular expressions built once from the word lists (matched over folded text).
        #: the pronouns as whole words, any case (see :func:`_first_letter_first`)
        self.pronoun_fast_re = re.compile(
            _first_letter_first(self.pronouns, r"[\w'’-]", ignorecase=True) + r"(?![\w'’-])"
        )
        #: the same matches again, found with one scan a case of a letter every pronoun
        #: holds (see :func:`_letter_scans`), or ``None`` where the words share none
        self._pronoun_scans = _letter_scans(self.pronouns, r"[\w'’-]")
        #: "the source", "a senior official": nouns of someone unnamed who speaks
        self.speakers = self.nonperson_titles | self.role_nouns
        #: "the minister", "the foreign minister", "the expert": a title without a name
        self.bare_titles = frozenset(
            w for w in self.title_heads | self.role_nouns if "." not in w
        )
        self.regime_re = re.compile(
            r"(?<![\w-])(?:" + "|".join(_alternatives(self.regime_nouns)) + r")(?![\w-])"
        )
        cues = _alternatives(self.group_cues)
        self.group_cue_re = re.compile(r"(?<![\w-])(?:" + "|".join(cues) + r")\s+")
        starts = _alternatives(self.group_name_starts)
        #: "Liwa al-Quds", "Jaish al-Izza": a group named in Arabic (matched over folded text)
        self.group_start_re = re.compile(r"(?<![\w'-])(?:" + "|".join(starts) + r")\s+(?=\S)")
        #: group_start_re's matches that open with a capital, over ASCII text (not folded)
        self._capital_group_start_re = _capital_first(self.group_name_starts, r"[\w'-]")

    def pronouns_in(self, text: str) -> list[tuple[int, int]]:
        """The spans of ``pronoun_fast_re.finditer(text)``, in text order."""
        scans = self._pronoun_scans
        if scans is None:
            return [m.span() for m in self.pronoun_fast_re.finditer(text)]
        spans = []
        for pattern, back in scans:
            for m in pattern.finditer(text):
                spans.append((m.start() - back[m.lastindex], m.end()))  # type: ignore[index]
        if len(scans) > 1:
            spans.sort()
        return spans

    def regimes(self, folded: str) -> Iterator[re.Match[str]]:
        """``regime_re.finditer(folded)``, tried only where one of its words starts."""
        return finditer_at_words(self.regime_re, self.regime_nouns, folded)

    def group_cues_in(self, folded: str) -> Iterator[re.Match[str]]:
        """``group_cue_re.finditer(folded)``, tried only where one of its words starts."""
        return finditer_at_words(self.group_cue_re, self.group_cues, folded)

    def group_starts_in(self, folded: str) -> Iterator[re.Match[str]]:
        """``group_start_re.finditer(folded)``, tried only where one of its words starts."""
        return finditer_at_words(self.group_start_re, self.group_name_starts, folded)

    def capital_group_starts(self, text: str, folded: str) -> list[int]:
        """Where a match of :meth:`group_starts_in` over ``folded`` opens with an upper-case
        letter of ``text``: "Liwa al-Quds", not "liwa".

        An ASCII text is read by one regex whose first character is one of the words'
        first letters as a capital: capitals are few, and the regex engine skips to them
        (the folded text of an ASCII text is that text in lower case; the matches of the
        words cannot overlap, each a word with no word character before it and
        whitespace after it, so those that open with a capital are the same whether the
        others are looked for or not). Another text is read as :meth:`group_starts_in`.

        Example:
            >>> from idlib_corpus.folding import fold_char_preserving as fold
            >>> text = "Jaish al-Izza and jaish, Liwa  X"
            >>> grammar().capital_group_starts(text, fold(text))
            [0, 25]
        """
        if text.isascii():
            return [m.start() for m in self._capital_group_start_re.finditer(text)]
        return [m.start() for m in self.group_starts_in(folded) if text[m.start()].isupper()]

    def is_head(self, low: str) -> bool:
        """Whether ``low`` (folded) is an office head noun, singular or plural."""
        return low in self._heads_any

    def is_role(self, low: str) -> bool:
        """Whether ``low`` (folded) is a role noun, singular or plural."""
        return low in self._roles_any


def finditer_at_words(
    pattern: re.Pattern[str], words: Iterable[str], text: str
) -> Iterator[re.Match[str]]:
    """The matches of ``pattern.finditer(text)``, for a pattern that can only match where one
    of ``words`` starts (a lookbehind, then an alternation of those words, as written).

    A pattern that opens with a lookbehind has no literal prefix for the regex engine to
    skip ahead with, so ``finditer`` runs the whole pattern at every offset; a few
    ``str.find`` scans for the words are much cheaper. The pattern is then matched at each
    offset where a word starts, left to right, resuming after each match, which is what
    ``finditer`` does (the lookbehind sees the text before the offset in both).

    Example:
        >>> rx = re.compile(r"(?<![\\w-])(?:regime)(?![\\w-])")
        >>> [m.start() for m in finditer_at_words(rx, ["regime"], "the regime, a regimen")]
        [4]
    """
    offsets: set[int] = set()
    for word in _prefix_free(frozenset(words)):
        i = text.find(word)
        while i >= 0:
            offsets.add(i)
            i = text.find(word, i + 1)  # overlapping occurrences too
    resume = 0
    for i in sorted(offsets):
        if i < resume:
            continue
        m = pattern.match(text, i)
        if m is not None:
            yield m
            resume = max(m.end(), i + 1)


@functools.lru_cache(maxsize=64)
def _prefix_free(words: frozenset[str]) -> tuple[str, ...]:
    """``words`` less those that start with another of them ("rebels" after "rebel"): where
    the longer word starts, the shorter one does too, so it adds no offset to try."""
    return tuple(sorted(
        w for w in words if not any(o != w and w.startswith(o) for o in words)
    ))


# A determiner and the (up to) three words after it, over folded text, not after a word
# character or hyphen; which word is the head noun is looked up in a set (an alternation of
# hundreds of nouns would be slow). The check of the character before is written after the
# determiner's letters: a lookbehind opening the pattern would hide its literal prefix from
# the regex engine, which would then try every offset.
_THE_PHRASE_AT = re.compile(
    r"the(?<![\w-]the)\s+([a-z'-]+)(?:\s+([a-z'-]+))?(?:\s+([a-z'-]+))?"
)
_DET_PHRASE_AT = re.compile(
    r"(?:t(?<![\w-]t)he|a(?<![\w-]a)n?)\s+([a-z'-]+)(?:\s+([a-z'-]+))?(?:\s+([a-z'-]+))?"
)


def noun_phrases(
    folded: str, heads: frozenset[str], *, start: int = 0, end: int | None = None,
    indefinite: bool = False,
) -> Iterator[tuple[int, int, list[str]]]:
    """Phrases "the (word){0,2} HEAD" in folded text whose head is one of ``heads``.

    Yields the phrase's start, the head's end and the words up to the head.

    Example:
        >>> list(noun_phrases("as the top diplomat said", frozenset({"diplomat"})))
        [(3, 19, ['top', 'diplomat'])]
    """
    pattern = _DET_PHRASE_AT if indefinite else _THE_PHRASE_AT
    stop = len(folded) if end is None else end
    isdisjoint = heads.isdisjoint
    for m in pattern.finditer(folded, start, stop):
        if isdisjoint(m.groups()):
            continue  # most phrases: no head among the words (one set operation)
        for k in (1, 2, 3):
            word = m.group(k)
            if word is None:
                break
            if word in heads:
                yield m.start(), m.end(k), [m.group(i) for i in range(1, k + 1)]
                break


# The characters that match an ASCII letter under re.IGNORECASE besides its two cases:
# "İ" and "ı" match "i", "ſ" matches "s", the Kelvin sign "K" matches "k" (checked over all
# of Unicode).
_IGNORECASE_EXTRA = "\u0130\u0131\u017f\u212a"


def _first_letter_first(words: Iterable[str], before: str, *, ignorecase: bool = False) -> str:
    """``(?<!before)(?:w1|w2|...)``, written to start with the class of the words' first letters.

    A pattern that opens with a lookbehind or an alternation gives the regex engine
    nothing to skip ahead with, so it is tried at every offset; one that opens with a
    character class is tried only where such a character stands. The first letter is
    read, then the lookbehind checks the character before it, and each group of words
    with one first letter checks that letter with a lookbehind of its own (under the same
    flags, so a case-insensitive pattern compares it as the engine does). Within a group
    the words keep the order of :func:`_alternatives` (longest first); words of two groups
    never match at one offset. The matches are those of the plain pattern, the same
    offsets and texts. Only for words of plain letters (``re.escape`` leaves them as is).

    With ``ignorecase``, the pattern (compiled without flags) matches as the plain one
    compiled with ``re.IGNORECASE``: the first class lists every character that one of the
    first letters matches case-insensitively, and the rest is a scoped ``(?i:...)``. The
    regex engine gives no character-class prefix to a pattern compiled with
    ``re.IGNORECASE``, so it would try every offset.

    Example:
        >>> p = re.compile(_first_letter_first(["he", "she"], r"[\\w-]"))
        >>> [m.group() for m in p.finditer("she ashes he")]
        ['she', 'he']
    """
    alts = _alternatives(words)
    by_first: dict[str, list[str]] = {}
    for w in alts:
        if not w[:1].isalpha() or not w.isalnum():
            raise ValueError(f"not a word of plain letters: {w!r}")
        by_first.setdefault(w[0], []).append(w[1:])
    branches = []
    for first, rests in by_first.items():
        branches.append(f"(?<={first})(?:" + "|".join(rests) + ")")
    firsts = "".join(by_first)
    if ignorecase:
        pool = [chr(c) for c in range(128)] + list(_IGNORECASE_EXTRA)
        firsts = "".join(c for c in pool if re.match(f"[{firsts}]", c, re.IGNORECASE))
        return f"[{firsts}](?i:(?<!{before}[\\s\\S])(?:" + "|".join(branches) + "))"
    return f"[{firsts}](?<!{before}[\\s\\S])(?:" + "|".join(branches) + ")"


def _capital_first(words: Iterable[str], before: str) -> re.Pattern[str]:
    r"""``(?<!before)(?:w1|w2|...)\s+(?=\S)`` over ASCII text in any case, where the word
    opens with a capital: the pattern opens with the class of the capitals of the words'
    first letters (see :func:`_first_letter_first`), then each group of words with one
    first letter, the rest of them in any case. For words of lower-case ASCII letters and
    apostrophes, matched against ASCII text.

    Example:
        >>> p = _capital_first(["jaish", "liwa"], r"[\w'-]")
        >>> [m.start() for m in p.finditer("Jaish X, jaish Y, LIWA Z, xLiwa W")]
        [0, 18]
    """
    by_first: dict[str, list[str]] = {}
    for w in _alternatives(words):
        if not (w[:1].isalpha() and w.isascii() and w.replace("'", "").isalpha()):
            raise ValueError(f"not a word of ASCII letters: {w!r}")
        by_first.setdefault(w[0].upper(), []).append(w[1:])
    branches = [f"(?<={first})(?i:" + "|".join(rests) + ")" for first, rests in by_first.items()]
    firsts = "".join(by_first)
    return re.compile(
        rf"[{firsts}](?<!{before}[\s\S])(?:" + "|".join(branches) + r")\s+(?=\S)"
    )


def _letter_scans(
    words: Iterable[str], before: str
) -> list[tuple[re.Pattern[str], dict[int, int]]] | None:
    """Patterns that find the matches of ``(?<!before)(?:w1|w2|...)(?!before)`` under
    ``re.IGNORECASE``, each opening with one literal letter, or ``None``.

    A pattern that opens with a literal character is searched by the regex engine with a
    tight loop over the text, several times faster than one that opens with a class. A
    letter every word holds is chosen, and one pattern built for each character that
    letter matches case-insensitively ("h" and "H"): it matches at that letter, and the
    letters of the word before it are checked behind it. Each branch is a group; a match's
    ``lastindex`` says how many letters before its start the word starts. Two words whose
    letter stands at different places never match at one offset (a word character before
    the letter of one is where the other needs a boundary), and within a group the words
    are tried longest first. Only for words of plain letters.

    Example:
        >>> scans = _letter_scans(["he", "she"], r"[\\w-]")
        >>> [(m.start() - back[m.lastindex], m.end()) for p, back in scans
        ...  for m in p.finditer("She said he")]
        [(0, 3), (9, 11)]
    """
    alts = _alternatives(words)
    if not alts or not all(w.isalpha() and w.isascii() for w in alts):
        return None
    common = set(alts[0].lower()).intersection(*(set(w.lower()) for w in alts[1:]))
    if not common:
        return None
    letter = min(common)
    by_back: dict[int, list[str]] = {}
    for w in alts:
        by_back.setdefault(w.lower().index(letter), []).append(w)
    pool = [chr(c) for c in range(128)] + list(_IGNORECASE_EXTRA)
    cases = [c for c in pool if re.match(letter, c, re.IGNORECASE)]
    scans = []
    for case in cases:
        branches = []
        back: dict[int, int] = {}
        for k, group in sorted(by_back.items()):
            # the k letters before the letter, then the boundary before them
            behind = f"(?<=(?i:{'|'.join(w[:k] for w in group)}){case})" if k else ""
            rests = "|".join(w[k + 1 :] for w in group)
            branches.append(
                f"{behind}(?<!{before}[\\s\\S]{{{k + 1}}})(?i:{rests})(?!{before})"
            )
            back[len(branches)] = k
        if any(len({len(w[:k]) for w in group}) != 1 for k, group in by_back.items()):
            return None  # pragma: no cover - lookbehinds of one width only
        pattern = re.compile(
            re.escape(case) + "(?:" + "|".join(f"({b})" for b in branches) + ")"
        )
        scans.append((pattern, back))
    return scans


def _alternatives(words: Iterable[str]) -> list[str]:
    """Escaped words, longest first (so that a regex alternation prefers them)."""
    return [re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w))]


def _plural(word: str) -> str:
    if word.endswith("man"):
        return word[:-3] + "men"
    if word.endswith("y") and word[-2:-1] not in ("a", "e", "o", "u"):
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    return word + "s"


def _with_plurals(words: frozenset[str]) -> frozenset[str]:
    return words | frozenset(_plural(w) for w in words)


@functools.lru_cache(maxsize=1)
def grammar() -> Grammar:
    """The grammar words, read from the package data on first use and cached."""
    path = resources.files("idlib_corpus") / "data" / "actor_grammar.json"
    with path.open("r", encoding="utf-8") as fh:
        return Grammar(json.load(fh))

"""One scanner for every name the knowledge base holds.

All surface forms (place names, person names and surnames, groups, bodies, outlets,
offices, nationality words, pronouns) go into ONE trie-factored regular expression,
compiled once, matched over the case- and accent-folded text
(:func:`~idlib_corpus.folding.fold_char_preserving` keeps offsets, so a match in the folded
text is the same span in the original). The regex engine does the scanning in C; Python
only looks at the matches:

* word boundaries on both sides, the longest form wins (the trie alternation is greedy
  and backtracks only as far as a word boundary);
* spaces and hyphens are interchangeable ("al-Numan" = "al Numan"), apostrophes are
  optional ("Nu'man" = "Numan") and abbreviation dots too ("U.S." = "US");
* case rules are checked on the ORIGINAL text: acronyms ("US", "HTS") must be in
  capitals ("us" is a pronoun), names must be capitalised ("Turkey", not "turkey"),
  offices and pronouns match in any case. A form rejected by its case rule gives way to
  the longest shorter form that passes.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterable, Sequence
from itertools import chain
from typing import NamedTuple

import attrs

from idlib_corpus.folding import fold_char_preserving

__all__ = ["Candidate", "Match", "Scanner", "canonical_form", "case_rule", "trie_pattern"]

_DROP = re.compile(r"['.]")
_SEP = re.compile(r"[\s\-]+")
_HYPHEN_AS_SPACE = str.maketrans({"-": " "})


class _AsciiMap(dict[int, int]):
    """``str.translate`` table for the scanned copy of a non-ASCII text: hyphens read as
    spaces, other scripts' letters and digits as ``x`` (still word characters, so word
    boundaries stay where they were), other symbols as spaces. Filled lazily."""

    def __missing__(self, code: int) -> int:
        ch = chr(code)
        if ch == "-":
            value = 32
        elif code < 128:
            value = code
        else:
            value = ord("x") if ch.isalnum() else 32
        self[code] = value
        return value


_TO_ASCII = _AsciiMap()
#: What the scanned copy holds in place of ASCII punctuation no name holds (see Scanner).
_FILLER = "\x01"
_TO_ASCII_HANDLER = "idlib_corpus.scan_ascii"


def _to_ascii_run(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    return exc.object[exc.start : exc.end].translate(_TO_ASCII), exc.end


codecs.register_error(_TO_ASCII_HANDLER, _to_ascii_run)
_PLAIN = re.compile(r"[^\W_]+(?: [^\W_]+)*")
_EDGE = " '.-\t\n\"(),"


def canonical_form(folded: str) -> str:
    """The lookup key of a folded surface form: apostrophes and dots dropped, spaces and
    hyphens made one space.

    Example:
        >>> canonical_form("ma'arrat al-nu'man")
        'maarrat al numan'
        >>> canonical_form("u.s.")
        'us'
    """
    if _PLAIN.fullmatch(folded):  # plain words: nothing to drop or join
        return folded
    return _SEP.sub(" ", _DROP.sub("", folded)).strip()


def case_rule(form: str) -> str:
    """The case rule a surface form implies: ``exact``, ``title`` or ``any``.

    Acronyms of up to six capitals (dots allowed: "U.S.") are ``exact``; forms with a
    capital are ``title``; lowercase forms are ``any``.

    Example:
        >>> case_rule("HTS"), case_rule("Turkey"), case_rule("he")
        ('exact', 'title', 'any')
    """
    letters = [c for c in form if c.isalpha()]
    if not letters:
        return "any"
    if all(c.isupper() for c in letters) and len(letters) <= 6:
        return "exact"
    if any(c.isupper() for c in letters):
        return "title"
    return "any"


def _signature(original: str) -> int:
    """The case facts the rules need, as bits: 1 first letter upper, 2 all letters upper,
    4 some letter upper."""
    first = True
    sig = 2
    for c in original:
        if not c.isalpha():
            continue
        if c.isupper():
            sig |= 4
            if first:
                sig |= 1
        else:
            sig &= ~2
        first = False
    return sig


def _passes(rule: str, form_starts_upper: bool, sig: int) -> bool:
    if rule == "any":
        return True
    if rule == "exact":
        return bool(sig & 2)
    if form_starts_upper:
        return bool(sig & 1)
    return bool(sig & 4)


@attrs.frozen
class Candidate:
    """What one surface form stands for.

    Attributes:
        label: the annotation label value ("place", "person", ...).
        key: the annotation key (gazetteer id, actor id, ISO code, office title).
        rule: the case rule (``exact``, ``title``, ``any``).
        upper: whether the form starts with a capital (for the ``title`` rule).
        rank: priority among candidates of the same label (lower wins).
    """

    label: str
    key: str
    rule: str
    upper: bool
    rank: tuple[int, ...]


class Match(NamedTuple):
    """A scanner hit: a span and the (label, key) pairs it stands for."""

    start: int
    end: int
    hits: tuple[tuple[str, str], ...]


_Hit = tuple[int, int, tuple[tuple[str, str], ...]]
_WordHit = tuple[int, int, str, tuple[tuple[str, str], ...]]


class _Node:
    __slots__ = ("children", "end")

    def __init__(self) -> None:
        self.children: dict[str, _Node] = {}
        self.end = False


#: Letters by their frequency in English text, and as first letters of words.
_LETTER_RANK = {c: i for i, c in enumerate("etaoinshrdlcumwfgypbvkjxqz")}
_INITIAL_RANK = {c: i for i, c in enumerate("tasoicwbphfmdrelngyuvjkqzx")}


def _trie_regex(patterns: Iterable[str]) -> str:
    root = _Node()
    for p in patterns:
        node = root
        for ch in p:
            node = node.children.setdefault(ch, _Node())
        node.end = True

    def atom(ch: str) -> str:
        if ch == " ":
            return " "  # the scanned text has hyphens made spaces (see Scanner.scan)
        if ch == "'":
            return "'?"
        if ch == ".":
            return r"\.? ?"
        return re.escape(ch)

    def emit(node: _Node, rank: dict[str, int] = _LETTER_RANK) -> str:
        # The branches in sorted order, but for those opening with a letter or a digit,
        # most frequent first: the regex engine tries the branches in turn, and only one
        # of these can match (they open with different characters), so their order
        # changes no match, only how many branches the engine steps over.
        items = sorted(node.children.items())
        plain = [it for it in items if it[0].isalnum()]
        plain.sort(key=lambda it: rank.get(it[0], len(rank)))
        items = [it for it in items if not it[0].isalnum()] + plain
        alts = [atom(ch) + emit(child) for ch, child in items]
        if not alts:
            return ""
        if node.end:
            # A word may end here: the branches, then nothing. Written as an empty last
            # branch, not as an optional group: the same matches, tried in the same order,
            # but the regex engine walks a branch far more cheaply than it enters and
            # leaves an optional group of several characters.
            if len(alts) == 1 and len(alts[0]) == 1:
                return alts[0] + "?"
            return "(?:" + "|".join(alts) + "|)"
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return emit(root, _INITIAL_RANK)


def trie_pattern(words: Iterable[str]) -> str:
    """One regex alternation of ``words``, factored as a trie: the regex engine then
    walks the common prefixes once ("eight", "eighteen", "eighty"). A longer word is
    tried before its prefix. Spaces in words match one space, apostrophes and dots are
    optional (see :class:`Scanner`).

    Example:
        >>> trie_pattern(["eight", "eighteen", "eighty"])
        'eight(?:een|y|)'
    """
    return _trie_regex(words)


def pattern_form(folded: str) -> str:
    """The trie form of a folded surface form: separators made single spaces, a dot
    followed by a space kept as a dot (the space becomes optional with it)."""
    s = folded.strip(_EDGE)
    s = re.sub(r"\.\s+", ".", s)
    return _SEP.sub(" ", s)


class Scanner:
    """The compiled automaton over all surface forms.

    Args:
        forms: ``(surface form as written, Candidate)`` pairs.

    Example:
        >>> from idlib_corpus.knowledge._scanner import Candidate, Scanner
        >>> c = Candidate("state", "TR", "title", True, (0,))
        >>> s = Scanner([("Turkey", c)])
        >>> [(m.start, m.end, m.hits) for m in s.scan("Turkey, not turkey.")]
        [(0, 6, (('state', 'TR'),))]
    """

    def __init__(self, forms: Iterable[tuple[str, Candidate]]) -> None:
        table: dict[str, list[Candidate]] = {}
        patterns: set[str] = set()
        for form, cand in forms:
            folded = fold_char_preserving(form)
            pat = pattern_form(folded)
            key = canonical_form(pat)
            if not key or not pat[:1].isalnum():
                continue
            patterns.add(pat)
            table.setdefault(key, []).append(cand)
        self._table: dict[str, tuple[Candidate, ...]] = {
            k: tuple(sorted(set(v), key=lambda c: (c.rank, c.label, c.key)))
            for k, v in table.items()
        }
        self.size = len(self._table)
        self._memo: dict[str, tuple[tuple[str, str], ...]] = {}
        body = _trie_regex(patterns)
        # When every name is ASCII after folding (always, for the built-in data), the
        # scanned copy of the text is made ASCII too and the regex compiled with re.ASCII:
        # word-boundary tests are then table lookups, a third faster.
        self._ascii = all(p.isascii() for p in patterns)
        flags = re.ASCII if self._ascii else 0
        # (Group 1 is the name, in this regex and in _fast.)
        self._regex = re.compile(r"\b((?:" + body + r"))(?!\w)", flags) if body else None
        # The same regex, faster, for ASCII names: "\b" is tested by the regex engine at
        # every character, a third of the scan. Instead, in the scanned copy, every ASCII
        # character that is neither a word character nor in any name becomes one filler
        # character; a name then starts right after a space, the filler or a non-word
        # character of a name, and the regex opens with that short set of literals, which
        # the engine skips to without trying the rest elsewhere. No name can match a
        # filler, so the names it matches (group 1) are those of ``_regex``, but for one
        # at the text's very start (see _scan_range).
        self._fast: re.Pattern[str] | None = None
        self._bytes_table = b""
        marks = {c for p in patterns for c in p if not (c.isalnum() or c == "_")}
        if body and self._ascii and _FILLER not in marks:
            lead = "".join(re.escape(c) for c in sorted(marks | {" ", _FILLER}))
            self._fast = re.compile(f"[{lead}]((?:{body}))(?!\\w)", re.ASCII)
            self._bytes_table = bytes(
                32 if c == 45 else  # "-": hyphens read as spaces
                c if chr(c).isalnum() or c == 95 or chr(c) in marks or c >= 128 else
                ord(_FILLER)
                for c in range(256)
            )

    def lookup(self, form: str) -> tuple[Candidate, ...]:
        """Candidates for one surface form (any case), best first."""
        return self._table.get(canonical_form(pattern_form(fold_char_preserving(form))), ())

    def scan(self, text: str, folded: str | None = None) -> list[Match]:
        """All matches in ``text`` (left to right, longest first, not overlapping)."""
        return [Match(*m) for m in self.scan_spans(text, folded)]

    def scan_spans(self, text: str, folded: str | None = None) -> list[_Hit]:
        """:meth:`scan` as plain ``(start, end, hits)`` tuples (cheaper to build).

        ``hits`` depends on the words ``text[start:end]`` alone.
        """
        return [(start, end, hits) for start, end, _, hits in self.scan_words(text, folded)]

    def scan_words(self, text: str, folded: str | None = None) -> list[_WordHit]:
        """:meth:`scan_spans` with the words matched: ``(start, end, text[start:end],
        hits)`` tuples (the scanner slices the words anyway, to check their case)."""
        if self._regex is None or not text:
            return []
        scanned, fast = self._scanned(text, folded)
        out: list[_WordHit] = []
        self._scan_range(text, scanned, 0, len(scanned), out, fast)
        return out

    def raw_matches(
        self, text: str, folded: str | None = None
    ) -> tuple[str, bool, Iterable[re.Match[str]]]:
        """The regex's matches over ``text`` before any case rule: ``(scanned, fast,
        matches)``, group 1 of each match being the words.

        For a caller that keeps its own memo of what the words stand for (keyed by
        ``text[start:end]``, as :meth:`scan_words`'s hits are) and asks
        :meth:`resolve_match` only for words it has not seen or that stand for nothing
        as a whole: together they give :meth:`scan_words`'s hits, in order.
        """
        if self._regex is None or not text:
            return "", False, ()
        scanned, fast = self._scanned(text, folded)
        return scanned, fast, self._matches(scanned, 0, len(scanned), fast)

    def resolve_match(
        self, text: str, scanned: str, start: int, end: int, fast: bool
    ) -> list[_WordHit]:
        """What :meth:`scan_words` gives for one of :meth:`raw_matches`'s matches: the
        words, if their case passes; else the longest shorter form that passes and what
        follows inside; nothing for a single word that fails."""
        out: list[_WordHit] = []
        self._resolve_match(text, scanned, start, end, out, fast)
        return out

    def _scanned(self, text: str, folded: str | None) -> tuple[str, bool]:
        """The copy of ``text`` the regex runs over, and whether it is ``_fast``'s."""
        if folded is None:
            folded = fold_char_preserving(text)
        # Hyphens read as spaces ("al-Numan" = "al Numan"): a same-length copy, so the
        # regex needs a plain space where a name has a separator.
        if self._fast is not None:  # (and, then, fillers: see __init__)
            # ASCII names: the copy is made ASCII (folded.translate(_TO_ASCII), but the
            # encoder runs in C and calls the handler once per run of non-ASCII
            # characters), then fillers put in (see __init__) by a bytes table.
            raw = (folded.encode("ascii") if folded.isascii()
                   else folded.encode("ascii", _TO_ASCII_HANDLER))
            return raw.translate(self._bytes_table).decode("ascii"), True
        if folded.isascii() or not self._ascii:
            return folded.translate(_HYPHEN_AS_SPACE), False
        return folded.encode("ascii", _TO_ASCII_HANDLER).replace(b"-", b" ").decode(), False

    def _matches(
        self, folded: str, pos: int, endpos: int, fast: bool
    ) -> Iterable[re.Match[str]]:
        """The regex's matches in ``folded[pos:endpos]`` (the scanned copy; group 1 the
        words).

        ``fast``: through ``_fast`` (``folded`` has its fillers), whose matches hold the
        character before the name: it finds no name at the text's very start, which
        ``_regex`` is asked for.
        """
        assert self._regex is not None
        if fast and self._fast is not None:
            first = self._regex.match(folded, 0, endpos) if pos == 0 else None
            if first is not None:
                # (No name starts where one ends: a non-word character follows each.)
                return chain((first,), self._fast.finditer(folded, first.end(), endpos))
            return self._fast.finditer(folded, max(pos - 1, 0), endpos)
        return self._regex.finditer(folded, pos, endpos)

    def _scan_range(
        self, text: str, folded: str, pos: int, endpos: int, out: list[_WordHit],
        fast: bool = False,
    ) -> None:
        """The names in ``folded[pos:endpos]`` (the scanned copy), appended to ``out``
        (``fast``: see :meth:`_matches`)."""
        memo = self._memo
        append = out.append
        for m in self._matches(folded, pos, endpos, fast):
            start, end = m.span(1)
            original = text[start:end]
            hits = memo.get(original)
            if hits:
                append((start, end, original, hits))
            else:
                self._resolve_match(text, folded, start, end, out, fast)

    def _resolve_match(
        self, text: str, folded: str, start: int, end: int, out: list[_WordHit], fast: bool
    ) -> None:
        """The names one match of the regex at ``[start, end)`` stands for (see
        :meth:`resolve_match`), appended to ``out``."""
        original = text[start:end]
        hits = self._memo.get(original)
        if hits is None:
            hits = self._accept(folded, start, end, original)
        if hits:
            out.append((start, end, original, hits))
            return
        # Rejected by its case rules ("who", "us"): a single word holds nothing else.
        if folded[start:end].isalnum():
            return
        # Else the longest shorter form that passes, then whatever follows inside.
        short = self._shorter_end(folded, start, end)
        while short > start:
            original = text[start:short]
            hits = self._accept(folded, start, short, original)
            if hits:
                out.append((start, short, original, hits))
                self._scan_range(text, folded, short, end, out, fast)
                return
            short = self._shorter_end(folded, start, short)
        self._scan_range(text, folded, start + 1, end, out, fast)

    @staticmethod
    def _shorter_end(folded: str, start: int, end: int) -> int:
        """The end of the last whole word before ``end`` (or ``start`` if none)."""
        i = end - 1
        while i > start and folded[i].isalnum():
            i -= 1
        while i > start and not folded[i - 1].isalnum():
            i -= 1
        return i

    def _accept(
        self, folded: str, start: int, end: int, original: str
    ) -> tuple[tuple[str, str], ...]:
        """What the words at ``[start, end)`` stand for, given their case (memoised on the
        original words, which fix both the lookup key and the case); ``()`` if nothing."""
        hits = self._resolve(canonical_form(folded[start:end]), _signature(original))
        if len(self._memo) < 200_000:  # bounded: a cache, not a leak
            self._memo[original] = hits
        return hits

    def _resolve(self, key: str, sig: int) -> tuple[tuple[str, str], ...]:
        cands = self._table.get(key)
        if not cands:
            return ()
        seen: set[str] = set()
        hits: list[tuple[str, str]] = []
        for c in cands:
            if c.label in seen or not _passes(c.rule, c.upper, sig):
                continue
            seen.add(c.label)
            hits.append((c.label, c.key))
        return tuple(hits)

    def candidates(self) -> Sequence[tuple[str, tuple[Candidate, ...]]]:
        """Every lookup key with its candidates (for tests and docs)."""
        return sorted(self._table.items())

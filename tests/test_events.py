"""The shared event layer (extractors/_events.py): its fast paths against plain versions.

The scanner's one-pass form (a skeleton of the text, per-word plans worked out when it is
built) must find what a direct reading finds: the reference below is the scanner before
that form (a regex over the folded text with lookbehinds, the next word read per word,
every candidate phrase tried in turn).
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from idlib_corpus.extractors import _events as ev
from idlib_corpus.extractors import incidents, meetings
from idlib_corpus.folding import fold_char_preserving

ROOT = Path(__file__).resolve().parents[1]


class _ReferenceScanner:
    """The scanner as it was: one regex with lookbehinds over the folded text, the next
    word read by a regex per word, every phrase of a word tried per lexicon."""

    def __init__(self, lexicons: dict[str, ev.Lexicon]) -> None:
        singles: dict[str, list[tuple[str, str, Any]]] = {}
        seconds: dict[tuple[str, str], list[tuple[str, Any, str, Any]]] = {}
        wild: dict[str, list[tuple[str, Any, str, Any]]] = {}
        for name, lex in lexicons.items():
            for first, entries in lex._by_first.items():
                for pattern, phrase, value, _ in entries:
                    words = phrase.lower().split()
                    if len(words) == 1 and ev._WORD.fullmatch(words[0]):
                        singles.setdefault(first, []).append((name, phrase, value))
                        continue
                    second = ev._WORD.match(words[1]) if len(words) > 1 else None
                    if len(words) > 1 and words[1] != "..." and second is not None \
                            and second.group() == words[1] and ev._WORD.fullmatch(words[0]):
                        seconds.setdefault((first, words[1]), []).append(
                            (name, pattern, phrase, value))
                    else:
                        wild.setdefault(first, []).append((name, pattern, phrase, value))
        self.seconds = seconds
        self.table: dict[str, Any] = {}
        second_firsts = {f for f, _ in seconds}
        for word in {*singles, *wild, *second_firsts}:
            last: dict[str, tuple[str, Any]] = {}
            for name, phrase, value in singles.get(word, ()):
                last[name] = (phrase, value)
            self.table[word] = (
                tuple((n, p, v) for n, (p, v) in last.items()),
                tuple(wild.get(word, ())),
                word in second_firsts,
            )
        self.names = tuple(lexicons)
        alts = "|".join(sorted(map(re.escape, self.table), key=len, reverse=True))
        self.regex = re.compile(r"(?<![a-z0-9])(?<![a-z0-9][-'])(" + alts + ")" + ev._TOKEN_END)

    def scan(self, folded: str) -> dict[str, list[tuple[int, int, str]]]:
        out: dict[str, list[tuple[int, int, str]]] = {name: [] for name in self.names}
        last_end = dict.fromkeys(self.names, -1)
        for tok in self.regex.finditer(folded):
            word = tok.group(1)
            one, wild, keyed = self.table[word]
            start, end = tok.span(1)
            longer = wild
            if keyed:
                nxt = ev._NEXT_WORD.match(folded, end)
                if nxt is not None:
                    longer = (*wild, *self.seconds.get((word, nxt.group(1)), ()))
            best: dict[str, tuple[int, str]] = {}
            for name, phrase, _ in one:
                if start >= last_end[name]:
                    best[name] = (end, phrase)
            for name, pattern, phrase, _ in longer:
                if start < last_end[name]:
                    continue
                m = pattern.match(folded, start)
                if m is not None and (name not in best or m.end() > best[name][0]):
                    best[name] = (m.end(), phrase)
            for name, (stop, phrase) in best.items():
                out[name].append((start, stop, phrase))
                last_end[name] = stop
        return out


@pytest.fixture(scope="module")
def scanners() -> tuple[ev.Scanner, _ReferenceScanner]:
    voc = ev.vocabulary()
    return voc.scanner, _ReferenceScanner(voc.lexicons())


def _found(scanner: ev.Scanner, folded: str) -> dict[str, list[tuple[int, int, str]]]:
    return {name: [(h.start, h.end, h.phrase) for h in hits]
            for name, hits in scanner.scan(folded).items()}


def _texts() -> list[str]:
    data = ROOT / "tests" / "data"
    files = sorted(itertools.chain((ROOT / "seeds").glob("*.txt"), data.glob("**/*.txt")))
    texts = [p.read_text(encoding="utf-8") for p in files]
    # (the off-topic sample holds one article a line)
    return texts + (data / "offtopic" / "lee_sample.txt").read_text(encoding="utf-8").splitlines()


def test_scan_finds_what_the_reference_finds_on_articles(
    scanners: tuple[ev.Scanner, _ReferenceScanner],
) -> None:
    fast, ref = scanners
    texts = _texts()
    assert len(texts) > 50
    for text in texts:
        folded = fold_char_preserving(text)
        assert _found(fast, folded) == ref.scan(folded)


def _vocabulary_words() -> list[str]:
    words = {"the", "a", "s", "x", "al", "u", "1"}
    for lex in ev.vocabulary().lexicons().values():
        for entries in lex._by_first.values():
            for _, phrase, _, _ in entries:
                words.update(w for w in phrase.lower().split() if w != "...")
    return sorted(words)


_SEPARATORS = [" ", "  ", "\n", ", ", "-", "'", " '", "' ", ".", " - ", "\t", "", "(",
               '"', "\xa0", " \u2014 ", "\u201c", "\u00e9", "--", " -", "'-", "-'", "'s "]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_vocabulary_words()), st.sampled_from(_SEPARATORS)),
                max_size=14),
       st.sampled_from(["", " ", "-", "'", "(", "\u00e9"]))
def test_scan_finds_what_the_reference_finds_on_phrases(
    scanners: tuple[ev.Scanner, _ReferenceScanner], parts: list[tuple[str, str]], lead: str,
) -> None:
    fast, ref = scanners
    folded = lead + "".join(w + s for w, s in parts)
    assert _found(fast, folded) == ref.scan(folded)


_WORD_START = re.compile(r"(?<![a-z0-9])(?<![a-z0-9][-'])[a-z0-9]")


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet="ab1 -'.,\n\t\xa0\u00e9\u2014", max_size=40))
def test_skeleton_words_start_after_a_space(text: str) -> None:
    # a word starts at i in the text exactly where the skeleton holds a space at i and a
    # letter or digit at i + 1; letters, digits and the marks inside words are kept
    skel = ev._skeleton(text)
    assert len(skel) == len(text) + 1
    starts = {m.start() for m in _WORD_START.finditer(text)}
    assert starts == {i for i in range(len(text)) if skel[i] == " " and skel[i + 1].isalnum()}
    for i, c in enumerate(text):
        if c in "ab1":
            assert skel[i + 1] == c


_INVERTED_BACKTRACKING = re.compile(
    r"\s+((?:the\s+)?[a-z][\w'-]*(?:\s+[a-z][\w'-]*){0,5})\s*[.!?\"'”]*\s*$")


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(["a", "b", "the", "x'", "'", "-", " ", "  ", ".", "!", '"',
                                 "\u201d", ",", "\n", "\u00e9", "_", "1", "thes"]),
                max_size=16))
def test_inverted_speaker_possessive_matches_as_backtracking(parts: list[str]) -> None:
    text = "".join(parts)
    fast, slow = ev._INVERTED.match(text), _INVERTED_BACKTRACKING.match(text)
    assert (fast is None) == (slow is None)
    if fast is not None and slow is not None:
        assert (fast.span(), fast.span(1)) == (slow.span(), slow.span(1))


def _reference_clauses(ctx: ev.EventContext, span: Any) -> list[tuple[int, int]]:
    """EventContext.clauses as it was: the regex of all boundaries over the span."""
    cuts = [span.start]
    found = [m.start() for m in ctx.voc.clause_boundary.finditer(ctx.folded, span.start, span.end)]
    found += [m.start() for m in ev._AS_CLAUSE.finditer(ctx.text, span.start, span.end)]
    for pos in sorted(found):
        if pos > cuts[-1] + 2 and not ctx.in_brackets_at(pos, pos + 1):
            cuts.append(pos)
    cuts.append(span.end)
    return [(a, b) for a, b in itertools.pairwise(cuts) if b > a]


_CLAUSE_PIECES = ["; however", ";", ", while", ", after which", ", after", " but ", "but",
                  " and hit back", "ahead of", "prior to", "(", ")", " as ", "As", "x",
                  "Turkey", ", ", ".", "\n", " ", "a", "p", "1", ", but", "ahead", ", amid"]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(_CLAUSE_PIECES), min_size=1, max_size=20), st.data())
def test_clauses_split_as_the_regex_of_all_boundaries(pieces: list[str], data: Any) -> None:
    from idlib_corpus.document import build_document
    from idlib_corpus.model import Article

    text = "".join(pieces)
    ctx = ev.EventContext(build_document(Article(id="x", text=text)), ())
    for sent in ctx.sentences:
        assert [(c.start, c.end) for c in ctx.clauses(sent)] == _reference_clauses(ctx, sent)
    start = data.draw(st.integers(0, len(text)))
    span = ev.make_span(start, data.draw(st.integers(start, len(text))))
    ctx._clauses.clear()
    assert [(c.start, c.end) for c in ctx.clauses(span)] == _reference_clauses(ctx, span)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Russia's defence ministry, for its part, said rebels shelled Aleppo.",
         "Russia's defence ministry"),
        ("The Turkish army, in turn, said it hit 40 targets.", "Turkish army"),
        ("Damascus, meanwhile, said the truce had collapsed.", "Damascus"),
        ("Erdogan, for his part, told reporters the post would stay.", "Erdogan"),
    ],
)
def test_a_stock_aside_between_speaker_and_verb_leaves_the_speaker(
    text: str, speaker: str
) -> None:
    from idlib_corpus.document import build_document
    from idlib_corpus.model import Article

    ctx = ev.EventContext(build_document(Article(id="x", text=text)), ())
    said = ctx.speech(ctx.sentences[0])
    assert len(said) == 1 and said[0].claimant == speaker
    assert said[0].span.start == 0


def test_a_content_aside_is_not_skipped_as_stock() -> None:
    from idlib_corpus.document import build_document
    from idlib_corpus.model import Article

    text = "Russia's army, which backs Damascus, said rebels shelled Aleppo."
    ctx = ev.EventContext(build_document(Article(id="x", text=text)), ())
    said = ctx.speech(ctx.sentences[0])
    assert len(said) == 1 and said[0].claimant != "Russia's army"


# -- searched patterns rewritten to open with a letter or a class (speed): the same
# matches as the plain forms they replace (a lookbehind before the words makes the regex
# engine run the matcher at every offset; one after the first letter lets it skip ahead)

_PLAIN_FORMS = [
    (ev, "_TOPIC_END",
     r"[,;:(\"“”—]|\s(?:where|when|while|which|with|between|led|by|in which|that is|"
     r"and\s+(?=the\s+\w+\s+(?:will|would|is|are|was|were)))\b"),
    (ev, "_PASSIVE_BEFORE", r"(?<![a-z])(?:was|were|been|being|be|is|are)\s+$"),
    (meetings, "_AND_THEN_MEET",
     r"\s+and\s+(?:they\s+|the\s+two\s+(?:[a-z]+\s+)?)?(?:"
     r"(?:(?:agreed|decided|promised|planned|plan|plans)\s+to|will|would|are\s+to|"
     r"is\s+to|are\s+due\s+to|are\s+set\s+to|is\s+due\s+to|is\s+set\s+to)\s+"
     r"(?:then\s+|later\s+)?(?=meet|hold|visit|travel|fly|head)"
     r"|(?:is|are)\s+(?:due|expected)\s+(?=in\s)|then\s+(?=flew|headed|went|travell?ed))"),
    (meetings, "_THE_HEAD",
     r"(?<![a-z])the\s+([a-z-]+)\s+(leader|president|prime minister|foreign minister|"
     r"defen[cs]e minister)(?![a-z])"),
    (meetings, "_FIRST_BEFORE", r"(?<![a-z])first\s+(?:[a-z-]+\s+){0,2}$"),
    (meetings, "_SINCE_BEFORE", r"(?<![a-z])since\s+(?:(?!-\s)[^\s,;]+\s+){0,5}$"),
    (meetings, "_OWN", r"(?:(?<![a-z])own|(?<![a-z])separate)\s+(?:[a-z]+\s+)?$"),
    (meetings, "_SETTING",
     r"(?:(?<![a-z])in|during|(?<![a-z])at)\s+(?:(?:a|an|the|their|his|her|its)\s+)?"
     r"(?:[a-z-]+\s+)?$"),
    (meetings, "_ALSO", r"(?<![a-z])also\s+(?:[a-z]+\s+)?$"),
    (meetings, "_PRONOUN", r"(?<![a-z])(?:he|she)(?![a-z'])"),
    (meetings, "_OUTCOME",
     r"(?<![a-z])(?:agreed|agreeing|decided|deciding|it was decided|reached an agreement|"
     r"reached agreement|signed)\b"),
    (meetings, "_SEQUENCE", r"(?<![a-z])(?:after|following|since|when)\s"),
    (incidents, "_AREA_REF", r"(?<![a-z])the\s+(?:province|region|governorate)(?![a-z])"),
    (incidents, "_ONE_BEFORE",
     r"(?<![a-z])(?:a|an|one)\s+([a-z]+)(?:\s+([a-z]+))?\s+and\s+(?:(?:his|her|their)\s+)?$"),
    (incidents, "_JOINED_ARMY",
     r"(?<![a-z])(?:and|,)\s+(?:the\s+)?(?:government|regime|army)\s+(?:air\s+raids?|"
     r"air\s*strikes?|forces|troops|warplanes|aircraft|jets|shelling|bombardment|artillery)"
     r"(?![a-z])"),
    (incidents, "_SUBORDINATE", r"(?<![a-z])(?:after|following|before|when|while)\s"),
    (incidents, "_SUBJECT_OF_LATER",
     r"(?<![a-z])(?:since|after|before|when|while|until)\s+(?:the\s+)?"
     r"(?:[a-z-]+\s+(?:and\s+)?)?$"),
    (incidents, "_SOURCE_IN",
     r"(?<![a-z])(?:sources?|officials?|correspondents?|diplomats?|spokes(?:wo)?m[ae]n|"
     r"reporters?|journalists?|analysts?)\s+(?:based\s+)?in\s+$"),
    (incidents, "_DEST", r"(?<![a-z])(?:to|towards|toward|into)(?![a-z])"),
    (incidents, "_SUPERLATIVE_SINCE",
     r"(?<![a-z])(?:deadliest|worst|biggest|largest|heaviest|bloodiest|highest|most \w+)"
     r"(?:\s+[\w'-]+){0,8}?\s+(?P<since>since)(?![a-z])"),
    (incidents, "_SINCE_CLAUSE",
     r"(?<![a-z])(?P<since>since)\s+(?:it|they|he|she|we|the|its|their|his|her|an?)\s"),
    (incidents, "_STATE_CLAUSE", r"(?<![a-z])(?:that|which|who)\s+(?:had|has|have)\s+been\s"),
    (incidents, "_CAMPAIGN_REF",
     r"(?<![a-z])(?:the|this|that|its|their)\s+(?:[a-z-]+\s+)?(?:offensive|assault|"
     r"onslaught|campaign|advance|push)(?![a-z])"),
    (incidents, "_MOVERS",
     r"(?<![a-z])(?:convoys?|columns?|reinforcements|vehicles|military\s+police)(?![a-z])"),
    (incidents, "_SEQUENCE", r"(?<![a-z])(?:after|following|before)\s"),
]


@pytest.mark.parametrize(("module", "name", "plain"), _PLAIN_FORMS,
                         ids=[f"{m.__name__.rsplit('.', 1)[1]}.{n}" for m, n, _ in _PLAIN_FORMS])
def test_rewritten_pattern_matches_its_plain_form(module: Any, name: str, plain: str) -> None:
    fast, slow = getattr(module, name), re.compile(plain)
    words = [*sorted(set(re.findall(r"[a-z]+", plain))), "x", "a", "the", "and", "ran"]
    pieces = st.lists(st.tuples(st.sampled_from(words), st.sampled_from(
        [" ", "  ", ", ", "; ", "\n", "-", "'", "“", '"', "—", "(", ""])), max_size=8)

    @settings(max_examples=300, deadline=None)
    @given(pieces, st.integers(0, 80), st.integers(0, 80))
    def check(parts: list[tuple[str, str]], i: int, j: int) -> None:
        text = "".join(w + s for w, s in parts)
        lo, hi = min(i, j, len(text)), min(max(i, j), len(text))
        a, b = slow.search(text, lo, hi), fast.search(text, lo, hi)
        assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups()))
        assert [m.span() for m in slow.finditer(text)] == [m.span() for m in fast.finditer(text)]

    check()
    # and on the folded articles of the test sets, searched from every offset to the end
    # of its sentence (a window like the extractors')
    for path in sorted((Path(__file__).parent / "data").glob("*/*.txt")):
        text = fold_char_preserving(path.read_text(encoding="utf-8"))
        assert [(m.span(), m.groups()) for m in slow.finditer(text)] == [
            (m.span(), m.groups()) for m in fast.finditer(text)]
        for lo in range(0, len(text), 13):
            hi = text.find(".", lo + 1) + 1 or len(text)
            a, b = slow.search(text, lo, hi), fast.search(text, lo, hi)
            assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups())), path.name


@pytest.mark.parametrize("text", ['He said "we met" and “left” then', "no marks", '"', "a”b“c"])
def test_quote_at_finds_the_first_quotation_mark(text: str) -> None:
    marks = re.compile('["“”]')
    for lo in range(len(text) + 1):
        for hi in range(lo, len(text) + 1):
            m = marks.search(text, lo, hi)
            assert meetings._quote_at(text, lo, hi) == (m.start() if m else -1)


@given(st.lists(st.tuples(st.integers(0, 60), st.integers(1, 12)), max_size=20),
       st.integers(0, 70), st.integers(1, 12))
def test_overlaps_any_is_the_plain_test_over_every_span(
        spans: list[tuple[int, int]], start: int, length: int) -> None:
    pairs = sorted((s, s + n) for s, n in spans)
    reach, far = [], -1
    for _, e in pairs:
        far = max(far, e)
        reach.append(far)
    end = start + length
    plain = any(s < end and start < e for s, e in pairs)
    assert ev._overlaps_any(([s for s, _ in pairs], reach), start, end) is plain


_CHOICE_WORDS = ("left", "quit", "the", "old", "post", "base", "posts", "army", "at")


@given(st.lists(st.sampled_from(_CHOICE_WORDS), max_size=14))
def test_words_with_choices_are_one_phrase_for_each_choice(words: list[str]) -> None:
    text = " ".join(words)
    short = ev.Lexicon({"left|quit ... post|base": "w", "army at|in": "a"})
    long = ev.Lexicon({"left ... post": "w", "left ... base": "w", "quit ... post": "w",
                       "quit ... base": "w", "army at": "a", "army in": "a"})
    assert [(h.start, h.end, h.phrase, h.value) for h in short.find(text)] == [
        (h.start, h.end, h.phrase, h.value) for h in long.find(text)]

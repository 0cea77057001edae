"""The shortcuts of the incidents extractor's inner tests read what the long way reads."""

from __future__ import annotations

import random

from idlib_corpus.extractors.incidents import _FIRST_WORDS, _WORDS

_ALPHABET = "ab0 -',.\n'x-"


def _strings(n: int, seed: int, longest: int) -> list[tuple[str, int, int]]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        s = "".join(rng.choice(_ALPHABET) for _ in range(rng.randint(0, longest)))
        pos = rng.randint(0, len(s))
        out.append((s, pos, rng.randint(pos, len(s))))
    return out


def test_first_words_are_the_first_three_of_finditer() -> None:
    # _victim reads the first three words after a mention by one match
    for s, pos, lim in _strings(20000, 1, 30):
        words = list(_WORDS.finditer(s, pos, lim))[:3]
        m = _FIRST_WORDS.match(s, pos, lim)
        if not words:
            assert m is None
            continue
        assert m is not None
        assert m.groups() == tuple(w.group() for w in words) + (None,) * (3 - len(words))
        for k, w in enumerate(words, 1):
            assert m.end(k) == w.end()


def test_last_word_of_a_short_window_holding_two() -> None:
    # _factual reads the 24 characters before a trigger; where they hold two words or
    # more, the last is the last of the 60 characters before it
    for s, _, pos in _strings(20000, 2, 90):
        for floor in (0, max(0, pos - 30)):
            lo = max(floor, pos - 24)
            short = _WORDS.findall(s, lo, pos)
            if len(short) >= 2:
                assert short[-1] == _WORDS.findall(s, max(floor, pos - 60), pos)[-1]


def test_coordinate_split_tiles_the_clause() -> None:
    # _coordinate_split cuts a clause into parts that follow each other and cover it,
    # whatever triggers, places and "and"s the clause holds
    import datetime as dt
    import itertools

    from idlib_corpus.extractors import incidents
    from idlib_corpus.extractors._events import event_context
    from idlib_corpus.options import Options
    from idlib_corpus.pipeline import Pipeline

    pieces = ["Syrian jets bombed Ariha", "and", ", and", "rebels shelled Sarmin",
              "the monitor said", "then", "captured Kafr Nabl", "entered Hass",
              "Russian artillery", "dropped barrel bombs on Taftanaz", "killing two"]
    rng = random.Random(3)
    pipeline = Pipeline(options=Options(load_entrypoints=False))
    seen: list[list[object]] = []
    orig = incidents.extract_incidents

    def spy(doc, actors=()):  # type: ignore[no-untyped-def]
        ctx = event_context(doc, actors)
        for sent in ctx.sentences:
            for clause in ctx.clauses(sent):
                parts = incidents._coordinate_split(ctx, clause)
                assert parts[0].start == clause.start and parts[-1].end == clause.end
                assert all(a.end == b.start for a, b in itertools.pairwise(parts))
                assert all(p.end > p.start for p in parts)
                seen.append(list(parts))
        return orig(doc, actors)

    incidents.extract_incidents = spy
    texts = ["Syrian jets bombed Ariha, the monitor said, and rebels shelled Sarmin.",
             "Syrian troops captured Kafr Nabl on Monday, and then entered Hass."]
    texts += [" ".join(rng.choice(pieces) for _ in range(rng.randint(3, 9))) + "."
              for _ in range(40)]
    try:
        for text in texts:
            pipeline.parse(text, id="t", published=dt.date(2020, 2, 28))
    finally:
        incidents.extract_incidents = orig
    assert any(len(parts) > 1 for parts in seen)

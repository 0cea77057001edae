"""Tests of the numbers extractor: figures, number words, qualifiers, what is not a count."""

from __future__ import annotations

import json
from importlib import resources

import pytest
from hypothesis import given
from hypothesis import strategies as st

from idlib_corpus.document import AnnotationLabel, build_document
from idlib_corpus.extractors.numbers import (
    idlib_annotate,
    parse_duration_minutes,
    parse_number,
)
from idlib_corpus.model import Article, Qualifier

EXACT, AT_LEAST, AT_MOST, ABOUT = (
    Qualifier.EXACT,
    Qualifier.AT_LEAST,
    Qualifier.AT_MOST,
    Qualifier.ABOUT,
)

_UNITS = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen",
]
_TENS = ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def to_words(n: int, *, use_and: bool = True) -> str:
    """English words for 1 <= n < 10**12, written independently of the code under test."""
    if n < 20:
        return _UNITS[n]
    if n < 100:
        tens, units = divmod(n, 10)
        return _TENS[tens] + (f"-{_UNITS[units]}" if units else "")
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        head = f"{_UNITS[hundreds]} hundred"
        if not rest:
            return head
        return f"{head} {'and ' if use_and else ''}{to_words(rest)}"
    for scale, name in ((10**9, "billion"), (10**6, "million"), (10**3, "thousand")):
        if n >= scale:
            high, rest = divmod(n, scale)
            head = f"{to_words(high, use_and=use_and)} {name}"
            return head if not rest else f"{head} {to_words(rest, use_and=use_and)}"
    raise AssertionError(n)


def annotate(text: str) -> list[tuple[str, int, str]]:
    doc = build_document(Article(id="t", text=text))
    out = []
    for a in idlib_annotate(doc) or []:
        assert a.label is AnnotationLabel.NUMBER
        assert text[a.span.start : a.span.end] == a.text
        assert isinstance(a.value, int)
        assert a.key is not None
        out.append((a.text, a.value, a.key))
    return out


# --------------------------------------------------------------------------- figures and words


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("41", (41, EXACT)),
        ("2,500 families", (2500, EXACT)),
        ("12,000,000", (12_000_000, EXACT)),
        ("450 armoured vehicles", (450, EXACT)),
        ("seven", (7, EXACT)),
        ("Seven", (7, EXACT)),
        ("thirty-four", (34, EXACT)),
        ("thirty four", (34, EXACT)),
        ("a dozen", (12, EXACT)),
        ("two dozen", (24, EXACT)),
        ("a hundred", (100, EXACT)),
        ("three hundred and six", (306, EXACT)),
        ("half a million", (500_000, EXACT)),
        ("a quarter of a million", None),  # "of" breaks the phrase: not read as a count
        ("one and a half million", (1_500_000, EXACT)),
        ("1.2 million", (1_200_000, EXACT)),
        ("2.75 billion", (2_750_000_000, EXACT)),
        ("40 thousand", (40_000, EXACT)),
    ],
)
def test_figures_and_words(text: str, expected: tuple[int, Qualifier] | None) -> None:
    assert parse_number(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("more than 200 civilians", (200, AT_LEAST)),
        ("over 90 positions", (90, AT_LEAST)),
        ("at least nine soldiers", (9, AT_LEAST)),
        ("no fewer than 30", (30, AT_LEAST)),
        ("more than a dozen villages", (12, AT_LEAST)),
        ("more than half a million residents", (500_000, AT_LEAST)),
        ("up to 15 trucks", (15, AT_MOST)),
        ("fewer than ten", (10, AT_MOST)),
        ("no more than 40", (40, AT_MOST)),
        ("close to two million", (2_000_000, ABOUT)),
        ("nearly 80", (80, ABOUT)),
        ("almost 1,200", (1200, ABOUT)),
        ("around 350,000", (350_000, ABOUT)),
        ("about sixty", (60, ABOUT)),
        ("some 4,000 fighters", (4000, ABOUT)),
        ("an estimated 900,000", (900_000, ABOUT)),
    ],
)
def test_qualifiers(text: str, expected: tuple[int, Qualifier]) -> None:
    assert parse_number(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "2019",  # a year
        "first",  # ordinals
        "third",
        "21st",
        "seven-year-old",  # compound modifiers
        "twelve-hour",
        "4.5",  # not a whole count
        "half",  # a fraction alone
        "15 percent",
        "15%",
        "9:45",
        "3 p.m.",
        "hundreds",  # vague
        "thousands",
        "dozens",
        "no one",
        "one another",
        "the talks",
        "",
    ],
)
def test_not_counts(text: str) -> None:
    assert parse_number(text) is None


def test_two_numbers_are_not_summed_into_one() -> None:
    # Summing "four soldiers and two civilians" is the events extractor's job.
    assert parse_number("four and two") == (4, EXACT)


# --------------------------------------------------------------------------- annotation


def test_annotations_in_a_sentence() -> None:
    text = (
        "Shelling killed four soldiers and two civilians on Tuesday, and more than "
        "1,300 families fled, while the province hosts 2.1 million people."
    )
    assert annotate(text) == [
        ("four", 4, "exact"),
        ("two", 2, "exact"),
        ("more than 1,300", 1300, "at_least"),
        ("2.1 million", 2_100_000, "exact"),
    ]


def test_dates_years_and_codes_are_not_annotated() -> None:
    text = (
        "On March 3, 2020, under Resolution 2254 and the 2018 accord, a 12-hour truce "
        "began at 6:00; the nine-year-old conflict continued for the first time since 2011, "
        "with 40 percent of the S-400 batteries and 5 March plans."
    )
    assert annotate(text) == []


def test_lengths_of_time_are_not_counts() -> None:
    assert annotate("The two ministers talked for four hours over six days.") == [
        ("two", 2, "exact")
    ]


def test_measures_are_not_counts() -> None:
    assert annotate("The convoy drove 40 km in minus 12 degrees with 30 trucks.") == [
        ("30", 30, "exact")
    ]


def test_pronoun_one_is_not_a_count() -> None:
    assert annotate("No one was hurt, and one can only guess; one soldier died.") == [
        ("one", 1, "exact")
    ]


def test_month_name_may_is_not_a_date_when_lowercase() -> None:
    assert annotate("Officials warned that five may die.") == [("five", 5, "exact")]


# --------------------------------------------------------------------------- durations


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("a four-hour meeting", 240),
        ("after five hours of negotiations", 300),
        ("a 45-minute phone call", 45),
        ("talks lasting two and a half hours", 150),
        ("a two-day visit", 2880),
        ("an hour-long conversation", 60),
        ("half an hour", 30),
        ("talks that lasted an hour", 60),
    ],
)
def test_durations(text: str, minutes: int) -> None:
    assert parse_duration_minutes(text) == minutes


@pytest.mark.parametrize(
    "text",
    [
        "three days later, the talks resumed",  # when, not how long
        "two weeks ago",
        "the patrol was held twice a day",
        "talks that lasted hours",
        "a delegation of five officials",
    ],
)
def test_not_durations(text: str) -> None:
    assert parse_duration_minutes(text) is None


# --------------------------------------------------------------------------- properties

counts = st.integers(min_value=1, max_value=999_999_999)


@given(counts, st.booleans())
def test_number_words_read_back(n: int, use_and: bool) -> None:
    assert parse_number(to_words(n, use_and=use_and)) == (n, EXACT)


@given(counts)
def test_figures_with_thousands_separators_read_back(n: int) -> None:
    assert parse_number(f"{n:,} people") == (n, EXACT)


@given(st.integers(min_value=1, max_value=1799) | st.integers(min_value=2101, max_value=10**9))
def test_plain_figures_read_back(n: int) -> None:
    assert parse_number(str(n)) == (n, EXACT)


def _qualifiers() -> dict[str, str]:
    path = resources.files("idlib_corpus") / "data" / "number_words.json"
    table: dict[str, str] = json.loads(path.read_text(encoding="utf-8"))["qualifiers"]
    return table


@given(st.sampled_from(sorted(_qualifiers().items())), counts, st.booleans())
def test_qualified_numbers(item: tuple[str, str], n: int, as_words: bool) -> None:
    phrase, qualifier = item
    number = to_words(n) if as_words else f"{n:,}"
    assert parse_number(f"{phrase} {number} displaced") == (n, Qualifier(qualifier))


@given(st.integers(min_value=1, max_value=999), st.integers(min_value=1, max_value=9),
       st.sampled_from([("thousand", 10**3), ("million", 10**6), ("billion", 10**9)]))
def test_decimal_with_scale(whole: int, tenth: int, scale: tuple[str, int]) -> None:
    name, factor = scale
    assert parse_number(f"{whole}.{tenth} {name}") == (whole * factor + tenth * factor // 10, EXACT)


@given(st.integers(min_value=1, max_value=999), st.integers(min_value=0, max_value=9),
       st.sampled_from([("m", 10**6), ("bn", 10**9)]))
def test_a_scale_written_short(whole: int, tenth: int, scale: tuple[str, int]) -> None:
    # "1.5m people", "2bn": British papers write the scale after the figure
    suffix, factor = scale
    figure = f"{whole}.{tenth}" if tenth else f"{whole}"
    assert parse_number(f"{figure}{suffix} people") == (
        whole * factor + tenth * factor // 10, EXACT)


def test_a_figure_is_never_read_short_of_its_decimals() -> None:
    assert annotate("Almost 1.5m people fled; 2.5 times more than last year.") == [
        ("Almost 1.5m", 1_500_000, "about")]


@given(st.integers(min_value=1800, max_value=2100))
def test_years_are_not_counts(year: int) -> None:
    assert annotate(f"The agreement was signed in {year} by both sides.") == []


@given(counts, st.sampled_from(["displaced", "killed", "wounded"]))
def test_annotation_spans_cite_the_words(n: int, verb: str) -> None:
    words = to_words(n)
    text = f"Officials said that {words} people were {verb} in the region."
    assert annotate(text) == [(words, n, "exact")]


@given(st.text(max_size=300))
def test_annotator_never_raises_and_spans_are_inside(text: str) -> None:
    annotate(text)

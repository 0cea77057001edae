"""Tests of the times extractor: finding time expressions and resolving them to dates."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from idlib_corpus.document import AnnotationLabel, build_document, split_sentences
from idlib_corpus.extractors.times import (
    Tense,
    detect_tense,
    find_times,
    idlib_annotate,
    resolve_expression,
)
from idlib_corpus.model import Article, Precision, TimeValue

D = dt.date
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
]
ABBR = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.",
        "Nov.", "Dec."]

# A Wednesday, mid-month: the base of most unit tests.
BASE = D(2021, 3, 17)


def isos(text: str, base: dt.date | None = BASE) -> list[tuple[str, str]]:
    return [(v.text, v.iso) for v in find_times(text, base, split_sentences(text))]


# --------------------------------------------------------------------------- weekdays and tense


def test_weekday_in_a_past_clause_is_the_last_one() -> None:
    assert isos("Rebels shelled the base on Monday, the ministry said.") == [
        ("on Monday", "2021-03-15")
    ]


def test_weekday_in_a_future_clause_is_the_next_one() -> None:
    assert isos("The envoys are expected to meet on Friday in Geneva.") == [
        ("on Friday", "2021-03-19")
    ]
    assert isos("The ministers will sign the deal on Monday.") == [("on Monday", "2021-03-22")]
    assert isos("A summit is to be held on Tuesday.") == [("on Tuesday", "2021-03-23")]


def test_weekday_equal_to_the_base_is_the_base_either_way() -> None:
    assert isos("Officials met on Wednesday.") == [("on Wednesday", "2021-03-17")]
    assert isos("Officials will meet on Wednesday.") == [("on Wednesday", "2021-03-17")]


def test_reported_speech_dates_the_saying_not_the_plan() -> None:
    text = "The minister told reporters on Tuesday that the talks would resume on Thursday."
    assert isos(text) == [("on Tuesday", "2021-03-16"), ("on Thursday", "2021-03-18")]


def test_fronted_weekday_takes_the_tense_of_its_sentence() -> None:
    assert isos("On Sunday, government forces retook the village.") == [
        ("On Sunday", "2021-03-14")
    ]


def test_last_next_this_weekday() -> None:
    assert resolve_expression("last Wednesday", BASE).iso == "2021-03-10"  # type: ignore[union-attr]
    assert resolve_expression("next Wednesday", BASE).iso == "2021-03-24"  # type: ignore[union-attr]
    assert resolve_expression("this Friday", BASE).iso == "2021-03-19"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("sentence", "expression", "tense"),
    [
        ("The delegation arrived in Doha on Monday.", "on Monday", Tense.PAST),
        ("The delegation is due to arrive on Monday.", "on Monday", Tense.FUTURE),
        ("Talks are set to resume on Monday.", "on Monday", Tense.FUTURE),
        ("They'll travel to Sochi on Monday.", "on Monday", Tense.FUTURE),
        ("The talks were to be held on Monday.", "on Monday", Tense.FUTURE),
        ("The meeting has been postponed until Monday.", "Monday", Tense.PAST),
        ("The round of talks is taking place on Monday, diplomats noted.", "on Monday",
         Tense.PRESENT),
        ("Fighting on Monday.", "on Monday", Tense.UNKNOWN),
        ("Erdogan to meet Putin on Thursday", "on Thursday", Tense.FUTURE),
        ("Convoy back to the border on Monday", "on Monday", Tense.UNKNOWN),
        ("The army attacked positions to secure the road on Monday.", "on Monday", Tense.PAST),
        # "and" before a pronoun opens a clause of its own: its verb is not the time's
        ("The envoys met on Monday and they will meet again soon.", "on Monday", Tense.PAST),
        ("Akar spoke to Shoigu on Friday and he will fly to Moscow.", "on Friday", Tense.PAST),
        ("The convoy left on Sunday and she would follow it.", "on Sunday", Tense.PAST),
    ],
)
def test_detect_tense(sentence: str, expression: str, tense: Tense) -> None:
    start = sentence.index(expression)
    assert detect_tense(sentence, start, start + len(expression)) is tense


# --------------------------------------------------------------------------- month and day


def test_month_day_takes_the_base_year() -> None:
    assert isos("Troops entered the town on March 2.") == [("on March 2", "2021-03-02")]
    assert isos("The convoy crossed on 9 March.") == [("on 9 March", "2021-03-09")]
    assert isos("A ceasefire began on Feb. 27.") == [("on Feb. 27", "2021-02-27")]


@pytest.mark.parametrize(("text", "found"), [
    ("The two ministers spoke by phone on New Year's Day.", ("on New Year's Day", "2021-01-01")),
    ("A truce took hold on New Year’s Eve.", ("on New Year’s Eve", "2020-12-31")),
    ("Talks resumed in Geneva on Christmas Day.", ("on Christmas Day", "2020-12-25")),
    ("The envoys met in Ankara on New Years Day.", ("on New Years Day", "2021-01-01")),
])
def test_named_days_are_days_of_the_year(text: str, found: tuple[str, str]) -> None:
    assert isos(text) == [found]


def test_the_new_year_is_no_named_day() -> None:
    assert isos("Both sides hope for calm in the new year.") == []


def test_month_day_after_the_base_in_a_past_clause_is_last_year() -> None:
    assert isos("The two presidents met on December 20.") == [("on December 20", "2020-12-20")]


def test_month_day_a_little_after_the_base_in_a_past_clause_stays_this_year() -> None:
    # More likely a misread tense than a date a year back.
    assert isos("Both sides agreed to open the road from March 25.") == [
        ("March 25", "2021-03-25")
    ]


def test_years_in_urls_are_not_dates() -> None:
    assert isos("Read more: https://example.com/news/2019/12/talks.html") == []


def test_month_day_before_the_base_in_a_future_clause_is_next_year() -> None:
    assert isos("The next round will be held on January 12.") == [
        ("on January 12", "2022-01-12")
    ]


def test_month_day_without_tense_is_the_nearest() -> None:
    assert isos("Summit in Tehran on March 30") == [("on March 30", "2021-03-30")]
    assert isos("Summit in Tehran on September 30") == [("on September 30", "2020-09-30")]


def test_explicit_years() -> None:
    assert isos("The memorandum of September 17, 2018 created the zone.") == [
        ("September 17, 2018", "2018-09-17")
    ]
    assert isos("It was signed on 5 March 2020.") == [("on 5 March 2020", "2020-03-05")]
    assert isos("The document is dated 2019-10-22.") == [("2019-10-22", "2019-10-22")]
    assert isos("They met in October 2019 and again in 2020.") == [
        ("in October 2019", "2019-10"),
        ("in 2020", "2020"),
    ]
    assert isos("The 2018 agreement failed.") == [("2018", "2018")]


def test_month_day_without_base_uses_a_full_date_in_the_text() -> None:
    text = "The deal of March 5, 2020 held. Talks followed on March 10."
    assert isos(text, None) == [("March 5, 2020", "2020-03-05"), ("on March 10", "2020-03-10")]


def test_no_base_no_guess() -> None:
    assert isos("Troops withdrew on Monday after talks on March 10.", None) == []
    assert isos("Talks are planned next week.", None) == []


# --------------------------------------------------------------------------- months and years


def test_months_at_month_precision() -> None:
    (last,) = find_times("The deal reached last October still holds.", BASE)
    assert (last.iso, last.precision) == ("2020-10", Precision.MONTH)
    (this,) = find_times("In April the front was quiet.", BASE)
    assert (this.iso, this.precision) == ("2020-04", Precision.MONTH)
    assert isos("Clashes resumed last month.") == [("last month", "2021-02")]
    assert isos("Elections are due next month.") == [("next month", "2021-04")]
    assert isos("The offensive began in early January.") == [
        ("in early January", "2021-01-01/2021-01-10")]
    assert isos("Talks stalled at the end of November.") == [
        ("the end of November", "2020-11-21/2020-11-30")]
    assert isos("Talks are planned in mid-April.") == [("in mid-April", "2021-04-11/2021-04-20")]


def test_inferred_month_holding_the_base_is_cut_at_it() -> None:
    assert isos("Clashes erupted in March.") == [("in March", "2021-03-01/2021-03-17")]
    assert isos("Elections will be held in March.") == [("in March", "2021-03-17/2021-03-31")]
    assert isos("Elections in March") == [("in March", "2021-03")]


def test_bare_month_needs_a_preposition() -> None:
    assert isos("Theresa May met Erdogan.") == []
    assert isos("Officials said Turkey may act.") == []
    assert isos("The truce was agreed in May.") == [("in May", "2020-05")]


def test_years() -> None:
    assert isos("The war began in 2011.") == [("in 2011", "2011")]
    assert isos("Fighting has flared since last year.") == [
        ("since last year", "2020-01-01/2021-03-17")
    ]
    assert isos("Both armies were reorganised in the 1990s.") == [("in the 1990s", "1990/1999")]
    assert isos("A vote is planned next year.") == [("next year", "2022")]


# --------------------------------------------------------------------------- weeks


def test_weeks_run_monday_to_sunday() -> None:
    assert isos("Talks will continue next week.") == [("next week", "2021-03-22/2021-03-28")]
    assert isos("Clashes broke out last week.") == [("last week", "2021-03-08/2021-03-14")]


def test_this_week_in_a_past_clause_stops_at_the_base() -> None:
    assert isos("Shelling intensified this week.") == [("this week", "2021-03-15/2021-03-17")]
    assert isos("A new round starts this week, officials say.") == [
        ("this week", "2021-03-15/2021-03-21")
    ]


def test_last_week_written_at_the_weekend_is_the_week_ending() -> None:
    sunday = D(2021, 3, 21)
    assert isos("Shelling last week killed three soldiers.", sunday) == [
        ("last week", "2021-03-15/2021-03-21")
    ]


def test_week_words_around_the_base() -> None:
    assert isos("Refugees arrived earlier this week.") == [
        ("earlier this week", "2021-03-15/2021-03-17")
    ]
    assert isos("A vote comes later this month.") == [
        ("later this month", "2021-03-17/2021-03-31")
    ]
    assert isos("The road reopened earlier this month.") == [
        ("earlier this month", "2021-03-01/2021-03-17")
    ]
    assert isos("Violence rose over the past week.") == [
        ("over the past week", "2021-03-10/2021-03-17")
    ]


# --------------------------------------------------------------------------- relative days


def test_days_around_the_base() -> None:
    assert isos("Jets struck the town yesterday.") == [("yesterday", "2021-03-16")]
    assert isos("A delegation arrives today.") == [("today", "2021-03-17")]
    assert isos("They fly home tomorrow.") == [("tomorrow", "2021-03-18")]
    assert isos("A drone fell last night.") == [("last night", "2021-03-16")]
    assert isos("Jets hit back overnight.") == [("overnight", "2021-03-16/2021-03-17")]
    assert isos("The ministers spoke three days ago.") == [("three days ago", "2021-03-14")]
    assert isos("A convoy left two weeks ago.") == [("two weeks ago", "2021-03-01/2021-03-07")]


def test_a_day_earlier_counts_from_the_date_just_given() -> None:
    text = "Rebels attacked the post on March 4. A day earlier, a drone hit the road."
    assert isos(text) == [("on March 4", "2021-03-04"), ("A day earlier", "2021-03-03")]
    text = "Rebels attacked the post on March 4. The next day, the army hit back."
    assert isos(text)[-1] == ("The next day", "2021-03-05")
    text = "Rebels attacked the post on March 4. On the same day, talks opened."
    assert isos(text)[-1] == ("On the same day", "2021-03-04")


def test_a_day_earlier_without_a_date_before_counts_from_the_base() -> None:
    assert isos("A day earlier, the army shelled the town.") == [("A day earlier", "2021-03-16")]


def test_a_day_earlier_does_not_reach_far_back() -> None:
    text = (
        "Talks opened on March 4. Many things happened. Nothing was agreed. "
        "Officials left. The army regrouped. A day earlier, a drone fell."
    )
    assert isos(text)[-1] == ("A day earlier", "2021-03-16")


def test_the_day_before_an_event_is_no_date() -> None:
    assert isos("The day before the summit, the army attacked.") == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # obligations and schedules speak of what is to come
        ("The militants must leave the buffer zone by Friday.", [("Friday", "2021-03-19")]),
        ("Officials said the patrols should resume on Monday.",
         [("on Monday", "2021-03-22")]),
        ("The next round is due on Thursday.", [("on Thursday", "2021-03-18")]),
        # a schedule told in the past is past
        ("The envoys had been due in Doha on March 14 for talks.",
         [("on March 14", "2021-03-14")]),
        ("The convoy was due to cross on Monday.", [("on Monday", "2021-03-15")]),
    ],
)
def test_obligations_and_schedules(text: str, found: list[tuple[str, str]]) -> None:
    assert isos(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # (the base, 2021-03-17, is a Wednesday) a schedule in the present: the nearer day
        ("The ceasefire expires on Saturday.", [("on Saturday", "2021-03-20")]),
        ("The conference opens on Thursday in Brussels.", [("on Thursday", "2021-03-18")]),
        ("Erdogan hosts Putin on Monday for talks on Syria.", [("on Monday", "2021-03-15")]),
        # what a source says happened is past
        ("The monitor says jets struck the town on Friday.", [("on Friday", "2021-03-12")]),
    ],
)
def test_a_schedule_in_the_present_is_the_nearer_day(
    text: str, found: list[tuple[str, str]]
) -> None:
    assert isos(text) == found


def test_a_long_past_clause_reads_its_verb_far_back() -> None:
    # (the past verb lies more than a window before the month; a verb of a later clause,
    # "proposed", must not make it next year's)
    text = ("The two armies had tried without success to settle the future of the seven "
            "remaining outposts along the southern edge of the province during rounds of "
            "talks in Gaziantep in November, when one side proposed a swap.")
    assert isos(text) == [("in November", "2020-11")]
    text = ("Negotiators had struggled for weeks to find common ground on the exchange of "
            "prisoners held by both sides in the northern countryside during a round "
            "of contacts in Doha in December, when the mediators proposed a pause.")
    assert isos(text) == [("in December", "2020-12")]
    # a future clause stays the future
    assert isos("The ministers will meet again in Geneva in November.") == [
        ("in November", "2021-11")
    ]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Jets returned over the valley in the first days of February.",
         [("in the first days of February", "2021-02-01/2021-02-10")]),
        ("The dam was seized during the last days of January.",
         [("during the last days of January", "2021-01-21/2021-01-31")]),
        ("Convoys crossed the border in the first week of February.",
         [("in the first week of February", "2021-02-01/2021-02-07")]),
        ("The garrison held out until the last week of February 2020.",
         [("the last week of February 2020", "2020-02-23/2020-02-29")]),
        ("Shelling eased in the second half of January.",
         [("in the second half of January", "2021-01-16/2021-01-31")]),
        ("Families fled in the first few days of March.",
         [("in the first few days of March", "2021-03-01/2021-03-10")]),
        # "the last week" alone is still the week before the base
        ("Raids intensified over the last week.",
         [("over the last week", "2021-03-10/2021-03-17")]),
    ],
)
def test_named_parts_of_a_month(text: str, found: list[tuple[str, str]]) -> None:
    assert isos(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # (the base, 2021-03-17, is a Wednesday)
        ("Jets struck the valley over the weekend.",
         [("over the weekend", "2021-03-13/2021-03-14")]),
        ("A second convoy crossed at the weekend, monitors said.",
         [("the weekend", "2021-03-13/2021-03-14")]),
        ("The envoys will meet again over the weekend.",
         [("over the weekend", "2021-03-20/2021-03-21")]),
        ("Some 4,000 people have fled since the weekend.",
         [("since the weekend", "2021-03-13/2021-03-17")]),
    ],
)
def test_the_weekend_nearest_the_base(text: str, found: list[tuple[str, str]]) -> None:
    assert isos(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Air strikes killed 14 people in the past 24 hours.",
         [("in the past 24 hours", "2021-03-16/2021-03-17")]),
        ("Over the last 48 hours, 3,000 families fled.",
         [("Over the last 48 hours", "2021-03-15/2021-03-17")]),
        ("The truce held for 24 hours.", []),
    ],
)
def test_the_past_hours_are_the_days_they_reach_over(
    text: str, found: list[tuple[str, str]]
) -> None:
    assert isos(text) == found


def test_the_weekend_written_on_a_sunday_ends_that_day() -> None:
    assert isos("Rebels shelled the town over the weekend.", D(2021, 3, 14)) == [
        ("over the weekend", "2021-03-13/2021-03-14")
    ]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Envoys held a first round in Doha early last month.",
         [("early last month", "2021-02-01/2021-02-10")]),
        ("The exchange of prisoners is planned for late next month.",
         [("late next month", "2021-04-21/2021-04-30")]),
        ("A convoy crossed the border early this month.",
         [("early this month", "2021-03-01/2021-03-10")]),
        # a year's part is its third (a gold year holds it; so does a gold season)
        ("The town fell late last year.", [("late last year", "2020-09-01/2020-12-31")]),
        ("Forces withdrew at the end of last month.",
         [("the end of last month", "2021-02-21/2021-02-28")]),
    ],
)
def test_a_part_of_the_month_before_or_after(text: str, found: list[tuple[str, str]]) -> None:
    assert isos(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("The army entered the town in 2016, and rebels took it back in June of that year.",
         [("in 2016", "2016"), ("in June of that year", "2016-06")]),
        ("The post was set up in 2018 and abandoned in April the following year.",
         [("in 2018", "2018"), ("in April the following year", "2019-04")]),
        ("Talks collapsed in 2019. In May of the same year, the offensive began.",
         [("in 2019", "2019"), ("In May of the same year", "2019-05")]),
        ("The deal was signed in 2017; in October of the previous year, talks had failed.",
         [("in 2017", "2017"), ("in October of the previous year", "2016-10")]),
        # no year told before: no year to give (rather than the base's)
        ("The town fell in June of that year.", []),
    ],
)
def test_a_month_of_that_year_takes_the_year_just_told(
    text: str, found: list[tuple[str, str]]
) -> None:
    assert isos(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # with no time told, "in the day" is the day of writing
        ("Earlier in the day, the president received the envoy.",
         [("Earlier in the day", "2021-03-17")]),
        ("The foreign ministers spoke by phone later in the day.",
         [("later in the day", "2021-03-17")]),
        ("Rebels shelled the post on Monday. Later that day, jets struck their positions.",
         [("on Monday", "2021-03-15"), ("Later that day", "2021-03-15")]),
        ("The ministers met on February 9 and again later that month.",
         [("on February 9", "2021-02-09"), ("later that month", "2021-02-10/2021-02-28")]),
        ("A convoy crossed in May 2019; later that year the post was reinforced.",
         [("in May 2019", "2019-05"), ("later that year", "2019-06-01/2019-12-31")]),
        ("A convoy crossed in 2019, and later that year the post was reinforced.",
         [("in 2019", "2019"), ("later that year", "2019")]),
        ("The envoy arrived in October 2018. That same month, talks opened.",
         [("in October 2018", "2018-10"), ("That same month", "2018-10")]),
        ("Ten soldiers died on January 20. Earlier that month, a drone hit the base.",
         [("on January 20", "2021-01-20"), ("Earlier that month", "2021-01-01/2021-01-19")]),
        # nothing told, "that" has nothing to point at
        ("Later that week, the talks resumed.", []),
    ],
)
def test_earlier_and_later_within_the_unit_told(
    text: str, found: list[tuple[str, str]]
) -> None:
    assert isos(text) == found


# --------------------------------------------------------------------------- intervals


def test_since_runs_to_the_base() -> None:
    assert isos("Shelling has displaced 9,000 people since early February.") == [
        ("since early February", "2021-02-01/2021-03-17")
    ]
    assert isos("Some 300 families fled since the beginning of January.") == [
        ("since the beginning of January", "2021-01-01/2021-03-17")
    ]
    assert isos("Since November, the front has barely moved.") == [
        ("Since November", "2020-11-01/2021-03-17")
    ]
    assert isos("Prices have doubled since 2019.") == [("since 2019", "2019-01-01/2021-03-17")]


def test_ranges() -> None:
    assert isos("Experts met from March 1 to March 3.") == [
        ("from March 1 to March 3", "2021-03-01/2021-03-03")
    ]
    assert isos("Experts met between December 28 and January 2.") == [
        ("between December 28 and January 2", "2020-12-28/2021-01-02")
    ]
    assert isos("Experts met on March 8-10.") == [("on March 8-10", "2021-03-08/2021-03-10")]
    assert isos("Experts met on 8-10 March.") == [("on 8-10 March", "2021-03-08/2021-03-10")]
    assert isos("Experts met from 2016 to 2018.") == [("from 2016 to 2018", "2016/2018")]
    # months joined are whole days (held alike by a gold interval of days or of months)
    assert isos("Thousands fled between December and March.") == [
        ("between December and March", "2020-12-01/2021-03-17")  # (to the base)
    ]
    assert isos("Talks ran from May to July 2020.") == [
        ("from May to July 2020", "2020-05-01/2020-07-31")
    ]
    assert isos("Experts met between March 8 and 10.") == [
        ("between March 8 and 10", "2021-03-08/2021-03-10")
    ]
    assert isos("Experts met between 8 and 9 March.") == [
        ("between 8 and 9 March", "2021-03-08/2021-03-09")
    ]
    assert [v for _, v in isos("Blasts hit on March 5 and 12 died.")] == ["2021-03-05"]


def test_ranges_between_parts_of_months() -> None:
    assert isos("Shelling lasted from late January to mid-February.") == [
        ("from late January to mid-February", "2021-01-21/2021-02-20")
    ]
    assert isos("Families fled between early December and late January.") == [
        ("between early December and late January", "2020-12-01/2021-01-31")
    ]


def test_vague_extents_are_skipped() -> None:
    assert isos("Tension grew over the past few weeks.") == []
    assert isos("Talks stalled for several months.") == []


def test_no_false_dates() -> None:
    text = (
        "We spoke with five officials. A three-hour meeting took place. "
        "The 12 posts and 300 trucks stayed. May God protect them, one said."
    )
    assert isos(text) == []


# --------------------------------------------------------------------------- the hook


def test_annotations_carry_values_and_spans() -> None:
    text = "Talks in Ankara ended on Saturday. A new round is set for next week."
    doc = build_document(Article(id="a", text=text, published=D(2020, 2, 9)))
    anns = idlib_annotate(doc) or []
    assert [(a.label, a.text, a.key) for a in anns] == [
        (AnnotationLabel.TIME, "on Saturday", "relative"),
        (AnnotationLabel.TIME, "next week", "relative"),
    ]
    for a in anns:
        assert isinstance(a.value, TimeValue)
        assert text[a.span.start : a.span.end] == a.text == a.value.text
        assert a.value.span == a.span


# --------------------------------------------------------------------------- properties

bases = st.dates(min_value=D(1990, 1, 1), max_value=D(2060, 12, 31))
past_verbs = st.sampled_from(["attacked", "shelled", "entered", "captured", "struck", "hit"])
future_verbs = st.sampled_from(["will attack", "are expected to enter", "are to reach",
                                "plan to shell"])

RELATIVE_PAST = [
    "on {wd}", "{wd}", "last {wd}", "yesterday", "last night", "last week", "this week",
    "earlier this week", "last month", "this month", "earlier this month", "last {month}",
    "in {month}", "two days ago", "a week ago", "three months ago", "a year ago",
    "a day earlier", "two days earlier", "the previous day", "since early {month}",
    "since {wd}", "since last week", "over the past three days", "the past week",
    "last year", "this year", "earlier this year", "overnight",
]


@given(bases, past_verbs, st.sampled_from(RELATIVE_PAST), st.sampled_from(WEEKDAYS),
       st.sampled_from(MONTHS))
def test_relative_dates_in_past_clauses_never_land_after_the_base(
    base: dt.date, verb: str, pattern: str, wd: str, month: str
) -> None:
    expr = pattern.format(wd=wd, month=month)
    text = f"The army {verb} the town {expr}."
    values = find_times(text, base, split_sentences(text))
    assert [v.text.lower() for v in values] == [expr.lower()]
    assert values[0].end <= base


@given(bases, future_verbs, st.sampled_from(WEEKDAYS))
def test_weekdays_resolve_to_that_weekday_within_a_week(
    base: dt.date, verb: str, wd: str
) -> None:
    past_text = f"Government forces attacked the town on {wd}."
    future_text = f"Government forces {verb} the town on {wd}."
    (past,) = find_times(past_text, base)
    (future,) = find_times(future_text, base)
    for value in (past, future):
        assert value.precision is Precision.DAY and not value.interval
        assert WEEKDAYS[value.start.weekday()] == wd
    assert 0 <= (base - past.start).days <= 6
    assert 0 <= (future.start - base).days <= 6


@given(bases, st.sampled_from(["last", "next", "this"]), st.sampled_from(MONTHS))
def test_named_months_are_months(base: dt.date, rel: str, month: str) -> None:
    value = resolve_expression(f"{rel} {month}", base)
    assert value is not None
    assert value.precision is Precision.MONTH and not value.interval
    assert value.start.month == MONTHS.index(month) + 1
    first_of_base = base.replace(day=1)
    if rel == "last":
        assert value.start < first_of_base
        assert (first_of_base - value.start).days <= 366
    elif rel == "next":
        assert value.start > first_of_base
    else:
        assert value.start.year == base.year


@given(bases, st.sampled_from(["next week", "last week", "this week"]))
def test_weeks_are_monday_to_sunday(base: dt.date, expr: str) -> None:
    assume(base.weekday() < 5 or expr != "last week")  # the weekend rule, tested above
    value = resolve_expression(expr, base)
    assert value is not None and value.interval and value.precision is Precision.DAY
    assert value.start.weekday() == 0 and value.end.weekday() == 6
    assert (value.end - value.start).days == 6
    shift = {"next week": 7, "last week": -7, "this week": 0}[expr]
    assert value.start <= base + dt.timedelta(days=shift) <= value.end


@given(st.dates(min_value=D(1900, 1, 1), max_value=D(2099, 12, 31)),
       st.sampled_from(["{M} {d}, {y}", "{d} {M} {y}", "{A} {d}, {y}", "{iso}", "{M} {d} {y}"]),
       bases)
def test_absolute_dates_read_exactly(day: dt.date, style: str, base: dt.date) -> None:
    expr = style.format(M=MONTHS[day.month - 1], A=ABBR[day.month - 1], d=day.day, y=day.year,
                        iso=day.isoformat())
    text = f"The accord was signed on {expr} in Sochi."
    values = find_times(text, base)
    assert [(v.iso, v.precision) for v in values] == [(day.isoformat(), Precision.DAY)]


@given(bases, st.dates(min_value=D(1990, 1, 1), max_value=D(2060, 12, 31)))
def test_precision_never_finer_than_the_text(base: dt.date, day: dt.date) -> None:
    assume((day.month, day.day) != (2, 29))  # may have no year to fall in
    assume(day.month != base.month)  # a month holding the base is cut at it (tested above)
    month = MONTHS[day.month - 1]
    cases = {
        f"in {day.year}": Precision.YEAR,
        f"in {month} {day.year}": Precision.MONTH,
        f"last {month}": Precision.MONTH,
        f"on {month} {day.day}": Precision.DAY,
    }
    for expr, precision in cases.items():
        text = f"Forces withdrew from the area {expr}."
        (value,) = find_times(text, base)
        assert value.precision is precision, expr
        assert not value.interval
    # the first third of the month: ten days, no more precise than that
    (early,) = find_times(f"Forces withdrew from the area in early {month}.", base)
    assert early.precision is Precision.DAY and early.interval
    assert (early.start.month, early.start.day, early.end.day) == (day.month, 1, 10)


@given(bases, st.sampled_from(MONTHS), st.integers(min_value=1, max_value=28))
def test_month_day_in_a_past_clause(base: dt.date, month: str, d: int) -> None:
    text = f"Rebels captured the hill on {month} {d}."
    (value,) = find_times(text, base)
    assert value.start <= base + dt.timedelta(days=31)
    assert (base - value.start).days < 366


@given(st.text(max_size=400), st.none() | bases)
def test_never_raises_and_values_cite_their_words(text: str, base: dt.date | None) -> None:
    for value in find_times(text, base, split_sentences(text)):
        assert value.span is not None
        assert text[value.span.start : value.span.end] == value.text


@given(st.lists(st.sampled_from(
    ["on", "Monday", "May", "2020", "last", "week", "since", "the", "day", "before", "a",
     "from", "to", "March", "5", "-", "early", "next", "ago", "two", "days", ",", "."]),
    max_size=30), bases)
def test_never_raises_on_time_word_soup(words: list[str], base: dt.date) -> None:
    text = " ".join(words)
    for value in find_times(text, base, split_sentences(text)):
        assert value.span is not None
        assert text[value.span.start : value.span.end] == value.text


@pytest.mark.parametrize(("text", "found"), [
    ("The next round is expected in Geneva before the end of the year.",
     [("the end of the year", "2021-03-17/2021-12-31")]),
    ("The ministers will meet again by the end of this month.",
     [("the end of this month", "2021-03-17/2021-03-31")]),
    ("Most of the families had fled by the end of the year.", []),
    ("The offensive stalled before the end of the month, officials said.", []),
])
def test_a_plan_by_the_end_of_the_year(text: str, found: list[tuple[str, str]]) -> None:
    assert isos(text) == found


@pytest.mark.parametrize(("text", "found"), [
    ("Shelling killed two soldiers on Monday. Hours later, Ankara struck back.",
     [("on Monday", "2021-03-15"), ("Hours later", "2021-03-15")]),
    ("A convoy was hit on March 2. Minutes later, drones struck the road.",
     [("on March 2", "2021-03-02"), ("Minutes later", "2021-03-02")]),
    ("The post came under fire on February 3. Shortly afterwards, jets hit the town.",
     [("on February 3", "2021-02-03"), ("Shortly afterwards", "2021-02-03")]),
    ("Hours later, the convoy moved on.", []),  # (no day told before: none)
])
def test_hours_later_is_the_day_just_told(text: str, found: list[tuple[str, str]]) -> None:
    assert isos(text) == found


# --------------------------------------------------------------------------- news phrasings


@pytest.mark.parametrize("sentence, iso", [
    ("The envoys reviewed the plan with their hosts on Monday.", "2021-03-15"),
    ("Ankara discussed its plans with Moscow by phone on Tuesday.", "2021-03-16"),
    ("The ministers went over their hopes for a truce on Friday, an aide said.", "2021-03-12"),
])
def test_a_future_word_used_as_a_noun_says_nothing_of_the_tense(sentence: str, iso: str) -> None:
    assert [i for _, i in isos(sentence)] == [iso]


def test_a_plan_to_do_something_still_speaks_of_the_future() -> None:
    assert isos("Ankara unveiled a plan to hold talks on Friday.") == [
        ("on Friday", "2021-03-19")
    ]


@pytest.mark.parametrize("sentence, iso", [
    ("The next round is slated for mid-October.", "2021-10-11/2021-10-20"),
    ("A vote has been pencilled in for early June.", "2021-06-01/2021-06-10"),
    ("Elections were penciled in for late May, officials said.", "2021-05-21/2021-05-31"),
])
def test_a_month_part_after_for_and_a_schedule_word(sentence: str, iso: str) -> None:
    assert [i for _, i in isos(sentence)] == [iso]


@pytest.mark.parametrize("sentence, iso", [
    ("Jets pounded the town on Thursday, a day after rebels shelled an army post.",
     "2021-03-10"),
    ("The army withdrew on Sunday, two days after the talks collapsed.", "2021-03-12"),
    ("Warplanes struck the market on Tuesday, the day before the envoys arrived.",
     "2021-03-17"),
    ("Saturday's shelling came a day after the convoy was ambushed near the highway.",
     "2021-03-12"),
])
def test_a_day_counted_from_an_event_dates_that_event(sentence: str, iso: str) -> None:
    got = isos(sentence)
    assert len(got) == 2 and got[1][1] == iso


@pytest.mark.parametrize("sentence", [
    "On Monday, a day before the summit, jets struck the town.",  # the strike's is Monday
    "The army withdrew on Sunday, five days after the talks collapsed.",  # a round figure
    "The army withdrew on Sunday, days after the talks collapsed.",  # no figure
    "A day after the talks collapsed, the army withdrew.",  # no day told
])
def test_an_event_counted_from_no_day_or_roughly_gets_no_date(sentence: str) -> None:
    assert len(isos(sentence)) <= 1


def test_a_clause_opened_by_after_on_the_right_does_not_set_the_tense() -> None:
    s = "The minister is expected to visit Moscow on June 2 after the envoys agreed the date."
    assert isos(s) == [("on June 2", "2021-06-02")]
    s = "Talks are planned to open in Geneva on July 9 once the envoys approved the agenda."
    assert isos(s) == [("on July 9", "2021-07-09")]
    s = "A delegation is to visit Tehran on May 30 because the earlier round failed."
    assert isos(s) == [("on May 30", "2021-05-30")]


@pytest.mark.parametrize(("text", "iso"), [
    ("The offensive stalled in late 2018.", "2018-09-01/2018-12-31"),
    ("Since mid-2019, the army has advanced.", "2019-05-01/2021-03-17"),
    ("Talks resumed early last year.", "2020-01-01/2020-04-30"),
    ("Most fighters left in the first half of 2020.", "2020-01-01/2020-06-30"),
    ("Patrols will resume in the second half of next year.", "2022-07-01/2022-12-31"),
])
def test_parts_of_a_year(text: str, iso: str) -> None:
    assert [i for _, i in isos(text)] == [iso]


@pytest.mark.parametrize(("text", "iso"), [
    ("Last summer, rebels shelled the base.", "2020-06-01/2020-08-31"),
    ("Clashes erupted in the autumn of 2018.", "2018-09-01/2018-11-30"),
    ("The offensive of summer 2019 uprooted thousands.", "2019-06-01/2019-08-31"),
    ("Aid deliveries fell sharply last winter.", "2020-12-01/2021-02-28"),
    ("Envoys hope to meet again next autumn.", "2021-09-01/2021-11-30"),
    ("Troops advanced this spring, officials said.", "2021-03-01/2021-03-17"),
])
def test_seasons(text: str, iso: str) -> None:
    assert [i for _, i in isos(text)] == [iso]


@pytest.mark.parametrize("text", ["Prices fall in winter.", "The winter of discontent came.",
                                  "Rebels expect the town to fall 2 km further south."])
def test_season_words_without_a_year_or_a_relative_word_are_no_time(text: str) -> None:
    assert isos(text) == []


@pytest.mark.parametrize(("text", "iso"), [
    ("Jets pounded the villages overnight Saturday, rescuers said.", "2021-03-13"),
    ("Warplanes struck the market overnight into Monday.", "2021-03-15"),
    ("Drones hit the base overnight on Friday, the ministry said.", "2021-03-12"),
])
def test_overnight_before_a_named_day_is_that_day(text: str, iso: str) -> None:
    assert [i for _, i in isos(text)] == [iso]


@pytest.mark.parametrize(("text", "iso"), [
    ("A post was shelled on Monday. Hours after the attack, the minister called his "
     "counterpart.", "2021-03-15"),
    ("Jets struck the town on Friday. Minutes before the strike, sirens sounded.", "2021-03-12"),
    ("Talks opened in Ankara on Tuesday. Hours before the talks, a car bomb went off.",
     "2021-03-16"),
])
def test_hours_after_an_event_just_dated_is_its_day(text: str, iso: str) -> None:
    assert [i for _, i in isos(text)][-1] == iso


def test_hours_after_an_event_with_no_day_told_gives_nothing() -> None:
    assert isos("Hours after the attack, the minister spoke by phone.") == []
    # (a day told two sentences back is as likely another event's)
    assert [t for t, _ in isos("The patrol ended on Wednesday. Talks faltered. A visit was "
                               "called off hours before the envoys were due.")] == [
        "on Wednesday"]


@pytest.mark.parametrize(("text", "iso"), [
    ("A mine exploded next to a Russian patrol on the road east of the town on Tuesday, "
     "officials said.", "2021-03-16"),
    ("A car exploded next to the convoy on Sunday.", "2021-03-14"),
    ("Shells landed next to the observation post on Monday, a monitor said.", "2021-03-15"),
])
def test_next_to_is_a_place_not_the_future(text: str, iso: str) -> None:
    assert [i for _, i in isos(text)] == [iso]


@pytest.mark.parametrize(("text", "found"), [
    ("The ministry announced late Thursday that it would back a ceasefire.",
     ("late Thursday", "2021-03-11")),
    ("Rebels said early Monday they would withdraw heavy arms.", ("early Monday", "2021-03-15")),
    ("Late on Friday, warplanes struck the market.", ("Late on Friday", "2021-03-12")),
    ("Talks will resume late Friday.", ("late Friday", "2021-03-19")),
])
def test_late_or_early_before_a_weekday_is_part_of_it(text: str, found: tuple[str, str]) -> None:
    assert isos(text) == [found]


@pytest.mark.parametrize(("text", "found"), [
    ("A convoy crossed the border on the 5th, officials said.", [("on the 5th", "2021-03-05")]),
    ("Fighting flared again on the 20th, a monitor said.", [("on the 20th", "2021-02-20")]),
    ("The envoys will meet on the 25th.", [("on the 25th", "2021-03-25")]),
    ("Talks opened in Geneva in May. A deal was signed on the 4th.",
     [("in May", "2020-05"), ("on the 4th", "2020-05-04")]),
])
def test_a_bare_ordinal_day_is_a_day_of_the_month_told(
        text: str, found: list[tuple[str, str]]) -> None:
    assert isos(text) == found


@pytest.mark.parametrize("text", ["Troops of the 25th Division advanced on the town.",
                                  "The 4th Corps was sent on the 3rd floor of the base.",
                                  "They met on the 5th and 6th of the talks."])
def test_an_ordinal_before_a_noun_is_no_day(text: str) -> None:
    assert all(not t.startswith("on the") for t, _ in isos(text))

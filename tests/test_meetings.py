"""Tests of the meetings extractor (``idlib_corpus.extractors.meetings``).

Each test composes a few sentences in the manner of an outlet (AP, Reuters, Al-Monitor,
Daily Sabah, RT, TASS...) about events other than the seed articles', marks them by hand
the way the other annotators would (nationality words, states, capitals, places, times,
numbers, persons), and checks one rule of the meeting grammar. ``make_doc`` and
``person`` are shared with ``test_incidents.py``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from idlib_corpus.document import Annotation, AnnotationLabel, Document, build_document
from idlib_corpus.extractors import meetings
from idlib_corpus.extractors.meetings import extract_meetings
from idlib_corpus.model import (
    Actor,
    ActorKind,
    Article,
    Meeting,
    MeetingKind,
    MeetingStatus,
    Mention,
    MentionKind,
    Span,
    TimeValue,
)

L = AnnotationLabel

NATIONALITIES = {
    "Turkish": "TR", "Russian": "RU", "Syrian": "SY", "Iranian": "IR", "Israeli": "IL",
    "Palestinian": "PS", "Australian": "AU", "Indian": "IN", "Egyptian": "EG",
    "Russian-led": "RU", "Russia-backed": "RU", "Turkish-Russian": "TR",
}
STATES = {"Turkey": "TR", "Russia": "RU", "Syria": "SY", "Iran": "IR", "Egypt": "EG",
          "Israel": "IL", "India": "IN", "Australia": "AU"}
CAPITALS = {"Ankara": "TR", "Moscow": "RU", "Damascus": "SY", "Tehran": "IR", "Cairo": "EG"}
PLACES = ["Idlib", "Sochi", "Saraqib", "Maarat al-Numan", "Hatay", "Aleppo", "Geneva",
          "Astana", "Nur-Sultan", "Khan Sheikhoun", "Kafr Nabl", "Sydney", "Istanbul",
          "Jisr al-Shughur", "Tal Rifaat", "Hill Top"]
GROUPS = {"Hayat Tahrir al-Sham": "armed_group:hayat-tahrir-al-sham",
          "Jabhat al-Nusra": "armed_group:hayat-tahrir-al-sham",
          "Hamas": "armed_group:hamas"}


def _all(text: str, word: str) -> Iterable[Span]:
    for m in re.finditer(rf"(?<![\w-]){re.escape(word)}(?![\w])", text):
        yield Span(m.start(), m.end())


def _first(text: str, phrase: str, nth: int = 0) -> Span:
    spans = list(_all(text, phrase)) or [
        Span(m.start(), m.end()) for m in re.finditer(re.escape(phrase), text)
    ]
    assert len(spans) > nth, f"{phrase!r} not in the text"
    return spans[nth]


def make_doc(
    text: str,
    *,
    published: dt.date | None = dt.date(2020, 3, 4),
    times: Sequence[tuple[str, TimeValue]] = (),
    numbers: Sequence[tuple[str, int, str]] = (),
    title: bool = False,
) -> Document:
    """A document marked by hand as the knowledge, time and number annotators would.

    ``times`` and ``numbers`` name a phrase of the text with its value (for numbers also
    the qualifier key: "exact", "at_least", "about", "at_most"); ``title`` makes the first
    line the headline.
    """
    anns: list[Annotation] = []
    taken: list[Span] = []

    def add(span: Span, label: AnnotationLabel, key: str | None, value: object = None) -> None:
        anns.append(Annotation(span, label, text[span.start:span.end], key, value))  # type: ignore[arg-type]

    for table, label in ((NATIONALITIES, L.NATIONALITY), (STATES, L.STATE), (CAPITALS, L.CAPITAL)):
        for word, key in sorted(table.items(), key=lambda kv: -len(kv[0])):
            for span in _all(text, word):
                if any(t.overlaps(span) for t in taken):
                    continue
                taken.append(span)
                add(span, label, key)
                if label is not L.NATIONALITY:
                    add(span, L.PLACE, "test:" + word.lower())
    for word in PLACES:
        for span in _all(text, word):
            add(span, L.PLACE, "test:" + word.lower())
    for word, key in GROUPS.items():
        for span in _all(text, word):
            add(span, L.GROUP, key)
    for phrase, value in times:
        add(_first(text, phrase), L.TIME, None, value)
    for phrase, n, qual in numbers:
        add(_first(text, phrase), L.NUMBER, qual, n)
    title_span = None
    if title:
        end = text.index("\n")
        title_span = Span(0, end)
    article = Article(
        id="t", text=text, published=published, title=text[:end] if title else None,
        title_span=title_span,
    )
    return build_document(article, anns)


def person(text: str, name: str, country: str | None, *, also: Sequence[str] = ()) -> Actor:
    """A person actor with a mention at every occurrence of the name, surname and ``also``."""
    mentions = [Mention(s, name, MentionKind.NAME) for s in _all(text, name)]
    surname = name.split()[-1]
    for s in _all(text, surname):
        if not any(m.span.overlaps(s) for m in mentions):
            mentions.append(Mention(s, surname, MentionKind.SURNAME))
    for phrase in also:
        for s in _all(text, phrase):
            mentions.append(Mention(s, phrase, MentionKind.TITLE))
    slug = "-".join(name.lower().split())
    return Actor(
        id=f"person:{slug}", name=name, kind=ActorKind.PERSON, country=country,
        mentions=sorted(mentions, key=lambda m: m.span),
    )


def one(found: Sequence[Meeting]) -> Meeting:
    assert len(found) == 1, [(m.parties, m.status.value, m.evidence) for m in found]
    return found[0]


# --------------------------------------------------------------------------- parties


def test_parties_from_nationality_words_not_the_topic() -> None:
    # Reuters style: the subject of the talks (Syria) is not a party
    text = ("Turkish and Russian officials held talks in Moscow on Tuesday on the situation "
            "in Syria's Idlib province, a Turkish diplomatic source said.")
    doc = make_doc(text, times=[("on Tuesday", TimeValue.day(dt.date(2020, 3, 3)))])
    m = one(extract_meetings(doc))
    assert m.parties == ("RU", "TR")
    assert m.place is not None and m.place.name == "Moscow"
    assert m.status is MeetingStatus.HELD
    assert m.date == TimeValue.day(dt.date(2020, 3, 3))
    assert m.reported_by == "Turkish diplomatic source"


def test_capitals_as_states_in_a_headline() -> None:
    text = "Ankara, Tehran discuss Syria border\nThe ministers met on Monday.\n"
    m = one(extract_meetings(make_doc(text, title=True)))
    assert m.parties == ("IR", "TR")
    assert m.status is MeetingStatus.HELD  # a headline's present tense reports


def test_between_the_presidents_of_three_states_is_a_summit() -> None:
    text = ("Officials also discussed preparations for the upcoming summit in Tehran between "
            "the presidents of Iran, Russia and Turkey.")
    m = one(extract_meetings(make_doc(text)))
    assert m.parties == ("IR", "RU", "TR")
    assert m.kind is MeetingKind.SUMMIT
    assert m.status is MeetingStatus.PLANNED
    assert m.place is not None and m.place.name == "Tehran"


def test_a_visiting_delegation_makes_the_host_a_party() -> None:
    # Daily Sabah style
    text = "A Turkish delegation arrived in Moscow on Wednesday for talks on Idlib."
    doc = make_doc(text, times=[("on Wednesday", TimeValue.day(dt.date(2020, 3, 4)))])
    m = one(extract_meetings(doc))
    assert m.parties == ("RU", "TR")
    assert m.place is not None and m.place.name == "Moscow"


def test_a_sponsor_word_is_not_a_party() -> None:
    text = "Russian-led Syrian forces held talks with Turkish officers near Saraqib."
    m = one(extract_meetings(make_doc(text)))
    assert "RU" not in m.parties
    assert m.parties == ("SY", "TR")


def test_one_side_alone_is_no_meeting() -> None:
    text = ("The Russian Foreign Ministry said in closed meetings that a joint operation "
            "was possible.")
    assert extract_meetings(make_doc(text)) == ()


def test_participants_and_their_countries() -> None:
    # RT style: "X and his Turkish counterpart Y"
    text = ("Russian Foreign Minister Sergei Lavrov and his Turkish counterpart Mevlut "
            "Cavusoglu met in Antalya on Thursday.")
    doc = make_doc(text, times=[("on Thursday", TimeValue.day(dt.date(2020, 3, 5)))])
    actors = [person(text, "Sergei Lavrov", "RU"), person(text, "Mevlut Cavusoglu", "TR")]
    m = one(extract_meetings(doc, actors))
    assert m.participants == ("person:mevlut-cavusoglu", "person:sergei-lavrov")
    assert m.parties == ("RU", "TR")
    assert m.status is MeetingStatus.PLANNED  # Thursday is after publication


def test_delegation_heads_named_in_a_later_sentence() -> None:
    text = ("Russian and Turkish officials held talks in Ankara on Monday. "
            "The Russian team was led by envoy Alexander Lavrentiev, the ministry said.")
    doc = make_doc(text, times=[("on Monday", TimeValue.day(dt.date(2020, 3, 2)))])
    actors = [person(text, "Alexander Lavrentiev", "RU")]
    m = one(extract_meetings(doc, actors))
    assert m.participants == ("person:alexander-lavrentiev",)
    assert len(m.evidence) == 2


def test_the_speaker_is_not_a_participant() -> None:
    text = ("A Russian delegation will come to Turkey for talks on Saturday, Turkish "
            "Foreign Minister Mevlut Cavusoglu said.")
    doc = make_doc(text, times=[("on Saturday", TimeValue.day(dt.date(2020, 3, 7)))])
    m = one(extract_meetings(doc, [person(text, "Mevlut Cavusoglu", "TR")]))
    assert m.participants == ()
    assert m.parties == ("RU", "TR")
    assert m.place is not None and m.place.name == "Turkey"
    assert m.status is MeetingStatus.PLANNED
    assert m.reported_by == "Turkish Foreign Minister Mevlut Cavusoglu"


# --------------------------------------------------------------------------- status


@pytest.mark.parametrize(
    ("sentence", "status"),
    [
        ("Turkish and Russian officials are holding talks in Ankara.", MeetingStatus.ONGOING),
        ("Talks between Turkish and Russian delegations are under way in Ankara.",
         MeetingStatus.ONGOING),
        ("Turkish and Russian officials will hold talks in Ankara.", MeetingStatus.PLANNED),
        ("Turkish and Russian officials are expected to meet in Ankara.",
         MeetingStatus.PLANNED),
        ("The upcoming talks between Turkish and Russian officials will focus on Idlib.",
         MeetingStatus.PLANNED),
        ("Planned talks between Turkish and Russian officials were called off.",
         MeetingStatus.CANCELLED),
        ("Turkish and Russian officials postponed their talks in Ankara.",
         MeetingStatus.CANCELLED),
        ("Turkish and Russian officials held talks in Ankara.", MeetingStatus.HELD),
    ],
)
def test_status_cues(sentence: str, status: MeetingStatus) -> None:
    assert one(extract_meetings(make_doc(sentence))).status is status


def test_a_future_date_makes_talks_planned() -> None:
    text = "Putin's talks with Iranian and Turkish leaders take place in Sochi on March 9."
    doc = make_doc(text, times=[("on March 9", TimeValue.day(dt.date(2020, 3, 9)))])
    m = one(extract_meetings(doc, [person(text, "Putin", "RU")]))
    assert m.status is MeetingStatus.PLANNED
    assert m.parties == ("IR", "RU", "TR")


def test_not_scheduled_is_not_a_plan() -> None:
    text = "The visit of Turkish officials to Russia was not scheduled far in advance."
    m = one(extract_meetings(make_doc(text)))
    assert m.status is MeetingStatus.HELD


def test_agreeing_to_meet_again_is_a_second_planned_meeting() -> None:
    # Anadolu style: held talks, then a new round next week, parties carried over
    text = ("In Ankara, officials from Turkey and Russia held three hours of talks, agreeing "
            "to meet again next week, the ministry said.")
    week = TimeValue.between(dt.date(2020, 3, 9), dt.date(2020, 3, 15), text="next week")
    m1, m2 = extract_meetings(make_doc(text, times=[("next week", week)]))
    assert (m1.status, m2.status) == (MeetingStatus.HELD, MeetingStatus.PLANNED)
    assert m1.parties == m2.parties == ("RU", "TR")
    assert m1.duration_minutes == 180
    assert m1.place is not None and m1.place.name == "Ankara"
    assert m2.place is None
    assert m2.date == week
    assert m1.outcome is not None and "meet again" in m1.outcome


def test_continue_negotiations_takes_the_parties_of_the_meeting_told() -> None:
    text = ("Iran and Turkey held talks in Tehran. "
            "It was decided to continue the negotiations next month.")
    month = TimeValue.month(2020, 4, text="next month")
    found = extract_meetings(make_doc(text, times=[("next month", month)]))
    assert [m.status for m in found] == [MeetingStatus.HELD, MeetingStatus.PLANNED]
    assert found[1].parties == ("IR", "TR")
    assert found[1].date == month


# --------------------------------------------------------------------------- kinds


def test_phone_call() -> None:
    text = "Erdogan and Putin spoke by phone on Sunday, the Kremlin said."
    doc = make_doc(text, times=[("on Sunday", TimeValue.day(dt.date(2020, 3, 1)))])
    actors = [person(text, "Erdogan", "TR"), person(text, "Putin", "RU")]
    m = one(extract_meetings(doc, actors))
    assert m.kind is MeetingKind.PHONE_CALL
    assert m.parties == ("RU", "TR")


def test_duration_in_words() -> None:
    text = "Turkish and Russian delegations held two-hour talks in Ankara."
    assert one(extract_meetings(make_doc(text))).duration_minutes == 120


# --------------------------------------------------------------------------- not meetings


@pytest.mark.parametrize(
    "sentence",
    [
        "Turkish Foreign Minister Mevlut Cavusoglu told a news conference in Ankara that "
        "Turkey would respond.",
        "Turkey and Russia canceled a regular joint military patrol in northern Syria.",
        "Australian and Indian cricket officials held talks in Sydney about the tour.",
        "Israel has rejected the Palestinian leader's bid to visit Egypt.",
        "Turkish and Russian shareholders met to discuss the merger.",
    ],
)
def test_not_a_diplomatic_meeting(sentence: str) -> None:
    assert extract_meetings(make_doc(sentence)) == ()


# --------------------------------------------------------------------------- merging


def test_headline_and_body_are_one_meeting() -> None:
    text = ("Russia, Turkey hold talks on Idlib\n"
            "ANKARA - Russian and Turkish officials held talks in Ankara on Saturday, "
            "the Turkish Foreign Ministry said. The negotiations lasted three hours.\n")
    doc = make_doc(text, title=True, times=[("on Saturday", TimeValue.day(dt.date(2020, 2, 29)))])
    m = one(extract_meetings(doc))
    assert len(m.evidence) == 3
    assert m.duration_minutes == 180
    assert m.date == TimeValue.day(dt.date(2020, 2, 29))


def test_announced_then_reported_on_the_same_day_is_one_meeting() -> None:
    d = TimeValue.day(dt.date(2020, 3, 2))
    text = ("Turkish and Russian officials will meet in Ankara on Monday. "
            "On Monday, Turkish and Russian officials held talks in Ankara.")
    doc = build_document(make_doc(text).article, [
        *make_doc(text).annotations,
        Annotation(_first(text, "on Monday"), L.TIME, "on Monday", None, d),
        Annotation(_first(text, "On Monday"), L.TIME, "On Monday", None, d),
    ])
    m = one(extract_meetings(doc))
    assert m.status is MeetingStatus.HELD


def test_different_days_are_different_meetings() -> None:
    text = ("Turkish and Russian officials held talks in Ankara on Monday. "
            "Turkish and Russian officials held talks in Moscow in January.")
    doc = make_doc(text, times=[("on Monday", TimeValue.day(dt.date(2020, 3, 2))),
                                ("in January", TimeValue.month(2020, 1))])
    assert len(extract_meetings(doc)) == 2


def test_a_referring_clause_does_not_invent_a_meeting() -> None:
    text = "The talks focused on the humanitarian situation. The delegations included experts."
    assert extract_meetings(make_doc(text)) == ()


def test_states_that_take_part_join_the_meeting_told() -> None:
    # Asharq Al-Awsat style: observers named in a sentence of their own
    text = ("Iranian, Russian and Turkish delegations held talks in Astana on Friday. "
            "Egypt and Syria took part as observers.")
    doc = make_doc(text, times=[("on Friday", TimeValue.day(dt.date(2020, 2, 28)))])
    m = one(extract_meetings(doc))
    assert m.parties == ("EG", "IR", "RU", "SY", "TR")


def test_taking_part_in_patrols_is_not_taking_part_in_talks() -> None:
    text = ("Iranian and Turkish delegations held talks in Astana. "
            "Russian troops took part in patrols near Aleppo.")
    assert one(extract_meetings(make_doc(text))).parties == ("IR", "TR")


def test_they_last_spoke_is_an_earlier_call_of_the_same_leaders() -> None:
    # TRT World style
    text = ("Erdogan and Putin discussed Idlib in a phone call on Friday. "
            "They last spoke on February 12.")
    doc = make_doc(text, published=dt.date(2020, 2, 21), times=[
        ("on Friday", TimeValue.day(dt.date(2020, 2, 21))),
        ("on February 12", TimeValue.day(dt.date(2020, 2, 12)))])
    actors = [person(text, "Erdogan", "TR"), person(text, "Putin", "RU")]
    first, second = extract_meetings(doc, actors)
    assert first.date is not None and second.date is not None
    assert (first.date.iso, second.date.iso) == ("2020-02-21", "2020-02-12")
    assert second.kind is MeetingKind.PHONE_CALL
    assert second.participants == first.participants == ("person:erdogan", "person:putin")


def test_a_new_summit_takes_its_parties_from_its_sentence() -> None:
    # Hurriyet style: "a three-way summit in Tehran, where Putin and Rouhani ..."
    text = ("The agreement came 10 days after a three-way summit in Tehran, where Putin and "
            "Iranian President Rouhani turned down Erdogan's call for a ceasefire.")
    actors = [person(text, "Putin", "RU"), person(text, "Rouhani", "IR"),
              person(text, "Erdogan", "TR")]
    m = one(extract_meetings(make_doc(text), actors))
    assert m.parties == ("IR", "RU", "TR")
    assert m.kind is MeetingKind.SUMMIT
    assert m.place is not None and m.place.name == "Tehran"


def test_nationality_words_before_things_name_no_party() -> None:
    # Reuters markets style: talks between a cartel and Russia, and a currency
    text = ("Russian shares fell and the Turkish lira weakened after the failure of talks "
            "between OPEC and Russia in Vienna.")
    assert extract_meetings(make_doc(text)) == ()  # Russia alone is no meeting of states


def test_a_landmark_and_its_city_are_one_place() -> None:
    from idlib_corpus.extractors._events import place_compatible
    from idlib_corpus.model import Place, PlaceKind

    kremlin = Place(name="Kremlin", kind=PlaceKind.OTHER, country="RU",
                    latitude=55.752, longitude=37.6175)
    moscow = Place(name="Moscow", kind=PlaceKind.CITY, country="RU",
                   latitude=55.752, longitude=37.618)
    khan = Place(name="Khan Sheikhoun", kind=PlaceKind.TOWN, country="SY",
                 latitude=35.44, longitude=36.65)
    morek = Place(name="Morek", kind=PlaceKind.TOWN, country="SY",
                  latitude=35.37, longitude=36.69)
    assert place_compatible(kremlin, moscow)
    assert not place_compatible(khan, morek)  # two towns are two towns


def test_a_meeting_said_not_to_be_planned_is_none() -> None:
    text = ("The Kremlin said a meeting between the Russian and Turkish presidents was not "
            "on the agenda.")
    assert extract_meetings(make_doc(text)) == ()


def test_the_two_countries_meeting_soon_is_a_new_planned_meeting() -> None:
    text = ("Turkish and Russian presidents held talks in Sochi on Monday. Military officials "
            "from the two countries would meet in the coming days to draw the borders.")
    doc = make_doc(text, times=[("on Monday", TimeValue.day(dt.date(2020, 3, 2)))])
    held, planned = extract_meetings(doc)
    assert planned.status is MeetingStatus.PLANNED
    assert planned.parties == held.parties == ("RU", "TR")


# --------------------------------------------------------------------------- hooks, robustness


def test_hooks_mark_triggers_and_return_meetings() -> None:
    text = "Turkish and Russian officials held a phone call."
    doc = make_doc(text)
    anns = meetings.idlib_annotate(doc)
    assert anns is not None
    assert [(a.label, a.key, a.text) for a in anns] == [
        (L.MEETING_TRIGGER, "phone_call", "held a phone call")
    ]
    found = meetings.idlib_extract_events(doc, [])
    assert found is not None and found[0].kind is MeetingKind.PHONE_CALL
    assert meetings.idlib_extract_events(make_doc("Nothing happened."), []) is None


def test_evidence_spans_lie_in_the_text() -> None:
    text = ("Turkish and Russian officials held talks in Ankara, agreeing to meet again. "
            "Iran and Turkey will hold a summit in Tehran.")
    for m in extract_meetings(make_doc(text)):
        for span in m.evidence:
            assert 0 <= span.start < span.end <= len(text)
            assert text[span.start:span.end].strip()


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from([*"abc .,;:()\"'\n-",
    " talks", " Turkish", " Russian", " held", " will", " in Ankara", " summit", " the",
    " visit", " delegation", " arrived", " Turkey", " next week", " canceled", " said",
]), max_size=60).map("".join))
def test_any_text_gives_valid_meetings(text: str) -> None:
    found = extract_meetings(make_doc(text))
    for m in found:
        assert len(m.parties) >= 2
        assert all(s.end <= len(text) for s in m.evidence)


# --------------------------------------------------------------------------- end to end

# Whole articles composed in the manner of other outlets, read by every built-in plugin.
AL_MONITOR = """Turkish, Russian officials fail to agree on Idlib in Ankara talks

Turkish and Russian delegations ended two days of talks in Ankara on Tuesday without \
reaching an agreement on the situation in northwest Syria, Turkey's Foreign Ministry said.

The Russian delegation was headed by Deputy Foreign Minister Sergei Vershinin and \
presidential envoy Alexander Lavrentiev. The Turkish side was led by Deputy Foreign \
Minister Sedat Onal.

A new round of talks is expected in Moscow next week.
"""

RT = """Lavrov, Cavusoglu discuss Idlib by phone as Syrian army advances

Russian Foreign Minister Sergey Lavrov and his Turkish counterpart Mevlut Cavusoglu held a \
telephone conversation on Saturday, discussing the situation in Idlib, the Russian Foreign \
Ministry said.

The trilateral summit of Russia, Turkey and Iran planned for Tehran has been postponed, \
Kremlin spokesman Dmitry Peskov said.
"""


@pytest.fixture(scope="module")
def pipeline() -> object:
    from idlib_corpus.options import Options
    from idlib_corpus.pipeline import Pipeline

    return Pipeline(options=Options(load_entrypoints=False))


def test_end_to_end_talks_then_a_new_round(pipeline: object) -> None:
    r = pipeline.parse(AL_MONITOR, id="am", published=dt.date(2020, 2, 11))  # type: ignore[attr-defined]
    held, planned = r.meetings
    assert (held.status, planned.status) == (MeetingStatus.HELD, MeetingStatus.PLANNED)
    assert held.parties == planned.parties == ("RU", "TR")
    assert held.place is not None and held.place.name == "Ankara"
    assert held.date is not None and held.date.iso == "2020-02-11"
    names = {a.id: a.name for a in r.actors}
    assert {names[p] for p in held.participants} == {
        "Sergei Vershinin", "Alexander Lavrentiev", "Sedat Onal"}
    assert planned.place is not None and planned.place.name == "Moscow"
    assert planned.date is not None and planned.date.start == dt.date(2020, 2, 17)


def test_end_to_end_phone_call_and_postponed_summit(pipeline: object) -> None:
    r = pipeline.parse(RT, id="rt", published=dt.date(2020, 1, 25))  # type: ignore[attr-defined]
    call, summit = r.meetings
    assert call.kind is MeetingKind.PHONE_CALL
    assert call.parties == ("RU", "TR")  # not Syria, whose army is in another clause
    assert len(call.participants) == 2
    assert summit.kind is MeetingKind.SUMMIT
    assert summit.status is MeetingStatus.CANCELLED
    assert summit.parties == ("IR", "RU", "TR")


def test_a_second_predicate_sharing_the_subject_is_a_second_meeting() -> None:
    # "A and B <did X>, and are scheduled to <do Y>": two meetings, the same parties
    text = ("Iranian President Hassan Rouhani and his Turkish counterpart Recep Tayyip Erdogan "
            "spoke by telephone on Monday, and are scheduled to meet in Tehran on Friday, "
            "officials said.")
    doc = make_doc(text, times=[("on Monday", TimeValue.day(dt.date(2020, 3, 2))),
                                ("on Friday", TimeValue.day(dt.date(2020, 3, 6)))])
    actors = [person(text, "Hassan Rouhani", "IR"), person(text, "Recep Tayyip Erdogan", "TR")]
    found = sorted(extract_meetings(doc, actors), key=lambda m: m.status.value)
    assert [(m.parties, m.status) for m in found] == [
        (("IR", "TR"), MeetingStatus.HELD), (("IR", "TR"), MeetingStatus.PLANNED)]
    held, planned = found
    assert held.date == TimeValue.day(dt.date(2020, 3, 2))
    assert planned.date == TimeValue.day(dt.date(2020, 3, 6))
    assert planned.place is not None and planned.place.name == "Tehran"
    assert planned.participants == held.participants
    assert len(planned.participants) == 2


def test_he_opening_a_sentence_is_the_person_told_about_before() -> None:
    text = ("Egyptian President Abdel Fattah al-Sisi chaired a security meeting in Cairo. "
            "Later, he spoke with Israeli Prime Minister Benjamin Netanyahu by telephone, "
            "his office said.")
    doc = make_doc(text)
    actors = [person(text, "Abdel Fattah al-Sisi", "EG"),
              person(text, "Benjamin Netanyahu", "IL")]
    m = one(extract_meetings(doc, actors))
    assert m.kind is MeetingKind.PHONE_CALL
    assert m.parties == ("EG", "IL")
    assert set(m.participants) == {"person:abdel-fattah-al-sisi", "person:benjamin-netanyahu"}


def test_a_delegation_that_has_been_somewhere_since_a_day_is_still_talking() -> None:
    text = ("An Iranian delegation has been in Ankara since Monday for talks with Turkish "
            "officials, but there was no sign of progress.")
    since = TimeValue.between(dt.date(2020, 3, 2), dt.date(2020, 3, 4))
    doc = make_doc(text, times=[("since Monday", since)])
    m = one(extract_meetings(doc))
    assert m.parties == ("IR", "TR")
    assert m.status is MeetingStatus.ONGOING
    assert m.place is not None and m.place.name == "Ankara"


def test_a_phone_call_is_not_the_talks_a_delegation_holds_in_a_city() -> None:
    text = ("Turkish President Recep Tayyip Erdogan spoke with Iranian President Hassan "
            "Rouhani by telephone on Monday. An Iranian delegation has been in Ankara since "
            "Monday for talks with Turkish officials.")
    actors = [person(text, "Recep Tayyip Erdogan", "TR"), person(text, "Hassan Rouhani", "IR")]
    found = extract_meetings(make_doc(text), actors)
    assert sorted(m.kind.value for m in found) == ["phone_call", "talks"]
    call = next(m for m in found if m.kind is MeetingKind.PHONE_CALL)
    assert call.place is None


def test_officials_who_spent_days_in_a_capital_held_talks_there() -> None:
    text = ("Iranian military officials spent three days in Ankara last week working out the "
            "details of the border zone.")
    last_week = TimeValue.between(dt.date(2020, 2, 24), dt.date(2020, 3, 1))
    doc = make_doc(text, times=[("last week", last_week)])
    m = one(extract_meetings(doc))
    assert m.parties == ("IR", "TR")
    assert m.place is not None and m.place.name == "Ankara"
    assert m.status is MeetingStatus.HELD
    assert m.date == last_week


def test_one_state_s_people_spending_days_at_home_is_no_meeting() -> None:
    text = "Turkish officials spent three days in Ankara last week preparing the budget."
    assert extract_meetings(make_doc(text)) == ()


def test_talks_on_two_days_joined_by_and_span_both() -> None:
    text = "Iranian and Turkish officials held talks on Monday and Tuesday in Tehran."
    doc = make_doc(text, times=[("on Monday", TimeValue.day(dt.date(2020, 3, 2))),
                                ("Tuesday", TimeValue.day(dt.date(2020, 3, 3)))])
    m = one(extract_meetings(doc))
    assert m.date is not None
    assert (m.date.start, m.date.end) == (dt.date(2020, 3, 2), dt.date(2020, 3, 3))


def test_the_sides_will_keep_talking_is_a_planned_meeting() -> None:
    text = ("Iranian and Turkish delegations held talks in Tehran on Monday without a deal. "
            "The sides will keep talking, officials said.")
    doc = make_doc(text, times=[("on Monday", TimeValue.day(dt.date(2020, 3, 2)))])
    found = sorted(extract_meetings(doc), key=lambda m: m.status.value)
    assert [(m.parties, m.status) for m in found] == [
        (("IR", "TR"), MeetingStatus.HELD), (("IR", "TR"), MeetingStatus.PLANNED)]


def test_they_met_takes_the_persons_named_before_in_the_sentence() -> None:
    text = ("The truce rests on the accord that Iranian President Hassan Rouhani and Turkish "
            "President Recep Tayyip Erdogan signed when they met in Tehran in May 2019.")
    doc = make_doc(text, times=[("in May 2019", TimeValue.month(2019, 5))])
    actors = [person(text, "Hassan Rouhani", "IR"), person(text, "Recep Tayyip Erdogan", "TR")]
    m = one(extract_meetings(doc, actors))
    assert m.parties == ("IR", "TR")
    assert len(m.participants) == 2
    assert m.place is not None and m.place.name == "Tehran"
    assert m.status is MeetingStatus.HELD
    assert m.date == TimeValue.month(2019, 5)


def test_a_lead_telling_the_talks_before_naming_the_sides_dates_them() -> None:
    text = ("The fifth round of the Geneva talks wrapped up on Wednesday with a short "
            "statement. The Iranian and Turkish delegations met over two days.")
    wed = TimeValue.day(dt.date(2020, 3, 4))
    doc = make_doc(text, published=dt.date(2020, 3, 5), times=[("on Wednesday", wed)])
    m = one(extract_meetings(doc))
    assert m.parties == ("IR", "TR")
    assert m.date == wed
    assert len(m.evidence) >= 2


def test_a_one_state_meeting_before_a_call_does_not_place_the_call() -> None:
    text = ("Erdogan held an emergency security meeting in Ankara. On Friday, he spoke with "
            "Iranian President Hassan Rouhani by telephone.")
    actors = [person(text, "Recep Tayyip Erdogan", "TR"), person(text, "Hassan Rouhani", "IR")]
    m = one(extract_meetings(make_doc(text), actors))
    assert m.kind is MeetingKind.PHONE_CALL
    assert m.place is None


# --------------------------------------------------------------------------- read end to end
# (constructions the rules above were generalised to; each test reads its own sentences
# through every built-in plugin)


def _read(pipeline: object, text: str) -> tuple[list[Meeting], dict[str, str]]:
    r = pipeline.parse(text, id="e2e", published=dt.date(2020, 3, 4))  # type: ignore[attr-defined]
    return list(r.meetings), {a.id: a.name for a in r.actors}


def _who(m: Meeting, names: dict[str, str]) -> set[str]:
    return {names.get(p, p) for p in m.participants}


def test_the_speaker_who_says_he_will_travel_is_the_visitor(pipeline: object) -> None:
    found, names = _read(pipeline, "Russian Defence Minister Sergei Shoigu said he would "
                                   "fly to Ankara on Friday.")
    m = one(found)
    assert (m.kind, m.status, m.parties) == (MeetingKind.VISIT, MeetingStatus.PLANNED,
                                             ("RU", "TR"))
    assert m.place is not None and m.place.name == "Ankara"
    assert m.date is not None and m.date.iso == "2020-03-06"
    assert _who(m, names) == {"Sergei Shoigu"}


def test_a_speaker_expecting_others_to_meet_is_not_a_participant(pipeline: object) -> None:
    found, names = _read(pipeline, "Kremlin spokesman Dmitry Peskov said he expected "
                                   "Vladimir Putin and Recep Tayyip Erdogan to meet soon.")
    m = one(found)
    assert "Dmitry Peskov" not in _who(m, names)


def test_a_journey_without_a_named_traveller_is_no_visit(pipeline: object) -> None:
    found, _ = _read(pipeline, "Thousands of Syrian refugees travel to Turkey each month.")
    assert found == []


def test_a_delegation_that_has_been_in_a_capital_since_a_day(pipeline: object) -> None:
    found, _ = _read(pipeline, "A Turkish military delegation has been in Moscow since "
                               "Monday for consultations on northern Syria.")
    m = one(found)
    assert (m.parties, m.status) == (("RU", "TR"), MeetingStatus.ONGOING)
    assert m.place is not None and m.place.name == "Moscow"
    assert m.date is not None and m.date.start == dt.date(2020, 3, 2)


def test_a_call_with_one_leader_and_with_another_is_two_calls(pipeline: object) -> None:
    found, names = _read(
        pipeline, "Iranian President Hassan Rouhani spoke by phone with Russian President "
        "Vladimir Putin on Tuesday and with Turkish President Recep Tayyip Erdogan, his "
        "office said.")
    assert [m.parties for m in found] == [("IR", "RU"), ("IR", "TR")]
    assert [_who(m, names) for m in found] == [{"Hassan Rouhani", "Vladimir Putin"},
                                               {"Hassan Rouhani", "Recep Tayyip Erdogan"}]
    assert all(m.kind is MeetingKind.PHONE_CALL for m in found)
    assert {m.date.iso for m in found if m.date} == {"2020-03-03"}
    assert all(m.date is not None for m in found)


@pytest.mark.parametrize("text", [
    "After the meeting, NATO chief Jens Stoltenberg condemned the shelling by the Syrian "
    "army and Iran and urged both to stop.",
    "After the talks, Sergei Lavrov criticised the Israeli and American strikes.",
])
def test_after_the_talks_the_states_of_the_rest_are_no_parties(
    pipeline: object, text: str
) -> None:
    found, _ = _read(pipeline, text)
    assert found == []


def test_meetings_on_the_occasion_of_a_summit_and_the_next_summit(pipeline: object) -> None:
    found, _ = _read(
        pipeline, "Putin, Erdogan and Rouhani met in Tehran on Friday for a summit on Syria. "
        "Before the summit, Putin and Rouhani held a separate meeting. Erdogan also met "
        "Rouhani one on one. The presidents agreed to hold their next summit in Russia.")
    summary = [(m.parties, m.place.name if m.place else None, m.date.iso if m.date else None,
                m.status) for m in found]
    held = MeetingStatus.HELD
    assert summary == [
        (("IR", "RU", "TR"), "Tehran", "2020-02-28", held),
        (("IR", "RU"), "Tehran", "2020-02-28", held),
        (("IR", "TR"), "Tehran", "2020-02-28", held),
        (("IR", "RU", "TR"), "Russia", None, MeetingStatus.PLANNED),
    ]


def test_a_headline_rubric_names_no_party(pipeline: object) -> None:
    found, _ = _read(
        pipeline, "Libya crisis: Lavrov and Cavusoglu hold talks in Moscow\n\nRussian "
        "Foreign Minister Sergei Lavrov and his Turkish counterpart Mevlut Cavusoglu held "
        "talks in Moscow on Monday.\n")
    m = one(found)
    assert m.parties == ("RU", "TR")
    assert m.date is not None and m.date.iso == "2020-03-02"


@pytest.mark.parametrize("text", [
    "The ceasefire took effect on Sunday, three days after Putin hosted Erdogan in Sochi.",
    "On Tuesday, Turkey's state broadcaster, TRT, reported that Turkish Foreign Minister "
    "Mevlut Cavusoglu had met Russian Foreign Minister Sergei Lavrov in Antalya.",
])
def test_the_date_of_another_event_is_not_the_meetings(pipeline: object, text: str) -> None:
    m = one(_read(pipeline, text)[0])
    assert m.parties == ("RU", "TR")
    assert m.date is None


def test_where_talks_ended_is_their_place_not_their_topic(pipeline: object) -> None:
    found, _ = _read(pipeline, "Turkish-Russian consultations on the Idlib de-escalation "
                               "zone that concluded in Ankara on Thursday produced no result.")
    m = one(found)
    assert m.place is not None and m.place.name == "Ankara"
    assert m.date is not None and m.date.iso == "2020-02-27"


def test_earlier_meetings_of_a_series_told_with_a_count(pipeline: object) -> None:
    found, _ = _read(pipeline, "Russian and Turkish officials met in Moscow on Monday. It "
                               "was their third round of talks, after two meetings in Ankara "
                               "last month.")
    assert [(m.parties, m.place.name if m.place else None) for m in found] == [
        (("RU", "TR"), "Moscow"), (("RU", "TR"), "Ankara")]
    assert found[1].date is not None and found[1].date.iso == "2020-02"


@pytest.mark.parametrize(("text", "kind", "status"), [
    ("In a phone call on Monday, Lavrov and Cavusoglu agreed to step up work on the "
     "memorandum.", MeetingKind.PHONE_CALL, MeetingStatus.HELD),
    ("Sergei Lavrov and Mevlut Cavusoglu agreed to meet in Antalya on March 20.",
     MeetingKind.TALKS, MeetingStatus.PLANNED),
    ("Russian and Iranian diplomats have been holding consultations in Tehran since "
     "Monday.", MeetingKind.TALKS, MeetingStatus.ONGOING),
    ("Vladimir Putin telephoned Hassan Rouhani on Saturday.", MeetingKind.PHONE_CALL,
     MeetingStatus.HELD),
    ("Mevlut Cavusoglu spoke with Sergei Lavrov on Saturday about the patrols.",
     MeetingKind.TALKS, MeetingStatus.HELD),
])
def test_verbs_of_talking_and_what_agreed_to_is_about(
    pipeline: object, text: str, kind: MeetingKind, status: MeetingStatus
) -> None:
    m = one(_read(pipeline, text)[0])
    assert (m.kind, m.status) == (kind, status)
    assert len(m.parties) == 2


def test_a_city_naming_a_series_of_talks_is_no_party(pipeline: object) -> None:
    found, _ = _read(pipeline, "Iran, Russia and Turkey, the guarantors of the Astana "
                               "process, held talks in Geneva on Tuesday.")
    assert one(found).parties == ("IR", "RU", "TR")


def test_the_next_trilateral_summit_is_one_of_the_summits_told(pipeline: object) -> None:
    found, _ = _read(pipeline, "Putin, Erdogan and Rouhani held a summit in Sochi on Friday. "
                               "Turkey will host the next trilateral summit.")
    assert [(m.parties, m.status) for m in found] == [
        (("IR", "RU", "TR"), MeetingStatus.HELD), (("IR", "RU", "TR"), MeetingStatus.PLANNED)]


@pytest.mark.parametrize("text", [
    "Iranian President Hassan Rouhani held separate phone calls with Putin and Erdogan on "
    "Tuesday.",
    "Rouhani spoke separately by telephone with Russian President Vladimir Putin and "
    "Turkish President Recep Tayyip Erdogan on Tuesday.",
])
def test_separate_calls_with_two_leaders_are_two_calls(pipeline: object, text: str) -> None:
    found, _ = _read(pipeline, text)
    assert [(m.kind, m.parties) for m in found] == [
        (MeetingKind.PHONE_CALL, ("IR", "RU")), (MeetingKind.PHONE_CALL, ("IR", "TR"))]


def test_ministers_who_attended_the_meeting_are_participants(pipeline: object) -> None:
    found, names = _read(pipeline, "Putin hosted Erdogan in the Kremlin on Monday. Russian "
                                   "Defence Minister Sergei Shoigu and Foreign Minister Sergei "
                                   "Lavrov attended the talks.")
    assert {"Sergei Shoigu", "Sergei Lavrov"} <= _who(one(found), names)


@pytest.mark.parametrize(("text", "place", "status"), [
    ("Cavusoglu is in Moscow for talks with Lavrov.", "Moscow", MeetingStatus.ONGOING),
    ("Iranian and Turkish diplomats are continuing their talks in Tehran.", "Tehran",
     MeetingStatus.ONGOING),
    ("Russian officials flew to Ankara on Monday for consultations.", "Ankara",
     MeetingStatus.HELD),
])
def test_talks_under_way_and_officials_travelling(
    pipeline: object, text: str, place: str, status: MeetingStatus
) -> None:
    m = one(_read(pipeline, text)[0])
    assert m.place is not None and m.place.name == place
    assert m.status is status
    assert len(m.parties) == 2


def test_they_met_again_with_no_meeting_told_before(pipeline: object) -> None:
    found, _ = _read(pipeline, "Rouhani had hosted Erdogan in Tehran in 2018 and the two "
                               "leaders met again in Ankara in April 2019.")
    assert [m.parties for m in found] == [("IR", "TR")]


def test_the_city_of_the_event_whose_sidelines_held_the_talks(pipeline: object) -> None:
    found, _ = _read(pipeline, "Cavusoglu discussed Syria with his Iranian counterpart "
                               "Javad Zarif on the sidelines of the Munich Security Conference.")
    m = one(found)
    assert m.place is not None and m.place.name == "Munich"


def test_a_topic_ends_at_a_second_verb(pipeline: object) -> None:
    found, _ = _read(pipeline, "Putin, Erdogan and Rouhani held a summit in Sochi on Friday. "
                               "The three leaders talked about Idlib and decided to hold the "
                               "next summit in Tehran in May.")
    assert [m.place.name if m.place else None for m in found] == ["Sochi", "Tehran"]


def test_the_day_written_after_the_talks_told_before_dates_them(pipeline: object) -> None:
    found, _ = _read(pipeline, "Iranian and Turkish officials met in Tehran to discuss the "
                               "border. The talks on Tuesday produced no agreement.")
    m = one(found)
    assert m.date is not None and m.date.iso == "2020-03-03"


@pytest.mark.parametrize(("text", "place", "status"), [
    ("An Iranian delegation will go to Ankara next week to discuss the border.", "Ankara",
     MeetingStatus.PLANNED),
    ("Lavrov went to Tehran on Monday to meet Zarif.", "Tehran", MeetingStatus.HELD),
    ("Rouhani will host Putin and Erdogan in Tehran for a three-way summit.", "Tehran",
     MeetingStatus.PLANNED),
    ("Iranian and Turkish military officials held a videoconference on Monday.", None,
     MeetingStatus.HELD),
    ("A meeting of the leaders of Iran, Russia and Turkey on Syria is planned for next week "
     "in Ankara.", "Ankara", MeetingStatus.PLANNED),
])
def test_journeys_hosts_and_video_talks(
    pipeline: object, text: str, place: str | None, status: MeetingStatus
) -> None:
    m = one(_read(pipeline, text)[0])
    assert (m.place.name if m.place else None, m.status) == (place, status)


@pytest.mark.parametrize("text", [
    "Turkey, which already hosts 3.6 million Syrians, fears a new wave of refugees.",
    "The Russian cosmonaut and two American astronauts travelled to the space station.",
])
def test_hosting_refugees_and_journeys_nowhere_are_no_meetings(
    pipeline: object, text: str
) -> None:
    assert _read(pipeline, text)[0] == []


@pytest.mark.parametrize("text", [
    "Rouhani told Putin in a telephone conversation on Friday that the strikes must stop.",
    "Rouhani said during talks with Putin on Friday that the strikes must stop.",
])
def test_the_speaker_who_spoke_at_the_meeting_takes_part(pipeline: object, text: str) -> None:
    found, names = _read(pipeline, text)
    m = one(found)
    assert m.parties == ("IR", "RU")
    assert _who(m, names) == {"Rouhani", "Putin"}


def test_a_last_visit_is_another_meeting_than_the_talks_told(pipeline: object) -> None:
    found, _ = _read(pipeline, "Rouhani and Putin held talks in the Kremlin. Rouhani last "
                               "visited Moscow in March 2017.")
    assert [(m.parties, m.date.iso if m.date else None) for m in found] == [
        (("IR", "RU"), None), (("IR", "RU"), "2017-03")]


def test_the_states_of_a_relative_clause_on_a_person_are_no_parties(pipeline: object) -> None:
    found, _ = _read(pipeline, "Rouhani spoke by phone with Turkish President Recep Tayyip "
                               "Erdogan, who urged Russia to rein in the Syrian army.")
    assert one(found).parties == ("IR", "TR")


def test_who_stood_by_the_speaker_of_a_quotation_is_no_party(pipeline: object) -> None:
    found, _ = _read(
        pipeline, "Iranian and Turkish officials held talks in Tehran on Monday. \"We will "
        "meet again in Ankara,\" Cavusoglu told reporters in Baku alongside his Azerbaijani "
        "counterpart Jeyhun Bayramov.")
    assert [(m.parties, m.status) for m in found] == [
        (("IR", "TR"), MeetingStatus.HELD), (("IR", "TR"), MeetingStatus.PLANNED)]


def test_a_state_named_as_the_subject_of_talks_in_another_clause(pipeline: object) -> None:
    found, _ = _read(pipeline, "Iranian and Turkish officials will hold more talks on "
                               "Syria's Idlib next week, after two days of negotiations in "
                               "Tehran failed to produce a deal.")
    assert all("SY" not in m.parties for m in found)


@pytest.mark.parametrize(("text", "parties", "place"), [
    ("Iranian President Hassan Rouhani received Russian envoy Alexander Lavrentiev in "
     "Tehran on Wednesday.", ("IR", "RU"), "Tehran"),
    ("The leaders of Iran, Russia and Turkey gathered in Sochi on Friday for a three-way "
     "summit.", ("IR", "RU", "TR"), "Sochi"),
    ("The Astana guarantors, Russia, Iran and Turkey, met in Geneva on Tuesday.",
     ("IR", "RU", "TR"), "Geneva"),
])
def test_receiving_gathering_and_a_series_named_by_a_city(
    pipeline: object, text: str, parties: tuple[str, ...], place: str
) -> None:
    m = one(_read(pipeline, text)[0])
    assert (m.parties, m.place.name if m.place else None) == (parties, place)


@pytest.mark.parametrize("text", [
    "Rouhani received a letter from Putin on Monday.",
    "Iran has received assurances from Russia that the strikes will stop.",
])
def test_receiving_a_thing_is_no_meeting(pipeline: object, text: str) -> None:
    assert _read(pipeline, text)[0] == []


@pytest.mark.parametrize(("text", "status"), [
    ("Rouhani and Putin could meet in Tehran next month, an aide said.",
     MeetingStatus.PLANNED),
    ("Rouhani and Putin met in Tehran on Monday but could not agree on the patrols.",
     MeetingStatus.HELD),
    ("Rouhani accepted Putin's invitation to visit Russia.", MeetingStatus.PLANNED),
])
def test_could_and_invitations_plan_a_meeting(
    pipeline: object, text: str, status: MeetingStatus
) -> None:
    assert one(_read(pipeline, text)[0]).status is status


def test_an_invitation_to_a_capital_places_the_talks(pipeline: object) -> None:
    m = one(_read(pipeline, "Rouhani invited Erdogan to Tehran for talks.")[0])
    assert m.place is not None and m.place.name == "Tehran"


@pytest.mark.parametrize("text", [
    "Iran wants a three-way summit with Russia and Turkey.",
    "Rouhani proposed a meeting of the Iranian, Russian and Turkish foreign ministers.",
])
def test_a_wish_or_a_proposal_is_no_meeting(pipeline: object, text: str) -> None:
    assert _read(pipeline, text)[0] == []


def test_states_joined_before_the_meeting_word_are_sides_not_its_place(
    pipeline: object
) -> None:
    found, _ = _read(pipeline, "Iran-Turkey talks on the border end without a deal\n\nTalks "
                               "between Iranian and Turkish officials in Tehran ended on "
                               "Tuesday without a deal.\n")
    m = one(found)
    assert m.place is not None and m.place.name == "Tehran"


def test_another_round_held_elsewhere_is_one_more_meeting(pipeline: object) -> None:
    found, _ = _read(pipeline, "Iranian and Turkish diplomats held consultations in Tehran "
                               "on February 3. Another round took place in Ankara on "
                               "February 12.")
    assert [(m.parties, m.place.name if m.place else None, m.status) for m in found] == [
        (("IR", "TR"), "Tehran", MeetingStatus.HELD),
        (("IR", "TR"), "Ankara", MeetingStatus.HELD)]


def test_a_visit_told_as_cancelled_after_its_plan(pipeline: object) -> None:
    m = one(_read(pipeline, "Rouhani had been due to travel to Ankara on Thursday but the "
                            "visit was cancelled.")[0])
    assert (m.status, m.parties) == (MeetingStatus.CANCELLED, ("IR", "TR"))


def test_a_summit_planned_for_a_city_is_placed_there(pipeline: object) -> None:
    m = one(_read(pipeline, "The summit of Iran, Russia and Turkey planned for Sochi has "
                            "been postponed.")[0])
    assert m.place is not None and m.place.name == "Sochi"
    assert m.status is MeetingStatus.CANCELLED


def test_his_meeting_is_the_meeting_of_the_one_named_next(pipeline: object) -> None:
    found, names = _read(pipeline, "After his meeting with Putin, Rouhani told reporters "
                                   "that the strikes would stop.")
    m = one(found)
    assert m.parties == ("IR", "RU")
    assert _who(m, names) == {"Rouhani", "Putin"}


def test_speaking_after_talks_the_speaker_took_part(pipeline: object) -> None:
    found, names = _read(pipeline, "Speaking after talks with Rouhani in Tehran on Monday, "
                                   "Putin said the strikes would stop.")
    m = one(found)
    assert (m.parties, _who(m, names)) == (("IR", "RU"), {"Rouhani", "Putin"})
    assert m.place is not None and m.place.name == "Tehran"


def test_a_call_and_the_meeting_agreed_in_it(pipeline: object) -> None:
    found, _ = _read(pipeline, "Rouhani and Putin spoke by phone on Monday and agreed to meet "
                               "in Tehran next week.")
    assert [(m.kind, m.status, m.place.name if m.place else None) for m in found] == [
        (MeetingKind.PHONE_CALL, MeetingStatus.HELD, None),
        (MeetingKind.TALKS, MeetingStatus.PLANNED, "Tehran")]
    assert all(m.parties == ("IR", "RU") for m in found)


@pytest.mark.parametrize(("second", "joins"), [
    ("Sergei Shoigu, the Russian defence minister, was also at the talks.", True),
    ("Sergei Shoigu was also at the Kremlin.", False),
])
def test_a_minister_also_at_the_talks_takes_part(
    pipeline: object, second: str, joins: bool
) -> None:
    found, names = _read(pipeline, "Rouhani and Putin met in Sochi on Tuesday. " + second)
    assert ("Sergei Shoigu" in _who(one(found), names)) is joins


@pytest.mark.parametrize("text", [
    "Lavrov and Cavusoglu held talks by video link on Monday, two weeks after a meeting "
    "planned in Ankara was shelved because of the outbreak.",
    "Rouhani and Putin spoke by phone on Monday, following a summit in Tehran that was "
    "called off at the last minute.",
    "Erdogan and Putin hold talks on Idlib by video conference after virus scraps Moscow "
    "meeting",
])
def test_a_meeting_called_off_told_after_the_one_held(pipeline: object, text: str) -> None:
    found, _ = _read(pipeline, text)
    assert [m.status for m in found] == [MeetingStatus.HELD, MeetingStatus.CANCELLED]
    assert found[0].place is None
    assert found[1].place is not None and found[1].parties == found[0].parties


@pytest.mark.parametrize(("text", "parties"), [
    ("Putin, Erdogan and Rouhani hold Syria summit in Sochi", ("IR", "RU", "TR")),
    ("Lavrov and Cavusoglu discuss Libya at Syria talks in Antalya", ("RU", "TR")),
    ("Russia-Turkey talks on Idlib end without a deal", ("RU", "TR")),
])
def test_a_lone_state_before_the_meeting_word_is_its_subject(
    pipeline: object, text: str, parties: tuple[str, ...]
) -> None:
    m = one(_read(pipeline, text)[0])
    assert m.parties == parties
    assert m.place is None or m.place.name not in ("Syria", "Libya")


@pytest.mark.parametrize("text", [
    "The clashes, which began on February 2, killed more than 40 fighters on both sides.",
    "Dozens of fighters from both sides died in the fighting on Monday, monitors said.",
    "Shelling by the two sides continued through the night of March 1.",
])
def test_both_sides_of_a_battle_are_no_meeting(pipeline: object, text: str) -> None:
    found, _ = _read(pipeline, "Rouhani and Putin met in Sochi on Tuesday. " + text)
    m = one(found)
    assert m.date is not None and m.date.iso == "2020-03-03"


@pytest.mark.parametrize("text", [
    "Lavrov had been due in Ankara on March 10 for talks with Cavusoglu, but the visit was "
    "called off. Both sides said the meeting had been postponed and that officials would "
    "keep talking.",
    "Shoigu had been due in Ankara on March 10 to meet Akar, but the trip was postponed. The "
    "meeting was put off and contacts will continue.",
])
def test_a_visit_due_then_called_off(pipeline: object, text: str) -> None:
    m = one(_read(pipeline, text)[0])
    assert (m.status, m.parties) == (MeetingStatus.CANCELLED, ("RU", "TR"))
    assert m.date is not None and m.date.iso == "2020-03-10"


@pytest.mark.parametrize(("text", "date", "place"), [
    ("Vladimir Putin and Recep Tayyip Erdogan agreed on Monday to widen the truce, after "
     "four hours of talks in the Kremlin.", "2020-03-02", "Moscow"),
    ("Russia and Turkey agreed on Thursday to set up joint patrols, following talks in "
     "Ankara.", "2020-02-27", "Ankara"),
    ("Lavrov and Cavusoglu signed a memorandum on March 2, after a meeting in Sochi.",
     "2020-03-02", "Sochi"),
])
def test_talks_told_as_the_occasion_of_what_was_agreed(
    pipeline: object, text: str, date: str, place: str
) -> None:
    m = one(_read(pipeline, text)[0])
    assert (m.parties, m.status) == (("RU", "TR"), MeetingStatus.HELD)
    assert m.date is not None and m.date.iso == date
    assert m.place is not None and m.place.name == place


@pytest.mark.parametrize("quote", [
    '"We will coordinate the forces of Iran and Russia," Putin told reporters after the '
    'meeting.',
    '"Syria and Israel must stop," Putin said at the meeting.',
])
def test_the_states_a_quotation_names_are_no_parties(pipeline: object, quote: str) -> None:
    found, _ = _read(pipeline, "Putin and Erdogan met in Sochi on Monday. " + quote)
    m = one(found)
    assert m.parties == ("RU", "TR")
    assert m.place is not None and m.place.name == "Sochi"


@pytest.mark.parametrize(("text", "date"), [
    ("Russian and Turkish military officials held talks in Ankara on February 17 and 18.",
     "2020-02-17/2020-02-18"),
    ("Iranian and Russian diplomats met in Geneva on 24 and 25 February.",
     "2020-02-24/2020-02-25"),
    ("Lavrov and Cavusoglu met in Antalya on February 10 and 11 in a hotel by the sea.",
     "2020-02-10/2020-02-11"),
    ("Lavrov and Cavusoglu met in Antalya on February 10 and 24.", "2020-02-10"),
    ("Lavrov and Cavusoglu met in Antalya on February 10 and 11 officials joined them.",
     "2020-02-10"),
])
def test_two_days_written_with_one_month(pipeline: object, text: str, date: str) -> None:
    m = one(_read(pipeline, text)[0])
    assert m.date is not None and m.date.iso == date


@pytest.mark.parametrize(("text", "place"), [
    ("The foreign ministers of Russia, Turkey and Iran met in the Iranian capital, Tehran, "
     "on Monday.", "Tehran"),
    ("Lavrov and Cavusoglu held talks in the Turkish resort town, Antalya, on Monday.",
     "Antalya"),
])
def test_a_city_named_in_apposition_is_the_place(pipeline: object, text: str, place: str) -> None:
    m = one(_read(pipeline, text)[0])
    assert m.place is not None and m.place.name == place


@pytest.mark.parametrize(("text", "date", "place"), [
    ("It was the first meeting between Putin and Erdogan since October 2019, when they "
     "signed a memorandum in Sochi.", "2019-10", "Sochi"),
    ("The talks were the first between Lavrov and Cavusoglu since January 13, when they "
     "met in Moscow.", "2020-01-13", "Moscow"),
    ("It was the first phone call between Rouhani and Putin since 2018.", "2018", None),
])
def test_the_first_meeting_since_a_time_tells_the_one_before(
    pipeline: object, text: str, date: str, place: str | None
) -> None:
    found, names = _read(pipeline, "Russian President Vladimir Putin and Iranian President "
                                   "Hassan Rouhani met in Tehran on Monday. Turkish President "
                                   "Recep Tayyip Erdogan hosted Putin in Ankara on Tuesday. "
                                   + text)
    earlier = [m for m in found if m.date is not None and m.date.iso == date]
    m = one(earlier)
    assert len(_who(m, names)) == 2
    assert (m.place.name if m.place else None) == place
    assert m.status is MeetingStatus.HELD
    assert all(m.date is not None and m.date.iso.startswith("2020-03") for m in found[:2])


def test_a_first_meeting_since_an_event_tells_none(pipeline: object) -> None:
    found, _ = _read(pipeline, "Putin and Erdogan met in Sochi on Monday, their first meeting "
                               "since the ceasefire collapsed.")
    assert len(found) == 1


def test_the_meeting_before_a_journey_to_a_capital_adds_its_host(pipeline: object) -> None:
    found, _ = _read(pipeline, "Putin, Erdogan and Rouhani held a video summit on Monday. It "
                               "was their first meeting since November, when Putin and Rouhani "
                               "flew to Ankara.")
    m = one([m for m in found if m.date is not None and m.date.iso == "2019-11"])
    assert m.parties == ("IR", "RU", "TR")
    assert m.place is not None and m.place.name == "Ankara"


@pytest.mark.parametrize(("text", "status"), [
    ("Recep Tayyip Erdogan flew to Moscow on Wednesday for hastily arranged talks with "
     "Vladimir Putin, hoping to stop a Syrian army push on Saraqib.", MeetingStatus.HELD),
    ("Recep Tayyip Erdogan travelled to Moscow on Wednesday for specially arranged talks with "
     "Vladimir Putin, seeking to halt an Iranian-backed offensive.", MeetingStatus.HELD),
    # (arrived on the day of the report: the visit is under way)
    ("Russian Defence Minister Sergei Shoigu arrived in Ankara on Wednesday for talks with "
     "Turkish officials, in a bid to keep Syrian forces out of the zone.",
     MeetingStatus.ONGOING),
])
def test_a_journey_for_talks_and_the_aim_of_it(
    pipeline: object, text: str, status: MeetingStatus
) -> None:
    m = one(_read(pipeline, text)[0])
    assert (m.parties, m.status) == (("RU", "TR"), status)
    assert m.date is not None and m.date.iso == "2020-03-04"


@pytest.mark.parametrize("second", [
    "The visit was agreed in a telephone call between the leaders last Friday.",
    "The trip was arranged in a phone call between the presidents on Friday.",
])
def test_a_call_in_which_the_meeting_was_agreed(pipeline: object, second: str) -> None:
    found, names = _read(pipeline, "Russian President Vladimir Putin hosted Turkish President "
                                   "Recep Tayyip Erdogan in Moscow on Tuesday. " + second)
    calls = [m for m in found if m.kind is MeetingKind.PHONE_CALL]
    m = one(calls)
    assert m.parties == ("RU", "TR")
    assert m.date is not None and m.date.iso == "2020-02-28"
    assert _who(m, names) == {"Vladimir Putin", "Recep Tayyip Erdogan"}


@pytest.mark.parametrize("aide", [
    "Yuri Ushakov, the Kremlin's foreign policy aide, told reporters",
    "Dmitry Peskov, a Kremlin spokesman, said",
])
def test_the_next_summit_with_a_third_state_and_the_aide_who_tells_it(
    pipeline: object, aide: str
) -> None:
    found, _ = _read(pipeline, "Russian President Vladimir Putin and Turkish President "
                               "Recep Tayyip Erdogan met in Moscow on Monday. " + aide +
                               " that the two presidents would also prepare the next "
                               "three-way summit with Iran.")
    planned = found[1]
    assert planned.parties == ("IR", "RU", "TR")
    assert not planned.participants


def test_the_one_who_will_travel_to_meet_a_named_leader(pipeline: object) -> None:
    found, names = _read(pipeline, "Turkish President Recep Tayyip Erdogan said he would fly to "
                                   "Moscow on Thursday to meet Russian President Vladimir "
                                   "Putin, and said he hoped for a truce.")
    assert _who(one(found), names) == {"Recep Tayyip Erdogan", "Vladimir Putin"}


@pytest.mark.parametrize("said", [
    "Putin said Russia reserved the right to help Damascus.",
    "Erdogan said Turkey would not let Syria and Iran take the town.",
])
def test_what_is_said_after_the_meeting_names_no_side(pipeline: object, said: str) -> None:
    found, _ = _read(pipeline, "Putin and Erdogan met in Istanbul on Monday. Speaking at a news "
                               "conference after the meeting, " + said)
    m = one(found)
    assert m.parties == ("RU", "TR")


@pytest.mark.parametrize("second", [
    "Before the summit began, Putin sat down separately with Rouhani, the Kremlin said, and "
    "Erdogan received Merkel at his residence.",
    "Ahead of the summit, Putin met Rouhani, and Erdogan held talks with Merkel.",
])
def test_two_subjects_each_meeting_someone_on_a_summits_occasion(
    pipeline: object, second: str
) -> None:
    found, names = _read(pipeline, "Turkish President Recep Tayyip Erdogan hosted a summit of "
                                   "the leaders of Russia, Iran and Germany in Istanbul on "
                                   "Monday. " + second)
    assert [(m.parties, m.place.name if m.place else None) for m in found[1:]] == [
        (("IR", "RU"), "Istanbul"), (("DE", "TR"), "Istanbul")]
    assert _who(found[1], names) == {"Putin", "Rouhani"}
    assert all(m.date is not None and m.date.iso == "2020-03-02" for m in found)


@pytest.mark.parametrize(("text", "place"), [
    ("The next round of talks in the Astana format is due to take place in the Kazakh "
     "capital before the end of the year.", "Astana"),
    ("The next round in the Geneva format will be held in the Turkish capital by the end of "
     "the month.", "Ankara"),
])
def test_a_capital_named_by_its_state_and_a_series_named_by_a_city(
    pipeline: object, text: str, place: str
) -> None:
    found, _ = _read(pipeline, "Russian and Turkish officials met in Moscow on Monday. " + text)
    m = found[-1]
    assert m.status is MeetingStatus.PLANNED
    assert m.place is not None and m.place.name == place
    assert m.date is not None and m.date.start == dt.date(2020, 3, 4)


@pytest.mark.parametrize("text", [
    "Iranian Foreign Minister Mohammad Javad Zarif arrived in Moscow on Monday for talks with "
    "Sergei Lavrov, days after a visit to Ankara.",
    "Iranian Foreign Minister Mohammad Javad Zarif held talks with Sergei Lavrov in Moscow on "
    "Monday, following a trip to Beirut.",
])
def test_an_earlier_journey_after_the_talks_is_not_of_their_sides(
    pipeline: object, text: str
) -> None:
    m = one(_read(pipeline, text)[0])
    assert m.parties == ("IR", "RU")
    assert m.place is not None and m.place.name == "Moscow"


@pytest.mark.parametrize(("second", "date", "place"), [
    ("It was their first face-to-face encounter since January, when Erdogan visited Moscow.",
     "2020-01", "Moscow"),
    ("It marked the first time since 2018, when Putin flew to Ankara.", "2018", "Ankara"),
])
def test_a_journey_told_as_the_last_time_before(
    pipeline: object, second: str, date: str, place: str
) -> None:
    found, _ = _read(pipeline, "Russian President Vladimir Putin and Turkish President Recep "
                               "Tayyip Erdogan met in Sochi on Monday. " + second)
    assert [(m.date.iso if m.date else None, m.place.name if m.place else None)
            for m in found] == [("2020-03-02", "Sochi"), (date, place)]


@pytest.mark.parametrize(("text", "who"), [
    ("The foreign ministers of Russia and Turkey met in Antalya on Monday. Russian Foreign "
     "Minister Sergei Lavrov later said the patrols would go on, and Turkish Foreign Minister "
     "Mevlut Cavusoglu agreed.", {"Sergei Lavrov", "Mevlut Cavusoglu"}),
    ("Russian and Turkish defence ministers held talks in Ankara on Monday. Turkish Defence "
     "Minister Hulusi Akar said the talks went well.", set()),
])
def test_ministers_told_by_office_are_the_holders_named(
    pipeline: object, text: str, who: set[str]
) -> None:
    found, names = _read(pipeline, text)
    m = found[0]
    assert m.parties == ("RU", "TR")
    assert _who(m, names) == who


@pytest.mark.parametrize(("text", "status", "place"), [
    ("Turkish President Recep Tayyip Erdogan called off his trip to Moscow.",
     MeetingStatus.CANCELLED, "Moscow"),
    ("Russian Foreign Minister Sergei Lavrov will make a trip to Ankara next week.",
     MeetingStatus.PLANNED, "Ankara"),
    # (a stay or a journey "to see" a person)
    ("Erdogan was in Moscow on Monday to see Putin.", MeetingStatus.HELD, "Moscow"),
    ("Lavrov is due in Ankara next week to see his Turkish counterpart.",
     MeetingStatus.PLANNED, "Ankara"),
    ("The Turkish leader headed to Moscow on Thursday to see Vladimir Putin.",
     MeetingStatus.HELD, "Moscow"),
])
def test_a_trip_to_a_capital_is_a_visit(
    pipeline: object, text: str, status: MeetingStatus, place: str
) -> None:
    m = one(_read(pipeline, text)[0])
    assert (m.kind, m.status, m.parties) == (MeetingKind.VISIT, status, ("RU", "TR"))
    assert m.place is not None and m.place.name == place


@pytest.mark.parametrize("text", [
    "Thousands of refugees made the dangerous trip to Europe.",
    "The minister went on a fishing trip to the coast.",
])
def test_other_trips_are_no_visits(pipeline: object, text: str) -> None:
    assert _read(pipeline, text)[0] == []


@pytest.mark.parametrize(("text", "status"), [
    ("Turkish President Recep Tayyip Erdogan will receive Russian Foreign Minister Sergei "
     "Lavrov in Ankara on Monday.", MeetingStatus.PLANNED),
    ("A meeting of Russian and Turkish defence ministers in Ankara has been delayed.",
     MeetingStatus.CANCELLED),
    ("Talks between Russian and Turkish officials in Ankara were pushed back to April.",
     MeetingStatus.CANCELLED),
])
def test_receiving_a_visitor_and_meetings_put_back(
    pipeline: object, text: str, status: MeetingStatus
) -> None:
    m = one(_read(pipeline, text)[0])
    assert (m.parties, m.status) == (("RU", "TR"), status)
    assert m.place is not None and m.place.name == "Ankara"


def test_receiving_arms_is_no_meeting(pipeline: object) -> None:
    assert _read(pipeline, "Turkey will receive a new batch of S-400 missiles from Russia.")[0] \
        == []


@pytest.mark.parametrize(("text", "parties"), [
    ("Russian, Turkish and Iranian foreign ministers gathered in Geneva on Monday.",
     ("IR", "RU", "TR")),
    ("Turkish and Russian military officials convened in Ankara on Tuesday.", ("RU", "TR")),
    ("Thousands of protesters gathered in Istanbul on Sunday against the Russian strikes.", ()),
    ("Syrian refugees gathered in Idlib near the Turkish border.", ()),
])
def test_officials_gathered_somewhere_meet_there(
    pipeline: object, text: str, parties: tuple[str, ...]
) -> None:
    found, _ = _read(pipeline, text)
    assert [m.parties for m in found] == ([parties] if parties else [])


# --------------------------------------------------------------------------- accuracy pass 3


@pytest.mark.parametrize(("text", "date", "place"), [
    ("Russian President Vladimir Putin pressed Turkish President Recep Tayyip Erdogan on "
     "Monday to pull back his troops. The two leaders met for two hours at a Black Sea "
     "residence in Sochi.", "2020-03-02", "Sochi"),
    ("Cavusoglu urged Lavrov on Tuesday to respect the truce. The pair held talks in Antalya.",
     "2020-03-03", "Antalya"),
    ("Hulusi Akar criticised Sergei Shoigu over the strikes on Friday. They met in Ankara on "
     "Sunday.", "2020-03-01", "Ankara"),
])
def test_the_two_leaders_named_in_the_sentence_before(
    pipeline: object, text: str, date: str, place: str
) -> None:
    m = one(_read(pipeline, text)[0])
    assert (m.parties, m.status) == (("RU", "TR"), MeetingStatus.HELD)
    assert len(m.participants) == 2
    assert m.date is not None and m.date.iso == date
    assert m.place is not None and m.place.name == place


def test_the_two_sides_of_a_clash_told_before_are_no_meeting(pipeline: object) -> None:
    text = ("Turkish troops and Syrian soldiers exchanged fire near Saraqib on Monday. The two "
            "sides met again on the road to Idlib.")
    assert _read(pipeline, text)[0] == []


@pytest.mark.parametrize("text", [
    "Lavrov and Cavusoglu met in Antalya on Friday. They had held talks in Geneva on May 11.",
    "Lavrov and Cavusoglu met in Antalya on Friday. Earlier, the pair had met in Geneva on "
    "May 11.",
    "Lavrov and Cavusoglu met in Antalya on Friday; the two ministers held talks in Geneva on "
    "May 11.",
])
def test_the_same_leaders_on_another_day_meet_again(pipeline: object, text: str) -> None:
    found = _read(pipeline, text)[0]
    assert [(m.place and m.place.name, m.date and m.date.iso) for m in found] == [
        ("Antalya", "2020-02-28"), ("Geneva", "2019-05-11")]
    assert all(m.parties == ("RU", "TR") and len(m.participants) == 2 for m in found)


@pytest.mark.parametrize(("text", "place"), [
    ("Diplomats from Russia, Iran and Turkey will meet in the Kazakh capital, Astana, in "
     "May.", "Astana"),
    ("Iranian and Russian envoys held a round of talks in the Kazakh capital Nur-Sultan last "
     "week.", "Astana"),
    ("Russian and Turkish diplomats will hold talks in the Egyptian capital, Cairo, next week.",
     "Cairo"),
])
def test_a_capital_named_after_its_state_is_no_party(
    pipeline: object, text: str, place: str
) -> None:
    m = one(_read(pipeline, text)[0])
    assert "KZ" not in m.parties and "EG" not in m.parties and len(m.parties) >= 2
    assert m.place is not None and m.place.name == place


@pytest.mark.parametrize(("text", "date"), [
    ("Negotiators from Iran, Russia and Turkey will meet in Geneva on Monday and Tuesday "
     "for another round of talks.", "2020-03-09/2020-03-10"),
    ("Turkish and Russian negotiators will meet in Moscow on Friday for a new round of talks.",
     "2020-03-06"),
    ("Turkish and Russian delegations are to gather in Ankara on March 12 for a further round "
     "of consultations.", "2020-03-12"),
])
def test_the_day_of_a_new_round_told_before_its_words(
    pipeline: object, text: str, date: str
) -> None:
    m = one(_read(pipeline, text)[0])
    assert m.status is MeetingStatus.PLANNED
    assert m.date is not None and m.date.iso == date


@pytest.mark.parametrize("text", [
    "Turkey hosts about four million refugees, and Cavusoglu has asked Europe for more money.",
    "Jordan, which is hosting about 650,000 Syrians, has asked Assad to take them back.",
    "Lebanon hosted more than a million refugees last year, Putin told Aoun.",
])
def test_hosting_a_number_of_people_is_no_meeting(pipeline: object, text: str) -> None:
    assert _read(pipeline, text)[0] == []


def test_hosting_leaders_is_still_a_meeting(pipeline: object) -> None:
    m = one(_read(pipeline, "Erdogan hosted Putin and Rouhani in Ankara on Monday.")[0])
    assert m.parties == ("IR", "RU", "TR")


@pytest.mark.parametrize("text", [
    "The truce brokered by Moscow was holding on Tuesday, although a US raid on a meeting of "
    "militant commanders near Idlib killed nine.",
    "Russian jets bombed a gathering of rebel commanders near Idlib on Monday, Turkey said.",
    "A raid on a meeting of jihadist leaders near the Turkish border left 12 dead, Moscow said.",
])
def test_a_meeting_hit_by_an_attack_is_no_talks(pipeline: object, text: str) -> None:
    assert _read(pipeline, text)[0] == []


@pytest.mark.parametrize(("text", "date"), [
    ("The next test comes on Thursday, when Cavusoglu is expected in Sochi for talks with "
     "Lavrov.", "2020-03-05"),
    ("All eyes are on Monday, when Lavrov is expected in Ankara for talks with Cavusoglu.",
     "2020-03-09"),
    ("The truce held until February 20, when Erdogan met Putin in Moscow.", "2020-02-20"),
])
def test_the_time_a_when_clause_follows(pipeline: object, text: str, date: str) -> None:
    m = one(_read(pipeline, text)[0])
    assert m.parties == ("RU", "TR")
    assert m.date is not None and m.date.iso == date


@pytest.mark.parametrize("text", [
    "Lavrov met Cavusoglu on Monday and they will meet again on Friday.",
    "Lavrov met Cavusoglu on Monday and the two ministers will meet again on Friday.",
])
def test_and_they_will_meet_again(pipeline: object, text: str) -> None:
    found = _read(pipeline, text)[0]
    assert [(m.status, m.date and m.date.iso) for m in found] == [
        (MeetingStatus.HELD, "2020-03-02"), (MeetingStatus.PLANNED, "2020-03-06")]


SUMMIT_DAY = (
    "Turkish President Recep Tayyip Erdogan welcomed Hassan Rouhani and Vladimir Putin to Ankara "
    "on Monday. Ahead of the three-way summit, Erdogan held separate talks with Rouhani and with "
    "Putin. Rouhani and Putin met one-on-one later in the day. Turkish Vice President Fuat Oktay "
    "received Rouhani and Putin separately. Turkish Foreign Minister Mevlut Cavusoglu, who met "
    "his Iranian and Russian counterparts Javad Zarif and Sergei Lavrov on the sidelines, told "
    "reporters the three guarantors were united."
)


def test_the_meetings_around_a_summit_are_each_their_own(pipeline: object) -> None:
    found, names = _read(pipeline, SUMMIT_DAY)
    told = sorted((m.parties, tuple(sorted(_who(m, names)))) for m in found)
    assert told == sorted([
        (("IR", "RU", "TR"), ("Hassan Rouhani", "Recep Tayyip Erdogan", "Vladimir Putin")),
        (("IR", "TR"), ("Hassan Rouhani", "Recep Tayyip Erdogan")),
        (("RU", "TR"), ("Recep Tayyip Erdogan", "Vladimir Putin")),
        (("IR", "RU"), ("Hassan Rouhani", "Vladimir Putin")),
        (("IR", "TR"), ("Fuat Oktay", "Hassan Rouhani")),
        (("RU", "TR"), ("Fuat Oktay", "Vladimir Putin")),
        (("IR", "RU", "TR"), ("Javad Zarif", "Mevlut Cavusoglu", "Sergei Lavrov")),
    ])
    assert all(m.place is not None and m.place.name == "Ankara" for m in found)
    assert all(m.date is not None and m.date.iso == "2020-03-02" for m in found)


@pytest.mark.parametrize(("text", "place"), [
    ("Erdogan welcomed Putin to Ankara on Monday.", "Ankara"),
    # (a seat of government: the capital it stands in, the city GOLD.md asks for)
    ("Putin welcomed the Turkish delegation to the Kremlin on Tuesday.", "Moscow"),
    ("The Iranian president, welcoming Lavrov and Cavusoglu to Tehran on Monday, urged calm.",
     "Tehran"),
])
def test_welcomed_to_a_place_names_the_venue(pipeline: object, text: str, place: str) -> None:
    m = one(_read(pipeline, text)[0])
    assert m.place is not None and m.place.name == place


@pytest.mark.parametrize(("text", "date"), [
    ("Akar visited troops on the border on Monday. Hours later he had a phone call with "
     "Shoigu.", "2020-03-02"),
    ("Russian jets hit a Turkish convoy near Idlib on Friday. Later that day, Akar held talks "
     "with Shoigu by phone.", "2020-02-28"),
    ("Two Turkish soldiers were killed by Syrian shelling on February 20. Shortly afterwards, "
     "Cavusoglu spoke to Lavrov by phone.", "2020-02-20"),
])
def test_hours_later_is_the_day_told_before(pipeline: object, text: str, date: str) -> None:
    m = one(_read(pipeline, text)[0])
    assert m.parties == ("RU", "TR")
    assert m.date is not None and m.date.iso == date


@pytest.mark.parametrize(("text", "parties"), [
    # the country after a town ("in Osaka, Japan") is where
    ("Erdogan and Putin talked for forty minutes on the margins of a summit in Buenos Aires, "
     "Argentina.",
     ("RU", "TR")),
    ("Turkish and Russian diplomats held talks in Geneva, Switzerland, on Monday.",
     ("RU", "TR")),
    ("Cavusoglu met Lavrov in Antalya, Turkey, to discuss the truce.", ("RU", "TR")),
    # an envoy's brief ("the envoy for Syria") is what about
    ("Joel Rayburn, the US special representative for Syria, met Turkish diplomats in "
     "Ankara on Friday.", ("TR", "US")),
    ("The US envoy for Syria, Joel Rayburn, held talks with Turkish diplomats in Ankara.",
     ("TR", "US")),
    ("America's special envoy on Syria held talks with Turkish officials in Ankara on Monday.",
     ("TR", "US")),
])
def test_a_towns_country_and_an_envoys_brief_are_no_parties(
    pipeline: object, text: str, parties: tuple[str, ...]
) -> None:
    assert one(_read(pipeline, text)[0]).parties == parties


@pytest.mark.parametrize("text", [
    "Lavrov held talks with Turkish officials in Ankara on Monday and said Moscow would help.",
    "Shoigu met Turkish commanders in Ankara on Monday and told reporters the truce held.",
    "Russia's Lavrentiev held talks with Turkish diplomats in Ankara on Monday and said the "
    "talks were useful.",
])
def test_talks_before_and_said_are_no_statement(pipeline: object, text: str) -> None:
    m = one(_read(pipeline, text)[0])
    assert m.parties == ("RU", "TR")
    assert m.place is not None and m.place.name == "Ankara"
    assert m.date is not None and m.date.iso == "2020-03-02"


@pytest.mark.parametrize("second", [
    "A Turkish diplomat said both sides would continue the discussions in Moscow soon.",
    "The discussions will continue in Moscow next week, a Turkish diplomat said.",
    "Both sides agreed to resume consultations in Moscow next week.",
])
def test_discussions_to_continue_are_a_new_round(pipeline: object, second: str) -> None:
    found = _read(pipeline, "Russian and Turkish delegations held talks in Ankara on Monday. "
                  + second)[0]
    assert [(m.parties, m.status, m.place and m.place.name) for m in found] == [
        (("RU", "TR"), MeetingStatus.HELD, "Ankara"),
        (("RU", "TR"), MeetingStatus.PLANNED, "Moscow")]


@pytest.mark.parametrize("second", [
    "Alexander Lavrentiev, the Kremlin's envoy, who led the Russian team, told reporters "
    "the mood was good.",
    "Alexander Lavrentiev, who headed the Russian delegation, said the talks were useful.",
    "Alexander Lavrentiev, who was leading the Russian team, called the talks constructive.",
])
def test_who_led_a_delegation_took_part(pipeline: object, second: str) -> None:
    found, names = _read(pipeline, "Russian, Turkish and Iranian envoys held talks in Astana "
                                   "on Monday. " + second)
    m = one(found)
    assert m.parties == ("IR", "RU", "TR")
    assert _who(m, names) == {"Alexander Lavrentiev"}


def test_who_led_something_else_takes_no_part(pipeline: object) -> None:
    found, _ = _read(pipeline, "Turkish and Russian officials met in Ankara on Monday. Sedat "
                               "Onal, who led the Turkish army in 2016, was not there.")
    assert one(found).participants == ()


@pytest.mark.parametrize(("text", "place"), [
    ("Lavrov and Cavusoglu held talks outside Moscow on Wednesday.", "Moscow"),
    ("Putin and Erdogan met at a residence near Sochi on Friday.", "Sochi"),
    ("Cavusoglu and Lavrov held talks on Monday outside Antalya.", "Antalya"),
])
def test_a_meeting_outside_or_near_a_town(pipeline: object, text: str, place: str) -> None:
    m = one(_read(pipeline, text)[0])
    assert m.place is not None and m.place.name == place


@pytest.mark.parametrize("text", [
    "Foreign Minister Hakan Fidan, speaking after talks with his Russian counterpart Sergei "
    "Lavrov in Ankara, said Iran would wait for the outcome.",
    "Speaking after talks with Erdogan in Sochi, Putin said Iran would be asked to help.",
    "Lavrov, speaking at a news conference after meeting Cavusoglu in Antalya, said Tehran "
    "would have to wait for the next summit before Iran gets a say.",
])
def test_what_the_speaker_after_talks_said_is_no_side(pipeline: object, text: str) -> None:
    m = one(_read(pipeline, text)[0])
    assert (m.parties, m.status) == (("RU", "TR"), MeetingStatus.HELD)


@pytest.mark.parametrize(("text", "dates"), [
    ("Turkish and Russian military officials held talks in Baku on February 11 and 13.",
     ["2020-02-11", "2020-02-13"]),
    ("Iranian and Turkish envoys met in Geneva on 3 and 6 February.",
     ["2020-02-03", "2020-02-06"]),
    ("Lavrov and Cavusoglu met on Monday and Wednesday.", ["2020-03-02", "2020-03-04"]),
    ("Lavrov and Cavusoglu met on Monday and Tuesday.", ["2020-03-02/2020-03-03"]),
    ("Lavrov and Cavusoglu met on February 18 and February 20.",
     ["2020-02-18", "2020-02-20"]),
])
def test_two_days_apart_are_two_meetings(pipeline: object, text: str, dates: list[str]) -> None:
    found = _read(pipeline, text)[0]
    assert [m.date.iso for m in found if m.date is not None] == dates
    assert len(found) == len(dates)


@pytest.mark.parametrize(("text", "told"), [
    ("Cavusoglu met Lavrov on Monday and Zarif on Tuesday.",
     [(("RU", "TR"), None, "2020-03-02"), (("IR", "TR"), None, "2020-03-03")]),
    ("Erdogan met Putin in Sochi on Monday and Rouhani in Tehran on Wednesday.",
     [(("RU", "TR"), "Sochi", "2020-03-02"), (("IR", "TR"), "Tehran", "2020-03-04")]),
    ("Erdogan will meet Putin on Thursday and Rouhani on Friday.",
     [(("RU", "TR"), None, "2020-03-05"), (("IR", "TR"), None, "2020-03-06")]),
])
def test_one_meeting_another_on_another_day(
    pipeline: object, text: str, told: list[tuple[tuple[str, ...], str | None, str]]
) -> None:
    found = _read(pipeline, text)[0]
    assert [(m.parties, m.place and m.place.name, m.date and m.date.iso) for m in found] == told


@pytest.mark.parametrize("text", [
    "At their talks in Sochi on Monday, Putin and Erdogan agreed to set up a buffer zone.",
    "Putin and Erdogan pledged to keep the truce, at their meeting in Sochi on Monday.",
    "Cavusoglu praised Lavrov on Monday. In their talks in Sochi, the ministers agreed on "
    "patrols.",
])
def test_their_meeting_is_of_the_persons_around(pipeline: object, text: str) -> None:
    m = one(_read(pipeline, text)[0])
    assert (m.parties, m.place and m.place.name, len(m.participants)) == (
        ("RU", "TR"), "Sochi", 2)


@pytest.mark.parametrize(("text", "parties"), [
    ("Lavrov welcomed Cavusoglu to Moscow on Tuesday.", ("RU", "TR")),
    ("Putin welcomed his Turkish counterpart at the Kremlin on Thursday.", ("RU", "TR")),
    ("Ankara welcomed Russian Foreign Minister Sergei Lavrov on Monday.", ("RU", "TR")),
    ("Erdogan welcomed the Russian proposal for a ceasefire.", ()),
    ("Erdogan welcomed Putin's decision to halt the offensive.", ()),
])
def test_welcoming_a_person_is_a_meeting(
    pipeline: object, text: str, parties: tuple[str, ...]
) -> None:
    assert [m.parties for m in _read(pipeline, text)[0]] == ([parties] if parties else [])


@pytest.mark.parametrize("second", [
    "The pair are expected to speak by phone in the coming days.",
    "They are due to meet in Moscow next week.",
    "The two men will hold talks in Sochi soon.",
])
def test_the_two_leaders_to_meet_are_not_dated_by_the_sentence_before(
    pipeline: object, second: str
) -> None:
    m = one(_read(pipeline, "Erdogan warned Putin on Friday. " + second)[0])
    assert (m.parties, m.status) == (("RU", "TR"), MeetingStatus.PLANNED)
    assert m.date is None or m.date.start > dt.date(2020, 3, 4)


@pytest.mark.parametrize("second", [
    "The three leaders will meet again in Ankara in September.",
    "Officials of the three countries will meet in Ankara in September.",
    "A meeting of the three foreign ministers is planned in Ankara in September.",
])
def test_the_three_states_told_before(pipeline: object, second: str) -> None:
    found = _read(pipeline, "Putin, Erdogan and Rouhani held a summit in Tehran on Monday. "
                  + second)[0]
    assert [(m.parties, m.place and m.place.name, m.status) for m in found] == [
        (("IR", "RU", "TR"), "Tehran", MeetingStatus.HELD),
        (("IR", "RU", "TR"), "Ankara", MeetingStatus.PLANNED)]


@pytest.mark.parametrize("text", [
    "Erdogan criticised Putin on Friday. During their phone call, the two leaders agreed to "
    "meet soon.",
    "Erdogan and Putin spoke by phone on Friday. During their call, they agreed to meet in "
    "Moscow next week.",
    "Akar met Shoigu in Ankara on Friday. At their meeting, the two ministers agreed to talk "
    "again in Moscow next week.",
])
def test_what_was_agreed_at_their_meeting_is_to_come(pipeline: object, text: str) -> None:
    held, planned = _read(pipeline, text)[0]
    assert (held.status, planned.status) == (MeetingStatus.HELD, MeetingStatus.PLANNED)
    assert held.parties == planned.parties == ("RU", "TR")
    assert held.date is not None and held.date.iso == "2020-02-28"
    assert planned.date is None or planned.date.start > dt.date(2020, 3, 4)


@pytest.mark.parametrize(("second", "place", "date"), [
    ("It was the first summit of the three states since Moscow hosted the three leaders in "
     "May 2018.", "Moscow", "2018-05"),
    ("It was their first in-person meeting since the three presidents met in Sochi in 2019.",
     "Sochi", "2019"),
])
def test_the_first_meeting_since_another_is_told(
    pipeline: object, second: str, place: str, date: str
) -> None:
    found = _read(pipeline, "Putin, Erdogan and Rouhani held a summit in Tehran on Tuesday. "
                  + second)[0]
    assert [(m.parties, m.place and m.place.name, m.date and m.date.iso) for m in found] == [
        (("IR", "RU", "TR"), "Tehran", "2020-03-03"), (("IR", "RU", "TR"), place, date)]


@pytest.mark.parametrize("second", [
    "Iranian Foreign Minister Javad Zarif, who met his Russian and Turkish colleagues Sergei "
    "Lavrov and Mevlut Cavusoglu on the margins, told journalists Iran was satisfied.",
    "Iranian Foreign Minister Javad Zarif, who held talks with Sergei Lavrov and Mevlut "
    "Cavusoglu on the margins, said the guarantors were united.",
    "Iran's Foreign Minister Javad Zarif, who sat down with his Russian and Turkish peers "
    "Sergei Lavrov and Mevlut Cavusoglu on the margins, told journalists that the format "
    "was working.",
])
def test_ministers_meeting_at_a_summit_told_in_a_relative_clause(
    pipeline: object, second: str
) -> None:
    found, names = _read(pipeline, "Putin, Erdogan and Rouhani held a summit in Tehran on "
                                   "Monday. " + second)
    assert sorted(tuple(sorted(_who(m, names))) for m in found) == [
        ("Erdogan", "Putin", "Rouhani"), ("Javad Zarif", "Mevlut Cavusoglu", "Sergei Lavrov")]
    assert all(m.parties == ("IR", "RU", "TR") and m.place is not None
               and m.place.name == "Tehran" for m in found)


@pytest.mark.parametrize(("text", "host"), [
    ("Lavrov and Cavusoglu met in Antalya on Friday. They held talks in Geneva on May 11 on "
     "the sidelines of a meeting with Iran.", ("IR", "RU", "TR")),
    ("Cavusoglu met Lavrov on the sidelines of a summit with Iranian President Hassan Rouhani "
     "in Geneva on Monday.", ("IR", "RU", "TR")),
    ("Lavrov and Cavusoglu held talks in Geneva on Monday on the sidelines of a meeting "
     "with Iran and Qatar.", ("IR", "QA", "RU", "TR")),
    # (a conference is no meeting of states: its members are no side of the talks)
    ("Lavrov and Cavusoglu held talks in Geneva on Monday on the sidelines of a conference "
     "with Iran and Qatar.", None),
])
def test_talks_on_the_sidelines_of_a_summit_with_others(
    pipeline: object, text: str, host: tuple[str, ...] | None
) -> None:
    found = _read(pipeline, text)[0]
    side = [m for m in found if m.parties == ("RU", "TR") and m.place is not None
            and m.place.name == "Geneva"]
    summit = [m for m in found if m.parties == host]
    assert len(side) == 1 and len(summit) == (1 if host else 0)
    assert side[0].kind is not MeetingKind.SUMMIT
    assert all(m.date == side[0].date and m.place == side[0].place for m in summit)


@pytest.mark.parametrize("text", [
    "Russian Foreign Ministry officials held talks with their Turkish colleagues in Moscow on "
    "Tuesday.",
    "Lavrov said he had discussed Idlib with his Turkish partners by phone on Monday.",
    "Russian diplomats met their Turkish peers in Geneva on Monday.",
])
def test_colleagues_partners_and_peers_are_sides(pipeline: object, text: str) -> None:
    assert one(_read(pipeline, text)[0]).parties == ("RU", "TR")


@pytest.mark.parametrize("text", [
    "No date has been set for a meeting between Erdogan and Putin.",
    "The Kremlin did not rule out a meeting between Putin and Erdogan.",
    "Peskov said a possible meeting between Putin and Erdogan was being discussed.",
    "Erdogan threatened to cancel his meeting with Putin.",
])
def test_meetings_mooted_are_to_come(pipeline: object, text: str) -> None:
    m = one(_read(pipeline, text)[0])
    assert (m.parties, m.status) == (("RU", "TR"), MeetingStatus.PLANNED)


@pytest.mark.parametrize("text", [
    "At a separate meeting in Ankara on Monday, Akar hosted a delegation from Iran led by "
    "Deputy Foreign Minister Abbas Araghchi.",
    "A delegation from Iran led by Abbas Araghchi held talks with Turkish officials in Ankara "
    "on Monday.",
])
def test_a_delegation_from_a_state_led_by_someone(pipeline: object, text: str) -> None:
    m = one(_read(pipeline, text)[0])
    assert (m.parties, m.place and m.place.name) == (("IR", "TR"), "Ankara")


@pytest.mark.parametrize(("text", "place", "date"), [
    ("After last week's summit in Moscow, Lavrov met Cavusoglu in Antalya on Monday.",
     "Antalya", "2020-03-02"),
    ("Before Thursday's summit, Erdogan spoke by phone with Putin.", None, None),
    ("Ahead of Friday's talks in Sochi, Akar and Shoigu met in Ankara on Monday.",
     "Ankara", "2020-03-02"),
])
def test_a_meeting_named_by_its_day_before_the_clause_is_not_its_own(
    pipeline: object, text: str, place: str | None, date: str | None
) -> None:
    m = one(_read(pipeline, text)[0])
    assert (m.place and m.place.name, m.date and m.date.iso) == (place, date)


def test_the_leaders_last_met_are_the_leaders_told(pipeline: object) -> None:
    found, names = _read(pipeline, "Erdogan and Putin met in Moscow on Thursday. The leaders "
                                   "last met in Sochi in October 2019.")
    assert [(m.place and m.place.name, _who(m, names)) for m in found] == [
        ("Moscow", {"Erdogan", "Putin"}), ("Sochi", {"Erdogan", "Putin"})]


@pytest.mark.parametrize(("text", "date"), [
    ("Putin is to make his first visit to Turkey since 2018 next month.", "2020-04"),
    ("Lavrov will make his first trip to Ankara since 2019 on March 12.", "2020-03-12"),
])
def test_a_first_visit_since_a_year_made_later(pipeline: object, text: str, date: str) -> None:
    found = _read(pipeline, text)[0]
    planned = [m for m in found if m.status is MeetingStatus.PLANNED]
    assert len(planned) == 1 and planned[0].date is not None and planned[0].date.iso == date


@pytest.mark.parametrize(("text", "date"), [
    ("Following long negotiations in the Kremlin, Putin and Erdogan signed an annex to the "
     "2018 memorandum.", None),
    ("Lavrov and Cavusoglu discussed the 2019 truce in a phone call.", None),
    ("Putin and Erdogan agreed on a truce at the 2019 summit in Sochi.", "2019"),
])
def test_a_year_naming_another_thing_does_not_date_the_meeting(
    pipeline: object, text: str, date: str | None
) -> None:
    m = one(_read(pipeline, text)[0])
    assert (m.date and m.date.iso) == date


# --------------------------------------------------------------------------- accuracy pass 4
# (each test: one way news tells a meeting, in several wordings of our own)


@pytest.mark.parametrize(("text", "parties", "place", "date"), [
    ("Iran's foreign minister, Javad Zarif, arrived in Ankara on Thursday for talks on trade.",
     ("IR", "TR"), "Ankara", "2020-02-27"),
    ("Egypt's President Abdel Fattah al-Sisi came to Moscow on Monday, seeking Russian "
     "support over Libya.", ("EG", "RU"), "Moscow", "2020-03-02"),
    ("The Iranian foreign minister is coming to Damascus next week.", ("IR", "SY"),
     "Damascus", "2020-03-09/2020-03-15"),
])
def test_an_arrival_is_a_visit(
    pipeline: object, text: str, parties: tuple[str, ...], place: str, date: str
) -> None:
    m = one(_read(pipeline, text)[0])
    assert m.parties == parties
    assert m.place is not None and m.place.name == place
    assert m.date is not None and m.date.iso == date


@pytest.mark.parametrize("text", [
    "Defence Minister Robert Hill said more Australian troops had arrived in Kabul.",
    "Syrian refugees arrived in Turkey on Monday.",
    "Vladimir Putin came to power in 2000.",
    "Turkey came to the conclusion that the deal had failed.",
    "Russian Defence Minister Sergei Shoigu said Russian soldiers had arrived in Aleppo.",
])
def test_arrivals_of_troops_or_crowds_are_no_visit(pipeline: object, text: str) -> None:
    assert _read(pipeline, text)[0] == []


@pytest.mark.parametrize(("text", "place"), [
    ("Iranian President Hassan Rouhani came to the Kremlin on Tuesday.", "Moscow"),
    ("US President Donald Trump welcomed Erdogan to the White House on Thursday.",
     "Washington"),
    ("Putin and Erdogan held talks at the Kremlin on Thursday.", "Moscow"),
])
def test_a_seat_of_government_is_its_capital(pipeline: object, text: str, place: str) -> None:
    m = one(_read(pipeline, text)[0])
    assert m.place is not None and m.place.name == place


@pytest.mark.parametrize("text", [
    "Putin and Erdogan held talks in Sochi on Tuesday. Russia's Putin and Erdogan last met "
    "in December, when they joined Iranian President Hassan Rouhani for a trilateral summit "
    "in Ankara.",
    # (a day and a full stop before a known surname: the sentence ends, no first name)
    "Putin and Erdogan held talks in Sochi on Tuesday. Putin and Erdogan last met in "
    "December, when they held a trilateral summit in Ankara with Iranian President "
    "Hassan Rouhani.",
    "Putin and Erdogan held talks in Sochi on Tuesday. The two presidents last met in "
    "December, when they attended a summit in Ankara with Rouhani.",
    "Putin and Erdogan met in Sochi on Monday. They last spoke in December, when they met "
    "Hassan Rouhani in Ankara for a three-way summit.",
])
def test_last_met_then_when_is_one_earlier_meeting(pipeline: object, text: str) -> None:
    found = _read(pipeline, text)[0]
    assert len(found) == 2
    earlier = found[1]
    assert earlier.parties == ("IR", "RU", "TR")
    assert earlier.place is not None and earlier.place.name == "Ankara"
    assert earlier.date is not None and earlier.date.iso == "2019-12"


@pytest.mark.parametrize("text", [
    "Putin plans to visit Ankara on April 14 to see Erdogan. Jordan hosted a meeting of "
    "Syrian and Turkish officials in Amman last week. The two men last talked by phone in "
    "January.",
    "Putin is expected in Ankara on April 14 to hold talks with Erdogan. Syrian and Turkish "
    "diplomats met in Amman on Monday. The two leaders had last met in Sochi in January.",
])
def test_the_two_men_are_the_persons_of_the_last_meeting_of_persons(
    pipeline: object, text: str
) -> None:
    found, names = _read(pipeline, text)
    last = found[-1]
    assert last.parties == ("RU", "TR")
    assert _who(last, names) == {"Putin", "Erdogan"}
    assert last.date is not None and last.date.iso == "2020-01"


@pytest.mark.parametrize(("text", "place"), [
    ("Putin, Erdogan and Rouhani met in Sochi on Tuesday. Turkey is due to host their next "
     "summit.", "Turkey"),
    ("Putin, Erdogan and Rouhani met in Sochi on Tuesday. Turkey is due to host their "
     "following summit.", "Turkey"),
    ("Putin, Erdogan and Rouhani held talks in Sochi on Monday. A subsequent summit is to "
     "be staged in Iran.", "Iran"),
    ("Putin, Erdogan and Rouhani met in Sochi on Monday; the following meeting will take "
     "place in Turkey.", "Turkey"),
    ("Putin, Erdogan and Rouhani met in Sochi on Monday. The next summit will be hosted by "
     "Iran.", "Iran"),
    ("Putin, Erdogan and Rouhani met in Sochi on Monday. Iran is set to host the next "
     "meeting.", "Iran"),
])
def test_the_host_of_the_next_summit_is_its_place(
    pipeline: object, text: str, place: str
) -> None:
    found = _read(pipeline, text)[0]
    assert len(found) == 2
    m = found[1]
    assert (m.status, m.parties) == (MeetingStatus.PLANNED, ("IR", "RU", "TR"))
    assert m.place is not None and m.place.name == place


@pytest.mark.parametrize("text", [
    "The accord was reached at a round of talks in Vienna on February 12, and taken up again "
    "when the Russian leader, Vladimir Putin, visited Ankara on February 27.",
    "The accord was drafted at talks in Vienna on February 12 and confirmed when Turkish "
    "President Erdogan met Russian President Putin in Moscow on February 27.",
])
def test_again_when_a_visit_is_a_meeting_of_its_own(pipeline: object, text: str) -> None:
    found = _read(pipeline, text)[0]
    last = found[-1]
    assert last.parties == ("RU", "TR")
    assert last.date is not None and last.date.iso == "2020-02-27"
    assert last.place is not None and last.place.name in ("Ankara", "Moscow")
    assert all(m.date is None or m.date.iso != "2020-02-12" or m.place is None
               or m.place.name == "Vienna" for m in found)


@pytest.mark.parametrize(("text", "parties"), [
    ("Putin received Erdogan in Moscow on Tuesday, and the pair also discussed a "
     "reconciliation between Turkey and Syria's Assad.", ("RU", "TR")),
    ("Russian and Turkish officials met in Ankara on Monday, weighing a new truce between "
     "Syria and Israel.", ("RU", "TR")),
    ("Putin and Erdogan discussed the rift between Ankara and Damascus in a phone call on "
     "Monday.", ("RU", "TR")),
    ("Talks on a ceasefire between Russian and Turkish officials ended in Moscow on Monday.",
     ("RU", "TR")),
    ("Talks on Idlib between Russia and Turkey ended in Moscow on Monday.", ("RU", "TR")),
])
def test_a_relation_between_states_is_a_topic(
    pipeline: object, text: str, parties: tuple[str, ...]
) -> None:
    m = one(_read(pipeline, text)[0])
    assert m.parties == parties


@pytest.mark.parametrize("text", [
    "Jordan's foreign minister said on Sunday that he was working to host talks between "
    "Syrian and Turkish envoys in Amman.",
    "Qatar hopes to host talks between Syrian and Turkish diplomats in Doha.",
    "Egypt is seeking to arrange a meeting of Turkish and Syrian envoys in Cairo.",
])
def test_a_meeting_someone_works_towards_is_planned(pipeline: object, text: str) -> None:
    m = one(_read(pipeline, text)[0])
    assert m.status is MeetingStatus.PLANNED
    assert {"SY", "TR"} <= set(m.parties)


@pytest.mark.parametrize("text", [
    "Erdogan flew to Moscow on Thursday, hoping to secure a truce with Putin.",
    "Iranian President Hassan Rouhani met Vladimir Putin in Moscow on Tuesday, seeking to "
    "rescue a stalled trade pact.",
    "Lavrov held talks with Cavusoglu in Antalya on Monday, working to ease tensions.",
])
def test_the_aim_of_a_meeting_held_does_not_make_it_planned(
    pipeline: object, text: str
) -> None:
    assert one(_read(pipeline, text)[0]).status is MeetingStatus.HELD


@pytest.mark.parametrize(("text", "earlier_who"), [
    ("Putin held talks in Moscow on Monday with China's President Xi Jinping, whom he last "
     "hosted in June 2019.", {"Putin", "Xi Jinping"}),
    # (a day before the subject is not its first name)
    ("On Monday Putin held talks in Moscow with China's President Xi Jinping, whom he last "
     "hosted in June 2019.", {"Putin", "Xi Jinping"}),
    ("Erdogan met Iran's President Hassan Rouhani in Istanbul on Monday, who he last "
     "received in November.", {"Erdogan", "Hassan Rouhani"}),
    ("On Monday Russian Foreign Minister Sergei Lavrov met Iran's Foreign Minister Javad "
     "Zarif, who last visited Moscow in January.", {"Javad Zarif"}),
])
def test_whom_he_last_met_is_an_earlier_meeting(
    pipeline: object, text: str, earlier_who: set[str]
) -> None:
    found, names = _read(pipeline, text)
    assert len(found) == 2
    now, earlier = found
    assert now.date is not None and now.date.iso == "2020-03-02"
    assert earlier.date is not None and earlier.date.iso[:4] in ("2019", "2020")
    assert earlier.date.iso != "2020-03-02"
    assert earlier.parties == now.parties
    assert _who(earlier, names) == earlier_who


@pytest.mark.parametrize("second", [
    "Earlier in the day, Putin had separate talks with China's Xi Jinping.",
    "Earlier that day, Putin sat down with Chinese President Xi Jinping.",
    "Later in the day, Putin met Chinese President Xi Jinping.",
])
def test_earlier_in_the_day_is_the_day_of_the_meeting_told(
    pipeline: object, second: str
) -> None:
    found = _read(pipeline, "Putin met Erdogan in Astana on Wednesday. " + second)[0]
    assert [(m.parties, m.date and m.date.iso) for m in found] == [
        (("RU", "TR"), "2020-03-04"), (("CN", "RU"), "2020-03-04")]


@pytest.mark.parametrize("second", [
    "Their talks took place in Astana during a regional summit, a three-day event "
    "hosted by Kazakhstan's leader, Kassym-Jomart Tokayev.",
    "The meeting was held in Astana, on the margins of a regional forum.",
    "Their talks were held at a hotel in Astana.",
])
def test_the_talks_took_place_in_a_city_of_the_country_told(
    pipeline: object, second: str
) -> None:
    text = "Vladimir Putin met Turkish President Recep Tayyip Erdogan in Kazakhstan on Tuesday. "
    found = _read(pipeline, text + second)[0]
    main = found[0]
    assert main.parties == ("RU", "TR")
    assert main.place is not None and main.place.name == "Astana"
    assert all("KZ" not in m.parties or len(m.parties) > 2 for m in found)


@pytest.mark.parametrize("text", [
    "The foreign ministers of Syria, Iran, Turkey and Russia met in Moscow on Wednesday. "
    "Deputy ministers from the four countries gathered in Moscow on February 6, and the "
    "defence and spy chiefs of the four met there on February 21.",
    "The foreign ministers of Syria, Iran, Turkey and Russia met in Moscow on Wednesday. "
    "Envoys of the four countries held talks in Moscow on February 6, and the defence "
    "ministers of the four met there on February 21.",
])
def test_the_four_countries_are_the_four_of_the_meeting_told(
    pipeline: object, text: str
) -> None:
    found = _read(pipeline, text)[0]
    assert [(m.parties, m.place and m.place.name, m.date and m.date.iso) for m in found] == [
        (("IR", "RU", "SY", "TR"), "Moscow", "2020-03-04"),
        (("IR", "RU", "SY", "TR"), "Moscow", "2020-02-06"),
        (("IR", "RU", "SY", "TR"), "Moscow", "2020-02-21"),
    ]


def test_the_four_countries_are_not_the_bilateral_told_last(pipeline: object) -> None:
    found = _read(pipeline, "Russian Foreign Minister Sergei Lavrov hosted his Turkish, "
                            "Syrian and Iranian counterparts in Moscow on Wednesday. Lavrov "
                            "had met the Syrian minister separately that morning. Deputy "
                            "ministers of the four countries met in Moscow on February 3.")[0]
    last = found[-1]
    assert last.parties == ("IR", "RU", "SY", "TR")
    assert last.date is not None and last.date.iso == "2020-02-03"


@pytest.mark.parametrize("second", [
    "Turkey was represented by Ambassador Mehmet Kaya and Iran by Deputy Foreign Minister "
    "Reza Karimi.",
    "Iran was represented by Vice Minister Reza Karimi, and Turkey by Ambassador Mehmet "
    "Kaya.",
    pytest.param(
        "Iran was represented by Reza Karimi, and Turkey by Mehmet Kaya.",
        marks=pytest.mark.xfail(strict=True, reason=(
            "a person who is neither in the actor list nor given a title is not recognised "
            "after 'represented by' (names of data/actors.json pass). Cause outside the "
            "meeting grammar: 'represented by' is not among actor_grammar.json's "
            "attribution_phrases (with it Reza Karimi is found; the gapped 'and Turkey by "
            "Mehmet Kaya' still is not)"))),
])
def test_a_state_represented_by_a_person_takes_part(pipeline: object, second: str) -> None:
    found, names = _read(pipeline, "Russian, Turkish and Iranian envoys met in Astana on "
                                   "Monday. " + second)
    m = one(found)
    assert m.parties == ("IR", "RU", "TR")
    assert {"Mehmet Kaya", "Reza Karimi"} <= _who(m, names)


@pytest.mark.parametrize(("text", "status"), [
    ("The roadmap was adopted on January 20-21 at an eighth round of negotiations held in "
     "Astana.", MeetingStatus.HELD),
    ("A fresh round of Astana talks is planned for May 14-15.", MeetingStatus.PLANNED),
    ("Diplomats said the Astana process would resume with a new round in April.",
     MeetingStatus.PLANNED),
])
def test_a_round_of_the_astana_series_is_of_its_guarantors(
    pipeline: object, text: str, status: MeetingStatus
) -> None:
    m = one(_read(pipeline, text)[0])
    assert (m.parties, m.status) == (("IR", "RU", "TR"), status)


@pytest.mark.parametrize("text", [
    "Erdogan and Putin talked in Astana on Tuesday, on the margins of a summit of the region.",
    "Talks between Xi and Putin took place in Astana on Tuesday.",
])
def test_other_talks_in_that_city_are_not_of_the_series(pipeline: object, text: str) -> None:
    assert "IR" not in one(_read(pipeline, text)[0]).parties


@pytest.mark.parametrize("text", [
    "Russian Foreign Minister Sergei Lavrov flew to Ankara on Monday, where he held talks with "
    "Turkish Foreign Minister Mevlut Cavusoglu.",
    "Lavrov arrived in Antalya on Monday for a diplomacy forum, where he met Cavusoglu.",
])
def test_he_in_a_later_clause_is_the_person_named_before(pipeline: object, text: str) -> None:
    found, names = _read(pipeline, text)
    m = one(found)
    assert m.parties == ("RU", "TR")
    assert {n.split()[-1] for n in _who(m, names)} == {"Lavrov", "Cavusoglu"}


@pytest.mark.parametrize(("text", "first_kind"), [
    ("Erdogan and Putin agreed in a phone call on Sunday to meet soon.",
     MeetingKind.PHONE_CALL),
    ("Lavrov and Cavusoglu decided during talks in Moscow on Monday to meet again in Ankara "
     "next month.", MeetingKind.TALKS),
    ("Russian and Turkish officials agreed during consultations in Ankara on Monday to "
     "continue talks in Moscow.", MeetingKind.TALKS),
])
def test_agreeing_at_a_meeting_to_meet_again_is_two_meetings(
    pipeline: object, text: str, first_kind: MeetingKind
) -> None:
    found = _read(pipeline, text)[0]
    assert [(m.kind is first_kind if i == 0 else True, m.status, m.parties)
            for i, m in enumerate(found)] == [
        (True, MeetingStatus.HELD, ("RU", "TR")), (True, MeetingStatus.PLANNED, ("RU", "TR"))]


@pytest.mark.parametrize(("text", "place"), [
    ("Egypt will host a meeting of Russian and Turkish officials in Cairo next week.", "Cairo"),
    ("Qatar hosted the foreign ministers of Russia and Turkey in Doha on Thursday.", "Doha"),
    ("Turkey is set to host talks between Iranian and Russian envoys in Istanbul next week.",
     "Istanbul"),
])
def test_a_city_named_in_the_host_state_is_the_place(
    pipeline: object, text: str, place: str
) -> None:
    m = one(_read(pipeline, text)[0])
    assert m.place is not None and m.place.name == place


@pytest.mark.parametrize("text", [
    "The Kremlin leader is expected in Ankara on April 9 for talks with Erdogan.",
    "The Kremlin leader will be in Ankara on April 9 to see Erdogan.",
    "The Kremlin chief will fly to Ankara on April 9 to meet Turkish officials.",
])
def test_the_kremlin_leader_is_russia(pipeline: object, text: str) -> None:
    m = one(_read(pipeline, text)[0])
    assert (m.parties, m.status) == (("RU", "TR"), MeetingStatus.PLANNED)
    assert m.place is not None and m.place.name == "Ankara"


@pytest.mark.parametrize("text", [
    "Moscow wants to see Erdogan pull his troops back from Idlib.",
    "Turkish officials said they were waiting to see whether Russia would keep the truce.",
    "Putin would like to see Turkey and Syria settle their quarrel.",
])
def test_to_see_with_no_journey_or_no_person_is_no_visit(pipeline: object, text: str) -> None:
    assert _read(pipeline, text)[0] == []


def test_the_two_men_of_a_meeting_told_with_one_named(pipeline: object) -> None:
    found, _ = _read(
        pipeline, "Vladimir Putin received Israel's Benjamin Netanyahu in Moscow on "
        "February 5. The Kremlin leader is expected in Ankara on April 9 to meet Recep "
        "Tayyip Erdogan. The two men last talked by phone in January.")
    last = found[-1]
    assert last.kind is MeetingKind.PHONE_CALL
    assert last.parties == ("RU", "TR")


@pytest.mark.parametrize(("text", "who"), [
    ("Iranian, Russian and Turkish envoys met in Astana on Tuesday. Iran was represented by "
     "Reza Karimi, an adviser to Foreign Minister Javad Zarif.",
     {"Reza Karimi"}),
    ("Yuri Ushakov, an aide to Vladimir Putin, met Turkish officials in Ankara on Monday.",
     {"Yuri Ushakov"}),
    ("Iranian, Russian and Turkish envoys met in Astana on Tuesday, among them the chief "
     "assistant to the foreign minister Reza Karimi.", {"Reza Karimi"}),
])
def test_the_person_an_aide_serves_is_not_at_the_meeting(
    pipeline: object, text: str, who: set[str]
) -> None:
    found, names = _read(pipeline, text)
    assert _who(one(found), names) == who


@pytest.mark.parametrize(("text", "who"), [
    ("Turkish President Recep Tayyip Erdogan travelled to Moscow on Monday hoping for a "
     "ceasefire, but went home with only vague assurances from Russian President Vladimir "
     "Putin.",
     {"Recep Tayyip Erdogan", "Vladimir Putin"}),
    ("Iranian Foreign Minister Javad Zarif travelled to Ankara on Monday, but Turkish "
     "Foreign Minister Mevlut Cavusoglu gave him no assurances.",
     {"Javad Zarif", "Mevlut Cavusoglu"}),
    ("Erdogan visited Moscow on Monday, Kremlin spokesman Dmitry Peskov said.", {"Erdogan"}),
])
def test_the_one_host_named_with_a_visit_received_the_visitor(
    pipeline: object, text: str, who: set[str]
) -> None:
    found, names = _read(pipeline, text)
    assert _who(one(found), names) == who


@pytest.mark.parametrize(("text", "date"), [
    ("Putin, Rouhani and Erdogan held a summit in Sochi on Tuesday. Their next round of "
     "talks is due on February 9.", "2021-02-09"),
    ("Putin, Rouhani and Erdogan held a summit in Sochi on Tuesday. A further round of "
     "talks is set for February 9.", "2021-02-09"),
    ("Lavrov and Cavusoglu held talks in Moscow on Monday. A further meeting between the "
     "ministers is planned for January 18.", "2021-01-18"),
    ("Russian and Turkish officials held consultations in Ankara on Tuesday. A subsequent "
     "round is scheduled for February 25.", "2021-02-25"),
    ("Putin will visit Ankara in January.", "2021-01"),
    ("Putin had been due in Ankara on February 20.", "2020-02-20"),
    ("Putin will visit Ankara on March 20.", "2020-03-20"),
])
def test_a_meeting_to_come_on_a_day_with_no_year_is_the_next_such_day(
    pipeline: object, text: str, date: str
) -> None:
    m = _read(pipeline, text)[0][-1]
    assert m.status is MeetingStatus.PLANNED
    assert m.date is not None and m.date.iso == date


@pytest.mark.parametrize("second", [
    "Heading the Russian side was Deputy Foreign Minister Sergei Vershinin, while Sedat Onal "
    "led the Turkish team.",
    "Sergei Vershinin led the Russian delegation; Sedat Onal headed the Turkish side.",
    "Leading the Turkish team was Sedat Onal, and Sergei Vershinin headed the Russian "
    "delegation.",
])
def test_who_led_each_delegation_takes_part(pipeline: object, second: str) -> None:
    found, names = _read(pipeline, "Russian and Turkish officials resumed talks in Ankara on "
                                   "Monday. " + second)
    assert _who(one(found), names) == {"Sergei Vershinin", "Sedat Onal"}


@pytest.mark.parametrize("text", [
    "Syria's Assad said on Sunday he would be open to meeting the Turkish president.",
    "Putin said he was open to talks with Erdogan.",
])
def test_being_open_to_a_meeting_is_no_meeting(pipeline: object, text: str) -> None:
    assert _read(pipeline, text)[0] == []


@pytest.mark.parametrize("text", [
    "Syrian, Turkish ministers hold talks in Moscow\n\nThe foreign ministers of Syria and "
    "Turkey met face to face in Moscow on Wednesday, with their Iranian and Russian "
    "counterparts also present.\n",
    "Syrian, Turkish envoys meet in Moscow\n\nRussia's Sergei Lavrov hosted envoys of "
    "Syria, Iran and Turkey in Moscow on Wednesday.\n",
])
def test_a_headline_naming_two_states_of_a_wider_meeting_is_that_meeting(
    pipeline: object, text: str
) -> None:
    m = one(_read(pipeline, text)[0])
    assert m.parties == ("IR", "RU", "SY", "TR")
    assert m.place is not None and m.place.name == "Moscow"
    assert m.date is not None and m.date.iso == "2020-03-04"


@pytest.mark.parametrize(("second", "same"), [
    ("The three leaders agreed to meet again in Tehran.", True),
    ("They agreed to meet again next month.", True),
    ("The presidents decided to hold their next summit in Turkey.", False),
])
def test_meeting_again_is_of_the_same_persons(
    pipeline: object, second: str, same: bool
) -> None:
    found, names = _read(pipeline, "Putin, Erdogan and Rouhani met in Sochi on Monday. "
                                   + second)
    assert len(found) == 2
    assert _who(found[1], names) == ({"Putin", "Erdogan", "Rouhani"} if same else set())


@pytest.mark.parametrize(("text", "parties"), [
    ("Ankara hosted a trilateral meeting with Moscow and Tehran on Syria on Monday.",
     ("IR", "RU", "TR")),
    ("Moscow hosts talks between Syrian and Turkish diplomats on Friday.", ("RU", "SY", "TR")),
    ("Putin and Erdogan held Moscow talks on Monday.", ("RU", "TR")),
])
def test_a_capital_that_hosts_is_the_host_state(
    pipeline: object, text: str, parties: tuple[str, ...]
) -> None:
    assert one(_read(pipeline, text)[0]).parties == parties


@pytest.mark.parametrize("text", [
    "Turkey and Russia are due to discuss the ceasefire again when Erdogan and Putin meet in "
    "Tehran next month, along with Iranian President Ebrahim Raisi.",
    "Moscow and Ankara will discuss the truce when Erdogan and Putin gather in Tehran next "
    "month with Iran's Ebrahim Raisi.",
])
def test_discussing_when_leaders_meet_is_that_one_meeting(pipeline: object, text: str) -> None:
    m = one(_read(pipeline, text)[0])
    assert m.parties == ("IR", "RU", "TR")
    assert m.place is not None and m.place.name == "Tehran"


@pytest.mark.parametrize("text", [
    "Erdogan and Putin held talks in Sochi on Thursday. Only hours before the two leaders "
    "sat down together, government shelling hit the town of Maarat al-Numan.",
    "Erdogan and Putin held talks in Sochi on Thursday. Days before the pair met, "
    "government jets bombed Ariha.",
])
def test_hours_before_a_meeting_is_the_time_of_another_event(
    pipeline: object, text: str
) -> None:
    m = one(_read(pipeline, text)[0])
    assert m.place is not None and m.place.name == "Sochi"


@pytest.mark.parametrize(("text", "parties"), [
    ("Lavrov rejected Cavusoglu's proposal for a buffer zone during talks in Moscow on Monday.",
     ("RU", "TR")),
    ("Erdogan called for a ceasefire at a summit with Putin in Sochi on Thursday.",
     ("RU", "TR")),
    ("Erdogan urged a halt to the bombing at a three-way summit with Putin and Rouhani in "
     "Ankara.", ("IR", "RU", "TR")),
])
def test_a_wish_told_at_a_meeting_does_not_block_it(
    pipeline: object, text: str, parties: tuple[str, ...]
) -> None:
    assert one(_read(pipeline, text)[0]).parties == parties


@pytest.mark.parametrize("text", [
    "Erdogan called for a return to talks with Putin.",
    "Lavrov urged Ankara to hold talks with Damascus.",
    "Putin rejected an invitation to a summit in Tehran.",
])
def test_a_meeting_wished_for_or_refused_is_still_none(pipeline: object, text: str) -> None:
    assert _read(pipeline, text)[0] == []


@pytest.mark.parametrize(("text", "parties"), [
    ("Iranian, Russian and Turkish envoys met in Geneva without the United States.",
     ("IR", "RU", "TR")),
    ("Putin and Erdogan held talks on Syria in Moscow without the United States.",
     ("RU", "TR")),
    ("Turkish and Russian officials met in Ankara without Syrian representatives.",
     ("RU", "TR")),
    ("Putin and Erdogan met in Moscow to decide the fate of Idlib and of Syria's north.",
     ("RU", "TR")),
])
def test_who_is_left_out_or_decided_upon_is_no_side(
    pipeline: object, text: str, parties: tuple[str, ...]
) -> None:
    assert one(_read(pipeline, text)[0]).parties == parties


@pytest.mark.parametrize(("text", "date"), [
    ("Erdogan discussed the new peace plan with Putin in a phone call on Tuesday.",
     "2020-03-03"),
    ("Lavrov and Cavusoglu went over the plan at talks in Moscow on Monday.", "2020-03-02"),
    ("Erdogan discussed the new plan for Idlib with Putin on Friday.", "2020-02-28"),
])
def test_a_weekday_of_a_meeting_told_as_held_is_the_last_one(
    pipeline: object, text: str, date: str
) -> None:
    m = one(_read(pipeline, text)[0])
    assert m.status is MeetingStatus.HELD
    assert m.date is not None and m.date.iso == date


@pytest.mark.parametrize(("text", "parties", "who", "place"), [
    ("After three hours of talks in Istanbul, Lavrov and Cavusoglu said Syrian troops would "
     "stay put.", ("RU", "TR"), {"Lavrov", "Cavusoglu"}, "Istanbul"),
    ("Meeting in the Turkish capital, Putin and Erdogan stressed that Syria's borders must "
     "not change.", ("RU", "TR"), {"Putin", "Erdogan"}, "Ankara"),
    ("Following a phone call with Erdogan, Putin said Syria would respect the truce.",
     ("RU", "TR"), {"Putin", "Erdogan"}, None),
    ("After talks in Moscow, Cavusoglu told reporters that Iran would join the patrols.",
     ("RU", "TR"), {"Cavusoglu"}, "Moscow"),
])
def test_who_speaks_after_a_lead_that_tells_a_meeting_took_part(
    pipeline: object, text: str, parties: tuple[str, ...], who: set[str], place: str | None
) -> None:
    found, names = _read(pipeline, text)
    m = one(found)
    assert (m.parties, _who(m, names), m.place and m.place.name) == (parties, who, place)


def test_a_day_in_what_is_said_after_a_lead_is_not_the_meeting_s(pipeline: object) -> None:
    m = one(_read(pipeline, "After talks in Sochi, Putin and Erdogan said the truce would "
                            "start at noon on Friday.")[0])
    assert m.date is None


@pytest.mark.parametrize(("text", "parties", "who"), [
    ("Putin's envoy met Assad in Damascus on Monday.", ("RU", "SY"), {"Assad"}),
    ("Erdogan's spokesman met Russian officials in Moscow.", ("RU", "TR"), set()),
    ("Lavrov turned down Cavusoglu's plea for a truce at their meeting in Antalya.",
     ("RU", "TR"), {"Lavrov", "Cavusoglu"}),
])
def test_a_possessor_takes_part_unless_his_envoy_does(
    pipeline: object, text: str, parties: tuple[str, ...], who: set[str]
) -> None:
    found, names = _read(pipeline, text)
    m = one(found)
    assert (m.parties, _who(m, names)) == (parties, who)


@pytest.mark.parametrize("text", [
    "Raisi presses Erdogan at Tehran summit\n\nBy a staff writer\n\nMeeting in the "
    "Iranian capital, Raisi and Putin said the fighting had to stop.\n",
    "Raisi snubs Erdogan at Tehran summit\n\nIran's Raisi and Putin held talks in Tehran, "
    "and both rejected a truce.\n",
])
def test_an_undated_headline_naming_some_of_a_summit_is_that_summit(
    pipeline: object, text: str
) -> None:
    m = one(_read(pipeline, text)[0])
    assert m.parties == ("IR", "RU", "TR")
    assert m.place is not None and m.place.name == "Tehran"


@pytest.mark.parametrize(("text", "date"), [
    ("Lavrov and Cavusoglu held talks in Antalya. Monday's talks ended without a deal.",
     "2020-03-02"),
    ("Putin, Erdogan and Rouhani sat down together in Ankara. Nothing came of Tuesday's "
     "three-way meeting.", "2020-03-03"),
    ("Erdogan and Putin met in Sochi. Little was said after Sunday's summit.", "2020-03-01"),
])
def test_a_day_s_meeting_dates_the_meeting_told(pipeline: object, text: str, date: str) -> None:
    m = one(_read(pipeline, text)[0])
    assert m.date is not None and m.date.iso == date


@pytest.mark.parametrize(("text", "parties"), [
    ("Putin, Erdogan and Rouhani met in Ankara on Wednesday. The summit came days after "
     "Syrian troops and Iranian militias seized Saraqib.", ("IR", "RU", "TR")),
    ("Lavrov and Cavusoglu met in Moscow on Monday, a week after Syrian jets struck a Turkish "
     "post.", ("RU", "TR")),
    ("Russian and Turkish officials met in Ankara on Monday, hours before Syrian and Iranian "
     "forces attacked Saraqib.", ("RU", "TR")),
])
def test_the_event_a_meeting_is_dated_by_names_no_side(
    pipeline: object, text: str, parties: tuple[str, ...]
) -> None:
    assert one(_read(pipeline, text)[0]).parties == parties


@pytest.mark.parametrize(("text", "parties"), [
    ("Putin and Erdogan talked for an hour in Sochi on Monday.", ("RU", "TR")),
    ("Lavrov conferred with Cavusoglu in Antalya on Friday.", ("RU", "TR")),
    ("Zarif held his own bilateral with Cavusoglu before lunch.", ("IR", "TR")),
    ("Lavrov spent the evening with Cavusoglu at a villa outside Antalya on Tuesday.",
     ("RU", "TR")),
])
def test_more_verbs_of_meeting(pipeline: object, text: str, parties: tuple[str, ...]) -> None:
    assert one(_read(pipeline, text)[0]).parties == parties


@pytest.mark.parametrize("text", [
    "Turkish and Russian officials talked up their bilateral ties.",
    "Bilateral trade between Turkey and Russia rose last year.",
    "Erdogan talked about Russia in a speech on Monday.",
    "The guarantor states will create a new working group on detainees next month.",
    "Russia and Turkey agreed to set up a working group on Idlib.",
])
def test_talk_and_working_groups_that_are_no_meeting(pipeline: object, text: str) -> None:
    assert _read(pipeline, text)[0] == []


@pytest.mark.parametrize(("text", "who"), [
    ("Russian President Vladimir Putin thanked the voters. The Kremlin leader landed in "
     "Ankara on Tuesday and held talks with Erdogan.", {"Vladimir Putin", "Erdogan"}),
    ("Turkish President Recep Tayyip Erdogan addressed parliament. Putin received the "
     "Turkish leader in Sochi on Wednesday.", {"Putin", "Recep Tayyip Erdogan"}),
    ("Iranian Foreign Minister Javad Zarif was in Ankara. Lavrov met the Iranian foreign "
     "minister in Moscow on Friday.", {"Lavrov", "Javad Zarif"}),
])
def test_the_state_s_leader_is_the_person_named_before(
    pipeline: object, text: str, who: set[str]
) -> None:
    found, names = _read(pipeline, text)
    assert _who(one(found), names) == who


def test_the_state_s_leader_needs_such_a_person_named_before(pipeline: object) -> None:
    found, names = _read(pipeline, "Turkish Defence Minister Hulusi Akar spoke on Monday. "
                                   "Putin met the Turkish president in Moscow on Thursday.")
    assert "Hulusi Akar" not in _who(one(found), names)


@pytest.mark.parametrize(("text", "second"), [
    ("Pompeo will receive Lavrov in Washington next week, their first talks since "
     "Pompeo's trip to Sochi in May.", ("Sochi", "2019-05")),
    ("Lavrov will host Cavusoglu in Moscow on Friday, their first talks since Lavrov's trip "
     "to Ankara in November.", ("Ankara", "2019-11")),
    ("Putin will meet Erdogan on Friday, their first meeting since their talks in Sochi in "
     "September.", ("Sochi", "2019-09")),
])
def test_the_meeting_a_first_one_since_is_held_and_its_own(
    pipeline: object, text: str, second: tuple[str, str]
) -> None:
    planned, earlier = _read(pipeline, text)[0]
    assert planned.status is MeetingStatus.PLANNED
    assert earlier.status is MeetingStatus.HELD
    assert (earlier.place and earlier.place.name, earlier.date and earlier.date.iso) == second


@pytest.mark.parametrize("text", [
    "The Kremlin chief landed in Ankara on Tuesday for a short stay - his first journey "
    "abroad since his re-election on March 1 - and spent the evening with Erdogan.",
    "Lavrov flew to Ankara on Tuesday, his first visit since the crisis began in January, "
    "and met Cavusoglu.",
])
def test_a_time_after_since_dates_another_event(pipeline: object, text: str) -> None:
    found = _read(pipeline, text)[0]
    assert [m.date and m.date.iso for m in found] == ["2020-03-03"]


@pytest.mark.parametrize(("text", "date"), [
    ("Putin, Erdogan and Rouhani held a summit in Tehran. On Friday, only hours before the "
     "presidents met, artillery shelled Saraqib.", "2020-02-28"),
    ("Lavrov and Cavusoglu held talks in Antalya. On Monday, shortly after the ministers met, "
     "jets struck Ariha.", "2020-03-02"),
])
def test_hours_before_a_meeting_is_its_day(pipeline: object, text: str, date: str) -> None:
    m = one(_read(pipeline, text)[0])
    assert m.date is not None and m.date.iso == date


def test_days_before_a_meeting_is_not_its_day(pipeline: object) -> None:
    m = one(_read(pipeline, "Lavrov and Cavusoglu held talks in Antalya. On Monday, days "
                            "before the ministers met, jets struck Ariha.")[0])
    assert m.date is None


@pytest.mark.parametrize(("second", "parties"), [
    ("Raisi had his own bilateral with Erdogan ahead of the plenary.", ("IR", "TR")),
    ("Putin and Erdogan held a separate meeting on the sidelines.", ("RU", "TR")),
])
def test_an_own_or_separate_meeting_at_a_summit_is_another(
    pipeline: object, second: str, parties: tuple[str, ...]
) -> None:
    found = _read(pipeline, "Putin, Erdogan and Raisi held a summit in Ankara on Wednesday. "
                  + second)[0]
    assert [m.parties for m in found] == [("IR", "RU", "TR"), parties]
    assert found[1].place is not None and found[1].place.name == "Ankara"


@pytest.mark.parametrize(("second", "place", "date"), [
    ("The three presidents' previous summit, held in Sochi, was in September.",
     "Sochi", "2019-09"),
    ("The previous round was held in Astana in May.", "Astana", "2019-05"),
    ("Their previous meeting was in Moscow in January.", "Moscow", "2020-01"),
])
def test_a_previous_meeting_is_another_held_one(
    pipeline: object, second: str, place: str, date: str
) -> None:
    found = _read(pipeline, "Putin, Erdogan and Raisi held a summit in Ankara on Wednesday. "
                  + second)[0]
    assert len(found) == 2
    earlier = found[1]
    assert earlier.parties == ("IR", "RU", "TR") and earlier.status is MeetingStatus.HELD
    assert (earlier.place and earlier.place.name, earlier.date and earlier.date.iso) == (
        place, date)


@pytest.mark.parametrize(("text", "status"), [
    ("Zarif arrived in Damascus on Wednesday for talks with Assad.", MeetingStatus.ONGOING),
    ("A Russian delegation arrived in Ankara today for consultations with Turkish officials.",
     MeetingStatus.ONGOING),
    ("Zarif arrived in Damascus on Monday for talks with Assad.", MeetingStatus.HELD),
])
def test_arriving_on_the_day_of_the_report_is_a_visit_under_way(
    pipeline: object, text: str, status: MeetingStatus
) -> None:
    assert one(_read(pipeline, text)[0]).status is status


@pytest.mark.parametrize(("text", "second"), [
    ("Zarif landed in Ankara on Tuesday for talks with Cavusoglu and is due in Moscow on "
     "Friday.", (MeetingStatus.PLANNED, ("IR", "RU"), "Moscow")),
    pytest.param(
        "Zarif landed in Ankara on Tuesday for talks with Cavusoglu and is expected in "
        "Moscow on Friday.", (MeetingStatus.PLANNED, ("IR", "RU"), "Moscow"),
        marks=pytest.mark.xfail(strict=True, reason=(
            "'and is expected in X' (unlike 'is due in X') is not read as the next stop: "
            "one planned IR-TR meeting in Moscow comes out instead of two"))),
    ("Lavrov held talks with Cavusoglu in Antalya on Monday and will then travel to Tehran.",
     (MeetingStatus.PLANNED, ("IR", "RU"), "Tehran")),
    ("Lavrov met Cavusoglu in Ankara on Monday and then flew to Tehran.",
     (MeetingStatus.HELD, ("IR", "RU"), "Tehran")),
])
def test_the_traveller_s_next_stop_is_another_visit(
    pipeline: object, text: str, second: tuple[MeetingStatus, tuple[str, ...], str]
) -> None:
    found, names = _read(pipeline, text)
    assert len(found) == 2
    m = found[1]
    assert (m.status, m.parties, m.place and m.place.name) == second
    assert _who(m, names) == {"Zarif" if "Zarif" in text else "Lavrov"}


@pytest.mark.parametrize("text", [
    "Putin met Erdogan in Sochi on Monday and said Iran must leave Syria.",
    "Putin received Erdogan in Moscow on Monday, their fifth meeting this year, and told him "
    "Syria would keep its troops in Idlib.",
    "Lavrov held talks with Cavusoglu in Antalya and told reporters that Syrian troops would "
    "withdraw.",
])
def test_what_one_who_met_then_said_names_no_side(pipeline: object, text: str) -> None:
    assert one(_read(pipeline, text)[0]).parties == ("RU", "TR")


@pytest.mark.parametrize(("text", "place", "date"), [
    ("Putin raised the plan on Monday in Sochi, the seaside resort where he received Erdogan "
     "for three hours of talks.", "Sochi", "2020-03-02"),
    ("Erdogan spoke in Istanbul on Friday, the city where he had received Putin in January.",
     "Istanbul", "2020-01"),
    ("Lavrov was in Antalya on Tuesday, where he conferred with Cavusoglu.", "Antalya",
     "2020-03-03"),
])
def test_a_meeting_told_in_a_where_clause_is_at_the_place_before(
    pipeline: object, text: str, place: str, date: str
) -> None:
    m = one(_read(pipeline, text)[0])
    assert (m.parties, m.place and m.place.name, m.date and m.date.iso) == (
        ("RU", "TR"), place, date)


@pytest.mark.parametrize("second", [
    "As the two presidents talked, Assad paid a surprise call on soldiers near Maarat "
    "al-Numan, where Turkey keeps several observation points.",
    "While the talks went on, Assad visited his troops near Saraqib.",
    "As the ministers sat down, Assad toured a base in Idlib, where Turkish troops are based.",
])
def test_what_happened_as_a_meeting_went_on_is_not_that_meeting(
    pipeline: object, second: str
) -> None:
    found = _read(pipeline, "Putin and Erdogan met in Sochi on Tuesday. " + second)[0]
    assert [m.parties for m in found] == [("RU", "TR")]


def test_a_bilateral_told_in_the_body_is_not_the_headline_s_summit(pipeline: object) -> None:
    found = _read(pipeline, "Iran, Russia and Turkey agree on zones at Astana talks\n\n"
                            "By a staff writer\n\nPutin discussed the zones on Monday in Sochi, "
                            "where he hosted Erdogan for talks.\n")[0]
    assert sorted(m.parties for m in found) == [("IR", "RU", "TR"), ("RU", "TR")]


@pytest.mark.parametrize(("text", "date"), [
    ("Erdogan told Putin during a meeting in Istanbul on Monday that Turkey would not "
     "withdraw.", "2020-03-02"),
    ("Lavrov told Cavusoglu during a telephone call on Tuesday that Moscow would hold "
     "firm.", "2020-03-03"),
    ("Putin said during talks with Erdogan in Sochi on Friday that the truce would hold.",
     "2020-02-28"),
])
def test_what_was_told_at_a_meeting_does_not_make_it_planned(
    pipeline: object, text: str, date: str
) -> None:
    m = one(_read(pipeline, text)[0])
    assert (m.status, m.parties) == (MeetingStatus.HELD, ("RU", "TR"))
    assert m.date is not None and m.date.iso == date


def test_what_will_be_told_at_a_meeting_is_still_planned(pipeline: object) -> None:
    m = one(_read(pipeline, "Erdogan will tell Putin during their meeting on Thursday that "
                            "Turkey will not back down.")[0])
    assert m.status is MeetingStatus.PLANNED


@pytest.mark.parametrize("text", [
    "Talks between Lavrov and Cavusoglu were due to take place on Friday but were put off.",
    "Erdogan was to visit Moscow on Friday, but the trip was called off.",
    "Cavusoglu was due in Moscow on Thursday, but his visit was postponed without "
    "explanation.",
    pytest.param(
        "Cavusoglu was due in Moscow on Thursday, but his trip was postponed.",
        marks=pytest.mark.xfail(strict=True, reason=(
            "'his trip' is not read as the planned visit undone ('the trip' and 'his "
            "visit' are): the meeting stays planned"))),
])
def test_a_plan_undone_after_but_is_cancelled(pipeline: object, text: str) -> None:
    m = one(_read(pipeline, text)[0])
    assert (m.status, m.parties) == (MeetingStatus.CANCELLED, ("RU", "TR"))


@pytest.mark.parametrize(("text", "date"), [
    ("Erdogan hosted Putin for talks in Istanbul on Wednesday, their first meeting this year.",
     "2020-03-04"),
    ("Putin and Erdogan held their first meeting this year on Monday.", "2020-03-02"),
    ("Lavrov met Cavusoglu in Antalya on Monday, the first such talks in two months.",
     "2020-03-02"),
])
def test_the_time_a_first_meeting_is_measured_over_is_not_its_day(
    pipeline: object, text: str, date: str
) -> None:
    m = one(_read(pipeline, text)[0])
    assert m.date is not None and m.date.iso == date


@pytest.mark.parametrize(("text", "place", "date"), [
    ("During his visit to Tehran, Putin met Rouhani.", "Tehran", None),
    ("During his trip to Ankara on Monday, Lavrov also met Erdogan.", "Ankara", "2020-03-02"),
    ("During her visit to Ankara on Tuesday, Merkel met Erdogan.", "Ankara", "2020-03-03"),
])
def test_a_meeting_during_a_journey_is_where_it_went(
    pipeline: object, text: str, place: str, date: str | None
) -> None:
    m = one(_read(pipeline, text)[0])
    assert (m.place and m.place.name, m.date and m.date.iso) == (place, date)


def test_a_call_on_the_eve_of_a_visit_is_not_at_its_place(pipeline: object) -> None:
    m = one(_read(pipeline, "On the eve of her visit to Moscow, Merkel spoke with Erdogan "
                            "by phone.")[0])
    assert m.place is None


@pytest.mark.parametrize("text", [
    "Meeting the demands of Russia, Turkey withdrew from two posts.",
    "Turkey met its obligations to Russia under the Sochi deal.",
    "Russia and Turkey failed to meet the deadline set in Sochi.",
])
def test_meeting_a_demand_or_deadline_is_no_meeting(pipeline: object, text: str) -> None:
    assert _read(pipeline, text)[0] == []


@pytest.mark.parametrize("third", [
    "Staffan de Mistura, the UN mediator, who attended the Astana round as an observer, "
    "hailed the agreement.",
    "Staffan de Mistura, who took part in the Astana talks, welcomed the outcome.",
])
def test_who_attended_a_round_of_a_series_joins_that_round(
    pipeline: object, third: str
) -> None:
    found, names = _read(pipeline, "Iranian, Russian and Turkish envoys met in Astana on "
                                   "Thursday. Lavrov will host Pompeo in Moscow next week, "
                                   "their first talks since Pompeo's visit to Sochi in May. "
                                   + third)
    assert [(m.parties, _who(m, names)) for m in found] == [
        (("IR", "RU", "TR"), {"Staffan de Mistura"}), (("RU", "US"), {"Lavrov", "Pompeo"}),
        (("RU", "US"), {"Pompeo"})]

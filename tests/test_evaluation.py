"""The GOLD.md scorer: every scoring rule on small hand-made cases, gold-file validation,
property tests, ``to_gold_records`` and the ``evaluate`` command."""

from __future__ import annotations

import datetime as dt
import itertools
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from idlib_corpus import evaluation
from idlib_corpus.cli import main
from idlib_corpus.evaluation import (
    GoldFormatError,
    GoldPerson,
    Report,
    nationality_words,
    parse_gold_line,
    read_gold,
    same_place,
    score,
    title_matches,
    to_gold_records,
)
from idlib_corpus.model import (
    Actor,
    ActorKind,
    Article,
    ArticleResult,
    Claim,
    Incident,
    IncidentType,
    Meeting,
    MeetingKind,
    MeetingStatus,
    Mention,
    Place,
    Span,
    TimeValue,
)

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def one(kind: str, gold: dict[str, Any], pred: dict[str, Any] | None) -> Report:
    """Score a single record of ``kind`` against a single gold record."""
    g = {"article": "a", kind: [gold]}
    p = [{"article": "a", kind: [pred]}] if pred is not None else [{"article": "a"}]
    return score([g], p)


def counts(report: Report, kind: str) -> tuple[int, int, int]:
    c = report.kind(kind).slots
    return c.tp, c.fp, c.fn


def slot(report: Report, kind: str, name: str) -> tuple[int, int, int]:
    c = dict(report.kind(kind).per_slot)[name]
    return c.tp, c.fp, c.fn


# --------------------------------------------------------------------------- whole files


def test_seed_gold_against_itself_is_perfect() -> None:
    gold = read_gold(SEEDS / "gold.jsonl")
    report = score(gold, gold)
    for k in (*report.kinds, report.overall):
        assert (k.precision, k.recall, k.f1, k.record_f1) == (1.0, 1.0, 1.0, 1.0), k.kind
    assert report.errors == ()
    assert report.overall.slots.tp > 100


def test_empty_output_scores_recall_zero() -> None:
    gold = read_gold(SEEDS / "gold.jsonl")
    empty = [{"article": g.article} for g in gold]
    report = score(gold, empty)
    for k in (*report.kinds, report.overall):
        assert k.recall == 0.0, k.kind
        assert k.slots.fp == 0
        assert k.records.recall == 0.0
    assert all(e.error == "missing" for e in report.errors)


def test_no_prediction_line_is_scored_as_empty_and_reported() -> None:
    report = score([{"article": "a", "title": "Talks on Idlib"}], [{"article": "b"}])
    assert report.overall.recall == 0.0
    assert report.missing_predictions == ("a",)
    assert report.extra_predictions == ("b",)


# --------------------------------------------------------------------------- rule 1: names, places


def test_accent_folded_names_match() -> None:
    r = one("persons", {"name": "Mevlüt Çavuşoğlu", "country": "TR"},
            {"name": "MEVLUT CAVUSOGLU", "country": "TR"})
    assert counts(r, "persons") == (2, 0, 0)
    r = one("persons", {"name": "Bashar al-Assad"}, {"name": "Bashar al Assad"})
    assert counts(r, "persons") == (1, 0, 0)


def test_different_names_do_not_align() -> None:
    r = one("persons", {"name": "Hulusi Akar", "country": "TR"},
            {"name": "Sergey Shoigu", "country": "TR"})
    # Not aligned (persons align by name only): every slot on both sides is an error.
    assert counts(r, "persons") == (0, 2, 2)
    assert r.kind("persons").records.tp == 0


def test_aliases_match_either_way() -> None:
    gold = {"name": "Sedat Önal", "aliases": ["Sedat Onal"], "country": "TR"}
    assert counts(one("persons", gold, {"name": "Sedat Onal", "country": "TR"}),
                  "persons") == (2, 0, 0)
    # The prediction's own aliases count too.
    pred = {"name": "S. Onal", "aliases": ["Sedat Önal"], "country": "TR"}
    assert counts(one("persons", gold, pred), "persons") == (2, 0, 0)
    group = {"name": "Hayat Tahrir al-Sham", "aliases": ["Jabhat al-Nusra", "Nusra Front"]}
    assert counts(one("groups", group, {"name": "nusra front"}), "groups") == (1, 0, 0)


class FakeKnowledge:
    """A knowledge base that knows two spellings of Saraqib."""

    def place_variants(self, name: str) -> set[str]:
        spellings = {"saraqib", "saraqeb", "sarakib"}
        return spellings if name.lower() in spellings else set()


@pytest.fixture
def fake_kb(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(evaluation, "_knowledge", FakeKnowledge)
    evaluation.place_variants.cache_clear()
    evaluation.same_place.cache_clear()
    yield
    evaluation.place_variants.cache_clear()
    evaluation.same_place.cache_clear()


def incident(**slots: Any) -> dict[str, Any]:
    return {"type": "territorial_change", **slots}


def test_place_spellings_from_the_knowledge_base(fake_kb: None) -> None:
    r = one("incidents", incident(place="Saraqib"), incident(place="Saraqeb"))
    assert slot(r, "incidents", "place") == (1, 0, 0)
    r = one("incidents", incident(place="Saraqib"), incident(place="Idlib"))
    assert slot(r, "incidents", "place") == (0, 1, 1)


class PlaceRecord:
    def __init__(self, name: str, names: tuple[str, ...]) -> None:
        self.name, self.names = name, names


class LookupKnowledge:
    """A knowledge base answering with place objects rather than spellings."""

    def lookup_place(self, name: str) -> list[PlaceRecord]:
        if name.lower() in ("nayrab", "neirab", "al-nayrab"):
            return [PlaceRecord("Nayrab", ("Neirab", "Al-Nayrab"))]
        return []


def test_place_spellings_from_place_objects(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(evaluation, "_knowledge", LookupKnowledge)
    evaluation.place_variants.cache_clear()
    evaluation.same_place.cache_clear()
    try:
        assert same_place("Neirab", "Nayrab")
        assert same_place("Al Nayrab", "Neirab")
        assert not same_place("Neirab", "Saraqib")
    finally:
        evaluation.place_variants.cache_clear()
        evaluation.same_place.cache_clear()


def test_place_folding_without_knowledge(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(evaluation, "_knowledge", lambda: None)
    evaluation.place_variants.cache_clear()
    evaluation.same_place.cache_clear()
    try:
        assert same_place("Ras al-Ain", "ras al ain")
        assert not same_place("Saraqib", "Saraqeb")  # no knowledge, no spelling variants
    finally:
        evaluation.place_variants.cache_clear()
        evaluation.same_place.cache_clear()


def test_dateline_uses_the_place_rule(fake_kb: None) -> None:
    r = score([{"article": "a", "dateline": "Saraqib"}], [{"article": "a", "dateline": "SARAQEB"}])
    assert slot(r, "article", "dateline") == (1, 0, 0)


def test_list_valued_gold_place_accepts_any_of_them() -> None:
    gold = {"parties": ["RU", "TR"], "place": ["Ankara", "Moscow"]}
    assert slot(one("meetings", gold, {"parties": ["RU", "TR"], "place": "Moscow"}),
                "meetings", "place") == (1, 0, 0)
    assert slot(one("meetings", gold, {"parties": ["RU", "TR"], "place": "Ankara"}),
                "meetings", "place") == (1, 0, 0)
    assert slot(one("meetings", gold, {"parties": ["RU", "TR"], "place": "Sochi"}),
                "meetings", "place") == (0, 1, 1)
    # A predicted list must not hedge: every name it gives must be a gold alternative.
    assert slot(one("meetings", gold, {"parties": ["RU", "TR"], "place": ["Ankara", "Sochi"]}),
                "meetings", "place") == (0, 1, 1)


# --------------------------------------------------------------------------- rule 2: dates


@pytest.mark.parametrize(
    ("gold", "pred", "ok"),
    [
        ("2020-02-08", "2020-02-08", True),
        ("2020-02-08", "2020-02-07", False),
        ("2020-02", "2020-02-14", True),   # finer than gold, inside: right
        ("2020-02", "2020", False),        # coarser than gold: wrong
        ("2020-02-08", "2020-02", False),  # wrong precision: a month for a day
        ("2018", "2018-09", True),
        ("2020-02-10/2020-02-16", "2020-02-12", True),  # a day inside an interval
        ("2020-02-10/2020-02-16", "2020-02-16", True),  # ends are inclusive
        ("2020-02-10/2020-02-16", "2020-02-17", False),
        ("2020-02-10/2020-02-16", "2020-02-10/2020-02-16", True),
        ("2020-02-10/2020-02-16", "2020-02-09/2020-02-12", False),  # sticks out
        ("2020-02-10/2020-02-16", "2020-02", False),  # coarser and wider
        ("2019-12-01/2020-02-09", "2020-01", False),  # inside, but month is coarser than day
        ("2019-12/2020-02", "2020-01", True),
    ],
)
def test_date_rule(gold: str, pred: str, ok: bool) -> None:
    r = one("incidents", incident(date=gold), incident(date=pred))
    assert slot(r, "incidents", "date") == ((1, 0, 0) if ok else (0, 1, 1))


# --------------------------------------------------------------------------- rule 3: titles


@pytest.mark.parametrize(
    ("pred", "gold", "ok"),
    [
        ("Turkish Foreign Minister", "Foreign Minister", True),
        ("the top Turkish diplomat", "diplomat", True),
        ("Russian Deputy Foreign Minister", "Deputy Foreign Minister", True),
        ("Minister", "Deputy Foreign Minister", False),
        ("Defense Minister", "Defence Minister", False),  # spelling is not folded away
        ("Foreign Minister", "Russian Foreign Minister", True),  # gold nationality dropped
        ("Presidential Spokesman", "Presidential Spokesman", True),
    ],
)
def test_title_rule(pred: str, gold: str, ok: bool) -> None:
    assert title_matches(pred, gold) is ok
    r = one("persons", {"name": "X Y", "title": gold}, {"name": "X Y", "title": pred})
    assert slot(r, "persons", "title") == ((1, 0, 0) if ok else (0, 1, 1))


def test_headline_title_rule_ignores_punctuation_and_extra_words() -> None:
    gold = {"article": "a", "title": "Moscow, Ankara discuss Idlib again"}
    good = {"article": "a", "title": "Moscow, Ankara discuss Idlib again / News / Inforos"}
    bad = {"article": "a", "title": "Moscow, Ankara discuss Idlib"}
    assert slot(score([gold], [good]), "article", "title") == (1, 0, 0)
    assert slot(score([gold], [bad]), "article", "title") == (0, 1, 1)


def test_nationality_words_cover_the_states_of_the_conflict() -> None:
    assert {"turkish", "russian", "syrian", "iranian"} <= nationality_words()
    assert "foreign" not in nationality_words()


# --------------------------------------------------------------------------- rule 4: sets, numbers


def test_set_slots_match_only_as_equal_sets() -> None:
    gold = {"parties": ["RU", "TR"], "participants": ["Sedat Onal", "Sergei Vershinin"]}
    same = {"parties": ["TR", "RU"], "participants": ["Sergei Vershinin", "Sedat Önal"]}
    r = one("meetings", gold, same)
    assert slot(r, "meetings", "parties") == (1, 0, 0)
    assert slot(r, "meetings", "participants") == (1, 0, 0)
    fewer = {"parties": ["RU"], "participants": ["Sedat Onal"]}
    r = one("meetings", gold, fewer)
    assert slot(r, "meetings", "parties") == (0, 1, 1)
    assert slot(r, "meetings", "participants") == (0, 1, 1)
    more = {"parties": ["IR", "RU", "TR"], "participants": ["Sedat Onal", "Sergei Vershinin"]}
    assert slot(one("meetings", gold, more), "meetings", "parties") == (0, 1, 1)


def test_set_slots_use_the_gold_aliases_of_the_article() -> None:
    gold = {
        "article": "a",
        "persons": [{"name": "Alexander Lavrentiev", "aliases": ["Alexander Lavrentyev"]}],
        "groups": [{"name": "Jabhat al-Nusra", "aliases": ["Nusra Front"]}],
        "meetings": [{"parties": ["RU", "TR"], "participants": ["Alexander Lavrentiev"]}],
        "incidents": [incident(perpetrator=["SY"], target=["Jabhat al-Nusra"])],
    }
    pred = {
        "article": "a",
        "meetings": [{"parties": ["RU", "TR"], "participants": ["Alexander Lavrentyev"]}],
        "incidents": [incident(perpetrator=["SY"], target=["Nusra Front"])],
    }
    r = score([gold], [pred])
    assert slot(r, "meetings", "participants") == (1, 0, 0)
    assert slot(r, "incidents", "target") == (1, 0, 0)


def test_numbers_match_only_if_equal() -> None:
    gold = {"type": "armed_attack", "killed": 8, "injured": 3}
    r = one("incidents", gold, {"type": "armed_attack", "killed": 8, "injured": 4})
    assert slot(r, "incidents", "killed") == (1, 0, 0)
    assert slot(r, "incidents", "injured") == (0, 1, 1)


# --------------------------------------------------------------------------- rules 5-7


def test_alignment_picks_the_best_pairing_not_the_greedy_one() -> None:
    gold = {"article": "a", "meetings": [
        {"parties": ["RU", "TR"], "place": "Ankara", "date": "2020-02-08", "status": "held"},
        {"parties": ["RU", "TR"], "place": "Moscow", "date": "2020-02-17", "status": "planned"},
    ]}
    pred = {"article": "a", "meetings": [
        # 3 slots with the first gold meeting, 2 with the second: greedy would take the first
        {"parties": ["RU", "TR"], "place": "Ankara", "date": "2020-02-08", "status": "planned"},
        # 3 slots with the first gold meeting, none with the second
        {"parties": ["IR"], "place": "Ankara", "date": "2020-02-08", "status": "held"},
    ]}
    r = score([gold], [pred])
    assert counts(r, "meetings") == (5, 3, 3)


def test_incidents_align_only_with_the_same_type() -> None:
    gold = {"type": "armed_attack", "place": "Idlib", "perpetrator": ["SY"], "target": ["TR"]}
    pred = {"type": "deployment", "place": "Idlib", "perpetrator": ["SY"], "target": ["TR"]}
    r = one("incidents", gold, pred)
    assert counts(r, "incidents") == (0, 4, 4)
    assert {e.error for e in r.errors} == {"spurious", "missing"}


def test_unaligned_records_count_every_set_slot() -> None:
    gold = {"article": "a", "incidents": [incident(place="Saraqib", date="2020-02-06")]}
    pred = {"article": "a", "incidents": [
        incident(place="Saraqib", date="2020-02-06"),
        {"type": "displacement", "displaced": 500000, "target": []},
    ]}
    r = score([gold], [pred])
    # the empty list is not a set slot; type and displaced of the extra record are FPs
    assert counts(r, "incidents") == (3, 2, 0)
    assert r.kind("incidents").records.to_dict()["precision"] == 0.5


def test_slot_empty_on_both_sides_is_not_counted() -> None:
    r = one("incidents", incident(perpetrator=[], killed=None), incident(perpetrator=[]))
    assert counts(r, "incidents") == (1, 0, 0)


def test_optional_records_neither_rewarded_nor_punished() -> None:
    gold = {"article": "a", "meetings": [
        {"parties": ["RU", "TR"], "place": "Ankara", "status": "held"},
        {"parties": ["RU", "TR"], "status": "planned", "optional": True},
        {"parties": ["IR", "RU", "TR"], "place": "Sochi", "optional": True},
    ]}
    pred = {"article": "a", "meetings": [
        {"parties": ["RU", "TR"], "place": "Ankara", "status": "held"},
        {"parties": ["RU", "TR"], "status": "planned", "date": "2030"},  # matches an optional one
    ]}
    r = score([gold], [pred])
    assert counts(r, "meetings") == (3, 0, 0)  # third (optional) record unmatched: no FN
    rec = r.kind("meetings").records
    assert (rec.tp, rec.fp, rec.fn) == (1, 0, 0)
    assert r.errors == ()


def test_a_prediction_goes_to_the_record_it_matches_best_even_optional() -> None:
    gold = {"article": "a", "incidents": [
        incident(place="Idlib", optional=True, date="2020-02-06", perpetrator=["SY"]),
        incident(place="Saraqib"),
    ]}
    # type, date and perpetrator match the optional record; only type and place the other
    pred = {"article": "a", "incidents": [incident(place="Saraqib", date="2020-02-06",
                                                   perpetrator=["SY"])]}
    r = score([gold], [pred])
    assert counts(r, "incidents") == (0, 0, 2)  # absorbed by the optional record
    assert r.kind("incidents").records.fn == 1


def test_ties_go_to_the_required_record() -> None:
    gold = {"article": "a", "incidents": [
        incident(place="Idlib", optional=True),
        incident(place="Saraqib"),
    ]}
    pred = {"article": "a", "incidents": [incident(place="Hama")]}
    r = score([gold], [pred])
    # one matched slot (type) either way: aligned to the required record
    assert counts(r, "incidents") == (1, 1, 1)
    assert [(e.slot, e.error) for e in r.errors] == [("place", "wrong")]


def test_record_found_needs_every_gold_slot() -> None:
    gold = {"type": "armed_attack", "date": "2020-02-03", "killed": 8}
    r = one("incidents", gold, {"type": "armed_attack", "date": "2020-02-03", "killed": 7})
    rec = r.kind("incidents").records
    assert (rec.tp, rec.fp, rec.fn) == (0, 1, 1)
    # Extra predicted slots do not stop a record from being found (they cost precision).
    r = one("incidents", gold, {**gold, "place": "Idlib"})
    rec = r.kind("incidents").records
    assert (rec.tp, rec.fp, rec.fn) == (1, 0, 0)
    assert r.kind("incidents").slots.fp == 1


def test_errors_agree_with_the_counts() -> None:
    gold = read_gold(SEEDS / "gold.jsonl")
    pred = [{"article": g.article, "title": "Wrong", "persons": [{"name": "Hulusi Akar"}],
             "incidents": [incident(place="Idlib")]} for g in gold]
    r = score(gold, pred)
    fp = sum(e.is_false_positive for e in r.errors)
    fn = sum(e.is_false_negative for e in r.errors)
    assert (fp, fn) == (r.overall.slots.fp, r.overall.slots.fn)


def test_show_errors_carries_the_prediction_evidence() -> None:
    gold = {"type": "armed_attack", "killed": 8}
    pred = {"type": "armed_attack", "killed": 7, "evidence": "Shelling killed seven soldiers."}
    (error,) = one("incidents", gold, pred).errors
    assert (error.slot, error.error, error.predicted, error.gold) == ("killed", "wrong", "7", "8")
    assert error.evidence == "Shelling killed seven soldiers."
    text = evaluation.format_errors([error])
    assert "a  incidents.killed  wrong  predicted 7  gold 8" in text
    assert "Shelling killed seven soldiers." in text


# --------------------------------------------------------------------------- alignment solver


@settings(max_examples=200)
@given(st.lists(st.lists(st.integers(0, 9), min_size=1, max_size=5), min_size=1, max_size=5)
       .filter(lambda rows: len({len(r) for r in rows}) == 1))
def test_assignment_is_optimal(weights: list[list[int]]) -> None:
    pairs = evaluation._max_weight_assignment(weights)
    assert len({i for i, _ in pairs}) == len(pairs) == len({j for _, j in pairs})
    got = sum(weights[i][j] for i, j in pairs)
    n, m = len(weights), len(weights[0])
    if n <= m:  # every row gets a distinct column (weight 0 stands for "unpaired")
        best = max(sum(weights[i][c] for i, c in enumerate(cols))
                   for cols in itertools.permutations(range(m), n))
    else:  # every column gets a distinct row
        best = max(sum(weights[r][j] for j, r in enumerate(rows))
                   for rows in itertools.permutations(range(n), m))
    assert got == best


# --------------------------------------------------------------------------- property tests

NAMES = ["Vladimir Putin", "Recep Tayyip Erdoğan", "Hulusi Akar", "Sergei Lavrov",
         "Mevlüt Çavuşoğlu", "Hasan Rouhani"]
GROUPS = ["Hayat Tahrir al-Sham", "Jabhat al-Nusra", "Free Syrian Army"]
PLACES = ["Idlib", "Saraqib", "Ankara", "Moscow", "Sochi", "Hatay"]
CODES = ["RU", "TR", "SY", "IR", "US"]


@st.composite
def dates(draw: st.DrawFn) -> str:
    day = draw(st.dates(dt.date(2017, 1, 1), dt.date(2020, 12, 31)))
    shape = draw(st.sampled_from(["day", "month", "year", "interval"]))
    if shape == "month":
        return day.isoformat()[:7]
    if shape == "year":
        return day.isoformat()[:4]
    if shape == "interval":
        end = day + dt.timedelta(days=draw(st.integers(0, 40)))
        return f"{day.isoformat()}/{end.isoformat()}"
    return day.isoformat()


def maybe(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(st.none(), strategy)


persons = st.fixed_dictionaries({
    "name": st.sampled_from(NAMES),
    "country": maybe(st.sampled_from(CODES)),
    "title": maybe(st.sampled_from(["President", "Foreign Minister", "Defence Minister"])),
    "optional": st.booleans(),
})
groups = st.fixed_dictionaries({"name": st.sampled_from(GROUPS), "optional": st.booleans()})
meetings = st.fixed_dictionaries({
    "parties": st.lists(st.sampled_from(CODES), max_size=3, unique=True),
    "place": maybe(st.one_of(st.sampled_from(PLACES),
                             st.lists(st.sampled_from(PLACES), min_size=1, max_size=2))),
    "date": maybe(dates()),
    "status": maybe(st.sampled_from(evaluation.MEETING_STATUSES)),
    "participants": st.lists(st.sampled_from(NAMES), max_size=2, unique=True),
    "optional": st.booleans(),
}).filter(lambda m: bool(m["parties"] or m["place"] or m["date"] or m["status"]
                         or m["participants"]))
incidents = st.fixed_dictionaries({
    "type": st.sampled_from(evaluation.INCIDENT_TYPES),
    "date": maybe(dates()),
    "place": maybe(st.sampled_from(PLACES)),
    "perpetrator": st.lists(st.sampled_from(CODES + GROUPS), max_size=2, unique=True),
    "target": st.lists(st.sampled_from(CODES + GROUPS), max_size=2, unique=True),
    "killed": maybe(st.integers(0, 100)),
    "displaced": maybe(st.integers(0, 10**6)),
    "optional": st.booleans(),
})


@st.composite
def gold_articles(draw: st.DrawFn, article: str = "a") -> dict[str, Any]:
    return {
        "article": article,
        "title": draw(maybe(st.sampled_from(["Russia, Turkey hold talks on Idlib",
                                             "Turkish troops enter Saraqib"]))),
        "outlet": draw(maybe(st.sampled_from(["TASS", "Anadolu Agency"]))),
        "dateline": draw(maybe(st.sampled_from(PLACES))),
        "persons": draw(st.lists(persons, max_size=3)),
        "groups": draw(st.lists(groups, max_size=2)),
        "meetings": draw(st.lists(meetings, max_size=3)),
        "incidents": draw(st.lists(incidents, max_size=3)),
    }


@given(st.lists(gold_articles(), min_size=1, max_size=1))
def test_gold_scored_against_itself_is_always_perfect(gold: list[dict[str, Any]]) -> None:
    report = score(gold, gold)
    assert report.overall.f1 == 1.0
    assert report.overall.record_f1 == 1.0
    assert report.errors == ()


SPURIOUS = st.one_of(
    st.builds(lambda n: ("persons", {"name": n, "country": "ZZ"}),
              st.sampled_from(["Nobody Known", "Jane Roe"])),
    st.builds(lambda n: ("groups", {"name": n}), st.sampled_from(["Imaginary Brigade"])),
    st.builds(lambda d: ("meetings", {"parties": ["ZZ"], "place": "Nowhere", "date": d}),
              st.sampled_from(["1990", "1991-05-03"])),
)


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(gold_articles(), gold_articles(), SPURIOUS)
def test_adding_a_spurious_record_never_raises_precision(
    gold: dict[str, Any], pred: dict[str, Any], extra: tuple[str, dict[str, Any]]
) -> None:
    kind, record = extra
    before = score([gold], [pred])
    more = {**pred, kind: [*pred[kind], record]}
    after = score([gold], [more])
    assert after.overall.precision <= before.overall.precision
    assert after.kind(kind).precision <= before.kind(kind).precision
    # nothing found is lost and nothing new is found
    assert (after.overall.slots.tp, after.overall.slots.fn) == (
        before.overall.slots.tp, before.overall.slots.fn)


# --------------------------------------------------------------------------- validation


def write(tmp_path: Path, lines: list[str], name: str = "gold.jsonl") -> Path:
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


GOOD = '{"article": "a", "title": "Talks"}'


@pytest.mark.parametrize(
    ("line", "says"),
    [
        ('{"article": "b", "incidnets": []}', "unknown key 'incidnets'"),
        ('{"article": "b", "incidents": [{"type": "attack"}]}', "unknown incident type 'attack'"),
        ('{"article": "b", "incidents": [{"date": "2020"}]}', "unknown incident type None"),
        ('{"article": "b", "meetings": [{"status": "done"}]}', "unknown meeting status 'done'"),
        ('{"article": "b", "meetings": [{"date": "2020-13-01"}]}', "malformed date '2020-13-01'"),
        ('{"article": "b", "meetings": [{"date": "Feb 2020"}]}', "malformed date 'Feb 2020'"),
        ('{"article": "b", "meetings": [{"parties": ["Turkey"]}]}', "ISO 3166 alpha-2"),
        ('{"article": "b", "persons": [{"name": "X", "country": "tr"}]}', "ISO 3166 alpha-2"),
        ('{"article": "b", "incidents": [{"type": "armed_attack", "killed": -1}]}', ">= 0"),
        ('{"article": "b", "incidents": [{"type": "armed_attack", "killed": "8"}]}', ">= 0"),
        ('{"article": "b", "persons": [{"country": "TR"}]}', "'name' must be a non-empty"),
        ('{"title": "No id"}', "missing or empty 'article'"),
        ('{"article": "b", "persons": {}}', "must be a list of objects"),
        ('{"article": "b", "meetings": [{"note": "x"}]}', "must set at least one of"),
        ('["not", "an", "object"]', "one JSON object"),
        ('{"article": "b",', "not valid JSON"),
        (GOOD, "already given on line 1"),
    ],
)
def test_bad_gold_lines_name_the_file_and_line(tmp_path: Path, line: str, says: str) -> None:
    path = write(tmp_path, [GOOD, "", line])
    with pytest.raises(GoldFormatError) as info:
        read_gold(path)
    message = str(info.value)
    assert f"{path} line 3" in message
    assert says in message


def test_json_path_of_the_bad_field(tmp_path: Path) -> None:
    path = write(tmp_path, ['{"article": "b", "incidents": [{"type": "armed_attack"}, '
                            '{"type": "armed_attack", "date": "2020-02-30"}]}'])
    with pytest.raises(GoldFormatError) as info:
        read_gold(path)
    assert info.value.paths == ["$.incidents[1].date"]


def test_predictions_may_carry_extra_keys_gold_may_not() -> None:
    line = {"article": "a", "confidence": 0.3,
            "incidents": [{"type": "armed_attack", "score": 1}]}
    assert parse_gold_line(line, strict_keys=False).incidents[0].type == "armed_attack"
    with pytest.raises(GoldFormatError):
        parse_gold_line(line)


def test_missing_gold_file_is_an_input_error(tmp_path: Path) -> None:
    from idlib_corpus.errors import InputError

    with pytest.raises(InputError, match="no such gold file"):
        read_gold(tmp_path / "nope.jsonl")


def test_parsed_records_are_typed() -> None:
    gold = read_gold(SEEDS / "gold.jsonl")
    assert [g.article for g in gold] == sorted(p.stem for p in SEEDS.glob("*.txt"))
    onal = gold[4].persons[0]
    assert isinstance(onal, GoldPerson)
    assert onal.names == ("Sedat Önal", "Sedat Onal")
    assert gold[3].meetings[1].place == ("Ankara", "Moscow")
    assert gold[1].meetings[1].date == TimeValue.from_iso("2020-02-10/2020-02-16")


# --------------------------------------------------------------------------- our output


def sample_result() -> ArticleResult:
    text = ("Syrian forces shelled Turkish posts near Saraqib on Monday, killing eight. "
            "Foreign Minister Mevlut Cavusoglu spoke to Sergei Lavrov by phone.")
    akar = text.index("Mevlut")
    return ArticleResult(
        article=Article("x1", text, title="Shelling near Saraqib", outlet="Reuters",
                        dateline="Ankara"),
        actors=[
            Actor("person:mevlut-cavusoglu", "Mevlut Cavusoglu", ActorKind.PERSON,
                  country="TR", title="Foreign Minister", aliases=["Cavusoglu"],
                  mentions=[Mention(Span(akar, akar + 16), "Mevlut Cavusoglu")]),
            Actor("person:sergei-lavrov", "Sergei Lavrov", ActorKind.PERSON, country="RU"),
            Actor("armed_group:hts", "Hayat Tahrir al-Sham", ActorKind.ARMED_GROUP),
            Actor("state:TR", "Turkey", ActorKind.STATE, country="TR"),
        ],
        meetings=[Meeting("meeting:x1:0", MeetingKind.PHONE_CALL, MeetingStatus.HELD,
                          evidence=[Span(76, len(text))], parties=["TR", "RU"],
                          participants=["person:mevlut-cavusoglu", "person:sergei-lavrov"])],
        incidents=[
            Incident("incident:x1:0", IncidentType.ARMED_ATTACK, evidence=[Span(0, 75)],
                     perpetrators=["state:SY"], targets=["state:TR", "armed_group:hts"],
                     place=Place("Saraqib", text="Saraqib", span=Span(41, 48)),
                     date=TimeValue.day(dt.date(2020, 2, 3), text="on Monday"),
                     killed=Claim(8)),
            Incident("incident:x1:1", IncidentType.CEASEFIRE, evidence=[Span(0, 10)]),
        ],
    )


def test_to_gold_records_maps_our_model() -> None:
    (rec,) = list(to_gold_records([sample_result()]))
    assert (rec["article"], rec["title"], rec["outlet"], rec["dateline"]) == (
        "x1", "Shelling near Saraqib", "Reuters", "Ankara")
    assert [p["name"] for p in rec["persons"]] == ["Mevlut Cavusoglu", "Sergei Lavrov"]
    assert rec["persons"][0]["aliases"] == ["Cavusoglu"]
    assert "Foreign Minister Mevlut Cavusoglu" in rec["persons"][0]["evidence"]
    assert rec["groups"][0]["name"] == "Hayat Tahrir al-Sham"
    (meeting,) = rec["meetings"]
    assert meeting["parties"] == ["RU", "TR"]
    assert meeting["status"] == "held"
    assert sorted(meeting["participants"]) == ["Mevlut Cavusoglu", "Sergei Lavrov"]
    (attack,) = rec["incidents"]  # the ceasefire is not a GOLD.md incident type
    assert attack["perpetrator"] == ["SY"]
    assert sorted(attack["target"]) == ["Hayat Tahrir al-Sham", "TR"]
    assert (attack["place"], attack["date"], attack["killed"]) == ("Saraqib", "2020-02-03", 8)
    assert attack["evidence"].startswith("Syrian forces shelled")
    # The records are valid gold lines and score perfectly against themselves.
    parsed = parse_gold_line(json.dumps(rec))
    assert score([parsed], [parsed]).overall.f1 == 1.0


# --------------------------------------------------------------------------- evaluate / CLI


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    d = tmp_path / "articles"
    d.mkdir()
    (d / "a.txt").write_text("Turkish troops entered Saraqib on Thursday.\n", encoding="utf-8")
    (d / "c.txt").write_text("Not annotated.\n", encoding="utf-8")
    (d / "metadata.json").write_text('{"a": {"published": "2020-02-08"}}', encoding="utf-8")
    return d


GOLD_LINES = [
    '{"article": "a", "title": "Troops enter Saraqib", "incidents": [{"type": '
    '"territorial_change", "date": "2020-02-06", "place": "Saraqib", "perpetrator": ["TR"]}]}',
    '{"article": "b", "title": "Gone"}',
]


def test_evaluate_reports_articles_missing_on_either_side(folder: Path, tmp_path: Path) -> None:
    gold = write(tmp_path, GOLD_LINES)
    pred = write(tmp_path, [GOLD_LINES[0]], "pred.jsonl")
    report = evaluation.evaluate(gold, folder, predictions=pred)
    assert report.missing_articles == ("b",)
    assert report.unannotated_articles == ("c",)
    assert report.missing_predictions == ("b",)
    assert report.kind("incidents").f1 == 1.0
    text = report.format_table()
    assert "in gold, no article file: b" in text
    assert "article file, not in gold (not scored): c" in text


def test_evaluate_runs_the_extractors(folder: Path, tmp_path: Path) -> None:
    gold = write(tmp_path, GOLD_LINES)
    report = evaluation.evaluate(gold, folder)
    assert report.articles == ("a", "b")
    assert report.missing_articles == ("b",)
    assert report.missing_predictions == ()  # "b" is listed once, as missing its file


def test_cli_evaluate_table_and_errors(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    gold = write(tmp_path, GOLD_LINES)
    pred = write(tmp_path, ['{"article": "a", "title": "Troops enter Saraqib", "incidents": '
                            '[{"type": "territorial_change", "date": "2020-02", "place": '
                            '"Saraqib", "perpetrator": ["TR"], "evidence": "entered Saraqib"}]}'],
                 "pred.jsonl")
    code = main(["evaluate", "--gold", str(gold), str(folder), "--predictions", str(pred),
                 "--show-errors"])
    out = capsys.readouterr().out
    assert code == 0
    assert out.splitlines()[0] == "2 articles scored"
    assert "incidents.date  wrong  predicted 2020-02  gold 2020-02-06" in out
    assert "evidence: entered Saraqib" in out
    assert "b  article.title  missing" in out


def test_cli_evaluate_json(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    gold = write(tmp_path, GOLD_LINES[:1])
    code = main(["evaluate", "--gold", str(gold), str(folder), "--predictions", str(gold),
                 "--json"])
    data = json.loads(capsys.readouterr().out)
    assert code == 0
    assert data["all"]["f1"] == 1.0
    assert data["kinds"]["incidents"]["records"]["tp"] == 1
    assert data["kinds"]["incidents"]["per_slot"]["place"]["tp"] == 1
    assert data["coverage"]["unannotated_articles"] == ["c"]
    assert "errors" not in data


def test_cli_evaluate_bad_gold_exits_2(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    gold = write(tmp_path, [GOOD, '{"article": "x", "meetings": [{"status": "soon"}]}'])
    code = main(["evaluate", "--gold", str(gold), str(folder), "--predictions", str(gold)])
    err = capsys.readouterr().err
    assert code == 2
    assert f"{gold} line 2" in err
    assert "unknown meeting status 'soon'" in err
    assert "Traceback" not in err


def test_cli_evaluate_missing_folder_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    gold = write(tmp_path, [GOOD])
    code = main(["evaluate", "--gold", str(gold), str(tmp_path / "nowhere")])
    assert code == 2
    assert "no such folder" in capsys.readouterr().err


def test_extract_gold_output_scores_like_evaluate(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "pred.jsonl"
    folder = ROOT / "tests" / "data" / "unseen"
    gold = folder / "gold.jsonl"
    assert main(["extract", "--format", "gold", "--no-progress", str(folder),
                 "-o", str(out)]) == 0
    capsys.readouterr()
    assert main(["evaluate", "--gold", str(gold), str(folder), "--predictions", str(out),
                 "--json", "--show-errors"]) == 0
    via_file = json.loads(capsys.readouterr().out)
    assert main(["evaluate", "--gold", str(gold), str(folder), "--json", "--show-errors"]) == 0
    direct = json.loads(capsys.readouterr().out)
    assert via_file == direct


def test_place_spellings_with_the_real_knowledge_base() -> None:
    kb = evaluation._knowledge()
    methods = ("place_variants", "same_place", "place_names_equal", "lookup_place",
               "places_named")
    if not any(callable(getattr(kb, m, None)) for m in methods):
        pytest.skip("the knowledge base does not answer place spellings yet")
    evaluation.place_variants.cache_clear()
    evaluation.same_place.cache_clear()
    assert same_place("Saraqeb", "Saraqib")
    assert same_place("Neirab", "Nayrab")
    assert not same_place("Saraqib", "Idlib")


def test_cli_evaluate_bad_metadata_exits_2(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    gold = write(tmp_path, GOLD_LINES[:1])
    code = main(["evaluate", "--gold", str(gold), str(folder),
                 "--metadata", str(tmp_path / "missing.json")])
    assert code == 2
    assert "missing.json" in capsys.readouterr().err


def test_cli_evaluate_json_with_errors(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    gold = write(tmp_path, GOLD_LINES[:1])
    pred = write(tmp_path, ['{"article": "a", "title": "Troops enter Saraqib"}'], "pred.jsonl")
    assert main(["evaluate", "--gold", str(gold), str(folder), "--predictions", str(pred),
                 "--json", "--show-errors"]) == 0
    data = json.loads(capsys.readouterr().out)
    missing = {(e["kind"], e["slot"], e["error"]) for e in data["errors"]}
    assert missing == {("incidents", s, "missing")
                       for s in ("type", "date", "place", "perpetrator")}
    assert data["kinds"]["article"]["f1"] == 1.0

"""Hand-built article results for the corpus tests, mirroring what the seed articles say.

Written by hand from reading the five seed texts (not from running the extractors), so
the merging tests do not depend on extraction quality. Every evidence span is found in
the real seed text by the phrase it covers; actor ids are what an extractor that does not
know the person would make from the name ("person:alexander-lavrentiev" in one article,
"person:alexander-lavrentyev" in another), so the registry has real work to do.
"""

from __future__ import annotations

import datetime as _dt
import json
from pathlib import Path

from idlib_corpus.corpus import _bundled_dir
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
    PlaceKind,
    Qualifier,
    Span,
    TimeValue,
)

SEEDS = Path(_bundled_dir())
A000 = "000_38a80fbcec21226f"
A001 = "001_c2bd785145093c50"
A002 = "002_21285f5f3d74523a"
A003 = "003_01e21d20706239ef"
A004 = "004_6cfccd7445f53bbb"

OUTLETS = {A000: None, A001: "Sputnik", A002: "TASS", A003: "Inforos", A004: "Anadolu Agency"}

ANKARA = Place("Ankara", PlaceKind.CITY, "TR", 39.91987, 32.85427, 323786)
MOSCOW = Place("Moscow", PlaceKind.CITY, "RU", 55.75222, 37.61556, 524901)
SOCHI = Place("Sochi", PlaceKind.CITY, "RU", 43.59917, 39.72569, 491422)
TURKEY = Place("Turkey", PlaceKind.COUNTRY, "TR", 39.0, 35.0, 298795)
RUSSIA = Place("Russia", PlaceKind.COUNTRY, "RU", 60.0, 100.0, 2017370)
IDLIB = Place("Idlib", PlaceKind.PROVINCE, "SY", 35.83333, 36.58333, 169387)
HATAY = Place("Hatay", PlaceKind.PROVINCE, "TR", 36.41667, 36.25, 312394)
SARAQIB = Place("Saraqib", PlaceKind.TOWN, "SY", 35.86442, 36.8067, 168668)
KHMEIMIM = Place("Khmeimim", PlaceKind.MILITARY_BASE, "SY", 35.40111, 35.94861)


def text_of(article_id: str) -> str:
    return (SEEDS / f"{article_id}.txt").read_text(encoding="utf-8")


def published(article_id: str) -> _dt.date:
    meta = json.loads((SEEDS / "metadata.json").read_text(encoding="utf-8"))
    return _dt.date.fromisoformat(meta[article_id]["published"])


class _Builder:
    """Finds phrases in one article's text, for spans."""

    def __init__(self, article_id: str) -> None:
        self.id = article_id
        self.text = text_of(article_id)
        self.n = 0

    def span(self, phrase: str, occurrence: int = 0) -> Span:
        start = -1
        for _ in range(occurrence + 1):
            start = self.text.index(phrase, start + 1)
        return Span(start, start + len(phrase))

    def place(self, place: Place, phrase: str, near: int = 0) -> Place:
        """The place as written at ``phrase``: its first occurrence from offset ``near``."""
        start = self.text.find(phrase, near)
        if start < 0:
            start = self.text.index(phrase)
        return Place(place.name, place.kind, place.country, place.latitude, place.longitude,
                     place.geonames_id, phrase, Span(start, start + len(phrase)))

    def person(self, slug: str, name: str, country: str | None, title: str | None,
               phrase: str | None = None, aliases: tuple[str, ...] = ()) -> Actor:
        mentions = (Mention(self.span(phrase or name), phrase or name),)
        return Actor(f"person:{slug}", name, ActorKind.PERSON, country, title, aliases,
                     mentions)

    def state(self, code: str, name: str, phrase: str) -> Actor:
        return Actor(f"state:{code}", name, ActorKind.STATE, code, None, (),
                     (Mention(self.span(phrase), phrase),))

    def meeting(self, kind: MeetingKind, status: MeetingStatus, phrase: str, *,
                parties: tuple[str, ...] = ("RU", "TR"), participants: tuple[str, ...] = (),
                place: Place | None = None, date: str | None = None) -> Meeting:
        self.n += 1
        evidence = self.span(phrase)
        if place is not None:
            place = self.place(place, place.text or place.name, evidence.start)
        return Meeting(f"meeting:{self.id}:{self.n}", kind, status, (evidence,),
                       parties, participants, place,
                       TimeValue.from_iso(date) if date else None)

    def incident(self, type_: IncidentType, phrase: str, *, perpetrators: tuple[str, ...] = (),
                 targets: tuple[str, ...] = (), place: Place | None = None,
                 date: str | None = None, **figures: Claim) -> Incident:
        self.n += 1
        evidence = self.span(phrase)
        if place is not None:
            place = self.place(place, place.text or place.name, evidence.start)
        return Incident(f"incident:{self.id}:{self.n}", type_, (evidence,),
                        perpetrators, targets, place,
                        TimeValue.from_iso(date) if date else None, **figures)

    def result(self, actors: list[Actor], meetings: list[Meeting],
               incidents: list[Incident]) -> ArticleResult:
        article = Article(self.id, self.text, outlet=OUTLETS[self.id],
                          published=published(self.id))
        return ArticleResult(article, tuple(actors), tuple(meetings), tuple(incidents))


def article_000() -> ArticleResult:
    b = _Builder(A000)
    return b.result(
        [b.person("lena-sobinina", "Lena Sobinina", "RU", "expert"),
         b.state("RU", "Russia", "Russian"), b.state("TR", "Turkey", "Turkish")],
        [b.meeting(MeetingKind.TALKS, MeetingStatus.ONGOING,
                   "Turkish officials are holding talks with Russian officials",
                   place=MOSCOW, date="2019-01-31/2019-02-01"),
         b.meeting(MeetingKind.SUMMIT, MeetingStatus.PLANNED,
                   "upcoming tripartite summit in Russia", parties=("IR", "RU", "TR"),
                   place=RUSSIA)],
        [],
    )


def article_001() -> ArticleResult:
    b = _Builder(A001)
    onal = b.person("sedat-onal", "Sedat Onal", "TR", "Deputy Foreign Minister")
    vershinin = b.person("sergei-vershinin", "Sergei Vershinin", "RU",
                         "Deputy Foreign Minister")
    lavrentyev = b.person("alexander-lavrentyev", "Alexander Lavrentyev", "RU",
                          "Special Presidential Representative on Syria")
    akar = b.person("hulusi-akar", "Hulusi Akar", "TR", "Defence Minister")
    return b.result(
        [onal, vershinin, lavrentyev, akar,
         b.person("recep-tayyip-erdogan", "Recep Tayyip Erdogan", "TR", "President"),
         b.person("vladimir-putin", "Vladimir Putin", "RU", "President"),
         b.person("bashar-assad", "Bashar Assad", "SY", "President"),
         b.state("RU", "Russia", "Russia and Turkey held talks"),
         b.state("TR", "Turkey", "Turkey held talks"),
         b.state("SY", "Syria", "Syrian government forces")],
        [b.meeting(MeetingKind.TALKS, MeetingStatus.HELD,
                   "Ankara hosted three-hour negotiations",
                   participants=(onal.id, vershinin.id, lavrentyev.id),
                   place=ANKARA, date="2020-02-08"),
         b.meeting(MeetingKind.TALKS, MeetingStatus.PLANNED,
                   "It was decided to continue negotiations next week",
                   date="2020-02-10/2020-02-16"),
         b.meeting(MeetingKind.TALKS, MeetingStatus.HELD, "during talks in May 2017",
                   parties=("IR", "RU", "TR"), date="2017-05")],
        [b.incident(IncidentType.DEPLOYMENT, "a convoy of 300 trucks and armoured vehicles",
                    perpetrators=("state:TR",), place=HATAY,
                    date="2020-02-07"),
         b.incident(IncidentType.ARMED_ATTACK,
                    "Turkish military officers came under fire of the Syrian government forces",
                    perpetrators=("state:SY",), targets=("state:TR",),
                    place=IDLIB, date="2020-02-03/2020-02-09"),
         b.incident(IncidentType.ARMED_ATTACK,
                    "Turkish troops struck over 50 targets and killed 76 Syrian army troops",
                    perpetrators=("state:TR",), targets=("state:SY",),
                    place=IDLIB, date="2020-02-03/2020-02-09",
                    killed=Claim(76, Qualifier.EXACT, "Defence Minister Hulusi Akar",
                                 b.span("76"))),
         b.incident(IncidentType.ARMED_ATTACK,
                    "continued militant attacks on civilians and government forces",
                    place=IDLIB)],
    )


def article_002() -> ArticleResult:
    b = _Builder(A002)
    return b.result(
        [b.person("mevlut-cavusoglu", "Mevlut Cavusoglu", "TR", "Foreign Minister"),
         b.person("ibrahim-kalin", "Ibrahim Kalin", "TR", "Presidential Spokesman"),
         b.person("bashar-assad", "Bashar Assad", "SY", "President"),
         b.person("recep-tayyip-erdogan", "Recep Tayyip Erdogan", "TR", "President"),
         Actor("armed_group:jabhat-al-nusra", "Jabhat al-Nusra", ActorKind.ARMED_GROUP,
               None, None, (), (Mention(b.span("Jabhat al-Nusra"), "Jabhat al-Nusra"),)),
         b.state("RU", "Russia", "Russian delegation"),
         b.state("TR", "Turkey", "Turkey"),
         b.state("SY", "Syria", "Syrian army")],
        [b.meeting(MeetingKind.TALKS, MeetingStatus.PLANNED,
                   "A delegation from Russia is expected to come to Turkey on Saturday",
                   place=TURKEY, date="2020-02-08"),
         b.meeting(MeetingKind.TALKS, MeetingStatus.PLANNED,
                   "Turkey was expecting a military delegation from Russia",
                   place=TURKEY)],
        [b.incident(IncidentType.TERRITORIAL_CHANGE,
                    "Syrian government troops entered the town of Saraqib",
                    perpetrators=("state:SY",), targets=("armed_group:jabhat-al-nusra",),
                    place=SARAQIB, date="2020-02-05"),
         b.incident(IncidentType.ARMED_ATTACK,
                    "Turkish forces had come under the Syrian army’s fire",
                    perpetrators=("state:SY",), targets=("state:TR",),
                    place=IDLIB, date="2020-02-03",
                    killed=Claim(8, Qualifier.EXACT, None,
                                 b.span("five military servicemen and three civilian"))),
         b.incident(IncidentType.ARMED_ATTACK,
                    "the Turkish army had carried out attacks on targets in Idlib",
                    perpetrators=("state:TR",), targets=("state:SY",),
                    place=IDLIB, date="2020-02-03"),
         b.incident(IncidentType.ARMED_ATTACK,
                    "military specialists from Russia and Turkey were killed",
                    targets=("state:RU", "state:TR"), place=IDLIB)],
    )


def article_003() -> ArticleResult:
    b = _Builder(A003)
    shoigu = b.person("sergey-shoigu", "Sergey Shoigu", "RU", "Defense Minister")
    akar = b.person("hulusi-akar", "Hulusi Akar", "TR", None)
    putin = b.person("vladimir-putin", "Vladimir Putin", "RU", "President")
    erdogan = b.person("recep-tayyip-erdogan", "Recep Tayyip Erdogan", "TR", "President")
    rouhani = b.person("hasan-rouhani", "Hasan Rouhani", "IR", "President")
    return b.result(
        [shoigu, akar, putin, erdogan, rouhani,
         b.state("RU", "Russia", "Russian"), b.state("TR", "Turkey", "Turkish")],
        [b.meeting(MeetingKind.TALKS, MeetingStatus.HELD,
                   "Russian, Turkish defense ministers meet for talks in Ankara on February 11",
                   participants=(shoigu.id, akar.id), place=ANKARA,
                   date="2019-02-11"),
         b.meeting(MeetingKind.TALKS, MeetingStatus.HELD,
                   "joint groups of the Russian and Turkish General Staff officers worked",
                   place=MOSCOW, date="2019-01-31/2019-02-02"),
         b.meeting(MeetingKind.SUMMIT, MeetingStatus.PLANNED,
                   "negotiations of Russian President Vladimir Putin with Presidents",
                   parties=("IR", "RU", "TR"), participants=(putin.id, erdogan.id, rouhani.id),
                   place=SOCHI, date="2019-02-14")],
        [b.incident(IncidentType.ARMED_ATTACK, "attempted attacks on Russian military bases",
                    targets=("state:RU",), place=KHMEIMIM),
         b.incident(IncidentType.DEPLOYMENT, "establishment of 12 watch posts",
                    perpetrators=("state:TR",), place=IDLIB)],
    )


def article_004() -> ArticleResult:
    b = _Builder(A004)
    onal = b.person("sedat-onal", "Sedat Önal", "TR", "Deputy Minister")
    lavrentiev = b.person("alexander-lavrentiev", "Alexander Lavrentiev", "RU",
                          "Special Representative")
    return b.result(
        [onal, lavrentiev,
         b.person("mevlut-cavusoglu", "Mevlüt Çavuşoğlu", "TR", "Foreign Minister"),
         b.person("bashar-al-assad", "Bashar al-Assad", "SY", None),
         b.state("RU", "Russia", "Russian officials"),
         b.state("TR", "Turkey", "Turkish interlocutors"),
         b.state("SY", "Syria", "Syrian government")],
        [b.meeting(MeetingKind.TALKS, MeetingStatus.HELD,
                   "officials from Turkey and Russia held three hours of talks",
                   participants=(onal.id, lavrentiev.id), place=ANKARA,
                   date="2020-02-08"),
         b.meeting(MeetingKind.TALKS, MeetingStatus.PLANNED, "agreeing to meet again next week",
                   date="2020-02-10/2020-02-16"),
         b.meeting(MeetingKind.TALKS, MeetingStatus.PLANNED,
                   "A delegation from Russia will arrive in Turkey",
                   place=TURKEY)],
        [b.incident(IncidentType.TERRITORIAL_CHANGE,
                    "Russian-led Syrian forces entered the strategic town of Saraqeb",
                    perpetrators=("state:SY",), date="2020-02-06",
                    place=Place("Saraqib", PlaceKind.TOWN, "SY", 35.86442, 36.8067, 168668,
                                "Saraqeb")),
         b.incident(IncidentType.ARMED_ATTACK, "Their shelling last week killed eight Turkish",
                    perpetrators=("state:SY",), targets=("state:TR",),
                    place=IDLIB, date="2020-02-03",
                    killed=Claim(8, Qualifier.EXACT, None, b.span("eight"))),
         b.incident(IncidentType.ARMED_ATTACK, "prompting a retaliation",
                    perpetrators=("state:TR",), targets=("state:SY",),
                    place=IDLIB, date="2020-02-03"),
         b.incident(IncidentType.DISPLACEMENT,
                    "displacing more than half a million people since early December",
                    perpetrators=("state:SY",), place=IDLIB,
                    date="2019-12-01/2020-02-09",
                    displaced=Claim(500000, Qualifier.AT_LEAST, None,
                                    b.span("more than half a million"))),
         b.incident(IncidentType.DISPLACEMENT,
                    "The escalation in Idlib has displaced around 600,000 people",
                    place=IDLIB, date="2019-12-01/2020-02-09",
                    displaced=Claim(600000, Qualifier.ABOUT, "the United Nations",
                                    b.span("around 600,000"))),
         b.incident(IncidentType.DISPLACEMENT,
                    "the latest assault has displaced close to one million people",
                    place=IDLIB,
                    displaced=Claim(1000000, Qualifier.ABOUT, "Ankara",
                                    b.span("close to one million")))],
    )


def seed_like_results() -> list[ArticleResult]:
    """The five hand-built results, in article order."""
    return [article_000(), article_001(), article_002(), article_003(), article_004()]

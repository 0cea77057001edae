"""Tests of the metadata extractor: headline, outlet, dateline, boilerplate lines."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from idlib_corpus.extractors.metadata import idlib_article_metadata, read_metadata
from idlib_corpus.folding import fold_name
from idlib_corpus.model import Article, ArticleMetadata
from idlib_corpus.options import Options
from idlib_corpus.pipeline import Pipeline


def meta(text: str) -> ArticleMetadata:
    m = read_metadata(Article(id="t", text=text))
    # Every value cites the words it came from.
    if m.title is not None:
        assert m.title_span is not None
        assert text[m.title_span.start : m.title_span.end] == m.title
    if m.outlet is not None:
        assert m.outlet_span is not None
        # Folded: a masthead in capitals ("YENİ ŞAFAK") is given as the outlet spells it.
        assert fold_name(text[m.outlet_span.start : m.outlet_span.end]) == fold_name(m.outlet)
    if m.dateline is not None:
        assert m.dateline_span is not None
        assert text[m.dateline_span.start : m.dateline_span.end].lower() == m.dateline.lower()
    return m


def boiler(text: str) -> list[str]:
    return [text[s.start : s.end] for s in meta(text).boilerplate]


# --------------------------------------------------------------------------- datelines


@pytest.mark.parametrize(
    ("first_line", "outlet", "place", "published"),
    [
        ("DAMASCUS (Reuters) - Syrian troops advanced.", "Reuters", "Damascus", None),
        ("BEIRUT (AP) — Jets struck a market.", "AP", "Beirut", None),
        ("ISTANBUL (AA) - Officials met.", "AA", "Istanbul", None),
        ("MOSCOW, March 5 (Reuters) - The Kremlin said.", "Reuters", "Moscow", None),
        ("MOSCOW, March 5, 2020 (Reuters) - The Kremlin said.", "Reuters", "Moscow",
         dt.date(2020, 3, 5)),
        ("SOCHI, September 17. /TASS/. Leaders agreed.", "TASS", "Sochi", None),
        ("SOCHI, 17 September 2018. /TASS/. Leaders agreed.", "TASS", "Sochi",
         dt.date(2018, 9, 17)),
        ("GAZIANTEP-Anadolu Agency", "Anadolu Agency", "Gaziantep", None),
        ("RAS AL-AIN (Reuters) - Fighters moved.", "Reuters", "Ras Al-Ain", None),
        ("BEIRUT/AMMAN, March 5 (Reuters) - Envoys met.", "Reuters", "Beirut", None),
        ("(Reuters) - Turkish troops moved south.", "Reuters", None, None),
        ("By Amberin Zaman, Al-Monitor", "Al-Monitor", None, None),
        ("By Jane Roe | Reuters", "Reuters", None, None),
        ("TEHRAN, Jan. 3 — Iran warned on Friday.", None, "Tehran", None),
    ],
)
def test_datelines(
    first_line: str, outlet: str | None, place: str | None, published: dt.date | None
) -> None:
    m = meta(f"Leaders agree on a buffer zone\n\n{first_line}\nThe rest of the story follows.")
    assert (m.outlet, m.dateline, m.published) == (outlet, place, published)
    assert m.title == "Leaders agree on a buffer zone"


def test_an_outlet_the_story_cites_is_not_the_author() -> None:
    text = (
        "Convoy reaches the border\n\n"
        "Turkish armour reached the border, the Anadolu news agency reported on Friday.\n"
        "A local agency, News agency Sana, was quoted too.\n"
    )
    assert meta(text).outlet is None


def test_news_agency_credit_in_a_breadcrumb() -> None:
    text = "Talks resume in Astana / Politics / News agency Kazinform\nRate it\nTalks resume."
    m = meta(text)
    assert (m.title, m.outlet) == ("Talks resume in Astana", "Kazinform")


def test_site_name_after_a_bar() -> None:
    m = meta("Ankara warns Damascus | Daily Sabah\n\nANKARA\n\nAnkara warned on Friday.")
    assert (m.title, m.outlet, m.dateline) == ("Ankara warns Damascus", "Daily Sabah", "Ankara")


def test_dated_line_above_the_story_gives_the_date() -> None:
    m = meta("Talks end without deal\nMarch 6, 2020\nThe talks ended without a deal.")
    assert m.published == dt.date(2020, 3, 6)
    m = meta("Talks end without deal\n06.03.2020 14:20\nThe talks ended without a deal.")
    assert m.published == dt.date(2020, 3, 6)


def test_site_navigation_above_the_headline() -> None:
    text = (
        "Skip to main content\nWIRE NEWS\nTop Stories\nVideo\n\n"
        "Drone strike kills four at a checkpoint near Afrin\n\n"
        "ALEPPO, Syria (AP) — A drone struck a checkpoint on Tuesday, a monitor said.\n"
    )
    m = meta(text)
    assert (m.title, m.outlet, m.dateline) == (
        "Drone strike kills four at a checkpoint near Afrin", "AP", "Aleppo"
    )
    assert boiler(text) == ["Skip to main content", "WIRE NEWS", "Top Stories", "Video"]


@pytest.mark.parametrize(
    ("credit", "outlet"),
    [
        ("Middle East Eye staff", "Middle East Eye"),
        ("HURRIYET DAILY NEWS WITH AGENCIES", "Hurriyet Daily News"),
        ("By Kyiv Post Staff", "Kyiv Post"),
        ("TRT World and agencies", "TRT World"),
        ("Al Jazeera and news agencies", "Al Jazeera"),
    ],
)
def test_staff_credit_lines(credit: str, outlet: str) -> None:
    text = f"Envoys meet again over the Idlib truce\n{credit}\n\nEnvoys met again on Monday."
    m = meta(text)
    assert m.outlet == outlet
    assert credit in boiler(text)


def test_site_name_header_or_copyright_footer_of_a_known_outlet() -> None:
    text = "Enab Baladi\nNews\n\nShelling hits Ariha market again\n\nShelling hit Ariha again."
    assert meta(text).outlet == "Enab Baladi"
    text = "Shelling hits Ariha market\n\nShelling hit Ariha.\n\nCopyright 2020 Bloomberg. All."
    assert meta(text).outlet == "Bloomberg"
    text = "Shelling hits Ariha market\n\nSource: Interfax | 2020-03-01\n\nShelling hit Ariha."
    assert meta(text).outlet == "Interfax"
    # A name the knowledge base does not know as an outlet is not taken for one.
    assert meta("Ministry of Defence\n\nShelling hits Ariha market\n\nText.").outlet is None


def test_related_block_and_credit_lines_are_boilerplate() -> None:
    text = (
        "Truce talks stall in Moscow\n\n"
        "MOSCOW (Reuters) - Talks stalled on Tuesday, two diplomats said.\n"
        "Related stories\n"
        "Kremlin says no date set for next round\n"
        "Ankara calls for a new truce\n"
        "The next round may be held in Ankara, they added.\n"
        "Jane Roe in Ankara contributed to this report.\n"
    )
    assert boiler(text) == [
        "Related stories",
        "Kremlin says no date set for next round",
        "Ankara calls for a new truce",
        "Jane Roe in Ankara contributed to this report.",
    ]


@pytest.mark.parametrize(
    "date_line",
    [
        "Published time: 3 Mar, 2020 09:15",
        "March 3, 2020 / 9:15 AM / Updated",
        "Source: Wire | 2020-03-03 09:15:00 | Editor: desk",
        "Updated on: March 3, 2020",
    ],
)
def test_date_lines_give_the_publication_date(date_line: str) -> None:
    text = f"Truce talks stall in Moscow\n{date_line}\n\nTalks stalled on Tuesday."
    m = meta(text)
    assert m.published == dt.date(2020, 3, 3)
    assert m.title == "Truce talks stall in Moscow"
    assert date_line in boiler(text)


def test_no_year_no_date() -> None:
    assert meta("A\n\nANKARA, March 6. /TASS/. Talks ended.").published is None


# --------------------------------------------------------------------------- titles


def test_title_without_source_attribution() -> None:
    m = meta("Middle East\n\nKremlin Says Summit Will Go Ahead - Presidential Aide\n\nText.")
    assert m.title == "Kremlin Says Summit Will Go Ahead"


def test_title_keeps_a_dash_clause() -> None:
    m = meta("Turkey - a reluctant partner in the talks on Idlib\n\nText follows here.")
    assert m.title == "Turkey - a reluctant partner in the talks on Idlib"


def test_section_names_are_skipped() -> None:
    m = meta("All news\nPolitics\n\nPutin and Erdogan agree on ceasefire\n\nMOSCOW (AP) — Text.")
    assert m.title == "Putin and Erdogan agree on ceasefire"


def test_prose_first_means_no_title() -> None:
    text = (
        "Turkish and Russian officials met in Ankara on Saturday to discuss the fighting, "
        "officials said.\n\nThey agreed to meet again."
    )
    assert meta(text).title is None


def test_empty_and_blank_texts() -> None:
    assert meta("").title is None
    assert meta("   \n\n  ").boilerplate == ()


# --------------------------------------------------------------------------- boilerplate


def test_widgets_footers_and_foreign_lines() -> None:
    text = (
        "Ceasefire holds in the north\n"
        "Share this\n"
        "BEIRUT (AP) — The truce held for a third day, monitors said.\n"
        "Read also: Russia sends more police\n"
        "Monitors reported no clashes overnight.\n"
        "Comments\n"
        "Напишите нам\n"
        "Reporting by Jane Roe; Editing by John Doe\n"
    )
    assert boiler(text) == [
        "Share this",
        "Read also: Russia sends more police",
        "Comments",
        "Напишите нам",
        "Reporting by Jane Roe; Editing by John Doe",
    ]


def test_related_headline_inside_the_story() -> None:
    text = (
        "Ceasefire holds in the north\n\n"
        "BEIRUT (AP) — The truce held for a third day, monitors said.\n"
        "Moscow Sends Military Police Units to Patrol Northern Towns\n"
        "Monitors reported no clashes overnight.\n"
    )
    assert boiler(text) == ["Moscow Sends Military Police Units to Patrol Northern Towns"]


def test_repeated_headline_and_lone_credit_lines() -> None:
    text = (
        "Convoy reaches Idlib\n\nConvoy reaches Idlib\n\nHATAY-Anadolu Agency\n"
        "A Turkish convoy reached Idlib on Friday.\nAnadolu Agency\n"
    )
    m = meta(text)
    assert m.title == "Convoy reaches Idlib" and m.title_span == line_span(text, 0)
    assert boiler(text) == ["Convoy reaches Idlib", "HATAY-Anadolu Agency", "Anadolu Agency"]


def line_span(text: str, line_no: int) -> object:
    from idlib_corpus.model import Span

    start = 0
    for _ in range(line_no):
        start = text.index("\n", start) + 1
    return Span(start, text.index("\n", start))


def test_hook_returns_metadata() -> None:
    got = idlib_article_metadata(Article(id="x", text="Headline here now\n\n(AP) — Body."))
    assert isinstance(got, ArticleMetadata) and got.outlet == "AP"


# --------------------------------------------------------------------------- page layouts
# Pages as sites lay them out: masthead, navigation bar, section word, headline, dateline.

STORY = "Officials said on Monday that the talks would go on.\n\nMore talks are planned."


@pytest.mark.parametrize(
    ("masthead", "outlet"),
    [
        ("BLOOMBERG", "Bloomberg"),
        ("Euronews - Home", "Euronews"),
        ("THE WASHINGTON POST", "The Washington Post"),
        ("Enab Baladi | English", "Enab Baladi"),
        ("YENİ ŞAFAK", "Yeni Şafak"),
        ("DEUTSCHE WELLE", "Deutsche Welle"),
    ],
)
def test_masthead_then_navigation_then_headline(masthead: str, outlet: str) -> None:
    title = "Convoy of armoured vehicles crosses into Idlib overnight"
    text = (f"{masthead}\nHome | Politics | World | Business\nRegion › Levant\n\n"
            f"{title}\n\n{STORY}")
    m = meta(text)
    assert (m.title, m.outlet) == (title, outlet)
    marked = boiler(text)
    assert marked[:3] == [masthead, "Home | Politics | World | Business", "Region › Levant"]
    assert title not in marked


def test_lone_section_words_between_navigation_and_headline() -> None:
    title = "Ceasefire holds for a third day along the front line"
    text = (f"Kurdistan 24\nEnglish | Kurdî\nGulf\nSyria Crisis\n\n{title}\n\n"
            f"A short standfirst without a final stop\n\n{STORY}")
    m = meta(text)
    assert (m.title, m.outlet) == (title, "Kurdistan 24")
    assert {"English | Kurdî", "Gulf", "Syria Crisis"} <= set(boiler(text))


def test_a_masthead_that_is_not_a_known_outlet_is_still_the_site() -> None:
    # "Regional Daily Courier" is not in the knowledge base, but a short name above the
    # navigation bar is the site's masthead: the outlet (the gold sets take it so); the
    # bar is still navigation and the headline is still found.
    title = "Farmers return to fields near the M5 highway"
    text = f"Regional Daily Courier\nNews | Sport | Weather\n\n{title}\n\n{STORY}"
    m = meta(text)
    assert (m.title, m.outlet) == (title, "Regional Daily Courier")
    assert "News | Sport | Weather" in boiler(text)


@pytest.mark.parametrize(
    ("line", "is_nav"),
    [
        ("News | Opinion | Sport", True),
        ("World › Middle East › Syria", True),
        ("Home » Region » Levant", True),
        ("Politics | Middle East and Africa", True),
        ("English | Arabic", True),
        ("Envoys meet again to discuss the truce | Daily Bugle", False),
        ("Troops move north | officials say more will follow", False),
    ],
)
def test_navigation_bars(line: str, is_nav: bool) -> None:
    title = "Envoys meet to discuss the truce in Idlib"
    text = f"{line}\n\n{title}\n\n{STORY}" if is_nav else f"{line}\n\n{STORY}"
    m = meta(text)
    assert (line in boiler(text)) is is_nav
    if is_nav:
        assert m.title == title


def test_headline_has_at_most_25_words() -> None:
    ticker = " ".join(["Live"] + ["word"] * 27)  # 28 words, no full stop: not a headline
    title = "Rockets hit a market in the town of Atarib"
    m = meta(f"{ticker}\n\n{title}\n\n{STORY}")
    assert m.title == title


@pytest.mark.parametrize(
    ("first_line", "outlet", "place"),
    [
        # Place. Date. OUTLET -
        ("Aleppo. March 3. XINHUA - Shells hit the city.", "Xinhua", "Aleppo"),
        ("Damascus. Jan 9. RIA - Talks began.", "RIA", "Damascus"),
        # Place, OUTLET- (a known outlet or one written in capitals)
        ("Qamishli, ANHA- Forces moved north.", "ANHA", "Qamishli"),
        ("Hasakah, Hawar News Agency - Forces moved.", "Hawar News Agency", "Hasakah"),
        # Place - Outlet, the whole line
        ("Geneva - Euronews", "Euronews", "Geneva"),
        # Not datelines: the part after the comma or dash is no outlet.
        ("Moscow, Ankara - the two capitals differ.", None, None),
        ("Beirut - Ministry Officials", None, None),
        ("Idlib, TURKEY - Troops crossed.", None, None),  # capitals, but a country
        ("Idlib, HTS - Fighters said.", None, None),  # capitals, but an armed group
        ("Kobani, KNX- Fighters said.", "KNX", "Kobani"),  # an agency the KB does not know
    ],
)
def test_datelines_crediting_an_outlet_without_brackets(
    first_line: str, outlet: str | None, place: str | None
) -> None:
    m = meta(f"Leaders agree on a buffer zone\n\n{first_line}\n{STORY}")
    assert (m.outlet, m.dateline) == (outlet, place)


def test_a_dateline_credit_beats_the_masthead() -> None:
    text = ("Hawar News Agency\nNews | Reports\n\nForces repel an attack near Tal Tamr\n\n"
            "Tal Tamr, ANHA- Forces repelled an attack on Sunday.\n" + STORY)
    m = meta(text)
    assert (m.outlet, m.dateline) == ("ANHA", "Tal Tamr")


@pytest.mark.parametrize(
    ("masthead", "credit", "outlet"),
    [
        ("Mehr News Agency", "(Mehr) –", "Mehr News Agency"),
        ("Step News Agency", "(Step News) -", "Step News Agency"),
        ("Fars News Agency", "(Fars) —", "Fars News Agency"),
        # another name, or more than "Agency" after it: the credit stands
        ("Hawar News Agency", "(ANHA) -", "ANHA"),
        ("The National", "(Reuters) -", "Reuters"),
    ],
)
def test_an_agency_credited_by_its_short_name_under_its_masthead(
    masthead: str, credit: str, outlet: str
) -> None:
    text = (f"{masthead}\nHome | Reports | News\n\nRival factions clash near the border\n\n"
            f"RAQQA, Syria {credit} Two factions fought on Monday.\n{STORY}")
    assert meta(text).outlet == outlet


@pytest.mark.parametrize(
    "row",
    ["Menu Search Sign in", "Share Tweet Email Print", "Home World Middle East Opinion",
     "Log in Subscribe"],
)
def test_a_row_of_buttons_above_the_headline_is_not_the_headline(row: str) -> None:
    title = "Rival factions clash near the border crossing"
    text = f"{row}\n{title}\n\n{STORY}"
    assert meta(text).title == title
    assert row in boiler(text)


@pytest.mark.parametrize(
    "prompt",
    [
        "Subscribe to our free evening bulletin",
        "Get our weekly briefing",
        "The morning newsletter",
        "Top stories, straight to your inbox",
        "Sign up for breaking news alerts",
        "Join our channel on Telegram",
    ],
)
def test_a_call_to_action_above_the_headline_is_not_the_headline(prompt: str) -> None:
    title = "Rival factions clash near the border crossing"
    text = f"Daily Planet\nWorld | Opinion | Sport\n{prompt}\n\nMiddle East\n\n{title}\n\n{STORY}"
    m = meta(text)
    assert m.title == title
    assert prompt in boiler(text)


@pytest.mark.parametrize(
    ("below", "place"),
    [
        ("ALEPPO\nMarch 3 2020 10:00\n", "Aleppo"),
        ("Jane Roe / Ankara\n", "Ankara"),
        # a reporter "in" a known place, as British papers credit one (read like
        # "Jane Roe, Ankara": the place the story is filed from)
        ("Tom Hale in Istanbul\nMon 3 Feb 2020 10.05 GMT\n", "Istanbul"),
        ("Mary Ann Cole in Moscow\n", "Moscow"),
        ("Democracy Dies in Darkness\n", None),  # no place the knowledge base knows
        ("Leaders Gather in Numbers\n", None),
        ("By Jane Roe / Ankara\n", "Ankara"),
        ("", None),
    ],
)
def test_datelines_below_the_headline(below: str, place: str | None) -> None:
    text = f"World | Europe\n\nRefugees gather at the border crossing\n\n{below}{STORY}"
    m = meta(text)
    assert (m.title, m.dateline) == ("Refugees gather at the border crossing", place)


def test_place_and_country_before_a_dash() -> None:
    title = "Refugees gather at the border crossing"
    m = meta(f"{title}\n\nReyhanli, Turkey — Families waited at the gate.\n{STORY}")
    assert m.dateline == "Reyhanli"
    # The same form deep in the story is prose, not a dateline.
    m = meta(f"{title}\n\n{STORY}\nKilis, Turkey — more families came later.\n")
    assert m.dateline is None


@pytest.mark.parametrize(
    ("footer", "outlet"),
    [
        ("SOURCE: Euronews and news agencies", "Euronews"),
        ("Source: Bloomberg with agencies", "Bloomberg"),
        ("source: Rudaw", "Rudaw"),
    ],
)
def test_source_footer_names_the_outlet(footer: str, outlet: str) -> None:
    m = meta(f"Refugees gather at the border crossing\n\n{STORY}\n\n{footer}")
    assert m.outlet == outlet


@pytest.mark.parametrize(
    ("date_line", "date"),
    [
        ("Tue 3 Mar 2020 10.15 GMT", dt.date(2020, 3, 3)),
        ("Published date: 4 March 2020 08:00 UTC", dt.date(2020, 3, 4)),
        ("Wednesday, 4 March, 2020 - 09:30", dt.date(2020, 3, 4)),
    ],
)
def test_date_lines_with_weekdays_and_labels(date_line: str, date: dt.date) -> None:
    text = f"Refugees gather at the border crossing\n\n{date_line}\n\n{STORY}"
    m = meta(text)
    assert m.published == date
    assert date_line in boiler(text)


# --------------------------------------------------------------------------- properties

places = st.lists(st.sampled_from(["ANKARA", "MOSCOW", "IDLIB", "SOCHI", "AL-BAB", "NEW YORK",
                                   "TELL ABYAD", "ASTANA", "GENEVA"]), min_size=1, max_size=1)
outlets = st.sampled_from(["Reuters", "AP", "AFP", "Sputnik", "Xinhua", "DPA", "Al Jazeera",
                           "Kyodo News", "Interfax"])
months = st.sampled_from(["January", "Feb.", "March", "Aug.", "September", "Dec."])
titles = st.sampled_from([
    "Turkey and Russia agree to new patrols",
    "Syrian army takes key town",
    "Envoys meet again in Geneva",
    "Erdogan, Putin to hold talks on Idlib",
])


@given(places, outlets, months, st.integers(1, 28), st.none() | st.integers(1990, 2030),
       st.sampled_from(["paren", "tass", "reuters_dated", "dash_line"]), titles,
       st.sampled_from(["", "World\n\n", "All news\n"]), st.sampled_from(["", "\nShare it...",
                                                                          "\nDiscuss"]))
def test_generated_datelines(
    place: list[str], outlet: str, month: str, day: int, year: int | None, style: str,
    title: str, header: str, footer: str,
) -> None:
    p = place[0]
    date = f"{month} {day}" + (f", {year}" if year else "")
    body = "Officials said the talks would continue."
    line = {
        "paren": f"{p} ({outlet}) - {body}",
        "tass": f"{p}, {date}. /{outlet.replace(' ', '')}/. {body}",
        "reuters_dated": f"{p}, {date} ({outlet}) - {body}",
        "dash_line": f"{p}-{outlet}\n{body}",
    }[style]
    text = f"{header}{title}\n\n{line}{footer}"
    m = meta(text)
    expected_outlet = outlet.replace(" ", "") if style == "tass" else outlet
    assert m.outlet == expected_outlet
    assert m.dateline == p.title()
    assert m.title == title
    if style in ("tass", "reuters_dated") and year is not None:
        assert m.published is not None and (m.published.year, m.published.day) == (year, day)
    else:
        assert m.published is None
    marked = boiler(text)
    if footer:
        assert footer.strip() in marked
    if header:
        assert header.strip() in marked
    assert title not in marked


@given(st.text(max_size=600))
def test_never_raises_and_spans_cite_the_text(text: str) -> None:
    m = meta(text)
    for span in m.boilerplate:
        assert 0 <= span.start <= span.end <= len(text)


@given(st.lists(st.sampled_from(
    ["ANKARA", "(Reuters)", "-", "—", "/TASS/", ".", "By", "Jane", ",", "News agency", "X",
     "\n", "Share", "World", "Feb.", "8", "2020", "|", "/", "Title", "Words", "said."]),
    max_size=40))
def test_never_raises_on_dateline_soup(words: list[str]) -> None:
    meta(" ".join(words))


nav_items = st.sampled_from(["News", "World", "Middle East", "Opinion", "Sport", "Video",
                             "Culture", "Business", "Europe", "Analysis", "Gulf", "Arts and Life"])


@given(st.lists(nav_items, min_size=2, max_size=7), st.sampled_from([" | ", " › ", " » ", "|"]),
       titles)
def test_generated_navigation_bars_are_never_the_headline(
    items: list[str], sep: str, title: str
) -> None:
    bar = sep.join(items)
    text = f"Anadolu Agency\n{bar}\n\n{title}\n\n{STORY}"
    m = meta(text)
    assert (m.title, m.outlet) == (title, "Anadolu Agency")
    assert bar in boiler(text)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Tuesday 3rd March 2020", dt.date(2020, 3, 3)),
        ("March 3rd, 2020", dt.date(2020, 3, 3)),
        ("2020/03/02 10:15", dt.date(2020, 3, 2)),
        ("Published 29 January، 2020", dt.date(2020, 1, 29)),
    ],
)
def test_date_lines_in_other_layouts_give_the_publication_date(
    line: str, expected: dt.date
) -> None:
    # Layouts our own grammar does not read go to dateparser (English, full dates only).
    text = (
        "Turkish troops advance in Idlib\n\n" + line + "\n\n"
        "Turkish troops advanced near Saraqib on Monday, the ministry said.\n"
    )
    result = Pipeline(options=Options(load_entrypoints=False)).parse(text, id="x")
    assert result.article.published == expected
    assert result.article.title == "Turkish troops advance in Idlib"


# ------------------------------------------------- web-page chrome of unfamiliar sites


def test_a_sentence_case_section_banner_is_not_the_headline() -> None:
    text = ("LE COURRIER\nDaily digest | In brief\n\n"
            "Ankara and Tehran trade blame over border raid\n\n"
            "Iran and Turkey accused each other on Sunday of sheltering the gunmen.\n")
    m = meta(text)
    assert m.title == "Ankara and Tehran trade blame over border raid"
    assert "Daily digest | In brief" in boiler(text)


def test_a_headline_with_the_site_name_after_a_bar_is_still_a_headline() -> None:
    text = ("Envoys meet again over the Aleppo corridor | Gazette\n\n"
            "The envoys met for a second day.\n")
    assert meta(text).title == "Envoys meet again over the Aleppo corridor"


@pytest.mark.parametrize("notice", [
    "We use cookies to give you a better experience. Read our policy to learn more.",
    "This website uses cookies. By continuing to browse you accept them.",
    "By using this site you agree to our use of cookies.",
    "Accept all cookies and continue to the site",  # a button: no full stop
])
def test_a_cookie_notice_above_the_headline_does_not_end_the_header(notice: str) -> None:
    text = (f"EXAMPLE.ORG\nHome | Politics | Economy\n\n{notice}\n\nPOLITICS\n\n"
            "Baku and Yerevan agree to reopen rail link\n\n"
            "The two governments signed a protocol on Monday. It takes effect in May.\n\n"
            "TBILISI, EO - The agreement was signed in the Georgian capital.\n")
    m = meta(text)
    assert m.title == "Baku and Yerevan agree to reopen rail link"
    assert notice in boiler(text)


def test_a_capitals_dateline_below_a_standfirst_and_byline() -> None:
    text = ("The Evening Ledger\n\nFarmers Block Highway as Grain Prices Fall\n\n"
            "Tractors lined the road for miles. Officials promised talks.\n\n"
            "By Jane Roe and Omar Said\nApril 9, 2021\n\n"
            "LARISSA, Greece — Hundreds of farmers parked tractors across the main road "
            "north on Wednesday, the third protest this month.\n")
    m = meta(text)
    assert m.dateline == "Larissa"
    assert m.title == "Farmers Block Highway as Grain Prices Fall"


@pytest.mark.parametrize("story", [
    # a body in capitals, not a place
    "NATO, Ankara — and the alliance's other members — would meet again on Friday.\n",
    # a sentence further down, past the first paragraph
    "The meeting lasted two hours.\n\nLARISSA, Greece — a town of farmers, was quiet.\n",
])
def test_capitals_and_a_dash_below_a_standfirst_that_are_no_dateline(story: str) -> None:
    text = ("Alliance envoys gather after border clash\n\n"
            "Envoys met in closed session. No statement followed.\n\n" + story)
    assert meta(text).dateline is None


def test_a_site_that_names_itself_in_its_chrome_is_the_outlet() -> None:
    text = ("The Morning Courier\nHome | World | Sport\n\n"
            "Ceasefire talks stall over prisoner lists\n\n"
            "Negotiators left the hotel without a deal on Sunday.\n\n"
            "Get The Morning Courier's newsletters\n")
    assert meta(text).outlet == "The Morning Courier"
    shouting = ("KAVKAZ DIGEST\nNews | Video\n\nPipeline deal signed after long talks\n\n"
                "Kavkaz Digest | Mar 3 2021 09:15\n\n"
                "The two companies signed the deal on Monday.\n")
    assert meta(shouting).outlet == "Kavkaz Digest"


def test_a_first_line_named_nowhere_else_is_not_an_outlet() -> None:
    text = ("Blue Horizon\n\nCeasefire talks stall over prisoner lists\n\n"
            "Negotiators left the hotel without a deal on Sunday. Blue Horizon is the "
            "hotel's name.\n")
    assert meta(text).outlet is None
    # A place or a known body on the first line is a section, not a site.
    place = ("Syria\n\nCeasefire talks stall over prisoner lists\n\n"
             "Negotiators met.\n\nMore on Syria\n")
    assert meta(place).outlet is None


@pytest.mark.parametrize("line, outlet, place", [
    ("HOMS, Syria, April 2 (Reuters) - Shells hit the market.", "Reuters", "Homs"),
    ("Adana, Turkey, Jan. 9 (AP) — Shells hit the market.", "AP", "Adana"),
    ("(CNN)Shells hit the market on Friday.", "CNN", None),
])
def test_datelines_with_a_region_and_a_date_or_a_bare_bracket(
    line: str, outlet: str, place: str | None
) -> None:
    m = meta(f"Shells hit market in central Homs\n\n{line}\n\nMore follows.\n")
    assert (m.outlet, m.dateline) == (outlet, place)


def test_a_credit_line_without_by_names_a_known_outlet_only() -> None:
    text = "Shells hit market in central Homs\n\nOmar Said, Reuters\n\nShells hit it.\n"
    assert meta(text).outlet == "Reuters"
    text = "Shells hit market in central Homs\n\nOmar Said, Hama Times\n\nShells hit it.\n"
    assert meta(text).outlet is None


def test_a_shouting_masthead_is_given_as_the_knowledge_base_spells_it() -> None:
    text = ("AHVAL\nNews | Opinion\n\nPatrols halted on the highway after blast\n\n"
            "Patrols stopped.\n")
    assert meta(text).outlet == "Ahval"
    text = "SANA\n\nArmy units advance in the southern countryside\n\nUnits advanced.\n"
    assert meta(text).outlet == "SANA"


@pytest.mark.parametrize("footer, outlet", [
    ("Copyright 2021 The Associated Press. All rights reserved.", "Associated Press"),
    ("Copyright © 2021 Al Jazeera Media Network", "Al Jazeera"),
    ("(c) Copyright Thomson Reuters 2021.", "Thomson Reuters"),
    ("© Agence France-Presse", "Agence France-Presse"),
    # an outlet the knowledge base does not know: only with a year (a company's suffix
    # cut off); without one, a photographer's credit as likely
    ("Copyright 2021 Hama Gazette Media Group.", "Hama Gazette"),
    ("© 2020 Riverside Ledger. All rights reserved.", "Riverside Ledger"),
    ("Copyright © 2019 Cedar Broadcasting Ltd. All rights reserved.", "Cedar Broadcasting"),
    ("(c) The Evening Courier 2022", "The Evening Courier"),
    ("© Jane Roe", None),
    ("© 2020 Turkey", None),
])
def test_copyright_footers_of_known_outlets(footer: str, outlet: str | None) -> None:
    text = ("Shelling resumes near the Hama front line\n\n"
            "Shells fell on two villages on Sunday, residents said.\n\n" + footer + "\n")
    assert meta(text).outlet == outlet


@pytest.mark.parametrize("line, title, outlet", [
    ("Turkey shells army posts near Saraqib - Hurriyet Daily News",
     "Turkey shells army posts near Saraqib", "Hurriyet Daily News"),
    ("Turkey shells army posts near Saraqib – Al-Monitor",
     "Turkey shells army posts near Saraqib", "Al-Monitor"),
    ("Syria war: Turkey shells army posts near Saraqib - BBC News",
     "Syria war: Turkey shells army posts near Saraqib", "BBC"),
    ("Turkey shells army posts near Saraqib - Turkish Defence Ministry",
     "Turkey shells army posts near Saraqib", None),
])
def test_a_known_site_after_a_dash_in_the_headline(
    line: str, title: str, outlet: str | None
) -> None:
    m = meta(f"{line}\n\nGuns fired on Sunday.\n")
    assert (m.title, m.outlet) == (title, outlet)


@pytest.mark.parametrize("story, place", [
    ("AMMAN: Jordan closed the crossing on Monday.", "Amman"),
    ("EXCLUSIVE: Jordan closed the crossing on Monday.", None),
    ("NATO: the alliance met on Monday.", None),
])
def test_a_known_place_in_capitals_and_a_colon_opening_the_story(
    story: str, place: str | None
) -> None:
    assert meta(f"Jordan shuts border crossing with Syria\n\n{story}\n\nMore.\n").dateline == place


def test_a_reporters_role_in_a_byline_is_no_outlet() -> None:
    text = ("Aid convoy reaches besieged town near Hama\n\nBy Omar Said, Staff Writer\n\n"
            "The convoy arrived on Sunday.\n")
    assert meta(text).outlet is None
    text = ("Aid convoy reaches besieged town near Hama\n\nBy Omar Said, Al-Monitor\n\n"
            "The convoy arrived on Sunday.\n")
    assert meta(text).outlet == "Al-Monitor"


# ------------------------------------------------- site chrome, credits with places

_STORY = "Officials in the two capitals said the talks would resume next week.\n"


@pytest.mark.parametrize(
    ("top", "outlet"),
    [
        ("Levant Courier\nHome | Politics | Economy | Sport\n", "Levant Courier"),
        ("The Gazette of Thrace\nNews > World > Middle East\n", "The Gazette of Thrace"),
        ("Skip to main content\nEWN/TV\nLanguages\nSearch\n", "EWN/TV"),
        ("Bosporus Herald\nSign in\n", "Bosporus Herald"),
    ],
)
def test_an_unknown_site_name_above_the_page_chrome_is_the_outlet(top: str, outlet: str) -> None:
    m = meta(f"{top}\nTurkey and Russia reopen talks on the northern border\n\n{_STORY}")
    assert m.outlet == outlet
    assert m.title == "Turkey and Russia reopen talks on the northern border"


@pytest.mark.parametrize(
    "top",
    [
        "Syria\nHome | Politics | Economy\n",  # a place (a section), not a site
        "World News\nToday\n",  # no chrome below it
    ],
)
def test_no_site_name_where_the_first_line_is_no_masthead(top: str) -> None:
    m = meta(f"{top}\nTurkey and Russia reopen talks on the northern border\n\n{_STORY}")
    assert m.outlet is None


@pytest.mark.parametrize(
    "tagline", ["Independent Journalism Since 1998", "The Voice of the Region", "Fresh Views"]
)
def test_a_tagline_between_masthead_and_navigation_is_no_headline(tagline: str) -> None:
    text = (f"Levant Courier\n{tagline}\nNews | Opinion | Business\n\n"
            f"Ankara Warns Damascus Over Shelling Near Its Posts\n\nBy Levant Courier\n\n{_STORY}")
    m = meta(text)
    assert m.title == "Ankara Warns Damascus Over Shelling Near Its Posts"
    assert m.outlet == "Levant Courier"
    assert tagline in boiler(text)


def test_a_headline_above_a_share_bar_stays_the_headline() -> None:
    text = ("Levant Courier\nAnkara Warns Damascus Over Shelling Near Its Posts\n"
            "Share | Tweet | Email\n\n" + _STORY)
    assert meta(text).title == "Ankara Warns Damascus Over Shelling Near Its Posts"


@pytest.mark.parametrize(
    ("credit", "place"),
    [
        ("Levant Courier – Aleppo", "Aleppo"),
        ("Ayse Demir, Diplomatic Correspondent, Ankara", "Ankara"),
        ("Pavel Orlov Senior Reporter, Moscow", "Moscow"),
        ("By Omar Haddad, Beirut", "Beirut"),
    ],
)
def test_a_credit_line_naming_a_known_place_gives_the_dateline(credit: str, place: str) -> None:
    text = f"Ankara Warns Damascus Over Shelling Near Its Posts\n\n{credit}\n12/03/2020\n\n{_STORY}"
    assert meta(text).dateline == place


@pytest.mark.parametrize(
    "credit",
    [
        "Ayse Demir, Staff Writer",  # a role, no place
        "Moscow, Ankara",  # two places
        "Ayse Demir – Zorlu Kaya",  # no known place
    ],
)
def test_credit_lines_without_a_known_place_give_no_dateline(credit: str) -> None:
    text = f"Ankara Warns Damascus Over Shelling Near Its Posts\n\n{credit}\n\n{_STORY}"
    assert meta(text).dateline is None


@pytest.mark.parametrize(
    ("opening", "place", "outlet"),
    [
        ("Beirut (CNN) Officials said", "Beirut", "CNN"),
        ("Ankara, Turkey (AP) Officials said", "Ankara", "AP"),
        ("Moscow (Reuters) \"We will respond,\" officials said", "Moscow", "Reuters"),
    ],
)
def test_a_place_and_a_bracketed_outlet_without_a_dash(opening: str, place: str,
                                                       outlet: str) -> None:
    m = meta(f"Ankara Warns Damascus Over Shelling Near Its Posts\n\n{opening} on Monday.\n")
    assert (m.dateline, m.outlet) == (place, outlet)


def test_a_bracketed_acronym_after_an_unknown_name_is_no_dateline() -> None:
    m = meta("Ankara Warns Damascus Over Shelling Near Its Posts\n\n"
             "Doctors Without Borders (MSF) said two clinics were hit on Monday.\n")
    assert m.dateline is None and m.outlet is None


@pytest.mark.parametrize("byline", ["JANE ROE", "OMAR AL HADDAD", "By RFE/RL"])
def test_a_byline_in_capitals_gives_way_to_the_colon_dateline(byline: str) -> None:
    m = meta(f"Ankara Warns Damascus Over Shelling Near Its Posts\n\n{byline}\n"
             "May 3, 2020 10:12\n\nBEIRUT: Officials said the talks would resume.\n")
    assert m.dateline == "Beirut"


@pytest.mark.parametrize(
    ("opening", "place"),
    [
        ("Moscow — Officials said the talks would resume.", "Moscow"),
        ("Damascus – \"We will respond,\" officials said.", "Damascus"),
        ("Ankara, 20 October 2020\n\n" + _STORY, "Ankara"),
        ("Beirut, Tuesday, March 3, 2020\n\n" + _STORY, "Beirut"),
    ],
)
def test_a_known_place_in_mixed_case_with_a_long_dash_or_a_full_date(opening: str,
                                                                     place: str) -> None:
    m = meta(f"Ankara Warns Damascus Over Shelling Near Its Posts\n\n{opening}\n")
    assert m.dateline == place


@pytest.mark.parametrize(
    "opening",
    [
        "Zorlu Kaya — Officials said the talks would resume.",  # no known place
        "Moscow - Officials said the talks would resume.",  # a hyphen: maybe a list
        "Ayse Demir, 20 October 2020\n\n" + _STORY,
    ],
)
def test_no_mixed_case_dateline_without_a_known_place_and_a_long_dash(opening: str) -> None:
    m = meta(f"Ankara Warns Damascus Over Shelling Near Its Posts\n\n{opening}\n")
    assert m.dateline is None


def test_a_site_name_above_a_date_line_is_the_outlet() -> None:
    m = meta("Levant Courier\n20 October 2020\n"
             "Ankara Warns Damascus Over Shelling Near Its Posts\n\n" + _STORY)
    assert m.outlet == "Levant Courier"
    assert m.title == "Ankara Warns Damascus Over Shelling Near Its Posts"


@pytest.mark.parametrize(
    "crumbs", ["Home / World / Middle East", "News / Politics", "Home / Levant Courier / Syria"]
)
def test_a_breadcrumb_trail_with_slashes_above_the_headline_is_no_headline(crumbs: str) -> None:
    text = f"{crumbs}\nAnkara Warns Damascus Over Shelling Near Its Posts\n\n{_STORY}"
    m = meta(text)
    assert m.title == "Ankara Warns Damascus Over Shelling Near Its Posts"
    assert crumbs in boiler(text)


@pytest.mark.parametrize(
    ("credit", "outlet", "place"),
    [
        ("By Omar Haddad, Beirut", None, "Beirut"),  # a place is no outlet
        ("By Ayse Demir | AFP | Ankara", "AFP", "Ankara"),
        ("By Ayse Demir, Levant Courier, Ankara", "Levant Courier", "Ankara"),
        ("By Ayse Demir, Diplomatic Editor, Damascus", None, "Damascus"),
    ],
)
def test_a_byline_with_an_outlet_and_a_place(credit: str, outlet: str | None,
                                             place: str) -> None:
    m = meta(f"Ankara Warns Damascus Over Shelling Near Its Posts\n\n{credit}\n\n{_STORY}")
    assert (m.outlet, m.dateline) == (outlet, place)


@pytest.mark.parametrize("below", ["Share", "March 3, 2020", "Home | World"])
def test_a_short_headline_above_chrome_is_no_masthead(below: str) -> None:
    m = meta(f"Erdogan Meets Putin Again\n{below}\n\n{_STORY}")
    assert (m.title, m.outlet) == ("Erdogan Meets Putin Again", None)


# ------------------------------------------------------------ unfamiliar page layouts


@pytest.mark.parametrize("bar", [
    "World | Europe and Central Asia | Refugee crisis",
    "Home | Middle East | Gulf states | Yemen war",
    "News | U.S. | World | Business",
    "Subscribe | Log in | Newsletters",
])
def test_a_long_navigation_bar_is_no_headline(bar: str) -> None:
    text = (f"{bar}\n\nKurdish fighters pull back from border town as deadline nears\n\n"
            "Local officials said the withdrawal began at dawn on Friday.\n")
    m = meta(text)
    assert m.title == "Kurdish fighters pull back from border town as deadline nears"
    assert bar in boiler(text)


@pytest.mark.parametrize("dash", ["--", "—", "-"])
@pytest.mark.parametrize("place", ["BEIRUT", "ANKARA"])
def test_a_dateline_after_a_standfirst_with_a_double_hyphen(dash: str, place: str) -> None:
    text = ("Ceasefire frays as shelling resumes near southern villages\n\n"
            "Monitors say the truce has held for less than a week.\n\n"
            f"{place} {dash} Artillery fire hit two villages overnight, residents said.\n")
    assert meta(text).dateline == place.title()


@pytest.mark.parametrize(("site", "nav"), [
    ("Levant Courier", "World | Politics | U.S. | Live"),
    ("EASTERN POST", "News | Opinion | Middle East and Africa | Climate"),
    ("Bosphorus Ledger", "Home | Region"),
])
def test_an_unknown_site_above_a_navigation_bar_is_the_outlet(site: str, nav: str) -> None:
    text = (f"{site}\n{nav}\n\nBorder crossing reopens after two days of talks\n\n"
            "By Jane Roe\nMarch 3, 2021\n\nThe crossing reopened on Tuesday, officials said.\n")
    m = meta(text)
    assert m.title == "Border crossing reopens after two days of talks"
    assert m.outlet is not None and fold_name(m.outlet) == fold_name(site)


def test_a_cookie_notice_above_the_masthead_is_chrome() -> None:
    text = ("We use cookies to keep this site secure. Accept cookies | Manage cookies\n\n"
            "NORTHERN HERALD\nWorld | Asia and the Pacific | Trade talks\n\n"
            "Exporters brace for new tariffs as talks stall\n\nThe talks stalled on Friday.\n")
    m = meta(text)
    assert (m.title, m.outlet) == ("Exporters brace for new tariffs as talks stall",
                                   "Northern Herald")


@pytest.mark.parametrize(("site", "tagline", "section"), [
    ("The Washington Post", "Democracy Dies in Darkness", "Middle East"),
    ("Harbour Gazette", "Independent Since 1921", "World | Politics"),
    ("The Guardian", "Facts Are Sacred Here", "Opinion"),
])
def test_a_tagline_under_the_masthead_is_no_headline(site: str, tagline: str,
                                                     section: str) -> None:
    text = (f"{site}\n{tagline}\n\n{section}\n\n"
            "Aid convoy reaches besieged town after weeks of delay\n\n"
            "The convoy arrived on Sunday, the agency said.\n")
    m = meta(text)
    assert m.title == "Aid convoy reaches besieged town after weeks of delay"
    assert tagline in boiler(text)
    assert m.outlet is not None and fold_name(m.outlet) == fold_name(site)


@pytest.mark.parametrize("rubric", ["Analysis | ", "Opinion | ", "EXCLUSIVE: ", "Analysis: "])
def test_a_section_rubric_before_the_headline_is_cut(rubric: str) -> None:
    headline = "Why the northern front keeps shifting despite the truce"
    text = f"Riverside Times | World News\n\n{rubric}{headline}\n\nThe front moved again.\n"
    m = meta(text)
    assert m.title == headline
    assert m.outlet == "Riverside Times"


def test_a_headline_with_a_colon_is_no_rubric() -> None:
    text = "Idlib: Turkey sends more troops to the province\n\nThe convoy crossed at night.\n"
    assert meta(text).title == "Idlib: Turkey sends more troops to the province"


@pytest.mark.parametrize("outlet", ["Haaretz", "Financial Times", "NPR", "Middle East Monitor",
                                    "Tehran Times", "Syria Direct", "France 24"])
def test_a_major_outlet_is_known_as_a_masthead(outlet: str) -> None:
    text = (f"{outlet}\n\nMinisters trade blame as talks on border crossing collapse\n\n"
            "The talks collapsed late on Monday, diplomats said.\n")
    m = meta(text)
    assert m.outlet == outlet
    assert m.title == "Ministers trade blame as talks on border crossing collapse"


@pytest.mark.parametrize(("footer", "outlet"), [
    ("The Riverside Ledger's Jane Roe contributed to this report.", "Riverside Ledger"),
    ("Cedar News' Omar Haddad in Beirut contributed reporting.", "Cedar News"),
    ("Reuters' Jane Roe contributed to this story.", "Reuters"),
])
def test_a_credit_for_the_outlets_reporter_names_the_outlet(footer: str, outlet: str) -> None:
    text = ("Shelling resumes near the Hama front line\n\n"
            "Shells fell on two villages on Sunday, residents said.\n\n" + footer + "\n")
    assert meta(text).outlet == outlet


@pytest.mark.parametrize("stamp", ["Updated 3 hours ago", "Published 20 minutes ago",
                                   "Last updated: 2 days ago", "5 min read"])
def test_a_clock_stamp_above_the_headline_is_chrome(stamp: str) -> None:
    headline = "Border crossing reopens after two days of talks"
    text = f"Riverside Times | World News\n\n{stamp}\n\n{headline}\n\nIt reopened.\n"
    m = meta(text)
    assert m.title == headline
    assert stamp in boiler(text)


@pytest.mark.parametrize(("line", "place"), [
    ("ANKARA, Turkey, March 3 — Troops moved in.", "Ankara"),
    ("GAZIANTEP, Turkey — Troops moved in.", "Gaziantep"),
    ("BEIRUT, Feb. 8 -- Troops moved in.", "Beirut"),
])
def test_a_dateline_with_a_region_and_a_date(line: str, place: str) -> None:
    text = f"Border crossing reopens after two days of talks\n\n{line}\n"
    assert meta(text).dateline == place


@pytest.mark.parametrize(("byline", "outlet"), [
    ("Jane Roe | Reuters", "Reuters"),
    ("Omar Haddad | Anadolu Agency", "Anadolu Agency"),
    ("Lena Holm | AFP", "AFP"),
])
def test_a_byline_with_a_bar_before_a_known_outlet_is_no_navigation(byline: str,
                                                                   outlet: str) -> None:
    text = f"Border crossing reopens after two days of talks\n\n{byline}\n\nIt reopened.\n"
    assert meta(text).outlet == outlet


@pytest.mark.parametrize("headline", ["Turkey: five soldiers killed in shelling near the border",
                                      "Russia: talks with Ankara on the truce will go on",
                                      "US: sanctions will follow any new offensive",
                                      "Syria: army enters key town after weeks of fighting"])
def test_a_place_before_a_colon_is_part_of_the_headline(headline: str) -> None:
    text = f"Riverside Times | World News\n\n{headline}\n\nIt happened on Monday.\n"
    assert meta(text).title == headline


_SECTION_WORDS = ["World", "Middle East", "Europe and Asia", "U.S.", "Politics", "Syria war",
                  "Refugee crisis", "Analysis", "Live", "Gulf states", "Opinion", "Business"]


@given(st.lists(st.sampled_from(_SECTION_WORDS), min_size=3, max_size=6),
       st.sampled_from([" | ", " › ", " » "]),
       st.integers(min_value=1, max_value=59), st.sampled_from(["minutes", "hours", "days"]))
def test_navigation_trails_and_clock_stamps_never_make_the_headline(
        items: list[str], sep: str, n: int, unit: str) -> None:
    headline = "Border crossing reopens after two days of talks"
    text = (f"{sep.join(items)}\n\nUpdated {n} {unit} ago\n\n{headline}\n\n"
            "The crossing reopened on Monday, officials said.\n")
    assert meta(text).title == headline


@pytest.mark.parametrize("line", ["Turkey warns Russia | Middle East | Riverside Times",
                                  "Ceasefire holds in Idlib | World news | Riverside Times"])
def test_a_short_headline_with_a_section_and_the_site_is_the_headline(line: str) -> None:
    text = f"{line}\n\nThe truce held on Monday, officials said.\n"
    assert meta(text).title == line.split(" | ")[0]


@pytest.mark.parametrize("credit", ["Omar Haj Kadour/AFP", "Khalil Ashawi / Reuters",
                                    "Izzeddin Kasim/Anadolu Agency"])
def test_a_photo_credit_naming_an_agency_is_no_dateline(credit: str) -> None:
    text = ("Riverside Times\nWorld | Middle East\n\n"
            f"Border crossing reopens after two days of talks\n\n{credit}\n\nIt reopened.\n")
    m = meta(text)
    assert (m.dateline, m.outlet) == (None, "Riverside Times")


# --------------------------------------------------------------------------- unfamiliar chrome


@pytest.mark.parametrize("motto", ["Independent journalism since 1921.",
                                   "The Real Border. Every day.",
                                   "News you can trust",
                                   "Read the region first."])
def test_a_motto_closing_a_navigation_bar_is_chrome(motto: str) -> None:
    headline = "Turkish convoy crosses into Idlib as jets pound rebel villages"
    text = (f"Riverside Times\nHome | World | Politics | Business | {motto}\n\n{headline}\n\n"
            "A convoy crossed the border on Tuesday, witnesses said.\n")
    m = meta(text)
    assert (m.title, m.outlet) == (headline, "Riverside Times")


@pytest.mark.parametrize("line", [
    "Talks resume in Geneva | Envoys | Delegates | Nobody expects a deal soon.",
    "Border reopens | Trucks | Aid | The crossing was shut for a week, they say."])
def test_a_line_of_bars_opening_with_a_headline_is_no_navigation_bar(line: str) -> None:
    text = f"Riverside Times\n\n{line}\n\nThe talks resumed on Monday.\n"
    assert line not in boiler(text)


@pytest.mark.parametrize("stamp, day", [
    ("9:05 am, May 11, 2021", dt.date(2021, 5, 11)),
    ("Published 12:40 GMT, 6 March 2020", dt.date(2020, 3, 6)),
    ("Last updated: Feb 6, 2020 - 08:14", dt.date(2020, 2, 6)),
    ("Posted on February 20, 2020 by Sara Lind", dt.date(2020, 2, 20)),
    ("First published on 3 May 2019 at 10:02", dt.date(2019, 5, 3)),
    ("Published On 3 Mar 2020", dt.date(2020, 3, 3)),
    ("MAR 03, 2020 - 4:05 PM GMT+3", dt.date(2020, 3, 3)),
    ("UPDATED MARCH 3, 2020", dt.date(2020, 3, 3)),
    ("03 Mar 2020 • 16:05", dt.date(2020, 3, 3)),
    ("March 3, 2020 GMT", dt.date(2020, 3, 3)),
])
def test_date_lines_with_clocks_prefixes_and_reporters_give_the_date(
        stamp: str, day: dt.date) -> None:
    headline = "Rebels retake village as Turkish drones strike army positions"
    text = f"Riverside Times\n\n{headline}\n\n{stamp}\n\nRebels retook the village on Thursday.\n"
    m = meta(text)
    assert (m.title, m.published) == (headline, day)
    assert stamp in boiler(text)


@pytest.mark.parametrize("caption", [
    "Photo: Soldiers stand guard near the border, January 30, 2020. (Reuters)",
    "Image: A convoy on the highway near Saraqib on 2 February 2020",
    "File photo: the ministers in Moscow, March 5, 2020"])
def test_a_caption_dates_its_photo_not_the_story(caption: str) -> None:
    text = ("Riverside Times\n\nErdogan and Putin to meet in Sochi as the truce frays\n\n"
            f"{caption}\n\nRiverside Times staff\nLast updated: Feb 6, 2020 - 08:14\n\n"
            "The two presidents will meet next week, an aide said on Thursday.\n")
    m = meta(text)
    assert (m.published, m.outlet) == (dt.date(2020, 2, 6), "Riverside Times")


@pytest.mark.parametrize("masthead, credit", [
    ("The Riverside Times", "By TRT Staff"),
    ("The Riverside Times", "By Trt Staff and Agencies"),
    ("Northern Daily Post", "NDP staff"),
])
def test_a_staff_credit_by_initials_is_the_mastheads_outlet(masthead: str, credit: str) -> None:
    text = (f"{masthead}\nWorld | Middle East | Opinion\n\n"
            f"Jets strike villages south of Idlib as talks stall\n\n{credit}\n"
            "9 March 2019, 4:52 pm\n\nJets struck the villages on Saturday.\n")
    assert meta(text).outlet == masthead


def test_a_staff_credit_never_keeps_the_word_staff() -> None:
    text = ("Jets strike villages south of Idlib as talks stall\n\n"
            "By Kestrel Staff and Agencies\n\nJets struck the villages on Saturday.\n")
    assert meta(text).outlet == "Kestrel"


@pytest.mark.parametrize("first", [
    "The Frontier Post — Independent news from the region",
    "Riverside Times | Reporting the border since 1990",
    "Levant Ledger - The voice of the north",
])
def test_a_masthead_with_its_motto_is_the_outlet_not_the_headline(first: str) -> None:
    headline = "Syrian army shells Turkish post near Saraqib, killing five soldiers"
    text = (f"{first}\n\n{headline}\n\nAhmed Kareem, Gaziantep\n\n"
            "Five soldiers were killed on Monday, the ministry said.\n")
    m = meta(text)
    assert (m.title, m.outlet) == (headline, re.split(r"\s+[—|-]\s+", first)[0])


def test_a_headline_with_an_attribution_is_no_motto_masthead() -> None:
    line = "Erdogan — Turkey will not leave its posts in Idlib"
    text = f"{line}\n\nStandfirst about the posts without a full stop\n\nIt was said.\n"
    assert meta(text).outlet is None


@pytest.mark.parametrize("caption", [
    "Rebels fire a rocket near the town on March 2, 2020. (Photo by Jane Roe/AFP via Getty Images)",
    "A girl walks past rubble in the old city. (AP Photo/John Doe)",
    "Smoke rises over the highway after a strike. (Image: Reuters)",
    "Troops patrol the border crossing on Monday. Getty Images",
])
def test_a_caption_ending_with_its_photo_credit_is_chrome(caption: str) -> None:
    text = ("Riverside Times\n\nRebels fire rockets at army positions as reinforcements arrive\n\n"
            f"{caption}\n\nRebels fired rockets at army positions on Wednesday, a monitor said.\n")
    assert caption in boiler(text)


def test_a_story_paragraph_crediting_a_wire_stays() -> None:
    line = "The ministry said two soldiers had been wounded. (Reuters)"
    text = f"Riverside Times\n\nTwo soldiers wounded near the border\n\n{line}\n"
    assert line not in boiler(text)


@pytest.mark.parametrize("motto", ["Creating new perspectives", "News from the border region",
                                   "Independent since the first day"])
def test_a_motto_below_the_site_name_makes_it_the_outlet(motto: str) -> None:
    headline = "Turkish drones strike army positions near the highway"
    text = (f"Northwind Ledger\n{motto}\n\n{headline}\n\nBy Jane Roe | March 3, 2020 | 4:05 PM\n\n"
            "Drones struck army positions on Tuesday, a monitor said.\n")
    m = meta(text)
    assert (m.title, m.outlet, m.published) == (headline, "Northwind Ledger", dt.date(2020, 3, 3))


# ------------------------------------- layouts of Gulf, South Asian and Turkish outlets

_HEADLINE = "Turkish drones strike army positions near the highway"
_OPENING = "Drones struck army positions on Tuesday, a monitor said."


@pytest.mark.parametrize(("story", "place"), [
    ("Dubai: The emirate reopened its airspace on Tuesday.", "Dubai"),
    ("Abu Dhabi: Officials said the talks had ended.", "Abu Dhabi"),
    ("Islamabad, Oct 14: Pakistan said it backed the talks.", "Islamabad"),
    ("Doha: \"We hosted both envoys,\" the ministry said.", "Doha"),
    ("KARACHI: Police said the port had reopened.", "Karachi"),
    # a rubric, a speaker and a state in mixed case open no dateline
    ("Update: Officials said the talks had ended.", None),
    ("Analysis: The talks ended without a deal.", None),
    ("Erdogan: We will respond to every attack.", None),
    ("Turkey: The ministry said the talks had ended.", None),
])
@pytest.mark.parametrize("between", [
    "",
    "Negotiators swapped drafts during a long weekend of talks in Doha.\n\n",  # a standfirst
    "Published: May 11, 2021 09:05\nStaff Report\n\n",
    "Envoys traded proposals over two days of talks\n\nBy Jane Roe\nOctober 14, 2022\n\n",
])
def test_a_place_and_a_colon_opening_the_first_paragraph_is_the_dateline(
    story: str, place: str | None, between: str
) -> None:
    text = f"Harbour Times\nNews | World\n\n{_HEADLINE}\n\n{between}{story}\n\nMore text.\n"
    assert meta(text).dateline == place


@pytest.mark.parametrize("byline", [
    "BY JANE ROE - 05/11/21 9:05 AM ET",
    "BY OMAR HADDAD AND LENA HOLM - 03/05/20 10:12 AM EST",
    "BY JANE ROE — March 3, 2020",
    "BY LENA HOLM -- 11/02/21 9:05 AM",
])
def test_a_byline_in_capitals_with_a_date_is_no_dateline(byline: str) -> None:
    m = meta(f"The Courier\nNEWS | POLICY | DEFENSE\n\n{_HEADLINE}\n\n{byline}\n\n{_OPENING}\n")
    assert (m.title, m.outlet, m.dateline) == (_HEADLINE, "The Courier", None)


@pytest.mark.parametrize("first", [
    "Erdogan: Turkey will not leave its posts in Idlib",
    "Idlib Talks: Latest news from the Sochi meeting",  # a live page's headline
])
def test_a_headline_with_a_colon_is_no_tagline_masthead(first: str) -> None:
    m = meta(f"{first}\n\nStandfirst about the posts without a full stop\n\n{_OPENING}\n")
    assert (m.title, m.outlet) == (first, None)


@pytest.mark.parametrize(("top", "outlet"), [
    # an acronym and the name it stands for: the full name
    ("NWA | Northwind News Agency\nEnglish | Arabic\n", "Northwind News Agency"),
    ("KPA | Kuwait Press Agency\nHome | World | Region\n", "Kuwait Press Agency"),
    ("AA | Anadolu Agency\n", "Anadolu Agency"),
    ("AFP - Agence France-Presse\n", "Agence France-Presse"),
    # (not an acronym of the name after it: the bar's first item stays the site)
    ("Levant Courier | World News\n", "Levant Courier"),
    # a site's name with its news tagline
    ("Northwind Post: Latest Regional News, Business and Sport\nHome » World\n", "Northwind Post"),
    ("Levant Courier: Breaking News, Gulf News and Live Updates\nHome » World\n",
     "Levant Courier"),
    ("Harbor Daily - Lebanon's Leading English Daily\nHome » World\n", "Harbor Daily"),
    ("The Riverside Tribune | Latest Headlines From The Region\nHome » World\n",
     "The Riverside Tribune"),
    ("The Eastern Ledger: Pakistan News, World News, Breaking Headlines\nHome » World\n",
     "The Eastern Ledger"),
    # a language edition after the site's name is no part of the outlet
    ("harbourline English\nHOME | WORLD | REGION\n", "Harbourline"),
    ("harbourline\nHOME | WORLD | REGION\n", "Harbourline"),
    ("loading...\nHOME | WORLD | REGION\n", None),  # (no brand)
    ("Northwind Post English\nNews | World | Sport\n", "Northwind Post"),
    ("Northwind Post English Edition\nNews | World | Sport\n", "Northwind Post"),
    ("Al Arabiya English\n", "Al Arabiya"),
    # (an outlet whose own name ends so keeps it)
    ("DUVAR ENGLISH\n", "Duvar English"),
])
def test_a_masthead_gives_the_outlets_own_name(top: str, outlet: str | None) -> None:
    m = meta(f"{top}\n{_HEADLINE}\n\nBy Jane Roe\n\n{_OPENING}\n")
    assert (m.title, m.outlet) == (_HEADLINE, outlet)


@pytest.mark.parametrize(("opening", "outlet", "place", "published"), [
    ("ISLAMABAD, Oct 14 (APP): Prime Minister said talks had ended.", "APP", "Islamabad", None),
    ("Dubai (WAM): The UAE said talks had ended.", "WAM", "Dubai", None),
    ("Kuwait City, Oct 14 (KUNA): The emir met the envoys.", "KUNA", "Kuwait City", None),
    ("Riyadh, Oct 14, 2022 (SPA): The kingdom said.", "SPA", "Riyadh", dt.date(2022, 10, 14)),
    # not a place: a body and its acronym
    ("Doctors Without Borders (MSF): two clinics were hit.", "Harbour Times", None, None),
])
def test_a_place_and_a_bracketed_wire_before_a_colon(
    opening: str, outlet: str, place: str | None, published: dt.date | None
) -> None:
    m = meta(f"Harbour Times\nNews | World\n\n{_HEADLINE}\n\n{opening}\n\nMore text.\n")
    assert (m.outlet, m.dateline, m.published) == (outlet, place, published)


@pytest.mark.parametrize("line", ["Last updated: Jul 23,2019", "Published: March 3,2019 10:12",
                                  "5 March 2019, Tuesday 14:20", "March 5, 2019 Tuesday"])
def test_a_date_line_without_a_space_before_the_year_or_with_the_weekday_after(
    line: str,
) -> None:
    m = meta(f"Harbour Times\nNews | World\n\n{_HEADLINE}\n\n{line}\n\n{_OPENING}\n")
    assert m.published is not None and m.published.year == 2019


@pytest.mark.parametrize(("credit", "outlet", "place"), [
    # the wire and its place on a credit line
    ("QNA/Doha\n\n", "QNA", "Doha"),
    ("Reuters / Moscow\n\n", "Reuters", "Moscow"),
    ("AFP/Beirut\n\n", "AFP", "Beirut"),
    # (no place after the slash: a site's name)
    ("RFE/RL\n\n", "RFE/RL", None),
    # a place alone with its colon, the story on the next line
    ("ISLAMABAD:\n", "Harbour Times", "Islamabad"),
    ("Abu Dhabi:\n", "Harbour Times", "Abu Dhabi"),
    ("UPDATE:\n", "Harbour Times", None),
    # two slashes for a dash
    ("ABU DHABI // ", "Harbour Times", "Abu Dhabi"),
])
def test_credit_lines_and_datelines_of_gulf_and_south_asian_papers(
    credit: str, outlet: str, place: str | None
) -> None:
    m = meta(f"Harbour Times\nNews | World\n\n{_HEADLINE}\n\n{credit}{_OPENING}\n")
    assert (m.outlet, m.dateline) == (outlet, place)


@pytest.mark.parametrize(("top", "outlet"), [
    ("NORTHWIND.COM\nHome | Latest | World\n", "NORTHWIND"),
    ("Northwindpost.com.pk\nHome | Latest | World\n", "Northwindpost"),
])
def test_a_sites_domain_is_no_part_of_the_outlet(top: str, outlet: str) -> None:
    assert meta(f"{top}\n{_HEADLINE}\n\nBy Jane Roe\n\n{_OPENING}\n").outlet == outlet


_GULF_CITIES = ["Dubai", "Abu Dhabi", "Doha", "Riyadh", "Jeddah", "Muscat", "Manama", "Karachi",
                "Lahore", "Islamabad", "Beirut", "Cairo", "Amman", "Astana", "Baku", "Tashkent"]
_NAMES = ["JANE ROE", "OMAR HADDAD", "LENA HOLM", "ALI VELI", "MAYA STONE"]


@given(st.sampled_from(_GULF_CITIES), st.booleans(), st.sampled_from(_NAMES),
       st.sampled_from(["05/11/21 9:05 AM ET", "03/05/20 10:12 AM EST", "March 3, 2020"]),
       st.sampled_from([" - ", " — ", " -- "]))
def test_a_city_and_a_colon_is_the_dateline_past_a_byline_in_capitals(
    city: str, upper: bool, name: str, when: str, dash: str
) -> None:
    written = city.upper() if upper else city
    text = (f"Harbour Times\nNews | World\n\n{_HEADLINE}\n\nBY {name}{dash}{when}\n\n"
            f"{written}: Officials said the talks had ended.\n\nMore text.\n")
    assert meta(text).dateline == city


@pytest.mark.parametrize(("line", "place"), [
    ("Special Correspondent MOSCOW, MARCH 06, 2020 00:05 IST", "Moscow"),
    ("Reuters ANKARA, March 6, 2020 10:05 IST", "Ankara"),
    ("PTI ISLAMABAD, MARCH 06, 2020", "Islamabad"),
    ("JANE ROE, MARCH 06, 2020", None),  # a byline in capitals names no place
])
def test_a_credit_with_the_place_in_capitals_and_the_date(line: str, place: str | None) -> None:
    m = meta(f"The Courier\nNEWS » INTERNATIONAL\n\n{_HEADLINE}\n\n{line}\n\n{_OPENING}\n")
    assert m.dateline == place
    assert place is None or m.published == dt.date(2020, 3, 6)

"""Off-topic news (issue 8): no crash, and no Idlib-theatre claims where there are none.

The articles are ABC news of 2001–2002 (bushfires, Afghanistan, Israel and Palestine,
cricket, courts): same vocabulary as ours ("killed", "talks", "forced to vacate their
homes"), other subjects. The sample is checked in (``tests/data/offtopic``); the full 300
are used when the shared corpora folder sits beside the clone.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from idlib_corpus.model import ArticleResult, Severity
from idlib_corpus.options import Options
from idlib_corpus.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "tests" / "data" / "offtopic" / "lee_sample.txt"
FULL = ROOT.parent / "shared" / "corpora" / "lee_background.txt"

# LEAD: tighten as the incident extractor improves. Issue 8 wants incidents "near zero"
# off topic. These articles do report real attacks in other wars (Gaza, Afghanistan), and
# those are true of the text, so the hard rules are below (no Idlib-theatre claim; nothing
# at all in articles on fires, sport, business...). At the time of writing the built-in
# extractors claim 0.23-0.27 incidents and ~0.06 meetings per article, all in the
# conflict articles.
MAX_INCIDENTS_PER_ARTICLE = 0.5
MAX_MEETINGS_PER_ARTICLE = 0.15
#: Actors of the Idlib theatre: none of them acts in these articles.
THEATRE = {"state:TR", "state:RU", "state:SY"}
#: Lines of the sample (0-based) about no conflict and no diplomacy at all, labelled by
#: reading them: fires and storms (0, 2, 8, 51: "forced to vacate their homes" is not
#: displacement by war), sport (3, 5, 11, 33: a coach's "positive meeting" is not talks;
#: 43, 55), business and strikes (24, 27, 30, 31, 34, 35, 39, 41, 49, 52, 54, 57), health,
#: science, culture (6, 9, 25, 58, 59), domestic courts, crime and politics (14, 18, 19, 20,
#: 37, 38, 46, 48, 53, 56), and an obituary-like story of a dictator's health (26).
QUIET = frozenset({
    0, 2, 3, 5, 6, 8, 9, 11, 14, 18, 19, 20, 24, 25, 26, 27, 30, 31, 33, 34, 35, 37, 38, 39,
    41, 43, 46, 48, 49, 51, 52, 53, 54, 55, 56, 57, 58, 59,
})


def articles(path: Path) -> list[str]:
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def run(texts: list[str]) -> list[ArticleResult]:
    pipe = Pipeline(options=Options(load_entrypoints=False))
    return [pipe.parse(text, id=f"lee-{i:03d}") for i, text in enumerate(texts)]


def check(results: list[ArticleResult]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for r in results:
        # no crash, no plugin failure, no internal error
        assert [d for d in r.diagnostics if d.severity is Severity.ERROR] == [], r.id
        counts["articles"] += 1
        counts["meetings"] += len(r.meetings)
        counts["incidents"] += len(r.incidents)
        for inc in r.incidents:
            counts[f"incident:{inc.type.value}"] += 1
            who = set(inc.perpetrators) | set(inc.targets)
            assert not who & THEATRE, (r.id, inc)
            assert inc.place is None or inc.place.country != "SY", (r.id, inc)
        for meeting in r.meetings:
            assert not {"TR", "RU"} <= set(meeting.parties), (r.id, meeting)
            assert meeting.place is None or meeting.place.country != "SY", (r.id, meeting)
    n = counts["articles"]
    assert counts["incidents"] <= MAX_INCIDENTS_PER_ARTICLE * n, dict(counts)
    assert counts["meetings"] <= MAX_MEETINGS_PER_ARTICLE * n, dict(counts)
    return counts


def test_sample_is_what_the_readme_says() -> None:
    texts = articles(SAMPLE)
    assert len(texts) == 60
    assert texts[0].startswith("Hundreds of people have been forced to vacate their homes")


def test_offtopic_sample_claims_nothing_of_idlib() -> None:
    results = run(articles(SAMPLE))
    counts = check(results)
    assert counts["articles"] == 60
    for i in sorted(QUIET):
        r = results[i]
        assert (r.meetings, r.incidents) == ((), ()), (i, r.article.text[:80], r.meetings,
                                                       r.incidents)


@pytest.mark.slow
@pytest.mark.skipif(not FULL.is_file(), reason="../shared/corpora is not beside the clone")
def test_offtopic_full_corpus_claims_nothing_of_idlib() -> None:
    counts = check(run(articles(FULL)))
    assert counts["articles"] == 300

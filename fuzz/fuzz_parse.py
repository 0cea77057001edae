"""Coverage-guided fuzz target for the text-to-record path (run on demand, not in CI).

Each input is turned into an article (decoded from raw bytes as a file would be, or
taken as text, with or without a publication date) and run through the whole built-in
pipeline in strict mode, so any exception in our code or in a plugin is a crash with its
traceback. Every result must then:

* hold only spans inside the text;
* survive the wire format: ``loads(dumps(result)) == result``.

Run with atheris (``pip install atheris``; libFuzzer options after the corpus folder)::

    mkdir -p /tmp/idlib-fuzz && cp seeds/*.txt tests/data/offtopic/*.txt /tmp/idlib-fuzz/
    .venv/bin/python fuzz/fuzz_parse.py /tmp/idlib-fuzz \
        -max_total_time=300 -max_len=8192 -timeout=10

Without atheris the same check runs under hypothesis' fuzzing (random, not coverage
guided)::

    .venv/bin/python fuzz/fuzz_parse.py --hypothesis 300     # seconds; news-like token soup

A crash leaves ``crash-<sha1>`` beside you; replay it with
``.venv/bin/python fuzz/fuzz_parse.py crash-<sha1>``.
"""

from __future__ import annotations

import datetime as dt
import importlib
import pkgutil
import sys
import time

try:
    import atheris
except ImportError:  # pragma: no cover - depends on the environment
    atheris = None


def _import_everything() -> None:
    import idlib_corpus

    for info in pkgutil.walk_packages(idlib_corpus.__path__, "idlib_corpus."):
        if info.name in ("idlib_corpus.__main__", "idlib_corpus.dask", "idlib_corpus.testing"):
            continue
        importlib.import_module(info.name)


if atheris is not None:
    with atheris.instrument_imports(include=["idlib_corpus"]):
        _import_everything()
else:
    _import_everything()

from idlib_corpus import serialize  # noqa: E402
from idlib_corpus.io import decode_article_bytes  # noqa: E402
from idlib_corpus.model import ArticleResult  # noqa: E402
from idlib_corpus.options import Options  # noqa: E402
from idlib_corpus.pipeline import Pipeline  # noqa: E402

PIPE = Pipeline(options=Options(strict=True, load_entrypoints=False, plugin_time_budget=None))
BASE = dt.date(2020, 2, 8)
# Build the knowledge base now: a first input must not be reported as a "slow unit".
PIPE.parse("Turkish troops entered Saraqib on Thursday.", id="warm-up", published=BASE)


NEWS_WORDS = [
    "Turkish", "Russian", "Syrian", "troops", "killed", "wounded", "talks", "met", "Idlib",
    "Moscow", "Ankara", "Saraqib", "on Thursday", "last September", "next week",
    "since early December", "76", "1,000", "five", "three", "and", "more than half a million",
    "close to one million", "Erdogan", "Putin", "Lavrov", "Hulusi Akar", "Foreign Minister",
    "his counterpart", "said", "\n", ". ", ", ", "—", "«", "»", "\u200b", "İ", "ß",
    "a day earlier", "February 8", "2020", "Feb.", "Mr.", "U.N.", "(", ")", '"', "'", "he",
    "they", "the", "HTS", "Hayat Tahrir al-Sham", "were killed in", "shelling", "entered",
    "displaced", "summit", "Sochi", "phone call", "visit", "according to", "the UN",
    "ANKARA, February 8. /TASS/.", "Share it", "Discuss",
]


def check_one(data: bytes) -> None:
    """The property: parse never fails, spans stay inside, the wire format round-trips."""
    if not data:
        return
    mode, body = data[0], data[1:]
    published = None if mode & 1 else BASE + dt.timedelta(days=(mode >> 1) * 37 - 2000)
    if mode & 2:
        text, _notes = decode_article_bytes(body, "fuzz.txt")
    else:
        text = body.decode("utf-8", errors="replace")
    result = PIPE.parse(text, id="fuzz", published=published)
    n = len(text)
    for where, span in result.iter_spans():
        assert 0 <= span.start <= span.end <= n, (where, span, n)
    again = serialize.loads(serialize.dumps(result), ArticleResult)
    assert again == result, "round trip changed the result"


def main(argv: list[str]) -> int:
    if argv[1:2] == ["--hypothesis"] or atheris is None:
        from hypothesis import HealthCheck, given, settings
        from hypothesis import strategies as st

        seconds = float(argv[2]) if len(argv) > 2 else 60.0
        # News-like token soup finds more than random bytes: the extractors only wake up
        # on words they know.
        words = st.sampled_from(NEWS_WORDS)
        soup = st.lists(st.one_of(words, words, st.text(max_size=4)), max_size=120).map(" ".join)
        inputs = st.one_of(
            st.binary(max_size=2048),
            st.tuples(st.integers(0, 255), soup).map(lambda t: bytes([t[0]]) + t[1].encode()),
        )

        @settings(database=None, deadline=None, suppress_health_check=list(HealthCheck))
        @given(inputs)
        def fuzz(data: bytes) -> None:
            try:
                check_one(data)
            except BaseException:
                print(f"failing input: {data!r}", file=sys.stderr)
                raise

        import random

        rng = random.Random()
        stop = time.monotonic() + seconds
        runs = 0
        while time.monotonic() < stop:
            # fuzz_one_input decodes random bytes through the strategy: structured inputs.
            fuzz.hypothesis.fuzz_one_input(rng.randbytes(8192))
            runs += 1
        print(f"{runs} inputs in {seconds:g} s, no failure")
        return 0
    atheris.Setup(argv, check_one)
    atheris.Fuzz()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))

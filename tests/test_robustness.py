"""Robustness (issue 8): every kind of bad input, end to end, and arbitrary text.

Each bad input must give a clear message naming the file and the problem, and the rest
of the run must go on. Plugin faults are in ``test_pipeline.py``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from idlib_corpus import serialize
from idlib_corpus.cli import ExitCode, main
from idlib_corpus.model import ArticleResult, Severity
from idlib_corpus.options import Options
from idlib_corpus.pipeline import Pipeline
from idlib_corpus.schema import json_schema

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
GOOD = (SEEDS / "001_c2bd785145093c50.txt").read_text(encoding="utf-8")
LATIN = "Turkish Foreign Minister Mevlüt Çavuşoğlu met his Russian counterpart in Moscow.\n"


@pytest.fixture(autouse=True)
def _no_entry_points(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IDLIB_CORPUS_DISABLE_PLUGIN_AUTOLOAD", "1")


def bad_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "crawl"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.txt").write_bytes(b"  \n\n\t \n")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (folder / "latin1.txt").write_bytes(LATIN.replace("ğ", "g").replace("ş", "s")
                                        .encode("latin-1"))
    (folder / "utf16.txt").write_bytes(LATIN.encode("utf-16"))
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0" + bytes(100))
    (folder / "metadata.json").write_text(json.dumps({
        "good": {"published": "2020-02-08"},
        "utf16": {"published": "last Thursday"},
    }), encoding="utf-8")
    return folder


def run(capsys: pytest.CaptureFixture[str], *argv: object) -> tuple[int, str]:
    code = main([str(a) for a in argv])
    return code, capsys.readouterr().err


def test_a_folder_of_bad_files_goes_through_with_each_problem_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = bad_folder(tmp_path)
    out = tmp_path / "out.jsonl"
    code, err = run(capsys, "extract", folder, "-o", out, "--no-progress")
    assert code == ExitCode.ARTICLES_FAILED
    results = {r.id: r for r in serialize.load_results(out)}
    assert sorted(results) == ["binary", "blank", "empty", "good", "latin1", "utf16"]
    # failures, each named on stderr with its problem
    for name, words in [("empty", "is empty"), ("blank", "holds only whitespace"),
                        ("binary", "is a binary file")]:
        assert f"failed: {folder / name}.txt: {words}" in err
        assert not results[name].ok
    # decoded ones went through, with a note of how they were decoded
    for name, words in [("latin1", "decoded as Windows-1252/Latin-1"),
                        ("utf16", "decoded as UTF-16")]:
        r = results[name]
        assert r.ok and "Moscow" in r.article.text
        assert any(words in d.message for d in r.diagnostics if d.code == "decoding")
    # the bad date in metadata: article kept, date dropped, warning names file and value
    (w,) = [d for d in results["utf16"].diagnostics if d.code == "metadata"]
    assert "metadata.json: entry 'utf16'" in w.message and "'last Thursday'" in w.message
    assert results["utf16"].article.published is None
    assert results["good"].article.published.isoformat() == "2020-02-08"  # type: ignore[union-attr]
    assert results["good"].ok and results["good"].diagnostics == ()
    # the non-text file is skipped, and said so
    assert f"skipped {folder / 'photo.jpg'}: not a .txt file" in err
    assert err.rstrip().splitlines()[-1].startswith("6 articles, ")
    assert "3 failed" in err


def test_a_missing_path_fails_alone(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out.jsonl"
    code, err = run(capsys, "extract", tmp_path / "nope.txt", SEEDS, "-o", out, "--no-progress")
    assert code == ExitCode.ARTICLES_FAILED
    assert f"failed: {tmp_path / 'nope.txt'}: no such file or folder" in err
    assert len(list(serialize.load_results(out))) == 6


def test_malformed_metadata_file_is_a_usage_error_and_nothing_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    meta = tmp_path / "m.json"
    meta.write_text('{"001_c2bd785145093c50": {"published": "2020-02-08"', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    code, err = run(capsys, "extract", SEEDS, "--metadata", meta, "-o", out)
    assert code == ExitCode.USAGE_ERROR
    assert f"{meta}: not valid JSON" in err and "line 1 column" in err
    assert "Traceback" not in err
    assert not out.exists()


def test_unwritable_output_is_refused_before_any_work(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, err = run(capsys, "extract", SEEDS, "-o", tmp_path / "no" / "such" / "out.jsonl")
    assert code == ExitCode.USAGE_ERROR
    assert "cannot be written: folder" in err and "does not exist" in err
    code, err = run(capsys, "extract", SEEDS, "-o", tmp_path)
    assert code == ExitCode.USAGE_ERROR and "is a folder" in err


def test_failure_while_writing_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text("previous run\n", encoding="utf-8")

    def disk_full(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)
    code, err = run(capsys, "extract", SEEDS, "-o", out, "--no-progress")
    assert code != ExitCode.OK
    assert "No space left on device" in err and "Traceback" not in err
    assert out.read_text(encoding="utf-8") == "previous run\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl"]


@pytest.mark.slow
def test_a_20_mb_article_costs_bounded_time_and_memory(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("w", encoding="utf-8") as fh:
        while fh.tell() < 20_000_000:
            fh.write(GOOD)
    script = textwrap.dedent(f"""
        import resource, time, json
        from idlib_corpus.pipeline import Pipeline
        from idlib_corpus.options import Options
        pipe = Pipeline(options=Options(load_entrypoints=False))
        t = time.perf_counter()
        r = pipe.parse_file({str(big)!r})
        print(json.dumps({{
            "seconds": time.perf_counter() - t,
            "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "chars": len(r.article.text),
            "notes": [d.message for d in r.diagnostics if d.code == "too-long"],
        }}))
    """)
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=300, check=True)
    got = json.loads(proc.stdout)
    limit = Options().max_chars
    assert limit is not None and got["chars"] <= limit
    assert len(got["notes"]) == 2  # bytes read capped, then characters cut
    assert all(n.startswith(str(big)) for n in got["notes"])
    # the whole file is never held: far less memory than its 20 MB (x4 as str) would need
    assert got["rss_mb"] < 400
    assert got["seconds"] < 120


# --------------------------------------------------------------------------- arbitrary text

_PIPE: Pipeline | None = None
_VALIDATOR: jsonschema.protocols.Validator | None = None


def _pipe() -> Pipeline:
    global _PIPE
    if _PIPE is None:
        _PIPE = Pipeline(options=Options(load_entrypoints=False, plugin_time_budget=None))
    return _PIPE


_NEWSY = st.sampled_from([
    "Turkish", "Russian", "troops", "killed", "talks", "met", "Idlib", "Moscow", "Ankara",
    "on Thursday", "last September", "76", "1,000", "five", "more than half a million",
    "Erdogan", "Putin", "said", "\n", ". ", ", ", "—", "«", "»", "\u200b", "İ", "ß",
])
TEXTS = st.one_of(
    st.text(),
    st.lists(st.one_of(_NEWSY, st.text(max_size=5)), max_size=60).map(" ".join),
)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_pipeline_on_any_text_never_raises_and_round_trips_valid(text: str) -> None:
    global _VALIDATOR
    result = _pipe().parse(text, id="fuzz")
    assert [d for d in result.diagnostics if d.code in ("internal-error", "plugin-error",
                                                        "bad-return")] == []
    line = serialize.dumps(result)
    assert serialize.loads(line, ArticleResult) == result
    if _VALIDATOR is None:
        schema = json_schema()
        _VALIDATOR = jsonschema.validators.validator_for(schema)(schema)
    _VALIDATOR.validate(json.loads(line))
    for where, span in result.iter_spans():
        assert 0 <= span.start <= span.end <= len(text), where
    assert all(d.severity is not Severity.ERROR or d.code == "read-error"
               for d in result.diagnostics)


# Inputs the fuzzers found (fuzz/fuzz_parse.py); each crashed a plugin once.
FUZZ_FINDINGS = [
    "according to February 8",  # times: IndexError looking one word past "to"
]


@pytest.mark.parametrize("text", FUZZ_FINDINGS)
def test_fuzz_findings_stay_fixed(text: str) -> None:
    strict = Pipeline(options=Options(load_entrypoints=False, strict=True,
                                      plugin_time_budget=None))
    result = strict.parse(text, id="finding")
    assert serialize.loads(serialize.dumps(result), ArticleResult) == result


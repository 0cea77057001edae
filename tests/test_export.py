"""Exports of the merged corpus (JSONL, CSV, Parquet), their codes, and the CLI commands."""

from __future__ import annotations

import csv
import io
import json
import random
import sys
from pathlib import Path

import pytest

from corpus_fixtures import A001, A002, A004, seed_like_results, text_of
from idlib_corpus import serialize
from idlib_corpus.cli import main
from idlib_corpus.corpus import Corpus
from idlib_corpus.errors import IdlibCorpusError, InputError, WireFormatError
from idlib_corpus.export import (
    COLUMNS,
    TABLES,
    event_codes,
    export,
    read_jsonl,
    write_csv,
    write_jsonl,
    write_parquet,
)
from idlib_corpus.model import IncidentType, MeetingKind, MeetingStatus

ACLED = ["event_id", "event_date", "time_precision", "event_type", "sub_event_type", "actor1",
         "actor2", "location", "country", "latitude", "longitude", "fatalities", "source",
         "notes"]


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return Corpus(seed_like_results())


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _shuffled_corpus(seed: int) -> Corpus:
    results = seed_like_results()
    random.Random(seed).shuffle(results)
    return Corpus(results)


# --------------------------------------------------------------------------- codes


def test_every_kind_status_and_type_has_codes() -> None:
    codes = event_codes()
    assert set(codes["_sources"]) == {"cameo", "plover", "acled"}
    assert set(codes["meeting"]["by_kind"]) == {k.value for k in MeetingKind}
    assert set(codes["meeting"]["by_status"]) <= {s.value for s in MeetingStatus}
    assert set(codes["incident"]) == {t.value for t in IncidentType}
    for entry in [*codes["meeting"]["by_kind"].values(), *codes["incident"].values()]:
        assert entry["cameo"] is None or entry["cameo"].isdigit()
        assert entry["plover"] is None or entry["plover"].isupper()


# --------------------------------------------------------------------------- CSV


def test_csv_tables_have_acled_columns_and_codes(corpus: Corpus, tmp_path: Path) -> None:
    written = write_csv(corpus, tmp_path)
    assert [p.name for p in written] == [f"{t}.csv" for t in TABLES]
    meetings = _read_csv(tmp_path / "meetings.csv")
    incidents = _read_csv(tmp_path / "incidents.csv")
    for rows in (meetings, incidents):
        assert set(ACLED) | {"cameo_code", "plover_code", "reports"} <= set(rows[0])
    [talks] = [r for r in meetings if r["event_date"] == "2020-02-08" and r["location"] == "Ankara"]
    assert (talks["cameo_code"], talks["plover_code"]) == ("046", "CONSULT")
    assert talks["time_precision"] == "1"
    assert talks["reports"] == "5" and talks["sources"] == "3"
    assert talks["source"] == "Anadolu Agency; Sputnik; TASS"
    assert talks["articles"] == f"{A001}; {A002}; {A004}"
    assert talks["country"] == "TR" and float(talks["latitude"]) == pytest.approx(39.92, 0.01)
    assert talks["notes"] and talks["notes"] in " ".join(text_of(A001).split())
    plans = [r for r in meetings if r["status"] == "planned"]
    assert all(r["cameo_code"] == "036" for r in plans)


def test_fatalities_follow_acled_and_claims_stay_listed(corpus: Corpus, tmp_path: Path) -> None:
    write_csv(corpus, tmp_path)
    incidents = {r["event_id"]: r for r in _read_csv(tmp_path / "incidents.csv")}
    shelling = incidents["incident:2020-02-03-armed-attack-idlib-by-sy-on-tr"]
    assert shelling["fatalities"] == "8"
    assert shelling["killed_claims"] == "8 (TASS); 8 (Anadolu Agency)"
    assert shelling["actor1"] == "Syria" and shelling["actor2"] == "Turkey"
    assert (shelling["cameo_code"], shelling["plover_code"]) == ("190", "ASSAULT")
    displacement = next(r for r in incidents.values() if r["kind"] == "displacement")
    assert displacement["fatalities"] == ""
    assert displacement["displaced_claims"].count(";") == 2
    assert displacement["cameo_code"] == ""  # CAMEO has no displacement event
    claims = _read_csv(tmp_path / "claims.csv")
    assert sorted(int(c["value"]) for c in claims if c["figure"] == "displaced") == [
        500000, 600000, 1000000]
    for c in claims:
        if c["span_start"]:
            text = text_of(c["article"])
            assert text[int(c["span_start"]):int(c["span_end"])] == c["text"]


def test_reports_table_has_one_row_per_report(corpus: Corpus, tmp_path: Path) -> None:
    write_csv(corpus, tmp_path)
    reports = _read_csv(tmp_path / "reports.csv")
    expected = sum(len(r.meetings) + len(r.incidents) for r in corpus)
    assert len(reports) == expected
    assert {r["record_id"] for r in reports} == {
        e.id for r in corpus for e in (*r.meetings, *r.incidents)}


def test_actors_table(corpus: Corpus, tmp_path: Path) -> None:
    write_csv(corpus, tmp_path)
    actors = {r["actor_id"]: r for r in _read_csv(tmp_path / "actors.csv")}
    lavrentiev = corpus.actor("Lavrentiev")
    assert lavrentiev is not None
    row = actors[lavrentiev.id]
    assert row["spellings"] == "Alexander Lavrentiev; Alexander Lavrentyev"
    assert row["article_count"] == "2"


def test_csv_is_byte_identical_across_input_orders(tmp_path: Path) -> None:
    write_csv(_shuffled_corpus(0), tmp_path / "a")
    for seed in (1, 2, 3):
        write_csv(_shuffled_corpus(seed), tmp_path / "b")
        for table in TABLES:
            name = f"{table}.csv"
            assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def test_csv_into_a_file_is_a_clear_error(corpus: Corpus, tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    target.write_text("x")
    with pytest.raises(InputError, match="is a file"):
        write_csv(corpus, target)


# --------------------------------------------------------------------------- JSONL


def test_jsonl_round_trips(corpus: Corpus, tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl"
    n = write_jsonl(corpus, path)
    merged = corpus.merged()
    assert n == len(merged.actors) + len(merged.meetings) + len(merged.incidents)
    assert read_jsonl(path) == merged
    first = json.loads(path.read_text(encoding="utf-8").splitlines()[0])
    assert first["record"] == "actor" and first["schema_version"]


def test_jsonl_is_byte_identical_across_input_orders(tmp_path: Path) -> None:
    write_jsonl(_shuffled_corpus(0), tmp_path / "a.jsonl")
    write_jsonl(_shuffled_corpus(7), tmp_path / "b.jsonl")
    assert (tmp_path / "a.jsonl").read_bytes() == (tmp_path / "b.jsonl").read_bytes()


def test_bad_jsonl_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"schema_version": "1.0", "record": "meeting"}\n', encoding="utf-8")
    with pytest.raises(WireFormatError, match=r"bad\.jsonl"):
        read_jsonl(path)


# --------------------------------------------------------------------------- Parquet


def test_parquet_tables_are_typed(corpus: Corpus, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    written = write_parquet(corpus, tmp_path)
    assert [p.name for p in written] == [f"{t}.parquet" for t in TABLES]
    table = pq.read_table(tmp_path / "incidents.parquet")
    assert table.column_names == [name for name, _ in COLUMNS["incidents"]]
    assert str(table.schema.field("fatalities").type) == "int64"
    assert str(table.schema.field("latitude").type) == "double"
    assert table.num_rows == len(corpus.incidents)
    assert table.to_pylist() == corpus.to_records("incidents")


def test_parquet_is_byte_identical_across_input_orders(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    write_parquet(_shuffled_corpus(0), tmp_path / "a")
    write_parquet(_shuffled_corpus(5), tmp_path / "b")
    for table in TABLES:
        name = f"{table}.parquet"
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def test_parquet_without_pyarrow_says_what_to_install(
    corpus: Corpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    with pytest.raises(IdlibCorpusError, match=r"idlib-corpus\[parquet\]"):
        export(corpus, "parquet", tmp_path)


def test_unknown_format(corpus: Corpus, tmp_path: Path) -> None:
    with pytest.raises(IdlibCorpusError, match="unknown export format"):
        export(corpus, "xlsx", tmp_path)


# --------------------------------------------------------------------------- CLI


@pytest.fixture()
def saved(tmp_path: Path) -> Path:
    path = tmp_path / "results.jsonl"
    serialize.dump_results(seed_like_results(), path)
    return path


def test_cli_export_csv(saved: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "tables"
    assert main(["export", str(saved), "--format", "csv", "-o", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{t}.csv" for t in TABLES)
    assert "5 articles" in capsys.readouterr().err


def test_cli_export_jsonl_matches_the_api(saved: Path, tmp_path: Path) -> None:
    out = tmp_path / "merged.jsonl"
    assert main(["export", str(saved), "-o", str(out)]) == 0
    assert read_jsonl(out) == Corpus(seed_like_results()).merged()


def test_cli_timeline_table(saved: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["timeline", str(saved)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[:3] == ["DATE", "KIND", "STATUS"]
    dates = [line.split()[0] for line in lines[1:] if line[:1].isdigit()]
    assert dates == sorted(dates, key=lambda d: d.split("/")[0]) and "2020-02-08" in dates
    # one column starts at the same place on every row
    where = lines[0].index("WHERE")
    assert any(line[where:].startswith("Ankara") for line in lines[1:])


def test_cli_timeline_json(saved: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["timeline", str(saved), "--json"]) == 0
    rows = [json.loads(line) for line in io.StringIO(capsys.readouterr().out)]
    assert [r["event_id"] for r in rows] == [r["event_id"] for r in
                                             Corpus(seed_like_results()).to_records("timeline")]


def test_cli_missing_path_is_a_usage_error(tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["timeline", str(tmp_path / "nope")]) == 2
    assert "nope" in capsys.readouterr().err


def test_cli_export_into_a_file_for_csv_is_a_usage_error(
    saved: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", str(saved), "--format", "csv", "-o", str(saved)]) == 2
    assert "is a file" in capsys.readouterr().err


def test_exports_are_byte_identical_across_processes(saved: Path, tmp_path: Path) -> None:
    # Another process, another hash seed: set and dict orders must never leak out.
    import os
    import subprocess

    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / f"run{seed}"
        env = {**os.environ, "PYTHONHASHSEED": seed, "IDLIB_CORPUS_DISABLE_PLUGIN_AUTOLOAD": "1"}
        for fmt, target in (("csv", out), ("jsonl", out / "corpus.jsonl")):
            subprocess.run(
                [sys.executable, "-m", "idlib_corpus", "export", str(saved), "--format", fmt,
                 "-o", str(target)],
                check=True, env=env, capture_output=True,
            )
        outputs.append({p.name: p.read_bytes() for p in sorted(out.iterdir())})
    assert outputs[0] == outputs[1]
    assert len(outputs[0]) == len(TABLES) + 1


def test_cli_export_reads_a_folder_of_articles(tmp_path: Path) -> None:
    from idlib_corpus.corpus import _bundled_dir

    out = tmp_path / "tables"
    assert main(["export", str(_bundled_dir()), "--format", "csv", "-o", str(out)]) in (0, 1)
    assert len(_read_csv(out / "actors.csv")) > 0


def test_cli_malformed_saved_results_name_the_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "results.jsonl"
    bad.write_text('{"schema_version": "1.0", "article": 3}\n', encoding="utf-8")
    assert main(["export", str(bad), "-o", str(tmp_path / "out.jsonl")]) == 2
    err = capsys.readouterr().err
    assert "results.jsonl line 1" in err
    assert not (tmp_path / "out.jsonl").exists()


def test_cli_failed_article_is_named_and_the_rest_exported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "talks.txt").write_text(
        "Turkish and Russian officials held talks in Ankara on Saturday.\n", encoding="utf-8")
    out = tmp_path / "tables"
    assert main(["export", str(folder), "--format", "csv", "-o", str(out)]) == 1
    assert "empty.txt" in capsys.readouterr().err
    assert (out / "meetings.csv").is_file()

"""The ``idlib-corpus`` command: exit codes, output files, progress, summary, plugins."""

from __future__ import annotations

import importlib.metadata
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "plugins"))

import idlib_test_plugins as tp

from idlib_corpus import serialize
from idlib_corpus.cli import ExitCode, main

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
ONE = SEEDS / "001_c2bd785145093c50.txt"


class FakeDist:
    def __init__(self, name: str, *eps: tuple[str, str]) -> None:
        self.metadata = {"name": name}
        self.version = "9.9"
        self.entry_points = [importlib.metadata.EntryPoint(n, v, "idlib_corpus") for n, v in eps]


@pytest.fixture
def entry_points(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.delenv("IDLIB_CORPUS_DISABLE_PLUGIN_AUTOLOAD", raising=False)

    def install(*dists: FakeDist) -> None:
        monkeypatch.setattr(importlib.metadata, "distributions", lambda: list(dists))

    install()
    return install


def run(capsys: pytest.CaptureFixture[str], *argv: object) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_extract_writes_one_record_per_article_and_a_summary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], entry_points
) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "corpus.jsonl"
    code, stdout, err = run(capsys, "extract", SEEDS, "-o", out, "--no-progress")
    assert code == ExitCode.OK
    assert stdout == ""
    results = list(serialize.load_results(out))
    assert [r.id for r in results] == sorted(p.stem for p in SEEDS.glob("*.txt"))
    assert results[1].article.published.isoformat() == "2020-02-08"  # type: ignore[union-attr]
    summary = err.strip().splitlines()[-1]
    actors = sum(len(r.actors) for r in results)
    assert summary.startswith(f"5 articles, {actors} actors, ")
    assert summary.endswith("0 failed, 0 warnings")


def test_extract_with_an_explicit_metadata_file_dates_every_article(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], entry_points
) -> None:  # type: ignore[no-untyped-def]
    # (the file was once read twice, the second time over its own parsed entries: every
    # article lost its date, with a warning)
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(2):
        (folder / f"a{i}.txt").write_text("Talks were held in Moscow on Monday.", encoding="utf-8")
    meta = tmp_path / "dates.json"
    meta.write_text('{"a0": {"published": "2020-02-08"}, "a1": {"published": "2019-09-16"}}',
                    encoding="utf-8")
    out = tmp_path / "out.jsonl"
    code, _, err = run(capsys, "extract", folder, "--metadata", meta, "-o", out,
                       "--no-progress")
    assert code == ExitCode.OK
    results = list(serialize.load_results(out))
    assert [r.article.published.isoformat() for r in results  # type: ignore[union-attr]
            ] == ["2020-02-08", "2019-09-16"]
    assert all(not r.diagnostics for r in results)
    assert err.strip().endswith("0 failed, 0 warnings")


def test_extract_to_stdout_and_json_format(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], entry_points
) -> None:  # type: ignore[no-untyped-def]
    code, stdout, _ = run(capsys, "extract", ONE)
    assert code == ExitCode.OK
    (line,) = stdout.splitlines()
    assert serialize.loads(line).id == ONE.stem
    out = tmp_path / "x.json"
    assert run(capsys, "extract", ONE, SEEDS / "002_21285f5f3d74523a.txt",
               "--format", "json", "-o", out)[0] == ExitCode.OK
    assert out.read_text(encoding="utf-8").lstrip().startswith("[")
    assert len(list(serialize.load_results(out))) == 2


def test_default_paths_are_the_bundled_corpus(
    capsys: pytest.CaptureFixture[str], entry_points
) -> None:  # type: ignore[no-untyped-def]
    code, stdout, err = run(capsys, "extract", "--no-progress")
    assert code == ExitCode.OK and len(stdout.splitlines()) == 5
    assert "skipped" not in err  # the packaged folder holds only articles and metadata


def test_progress_bar_only_on_a_terminal(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, entry_points
) -> None:  # type: ignore[no-untyped-def]
    _, _, err = run(capsys, "extract", SEEDS)
    assert "\r[" not in err
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    code = main(["extract", str(SEEDS)])
    err = capsys.readouterr().err
    assert code == ExitCode.OK
    assert "\r[" in err and "] 5/5" in err
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    main(["extract", str(SEEDS), "--no-progress"])
    assert "\r[" not in capsys.readouterr().err


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        ([], "usage"),
        (["extract", "--jobs", "0"], "--jobs must be at least 1"),
        (["extract", "--max-chars", "0"], "--max-chars must be at least 1"),
        (["extract", "--plugin-time-budget", "-1"], "--plugin-time-budget must be > 0"),
        (["extract", "--no-such-flag"], "unrecognized arguments"),
        (["frobnicate"], "invalid choice"),
        (["extract", "--metadata", "/no/such/metadata.json"], "no such metadata file"),
    ],
)
def test_usage_errors_exit_2_without_a_traceback(
    capsys: pytest.CaptureFixture[str], argv: list[str], words: str, entry_points
) -> None:  # type: ignore[no-untyped-def]
    code, _, err = run(capsys, *argv)
    assert code == ExitCode.USAGE_ERROR
    assert words in err
    assert "Traceback" not in err


def test_failed_articles_exit_1_and_are_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], entry_points
) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02")
    code, stdout, err = run(capsys, "extract", bad, ONE, "--no-progress")
    assert code == ExitCode.ARTICLES_FAILED
    assert len(stdout.splitlines()) == 2
    assert f"idlib-corpus: failed: {bad}: is a binary file" in err
    assert "2 articles" in err and "1 failed" in err


def test_raising_plugin_fails_articles_and_strict_stops(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], entry_points
) -> None:  # type: ignore[no-untyped-def]
    tp.cli_raising = tp.Raising("raiser")  # type: ignore[attr-defined]
    entry_points(FakeDist("idlib-raiser", ("raiser", "idlib_test_plugins:cli_raising")))
    out = tmp_path / "o.jsonl"
    code, _, err = run(capsys, "extract", ONE, "-o", out, "--no-progress")
    assert code == ExitCode.ARTICLES_FAILED
    assert "RuntimeError: boom in annotate" in err
    (r,) = serialize.load_results(out)
    assert r.diagnostics[0].plugin == "raiser"
    out.unlink()
    code, _, err = run(capsys, "extract", ONE, "-o", out, "--strict")
    assert code == ExitCode.ARTICLES_FAILED
    assert "plugin 'raiser' failed in idlib_annotate" in err
    assert not out.exists()  # nothing half-written
    # and it can be turned off by name
    code, _, _ = run(capsys, "extract", ONE, "-o", out, "--disable-plugin", "raiser")
    assert code == ExitCode.OK


def test_plugins_lists_name_version_origin_hooks(
    capsys: pytest.CaptureFixture[str], entry_points
) -> None:  # type: ignore[no-untyped-def]
    entry_points(
        FakeDist("idlib-extra", ("extra", "idlib_test_plugins:entry_point_plugin")),
        FakeDist("idlib-broken", ("broken", "idlib_missing_module_xyz:p")),
    )
    code, out, err = run(capsys, "plugins")
    assert code == ExitCode.OK
    lines = out.splitlines()
    assert lines[0].split()[:3] == ["plugin", "version", "from"]
    rows = {line.split()[0]: line.split(None, 3) for line in lines[1:]}
    assert rows["extra"][1:] == ["9.9", "idlib-extra", "idlib_annotate"]
    assert rows["idlib_corpus.metadata"][2] == "idlib-corpus"
    assert "broken" not in rows
    assert "warning: plugin 'broken' (from idlib-broken 9.9) could not be loaded" in err
    assert "ModuleNotFoundError" in err
    code, out, _ = run(capsys, "plugins", "--by-hook")
    hooks = dict(line.split(": ", 1) for line in out.splitlines())
    assert next(iter(hooks)) == "idlib_knowledge_files"
    assert "extra" in hooks["idlib_annotate"]
    assert "idlib_corpus.metadata (trylast)" in hooks["idlib_article_metadata"]


def test_jobs_give_the_same_file(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                 entry_points) -> None:  # type: ignore[no-untyped-def]
    one, two = tmp_path / "1.jsonl", tmp_path / "2.jsonl"
    assert run(capsys, "extract", SEEDS, "-o", one, "-j", "1")[0] == ExitCode.OK
    assert run(capsys, "extract", SEEDS, "-o", two, "-j", "2")[0] == ExitCode.OK
    assert one.read_bytes() == two.read_bytes()


def test_python_dash_m_and_version(tmp_path: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "idlib_corpus", "--version"],
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 0 and proc.stdout.startswith("idlib-corpus ")
    proc = subprocess.run([sys.executable, "-m", "idlib_corpus", "extract", str(tmp_path / "x")],
                          capture_output=True, text=True, check=False)
    assert proc.returncode == ExitCode.ARTICLES_FAILED
    assert "no such file or folder" in proc.stderr and "Traceback" not in proc.stderr


def test_schema_command_writes_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "schema.json"
    assert run(capsys, "schema", "-o", out)[0] == ExitCode.OK
    assert '"$schema"' in out.read_text(encoding="utf-8")


def test_a_reader_that_leaves_early_is_not_an_error(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    text = ONE.read_text(encoding="utf-8")
    for i in range(40):  # far more than a pipe buffer holds
        (folder / f"{i:03d}.txt").write_text(text, encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "idlib_corpus", "extract", str(folder)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        env={**__import__("os").environ, "IDLIB_CORPUS_DISABLE_PLUGIN_AUTOLOAD": "1"},
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.read(100)
    proc.stdout.close()  # like "| head -c 100"
    err = proc.stderr.read().decode()
    proc.stderr.close()
    assert proc.wait(timeout=300) == ExitCode.OK
    assert "Traceback" not in err and "Exception ignored" not in err

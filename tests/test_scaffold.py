"""``idlib-corpus new-plugin``: the generated package works as generated."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from idlib_corpus.cli import main
from idlib_corpus.errors import IdlibCorpusError
from idlib_corpus.scaffold import write_plugin_skeleton


def test_generated_plugin_passes_its_own_tests(tmp_path: Path) -> None:
    root = write_plugin_skeleton("curfews", tmp_path)
    meta = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    assert meta["project"]["entry-points"]["idlib_corpus"] == {"curfews": "idlib_corpus_curfews"}
    env = {**os.environ, "PYTHONPATH": str(root / "src")}
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(root / "tests")],
        capture_output=True, text=True, env=env, cwd=root, timeout=300,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "2 passed" in proc.stdout


def test_cli_writes_the_package(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new-plugin", "road-blocks", "-o", str(tmp_path)]) == 0
    root = tmp_path / "idlib-corpus-road-blocks"
    assert (root / "src" / "idlib_corpus_road_blocks" / "__init__.py").is_file()
    assert "wrote" in capsys.readouterr().out


@pytest.mark.parametrize("bad", ["", "Curfews", "1st", "a b", "class"])
def test_bad_names_are_refused(tmp_path: Path, bad: str) -> None:
    with pytest.raises(IdlibCorpusError):
        write_plugin_skeleton(bad, tmp_path)


def test_existing_folder_is_not_overwritten(tmp_path: Path) -> None:
    write_plugin_skeleton("curfews", tmp_path)
    with pytest.raises(IdlibCorpusError, match="already exists"):
        write_plugin_skeleton("curfews", tmp_path)
    assert main(["new-plugin", "curfews", "-o", str(tmp_path)]) == 2

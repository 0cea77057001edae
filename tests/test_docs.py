"""Examples in the docs and docstrings run, so they never rot.

Every ```python block in README.md and docs/*.md is executed (blocks of one page share a
namespace, in order), unless the line before it is an HTML comment starting with
``<!-- skip``. Every docstring example in the package is run as a doctest.
"""

from __future__ import annotations

import doctest
import importlib
import pkgutil
import re
from pathlib import Path

import pytest

import idlib_corpus

ROOT = Path(__file__).resolve().parents[1]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
BLOCK = re.compile(r"(?P<before>[^\n]*)\n```python\n(?P<code>.*?)\n```", re.DOTALL)
OPTIONAL = {"idlib_corpus.dask": "dask"}


def blocks(page: Path) -> list[str]:
    text = page.read_text(encoding="utf-8")
    return [m["code"] for m in BLOCK.finditer(text) if not m["before"].startswith("<!-- skip")]


@pytest.mark.parametrize("page", [p for p in PAGES if blocks(p)], ids=lambda p: p.name)
def test_code_blocks_run(page: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("IDLIB_CORPUS_DISABLE_PLUGIN_AUTOLOAD", "1")
    namespace: dict[str, object] = {"__name__": f"docs_{page.stem}"}
    for code in blocks(page):
        exec(compile(code, str(page), "exec"), namespace)


def modules() -> list[str]:
    names = [idlib_corpus.__name__]
    for info in pkgutil.walk_packages(idlib_corpus.__path__, prefix="idlib_corpus."):
        names.append(info.name)
    return sorted(n for n in names if n != "idlib_corpus.__main__")


@pytest.mark.parametrize("name", modules())
def test_docstring_examples(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    if name in OPTIONAL:
        pytest.importorskip(OPTIONAL[name])
    monkeypatch.setenv("IDLIB_CORPUS_DISABLE_PLUGIN_AUTOLOAD", "1")
    monkeypatch.chdir(ROOT)
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE,
                             verbose=False)
    assert result.failed == 0, f"{result.failed} docstring example(s) failed in {name}"


def test_every_public_name_has_a_docstring_with_an_example() -> None:
    import enum

    missing = []
    for name in idlib_corpus.__all__:
        obj = getattr(idlib_corpus, name)
        if not callable(obj) or (isinstance(obj, type) and issubclass(obj, BaseException)):
            continue
        if not getattr(obj, "__module__", "").startswith("idlib_corpus"):
            continue  # re-exported from a dependency (hookimpl is pluggy's marker)
        doc = getattr(obj, "__doc__", None) or ""
        if not doc.strip():
            missing.append(f"{name}: no docstring")
        elif not (isinstance(obj, type) and issubclass(obj, enum.Enum)) and ">>>" not in doc:
            missing.append(f"{name}: no example in its docstring")
    assert not missing, missing


def test_model_page_is_generated_from_the_model() -> None:
    import subprocess
    import sys

    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "gen_model_doc.py"), "--check"],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr

"""Hook specifications: documented in a fixed shape, reference page up to date, all called.

The docstring rules follow STYLE.md section 4: an ``Args:`` entry for every parameter
(and no other), a ``Returns:`` section, and the firstresult sentence: "Stops at the first
non-None result" exactly when the hook is firstresult, "not firstresult" otherwise.
"""

from __future__ import annotations

import importlib.util
import inspect
import re
import typing
from collections.abc import Sequence
from pathlib import Path

import pytest

from idlib_corpus import hookimpl, hookspecs
from idlib_corpus.document import Document
from idlib_corpus.model import Actor, Article, ArticleResult
from idlib_corpus.options import Options
from idlib_corpus.pipeline import Pipeline
from idlib_corpus.plugins import HOOK_ORDER

ROOT = Path(__file__).resolve().parents[1]
HOOKS = sorted(n for n in dir(hookspecs) if n.startswith("idlib_"))
FIRSTRESULT = re.compile(r"Stops at the first non-`{0,2}None`{0,2} result")


def _gen():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("gen_plugin_hooks",
                                                  ROOT / "scripts" / "gen_plugin_hooks.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def sections(doc: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    current = None
    for line in inspect.cleandoc(doc).splitlines():
        m = re.match(r"^(\w+):\s*$", line)
        if m:
            current = m[1]
            out[current] = []
        elif current is not None and line.startswith("    ") and not line.startswith("     "):
            out[current].append(line.strip())
    return out


def test_hooks_are_the_documented_phases() -> None:
    assert sorted(HOOK_ORDER) == HOOKS
    assert list(_gen().phases()) == list(HOOK_ORDER)  # declared in call order


@pytest.mark.parametrize("name", HOOKS)
def test_hookspec_docstring_shape(name: str) -> None:
    func = getattr(hookspecs, name)
    doc = func.__doc__ or ""
    assert doc.strip(), f"{name} has no docstring"
    parts = sections(doc)
    params = list(inspect.signature(func).parameters)
    documented = [item.split(":", 1)[0] for item in parts.get("Args", [])]
    assert documented == params, f"{name}: Args must document exactly {params}"
    assert parts.get("Returns"), f"{name}: missing Returns"
    assert "Called " in doc, f"{name}: say when it is called"
    first = bool(getattr(func, "idlib_corpus_spec", {}).get("firstresult"))
    if first:
        assert FIRSTRESULT.search(doc), f"{name} is firstresult: say it stops at the first"
        assert "not firstresult" not in doc
    else:
        assert "not firstresult" in doc, f"{name}: say it is not firstresult"
        assert not FIRSTRESULT.search(doc)


@pytest.mark.parametrize("name", HOOKS)
def test_hookspec_fully_annotated(name: str) -> None:
    func = getattr(hookspecs, name)
    hints = typing.get_type_hints(func, vars(hookspecs))
    assert set(hints) == {*inspect.signature(func).parameters, "return"}


def test_reference_page_is_up_to_date() -> None:
    page = (ROOT / "docs" / "plugin_hooks.md").read_text(encoding="utf-8")
    assert page == _gen().generate(), "run: .venv/bin/python scripts/gen_plugin_hooks.py"
    for name in HOOKS:
        assert f"#### {name}\n" in page
        for param in inspect.signature(getattr(hookspecs, name)).parameters:
            assert f"- `{param}`:" in page.split(f"#### {name}\n", 1)[1]


def test_every_hook_is_called_with_its_documented_arguments() -> None:
    calls: list[tuple[str, tuple[type, ...]]] = []

    class Everything:
        __name__ = "everything"

        @hookimpl
        def idlib_knowledge_files(self) -> Sequence[Path]:
            calls.append(("idlib_knowledge_files", ()))
            return []

        @hookimpl
        def idlib_article_metadata(self, article: Article) -> None:
            calls.append(("idlib_article_metadata", (type(article),)))

        @hookimpl
        def idlib_annotate(self, doc: Document) -> None:
            calls.append(("idlib_annotate", (type(doc),)))

        @hookimpl
        def idlib_resolve_actors(self, doc: Document) -> None:
            calls.append(("idlib_resolve_actors", (type(doc),)))

        @hookimpl
        def idlib_extract_events(self, doc: Document, actors: Sequence[Actor]) -> None:
            assert all(isinstance(a, Actor) for a in actors)
            calls.append(("idlib_extract_events", (type(doc), type(actors))))

        @hookimpl
        def idlib_postprocess(self, result: ArticleResult) -> None:
            calls.append(("idlib_postprocess", (type(result),)))

    Pipeline([Everything()], options=Options(load_entrypoints=False)).parse("Text.", id="t")
    assert calls == [
        ("idlib_knowledge_files", ()),
        ("idlib_article_metadata", (Article,)),
        ("idlib_annotate", (Document,)),
        ("idlib_resolve_actors", (Document,)),
        ("idlib_extract_events", (Document, tuple)),
        ("idlib_postprocess", (ArticleResult,)),
    ]
    assert [c[0] for c in calls] == list(HOOK_ORDER)


def test_generator_check_mode() -> None:
    assert _gen().main(["--check"]) == 0

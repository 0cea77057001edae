"""The pipeline: per-plugin isolation, strict mode, time budget, size limit, jobs=N."""

from __future__ import annotations

import datetime as dt
import sys
import threading
import time
from pathlib import Path

import attrs
import pytest

sys.path.insert(0, str(Path(__file__).parent / "plugins"))

import idlib_test_plugins as tp

from idlib_corpus.errors import IdlibCorpusError, PluginError
from idlib_corpus.io import iter_parse
from idlib_corpus.model import Article, Severity
from idlib_corpus.options import Options
from idlib_corpus.pipeline import MAX_TIMEOUTS, Pipeline, article_id_for
from idlib_corpus.plugins import PluginLoadWarning

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
TEXT = "Leaders met at a summit in Sochi.\nTurkish troops entered Idlib on Thursday."
OPTS = Options(load_entrypoints=False)


def pipe(*plugins: object, **options: object) -> Pipeline:
    return Pipeline(plugins, options=attrs.evolve(OPTS, **options))


def errors(result):  # type: ignore[no-untyped-def]
    return [d for d in result.diagnostics if d.severity is Severity.ERROR]


# --------------------------------------------------------------------------- isolation

FAULTS = [
    (tp.Raising, "idlib_annotate", "plugin-error", "RuntimeError: boom in annotate"),
    (tp.WrongType, "idlib_resolve_actors", "bad-return", "returned str, expected a sequence"),
    (tp.WrongItems, "idlib_extract_events", "bad-return", "item of type int"),
    (tp.OutOfRange, "idlib_annotate", "bad-return", "outside the text"),
    (tp.RaisingGenerator, "idlib_annotate", "bad-return", "ValueError: generator broke"),
    (tp.OtherArticle, "idlib_postprocess", "bad-return", "another article"),
    (tp.Exiting, "idlib_resolve_actors", "plugin-error", "SystemExit: 4"),
    (tp.BadAnnotation, "idlib_annotate", "bad-return", "span is NoneType"),
    # the model refuses it as the plugin builds it: ModelError inside the plugin
    (tp.DatetimePublished, "idlib_article_metadata", "plugin-error", "must be a datetime.date"),
]


@pytest.mark.parametrize(("cls", "hook", "code", "words"), FAULTS)
def test_faulty_plugin_is_isolated_and_named(cls, hook, code, words) -> None:  # type: ignore[no-untyped-def]
    good = tp.SummitFinder("good")
    result = pipe(cls("faulty"), good).parse(TEXT, id="t")
    (diag,) = errors(result)
    assert (diag.plugin, diag.hook, diag.code) == ("faulty", hook, code)
    assert words in diag.message
    # the other plugin's output stands
    assert [m.kind.value for m in result.meetings] == ["summit"]
    assert result == attrs.evolve(pipe(good).parse(TEXT, id="t"), diagnostics=result.diagnostics)


@pytest.mark.parametrize(("cls", "hook", "code", "words"), FAULTS)
def test_strict_mode_raises_plugin_error(cls, hook, code, words) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(PluginError) as info:
        pipe(cls("faulty"), strict=True).parse(TEXT, id="t")
    assert (info.value.plugin, info.value.hook) == ("faulty", hook)
    assert words in str(info.value)


def test_failing_knowledge_files_hook_is_reported_not_fatal() -> None:
    p = pipe(tp.BadKnowledge("kb"))
    with pytest.warns(PluginLoadWarning, match="'kb' failed in idlib_knowledge_files"):
        result = p.parse(TEXT, id="t")
    assert result.ok
    assert p.problems[-1].hook == "idlib_knowledge_files"
    with pytest.raises(PluginError):
        pipe(tp.BadKnowledge("kb"), strict=True).parse(TEXT, id="t")


def test_internal_error_fails_only_that_article(monkeypatch: pytest.MonkeyPatch) -> None:
    import idlib_corpus.pipeline as pipeline_module

    def broken(*args: object, **kwargs: object) -> None:
        raise ZeroDivisionError("oops")

    p = pipe()
    monkeypatch.setattr(pipeline_module, "build_document", broken)
    result = p.parse(TEXT, id="t")
    (diag,) = errors(result)
    assert diag.code == "internal-error" and "ZeroDivisionError: oops" in diag.message
    assert result.article.text == TEXT
    with pytest.raises(ZeroDivisionError):
        pipe(strict=True).parse(TEXT, id="t")


# --------------------------------------------------------------------------- time budget


def test_slow_plugin_over_budget_is_dropped_and_reported() -> None:
    budget = 0.05
    result = pipe(tp.Slow("slow", 0.2), tp.SummitFinder("good"),
                  plugin_time_budget=budget).parse(TEXT, id="t")
    (diag,) = errors(result)
    assert (diag.plugin, diag.hook, diag.code) == ("slow", "idlib_annotate", "plugin-timeout")
    assert "budget of 0.05 s" in diag.message
    assert len(result.meetings) == 1
    # within budget it counts
    ok = pipe(tp.Slow("slow", 0.0), plugin_time_budget=1.0).parse(TEXT, id="t")
    assert ok.ok


def test_hung_plugin_cannot_hang_the_run() -> None:
    hung = tp.Hung("hung")
    p = pipe(hung, tp.SummitFinder("good"), plugin_time_budget=0.2)
    try:
        started = time.perf_counter()
        results = [p.parse(TEXT, id=f"a{i}") for i in range(MAX_TIMEOUTS + 2)]
        took = time.perf_counter() - started
    finally:
        hung.release.set()
    # MAX_TIMEOUTS waits of ~0.2 s, then the plugin is skipped at once
    assert took < MAX_TIMEOUTS * 0.2 + 2.0
    assert hung.calls == MAX_TIMEOUTS
    for r in results[:MAX_TIMEOUTS]:
        (d,) = errors(r)
        assert (d.plugin, d.hook, d.code) == ("hung", "idlib_resolve_actors", "plugin-timeout")
        assert "abandoned" in d.message
        assert len(r.meetings) == 1  # the rest of the article went through
    for r in results[MAX_TIMEOUTS:]:
        (d,) = errors(r)
        assert d.code == "plugin-disabled" and d.plugin == "hung"
        assert len(r.meetings) == 1


def test_hung_plugin_in_strict_mode_raises() -> None:
    hung = tp.Hung("hung")
    try:
        with pytest.raises(PluginError, match="budget"):
            pipe(hung, plugin_time_budget=0.1, strict=True).parse(TEXT, id="t")
    finally:
        hung.release.set()


def test_no_budget_runs_in_the_calling_thread() -> None:
    seen: list[str] = []

    class WhichThread(tp.NamedPlugin):
        @tp.hookimpl
        def idlib_article_metadata(self, article: Article) -> None:
            seen.append(threading.current_thread().name)

    pipe(WhichThread("w"), plugin_time_budget=None).parse(TEXT, id="t")
    pipe(WhichThread("w"), plugin_time_budget=5.0).parse(TEXT, id="t")
    assert seen == [threading.current_thread().name, "idlib-corpus-plugins"]


# --------------------------------------------------------------------------- arguments, limits


def test_parse_rejects_bad_arguments_clearly() -> None:
    p = pipe()
    with pytest.raises(IdlibCorpusError, match="text as str, got bytes"):
        p.parse(b"bytes")  # type: ignore[arg-type]
    with pytest.raises(IdlibCorpusError, match=r"published must be a datetime\.date"):
        p.parse("x", published="2020-02-08")  # type: ignore[arg-type]
    with pytest.raises(IdlibCorpusError, match=r"published must be a datetime\.date"):
        p.parse("x", published=dt.datetime(2020, 2, 8))
    with pytest.raises(IdlibCorpusError, match="id must be a non-empty string"):
        p.parse("x", id="  ")
    with pytest.raises(IdlibCorpusError, match="options must be"):
        Pipeline(options={"strict": True})  # type: ignore[arg-type]


def test_default_id_is_a_stable_hash() -> None:
    assert pipe().parse(TEXT).id == article_id_for(TEXT) == pipe().parse(TEXT).id


def test_long_text_is_cut_at_a_line_break_with_a_warning() -> None:
    line = "Turkish troops entered Idlib on Thursday.\n"
    text = line * 100
    r = pipe(max_chars=1000).parse(text, id="long")
    assert len(r.article.text) <= 1000 and r.article.text.endswith(".")
    assert text.startswith(r.article.text)
    (w,) = [d for d in r.diagnostics if d.code == "too-long"]
    assert w.severity is Severity.WARNING and "4,200 characters" in w.message
    assert r.ok
    assert pipe(max_chars=None).parse(text, id="long").article.text == text


def test_options_validate() -> None:
    from idlib_corpus.errors import ModelError

    for bad in ({"jobs": 0}, {"max_chars": 0}, {"plugin_time_budget": -1.0}, {"jobs": True}):
        with pytest.raises(ModelError):
            Options(**bad)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- jobs=N


def _corpus(tmp_path: Path, n: int) -> Path:
    texts = sorted(SEEDS.glob("*.txt"))
    folder = tmp_path / "corpus"
    folder.mkdir()
    for i in range(n):
        src = texts[i % len(texts)]
        (folder / f"{i:04d}_{src.stem}.txt").write_text(
            src.read_text(encoding="utf-8") + f"\nCopy {i}.\n", encoding="utf-8"
        )
    (folder / "0003_binary.txt").write_bytes(b"\x89PNG\x00\x00")
    return folder


@pytest.mark.slow
def test_jobs_give_the_same_bytes_in_the_same_order(tmp_path: Path) -> None:
    from idlib_corpus.serialize import dumps

    folder = _corpus(tmp_path, 40)
    plugins = [tp.SummitFinder("s", "talks", kind=tp.MeetingKind.TALKS)]
    p = Pipeline(plugins, options=OPTS)
    inputs = [folder, tmp_path / "missing.txt", SEEDS / "000_38a80fbcec21226f.txt"]
    one = [dumps(r) for r in iter_parse(inputs, pipeline=p, jobs=1)]
    three = [dumps(r) for r in iter_parse(inputs, pipeline=p, jobs=3)]
    assert one == three
    assert len(one) == 43
    assert any('"talks"' in line for line in one)  # the passed plugin ran in the workers


def test_unpicklable_plugin_is_refused_for_jobs_with_its_name() -> None:
    p = Pipeline([tp.Unpicklable("locky")], options=OPTS)
    with pytest.raises(IdlibCorpusError, match=r"'locky' cannot be sent to worker processes"):
        iter_parse([SEEDS], pipeline=p, jobs=2)
    assert len(list(iter_parse([SEEDS], pipeline=p, jobs=1))) == 5


@pytest.mark.slow
def test_strict_plugin_error_crosses_the_process_boundary(tmp_path: Path) -> None:
    p = Pipeline([tp.Raising("bad")], options=attrs.evolve(OPTS, strict=True))
    with pytest.raises(PluginError) as info:
        list(iter_parse([SEEDS], pipeline=p, jobs=2))
    assert (info.value.plugin, info.value.hook) == ("bad", "idlib_annotate")


def test_jobs_must_be_positive() -> None:
    with pytest.raises(IdlibCorpusError, match="jobs must be an int >= 1"):
        iter_parse([SEEDS], pipeline=pipe(), jobs=0)


def test_serial_iteration_is_lazy() -> None:
    pulled = []

    def paths():  # type: ignore[no-untyped-def]
        for p in sorted(SEEDS.glob("*.txt")):
            pulled.append(p)
            yield p

    it = iter_parse(paths(), pipeline=pipe())
    assert pulled == []
    next(it)
    assert len(pulled) == 1


@pytest.mark.slow
def test_jobs_keep_a_bounded_number_of_articles_in_flight(tmp_path: Path) -> None:
    from idlib_corpus.io import iter_tasks
    from idlib_corpus.parallel import BATCH_SIZE, parse_tasks

    folder = _corpus(tmp_path, 60)
    pulled = 0

    def counting():  # type: ignore[no-untyped-def]
        nonlocal pulled
        for task in iter_tasks([folder]):
            pulled += 1
            yield task

    jobs = 2
    results = parse_tasks(counting(), pipe(), jobs=jobs)
    ids = []
    for r in results:
        ids.append(r.id)
        # never more than the window (2 * jobs batches) beyond what was consumed
        assert pulled - len(ids) <= 2 * jobs * BATCH_SIZE
    assert ids == sorted(ids) and len(ids) == 61


@pytest.mark.slow
def test_a_worker_that_dies_costs_only_its_article(tmp_path: Path) -> None:
    folder = _corpus(tmp_path, 6)
    (folder / "0005_killer.txt").write_text("KILL-THE-WORKER\nTurkish troops.", encoding="utf-8")
    p = Pipeline([tp.WorkerKiller("killer")], options=OPTS)
    serial_ids = [r.id for r in iter_parse([folder], pipeline=pipe())]
    results = list(iter_parse([folder], pipeline=p, jobs=2))
    assert [r.id for r in results] == serial_ids
    (dead,) = [r for r in results if r.id == "0005_killer"]
    assert [d.code for d in dead.diagnostics] == ["worker-crashed"]
    assert "0005_killer.txt: the worker process parsing it died" in dead.diagnostics[0].message
    others = [r for r in results if r.id not in ("0005_killer", "0003_binary")]
    assert others and all(r.ok for r in others)


def test_streaming_memory_does_not_grow_with_the_number_of_articles(tmp_path: Path) -> None:
    import tracemalloc

    from idlib_corpus.serialize import dump_results

    text = (SEEDS / "001_c2bd785145093c50.txt").read_text(encoding="utf-8")
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(200):
        (folder / f"{i:04d}.txt").write_text(f"{text}\nCopy {i}.\n", encoding="utf-8")
    # Only the machinery under test: reading, the pipeline's own work, writing.
    p = Pipeline([tp.WordAnnotator("w", "Idlib")], options=OPTS, builtins=False)

    def peak(n: int) -> int:
        paths = sorted(folder.iterdir())[:n]
        tracemalloc.start()
        try:
            dump_results(iter_parse(paths, pipeline=p), tmp_path / f"out{n}.jsonl")
            return tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()

    peak(10)  # warm caches
    small, large = peak(25), peak(200)
    # 175 more articles of ~5 KB would add ~1 MB of text alone if anything kept them
    assert large - small < 250_000, (small, large)

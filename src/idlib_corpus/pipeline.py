"""Running the plugins over articles: ``parse``, ``parse_file`` and ``iter_parse``.

A :class:`Pipeline` owns one plugin manager and calls the hooks of
:mod:`idlib_corpus.hookspecs` in phase order for each article. Each hook implementation is
called on its own, so that one failing plugin costs only its own output: its exception,
wrong return type, out-of-range span or overrun of its time budget becomes a
:class:`~idlib_corpus.model.Diagnostic` naming the plugin and the hook, unless
``Options.strict`` is set, in which case :class:`~idlib_corpus.errors.PluginError` is raised.

Time budget. With ``Options.plugin_time_budget`` set (the default), an article's hooks run
in a helper thread watched by the calling thread. A plugin call that overruns its budget
is abandoned: its late result is dropped, the article is run again without that plugin
(output is deterministic, so the other plugins give the same result), and the overrun is
reported as ``plugin-timeout``. A plugin that overruns ``MAX_TIMEOUTS`` times is skipped
for the rest of the run (``plugin-disabled``), so a hung plugin cannot pile up threads.
Python cannot kill a thread: an abandoned call keeps its thread (a daemon, which never
delays exit) until it returns.

Size limit. Texts longer than ``Options.max_chars`` are cut at the last line break
before the limit (``too-long`` warning): a 20 MB "article" is a crawl error, and reading
all of it would cost time and memory for nothing.
"""

from __future__ import annotations

import datetime as _dt
import functools
import hashlib
import queue
import threading
import time
import warnings
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import attrs
import pluggy

from idlib_corpus import _trusted
from idlib_corpus.document import Annotation, AnnotationLabel, build_document
from idlib_corpus.errors import IdlibCorpusError, PluginError
from idlib_corpus.model import (
    Actor,
    Article,
    ArticleMetadata,
    ArticleResult,
    Diagnostic,
    Incident,
    Meeting,
    Severity,
    Span,
)
from idlib_corpus.options import Options
from idlib_corpus.plugins import PluginLoadWarning, call_order, get_plugin_manager

__all__ = [
    "MAX_TIMEOUTS",
    "Pipeline",
    "article_id_for",
    "default_pipeline",
    "parse",
    "parse_file",
]

if TYPE_CHECKING:
    from idlib_corpus.knowledge import KnowledgeBase

T = TypeVar("T")

#: After this many overruns of its time budget, a (plugin, hook) pair is skipped for the
#: rest of the run.
MAX_TIMEOUTS = 3


def article_id_for(text: str) -> str:
    """A stable id for a text given without one: ``sha1-`` and 16 hex digits.

    Example:
        >>> article_id_for("Turkish troops entered Saraqib.")[:5]
        'sha1-'
    """
    return "sha1-" + hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


class _Abandoned(BaseException):
    """Raised in a helper thread whose article the watchdog gave up on (stops it early)."""


class _Watch:
    """What one article's run is calling now, shared with the watchdog."""

    __slots__ = ("abandoned", "current")

    def __init__(self) -> None:
        self.current: tuple[str, str, float] | None = None
        self.abandoned = False


class _Collector:
    """Diagnostics of one article, with the strict-mode rule in one place."""

    def __init__(
        self,
        strict: bool,
        skip: frozenset[tuple[str, str]] = frozenset(),
        watch: _Watch | None = None,
    ):
        self.strict = strict
        self.skip = skip
        self.watch = watch
        self.items: list[Diagnostic] = []

    def plugin_problem(self, plugin: str, hook: str, code: str, message: str) -> None:
        if self.strict:
            raise PluginError(plugin, hook, message)
        self.items.append(Diagnostic(Severity.ERROR, code, message, plugin, hook))

    def warn(self, plugin: str | None, hook: str | None, code: str, message: str) -> None:
        self.items.append(Diagnostic(Severity.WARNING, code, message, plugin, hook))


class _Job:
    __slots__ = ("_done", "error", "fn", "result", "watch")

    def __init__(self, fn: Callable[[], ArticleResult], watch: _Watch) -> None:
        self.fn = fn
        self.watch = watch
        # A bare lock, held until the job ends: one article's hand-over costs a fraction
        # of what a threading.Event (a condition variable and a lock per wait) does.
        self._done = threading.Lock()
        self._done.acquire()
        self.result: ArticleResult | None = None
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            self.result = self.fn()
        except BaseException as exc:  # handed to the waiting thread, re-raised there
            self.error = exc
        finally:
            self._done.release()

    def wait(self, timeout: float) -> bool:
        """Whether the job ended within ``timeout`` seconds (call until it returns True)."""
        return self._done.acquire(timeout=timeout)


class _Helper:
    """A daemon thread that runs articles' hooks while the caller watches the clock."""

    def __init__(self) -> None:
        self.jobs: queue.SimpleQueue[_Job] = queue.SimpleQueue()
        self.thread = threading.Thread(target=self._loop, name="idlib-corpus-plugins", daemon=True)
        self.thread.start()

    def _loop(self) -> None:
        while True:
            job = self.jobs.get()
            job.run()
            if job.watch.abandoned:  # the caller replaced this thread; end it
                return


class Pipeline:
    """The built-in and third-party extractors, ready to run over articles.

    A pipeline is meant to be built once and reused for many articles (the plugin
    manager and the knowledge base are built once). It is not thread-safe: use one per
    thread, or ``iter_parse(..., jobs=N)`` for parallel work.

    Args:
        plugins: extra plugin objects to register (see
            :func:`~idlib_corpus.plugins.get_plugin_manager`).
        options: an :class:`~idlib_corpus.options.Options`.
        builtins: register the built-in extractors (``False`` to run only yours).

    Attributes:
        problems: run-level problems (plugins that could not be loaded, failing
            ``idlib_knowledge_files`` hooks), as diagnostics; each was also announced
            with a :class:`~idlib_corpus.plugins.PluginLoadWarning`.

    Raises:
        IdlibCorpusError: a plugin object does not fit the hookspecs.
        PluginError: ``options.strict`` is set and an entry-point plugin failed to load.

    Example:
        >>> pipe = Pipeline(options=Options(load_entrypoints=False))
        >>> result = pipe.parse("Turkish troops entered Saraqib on Thursday.", id="x")
        >>> result.article.id
        'x'
    """

    def __init__(
        self,
        plugins: Sequence[object] = (),
        *,
        options: Options | None = None,
        builtins: bool = True,
    ) -> None:
        if options is not None and not isinstance(options, Options):
            raise IdlibCorpusError(
                f"options must be an idlib_corpus.Options, got {type(options).__name__}"
            )
        self.options = options or Options()
        self.plugins = tuple(plugins)
        self.builtins = builtins
        self.pm: pluggy.PluginManager = get_plugin_manager(
            *self.plugins,
            load_entrypoints=self.options.load_entrypoints,
            blocked=self.options.blocked,
            builtins=builtins,
            strict=self.options.strict,
        )
        self.problems: list[Diagnostic] = [
            Diagnostic(Severity.WARNING, "plugin-load-error", str(p), p.name, None)
            for p in getattr(self.pm, "load_problems", ())
        ]
        self._knowledge: KnowledgeBase | None = None
        self._helper: _Helper | None = None
        self._timeouts: Counter[tuple[str, str]] = Counter()
        self._disabled: set[tuple[str, str]] = set()
        # call_order of each hook, with the implementations it was worked out from (the
        # plugin manager may gain or lose plugins: a changed list is sorted again)
        self._orders: dict[str, tuple[list[pluggy.HookImpl], Sequence[pluggy.HookImpl]]] = {}

    @property
    def knowledge(self) -> KnowledgeBase:
        """The knowledge base: built-in data plus ``idlib_knowledge_files`` of plugins.

        A plugin whose ``idlib_knowledge_files`` raises or returns something other than a
        sequence of paths is left out of the knowledge base and reported in
        :attr:`problems` (or raises :class:`PluginError` in strict mode).
        """
        if self._knowledge is None:
            from idlib_corpus.knowledge import load_knowledge

            files: list[Any] = []
            for impl in call_order(self.pm, "idlib_knowledge_files"):
                try:
                    got = impl.function()
                    if got is None:
                        continue
                    if isinstance(got, str | bytes) or not isinstance(got, Iterable):
                        raise TypeError(f"returned {type(got).__name__}, expected a sequence")
                    got = list(got)
                    for f in got:
                        if not isinstance(f, str | Path) and not hasattr(f, "read_text"):
                            raise TypeError(f"returned an item of type {type(f).__name__}, "
                                            "expected a path")
                except Exception as exc:
                    message = f"{type(exc).__name__}: {exc}"
                    if self.options.strict:
                        raise PluginError(impl.plugin_name, "idlib_knowledge_files",
                                          message) from exc
                    text = (f"plugin {impl.plugin_name!r} failed in idlib_knowledge_files and "
                            f"its knowledge files were left out: {message}")
                    self.problems.append(Diagnostic(Severity.WARNING, "plugin-load-error", text,
                                                    impl.plugin_name, "idlib_knowledge_files"))
                    warnings.warn(text, PluginLoadWarning, stacklevel=2)
                    continue
                files.extend(Path(f) if isinstance(f, str) else f for f in got)
            self._knowledge = load_knowledge(files)
        return self._knowledge

    # ------------------------------------------------------------------ public

    def parse(
        self,
        text: str,
        *,
        id: str | None = None,
        published: _dt.date | None = None,
        url: str | None = None,
        source: str | None = None,
        diagnostics: Sequence[Diagnostic] = (),
    ) -> ArticleResult:
        """Extract everything from one article's text.

        Args:
            text: the article text as received.
            id: its id; by default a hash of the text.
            published: publication date, the base for relative dates.
            url: where it came from.
            source: the path it was read from.
            diagnostics: notes from reading it (decoding), kept in the result.

        Returns:
            The :class:`~idlib_corpus.model.ArticleResult`.

        Raises:
            IdlibCorpusError: ``text`` is not a string, ``published`` not a date, or
                ``id`` empty.
            PluginError: a plugin failed and ``options.strict`` is set.

        Example:
            >>> pipe = Pipeline(options=Options(load_entrypoints=False))
            >>> pipe.parse("Talks were held in Moscow.", id="a1").id
            'a1'
        """
        if not isinstance(text, str):
            raise IdlibCorpusError(f"parse() needs the text as str, got {type(text).__name__}")
        if published is not None and (
            not isinstance(published, _dt.date) or isinstance(published, _dt.datetime)
        ):
            raise IdlibCorpusError(f"published must be a datetime.date, got {published!r}")
        if id is not None and (not isinstance(id, str) or not id.strip()):
            raise IdlibCorpusError(f"id must be a non-empty string, got {id!r}")
        if url is not None and not isinstance(url, str):
            raise IdlibCorpusError(f"url must be a string, got {url!r}")
        # (checked above but for the source, which _trusted.article tests for a str)
        article = _trusted.article(
            id or article_id_for(text), text, published=published, url=url, source=source
        )
        return self.run_article(article, diagnostics)

    def parse_file(
        self,
        path: str | Path,
        *,
        published: _dt.date | None = None,
        url: str | None = None,
        id: str | None = None,
        diagnostics: Sequence[Diagnostic] = (),
    ) -> ArticleResult:
        """Read and extract one article file (UTF-8, or decodable; see :mod:`idlib_corpus.io`).

        A file that cannot be read as text (binary, empty, unreadable) gives a result
        with an error diagnostic naming the file, so a corpus run goes on; a path that
        does not exist raises.

        Args:
            path: the article file.
            published: publication date (from metadata).
            url: where it came from.
            id: its id; by default the file name without its extension.
            diagnostics: notes to keep in the result (e.g. from reading metadata).

        Returns:
            The :class:`~idlib_corpus.model.ArticleResult`.

        Raises:
            InputError: ``path`` does not exist or is a folder.

        Example:
            >>> pipe = Pipeline(options=Options(load_entrypoints=False))
            >>> import tempfile, pathlib
            >>> p = pathlib.Path(tempfile.mkdtemp()) / "a7.txt"
            >>> _ = p.write_text("Talks were held in Moscow.", encoding="utf-8")
            >>> pipe.parse_file(p).id
            'a7'
        """
        from idlib_corpus.io import read_article_text

        path = Path(path)
        limit = self.options.max_chars
        text, notes = read_article_text(path, max_bytes=None if limit is None else 4 * limit + 4)
        return self.parse(
            text,
            id=id or path.stem or path.name,
            published=published,
            url=url,
            source=str(path),
            diagnostics=[*diagnostics, *notes],
        )

    def run_article(
        self, article: Article, diagnostics: Sequence[Diagnostic] = ()
    ) -> ArticleResult:
        """Run every hook over an :class:`~idlib_corpus.model.Article` already built.

        Never raises for a problem of the article or of a plugin (those become
        diagnostics), except :class:`PluginError` in strict mode.

        Example:
            >>> pipe = Pipeline(options=Options(load_entrypoints=False))
            >>> pipe.run_article(Article(id="e", text="")).ok
            True
        """
        notes = list(diagnostics)
        article = self._limit_size(article, notes)
        if any(d.severity is Severity.ERROR and d.code == "read-error" for d in notes):
            return ArticleResult(article=article, diagnostics=tuple(notes))
        budget = self.options.plugin_time_budget
        if budget is None:
            return self._run_guarded(article, notes, frozenset(self._disabled), None)
        return self._run_watched(article, notes, budget)

    # ------------------------------------------------------------------ running

    def _limit_size(self, article: Article, notes: list[Diagnostic]) -> Article:
        limit = self.options.max_chars
        n = len(article.text)
        if limit is None or n <= limit:
            return article
        cut = article.text.rfind("\n", 0, limit + 1)
        if cut < limit // 2:  # no line break near the limit: cut mid-line
            cut = limit
        notes.append(Diagnostic(
            Severity.WARNING, "too-long",
            f"{article.source or article.id}: {n:,} characters, over the limit of {limit:,} "
            f"(Options.max_chars); only the first {cut:,} were read",
        ))

        def keep(span: Span | None) -> Span | None:
            return span if span is not None and span.end <= cut else None

        return attrs.evolve(
            article,
            text=article.text[:cut],
            title_span=keep(article.title_span),
            outlet_span=keep(article.outlet_span),
            dateline_span=keep(article.dateline_span),
            boilerplate=tuple(s for s in article.boilerplate if s.end <= cut),
        )

    def _helper_thread(self) -> _Helper:
        if self._helper is None or not self._helper.thread.is_alive():
            self._helper = _Helper()
        return self._helper

    def _run_watched(
        self, article: Article, notes: Sequence[Diagnostic], budget: float
    ) -> ArticleResult:
        """Run the article in the helper thread; abandon a plugin call over budget."""
        poll = min(budget, 0.05)
        extra: list[Diagnostic] = []
        disabled = frozenset(self._disabled)  # as the article starts; reported as such
        skip = set(disabled)
        while True:
            watch = _Watch()
            frozen = frozenset(skip)
            job = _Job(
                functools.partial(self._run_guarded, article, notes, frozen, watch, disabled),
                watch,
            )
            self._helper_thread().jobs.put(job)
            overrun: tuple[str, str, float] | None = None
            while not job.wait(poll):
                current = watch.current
                if current is not None and time.perf_counter() - current[2] > budget:
                    overrun = current
                    break
            if overrun is None:
                if job.error is not None:
                    raise job.error
                assert job.result is not None
                if not extra:
                    return job.result
                return attrs.evolve(job.result, diagnostics=(*job.result.diagnostics, *extra))
            watch.abandoned = True
            self._helper = None  # that thread is busy in the plugin; the next job gets a new one
            plugin, hook, started = overrun
            message = (
                f"still running after {time.perf_counter() - started:.2f} s, over its budget "
                f"of {budget:g} s (Options.plugin_time_budget); abandoned, its output dropped"
            )
            if self.options.strict:
                raise PluginError(plugin, hook, message)
            extra.append(Diagnostic(Severity.ERROR, "plugin-timeout", message, plugin, hook))
            skip.add((plugin, hook))
            self._timeouts[plugin, hook] += 1
            if self._timeouts[plugin, hook] >= MAX_TIMEOUTS:
                self._disabled.add((plugin, hook))

    def _run_guarded(
        self,
        article: Article,
        notes: Sequence[Diagnostic],
        skip: frozenset[tuple[str, str]],
        watch: _Watch | None,
        disabled: frozenset[tuple[str, str]] | None = None,
    ) -> ArticleResult:
        """Run the phases; an unexpected error in our own code fails this article only."""
        diags = _Collector(self.options.strict, skip, watch)
        diags.items.extend(notes)
        try:
            for plugin, hook in sorted(skip if disabled is None else disabled):
                diags.plugin_problem(
                    plugin, hook, "plugin-disabled",
                    f"skipped: it went over its time budget {MAX_TIMEOUTS} times in this run",
                )
            return self._run_phases(article, diags)
        except (PluginError, _Abandoned):
            raise
        except Exception as exc:
            if self.options.strict:
                raise
            where = article.source or article.id
            diags.items.append(Diagnostic(
                Severity.ERROR, "internal-error",
                f"{where}: extraction failed ({type(exc).__name__}: {exc}); "
                "please report this with the article",
            ))
            return ArticleResult(article=article, diagnostics=tuple(diags.items))

    def _run_phases(self, article: Article, diags: _Collector) -> ArticleResult:
        text_len = len(article.text)
        knowledge = self.knowledge  # built on first use, before any per-article hook

        # 1. metadata
        metas = self._call(
            "idlib_article_metadata", {"article": article}, diags,
            lambda r: _check_one(r, ArticleMetadata, text_len, _meta_spans),
        )
        article = _apply_metadata(article, [m for _, m in metas])

        # 2. annotate
        doc = build_document(article, knowledge=knowledge)
        found = self._call(
            "idlib_annotate", {"doc": doc}, diags,
            lambda r: _check_annotations(r, text_len),
        )
        # Direct construction: attrs.evolve costs several times more, per annotation (the
        # fields were checked by _check_annotations).
        stamped = _trusted.annotation
        anns = [
            a if a.source == name else stamped(a.span, a.label, a.text, a.key, a.value, name)
            for name, items in found
            for a in items
        ]
        doc = doc.with_annotations(anns)

        # 3. actors
        found_actors = self._call(
            "idlib_resolve_actors", {"doc": doc}, diags,
            lambda r: _check_actors(r, text_len),
        )
        actors = _merge_actors(a for _, items in found_actors for a in items)

        # 4. events
        found_events = self._call(
            "idlib_extract_events", {"doc": doc, "actors": actors}, diags,
            lambda r: _check_events(r, text_len),
        )
        meetings, incidents = _number_events(
            article.id, [e for _, items in found_events for e in items]
        )

        # Every span of these was checked against the text as each plugin returned them
        # (_check_many): the constructor's walk over them all would repeat that test.
        result = _trusted.article_result(article, actors, meetings, incidents)

        # 5. postprocess, chained
        for impl in self._call_order("idlib_postprocess"):
            got = self._call_impl(impl, "idlib_postprocess", {"result": result}, diags,
                                  functools.partial(_check_post, before=result))
            if got is not None:
                result = got
        if not diags.items:  # the usual case: no second, re-validated copy of the result
            return result
        return attrs.evolve(result, diagnostics=(*result.diagnostics, *diags.items))

    # ------------------------------------------------------------------ calling

    def _call(
        self,
        hook_name: str,
        kwargs: Mapping[str, Any],
        diags: _Collector,
        check: Callable[[Any], T],
    ) -> list[tuple[str, T]]:
        out: list[tuple[str, T]] = []
        for impl in self._call_order(hook_name):
            got = self._call_impl(impl, hook_name, kwargs, diags, check)
            if got is not None:
                out.append((impl.plugin_name, got))
        return out

    def _call_order(self, hook_name: str) -> Sequence[pluggy.HookImpl]:
        """``call_order(self.pm, hook_name)``, sorted again only when the hook's
        implementations changed (compared one by one, by identity)."""
        impls = getattr(self.pm.hook, hook_name).get_hookimpls()
        known = self._orders.get(hook_name)
        if known is not None and known[0] == impls:
            return known[1]
        order = call_order(self.pm, hook_name)
        self._orders[hook_name] = (impls, order)
        return order

    def _call_impl(
        self,
        impl: pluggy.HookImpl,
        hook_name: str,
        kwargs: Mapping[str, Any],
        diags: _Collector,
        check: Callable[[Any], T],
    ) -> T | None:
        name = impl.plugin_name
        if (name, hook_name) in diags.skip:
            return None
        watch = diags.watch
        started = time.perf_counter()
        if watch is not None:
            watch.current = (name, hook_name, started)
        try:
            raw = impl.function(*[kwargs[arg] for arg in impl.argnames])
        except (Exception, SystemExit) as exc:  # a plugin calling sys.exit() is a fault too
            if watch is not None and watch.abandoned:
                raise _Abandoned() from None
            diags.plugin_problem(name, hook_name, "plugin-error", f"{type(exc).__name__}: {exc}")
            return None
        finally:
            if watch is not None:
                watch.current = None
        if watch is not None and watch.abandoned:
            raise _Abandoned()
        elapsed = time.perf_counter() - started
        budget = self.options.plugin_time_budget
        if budget is not None and elapsed > budget:
            diags.plugin_problem(
                name, hook_name, "plugin-timeout",
                f"took {elapsed:.2f} s, over its budget of {budget:g} s "
                "(Options.plugin_time_budget); its output was dropped",
            )
            return None
        if raw is None:
            return None
        try:
            return check(raw)
        except _BadReturn as exc:
            diags.plugin_problem(name, hook_name, "bad-return", str(exc))
        except Exception as exc:  # iterating what it returned raised, or a model check
            diags.plugin_problem(
                name, hook_name, "bad-return",
                f"what it returned could not be used: {type(exc).__name__}: {exc}",
            )
        return None

    # ------------------------------------------------------------------ corpus

    def iter_parse(
        self,
        paths: Iterable[str | Path],
        *,
        metadata: str | Path | Mapping[str, Any] | None = None,
        jobs: int | None = None,
    ) -> Iterator[ArticleResult]:
        """Parse files and folders lazily, one result per article, in input order.

        See :func:`idlib_corpus.io.iter_parse`.

        Example:
            >>> pipe = Pipeline(options=Options(load_entrypoints=False))
            >>> from idlib_corpus.corpus import _bundled_dir
            >>> len(list(pipe.iter_parse([_bundled_dir()])))
            5
        """
        from idlib_corpus.io import iter_parse

        return iter_parse(paths, metadata=metadata, jobs=jobs, pipeline=self)

    def worker_spec(self) -> tuple[Options, tuple[object, ...], bool]:
        """What a worker process needs to rebuild this pipeline: options, plugins, builtins."""
        return (self.options, self.plugins, self.builtins)


class _BadReturn(Exception):
    pass


def _check_one(raw: Any, cls: type[T], n: int, spans: Callable[[Any], Iterable[Span | None]]) -> T:
    if not isinstance(raw, cls):
        raise _BadReturn(f"returned {type(raw).__name__}, expected {cls.__name__} or None")
    _check_spans(raw, n, spans)
    return raw


def _check_many(
    raw: Any, classes: tuple[type, ...], n: int, spans: Callable[[Any], Iterable[Span | None]]
) -> list[Any]:
    if isinstance(raw, str | bytes) or not isinstance(raw, Iterable):
        raise _BadReturn(f"returned {type(raw).__name__}, expected a sequence or None")
    items = list(raw)
    names = " or ".join(c.__name__ for c in classes)
    for item in items:
        if not isinstance(item, classes):
            raise _BadReturn(f"returned an item of type {type(item).__name__}, expected {names}")
        _check_spans(item, n, spans)
    return items


def _check_actors(raw: Any, n: int) -> list[Any]:
    """``_check_many`` for actors: the usual return (a list of the model's actors, every
    mention inside the text) settled in one loop; anything else goes through
    ``_check_many``, which names the first problem."""
    if type(raw) is list:
        for a in raw:
            if type(a) is not Actor:
                break
            for m in a.mentions:
                if m.span.end > n:
                    break
            else:
                continue
            break
        else:
            return list(raw)
    return _check_many(raw, (Actor,), n, _actor_spans)


def _actor_spans(a: Actor) -> Iterable[Span | None]:
    return a.spans


def _check_events(raw: Any, n: int) -> list[Any]:
    """``_check_many`` for events, the usual return settled in one loop (see
    ``_check_actors``); the spans tested are those of ``_event_spans``."""
    if type(raw) is list:
        for e in raw:
            kind = type(e)
            if kind is not Meeting and kind is not Incident:
                break
            if _last_event_end(e, kind is Incident) > n:
                break
        else:
            return list(raw)
    return _check_many(raw, (Meeting, Incident), n, _event_spans)


def _last_event_end(e: Meeting | Incident, incident: bool) -> int:
    """The largest end of the spans ``_event_spans`` gives (0 if none)."""
    last = 0
    for s in e.evidence:
        if s.end > last:
            last = s.end
    place, date = e.place, e.date
    if place is not None and place.span is not None and place.span.end > last:
        last = place.span.end
    if date is not None and date.span is not None and date.span.end > last:
        last = date.span.end
    if incident:
        for c in (e.killed, e.injured, e.displaced):  # type: ignore[union-attr]
            if c is not None and c.span is not None and c.span.end > last:
                last = c.span.end
    return last


def _check_spans(item: Any, n: int, spans: Callable[[Any], Iterable[Span | None]]) -> None:
    for span in spans(item):
        if span is not None and span.end > n:
            raise _BadReturn(
                f"returned a span {span.start}..{span.end} outside the text (length {n})"
            )


def _check_post(raw: Any, before: ArticleResult) -> ArticleResult:
    if not isinstance(raw, ArticleResult):
        raise _BadReturn(f"returned {type(raw).__name__}, expected ArticleResult or None")
    if raw.article.id != before.article.id or raw.article.text != before.article.text:
        raise _BadReturn("returned the result of another article")
    return raw


def _check_annotations(raw: Any, n: int) -> list[Annotation]:
    """``_check_many`` for annotations, inlined: an article has hundreds of them."""
    if isinstance(raw, str | bytes) or not isinstance(raw, Iterable):
        raise _BadReturn(f"returned {type(raw).__name__}, expected a sequence or None")
    items = list(raw)
    for a in items:
        if type(a) is Annotation:  # the usual case, settled by exact-type tests
            span = a.span
            if type(span) is Span and span.end <= n and type(a.label) is AnnotationLabel:
                continue
        if type(a) is not Annotation and not isinstance(a, Annotation):
            raise _BadReturn(
                f"returned an item of type {type(a).__name__}, expected Annotation"
            )
        # Annotation has no validators of its own (it is built in hot loops): check here
        # what the later phases rely on.
        span = a.span
        if type(span) is not Span and not isinstance(span, Span):
            raise _BadReturn(f"returned an Annotation whose span is {type(span).__name__}, "
                             "expected Span")
        if not isinstance(a.label, AnnotationLabel):
            raise _BadReturn(f"returned an Annotation whose label is {a.label!r}, "
                             "expected an AnnotationLabel")
        if span.end > n:
            raise _BadReturn(
                f"returned a span {span.start}..{span.end} outside the text (length {n})"
            )
    return items


def _meta_spans(m: ArticleMetadata) -> Iterable[Span | None]:
    yield m.title_span
    yield m.outlet_span
    yield m.dateline_span
    yield from m.boilerplate


def _event_spans(e: Meeting | Incident) -> Iterable[Span | None]:
    yield from e.evidence
    if e.place is not None:
        yield e.place.span
    if e.date is not None:
        yield e.date.span
    if isinstance(e, Incident):
        for c in (e.killed, e.injured, e.displaced):
            if c is not None:
                yield c.span


_META_FIELDS = (
    ("title", "title_span"),
    ("outlet", "outlet_span"),
    ("dateline", "dateline_span"),
)


def _apply_metadata(article: Article, metas: Sequence[ArticleMetadata]) -> Article:
    changes: dict[str, Any] = {}
    for value_field, span_field in _META_FIELDS:
        for m in metas:
            if getattr(m, value_field) is not None:
                changes[value_field] = getattr(m, value_field)
                changes[span_field] = getattr(m, span_field)
                break
    if article.published is None:
        for m in metas:
            if m.published is not None:
                changes["published"] = m.published
                break
    boiler = sorted({s for m in metas for s in m.boilerplate})
    if boiler:
        changes["boilerplate"] = tuple(boiler)
    # The values come from ArticleMetadata objects (checked by its constructor, with the
    # validators Article has for these fields) whose spans _check_one tested.
    return _trusted.article_with(article, changes) if changes else article


def _merge_actors(actors: Iterable[Actor]) -> tuple[Actor, ...]:
    merged: dict[str, Actor] = {}
    for a in actors:
        prev = merged.get(a.id)
        if prev is None:
            merged[a.id] = a
            continue
        mentions = sorted(
            set(prev.mentions) | set(a.mentions), key=lambda m: (m.span, m.kind.value, m.text)
        )
        aliases = [x for x in dict.fromkeys((*prev.aliases, *a.aliases)) if x != prev.name]
        merged[a.id] = attrs.evolve(
            prev,
            country=prev.country or a.country,
            title=prev.title or a.title,
            aliases=tuple(aliases),
            mentions=tuple(mentions),
        )

    def key(a: Actor) -> tuple[int, str]:
        return (min((m.span.start for m in a.mentions), default=1 << 62), a.id)

    return tuple(sorted(merged.values(), key=key))


def _number_events(
    article_id: str, events: Sequence[Meeting | Incident]
) -> tuple[tuple[Meeting, ...], tuple[Incident, ...]]:
    def key(e: Meeting | Incident) -> tuple[Any, ...]:
        first = min(e.evidence)
        kind = e.kind.value if isinstance(e, Meeting) else e.type.value
        return (first.start, first.end, kind, e.id)

    meetings = sorted((e for e in events if isinstance(e, Meeting)), key=key)
    incidents = sorted((e for e in events if isinstance(e, Incident)), key=key)
    return (
        tuple(_trusted.with_id(m, f"meeting:{article_id}:{i}") for i, m in enumerate(meetings, 1)),
        tuple(_trusted.with_id(x, f"incident:{article_id}:{i}")
              for i, x in enumerate(incidents, 1)),
    )


_DEFAULT: Pipeline | None = None


def default_pipeline() -> Pipeline:
    """The shared pipeline with default options (built on first use)."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Pipeline()
    return _DEFAULT


def parse(
    text: str,
    *,
    id: str | None = None,
    published: _dt.date | None = None,
    url: str | None = None,
) -> ArticleResult:
    """Extract actors, meetings and incidents from one article's text.

    Args:
        text: the article as received (headline, dateline, boilerplate and all).
        id: its id; by default ``sha1-`` and a hash of the text.
        published: publication date, the base for "on Thursday" or "next week".
        url: where it came from.

    Returns:
        An :class:`~idlib_corpus.model.ArticleResult`.

    Example:
        >>> import datetime, idlib_corpus
        >>> r = idlib_corpus.parse("Turkish troops entered Saraqib.", id="a1",
        ...                        published=datetime.date(2020, 2, 8))
        >>> r.article.published
        datetime.date(2020, 2, 8)
    """
    return default_pipeline().parse(text, id=id, published=published, url=url)


def parse_file(
    path: str | Path, *, published: _dt.date | None = None, url: str | None = None
) -> ArticleResult:
    """Read one article file and extract from it; see :meth:`Pipeline.parse_file`.

    Args:
        path: the article file (UTF-8, or decodable: see :mod:`idlib_corpus.io`).
        published: publication date, the base for relative dates.
        url: where it came from.

    Returns:
        An :class:`~idlib_corpus.model.ArticleResult`; a file that cannot be read as text
        gives one with a ``read-error`` diagnostic naming the file.

    Raises:
        InputError: ``path`` does not exist or is a folder.

    Example:
        >>> import idlib_corpus, pathlib, tempfile
        >>> p = pathlib.Path(tempfile.mkdtemp()) / "empty.txt"
        >>> _ = p.write_text("")
        >>> r = idlib_corpus.parse_file(p)
        >>> r.id, r.ok, r.diagnostics[0].message.endswith("empty.txt: is empty")
        ('empty', False, True)
    """
    return default_pipeline().parse_file(path, published=published, url=url)

"""Parsing articles in a pool of worker processes, for ``iter_parse(..., jobs=N)``.

Design:

* Processes are started with ``spawn`` (safe with the pipeline's watchdog threads, and
  the same on Linux, macOS and Windows). As with any ``spawn`` pool, a script that calls
  ``iter_parse(..., jobs=N)`` must do so under ``if __name__ == "__main__":``.
* Each worker rebuilds the pipeline once: the built-in plugins, the entry-point plugins
  found in its own environment, and the plugin objects passed to the parent pipeline,
  sent by pickle (modules by name). A plugin object that cannot be pickled is refused up
  front with an error that names it.
* Articles travel as small :class:`~idlib_corpus.io.ArticleTask` records (the worker reads
  the file), in batches; at most ``2 * jobs`` batches are in flight, so memory stays flat
  however long the input is; results are yielded in input order. Extraction is
  deterministic, so the output is the same, byte for byte, as with one process.
* A worker that dies (killed, out of memory, a crashing extension) does not stop the run:
  its articles are retried one by one in a fresh pool, and one that kills its worker
  again gets a ``worker-crashed`` error result.
"""

from __future__ import annotations

import importlib
import multiprocessing
import pickle
import sys
import warnings
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from types import ModuleType
from typing import TYPE_CHECKING

import attrs

from idlib_corpus.errors import IdlibCorpusError
from idlib_corpus.model import ArticleResult, Diagnostic, Severity

if TYPE_CHECKING:
    from idlib_corpus.io import ArticleTask
    from idlib_corpus.options import Options
    from idlib_corpus.pipeline import Pipeline

__all__ = ["BATCH_SIZE", "parse_tasks"]

#: Articles per message to a worker: large enough to amortise the pickling round trip,
#: small enough to keep workers evenly loaded.
BATCH_SIZE = 8


@attrs.frozen
class _ModuleRef:
    """A plugin module, sent to workers by name and imported there."""

    name: str


@attrs.frozen
class _Spec:
    options: Options
    plugins: tuple[object, ...]
    builtins: bool


def _portable_spec(pipeline: Pipeline) -> bytes:
    """The pickled recipe of ``pipeline`` for workers; a clear error if it has none."""
    options, plugins, builtins = pipeline.worker_spec()
    portable: list[object] = []
    for plugin in plugins:
        name = pipeline.pm.get_name(plugin) or repr(plugin)
        if isinstance(plugin, ModuleType):
            if plugin.__name__ == "__main__" or getattr(plugin, "__spec__", None) is None:
                raise IdlibCorpusError(
                    f"plugin {name!r} is the module {plugin.__name__!r}, which worker processes "
                    "cannot import; move it to an importable module or use jobs=1"
                )
            portable.append(_ModuleRef(plugin.__name__))
            continue
        owner = plugin if isinstance(plugin, type) else type(plugin)
        main_file = getattr(sys.modules["__main__"], "__file__", None)
        if owner.__module__ == "__main__" and not main_file:
            raise IdlibCorpusError(
                f"plugin {name!r} is defined in an interactive session, which worker processes "
                "cannot import; move it to a module or use jobs=1"
            )
        try:
            pickle.dumps(plugin)
        except Exception as exc:
            raise IdlibCorpusError(
                f"plugin {name!r} cannot be sent to worker processes (jobs > 1): it is not "
                f"picklable ({type(exc).__name__}: {exc}). Define its class at module level "
                "in an importable module, register it through the 'idlib_corpus' entry-point "
                "group, or use jobs=1"
            ) from None
        portable.append(plugin)
    spec = _Spec(attrs.evolve(options, jobs=1), tuple(portable), builtins)
    return pickle.dumps(spec)


# --------------------------------------------------------------------------- worker side

_WORKER_PIPELINE: Pipeline | None = None


def _init_worker(spec_bytes: bytes) -> None:
    global _WORKER_PIPELINE
    from idlib_corpus.pipeline import Pipeline
    from idlib_corpus.plugins import PluginLoadWarning

    # The parent has already reported plugins that fail to load; say it once, not N times.
    warnings.simplefilter("ignore", PluginLoadWarning)
    spec: _Spec = pickle.loads(spec_bytes)
    plugins = [
        importlib.import_module(p.name) if isinstance(p, _ModuleRef) else p
        for p in spec.plugins
    ]
    _WORKER_PIPELINE = Pipeline(plugins, options=spec.options, builtins=spec.builtins)


def _run_batch(tasks: Sequence[ArticleTask]) -> list[ArticleResult]:
    from idlib_corpus.io import run_task

    assert _WORKER_PIPELINE is not None, "worker not initialised"
    return [run_task(_WORKER_PIPELINE, t) for t in tasks]


# --------------------------------------------------------------------------- parent side


class _Pool:
    def __init__(self, jobs: int, spec: bytes) -> None:
        self.jobs = jobs
        self.spec = spec
        self.executor: ProcessPoolExecutor | None = None
        self.delivered = False  # whether any worker ever returned a result
        self.breaks = 0

    def get(self) -> ProcessPoolExecutor:
        if self.executor is None:
            self.executor = ProcessPoolExecutor(
                max_workers=self.jobs,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_init_worker,
                initargs=(self.spec,),
            )
        return self.executor

    def submit(self, batch: Sequence[ArticleTask]) -> Future[list[ArticleResult]]:
        return self.get().submit(_run_batch, batch)

    def reset(self) -> None:
        self.breaks += 1
        if not self.delivered and self.breaks >= 3:
            raise IdlibCorpusError(
                "worker processes keep dying before returning any result: the pipeline "
                "probably cannot be built in a fresh process (run with jobs=1 to see why)"
            )
        if self.executor is not None:
            self.executor.shutdown(wait=False, cancel_futures=True)
            self.executor = None

    def close(self) -> None:
        if self.executor is not None:
            self.executor.shutdown(wait=True, cancel_futures=True)
            self.executor = None


def parse_tasks(
    tasks: Iterable[ArticleTask], pipeline: Pipeline, *, jobs: int
) -> Iterator[ArticleResult]:
    """Parse ``tasks`` in ``jobs`` worker processes; results in input order.

    Args:
        tasks: the articles (see :func:`idlib_corpus.io.iter_tasks`).
        pipeline: the pipeline whose options and plugins the workers rebuild.
        jobs: number of worker processes (>= 1).

    Returns:
        A lazy iterator of results; closing it early shuts the pool down.

    Raises:
        IdlibCorpusError: a plugin object of ``pipeline`` cannot be sent to workers.
        PluginError: a plugin failed in a worker and ``options.strict`` is set.

    Example:
        >>> from idlib_corpus.io import iter_tasks
        >>> from idlib_corpus.pipeline import Pipeline
        >>> from idlib_corpus.corpus import _bundled_dir
        >>> pipe = Pipeline()
        >>> rs = list(parse_tasks(iter_tasks([_bundled_dir()]), pipe, jobs=2))  # doctest: +SKIP
    """
    spec = _portable_spec(pipeline)  # fail now, not at the first next()
    return _ordered(iter(tasks), _Pool(jobs, spec), jobs)


def _ordered(tasks: Iterator[ArticleTask], pool: _Pool, jobs: int) -> Iterator[ArticleResult]:
    window: deque[tuple[list[ArticleTask], Future[list[ArticleResult]]]] = deque()
    try:
        while True:
            while len(window) < 2 * jobs:
                batch = list(islice(tasks, BATCH_SIZE))
                if not batch:
                    break
                window.append((batch, pool.submit(batch)))
            if not window:
                return
            batch, future = window.popleft()
            try:
                results = future.result()
                pool.delivered = True
            except BrokenProcessPool:
                pool.reset()
                results = _retry_alone(batch, pool)
                # Batches still in the window were lost with the pool: send them again.
                window = deque((b, pool.submit(b)) for b, _ in window)
            yield from results
    finally:
        pool.close()


def _retry_alone(batch: Sequence[ArticleTask], pool: _Pool) -> list[ArticleResult]:
    """Re-run a lost batch one article per call, to find the one that kills workers."""
    out: list[ArticleResult] = []
    for task in batch:
        try:
            out.extend(pool.submit([task]).result())
            pool.delivered = True
        except BrokenProcessPool:
            pool.reset()
            out.append(_crashed(task))
    return out


def _crashed(task: ArticleTask) -> ArticleResult:
    from idlib_corpus.model import Article

    article = Article(id=task.id, text="", published=task.published, url=task.url,
                      source=task.path)
    diag = Diagnostic(
        Severity.ERROR, "worker-crashed",
        f"{task.path}: the worker process parsing it died (killed, out of memory, or a "
        "crash in native code); no result",
    )
    return ArticleResult(article=article, diagnostics=(*task.notes, diag))

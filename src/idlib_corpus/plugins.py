"""The plugin manager: built-in extractors, entry-point plugins and plugin objects.

A manager is built fresh for each :class:`~idlib_corpus.pipeline.Pipeline` (there is no
import-time global). Order of registration is: the built-in plugins under stable names
(``idlib_corpus.metadata``...), then third-party plugins from the ``idlib_corpus``
entry-point group (sorted by distribution and entry-point name, so the order does not
depend on ``sys.path``), then the objects passed by the caller. Output never depends on
that order (see :mod:`idlib_corpus.hookspecs`); precedence, where it matters, is set with
``tryfirst``/``trylast``.

A third-party plugin that cannot be loaded (its import raises, or it implements a hook
that does not exist) does not take the run down: it is left out, recorded in
:attr:`IdlibPluginManager.load_problems` and announced with a :class:`PluginLoadWarning`,
unless ``strict`` is set, in which case :class:`~idlib_corpus.errors.PluginError` is raised.
"""

from __future__ import annotations

import importlib
import importlib.metadata
import os
import warnings
from collections.abc import Iterable, Iterator, Sequence
from types import ModuleType

import attrs
import pluggy

from idlib_corpus import hookspecs
from idlib_corpus.errors import IdlibCorpusError, PluginError

__all__ = [
    "BUILTIN_PLUGINS",
    "DISABLE_AUTOLOAD_ENV",
    "HOOK_ORDER",
    "IdlibPluginManager",
    "PluginInfo",
    "PluginLoadProblem",
    "PluginLoadWarning",
    "builtin_name",
    "call_order",
    "get_plugin_manager",
    "list_plugins",
]

#: Registered name and module of each built-in plugin, in registration order.
BUILTIN_PLUGINS: tuple[tuple[str, str], ...] = (
    ("idlib_corpus.metadata", "idlib_corpus.extractors.metadata"),
    ("idlib_corpus.knowledge", "idlib_corpus.extractors.gazetteer"),
    ("idlib_corpus.times", "idlib_corpus.extractors.times"),
    ("idlib_corpus.numbers", "idlib_corpus.extractors.numbers"),
    ("idlib_corpus.actors", "idlib_corpus.extractors.actors"),
    ("idlib_corpus.meetings", "idlib_corpus.extractors.meetings"),
    ("idlib_corpus.incidents", "idlib_corpus.extractors.incidents"),
)



def builtin_name(module: str) -> str:
    """The registered name of the built-in plugin in ``module`` (its annotations' source).

    Example:
        >>> builtin_name("idlib_corpus.extractors.times")
        'idlib_corpus.times'
    """
    for name, module_name in BUILTIN_PLUGINS:
        if module_name == module:
            return name
    raise KeyError(module)


#: Set this environment variable (to anything but ``""``/``"0"``) to skip entry-point plugins.
DISABLE_AUTOLOAD_ENV = "IDLIB_CORPUS_DISABLE_PLUGIN_AUTOLOAD"

#: The hooks in the order the pipeline calls them.
HOOK_ORDER: tuple[str, ...] = (
    "idlib_knowledge_files",
    "idlib_article_metadata",
    "idlib_annotate",
    "idlib_resolve_actors",
    "idlib_extract_events",
    "idlib_postprocess",
)


class PluginLoadWarning(UserWarning):
    """A third-party plugin could not be loaded and was left out of the run."""


@attrs.frozen
class PluginLoadProblem:
    """A plugin that could not be loaded, and why.

    Attributes:
        name: the entry point's (or object's) plugin name.
        distribution: the distribution declaring the entry point, if any.
        version: that distribution's version.
        message: what went wrong, e.g. ``"ModuleNotFoundError: No module named 'x'"``.
    """

    name: str
    distribution: str | None
    version: str | None
    message: str

    def __str__(self) -> str:
        where = f" (from {self.distribution} {self.version})" if self.distribution else ""
        return f"plugin {self.name!r}{where} could not be loaded and was left out: {self.message}"


@attrs.frozen
class _Origin:
    kind: str  # "builtin", "entrypoint" or "object"
    distribution: str | None = None
    version: str | None = None


class IdlibPluginManager(pluggy.PluginManager):
    """A :class:`pluggy.PluginManager` that remembers where each plugin came from.

    Attributes:
        load_problems: third-party plugins left out because they could not be loaded.

    Example:
        >>> pm = get_plugin_manager(load_entrypoints=False)
        >>> isinstance(pm, IdlibPluginManager), pm.load_problems
        (True, [])
    """

    def __init__(self) -> None:
        super().__init__(hookspecs.PROJECT_NAME)
        self.add_hookspecs(hookspecs)
        self.load_problems: list[PluginLoadProblem] = []
        self._origins: dict[str, _Origin] = {}

    def origin(self, name: str) -> tuple[str, str | None, str | None]:
        """``(kind, distribution, version)`` of a registered plugin.

        ``kind`` is ``"builtin"``, ``"entrypoint"`` or ``"object"``.
        """
        o = self._origins.get(name, _Origin("object"))
        return (o.kind, o.distribution, o.version)


def autoload_disabled() -> bool:
    """Whether ``IDLIB_CORPUS_DISABLE_PLUGIN_AUTOLOAD`` turns entry-point plugins off."""
    return os.environ.get(DISABLE_AUTOLOAD_ENV, "") not in ("", "0")


def get_plugin_manager(
    *extra: object,
    load_entrypoints: bool = True,
    blocked: Iterable[str] = (),
    builtins: bool = True,
    strict: bool = False,
) -> IdlibPluginManager:
    """Build a plugin manager with the hookspecs and the plugins in use.

    Args:
        *extra: plugin objects (modules, classes or instances with ``@hookimpl``
            methods) to register after the built-in and entry-point ones.
        load_entrypoints: load the ``idlib_corpus`` entry-point group, unless the
            ``IDLIB_CORPUS_DISABLE_PLUGIN_AUTOLOAD`` environment variable is set.
        blocked: plugin names not to register (built-in, entry-point or extra).
        builtins: register the built-in extractors.
        strict: raise when an entry-point plugin cannot be loaded, instead of leaving
            it out with a :class:`PluginLoadWarning`.

    Returns:
        A ready :class:`IdlibPluginManager`.

    Raises:
        IdlibCorpusError: a built-in plugin could not be imported, or a plugin object
            passed in ``extra`` does not fit the hookspecs (a misspelt hook, a wrong
            argument name) or is registered twice.
        PluginError: ``strict`` is set and an entry-point plugin could not be loaded.

    Example:
        >>> pm = get_plugin_manager(load_entrypoints=False)
        >>> pm.has_plugin("idlib_corpus.actors")
        True
    """
    pm = IdlibPluginManager()
    blocked = set(blocked)
    for name in sorted(blocked):
        pm.set_blocked(name)
    if builtins:
        own = _own_version()
        for name, module_name in BUILTIN_PLUGINS:
            if name in blocked:
                continue
            pm.register(importlib.import_module(module_name), name=name)
            pm._origins[name] = _Origin("builtin", "idlib-corpus", own)
    if load_entrypoints and not autoload_disabled():
        _load_entrypoints(pm, strict=strict)
    for obj in extra:
        name = pm.get_canonical_name(obj)
        if name in blocked:
            continue
        try:
            registered = pm.register(obj)
        except pluggy.PluginValidationError as exc:
            raise IdlibCorpusError(f"plugin {name!r} does not fit the hookspecs: {exc}") from exc
        except ValueError as exc:  # already registered under that name
            raise IdlibCorpusError(f"plugin {name!r} cannot be registered: {exc}") from exc
        if registered is None:  # blocked under its canonical name
            continue
        unknown = _unknown_hooks(pm, obj)
        if unknown:
            pm.unregister(obj)
            raise IdlibCorpusError(
                f"plugin {name!r} implements hooks that do not exist: {', '.join(unknown)} "
                f"(known hooks: {', '.join(HOOK_ORDER)})"
            )
        pm._origins[name] = _Origin("object")
    return pm


def _iter_entrypoints() -> Iterator[tuple[importlib.metadata.EntryPoint, str | None, str | None]]:
    """Entry points of our group, sorted so that ``sys.path`` order does not matter."""
    found = []
    for dist in importlib.metadata.distributions():
        try:
            eps = [ep for ep in dist.entry_points if ep.group == hookspecs.PROJECT_NAME]
        except Exception:  # a distribution with unreadable metadata is not ours to judge
            continue
        if not eps:
            continue
        dist_name = dist.metadata["name"] if dist.metadata else None
        for ep in eps:
            found.append((ep, dist_name, dist.version))
    found.sort(key=lambda t: (t[1] or "", t[0].name, t[0].value))
    yield from found


def _load_entrypoints(pm: IdlibPluginManager, *, strict: bool) -> None:
    for ep, dist_name, version in _iter_entrypoints():
        if pm.has_plugin(ep.name) or pm.is_blocked(ep.name):
            continue
        try:
            plugin = ep.load()
            pm.register(plugin, name=ep.name)
            unknown = _unknown_hooks(pm, plugin)
            if unknown:
                pm.unregister(plugin)
                raise IdlibCorpusError(f"implements hooks that do not exist: {', '.join(unknown)}")
        except Exception as exc:  # an import error, a bad hookimpl: leave this one out
            message = (
                str(exc) if isinstance(exc, IdlibCorpusError) else f"{type(exc).__name__}: {exc}"
            )
            problem = PluginLoadProblem(ep.name, dist_name, version, message)
            if strict:
                raise PluginError(ep.name, "load", message) from exc
            pm.load_problems.append(problem)
            warnings.warn(str(problem), PluginLoadWarning, stacklevel=3)
            continue
        pm._origins[ep.name] = _Origin("entrypoint", dist_name, version)


def _unknown_hooks(pm: pluggy.PluginManager, plugin: object) -> list[str]:
    callers = pm.get_hookcallers(plugin) or []
    return sorted(
        hc.name
        for hc in callers
        if not hc.has_spec()
        and any(impl.plugin is plugin and not impl.optionalhook for impl in hc.get_hookimpls())
    )


@attrs.frozen
class PluginInfo:
    """One registered plugin, for ``idlib-corpus plugins``.

    Attributes:
        name: the registered name.
        version: its distribution's version, if it came from one.
        distribution: its distribution's name, if it came from one.
        hooks: the hooks it implements, in the order the pipeline calls the hooks.
        kind: ``"builtin"``, ``"entrypoint"`` or ``"object"``.
    """

    name: str
    version: str | None
    distribution: str | None
    hooks: tuple[str, ...]
    kind: str = "object"


def list_plugins(pm: pluggy.PluginManager) -> list[PluginInfo]:
    """Describe the registered plugins, sorted by name, hooks in the order they run.

    Example:
        >>> [p.name for p in list_plugins(get_plugin_manager(load_entrypoints=False))][:2]
        ['idlib_corpus.actors', 'idlib_corpus.incidents']
    """
    infos: list[PluginInfo] = []
    for name, plugin in sorted(pm.list_name_plugin(), key=lambda np: np[0]):
        if plugin is None:  # blocked
            continue
        hooks = tuple(
            h for h in HOOK_ORDER
            if any(impl.plugin is plugin for impl in getattr(pm.hook, h).get_hookimpls())
        )
        if isinstance(pm, IdlibPluginManager):
            kind, distribution, version = pm.origin(name)
        else:
            kind, distribution, version = "object", None, None
            if _is_builtin(plugin):
                kind, distribution, version = "builtin", "idlib-corpus", _own_version()
        infos.append(PluginInfo(name, version, distribution, hooks, kind))
    return infos


def call_order(pm: pluggy.PluginManager, hook_name: str) -> Sequence[pluggy.HookImpl]:
    """The implementations of one hook in the order the pipeline calls them.

    ``tryfirst`` ones, then plain ones, then ``trylast`` ones; within a band, by plugin
    name. (pluggy itself calls the last registered first; we sort by name instead so
    that nothing depends on registration or entry-point order.)

    Example:
        >>> pm = get_plugin_manager(load_entrypoints=False)
        >>> [i.plugin_name for i in call_order(pm, "idlib_article_metadata")]
        ['idlib_corpus.metadata']
    """
    impls = getattr(pm.hook, hook_name).get_hookimpls()
    return sorted(impls, key=lambda i: (0 if i.tryfirst else 2 if i.trylast else 1,
                                        i.plugin_name))


def _is_builtin(plugin: object) -> bool:
    return isinstance(plugin, ModuleType) and plugin.__name__.startswith("idlib_corpus.")


def _own_version() -> str | None:
    try:
        return importlib.metadata.version("idlib-corpus")
    except importlib.metadata.PackageNotFoundError:
        return None

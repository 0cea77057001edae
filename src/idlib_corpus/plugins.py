"""The plugin manager: built-in extractors, entry-point plugins and plugin objects.

A manager is built fresh for each :class:`~idlib_corpus.pipeline.Pipeline` (there is no
import-time global). Order of registration is: the built-in plugins under stable names
(``idlib_corpus.metadata``...), then third-party plugins from the ``idlib_corpus``
entry-point group, then the objects passed by the caller. Output never depends on that
order (see :mod:`idlib_corpus.hookspecs`); precedence, where it matters, is set with
``tryfirst``/``trylast``.
"""

from __future__ import annotations

import importlib
import importlib.metadata
import os
from collections.abc import Iterable, Sequence
from types import ModuleType

import attrs
import pluggy

from idlib_corpus import hookspecs
from idlib_corpus.errors import IdlibCorpusError

__all__ = [
    "BUILTIN_PLUGINS",
    "DISABLE_AUTOLOAD_ENV",
    "PluginInfo",
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

#: Set this environment variable (to anything) to skip entry-point plugins.
DISABLE_AUTOLOAD_ENV = "IDLIB_CORPUS_DISABLE_PLUGIN_AUTOLOAD"


def get_plugin_manager(
    *extra: object,
    load_entrypoints: bool = True,
    blocked: Iterable[str] = (),
    builtins: bool = True,
) -> pluggy.PluginManager:
    """Build a plugin manager with the hookspecs and the plugins in use.

    Args:
        *extra: plugin objects (modules, classes or instances with ``@hookimpl``
            methods) to register after the built-in and entry-point ones.
        load_entrypoints: load the ``idlib_corpus`` entry-point group, unless the
            ``IDLIB_CORPUS_DISABLE_PLUGIN_AUTOLOAD`` environment variable is set.
        blocked: plugin names not to register (built-in, entry-point or extra).
        builtins: register the built-in extractors.

    Returns:
        A ready :class:`pluggy.PluginManager`.

    Raises:
        IdlibCorpusError: a built-in plugin could not be imported, or a plugin object
            does not fit the hookspecs (a misspelt hook, a wrong argument name).

    Example:
        >>> pm = get_plugin_manager(load_entrypoints=False)
        >>> pm.has_plugin("idlib_corpus.actors")
        True
    """
    pm = pluggy.PluginManager(hookspecs.PROJECT_NAME)
    pm.add_hookspecs(hookspecs)
    blocked = set(blocked)
    for name in blocked:
        pm.set_blocked(name)
    if builtins:
        for name, module_name in BUILTIN_PLUGINS:
            if name in blocked:
                continue
            pm.register(importlib.import_module(module_name), name=name)
    if load_entrypoints and not os.environ.get(DISABLE_AUTOLOAD_ENV):
        pm.load_setuptools_entrypoints(hookspecs.PROJECT_NAME)
    for obj in extra:
        name = pm.get_canonical_name(obj)
        if name in blocked:
            continue
        try:
            pm.register(obj)
        except pluggy.PluginValidationError as exc:
            raise IdlibCorpusError(f"plugin {name!r} does not fit the hookspecs: {exc}") from exc
        except ValueError as exc:  # already registered under that name
            raise IdlibCorpusError(f"plugin {name!r} cannot be registered: {exc}") from exc
    pm.check_pending()
    return pm


@attrs.frozen
class PluginInfo:
    """One registered plugin, for ``idlib-corpus plugins``.

    Attributes:
        name: the registered name.
        version: its distribution's version, if it came from one.
        distribution: its distribution's name, if it came from one.
        hooks: the hooks it implements, in the order the hooks run.
    """

    name: str
    version: str | None
    distribution: str | None
    hooks: tuple[str, ...]


_HOOK_ORDER = (
    "idlib_knowledge_files",
    "idlib_article_metadata",
    "idlib_annotate",
    "idlib_resolve_actors",
    "idlib_extract_events",
    "idlib_postprocess",
)


def list_plugins(pm: pluggy.PluginManager) -> list[PluginInfo]:
    """Describe the registered plugins, in the order they are called within each hook."""
    dists = {id(plugin): dist for plugin, dist in pm.list_plugin_distinfo()}
    infos: list[PluginInfo] = []
    for name, plugin in sorted(pm.list_name_plugin(), key=lambda np: np[0]):
        if plugin is None:  # blocked
            continue
        hooks = tuple(
            h for h in _HOOK_ORDER
            if any(impl.plugin is plugin for impl in getattr(pm.hook, h).get_hookimpls())
        )
        dist = dists.get(id(plugin))
        version = distribution = None
        if dist is not None:
            distribution = dist.metadata["name"]
            version = dist.version
        elif _is_builtin(plugin):
            distribution, version = "idlib-corpus", _own_version()
        infos.append(PluginInfo(name, version, distribution, hooks))
    return infos


def call_order(pm: pluggy.PluginManager, hook_name: str) -> Sequence[pluggy.HookImpl]:
    """The implementations of one hook in the order pluggy would call them."""
    return list(reversed(getattr(pm.hook, hook_name).get_hookimpls()))


def _is_builtin(plugin: object) -> bool:
    return isinstance(plugin, ModuleType) and plugin.__name__.startswith("idlib_corpus.")


def _own_version() -> str | None:
    try:
        return importlib.metadata.version("idlib-corpus")
    except importlib.metadata.PackageNotFoundError:
        return None

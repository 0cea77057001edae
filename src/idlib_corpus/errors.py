"""Exceptions raised at the library's boundary.

Inside a run, a bad article or a failing plugin becomes a :class:`~idlib_corpus.model.Diagnostic`
in that article's result; these exceptions are for bad arguments to public functions, for
malformed wire records, and for ``strict`` runs that must stop at the first problem.
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = [
    "IdlibCorpusError",
    "InputError",
    "ModelError",
    "PluginError",
    "SchemaVersionError",
    "WireFormatError",
]


class IdlibCorpusError(Exception):
    """Base class of every error this library raises on purpose."""


class ModelError(IdlibCorpusError, ValueError):
    """A model object was given a value its field does not accept.

    Example: ``Incident.killed must be >= 0, got -3``.
    """


class WireFormatError(IdlibCorpusError, ValueError):
    """A serialised record could not be read back.

    Attributes:
        source: where the record came from (a file name and line, or ``"<string>"``).
        paths: the JSON paths of the offending fields, e.g. ``["$.incidents[0].killed"]``.
    """

    def __init__(self, message: str, *, source: str = "<string>", paths: Sequence[str] = ()):
        self.source = source
        self.paths = list(paths)
        self._message = message
        super().__init__(f"{source}: {message}")

    def __reduce__(self) -> tuple[object, ...]:  # picklable, for worker processes
        return (_rebuild, (type(self), (self._message,),
                           {"source": self.source, "paths": self.paths}))


class SchemaVersionError(WireFormatError):
    """A record declares a ``schema_version`` this release cannot read."""


class InputError(IdlibCorpusError, ValueError):
    """An input file, folder or metadata file could not be used.

    Attributes:
        path: the file or folder concerned.
    """

    def __init__(self, path: object, message: str):
        self.path = str(path)
        self._message = message
        super().__init__(f"{path}: {message}")

    def __reduce__(self) -> tuple[object, ...]:  # picklable, for worker processes
        return (_rebuild, (type(self), (self.path, self._message), {}))


class PluginError(IdlibCorpusError):
    """A plugin failed while ``strict`` mode was on.

    Attributes:
        plugin: the registered name of the plugin.
        hook: the hook that was being called.
    """

    def __init__(self, plugin: str, hook: str, message: str):
        self.plugin = plugin
        self.hook = hook
        self._message = message
        super().__init__(f"plugin {plugin!r} failed in {hook}: {message}")

    def __reduce__(self) -> tuple[object, ...]:  # picklable, for worker processes
        return (_rebuild, (type(self), (self.plugin, self.hook, self._message), {}))


def _rebuild(
    cls: type[Exception], args: tuple[object, ...], kwargs: dict[str, object]
) -> Exception:
    return cls(*args, **kwargs)

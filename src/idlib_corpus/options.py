"""Run options: one immutable object passed as ``options=``, varied with ``attrs.evolve``."""

from __future__ import annotations

from typing import Any

import attrs

__all__ = ["Options"]


def _positive_or_none(
    instance: object, attribute: attrs.Attribute[Any], value: float | None
) -> None:
    if value is not None and value <= 0:
        from idlib_corpus.errors import ModelError

        raise ModelError(f"Options.{attribute.name} must be > 0 or None, got {value!r}")


def _at_least_one(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        from idlib_corpus.errors import ModelError

        raise ModelError(f"Options.{attribute.name} must be an int >= 1, got {value!r}")


@attrs.frozen
class Options:
    """How a run behaves.

    Attributes:
        strict: raise :class:`~idlib_corpus.errors.PluginError` at the first plugin
            failure instead of recording a diagnostic and going on.
        plugin_time_budget: seconds one plugin may spend on one hook call for one article;
            a call over budget is reported (and, where it can be, its output dropped).
            ``None`` for no limit.
        load_entrypoints: load third-party plugins from the ``idlib_corpus`` entry-point
            group (also off when ``IDLIB_CORPUS_DISABLE_PLUGIN_AUTOLOAD`` is set).
        blocked: registered plugin names not to use (``"idlib_corpus.incidents"``).
        jobs: worker processes for ``iter_parse``; 1 runs in this process.
        max_chars: the longest text processed, in characters; a longer text is cut at
            the last line break before the limit and a ``too-long`` warning records it.
            News articles run to a few thousand characters, long features to tens of
            thousands; hundreds of thousands mean a crawl error (pages glued together), and
            reading it all would cost time and memory for nothing. ``None`` for no limit.

    Example:
        >>> import attrs
        >>> attrs.evolve(Options(), strict=True).strict
        True
    """

    strict: bool = False
    plugin_time_budget: float | None = attrs.field(default=10.0, validator=_positive_or_none)
    load_entrypoints: bool = True
    blocked: tuple[str, ...] = attrs.field(default=(), converter=tuple)
    jobs: int = attrs.field(default=1, validator=_at_least_one)
    max_chars: int | None = attrs.field(default=200_000, validator=_positive_or_none)

"""idlib_corpus: typed facts from news about Russia-Turkey diplomacy and fighting over Idlib.

Parse an article, or take the bundled corpus::

    >>> import idlib_corpus
    >>> corpus = idlib_corpus.load()          # the seed articles shipped with the package
    >>> result = idlib_corpus.parse("Turkish troops entered Saraqib on Thursday.")

Everything public is listed in ``__all__``; heavy modules (dateparser, the knowledge
base, entry points) load on first use, so ``import idlib_corpus`` stays cheap.
"""

# No "from __future__ import annotations" and only private helper names here, so that
# the public names of this module are exactly __all__ (tests/test_meta.py checks it).
import importlib as _importlib
import typing as _typing

__all__ = [
    "SCHEMA_VERSION",
    "Actor",
    "ActorKind",
    "Annotation",
    "AnnotationLabel",
    "Article",
    "ArticleMetadata",
    "ArticleResult",
    "Claim",
    "Corpus",
    "Diagnostic",
    "Document",
    "IdlibCorpusError",
    "Incident",
    "IncidentType",
    "InputError",
    "Meeting",
    "MeetingKind",
    "MeetingStatus",
    "Mention",
    "MentionKind",
    "ModelError",
    "Options",
    "Pipeline",
    "Place",
    "PlaceKind",
    "PluginError",
    "Precision",
    "Qualifier",
    "SchemaVersionError",
    "Severity",
    "Span",
    "TimeValue",
    "WireFormatError",
    "__version__",
    "dump",
    "hookimpl",
    "iter_parse",
    "load",
    "parse",
    "parse_file",
]

# Where each public name lives; imported on first access (PEP 562).
_LOCATIONS = {
    "Annotation": "document",
    "AnnotationLabel": "document",
    "Document": "document",
    "Corpus": "corpus",
    "dump": "corpus",
    "load": "corpus",
    "IdlibCorpusError": "errors",
    "InputError": "errors",
    "ModelError": "errors",
    "PluginError": "errors",
    "SchemaVersionError": "errors",
    "WireFormatError": "errors",
    "hookimpl": "hookspecs",
    "iter_parse": "io",
    "Options": "options",
    "Pipeline": "pipeline",
    "parse": "pipeline",
    "parse_file": "pipeline",
}
_MODEL = {
    "SCHEMA_VERSION", "Actor", "ActorKind", "Article", "ArticleMetadata", "ArticleResult",
    "Claim", "Diagnostic", "Incident", "IncidentType", "Meeting", "MeetingKind",
    "MeetingStatus", "Mention", "MentionKind", "Place", "PlaceKind", "Precision",
    "Qualifier", "Severity", "Span", "TimeValue",
}


def __getattr__(name: str) -> _typing.Any:
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("idlib-corpus")
        except PackageNotFoundError:  # running from a source tree
            return "0+unknown"
    module = "model" if name in _MODEL else _LOCATIONS.get(name)
    if module is None:
        raise AttributeError(f"module 'idlib_corpus' has no attribute {name!r}")
    value = getattr(_importlib.import_module(f"idlib_corpus.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


if _typing.TYPE_CHECKING:  # pragma: no cover - for type checkers and IDEs only
    from idlib_corpus.corpus import Corpus, dump, load
    from idlib_corpus.document import Annotation, AnnotationLabel, Document
    from idlib_corpus.errors import (
        IdlibCorpusError,
        InputError,
        ModelError,
        PluginError,
        SchemaVersionError,
        WireFormatError,
    )
    from idlib_corpus.hookspecs import hookimpl
    from idlib_corpus.io import iter_parse
    from idlib_corpus.model import (
        SCHEMA_VERSION,
        Actor,
        ActorKind,
        Article,
        ArticleMetadata,
        ArticleResult,
        Claim,
        Diagnostic,
        Incident,
        IncidentType,
        Meeting,
        MeetingKind,
        MeetingStatus,
        Mention,
        MentionKind,
        Place,
        PlaceKind,
        Precision,
        Qualifier,
        Severity,
        Span,
        TimeValue,
    )
    from idlib_corpus.options import Options
    from idlib_corpus.pipeline import Pipeline, parse, parse_file

    __version__: str

"""Reading articles from disk: decoding, sidecar metadata, and lazy corpus iteration.

What a crawler brings back is not always clean text. The policy here is to read what can
be read, say what was done, and never let one bad file stop a run:

* UTF-8 (with or without a BOM) is read as is; UTF-16/UTF-32 with a BOM is decoded and a
  ``decoding`` warning says so; other bytes that are not UTF-8 are decoded as
  Windows-1252 (a superset of Latin-1's printable characters) with a ``decoding`` warning.
* Binary files (NUL bytes, or mostly control characters), empty files and files holding
  only whitespace give a result with a ``read-error`` diagnostic naming the file.
* Files larger than ``4 * Options.max_chars`` bytes are read only up to that size
  (``too-long`` warning); the pipeline then cuts the text at ``Options.max_chars``.
* In a folder, the ``*.txt`` files are the articles; other files are skipped (and can be
  listed with ``expand_paths(..., skipped=[])``); sub-folders are not walked.
* A path that does not exist raises :class:`~idlib_corpus.errors.InputError` from
  :func:`read_article_text` and :func:`expand_paths`; :func:`iter_parse` turns it into a
  failed result for that path and goes on with the others.
* A metadata file that is not JSON, or not a JSON object, raises ``InputError`` when
  given explicitly; a folder's own ``metadata.json`` that is broken gives a warning on
  each article of the folder. An entry whose date is not a date keeps the article but
  drops the date, with a ``metadata`` warning naming the file, the article and the value.
"""

from __future__ import annotations

import codecs
import datetime as _dt
import json
import os
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from idlib_corpus.errors import IdlibCorpusError, InputError
from idlib_corpus.model import Article, ArticleResult, Diagnostic, Severity

if TYPE_CHECKING:
    from idlib_corpus.pipeline import Pipeline

__all__ = [
    "METADATA_FILE",
    "ArticleMeta",
    "ArticleTask",
    "decode_article_bytes",
    "expand_paths",
    "iter_parse",
    "iter_tasks",
    "read_article_text",
    "read_metadata",
    "run_task",
]

#: Name of the sidecar file read from a folder when no metadata is given.
METADATA_FILE = "metadata.json"

#: Share of control characters above which decoded text is taken for binary data.
_BINARY_CONTROL_SHARE = 0.10


@attrs.frozen
class ArticleMeta:
    """What a sidecar ``metadata.json`` says of one article.

    Attributes:
        published: publication date.
        url: where it came from.
        problems: what was wrong with the entry (a date that is not a date...), as
            sentences naming the file, the article and the value; the values concerned
            are left out.

    Example:
        >>> read_metadata({"a1": {"published": "2020-02-08"}})["a1"].published
        datetime.date(2020, 2, 8)
    """

    published: _dt.date | None = None
    url: str | None = None
    problems: tuple[str, ...] = ()


# --------------------------------------------------------------------------- reading text


def read_article_text(
    path: str | Path, *, max_bytes: int | None = None
) -> tuple[str, list[Diagnostic]]:
    """Read an article file as text, decoding what can be decoded.

    Args:
        path: the file.
        max_bytes: read at most this many bytes (a larger file gives a ``too-long``
            warning); ``None`` reads it all.

    Returns:
        The text and diagnostics: a warning when it was not UTF-8 and was decoded
        another way, an error (``read-error``) with an empty text when it cannot be read
        as text (binary, empty, only whitespace, no permission).

    Raises:
        InputError: the path does not exist or is a folder.

    Example:
        >>> import tempfile, pathlib
        >>> p = pathlib.Path(tempfile.mkdtemp()) / "empty.txt"
        >>> _ = p.write_bytes(b"")
        >>> text, notes = read_article_text(p)
        >>> notes[0].code, notes[0].message.endswith("is empty")
        ('read-error', True)
    """
    path = Path(path)
    if not path.exists():
        raise InputError(path, "no such file")
    if path.is_dir():
        raise InputError(path, "is a folder, not an article file")
    notes: list[Diagnostic] = []
    try:
        with path.open("rb") as fh:
            if max_bytes is None:
                data = fh.read()
                truncated = False
            else:
                data = fh.read(max_bytes + 1)
                truncated = len(data) > max_bytes
                if truncated:
                    data = data[:max_bytes]
                    size = os.fstat(fh.fileno()).st_size
                    notes.append(Diagnostic(
                        Severity.WARNING, "too-long",
                        f"{path}: {size:,} bytes; only the first {max_bytes:,} were read "
                        "(4 x Options.max_chars)",
                    ))
    except OSError as exc:
        return "", [_read_error(path, f"cannot be read: {exc.strerror or exc}")]
    text, more = decode_article_bytes(data, str(path), truncated=truncated)
    return text, [*notes, *more]


_BOMS = (
    # Longest first: the UTF-32 LE BOM starts with the UTF-16 LE one.
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)


def decode_article_bytes(
    data: bytes, name: str, *, truncated: bool = False
) -> tuple[str, list[Diagnostic]]:
    """Decode the bytes of an article; see :func:`read_article_text`.

    Args:
        data: the bytes.
        name: the file name, for messages.
        truncated: ``data`` is a prefix of the file (a character may be cut at the end).

    Returns:
        The text and the diagnostics of decoding it.

    Example:
        >>> decode_article_bytes("Saraqib".encode("utf-16"), "a.txt")[1][0].message
        'a.txt: decoded as UTF-16 (it starts with a byte order mark)'
    """
    final = not truncated
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            try:
                text = codecs.getincrementaldecoder(codec)().decode(data, final=final)
            except UnicodeDecodeError as exc:
                return "", [_read_error(name, f"not valid {label} despite its BOM: {exc.reason}")]
            text = text.removeprefix("\ufeff")
            note = Diagnostic(
                Severity.WARNING, "decoding",
                f"{name}: decoded as {label} (it starts with a byte order mark)",
            )
            return _check_text(text, name, [note])
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    if b"\x00" in data:
        return "", [_read_error(name, "is a binary file (it holds NUL bytes), not text")]
    try:
        text = codecs.getincrementaldecoder("utf-8")().decode(data, final=final)
    except UnicodeDecodeError as exc:
        text = data.decode("cp1252", errors="replace")
        note = Diagnostic(
            Severity.WARNING,
            "decoding",
            f"{name}: not UTF-8 (invalid byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "decoded as Windows-1252/Latin-1",
        )
        return _check_text(text, name, [note])
    return _check_text(text, name, [])


def _check_text(text: str, name: str, notes: list[Diagnostic]) -> tuple[str, list[Diagnostic]]:
    if not text.strip():
        what = "is empty" if not text else "holds only whitespace"
        return text, [*notes, _read_error(name, what)]
    sample = text[:4096]
    controls = sum(1 for c in sample if c < " " and c not in "\t\n\r\f\v")
    if controls > _BINARY_CONTROL_SHARE * len(sample):
        return "", [
            *notes,
            _read_error(name, f"looks binary ({controls} control characters in the first "
                              f"{len(sample)}), not text"),
        ]
    return text, notes


def _read_error(path: object, message: str) -> Diagnostic:
    return Diagnostic(Severity.ERROR, "read-error", f"{path}: {message}")


# --------------------------------------------------------------------------- metadata


def read_metadata(source: str | Path | Mapping[str, Any]) -> dict[str, ArticleMeta]:
    """Read a ``metadata.json`` mapping article ids to ``{"published": ..., "url": ...}``.

    A mapping this function returned is taken as it is, so that metadata read once (to
    count the articles, say) can be handed on.

    ``published`` is an ISO date (``2020-02-08``) or date-time (``2020-02-08T10:00:00Z``,
    whose date part is taken). Other keys are ignored. An entry with a malformed value
    keeps its other values; the problem is in :attr:`ArticleMeta.problems`.

    Args:
        source: the file, or its content as a mapping.

    Returns:
        Article id to :class:`ArticleMeta`.

    Raises:
        InputError: the file is missing, not JSON (the message gives line and column),
            or not a JSON object of objects.

    Example:
        >>> m = read_metadata({"a1": {"published": "yesterday"}})
        >>> m["a1"].published is None, m["a1"].problems[0]
        (True, "<metadata>: entry 'a1': 'published' must be a date YYYY-MM-DD, got 'yesterday'")
    """
    name = "<metadata>"
    if isinstance(source, str | Path):
        name = str(source)
        path = Path(source)
        if path.is_dir():
            raise InputError(source, "is a folder, not a metadata file")
        try:
            raw = json.loads(path.read_bytes().decode("utf-8-sig"))
        except FileNotFoundError:
            raise InputError(source, "no such metadata file") from None
        except OSError as exc:
            raise InputError(source, f"cannot be read: {exc.strerror or exc}") from None
        except UnicodeDecodeError as exc:
            raise InputError(source, f"not UTF-8 (byte offset {exc.start})") from None
        except json.JSONDecodeError as exc:
            raise InputError(
                source, f"not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}"
            ) from None
    elif isinstance(source, Mapping):
        raw = source
    else:
        raise InputError(name, f"metadata must be a path or a mapping, got {type(source).__name__}")
    if not isinstance(raw, Mapping):
        raise InputError(name, "must hold a JSON object mapping article ids to metadata, "
                               f"not a JSON {type(raw).__name__}")
    out: dict[str, ArticleMeta] = {}
    for article_id, entry in raw.items():
        if isinstance(entry, ArticleMeta):  # read before (what this function returns)
            out[str(article_id)] = entry
            continue
        if not isinstance(entry, Mapping):
            out[str(article_id)] = ArticleMeta(problems=(
                f"{name}: entry {article_id!r} must be an object, got {entry!r}",
            ))
            continue
        problems: list[str] = []
        published = _parse_date(entry.get("published"))
        if published is None and entry.get("published") is not None:
            problems.append(f"{name}: entry {article_id!r}: 'published' must be a date "
                            f"YYYY-MM-DD, got {entry.get('published')!r}")
        url = entry.get("url")
        if url is not None and not isinstance(url, str):
            problems.append(f"{name}: entry {article_id!r}: 'url' must be a string, got {url!r}")
            url = None
        out[str(article_id)] = ArticleMeta(published=published, url=url, problems=tuple(problems))
    return out


def _parse_date(value: object) -> _dt.date | None:
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        if len(value) == 10:
            return _dt.date.fromisoformat(value)
        return _dt.datetime.fromisoformat(value).date()
    except ValueError:
        return None


# --------------------------------------------------------------------------- corpus


def expand_paths(
    paths: Iterable[str | Path], *, skipped: list[Path] | None = None
) -> Iterator[tuple[Path, Path | None]]:
    """Each article file under ``paths`` (folders' ``*.txt`` files, sorted by name).

    Args:
        paths: files and folders.
        skipped: if given, files of the folders that are not articles are appended to it
            (anything but ``*.txt`` and ``metadata.json``; hidden files are ignored).

    Yields:
        ``(file, folder_metadata)``: the folder's ``metadata.json`` when it has one.

    Raises:
        InputError: a path does not exist or a folder cannot be listed.

    Example:
        >>> from idlib_corpus.corpus import _bundled_dir
        >>> len(list(expand_paths([_bundled_dir()])))
        5
    """
    for p in paths:
        path = Path(p)
        if not path.exists():
            raise InputError(path, "no such file or folder")
        if path.is_dir():
            meta = path / METADATA_FILE
            try:
                entries = sorted(path.iterdir())
            except OSError as exc:
                raise InputError(path, f"cannot be listed: {exc.strerror or exc}") from None
            for f in entries:
                if f.suffix == ".txt" and f.is_file():
                    yield f, meta if meta.is_file() else None
                elif (skipped is not None and f.name != METADATA_FILE
                      and not f.name.startswith(".") and f.is_file()):
                    skipped.append(f)
        else:
            yield path, None


@attrs.frozen
class ArticleTask:
    """One article to parse: its file and what metadata says of it (picklable).

    Attributes:
        path: the article file.
        id: the article id (the file name without ``.txt``).
        published: publication date from metadata.
        url: url from metadata.
        notes: diagnostics to keep in its result (metadata problems).
        error: set when the path cannot be used at all (it does not exist); the result
            then holds only this error.
    """

    path: str
    id: str
    published: _dt.date | None = None
    url: str | None = None
    notes: tuple[Diagnostic, ...] = ()
    error: str | None = None


def run_task(pipeline: Pipeline, task: ArticleTask) -> ArticleResult:
    """Parse one :class:`ArticleTask` with ``pipeline`` (never raises for a bad file).

    Example:
        >>> from idlib_corpus.pipeline import Pipeline
        >>> from idlib_corpus.options import Options
        >>> r = run_task(Pipeline(options=Options(load_entrypoints=False)),
        ...              ArticleTask("nowhere/a.txt", "a", error="no such file"))
        >>> r.ok, r.diagnostics[0].message
        (False, 'nowhere/a.txt: no such file')
    """
    if task.error is not None:
        return _failed(task, task.error)
    try:
        return pipeline.parse_file(
            task.path, id=task.id, published=task.published, url=task.url,
            diagnostics=task.notes,
        )
    except InputError as exc:  # vanished, or turned into a folder, since it was listed
        return _failed(task, str(exc).removeprefix(f"{task.path}: "))


def _failed(task: ArticleTask, message: str) -> ArticleResult:
    article = Article(id=task.id, text="", published=task.published, url=task.url,
                      source=task.path)
    diag = Diagnostic(Severity.ERROR, "read-error", f"{task.path}: {message}")
    return ArticleResult(article=article, diagnostics=(*task.notes, diag))


def iter_tasks(
    paths: Iterable[str | Path],
    *,
    metadata: str | Path | Mapping[str, Any] | None = None,
    skipped: list[Path] | None = None,
) -> Iterator[ArticleTask]:
    """The :class:`ArticleTask` of each article under ``paths``, lazily, in input order.

    A path that does not exist, or a folder that cannot be listed, gives a task with
    ``error`` set rather than raising.

    Raises:
        InputError: ``metadata`` is given and cannot be read (checked before any work).

    Example:
        >>> from idlib_corpus.corpus import _bundled_dir
        >>> next(iter_tasks([_bundled_dir()])).published
        datetime.date(2019, 2, 1)
    """
    given = read_metadata(metadata) if metadata is not None else None
    return _iter_tasks(paths, given, metadata, skipped)


def _iter_tasks(
    paths: Iterable[str | Path],
    given: dict[str, ArticleMeta] | None,
    given_name: object,
    skipped: list[Path] | None,
) -> Iterator[ArticleTask]:
    folder_meta: dict[Path, dict[str, ArticleMeta] | str] = {}
    for p in paths:
        try:
            found = list(expand_paths([p], skipped=skipped))
        except InputError as exc:
            path = Path(p)
            yield ArticleTask(str(path), path.stem or path.name or str(path),
                              error=str(exc).removeprefix(f"{path}: "))
            continue
        for path, meta_file in found:
            notes: list[Diagnostic] = []
            meta = ArticleMeta()
            if given is not None:
                meta = given.get(path.stem, meta)
            elif meta_file is not None:
                if meta_file not in folder_meta:
                    try:
                        folder_meta[meta_file] = read_metadata(meta_file)
                    except InputError as exc:
                        folder_meta[meta_file] = f"{exc}; publication dates of its folder unknown"
                entry = folder_meta[meta_file]
                if isinstance(entry, str):
                    notes.append(Diagnostic(Severity.WARNING, "metadata", entry))
                else:
                    meta = entry.get(path.stem, meta)
            notes.extend(Diagnostic(Severity.WARNING, "metadata", m) for m in meta.problems)
            yield ArticleTask(str(path), path.stem, meta.published, meta.url, tuple(notes))


def iter_parse(
    paths: Iterable[str | Path],
    *,
    metadata: str | Path | Mapping[str, Any] | None = None,
    jobs: int | None = None,
    pipeline: Pipeline | None = None,
) -> Iterator[ArticleResult]:
    """Parse article files and folders lazily, one result per article, in input order.

    Args:
        paths: files, or folders whose ``*.txt`` files are articles.
        metadata: a ``metadata.json`` (path or mapping) for all articles; without it, each
            folder's own ``metadata.json`` is used when present.
        jobs: worker processes (``None``: the pipeline's ``options.jobs``). With more
            than one, articles are parsed in a pool of processes (see
            :mod:`idlib_corpus.parallel`); results come in the same order, byte for byte
            the same as with one.
        pipeline: the :class:`~idlib_corpus.pipeline.Pipeline` to use (default: shared).

    Returns:
        An iterator of :class:`~idlib_corpus.model.ArticleResult`, one per file: files
        that cannot be read (or paths that do not exist) give a result with an error
        diagnostic rather than stopping the run.

    Raises:
        InputError: ``metadata`` is given and cannot be read.
        IdlibCorpusError: ``jobs`` is not a positive int, or a plugin object of the
            pipeline cannot be sent to worker processes.

    Example:
        >>> import idlib_corpus
        >>> from idlib_corpus.corpus import _bundled_dir
        >>> [r.id for r in idlib_corpus.iter_parse([_bundled_dir()])][:2]
        ['000_38a80fbcec21226f', '001_c2bd785145093c50']
    """
    from idlib_corpus.pipeline import default_pipeline

    if isinstance(paths, str | Path):
        paths = [paths]  # a lone path is one path, not a sequence of characters
    pipe = pipeline or default_pipeline()
    n = pipe.options.jobs if jobs is None else jobs
    if not isinstance(n, int) or isinstance(n, bool) or n < 1:
        raise IdlibCorpusError(f"jobs must be an int >= 1, got {n!r}")
    tasks = iter_tasks(paths, metadata=metadata)
    if n == 1:
        return (run_task(pipe, t) for t in tasks)
    from idlib_corpus.parallel import parse_tasks

    return parse_tasks(tasks, pipe, jobs=n)

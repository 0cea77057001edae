"""Reading articles from disk: decoding, sidecar metadata, and lazy corpus iteration."""

from __future__ import annotations

import datetime as _dt
import json
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from idlib_corpus.errors import InputError
from idlib_corpus.model import Diagnostic, Severity

if TYPE_CHECKING:
    from idlib_corpus.model import ArticleResult
    from idlib_corpus.pipeline import Pipeline

__all__ = ["ArticleMeta", "expand_paths", "iter_parse", "read_article_text", "read_metadata"]

#: Name of the sidecar file read from a folder when no metadata is given.
METADATA_FILE = "metadata.json"


@attrs.frozen
class ArticleMeta:
    """What a sidecar ``metadata.json`` says of one article.

    Attributes:
        published: publication date.
        url: where it came from.
    """

    published: _dt.date | None = None
    url: str | None = None


def read_article_text(path: Path) -> tuple[str, list[Diagnostic]]:
    """Read an article file as text, decoding what can be decoded.

    Returns:
        The text and diagnostics: a warning when it was not UTF-8 and was decoded
        another way, an error (``read-error``) with an empty text when it cannot be read.

    Raises:
        InputError: the path does not exist or is a folder.
    """
    if not path.exists():
        raise InputError(path, "no such file")
    if path.is_dir():
        raise InputError(path, "is a folder, not an article file")
    try:
        data = path.read_bytes()
    except OSError as exc:
        return "", [_read_error(path, f"cannot be read: {exc.strerror or exc}")]
    return decode_article_bytes(data, str(path))


def decode_article_bytes(data: bytes, name: str) -> tuple[str, list[Diagnostic]]:
    """Decode bytes of an article; see :func:`read_article_text`."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), [
                Diagnostic(Severity.WARNING, "decoding", f"{name}: decoded as UTF-16 (BOM)")
            ]
        except UnicodeDecodeError as exc:
            return "", [_read_error(name, f"not valid UTF-16 despite its BOM: {exc.reason}")]
    if b"\x00" in data:
        return "", [_read_error(name, "is a binary file (NUL bytes), not text")]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        text = data.decode("cp1252", errors="replace")
        note = Diagnostic(
            Severity.WARNING,
            "decoding",
            f"{name}: not UTF-8 (byte {exc.start}); decoded as Windows-1252/Latin-1",
        )
        return _check_text(text, name, [note])
    return _check_text(text, name, [])


def _check_text(text: str, name: str, notes: list[Diagnostic]) -> tuple[str, list[Diagnostic]]:
    if not text.strip():
        what = "is empty" if not text else "holds only whitespace"
        return text, [*notes, _read_error(name, what)]
    return text, notes


def _read_error(path: object, message: str) -> Diagnostic:
    return Diagnostic(Severity.ERROR, "read-error", f"{path}: {message}")


def read_metadata(source: str | Path | Mapping[str, Any]) -> dict[str, ArticleMeta]:
    """Read a ``metadata.json`` mapping article ids to ``{"published": ..., "url": ...}``.

    Raises:
        InputError: the file is missing, not JSON, or a value is malformed (the message
            names the article id and the field).
    """
    name = "<metadata>"
    if isinstance(source, str | Path):
        name = str(source)
        try:
            raw = json.loads(Path(source).read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise InputError(source, "no such metadata file") from None
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise InputError(source, f"not valid JSON: {exc}") from None
    else:
        raw = source
    if not isinstance(raw, Mapping):
        raise InputError(name, "must hold a JSON object mapping article ids to metadata")
    out: dict[str, ArticleMeta] = {}
    for article_id, entry in raw.items():
        if not isinstance(entry, Mapping):
            raise InputError(name, f"entry {article_id!r} must be an object")
        published = entry.get("published")
        if published is not None:
            try:
                published = _dt.date.fromisoformat(str(published)[:10]) if isinstance(
                    published, str
                ) else None
            except ValueError:
                published = None
            if published is None:
                raise InputError(
                    name,
                    f"entry {article_id!r}: 'published' must be a date YYYY-MM-DD, "
                    f"got {entry.get('published')!r}",
                )
        url = entry.get("url")
        if url is not None and not isinstance(url, str):
            raise InputError(name, f"entry {article_id!r}: 'url' must be a string, got {url!r}")
        out[str(article_id)] = ArticleMeta(published=published, url=url)
    return out


def expand_paths(paths: Iterable[str | Path]) -> Iterator[tuple[Path, Path | None]]:
    """Each article file under ``paths`` (folders walked for ``*.txt``, sorted by name).

    Yields:
        ``(file, folder_metadata)``: the folder's ``metadata.json`` when it has one.

    Raises:
        InputError: a path does not exist.
    """
    for p in paths:
        path = Path(p)
        if not path.exists():
            raise InputError(path, "no such file or folder")
        if path.is_dir():
            meta = path / METADATA_FILE
            for f in sorted(path.glob("*.txt")):
                if f.is_file():
                    yield f, meta if meta.is_file() else None
        else:
            yield path, None


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
        jobs: worker processes (``None``: the pipeline's ``options.jobs``).
        pipeline: the :class:`~idlib_corpus.pipeline.Pipeline` to use (default: shared).

    Yields:
        An :class:`~idlib_corpus.model.ArticleResult` per file; files that cannot be read
        give a result with an error diagnostic rather than stopping the run.
    """
    from idlib_corpus.pipeline import default_pipeline

    pipe = pipeline or default_pipeline()
    given = read_metadata(metadata) if metadata is not None else None
    folder_meta: dict[Path, dict[str, ArticleMeta]] = {}
    for path, meta_file in expand_paths(paths):
        if given is not None:
            meta = given.get(path.stem, ArticleMeta())
        elif meta_file is not None:
            if meta_file not in folder_meta:
                folder_meta[meta_file] = read_metadata(meta_file)
            meta = folder_meta[meta_file].get(path.stem, ArticleMeta())
        else:
            meta = ArticleMeta()
        yield pipe.parse_file(path, published=meta.published, url=meta.url)

"""Reading articles: decoding policy, metadata files, folder walking, lazy iteration."""

from __future__ import annotations

import codecs
import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from idlib_corpus.errors import InputError
from idlib_corpus.io import (
    ArticleMeta,
    decode_article_bytes,
    expand_paths,
    iter_tasks,
    read_article_text,
    read_metadata,
)
from idlib_corpus.model import Severity

TEXT = "Türkiye’s troops entered Saraqib — Idlib’s key town — on Thursday.\n"


def codes(notes):  # type: ignore[no-untyped-def]
    return [(d.severity, d.code) for d in notes]


# --------------------------------------------------------------------------- decoding


def test_utf8_with_and_without_bom_is_read_as_is() -> None:
    for data in (TEXT.encode(), codecs.BOM_UTF8 + TEXT.encode()):
        text, notes = decode_article_bytes(data, "a.txt")
        assert text == TEXT and notes == []


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_bom_are_decoded_and_noted(codec: str) -> None:
    bom = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}.get(codec, b"")
    text, notes = decode_article_bytes(bom + TEXT.encode(codec), "a.txt")
    assert text == TEXT
    assert codes(notes) == [(Severity.WARNING, "decoding")]
    assert notes[0].message.startswith("a.txt: decoded as UTF-")


def test_latin1_is_decoded_and_noted() -> None:
    latin = "Le ministre turc a rencontré son homologue à Moscou.\n"
    text, notes = decode_article_bytes(latin.encode("latin-1"), "fr.txt")
    assert text == latin
    assert codes(notes) == [(Severity.WARNING, "decoding")]
    assert "fr.txt: not UTF-8 (invalid byte 0xe9" in notes[0].message
    assert "Windows-1252/Latin-1" in notes[0].message


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "is empty"),
        (b" \n\t\r\n  ", "holds only whitespace"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file (it holds NUL bytes)"),
        (bytes(range(1, 32)) * 20, "looks binary"),
    ],
)
def test_unreadable_contents_are_read_errors_naming_the_file(data: bytes, words: str) -> None:
    _text, notes = decode_article_bytes(data, "x/bad.txt")
    assert codes(notes)[-1] == (Severity.ERROR, "read-error")
    assert notes[-1].message.startswith("x/bad.txt: ") and words in notes[-1].message


def test_truncated_utf8_does_not_fail_on_a_cut_character(tmp_path: Path) -> None:
    p = tmp_path / "long.txt"
    p.write_text("ş" * 100, encoding="utf-8")  # two bytes each
    text, notes = read_article_text(p, max_bytes=51)
    assert text == "ş" * 25  # the half character at byte 51 is dropped, not garbled
    assert codes(notes) == [(Severity.WARNING, "too-long")]
    assert "200 bytes; only the first 51" in notes[0].message


@given(st.text())
def test_any_utf8_text_decodes_to_itself_or_is_refused_clearly(text: str) -> None:
    data = text.encode("utf-8", "surrogatepass")
    out, notes = decode_article_bytes(data, "h.txt")
    errors = [d for d in notes if d.severity is Severity.ERROR]
    if errors:
        assert out == "" or not out.strip()
        assert errors[0].message.startswith("h.txt: ")
    else:
        assert out == text.removeprefix("\ufeff")


@given(st.binary(max_size=300))
def test_any_bytes_give_text_or_a_read_error_never_an_exception(data: bytes) -> None:
    out, notes = decode_article_bytes(data, "h.txt")
    assert isinstance(out, str)
    assert all(d.message.startswith("h.txt: ") for d in notes)


def test_read_article_text_raises_for_missing_path_and_folder(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file") as info:
        read_article_text(tmp_path / "nope.txt")
    assert info.value.path == str(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="is a folder"):
        read_article_text(tmp_path)


# --------------------------------------------------------------------------- metadata


def _write(tmp_path: Path, content: str, name: str = "metadata.json") -> Path:
    p = tmp_path / name
    p.write_text(content, encoding="utf-8")
    return p


def test_metadata_reads_dates_and_urls(tmp_path: Path) -> None:
    p = _write(tmp_path, json.dumps({
        "a": {"published": "2020-02-08", "url": "https://x.example/a", "title": "ignored"},
        "b": {"published": "2020-02-09T10:30:00Z"},
        "c": {},
    }))
    m = read_metadata(p)
    assert m["a"] == ArticleMeta(dt.date(2020, 2, 8), "https://x.example/a")
    assert m["b"].published == dt.date(2020, 2, 9)
    assert m["c"] == ArticleMeta()


@pytest.mark.parametrize(
    "content", ['{"a": {"published": "2020-02-08"', '{"a": }', "", "\u00ff garbage"]
)
def test_malformed_metadata_is_an_input_error_with_position(tmp_path: Path, content: str) -> None:
    p = _write(tmp_path, content)
    with pytest.raises(InputError, match=r"not valid JSON: .* at line \d+ column \d+") as info:
        read_metadata(p)
    assert info.value.path == str(p)


def test_metadata_must_be_an_object(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"must hold a JSON object.*not a JSON list"):
        read_metadata(_write(tmp_path, "[1, 2]"))
    with pytest.raises(InputError, match="no such metadata file"):
        read_metadata(tmp_path / "missing.json")


@pytest.mark.parametrize("bad", ["yesterday", "2020-13-45", "08/02/2020", 20200208, "2020-02"])
def test_metadata_date_that_is_not_a_date_is_dropped_with_a_problem(bad: object) -> None:
    m = read_metadata({"a": {"published": bad, "url": "u"}, "b": {"published": "2020-02-08"}})
    assert m["a"].published is None and m["a"].url == "u"
    assert m["a"].problems == (
        f"<metadata>: entry 'a': 'published' must be a date YYYY-MM-DD, got {bad!r}",
    )
    assert m["b"].published == dt.date(2020, 2, 8) and m["b"].problems == ()


def test_metadata_entry_that_is_not_an_object_is_a_problem_not_a_crash() -> None:
    m = read_metadata({"a": "2020-02-08", "b": {"url": 5}})
    assert "entry 'a' must be an object" in m["a"].problems[0]
    assert "'url' must be a string, got 5" in m["b"].problems[0]


# --------------------------------------------------------------------------- folders


def test_folder_walk_takes_txt_files_sorted_and_lists_the_others(tmp_path: Path) -> None:
    for name in ("b.txt", "a.txt", "image.png", "notes.pdf", ".DS_Store", "metadata.json"):
        (tmp_path / name).write_bytes(b"{}" if name.endswith(".json") else b"x")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.txt").write_text("x")
    skipped: list[Path] = []
    found = list(expand_paths([tmp_path], skipped=skipped))
    assert [p.name for p, _ in found] == ["a.txt", "b.txt"]
    assert all(meta == tmp_path / "metadata.json" for _, meta in found)
    assert sorted(p.name for p in skipped) == ["image.png", "notes.pdf"]
    with pytest.raises(InputError, match="no such file or folder"):
        list(expand_paths([tmp_path / "nope"]))


def test_iter_tasks_turns_missing_paths_into_failed_tasks(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x")
    tasks = list(iter_tasks([tmp_path / "missing.txt", tmp_path]))
    assert [(t.id, t.error) for t in tasks] == [
        ("missing", "no such file or folder"), ("a", None),
    ]


def test_broken_folder_metadata_is_a_warning_on_each_article(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "b.txt").write_text("x")
    _write(tmp_path, '{"a": {"published": "2020-02-08"}')  # cut short
    tasks = list(iter_tasks([tmp_path]))
    for t in tasks:
        (note,) = t.notes
        assert note.severity is Severity.WARNING and note.code == "metadata"
        assert "metadata.json: not valid JSON" in note.message
        assert "publication dates of its folder unknown" in note.message
        assert t.published is None


def test_explicit_metadata_is_checked_before_any_work(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        iter_tasks([tmp_path], metadata=_write(tmp_path, "{oops", "m.json"))

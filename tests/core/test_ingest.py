"""Import API: plain text, Markdown, pasted text, file checks, format guessing, folder walking."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

import desktop.core.ingest as ingest
from desktop.core.ingest import (
    SUPPORTED_SUFFIXES,
    IngestError,
    content_hash,
    guess_format,
    iter_input_files,
    load_bytes,
    load_path,
    load_text,
)
from desktop.core.ingest.plaintext import markdown_line_to_title, markdown_title

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_7f783bb47adde24b.txt"


def test_supported_suffixes() -> None:
    assert (
        frozenset({".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml", ".pdf", ".docx"})
        == SUPPORTED_SUFFIXES
    )


def test_seed_article_loads_as_german_with_first_line_title() -> None:
    doc = load_path(SEED)
    first_line = SEED.read_text(encoding="utf-8").splitlines()[0].strip()
    assert doc.title == first_line
    assert doc.language == "de"
    assert doc.format == "txt"
    assert doc.path == str(SEED)
    assert doc.text.startswith(first_line)  # the title line stays part of the text
    assert len(doc.content_hash) == 64


def test_same_text_from_file_and_stdin_hashes_the_same(tmp_path: Path) -> None:
    raw = SEED.read_text(encoding="utf-8")
    copy = tmp_path / "copy.txt"
    copy.write_bytes(raw.replace("\n", "\r\n").encode("utf-8-sig"))
    from_file = load_path(copy)
    from_stdin = load_text(raw, fmt="stdin")
    assert from_file.content_hash == from_stdin.content_hash == content_hash(raw)
    assert from_file.text == from_stdin.text
    assert from_stdin.format == "stdin"
    # The hash covers the text only, not the title.
    assert load_text(raw, title="Another title").content_hash == from_file.content_hash


def test_txt_title_is_first_non_empty_line(tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_text("\n\n   Wichtige Mitteilung  \n\nDer Text folgt hier.\n", encoding="utf-8")
    doc = load_path(path)
    assert doc.title == "Wichtige Mitteilung"
    assert doc.text == "Wichtige Mitteilung\n\nDer Text folgt hier."


def test_single_line_text_is_title_and_text() -> None:
    doc = load_text("Nur eine Zeile mit etwas Text")
    assert doc.title == doc.text == "Nur eine Zeile mit etwas Text"
    assert doc.format == "paste"


def test_long_first_line_gives_shortened_title() -> None:
    doc = load_text("Wort " * 100)
    assert len(doc.title) <= 201
    assert doc.title.endswith("…")


def test_markdown_title_loses_markup_but_text_is_kept(tmp_path: Path) -> None:
    source = (
        "# **Neue** _Regeln_ für [Radfahrer](https://example.org) #\n\nDer *Text* bleibt **wie er ist**.\n"
    )
    path = tmp_path / "regeln.md"
    path.write_text(source, encoding="utf-8")
    doc = load_path(path)
    assert doc.title == "Neue Regeln für Radfahrer"
    assert doc.format == "md"
    assert doc.text == source.strip()


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ("## Überschrift", "Überschrift"),
        ("> Zitat als Anfang", "Zitat als Anfang"),
        ("- `code` und ~~weg~~", "code und weg"),
        ("![Bild](x.png) Bildtitel", "Bild Bildtitel"),
        ("***fett kursiv***", "fett kursiv"),
        ("snake_case_name bleibt", "snake_case_name bleibt"),
    ],
)
def test_markdown_line_to_title(line: str, title: str) -> None:
    assert markdown_line_to_title(line) == title


def test_markdown_front_matter_and_rules() -> None:
    assert markdown_title('---\ntitle: "Aus dem Kopf"\ndate: 2024-01-01\n---\n# Anders\n') == "Aus dem Kopf"
    assert markdown_title("---\nauthor: x\n---\n\n***\n\n## Zweite\n") == "Zweite"


def test_load_text_rejects_empty_and_unknown_format() -> None:
    with pytest.raises(IngestError, match="empty"):
        load_text("  \n\t ")
    with pytest.raises(IngestError, match="not supported"):
        load_text("Etwas Text", fmt="pdf")
    with pytest.raises(IngestError, match="No readable text"):
        load_text("--- *** ---")


def test_load_text_title_override() -> None:
    doc = load_text("Erste Zeile\n\nMehr Text.", title="  Mein   Titel ")
    assert doc.title == "Mein Titel"


def test_missing_file_and_folder_and_unsupported_suffix(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="not found") as missing:
        load_path(tmp_path / "nope.txt")
    assert "nope.txt" in missing.value.message
    assert str(missing.value) == missing.value.message
    with pytest.raises(IngestError, match="folder"):
        load_path(tmp_path)
    odd = tmp_path / "sheet.xlsx"
    odd.write_bytes(b"data")
    with pytest.raises(IngestError, match=r"“\.xlsx” cannot be imported"):
        load_path(odd)


def test_size_limit_is_checked_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "big.txt"
    path.write_text("Zeile mit Text\n" * 2000, encoding="utf-8")

    def no_reading(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the file must not be opened")

    monkeypatch.setattr(Path, "open", no_reading)
    with pytest.raises(IngestError) as error:
        load_path(path, max_bytes=1024)
    assert "limit" in error.value.message and "MB" in error.value.message


def test_text_longer_than_limit_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ingest, "MAX_TEXT_CHARS", 50)
    with pytest.raises(IngestError, match="characters, more than the limit"):
        load_text("Ein Satz. " * 20)


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("geheim", encoding="utf-8")

    real_open = os.open

    def denied(target: object, *args: Any, **kwargs: Any) -> int:
        if Path(str(target)) == path:
            raise PermissionError(13, "Permission denied")
        return real_open(target, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", denied)
    with pytest.raises(IngestError, match=r"“secret.txt” could not be read \(permission denied\)"):
        load_path(path)


def test_load_bytes_guesses_format() -> None:
    assert guess_format(b"%PDF-1.7\n...") == "pdf"
    assert guess_format(b"<!DOCTYPE html><html><p>x</p></html>") == "html"
    assert guess_format(b"  <!-- c --> <html lang='de'>") == "html"
    assert guess_format(b"PK\x03\x04....word/document.xml....") == "docx"
    assert guess_format(b"PK\x03\x04....other.xml") is None
    assert guess_format(b"Just text") == "txt"
    assert guess_format(b"<html>", "notes.md") == "md"
    doc = load_bytes(b"<html><head><title>Seite</title></head><body><p>Ein Absatz.</p></body></html>")
    assert doc.format == "html"
    assert doc.title == "Seite"


def test_load_bytes_checks() -> None:
    with pytest.raises(IngestError, match="empty"):
        load_bytes(b"", name="x.txt")
    with pytest.raises(IngestError, match="limit"):
        load_bytes(b"x" * 2000, name="x.txt", max_bytes=1000)
    with pytest.raises(IngestError, match="not supported"):
        load_bytes(b"text", fmt="rtf")
    assert load_bytes(b"# Titel\n\nText", fmt="markdown").format == "md"


def test_iter_input_files_walks_folders_sorted(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "a").mkdir()
    (tmp_path / ".hidden").mkdir()
    for name in [
        "b/2.md",
        "b/1.txt",
        "a/z.html",
        "a/y.pdf",
        "a/notes.xlsx",
        "a/.secret.txt",
        ".hidden/x.txt",
    ]:
        (tmp_path / name).write_text("x", encoding="utf-8")
    (tmp_path / "top.DOCX").write_text("x", encoding="utf-8")
    explicit = tmp_path / "a" / "notes.xlsx"
    found = list(iter_input_files([tmp_path, explicit, tmp_path / "b" / "1.txt"]))
    relative = [path.relative_to(tmp_path).as_posix() for path in found]
    assert relative == ["top.DOCX", "a/y.pdf", "a/z.html", "b/1.txt", "b/2.md", "a/notes.xlsx"]


def test_iter_input_files_yields_missing_explicit_file(tmp_path: Path) -> None:
    missing = tmp_path / "gone.txt"
    assert list(iter_input_files([missing])) == [missing]

"""Inputs crafted against the reader: odd names, special files, escape sequences, broken bytes."""

from __future__ import annotations

import io
import os
import re
import sys
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest

from desktop.core.anchoring import find_quote
from desktop.core.filenames import ExportError, display_path, write_new_file
from desktop.core.ingest import IngestError, iter_input_files, load_bytes, load_path, read_limited
from desktop.core.printable import printable_line, terminal_safe
from desktop.core.textfold import query_words
from tests.hostile_inputs import ESCAPE_TITLE, LATIN1_NAME, NEWLINE_NAME, make_hostile_inputs
from tools.bench_hostile import measure_command

CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f]")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return make_hostile_inputs(tmp_path_factory.mktemp("hostile"))


def _error(path: Path) -> str:
    with pytest.raises(IngestError) as error:
        load_path(path)
    message = error.value.message
    assert "\n" not in message and not CONTROLS.search(message), message
    return message


def test_a_file_name_that_is_not_utf8_is_read_and_shown_with_replacement_characters(
    hostile: dict[str, Path],
) -> None:
    path = hostile["latin1_name"]
    assert "\udcfc" in str(path)  # what Python gives for the Latin-1 byte \xfc
    document = load_path(path)
    assert document.title == "Bericht aus dem Archiv"
    assert document.path is not None and document.path.endswith("Bericht M\ufffdller.txt")
    document.path.encode("utf-8")  # storable as text: no lone surrogates
    assert display_path(path).endswith("Bericht M\ufffdller.txt")


def test_a_file_name_with_a_newline_and_escapes_stays_one_printable_line(hostile: dict[str, Path]) -> None:
    shown = display_path(hostile["newline_name"])
    assert shown.endswith("zeile\\neins\\x1b[31m.txt")
    assert not CONTROLS.search(shown)
    assert NEWLINE_NAME not in shown


def test_special_files_in_a_folder_each_get_one_clear_error_and_are_never_opened(
    hostile: dict[str, Path],
) -> None:
    found = list(iter_input_files([hostile["fifo"].parent]))
    for key in ("fifo", "dangling_link", "loop_link", "folder_link"):
        assert found.count(hostile[key]) == 1, key
    assert "named pipe" in _error(hostile["fifo"])  # opening it for reading would block forever
    assert "does not exist" in _error(hostile["dangling_link"])
    assert "loop of links" in _error(hostile["loop_link"])
    assert "not followed" in _error(hostile["folder_link"])
    assert not any(p.name == "nowhere.txt" for p in found)
    assert len(found) == len(set(found))


def test_control_characters_are_stripped_from_titles_and_metadata(hostile: dict[str, Path]) -> None:
    document = load_path(hostile["escape_title"])
    assert not CONTROLS.search(document.title)
    assert "Gemeinderat" in document.title and "beschließt den Haushalt" in document.title
    page = (
        "<html><head><title>T\x1b]0;x\x07itel des Artikels</title>"
        '<meta name="author" content="Anna\x1b[2J Berg"><meta property="og:site_name" content="Blatt\x9b">'
        "</head><body><article><p>Der Gemeinderat hat den Haushalt für das kommende Jahr beschlossen und "
        "damit den Weg für neue Schulen frei gemacht.</p></article></body></html>"
    )
    html = load_bytes(page.encode(), name="page.html")
    for value in (html.title, html.author, html.outlet):
        assert value is None or not CONTROLS.search(value), value


def test_utf8_with_a_few_bad_bytes_is_read_as_utf8_with_a_warning(hostile: dict[str, Path]) -> None:
    document = load_path(hostile["few_bad_bytes"])
    assert "Grüße aus der Straße" in document.text and "Ã" not in document.text
    assert document.text.count("\ufffd") == 3
    assert "invalid bytes" in document.warning and "3 places" in document.warning
    assert load_bytes("Grüße aus Köln, schöne Straße.".encode(), name="ok.txt").warning == ""


def test_latin1_text_is_still_read_as_latin1_without_a_warning() -> None:
    text = "Grüße aus der Straße. Die Bürger begrüßen die Änderung der Öffnungszeiten."
    document = load_bytes(text.encode("latin-1"), name="latin1.txt")
    assert document.text == text and document.warning == ""


def test_html_with_too_many_attributes_is_refused_before_parsing(hostile: dict[str, Path]) -> None:
    assert "more than 256 attributes" in _error(hostile["html_attributes"])


def test_html_with_too_many_elements_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop.core.ingest import html_guard

    monkeypatch.setattr(html_guard, "MAX_ELEMENTS", 1_000)
    page = "<html><body>" + "<span>a</span>" * 1_500 + "</body></html>"
    with pytest.raises(IngestError, match="more than 1,000 elements"):
        load_bytes(page.encode(), name="many.html")


def test_big_pages_skip_the_slow_extractor_but_keep_their_text(monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop.core.ingest import html

    monkeypatch.setattr(html, "MAX_EXTRACTOR_ELEMENTS", 50)
    page = (
        "<html><head><title>Viele Elemente</title><script>alert(1)</script></head><body><nav>Menü</nav>"
        + "<p>Ein Absatz über den Haushalt der Stadt und die Schulen.</p>" * 100
        + "</body></html>"
    )
    document = load_bytes(page.encode(), name="big.html")
    assert document.title == "Viele Elemente"
    assert document.text.count("Ein Absatz über den Haushalt") == 100
    assert "alert" not in document.text and "Menü" not in document.text


def test_deeply_nested_html_keeps_all_its_text(hostile: dict[str, Path]) -> None:
    document = load_path(hostile["html_deep"])
    assert "Tief verschachtelt steht der erste Absatz" in document.text
    assert "Nach der Verschachtelung folgt der zweite Absatz" in document.text


def test_doctype_internal_subset_leaves_no_trace(hostile: dict[str, Path]) -> None:
    document = load_path(hostile["html_doctype_subset"])
    assert document.title == "Haushalt beschlossen"
    assert "]>" not in document.text and "ENTITY" not in document.text
    assert "Gemeinderat" in document.text


@pytest.mark.parametrize(
    "markup",
    [
        '<p a="unclosed quote' + " x" * 5000,
        "<!-- never closed " + "<p>" * 5000,
        "<script>" + "<div>" * 5000,
        "<p " + "a " * 200 + ">Text</p>" + "</div>" * 5000,
        "<" * 20_000,
    ],
)
def test_the_html_guard_copes_with_broken_markup(markup: str) -> None:
    from desktop.core.ingest.html_guard import guard_markup

    guarded = guard_markup(markup, name="x.html")
    assert guarded.elements >= 0


def test_read_limited_refuses_more_than_the_limit_without_reading_it_all() -> None:
    class Counting(io.BytesIO):
        consumed = 0

        def read(self, size: int | None = -1) -> bytes:
            data = super().read(size)
            Counting.consumed += len(data)
            return data

    assert read_limited(io.BytesIO(b"x" * 100), max_bytes=100) == b"x" * 100
    stream = Counting(b"x" * 10_000_000)
    with pytest.raises(IngestError, match="larger than the import limit"):
        read_limited(stream, max_bytes=1_000_000)
    assert Counting.consumed <= 1_000_001


def test_a_forced_export_replaces_only_regular_files(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    folder = tmp_path / "folder.md"
    folder.mkdir()
    link_to_fifo = tmp_path / "link.md"
    link_to_fifo.symlink_to(fifo)
    dangling = tmp_path / "dangling.md"
    dangling.symlink_to(tmp_path / "nowhere")
    for target in (fifo, link_to_fifo, dangling):
        with pytest.raises(ExportError):
            write_new_file(target, "# notes\n", overwrite=True)
    with pytest.raises(ExportError, match="is a folder"):
        write_new_file(folder, "# notes\n", overwrite=True)
    assert fifo.is_fifo() and link_to_fifo.is_symlink() and dangling.is_symlink()
    regular = tmp_path / "notes.md"
    regular.write_text("old", encoding="utf-8")
    write_new_file(regular, "new", overwrite=True)
    assert regular.read_text(encoding="utf-8") == "new"


def test_decomposed_quotes_and_queries_find_composed_text() -> None:
    text = "Das Café am Ufer der Limmat in Zürich hat wieder geöffnet."
    nfd = unicodedata.normalize("NFD", "Café am Ufer der Limmat in Zürich")
    assert find_quote(text, nfd) == (4, 37)
    assert query_words(unicodedata.normalize("NFD", "Zürich")) == ["zurich"]


def test_printable_forms_never_contain_controls() -> None:
    hostile = f"{ESCAPE_TITLE}\nzweite\tZeile\r{LATIN1_NAME}\u2028"
    line = printable_line(hostile)
    assert not CONTROLS.search(line) and "\u202e" not in line and "\u2028" not in line
    assert "M\ufffdller" in line
    safe = terminal_safe(hostile)
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\u202e]", safe)
    assert "\n" in safe and "\t" in safe


def test_a_cancel_inside_one_long_document_stops_the_tagger(
    tmp_path: Path, tiny_bilstm: Callable[..., None]
) -> None:
    from desktop.core.cancel import OperationCancelled, cancel_scope
    from desktop.core.entities.bilstm import BiLSTMRecognizer

    tiny_bilstm(tmp_path / "de-bilstm")
    recognizer = BiLSTMRecognizer(tmp_path)
    text = "Anna Berg wohnt in Köln. Der Rat tagte am Montag. " * 2_000  # hundreds of tagger batches
    checks: list[int] = []

    def cancelled() -> bool:
        checks.append(1)
        return len(checks) > 3

    with pytest.raises(OperationCancelled), cancel_scope(cancelled):
        recognizer.recognize(text, "de")
    assert len(checks) == 4  # it stopped at the first check after Cancel, not at the end
    assert recognizer.recognize("Anna Berg wohnt in Köln.", "de") is not None  # no scope: runs normally


def test_a_docx_bomb_that_lies_about_its_size_is_refused_in_little_memory(tmp_path: Path) -> None:
    from tools.hostile_files import write_lying_docx_bomb

    bomb = tmp_path / "bomb.docx"
    write_lying_docx_bomb(bomb, expanded=300 << 20)  # declares 4 KB, inflates to 300 MB
    assert bomb.stat().st_size < 1 << 20
    code = (
        "from pathlib import Path\nfrom desktop.core.ingest import IngestError, load_path\n"
        f"try:\n    load_path(Path({str(bomb)!r}))\nexcept IngestError as error:\n    print(error.message)"
    )
    measured = measure_command([sys.executable, "-c", code])
    assert "bomb.docx" in measured["stdout"] and "not a valid Word document" in measured["stdout"]
    peak = measured["peak_rss_mb"]
    assert peak < 200, f"peak memory {peak:.0f} MB"  # reading it whole took over 600 MB


def test_a_docx_part_beyond_the_limit_is_refused_on_the_bytes_really_unpacked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import zipfile

    from desktop.core.ingest import docx as docx_reader

    monkeypatch.setattr(docx_reader, "MAX_PART_BYTES", 100_000)
    path = tmp_path / "big.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document>" + "x" * 200_000 + "</w:document>")
    assert "would unpack a part (word/document.xml) to more than" in _error(path)

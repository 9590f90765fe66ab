"""The importer on hostile folders: every path gets a result, Cancel works inside one document."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.core.cancel import raise_if_cancelled
from desktop.core.types import EntitySpan
from desktop.services.importer import Importer
from desktop.services.queries import list_articles
from desktop.storage.db import Library, open_library, resolve_database_url
from tests.hostile_inputs import GERMAN_BODY, LATIN1_NAME, make_hostile_inputs
from tests.postgres import library_location


class SlowRecognizer:
    """Checks for Cancel once per "batch" the way the shipped tagger does, and finds nothing."""

    def __init__(self) -> None:
        self.batches = 0

    def recognize(self, text: str, language: str) -> list[EntitySpan]:
        for _ in range(0, len(text), 1_000):
            raise_if_cancelled()
            self.batches += 1
        return []


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    lib = open_library(resolve_database_url(library_location(tmp_path / "lib.sqlite3"), {}))
    yield lib
    lib.close()


def test_a_folder_with_a_non_utf8_file_name_imports_every_file(library: Library, tmp_path: Path) -> None:
    folder = tmp_path / "archive"
    folder.mkdir()
    (folder / "a.txt").write_text(f"Erster Bericht\n\n{GERMAN_BODY}", encoding="utf-8")
    (folder / LATIN1_NAME).write_text(f"Zweiter Bericht\n\n{GERMAN_BODY} Mehr.", encoding="utf-8")
    (folder / "c.txt").write_text(f"Dritter Bericht\n\n{GERMAN_BODY} Noch mehr.", encoding="utf-8")
    results = Importer(library, SlowRecognizer()).import_paths([folder])
    assert [r.status for r in results] == ["imported"] * 3
    assert any(r.path.endswith("Bericht M\ufffdller.txt") for r in results)
    for r in results:
        r.path.encode("utf-8")
    with library.read_session() as session:
        assert {row.title for row in list_articles(session)} == {
            "Erster Bericht",
            "Zweiter Bericht",
            "Dritter Bericht",
        }
        sources = [row.source for row in list_articles(session)]
    assert any(s is not None and s.endswith("Bericht M\ufffdller.txt") for s in sources)


def test_special_files_get_one_error_each_and_the_rest_imports(library: Library, tmp_path: Path) -> None:
    files = make_hostile_inputs(tmp_path / "hostile")
    results = Importer(library, SlowRecognizer()).import_paths([tmp_path / "hostile"])
    by_name = {Path(r.path).name: r for r in results}
    for key in ("fifo", "dangling_link", "loop_link", "folder_link", "html_attributes"):
        assert by_name[files[key].name].status == "error", key
    assert len(results) == len(by_name) == len(files)
    assert by_name["escape.txt"].status == "imported"
    bad_bytes = by_name["bad_bytes.txt"]
    assert bad_bytes.status == "imported" and "invalid bytes" in bad_bytes.message


def test_a_reader_crash_on_one_file_does_not_stop_the_folder(
    library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import desktop.services.import_pipeline as importer_module  # where files are read

    real = importer_module.load_path

    def flaky(path: Path) -> object:
        if path.name == "b.txt":
            raise RecursionError("maximum recursion depth exceeded")
        return real(path)

    monkeypatch.setattr(importer_module, "load_path", flaky)
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text(f"Bericht {name}\n\n{GERMAN_BODY} {name}", encoding="utf-8")
    results = Importer(library, SlowRecognizer()).import_paths([tmp_path])
    assert [r.status for r in results] == ["imported", "error", "imported"]
    assert "RecursionError" in results[1].message


def test_cancel_stops_inside_one_long_document_and_stores_nothing(library: Library, tmp_path: Path) -> None:
    (tmp_path / "a_long.txt").write_text("Langer Bericht\n\n" + GERMAN_BODY * 2_000, encoding="utf-8")
    (tmp_path / "b_short.txt").write_text(f"Kurzer Bericht\n\n{GERMAN_BODY}", encoding="utf-8")
    recognizer = SlowRecognizer()

    def cancelled() -> bool:  # the user presses Cancel while the long document is being recognised
        return recognizer.batches >= 10

    results = Importer(library, recognizer).import_paths([tmp_path], cancelled=cancelled)
    assert results == []
    assert recognizer.batches == 10  # stopped at the first check after Cancel, not after 2,000 batches
    with library.read_session() as session:
        assert list_articles(session) == []


def test_a_link_to_a_regular_file_is_still_imported(library: Library, tmp_path: Path) -> None:
    target = tmp_path / "elsewhere" / "real.txt"
    target.parent.mkdir()
    target.write_text(f"Verlinkter Bericht\n\n{GERMAN_BODY}", encoding="utf-8")
    folder = tmp_path / "folder"
    folder.mkdir()
    os.symlink(target, folder / "link.txt")
    results = Importer(library, SlowRecognizer()).import_paths([folder])
    assert [(Path(r.path).name, r.status) for r in results] == [("link.txt", "imported")]

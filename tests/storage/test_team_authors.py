"""Who works in a library: the session's user name, the authors in use, the library filtered by author."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.services.annotations import create_annotation
from desktop.services.authors import (
    UserNameError,
    authors_in_use,
    checked_user_name,
    explicit_user_name,
    list_authors,
    session_user_name,
    set_user,
    stored_user_name,
)
from desktop.services.importer import Importer
from desktop.services.library_filters import LibraryFilter, filter_article_ids
from desktop.storage.db import Library, open_library
from tests.storage.test_services import NAMES, FakeRecognizer


def _import(library: Library, text: str) -> int:
    result = Importer(library, FakeRecognizer(NAMES)).import_text(text)
    assert result.id is not None, result.message
    return result.id


def test_user_names_are_one_clean_line_and_never_empty(monkeypatch: pytest.MonkeyPatch) -> None:
    assert checked_user_name("  Maria \t K.\n") == "Maria K."
    with pytest.raises(UserNameError):
        checked_user_name(" \x00\t ")
    monkeypatch.setenv("BRIEFING_READER_USER", " ops\x07team ")
    assert explicit_user_name() == "ops team"
    monkeypatch.delenv("BRIEFING_READER_USER")
    assert explicit_user_name() == ""


def test_authors_in_use_and_the_library_filtered_by_author(library: Library, db_url: str) -> None:
    set_user(library, "alice")
    first = _import(library, "Erster Bericht\n\nAnna Berg sprach in Weissfeld.")
    second = _import(library, "Zweiter Bericht\n\nTomas Lindqvist schwieg lange.")
    other = open_library(db_url, busy_timeout_ms=100, user="bob")
    try:
        third = _import(other, "Dritter Bericht\n\nDie Nordhafen Bank meldete nichts.")
        create_annotation(other, second, quote="schwieg", note="bob was here")
    finally:
        other.close()
    create_annotation(library, first, quote="sprach", note="alice's note")
    assert list_authors(library) == ["alice", "bob"]
    with library.read_session() as session:
        assert authors_in_use(session, notes_only=True) == ["alice", "bob"]
        # bob imported the third and annotated the second; alice imported two and annotated one
        assert filter_article_ids(session, LibraryFilter(author="bob")) == {second, third}
        assert filter_article_ids(session, LibraryFilter(author="alice")) == {first, second}
        assert filter_article_ids(session, LibraryFilter(author="carol")) == set()
        assert filter_article_ids(session, LibraryFilter(author="bob", has_annotations=True)) == {second}
    assert LibraryFilter(author="bob").active and not LibraryFilter().active


def test_set_user_refuses_an_empty_name(tmp_path: Path) -> None:
    library = open_library(f"sqlite:///{tmp_path / 'lib.sqlite3'}", backups=False, user="alice")
    try:
        with pytest.raises(UserNameError):
            set_user(library, "   ")
        assert library.user == "alice"  # unchanged
        assert set_user(library, " Bob ") == "Bob" and library.user == "Bob"
    finally:
        library.close()


def test_the_name_chosen_in_the_window_is_read_from_its_settings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = tmp_path / "settings.ini"
    assert stored_user_name(settings) == ""  # no file
    settings.write_text('[palette]\nuser_name=nope\n\n[team]\nuser_name="Jürgen \\"J\\", Müller"\n', "utf-8")
    assert stored_user_name(settings) == 'Jürgen "J", Müller'
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.delenv("BRIEFING_READER_USER", raising=False)
    assert session_user_name("given") == "given"
    assert session_user_name(None) is None  # no window settings: the login name

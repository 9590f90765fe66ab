"""Opening libraries safely: other programs' files untouched, SQLite URIs, masked passwords,
damaged files refused for writing, a full disk reported with what was imported."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import event, func, select

from desktop.core.ingest import load_text
from desktop.services.importer import DISK_FULL, NOT_TRIED, Importer
from desktop.storage.db import create_engine_for, mask_url, open_library, resolve_database_url
from desktop.storage.errors import (
    LibraryDamagedError,
    MigrationError,
    ReadOnlyLibraryError,
    StorageError,
)
from desktop.storage.models import Article, Tag
from tests.damage import damage_index
from tools.bench_crash import NameRecognizer, synthetic_article


def test_another_programs_sqlite_file_is_left_byte_for_byte(tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as raw:
        raw.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
        raw.executemany("INSERT INTO notes (body) VALUES (?)", [(f"note {i}",) for i in range(50)])
    raw.close()
    before = other.read_bytes()
    assert before[18:20] == b"\x01\x01"  # rollback journal, not WAL
    with pytest.raises(MigrationError, match="another program"):
        open_library(f"sqlite:///{other}")
    assert other.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.db"]


def test_a_new_library_is_switched_to_wal_after_its_schema_is_made(tmp_path: Path) -> None:
    with open_library(f"sqlite:///{tmp_path / 'lib.sqlite3'}") as library:
        assert library.path == tmp_path / "lib.sqlite3"
    assert (tmp_path / "lib.sqlite3").read_bytes()[18:20] == b"\x02\x02"


@pytest.mark.parametrize(
    "url",
    [
        "postgresql://analyst:s3cret-pw@127.0.0.1:1/briefing",
        "postgresql+nosuchdriver://analyst:s3cret-pw@localhost/briefing",
        "nosuchdialect://analyst:s3cret-pw@localhost/briefing",
        "postgresql://analyst@127.0.0.1:1/briefing?password=s3cret-pw",
    ],
)
def test_a_password_never_appears_in_an_error(url: str) -> None:
    with pytest.raises(StorageError) as info:
        open_library(resolve_database_url(url, {}))
    assert "s3cret-pw" not in str(info.value)
    assert info.value.__cause__ is None or "s3cret-pw" not in str(info.value.__cause__)


def test_mask_url_hides_only_the_password() -> None:
    assert mask_url("postgresql://me:pw@host:5432/db") == "postgresql://me:***@host:5432/db"
    assert mask_url("postgresql://me:p@ss/w@host/db") == "postgresql://me:***@host/db"
    assert (
        mask_url("postgresql://host/db?user=me&password=pw&x=1")
        == "postgresql://host/db?user=me&password=***&x=1"
    )
    assert mask_url("sqlite:////tmp/a.db") == "sqlite:////tmp/a.db"


def test_a_sqlite_uri_is_opened_as_a_uri(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "lib.sqlite3"
    with open_library(f"sqlite:///{path}") as library, library.session() as session:
        session.add(Tag(name="nato"))
    url = resolve_database_url(f"file:{path}?mode=ro", {})
    with open_library(url) as library:
        assert library.path == path
        with library.read_session() as session:
            assert session.scalars(select(Tag.name)).all() == ["nato"]
        with pytest.raises(ReadOnlyLibraryError, match="read-only"), library.session() as session:
            session.add(Tag(name="more"))
    relative = resolve_database_url("file:lib.sqlite3?mode=ro", {})
    with open_library(relative) as library, library.read_session() as session:
        assert session.scalar(select(func.count(Tag.id))) == 1
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_dir()) == []  # no folder named "file:"


def test_a_sqlite_uri_to_a_missing_file_is_refused_clearly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(StorageError, match="Cannot open the library"):
        open_library(resolve_database_url(f"file:{tmp_path / 'missing' / 'lib.db'}?mode=ro", {}))
    with pytest.raises(StorageError, match="names a host"):
        resolve_database_url("file://server/share/lib.db", {})
    assert list(tmp_path.iterdir()) == []


def test_a_damaged_library_refuses_writes_but_can_be_read(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'lib.sqlite3'}"
    with open_library(url) as library, library.session() as session:
        session.add(Article(title="T", text="Body", language="de", format="txt", content_hash="1" * 64))
    damage_index(tmp_path / "lib.sqlite3")
    with open_library(url) as library:
        assert library.quick_check() != ""
        with library.read_session() as session:
            assert session.scalars(select(Article.title)).all() == ["T"]
        with pytest.raises(LibraryDamagedError, match=r"damaged.*restore it from a copy"), library.session():
            pass


def test_a_write_meeting_a_damaged_page_is_refused_without_a_whole_file_check(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'lib.sqlite3'}"
    with open_library(url) as library, library.session() as session:
        session.add(Article(title="T", text="Body", language="de", format="txt", content_hash="1" * 64))
    damage_index(tmp_path / "lib.sqlite3", "sqlite_autoindex_articles_1")  # the content hashes
    before = (tmp_path / "lib.sqlite3").read_bytes()
    with open_library(url) as library:
        with (
            pytest.raises(LibraryDamagedError, match=r"damaged.*restore it from a copy"),
            library.session() as s,
        ):
            s.add(Article(title="U", text="Other", language="de", format="txt", content_hash="2" * 64))
        with pytest.raises(LibraryDamagedError), library.session():  # remembered: refused at once
            pass
    assert (tmp_path / "lib.sqlite3").read_bytes() == before


def test_a_full_disk_stops_the_import_and_reports_what_was_imported(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'lib.sqlite3'}"
    library = open_library(url)
    with library.engine.connect() as conn:
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar_one()

    @event.listens_for(library.engine, "connect")
    def _small_disk(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages + 12}")

    library.engine.dispose()  # new connections get the limit
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(40):
        (folder / f"{i:02d}.txt").write_text(synthetic_article(3, i, sentences=30), encoding="utf-8")
    results = Importer(library, NameRecognizer()).import_paths([folder])
    statuses = [r.status for r in results]
    assert len(results) == 40
    imported = statuses.count("imported")
    assert 0 < imported < 39
    assert statuses[:imported] == ["imported"] * imported
    assert results[imported].message == DISK_FULL
    assert {r.message for r in results[imported + 1 :]} == {NOT_TRIED}
    with library.read_session() as session:
        assert session.scalar(select(func.count(Article.id))) == imported
    library.close()
    with open_library(url) as reopened:
        assert reopened.quick_check() == ""
    assert load_text(synthetic_article(3, 0), fmt="paste").title.startswith("Bericht 3-0")


def test_create_engine_for_leaves_a_foreign_file_alone_too(tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as raw:
        raw.execute("CREATE TABLE t (x)")
    raw.close()
    before = other.read_bytes()
    engine = create_engine_for(f"sqlite:///{other}")
    with engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM t").scalar() == 0
    engine.dispose()
    assert other.read_bytes() == before

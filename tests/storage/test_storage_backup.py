"""Backups with the online backup API, restore, and the library check with its FTS repair."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import func, select, text

from desktop.core.ingest import load_text
from desktop.services.importer import Importer
from desktop.storage.backup import (
    KEEP_AUTOMATIC,
    backup_due,
    copy_database,
    daily_backup,
    inspect_library_file,
    list_backups,
    make_backup,
    newest_backup,
    restore_database,
)
from desktop.storage.db import Library, open_library
from desktop.storage.errors import LibraryLockedError, StorageError
from desktop.storage.integrity import check_library
from desktop.storage.migrate import alembic_config, head_revisions
from desktop.storage.models import Article, Tag
from tests.damage import damage_index
from tests.postgres import sqlite_only
from tools.bench_crash import NameRecognizer, synthetic_article

pytestmark = sqlite_only  # backups, restore and check are of the SQLite file


def fill(library: Library, count: int = 5, seed: int = 11) -> None:
    docs = [(str(i), load_text(synthetic_article(seed, i), fmt="paste")) for i in range(count)]
    assert {r.status for r in Importer(library, NameRecognizer()).import_documents(docs)} == {"imported"}


def titles(path: Path) -> list[str]:
    con = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return [row[0] for row in con.execute("SELECT title FROM articles ORDER BY id")]
    finally:
        con.close()


def test_a_backup_is_a_whole_self_contained_library(library: Library, db_path: Path) -> None:
    fill(library)
    with library.session() as session:  # an open reader does not disturb the backup
        session.add(Tag(name="during"))
    backup = make_backup(library.engine)
    assert backup.parent == db_path.parent / "backups"
    assert backup.read_bytes()[18:20] == b"\x01\x01"  # no -wal file needed
    assert not backup.with_name(backup.name + "-wal").exists()
    assert titles(backup) == titles(db_path)
    assert inspect_library_file(backup) == head_revisions()[0]
    assert [b.reason for b in list_backups(db_path)] == ["manual"]
    assert not list(backup.parent.glob("*.partial"))


def test_copy_database_never_overwrites(library: Library, tmp_path: Path) -> None:
    target = tmp_path / "copy.sqlite3"
    target.write_text("keep me", encoding="utf-8")
    with pytest.raises(StorageError, match="already exists"):
        copy_database(library.engine, target)
    assert target.read_text(encoding="utf-8") == "keep me"


def test_only_the_newest_automatic_backups_are_kept(library: Library, db_path: Path) -> None:
    start = datetime(2026, 1, 1, tzinfo=UTC)
    manual = make_backup(library.engine, now=start - timedelta(days=30))
    for day in range(KEEP_AUTOMATIC + 3):
        assert daily_backup(library.engine, now=start + timedelta(days=day)) is not None
    backups = list_backups(db_path)
    assert [b.path for b in backups if not b.automatic] == [manual]
    daily = [b for b in backups if b.automatic]
    assert len(daily) == KEEP_AUTOMATIC
    assert daily[-1].created == start + timedelta(days=KEEP_AUTOMATIC + 2)
    newest = newest_backup(db_path)
    assert newest is not None and newest.path == daily[-1].path


def test_the_daily_backup_is_made_once_a_day(library: Library, db_path: Path) -> None:
    now = datetime(2026, 3, 1, 12, tzinfo=UTC)
    assert backup_due(db_path, now=now)
    assert daily_backup(library.engine, now=now) is not None
    assert daily_backup(library.engine, now=now + timedelta(hours=23)) is None
    assert daily_backup(library.engine, now=now + timedelta(hours=24)) is not None


def test_a_library_is_backed_up_before_its_schema_is_upgraded(db_url: str, db_path: Path) -> None:
    with open_library(db_url) as library:
        fill(library, 2)
        with library.engine.begin() as conn:
            command.downgrade(alembic_config(conn), "0003_reading_state")
    with open_library(db_url) as library, library.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == head_revisions()[0]
    (backup,) = list_backups(db_path)
    assert backup.reason == "before-upgrade"
    assert inspect_library_file(backup.path) == "0003_reading_state"
    with open_library(db_url):
        pass
    assert len(list_backups(db_path)) == 1  # no upgrade, no backup


def test_a_new_library_is_not_backed_up(db_url: str, db_path: Path) -> None:
    open_library(db_url).close()
    assert list_backups(db_path) == []


def test_restore_replaces_the_content_and_keeps_the_previous_one(library: Library, db_path: Path) -> None:
    fill(library, 3)
    backup = make_backup(library.engine)
    fill(library, 2, seed=12)
    assert len(titles(db_path)) == 5
    safety = restore_database(library.engine, backup)
    with library.read_session() as session:  # the open library sees the restored content
        assert session.scalar(select(func.count(Article.id))) == 3
    assert safety is not None and len(titles(safety)) == 5
    assert check_library(library).ok


def test_restore_refuses_what_is_not_a_sound_library(library: Library, db_path: Path, tmp_path: Path) -> None:
    fill(library, 1)
    notes = tmp_path / "notes.txt"
    notes.write_text("not a database\n" * 200, encoding="utf-8")
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as raw:
        raw.execute("CREATE TABLE t (x)")
    raw.close()
    newer = make_backup(library.engine)
    with sqlite3.connect(newer) as raw:
        raw.execute("UPDATE alembic_version SET version_num = '9999_future'")
    raw.close()
    damaged = make_backup(library.engine)
    damage_index(damaged, "sqlite_autoindex_articles_1")
    for source, reason in (
        (notes, "not a Briefing Reader library"),
        (other, "not a Briefing Reader library"),
        (newer, "newer version"),
        (damaged, "damaged"),
        (db_path, "the library itself"),
        (tmp_path / "missing.db", "no file"),
    ):
        with pytest.raises(StorageError, match=reason):
            restore_database(library.engine, source)
    assert len(titles(db_path)) == 1


def test_a_damaged_library_can_be_restored(db_url: str, db_path: Path) -> None:
    with open_library(db_url) as library:
        fill(library, 2)
        backup = make_backup(library.engine)
    damage_index(db_path)
    with open_library(db_url) as library:
        assert library.quick_check()
        restore_database(library.engine, backup)
        assert library.quick_check() == ""
        with library.session() as session:  # writable again
            session.add(Tag(name="after"))
    kept = [b for b in list_backups(db_path) if b.reason in ("before-restore", "damaged")]
    assert len(kept) == 1


def test_check_finds_and_repairs_an_inconsistent_search_index(library: Library) -> None:
    fill(library, 4)
    assert check_library(library).ok
    with library.session() as session:
        session.execute(text("DELETE FROM articles_fts WHERE rowid = 1"))
        session.execute(text("UPDATE articles_fts SET body = 'anders' WHERE rowid = 2"))
        session.execute(text("INSERT INTO articles_fts (rowid, title, body) VALUES (99, 'x', 'y')"))
    found = check_library(library, repair=False)
    assert (found.fts_missing, found.fts_stale, found.fts_orphans) == ([1], [2], [99])
    assert not found.ok and found.fts_rebuilt is None
    repaired = check_library(library)
    assert repaired.ok and repaired.fts_rebuilt == 4
    assert "repaired: search index rebuilt (4 articles)" in repaired.lines()
    assert check_library(library).lines() == []


def test_check_reports_broken_references_and_mentions(library: Library) -> None:
    fill(library, 2)
    with library.engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        assert raw is not None
        raw.execute("PRAGMA foreign_keys=OFF")
        raw.execute("UPDATE mentions SET actor_id = 9999 WHERE id = 1")
        raw.execute("UPDATE mentions SET start = start + 1 WHERE id = 2")
        raw.execute("PRAGMA foreign_keys=ON")
    report = check_library(library)
    assert report.foreign_keys == ["mentions row 1 -> actors"]
    assert report.bad_mentions == [2]
    assert not report.ok


def test_check_does_not_repair_a_damaged_file(db_url: str, db_path: Path) -> None:
    with open_library(db_url) as library:
        fill(library, 2)
    damage_index(db_path)
    with open_library(db_url) as library:
        report = check_library(library)
    assert report.integrity and not report.ok and report.fts_rebuilt is None


def test_restore_is_refused_while_another_program_writes(db_url: str, db_path: Path) -> None:
    library = open_library(db_url, busy_timeout_ms=100)
    fill(library, 2)
    backup = make_backup(library.engine)
    writer = sqlite3.connect(db_path, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("INSERT INTO tags (name) VALUES ('in progress')")
    try:
        with pytest.raises(LibraryLockedError):
            restore_database(library.engine, backup)
    finally:
        writer.execute("COMMIT")
        writer.close()
    with library.read_session() as session:
        assert session.scalars(select(Tag.name)).all() == ["in progress"]
        assert session.scalar(select(func.count(Article.id))) == 2
    library.close()

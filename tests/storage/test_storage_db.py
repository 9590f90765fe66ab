"""Locating and opening the library: URL resolution, errors, SQLite pragmas and locking."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from sqlalchemy import select, text
from sqlalchemy.engine import make_url

from desktop.storage.db import (
    ENV_VAR,
    Library,
    create_engine_for,
    default_database_path,
    open_library,
    resolve_database_url,
)
from desktop.storage.errors import LibraryLockedError, StorageError
from desktop.storage.models import Tag
from tests.postgres import sqlite_only


def _db_file(url: str) -> Path:
    database = make_url(url).database
    assert database is not None
    return Path(database)


# ---------------------------------------------------------------- default location


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="XDG layout is Linux-only")
def test_default_path_linux_uses_xdg_data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert default_database_path() == tmp_path / "xdg" / "BriefingReader" / "library.sqlite3"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="XDG layout is Linux-only")
def test_default_path_linux_without_xdg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    path = default_database_path()
    assert path == tmp_path / ".local" / "share" / "BriefingReader" / "library.sqlite3"


def test_default_path_macos_is_unchanged(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from platformdirs.macos import MacOS

    monkeypatch.setenv("HOME", str(tmp_path))
    folder = Path(MacOS("BriefingReader", appauthor=False).user_data_dir)
    assert folder == tmp_path / "Library" / "Application Support" / "BriefingReader"


# ---------------------------------------------------------------- resolve_database_url


def test_cli_value_wins_over_env(tmp_path: Path) -> None:
    url = resolve_database_url(str(tmp_path / "cli.db"), {ENV_VAR: str(tmp_path / "env.db")})
    assert _db_file(url) == tmp_path / "cli.db"


def test_env_wins_over_default(tmp_path: Path) -> None:
    env = {ENV_VAR: str(tmp_path / "env.db"), "XDG_DATA_HOME": str(tmp_path / "xdg")}
    assert _db_file(resolve_database_url(None, env)) == tmp_path / "env.db"


def test_default_is_used_and_its_folder_created(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if not sys.platform.startswith("linux"):
        pytest.skip("XDG layout is Linux-only")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    url = resolve_database_url(None, {})
    expected = default_database_path()
    assert expected == tmp_path / "xdg" / "BriefingReader" / "library.sqlite3"
    assert _db_file(url) == expected
    assert expected.parent.is_dir()


def test_plain_path_is_expanded_made_absolute_and_parents_created(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("USERPROFILE", str(tmp_path / "home"))
    url = resolve_database_url("~/deep/er/lib.db", {})
    assert _db_file(url) == tmp_path / "home" / "deep" / "er" / "lib.db"
    assert (tmp_path / "home" / "deep" / "er").is_dir()

    monkeypatch.chdir(tmp_path)
    relative = _db_file(resolve_database_url("rel/lib.db", {}))
    assert relative.is_absolute()
    assert relative == tmp_path / "rel" / "lib.db"


def test_odd_characters_in_path_survive(tmp_path: Path) -> None:
    path = tmp_path / "a b?c#d%41 ä.db"
    assert _db_file(resolve_database_url(str(path), {})) == path


@pytest.mark.parametrize(
    "url",
    ["sqlite:///relative.db", "sqlite:////abs/lib.db", "postgresql+psycopg://user:pw@localhost/briefing"],
)
def test_full_urls_are_accepted_unchanged(url: str) -> None:
    assert resolve_database_url(url, {}) == url
    assert resolve_database_url(None, {ENV_VAR: url}) == url


@pytest.mark.parametrize("value", ["", "   ", "nosuchdialect://x/y", "://nothing"])
def test_invalid_values_raise_storage_error(value: str) -> None:
    with pytest.raises(StorageError):
        resolve_database_url(value, {})
    with pytest.raises(StorageError):
        resolve_database_url(None, {ENV_VAR: value})


def test_folder_as_database_path_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StorageError, match="folder"):
        resolve_database_url(str(tmp_path), {})


# ---------------------------------------------------------------- opening


def test_non_database_file_gives_storage_error(tmp_path: Path) -> None:
    bogus = tmp_path / "notes.txt"
    bogus.write_text("These are plain notes, not a database.\n" * 50, encoding="utf-8")
    with pytest.raises(StorageError, match="not a"):
        open_library(f"sqlite:///{bogus}")


def test_missing_directory_gives_storage_error(tmp_path: Path) -> None:
    with pytest.raises(StorageError, match="does not exist"):
        open_library(f"sqlite:///{tmp_path / 'missing' / 'lib.db'}")


def test_folder_as_database_gives_storage_error(tmp_path: Path) -> None:
    with pytest.raises(StorageError, match="folder"):
        create_engine_for(f"sqlite:///{tmp_path}")


@pytest.mark.skipif(os.name == "nt" or os.geteuid() == 0, reason="needs POSIX permissions as non-root")
def test_unreadable_file_gives_storage_error(tmp_path: Path, db_url: str, db_path: Path) -> None:
    open_library(db_url).close()
    db_path.chmod(0)
    try:
        with pytest.raises(StorageError, match="permission"):
            open_library(db_url)
    finally:
        db_path.chmod(0o600)


def test_unknown_dialect_url_gives_storage_error() -> None:
    with pytest.raises(StorageError):
        create_engine_for("nosuchdialect://x/y")


def test_opening_through_resolved_path_creates_library(tmp_path: Path) -> None:
    url = resolve_database_url(str(tmp_path / "new" / "lib.sqlite3"), {})
    with open_library(url) as lib:
        assert lib.is_sqlite
        assert (tmp_path / "new" / "lib.sqlite3").is_file()


# ---------------------------------------------------------------- pragmas and transactions


@sqlite_only
def test_sqlite_pragmas(library: Library) -> None:
    with library.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 1  # NORMAL
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 100


@sqlite_only
def test_default_busy_timeout(db_url: str) -> None:
    with open_library(db_url) as lib, lib.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000


def test_session_commits_and_rolls_back(library: Library) -> None:
    with library.session() as session:
        session.add(Tag(name="kept"))
    with pytest.raises(RuntimeError), library.session() as session:
        session.add(Tag(name="dropped"))
        session.flush()
        raise RuntimeError("abort")
    with library.read_session() as session:
        assert session.scalars(select(Tag.name)).all() == ["kept"]


def test_objects_usable_after_commit(library: Library) -> None:
    with library.session() as session:
        tag = Tag(name="fresh")
        session.add(tag)
    assert tag.name == "fresh"
    assert tag.id is not None


@sqlite_only
def test_write_sessions_begin_immediate(library: Library) -> None:
    """A write session holds the write lock from its first statement, even a SELECT."""
    with library.session() as first:
        first.execute(text("SELECT 1"))
        with pytest.raises(LibraryLockedError), library.session() as second:
            second.execute(text("SELECT 1"))


def test_read_session_does_not_block_on_writer(library: Library) -> None:
    with library.session() as writer:
        writer.add(Tag(name="pending"))
        writer.flush()
        with library.read_session() as reader:
            assert reader.scalars(select(Tag.name)).all() == []
    with library.read_session() as reader:
        assert reader.scalars(select(Tag.name)).all() == ["pending"]


@sqlite_only
def test_open_library_reports_locked_database(library: Library, db_url: str) -> None:
    other = open_library(db_url, busy_timeout_ms=50)
    try:
        with library.session() as holder:
            holder.execute(text("SELECT 1"))
            with pytest.raises(LibraryLockedError), other.session() as blocked:
                blocked.add(Tag(name="x"))
                blocked.flush()
    finally:
        other.close()

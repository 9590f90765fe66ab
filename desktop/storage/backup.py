"""Backups of a SQLite library with SQLite's online backup API (never a raw copy of a live file).

Automatic backups go to a ``backups`` folder beside the library: before a migration changes
the schema, daily while the app is in use, and before a restore. The newest
:data:`KEEP_AUTOMATIC` automatic ones are kept; backups the user asked for are never pruned.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import Engine

from desktop.storage.errors import LibraryLockedError, StorageError
from desktop.storage.migrate import needs_upgrade
from desktop.storage.revisions import head_revisions, revision_graph

BACKUP_DIR_NAME = "backups"
KEEP_AUTOMATIC = 7
DAILY = timedelta(hours=24)
_STAMP = "%Y%m%d-%H%M%S"
AUTOMATIC_REASONS = ("daily", "before-upgrade", "before-restore")
_REQUIRED_TABLES = {"articles", "actors", "actor_aliases", "mentions", "annotations", "alembic_version"}


@dataclass(frozen=True)
class BackupFile:
    """One backup in a library's backups folder."""

    path: Path
    created: datetime  # UTC, from the file name
    reason: str  # "manual", "daily", "before-upgrade", "before-restore"

    @property
    def automatic(self) -> bool:
        """True for backups the app made by itself (these are pruned)."""
        return self.reason in AUTOMATIC_REASONS


def backups_dir(library_file: Path) -> Path:
    """The folder holding a library's backups: ``backups/`` beside the library file."""
    return library_file.parent / BACKUP_DIR_NAME


def _library_file(engine: Engine) -> Path:
    from desktop.storage.db import sqlite_file_of

    path = sqlite_file_of(engine.url) if engine.dialect.name == "sqlite" else None
    if path is None:
        raise StorageError(
            "Only a library in a SQLite file can be backed up here; back up a PostgreSQL "
            "library with the database's own tools (pg_dump)."
        )
    return path


def list_backups(library_file: Path) -> list[BackupFile]:
    """The library's backups, oldest first."""
    folder = backups_dir(library_file)
    prefix = library_file.stem + "-"
    found = []
    if folder.is_dir():
        for path in folder.glob(f"{library_file.stem}-*.sqlite3"):
            parts = path.stem[len(prefix) :].split("-", 2)
            if len(parts) < 3:
                continue
            try:
                created = datetime.strptime(f"{parts[0]}-{parts[1]}", _STAMP).replace(tzinfo=UTC)
            except ValueError:
                continue
            reason = parts[2].split("-n", 1)[0] if "-n" in parts[2] else parts[2]
            found.append(BackupFile(path, created, reason))
    return sorted(found, key=lambda b: (b.created, b.path.name))


def newest_backup(library_file: Path) -> BackupFile | None:
    """The most recent backup of the library, if any."""
    backups = list_backups(library_file)
    return backups[-1] if backups else None


_BUSY = (5, 6)  # SQLITE_BUSY, SQLITE_LOCKED


def _give_up_when_busy(seconds: float) -> Callable[[int, int, int], None]:
    """A backup progress callback that stops waiting for another writer after ``seconds``.

    (Python's backup loop otherwise retries a locked database forever.)
    """
    deadline: list[float] = []

    def progress(status: int, remaining: int, total: int) -> None:
        if status not in _BUSY:
            deadline.clear()
            return
        if not deadline:
            deadline.append(time.monotonic() + seconds)
        elif time.monotonic() > deadline[0]:
            raise LibraryLockedError(
                "The library is busy in another window or program; close it and try again."
            )

    return progress


def _busy_seconds(connection: sqlite3.Connection) -> float:
    return float(connection.execute("PRAGMA busy_timeout").fetchone()[0]) / 1000


def copy_database(engine: Engine, target: Path) -> Path:
    """Write a consistent copy of the library to ``target`` (a new file) with the backup API.

    The copy is written beside ``target`` first and renamed into place, so a crash never leaves
    a half backup; it is a self-contained file (rollback journal, not WAL).
    """
    if target.exists():
        raise StorageError(f"The file {target} already exists; choose another name.")
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    raw = engine.raw_connection()
    try:
        source = raw.driver_connection
        assert isinstance(source, sqlite3.Connection)
        destination = sqlite3.connect(partial)
        try:
            source.backup(destination, progress=_give_up_when_busy(_busy_seconds(source)))
            destination.execute("PRAGMA journal_mode=DELETE")
        finally:
            destination.close()
        os.replace(partial, target)
    except sqlite3.DatabaseError as exc:
        partial.unlink(missing_ok=True)
        from desktop.storage.db import explain_operational_error

        raise explain_operational_error(exc) or StorageError(f"The backup failed: {exc}.") from exc
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    finally:
        raw.close()
    return target


def make_backup(engine: Engine, reason: str = "manual", *, now: datetime | None = None) -> Path:
    """Back the library up into its backups folder; prunes old automatic backups."""
    library_file = _library_file(engine)
    stamp = (now or datetime.now(UTC)).strftime(_STAMP)
    folder = backups_dir(library_file)
    target = folder / f"{library_file.stem}-{stamp}-{reason}.sqlite3"
    counter = 1
    while target.exists():
        counter += 1
        target = folder / f"{library_file.stem}-{stamp}-{reason}-n{counter}.sqlite3"
    copy_database(engine, target)
    prune_backups(library_file)
    return target


def prune_backups(library_file: Path, keep: int = KEEP_AUTOMATIC) -> list[Path]:
    """Delete all but the newest ``keep`` automatic backups; returns what was deleted."""
    automatic = [b for b in list_backups(library_file) if b.automatic]
    removed = []
    for backup in automatic[: max(0, len(automatic) - keep)]:
        backup.path.unlink(missing_ok=True)
        removed.append(backup.path)
    return removed


def backup_due(library_file: Path, *, now: datetime | None = None, every: timedelta = DAILY) -> bool:
    """True when the newest backup is older than ``every`` (or there is none)."""
    newest = newest_backup(library_file)
    return newest is None or (now or datetime.now(UTC)) - newest.created >= every


def daily_backup(engine: Engine, *, now: datetime | None = None) -> Path | None:
    """Back up the library when its newest backup is a day old; returns the new file or None."""
    if engine.dialect.name != "sqlite" or not backup_due(_library_file(engine), now=now):
        return None
    return make_backup(engine, "daily", now=now)


def backup_before_upgrade(engine: Engine) -> Path | None:
    """Back up an existing library whose schema is about to be upgraded; None when no upgrade is due."""
    if engine.dialect.name != "sqlite" or not needs_upgrade(engine):
        return None
    return make_backup(engine, "before-upgrade")


# --------------------------------------------------------------------------- restore


def inspect_library_file(path: Path) -> str:
    """Check that ``path`` is a sound Briefing Reader library this app can open; returns its schema revision.

    The file is opened read-only and never changed.
    """
    if not path.is_file():
        raise StorageError(f"There is no file {path}.")
    uri = path.absolute().as_uri() + "?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True)
    except sqlite3.Error as exc:
        raise StorageError(f"Cannot read {path}: {exc}.") from exc
    try:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not tables >= _REQUIRED_TABLES:
            raise StorageError(f"The file {path} is not a Briefing Reader library.")
        revisions = [row[0] for row in conn.execute("SELECT version_num FROM alembic_version")]
        result = conn.execute("PRAGMA quick_check").fetchall()
    except sqlite3.DatabaseError as exc:
        raise StorageError(f"The file {path} is not a Briefing Reader library (not a database).") from exc
    finally:
        conn.close()
    if [r[0] for r in result] != ["ok"]:
        raise StorageError(f"The file {path} is damaged ({result[0][0]}); choose another backup.")
    known = revision_graph()
    for revision in revisions:
        if revision not in known:
            raise StorageError(f"The file {path} was written by a newer version of Briefing Reader.")
    if len(revisions) != 1:
        raise StorageError(f"The file {path} is not a Briefing Reader library (no schema version).")
    return str(revisions[0])


def restore_database(engine: Engine, source: Path) -> Path | None:
    """Replace the library's content with the library file ``source``; returns the safety backup.

    The current library is backed up first (when it can still be read). The copy uses the
    backup API into the live file, so other readers see either the old or the new library;
    another program writing at the same time makes this fail as "busy" without a change.
    """
    library_file = _library_file(engine)
    inspect_library_file(source)
    if source.resolve() == library_file.resolve():
        raise StorageError("That file is the library itself; choose a backup to restore.")
    try:
        safety: Path | None = make_backup(engine, "before-restore")
    except StorageError as exc:
        if isinstance(exc, LibraryLockedError):
            raise
        safety = _keep_damaged(library_file)
    source_conn = sqlite3.connect(source.absolute().as_uri() + "?mode=ro", uri=True)
    raw = engine.raw_connection()
    try:
        destination = raw.driver_connection
        assert isinstance(destination, sqlite3.Connection)
        source_conn.backup(destination, progress=_give_up_when_busy(_busy_seconds(destination)))
    except sqlite3.OperationalError as exc:
        from desktop.storage.db import explain_operational_error

        raise explain_operational_error(exc) or StorageError(f"The restore failed: {exc}.") from exc
    finally:
        raw.close()
        source_conn.close()
    return safety


def _keep_damaged(library_file: Path) -> Path | None:
    """Keep the bytes of a library the backup API cannot read (damaged), before it is replaced."""
    stamp = datetime.now(UTC).strftime(_STAMP)
    target = backups_dir(library_file) / f"{library_file.stem}-{stamp}-damaged.sqlite3"
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(library_file, target)
        wal = library_file.with_name(library_file.name + "-wal")
        if wal.is_file():
            shutil.copyfile(wal, target.with_name(target.name + "-wal"))
    except OSError:
        return None
    return target


def schema_is_current(revision: str) -> bool:
    """True when ``revision`` is this app's newest schema."""
    return (revision,) == head_revisions()

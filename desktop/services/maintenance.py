"""Looking after the library file while the app runs: start-up check, daily backup, restore."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from desktop.storage.backup import backup_due, daily_backup, newest_backup, restore_database
from desktop.storage.db import Library
from desktop.storage.errors import StorageError
from desktop.storage.migrate import upgrade_to_head


@dataclass(frozen=True)
class LibraryCare:
    """The start-up check's result: the problem found ("" when sound) and the backups."""

    problem: str
    newest_backup: Path | None
    backed_up: Path | None  # the daily backup made now, if one was due
    backup_error: str = ""  # why a due backup could not be made


# A whole-file check reads every page: above this size it runs only with the daily backup (which must not
# copy a damaged file) and on `check`, so that starting the app does not cost more as the library grows.
CHECK_EVERY_START_BYTES = 256 * 1024 * 1024


def start_check_due(path: Path | None) -> bool:
    """True when the start-up check should read the whole library file now."""
    if path is None:
        return False  # a server library: its server looks after its pages
    try:
        small = path.stat().st_size <= CHECK_EVERY_START_BYTES
    except OSError:
        return True
    return small or backup_due(path)


def care_at_start(library: Library) -> LibraryCare:
    """Quick-check the library when due and make the daily backup when it is due (run off the GUI thread)."""
    problem = library.quick_check() if start_check_due(library.path) else ""
    backed_up, error = None, ""
    if not problem and library.path is not None:
        try:
            backed_up = daily_backup(library.engine)
        except (StorageError, OSError) as exc:
            error = getattr(exc, "strerror", None) or str(exc)
    newest = newest_backup(library.path) if library.path is not None else None
    return LibraryCare(problem, newest.path if newest else None, backed_up, error)


def restore_backup(library: Library, backup: Path) -> Path | None:
    """Replace the open library's content with ``backup``; returns where the old content was kept."""
    safety = restore_database(library.engine, backup)
    upgrade_to_head(library.engine)  # a backup from before an update gets the current schema
    problem = library.quick_check()
    if problem:
        raise StorageError(f"The restored library does not pass the check either ({problem}).")
    return safety

"""Typed storage errors whose message is a single readable sentence."""

from __future__ import annotations

from desktop.core.errors import UserError


class StorageError(UserError):
    """The library database could not be opened, read or written."""


class LibraryLockedError(StorageError):
    """Another program (or another window) holds the library's write lock for too long."""


class MigrationError(StorageError):
    """The library's schema could not be brought up to date (or is newer than this app)."""


class DiskFullError(StorageError):
    """The disk (or the database's size limit) is full: nothing more can be written."""


class ReadOnlyLibraryError(StorageError):
    """The library was opened read-only (or its file is read-only) and cannot be changed."""


class LibraryDamagedError(StorageError):
    """The library file failed SQLite's integrity check; writing to it is refused."""


def explain_operational_error(exc: BaseException) -> StorageError | None:
    """A typed, readable error for a locked, full or read-only database (None for other errors)."""
    text = str(getattr(exc, "orig", exc)).lower()
    if "locked" in text or "busy" in text:
        return LibraryLockedError("The library is busy in another window or program; try again in a moment.")
    if "disk is full" in text or "disk full" in text or "no space left" in text:
        return DiskFullError(
            "The disk is full: the library could not be written (this change is not stored)."
        )
    if "readonly" in text or "read-only" in text:
        return ReadOnlyLibraryError("The library is read-only; nothing can be changed in it.")
    return None

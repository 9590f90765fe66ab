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

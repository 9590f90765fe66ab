"""The open library as the window holds it: a handle it passes to the services, which own the sessions.

The window never imports the storage layer; it names the handle through this module and asks the
services for plain data (desktop/services/dto.py).
"""

from __future__ import annotations

from pathlib import Path

from desktop.storage.db import Library, sqlite_file_of

__all__ = ["Library", "library_file"]


def library_file(url: str) -> Path | None:
    """The database file of a library URL; None for a server, an in-memory database or a bad URL."""
    try:
        return sqlite_file_of(url)
    except Exception:  # an unreadable URL has no file: callers fall back to the default folders
        return None

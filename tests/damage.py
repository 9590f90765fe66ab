"""Damaging a library file on purpose, for tests of the start-up check, ``check`` and ``restore``."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def damage_index(db: Path, index: str = "sqlite_autoindex_tags_1") -> None:
    """Overwrite the first bytes of an index's root page: the file opens, but fails quick_check.

    The default (the tags' unique index) is not needed to list or read articles.
    """
    con = sqlite3.connect(db)
    try:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page_size = con.execute("PRAGMA page_size").fetchone()[0]
        root = con.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (index,)).fetchone()[0]
    finally:
        con.close()
    with db.open("r+b") as handle:
        handle.seek((root - 1) * page_size)
        handle.write(b"\xff" * 64)

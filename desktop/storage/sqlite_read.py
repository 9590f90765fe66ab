"""A SQLite library read with the standard ``sqlite3`` module alone: for commands that only read and must
start fast (SQLAlchemy and the models take longer to import than most queries take to run).

:func:`open_read_only` hands out a connection only where reading this way is plainly safe: the file
exists, is writable as the usual way of opening requires, records exactly the shipped schema revision
(nothing to migrate), is in WAL mode already and has every table the reads use. Anything else gives
None, and the caller opens the library the usual way, which migrates, recovers, creates or explains.

The connection is opened read-only (``mode=ro``: it never creates a file and never writes one) inside
one read transaction, so every statement sees the same committed state. In WAL mode committed
transactions still in the write-ahead log are read from it (a reader rebuilds the log's index when a
writer crashed); a rollback journal left by a crash (not WAL) is never met here: such a file is not in
WAL mode, or SQLite refuses to read it read-only, and the usual way recovers it.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any

from desktop.storage.revisions import head_revisions

BUSY_TIMEOUT_MS = 5000
"""How long a connection waits for another program's lock before giving up (both ways of opening)."""

READ_TABLES = frozenset(
    {
        "articles",
        "articles_fts",
        "annotations",
        "annotation_tags",
        "tags",
        "actors",
        "actor_aliases",
        "actor_roles",
        "actor_counts",
        "actor_pairs",
        "actor_days",
        "mentions",
        "quotes",
        "article_versions",
        "alembic_version",
    }
)
"""The tables the read-only commands read; a library missing one is opened the usual way."""


DAY = "coalesce(articles.published, substr(articles.imported_at, 1, 10))"
"""An article's day in SQLite's SQL: its publication date, else the day it was imported (article_day)."""

DISTINCT_ROLES_SQL = (
    "WITH RECURSIVE found(actor_id, role) AS ("
    " SELECT a.id, (SELECT min(x.role) FROM actor_roles x WHERE x.actor_id = a.id)"
    " FROM actors a WHERE a.id IN {ids}"
    " UNION ALL"
    " SELECT found.actor_id,"
    " (SELECT min(x.role) FROM actor_roles x WHERE x.actor_id = found.actor_id AND x.role > found.role)"
    " FROM found WHERE found.role IS NOT NULL"
    ") "
    "SELECT found.actor_id, found.role,"
    " (SELECT min(y.id) FROM actor_roles y"
    " WHERE y.actor_id = found.actor_id AND y.role = found.role) AS first_id"
    " FROM found WHERE found.role IS NOT NULL ORDER BY first_id"
)
"""Each distinct role of the actors in ``{ids}`` (a parenthesised parameter list) with the actor, in the
order the roles were first found (desktop.storage.roles explains the index seeks); both ways run it."""


def has_fts5(connection: Any) -> bool:
    """Whether this SQLite has full-text search (FTS5), tried on a temporary table (never the library);
    ``connection``: a sqlite3 connection (or the DB-API connection SQLAlchemy wraps around one)."""
    try:
        connection.execute("CREATE VIRTUAL TABLE temp.briefing_fts5_probe USING fts5(x)")
        connection.execute("DROP TABLE temp.briefing_fts5_probe")
    except sqlite3.OperationalError:
        return False
    return True


def _is_current(connection: sqlite3.Connection) -> bool:
    tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if not tables >= READ_TABLES:
        return False
    recorded = {str(row[0]) for row in connection.execute("SELECT version_num FROM alembic_version")}
    if not recorded or recorded != set(head_revisions()):
        return False
    mode = connection.execute("PRAGMA journal_mode").fetchone()
    return mode is not None and str(mode[0]).lower() == "wal" and has_fts5(connection)


def open_read_only(path: Path) -> sqlite3.Connection | None:
    """A read-only connection to the library file ``path`` in an open read transaction, or None when
    the library must be opened the usual way (see the module's docstring)."""
    path = path.absolute()
    if not path.is_file() or not os.access(path, os.R_OK | os.W_OK):
        return None
    try:
        connection = sqlite3.connect(
            f"{path.as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None
        )
    except sqlite3.Error:
        return None
    try:
        connection.execute("BEGIN")  # deferred: the snapshot is taken by the first read, below
        if _is_current(connection):
            return connection
    except sqlite3.Error:
        pass
    connection.close()
    return None

"""Noticing changes another program made to the library (the command line, a script, a second window).

SQLite's ``PRAGMA data_version``, read on a connection of its own, changes whenever any other
connection commits. The library's own write transactions are told apart exactly: they begin with
BEGIN IMMEDIATE, so while one holds the write lock nobody else can commit; the watch reads the
version when such a transaction begins (a change seen then came from elsewhere) and again right
after it commits (that change is ours). Only a commit by another program in the instant between our
COMMIT and that read could be taken for ours.

On PostgreSQL the library's tables send ``NOTIFY briefing_library`` with the writer's
application_name (migration 0007); the watch LISTENs on a connection of its own and counts every
notice that does not carry its own library's name. ``poll()`` is the same for both engines.
"""

from __future__ import annotations

import sqlite3
import threading
from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import Session

from desktop.storage.db import Library


class ChangeWatch:
    """``poll()`` is True when someone other than ``library`` committed since the last poll."""

    def __new__(cls, library: Library) -> ChangeWatch:
        if cls is ChangeWatch and library.engine.dialect.name == "postgresql":
            return super().__new__(NotifyWatch)
        return super().__new__(cls)

    def __init__(self, library: Library) -> None:
        self._library = library
        self._lock = threading.Lock()
        self._conn = _watch_connection(library)
        self._external = False
        self._version = self._read()
        if self._conn is not None:
            event.listen(library.sessionmaker, "after_begin", self._own_write_begins)
            event.listen(library.sessionmaker, "after_commit", self._own_write_committed)

    @property
    def active(self) -> bool:
        """False for libraries that cannot be watched this way (not a SQLite file)."""
        return self._conn is not None

    def poll(self) -> bool:
        """True when another program changed the library since the last call (cheap: one pragma)."""
        with self._lock:
            if self._conn is None:
                return False
            version = self._read()
            changed = self._external or version != self._version
            self._version, self._external = version, False
            return changed

    def close(self) -> None:
        """Stop watching; the dedicated connection is closed."""
        with self._lock:
            if self._conn is None:
                return
            event.remove(self._library.sessionmaker, "after_begin", self._own_write_begins)
            event.remove(self._library.sessionmaker, "after_commit", self._own_write_committed)
            self._conn.close()
            self._conn = None

    def _read(self) -> int | None:
        if self._conn is None:
            return None
        try:
            return int(self._conn.execute("PRAGMA data_version").fetchone()[0])
        except sqlite3.Error:  # busy or gone for a moment: look again next time
            return self._version if hasattr(self, "_version") else None

    def _own_write_begins(self, _session: Session, _transaction: Any, _connection: Any) -> None:
        with self._lock:  # we hold the write lock now: a change seen here was committed by someone else
            version = self._read()
            if version != self._version:
                self._external = True
            self._version = version

    def _own_write_committed(self, _session: Session) -> None:
        with self._lock:
            self._version = self._read()


def _watch_connection(library: Library) -> sqlite3.Connection | None:
    if not library.is_sqlite:
        return None
    database = library.engine.url.database or ""
    if not database or database == ":memory:" or "mode=memory" in database:
        return None
    try:
        conn = sqlite3.connect(
            database, uri=database.startswith("file:"), check_same_thread=False, timeout=0.2
        )
        conn.isolation_level = None  # autocommit: each pragma sees the newest committed state
        return conn
    except sqlite3.Error:
        return None


#: How long a poll waits for notices already on their way (seconds), after one round trip.
NOTIFY_WAIT_S = 0.02
CHANNEL = "briefing_library"


class NotifyWatch(ChangeWatch):
    """PostgreSQL: notices from other sessions (``LISTEN briefing_library``) since the last poll."""

    def __init__(self, library: Library) -> None:
        self._library = library
        self._lock = threading.Lock()
        self._conn = None
        self._listener: Any = None
        try:
            with library.engine.connect() as conn:
                self._own = str(conn.exec_driver_sql("SELECT current_setting('application_name')").scalar())
            raw = library.engine.raw_connection()
            listener: Any = raw.driver_connection  # read before detach(), which forgets it
            raw.detach()  # a connection of its own, outside the pool, in autocommit mode
        except Exception:  # no watch is better than no window: changes then show on the next reload
            return
        try:
            listener.rollback()
            listener.autocommit = True
            listener.execute(f"LISTEN {CHANNEL}")
            self._listener = listener
        except Exception:
            listener.close()

    @property
    def active(self) -> bool:
        """True while listening."""
        return self._listener is not None

    def poll(self) -> bool:
        """True when another program changed the library since the last call."""
        import psycopg

        with self._lock:
            if self._listener is None:
                return False
            try:
                self._listener.execute("SELECT 1")
                notices = list(self._listener.notifies(timeout=NOTIFY_WAIT_S))
            except psycopg.Error:  # the server went away for a moment: look again next time
                return False
            return any(notice.payload != self._own for notice in notices)

    def close(self) -> None:
        """Stop listening; the connection is closed."""
        with self._lock:
            if self._listener is not None:
                self._listener.close()
                self._listener = None

"""How the library is opened: engine set-up (pragmas, locking), sessions, typed errors, migration at open."""

from __future__ import annotations

import importlib.util
import os
import re
import sqlite3
import threading
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DatabaseError, DBAPIError, NoSuchModuleError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from desktop.core.identity import current_user
from desktop.storage.errors import (
    LibraryDamagedError,
    LibraryLockedError,
    StorageError,
    explain_operational_error,
)
from desktop.storage.migrate import needs_upgrade, upgrade_to_head
from desktop.storage.sqlite_read import BUSY_TIMEOUT_MS, has_fts5
from desktop.storage.urls import (
    APP_DIR_NAME,
    DB_FILE_NAME,
    ENV_VAR,
    default_database_path,
    mask_url,
    resolve_database_url,
    sqlite_file_of,
)

__all__ = [
    "APP_DIR_NAME",
    "BEGIN_OPTION",
    "BUSY_TIMEOUT_MS",
    "DB_FILE_NAME",
    "ENV_VAR",
    "Library",
    "create_engine_for",
    "default_database_path",
    "enable_wal",
    "explain_operational_error",
    "mask_url",
    "open_library",
    "resolve_database_url",
    "sqlite_file_of",
]

#: Execution option naming how a SQLite transaction begins ("IMMEDIATE" by default, or "DEFERRED").
BEGIN_OPTION = "briefing_sqlite_begin"
#: Seconds to wait for a database server to answer before saying it is not reachable.
CONNECT_TIMEOUT_S = 10
#: Key of the PostgreSQL advisory lock that serialises the app's write transactions (like BEGIN IMMEDIATE).
PG_WRITE_LOCK_KEY = 0x42524945  # "BRIE"


def _sqlite_connect_listener(busy_timeout_ms: int) -> Callable[[sqlite3.Connection, Any], None]:
    def on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        _prepare_sqlite_connection(dbapi_connection, busy_timeout_ms)

    return on_connect


def _prepare_sqlite_connection(dbapi_connection: sqlite3.Connection, busy_timeout_ms: int) -> None:
    # Let SQLAlchemy emit BEGIN itself (see _on_sqlite_begin); pysqlite then stays out of the way.
    # Only per-connection pragmas here: the persistent journal_mode=WAL is set by
    # enable_wal() once the file is known to be a Briefing Reader library.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
    finally:
        cursor.close()


def enable_wal(engine: Engine) -> None:
    """Switch a SQLite library to WAL (persistent; call only after the schema check passed)."""
    if engine.dialect.name != "sqlite":
        return
    with engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        if raw is None or raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal":
            return
        try:
            raw.execute("PRAGMA journal_mode=WAL")
        except sqlite3.OperationalError as exc:  # a read-only library keeps its journal mode
            if "readonly" not in str(exc).lower() and "read-only" not in str(exc).lower():
                raise


def _on_sqlite_begin(conn: Any) -> None:
    mode = conn.get_execution_options().get(BEGIN_OPTION, "IMMEDIATE")
    conn.exec_driver_sql("BEGIN DEFERRED" if mode == "DEFERRED" else "BEGIN IMMEDIATE")


def _on_postgresql_begin(conn: Any) -> None:
    """Write transactions take one advisory lock: writers run one at a time, as on SQLite."""
    if conn.get_execution_options().get(BEGIN_OPTION, "IMMEDIATE") != "DEFERRED":
        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({PG_WRITE_LOCK_KEY})")


def _explain_sqlite_error(exc: BaseException, database: str) -> StorageError:
    text = str(getattr(exc, "orig", exc)).lower()
    if "not a database" in text or "malformed" in text:
        return StorageError(f"The file {database} is not a Briefing Reader library (not a SQLite database).")
    if "locked" in text or "busy" in text:
        return LibraryLockedError(
            f"The library {database} is busy in another window or program; close it and try again."
        )
    if "readonly" in text or "read-only" in text:
        return StorageError(f"The library {database} is read-only; check the file permissions.")
    return StorageError(f"Cannot open the library {database}: {getattr(exc, 'orig', exc)}.")


def _check_sqlite_file(database: str) -> None:
    if not database or database == ":memory:" or database.startswith("file:"):
        return
    path = Path(database)
    if not path.parent.is_dir():
        raise StorageError(f"Cannot open the library {path}: the folder {path.parent} does not exist.")
    if path.is_dir():
        raise StorageError(f"Cannot open the library {path}: it is a folder, not a file.")
    if path.exists() and not os.access(path, os.R_OK | os.W_OK):
        raise StorageError(f"Cannot open the library {path}: permission denied.")


def _available_postgresql_driver(url: URL) -> URL:
    """``postgresql://`` means psycopg2 to SQLAlchemy; take psycopg (3), the postgres extra, without it."""
    if url.drivername != "postgresql" or importlib.util.find_spec("psycopg2") is not None:
        return url
    return url.set(drivername="postgresql+psycopg") if importlib.util.find_spec("psycopg") else url


def _explain_server_error(raw: str, url: URL) -> StorageError:
    """One sentence for a server that is down, refuses the login or lacks the database (no password)."""
    detail = " ".join(mask_url(raw).split())
    where = mask_url(url.render_as_string())
    text = detail.lower()
    if "password authentication failed" in text or "no password supplied" in text:
        return StorageError(f"The database server refused the user name or password in {where}; check them.")
    if "database" in text and "does not exist" in text:
        return StorageError(
            f"The database {url.database!r} does not exist on the server of {where}; "
            "create it or check the name."
        )
    if any(
        s in text for s in ("connection refused", "no such file", "could not connect", "timeout", "timed out")
    ):
        return StorageError(f"The database server of {where} is not reachable (is it running?): {detail}.")
    return StorageError(f"Cannot connect to the database {where}: {detail}.")


def create_engine_for(url: str, *, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> Engine:
    """Create an engine; for SQLite set the pragmas, BEGIN IMMEDIATE writes and check FTS5.

    ``busy_timeout_ms`` is how long SQLite waits for another writer before giving up.
    """
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise StorageError(f"{mask_url(url)!r} is not a valid database URL.") from None
    parsed = _available_postgresql_driver(parsed)
    connect_args: dict[str, Any] = {}
    if parsed.get_backend_name() == "postgresql":  # names this library's sessions in change notices
        connect_args["application_name"] = f"briefing-reader-{uuid.uuid4().hex[:16]}"
        if "connect_timeout" not in parsed.query:
            connect_args["connect_timeout"] = CONNECT_TIMEOUT_S
    try:
        engine = create_engine(parsed, connect_args=connect_args)
    except ImportError as exc:
        if parsed.get_backend_name() == "postgresql":
            raise StorageError(
                "PostgreSQL support is not installed; install the app with its postgres extra "
                "(pip install -e '.[postgres]')."
            ) from None
        raise StorageError(f"Cannot use the database URL {mask_url(url)!r}: {mask_url(str(exc))}.") from None
    except (ArgumentError, NoSuchModuleError) as exc:
        detail = mask_url(str(exc))
        raise StorageError(f"Cannot use the database URL {mask_url(url)!r}: {detail}.") from None
    if engine.dialect.name != "sqlite":
        if engine.dialect.name == "postgresql":
            event.listen(engine, "begin", _on_postgresql_begin)
        try:
            with engine.connect():
                pass
        except DBAPIError as exc:
            engine.dispose()
            raise _explain_server_error(str(exc.orig), parsed) from None
        return engine
    database = parsed.database or ""
    _check_sqlite_file(database)
    event.listen(engine, "connect", _sqlite_connect_listener(busy_timeout_ms))
    event.listen(engine, "begin", _on_sqlite_begin)
    try:
        with engine.connect() as conn:
            raw = conn.connection.dbapi_connection
            if raw is None:
                raise StorageError(f"Cannot open the library {database}.")
            raw.execute("SELECT count(*) FROM sqlite_master").fetchone()
            if not has_fts5(raw):
                raise StorageError(
                    "This SQLite build lacks full-text search (FTS5), which the library needs."
                )
    except StorageError:
        engine.dispose()
        raise
    except (DBAPIError, sqlite3.Error) as exc:
        engine.dispose()
        raise _explain_sqlite_error(exc, database) from exc
    return engine


_DAMAGE = re.compile(r"malformed|corrupt", re.IGNORECASE)
"""SQLite's messages for a damaged file (SQLITE_CORRUPT)."""


class Library:
    """An open library: engine plus session factories (objects stay usable after commit).

    Writes are refused once a check found the file damaged (``check``, the window's start-up check
    in the background, or :meth:`quick_check`), and when SQLite meets a damaged page while writing.
    Opening or writing never checks the whole file itself: that grows with the library.
    """

    def __init__(self, engine: Engine, *, user: str | None = None) -> None:
        self.engine = engine
        #: Who works in this session: recorded with annotations, corrections and imports.
        self.user = current_user(user)
        self.sessionmaker: sessionmaker[Session] = sessionmaker(bind=engine, expire_on_commit=False)
        read_bind = engine.execution_options(**{BEGIN_OPTION: "DEFERRED"})
        self._read_sessionmaker: sessionmaker[Session] = sessionmaker(bind=read_bind, expire_on_commit=False)
        self._health: str | None = None if self.is_sqlite else ""  # None: not checked, "": ok, else problem
        self._health_lock = threading.Lock()

    @property
    def url(self) -> str:
        """The database URL (password hidden)."""
        return self.engine.url.render_as_string(hide_password=True)

    @property
    def is_sqlite(self) -> bool:
        """True when the library is a SQLite file (FTS5 search available)."""
        return self.engine.dialect.name == "sqlite"

    @property
    def path(self) -> Path | None:
        """The library's SQLite file, or None (PostgreSQL, in-memory)."""
        return sqlite_file_of(self.engine.url) if self.is_sqlite else None

    def quick_check(self) -> str:
        """Run ``PRAGMA quick_check`` now and remember the result: "" when sound, else the problem."""
        from desktop.storage.integrity import quick_check

        problem = quick_check(self.engine)
        with self._health_lock:
            self._health = problem
        return problem

    def _damaged(self, problem: str) -> LibraryDamagedError:
        from desktop.storage.backup import newest_backup

        newest = newest_backup(self.path) if self.path is not None else None
        remedy = f"briefing-reader restore {newest.path}" if newest else "restore it from a copy"
        return LibraryDamagedError(
            f"The library is damaged ({problem}); nothing was written. To repair it: {remedy}"
        )

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A write transaction: commits on success, rolls back on error (BEGIN IMMEDIATE on SQLite)."""
        with self._health_lock:
            problem = self._health
        if problem:
            raise self._damaged(problem)
        try:
            with _translate_errors(), self.sessionmaker.begin() as session:
                yield session
        except DatabaseError as exc:
            if self.is_sqlite and _DAMAGE.search(str(exc.orig)):
                with self._health_lock:
                    self._health = str(exc.orig)
                raise self._damaged(str(exc.orig)) from exc
            raise

    @contextmanager
    def read_session(self) -> Iterator[Session]:
        """A read-only unit of work that does not take the write lock; always rolled back."""
        with _translate_errors(), self._read_sessionmaker() as session:
            try:
                yield session
            finally:
                session.rollback()

    def close(self) -> None:
        """Release all pooled connections."""
        self.engine.dispose()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


@contextmanager
def _translate_errors() -> Iterator[None]:
    try:
        yield
    except OperationalError as exc:
        typed = explain_operational_error(exc)
        if typed is not None:
            raise typed from exc
        raise


def open_library(
    url: str,
    *,
    busy_timeout_ms: int = BUSY_TIMEOUT_MS,
    backups: bool = True,
    user: str | None = None,
    on_upgrade: Callable[[], None] | None = None,
) -> Library:
    """Open (creating if needed) the library at ``url`` and migrate it to the newest schema.

    An existing SQLite library is backed up into its ``backups`` folder before its schema
    changes (``backups=False`` skips that, for throw-away libraries). ``user`` names who works
    (default: ``BRIEFING_READER_USER`` or the login name). ``on_upgrade`` is called first when
    an existing library's schema is about to change (a large library takes minutes: say so).
    """
    engine = create_engine_for(url, busy_timeout_ms=busy_timeout_ms)
    try:
        upgrading = needs_upgrade(engine)
        if upgrading and on_upgrade is not None:
            on_upgrade()
        if backups and engine.dialect.name == "sqlite" and upgrading:
            from desktop.storage.backup import backup_before_upgrade  # only when the schema changes

            backup_before_upgrade(engine)
        upgrade_to_head(engine)
        enable_wal(engine)
    except BaseException:
        engine.dispose()
        raise
    return Library(engine, user=user)

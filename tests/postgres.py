"""PostgreSQL for the tests: fresh databases on the throw-away server .ci/run starts, and the engine switch.

The server is named by the environment variable ``BRIEFING_TEST_POSTGRES`` (a URL of a
database the tests may create databases from); without it these tests are skipped.
``BRIEFING_TEST_ENGINE=postgresql`` runs the storage and command-line suites against that server:
every library a test opens (the ``db_url`` fixture, :func:`library_location`) is then a fresh
PostgreSQL database instead of a SQLite file; tests about the SQLite file itself are marked
:data:`sqlite_only` and skipped in that run.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import create_engine
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

ENV = "BRIEFING_TEST_POSTGRES"
ENGINE_ENV = "BRIEFING_TEST_ENGINE"
SERVER = os.environ.get(ENV, "")
ON_POSTGRES = os.environ.get(ENGINE_ENV, "sqlite").strip().lower() == "postgresql"
#: Set when the server is thrown away after the run (.ci/run): the test databases are then left to it.
THROWAWAY_ENV = "BRIEFING_TEST_POSTGRES_THROWAWAY"
needs_postgres = pytest.mark.skipif(not SERVER, reason=f"no PostgreSQL server ({ENV} not set)")
sqlite_only = pytest.mark.skipif(
    ON_POSTGRES, reason="about the SQLite library file itself (run with the SQLite engine)"
)
_created: dict[str, str] = {}


#: How an empty test database sorts text: by English rules (ICU), as a team's server typically does,
#: not in the byte order of a "C" cluster, so that a query relying on the collation is caught.
LANGUAGE_COLLATION = " TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'en-US'"


def create_database(template: str | None = None) -> str:
    """The URL of a new database, empty or a copy of ``template`` (dropped with :func:`drop_database`).

    An empty one sorts by English rules where the server has ICU (PostgreSQL 15 and newer), else by
    the cluster's default.
    """
    admin = create_engine(SERVER, isolation_level="AUTOCOMMIT")
    name = f"briefing_test_{uuid.uuid4().hex[:12]}"
    options = [f' TEMPLATE "{template}"'] if template else [LANGUAGE_COLLATION, ""]
    try:
        with admin.connect() as conn:
            for option in options:
                try:
                    conn.exec_driver_sql(f'CREATE DATABASE "{name}"{option}')
                    break
                except DBAPIError:
                    if option == options[-1]:
                        raise
    finally:
        admin.dispose()
    return make_url(SERVER).set(database=name).render_as_string(hide_password=False)


def _library_template() -> str:
    """A database migrated to the newest schema once per test run; libraries are copies of it (fast)."""
    if "" not in _created:
        from desktop.storage.db import open_library

        url = create_database()
        _created[""] = url
        open_library(url).close()
    return str(make_url(_created[""]).database)


def drop_database(url: str) -> None:
    """Drop the database ``url`` names (closing its connections)."""
    admin = create_engine(SERVER, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{make_url(url).database}" WITH (FORCE)')
    finally:
        admin.dispose()


@contextmanager
def fresh_database() -> Iterator[str]:
    """The URL of a new, empty database; dropped afterwards."""
    url = create_database()
    try:
        yield url
    finally:
        drop_database(url)


def library_location(path: Path | str) -> str:
    """Where a test's library lives: ``path`` itself, or (PostgreSQL run) one fresh database per path."""
    if not ON_POSTGRES:
        return str(path)
    if not SERVER:
        pytest.skip(f"{ENGINE_ENV}=postgresql but no PostgreSQL server ({ENV} not set)")
    key = str(path)
    if key not in _created:
        _created[key] = create_database(template=_library_template())
    return _created[key]


@atexit.register
def _drop_created() -> None:
    if os.environ.get(THROWAWAY_ENV):  # the whole cluster is removed: dropping each database is wasted time
        return
    for url in reversed(_created.values()):
        with contextlib.suppress(Exception):  # the server may be gone; its cluster is thrown away anyway
            drop_database(url)

"""A fresh PostgreSQL database per test, on the throw-away server .ci/run starts.

The server is named by the environment variable ``BRIEFING_TEST_POSTGRES`` (a URL of a
database the tests may create databases from); without it these tests are skipped.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import create_engine
from sqlalchemy.engine import make_url

ENV = "BRIEFING_TEST_POSTGRES"
SERVER = os.environ.get(ENV, "")
needs_postgres = pytest.mark.skipif(not SERVER, reason=f"no PostgreSQL server ({ENV} not set)")


@contextmanager
def fresh_database() -> Iterator[str]:
    """The URL of a new, empty database; dropped afterwards."""
    admin = create_engine(SERVER, isolation_level="AUTOCOMMIT")
    name = f"briefing_test_{uuid.uuid4().hex[:12]}"
    try:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
        yield make_url(SERVER).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()

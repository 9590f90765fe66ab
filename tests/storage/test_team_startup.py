"""Opening a team library that cannot be used: one clear sentence, no password shown, nothing changed."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from desktop.storage.db import _explain_server_error, open_library
from desktop.storage.errors import MigrationError, StorageError
from tests.postgres import fresh_database, needs_postgres

ROOT = Path(__file__).resolve().parents[2]


def cli(url: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "BRIEFING_READER_DB": url, "PYTHONUTF8": "1"}
    env.pop("BRIEFING_READER_DEBUG", None)
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=240,
    )


@pytest.mark.skipif(
    importlib.util.find_spec("psycopg") is None, reason="needs the postgres extra (psycopg) to reach a server"
)
def test_a_server_that_is_down_is_named_without_the_password() -> None:
    url = "postgresql+psycopg://analyst:s3cret-pw@127.0.0.1:1/briefing"
    with pytest.raises(StorageError, match="not reachable") as raised:
        open_library(url)
    assert "s3cret" not in str(raised.value)
    done = cli(url, "articles")
    assert done.returncode == 1 and len(done.stderr.strip().splitlines()) == 1
    assert "not reachable" in done.stderr and "s3cret" not in done.stderr and "Traceback" not in done.stderr


def test_a_refused_login_is_one_sentence() -> None:
    url = make_url("postgresql+psycopg://analyst:s3cret-pw@db.example/briefing")
    raw = 'connection failed: FATAL:  password authentication failed for user "analyst"\n'
    message = str(_explain_server_error(raw, url))
    assert "refused the user name or password" in message and "s3cret" not in message and "\n" not in message


@needs_postgres
def test_a_missing_database_is_named() -> None:
    with fresh_database() as url:
        missing = make_url(url).set(database="briefing_no_such_library").render_as_string(hide_password=False)
        with pytest.raises(StorageError, match="'briefing_no_such_library' does not exist"):
            open_library(missing)
        done = cli(missing, "articles")
        assert done.returncode == 1 and "does not exist" in done.stderr
        assert len(done.stderr.strip().splitlines()) == 1


@needs_postgres
def test_a_schema_newer_than_the_app_is_refused_and_left_alone() -> None:
    with fresh_database() as url:
        open_library(url).close()
        engine = create_engine(url)
        try:
            with engine.begin() as conn:
                conn.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
                tables = set(
                    conn.execute(
                        text("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
                    ).scalars()
                )
            with pytest.raises(MigrationError, match="newer version"):
                open_library(url)
            done = cli(url, "articles")
            assert done.returncode == 1 and "newer version" in done.stderr
            assert len(done.stderr.strip().splitlines()) == 1
            with engine.connect() as conn:
                assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == "9999_future"
                after = set(
                    conn.execute(
                        text("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
                    ).scalars()
                )
            assert after == tables
        finally:
            engine.dispose()

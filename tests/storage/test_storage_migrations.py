"""Schema migrations: empty -> head, no drift between models and migrations, version checks."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from desktop.storage.base import Base
from desktop.storage.db import Library, create_engine_for, open_library
from desktop.storage.errors import MigrationError, StorageError
from desktop.storage.migrate import (
    FTS_TABLE_RE,
    alembic_config,
    current_revisions,
    head_revisions,
    include_name,
    upgrade_to_head,
)
from tests.postgres import sqlite_only

FTS_TABLES = {
    "articles_fts",
    "articles_fts_data",
    "articles_fts_idx",
    "articles_fts_content",
    "articles_fts_docsize",
    "articles_fts_config",
}


def test_head_is_the_newest_revision() -> None:
    assert head_revisions() == ("0012_actor_days_clustered",)


@sqlite_only
def test_upgrade_from_empty_database_to_head(db_url: str) -> None:
    engine = create_engine_for(db_url)
    try:
        with engine.connect() as conn:
            assert current_revisions(conn) == ()
        upgrade_to_head(engine)
        with engine.connect() as conn:
            assert current_revisions(conn) == head_revisions()
        tables = set(inspect(engine).get_table_names())
        assert set(Base.metadata.tables) <= tables
        assert tables >= FTS_TABLES
    finally:
        engine.dispose()


def test_models_match_migrations(library: Library) -> None:
    with library.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_name": include_name, "compare_type": True})
        assert compare_metadata(context, Base.metadata) == []


def test_include_name_filters_only_fts_tables() -> None:
    for name in FTS_TABLES:
        assert FTS_TABLE_RE.fullmatch(name)
        assert not include_name(name, "table", {})
    for name in Base.metadata.tables:
        assert include_name(name, "table", {})
    assert include_name("articles_fts", "column", {})


def test_reopening_is_idempotent(db_url: str) -> None:
    for _ in range(2):
        lib = open_library(db_url)
        with lib.engine.connect() as conn:
            assert current_revisions(conn) == head_revisions()
        lib.close()


@sqlite_only
def test_downgrade_to_base_and_upgrade_again(library: Library) -> None:
    with library.engine.begin() as conn:
        command.downgrade(alembic_config(conn), "base")
    assert set(inspect(library.engine).get_table_names()) <= {"alembic_version"}
    upgrade_to_head(library.engine)
    assert set(inspect(library.engine).get_table_names()) >= FTS_TABLES


def test_database_from_newer_app_version_is_refused(library: Library, db_url: str) -> None:
    with library.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    library.close()
    with pytest.raises(MigrationError, match="newer version") as info:
        open_library(db_url)
    assert isinstance(info.value, StorageError)


def test_offline_sql_generation_skips_fts(capsys: pytest.CaptureFixture[str]) -> None:
    config = alembic_config()
    config.set_main_option("sqlalchemy.url", "postgresql://")
    command.upgrade(config, "head", sql=True)
    out = capsys.readouterr().out
    assert "CREATE TABLE articles" in out
    assert "fts5" not in out


@sqlite_only
def test_foreign_sqlite_database_is_refused(db_path: Path, db_url: str) -> None:
    with sqlite3.connect(db_path) as raw:
        raw.execute("CREATE TABLE other_program_data (x INTEGER)")
    raw.close()
    with pytest.raises(MigrationError, match="another program"):
        open_library(db_url)
    with sqlite3.connect(db_path) as raw:
        names = {row[0] for row in raw.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    raw.close()
    assert names == {"other_program_data"}


@sqlite_only
def test_only_an_upgrade_of_an_existing_library_is_announced(db_path: Path, db_url: str) -> None:
    calls: list[str] = []
    open_library(db_url, on_upgrade=lambda: calls.append("new")).close()  # created: nothing to say
    open_library(db_url, on_upgrade=lambda: calls.append("current")).close()
    assert calls == []
    engine = create_engine_for(db_url)
    with engine.begin() as conn:
        command.downgrade(alembic_config(conn), "0009_actor_roles")
    engine.dispose()
    library = open_library(db_url, backups=False, on_upgrade=lambda: calls.append("older"))
    with library.engine.connect() as conn:
        assert current_revisions(conn) == head_revisions()
    library.close()
    assert calls == ["older"]

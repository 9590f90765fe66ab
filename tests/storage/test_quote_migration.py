"""Migration 0002 on a library with data: new columns take defaults, nothing is lost either way."""

from __future__ import annotations

from alembic import command
from sqlalchemy import inspect, text

from desktop.storage.db import create_engine_for
from desktop.storage.migrate import alembic_config, upgrade_to_head
from tests.postgres import sqlite_only


def _at_initial_schema_with_data(db_url: str):  # type: ignore[no-untyped-def]
    engine = create_engine_for(db_url)
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), "0001_initial")
        conn.execute(
            text(
                "INSERT INTO articles (id, title, text, language, format, content_hash, imported_at) "
                "VALUES (1, 'Alt', 'Brandtner sprach.', 'de', 'txt', 'h1', '2025-01-01 00:00:00')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO actors (id, name, type, confirmed, created_at) "
                "VALUES (1, 'Brandtner', 'person', 0, '2025-01-01')"
            )
        )
        conn.execute(
            text(
                'INSERT INTO mentions (article_id, actor_id, start, "end", text, type) '
                "VALUES (1, 1, 0, 9, 'Brandtner', 'person')"
            )
        )
    return engine


@sqlite_only
def test_upgrade_keeps_rows_and_marks_them_for_reanalysis(db_url: str) -> None:
    engine = _at_initial_schema_with_data(db_url)
    try:
        upgrade_to_head(engine)
        with engine.connect() as conn:
            row = conn.execute(text("SELECT analysis_version, outlet FROM articles")).one()
            assert tuple(row) == (0, None)
            assert conn.execute(text("SELECT sentence, text FROM mentions")).one() == (None, "Brandtner")
            assert conn.execute(text("SELECT count(*) FROM quotes")).scalar() == 0
        tables = set(inspect(engine).get_table_names())
        assert {"quotes", "quote_corrections"} <= tables
        indexes = {i["name"] for i in inspect(engine).get_indexes("mentions")}
        assert "ix_mentions_article_id_sentence" in indexes
    finally:
        engine.dispose()


@sqlite_only
def test_downgrade_to_initial_keeps_articles_and_mentions(db_url: str) -> None:
    engine = _at_initial_schema_with_data(db_url)
    try:
        upgrade_to_head(engine)
        with engine.connect() as conn:
            # as upgrade_to_head does: batch mode recreates tables, which must not cascade deletes
            raw = conn.connection.dbapi_connection
            assert raw is not None
            raw.execute("PRAGMA foreign_keys=OFF")
            with conn.begin():
                conn.execute(
                    text(
                        'INSERT INTO quotes (article_id, start, "end", kind, origin) '
                        "VALUES (1, 0, 9, 'direct', 'auto')"
                    )
                )
                command.downgrade(alembic_config(conn), "0001_initial")
            raw.execute("PRAGMA foreign_keys=ON")
        tables = set(inspect(engine).get_table_names())
        assert "quotes" not in tables and "quote_corrections" not in tables
        assert "analysis_version" not in {c["name"] for c in inspect(engine).get_columns("articles")}
        assert "sentence" not in {c["name"] for c in inspect(engine).get_columns("mentions")}
        with engine.connect() as conn:
            assert conn.execute(text("SELECT title FROM articles")).scalar() == "Alt"
            assert conn.execute(text("SELECT text FROM mentions")).scalar() == "Brandtner"
    finally:
        engine.dispose()

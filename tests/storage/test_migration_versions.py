"""Migration 0006: orphaned annotations of an older library keep their state; downgrade drops the versions."""

from __future__ import annotations

from alembic import command
from sqlalchemy import inspect, text

from desktop.storage.db import Library
from desktop.storage.migrate import alembic_config, upgrade_to_head


def test_upgrade_marks_old_orphans_and_downgrade_removes_versions(library: Library) -> None:
    with library.engine.begin() as conn:
        command.downgrade(alembic_config(conn), "0005_performance")
    assert "article_versions" not in inspect(library.engine).get_table_names()
    with library.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO articles (id, title, text, language, format, content_hash, imported_at) "
                "VALUES (1, 'T', 'Body text', 'de', 'txt', 'h1', '2026-01-01 00:00:00')"
            )
        )
        for n, orphaned in ((1, False), (2, True)):  # bound: a boolean on PostgreSQL, 0/1 on SQLite
            conn.execute(
                text(
                    'INSERT INTO annotations (id, uid, article_id, start, "end", exact, orphaned, '
                    "created_at, updated_at) "
                    "VALUES (:n, :uid, 1, 0, 4, 'Body', :o, '2026-01-01', '2026-01-01')"
                ),
                {"n": n, "uid": f"00000000-0000-4000-8000-00000000000{n}", "o": orphaned},
            )
    upgrade_to_head(library.engine)
    with library.engine.connect() as conn:
        states = dict(conn.execute(text("SELECT id, anchor_state FROM annotations")).all())
    assert states == {1: "exact", 2: "orphaned"}
    with library.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO article_versions (article_id, number, title, text, content_hash, imported_at, "
                "replaced_at) VALUES (1, 1, 'T', 'Old body', 'h0', '2026-01-01', '2026-01-02')"
            )
        )
        command.downgrade(alembic_config(conn), "0005_performance")
    assert "article_versions" not in inspect(library.engine).get_table_names()
    columns = {c["name"] for c in inspect(library.engine).get_columns("annotations")}
    assert "anchor_state" not in columns and "orphaned" in columns
    upgrade_to_head(library.engine)

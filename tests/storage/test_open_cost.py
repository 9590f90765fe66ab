"""Opening a library that is already current costs a small query: no Alembic, no whole-database check."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import event

from desktop.storage.db import Library, create_engine_for, open_library
from desktop.storage.integrity import check_library
from desktop.storage.migrate import (
    alembic_config,
    head_revisions,
    is_current,
    revision_graph,
    upgrade_to_head,
)
from tests.postgres import ON_POSTGRES

REPO = Path(__file__).resolve().parents[2]


def test_revisions_read_from_the_files_are_alembics() -> None:
    script = ScriptDirectory.from_config(alembic_config())
    assert head_revisions() == tuple(sorted(script.get_heads()))
    assert set(revision_graph()) == {r.revision for r in script.walk_revisions()}
    for revision in script.walk_revisions():
        assert revision_graph()[revision.revision] == tuple(revision._normalized_down_revisions)


def _statements(url: str, action: object) -> list[str]:
    engine = create_engine_for(url)
    seen: list[str] = []
    event.listen(engine, "before_cursor_execute", lambda _c, _cur, stmt, *_a: seen.append(stmt))
    try:
        assert callable(action)
        action(engine)
    finally:
        engine.dispose()
    return seen


def test_a_current_library_is_not_checked_at_open(library: Library, db_url: str) -> None:
    library.close()
    statements = _statements(db_url, upgrade_to_head)
    assert not any("foreign_key_check" in s or "integrity_check" in s for s in statements)
    assert len(statements) <= 3, statements


def test_a_fresh_database_is_migrated_and_checked(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'new.sqlite3'}"
    engine = create_engine_for(url)
    assert not is_current(engine)
    engine.dispose()
    statements = _statements(url, upgrade_to_head)
    assert any("foreign_key_check" in s for s in statements)
    engine = create_engine_for(url)
    assert is_current(engine)
    engine.dispose()


@pytest.mark.skipif(
    ON_POSTGRES, reason="PostgreSQL enforces foreign keys at every write: a broken reference cannot be stored"
)
def test_broken_references_are_found_by_check_not_by_opening(library: Library, db_url: str) -> None:
    with library.engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        assert raw is not None
        raw.execute("PRAGMA foreign_keys=OFF")
        raw.execute(
            "INSERT INTO actor_aliases (actor_id, alias, key, source) VALUES (4242, 'X', 'x', 'auto')"
        )
        raw.execute("PRAGMA foreign_keys=ON")
    library.close()
    reopened = open_library(db_url)
    try:
        report = check_library(reopened, repair=False)
    finally:
        reopened.close()
    assert not report.ok and report.foreign_keys == ["actor_aliases row 1 -> actors"]


def test_a_command_on_a_current_library_does_not_load_alembic(library: Library, db_url: str) -> None:
    library.close()
    code = (
        "import sys\n"
        "from desktop.cli import run_cli\n"
        f"status = run_cli(['--db', {db_url!r}, 'articles', '--json'])\n"
        "print(status, 'alembic' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert done.stdout.strip().splitlines()[-1] == "0 False", done.stdout + done.stderr

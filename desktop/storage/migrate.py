"""Programmatic Alembic: configuration without alembic.ini, upgrade to head, revision checks."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from sqlalchemy import Connection, Engine, inspect
from sqlalchemy.exc import DBAPIError, OperationalError

from desktop.storage.errors import LibraryLockedError, MigrationError, StorageError

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"

#: Tables that belong to SQLite FTS5 (the virtual table and its shadow tables): not in the models.
FTS_TABLE_RE = re.compile(r".*_fts(_(data|idx|content|docsize|config))?$")


def include_name(name: str | None, type_: str, parent_names: object) -> bool:
    """Alembic ``include_name`` hook: leave FTS5 tables out of autogenerate/compare."""
    return not (type_ == "table" and name is not None and FTS_TABLE_RE.fullmatch(name))


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic ``Config`` pointing at the packaged migrations, optionally bound to ``connection``."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("path_separator", "os")
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revisions() -> tuple[str, ...]:
    """The head revision id(s) shipped with this version of the app."""
    return tuple(ScriptDirectory.from_config(alembic_config()).get_heads())


def current_revisions(connection: Connection) -> tuple[str, ...]:
    """The revision id(s) recorded in the database (empty for a fresh database)."""
    return tuple(MigrationContext.configure(connection).get_current_heads())


def _check_known(revisions: Iterable[str]) -> None:
    script = ScriptDirectory.from_config(alembic_config())
    for rev in revisions:
        try:
            found = script.get_revision(rev)
        except CommandError:
            found = None
        if found is None:
            raise MigrationError(
                f"The library was written by a newer version of Briefing Reader (schema {rev!r}); "
                "please update the app."
            )


def needs_upgrade(engine: Engine) -> bool:
    """True when the database holds a known, older Briefing Reader schema (an upgrade would change it)."""
    try:
        with engine.connect() as conn:
            if "alembic_version" not in inspect(conn).get_table_names():
                return False
            current = current_revisions(conn)
    except DBAPIError:
        return False
    if not current or set(current) == set(head_revisions()):
        return False
    try:
        _check_known(current)
    except MigrationError:
        return False
    return True


def upgrade_to_head(engine: Engine) -> None:
    """Bring the database schema to the newest revision (no-op when already there).

    On SQLite, foreign keys are switched off while the migration runs (batch mode recreates
    tables) and the result is checked with ``PRAGMA foreign_key_check`` before committing.
    """
    is_sqlite = engine.dialect.name == "sqlite"
    try:
        with engine.connect() as conn:
            raw = conn.connection.dbapi_connection
            if is_sqlite and raw is not None:
                raw.execute("PRAGMA foreign_keys=OFF")
            try:
                with conn.begin():
                    current = current_revisions(conn)
                    _check_known(current)
                    if not current and set(inspect(conn).get_table_names()) - {"alembic_version"}:
                        raise MigrationError(
                            "This database belongs to another program (it has tables but is not a "
                            "Briefing Reader library); choose another file."
                        )
                    if set(current) != set(head_revisions()):
                        command.upgrade(alembic_config(conn), "head")
                    if is_sqlite:
                        problems = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                        if problems:
                            raise MigrationError(
                                f"Updating the library left {len(problems)} broken reference(s); "
                                "nothing was changed."
                            )
            finally:
                if is_sqlite and raw is not None:
                    raw.execute("PRAGMA foreign_keys=ON")
    except StorageError:
        raise
    except OperationalError as exc:
        if "locked" in str(exc.orig).lower():
            raise LibraryLockedError(
                "The library is busy in another window or program; close it and try again."
            ) from exc
        raise MigrationError(f"The library's schema could not be updated: {exc.orig}.") from exc
    except (DBAPIError, CommandError) as exc:
        detail = exc.orig if isinstance(exc, DBAPIError) else exc
        raise MigrationError(f"The library's schema could not be updated: {detail}.") from exc

"""Programmatic Alembic: configuration without alembic.ini, upgrade to head, revision checks.

Opening a library whose schema is already the newest costs one small query: the shipped
revisions are read from the migration files' text (no Alembic import, no compiling of the
scripts), and Alembic with its checks (``PRAGMA foreign_key_check``) runs only when the schema
actually changes.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect
from sqlalchemy import text as sql
from sqlalchemy.exc import DBAPIError, OperationalError, SAWarning

from desktop.storage.errors import LibraryLockedError, MigrationError, StorageError
from desktop.storage.revisions import MIGRATIONS_DIR, head_revisions, revision_graph

if TYPE_CHECKING:
    from alembic.config import Config

# The article list's indexes on expressions (migration 0008, lower(title) and the date) cannot be
# reflected on SQLite; batch migrations of tables pointing at ``articles`` reflect it and keep them.
EXPRESSION_INDEX_WARNING = "Skipped unsupported reflection of expression-based index"
warnings.filterwarnings("ignore", message=EXPRESSION_INDEX_WARNING, category=SAWarning)

#: Tables that belong to SQLite FTS5 (the virtual table and its shadow tables): not in the models.
FTS_TABLE_RE = re.compile(r".*_fts(_(data|idx|content|docsize|config))?$")


def include_name(name: str | None, type_: str, parent_names: object) -> bool:
    """Alembic ``include_name`` hook: leave FTS5 tables out of autogenerate/compare."""
    return not (type_ == "table" and name is not None and FTS_TABLE_RE.fullmatch(name))


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic ``Config`` pointing at the packaged migrations, optionally bound to ``connection``."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("path_separator", "os")
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def current_revisions(connection: Connection) -> tuple[str, ...]:
    """The revision id(s) recorded in the database (empty for a fresh database)."""
    if connection.dialect.name == "sqlite":  # one catalogue query, no reflection machinery
        found = connection.execute(
            sql("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'")
        ).first()
        if found is None:
            return ()
    elif not inspect(connection).has_table("alembic_version"):
        return ()
    return tuple(str(r[0]) for r in connection.execute(sql("SELECT version_num FROM alembic_version")))


def _check_known(revisions: Iterable[str]) -> None:
    known = revision_graph()
    for rev in revisions:
        if rev not in known:
            raise MigrationError(
                f"The library was written by a newer version of Briefing Reader (schema {rev!r}); "
                "please update the app."
            )


def _recorded(engine: Engine) -> tuple[str, ...] | None:
    """The recorded revisions, read without taking the write lock; None when they cannot be read."""
    from desktop.storage.db import BEGIN_OPTION

    try:
        with engine.connect() as conn:
            return current_revisions(conn.execution_options(**{BEGIN_OPTION: "DEFERRED"}))
    except DBAPIError:
        return None


def is_current(engine: Engine) -> bool:
    """True when the database records exactly the shipped head revision(s): nothing to migrate."""
    current = _recorded(engine)
    return bool(current) and set(current or ()) == set(head_revisions())


def needs_upgrade(engine: Engine) -> bool:
    """True when the database holds a known, older Briefing Reader schema (an upgrade would change it)."""
    current = _recorded(engine)
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
    A library already at the head is left alone after one small query (no whole-database check).
    """
    if is_current(engine):
        return
    from alembic import command
    from alembic.util.exc import CommandError

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
                    if set(current) == set(head_revisions()):
                        return  # another process finished the upgrade meanwhile
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

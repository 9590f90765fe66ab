"""Alembic environment for the Briefing Reader library (driven programmatically, no alembic.ini).

The caller passes an open SQLAlchemy connection in ``config.attributes["connection"]``
(see ``desktop.storage.migrate``); otherwise ``sqlalchemy.url`` from the config is used.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, create_engine, pool

from desktop.storage import models  # noqa: F401  (registers all tables on Base.metadata)
from desktop.storage.base import Base
from desktop.storage.migrate import include_name

config = context.config
target_metadata = Base.metadata

_OPTIONS: dict[str, object] = {
    "target_metadata": target_metadata,
    "render_as_batch": True,
    "include_name": include_name,
    "compare_type": True,
}


def run_migrations_offline() -> None:
    """Emit SQL to stdout instead of running it against a database."""
    context.configure(
        url=config.get_main_option("sqlalchemy.url"),
        literal_binds=True,
        dialect_opts={"paramstyle": "named"},
        **_OPTIONS,  # type: ignore[arg-type]
    )
    with context.begin_transaction():
        context.run_migrations()


def _run_with(connection: Connection) -> None:
    context.configure(connection=connection, **_OPTIONS)  # type: ignore[arg-type]
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    """Run migrations on the connection handed in by the caller, or on a fresh engine."""
    connection = config.attributes.get("connection")
    if connection is not None:
        _run_with(connection)
        return
    url = config.get_main_option("sqlalchemy.url")
    if not url:
        raise RuntimeError("No database connection or sqlalchemy.url given to the migrations.")
    engine = create_engine(url, poolclass=pool.NullPool)
    try:
        with engine.begin() as connection:
            _run_with(connection)
    finally:
        engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()

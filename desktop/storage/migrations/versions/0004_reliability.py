"""one view of the actors for concurrent writers: actors.change_seq kept by triggers

Revision ID: 0004_reliability
Revises: 0003_reading_state
Create Date: 2026-12-06

``actors.change_seq`` is a library-wide, increasing number stamped on an actor whenever it is
inserted or its name, type or confirmed flag changes, by whichever program writes. An importer
that holds an index of the actors in memory asks for the rows with a higher number at the
start of each write transaction and so sees actors created or renamed by other windows and
scripts (desktop.services.resolver.ActorResolver.refresh).

The stamps come from triggers (SQLite) or a trigger function with a sequence (PostgreSQL).
NOTE for later migrations: SQLite's batch mode re-creates a table and drops its triggers; a
migration that re-creates ``actors`` must create these triggers again (_create_triggers).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0004_reliability"
down_revision: str | Sequence[str] | None = "0003_reading_state"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_NEXT_SQLITE = "(SELECT coalesce(max(change_seq), 0) + 1 FROM actors)"


def _create_triggers() -> None:
    if op.get_context().dialect.name == "sqlite":
        op.execute(
            "CREATE TRIGGER actors_change_seq_insert AFTER INSERT ON actors BEGIN "
            f"UPDATE actors SET change_seq = {_NEXT_SQLITE} WHERE id = NEW.id; END"
        )
        op.execute(
            "CREATE TRIGGER actors_change_seq_update AFTER UPDATE OF name, type, confirmed ON actors BEGIN "
            f"UPDATE actors SET change_seq = {_NEXT_SQLITE} WHERE id = NEW.id; END"
        )
    elif op.get_context().dialect.name == "postgresql":
        op.execute("CREATE SEQUENCE actors_change_seq_counter")
        op.execute("SELECT setval('actors_change_seq_counter', (SELECT coalesce(max(id), 0) + 1 FROM actors))")
        op.execute(
            "CREATE FUNCTION actors_stamp_change() RETURNS trigger LANGUAGE plpgsql AS $$ "
            "BEGIN NEW.change_seq := nextval('actors_change_seq_counter'); RETURN NEW; END $$"
        )
        op.execute(
            "CREATE TRIGGER actors_change_seq BEFORE INSERT OR UPDATE OF name, type, confirmed ON actors "
            "FOR EACH ROW EXECUTE FUNCTION actors_stamp_change()"
        )


def _drop_triggers() -> None:
    if op.get_context().dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS actors_change_seq_insert")
        op.execute("DROP TRIGGER IF EXISTS actors_change_seq_update")
    elif op.get_context().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS actors_change_seq ON actors")
        op.execute("DROP FUNCTION IF EXISTS actors_stamp_change()")
        op.execute("DROP SEQUENCE IF EXISTS actors_change_seq_counter")


def upgrade() -> None:
    """Upgrade schema."""
    with op.batch_alter_table("actors") as batch:
        batch.add_column(sa.Column("change_seq", sa.Integer(), server_default="0", nullable=False))
        batch.create_index(batch.f("ix_actors_change_seq"), ["change_seq"], unique=False)
    op.execute("UPDATE actors SET change_seq = id")
    _create_triggers()


def downgrade() -> None:
    """Downgrade schema."""
    _drop_triggers()
    with op.batch_alter_table("actors") as batch:
        batch.drop_index(batch.f("ix_actors_change_seq"))
        batch.drop_column("change_seq")

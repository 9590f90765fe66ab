"""an actor's distinct roles found by index seeks: actor_roles indexed by (actor_id, role)

Revision ID: 0009_actor_roles
Revises: 0008_performance
Create Date: 2026-12-06

The library-wide actor list shows each actor's roles once, in the order they were first found. Without
this index that read every role row of the listed actors (one per article that names the role), which
grows with the library; with it the distinct roles are reached by one seek each (desktop.storage.roles).
"""

from collections.abc import Sequence

from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0009_actor_roles"
down_revision: str | Sequence[str] | None = "0008_performance"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_actor_roles_actor_id_role", "actor_roles", ["actor_id", "role"])


def downgrade() -> None:
    op.drop_index("ix_actor_roles_actor_id_role", table_name="actor_roles")

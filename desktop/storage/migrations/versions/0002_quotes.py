"""quotes, quote corrections, article outlet and metadata edits

Revision ID: 0002_quotes
Revises: 0001_initial
Create Date: 2026-12-06

Adds ``articles.outlet``: the publication's name (HTML site name, or set by the user).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0002_quotes"
down_revision: str | Sequence[str] | None = "0001_initial"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Upgrade schema."""
    with op.batch_alter_table("articles") as batch:
        batch.add_column(sa.Column("outlet", sa.String(length=200), nullable=True))


def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table("articles") as batch:
        batch.drop_column("outlet")

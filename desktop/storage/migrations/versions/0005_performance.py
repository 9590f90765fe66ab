"""maintained counts and indexes for large libraries (reserved, left empty: its work is in
0008_performance, so that libraries already past this revision get it too)

Revision ID: 0005_performance
Revises: 0004_reliability
Create Date: 2026-12-06
"""

from collections.abc import Sequence

# revision identifiers, used by Alembic.
revision: str = "0005_performance"
down_revision: str | Sequence[str] | None = "0004_reliability"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass

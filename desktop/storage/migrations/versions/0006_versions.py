"""article versions and anchor states (reserved; filled by the work that needs it)

Revision ID: 0006_versions
Revises: 0005_performance
Create Date: 2026-12-06
"""

from collections.abc import Sequence

# revision identifiers, used by Alembic.
revision: str = "0006_versions"
down_revision: str | Sequence[str] | None = "0005_performance"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass

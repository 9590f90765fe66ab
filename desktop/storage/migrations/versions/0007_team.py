"""authors, edit versions and database search for team libraries (reserved; filled by the work that needs it)

Revision ID: 0007_team
Revises: 0006_versions
Create Date: 2026-12-06
"""

from collections.abc import Sequence

# revision identifiers, used by Alembic.
revision: str = "0007_team"
down_revision: str | Sequence[str] | None = "0006_versions"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass

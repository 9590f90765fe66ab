"""reading state (read, starred, archived) and stemmed search

Revision ID: 0003_reading_state
Revises: 0002_quotes
Create Date: 2026-12-06

Reserved in the revision chain so that parallel work lands in a fixed order; filled in by
the change that needs it (an empty revision changes nothing).
"""

from collections.abc import Sequence

# revision identifiers, used by Alembic.
revision: str = "0003_reading_state"
down_revision: str | Sequence[str] | None = "0002_quotes"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Upgrade schema."""


def downgrade() -> None:
    """Downgrade schema."""

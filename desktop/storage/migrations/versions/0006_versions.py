"""article versions and anchor states

Revision ID: 0006_versions
Revises: 0005_performance
Create Date: 2026-12-06

Adds ``article_versions`` (the earlier texts of an article, kept when a changed copy arrives)
and, on ``annotations``, how the last re-anchoring placed each one: ``anchor_state`` (exact,
moved, fuzzy, orphaned; existing orphaned annotations become "orphaned"), ``anchor_score``
and ``previous_exact``.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0006_versions"
down_revision: str | Sequence[str] | None = "0005_performance"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_STATE_CHECK = "anchor_state IN ('exact', 'moved', 'fuzzy', 'orphaned')"


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        "article_versions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=500), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("source_url", sa.Text(), nullable=True),
        sa.Column("source_path", sa.Text(), nullable=True),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("replaced_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_article_versions_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_article_versions")),
        sa.UniqueConstraint("article_id", "number", name=op.f("uq_article_versions_article_id_number")),
    )
    op.create_index(
        op.f("ix_article_versions_content_hash"), "article_versions", ["content_hash"], unique=False
    )
    with op.batch_alter_table("annotations") as batch:
        batch.add_column(sa.Column("anchor_state", sa.String(length=8), server_default="exact", nullable=False))
        batch.add_column(sa.Column("anchor_score", sa.Float(), nullable=True))
        batch.add_column(sa.Column("previous_exact", sa.Text(), nullable=True))
        batch.create_check_constraint(op.f("ck_annotations_anchor_state"), _STATE_CHECK)
    op.execute("UPDATE annotations SET anchor_state = 'orphaned' WHERE orphaned")


def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table("annotations") as batch:
        batch.drop_constraint(op.f("ck_annotations_anchor_state"), type_="check")
        batch.drop_column("previous_exact")
        batch.drop_column("anchor_score")
        batch.drop_column("anchor_state")
    op.drop_index(op.f("ix_article_versions_content_hash"), table_name="article_versions")
    op.drop_table("article_versions")

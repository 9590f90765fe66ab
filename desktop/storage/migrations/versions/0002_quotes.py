"""quotes, quote corrections, article outlet and metadata edits

Revision ID: 0002_quotes
Revises: 0001_initial
Create Date: 2026-12-06

Adds ``articles.outlet``: the publication's name (HTML site name, or set by the user);
``articles.analysis_version`` (0 for every existing article: analysed before quotes and
sentence indices existed; ``briefing-reader reanalyze`` brings them up to date);
``mentions.sentence`` (the mention's sentence index, NULL until analysed, for sentence-level
co-occurrence); the ``quotes`` table and the user's ``quote_corrections``.
Nothing is backfilled: the new columns are NULL or take their server default.
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
        batch.add_column(sa.Column("analysis_version", sa.Integer(), server_default="0", nullable=False))
    with op.batch_alter_table("mentions") as batch:
        batch.add_column(sa.Column("sentence", sa.Integer(), nullable=True))
        batch.create_index("ix_mentions_article_id_sentence", ["article_id", "sentence"], unique=False)
    op.create_table(
        "quotes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("cue_start", sa.Integer(), nullable=True),
        sa.Column("cue_end", sa.Integer(), nullable=True),
        sa.Column("speaker_id", sa.Integer(), nullable=True),
        sa.Column("speaker_start", sa.Integer(), nullable=True),
        sa.Column("speaker_end", sa.Integer(), nullable=True),
        sa.Column("source", sa.String(length=200), nullable=True),
        sa.Column("origin", sa.String(length=8), server_default="auto", nullable=False),
        sa.CheckConstraint("kind IN ('direct', 'indirect')", name=op.f("ck_quotes_kind")),
        sa.CheckConstraint("origin IN ('auto', 'user')", name=op.f("ck_quotes_origin")),
        sa.ForeignKeyConstraint(
            ["article_id"], ["articles.id"], name=op.f("fk_quotes_article_id_articles"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["speaker_id"], ["actors.id"], name=op.f("fk_quotes_speaker_id_actors"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_quotes")),
    )
    op.create_index("ix_quotes_article_id_start", "quotes", ["article_id", "start"], unique=False)
    op.create_index(op.f("ix_quotes_speaker_id"), "quotes", ["speaker_id"], unique=False)
    op.create_table(
        "quote_corrections",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("exact", sa.Text(), nullable=False),
        sa.Column("action", sa.String(length=8), nullable=False),
        sa.Column("kind", sa.String(length=8), server_default="direct", nullable=False),
        sa.Column("speaker_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("action IN ('quote', 'reject')", name=op.f("ck_quote_corrections_action")),
        sa.CheckConstraint("kind IN ('direct', 'indirect')", name=op.f("ck_quote_corrections_kind")),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_quote_corrections_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["speaker_id"],
            ["actors.id"],
            name=op.f("fk_quote_corrections_speaker_id_actors"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_quote_corrections")),
        sa.UniqueConstraint(
            "article_id", "start", "end", name=op.f("uq_quote_corrections_article_id_start_end")
        ),
    )
    op.create_index(
        op.f("ix_quote_corrections_speaker_id"), "quote_corrections", ["speaker_id"], unique=False
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_index(op.f("ix_quote_corrections_speaker_id"), table_name="quote_corrections")
    op.drop_table("quote_corrections")
    op.drop_index(op.f("ix_quotes_speaker_id"), table_name="quotes")
    op.drop_index("ix_quotes_article_id_start", table_name="quotes")
    op.drop_table("quotes")
    with op.batch_alter_table("mentions") as batch:
        batch.drop_index("ix_mentions_article_id_sentence")
        batch.drop_column("sentence")
    with op.batch_alter_table("articles") as batch:
        batch.drop_column("analysis_version")
        batch.drop_column("outlet")

"""reading state (read, starred, archived) and stemmed search

Revision ID: 0003_reading_state
Revises: 0002_quotes
Create Date: 2026-12-06

Adds ``articles.read_at`` (NULL: unread), ``articles.starred`` and ``articles.archived``, an
index on ``articles.language`` (the search stems queries in the library's languages), and on
SQLite re-creates ``articles_fts`` with two more columns, ``title_stem`` and ``body_stem``
(Snowball stems in the article's language), filling it again from the articles in batches
through the app's one index writer (``desktop.storage.search.rebuild_index``).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import context, op

# revision identifiers, used by Alembic.
revision: str = "0003_reading_state"
down_revision: str | Sequence[str] | None = "0002_quotes"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_TOKENIZE = "tokenize = 'unicode61 remove_diacritics 2'"


def _sqlite_online() -> bool:
    return op.get_context().dialect.name == "sqlite" and not context.is_offline_mode()


def upgrade() -> None:
    """Upgrade schema."""
    with op.batch_alter_table("articles") as batch:
        batch.add_column(sa.Column("read_at", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("starred", sa.Boolean(), server_default=sa.false(), nullable=False))
        batch.add_column(sa.Column("archived", sa.Boolean(), server_default=sa.false(), nullable=False))
    op.create_index("ix_articles_language", "articles", ["language"], unique=False)
    if _sqlite_online():
        from desktop.storage.search import rebuild_index

        op.execute("DROP TABLE IF EXISTS articles_fts")
        op.execute(f"CREATE VIRTUAL TABLE articles_fts USING fts5(title, body, title_stem, body_stem, {_TOKENIZE})")
        rebuild_index(op.get_bind())


def downgrade() -> None:
    """Downgrade schema."""
    if _sqlite_online():
        op.execute("DROP TABLE IF EXISTS articles_fts")
        op.execute(f"CREATE VIRTUAL TABLE articles_fts USING fts5(title, body, {_TOKENIZE})")
        from desktop.core.textfold import fold

        bind = op.get_bind()
        rows = bind.execute(sa.text("SELECT id, title, text FROM articles")).all()
        insert = sa.text("INSERT INTO articles_fts (rowid, title, body) VALUES (:id, :title, :body)")
        for article_id, title, body in rows:
            bind.execute(insert, {"id": article_id, "title": fold(title), "body": fold(body)})
    op.drop_index("ix_articles_language", table_name="articles")
    with op.batch_alter_table("articles") as batch:
        batch.drop_column("archived")
        batch.drop_column("starred")
        batch.drop_column("read_at")

"""large libraries: actor_counts kept by triggers on mentions; indexes of the article list

After 0007_team so that libraries created while 0005_performance was an empty reserved revision
get the counts and indexes too (0005 stays a no-op).

Revision ID: 0008_performance
Revises: 0007_team
Create Date: 2026-12-06

``actor_counts`` holds, per actor, its number of mentions and of articles that mention it,
so that the library-wide actor list and the actor filter read one row per actor instead of
aggregating every mention. Triggers on ``mentions`` keep it exact whoever writes (import,
re-analysis, corrections, merges, deleting and restoring articles, cascades included);
``check`` compares it with the aggregate and rebuilds it (desktop.storage.counts).

Indexes on ``articles`` serve the library list's sorts (title, date), its reading states and
their counts, the articles still to re-analyse, and the lookups of a new version's article
(address, file, title and outlet), so none of them reads every article.

SQLite runs row triggers after each row; PostgreSQL's AFTER row triggers see the whole
statement's rows, so there the work is done in BEFORE row triggers, which see the rows the
statement processed before; a cascade from a deleted actor leaves its (cascaded) counts alone. NOTE for later migrations: SQLite's batch mode re-creates a table
and drops its triggers; a migration that re-creates ``mentions`` must call _create_triggers.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0008_performance"
down_revision: str | Sequence[str] | None = "0007_team"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _pair_exists(actor: str, article: str, other_than: str | None = None) -> str:
    extra = f" AND m.id <> {other_than}" if other_than else ""
    return f"EXISTS (SELECT 1 FROM mentions m WHERE m.actor_id = {actor} AND m.article_id = {article}{extra})"


def _sqlite_add(actor: str, article: str, row: str) -> str:
    first = f"CASE WHEN {_pair_exists(actor, article, row)} THEN 0 ELSE 1 END"
    return (
        f"INSERT INTO actor_counts (actor_id, mentions, articles) "
        f"SELECT {actor}, 1, {first} WHERE EXISTS (SELECT 1 FROM actors WHERE id = {actor}) "
        f"ON CONFLICT (actor_id) DO UPDATE SET mentions = mentions + 1, "
        f"articles = articles + excluded.articles;"
    )


def _sqlite_remove(actor: str, article: str) -> str:
    last = f"CASE WHEN {_pair_exists(actor, article)} THEN 0 ELSE 1 END"
    return (
        f"UPDATE actor_counts SET mentions = mentions - 1, articles = articles - {last} "
        f"WHERE actor_id = {actor};"
    )


_PG_FUNCTION = """
CREATE FUNCTION actor_counts_follow() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    UPDATE actor_counts SET mentions = mentions - 1,
      articles = articles - (CASE WHEN EXISTS (SELECT 1 FROM mentions m WHERE m.actor_id = OLD.actor_id
        AND m.article_id = OLD.article_id AND m.id <> OLD.id) THEN 0 ELSE 1 END)
    WHERE actor_id = OLD.actor_id AND EXISTS (SELECT 1 FROM actors WHERE id = OLD.actor_id);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    IF EXISTS (SELECT 1 FROM actors WHERE id = NEW.actor_id) THEN
      INSERT INTO actor_counts (actor_id, mentions, articles)
      VALUES (NEW.actor_id, 1, CASE WHEN EXISTS (SELECT 1 FROM mentions m WHERE m.actor_id = NEW.actor_id
        AND m.article_id = NEW.article_id AND m.id <> NEW.id) THEN 0 ELSE 1 END)
      ON CONFLICT (actor_id) DO UPDATE SET mentions = actor_counts.mentions + 1,
        articles = actor_counts.articles + excluded.articles;
    END IF;
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$
"""


def _create_triggers() -> None:
    dialect = op.get_context().dialect.name
    if dialect == "sqlite":
        op.execute(
            "CREATE TRIGGER mentions_count_insert AFTER INSERT ON mentions BEGIN "
            + _sqlite_add("NEW.actor_id", "NEW.article_id", "NEW.id")
            + " END"
        )
        op.execute(
            "CREATE TRIGGER mentions_count_delete AFTER DELETE ON mentions BEGIN "
            + _sqlite_remove("OLD.actor_id", "OLD.article_id")
            + " END"
        )
        op.execute(
            "CREATE TRIGGER mentions_count_update AFTER UPDATE OF actor_id, article_id ON mentions "
            "WHEN OLD.actor_id IS NOT NEW.actor_id OR OLD.article_id IS NOT NEW.article_id BEGIN "
            + _sqlite_remove("OLD.actor_id", "OLD.article_id")
            + _sqlite_add("NEW.actor_id", "NEW.article_id", "NEW.id")
            + " END"
        )
    elif dialect == "postgresql":
        op.execute(_PG_FUNCTION)
        op.execute(
            "CREATE TRIGGER mentions_count BEFORE INSERT OR DELETE ON mentions "
            "FOR EACH ROW EXECUTE FUNCTION actor_counts_follow()"
        )
        op.execute(
            "CREATE TRIGGER mentions_count_update BEFORE UPDATE OF actor_id, article_id ON mentions "
            "FOR EACH ROW WHEN (OLD.actor_id IS DISTINCT FROM NEW.actor_id "
            "OR OLD.article_id IS DISTINCT FROM NEW.article_id) EXECUTE FUNCTION actor_counts_follow()"
        )


def _drop_triggers() -> None:
    dialect = op.get_context().dialect.name
    if dialect == "sqlite":
        for name in ("mentions_count_insert", "mentions_count_delete", "mentions_count_update"):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    elif dialect == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS mentions_count ON mentions")
        op.execute("DROP TRIGGER IF EXISTS mentions_count_update ON mentions")
        op.execute("DROP FUNCTION IF EXISTS actor_counts_follow()")


_PG_DAY_FUNCTION = """
CREATE FUNCTION briefing_day(t timestamptz) RETURNS varchar LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD')::varchar $$
"""


def _create_article_indexes() -> None:
    """Indexes of the library list's sorts and states, and of the columns new versions are found by."""
    dialect = op.get_context().dialect.name
    op.create_index("ix_articles_title_lower", "articles", [sa.text("lower(title)")], unique=False)
    if dialect == "postgresql":
        op.execute(_PG_DAY_FUNCTION)  # the import date as the date sort has it, immutable for an index
        day = "briefing_day(imported_at)"
    else:
        day = "substr(imported_at, 1, 10)"
    date = sa.text(f"COALESCE(published, {day})")
    op.create_index("ix_articles_date", "articles", [date], unique=False)
    title = sa.text("lower(title)")
    op.create_index("ix_articles_archived_title_lower", "articles", ["archived", title], unique=False)
    op.create_index("ix_articles_archived_date", "articles", ["archived", date], unique=False)
    op.create_index("ix_articles_archived", "articles", ["archived"], unique=False)
    op.create_index("ix_articles_archived_read_at", "articles", ["archived", "read_at"], unique=False)
    op.create_index("ix_articles_starred", "articles", ["starred"], unique=False)
    op.create_index("ix_articles_analysis_version", "articles", ["analysis_version"], unique=False)
    # hash indexes on PostgreSQL: any length of address, path or title (a B-tree entry has a limit)
    for column in ("source_url", "source_path", "title"):
        op.create_index(f"ix_articles_{column}", "articles", [column], unique=False, postgresql_using="hash")


def _drop_article_indexes() -> None:
    dialect = op.get_context().dialect.name
    names = ["ix_articles_title_lower", "ix_articles_date", "ix_articles_archived_title_lower"]
    names += ["ix_articles_archived_date", "ix_articles_archived", "ix_articles_archived_read_at"]
    names += ["ix_articles_starred", "ix_articles_analysis_version", "ix_articles_source_url"]
    names += ["ix_articles_source_path", "ix_articles_title"]
    for name in names:  # IF EXISTS: SQLite's batch mode of a later downgrade re-creates the table
        op.execute(f"DROP INDEX IF EXISTS {name}")  # without the indexes on expressions
    if dialect == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS briefing_day(timestamptz)")


def upgrade() -> None:
    _create_article_indexes()
    op.create_table(
        "actor_counts",
        sa.Column("actor_id", sa.Integer(), nullable=False),
        sa.Column("mentions", sa.Integer(), server_default="0", nullable=False),
        sa.Column("articles", sa.Integer(), server_default="0", nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_id"], ["actors.id"], name=op.f("fk_actor_counts_actor_id_actors"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("actor_id", name=op.f("pk_actor_counts")),
    )
    op.create_index("ix_actor_counts_mentions", "actor_counts", ["mentions"], unique=False)
    op.create_index("ix_actor_counts_articles", "actor_counts", ["articles"], unique=False)
    op.create_index("ix_mentions_actor_id_article_id", "mentions", ["actor_id", "article_id"], unique=False)
    op.drop_index("ix_mentions_actor_id", table_name="mentions")
    op.execute(
        "INSERT INTO actor_counts (actor_id, mentions, articles) "
        "SELECT actor_id, count(*), count(DISTINCT article_id) FROM mentions GROUP BY actor_id"
    )
    _create_triggers()


def downgrade() -> None:
    _drop_triggers()
    _drop_article_indexes()
    op.create_index("ix_mentions_actor_id", "mentions", ["actor_id"], unique=False)
    op.drop_index("ix_mentions_actor_id_article_id", table_name="mentions")
    op.drop_index("ix_actor_counts_articles", table_name="actor_counts")
    op.drop_index("ix_actor_counts_mentions", table_name="actor_counts")
    op.drop_table("actor_counts")

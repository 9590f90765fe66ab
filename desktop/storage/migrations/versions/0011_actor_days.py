"""actor days: how many articles of each day mention an actor, kept by triggers on mentions and articles

Revision ID: 0011_actor_days
Revises: 0010_actor_pairs
Create Date: 2026-12-07

``actor_days`` holds, per actor and day, the number of articles of that day that mention the actor; the
day is the one a dossier dates an article by (its publication date, else the UTC day it was imported,
``undated`` then, as the date index has it). A dossier's timeline and its newest articles read these
rows instead of the dates of every article of the actor (a third of the library for the most named).

Triggers keep it exact whoever writes: on ``mentions`` (a mention that is the actor's first in its
article adds the article to its day, its last one removes it; an update of the actor or the article is a
removal and an insertion) and on ``articles`` (a changed date moves the article of each actor it names to
its new day; a deleted article leaves each of its actors' days before its mentions go by cascade, and
the mentions' trigger then finds no article and does nothing). Every statement leaves the mention itself
out by its id, so the same text is right in SQLite's AFTER row triggers and in PostgreSQL's BEFORE row
triggers (see 0008_performance and 0010_actor_pairs). ``check`` compares the rows with the aggregate and
rebuilds them (desktop.storage.actor_days).

The importer counts the days of the articles it has just created itself, in one statement per batch,
for the articles it lists in ``actor_pairs_writer`` (0010); the insert trigger leaves their mentions alone.

NOTE for later migrations: SQLite's batch mode re-creates a table and drops its triggers; a migration
that re-creates ``mentions`` or ``articles`` must call _create_triggers of this revision.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0011_actor_days"
down_revision: str | Sequence[str] | None = "0010_actor_pairs"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _day(row: str, dialect: str) -> str:
    """The article row's day as the date index writes it (0008_performance)."""
    imported = (
        f"briefing_day({row}.imported_at)" if dialect == "postgresql" else f"substr({row}.imported_at, 1, 10)"
    )
    return f"coalesce({row}.published, {imported})"


def _first_in_article(row: str) -> str:
    """The row's actor exists and has no other mention in the row's article."""
    return (
        f"EXISTS (SELECT 1 FROM actors WHERE actors.id = {row}.actor_id) AND NOT EXISTS (SELECT 1 FROM "
        f"mentions m WHERE m.actor_id = {row}.actor_id AND m.article_id = {row}.article_id AND m.id <> {row}.id)"
    )


def _mention_added(row: str, dialect: str) -> str:
    """The row's article counted on its day for the row's actor (when the row is the actor's first there)."""
    return (
        "INSERT INTO actor_days (actor_id, day, undated, articles) "
        f"SELECT {row}.actor_id, {_day('a', dialect)}, a.published IS NULL, 1 FROM articles a "
        f"WHERE a.id = {row}.article_id AND {_first_in_article(row)} "
        "ON CONFLICT (actor_id, day, undated) DO UPDATE SET articles = actor_days.articles + 1;"
    )


def _mention_removed(row: str, dialect: str) -> str:
    """The inverse of _mention_added; nothing when the article is gone (its own trigger did it). The day
    is looked up by key: an actor named in thousands of articles has thousands of days."""
    article = f"FROM articles a WHERE a.id = {row}.article_id"
    same_day = (
        f"actor_days.actor_id = {row}.actor_id AND actor_days.day = (SELECT {_day('a', dialect)} {article}) "
        f"AND actor_days.undated = (SELECT a.published IS NULL {article})"
    )
    return (
        f"UPDATE actor_days SET articles = actor_days.articles - 1 WHERE {same_day} AND {_first_in_article(row)}; "
        f"DELETE FROM actor_days WHERE {same_day} AND actor_days.articles <= 0;"
    )


def _article_actors(row: str) -> str:
    return f"SELECT m.actor_id FROM mentions m WHERE m.article_id = {row}.id"


def _article_removed(row: str, dialect: str) -> str:
    """The article taken off its day for every actor it mentions."""
    return (
        "UPDATE actor_days SET articles = actor_days.articles - 1 "
        f"WHERE actor_days.day = {_day(row, dialect)} AND actor_days.undated = ({row}.published IS NULL) "
        f"AND actor_days.actor_id IN ({_article_actors(row)}); "
        f"DELETE FROM actor_days WHERE actor_days.day = {_day(row, dialect)} AND actor_days.undated = "
        f"({row}.published IS NULL) AND actor_days.articles <= 0 AND actor_days.actor_id IN ({_article_actors(row)});"
    )


def _article_added(row: str, dialect: str) -> str:
    """The article put on its day for every (existing) actor it mentions."""
    return (
        "INSERT INTO actor_days (actor_id, day, undated, articles) "
        f"SELECT DISTINCT m.actor_id, {_day(row, dialect)}, {row}.published IS NULL, 1 "
        f"FROM mentions m JOIN actors ON actors.id = m.actor_id WHERE m.article_id = {row}.id "
        "ON CONFLICT (actor_id, day, undated) DO UPDATE SET articles = actor_days.articles + 1;"
    )


def _day_changed(dialect: str) -> str:
    differs = "IS DISTINCT FROM" if dialect == "postgresql" else "IS NOT"
    return (
        f"{_day('OLD', dialect)} {differs} {_day('NEW', dialect)} "
        f"OR (OLD.published IS NULL) {differs} (NEW.published IS NULL)"
    )


_NOT_BY_WRITER = (
    "NOT EXISTS (SELECT 1 FROM actor_pairs_writer WHERE actor_pairs_writer.article_id = NEW.article_id)"
)
_MENTION_COLUMNS = "actor_id, article_id"
_SQLITE_TRIGGERS = (
    "mentions_days_insert",
    "mentions_days_delete",
    "mentions_days_update",
    "articles_days_delete",
    "articles_days_update",
)


def _create_sqlite_triggers() -> None:
    d = "sqlite"
    op.execute(
        f"CREATE TRIGGER mentions_days_insert AFTER INSERT ON mentions WHEN {_NOT_BY_WRITER} "
        f"BEGIN {_mention_added('NEW', d)} END"
    )
    op.execute(
        f"CREATE TRIGGER mentions_days_delete AFTER DELETE ON mentions BEGIN {_mention_removed('OLD', d)} END"
    )
    op.execute(
        f"CREATE TRIGGER mentions_days_update AFTER UPDATE OF {_MENTION_COLUMNS} ON mentions "
        "WHEN OLD.actor_id IS NOT NEW.actor_id OR OLD.article_id IS NOT NEW.article_id "
        f"BEGIN {_mention_removed('OLD', d)} {_mention_added('NEW', d)} END"
    )
    op.execute(
        f"CREATE TRIGGER articles_days_delete BEFORE DELETE ON articles BEGIN {_article_removed('OLD', d)} END"
    )
    op.execute(
        "CREATE TRIGGER articles_days_update AFTER UPDATE OF published, imported_at ON articles "
        f"WHEN {_day_changed(d)} BEGIN {_article_removed('OLD', d)} {_article_added('NEW', d)} END"
    )


def _create_postgresql_triggers() -> None:
    d = "postgresql"
    op.execute(
        "CREATE FUNCTION actor_days_follow_mentions() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n"
        f"  IF TG_OP = 'INSERT' AND NOT ({_NOT_BY_WRITER}) THEN RETURN NEW; END IF;\n"
        f"  IF TG_OP IN ('DELETE', 'UPDATE') THEN {_mention_removed('OLD', d)} END IF;\n"
        f"  IF TG_OP IN ('INSERT', 'UPDATE') THEN {_mention_added('NEW', d)} END IF;\n"
        "  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;\n  RETURN NEW;\nEND $$"
    )
    op.execute(
        "CREATE TRIGGER mentions_days BEFORE INSERT OR DELETE ON mentions "
        "FOR EACH ROW EXECUTE FUNCTION actor_days_follow_mentions()"
    )
    op.execute(
        f"CREATE TRIGGER mentions_days_update BEFORE UPDATE OF {_MENTION_COLUMNS} ON mentions FOR EACH ROW "
        "WHEN (OLD.actor_id IS DISTINCT FROM NEW.actor_id OR OLD.article_id IS DISTINCT FROM NEW.article_id) "
        "EXECUTE FUNCTION actor_days_follow_mentions()"
    )
    op.execute(
        "CREATE FUNCTION actor_days_follow_articles() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n"
        f"  {_article_removed('OLD', d)}\n"
        f"  IF TG_OP = 'UPDATE' THEN {_article_added('NEW', d)} RETURN NEW; END IF;\n"
        "  RETURN OLD;\nEND $$"
    )
    op.execute(
        "CREATE TRIGGER articles_days_delete BEFORE DELETE ON articles "
        "FOR EACH ROW EXECUTE FUNCTION actor_days_follow_articles()"
    )
    op.execute(
        "CREATE TRIGGER articles_days_update BEFORE UPDATE OF published, imported_at ON articles "
        f"FOR EACH ROW WHEN ({_day_changed(d)}) EXECUTE FUNCTION actor_days_follow_articles()"
    )


def _create_triggers() -> None:
    dialect = op.get_context().dialect.name
    if dialect == "sqlite":
        _create_sqlite_triggers()
    elif dialect == "postgresql":
        _create_postgresql_triggers()


def _drop_triggers() -> None:
    dialect = op.get_context().dialect.name
    if dialect == "sqlite":
        for name in _SQLITE_TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    elif dialect == "postgresql":
        for name, table in [
            ("mentions_days", "mentions"),
            ("mentions_days_update", "mentions"),
            ("articles_days_delete", "articles"),
            ("articles_days_update", "articles"),
        ]:
            op.execute(f"DROP TRIGGER IF EXISTS {name} ON {table}")
        op.execute("DROP FUNCTION IF EXISTS actor_days_follow_mentions()")
        op.execute("DROP FUNCTION IF EXISTS actor_days_follow_articles()")


_BY_DATES = " INDEXED BY ix_articles_id_day"
"""The articles' dates read from the index that holds them (0010), not from the rows past their texts."""


def backfill(dialect: str) -> str:
    """Every actor's days, from the distinct (actor, article) pairs of the mentions of existing actors."""
    return (
        "INSERT INTO actor_days (actor_id, day, undated, articles) "
        f"SELECT pairs.actor_id, {_day('a', dialect)}, a.published IS NULL, count(*) "
        "FROM (SELECT DISTINCT mentions.actor_id AS actor_id, mentions.article_id AS article_id FROM mentions "
        "JOIN actors ON actors.id = mentions.actor_id) AS pairs "
        f"JOIN articles a{_BY_DATES if dialect == 'sqlite' else ''} ON a.id = pairs.article_id "
        f"GROUP BY pairs.actor_id, {_day('a', dialect)}, a.published IS NULL"
    )


def upgrade() -> None:
    op.create_table(
        "actor_days",
        sa.Column("actor_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.String(length=10), nullable=False),
        sa.Column("undated", sa.Boolean(), nullable=False),
        sa.Column("articles", sa.Integer(), server_default="0", nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_id"], ["actors.id"], name=op.f("fk_actor_days_actor_id_actors"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("actor_id", "day", "undated", name=op.f("pk_actor_days")),
    )
    op.execute(backfill(op.get_context().dialect.name))
    _create_triggers()


def downgrade() -> None:
    _drop_triggers()
    op.drop_table("actor_days")

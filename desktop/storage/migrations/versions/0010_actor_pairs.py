"""actor pairs: the sentences and articles two actors share, kept by triggers on mentions

Revision ID: 0010_actor_pairs
Revises: 0009_actor_roles
Create Date: 2026-12-07

``actor_pairs`` holds, per pair of actors named in the same sentence (``actor_a < actor_b``), the
number of distinct sentences they share and of articles those are in: the edges of the co-occurrence
networks and an actor's related actors, read by key instead of joining the mentions with themselves.
Triggers on ``mentions`` keep it exact whoever writes (import, re-analysis, corrections, merges,
deleting and restoring articles and actors, cascades included); ``check`` compares it with the
aggregate and rebuilds it (desktop.storage.pairs).

A mention of X in sentence S of article P changes the pairs only when it is X's first mention in
(P, S) (or, removed, its last): then each other actor Y named in (P, S) shares one sentence more (or
less) with X, and one article more (or less) when X and Y share no other sentence of P. Every
statement leaves the mention itself out by its id, so the same text is right in SQLite's AFTER row
triggers (the row written) and in PostgreSQL's BEFORE row triggers (the row not yet written, or an
update's old values still there; see 0008_performance for why PostgreSQL runs them before). An update
of a mention's actor, article or sentence is a removal and an insertion.

The importer counts the pairs of the articles it has just created itself, in one statement per batch
(desktop.storage.pairs.add_new_pairs): it lists them in ``actor_pairs_writer`` for the length of its
transaction, and the insert trigger leaves their mentions alone (nothing else is in those articles).

``ix_articles_id_day`` holds what a dossier reads of each of its actor's articles (the date and
the import time), so an actor named in a third of the library does not read a third of the texts.

NOTE for later migrations: SQLite's batch mode re-creates a table and drops its triggers; a migration
that re-creates ``mentions`` must call _create_triggers of this revision and of 0008_performance.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0010_actor_pairs"
down_revision: str | Sequence[str] | None = "0009_actor_roles"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _sentence_mates(row: str) -> str:
    """The actors of the other mentions in the row's sentence."""
    return (
        f"SELECT m.actor_id FROM mentions m WHERE m.article_id = {row}.article_id "
        f"AND m.sentence = {row}.sentence AND m.id <> {row}.id"
    )


def _alone_in_sentence(row: str) -> str:
    """The row has a sentence and its actor no other mention in it."""
    return (
        f"{row}.sentence IS NOT NULL AND NOT EXISTS (SELECT 1 FROM mentions m "
        f"WHERE m.article_id = {row}.article_id AND m.sentence = {row}.sentence "
        f"AND m.actor_id = {row}.actor_id AND m.id <> {row}.id)"
    )


def _share_another_sentence(row: str, other: str) -> str:
    """The row's actor and ``other`` are named together in another sentence of the row's article."""
    return (
        "EXISTS (SELECT 1 FROM mentions mx JOIN mentions my ON my.article_id = mx.article_id "
        f"AND my.sentence = mx.sentence WHERE mx.actor_id = {row}.actor_id AND mx.article_id = {row}.article_id "
        f"AND mx.sentence <> {row}.sentence AND mx.id <> {row}.id AND my.actor_id = {other} AND my.id <> {row}.id)"
    )


_ACTOR_EXISTS = "EXISTS (SELECT 1 FROM actors WHERE actors.id = {row}.actor_id)"
"""Mentions of an actor that is not there (a broken reference, or the actor being deleted) pair with none."""


def _add(row: str) -> str:
    """The row's sentence shared with each other actor in it (when the row's actor is new there)."""
    low = f"CASE WHEN o.actor_id < {row}.actor_id THEN o.actor_id ELSE {row}.actor_id END"
    high = f"CASE WHEN o.actor_id < {row}.actor_id THEN {row}.actor_id ELSE o.actor_id END"
    new_article = f"CASE WHEN {_share_another_sentence(row, 'o.actor_id')} THEN 0 ELSE 1 END"
    return (
        "INSERT INTO actor_pairs (actor_a, actor_b, sentences, articles) "
        f"SELECT {low}, {high}, 1, {new_article} "
        f"FROM (SELECT DISTINCT m.actor_id FROM mentions m JOIN actors ON actors.id = m.actor_id "
        f"WHERE m.article_id = {row}.article_id AND m.sentence = {row}.sentence "
        f"AND m.actor_id <> {row}.actor_id AND m.id <> {row}.id) AS o "
        f"WHERE {_ACTOR_EXISTS.format(row=row)} AND {_alone_in_sentence(row)} "
        "ON CONFLICT (actor_a, actor_b) DO UPDATE SET sentences = actor_pairs.sentences + 1, "
        "articles = actor_pairs.articles + excluded.articles;"
    )


def _pairs_of(row: str) -> str:
    """The pairs of the row's actor with the others in its sentence (when it was the actor's last there).

    None while the actor itself is being deleted: its pairs go by their own cascade (on PostgreSQL an
    update of such a row would fail its foreign key)."""
    mates = _sentence_mates(row)
    return (
        f"{_ACTOR_EXISTS.format(row=row)} AND {_alone_in_sentence(row)} AND ((actor_pairs.actor_a = {row}.actor_id AND actor_pairs.actor_b IN "
        f"({mates})) OR (actor_pairs.actor_b = {row}.actor_id AND actor_pairs.actor_a IN ({mates})))"
    )


def _remove(row: str) -> str:
    """The inverse of _add: one sentence less, one article less when it was their only one there."""
    partner = (
        f"CASE WHEN actor_pairs.actor_a = {row}.actor_id THEN actor_pairs.actor_b ELSE actor_pairs.actor_a END"
    )
    last_article = f"CASE WHEN {_share_another_sentence(row, partner)} THEN 0 ELSE 1 END"
    return (
        "UPDATE actor_pairs SET sentences = actor_pairs.sentences - 1, "
        f"articles = actor_pairs.articles - {last_article} WHERE {_pairs_of(row)}; "
        f"DELETE FROM actor_pairs WHERE actor_pairs.sentences <= 0 AND {_pairs_of(row)};"
    )


_CHANGED = ("actor_id", "article_id", "sentence")
_NOT_BY_WRITER = "NOT EXISTS (SELECT 1 FROM actor_pairs_writer WHERE actor_pairs_writer.article_id = NEW.article_id)"


def _create_triggers() -> None:
    dialect = op.get_context().dialect.name
    if dialect == "sqlite":
        op.execute(
            f"CREATE TRIGGER mentions_pairs_insert AFTER INSERT ON mentions WHEN {_NOT_BY_WRITER} "
            f"BEGIN {_add('NEW')} END"
        )
        op.execute(f"CREATE TRIGGER mentions_pairs_delete AFTER DELETE ON mentions BEGIN {_remove('OLD')} END")
        changed = " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in _CHANGED)
        op.execute(
            f"CREATE TRIGGER mentions_pairs_update AFTER UPDATE OF {', '.join(_CHANGED)} ON mentions "
            f"WHEN {changed} BEGIN {_remove('OLD')} {_add('NEW')} END"
        )
    elif dialect == "postgresql":
        op.execute(
            "CREATE FUNCTION actor_pairs_follow() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n"
            f"  IF TG_OP = 'INSERT' AND NOT ({_NOT_BY_WRITER}) THEN RETURN NEW; END IF;\n"
            f"  IF TG_OP IN ('DELETE', 'UPDATE') THEN {_remove('OLD')} END IF;\n"
            f"  IF TG_OP IN ('INSERT', 'UPDATE') THEN {_add('NEW')} END IF;\n"
            "  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;\n  RETURN NEW;\nEND $$"
        )
        op.execute(
            "CREATE TRIGGER mentions_pairs BEFORE INSERT OR DELETE ON mentions "
            "FOR EACH ROW EXECUTE FUNCTION actor_pairs_follow()"
        )
        changed = " OR ".join(f"OLD.{c} IS DISTINCT FROM NEW.{c}" for c in _CHANGED)
        op.execute(
            f"CREATE TRIGGER mentions_pairs_update BEFORE UPDATE OF {', '.join(_CHANGED)} ON mentions "
            f"FOR EACH ROW WHEN ({changed}) EXECUTE FUNCTION actor_pairs_follow()"
        )


def _drop_triggers() -> None:
    dialect = op.get_context().dialect.name
    if dialect == "sqlite":
        for name in ("mentions_pairs_insert", "mentions_pairs_delete", "mentions_pairs_update"):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    elif dialect == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS mentions_pairs ON mentions")
        op.execute("DROP TRIGGER IF EXISTS mentions_pairs_update ON mentions")
        op.execute("DROP FUNCTION IF EXISTS actor_pairs_follow()")


BACKFILL = (
    "INSERT INTO actor_pairs (actor_a, actor_b, sentences, articles) "
    "SELECT first.actor_id, second.actor_id, count(*), count(DISTINCT first.article_id) "
    "FROM occurrences AS first JOIN occurrences AS second ON second.article_id = first.article_id "
    "AND second.sentence = first.sentence AND second.actor_id > first.actor_id "
    "GROUP BY first.actor_id, second.actor_id"
)


def upgrade() -> None:
    op.create_table(
        "actor_pairs",
        sa.Column("actor_a", sa.Integer(), nullable=False),
        sa.Column("actor_b", sa.Integer(), nullable=False),
        sa.Column("sentences", sa.Integer(), server_default="0", nullable=False),
        sa.Column("articles", sa.Integer(), server_default="0", nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_a"], ["actors.id"], name=op.f("fk_actor_pairs_actor_a_actors"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["actor_b"], ["actors.id"], name=op.f("fk_actor_pairs_actor_b_actors"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("actor_a", "actor_b", name=op.f("pk_actor_pairs")),
    )
    op.create_index("ix_actor_pairs_actor_b", "actor_pairs", ["actor_b"], unique=False)
    op.create_table(
        "actor_pairs_writer",
        sa.Column("article_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.PrimaryKeyConstraint("article_id", name=op.f("pk_actor_pairs_writer")),
    )
    op.create_index("ix_articles_id_day", "articles", ["id", "published", "imported_at"], unique=False)
    occurrences = (
        "SELECT DISTINCT mentions.article_id AS article_id, mentions.sentence AS sentence, "
        "mentions.actor_id AS actor_id FROM mentions JOIN actors ON actors.id = mentions.actor_id "
        "WHERE mentions.sentence IS NOT NULL"
    )
    op.execute(f"WITH occurrences AS ({occurrences}) {BACKFILL}")
    _create_triggers()


def downgrade() -> None:
    _drop_triggers()
    op.drop_index("ix_articles_id_day", table_name="articles")
    op.drop_index("ix_actor_pairs_actor_b", table_name="actor_pairs")
    op.drop_table("actor_pairs_writer")
    op.drop_table("actor_pairs")

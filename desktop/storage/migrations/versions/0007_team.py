"""team libraries: authors and edit versions; database search on PostgreSQL

Revision ID: 0007_team
Revises: 0006_versions
Create Date: 2026-12-06

Every annotation, quote correction, rejection and import records who made it (``author``,
``imported_by``); an annotation carries a ``version`` that each saved edit raises, so that the
second of two conflicting edits is refused instead of overwriting the first.

On PostgreSQL the full-text index is ``articles_fts`` (the same name as SQLite's FTS5 table, and
like it outside the models): per article an ``exact`` vector of its unaccented words and a
``stems`` vector in the article language's configuration (German or English Snowball after
unaccent, else unaccented words), both weighted title A / body D, with GIN indexes. The function
``briefing_fts_index`` is the one writer, called by desktop.storage.search.index_article.
Changes to the tables the window shows send ``NOTIFY briefing_library`` with the writer's
application_name (desktop.services.library_watch listens, and skips its own library's).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0007_team"
down_revision: str | Sequence[str] | None = "0006_versions"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_WORD_TOKENS = "hword, hword_part, word, asciiword, asciihword, hword_asciipart"
_CONFIGS = (("briefing_simple", "simple", "simple"), ("briefing_de", "german", "german_stem"),
            ("briefing_en", "english", "english_stem"))

_UMLAUT_FUNCTION = """
CREATE FUNCTION briefing_umlauts(p text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT regexp_replace(regexp_replace(regexp_replace(p, '([^q])ue', '\\1ü', 'gi'), 'oe', 'ö', 'gi'),
                          'ae', 'ä', 'gi')
$$
"""

_INDEX_FUNCTION = """
CREATE FUNCTION briefing_fts_index(p_id integer, p_title text, p_body text, p_language text)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    cfg regconfig := CASE lower(left(coalesce(p_language, ''), 2))
        WHEN 'de' THEN 'briefing_de'::regconfig WHEN 'en' THEN 'briefing_en'::regconfig
        ELSE 'briefing_simple'::regconfig END;
    body text := coalesce(p_body, '');
    v_exact tsvector;
    v_stems tsvector;
BEGIN
    LOOP
        BEGIN
            v_exact := setweight(to_tsvector('briefing_simple', coalesce(p_title, '')), 'A')
                || setweight(to_tsvector('briefing_simple', body), 'D');
            v_stems := setweight(to_tsvector(cfg, coalesce(p_title, '')), 'A')
                || setweight(to_tsvector(cfg, body), 'D');
            IF cfg = 'briefing_de'::regconfig AND (p_title || body) ~* '(ae|oe|ue)' THEN
                -- Snowball's german2 rule (as PyStemmer on SQLite): ae, oe, ue (not after q) are umlauts
                v_stems := v_stems
                    || setweight(to_tsvector(cfg, briefing_umlauts(coalesce(p_title, ''))), 'A')
                    || setweight(to_tsvector(cfg, briefing_umlauts(body)), 'D');
            END IF;
            EXIT;
        EXCEPTION WHEN program_limit_exceeded THEN  -- beyond a tsvector's 1 MB: index the beginning
            body := left(body, length(body) / 2);
        END;
    END LOOP;
    INSERT INTO articles_fts (article_id, config, exact, stems) VALUES (p_id, cfg, v_exact, v_stems)
    ON CONFLICT (article_id) DO UPDATE
        SET config = EXCLUDED.config, exact = EXCLUDED.exact, stems = EXCLUDED.stems;
END $$
"""


#: Tables whose changes the window shows; a statement changing one tells listeners who changed it.
_WATCHED = ("articles", "annotations", "annotation_tags", "tags", "actors", "actor_aliases", "quotes",
            "quote_corrections", "entity_rejections")
_NOTIFY_FUNCTION = """
CREATE FUNCTION briefing_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('briefing_library', current_setting('application_name'));
    RETURN NULL;
END $$
"""


def _create_postgresql_notify() -> None:
    op.execute(_NOTIFY_FUNCTION)
    for table in _WATCHED:
        op.execute(f"CREATE TRIGGER {table}_notify AFTER INSERT OR UPDATE OR DELETE ON {table} "
                   "FOR EACH STATEMENT EXECUTE FUNCTION briefing_notify_change()")


def _drop_postgresql_notify() -> None:
    for table in _WATCHED:
        op.execute(f"DROP TRIGGER IF EXISTS {table}_notify ON {table}")
    op.execute("DROP FUNCTION IF EXISTS briefing_notify_change()")


def _create_postgresql_search() -> None:
    op.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
    for name, parser_copy, dictionary in _CONFIGS:
        op.execute(f"CREATE TEXT SEARCH CONFIGURATION {name} (COPY = pg_catalog.{parser_copy})")
        op.execute(f"ALTER TEXT SEARCH CONFIGURATION {name} ALTER MAPPING FOR {_WORD_TOKENS} "
                   f"WITH unaccent, {dictionary}")
    op.execute(
        "CREATE TABLE articles_fts (article_id integer PRIMARY KEY "
        "REFERENCES articles (id) ON DELETE CASCADE, config regconfig NOT NULL, "
        "exact tsvector NOT NULL, stems tsvector NOT NULL)"
    )
    op.execute("CREATE INDEX articles_fts_exact_gin ON articles_fts USING gin (exact)")
    op.execute("CREATE INDEX articles_fts_stems_gin ON articles_fts USING gin (stems)")
    op.execute(_UMLAUT_FUNCTION)
    op.execute(_INDEX_FUNCTION)
    op.execute("SELECT briefing_fts_index(id, title, text, language) FROM articles")


def _drop_postgresql_search() -> None:
    op.execute("DROP FUNCTION IF EXISTS briefing_fts_index(integer, text, text, text)")
    op.execute("DROP FUNCTION IF EXISTS briefing_umlauts(text)")
    op.execute("DROP TABLE IF EXISTS articles_fts")
    for name, _parser, _dictionary in _CONFIGS:
        op.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name}")


def upgrade() -> None:
    """Upgrade schema."""
    with op.batch_alter_table("annotations") as batch:
        batch.add_column(sa.Column("author", sa.String(length=200), server_default="", nullable=False))
        batch.add_column(sa.Column("edited_by", sa.String(length=200), server_default="", nullable=False))
        batch.add_column(sa.Column("version", sa.Integer(), server_default="1", nullable=False))
        batch.create_index(batch.f("ix_annotations_author"), ["author"], unique=False)
    with op.batch_alter_table("articles") as batch:
        batch.add_column(sa.Column("imported_by", sa.String(length=200), server_default="", nullable=False))
        batch.create_index(batch.f("ix_articles_imported_by"), ["imported_by"], unique=False)
    with op.batch_alter_table("quote_corrections") as batch:
        batch.add_column(sa.Column("author", sa.String(length=200), server_default="", nullable=False))
    with op.batch_alter_table("entity_rejections") as batch:
        batch.add_column(sa.Column("author", sa.String(length=200), server_default="", nullable=False))
    if op.get_context().dialect.name == "postgresql":
        _create_postgresql_search()
        _create_postgresql_notify()


def downgrade() -> None:
    """Downgrade schema."""
    if op.get_context().dialect.name == "postgresql":
        _drop_postgresql_notify()
        _drop_postgresql_search()
    with op.batch_alter_table("entity_rejections") as batch:
        batch.drop_column("author")
    with op.batch_alter_table("quote_corrections") as batch:
        batch.drop_column("author")
    with op.batch_alter_table("articles") as batch:
        batch.drop_index(batch.f("ix_articles_imported_by"))
        batch.drop_column("imported_by")
    with op.batch_alter_table("annotations") as batch:
        batch.drop_index(batch.f("ix_annotations_author"))
        batch.drop_column("version")
        batch.drop_column("edited_by")
        batch.drop_column("author")

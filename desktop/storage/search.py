"""Full-text search over articles: SQLite FTS5 on folded text and word stems, PostgreSQL's text search
(desktop.storage.search_pg), a Python scan elsewhere.

``articles_fts`` (created by the migrations on SQLite) stores, with ``rowid = articles.id``,
``fold(title)`` and ``fold(text)`` for exact matches and the folded Snowball stems of both in
the article's language (``title_stem``, ``body_stem``) for other word forms. It is maintained
by explicit calls to :func:`index_article` / :func:`unindex_article` (no triggers), so callers
that add, change or delete an article must call them in the same transaction.
The query syntax is :mod:`desktop.core.query`'s.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, select
from sqlalchemy import text as sql
from sqlalchemy.orm import Session

from desktop.core.query import Matcher, Query, Term
from desktop.core.stemming import stem_text
from desktop.core.textfold import fold
from desktop.storage import search_pg
from desktop.storage.models import Article
from desktop.storage.search_query import (
    LANGUAGES_SQL,
    MAX_QUERY_CHARS,
    MAX_QUERY_WORDS,
    SearchQueryError,
    checked_query,
    exact_match_expression,
    fts_match_expression,
    stemmed_languages,
)
from desktop.storage.search_sqlite import (
    BODY_WEIGHT,
    ELLIPSIS,
    RANK_CANDIDATES,
    SNIPPET_WORDS,
    SNIPPET_WORDS_BEFORE,
    TITLE_WEIGHT,
    Execute,
    SearchHit,
    Snippet,
    Spans,
    hit,
    make_snippet,
    search_library,
)

__all__ = [
    "BODY_WEIGHT",
    "ELLIPSIS",
    "MAX_QUERY_CHARS",
    "MAX_QUERY_WORDS",
    "RANK_CANDIDATES",
    "SNIPPET_WORDS",
    "SNIPPET_WORDS_BEFORE",
    "TITLE_WEIGHT",
    "IndexEntry",
    "IndexFields",
    "SearchHit",
    "SearchQueryError",
    "Snippet",
    "Spans",
    "checked_query",
    "exact_match_expression",
    "fts_match_expression",
    "hit_snippets",
    "index_article",
    "index_articles",
    "index_fields",
    "library_languages",
    "make_snippet",
    "rebuild_index",
    "search_articles",
    "unindex_article",
]

REINDEX_BATCH = 200


def _dialect_name(session_or_conn: Session | Connection) -> str:
    if isinstance(session_or_conn, Session):
        return session_or_conn.get_bind().dialect.name
    return session_or_conn.dialect.name


# --------------------------------------------------------------------------- indexing


IndexFields = dict[str, str]
"""The columns of one article's index entry (pure text work, computable anywhere)."""


def index_fields(title: str, text: str, language: str | None) -> IndexFields:
    """What :func:`index_article` stores for an article: folded text and stems of title and body."""
    return {
        "title": fold(title),
        "body": fold(text),
        "title_stem": stem_text(title, language),
        "body_stem": stem_text(text, language),
    }


def index_article(
    session_or_conn: Session | Connection,
    article_id: int,
    title: str,
    text: str,
    *,
    language: str | None = None,
    fields: IndexFields | None = None,
) -> None:
    """Add or replace the article's entry in the full-text index (FTS5, or PostgreSQL's articles_fts).

    ``language`` chooses the stemmer; without it the article's stored language is used.
    ``fields`` are the entry's columns when already computed (:func:`index_fields`, by an import worker).
    """
    dialect = _dialect_name(session_or_conn)
    if dialect not in ("sqlite", "postgresql"):
        return
    if language is None and (fields is None or dialect == "postgresql"):
        language = session_or_conn.execute(
            select(Article.language).where(Article.id == article_id)
        ).scalar_one_or_none()
    if dialect == "postgresql":
        search_pg.index_article(session_or_conn, article_id, title, text, language or "")
        return
    if fields is None:
        fields = index_fields(title, text, language)
    session_or_conn.execute(sql("DELETE FROM articles_fts WHERE rowid = :id"), {"id": article_id})
    session_or_conn.execute(
        sql(
            "INSERT INTO articles_fts (rowid, title, body, title_stem, body_stem) "
            "VALUES (:id, :title, :body, :title_stem, :body_stem)"
        ),
        {"id": article_id, **fields},
    )


@dataclass(frozen=True)
class IndexEntry:
    """One article for :func:`index_articles`: its text, language and (when computed) index fields."""

    article_id: int
    title: str
    text: str
    language: str | None
    fields: IndexFields | None = None


def index_articles(session_or_conn: Session | Connection, entries: Sequence[IndexEntry]) -> None:
    """Add or replace the index entries of several articles in one statement per step (an import batch)."""
    dialect = _dialect_name(session_or_conn)
    if not entries or dialect not in ("sqlite", "postgresql"):
        return
    if dialect == "postgresql":
        search_pg.index_articles(
            session_or_conn, [(e.article_id, e.title, e.text, e.language or "") for e in entries]
        )
        return
    rows = []
    for e in entries:
        fields = e.fields or index_fields(e.title, e.text, e.language)
        rows.append((e.article_id, *(fields[c] for c in ("title", "body", "title_stem", "body_stem"))))
    ids = [e.article_id for e in entries]
    connection = session_or_conn.connection() if isinstance(session_or_conn, Session) else session_or_conn
    for start in range(0, len(ids), _IN_CHUNK):
        chunk = ids[start : start + _IN_CHUNK]
        connection.exec_driver_sql(
            f"DELETE FROM articles_fts WHERE rowid IN ({','.join(str(int(i)) for i in chunk)})"
        )
    # the driver's executemany: SQLAlchemy's processing of each row's parameters costs as much as
    # a small article's indexing
    connection.exec_driver_sql(
        "INSERT INTO articles_fts (rowid, title, body, title_stem, body_stem) VALUES (?, ?, ?, ?, ?)", rows
    )


_IN_CHUNK = 500
"""Ids written into one ``IN (...)`` list."""


def unindex_article(session_or_conn: Session | Connection, article_id: int) -> None:
    """Remove the article from the full-text index."""
    if _dialect_name(session_or_conn) not in ("sqlite", "postgresql"):
        return
    if _dialect_name(session_or_conn) == "postgresql":
        session_or_conn.execute(sql("DELETE FROM articles_fts WHERE article_id = :id"), {"id": article_id})
        return
    session_or_conn.execute(sql("DELETE FROM articles_fts WHERE rowid = :id"), {"id": article_id})


def rebuild_index(
    session_or_conn: Session | Connection,
    *,
    batch: int = REINDEX_BATCH,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Re-create the whole full-text index from the articles table; returns the article count.

    Articles are read ``batch`` at a time (by id), so memory stays flat on big libraries;
    ``progress`` gets the running count after each batch.
    """
    if _dialect_name(session_or_conn) not in ("sqlite", "postgresql"):
        return 0
    session_or_conn.execute(sql("DELETE FROM articles_fts"))
    count, last_id = 0, 0
    while True:
        rows = session_or_conn.execute(
            select(Article.id, Article.title, Article.text, Article.language)
            .where(Article.id > last_id)
            .order_by(Article.id)
            .limit(batch)
        ).all()
        if not rows:
            return count
        for article_id, title, body, language in rows:
            index_article(session_or_conn, article_id, title, body, language=language)
        count += len(rows)
        last_id = rows[-1][0]
        if progress is not None:
            progress(count)


# --------------------------------------------------------------------------- queries


def library_languages(session: Session) -> list[str]:
    """Languages of the library's articles that have a stemmer (the query is stemmed in each).

    Read by skipping through the language index (one lookup per language), not over every article.
    """
    return stemmed_languages(session.scalars(sql(LANGUAGES_SQL)))


def search_articles(
    session: Session, query: str, limit: int = 50, *, snippets: int | None = None
) -> list[SearchHit]:
    """Articles matching ``query`` (case/diacritics-insensitive, stems too), best first.

    Hits with every word as typed come first, then those found through other word forms;
    within each, titles count ``TITLE_WEIGHT`` times the body (bm25). ``snippets``: only the best
    this many hits get their snippet (all when None), the others an empty one, which
    :func:`hit_snippets` makes when they are shown (a snippet reads and matches its article).
    Raises :class:`SearchQueryError` for queries beyond :data:`MAX_QUERY_CHARS` or
    :data:`MAX_QUERY_WORDS`.
    """
    if _dialect_name(session) == "sqlite":
        return search_library(_executor(session), query, limit, snippets=snippets, candidates=RANK_CANDIDATES)
    parsed = checked_query(query)
    if parsed.empty or limit <= 0:
        return []
    languages = library_languages(session)
    matcher = Matcher(parsed, languages)
    if _dialect_name(session) == "postgresql":
        shown = limit if snippets is None else max(0, snippets)
        found = search_pg.search(session, parsed, languages, limit, max(limit, RANK_CANDIDATES))
        return [
            hit(int(article_id), title, snippet, float(rank), bool(exact))
            for n, (article_id, title, rank, exact, text) in enumerate(found)
            for snippet in (make_snippet(text, matcher) if n < shown else Snippet(""),)
        ]
    return _scan_search(session, parsed, matcher, limit)


def _executor(session: Session) -> Execute:
    """Runs SQL text in ``session`` (for the engine-free search in desktop.storage.search_sqlite)."""
    return lambda statement, params: session.execute(sql(statement), params)


def _texts(ids: list[int]) -> Any:
    return select(Article.id, Article.title, Article.text).where(Article.id.in_(ids))


def hit_snippets(session: Session, query: str, ids: Iterable[int]) -> dict[int, Snippet]:
    """The snippets of these articles for ``query`` (as :func:`search_articles` makes them), by id;
    articles that no longer exist are left out."""
    parsed = checked_query(query)
    wanted = list(dict.fromkeys(ids))
    if parsed.empty or not wanted:
        return {}
    matcher = Matcher(parsed, library_languages(session))
    return {int(r.id): make_snippet(r.text, matcher) for r in session.execute(_texts(wanted))}


def _scan_search(session: Session, parsed: Query, matcher: Matcher, limit: int) -> list[SearchHit]:
    """Slow but correct fallback for databases without FTS5: fold and match every article."""
    exact = Matcher(Query(tuple(tuple(_no_stems(t) for t in g) for g in parsed.groups), parsed.excluded))
    scored: list[tuple[bool, float, int, str, str]] = []
    rows = session.execute(select(Article.id, Article.title, Article.text)).yield_per(200)
    for article_id, title, body in rows:
        folded_title, folded_body = fold(title), fold(body)
        both = folded_title + "\n" + folded_body
        if not matcher.matches_folded(both):
            continue
        score = TITLE_WEIGHT * len(matcher.spans(title)) + BODY_WEIGHT * len(matcher.spans(body))
        scored.append((exact.matches_folded(both), score, article_id, title, body))
    scored.sort(key=lambda item: (not item[0], -item[1], item[2]))
    return [hit(i, t, make_snippet(b, matcher), s, e) for e, s, i, t, b in scored[:limit]]


def _no_stems(term: Term) -> Term:
    return Term(term.tokens, term.words, term.prefix, phrase=True) if term.stemmable else term

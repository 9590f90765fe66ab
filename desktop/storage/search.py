"""Full-text search over articles: SQLite FTS5 on folded text, a Python scan elsewhere.

``articles_fts`` (created by the first migration on SQLite) stores ``fold(title)`` and
``fold(text)`` with ``rowid = articles.id``. It is maintained by explicit calls to
:func:`index_article` / :func:`unindex_article` (no triggers), so callers that add, change
or delete an article must call them in the same transaction.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from sqlalchemy import Connection, select
from sqlalchemy import text as sql
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from desktop.core.textfold import fold, fold_with_offsets
from desktop.storage.models import Article

TITLE_WEIGHT = 10.0
BODY_WEIGHT = 1.0
SNIPPET_WORDS = 20
SNIPPET_WORDS_BEFORE = 7
OPEN_MARK, CLOSE_MARK, ELLIPSIS = "«", "»", "…"

_WORD = re.compile(r"[^\W_]+")
_WORD_CHAR = r"[^\W_]"


@dataclass(frozen=True)
class SearchHit:
    """One article found by a search; ``score`` is higher for better matches."""

    id: int
    title: str
    snippet: str
    score: float


@dataclass(frozen=True)
class _Term:
    tokens: tuple[str, ...]  # folded word tokens (a phrase when several)
    prefix: bool  # trailing * : the last token is a prefix


def _dialect_name(session_or_conn: Session | Connection) -> str:
    if isinstance(session_or_conn, Session):
        return session_or_conn.get_bind().dialect.name
    return session_or_conn.dialect.name


# --------------------------------------------------------------------------- indexing


def index_article(session_or_conn: Session | Connection, article_id: int, title: str, text: str) -> None:
    """Add or replace the article's entry in the full-text index (no-op off SQLite)."""
    if _dialect_name(session_or_conn) != "sqlite":
        return
    session_or_conn.execute(sql("DELETE FROM articles_fts WHERE rowid = :id"), {"id": article_id})
    session_or_conn.execute(
        sql("INSERT INTO articles_fts (rowid, title, body) VALUES (:id, :title, :body)"),
        {"id": article_id, "title": fold(title), "body": fold(text)},
    )


def unindex_article(session_or_conn: Session | Connection, article_id: int) -> None:
    """Remove the article from the full-text index (no-op off SQLite)."""
    if _dialect_name(session_or_conn) != "sqlite":
        return
    session_or_conn.execute(sql("DELETE FROM articles_fts WHERE rowid = :id"), {"id": article_id})


def rebuild_index(session: Session) -> int:
    """Re-create the whole full-text index from the articles table; returns the article count."""
    if _dialect_name(session) != "sqlite":
        return 0
    session.execute(sql("DELETE FROM articles_fts"))
    count = 0
    for article_id, title, body in session.execute(select(Article.id, Article.title, Article.text)):
        index_article(session, article_id, title, body)
        count += 1
    return count


# --------------------------------------------------------------------------- queries


def _parse_query(query: str) -> list[_Term]:
    """Split a user query into folded word terms; everything that is not a word is dropped."""
    terms: list[_Term] = []
    for chunk in fold(query).split():
        tokens = tuple(_WORD.findall(chunk))
        if tokens:
            terms.append(_Term(tokens, prefix=chunk.endswith("*")))
    return terms


def fts_match_expression(query: str) -> str:
    """A safe FTS5 MATCH expression: each word a quoted phrase, ``*`` kept as prefix, AND between."""
    parts = []
    for term in _parse_query(query):
        phrase = '"' + " ".join(tok.replace('"', '""') for tok in term.tokens) + '"'
        parts.append(phrase + (" *" if term.prefix else ""))
    return " AND ".join(parts)


def _term_regex(terms: list[_Term]) -> re.Pattern[str]:
    alternatives = []
    for term in terms:
        for i, token in enumerate(term.tokens):
            tail = f"{_WORD_CHAR}*" if term.prefix and i == len(term.tokens) - 1 else f"(?!{_WORD_CHAR})"
            alternatives.append(f"(?<!{_WORD_CHAR}){re.escape(token)}{tail}")
    return re.compile("|".join(alternatives))


def search_articles(session: Session, query: str, limit: int = 50) -> list[SearchHit]:
    """Articles matching every word of ``query`` (case/diacritics-insensitive), best first."""
    terms = _parse_query(query)
    if not terms or limit <= 0:
        return []
    pattern = _term_regex(terms)
    if _dialect_name(session) != "sqlite":
        return _scan_search(session, terms, pattern, limit)
    statement = sql(
        "SELECT a.id, a.title, a.text, bm25(articles_fts, :tw, :bw) AS rank "
        "FROM articles_fts JOIN articles AS a ON a.id = articles_fts.rowid "
        "WHERE articles_fts MATCH :match ORDER BY rank LIMIT :limit"
    )
    params = {"tw": TITLE_WEIGHT, "bw": BODY_WEIGHT, "match": fts_match_expression(query), "limit": limit}
    try:
        rows = session.execute(statement, params).all()
    except OperationalError as exc:  # defensive: the expression is built to be always valid
        if "fts5" in str(exc.orig).lower():
            return []
        raise
    return [SearchHit(r.id, r.title, make_snippet(r.text, pattern), -float(r.rank)) for r in rows]


def _scan_search(
    session: Session, terms: list[_Term], pattern: re.Pattern[str], limit: int
) -> list[SearchHit]:
    """Slow but correct fallback for databases without FTS5: fold and match every article."""
    term_patterns = [_term_regex([term]) for term in terms]
    scored: list[tuple[float, int, str, str]] = []
    rows = session.execute(select(Article.id, Article.title, Article.text)).yield_per(200)
    for article_id, title, body in rows:
        folded_title, folded_body = fold(title), fold(body)
        counts = []
        for tp in term_patterns:
            in_title, in_body = len(tp.findall(folded_title)), len(tp.findall(folded_body))
            counts.append(TITLE_WEIGHT * in_title + BODY_WEIGHT * in_body)
        if all(counts):
            scored.append((sum(counts), article_id, title, body))
    scored.sort(key=lambda item: (-item[0], item[1]))
    return [SearchHit(i, t, make_snippet(b, pattern), s) for s, i, t, b in scored[:limit]]


# --------------------------------------------------------------------------- snippets


def _match_spans(original: str, pattern: re.Pattern[str]) -> list[tuple[int, int]]:
    folded, offsets = fold_with_offsets(original)
    spans = []
    for m in pattern.finditer(folded):
        if m.end() > m.start():
            spans.append((offsets[m.start()], offsets[m.end() - 1] + 1))
    return spans


def make_snippet(original: str, pattern: re.Pattern[str] | str, words: int = SNIPPET_WORDS) -> str:
    """About ``words`` words of ``original`` around the first match, matches wrapped in « », with …"""
    if isinstance(pattern, str):
        terms = _parse_query(pattern)
        if not terms:
            return _cut(original, [], 0, words)
        pattern = _term_regex(terms)
    spans = _match_spans(original, pattern)
    return _cut(original, spans, spans[0][0] if spans else 0, words)


def _cut(original: str, spans: list[tuple[int, int]], anchor: int, words: int) -> str:
    bounds = [(m.start(), m.end()) for m in re.finditer(r"\S+", original)]
    if not bounds:
        return ""
    starts = [b[0] for b in bounds]
    at = max(0, bisect.bisect_right(starts, anchor) - 1)
    first = max(0, min(at - SNIPPET_WORDS_BEFORE, len(bounds) - words))
    last = min(len(bounds), first + words) - 1
    lo, hi = bounds[first][0], bounds[last][1]
    parts: list[str] = []
    pos = lo
    for start, end in spans:
        if start < pos or end > hi:
            continue
        parts.extend([original[pos:start], OPEN_MARK, original[start:end], CLOSE_MARK])
        pos = end
    parts.append(original[pos:hi])
    body = " ".join("".join(parts).split())
    return (f"{ELLIPSIS} " if first > 0 else "") + body + (f" {ELLIPSIS}" if last < len(bounds) - 1 else "")

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

import bisect
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, Select, select
from sqlalchemy import text as sql
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from desktop.core.query import Matcher, Query, Term, parse_query, term_stems
from desktop.core.stemming import has_stemmer, stem_text
from desktop.core.textfold import fold
from desktop.storage import search_pg
from desktop.storage.errors import StorageError
from desktop.storage.models import Article

TITLE_WEIGHT = 10.0
BODY_WEIGHT = 1.0
SNIPPET_WORDS = 20
SNIPPET_WORDS_BEFORE = 7
REINDEX_BATCH = 200
RANK_CANDIDATES = 2000
"""A query matching more articles is ranked among its newest this many (bounded time for common words)."""
ELLIPSIS = "…"
_WORD_RUN = re.compile(r"\S+")

_EXACT_COLUMNS = "{title body}"
_STEM_COLUMNS = "{title_stem body_stem}"

MAX_QUERY_CHARS = 500
"""Longest query accepted (a search box's worth; longer ones are pasted text, not a query)."""
MAX_QUERY_WORDS = 32
"""Most different words in a query: each is one more index lookup and one more highlight pattern."""


class SearchQueryError(StorageError):
    """A query too long or with too many words; ``message`` says which limit it exceeded."""


#: Where the query matched, as [start, end) positions (code points) in a snippet's text.
Spans = tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class Snippet:
    """Some words of an article around the first match, as plain text, with the matched words' positions.

    Positions, not marker characters: the text may hold any character (German quotes « » included).
    """

    text: str
    hits: Spans = ()


@dataclass(frozen=True)
class SearchHit:
    """One article found by a search; ``score`` is higher for better matches.

    ``exact`` is True when every searched word occurs as typed (case and accents aside);
    such hits come before those found only through other word forms. ``hits`` index ``snippet``.
    """

    id: int
    title: str
    snippet: str
    score: float
    exact: bool = True
    hits: Spans = ()


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
    rows = [{"id": e.article_id, **(e.fields or index_fields(e.title, e.text, e.language))} for e in entries]
    ids = [e.article_id for e in entries]
    for start in range(0, len(ids), _IN_CHUNK):
        chunk = ids[start : start + _IN_CHUNK]
        session_or_conn.execute(
            sql(f"DELETE FROM articles_fts WHERE rowid IN ({','.join(str(int(i)) for i in chunk)})")
        )
    session_or_conn.execute(
        sql(
            "INSERT INTO articles_fts (rowid, title, body, title_stem, body_stem) "
            "VALUES (:id, :title, :body, :title_stem, :body_stem)"
        ),
        rows,
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
    languages = session.scalars(
        sql(
            "WITH RECURSIVE seen(language) AS (SELECT MIN(language) FROM articles UNION ALL "
            "SELECT (SELECT MIN(a.language) FROM articles AS a WHERE a.language > seen.language) "
            "FROM seen WHERE seen.language IS NOT NULL) "
            "SELECT language FROM seen WHERE language IS NOT NULL"
        )
    )
    return sorted(lang for lang in languages if has_stemmer(lang))


def _phrase(tokens: Iterable[str], prefix: bool = False) -> str:
    return '"' + " ".join(tok.replace('"', '""') for tok in tokens) + '"' + (" *" if prefix else "")


def _term_expression(term: Term, languages: Iterable[str], *, exact_only: bool) -> str:
    forms = " OR ".join(_phrase(tokens, term.prefix) for tokens in term.spellings())
    exact = f"{_EXACT_COLUMNS} : ({forms})"
    stems = () if exact_only else term_stems(term, languages)
    if not stems:
        return exact
    return f"({exact} OR {_STEM_COLUMNS} : ({' OR '.join(_phrase((s,)) for s in stems)}))"


def _expression(query: Query, languages: Iterable[str], *, exact_only: bool) -> str:
    langs = list(languages)
    groups = []
    for group in query.groups:
        parts = [_term_expression(t, langs, exact_only=exact_only) for t in group]
        groups.append(parts[0] if len(parts) == 1 else "(" + " OR ".join(parts) + ")")
    if not groups:
        return ""
    expression = " AND ".join(groups)
    for term in query.excluded:
        expression = f"({expression}) NOT {_term_expression(term, (), exact_only=True)}"
    return expression


def checked_query(query: str) -> Query:
    """``query`` parsed, each repeated group or exclusion once; :class:`SearchQueryError` when it
    is longer than :data:`MAX_QUERY_CHARS` or has more than :data:`MAX_QUERY_WORDS` different words
    (a thousand repeated ``e*`` took 25 s)."""
    if len(query) > MAX_QUERY_CHARS:
        raise SearchQueryError(
            f"The search query has {len(query):,} characters; at most {MAX_QUERY_CHARS} are searched for. "
            "Search for a few distinctive words."
        )
    parsed = parse_query(query)
    parsed = Query(tuple(dict.fromkeys(parsed.groups)), tuple(dict.fromkeys(parsed.excluded)))
    words = len({token for term in [*parsed.terms(), *parsed.excluded] for token in term.tokens})
    if words > MAX_QUERY_WORDS:
        raise SearchQueryError(
            f"The search query has {words} different words; at most {MAX_QUERY_WORDS} are searched for. "
            "Search for a few distinctive words."
        )
    return parsed


def fts_match_expression(query: str, languages: Iterable[str] = ()) -> str:
    """A safe FTS5 MATCH expression: every word a quoted phrase, its stems in ``languages`` beside it."""
    return _expression(checked_query(query), languages, exact_only=False)


def exact_match_expression(query: str) -> str:
    """The MATCH expression without stems: the hits found as typed (ranked first)."""
    return _expression(checked_query(query), (), exact_only=True)


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
    parsed = checked_query(query)
    if parsed.empty or limit <= 0:
        return []
    languages = library_languages(session)
    matcher = Matcher(parsed, languages)
    shown = limit if snippets is None else max(0, snippets)

    def snippet(n: int, text: str) -> Snippet:
        return make_snippet(text, matcher) if n < shown else Snippet("")

    if _dialect_name(session) == "postgresql":
        found = search_pg.search(session, parsed, languages, limit, max(limit, RANK_CANDIDATES))
        return [
            _hit(int(article_id), title, snippet(n, text), float(rank), bool(exact))
            for n, (article_id, title, rank, exact, text) in enumerate(found)
        ]
    if _dialect_name(session) != "sqlite":
        return _scan_search(session, parsed, matcher, limit)
    # The newest RANK_CANDIDATES matches are found by walking the index backwards and scored there
    # (one pass over the index: a prefix's terms are merged once), then sorted: a query matching
    # more articles is ranked among its newest ones, so a common word costs what a rare one does.
    # Only the page's articles are read, and their snippets look at a window of each text.
    match = _expression(parsed, languages, exact_only=False)
    exact = _expression(parsed, (), exact_only=True)
    exact_test = (  # every word as typed; a query without stems (phrases, prefixes) always is
        "1"
        if exact == match
        else "id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH :exact "
        "AND rowid >= (SELECT min(id) FROM candidates))"
    )
    statement = sql(
        "WITH candidates AS (SELECT rowid AS id, bm25(articles_fts, :tw, :bw, :tw, :bw) AS rank "
        "FROM articles_fts WHERE articles_fts MATCH :match ORDER BY rowid DESC LIMIT :candidates) "
        f"SELECT id, rank, {exact_test} AS exact FROM candidates ORDER BY exact DESC, rank, id LIMIT :limit"
    )
    params = {
        "tw": TITLE_WEIGHT,
        "bw": BODY_WEIGHT,
        "match": match,
        "exact": exact,
        "candidates": max(limit, RANK_CANDIDATES),
        "limit": limit,
    }
    try:
        ranked = [(bool(r[2]), float(r[1]), int(r[0])) for r in session.execute(statement, params)]
    except OperationalError as exc:  # defensive: the expression is built to be always valid
        if "fts5" in str(exc.orig).lower():
            return []
        raise
    ids = [article_id for _exact, _rank, article_id in ranked]
    articles: dict[int, tuple[str, str]] = {}
    if ids[shown:]:  # hits without a snippet: their titles only
        articles.update((int(r.id), (r.title, "")) for r in session.execute(_titles(ids[shown:])))
    if ids[:shown]:
        articles.update((int(r.id), (r.title, r.text)) for r in session.execute(_texts(ids[:shown])))
    return [
        _hit(article_id, title, snippet(n, text), -rank, is_exact)
        for n, (is_exact, rank, article_id) in enumerate(ranked)
        if (entry := articles.get(article_id)) is not None
        for title, text in (entry,)
    ]


def _titles(ids: list[int]) -> Select[int, str]:
    return select(Article.id, Article.title).where(Article.id.in_(ids))


def _texts(ids: list[int]) -> Select[int, str, str]:
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
    return [_hit(i, t, make_snippet(b, matcher), s, e) for e, s, i, t, b in scored[:limit]]


def _hit(article_id: int, title: str, snippet: Snippet, score: float, exact: bool) -> SearchHit:
    return SearchHit(article_id, title, snippet.text, score, exact, snippet.hits)


def _no_stems(term: Term) -> Term:
    return Term(term.tokens, term.words, term.prefix, phrase=True) if term.stemmable else term


# --------------------------------------------------------------------------- snippets


def _match_spans(original: str, matcher: Matcher) -> list[tuple[int, int]]:
    return matcher.spans(original)


SNIPPET_CHUNK = 1200
"""Characters of an article matched first while looking for its first hit (then twice as many, …)."""


def make_snippet(original: str, matcher: Matcher | str, words: int = SNIPPET_WORDS) -> Snippet:
    """About ``words`` words of ``original`` around the first match (whitespace collapsed, … where cut),
    with the positions of the matches in that text.

    Only a window of ``original`` around the first match is folded and matched, not the whole text:
    the snippet is the same as from the whole text, at a cost that does not grow with the article.
    """
    if isinstance(matcher, str):
        matcher = Matcher(parse_query(matcher))
    start, end, found = _first_chunk_with_match(original, matcher)
    anchor = start + found[0][0] if found else 0
    size = words * 10  # the chunk narrowed to about this many characters around the match
    lo = max(start, _space_before(original, anchor - size))
    hi = min(end, _space_after(original, anchor + 2 * size))
    spans = [(a + start - lo, b + start - lo) for a, b in found if lo <= a + start and b + start <= hi]
    while not _enough_words(original, lo, hi, anchor, words):
        lo = _space_before(original, anchor - size)
        hi = _space_after(original, anchor + 2 * size)
        spans = _match_spans(original[lo:hi], matcher)
        size *= 4  # long runs of spaces, or very long words: widen until the words fit
    return _cut(original[lo:hi], spans, anchor - lo, words)


def _enough_words(original: str, lo: int, hi: int, anchor: int, words: int) -> bool:
    """True when ``original[lo:hi]`` holds enough words on both sides of ``anchor`` for the cut and its
    "…" marks to be those of the whole text."""
    before = lo == 0 or len(_WORD_RUN.findall(original, lo, anchor)) > words + 1
    return before and (hi == len(original) or len(_WORD_RUN.findall(original, anchor, hi)) > words + 1)


def _first_chunk_with_match(original: str, matcher: Matcher) -> tuple[int, int, list[tuple[int, int]]]:
    """The first chunk ``[lo, hi)`` of ``original`` holding a match, with its spans (relative to ``lo``);
    the last chunk and no spans when nothing matches. Chunks overlap and grow."""
    overlap = MAX_QUERY_CHARS + 100
    start, size = 0, SNIPPET_CHUNK
    while True:
        end = _space_after(original, start + size)
        spans = _match_spans(original[start:end], matcher)
        if spans or end >= len(original):
            return start, end, spans
        following = _space_before(original, end - overlap)
        start = following if following > start else end  # one long word: go on without an overlap
        size *= 2


def _space_before(text: str, position: int) -> int:
    """``position`` moved back to just after a whitespace character (0 at the start)."""
    if position <= 0:
        return 0
    found = max(text.rfind(" ", 0, position), text.rfind("\n", 0, position))
    return found + 1 if found >= 0 else 0


def _space_after(text: str, position: int) -> int:
    """``position`` moved on to a whitespace character (the end of ``text`` at the latest)."""
    if position >= len(text):
        return len(text)
    found = [i for i in (text.find(" ", position), text.find("\n", position)) if i >= 0]
    return min(found) if found else len(text)


def _cut(original: str, spans: list[tuple[int, int]], anchor: int, words: int) -> Snippet:
    bounds = [m.span() for m in _WORD_RUN.finditer(original)]
    if not bounds:
        return Snippet("")
    starts = [b[0] for b in bounds]
    at = max(0, bisect.bisect_right(starts, anchor) - 1)
    first = max(0, min(at - SNIPPET_WORDS_BEFORE, len(bounds) - words))
    last = min(len(bounds), first + words) - 1
    shown = bounds[first : last + 1]
    prefix = f"{ELLIPSIS} " if first > 0 else ""
    placed = []  # where each shown word starts in the snippet text
    position = len(prefix)
    for start, end in shown:
        placed.append(position)
        position += end - start + 1
    shown_starts = [start for start, _end in shown]

    def moved(offset: int) -> int:
        """Snippet position of an offset into ``original`` (inside or right after a shown word)."""
        k = max(0, bisect.bisect_right(shown_starts, offset) - 1)
        start, end = shown[k]
        return placed[k] + min(offset, end) - start

    lo, hi = shown[0][0], shown[-1][1]
    hits = tuple((moved(a), moved(b)) for a, b in spans if lo <= a < b <= hi)
    text = prefix + " ".join(original[a:b] for a, b in shown)
    return Snippet(text + (f" {ELLIPSIS}" if last < len(bounds) - 1 else ""), hits)

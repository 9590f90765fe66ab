"""SQLite's full-text search without SQLAlchemy: the ranked statement, the search run through any
``execute(sql, params)`` (a SQLAlchemy session's or a plain ``sqlite3`` connection's), the hits and their
snippets. desktop.storage.search runs it in the window and the command line; the read-only command line
(desktop.services.sqlite_reads) runs the same code on Python's sqlite3 module alone.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from desktop.core.query import Matcher, Query, parse_query
from desktop.core.record import record
from desktop.storage.search_query import (
    LANGUAGES_SQL,
    MAX_QUERY_CHARS,
    checked_query,
    match_expression,
    stemmed_languages,
)

TITLE_WEIGHT = 10.0
BODY_WEIGHT = 1.0
SNIPPET_WORDS = 20
SNIPPET_WORDS_BEFORE = 7
RANK_CANDIDATES = 2000
"""A query matching more articles is ranked among its newest this many (bounded time for common words)."""
ELLIPSIS = "…"
_WORD_RUN = re.compile(r"\S+")

#: Where the query matched, as [start, end) positions (code points) in a snippet's text.
Spans = tuple[tuple[int, int], ...]

#: Runs one SQL statement with named parameters (``:name``) and returns its rows.
Execute = Callable[[str, Mapping[str, Any]], Iterable[Sequence[Any]]]


@record
class Snippet:
    """Some words of an article around the first match, as plain text, with the matched words' positions.

    Positions, not marker characters: the text may hold any character (German quotes « » included).
    """

    text: str
    hits: Spans = ()


@record
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


def hit(article_id: int, title: str, snippet: Snippet, score: float, exact: bool) -> SearchHit:
    """A search hit with its snippet's text and match positions."""
    return SearchHit(article_id, title, snippet.text, score, exact, snippet.hits)


def is_fts_error(exc: BaseException) -> bool:
    """True for SQLite's FTS5 refusing a MATCH expression (also wrapped, as SQLAlchemy raises it)."""
    return "fts5" in str(getattr(exc, "orig", exc)).lower()


def ranked_statement(exact_equals_match: bool) -> str:
    """The one statement that finds, scores and sorts the hits (parameters: see :func:`search_fts`).

    The newest ``:candidates`` matches are found by walking the index backwards and scored there
    (one pass over the index: a prefix's terms are merged once), then sorted: a query matching
    more articles is ranked among its newest ones, so a common word costs what a rare one does.
    """
    exact_test = (  # every word as typed; a query without stems (phrases, prefixes) always is
        "1"
        if exact_equals_match
        else "id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH :exact "
        "AND rowid >= (SELECT min(id) FROM candidates))"
    )
    return (
        "WITH candidates AS (SELECT rowid AS id, bm25(articles_fts, :tw, :bw, :tw, :bw) AS rank "
        "FROM articles_fts WHERE articles_fts MATCH :match ORDER BY rowid DESC LIMIT :candidates) "
        f"SELECT id, rank, {exact_test} AS exact FROM candidates ORDER BY exact DESC, rank, id LIMIT :limit"
    )


def _id_list(ids: Iterable[int]) -> str:
    return ",".join(str(int(i)) for i in ids)


def search_library(
    execute: Execute,
    query: str,
    limit: int = 50,
    *,
    snippets: int | None = None,
    candidates: int = RANK_CANDIDATES,
) -> list[SearchHit]:
    """Articles of a SQLite library matching ``query``, best first (see desktop.storage.search's
    ``search_articles``, which calls this on SQLite); :class:`SearchQueryError` for a query too long."""
    parsed = checked_query(query)
    if parsed.empty or limit <= 0:
        return []
    languages = stemmed_languages(str(row[0]) for row in execute(LANGUAGES_SQL, {}))
    shown = limit if snippets is None else max(0, snippets)
    return search_fts(
        execute, parsed, languages, Matcher(parsed, languages), limit, shown=shown, candidates=candidates
    )


def search_fts(
    execute: Execute,
    parsed: Query,
    languages: Sequence[str],
    matcher: Matcher,
    limit: int,
    *,
    shown: int,
    candidates: int = RANK_CANDIDATES,
) -> list[SearchHit]:
    """The best ``limit`` hits of a checked, non-empty query in a SQLite library, exact ones first, the
    first ``shown`` with their snippets (the others an empty one). Only the page's articles are read,
    and their snippets look at a window of each text."""
    match = match_expression(parsed, languages, exact_only=False)
    exact = match_expression(parsed, (), exact_only=True)
    params = {
        "tw": TITLE_WEIGHT,
        "bw": BODY_WEIGHT,
        "match": match,
        "exact": exact,
        "candidates": max(limit, candidates),
        "limit": limit,
    }
    try:
        rows = execute(ranked_statement(exact == match), params)
        ranked = [(bool(r[2]), float(r[1]), int(r[0])) for r in rows]
    except Exception as exc:  # defensive: the expression is built to be always valid
        if is_fts_error(exc):
            return []
        raise
    ids = [article_id for _exact, _rank, article_id in ranked]
    articles: dict[int, tuple[str, str]] = {}
    if ids[shown:]:  # hits without a snippet: their titles only
        found = execute(f"SELECT id, title FROM articles WHERE id IN ({_id_list(ids[shown:])})", {})
        articles.update((int(r[0]), (r[1], "")) for r in found)
    if ids[:shown]:
        found = execute(f"SELECT id, title, text FROM articles WHERE id IN ({_id_list(ids[:shown])})", {})
        articles.update((int(r[0]), (r[1], r[2])) for r in found)
    return [
        hit(article_id, title, make_snippet(text, matcher) if n < shown else Snippet(""), -rank, is_exact)
        for n, (is_exact, rank, article_id) in enumerate(ranked)
        if (entry := articles.get(article_id)) is not None
        for title, text in (entry,)
    ]


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

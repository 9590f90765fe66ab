"""A search query as SQLite's FTS5 reads it: the limits, the checked query, the MATCH expressions and the
library's stemmed languages. Plain text and SQL strings: no SQLAlchemy, so the read-only command line
builds exactly the expressions the window's search does (see desktop.storage.search_sqlite).
"""

from __future__ import annotations

from collections.abc import Iterable

from desktop.core.query import Query, Term, parse_query, term_stems
from desktop.core.stemming import has_stemmer
from desktop.storage.errors import StorageError

_EXACT_COLUMNS = "{title body}"
_STEM_COLUMNS = "{title_stem body_stem}"

MAX_QUERY_CHARS = 500
"""Longest query accepted (a search box's worth; longer ones are pasted text, not a query)."""
MAX_QUERY_WORDS = 32
"""Most different words in a query: each is one more index lookup and one more highlight pattern."""

LANGUAGES_SQL = (
    "WITH RECURSIVE seen(language) AS (SELECT MIN(language) FROM articles UNION ALL "
    "SELECT (SELECT MIN(a.language) FROM articles AS a WHERE a.language > seen.language) "
    "FROM seen WHERE seen.language IS NOT NULL) "
    "SELECT language FROM seen WHERE language IS NOT NULL"
)
"""The languages of the library's articles, read by skipping through the language index (one lookup
per language), not over every article."""


class SearchQueryError(StorageError):
    """A query too long or with too many words; ``message`` says which limit it exceeded."""


def stemmed_languages(languages: Iterable[str]) -> list[str]:
    """Those of ``languages`` (the rows of :data:`LANGUAGES_SQL`) that have a stemmer, sorted."""
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


def match_expression(query: Query, languages: Iterable[str], *, exact_only: bool) -> str:
    """The FTS5 MATCH expression of a checked query: with the stems in ``languages``, or exact only."""
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
    return match_expression(checked_query(query), languages, exact_only=False)


def exact_match_expression(query: str) -> str:
    """The MATCH expression without stems: the hits found as typed (ranked first)."""
    return match_expression(checked_query(query), (), exact_only=True)

"""Full-text search on PostgreSQL: ``articles_fts`` (migration 0007) queried with tsquery and ranked; the
snippets are made in Python as on SQLite. The query syntax is :mod:`desktop.core.query`'s, as on SQLite.

Every searched word reaches the database only as a bound parameter (``plainto_tsquery``, or
``quote_literal`` before ``:*`` for a prefix), never as tsquery syntax. A term matches when one of its
spellings occurs as a phrase in the unaccented ``exact`` vector or, for a single word, when its stem
in one of the library's configurations occurs in the article language's ``stems`` vector.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection
from sqlalchemy import text as sql
from sqlalchemy.orm import Session

from desktop.core.query import Query, Term, term_stems

EXACT_CONFIG = "briefing_simple"
#: Text-search configuration per article language (others: unaccented words, no stems).
CONFIGS = {"de": "briefing_de", "en": "briefing_en"}


def config_of(language: str | None) -> str:
    """The text-search configuration an article in ``language`` is indexed with."""
    return CONFIGS.get((language or "")[:2].lower(), EXACT_CONFIG)


def index_article(conn: Session | Connection, article_id: int, title: str, text: str, language: str) -> None:
    """Add or replace the article's vectors (the database function computes them)."""
    conn.execute(
        sql("SELECT briefing_fts_index(:id, :title, :body, :language)"),
        {"id": article_id, "title": title, "body": text, "language": language},
    )


def index_articles(conn: Session | Connection, entries: Sequence[tuple[int, str, str, str]]) -> None:
    """:func:`index_article` for several articles (id, title, text, language) in one call."""
    conn.execute(
        sql("SELECT briefing_fts_index(:id, :title, :body, :language)"),
        [{"id": i, "title": title, "body": body, "language": lang} for i, title, body, lang in entries],
    )


class _Builder:
    """Builds tsquery SQL from terms; the words go into ``params``."""

    def __init__(self) -> None:
        self.params: dict[str, Any] = {}

    def bind(self, value: object) -> str:
        name = f"p{len(self.params)}"
        self.params[name] = value
        return f":{name}"

    def phrase(self, config: str, tokens: Sequence[str], prefix: bool) -> str:
        parts = []
        for i, token in enumerate(tokens):
            value = self.bind(token)
            if prefix and i == len(tokens) - 1:
                parts.append(f"to_tsquery({config}, quote_literal({value}) || ':*')")
            else:
                parts.append(f"plainto_tsquery({config}, {value})")
        expression = parts[0]
        for part in parts[1:]:
            expression = f"tsquery_phrase({expression}, {part})"
        return expression

    def exact(self, term: Term, config: str) -> str:
        forms = [self.phrase(config, tokens, term.prefix) for tokens in term.spellings()]
        return _any(forms)

    def stems(self, term: Term, configs: Iterable[str], languages: Iterable[str]) -> str | None:
        """Each spelling stemmed by the database in each configuration, and the Snowball stems Python
        finds (PyStemmer reads "ue" as "ü", PostgreSQL's German stemmer does not)."""
        if not term.stemmable:
            return None
        forms = [
            f"plainto_tsquery('{c}', {self.bind(spelling[0])})"
            for spelling in term.spellings()
            for c in configs
        ]
        forms += [
            f"plainto_tsquery('{EXACT_CONFIG}', {self.bind(stem)})" for stem in term_stems(term, languages)
        ]
        return _any(forms) or None


def _any(parts: Sequence[str]) -> str:
    return "(" + " || ".join(parts) + ")" if parts else ""


def search(
    session: Session, query: Query, languages: Iterable[str], limit: int, candidates: int | None = None
) -> list[tuple[Any, ...]]:
    """The best ``limit`` articles matching ``query``: (id, title, rank, exact, text) rows, best first.

    ``candidates``: when more articles match, only the newest ``candidates`` of them are ranked (as on
    SQLite, so that both engines give the same hits and a common word costs what a rare one does).
    """
    languages = list(languages)
    configs = sorted({config_of(lang) for lang in languages} | {EXACT_CONFIG})
    b = _Builder()
    exact_cfg = f"'{EXACT_CONFIG}'"
    conditions, exact_conditions, exact_all, stems_all = [], [], [], []
    for group in query.groups:
        exact_q = _any([b.exact(term, exact_cfg) for term in group])
        stem_q = _any([s for s in (b.stems(term, configs, languages) for term in group) if s])
        exact_conditions.append(f"f.exact @@ {exact_q}")
        exact_all.append(exact_q)
        if stem_q:
            stems_all.append(stem_q)
            conditions.append(f"(f.exact @@ {exact_q} OR f.stems @@ {stem_q})")
        else:
            conditions.append(f"f.exact @@ {exact_q}")
    for term in query.excluded:
        conditions.append(f"NOT f.exact @@ {b.exact(term, exact_cfg)}")
    rank = f"ts_rank(f.exact, {_any(exact_all)})"
    if stems_all:
        rank += f" + ts_rank(f.stems, {_any(stems_all)})"
    where = " AND ".join(conditions)
    bound = ""
    if candidates is not None:  # only the newest matches are ranked
        bound = " LIMIT :candidates"
        b.params["candidates"] = max(candidates, 1)
    # The matches are taken from the GIN indexes once (materialised), then only they are ranked, and
    # only the best ``limit`` articles' texts are read (for their snippets, made as on SQLite).
    statement = (
        f"WITH m AS MATERIALIZED (SELECT f.article_id FROM articles_fts AS f WHERE {where} "
        f"ORDER BY f.article_id DESC{bound}) "
        "SELECT h.id, h.title, h.rank, h.exact, t.text FROM ("
        f"SELECT a.id, a.title, f.config, {rank} AS rank, "
        f"({' AND '.join(exact_conditions)}) AS exact "
        "FROM m JOIN articles_fts AS f ON f.article_id = m.article_id "
        "JOIN articles AS a ON a.id = m.article_id "
        "ORDER BY exact DESC, rank DESC, a.id LIMIT :limit) AS h JOIN articles AS t ON t.id = h.id "
        "ORDER BY h.exact DESC, h.rank DESC, h.id"
    )
    params = {**b.params, "limit": limit}
    with _index_scans(session):
        return [tuple(row) for row in session.execute(sql(statement), params)]


@contextmanager
def _index_scans(session: Session) -> Iterator[None]:
    """Matches through the GIN indexes: the planner does not count the cost of reading the word vectors
    (kept out of line), so it would test every article's vectors one by one, or walk the articles in id
    order, instead. Bitmap scans only, for this statement; the settings are restored after it."""
    names = ("enable_seqscan", "enable_indexscan")
    before = [session.execute(sql(f"SELECT current_setting('{name}')")).scalar_one() for name in names]
    for name in names:
        session.execute(sql(f"SELECT set_config('{name}', 'off', true)"))
    yield  # on an error the transaction is rolled back, and the local settings with it
    for name, value in zip(names, before, strict=True):
        session.execute(sql(f"SELECT set_config('{name}', :value, true)"), {"value": value})

"""Full-text search on PostgreSQL: ``articles_fts`` (migration 0007) queried with tsquery, ranked, with
``ts_headline`` snippets. The query syntax is :mod:`desktop.core.query`'s, as on SQLite.

Every searched word reaches the database only as a bound parameter (``plainto_tsquery``, or
``quote_literal`` before ``:*`` for a prefix), never as tsquery syntax. A term matches when one of its
spellings occurs as a phrase in the unaccented ``exact`` vector or, for a single word, when its stem
in one of the library's configurations occurs in the article language's ``stems`` vector.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection
from sqlalchemy import text as sql
from sqlalchemy.orm import Session

from desktop.core.query import Query, Term, term_stems

EXACT_CONFIG = "briefing_simple"
#: Text-search configuration per article language (others: unaccented words, no stems).
CONFIGS = {"de": "briefing_de", "en": "briefing_en"}
_START, _STOP = "\ue000", "\ue001"  # private-use marks around highlighted words, removed again
HEADLINE_OPTIONS = f'StartSel="{_START}", StopSel="{_STOP}", MaxWords=22, MinWords=17, ShortWord=2'
ELLIPSIS = "…"


def config_of(language: str | None) -> str:
    """The text-search configuration an article in ``language`` is indexed with."""
    return CONFIGS.get((language or "")[:2].lower(), EXACT_CONFIG)


def index_article(conn: Session | Connection, article_id: int, title: str, text: str, language: str) -> None:
    """Add or replace the article's vectors (the database function computes them)."""
    conn.execute(
        sql("SELECT briefing_fts_index(:id, :title, :body, :language)"),
        {"id": article_id, "title": title, "body": text, "language": language},
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
    """The best ``limit`` articles matching ``query``: (id, title, headline, rank, exact, start, end) rows,
    start and end being the first and last characters of the text.

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
    highlight = _any(
        [b.exact(term, "h.config") for term in query.terms()]
        + [
            f"plainto_tsquery(h.config, {b.bind(stem)})"
            for term in query.terms()
            for stem in term_stems(term, languages)
        ]
    )
    where = " AND ".join(conditions)
    if candidates is not None:  # the smallest id among the newest matches (0 when fewer match)
        where += (
            " AND f.article_id >= coalesce((SELECT f.article_id FROM articles_fts AS f "
            f"WHERE {where} ORDER BY f.article_id DESC OFFSET :skip LIMIT 1), 0)"
        )
        b.params["skip"] = max(candidates, 1) - 1
    statement = (
        "SELECT h.id, h.title, ts_headline(h.config, translate(h.text, :marks, ''), "
        f"{highlight}, :options) AS headline, h.rank, h.exact, left(h.text, 400), right(h.text, 400) FROM ("
        f"SELECT a.id, a.title, a.text, f.config, {rank} AS rank, "
        f"({' AND '.join(exact_conditions)}) AS exact "
        f"FROM articles_fts AS f JOIN articles AS a ON a.id = f.article_id WHERE {where} "
        "ORDER BY exact DESC, rank DESC, a.id LIMIT :limit) AS h ORDER BY h.exact DESC, h.rank DESC, h.id"
    )
    params = {**b.params, "marks": _START + _STOP, "options": HEADLINE_OPTIONS, "limit": limit}
    return [tuple(row) for row in session.execute(sql(statement), params)]


def headline_snippet(headline: str, head: str, tail: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """The headline as plain text (… where the article goes on: it does not begin like ``head``, the
    text's start, or end like ``tail``) and the highlighted spans in it."""
    clean: list[str] = []
    spans: list[tuple[int, int]] = []
    position, start = 0, -1
    for char in " ".join(headline.split()):
        if char == _START:
            start = position
        elif char == _STOP:
            if start >= 0 and position > start:
                spans.append((start, position))
            start = -1
        else:
            clean.append(char)
            position += 1
    body = "".join(clean)
    first, last = " ".join(head.split()), " ".join(tail.split())
    prefix = "" if first.startswith(body[: len(first)]) else f"{ELLIPSIS} "
    suffix = "" if last.endswith(body[-len(last) :]) else f" {ELLIPSIS}"
    shift = len(prefix)
    return prefix + body + suffix, tuple((a + shift, b + shift) for a, b in spans)

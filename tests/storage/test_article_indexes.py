"""The library list's sorts, states and counts, and the lookups of a new version, use indexes (SQLite plans).

At 100,000 articles a query that walks the articles table reads every article's text; these
plans show the indexes of migration 0008 doing the work instead.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from sqlalchemy import event, insert
from sqlalchemy.orm import Session

from desktop.core.ingest import load_text
from desktop.services import versions
from desktop.services.article_pages import ArticleQuery, article_page, count_articles
from desktop.services.quotes import outdated_article_count
from desktop.storage.db import Library
from desktop.storage.models import Article
from tests.postgres import sqlite_only

pytestmark = sqlite_only


@pytest.fixture
def filled(library: Library) -> Library:
    with library.session() as session:
        session.execute(
            insert(Article),
            [
                {
                    "title": f"Bericht {n}",
                    "text": f"Text {n}.",
                    "language": "de",
                    "format": "txt",
                    "content_hash": f"{n:064x}",
                    "published": None if n % 3 else f"2026-01-{n % 28 + 1:02d}",
                    "archived": n % 5 == 0,
                }
                for n in range(60)
            ],
        )
    return library


@contextmanager
def plans(library: Library) -> Iterator[list[str]]:
    """The query plans of the SELECTs run inside the block, one text per statement."""
    found: list[str] = []

    def explain(conn: Any, cursor: Any, statement: str, parameters: Any, context: Any, many: bool) -> None:
        if statement.lstrip().upper().startswith("SELECT") and not many:
            rows = conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters).all()
            found.append(" | ".join(str(r[-1]) for r in rows))

    event.listen(library.engine, "before_cursor_execute", explain)
    try:
        yield found
    finally:
        event.remove(library.engine, "before_cursor_execute", explain)


def _plan_of(library: Library, run: Callable[[Session], object]) -> str:
    with plans(library) as found, library.read_session() as session:
        run(session)
    return " || ".join(p for p in found if "articles" in p or "ix_articles" in p)


@pytest.mark.parametrize(
    ("sort", "index"),
    [("imported", "ix_articles_archived"), ("title", "_title_lower"), ("date", "ix_articles_")],
)
@pytest.mark.parametrize("state", ["all", "inbox", "archived", "unread"])
@pytest.mark.parametrize("descending", [False, True])
def test_the_first_page_is_read_from_an_index_in_order(
    filled: Library, sort: str, index: str, state: str, descending: bool
) -> None:
    query = ArticleQuery(sort=sort, descending=descending, state=state)  # type: ignore[arg-type]
    plan = _plan_of(filled, lambda s: article_page(s, query, 0, 10))
    if state != "unread" or sort == "imported":  # unread by title or date: sorted among the unread
        assert "TEMP B-TREE" not in plan
    if sort != "imported" or state != "all":  # newest first over every article: the table itself
        assert index in plan
    with filled.read_session() as session:
        rows = article_page(session, query, 0, 60).rows
    assert len(rows) == {"all": 60, "inbox": 48, "archived": 12, "unread": 48}[state]


@pytest.mark.parametrize("state", ["inbox", "unread", "archived", "starred"])
def test_counting_a_reading_state_reads_an_index_only(filled: Library, state: str) -> None:
    query = ArticleQuery(state=state)  # type: ignore[arg-type]
    plan = _plan_of(filled, lambda s: count_articles(s, query))
    assert "COVERING INDEX ix_articles_" in plan


def test_the_count_of_articles_to_reanalyse_reads_an_index_only(filled: Library) -> None:
    plan = _plan_of(filled, outdated_article_count)
    assert "COVERING INDEX ix_articles_analysis_version" in plan


def test_finding_the_article_of_a_new_version_uses_indexes(filled: Library) -> None:
    document = load_text("Bericht 7\n\nText 7, ergänzt.", fmt="paste")
    document = dataclasses.replace(document, source_url="https://example.org/7", outlet="Post")
    plan = _plan_of(filled, lambda s: versions.previous_version_of(s, document))
    assert "ix_articles_source_url" in plan and "ix_articles_title" in plan
    assert "SCAN articles" not in plan

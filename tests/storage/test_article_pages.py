"""Pages of the library list: SQL sorting equals the list's own sort keys, filters, states, search pages."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import insert

from desktop.core.article_labels import date_label, source_label
from desktop.services.annotations import create_annotation
from desktop.services.article_pages import (
    SEARCH_LIMIT,
    ArticleQuery,
    article_page,
    article_rows,
    count_articles,
    search_page,
)
from desktop.services.dto import ArticleRow
from desktop.services.library_filters import (
    STATE_VIEWS,
    LibraryFilter,
    actor_suggestions,
    filter_article_ids,
    in_state_view,
)
from desktop.storage.db import Library
from desktop.storage.models import Actor, Article, Mention
from desktop.storage.search import index_article

TITLES = ["beta", "Alpha", "gamma", "Delta", "alpha two", "Epsilon", "zeta", "Éta"]  # É sorts after z
SOURCES = [
    ("https://www.example.org/a", None),
    ("https://news.example.com/b", None),
    (None, None),
    ("https://www.example.org/c", "Morning Post"),
    ("https://b.example.net/x", " Evening  Star "),
    (None, None),
    ("https://www.alpha.org/x", None),
    ("https://zeta.org/x", None),
]


@pytest.fixture
def filled(library: Library) -> Library:
    start = datetime(2026, 1, 1, 12, tzinfo=UTC)
    with library.session() as session:
        session.execute(
            insert(Article),
            [
                {
                    "title": title,
                    "text": f"Bericht {n}: Hafen und Werft." + (" Kran." if n % 2 else ""),
                    "language": "de" if n % 3 else "en",
                    "format": "txt",
                    "content_hash": f"{n:064x}",
                    "source_url": SOURCES[n][0],
                    "outlet": SOURCES[n][1],
                    "published": f"2025-0{n % 4 + 1}-1{n}" if n % 3 else None,
                    "imported_at": start + timedelta(days=n),
                    "read_at": start if n in (1, 2) else None,
                    "starred": n in (2, 5),
                    "archived": n in (3, 5),
                }
                for n, title in enumerate(TITLES)
            ],
        )
        for article_id, title in enumerate(TITLES, 1):
            index_article(session, article_id, title, f"Bericht {article_id - 1}: Hafen und Werft.")
        session.execute(insert(Actor), [{"name": "Anna Berg", "type": "person"}])
        session.execute(
            insert(Mention),
            [
                {"article_id": i, "actor_id": 1, "start": 0, "end": 4, "text": "Anna", "type": "person"}
                for i in (1, 4, 6)
            ],
        )
    create_annotation(library, 2, quote="Hafen")
    create_annotation(library, 2, quote="Werft")
    create_annotation(library, 7, quote="Hafen")
    return library


def _all(library: Library, query: ArticleQuery) -> list[ArticleRow]:
    with library.read_session() as session:
        return list(article_page(session, query, 0, 1000).rows)


def _python_key(column: str) -> Any:
    if column == "title":
        return lambda r: (r.title.casefold(), r.id)
    if column == "source":
        return lambda r: (source_label(r).casefold(), r.id)
    if column == "date":
        return lambda r: (date_label(r), r.id)
    if column == "language":
        return lambda r: (r.language, r.id)
    return lambda r: (r.annotations, r.id)


@pytest.mark.parametrize("column", ["title", "source", "date", "language", "notes"])
@pytest.mark.parametrize("descending", [False, True])
def test_sorting_in_sql_equals_the_lists_sort_keys(filled: Library, column: str, descending: bool) -> None:
    rows = _all(filled, ArticleQuery(sort=column, descending=descending, state="all"))  # type: ignore[arg-type]
    expected = sorted(rows, key=_python_key(column), reverse=descending)
    assert [r.id for r in rows] == [r.id for r in expected]
    assert len(rows) == len(TITLES)


def test_default_order_is_newest_import_first_with_counts(filled: Library) -> None:
    rows = _all(filled, ArticleQuery(state="all"))
    assert [r.id for r in rows] == list(range(len(TITLES), 0, -1))
    notes = {r.id: r.annotations for r in rows}
    assert notes[2] == 2 and notes[7] == 1 and notes[1] == 0


def test_pages_cover_the_list_once_with_the_total(filled: Library) -> None:
    query = ArticleQuery(sort="title", state="all")
    seen: list[int] = []
    with filled.read_session() as session:
        for offset in range(0, 10, 3):
            page = article_page(session, query, offset, 3, count=True)
            assert page.offset == offset and page.total == len(TITLES)
            uncounted = article_page(session, query, offset, 3)
            assert uncounted.rows == page.rows and uncounted.more == (offset + 3 < len(TITLES))
            assert uncounted.total in (-1, len(TITLES))
            seen += [r.id for r in page.rows]
        assert article_page(session, query, 100, 3).rows == ()
    assert seen == [r.id for r in _all(filled, query)]


@pytest.mark.parametrize("view", list(STATE_VIEWS))
def test_state_views_and_the_pinned_article(filled: Library, view: str) -> None:
    everything = _all(filled, ArticleQuery(state="all"))
    rows = _all(filled, ArticleQuery(state=view))  # type: ignore[arg-type]
    assert [r.id for r in rows] == [r.id for r in everything if in_state_view(r, view)]  # type: ignore[arg-type]
    with filled.read_session() as session:
        assert count_articles(session, ArticleQuery(state=view)) == len(rows)  # type: ignore[arg-type]
    pinned = _all(filled, ArticleQuery(state=view, pinned=4))  # type: ignore[arg-type]
    assert {r.id for r in pinned} == {r.id for r in rows} | {4}


def test_filters_in_sql_match_the_id_filters(filled: Library) -> None:
    with filled.read_session() as session:
        for flt in (
            LibraryFilter(actor_id=1),
            LibraryFilter(has_annotations=True),
            LibraryFilter(actor_id=1, has_annotations=True),
            LibraryFilter(read=False, starred=True),
            LibraryFilter(archived=True),
        ):
            rows = article_page(session, ArticleQuery(state="all", filter=flt), 0, 100).rows
            assert {r.id for r in rows} == filter_article_ids(session, flt), flt


def test_search_pages_keep_rank_order_and_the_filters(filled: Library) -> None:
    with filled.read_session() as session:
        page = search_page(session, ArticleQuery(state="all", sort="rank", search="hafen"), 3)
        assert len(page.rows) == 3 and not page.complete
        assert [r.id for r in page.rows] == [h.id for h in page.hits]
        full = search_page(session, ArticleQuery(state="all", sort="rank", search="hafen"), SEARCH_LIMIT)
        assert full.complete and len(full.rows) == len(TITLES)
        assert [r.id for r in full.rows][:3] == [r.id for r in page.rows]  # more pages extend the first
        inbox = search_page(session, ArticleQuery(sort="rank", search="hafen"), SEARCH_LIMIT)
        assert {r.id for r in inbox.rows} == {r.id for r in full.rows} - {4, 6}  # archived ones hidden
        by_title = search_page(
            session, ArticleQuery(state="all", sort="title", descending=False, search="hafen"), SEARCH_LIMIT
        )
        assert [r.title.casefold() for r in by_title.rows] == sorted(t.casefold() for t in TITLES)
        assert search_page(session, ArticleQuery(search="nirgendwo"), 10).rows == ()
        assert article_rows(session, [3, 1, 3]) and [r.id for r in article_rows(session, [3, 1, 3])] == [3, 1]


def test_actor_suggestions_are_limited_and_keep_the_chosen_one(filled: Library) -> None:
    with filled.session() as session:
        session.execute(insert(Actor), [{"name": f"Person {n:02d}", "type": "person"} for n in range(40)])
        session.execute(
            insert(Mention),
            [
                {"article_id": 1, "actor_id": n, "start": 0, "end": 4, "text": "P", "type": "person"}
                for n in range(2, 42)
            ],
        )
    with filled.read_session() as session:
        first = actor_suggestions(session, limit=5)
        assert len(first) == 5 and first[0].name == "Anna Berg" and first[0].articles == 3
        assert [c.name for c in actor_suggestions(session, "son 3", limit=50)] == [
            f"Person {n}" for n in range(30, 40)
        ]
        assert [c.id for c in actor_suggestions(session, "berg", limit=5)] == [1]
        assert actor_suggestions(session, "%", limit=5) == []  # typed text, not a pattern
        kept = actor_suggestions(session, "Anna", limit=5, include=41)
        assert [c.id for c in kept] == [41, 1]

"""A bounded dossier read from the maintained days (migration 0011) is the whole dossier's newest part:
its timeline, totals, newest articles and their mention counts equal what the whole dossier's articles
give, whichever way its newest articles are read (through the library's date index or through the
actor's mentions), on SQLite and on PostgreSQL; the command line's sqlite3 reader gives the same dossier."""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, insert, select, update

from desktop.services.dossier import dossier_of
from desktop.services.dossier_shapes import ArticleSummary
from desktop.services.dto import Dossier
from desktop.services.quotes import article_day
from desktop.storage.db import Library
from desktop.storage.models import Actor, Article, Mention, Quote
from tests.storage.test_actor_counts import BACKENDS, Driver, backend_library

LIMITS = (1, 2, 3, 7, 1000)
WAYS = ("chosen", "by_date", "by_actor")


def _build(library: Library) -> None:
    """Articles of several actors on shared and distinct days, dated and undated, and a statement of an
    actor in an article that does not mention it."""
    driver = Driver(library)
    for pick in range(6):
        driver.apply("import", pick)
    articles = driver.ids(Article.id)
    dates = ["2024-02-29", None, "2025-07-01", "2024-02-29", None, "2023-01-15"]
    with library.session() as session:
        for i, article in enumerate(articles):
            session.execute(
                update(Article).where(Article.id == article).values(published=dates[i % len(dates)])
            )
        top = session.scalar(
            select(Mention.actor_id).group_by(Mention.actor_id).order_by(func.count().desc())
        )
        mentioned = set(session.scalars(select(Mention.article_id).where(Mention.actor_id == top)))
        elsewhere = [a for a in articles if a not in mentioned]
        assert elsewhere  # the top actor is not in every article
        row = {"start": 0, "end": 1, "kind": "direct", "speaker_id": top}
        session.execute(insert(Quote).values(article_id=elsewhere[0], **row))
        session.execute(insert(Quote).values(article_id=elsewhere[0], **row))  # two in one article


def _expected(library: Library, whole: Dossier, limit: int) -> tuple[list[tuple[str, bool, int]], list[int]]:
    """The timeline's days and the newest ids as the whole dossier's articles give them."""
    with library.read_session() as session:
        ids = [a.id for a in whole.articles]
        days = dict(
            (i, (str(d), bool(u)))
            for i, d, u in session.execute(
                select(Article.id, article_day(), Article.published.is_(None)).where(Article.id.in_(ids))
            )
        )
    counted = Counter(days.values())
    newest = heapq.nlargest(limit, ids, key=lambda i: (days[i][0], i))
    return sorted((d, u, n) for (d, u), n in counted.items()), newest


def _forced(monkeypatch: pytest.MonkeyPatch, way: str) -> None:
    """Make every dossier read its newest articles one way (by telling the count of later articles)."""
    if way == "chosen":
        return
    original = ArticleSummary.read_newest

    def read_newest(self: ArticleSummary, library_from: Callable[[str, int], int], *ways: Any) -> list[int]:
        return original(self, lambda _cutoff, most: 0 if way == "by_date" else most, *ways)

    monkeypatch.setattr(ArticleSummary, "read_newest", read_newest)


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("way", WAYS)
def test_a_bounded_dossier_is_the_newest_part_of_the_whole(
    backend: str, way: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with backend_library(backend, tmp_path) as library:
        _build(library)
        _forced(monkeypatch, way)
        with library.read_session() as session:
            actors = sorted(session.scalars(select(Actor.id)))
            checked = 0
            for actor in actors:
                whole = dossier_of(session, actor)
                for limit in LIMITS:
                    part = dossier_of(session, actor, limit)
                    days, newest = _expected(library, whole, limit)
                    assert part.totals is not None and part.days is not None
                    assert sorted(part.days) == days
                    assert part.totals.articles == len(whole.articles)
                    assert part.totals.mentions == sum(a.mentions for a in whole.articles)
                    listed = {a.id: a for a in part.articles}
                    assert set(newest) <= set(listed)
                    assert all(a == listed[a.id] for a in whole.articles if a.id in listed)
                    shown = {
                        *newest,
                        *(q.article_id for q in part.quotes),
                        *(r.article_id for r in part.roles),
                    }
                    shown.update(a.article_id for a in part.annotations)
                    assert set(listed) == shown
                    assert part.timeline("week") == whole.timeline("week")
                    checked += len(whole.articles) > limit
            assert checked >= 3  # dossiers that were cut were compared


@pytest.mark.parametrize("way", WAYS)
def test_the_command_line_reads_the_same_bounded_dossiers(
    way: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.services.sqlite_reads import open_reader

    with backend_library("sqlite", tmp_path) as library:
        _build(library)
        _forced(monkeypatch, way)
        with library.read_session() as session:
            actors = sorted(session.scalars(select(Actor.id)))
            expected = {(a, n): dossier_of(session, a, n) for a in actors for n in LIMITS}
    reader = open_reader(tmp_path / "library.sqlite3")
    assert reader is not None
    try:
        for (actor, limit), dossier in expected.items():
            assert reader.dossier(f"#{actor}", limit) == dossier
    finally:
        reader.close()


def test_the_window_reads_a_file_library_as_the_command_line_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.services import dossier as dossier_service
    from desktop.services import sqlite_reads

    with backend_library("sqlite", tmp_path) as library:
        _build(library)
        with library.read_session() as session:
            actors = sorted(session.scalars(select(Actor.id)))
            expected = {(a, n): dossier_of(session, a, n) for a in actors for n in (None, *LIMITS)}
        read: list[int] = []
        original = sqlite_reads.LibraryReader.dossier_of

        def counted(self: Any, actor_id: int, limit: int | None) -> Dossier:
            read.append(actor_id)
            return original(self, actor_id, limit)

        monkeypatch.setattr(sqlite_reads.LibraryReader, "dossier_of", counted)
        for (actor, limit), dossier in expected.items():
            assert dossier_service.load_dossier(library, actor, limit) == dossier
        assert len(read) == len(expected)  # every one from the file, none through the session
        monkeypatch.setattr(sqlite_reads, "open_reader", lambda _path: None)  # e.g. an older schema
        actor = actors[0]
        assert dossier_service.load_dossier(library, actor, 2) == expected[(actor, 2)]
        assert len(read) == len(expected)

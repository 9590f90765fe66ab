"""Reading state, library filters, next/previous, and deleting an article with an exact undo."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from desktop.services import annotations, reading_state
from desktop.services.article_removal import RestoreError, remove_article, restore_article
from desktop.services.importer import Importer
from desktop.services.library_filters import LibraryFilter, filter_article_ids
from desktop.services.queries import NotFoundError, article_detail, list_articles
from desktop.storage.db import Library, open_library, resolve_database_url
from desktop.storage.models import ActorRole, Annotation, Article, Mention, annotation_tags
from desktop.storage.search import search_articles
from tests.storage.test_services import ARTICLE_1, ARTICLE_2, NAMES, FakeRecognizer, write


@pytest.fixture
def library(tmp_path: Path) -> Library:
    lib = open_library(resolve_database_url(str(tmp_path / "lib.sqlite3"), {}))
    Importer(lib, FakeRecognizer(NAMES)).import_paths(
        [
            write(tmp_path, "a.txt", ARTICLE_1),
            write(tmp_path, "b.txt", ARTICLE_2),
            write(tmp_path, "c.txt", "Drei\n\nNur Text."),
        ]
    )
    return lib


def ids(library: Library, **fields: object) -> set[int] | None:
    with library.read_session() as session:
        return filter_article_ids(session, LibraryFilter(**fields))  # type: ignore[arg-type]


def test_new_articles_are_unread_and_marking_keeps_the_first_time(library: Library) -> None:
    assert [s.read for s in reading_state.reading_states(library, [1, 2, 3])] == [False] * 3
    when = dt.datetime(2025, 3, 1, 12, 0, tzinfo=dt.UTC)
    (state,) = reading_state.mark_read(library, [1], when=when)
    assert state.read and state.read_at is not None and state.read_at.startswith("2025-03-01T12:00")
    (again,) = reading_state.mark_read(library, [1])
    assert again.read_at == state.read_at
    (unread,) = reading_state.mark_read(library, [1], False)
    assert not unread.read
    with library.read_session() as session:
        rows = {r.id: r for r in list_articles(session)}
    assert rows[1].read_at is None and rows[1].as_json()["read"] is None


def test_star_archive_and_filters(library: Library) -> None:
    reading_state.mark_read(library, [2, 3])
    reading_state.set_starred(library, [1, 3])
    reading_state.set_archived(library, [3])
    assert ids(library) is None
    assert ids(library, read=False) == {1}
    assert ids(library, read=True) == {2, 3}
    assert ids(library, starred=True) == {1, 3}
    assert ids(library, archived=True) == {3}
    assert ids(library, archived=False) == {1, 2}
    assert ids(library, starred=True, archived=False, read=False) == {1}
    reading_state.set_starred(library, [1], False)
    assert ids(library, starred=True) == {3}


def test_unknown_article_changes_nothing(library: Library) -> None:
    with pytest.raises(NotFoundError, match="99"):
        reading_state.set_starred(library, [1, 99])
    assert not reading_state.reading_states(library, [1])[0].starred


def test_next_and_previous(library: Library) -> None:
    assert reading_state.adjacent_article(library, 3, 1) == 2  # newest import first
    assert reading_state.adjacent_article(library, 2, -1) == 3
    assert reading_state.adjacent_article(library, 1, 1) is None
    assert reading_state.adjacent_article(library, 1, 1, order="title") == 2  # Drei, Gipfel…, Neue…
    assert reading_state.adjacent_article(library, 1, -1, order="title") == 3
    reading_state.mark_read(library, [2])
    assert reading_state.adjacent_article(library, 3, 1, flt=LibraryFilter(read=False)) == 1
    assert reading_state.adjacent_article(library, 2, 1, article_ids=[5, 2, 7]) == 7
    assert reading_state.step_in([5, 2, 7], 9, -1) == 7


def _counts(library: Library) -> tuple[int, ...]:
    with library.read_session() as session:
        return tuple(
            int(session.scalar(select(func.count()).select_from(t)) or 0)
            for t in (Article, Mention, ActorRole, Annotation, annotation_tags)
        )


def test_delete_and_restore_with_notes(library: Library) -> None:
    made = annotations.create_annotation(
        library, 1, quote="reiste am Donnerstag", note="n", tags=["reise/plan"]
    )
    reading_state.set_starred(library, [1])
    with library.read_session() as session:
        before = article_detail(session, 1)
    counts = _counts(library)
    snapshot = remove_article(library, 1)
    assert snapshot.annotations == 1 and snapshot.title == before.title
    with library.read_session() as session:
        assert session.get(Article, 1) is None
        assert search_articles(session, "Donnerstag") == []
    assert _counts(library)[0] == counts[0] - 1
    summary = restore_article(library, snapshot)
    assert summary.articles == (1,) and summary.annotations == (made.id,) and summary.extra["skipped"] == 0
    assert _counts(library) == counts
    with library.read_session() as session:
        after = article_detail(session, 1)
        assert [h.id for h in search_articles(session, "Donnerstag")] == [1]
    assert after == before
    assert reading_state.reading_states(library, [1])[0].starred


def test_restore_after_the_id_was_taken_and_after_reimport(library: Library, tmp_path: Path) -> None:
    annotations.create_annotation(library, 3, quote="Nur Text", tags=["x"])
    snapshot = remove_article(library, 3)
    Importer(library, FakeRecognizer(NAMES)).import_paths([write(tmp_path, "d.txt", "Vier\n\nAnderer Text.")])
    with library.read_session() as session:
        assert session.get(Article, 3) is not None  # SQLite handed out the id again
    summary = restore_article(library, snapshot)
    (new_id,) = summary.articles
    assert new_id != 3
    with library.read_session() as session:
        detail = article_detail(session, new_id)
    assert detail.text == "Drei\n\nNur Text." or detail.text.endswith("Nur Text.")
    assert [a.tags for a in detail.annotations] == [("x",)]
    remove_article(library, new_id)
    Importer(library, FakeRecognizer(NAMES)).import_paths([write(tmp_path, "c2.txt", "Drei\n\nNur Text.")])
    with pytest.raises(RestoreError, match="imported again"):
        restore_article(library, snapshot)


def test_restore_skips_mentions_of_an_actor_removed_meanwhile(library: Library) -> None:
    snapshot = remove_article(library, 2)
    with library.session() as session:
        session.execute(text("DELETE FROM actors WHERE name = 'Nordbund'"))
    summary = restore_article(library, snapshot)
    assert summary.extra["skipped"] >= 1
    with library.read_session() as session:
        assert article_detail(session, 2).mentions

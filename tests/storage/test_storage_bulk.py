"""Core bulk inserts through a session."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from desktop.storage import bulk
from desktop.storage.bulk import insert_returning_ids, insert_rows
from desktop.storage.db import Library
from desktop.storage.models import Actor, Annotation, Article, Mention, Tag, annotation_tags


def _article_rows(count: int) -> list[dict[str, object]]:
    return [
        {"title": f"T{i}", "text": f"t {i}", "language": "en", "format": "txt", "content_hash": f"{i:064x}"}
        for i in range(count)
    ]


def test_insert_rows_applies_python_defaults(library: Library) -> None:
    with library.session() as session:
        insert_rows(session, Actor, [{"name": f"A{i}", "type": "person"} for i in range(50)])
        insert_rows(session, Actor, [])
    with library.read_session() as session:
        assert session.scalar(select(func.count()).select_from(Actor)) == 50
        assert None not in session.scalars(select(Actor.created_at)).all()


def test_insert_rows_into_association_table(library: Library) -> None:
    with library.session() as session:
        (article_id,) = insert_returning_ids(session, Article, _article_rows(1))
        ann_ids = insert_returning_ids(
            session, Annotation, [{"article_id": article_id, "start": 0, "end": 1, "exact": "t"}] * 2
        )
        tag_ids = insert_returning_ids(session, Tag, [{"name": "a"}, {"name": "b"}])
        links = [{"annotation_id": a, "tag_id": t} for a in ann_ids for t in tag_ids]
        insert_rows(session, annotation_tags, links)
    with library.read_session() as session:
        annotations = session.scalars(select(Annotation)).all()
        assert len({a.uid for a in annotations}) == 2
        assert all(sorted(t.name for t in a.tags) == ["a", "b"] for a in annotations)


def test_insert_returning_ids_in_row_order(library: Library) -> None:
    with library.session() as session:
        ids = insert_returning_ids(session, Article, _article_rows(30))
        assert len(set(ids)) == 30
        titles = {row.id: row.title for row in session.execute(select(Article.id, Article.title))}
        assert [titles[i] for i in ids] == [f"T{i}" for i in range(30)]
        assert insert_returning_ids(session, Article, []) == []


def test_insert_returning_ids_fallback(library: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    with library.session() as session:
        dialect = session.get_bind().dialect
        monkeypatch.setattr(dialect, "insert_executemany_returning", False)
        monkeypatch.setattr(dialect, "insert_executemany_returning_sort_by_parameter_order", False)
        ids = insert_returning_ids(session, Article, _article_rows(3))
        titles = {row.id: row.title for row in session.execute(select(Article.id, Article.title))}
        assert [titles[i] for i in ids] == ["T0", "T1", "T2"]


def test_bulk_insert_respects_foreign_keys(library: Library) -> None:
    row = {"article_id": 123, "actor_id": 456, "start": 0, "end": 1, "text": "x", "type": "other"}
    with pytest.raises(IntegrityError), library.session() as session:
        insert_rows(session, Mention, [row])


def test_rejects_composite_primary_key_for_ids(library: Library) -> None:
    with pytest.raises(TypeError), library.session() as session:
        bulk.insert_returning_ids(session, annotation_tags, [{"annotation_id": 1, "tag_id": 1}])

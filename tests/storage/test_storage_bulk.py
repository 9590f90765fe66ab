"""Core bulk inserts through a session."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from desktop.storage import bulk
from desktop.storage.bulk import insert_returning_ids, insert_rows, insert_tuples
from desktop.storage.db import Library
from desktop.storage.models import Actor, ActorPair, Annotation, Article, Mention, Tag, annotation_tags


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


def test_insert_tuples_converts_typed_values_and_leaves_defaults_to_the_database(library: Library) -> None:
    created = datetime(2026, 3, 4, 5, 6, 7, 890123, tzinfo=UTC)
    with library.session() as session:
        insert_tuples(
            session,
            Actor,
            ("id", "name", "type", "confirmed", "created_at"),
            [(7, "Karla Wendt", "person", True, created), (9, "Lindenau", "location", False, created)],
        )
        insert_tuples(session, Actor, ("name", "type"), [])
    with library.read_session() as session:
        rows = session.execute(
            select(Actor.id, Actor.name, Actor.confirmed, Actor.created_at, Actor.change_seq)
        )
        stored = {row.id: row for row in rows}
    assert sorted(stored) == [7, 9]
    assert stored[7].name == "Karla Wendt" and stored[7].confirmed is True and stored[9].confirmed is False
    when = stored[7].created_at
    assert (when if when.tzinfo else when.replace(tzinfo=UTC)) == created  # as an insert of the ORM stores it
    assert stored[9].change_seq > stored[7].change_seq > 0  # the insert trigger ran for each row, in order


def test_insert_tuples_quotes_reserved_column_names_and_adds_on_conflict(library: Library) -> None:
    with library.session() as session:
        (article_id,) = insert_returning_ids(session, Article, _article_rows(1))
        now = datetime.now(UTC)
        insert_tuples(
            session,
            Actor,
            ("id", "name", "type", "created_at"),
            [(1, "A", "person", now), (2, "B", "person", now)],
        )
        mention = (article_id, 1, 0, 1, "A", "person", 0)
        insert_tuples(
            session,
            Mention,
            ("article_id", "actor_id", "start", "end", "text", "type", "sentence"),
            [mention],
        )
        columns, key, added = (
            ("actor_a", "actor_b", "sentences", "articles"),
            ("actor_a", "actor_b"),
            ("sentences", "articles"),
        )
        insert_tuples(session, ActorPair, columns, [(1, 2, 2, 1)], conflict=key, add=added)
        insert_tuples(session, ActorPair, columns, [(1, 2, 3, 1)], conflict=key, add=added)
        insert_tuples(session, ActorPair, columns, [(1, 2, 5, 5)], conflict=key)  # DO NOTHING
    with library.read_session() as session:
        assert session.execute(select(Mention.start, Mention.end)).all() == [(0, 1)]
        assert session.execute(select(ActorPair.sentences, ActorPair.articles)).all() == [(5, 2)]


def test_insert_tuples_rejects_unknown_columns_and_respects_foreign_keys(library: Library) -> None:
    with pytest.raises(KeyError), library.session() as session:
        insert_tuples(session, Actor, ("name", "nickname"), [("A", "B")])
    mention = (123, 456, 0, 1, "x", "other", None)
    columns = ("article_id", "actor_id", "start", "end", "text", "type", "sentence")
    with pytest.raises(IntegrityError), library.session() as session:
        insert_tuples(session, Mention, columns, [mention])

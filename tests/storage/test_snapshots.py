"""Snapshots make actor corrections and annotation deletions exactly undoable and redoable."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from desktop.core.textfold import fold
from desktop.services import corrections
from desktop.services.annotations import create_annotation, update_annotation
from desktop.services.queries import NotFoundError, annotation_rows
from desktop.services.snapshots import (
    record_actor_change,
    remove_annotation,
    restore_actors,
    restore_annotation,
    snapshot_actors,
    snapshot_annotation,
)
from desktop.storage.db import Library
from desktop.storage.models import (
    Actor,
    ActorAlias,
    ActorRole,
    Annotation,
    Article,
    EntityRejection,
    Mention,
    Tag,
    annotation_tags,
)

TEXT_1 = "Anna Berg traf Carl Dorn in Essen. Berg sprach mit Dorn über Essen und die Firma Ufa."
TEXT_2 = "Später reiste Anna Berg nach Essen, die Firma Ufa blieb."


def _dump(library: Library) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of the tables a correction can touch, for exact comparisons."""
    out: dict[str, list[tuple[Any, ...]]] = {}
    with library.read_session() as session:
        for model in (Actor, ActorAlias, ActorRole, Mention, EntityRejection, Annotation, Tag):
            columns = [c for c in model.__table__.columns if not c.info.get("set_by_database")]
            out[model.__tablename__] = sorted(tuple(r) for r in session.execute(select(*columns)))
        out["annotation_tags"] = sorted(tuple(r) for r in session.execute(select(annotation_tags)))
    return out


def _mention(article_id: int, text: str, surface: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return start, start + len(surface)


@pytest.fixture
def people(library: Library) -> dict[str, int]:
    """Two articles; actors Anna Berg (person), Carl Dorn (person), Essen (location)."""
    with library.session() as session:
        a1 = Article(title="Eins", text=TEXT_1, language="de", format="txt", content_hash="1" * 64)
        a2 = Article(title="Zwei", text=TEXT_2, language="de", format="txt", content_hash="2" * 64)
        berg = Actor(name="Anna Berg", type="person")
        dorn = Actor(name="Carl Dorn", type="person")
        essen = Actor(name="Essen", type="location")
        session.add_all([a1, a2, berg, dorn, essen])
        session.flush()
        for actor, surfaces in ((berg, ["Anna Berg", "Berg"]), (dorn, ["Carl Dorn", "Dorn"])):
            for alias in surfaces:
                session.add(ActorAlias(actor_id=actor.id, alias=alias, key=fold(alias)))
        session.add(ActorRole(actor_id=dorn.id, article_id=a1.id, role="Bürgermeister"))
        session.add(ActorRole(actor_id=berg.id, article_id=a1.id, role="Ministerin"))
        for article, text in ((a1, TEXT_1), (a2, TEXT_2)):
            for actor, surface in ((berg, "Anna Berg"), (dorn, "Carl Dorn"), (essen, "Essen")):
                if surface in text:
                    s, e = _mention(article.id, text, surface)
                    session.add(
                        Mention(
                            article_id=article.id,
                            actor_id=actor.id,
                            start=s,
                            end=e,
                            text=surface,
                            type=actor.type,
                        )
                    )
        s, e = _mention(a1.id, TEXT_1, "Dorn", 1)
        session.add(Mention(article_id=a1.id, actor_id=dorn.id, start=s, end=e, text="Dorn", type="person"))
        session.add(EntityRejection(key=fold("Ufa"), text="Ufa"))
        session.add(EntityRejection(key=fold("Später"), text="Später"))
        session.flush()
        return {"a1": a1.id, "a2": a2.id, "berg": berg.id, "dorn": dorn.id, "essen": essen.id}


def _round_trip(library: Library, actor_ids: list[int], operation: Any) -> None:
    """Apply, undo, redo, undo again: every state must be exactly reproduced."""
    original = _dump(library)
    change = record_actor_change(library, actor_ids, operation)
    applied = _dump(library)
    assert applied != original
    restore_actors(library, change.before)
    assert _dump(library) == original
    restore_actors(library, change.after)
    assert _dump(library) == applied
    restore_actors(library, change.before)
    assert _dump(library) == original


def test_rename_round_trip(library: Library, people: dict[str, int]) -> None:
    _round_trip(
        library, [people["berg"]], lambda: corrections.rename_actor(library, people["berg"], "Anne Berg")
    )


def test_change_type_round_trip(library: Library, people: dict[str, int]) -> None:
    _round_trip(
        library, [people["essen"]], lambda: corrections.change_type(library, people["essen"], "organization")
    )


def test_merge_round_trip_restores_the_source_with_its_ids(library: Library, people: dict[str, int]) -> None:
    _round_trip(
        library,
        [people["dorn"], people["berg"]],
        lambda: corrections.merge_actors(library, people["dorn"], people["berg"]),
    )


def test_reject_round_trip_restores_mentions_and_rejections(library: Library, people: dict[str, int]) -> None:
    _round_trip(library, [people["essen"]], lambda: corrections.reject_actor(library, people["essen"]))


def test_mark_as_actor_round_trip_restores_the_rejection(library: Library, people: dict[str, int]) -> None:
    start, end = _mention(people["a1"], TEXT_1, "Ufa")

    def mark() -> Any:
        return corrections.mark_as_actor(library, people["a1"], start, end, "organization")

    original = _dump(library)
    change = record_actor_change(library, [], mark)
    new_id = change.summary.actors[0]
    with library.read_session() as session:
        assert session.scalar(select(Actor.name).where(Actor.id == new_id)) == "Ufa"
        assert session.scalar(select(EntityRejection.id).where(EntityRejection.key == "ufa")) is None
    applied = _dump(library)
    restore_actors(library, change.before)
    assert _dump(library) == original
    summary = restore_actors(library, change.after)
    assert _dump(library) == applied  # the same actor id comes back, with mentions in both articles
    assert set(summary.articles) == {people["a1"], people["a2"]}


def test_snapshot_of_missing_actor_is_absent(library: Library, people: dict[str, int]) -> None:
    snapshot = snapshot_actors(library, [9999], rejection_keys=[])
    assert snapshot.actors == () and snapshot.actor_ids == (9999,) and snapshot.rejections == ()
    restore_actors(library, snapshot)  # nothing to delete, nothing changes
    assert snapshot_actors(library, [people["berg"]]).actors[0].row["name"] == "Anna Berg"


def test_annotation_remove_and_restore_keeps_id_uid_and_tags(
    library: Library, people: dict[str, int]
) -> None:
    row = create_annotation(
        library, people["a1"], start=0, end=9, note="Notiz", tags=["politik/wahl", "x"], color="green"
    )
    update_annotation(library, row.id, note="Notiz 2")
    before = _dump(library)
    snapshot = remove_annotation(library, row.id)
    assert snapshot.tags == ("politik/wahl", "x")
    with library.read_session() as session:
        assert annotation_rows(session, people["a1"]) == []
    restored = restore_annotation(library, snapshot)
    assert restored.id == row.id and restored.note == "Notiz 2" and restored.tags == ("politik/wahl", "x")
    assert _dump(library) == before
    assert restore_annotation(library, snapshot_annotation(library, row.id)).id == row.id  # idempotent
    assert _dump(library) == before


def test_annotation_snapshot_errors_are_clear(library: Library, people: dict[str, int]) -> None:
    with pytest.raises(NotFoundError, match="no annotation"):
        snapshot_annotation(library, 12345)
    row = create_annotation(library, people["a2"], start=0, end=6)
    snapshot = remove_annotation(library, row.id)
    with library.session() as session:
        session.delete(session.get(Article, people["a2"]))
    with pytest.raises(NotFoundError, match="no longer exists"):
        restore_annotation(library, snapshot)

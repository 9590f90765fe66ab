"""Exact before/after copies of the rows an edit changes, so that undo and redo restore them.

An actor correction (rename, change type, merge, "not an entity", mark as actor) is recorded
with ``record_actor_change``: the rows of the actors involved (with their aliases, roles and
mentions, ids included, and the quotes that name them as speakers) and the rejection rows the
edit touched, before and after. Undo is ``restore_actors(library, change.before)``, redo
``restore_actors(library, change.after)``;
ids are kept, so later undo steps that refer to them stay valid.
A deleted annotation is captured with ``remove_annotation`` and re-created by
``restore_annotation`` with its id, uid, quote context, note, colour and tags.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from desktop.services.annotations import tag_ids
from desktop.services.dto import AnnotationRow, ChangeSummary
from desktop.services.queries import NotFoundError, annotation_rows
from desktop.storage.db import Library
from desktop.storage.models import (
    Actor,
    ActorAlias,
    ActorRole,
    Annotation,
    Article,
    EntityRejection,
    Mention,
    Quote,
    QuoteCorrection,
    Tag,
    annotation_tags,
)

Row = dict[str, Any]


@dataclass(frozen=True)
class ActorState:
    """One actor row with all rows that belong to it."""

    row: Row  # id, name, type, confirmed, created_at
    aliases: tuple[Row, ...]
    roles: tuple[Row, ...]
    mentions: tuple[Row, ...]
    quotes: tuple[int, ...] = ()  # ids of the quotes it made
    quote_corrections: tuple[int, ...] = ()  # ids of the quote corrections naming it as the speaker

    @property
    def id(self) -> int:
        """The actor's id."""
        return int(self.row["id"])


@dataclass(frozen=True)
class ActorSnapshot:
    """The state of some actors and rejections; actors in ``actor_ids`` but not in ``actors`` are absent."""

    actor_ids: tuple[int, ...]
    actors: tuple[ActorState, ...]
    rejection_keys: frozenset[str] | None  # None: every rejection row is part of the snapshot
    rejections: tuple[Row, ...]

    def articles(self) -> set[int]:
        """Articles in which the captured actors are mentioned."""
        return {int(m["article_id"]) for a in self.actors for m in a.mentions}

    def scoped(self, actor_ids: Iterable[int], rejection_keys: Iterable[str]) -> ActorSnapshot:
        """The same state limited to (or widened to, as absent) ``actor_ids`` and ``rejection_keys``."""
        ids = tuple(dict.fromkeys(actor_ids))
        keys = frozenset(rejection_keys)
        return replace(
            self,
            actor_ids=ids,
            actors=tuple(a for a in self.actors if a.id in ids),
            rejection_keys=keys,
            rejections=tuple(r for r in self.rejections if r["key"] in keys),
        )


@dataclass(frozen=True)
class ActorChange:
    """A correction as applied: the state before and after, and what it changed."""

    before: ActorSnapshot
    after: ActorSnapshot
    summary: ChangeSummary


def _rows(session: Session, columns: Iterable[Any], *where: Any) -> list[Row]:
    return [dict(r._mapping) for r in session.execute(select(*columns).where(*where))]


def _columns(model: Any) -> list[Any]:
    """The columns an edit changes (not the ones the database stamps itself, like ``change_seq``)."""
    return [c for c in model.__table__.columns if not c.info.get("set_by_database")]


def snapshot_actors(
    library: Library, actor_ids: Iterable[int], *, rejection_keys: Iterable[str] | None = None
) -> ActorSnapshot:
    """Capture the actors ``actor_ids`` (missing ones count as absent) and rejection rows.

    Without ``rejection_keys`` every rejection row is captured (the table is small).
    """
    ids = tuple(dict.fromkeys(int(i) for i in actor_ids))
    keys = None if rejection_keys is None else frozenset(rejection_keys)
    with library.read_session() as session:
        actors = []
        for row in _rows(session, _columns(Actor), Actor.id.in_(ids)) if ids else []:
            actor_id = row["id"]
            actors.append(
                ActorState(
                    row,
                    tuple(_rows(session, _columns(ActorAlias), ActorAlias.actor_id == actor_id)),
                    tuple(_rows(session, _columns(ActorRole), ActorRole.actor_id == actor_id)),
                    tuple(_rows(session, _columns(Mention), Mention.actor_id == actor_id)),
                    tuple(session.scalars(select(Quote.id).where(Quote.speaker_id == actor_id))),
                    tuple(
                        session.scalars(
                            select(QuoteCorrection.id).where(QuoteCorrection.speaker_id == actor_id)
                        )
                    ),
                )
            )
        where = [] if keys is None else [EntityRejection.key.in_(keys)]
        rejections = tuple(_rows(session, _columns(EntityRejection), *where)) if keys != frozenset() else ()
    actors.sort(key=lambda a: a.id)
    return ActorSnapshot(ids, tuple(actors), keys, rejections)


def _insert_keeping_ids(session: Session, model: Any, rows: Iterable[Row]) -> None:
    """Insert rows with their old ids; a row whose id was taken meanwhile gets a new one."""
    rows = list(rows)
    if not rows:
        return
    taken = set(session.scalars(select(model.id).where(model.id.in_([r["id"] for r in rows]))))
    keep = [r for r in rows if r["id"] not in taken]
    fresh = [{k: v for k, v in r.items() if k != "id"} for r in rows if r["id"] in taken]
    if keep:
        session.execute(insert(model), keep)
    if fresh:
        session.execute(insert(model), fresh)


def restore_actors(library: Library, snapshot: ActorSnapshot) -> ChangeSummary:
    """Make the library's actors and rejections in the snapshot's scope exactly as captured."""
    ids = list(snapshot.actor_ids)
    present = {a.id for a in snapshot.actors}
    with library.session() as session:
        touched = set(session.scalars(select(Mention.article_id).where(Mention.actor_id.in_(ids)).distinct()))
        touched |= snapshot.articles()
        articles = set(session.scalars(select(Article.id).where(Article.id.in_(touched))))
        absent = [i for i in ids if i not in present]
        if absent:
            session.execute(delete(Actor).where(Actor.id.in_(absent)))
        existing = set(session.scalars(select(Actor.id).where(Actor.id.in_(present))))
        for state in snapshot.actors:
            values = {k: v for k, v in state.row.items() if k != "id"}
            if state.id in existing:
                session.execute(update(Actor).where(Actor.id == state.id).values(**values))
                for model in (ActorAlias, ActorRole, Mention):
                    session.execute(delete(model).where(model.actor_id == state.id))
            else:
                session.execute(insert(Actor).values(id=state.id, **values))
        for state in snapshot.actors:
            _insert_keeping_ids(session, ActorAlias, state.aliases)
            _insert_keeping_ids(session, ActorRole, [r for r in state.roles if r["article_id"] in articles])
            _insert_keeping_ids(session, Mention, [m for m in state.mentions if m["article_id"] in articles])
            for model, ids_of_rows in ((Quote, state.quotes), (QuoteCorrection, state.quote_corrections)):
                if ids_of_rows:
                    session.execute(
                        update(model).where(model.id.in_(ids_of_rows)).values(speaker_id=state.id)
                    )
        if snapshot.rejection_keys is None:
            session.execute(delete(EntityRejection))
        elif snapshot.rejection_keys:
            session.execute(delete(EntityRejection).where(EntityRejection.key.in_(snapshot.rejection_keys)))
        _insert_keeping_ids(session, EntityRejection, snapshot.rejections)
    return ChangeSummary(
        articles=tuple(sorted(articles)),
        actors=tuple(sorted(present)),
        removed_actors=tuple(i for i in ids if i not in present),
    )


def _rejection_diff(before: Iterable[Row], after: Iterable[Row]) -> set[str]:
    def as_set(rows: Iterable[Row]) -> set[tuple[Any, ...]]:
        return {(r["key"], r["id"], r["text"]) for r in rows}

    return {item[0] for item in as_set(before) ^ as_set(after)}


def record_actor_change(
    library: Library, actor_ids: Iterable[int], operation: Callable[[], ChangeSummary]
) -> ActorChange:
    """Run a correction between two snapshots of the actors it involves (new actors included)."""
    ids = list(actor_ids)
    before = snapshot_actors(library, ids)
    summary = operation()
    scope = list(dict.fromkeys([*ids, *summary.actors, *summary.removed_actors]))
    after = snapshot_actors(library, scope)
    keys = _rejection_diff(before.rejections, after.rejections)
    return ActorChange(before.scoped(scope, keys), after.scoped(scope, keys), summary)


@dataclass(frozen=True)
class AnnotationSnapshot:
    """A deleted annotation, complete enough to re-create it exactly."""

    row: Row  # every column of the annotations table
    tags: tuple[str, ...]

    @property
    def id(self) -> int:
        """The annotation's id."""
        return int(self.row["id"])

    @property
    def article_id(self) -> int:
        """The annotated article."""
        return int(self.row["article_id"])


def _snapshot(session: Session, annotation_id: int) -> AnnotationSnapshot:
    rows = _rows(session, _columns(Annotation), Annotation.id == annotation_id)
    if not rows:
        raise NotFoundError(f"There is no annotation {annotation_id}.")
    tags = session.scalars(
        select(Tag.name)
        .join(annotation_tags, annotation_tags.c.tag_id == Tag.id)
        .where(annotation_tags.c.annotation_id == annotation_id)
        .order_by(Tag.name)
    )
    return AnnotationSnapshot(rows[0], tuple(tags))


def snapshot_annotation(library: Library, annotation_id: int) -> AnnotationSnapshot:
    """Capture an annotation with its tags."""
    with library.read_session() as session:
        return _snapshot(session, annotation_id)


def remove_annotation(library: Library, annotation_id: int) -> AnnotationSnapshot:
    """Delete an annotation and return what is needed to re-create it."""
    with library.session() as session:
        snapshot = _snapshot(session, annotation_id)
        session.execute(delete(Annotation).where(Annotation.id == annotation_id))
    return snapshot


def restore_annotation(library: Library, snapshot: AnnotationSnapshot) -> AnnotationRow:
    """Re-create a captured annotation (same id and uid when still free) with its tags."""
    row = dict(snapshot.row)
    with library.session() as session:
        if session.get(Article, snapshot.article_id) is None:
            raise NotFoundError(f"The article {snapshot.article_id} of this annotation no longer exists.")
        session.execute(delete(Annotation).where(Annotation.id == snapshot.id))
        if session.scalar(select(Annotation.id).where(Annotation.uid == row["uid"])) is not None:
            del row["uid"]
        annotation_id = int(
            session.execute(insert(Annotation).values(**row).returning(Annotation.id)).scalar_one()
        )
        ids = tag_ids(session, snapshot.tags)
        if ids:
            rows = [{"annotation_id": annotation_id, "tag_id": t} for t in ids]
            session.execute(insert(annotation_tags), rows)
    with library.read_session() as session:
        return next(r for r in annotation_rows(session, snapshot.article_id) if r.id == annotation_id)


def annotation_values(row: AnnotationRow) -> dict[str, Any]:
    """The editable values of an annotation (note, tags, colour), e.g. for an edit's undo."""
    return {"note": row.note, "tags": list(row.tags), "color": row.color}


__all__ = [
    "ActorChange",
    "ActorSnapshot",
    "ActorState",
    "AnnotationSnapshot",
    "annotation_values",
    "record_actor_change",
    "remove_annotation",
    "restore_actors",
    "restore_annotation",
    "snapshot_actors",
    "snapshot_annotation",
]

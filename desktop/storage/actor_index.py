"""The reads and writes of the importer's in-memory actor index (desktop.services.resolver) in each write
transaction: statements built once on the tables (Core: no ORM work per query), rows as tuples."""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Row, bindparam, func, select
from sqlalchemy.orm import Session

from desktop.storage.bulk import insert_tuples
from desktop.storage.models import Actor, ActorAlias

_actors, _aliases = Actor.__table__.c, ActorAlias.__table__.c
_ACTOR_COLUMNS = (_actors.id, _actors.name, _actors.type, _actors.confirmed, _actors.created_at)
_ALL_ACTORS = select(*_ACTOR_COLUMNS, _actors.change_seq).order_by(_actors.id)
_ACTORS_SINCE = (
    select(*_ACTOR_COLUMNS, _actors.change_seq)
    .where(_actors.change_seq > bindparam("seen"))
    .order_by(_actors.change_seq)
)
_ALIAS_COLUMNS = (_aliases.id, _aliases.actor_id, _aliases.alias, _aliases.key)
_ALL_ALIASES = select(*_ALIAS_COLUMNS).order_by(_aliases.id)
_ALIASES_SINCE = select(*_ALIAS_COLUMNS).where(_aliases.id > bindparam("seen")).order_by(_aliases.id)
_ACTOR_COUNT = select(func.count()).select_from(Actor.__table__)
_LAST_WRITTEN = select(
    select(func.max(_actors.change_seq)).scalar_subquery(), select(func.max(_aliases.id)).scalar_subquery()
)
_CREATED = select(_actors.id, _actors.created_at).where(
    _actors.id.between(bindparam("low"), bindparam("high"))
)

ACTOR_ROW = ("id", "name", "type", "confirmed", "created_at")
"""The columns of a new actor's row for :func:`insert_actors`, in this order."""
ALIAS_ROW = ("actor_id", "alias", "key", "source")
"""The columns of a new alias row for :func:`insert_aliases`, in this order."""


def actors_since(session: Session, seen: int | None) -> Iterator[Row[Any]]:
    """Actors (id, name, type, confirmed, created_at, change_seq) changed after ``change_seq`` ``seen``
    in its order; every actor by id when ``seen`` is None."""
    if seen is None:
        return iter(session.execute(_ALL_ACTORS))
    return iter(session.execute(_ACTORS_SINCE, {"seen": seen}))


def aliases_since(session: Session, seen: int | None) -> Iterator[Row[Any]]:
    """Alias rows (id, actor_id, alias, key) after id ``seen`` (all when None), by id."""
    if seen is None:
        return iter(session.execute(_ALL_ALIASES))
    return iter(session.execute(_ALIASES_SINCE, {"seen": seen}))


def actor_count(session: Session) -> int:
    return int(session.scalar(_ACTOR_COUNT) or 0)


def last_written(session: Session) -> tuple[int, int]:
    """The highest ``actors.change_seq`` and ``actor_aliases.id`` (0 for none), in one query."""
    seq, alias = session.execute(_LAST_WRITTEN).one()
    return int(seq or 0), int(alias or 0)


def created_at(session: Session, ids: Collection[int]) -> dict[int, datetime]:
    """The creation times of these actors as the database gives them back (a range of ids, not a list:
    compiling a long IN list costs more than the query; new ids lie close together)."""
    if not ids:
        return {}
    rows = session.execute(_CREATED, {"low": min(ids), "high": max(ids)})
    return {int(actor_id): created for actor_id, created in rows if actor_id in ids}


def insert_actors(session: Session, rows: Sequence[Sequence[Any]]) -> None:
    """Insert new actors, rows in :data:`ACTOR_ROW` order (the insert trigger numbers them in order)."""
    insert_tuples(session, Actor, ACTOR_ROW, rows)


def insert_aliases(session: Session, rows: Sequence[Sequence[Any]]) -> None:
    """Insert alias rows in :data:`ALIAS_ROW` order."""
    insert_tuples(session, ActorAlias, ALIAS_ROW, rows)

"""The library-wide actor list a page at a time: groups by type with their totals, then the most
mentioned actors of one type, ranked and filtered in SQL.

Everything reads the maintained counts (``actor_counts``, migration 0008) and fetches names,
aliases and roles only for the actors of the page asked for, so the first page costs the same
whatever the size of the library.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Select, func, or_, select
from sqlalchemy.orm import Session

from desktop.core.entities.names import match_key
from desktop.core.textfold import fold
from desktop.services.dto import ActorRow
from desktop.services.queries import decorated_actor_rows
from desktop.storage.models import Actor, ActorAlias, ActorCount
from desktop.storage.portable import code_point_order

#: How many actors of one type the sidebar reads at a time.
ACTOR_PAGE = 200
#: How many actors of each type it reads first (more than a window shows).
FIRST_PAGE = 60


@dataclass(frozen=True)
class ActorGroup:
    """One type of actor in the library list: how many actors it holds and their mentions in all."""

    type: str
    actors: int
    mentions: int


def _escaped(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def name_condition(text: str) -> ColumnElement[bool] | None:
    """Actors whose name or another name contains ``text`` (case and accents ignored through the
    folded alias keys); None for no text."""
    words = text.strip()
    if not words:
        return None
    keys = {k for k in (fold(words), match_key(words)) if k}
    alias_hits = select(ActorAlias.actor_id).where(
        or_(
            ActorAlias.alias.icontains(words, autoescape=True),
            *(ActorAlias.key.like(f"%{_escaped(k)}%", escape="\\") for k in keys),
        )
    )
    return or_(Actor.name.icontains(words, autoescape=True), Actor.id.in_(alias_hits))


def _counted(text: str) -> Select[tuple[int, str, str, bool, int, int]]:
    query = (
        select(Actor.id, Actor.name, Actor.type, Actor.confirmed, ActorCount.mentions, ActorCount.articles)
        .join(Actor, Actor.id == ActorCount.actor_id)
        .where(ActorCount.mentions > 0)
    )
    condition = name_condition(text)
    return query if condition is None else query.where(condition)


def actor_groups(session: Session, text: str = "") -> list[ActorGroup]:
    """The types with at least one mentioned actor (matching ``text``), with their totals.

    One aggregate over the maintained counts (one row per actor), never over mentions.
    """
    counted = _counted(text).subquery()
    rows = session.execute(
        select(counted.c.type, func.count(), func.sum(counted.c.mentions)).group_by(counted.c.type)
    )
    return [ActorGroup(str(kind), int(n), int(total or 0)) for kind, n, total in rows]


def _ranked(kind: str, offset: int, limit: int, text: str) -> Select[tuple[int, str, str, bool, int, int]]:
    return (
        _counted(text)
        .where(Actor.type == kind)
        .order_by(ActorCount.mentions.desc(), code_point_order(Actor.name), Actor.id)
        .offset(max(offset, 0))
        .limit(max(limit, 0))
    )


def actor_page(
    session: Session, kind: str, offset: int, limit: int = ACTOR_PAGE, text: str = ""
) -> list[ActorRow]:
    """Actors of type ``kind`` (matching ``text``), most mentioned first, ``limit`` from ``offset``."""
    return decorated_actor_rows(session, list(session.execute(_ranked(kind, offset, limit, text))), None)


def first_pages(
    session: Session, text: str = "", limit: int = FIRST_PAGE
) -> tuple[list[ActorGroup], dict[str, list[ActorRow]]]:
    """The groups and the first ``limit`` actors of each: what the sidebar shows first.

    Names, aliases and roles are read for the actors shown only, in one go for all groups.
    """
    if text.strip():
        groups, rows = _ranked_in_one(session, text, limit)
    else:  # the totals from one aggregate, each page from the mentions index
        groups = actor_groups(session)
        rows = [row for g in groups for row in session.execute(_ranked(g.type, 0, limit, ""))]
    pages: dict[str, list[ActorRow]] = {g.type: [] for g in groups}
    for actor in decorated_actor_rows(session, rows, None):
        pages[actor.type].append(actor)
    return groups, pages


def _ranked_in_one(session: Session, text: str, limit: int) -> tuple[list[ActorGroup], list[Any]]:
    """Totals and first pages in one statement (window functions, on both engines), so the name
    filter, which no index serves, is evaluated once."""
    counted = _counted(text).subquery()
    order = (counted.c.mentions.desc(), code_point_order(counted.c.name), counted.c.id)
    ranked = select(
        *counted.c,
        func.row_number().over(partition_by=counted.c.type, order_by=order).label("rank"),
        func.count().over(partition_by=counted.c.type).label("in_type"),
        func.sum(counted.c.mentions).over(partition_by=counted.c.type).label("type_mentions"),
    ).subquery()
    statement = select(ranked).where(ranked.c.rank <= max(limit, 1)).order_by(ranked.c.type, ranked.c.rank)
    rows = list(session.execute(statement))
    groups: dict[str, ActorGroup] = {}
    for row in rows:
        groups.setdefault(row.type, ActorGroup(row.type, int(row.in_type), int(row.type_mentions or 0)))
    return sorted(groups.values(), key=lambda g: g.type), [row[:6] for row in rows if limit > 0]

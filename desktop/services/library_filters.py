"""Filters of the library list (tag, actor, author, has notes, reading state) as queries of article ids."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import ColumnElement, CompoundSelect, Select, select, union
from sqlalchemy.orm import Session

from desktop.storage.models import Actor, ActorCount, Annotation, Article, Mention, Tag, annotation_tags
from desktop.storage.portable import code_point_order

#: Which articles the list shows by reading state; "inbox" (everything not archived) by default.
StateView = Literal["inbox", "unread", "starred", "archived", "all"]
STATE_VIEWS: dict[str, str] = {
    "inbox": "Not archived",
    "unread": "Unread",
    "starred": "Starred",
    "archived": "Archived",
    "all": "All articles",
}

#: How many actors the library's actor filter offers at a time.
ACTOR_SUGGESTIONS = 30


def in_state_view(item: Any, view: StateView) -> bool:
    """True when ``view`` lists the article (an object with read_at, starred and archived)."""
    if view == "inbox":
        return not item.archived
    if view == "unread":
        return item.read_at is None and not item.archived
    if view == "starred":
        return bool(item.starred)
    if view == "archived":
        return bool(item.archived)
    return True


@dataclass(frozen=True)
class LibraryFilter:
    """What the library list is restricted to; every set field must hold (AND)."""

    tag: str | None = None  # a tag name; its sub-tags ("tag/sub") match too
    actor_id: int | None = None
    has_annotations: bool = False
    read: bool | None = None  # True: read ones only, False: unread ones only
    starred: bool = False
    archived: bool | None = None  # True: archived ones only, False: those not archived
    author: str = ""  # imported or annotated by this user

    @property
    def active(self) -> bool:
        """True when at least one restriction is set."""
        return (
            bool(self.tag)
            or self.actor_id is not None
            or self.has_annotations
            or self.read is not None
            or self.starred
            or self.archived is not None
            or bool(self.author)
        )


@dataclass(frozen=True)
class ActorChoice:
    """An actor offered in the filter list."""

    id: int
    name: str
    type: str
    articles: int


def tags_in_use(session: Session) -> list[str]:
    """Names of tags attached to at least one annotation, sorted case-insensitively."""
    names = session.scalars(
        select(Tag.name).join(annotation_tags, annotation_tags.c.tag_id == Tag.id).distinct()
    )
    return sorted(names, key=lambda n: (n.casefold(), n))


def actor_choices(session: Session) -> list[ActorChoice]:
    """Actors mentioned in at least one article, by name, with their article counts."""
    rows = session.execute(
        select(Actor.id, Actor.name, Actor.type, ActorCount.articles)
        .join(ActorCount, ActorCount.actor_id == Actor.id)
        .where(ActorCount.articles > 0)
    )  # the maintained counts (migration 0008), not an aggregate over every mention
    choices = [ActorChoice(int(r[0]), r[1], r[2], int(r[3])) for r in rows]
    choices.sort(key=lambda c: (c.name.casefold(), c.id))
    return choices


def actor_suggestions(
    session: Session, text: str = "", limit: int = ACTOR_SUGGESTIONS, *, include: int | None = None
) -> list[ActorChoice]:
    """At most ``limit`` mentioned actors whose name contains ``text``, most articles first.

    ``include``: an actor listed in any case (the one chosen), first.
    """
    words = text.strip()
    counts = (  # the maintained counts (migration 0008), not an aggregate over every mention
        select(Actor.id, Actor.name, Actor.type, ActorCount.articles.label("n"))
        .join(ActorCount, ActorCount.actor_id == Actor.id)
        .where(ActorCount.articles > 0)
    )
    query = counts
    if words:
        query = query.where(Actor.name.icontains(words, autoescape=True))  # any case on either engine
    order = (ActorCount.articles.desc(), code_point_order(Actor.name), Actor.id)
    rows = list(session.execute(query.order_by(*order).limit(max(limit, 0))))
    if include is not None and all(int(r[0]) != include for r in rows):
        rows[:0] = list(session.execute(counts.where(Actor.id == include)))
    return [ActorChoice(int(r[0]), r[1], r[2], int(r[3])) for r in rows]


def filter_conditions(flt: LibraryFilter) -> list[ColumnElement[bool]]:
    """The SQL conditions on Article for ``flt`` (all must hold)."""
    conditions: list[ColumnElement[bool]] = []
    if flt.tag:
        conditions.append(Article.id.in_(_tag_articles(flt.tag)))
    if flt.actor_id is not None:
        conditions.append(Article.id.in_(select(Mention.article_id).where(Mention.actor_id == flt.actor_id)))
    if flt.has_annotations:
        conditions.append(Article.id.in_(select(Annotation.article_id)))
    if flt.author:
        conditions.append(Article.id.in_(_author_articles(flt.author)))
    if flt.read is not None:
        conditions.append(Article.read_at.is_not(None) if flt.read else Article.read_at.is_(None))
    if flt.starred:
        conditions.append(Article.starred.is_(True))
    if flt.archived is not None:
        conditions.append(Article.archived.is_(flt.archived))
    return conditions


def tagged_annotations(tag: str) -> Select[Any]:
    """Ids of the annotations carrying ``tag`` (normal form) or one of its sub-tags ("tag/sub")."""
    return (
        select(annotation_tags.c.annotation_id)
        .join(Tag, Tag.id == annotation_tags.c.tag_id)
        .where((Tag.name == tag) | Tag.name.startswith(tag + "/", autoescape=True))
    )


def _author_articles(author: str) -> CompoundSelect[Any]:
    """Ids of the articles ``author`` imported or annotated."""
    return union(
        select(Article.id).where(Article.imported_by == author),
        select(Annotation.article_id).where(Annotation.author == author),
    )


def _tag_articles(tag: str) -> Select[Any]:
    return select(Annotation.article_id).where(Annotation.id.in_(tagged_annotations(tag)))


def filter_article_ids(session: Session, flt: LibraryFilter) -> set[int] | None:
    """Ids of the articles passing ``flt``; None when the filter restricts nothing."""
    if not flt.active:
        return None
    result: set[int] | None = None

    def narrow(ids: set[int]) -> None:
        nonlocal result
        result = ids if result is None else result & ids

    if flt.tag:
        narrow(set(session.scalars(_tag_articles(flt.tag))))
    if flt.actor_id is not None:
        narrow(set(session.scalars(select(Mention.article_id).where(Mention.actor_id == flt.actor_id))))
    if flt.has_annotations:
        narrow(set(session.scalars(select(Annotation.article_id).distinct())))
    if flt.author:
        narrow(set(session.scalars(_author_articles(flt.author))))
    state = []
    if flt.read is not None:
        state.append(Article.read_at.is_not(None) if flt.read else Article.read_at.is_(None))
    if flt.starred:
        state.append(Article.starred.is_(True))
    if flt.archived is not None:
        state.append(Article.archived.is_(flt.archived))
    if state:
        narrow(set(session.scalars(select(Article.id).where(*state))))
    return result if result is not None else set()

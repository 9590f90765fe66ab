"""Reading state of articles: read/unread (with the time read), starred, archived; next/previous.

Each change is one committed transaction and returns the new state; several articles can be
changed at once (a selection in the window, several ids on the command line).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any, Literal

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from desktop.services.dto import ReadingState
from desktop.services.library_filters import LibraryFilter, filter_article_ids
from desktop.services.queries import NotFoundError
from desktop.storage.db import Library
from desktop.storage.models import Article, utcnow
from desktop.storage.portable import code_point_order

ArticleOrder = Literal["imported", "published", "title"]


def _states(session: Session, ids: Sequence[int]) -> list[ReadingState]:
    rows = session.execute(
        select(Article.id, Article.read_at, Article.starred, Article.archived).where(Article.id.in_(ids))
    ).all()
    found = {
        r[0]: ReadingState(r[0], r[1].isoformat() if r[1] else None, bool(r[2]), bool(r[3])) for r in rows
    }
    missing = [i for i in ids if i not in found]
    if missing:
        raise NotFoundError(f"There is no article {missing[0]} in this library.")
    return [found[i] for i in ids]


def reading_states(library: Library, article_ids: Iterable[int]) -> list[ReadingState]:
    """The reading state of each article, in the order asked; NotFoundError for a missing one."""
    ids = list(dict.fromkeys(int(i) for i in article_ids))
    with library.read_session() as session:
        return _states(session, ids)


def _change(library: Library, article_ids: Iterable[int], values: dict[str, Any]) -> list[ReadingState]:
    ids = list(dict.fromkeys(int(i) for i in article_ids))
    with library.session() as session:
        _states(session, ids)  # every id must exist before anything changes
        if values:
            session.execute(update(Article).where(Article.id.in_(ids)).values(**values))
        return _states(session, ids)


def mark_read(
    library: Library, article_ids: Iterable[int], read: bool = True, *, when: datetime | None = None
) -> list[ReadingState]:
    """Mark articles read (now, or ``when``) or unread. Already read articles keep their first time."""
    ids = list(dict.fromkeys(int(i) for i in article_ids))
    if not read:
        return _change(library, ids, {"read_at": None})
    with library.session() as session:
        _states(session, ids)
        session.execute(
            update(Article)
            .where(Article.id.in_(ids), Article.read_at.is_(None))
            .values(read_at=when or utcnow())
        )
        return _states(session, ids)


def set_starred(library: Library, article_ids: Iterable[int], starred: bool = True) -> list[ReadingState]:
    """Star or unstar articles."""
    return _change(library, article_ids, {"starred": bool(starred)})


def set_archived(library: Library, article_ids: Iterable[int], archived: bool = True) -> list[ReadingState]:
    """Archive or unarchive articles."""
    return _change(library, article_ids, {"archived": bool(archived)})


def _ordered_ids(session: Session, order: ArticleOrder) -> list[int]:
    if order == "published":
        # newest publication first; undated articles after the dated ones, newest import first
        keys: list[Any] = [Article.published.is_(None), Article.published.desc(), Article.id.desc()]
    elif order == "title":
        keys = [code_point_order(func.lower(Article.title)), Article.id]  # case-blind on both engines
    else:
        keys = [Article.id.desc()]
    return list(session.scalars(select(Article.id).order_by(*keys)))


def adjacent_article(
    library: Library,
    current: int,
    step: int = 1,
    *,
    order: ArticleOrder = "imported",
    flt: LibraryFilter | None = None,
    article_ids: Sequence[int] | None = None,
) -> int | None:
    """The article ``step`` places after ``current`` (negative: before), or None at either end.

    The list is ``article_ids`` when given (the order the user sees), else the library in
    ``order`` narrowed by ``flt``. When ``current`` is not in the list (filtered out meanwhile),
    the first (``step > 0``) or last article is the answer.
    """
    if article_ids is None:
        with library.read_session() as session:
            ids = _ordered_ids(session, order)
            allowed = filter_article_ids(session, flt) if flt is not None else None
        if allowed is not None:
            ids = [i for i in ids if i in allowed]
    else:
        ids = list(article_ids)
    return step_in(ids, current, step)


def step_in(ids: Sequence[int], current: int, step: int) -> int | None:
    """The id ``step`` places from ``current`` in ``ids`` (None past either end)."""
    if not ids or step == 0:
        return current if current in ids else None
    try:
        index = ids.index(current)
    except ValueError:
        return ids[0] if step > 0 else ids[-1]
    target = index + step
    return ids[target] if 0 <= target < len(ids) else None


__all__ = [
    "ArticleOrder",
    "adjacent_article",
    "mark_read",
    "reading_states",
    "set_archived",
    "set_starred",
    "step_in",
]

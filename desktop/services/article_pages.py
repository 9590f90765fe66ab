"""Pages of the library list: filtered and sorted in SQL, read a page at a time (offset/limit).

The window never loads the whole library: it asks for the first page of an :class:`ArticleQuery`
and for the next page as the list is scrolled. Search results come the same way, in rank order
(or sorted by a column among the hits), restricted by the same filters.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from sqlalchemy import ColumnElement, and_, case, func, or_, select
from sqlalchemy.orm import Session

from desktop.services.dto import ArticlePage, ArticleRow, SearchPage
from desktop.services.library_filters import LibraryFilter, StateView, filter_conditions
from desktop.services.row_shapes import article_row
from desktop.storage.models import Annotation, Article, imported_day
from desktop.storage.portable import code_point_order, position
from desktop.storage.search import Snippet, hit_snippets, search_articles

SortKey = Literal["imported", "title", "source", "date", "language", "notes", "rank"]
SORT_KEYS: tuple[SortKey, ...] = ("imported", "title", "source", "date", "language", "notes", "rank")

#: The most search hits a search lists (the best ones).
SEARCH_LIMIT = 500


@dataclass(frozen=True)
class ArticleQuery:
    """What the library list shows and in which order.

    ``sort`` "imported" is newest import first (descending) by default; "rank" is the search order.
    ``pinned``: an article listed whatever its reading state (the one being read).
    """

    sort: SortKey = "imported"
    descending: bool = True
    state: StateView = "inbox"
    pinned: int | None = None
    filter: LibraryFilter = field(default_factory=LibraryFilter)
    search: str = ""

    def __post_init__(self) -> None:
        if self.sort not in SORT_KEYS:
            raise ValueError(f"Unknown sort key {self.sort!r}.")


def _notes_count() -> Any:
    return (
        select(func.count(Annotation.id))
        .where(Annotation.article_id == Article.id)
        .correlate(Article)
        .scalar_subquery()
    )


def _columns() -> tuple[Any, ...]:
    return (
        Article.id,
        Article.title,
        Article.language,
        func.coalesce(Article.source_url, Article.source_path),
        Article.published,
        _notes_count(),
        Article.imported_at,
        Article.outlet,
        Article.read_at,
        Article.starred,
        Article.archived,
    )


def _row(r: Sequence[Any]) -> ArticleRow:
    return article_row(r)


def _site() -> Any:
    """The host of the source address without "www." (as core.article_labels.site_of), in SQL."""
    url = Article.source_url
    rest = func.substr(url, position(url, "://") + 3)
    host = case((position(rest, "/") > 0, func.substr(rest, 1, position(rest, "/") - 1)), else_=rest)
    host = case((func.substr(host, 1, 4) == "www.", func.substr(host, 5)), else_=host)
    return case((position(func.coalesce(url, ""), "://") > 0, func.lower(host)), else_="")


def _sort_expression(key: SortKey) -> Any:
    """What a column sorts by; texts in code point order (as the list's own sort keys) on either engine."""
    if key == "title":
        return code_point_order(func.lower(Article.title))
    if key == "source":
        outlet = func.trim(func.coalesce(Article.outlet, ""))
        return code_point_order(case((outlet != "", func.lower(outlet)), else_=_site()))
    if key == "date":
        return func.coalesce(Article.published, imported_day())  # as the date index has it
    if key == "language":
        return code_point_order(Article.language)
    if key == "notes":
        return _notes_count()
    return Article.id


def state_condition(view: StateView) -> ColumnElement[bool] | None:
    """The SQL form of ``in_state_view`` (None: every article)."""
    if view == "inbox":
        return Article.archived.is_(False)
    if view == "unread":
        return and_(Article.read_at.is_(None), Article.archived.is_(False))
    if view == "starred":
        return Article.starred.is_(True)
    if view == "archived":
        return Article.archived.is_(True)
    return None


def _conditions(query: ArticleQuery) -> list[ColumnElement[bool]]:
    conditions = filter_conditions(query.filter)
    state = state_condition(query.state)
    if state is not None:
        conditions.append(or_(state, Article.id == query.pinned) if query.pinned is not None else state)
    return conditions


def _ordered(statement: Any, query: ArticleQuery) -> Any:
    key = "imported" if query.sort == "rank" else query.sort
    expression = _sort_expression(key)
    if key == "imported":
        return statement.order_by(expression.desc() if query.descending else expression.asc())
    if query.descending:
        return statement.order_by(expression.desc(), Article.id.desc())
    return statement.order_by(expression.asc(), Article.id.asc())


def count_articles(session: Session, query: ArticleQuery) -> int:
    """How many articles ``query`` lists (search aside)."""
    return int(session.scalar(select(func.count(Article.id)).where(*_conditions(query))) or 0)


def article_page(
    session: Session, query: ArticleQuery, offset: int = 0, limit: int = 100, *, count: bool = False
) -> ArticlePage:
    """Rows ``offset`` … ``offset + limit`` of the list ``query`` describes (search aside).

    ``total`` is known when the page reaches the end of the list or ``count`` asks for it (a count
    reads every listed row's state: the window asks for it apart, after the first page is shown);
    otherwise it is -1 and ``more`` says whether a next page may follow.
    """
    offset, limit = max(offset, 0), max(limit, 0)
    statement = _ordered(select(*_columns()).where(*_conditions(query)), query).offset(offset).limit(limit)
    rows = [_row(r) for r in session.execute(statement)]
    short = len(rows) < limit and (rows or offset == 0)  # the end of the list is in this page
    total = offset + len(rows) if short else count_articles(session, query) if count else -1
    return ArticlePage(tuple(rows), offset, total, more=len(rows) == limit > 0)


def iter_article_rows(
    session: Session, query: ArticleQuery, limit: int | None = None, *, batch: int = 1000
) -> Iterator[ArticleRow]:
    """The rows of the list ``query`` describes (search and sort aside: newest import first), at most
    ``limit`` (None: all), read ``batch`` at a time from where the last batch ended (no offset, so
    every batch costs the same however deep into the library)."""
    conditions = _conditions(query)
    last: int | None = None
    left = limit
    while left is None or left > 0:
        size = batch if left is None else min(batch, left)
        where = conditions if last is None else [*conditions, Article.id < last]
        statement = select(*_columns()).where(*where).order_by(Article.id.desc()).limit(size)
        rows = [_row(r) for r in session.execute(statement)]
        yield from rows
        if len(rows) < size:
            return
        last = rows[-1].id
        left = None if left is None else left - len(rows)


def library_size(session: Session) -> int:
    """How many articles the library holds (read from an index: no article rows are read)."""
    return int(session.scalar(select(func.count()).select_from(Article)) or 0)


def article_rows(session: Session, ids: Iterable[int], query: ArticleQuery | None = None) -> list[ArticleRow]:
    """The rows of these articles passing ``query``'s filters, in the query's order (ids order for rank)."""
    wanted = list(dict.fromkeys(ids))
    if not wanted:
        return []
    statement = select(*_columns()).where(Article.id.in_(wanted))
    if query is not None:
        statement = statement.where(*_conditions(query))
    if query is None or query.sort == "rank":
        position = {article_id: i for i, article_id in enumerate(wanted)}
        return sorted((_row(r) for r in session.execute(statement)), key=lambda row: position[row.id])
    return [_row(r) for r in session.execute(_ordered(statement, query))]


def search_page(
    session: Session, query: ArticleQuery, limit: int = 100, *, snippets: int | None = None
) -> SearchPage:
    """The best ``limit`` hits of ``query.search`` passing the query's filters and state, with snippets.

    ``complete`` is False when asking for more (a higher limit, up to SEARCH_LIMIT) may find more.
    ``snippets``: only the best this many hits get a snippet (all when None); :func:`search_snippets`
    makes the others' when they are shown (500 snippets cost about as much as the search itself).
    """
    limit = max(1, min(limit, SEARCH_LIMIT))
    hits = search_articles(session, query.search, limit=limit, snippets=snippets)
    rows = article_rows(session, [h.id for h in hits], query)
    complete = len(hits) < limit or limit >= SEARCH_LIMIT
    return SearchPage(tuple(rows), tuple(hits), complete, len(hits))


def search_snippets(session: Session, search: str, ids: Iterable[int]) -> dict[int, Snippet]:
    """The snippets of these articles for the search text ``search``, by id (as a search page has them)."""
    return hit_snippets(session, search, ids)

"""The library list read from the database a page at a time: sorted and filtered in SQL, off the GUI thread.

The model holds only the rows fetched so far (a prefix of the ordered list); the pane asks for the
next page (``fetch_more``) as the list is scrolled near its end. Every query runs in ``ctx.tasks``; a result
for a query that changed meanwhile is dropped. ``refresh`` re-reads the rows already fetched and
applies the difference, so an import or an edit moves only the changed rows and keeps the selection.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable

from PySide6.QtCore import QModelIndex, QObject, Qt, Signal

from desktop.core.errors import message_of
from desktop.services.article_pages import (
    SEARCH_LIMIT,
    ArticleQuery,
    SortKey,
)
from desktop.services.dto import ArticlePage, ArticleRow, ReadingState, SearchPage
from desktop.services.library import Library
from desktop.services.library_filters import in_state_view
from desktop.services.window_reads import list_page, listed_count
from desktop.ui.library_model import DATE, LANGUAGE, NOTES, SOURCE, TITLE, ArticleListModel
from desktop.ui.tasks import TaskControl, TaskRunner

#: Rows read per page (a screenful or two; the view asks for the next page as it scrolls).
PAGE_SIZE = 100

COLUMN_SORT: dict[int, SortKey] = {
    TITLE: "title",
    SOURCE: "source",
    DATE: "date",
    LANGUAGE: "language",
    NOTES: "notes",
}


class PagedArticleModel(ArticleListModel):
    """The library list of an :class:`ArticleQuery`, fetched from the database page by page."""

    page_loaded = Signal(object)  # the ArticleQuery whose first rows (or refreshed rows) arrived
    counted = Signal()  # total() and library_total() are up to date

    def __init__(self, tasks: TaskRunner, library: Library, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._library = library
        self._query = ArticleQuery()
        self._generation = 0
        self._total = 0  # articles the query lists (hits that pass, when searching); -1: not counted yet
        self._library_total = 0
        self._more = False  # the last page read was full: another may follow
        self._fetching = False
        self._search_limit = PAGE_SIZE
        self._search_complete = True
        self._key = f"article-page-{id(self)}"

    # ------------------------------------------------------------------ the query

    def query(self) -> ArticleQuery:
        """What the list shows."""
        return self._query

    def total(self) -> int:
        """How many articles the query lists (not all need be fetched yet); -1 until counted."""
        return self._total

    def library_total(self) -> int:
        """How many articles the library holds."""
        return self._library_total

    def set_query(self, query: ArticleQuery) -> None:
        """Show ``query``: its first page replaces the rows when it arrives."""
        self._query = query
        self._generation += 1
        self._search_limit = PAGE_SIZE if query.sort == "rank" else SEARCH_LIMIT
        self._fetching = False
        self._load(0, PAGE_SIZE, replace=True)

    def refresh(self) -> None:
        """Re-read the rows fetched so far; only rows that changed signal a change."""
        self._generation += 1
        self._fetching = False
        self._load(0, max(self.rowCount(), PAGE_SIZE), replace=True)

    def set_pinned(self, article_id: int | None) -> None:
        """Keep this article listed whatever its reading state; the one pinned before may leave."""
        old = self._query.pinned
        if old == article_id:
            return
        self._query = dataclasses.replace(self._query, pinned=article_id)
        if old is not None:
            self._drop_outside_view([old])

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key: SortKey = COLUMN_SORT.get(column, "imported")
        descending = order == Qt.SortOrder.DescendingOrder or key == "imported"
        if (key, descending) != (self._query.sort, self._query.descending):
            self.set_query(dataclasses.replace(self._query, sort=key, descending=descending))

    # ------------------------------------------------------------------ paging

    def can_fetch_more(self) -> bool:
        """True when rows beyond those fetched may follow (and no page is on its way)."""
        if self._fetching:
            return False
        if self._query.search:
            return not self._search_complete
        return self._more

    def fetch_more(self) -> None:
        """Fetch the next page in the background (the view asks as it nears the end).

        Not Qt's canFetchMore/fetchMore: QTreeView calls those on every layout, which would page
        through the whole library; the list pane decides from its scroll bar instead.
        """
        if not self.can_fetch_more():
            return
        self._fetching = True
        if self._query.search:
            self._search_limit = SEARCH_LIMIT
            self._load(0, SEARCH_LIMIT, replace=False)
        else:
            self._load(self.rowCount(), PAGE_SIZE, replace=False)

    def _load(self, offset: int, limit: int, *, replace: bool) -> None:
        library, query, generation = self._library, self._query, self._generation
        search_limit = self._search_limit

        def load(control: TaskControl) -> tuple[ArticlePage | SearchPage, int]:
            return list_page(library, query, offset, limit, search_limit, with_size=replace)

        def done(result: tuple[ArticlePage | SearchPage, int]) -> None:
            if result[1] >= 0:
                self._library_total = result[1]  # whatever the query: the library's size is news
            if generation == self._generation:
                self._apply(result[0], replace=replace)

        key = self._key if replace else f"{self._key}-more"
        if replace:
            self._tasks.cancel(f"{self._key}-more")  # a page of the old query is moot
        self._tasks.run(load, done, self._failed(generation), key=key)

    def _failed(self, generation: int) -> Callable[[BaseException], None]:
        def failed(error: BaseException) -> None:
            if generation == self._generation:
                self._fetching = False
                self.load_failed.emit(message_of(error))

        return failed

    def _count(self) -> None:
        """Count the listed articles when the page did not tell, after the page is shown."""
        library, query, generation = self._library, self._query, self._generation
        if self._total >= 0:
            self.counted.emit()
            return

        def count(control: TaskControl) -> int:
            return listed_count(library, query)

        def done(total: int) -> None:
            if generation == self._generation:
                self._total = total
                self.counted.emit()

        self._tasks.run(count, done, self._failed(generation), key=f"{self._key}-count")

    def _apply(self, page: ArticlePage | SearchPage, *, replace: bool) -> None:
        self._fetching = False
        if isinstance(page, SearchPage):
            self._search_complete = page.complete
            self.set_search_results(list(page.hits))
            rows = list(page.rows)
            if not replace and self._query.sort == "rank":
                known = {row.id for row in self._rows}
                rows = self._rows + [row for row in rows if row.id not in known]
            self._total, self._more = len(rows), False
            self.set_rows(rows)
        else:
            self._search_complete = True
            if self._snippets:
                self.set_search_results(None)
            self._more = page.more
            if replace:
                self._total = page.total
                self.set_rows(list(page.rows))
            elif page.offset == self.rowCount() and page.rows:
                self._append(list(page.rows))
                if page.total >= 0:
                    self._total = page.total
        if replace:
            self.page_loaded.emit(self._query)
            self._count()

    def _append(self, rows: list[ArticleRow]) -> None:
        known = set(self._row_of)
        fresh = [row for row in rows if row.id not in known]
        if not fresh:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
        self._rows.extend(fresh)
        for i, row in enumerate(fresh, first):
            self._row_of[row.id] = i
        self.endInsertRows()

    # ------------------------------------------------------------------ local changes

    def set_states(self, states: Iterable[ReadingState]) -> None:
        """Show new reading states at once; rows that leave the state view (and are not pinned) go."""
        states = list(states)
        super().set_states(states)
        self._drop_outside_view([s.article_id for s in states])

    def _drop_outside_view(self, article_ids: Iterable[int]) -> None:
        leaving = sorted(
            (
                self._row_of[i]
                for i in article_ids
                if i in self._row_of
                and i != self._query.pinned
                and not in_state_view(self._rows[self._row_of[i]], self._query.state)
            ),
            reverse=True,
        )
        for row in leaving:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()
        if leaving:
            self._reindex()
            if self._total >= 0:
                self._total = max(self._total - len(leaving), len(self._rows))

"""The library list's proxy: sorting, the ids a search or filter allows, and a reading-state view."""

from __future__ import annotations

from typing import Literal

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel

from desktop.services.dto import ArticleRow
from desktop.ui.library_model import TITLE, RowRole, SortRole

AnyIndex = QModelIndex | QPersistentModelIndex

#: Which articles the list shows by reading state; "inbox" (everything not archived) by default.
StateView = Literal["inbox", "unread", "starred", "archived", "all"]
STATE_VIEWS: dict[str, str] = {
    "inbox": "Not archived",
    "unread": "Unread",
    "starred": "Starred",
    "archived": "Archived",
    "all": "All articles",
}


def in_state_view(item: ArticleRow, view: StateView) -> bool:
    """True when ``view`` lists the article."""
    if view == "inbox":
        return not item.archived
    if view == "unread":
        return item.read_at is None and not item.archived
    if view == "starred":
        return item.starred
    if view == "archived":
        return item.archived
    return True


class LibraryProxyModel(QSortFilterProxyModel):
    """Sorting plus a restriction to a set of article ids (search hits and filters) and a reading state.

    The article being read stays listed when its state leaves the view (read in "Unread", archived
    in "Not archived") until another one is opened, so the list does not jump under the reader.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._allowed: frozenset[int] | None = None
        self._view: StateView = "inbox"
        self._pinned: int | None = None
        self.setSortRole(SortRole)
        self.setDynamicSortFilter(True)

    def state_view(self) -> StateView:
        """Which reading states are listed."""
        return self._view

    def set_state_view(self, view: StateView) -> None:
        """List the articles of one reading state (see STATE_VIEWS)."""
        if view not in STATE_VIEWS:
            raise ValueError(f"Unknown view {view!r}.")
        if view == self._view:
            return
        self.beginFilterChange()
        self._view = view
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_pinned(self, article_id: int | None) -> None:
        """Keep this article listed whatever its reading state (the one being read)."""
        if article_id == self._pinned:
            return
        self.beginFilterChange()
        self._pinned = article_id
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def allowed_ids(self) -> frozenset[int] | None:
        """The ids shown, or None for all."""
        return self._allowed

    def set_allowed_ids(self, ids: set[int] | frozenset[int] | None) -> None:
        """Show only these articles (None: all)."""
        allowed = None if ids is None else frozenset(ids)
        if allowed == self._allowed:
            return
        self.beginFilterChange()
        self._allowed = allowed
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        model = self.sourceModel()
        if model is None:
            return False
        item = model.index(source_row, TITLE, source_parent).data(RowRole)
        if not isinstance(item, ArticleRow):
            return False
        if self._allowed is not None and item.id not in self._allowed:
            return False
        return item.id == self._pinned or in_state_view(item, self._view)

"""The library pane: search field, filters and the article list (with search snippets)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPoint, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QTreeView, QVBoxLayout, QWidget

from desktop.services.dto import ReadingState
from desktop.services.library_filters import LibraryFilter, filter_article_ids
from desktop.storage.search import SearchHit, search_articles
from desktop.ui.context import AppContext
from desktop.ui.library_columns import ColumnFitter
from desktop.ui.library_delegate import SnippetDelegate, fit_first_hit, snippet_segments
from desktop.ui.library_filter_bar import FilterBar
from desktop.ui.library_model import (
    TITLE,
    ArticleIdRole,
    ArticleListModel,
    RankRole,
    SortRole,
)
from desktop.ui.library_proxy import LibraryProxyModel, StateView
from desktop.ui.paths import action_icon
from desktop.ui.tasks import TaskControl

__all__ = ["LibraryPane", "SnippetDelegate", "fit_first_hit", "snippet_segments"]

SEARCH_DELAY_MS = 250
SEARCH_LIMIT = 500
HEADER_KEY = "library/header"


class LibraryPane(QWidget):
    """Search, filters and the list of articles; selecting one asks for it to be opened."""

    article_selected = Signal(int, object)  # article id, search query (str) or None
    search_finished = Signal(str, int)  # query, number of hits
    filter_finished = Signal(int)  # number of articles passing the filters (-1: no filter)
    message = Signal(str)  # for the status bar
    choices_loaded = Signal()  # tag and actor lists refreshed

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.model = ArticleListModel(ctx.tasks, ctx.library, self)
        self.proxy = LibraryProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self._search_ids: set[int] | None = None
        self._filter_ids: set[int] | None = None
        self._query = ""
        self._filter = LibraryFilter()
        self._selecting = False
        self._last_request: tuple[int, str | None] | None = None
        self._keep_top: object = None  # article to keep at the top of the list after a refresh
        self._build()
        self.model.loaded.connect(self._on_loaded)
        self.proxy.rowsInserted.connect(self._update_count)
        self.proxy.rowsRemoved.connect(self._update_count)
        self.proxy.modelReset.connect(self._update_count)
        self.proxy.layoutChanged.connect(self._update_count)

    # ------------------------------------------------------------------ layout

    def _build(self) -> None:
        self.search = QLineEdit(self)
        self.search.setPlaceholderText("Search the library…")
        self.search.setClearButtonEnabled(True)
        self.search.addAction(action_icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search.setAccessibleName("Search the library")
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._run_search)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.search.returnPressed.connect(self._open_first)

        self.filters = FilterBar(self._ctx, self)
        self.tag_combo, self.actor_combo = self.filters.tag_combo, self.filters.actor_combo
        self.notes_check, self.state_combo = self.filters.notes_check, self.filters.state_combo
        self.proxy.set_state_view(self.filters.state_view())  # type: ignore[arg-type]
        self.filters.state_view_changed.connect(
            lambda view: self._keeping_selection(lambda: self.proxy.set_state_view(view))
        )
        self.filters.filter_changed.connect(self._on_filter_changed)
        self.filters.failed.connect(self.message)
        self.filters.choices_loaded.connect(self.choices_loaded)
        self.count_label = QLabel(self)
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.count_label.setForegroundRole(self.count_label.palette().ColorRole.PlaceholderText)

        self.view = QTreeView(self)
        self.view.setModel(self.proxy)
        self.view.setRootIsDecorated(False)
        self.view.setUniformRowHeights(True)
        self.view.setAlternatingRowColors(True)
        self.view.setItemDelegateForColumn(TITLE, SnippetDelegate(self.view))
        self.view.setSelectionMode(QTreeView.SelectionMode.SingleSelection)
        self.view.setSelectionBehavior(QTreeView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QTreeView.EditTrigger.NoEditTriggers)
        self.view.setAccessibleName("Articles")
        self.view.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # both ends of a title say something
        header = self.view.header()
        self.columns = ColumnFitter(self.view)
        header.setSortIndicator(-1, Qt.SortOrder.DescendingOrder)
        header.sectionClicked.connect(self._header_clicked)
        self.view.setSortingEnabled(True)
        self.view.selectionModel().currentRowChanged.connect(self._on_current)
        self.view.activated.connect(self._on_current)
        self.view.clicked.connect(self._on_current)  # the current row again, now with the search words
        state = self._ctx.settings.value(HEADER_KEY)
        if state is not None:
            header.restoreState(state)
        self.columns.start()

        self.filters.footer.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 0, 6)
        layout.setSpacing(6)
        layout.addWidget(self.search)
        layout.addWidget(self.filters)
        layout.addWidget(self.view, 1)

    def _header_clicked(self, column: int) -> None:
        if self.proxy.sortRole() != SortRole:  # leave relevance order when the user sorts
            self.proxy.setSortRole(SortRole)
            self.proxy.sort(column, self.view.header().sortIndicatorOrder())

    def save_state(self) -> None:
        """Remember the column layout."""
        self._ctx.settings.setValue(HEADER_KEY, self.view.header().saveState())

    # ------------------------------------------------------------------ loading

    def refresh(self, *, keep_view: bool = False) -> None:
        """Reload articles and filter choices in the background (after imports and edits).

        ``keep_view``: the article at the top of the scrolled list stays there (new rows above it
        do not push it down).
        """
        top = self.view.indexAt(QPoint(1, 1)) if keep_view and self.view.verticalScrollBar().value() else None
        self._keep_top = top.data(ArticleIdRole) if top is not None and top.isValid() else None
        self.model.refresh()
        self.filters.load_choices()

    def _on_loaded(self) -> None:
        self._update_count()
        if self._keep_top is not None:
            source = self.model.index_of(int(self._keep_top))
            index = self.proxy.mapFromSource(source) if source.isValid() else QModelIndex()
            if index.isValid():
                self.view.scrollTo(index, QTreeView.ScrollHint.PositionAtTop)
            self._keep_top = None
        if self._query:
            self._run_search()
        if self._filter.active:
            self._run_filter()

    # ------------------------------------------------------------------ search

    def set_search_text(self, text: str, *, immediately: bool = True) -> None:
        """Type ``text`` into the search field (and search now unless ``immediately`` is false)."""
        self.search.setText(text)
        if immediately:
            self._search_timer.stop()
            self._run_search()

    def search_query(self) -> str:
        """The active search query ("" when not searching)."""
        return self._query

    def _run_search(self) -> None:
        query = self.search.text().strip()
        self._query = query
        if not query:
            self._ctx.tasks.run(lambda _c: None, key=f"library-search-{id(self)}")  # cancel a running one
            self._apply_search(query, None)
            return
        library = self._ctx.library

        def run(control: TaskControl) -> list[SearchHit]:
            with library.read_session() as session:
                return search_articles(session, query, limit=SEARCH_LIMIT)

        self._ctx.tasks.run(
            run,
            lambda hits: self._apply_search(query, hits),
            self._search_failed,
            key=f"library-search-{id(self)}",
        )

    def _search_failed(self, error: BaseException) -> None:
        self.message.emit(f"Search failed: {getattr(error, 'message', None) or error}")
        self.search_finished.emit(self._query, 0)

    def _apply_search(self, query: str, hits: list[SearchHit] | None) -> None:
        if query != self._query:
            return
        self.model.set_search_results(hits)
        self._search_ids = None if hits is None else {h.id for h in hits}
        self._apply_allowed()
        header = self.view.header()
        if hits is not None:
            self.proxy.setSortRole(RankRole)
            self.proxy.sort(TITLE, Qt.SortOrder.AscendingOrder)
            header.setSortIndicatorShown(False)
        elif self.proxy.sortRole() != SortRole:
            self.proxy.setSortRole(SortRole)
            header.setSortIndicatorShown(True)
            self.proxy.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        self.view.doItemsLayout()
        self.search_finished.emit(query, 0 if hits is None else len(hits))

    def _open_first(self) -> None:
        self._search_timer.stop()
        if self.search.text().strip() != self._query:
            self._run_search()
            return
        if self.proxy.rowCount() > 0:
            self.view.setCurrentIndex(self.proxy.index(0, TITLE))

    # ------------------------------------------------------------------ filters

    def set_filter(self, flt: LibraryFilter) -> None:
        """Apply ``flt`` (shown in the filter widgets)."""
        self.filters.set_filter(flt)

    def set_actor_filter(self, actor_id: int | None) -> None:
        """Show only articles mentioning this actor (None: any actor)."""
        self.set_filter(LibraryFilter(self._filter.tag, actor_id, self._filter.has_annotations))

    def current_filter(self) -> LibraryFilter:
        """The filter in effect."""
        return self._filter

    def _on_filter_changed(self, flt: LibraryFilter) -> None:
        self._filter = flt
        self._run_filter()

    def _run_filter(self) -> None:
        flt, library = self._filter, self._ctx.library
        if not flt.active:
            self._ctx.tasks.run(lambda _c: None, key=f"library-filter-{id(self)}")
            self._apply_filter(flt, None)
            return

        def run(control: TaskControl) -> set[int] | None:
            with library.read_session() as session:
                return filter_article_ids(session, flt)

        self._ctx.tasks.run(
            run,
            lambda ids: self._apply_filter(flt, ids),
            lambda e: self.message.emit(f"Filtering failed: {getattr(e, 'message', None) or e}"),
            key=f"library-filter-{id(self)}",
        )

    def _apply_filter(self, flt: LibraryFilter, ids: set[int] | None) -> None:
        if flt != self._filter:
            return
        self._filter_ids = ids
        self._apply_allowed()
        self.filter_finished.emit(-1 if ids is None else len(ids))

    def _apply_allowed(self) -> None:
        allowed: set[int] | None = None
        for ids in (self._search_ids, self._filter_ids):
            if ids is not None:
                allowed = set(ids) if allowed is None else allowed & ids
        self._keeping_selection(lambda: self.proxy.set_allowed_ids(allowed))

    def _keeping_selection(self, change: Callable[[], object]) -> None:
        """Run a change that may hide rows; the article asked for stays selected, nothing else opens."""
        shown = self._last_request[0] if self._last_request else None
        self._selecting = True  # rows vanishing must not open another article
        try:
            change()
            source = self.model.index_of(shown) if shown is not None else QModelIndex()
            index = self.proxy.mapFromSource(source) if source.isValid() else QModelIndex()
            self.view.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
            )
        finally:
            self._selecting = False
        self._update_count()

    # ------------------------------------------------------------------ reading state

    def set_state_view(self, view: StateView) -> None:
        """List the articles of one reading state (the combo follows)."""
        self.filters.set_state_view(view)

    def pin_article(self, article_id: int | None) -> None:
        """Keep the article being read listed, whatever its reading state."""
        self._keeping_selection(lambda: self.proxy.set_pinned(article_id))

    def set_states(self, states: Iterable[ReadingState]) -> None:
        """Show new reading states (bold, star, archived) without reloading the list."""
        self._keeping_selection(lambda: self.model.set_states(states))

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        noun = "article" if total == 1 else "articles"
        self.count_label.setText(f"{total} {noun}" if shown == total else f"{shown} of {total} {noun}")

    # ------------------------------------------------------------------ selection

    def _on_current(self, current: QModelIndex) -> None:
        if self._selecting or not current.isValid():
            return
        article_id = current.data(ArticleIdRole)
        if article_id is None:
            return
        request = (int(article_id), self._query or None)
        if request != self._last_request:
            self._last_request = request
            self.article_selected.emit(*request)

    def select_article(self, article_id: int) -> bool:
        """Select an article's row without asking to open it; False when it is not shown."""
        source = self.model.index_of(article_id)
        index = self.proxy.mapFromSource(source) if source.isValid() else QModelIndex()
        if not index.isValid():
            return False
        self._selecting = True
        self._last_request = (article_id, None)
        try:
            self.view.setCurrentIndex(index)
            self.view.scrollTo(index)
        finally:
            self._selecting = False
        return True

    def listed_article_ids(self) -> list[int]:
        """The articles listed, in the order shown (what next/previous article steps through)."""
        return [int(self.proxy.index(r, TITLE).data(ArticleIdRole)) for r in range(self.proxy.rowCount())]

    def selected_article_id(self) -> int | None:
        """The article of the current row."""
        index = self.view.currentIndex()
        value = index.data(ArticleIdRole) if index.isValid() else None
        return int(value) if value is not None else None

"""The library pane: search field, filters and the article list (with search snippets).

The list is a :class:`PagedArticleModel`: filtering, sorting and search run in SQL off the GUI
thread, a page at a time; the pane turns the widgets' state into an :class:`ArticleQuery`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPoint, Qt, QTimer, Signal
from PySide6.QtWidgets import QLineEdit, QTreeView, QVBoxLayout, QWidget

from desktop.services.article_pages import ArticleQuery
from desktop.services.dto import ReadingState
from desktop.services.library_filters import LibraryFilter, StateView
from desktop.ui.context import AppContext
from desktop.ui.fitting_label import FittingLabel
from desktop.ui.i18n import format_number, plural, translate
from desktop.ui.library_columns import ColumnFitter
from desktop.ui.library_delegate import SnippetDelegate, fit_first_hit, snippet_segments
from desktop.ui.library_filter_bar import FilterBar
from desktop.ui.library_model import TITLE, ArticleIdRole
from desktop.ui.library_paging import COLUMN_SORT, PagedArticleModel
from desktop.ui.paths import action_icon

__all__ = ["LibraryPane", "SnippetDelegate", "fit_first_hit", "snippet_segments"]

SEARCH_DELAY_MS = 250
FETCH_MARGIN_ROWS = 10  # the next page is fetched when the list is scrolled this near its end
HEADER_KEY = "library/header"


class LibraryPane(QWidget):
    """Search, filters and the list of articles; selecting one asks for it to be opened."""

    article_selected = Signal(int, object)  # article id, search query (str) or None
    search_finished = Signal(str, int)  # query, number of hits
    filter_finished = Signal(int)  # number of articles passing the filters (-1: no filter)
    message = Signal(str)  # for the status bar
    choices_loaded = Signal()  # tag and actor lists refreshed
    first_page_shown = Signal()  # the list showed its first page (or failed to): start-up may go on

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.model = PagedArticleModel(ctx.tasks, ctx.library, self)
        self._query = ""
        self._filter = LibraryFilter()
        self._selecting = False
        self._last_request: tuple[int, str | None] | None = None
        self._keep_top: object = None  # article to keep at the top of the list after a refresh
        self._report_search = False  # emit search_finished when the next page arrives
        self._report_filter = False  # emit filter_finished when the next page arrives
        self._choices_due = False  # the filter choices are read after the list's page (never beside it)
        self._page_shown = False
        self._build()
        self.model.page_loaded.connect(self._on_loaded)
        self.model.counted.connect(self._on_counted)
        self.model.load_failed.connect(self._on_load_failed)
        for signal in (self.model.rowsInserted, self.model.rowsRemoved, self.model.modelReset):
            signal.connect(self._update_count)

    # ------------------------------------------------------------------ layout

    def _build(self) -> None:
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(translate("LibraryView", "Search the library…"))
        self.search.setClearButtonEnabled(True)
        self.search.addAction(action_icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search.setAccessibleName(translate("LibraryView", "Search the library"))
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._run_search)
        self.search.textChanged.connect(self._on_search_text)
        self.search.returnPressed.connect(self._open_first)

        self.filters = FilterBar(self._ctx, self)
        self.tag_combo, self.actor_combo = self.filters.tag_combo, self.filters.actor_combo
        self.notes_check, self.state_combo = self.filters.notes_check, self.filters.state_combo
        self.filters.state_view_changed.connect(self._on_state_view)
        self.filters.filter_changed.connect(self._on_filter_changed)
        self.filters.failed.connect(self.message)
        self.filters.choices_loaded.connect(self.choices_loaded)
        self.count_label = FittingLabel(self)
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.count_label.setForegroundRole(self.count_label.palette().ColorRole.PlaceholderText)

        self.view = QTreeView(self)
        self.view.setModel(self.model)
        self.view.setRootIsDecorated(False)
        self.view.setUniformRowHeights(True)
        self.view.setAlternatingRowColors(True)
        self._snippet_delegate = SnippetDelegate(self.view)  # only while search results are listed:
        self._snippet_shown = False  # otherwise Qt's own delegate paints titles without calling Python
        self.view.setSelectionMode(QTreeView.SelectionMode.SingleSelection)
        self.view.setSelectionBehavior(QTreeView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QTreeView.EditTrigger.NoEditTriggers)
        self.view.setAccessibleName(translate("LibraryView", "Articles"))
        self.view.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # both ends of a title say something
        header = self.view.header()
        self.columns = ColumnFitter(self.view)
        header.setSortIndicator(-1, Qt.SortOrder.DescendingOrder)
        state = self._ctx.settings.value(HEADER_KEY)
        if state is not None:
            header.restoreState(state)
        header.setSortIndicatorShown(True)
        header.setSectionsClickable(True)
        header.sortIndicatorChanged.connect(lambda _c, _o: self._apply_query())
        header.sectionClicked.connect(self._header_clicked)
        bar = self.view.verticalScrollBar()
        bar.valueChanged.connect(lambda _v: self._fetch_if_near_end())
        bar.rangeChanged.connect(lambda _a, _b: self._fetch_if_near_end())
        self.view.selectionModel().currentRowChanged.connect(self._on_current)
        self.view.activated.connect(self._on_current)
        self.view.clicked.connect(self._on_current)  # the current row again, now with the search words
        self.columns.start()

        self.filters.footer.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 0, 6)
        layout.setSpacing(6)
        layout.addWidget(self.search)
        layout.addWidget(self.filters)
        layout.addWidget(self.view, 1)

    def _header_clicked(self, column: int) -> None:
        header = self.view.header()
        if header.isSortIndicatorShown():
            return  # the header moved its indicator: sortIndicatorChanged reloads
        header.setSortIndicatorShown(True)  # a click leaves relevance order
        header.setSortIndicator(column, header.sortIndicatorOrder())
        self._apply_query()

    def _fetch_if_near_end(self) -> None:
        """The next page, when the list is scrolled near its end (or does not fill the view)."""
        bar = self.view.verticalScrollBar()
        if bar.value() >= bar.maximum() - FETCH_MARGIN_ROWS and self.model.can_fetch_more():
            self.model.fetch_more()

    def save_state(self) -> None:
        """Remember the column layout."""
        self._ctx.settings.setValue(HEADER_KEY, self.view.header().saveState())

    # ------------------------------------------------------------------ the query

    def article_query(self) -> ArticleQuery:
        """The query the widgets describe."""
        header = self.view.header()
        column, order = header.sortIndicatorSection(), header.sortIndicatorOrder()
        ranked = bool(self._query) and not header.isSortIndicatorShown()
        sort = "rank" if ranked else COLUMN_SORT.get(column, "imported")
        descending = sort == "imported" or order == Qt.SortOrder.DescendingOrder
        return ArticleQuery(
            sort=sort,
            descending=descending,
            state=self.filters.state_view(),  # type: ignore[arg-type]
            pinned=self.model.query().pinned,
            filter=self._filter,
            search=self._query,
        )

    def _apply_query(self, *, report_search: bool = False, report_filter: bool = False) -> None:
        self._report_search = self._report_search or report_search
        self._report_filter = self._report_filter or report_filter
        self.model.set_query(self.article_query())

    # ------------------------------------------------------------------ loading

    def refresh(self, *, keep_view: bool = False) -> None:
        """Re-read the listed rows and the filter choices in the background (after imports and edits).

        Only rows that changed move; the selection stays. ``keep_view``: the article at the top of
        the scrolled list stays there (new rows above it do not push it down).
        """
        top = self.view.indexAt(QPoint(1, 1)) if keep_view and self.view.verticalScrollBar().value() else None
        self._keep_top = top.data(ArticleIdRole) if top is not None and top.isValid() else None
        if self.model.query() != self.article_query():
            self.model.set_query(self.article_query())
        else:
            self.model.refresh()
        self.filters.cancel_choices()  # one under way may predate the change
        self._choices_due = True  # after the page: the list first, and no two reads competing

    def _load_due_choices(self) -> None:
        if self._choices_due:
            self._choices_due = False
            self.filters.load_choices()
        if not self._page_shown:
            self._page_shown = True
            self.first_page_shown.emit()

    def _on_load_failed(self, text: str) -> None:
        self.message.emit(translate("LibraryView", "Loading the list failed: {error}").format(error=text))
        self._load_due_choices()

    def _on_loaded(self, query: ArticleQuery) -> None:
        snippets = bool(query.search)
        if snippets != self._snippet_shown:
            self._snippet_shown = snippets
            self.view.setItemDelegateForColumn(TITLE, self._snippet_delegate if snippets else None)
        self._reselect()
        self._update_count()
        if self._keep_top is not None:
            index = self.model.index_of(int(self._keep_top))
            if index.isValid():
                self.view.scrollTo(index, QTreeView.ScrollHint.PositionAtTop)
            self._keep_top = None
        if self._report_search:
            self._report_search = False
            self.search_finished.emit(query.search, len(self.model.hit_ids()) if query.search else 0)
        if self._report_filter and (self.model.total() >= 0 or not query.filter.active):
            self._report_filter = False
            self.filter_finished.emit(self.model.total() if query.filter.active else -1)
        self._load_due_choices()

    def _on_counted(self) -> None:
        self._update_count()
        if self._report_filter:  # the filter's page came before its count
            self._report_filter = False
            self.filter_finished.emit(self.model.total() if self.model.query().filter.active else -1)

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
        if query and not self._query:  # results come by relevance until a column is clicked
            self.view.header().setSortIndicatorShown(False)
        self._query = query
        if not query:
            self.view.header().setSortIndicatorShown(True)
        self._apply_query(report_search=True)

    def _on_search_text(self, text: str) -> None:
        if text.strip() or not self._query:
            self._search_timer.start()  # typing: search after a pause
        else:
            self._search_timer.stop()  # cleared: the list comes back at once
            self._run_search()

    def _open_first(self) -> None:
        self._search_timer.stop()
        if self.search.text().strip() != self._query:
            self._run_search()
            return
        if self.model.rowCount() > 0:
            self.view.setCurrentIndex(self.model.index(0, TITLE))

    # ------------------------------------------------------------------ filters

    def set_filter(self, flt: LibraryFilter) -> None:
        """Apply ``flt`` (shown in the filter widgets)."""
        self.filters.set_filter(flt)

    def current_filter(self) -> LibraryFilter:
        """The filter in effect."""
        return self._filter

    def _on_filter_changed(self, flt: LibraryFilter) -> None:
        self._filter = flt
        self._apply_query(report_filter=True)

    def _on_state_view(self, _view: str) -> None:
        self._apply_query()

    def _reselect(self) -> None:
        """The article asked for stays selected when listed; nothing else opens by itself."""
        shown = self._last_request[0] if self._last_request else None
        self._selecting = True  # rows vanishing must not open another article
        try:
            index = self.model.index_of(shown) if shown is not None else QModelIndex()
            if index != self.view.currentIndex() or not index.isValid():
                self.view.selectionModel().setCurrentIndex(
                    index,
                    QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
                )
        finally:
            self._selecting = False

    def _keeping_selection(self, change: Callable[[], object]) -> None:
        """Run a change that may remove rows, then select the article asked for again."""
        self._selecting = True
        try:
            change()
        finally:
            self._selecting = False
        self._reselect()
        self._update_count()

    # ------------------------------------------------------------------ reading state

    def set_state_view(self, view: StateView) -> None:
        """List the articles of one reading state (the combo follows)."""
        self.filters.set_state_view(view)

    def pin_article(self, article_id: int | None) -> None:
        """Keep the article being read listed, whatever its reading state."""
        self._keeping_selection(lambda: self.model.set_pinned(article_id))

    def set_states(self, states: Iterable[ReadingState]) -> None:
        """Show new reading states (bold, star, archived) without reloading the list."""
        self._keeping_selection(lambda: self.model.set_states(states))

    def _update_count(self) -> None:
        shown = self.model.total()
        if shown < 0:
            return  # not counted yet: the count follows the first page
        total = max(self.model.library_total(), shown)
        if shown == total:
            texts = [
                plural(total, translate("LibraryView", "1 article"), translate("LibraryView", "{n} articles"))
            ]
            texts.append(format_number(total))
        else:
            texts = [
                plural(
                    total,
                    translate("LibraryView", "{shown} of 1 article"),
                    translate("LibraryView", "{shown} of {n} articles"),
                    shown=format_number(shown),
                ),
                f"{format_number(shown)} / {format_number(total)}",
            ]
        self.count_label.set_texts(*texts)

    # ------------------------------------------------------------------ selection

    def _on_current(self, current: QModelIndex) -> None:
        if self._selecting or not current.isValid():
            return
        article_id = current.data(ArticleIdRole)
        if article_id is None:
            return
        if current.row() >= self.model.rowCount() - FETCH_MARGIN_ROWS and self.model.can_fetch_more():
            self.model.fetch_more()  # stepping down the list (J, arrow keys) reaches the next page
        request = (int(article_id), self._query or None)
        if request != self._last_request:
            self._last_request = request
            self.article_selected.emit(*request)

    def select_article(self, article_id: int) -> bool:
        """Select an article's row without asking to open it; False when it is not listed."""
        index = self.model.index_of(article_id)
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
        """The articles listed so far, in the order shown (what next/previous article steps through)."""
        return [row.id for row in self.model.rows()]

    def selected_article_id(self) -> int | None:
        """The article of the current row."""
        index = self.view.currentIndex()
        value = index.data(ArticleIdRole) if index.isValid() else None
        return int(value) if value is not None else None

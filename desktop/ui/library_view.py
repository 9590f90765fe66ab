"""The library pane: search field, filters and the article list (with search snippets)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop.services.library_filters import LibraryFilter, actor_choices, filter_article_ids, tags_in_use
from desktop.storage.search import CLOSE_MARK, OPEN_MARK, SearchHit, search_articles
from desktop.ui.context import AppContext
from desktop.ui.library_model import (
    DATE,
    HEADERS,
    LANGUAGE,
    NOTES,
    SOURCE,
    TITLE,
    ArticleIdRole,
    ArticleListModel,
    LibraryProxyModel,
    RankRole,
    SnippetRole,
    SortRole,
)
from desktop.ui.paths import action_icon
from desktop.ui.tasks import TaskControl

SEARCH_DELAY_MS = 250
SEARCH_LIMIT = 500
HEADER_KEY = "library/header"


def snippet_segments(snippet: str) -> list[tuple[str, bool]]:
    """Split a snippet into (text, is_hit) pieces at its « » marks."""
    segments: list[tuple[str, bool]] = []
    rest = snippet
    while rest:
        start = rest.find(OPEN_MARK)
        end = rest.find(CLOSE_MARK, start + 1) if start >= 0 else -1
        if start < 0 or end < 0:
            segments.append((rest, False))
            break
        if start:
            segments.append((rest[:start], False))
        segments.append((rest[start + 1 : end], True))
        rest = rest[end + 1 :]
    return segments


def fit_first_hit(
    segments: list[tuple[str, bool]], width: int, plain: QFontMetrics, bold: QFontMetrics
) -> list[tuple[str, bool]]:
    """Drop leading words (adding "…") so that the first hit is visible in ``width`` pixels."""
    first = next((i for i, (_text, hit) in enumerate(segments) if hit), None)
    if not first:
        return segments
    prefix = "".join(text for text, _hit in segments[:first])
    hit_width = bold.horizontalAdvance(segments[first][0])
    if plain.horizontalAdvance(prefix) + hit_width <= width:
        return segments
    budget = max(width - hit_width, width // 3) - plain.horizontalAdvance("… ")
    trailing = prefix[len(prefix.rstrip()) :]
    words = prefix.rstrip().split(" ")
    kept = ""
    while words:
        candidate = words[-1] + (" " + kept if kept else "")
        if plain.horizontalAdvance(candidate) > budget:
            break
        kept = candidate
        words.pop()
    return [("… " + kept.lstrip() + trailing, False), *segments[first:]]


class SnippetDelegate(QStyledItemDelegate):
    """Draws the title with the search snippet under it, hits in bold."""

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont]:
        small = QFont(option.font)
        small.setPointSizeF(max(option.font.pointSizeF() * 0.9, 6.0))
        bold = QFont(small)
        bold.setBold(True)
        return small, bold

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        if index.column() == TITLE and index.data(SnippetRole):
            small, _bold = self._fonts(option)
            size.setHeight(size.height() + QFontMetrics(small).height() + 4)
        return size

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        snippet = index.data(SnippetRole) if index.column() == TITLE else ""
        if not snippet:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        title = opt.text
        opt.text = ""
        style = opt.widget.style() if opt.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        group = opt.palette.ColorGroup.Active
        text_role = opt.palette.ColorRole.HighlightedText if selected else opt.palette.ColorRole.Text
        rect = opt.rect.adjusted(4, 2, -4, -2)
        painter.save()
        painter.setPen(opt.palette.color(group, text_role))
        metrics = QFontMetrics(opt.font)
        painter.setFont(opt.font)
        painter.drawText(
            rect.left(), rect.top() + metrics.ascent(), metrics.elidedText(title, Qt.TextElideMode.ElideRight, rect.width())
        )
        small, bold = self._fonts(opt)
        y = rect.top() + metrics.height() + 2 + QFontMetrics(small).ascent()
        x, right = rect.left(), rect.right()
        muted = opt.palette.color(group, text_role)
        if not selected:
            muted = opt.palette.color(group, opt.palette.ColorRole.PlaceholderText)
        segments = fit_first_hit(snippet_segments(snippet), right - x, QFontMetrics(small), QFontMetrics(bold))
        for text, hit in segments:
            font = bold if hit else small
            fm = QFontMetrics(font)
            painter.setFont(font)
            painter.setPen(opt.palette.color(group, text_role) if hit else muted)
            width = fm.horizontalAdvance(text)
            if x + width > right:
                painter.drawText(x, y, fm.elidedText(text, Qt.TextElideMode.ElideRight, max(right - x, 0)))
                break
            painter.drawText(x, y, text)
            x += width
        painter.restore()


class LibraryPane(QWidget):
    """Search, filters and the list of articles; selecting one asks for it to be opened."""

    article_selected = Signal(int, object)  # article id, search query (str) or None
    search_finished = Signal(str, int)  # query, number of hits
    filter_finished = Signal(int)  # number of articles passing the filters (-1: no filter)
    message = Signal(str)  # for the status bar

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
        self._pending_actor: int | None = None
        self._selecting = False
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

        self.tag_combo = QComboBox(self)
        self.tag_combo.setAccessibleName("Filter by tag")
        self.tag_combo.addItem("All tags", None)
        self.tag_combo.currentIndexChanged.connect(lambda _i: self._filters_changed())
        self.actor_combo = QComboBox(self)
        self.actor_combo.setAccessibleName("Filter by actor")
        self.actor_combo.setEditable(True)
        self.actor_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.actor_combo.addItem("All actors", None)
        completer = self.actor_combo.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.actor_combo.currentIndexChanged.connect(lambda _i: self._filters_changed())
        self.actor_combo.lineEdit().editingFinished.connect(self._actor_text_done)
        for combo in (self.tag_combo, self.actor_combo):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(6)
        self.notes_check = QCheckBox("Has notes", self)
        self.notes_check.toggled.connect(lambda _b: self._filters_changed())
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
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        for column, width in ((SOURCE, 110), (DATE, 88), (LANGUAGE, 44), (NOTES, 52)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        header.setSectionHidden(SOURCE, True)
        header.setSectionHidden(LANGUAGE, True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)
        header.setSortIndicator(-1, Qt.SortOrder.DescendingOrder)
        header.sectionClicked.connect(self._header_clicked)
        self.view.setSortingEnabled(True)
        self.view.selectionModel().currentRowChanged.connect(self._on_current)
        self.view.activated.connect(self._on_current)
        state = self._ctx.settings.value(HEADER_KEY)
        if state is not None:
            header.restoreState(state)

        filters = QHBoxLayout()
        filters.setSpacing(6)
        filters.addWidget(self.tag_combo, 1)
        filters.addWidget(self.actor_combo, 1)
        footer = QHBoxLayout()
        footer.addWidget(self.notes_check)
        footer.addStretch(1)
        footer.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 0, 6)
        layout.setSpacing(6)
        layout.addWidget(self.search)
        layout.addLayout(filters)
        layout.addLayout(footer)
        layout.addWidget(self.view, 1)

    def _header_menu(self, pos: object) -> None:
        header = self.view.header()
        menu = QMenu(self)
        for column in (SOURCE, DATE, LANGUAGE, NOTES):
            action = QAction(HEADERS[column], menu)
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(column))
            action.toggled.connect(lambda on, c=column: header.setSectionHidden(c, not on))
            menu.addAction(action)
        menu.popup(header.mapToGlobal(pos))  # type: ignore[arg-type]

    def _header_clicked(self, column: int) -> None:
        if self.proxy.sortRole() != SortRole:  # leave relevance order when the user sorts
            self.proxy.setSortRole(SortRole)
            self.proxy.sort(column, self.view.header().sortIndicatorOrder())

    def save_state(self) -> None:
        """Remember the column layout."""
        self._ctx.settings.setValue(HEADER_KEY, self.view.header().saveState())

    # ------------------------------------------------------------------ loading

    def refresh(self) -> None:
        """Reload articles and filter choices in the background (after imports and edits)."""
        self.model.refresh()
        self._load_choices()

    def _on_loaded(self) -> None:
        self._update_count()
        if self._query:
            self._run_search()
        if self._filter.active:
            self._run_filter()

    def _load_choices(self) -> None:
        library = self._ctx.library

        def load(control: TaskControl) -> tuple[list[str], list[tuple[int, str, str, int]]]:
            with library.read_session() as session:
                actors = [(a.id, a.name, a.type, a.articles) for a in actor_choices(session)]
                return tags_in_use(session), actors

        self._ctx.tasks.run(load, self._fill_choices, lambda _e: None, key=f"library-choices-{id(self)}")

    def _fill_choices(self, result: tuple[list[str], list[tuple[int, str, str, int]]]) -> None:
        tags, actors = result
        tag = self.tag_combo.currentData()
        actor = self._pending_actor if self._pending_actor is not None else self.actor_combo.currentData()
        self._pending_actor = None
        for combo in (self.tag_combo, self.actor_combo):
            combo.blockSignals(True)
        try:
            while self.tag_combo.count() > 1:
                self.tag_combo.removeItem(1)
            for name in tags:
                self.tag_combo.addItem(f"#{name}", name)
            while self.actor_combo.count() > 1:
                self.actor_combo.removeItem(1)
            for actor_id, name, kind, articles in actors:
                self.actor_combo.addItem(name, actor_id)
                self.actor_combo.setItemData(
                    self.actor_combo.count() - 1, f"{name} ({kind}, {articles} articles)", Qt.ItemDataRole.ToolTipRole
                )
            self.tag_combo.setCurrentIndex(max(self.tag_combo.findData(tag), 0))
            self.actor_combo.setCurrentIndex(max(self.actor_combo.findData(actor), 0))
        finally:
            for combo in (self.tag_combo, self.actor_combo):
                combo.blockSignals(False)
        self._filters_changed()

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
            run, lambda hits: self._apply_search(query, hits), self._search_failed, key=f"library-search-{id(self)}"
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
        """Apply ``flt`` through the filter widgets."""
        for combo in (self.tag_combo, self.actor_combo, self.notes_check):
            combo.blockSignals(True)
        self.tag_combo.setCurrentIndex(max(self.tag_combo.findData(flt.tag), 0) if flt.tag else 0)
        index = self.actor_combo.findData(flt.actor_id) if flt.actor_id is not None else 0
        self._pending_actor = flt.actor_id if index < 0 else None
        self.actor_combo.setCurrentIndex(max(index, 0))
        self.notes_check.setChecked(flt.has_annotations)
        for combo in (self.tag_combo, self.actor_combo, self.notes_check):
            combo.blockSignals(False)
        self._filter = flt
        self._run_filter()

    def set_actor_filter(self, actor_id: int | None) -> None:
        """Show only articles mentioning this actor (None: any actor)."""
        self.set_filter(LibraryFilter(self._filter.tag, actor_id, self._filter.has_annotations))

    def current_filter(self) -> LibraryFilter:
        """The filter in effect."""
        return self._filter

    def _actor_text_done(self) -> None:
        if not self.actor_combo.currentText().strip() and self.actor_combo.currentIndex() != 0:
            self.actor_combo.setCurrentIndex(0)

    def _filters_changed(self) -> None:
        actor = self.actor_combo.currentData() if self._pending_actor is None else self._pending_actor
        flt = LibraryFilter(self.tag_combo.currentData(), actor, self.notes_check.isChecked())
        if flt != self._filter:
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
            run, lambda ids: self._apply_filter(flt, ids), lambda _e: None, key=f"library-filter-{id(self)}"
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
        self.proxy.set_allowed_ids(allowed)
        self._update_count()

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        noun = "article" if total == 1 else "articles"
        self.count_label.setText(f"{total} {noun}" if shown == total else f"{shown} of {total} {noun}")

    # ------------------------------------------------------------------ selection

    def _on_current(self, current: QModelIndex) -> None:
        if self._selecting or not current.isValid():
            return
        article_id = current.data(ArticleIdRole)
        if article_id is not None:
            self.article_selected.emit(int(article_id), self._query or None)

    def select_article(self, article_id: int) -> bool:
        """Select an article's row without asking to open it; False when it is not shown."""
        source = self.model.index_of(article_id)
        index = self.proxy.mapFromSource(source) if source.isValid() else QModelIndex()
        if not index.isValid():
            return False
        self._selecting = True
        try:
            self.view.setCurrentIndex(index)
            self.view.scrollTo(index)
        finally:
            self._selecting = False
        return True

    def selected_article_id(self) -> int | None:
        """The article of the current row."""
        index = self.view.currentIndex()
        value = index.data(ArticleIdRole) if index.isValid() else None
        return int(value) if value is not None else None

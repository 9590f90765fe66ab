"""The sidebar next to the reading pane: the actors (with corrections) and the annotations (with notes)."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QListView, QSplitter, QTabWidget, QVBoxLayout, QWidget

from desktop.core.errors import message_of
from desktop.services.dto import ActorRow, AnnotationRow
from desktop.services.window_reads import annotations_with_actors
from desktop.ui.actors_panel import ActorsPanel
from desktop.ui.anchor_actions import AnchorActions
from desktop.ui.annotation_editor import AnnotationEditor
from desktop.ui.annotations_model import AnnotationFilterProxy, AnnotationIdRole, AnnotationListModel
from desktop.ui.context import AppContext
from desktop.ui.i18n import translate
from desktop.ui.palette import annotation_color
from desktop.ui.quotes_panel import QuotesPanel
from desktop.ui.reader_toolbar import chip_icon
from desktop.ui.reader_view import ReaderPane

ACTORS_TAB, ANNOTATIONS_TAB, QUOTES_TAB = 0, 1, 2


class Sidebar(QWidget):
    """Actors tab (tree by type, mention navigation, corrections) and Annotations tab (list, note editor)."""

    actor_selected = Signal(int)
    actor_activated = Signal(int)  # double-clicked (actors or speakers): open the dossier
    annotation_activated = Signal(int)
    library_changed = Signal()
    editor: AnnotationEditor
    annotation_proxy: AnnotationFilterProxy

    def __init__(self, ctx: AppContext, reader: ReaderPane, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.reader = reader
        self.edits = ctx.edits()
        self._article: int | None = None
        self._pending_annotation: int | None = None
        self._shown_detail: object | None = None  # the reader's article data listed last
        self.tabs = QTabWidget(self)
        self.actors = ActorsPanel(ctx, reader, self)
        self.tabs.addTab(self.actors, translate("SidebarView", "Actors"))
        self.tabs.addTab(self._build_annotations_tab(), translate("SidebarView", "Annotations"))
        self.quotes = QuotesPanel(ctx, reader, self)
        self.tabs.addTab(self.quotes, translate("SidebarView", "Quotes"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.actors.actor_selected.connect(self.actor_selected)
        self.actors.actor_activated.connect(self.actor_activated)
        self.quotes.actor_activated.connect(self.actor_activated)
        self.actors.library_changed.connect(self.library_changed)
        reader.rendered.connect(self._from_reader)
        reader.actor_selected.connect(self._actor_clicked_in_text)
        reader.annotation_clicked.connect(self.activate_annotation)
        reader.add_flush_hook(self.editor.flush)
        self.edits.annotation_created.connect(self._annotation_created)

    def _build_annotations_tab(self) -> QWidget:
        page = QWidget(self)
        palette = self.reader.palette_colors
        self.color_filter = QComboBox(page)
        self.color_filter.addItem(translate("SidebarView", "All colours"), None)
        for color in palette.colors():
            self.color_filter.addItem(chip_icon(annotation_color(color)), palette.meaning(color), color)
        self.color_filter.currentIndexChanged.connect(
            lambda _i: self.annotation_proxy.set_color(self.color_filter.currentData())
        )
        palette.changed.connect(self._rename_colors)
        self.tag_filter = QComboBox(page)
        self.tag_filter.addItem(translate("SidebarView", "All tags"), None)
        self.tag_filter.currentIndexChanged.connect(
            lambda _i: self.annotation_proxy.set_tag(self.tag_filter.currentData())
        )
        self.annotations_model = AnnotationListModel(palette, page)
        self.annotation_proxy = AnnotationFilterProxy(page)
        self.annotation_proxy.setSourceModel(self.annotations_model)
        self.annotation_list = QListView(page)
        self.annotation_list.setModel(self.annotation_proxy)
        self.annotation_list.setWordWrap(True)
        self.annotation_list.setAlternatingRowColors(True)
        self.annotation_list.setSpacing(2)
        self.annotation_list.clicked.connect(self._annotation_clicked)
        self.anchor_actions = AnchorActions(
            self.ctx, self.annotation_list, self.annotations_model, self.annotation_proxy, self.reader
        )
        self.anchor_actions.failed.connect(self.reader.show_message)
        self.annotation_list.selectionModel().currentChanged.connect(
            lambda current, _previous: self._annotation_clicked(current)
        )
        self.editor = AnnotationEditor(self.ctx, self.edits, palette, page)
        filters = QHBoxLayout()
        filters.addWidget(self.color_filter, 1)
        filters.addWidget(self.tag_filter, 1)
        splitter = QSplitter(Qt.Orientation.Vertical, page)
        splitter.addWidget(self.annotation_list)
        splitter.addWidget(self.editor)
        splitter.setSizes([260, 240])
        layout = QVBoxLayout(page)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)
        return page

    # --- the shell's interface -------------------------------------------------------------------
    def set_article(self, article_id: int | None) -> None:
        """Show the actors and annotations of an article (None: nothing)."""
        if article_id != self._article:
            self._pending_annotation = None
        self._article = article_id
        if article_id is None:
            self._shown_detail = None
            self.editor.set_annotation(None)
            self.annotations_model.set_annotations([])
            self.actors.show_article_actors([])
            return
        detail = self.reader.detail()
        if detail is not None and detail.id == article_id:
            self._from_reader(article_id)
            return
        self._shown_detail = None
        library = self.ctx.library

        def work(_control: object) -> tuple[list[AnnotationRow], list[ActorRow]]:
            return annotations_with_actors(library, article_id)

        self.ctx.tasks.run(
            work, lambda r: self._show(article_id, *r), self._load_failed, key=f"sidebar-{id(self)}"
        )

    def set_scope_library(self, on: bool) -> None:
        """List the actors of the whole library (True) or of the article shown (False)."""
        self.actors.set_scope_library(on)

    def refresh(self) -> None:
        """The library changed elsewhere: reload what does not follow the reading pane (library actors)."""
        if self.actors.library_scope():
            self.actors.set_scope_library(True)

    # --- data ------------------------------------------------------------------------------------
    def _from_reader(self, article_id: int) -> None:
        detail = self.reader.detail()
        if detail is None or detail.id != article_id:
            return
        if detail is self._shown_detail and article_id == self._article:
            return  # listed already (an opened article is announced twice: opened, then rendered)
        self._shown_detail = detail
        if article_id != self._article:
            self._pending_annotation = None
        self._article = article_id
        self._show(article_id, list(detail.annotations), self.reader.article_actors())

    def _show(self, article_id: int, notes: list[AnnotationRow], actors: list[ActorRow]) -> None:
        if article_id != self._article:
            return
        self.annotations_model.set_annotations(notes)
        self._refresh_tags()
        wanted = self._pending_annotation or self.editor.annotation_id()
        row = next((r for r in notes if r.id == wanted), None)
        self.editor.set_annotation(row)
        if row is not None:
            self._select_annotation_row(row.id)
        # An annotation that disappeared (an undone highlight) is opened again if redo restores it.
        self._pending_annotation = wanted if row is None else None
        self.actors.show_article_actors(actors)

    def _load_failed(self, error: BaseException) -> None:
        self.reader.show_message(message_of(error))

    def _refresh_tags(self) -> None:
        current = self.tag_filter.currentData()
        self.tag_filter.blockSignals(True)
        self.tag_filter.clear()
        self.tag_filter.addItem(translate("SidebarView", "All tags"), None)
        for tag in self.annotations_model.tags():
            self.tag_filter.addItem("#" + tag, tag)
        self.tag_filter.setCurrentIndex(max(0, self.tag_filter.findData(current)))
        self.tag_filter.blockSignals(False)
        self.annotation_proxy.set_tag(self.tag_filter.currentData())

    def _rename_colors(self) -> None:
        palette = self.reader.palette_colors
        for index in range(1, self.color_filter.count()):
            self.color_filter.setItemText(index, palette.meaning(str(self.color_filter.itemData(index))))

    def _actor_clicked_in_text(self, actor_id: int) -> None:
        self.tabs.setCurrentIndex(ACTORS_TAB)
        self.actors.select_actor(actor_id)

    # --- annotations -----------------------------------------------------------------------------
    def _annotation_created(self, row: AnnotationRow) -> None:
        if row.article_id == self._article:
            self._pending_annotation = row.id
            self.tabs.setCurrentIndex(ANNOTATIONS_TAB)
            self.editor.set_annotation(row)

    def _annotation_clicked(self, index: QModelIndex) -> None:
        annotation_id = index.data(AnnotationIdRole) if index.isValid() else None
        if annotation_id is not None and annotation_id != self.editor.annotation_id():
            self.activate_annotation(int(annotation_id))

    def activate_annotation(self, annotation_id: int) -> None:
        """Open an annotation: scroll to it in the text and edit its note."""
        row = next((r for r in self.annotations_model.annotations() if r.id == annotation_id), None)
        if row is None:
            return
        self.tabs.setCurrentIndex(ANNOTATIONS_TAB)
        self.editor.set_annotation(row)
        self._select_annotation_row(annotation_id)
        self.reader.scroll_to_annotation(annotation_id)
        self.annotation_activated.emit(annotation_id)

    def _select_annotation_row(self, annotation_id: int) -> None:
        source_row = self.annotations_model.row_of(annotation_id)
        index = self.annotation_proxy.mapFromSource(self.annotations_model.index(source_row, 0))
        if source_row >= 0 and not index.isValid():  # hidden by a filter: show everything
            self.color_filter.setCurrentIndex(0)
            self.tag_filter.setCurrentIndex(0)
            index = self.annotation_proxy.mapFromSource(self.annotations_model.index(source_row, 0))
        if index.isValid() and self.annotation_list.currentIndex() != index:
            self.annotation_list.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            )

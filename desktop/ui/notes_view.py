"""The Annotations view: every highlight and note of the library, filtered, searchable and exportable.

Choosing a note opens its article in the reading pane with the passage selected. Notes load in
the background (``services.notes_query``) whenever a filter changes, and again after edits
while the view is shown (a hidden view reloads when it is shown next).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QItemSelectionModel, QModelIndex, QStandardPaths, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListView,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import message_of
from desktop.core.filenames import safe_filename, write_new_file
from desktop.services.dto import NoteRow
from desktop.services.notes_query import NotesFilter, describe, export_notes, query_notes
from desktop.services.window_reads import note_choices
from desktop.ui.context import AppContext
from desktop.ui.crash import Messages
from desktop.ui.i18n import plural, translate
from desktop.ui.notes_delegate import NoteDelegate
from desktop.ui.notes_filter_bar import NoteChoices, NotesFilterBar
from desktop.ui.notes_model import AnnotationIdRole, ArticleIdRole, NotesListModel
from desktop.ui.paths import action_icon
from desktop.ui.tasks import TaskControl

EXPORT_DIR_KEY = "export/folder"  # shared with the export dialog
EMPTY_LIBRARY = QT_TRANSLATE_NOOP(
    "NotesView", "No notes yet. Select words in an article and press Ctrl+H (or a colour) to highlight them."
)
NOTHING_MATCHES = QT_TRANSLATE_NOOP("NotesView", "No note matches these filters.")


def load_choices(ctx: AppContext) -> NoteChoices:
    """Tags in use, actors, the articles that have notes and the authors (runs off the GUI thread)."""
    return NoteChoices(*note_choices(ctx.library))


class NotesPane(QWidget):
    """Filters, the list of notes and Export; ``note_activated`` asks to show a note in its article."""

    note_activated = Signal(int, int)  # article id, annotation id
    loaded = Signal(int)  # how many notes pass the filter
    message = Signal(str)  # for the status bar

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.palette_colors = ctx.color_palette()
        self._stale = True
        self._selecting = False
        self._last: int | None = None
        self.filters = NotesFilterBar(self.palette_colors, self)
        self.filters.filter_changed.connect(lambda _f: self.refresh())
        self.model = NotesListModel(self.palette_colors, self)
        self.view = QListView(self)
        self.view.setModel(self.model)
        self.view.setItemDelegate(NoteDelegate(self.view))
        self.view.setAccessibleName(translate("NotesView", "Notes"))
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setSelectionMode(QListView.SelectionMode.SingleSelection)
        self.view.setAlternatingRowColors(True)
        self.view.clicked.connect(self._activate)
        self.view.activated.connect(self._activate)
        self.view.selectionModel().currentChanged.connect(lambda current, _p: self._activate(current))
        self.empty_label = QLabel(translate("NotesView", EMPTY_LIBRARY), self)
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setForegroundRole(self.empty_label.palette().ColorRole.PlaceholderText)
        self.empty_label.hide()
        self.count_label = QLabel(self)
        self.count_label.setForegroundRole(self.count_label.palette().ColorRole.PlaceholderText)
        self.export_button = QToolButton(self)
        self.export_button.setText(translate("NotesView", "Export"))
        self.export_button.setIcon(action_icon("export"))
        self.export_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.export_button.setToolTip(
            translate("NotesView", "Export the notes listed (as filtered) to Markdown")
        )
        menu = QMenu(self.export_button)
        self.save_action = menu.addAction(translate("NotesView", "Save as Markdown…"), self.export_to_file)
        self.copy_action = menu.addAction(translate("NotesView", "Copy as Markdown"), self.copy_markdown)
        self.export_button.setMenu(menu)
        footer = QHBoxLayout()
        footer.addWidget(self.count_label, 1)
        footer.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 0, 6)
        layout.setSpacing(6)
        layout.addWidget(self.filters)
        layout.addLayout(footer)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.view, 1)

    # ------------------------------------------------------------------ loading

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        """Reload the notes (now when shown, else when shown next) and the filter lists."""
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        flt, library, ctx = self.filters.current_filter(), self._ctx.library, self._ctx
        self._ctx.tasks.run(
            lambda _c: query_notes(library, flt),
            lambda rows: self._loaded(flt, rows),
            self._failed,
            key=f"notes-{id(self)}",
        )
        self._ctx.tasks.run(
            lambda _c: load_choices(ctx),
            self.filters.set_choices,
            self._failed,
            key=f"notes-choices-{id(self)}",
        )

    def _failed(self, error: BaseException) -> None:
        self.message.emit(
            translate("NotesView", "The notes could not be loaded: {error}").format(error=message_of(error))
        )

    def _loaded(self, flt: NotesFilter, rows: list[NoteRow]) -> None:
        if flt != self.filters.current_filter():
            return  # a newer filter is on its way
        self._selecting = True
        shown, scroll = self.model.rowCount(), self.view.verticalScrollBar().value()
        try:
            if self.model.set_notes(rows):  # reset: keep the place in the list
                self.model.show_at_least(shown)
                self.view.doItemsLayout()
                self.view.verticalScrollBar().setValue(scroll)
            else:
                self.view.doItemsLayout()  # an edited note may need another height
            if self._last is not None and (row := self.model.row_of(self._last)) >= 0:
                self.view.selectionModel().setCurrentIndex(
                    self.model.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect
                )
        finally:
            self._selecting = False
        total = self.model.total()
        self.count_label.setText(
            plural(total, translate("NotesView", "1 note"), translate("NotesView", "{n} notes"))
        )
        self.empty_label.setText(translate("NotesView", NOTHING_MATCHES if flt.active else EMPTY_LIBRARY))
        self.empty_label.setVisible(total == 0)
        self.export_button.setEnabled(total > 0)
        self.loaded.emit(total)

    # ------------------------------------------------------------------ choosing a note

    def _activate(self, index: QModelIndex) -> None:
        if self._selecting or not index.isValid():
            return
        annotation_id, article_id = index.data(AnnotationIdRole), index.data(ArticleIdRole)
        if annotation_id is None or article_id is None:
            return
        self._last = int(annotation_id)
        self.note_activated.emit(int(article_id), int(annotation_id))

    def select_note(self, annotation_id: int) -> bool:
        """Make a note current (and show it in its article); False when it is not listed."""
        row = self.model.row_of(annotation_id)
        if row < 0:
            return False
        self._last = None
        self.view.setCurrentIndex(self.model.index(row))
        self.view.scrollTo(self.model.index(row))
        return True

    # ------------------------------------------------------------------ export

    def _folder(self) -> Path:
        stored = self._ctx.settings.value(EXPORT_DIR_KEY)
        if stored and Path(str(stored)).is_dir():
            return Path(str(stored))
        docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return Path(docs) if docs and Path(docs).is_dir() else Path.home()

    @classmethod
    def choose_file(cls, parent: QWidget, suggested: str) -> str:
        """The save-file dialog (replaced in tests)."""
        path, _filter = QFileDialog.getSaveFileName(
            parent,
            translate("NotesView", "Export Notes"),
            suggested,
            translate("NotesView", "Markdown (*.md);;All files (*)"),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        return path

    def export_to_file(self) -> None:
        """Export ▸ Save as Markdown…: the notes listed, grouped by article, to a file."""
        flt = self.filters.current_filter()
        name = safe_filename(describe(flt, meanings=self.palette_colors.meanings()))
        chosen = self.choose_file(self, str(self._folder() / name))
        if not chosen:
            return
        target = Path(chosen).expanduser()
        if target.suffix == "":
            target = target.with_suffix(".md")
        if target.exists() and not Messages.ask(
            self,
            translate("NotesView", "Export Notes"),
            translate("NotesView", "{name} already exists. Replace it?").format(name=target.name),
        ):
            return
        self._export(flt, target)

    def copy_markdown(self) -> None:
        """Export ▸ Copy as Markdown: the notes listed, to the clipboard."""
        self._export(self.filters.current_filter(), None)

    def _export(self, flt: NotesFilter, target: Path | None) -> None:
        library, meanings = self._ctx.library, self.palette_colors.meanings()
        count = self.model.total()

        def run(_control: TaskControl) -> str:
            text = export_notes(library, flt, meanings=meanings)
            if target is not None:
                write_new_file(target, text, overwrite=True)
            return text

        def done(text: str) -> None:
            noun = plural(count, translate("NotesView", "1 note"), translate("NotesView", "{n} notes"))
            if target is None:
                QApplication.clipboard().setText(text)
                self.message.emit(translate("NotesView", "{notes} copied as Markdown.").format(notes=noun))
            else:
                self._ctx.settings.setValue(EXPORT_DIR_KEY, str(target.parent))
                self.message.emit(
                    translate("NotesView", "{notes} exported to {path}.").format(notes=noun, path=target)
                )

        self.export_button.setEnabled(False)
        self._ctx.tasks.run(
            run,
            lambda text: (self.export_button.setEnabled(True), done(text)),
            lambda error: (
                self.export_button.setEnabled(True),
                self.message.emit(
                    translate("NotesView", "The notes could not be exported: {error}").format(
                        error=message_of(error)
                    )
                ),
            ),
        )

"""The main window: articles or notes, reading pane and sidebar in a splitter; menus, state, start-up."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QByteArray, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.services.dto import ReadingState
from desktop.ui.analysis_views import AnalysisViews
from desktop.ui.article_actions import ArticleActions
from desktop.ui.change_watch import LibraryWatcher
from desktop.ui.context import AppContext
from desktop.ui.first_hint import FirstStartHint, first_start, hint_text
from desktop.ui.i18n import translate
from desktop.ui.import_report import ImportController
from desktop.ui.library_view import LibraryPane
from desktop.ui.model_notice import ModelNotice
from desktop.ui.notes_import import NotesImporter
from desktop.ui.notes_view import NotesPane
from desktop.ui.pane_layout import LIBRARY, PaneLayout
from desktop.ui.panes import ReadingPane, SidePane, as_widget
from desktop.ui.paths import action_icon, app_icon
from desktop.ui.reader_zoom import ZOOM_KEY, clamp_zoom
from desktop.ui.shortcuts_dialog import ShortcutsDialog, collect_shortcuts
from desktop.ui.startup_queue import AfterFirstPage
from desktop.ui.theme import ThemeController, ThemeMode
from desktop.ui.window_importing import LAST_ARTICLE_KEY, ImportingMixin
from desktop.ui.window_menus import build_menus

if TYPE_CHECKING:  # the notes import and export code loads when used: not needed to show the window
    from desktop.services.w3c_notes import NotesImport

ABOUT = QT_TRANSLATE_NOOP("MainWindow", "Read, annotate and export news and briefings offline.")
ARTICLES_TAB, NOTES_TAB = 0, 1


def _default_reader(ctx: AppContext) -> ReadingPane:
    from desktop.ui.reader_view import ReaderPane

    return ReaderPane(ctx)


def _default_sidebar(ctx: AppContext, reader: ReadingPane) -> SidePane:
    from desktop.ui.sidebar_view import Sidebar

    return Sidebar(ctx, reader)  # type: ignore[arg-type]


class MainWindow(ImportingMixin, QMainWindow):
    """Briefing Reader's window; ``ctx`` carries the library, settings, tasks and undo stack."""

    import_finished = Signal(list)  # list[ImportResult] of one import
    startup_done = Signal()  # the first article was asked to open (or the library is empty)
    find_action: QAction
    notes_action: QAction
    shortcuts_action: QAction
    user_name_action: QAction
    theme_actions: dict[str, QAction]
    language_actions: dict[str, QAction]
    notes_importer: NotesImporter

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        *,
        theme: ThemeController | None = None,
        reader_factory: Callable[[AppContext], ReadingPane] = _default_reader,
        sidebar_factory: Callable[[AppContext, ReadingPane], SidePane] = _default_sidebar,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._theme = theme
        self._open_flags: deque[bool | str] = deque()
        self._pending_select: int | None = None
        self.shortcuts_dialog: ShortcutsDialog | None = None
        self.setWindowTitle(translate("MainWindow", "Briefing Reader"))
        self.setWindowIcon(app_icon())
        self.setAcceptDrops(True)
        self.library_pane = LibraryPane(ctx, self)
        self.after_first_page = AfterFirstPage(self.library_pane.first_page_shown, self)  # start-up work
        self.notes_pane = NotesPane(ctx, self)
        self.browse = QTabWidget(self)
        self.browse.setDocumentMode(True)
        self.browse.addTab(self.library_pane, translate("MainWindow", "Articles"))
        self.browse.addTab(self.notes_pane, action_icon("notes"), translate("MainWindow", "All notes"))
        self.reader = reader_factory(ctx)
        self.sidebar = sidebar_factory(ctx, self.reader)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        for pane in (self.browse, as_widget(self.reader), as_widget(self.sidebar)):
            self.splitter.addWidget(pane)
        self.splitter.setStretchFactor(1, 1)
        central = QWidget(self)
        self._central = QVBoxLayout(central)
        self._central.setContentsMargins(0, 0, 0, 0)
        self._central.setSpacing(0)
        self._central.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        self.panes = PaneLayout(self.splitter, ctx.settings, self)
        self.imports = ImportController(ctx, self.statusBar(), self)
        self.imports.message.connect(self.show_status)
        self.imports.finished.connect(self._on_import_finished)
        self.model_notice = ModelNotice(ctx.model_problems, self.statusBar(), self)
        self.watcher = LibraryWatcher(ctx.library, self)
        self.watcher.changed.connect(self._on_library_changed_elsewhere)
        self.article_actions = ArticleActions(
            ctx,
            self,
            current=self.current_article_id,
            listed=self.library_pane.listed_article_ids,
            row_of=self.library_pane.model.row_for,
            open_article=lambda article_id: self.open_article(article_id, None),
            flush=self._flush_reader,
        )
        self.article_actions.bind(as_widget(self.reader), self.library_pane.view)
        build_menus(self)
        self.hint = self._first_start_hint()
        self._connect_panes()
        self.analysis = AnalysisViews(self)  # dossiers, relations, article details, older articles
        self._restore_state()
        self.library_pane.refresh()

    def show_status(self, text: str) -> None:
        """A transient message in the status bar."""
        self.statusBar().showMessage(text, 8000)

    # ------------------------------------------------------------------ construction

    def _first_start_hint(self) -> FirstStartHint | None:
        if not first_start(self.ctx.settings):
            return None
        highlight = self.reader.highlight_actions.get("default")
        keys = {
            "highlight": highlight,
            "next": self.article_actions.next_action,
            "notes": self.notes_action,
            "shortcuts": self.shortcuts_action,
        }
        hint = FirstStartHint(self.ctx.settings, hint_text(keys), self)
        self._central.insertWidget(0, hint)
        return hint

    def _connect_panes(self) -> None:
        self.library_pane.article_selected.connect(self.open_article)
        self.library_pane.message.connect(self.show_status)
        self.library_pane.model.loaded.connect(self._on_library_loaded)
        self.library_pane.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.notes_pane.note_activated.connect(self.show_note)
        self.notes_pane.message.connect(self.show_status)
        self.browse.currentChanged.connect(self._on_browse_changed)
        self.reader.article_opened.connect(self._on_article_opened)
        self.reader.annotations_changed.connect(lambda _id: self._on_notes_changed())
        self.reader.actors_changed.connect(self.library_pane.refresh)
        self.sidebar.library_changed.connect(self.library_pane.refresh)
        self.reader.annotation_revealed.connect(self.sidebar.activate_annotation)
        actions = self.article_actions
        actions.states_changed.connect(self._on_states_changed)
        actions.article_removed.connect(self._on_article_removed)
        actions.article_restored.connect(self._on_article_restored)
        actions.message.connect(self.show_status)
        actions.failed.connect(self.show_status)

    def _restore_state(self) -> None:
        settings = self.ctx.settings
        geometry = settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1360, 840)
        state = settings.value("window/state")
        if isinstance(state, QByteArray):
            self.restoreState(state)
        splitter = settings.value("window/splitter")
        if not (isinstance(splitter, QByteArray) and self.splitter.restoreState(splitter)):
            self.splitter.setSizes([320, 640, 400])
        self.panes.restore_widths(self.splitter.sizes())
        self.set_zoom(self.zoom())

    def save_window_state(self) -> None:
        """Write geometry, splitter sizes and column layout to the settings."""
        settings = self.ctx.settings
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/state", self.saveState())
        settings.setValue("window/splitter", self.splitter.saveState())
        self.library_pane.save_state()
        settings.sync()

    # ------------------------------------------------------------------ reading

    def open_article(self, article_id: int, query: str | None = None) -> None:
        """Show an article in the reading pane (search words highlighted when ``query`` is given)."""
        self.reader.open_article(article_id, highlight_query=query)
        self._select_in_library(article_id)

    def show_note(self, article_id: int, annotation_id: int) -> None:
        """Open the place of a note: its article, scrolled to the passage, which is selected."""
        self.reader.show_annotation(article_id, annotation_id)
        self._select_in_library(article_id)

    def _on_article_opened(self, article_id: int) -> None:
        self.ctx.settings.setValue(LAST_ARTICLE_KEY, article_id)
        self.sidebar.set_article(article_id)
        self.library_pane.pin_article(article_id)
        self._select_in_library(article_id)
        self.article_actions.article_opened(article_id)

    def _on_library_changed_elsewhere(self) -> None:
        """Another program changed the library: refresh the list, sidebar and article where they stand."""
        self.library_pane.refresh(keep_view=True)
        self.notes_pane.refresh()
        self.reader.reload()
        self.sidebar.refresh()
        self.ctx.tasks.run(lambda _control: self.ctx.refresh_corrections())

    def _on_notes_changed(self) -> None:
        self.library_pane.refresh()
        self.notes_pane.refresh()

    def _on_states_changed(self, states: list[ReadingState]) -> None:
        self.library_pane.set_states(states)

    def _flush_reader(self) -> None:
        self.reader.flush_edits()

    def _on_article_removed(self, article_id: int, instead: int | None) -> None:
        self._on_notes_changed()
        if self.current_article_id() != article_id:
            return
        if instead is not None:
            self.open_article(instead, None)
            return
        self.reader.close_article()
        self.sidebar.set_article(None)
        self.article_actions.article_closed()

    def _on_article_restored(self, article_id: int) -> None:
        self._on_notes_changed()
        self.open_article(article_id, None)

    def _select_in_library(self, article_id: int) -> None:
        self._pending_select = None if self.library_pane.select_article(article_id) else article_id

    def _on_library_loaded(self) -> None:
        if self._pending_select is not None:
            self._select_in_library(self._pending_select)

    def current_article_id(self) -> int | None:
        """The article in the reading pane."""
        return self.reader.current_article_id()

    def find_in_article(self) -> None:
        """Edit ▸ Find in Article: handed to the reading pane."""
        self.reader.show_find_bar()

    def focus_search(self) -> None:
        """Edit ▸ Search Library: the articles list's search field."""
        self.show_notes(False)
        self.library_pane.search.setFocus()
        self.library_pane.search.selectAll()

    def show_notes(self, on: bool = True) -> None:
        """View ▸ Annotations: every note of the library in the left pane (or the articles again)."""
        if on and not self.panes.library_action.isChecked():
            self.panes.set_focus(False)
            self.panes.set_wanted(LIBRARY, True)
        self.browse.setCurrentIndex(NOTES_TAB if on else ARTICLES_TAB)
        if on:
            self.notes_pane.view.setFocus()

    def _on_browse_changed(self, index: int) -> None:
        self.notes_action.blockSignals(True)
        self.notes_action.setChecked(index == NOTES_TAB)
        self.notes_action.blockSignals(False)

    def export_notes(self) -> None:
        """File ▸ Export Notes…"""
        from desktop.ui.export_dialog import ExportDialog

        article_id = self.current_article_id()
        title = None
        if article_id is not None:
            index = self.library_pane.model.index_of(article_id)
            title = str(index.data()) if index.isValid() else None
        dialog = ExportDialog(self.ctx, article_id, title, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.exported.connect(
            lambda p: self.show_status(
                translate("MainWindow", "Notes exported to {path}.").format(path=p)
                if p
                else translate("MainWindow", "Notes copied.")
            )
        )
        dialog.vault_exported.connect(
            lambda report: self.show_status(
                translate("MainWindow", "Obsidian vault: {summary}.").format(summary=report.summary())
            )
        )
        dialog.open()

    def notes_imported(self, report: NotesImport) -> None:
        """File ▸ Import Notes… finished: say what happened and show the notes where they landed."""
        self.show_status(
            translate("MainWindow", "Notes imported: {summary}.").format(summary=report.summary())
        )
        self._on_library_changed_elsewhere()

    def show_shortcuts(self) -> None:
        """Help ▸ Keyboard Shortcuts: every shortcut, read from the window's actions."""
        names = {
            as_widget(self.reader): translate("MainWindow", "reading pane"),
            self.library_pane.view: translate("MainWindow", "article list"),
        }
        dialog = ShortcutsDialog(collect_shortcuts(self, names), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda: setattr(self, "shortcuts_dialog", None))
        self.shortcuts_dialog = dialog
        dialog.open()

    # ------------------------------------------------------------------ view

    def zoom(self) -> int:
        """The reading zoom in percent."""
        return clamp_zoom(self.ctx.settings.value(ZOOM_KEY, 100))

    def set_zoom(self, percent: int) -> None:
        """Set the reading zoom (remembered)."""
        percent = clamp_zoom(percent)
        self.ctx.settings.setValue(ZOOM_KEY, percent)
        self.reader.set_zoom(percent)

    def zoom_by(self, step: int) -> None:
        """Zoom in (positive) or out (negative) by ``step`` percent."""
        self.set_zoom(self.zoom() + step)

    def theme_mode(self) -> ThemeMode | None:
        """The theme chosen in this window (None before a ThemeController exists)."""
        return self._theme.mode if self._theme is not None else None

    def set_theme(self, mode: ThemeMode) -> None:
        """View ▸ Theme."""
        app = QApplication.instance()
        if self._theme is None and isinstance(app, QApplication):
            self._theme = ThemeController(app, self.ctx.settings)
        if self._theme is not None:
            self._theme.set_mode(mode)
        self.theme_actions[mode].setChecked(True)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.panes.in_focus_mode():
            self.panes.set_focus(False)  # Esc leaves focus mode (a find bar's Esc closes the bar first)
            return
        super().keyPressEvent(event)

    def about(self) -> None:
        """Help ▸ About."""
        QMessageBox.about(
            self,
            translate("MainWindow", "About Briefing Reader"),
            translate("MainWindow", "<b>Briefing Reader</b><br>{about}").format(
                about=translate("MainWindow", ABOUT)
            ),
        )

    # ------------------------------------------------------------------ closing

    def closeEvent(self, event: QCloseEvent) -> None:
        self.reader.save_state()
        if self.hint is not None and self.hint.isVisible():
            self.hint.remember()  # seen once: not shown again
        self.article_actions.article_closed()
        self.imports.cancel()
        self.save_window_state()
        self.ctx.tasks.wait(3000)
        self.imports.close_report()
        self.model_notice.close()
        self.watcher.close()
        super().closeEvent(event)

"""The main window: library pane, reading pane and sidebar in a splitter, menus, imports, state."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeyEvent,
    QKeySequence,
)
from PySide6.QtWidgets import QApplication, QFileDialog, QMainWindow, QMessageBox, QSplitter, QWidget

from desktop.core.ingest import SUPPORTED_SUFFIXES
from desktop.services.dto import ImportResult
from desktop.services.seeding import sample_files, startup_article
from desktop.ui.change_watch import LibraryWatcher
from desktop.ui.context import AppContext
from desktop.ui.export_dialog import ExportDialog
from desktop.ui.import_report import ImportController
from desktop.ui.library_view import LibraryPane
from desktop.ui.model_notice import ModelNotice
from desktop.ui.pane_layout import PaneLayout
from desktop.ui.paths import action_icon, app_icon
from desktop.ui.theme import THEME_MODES, ThemeController, ThemeMode, stored_mode

ZOOM_KEY, ZOOM_MIN, ZOOM_MAX, ZOOM_STEP = "view/zoom", 50, 300, 10
LAST_ARTICLE_KEY = "reader/last_article"
IMPORT_DIR_KEY = "import/folder"
ABOUT = "Read, annotate and export news and briefings offline."
FILE_FILTER = "Documents ({});;All files (*)".format(" ".join(f"*{s}" for s in sorted(SUPPORTED_SUFFIXES)))


def _default_reader(ctx: AppContext) -> QWidget:
    from desktop.ui.reader_view import ReaderPane

    return ReaderPane(ctx)


def _default_sidebar(ctx: AppContext, reader: QWidget) -> QWidget:
    from desktop.ui.sidebar_view import Sidebar

    return Sidebar(ctx, reader)  # type: ignore[arg-type]


class MainWindow(QMainWindow):
    """Briefing Reader's window; ``ctx`` carries the library, settings, tasks and undo stack."""

    import_finished = Signal(list)  # list[ImportResult] of one import
    startup_done = Signal()  # the first article was asked to open (or the library is empty)

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        *,
        theme: ThemeController | None = None,
        reader_factory: Callable[[AppContext], QWidget] = _default_reader,
        sidebar_factory: Callable[[AppContext, QWidget], QWidget] = _default_sidebar,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._theme = theme
        self._open_flags: deque[bool | str] = deque()
        self._pending_select: int | None = None
        self.setWindowTitle("Briefing Reader")
        self.setWindowIcon(app_icon())
        self.setAcceptDrops(True)
        self.library_pane = LibraryPane(ctx, self)
        self.reader = reader_factory(ctx)
        self.sidebar = sidebar_factory(ctx, self.reader)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        for pane in (self.library_pane, self.reader, self.sidebar):
            self.splitter.addWidget(pane)
        self.splitter.setStretchFactor(1, 1)
        self.setCentralWidget(self.splitter)
        self.panes = PaneLayout(self.splitter, ctx.settings, self)
        self.imports = ImportController(ctx, self.statusBar(), self)
        self.imports.message.connect(self.show_status)
        self.imports.finished.connect(self._on_import_finished)
        self.model_notice = ModelNotice(ctx.model_problems, self.statusBar(), self)
        self.watcher = LibraryWatcher(ctx.library, self)
        self.watcher.changed.connect(self._on_library_changed_elsewhere)
        self._build_menus()
        self._connect_panes()
        self._restore_state()
        self.library_pane.refresh()

    def show_status(self, text: str) -> None:
        """A transient message in the status bar."""
        self.statusBar().showMessage(text, 8000)

    # ------------------------------------------------------------------ construction

    def _action(
        self, menu: Any, text: str, slot: Callable[[], Any], shortcut: Any = None, icon: str = ""
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            shortcuts = shortcut if isinstance(shortcut, list) else [shortcut]
            action.setShortcuts([QKeySequence(s) for s in shortcuts])
        if icon:
            action.setIcon(action_icon(icon))
        action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        self._action(file_menu, "&Import Files…", self.choose_and_import_files, "Ctrl+O", "import-file")
        self._action(file_menu, "Import &Folder…", self.choose_and_import_folder, None, "import-folder")
        self._action(file_menu, "&Paste as New Article", self.paste_as_article, "Ctrl+Shift+V", "paste")
        file_menu.addSeparator()
        self._action(file_menu, "&Export Notes…", self.export_notes, "Ctrl+E", "export")
        file_menu.addSeparator()
        self._action(file_menu, "&Quit", self.close, "Ctrl+Q").setMenuRole(QAction.MenuRole.QuitRole)

        edit_menu = bar.addMenu("&Edit")
        undo = self.ctx.undo_stack.createUndoAction(self, "&Undo")
        undo.setShortcuts([QKeySequence("Ctrl+Z")])
        redo = self.ctx.undo_stack.createRedoAction(self, "&Redo")
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        edit_menu.addActions([undo, redo])
        edit_menu.addSeparator()
        self.find_action = self._action(edit_menu, "&Find in Article…", self.find_in_article, "Ctrl+F")
        self._action(edit_menu, "Search &Library", self._focus_search, "Ctrl+Shift+F", "search")

        view_menu = bar.addMenu("&View")
        self._action(view_menu, "Zoom &In", lambda: self.zoom_by(ZOOM_STEP), ["Ctrl++", "Ctrl+="], "zoom-in")
        self._action(view_menu, "Zoom &Out", lambda: self.zoom_by(-ZOOM_STEP), "Ctrl+-", "zoom-out")
        self._action(view_menu, "&Reset Zoom", lambda: self.set_zoom(100), "Ctrl+0")
        view_menu.addSeparator()
        view_menu.addActions(self.panes.actions())
        view_menu.addSeparator()
        theme_menu = view_menu.addMenu("&Theme")
        group = QActionGroup(self)
        self.theme_actions: dict[str, QAction] = {}
        current = self._theme.mode if self._theme is not None else stored_mode(self.ctx.settings)
        for mode in THEME_MODES:
            action = QAction(mode.capitalize(), self, checkable=True)
            action.setChecked(mode == current)
            action.triggered.connect(lambda _c=False, m=mode: self.set_theme(m))
            group.addAction(action)
            theme_menu.addAction(action)
            self.theme_actions[mode] = action

        help_menu = bar.addMenu("&Help")
        self._action(help_menu, "&About Briefing Reader", self._about)

    def _connect_panes(self) -> None:
        self.library_pane.article_selected.connect(self.open_article)
        self.library_pane.message.connect(self.show_status)
        self.library_pane.model.loaded.connect(self._on_library_loaded)
        self._connect(self.reader, "article_opened", self._on_article_opened)
        self._connect(self.reader, "annotations_changed", lambda _id: self.library_pane.refresh())
        self._connect(self.reader, "actors_changed", self.library_pane.refresh)
        self._connect(self.sidebar, "library_changed", self.library_pane.refresh)

    @staticmethod
    def _connect(source: QWidget, name: str, slot: Callable[..., Any]) -> None:
        signal = getattr(source, name, None)
        if signal is not None:
            signal.connect(slot)

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

    # ------------------------------------------------------------------ start-up

    def start(self, files: list[str] | None = None) -> None:
        """After show(): import ``files``, or seed an empty library, or reopen the last article."""
        if files:
            self.import_paths([Path(f) for f in files], open_first=True)
            self.startup_done.emit()
            return
        library = self.ctx.library
        last = str(self.ctx.settings.value(LAST_ARTICLE_KEY, ""))
        last_id = int(last) if last.isdigit() else None
        self.ctx.tasks.run(
            lambda _control: startup_article(library, last_id), self._on_probe, self._on_start_error
        )
        self.ctx.tasks.run(lambda _control: self.ctx.recognizer())  # missing models are told now

    def _on_probe(self, result: tuple[int, int | None]) -> None:
        count, target = result
        seeds = sample_files()
        if count == 0 and seeds:
            self.import_paths(seeds, open_first="newest")
            return
        if target is not None:
            self.open_article(target, None)
        self.startup_done.emit()

    def _on_start_error(self, error: BaseException) -> None:
        self.show_status(f"The library could not be read: {getattr(error, 'message', error)}")
        self.startup_done.emit()

    def handle_message(self, paths: list[str]) -> None:
        """A second start handed over files: raise the window and import them."""
        if self.isMinimized():
            self.showNormal()
        self.raise_()
        self.activateWindow()
        if paths:
            self.import_paths([Path(p) for p in paths], open_first=True)

    # ------------------------------------------------------------------ importing

    def import_paths(self, paths: list[Path], *, open_first: bool | str = False) -> None:
        """Import files/folders in the background; open the first article when asked ("newest": newest)."""
        if not paths:
            return
        self._open_flags.append(open_first)
        self.imports.import_paths(paths)

    def import_text(self, text: str, *, open_first: bool = True) -> None:
        """Import text as a new article in the background."""
        self._open_flags.append(open_first)
        self.imports.import_text(text)

    def _on_import_finished(self, results: list[ImportResult]) -> None:
        flag = self._open_flags.popleft() if self._open_flags else False
        ids = [r.id for r in results if r.id is not None and r.status in ("imported", "duplicate")]
        self.library_pane.refresh()
        if ids and flag:
            self.open_article(max(ids) if flag == "newest" else ids[0], None)
        if flag == "newest":
            self.startup_done.emit()
        self.import_finished.emit(results)

    def choose_and_import_files(self) -> None:
        """File ▸ Import Files…"""
        paths = self.choose_files(self, self._import_folder())
        if paths:
            self.ctx.settings.setValue(IMPORT_DIR_KEY, str(Path(paths[0]).parent))
            self.import_paths([Path(p) for p in paths], open_first=True)

    def choose_and_import_folder(self) -> None:
        """File ▸ Import Folder…"""
        folder = self.choose_folder(self, self._import_folder())
        if folder:
            self.ctx.settings.setValue(IMPORT_DIR_KEY, folder)
            self.import_paths([Path(folder)], open_first=True)

    def _import_folder(self) -> str:
        return str(self.ctx.settings.value(IMPORT_DIR_KEY, str(Path.home())))

    @classmethod
    def choose_files(cls, parent: QWidget, folder: str) -> list[str]:
        """The open-files dialog (replaced in tests)."""
        paths, _filter = QFileDialog.getOpenFileNames(parent, "Import Files", folder, FILE_FILTER)
        return list(paths)

    @classmethod
    def choose_folder(cls, parent: QWidget, folder: str) -> str:
        """The folder dialog (replaced in tests)."""
        return QFileDialog.getExistingDirectory(parent, "Import Folder", folder)

    def paste_as_article(self) -> None:
        """File ▸ Paste as New Article."""
        text = QApplication.clipboard().text()
        if not text.strip():
            self.show_status("The clipboard holds no text to import.")
            return
        self.import_text(text)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.import_paths(paths, open_first=True)

    # ------------------------------------------------------------------ reading

    def open_article(self, article_id: int, query: str | None = None) -> None:
        """Show an article in the reading pane (search words highlighted when ``query`` is given)."""
        opener = getattr(self.reader, "open_article", None)
        if opener is not None:
            opener(article_id, highlight_query=query)
        self._select_in_library(article_id)

    def _on_article_opened(self, article_id: int) -> None:
        self.ctx.settings.setValue(LAST_ARTICLE_KEY, article_id)
        set_article = getattr(self.sidebar, "set_article", None)
        if set_article is not None:
            set_article(article_id)
        self._select_in_library(article_id)

    def _on_library_changed_elsewhere(self) -> None:
        """Another program changed the library: refresh the list, sidebar and article where they stand."""
        self.library_pane.refresh(keep_view=True)
        for pane, name in ((self.reader, "reload"), (self.sidebar, "refresh")):
            method = getattr(pane, name, None)
            if callable(method):
                method()
        self.ctx.tasks.run(lambda _control: self.ctx.refresh_corrections())

    def _select_in_library(self, article_id: int) -> None:
        self._pending_select = None if self.library_pane.select_article(article_id) else article_id

    def _on_library_loaded(self) -> None:
        if self._pending_select is not None:
            self._select_in_library(self._pending_select)

    def current_article_id(self) -> int | None:
        """The article in the reading pane."""
        getter = getattr(self.reader, "current_article_id", None)
        return getter() if getter is not None else None

    def find_in_article(self) -> None:
        """Edit ▸ Find in Article: handed to the reading pane."""
        for name in ("show_find_bar", "open_find_bar", "start_find", "find"):
            method = getattr(self.reader, name, None)
            if callable(method):
                method()
                return

    def _focus_search(self) -> None:
        self.library_pane.search.setFocus()
        self.library_pane.search.selectAll()

    def export_notes(self) -> None:
        """File ▸ Export Notes…"""
        article_id = self.current_article_id()
        title = None
        if article_id is not None:
            index = self.library_pane.model.index_of(article_id)
            title = str(index.data()) if index.isValid() else None
        dialog = ExportDialog(self.ctx, article_id, title, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.exported.connect(
            lambda p: self.show_status(f"Notes exported to {p}." if p else "Notes copied.")
        )
        dialog.open()

    # ------------------------------------------------------------------ view

    def zoom(self) -> int:
        """The reading zoom in percent."""
        value = str(self.ctx.settings.value(ZOOM_KEY, 100))
        return min(max(int(value), ZOOM_MIN), ZOOM_MAX) if value.isdigit() else 100

    def set_zoom(self, percent: int) -> None:
        """Set the reading zoom (remembered)."""
        percent = min(max(int(percent), ZOOM_MIN), ZOOM_MAX)
        self.ctx.settings.setValue(ZOOM_KEY, percent)
        setter = getattr(self.reader, "set_zoom", None)
        if callable(setter):
            setter(percent)

    def zoom_by(self, step: int) -> None:
        """Zoom in (positive) or out (negative) by ``step`` percent."""
        self.set_zoom(self.zoom() + step)

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

    def _about(self) -> None:
        QMessageBox.about(self, "About Briefing Reader", f"<b>Briefing Reader</b><br>{ABOUT}")

    # ------------------------------------------------------------------ closing

    def closeEvent(self, event: QCloseEvent) -> None:
        save = getattr(self.reader, "save_state", None)
        if callable(save):
            save()
        self.imports.cancel()
        self.save_window_state()
        self.ctx.tasks.wait(3000)
        self.imports.close_report()
        self.model_notice.close()
        self.watcher.close()
        super().closeEvent(event)

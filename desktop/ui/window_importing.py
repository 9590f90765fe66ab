"""How articles get into the main window: start-up (sample, last article), File menu imports, drag and
drop, pasted text, and files handed over by a second start."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

from PySide6.QtCore import Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget

from desktop.core import heap
from desktop.core.errors import message_of
from desktop.services.dto import ImportResult
from desktop.services.seeding import sample_files, startup_article
from desktop.ui.context import AppContext
from desktop.ui.i18n import translate
from desktop.ui.import_report import ImportController

IMPORT_DIR_KEY = "import/folder"
LAST_ARTICLE_KEY = "reader/last_article"


def file_filter() -> str:
    """The import dialog's filter: every readable kind of document, or any file."""
    from desktop.core.ingest import SUPPORTED_SUFFIXES  # the readers load when used

    return "Documents ({});;All files (*)".format(" ".join(f"*{s}" for s in sorted(SUPPORTED_SUFFIXES)))


class ImportingMixin:
    """Mixed into MainWindow: start-up, the ways to import, and what happens after an import."""

    ctx: AppContext
    imports: ImportController
    library_pane: Any
    notes_pane: Any
    import_finished: Signal
    startup_done: Signal
    _open_flags: deque[bool | str]
    after_first_page: Any  # AfterFirstPage: start-up work held until the list shows its first page

    def open_article(self, article_id: int, query: str | None = None) -> None:  # provided by MainWindow
        raise NotImplementedError

    def show_status(self, text: str) -> None:  # provided by MainWindow
        raise NotImplementedError

    def current_article_id(self) -> int | None:  # provided by MainWindow
        raise NotImplementedError

    def _on_library_changed_elsewhere(self) -> None:  # provided by MainWindow
        raise NotImplementedError

    def start(self, files: list[str] | None = None) -> None:
        """After show(): import ``files``, or seed an empty library, or reopen the last article."""
        if files:
            heap.settle()  # see reopen() below
            self.import_paths([Path(f) for f in files], open_first=True)
            self.startup_done.emit()
            return
        library = self.ctx.library
        last = str(self.ctx.settings.value(LAST_ARTICLE_KEY, ""))
        last_id = int(last) if last.isdigit() else None

        def reopen() -> None:
            # What start-up made (modules, the window) lives as long as the window: out of the
            # collector's way before an article opens (a full collection stops the GUI for ~50 ms).
            heap.settle()
            self.ctx.tasks.run(
                lambda _control: startup_article(library, last_id), self._on_probe, self._on_start_error
            )

        self.after_first_page.add(reopen)  # the list first: the last article opens once its page is shown
        self.when_idle(  # missing models are told once nothing else is asked for
            lambda: self.ctx.tasks.run(lambda _control: self.ctx.recognizer(), background=True)
        )

    def when_idle(self, step: Callable[[], object]) -> None:
        """Run ``step`` after the first page once the window has had nothing to do for a while
        (housekeeping that must not compete with the first article the user opens)."""
        self.after_first_page.add_when_idle(step, busy=self._user_waits)

    def _user_waits(self) -> bool:
        """True while a task the user waits for runs (an article, a page, a search)."""
        return bool(self.ctx.tasks.busy()) or self._reader_loading()

    def _on_probe(self, result: tuple[int, int | None]) -> None:
        count, target = result
        seeds = sample_files()
        if count == 0 and seeds:
            self.import_paths(seeds, open_first="newest")
            return
        if target is not None and not self._article_chosen():
            self.open_article(target, None)
        self.startup_done.emit()

    def _article_chosen(self) -> bool:
        """True when an article is shown or on its way (chosen while the start-up work waited)."""
        return self.current_article_id() is not None or self._reader_loading()

    def _reader_loading(self) -> bool:
        """True while the reading pane loads an article."""
        loading = getattr(getattr(self, "reader", None), "is_loading", None)
        return callable(loading) and bool(loading())

    def _on_start_error(self, error: BaseException) -> None:
        self.show_status(
            translate("WindowImporting", "The library could not be read: {error}").format(
                error=message_of(error)
            )
        )
        self.startup_done.emit()

    def handle_message(self, paths: list[str]) -> None:
        """A second start handed over files: raise the window and import them."""
        window = cast(QWidget, self)
        if window.isMinimized():
            window.showNormal()
        window.raise_()
        window.activateWindow()
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
        heap.settle(collect=True)  # what the import loaded (models, tables) stays: out of the way
        ids = [r.id for r in results if r.id is not None and r.status in ("imported", "updated", "duplicate")]
        self.library_pane.refresh()
        self.notes_pane.refresh()
        updated = {r.id for r in results if r.status == "updated"}
        if updated and self.current_article_id() in updated:
            self._on_library_changed_elsewhere()  # the open article has a new text: show it
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
        paths, _filter = QFileDialog.getOpenFileNames(
            parent, translate("WindowImporting", "Import Files"), folder, file_filter()
        )
        return list(paths)

    @classmethod
    def choose_folder(cls, parent: QWidget, folder: str) -> str:
        """The folder dialog (replaced in tests)."""
        return QFileDialog.getExistingDirectory(parent, translate("WindowImporting", "Import Folder"), folder)

    def paste_as_article(self) -> None:
        """File ▸ Paste as New Article."""
        text = QApplication.clipboard().text()
        if not text.strip():
            self.show_status(translate("WindowImporting", "The clipboard holds no text to import."))
            return
        self.import_text(text)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)  # type: ignore[misc]

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.import_paths(paths, open_first=True)

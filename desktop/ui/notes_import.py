"""File ▸ Import Notes…: W3C Web Annotations or a Hypothesis export, imported in the background.

The file is read and its annotations placed by :func:`desktop.services.w3c_notes.import_notes`
on the window's write queue (off the GUI thread); the result is one line in the status bar and,
when some annotations need attention (fuzzy, orphaned), a short report.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QStandardPaths, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from desktop.core.errors import message_of
from desktop.ui.context import AppContext
from desktop.ui.i18n import translate

if TYPE_CHECKING:  # imported when notes are imported: not needed to show the window
    from desktop.services.w3c_notes import NotesImport

IMPORT_NOTES_DIR_KEY = "import/notes-folder"
REPORT_LINES = 12


def report_text(report: NotesImport) -> str:
    """The annotations that need attention, one per line (at most ``REPORT_LINES``)."""
    lines = [f"{r.status}: {r.reason or r.key}" for r in report.results if r.status in ("fuzzy", "orphaned")]
    more = len(lines) - REPORT_LINES
    shown = lines[:REPORT_LINES] + (
        [translate("NotesImport", "… and {n} more").format(n=more)] if more > 0 else []
    )
    if report.remark:
        shown.append(report.remark)
    return "\n".join(shown)


class NotesImporter(QObject):
    """Chooses a notes file and imports it through the write queue."""

    finished = Signal(object)  # NotesImport
    failed = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._parent = parent

    @classmethod
    def choose_file(cls, parent: QWidget, folder: str) -> str:
        """The open-file dialog (replaced in tests)."""
        path, _filter = QFileDialog.getOpenFileName(
            parent,
            translate("NotesImport", "Import Notes"),
            folder,
            translate("NotesImport", "Web Annotations (*.json *.jsonld);;All files (*)"),
        )
        return path

    @classmethod
    def show_report(cls, parent: QWidget, summary: str, details: str) -> None:
        """Tell the user what needs attention (replaced in tests)."""
        box = QMessageBox(
            QMessageBox.Icon.Information,
            translate("NotesImport", "Import Notes"),
            summary,
            QMessageBox.StandardButton.Ok,
            parent,
        )
        box.setInformativeText(details)
        box.open()

    def _folder(self) -> str:
        stored = self._ctx.settings.value(IMPORT_NOTES_DIR_KEY)
        if stored and Path(str(stored)).is_dir():
            return str(stored)
        return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(
            Path.home()
        )

    def choose_and_import(self) -> None:
        """File ▸ Import Notes…"""
        chosen = self.choose_file(self._parent, self._folder())
        if chosen:
            self._ctx.settings.setValue(IMPORT_NOTES_DIR_KEY, str(Path(chosen).parent))
            self.import_file(Path(chosen))

    def import_file(self, path: Path) -> None:
        """Import the notes of ``path`` in the background."""
        library, meanings = self._ctx.library, self._ctx.color_palette().meanings()

        def job() -> NotesImport:
            from desktop.core.ingest import read_limited
            from desktop.services.w3c_notes import import_notes

            with path.open("rb") as handle:
                data = read_limited(handle)
            return import_notes(library, data, meanings=meanings)

        self._ctx.write_queue().submit(
            job, self._done, lambda e: self.failed.emit(f"{path.name}: {message_of(e)}")
        )

    def _done(self, report: NotesImport) -> None:
        details = report_text(report)
        if details:
            self.show_report(
                self._parent,
                translate("NotesImport", "Notes imported: {summary}.").format(summary=report.summary()),
                details,
            )
        self.finished.emit(report)

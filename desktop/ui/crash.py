"""Message boxes that tests can replace, and the crash dialog behind ``sys.excepthook``."""

from __future__ import annotations

import datetime as dt
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from desktop.core.errors import message_of
from desktop.ui.i18n import translate


class Messages:
    """Every modal question or error of the window goes through these (patched in tests)."""

    @classmethod
    def show_error(cls, parent: QWidget | None, title: str, text: str, details: str = "") -> None:
        """An error message box."""
        box = QMessageBox(QMessageBox.Icon.Critical, title, text, QMessageBox.StandardButton.Ok, parent)
        if details:
            box.setDetailedText(details)
        box.exec()

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, question: str) -> bool:
        """A yes/no question; True for yes."""
        answer = QMessageBox.question(
            parent,
            title,
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes


def write_crash_log(path: Path, text: str) -> Path | None:
    """Append a time-stamped traceback to ``path``; None when it cannot be written."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as handle:
            handle.write(f"--- {dt.datetime.now().isoformat(timespec='seconds')}\n{text}\n")
    except OSError:
        return None
    return path


class CrashHandler:
    """Installed as ``sys.excepthook``: logs unexpected errors and tells the user, without quitting."""

    def __init__(self, log_path: Path) -> None:
        self.log_path = log_path
        self._previous = sys.excepthook
        self._showing = False

    def install(self) -> None:
        """Become the process's exception hook."""
        self._previous = sys.excepthook
        sys.excepthook = self.handle

    def uninstall(self) -> None:
        """Restore the previous hook."""
        if sys.excepthook == self.handle:
            sys.excepthook = self._previous

    def handle(self, exc_type: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        """Log ``error`` and show the crash dialog (Ctrl+C still ends the program)."""
        if issubclass(exc_type, KeyboardInterrupt):
            self._previous(exc_type, error, tb)
            return
        text = "".join(traceback.format_exception(exc_type, error, tb))
        logged = write_crash_log(self.log_path, text)
        sys.stderr.write(text)
        if self._showing or QApplication.instance() is None:
            return
        self._showing = True
        try:
            where = (
                translate("Crash", "The details were written to {path}.").format(path=logged)
                if logged
                else translate("Crash", "The details could not be saved.")
            )
            self.show_dialog(
                translate("Crash", "Something went wrong: {error}").format(error=message_of(error))
                + "\n\n"
                + where
                + " "
                + translate("Crash", "Your library is safe; you can keep working, but restarting is wise."),
                text,
            )
        finally:
            self._showing = False

    def show_dialog(self, text: str, details: str) -> None:
        """The crash dialog (replaced in tests)."""
        window = QApplication.activeWindow()
        Messages.show_error(window, translate("Crash", "Briefing Reader – Unexpected error"), text, details)

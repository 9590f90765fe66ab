"""Model problems in the status bar: each said once, and a lasting marker with the details."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel, QStatusBar

from desktop.services.model_health import ModelProblems
from desktop.ui.i18n import translate

MESSAGE_MS = 20000


class ModelNotice(QObject):
    """Listens to ``ModelProblems`` (from any thread) and tells the user on the GUI thread."""

    problem = Signal(str, str)  # message, details (queued to the GUI thread)

    def __init__(
        self, problems: ModelProblems, status_bar: QStatusBar, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._problems = problems
        self._status_bar = status_bar
        self.marker = QLabel(translate("ModelNotice", "⚠ Entity model"), status_bar)
        self.marker.hide()
        status_bar.addPermanentWidget(self.marker)
        self.problem.connect(self._show)
        problems.subscribe(self._heard)
        for message in problems.messages():  # reported before the window existed
            self._show(message, "")

    def _heard(self, message: str, details: str) -> None:
        self.problem.emit(message, details)

    def _show(self, message: str, details: str) -> None:
        self._status_bar.showMessage(message, MESSAGE_MS)
        tip = "\n".join(self._problems.messages()) + (f"\n\n{details}" if details else "")
        self.marker.setToolTip(tip)
        self.marker.show()

    def close(self) -> None:
        """Stop listening (the window closes)."""
        self._problems.unsubscribe(self._heard)

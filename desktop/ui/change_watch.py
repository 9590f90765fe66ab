"""Polls the library for changes made by other programs and says so with a signal.

The poll runs on the GUI thread: it is one ``PRAGMA data_version`` on a dedicated connection, which
in WAL mode never waits for a writer (readers do not block) and takes microseconds, so a worker
thread would cost more than it saves. Changes the window makes itself are not reported (see
services/library_watch.py).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.services.library import Library
from desktop.services.library_watch import ChangeWatch

POLL_MS = 1500


class LibraryWatcher(QObject):
    """Emits ``changed`` when another program changed the library (within about POLL_MS)."""

    changed = Signal()

    def __init__(
        self, library: Library, parent: QObject | None = None, *, interval_ms: int = POLL_MS
    ) -> None:
        super().__init__(parent)
        self._watch = ChangeWatch(library)
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.check)
        if self._watch.active:
            self._timer.start()

    def check(self) -> bool:
        """Look now; True (and ``changed`` emitted) when another program changed the library."""
        if self._watch.poll():
            self.changed.emit()
            return True
        return False

    def close(self) -> None:
        """Stop polling and release the connection."""
        self._timer.stop()
        self._watch.close()

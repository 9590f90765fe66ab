"""Start-up work that waits for the window's first page: the list first, everything else after it.

At start the article list is what the user waits for; reopening the last article, the library's
check and backup, warming up the recogniser and looking for older articles would compete with it for
the two worker threads (and the interpreter). ``AfterFirstPage`` holds such work until the list's
first page is on screen (or failed to load) and then starts it one step at a time, a short pause
apart, so that the event loop paints and answers input between the steps. Work that only prepares
for later (warming up the recogniser) waits longer: ``add_when_idle`` runs it once the window has
had nothing to do for a while, so that it does not compete with the first article the user opens.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal, SignalInstance

#: Pause between two deferred steps (ms): long enough for a paint and a key press in between.
STEP_MS = 150
#: How long the window must have had nothing to do before preparing for later (ms).
IDLE_MS = 2500


class AfterFirstPage(QObject):
    """Runs callables once ``shown`` fired (at once when it already did), ``step_ms`` apart, in order."""

    drained = Signal()  # every step handed in so far has run

    def __init__(
        self, shown: SignalInstance, parent: QObject | None = None, *, step_ms: int = STEP_MS
    ) -> None:
        super().__init__(parent)
        self._steps: deque[Callable[[], object]] = deque()
        self._open = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(step_ms)
        self._timer.timeout.connect(self._next)
        shown.connect(self._on_shown)

    def is_open(self) -> bool:
        """True once the first page was shown (new steps then run after the pause)."""
        return self._open

    def add(self, step: Callable[[], object]) -> None:
        """Run ``step`` after the first page (and after the steps added before it)."""
        self._steps.append(step)
        if self._open and not self._timer.isActive():
            self._timer.start()

    def add_when_idle(
        self, step: Callable[[], object], busy: Callable[[], bool], *, idle_ms: int = IDLE_MS
    ) -> None:
        """Run ``step`` ``idle_ms`` after the first page, later while ``busy()`` (checked every ``idle_ms``).

        ``busy`` says whether the user waits for something (an article loading, a page of the list).
        """
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(idle_ms)

        def check() -> None:
            if busy():
                timer.start()
                return
            timer.deleteLater()
            step()

        timer.timeout.connect(check)
        self.add(timer.start)

    def _on_shown(self) -> None:
        if self._open:
            return
        self._open = True
        if self._steps:
            self._timer.start()  # the page is painted first
        else:
            self.drained.emit()

    def _next(self) -> None:
        if not self._steps:
            return
        step = self._steps.popleft()
        try:
            step()
        finally:
            if self._steps:
                self._timer.start()
            else:
                self.drained.emit()

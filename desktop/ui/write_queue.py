"""The window's writes, one after another, off the GUI thread; results arrive on it in order.

Every change the window makes (annotations, actor corrections, reading state, deleting an
article) goes through the one queue of its ``AppContext``, so a later write never overtakes an
earlier one and undo steps apply in the order they were made.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, Signal

from desktop.ui.tasks import TaskRunner


@dataclass
class _Job:
    fn: Callable[[], Any]
    on_done: Callable[[Any], None] | None
    on_error: Callable[[BaseException], None] | None
    finished: threading.Event = field(default_factory=threading.Event)
    result: Any = None
    error: BaseException | None = None
    delivered: bool = False


class WriteQueue(QObject):
    """Runs write jobs one at a time in the task pool; callbacks arrive on the GUI thread in order."""

    idle_changed = Signal(bool)

    def __init__(self, tasks: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._pending: deque[_Job] = deque()
        self._running: _Job | None = None

    def submit(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        """Queue ``fn`` (runs after every job submitted before it)."""
        was_idle = self.is_idle()
        self._pending.append(_Job(fn, on_done, on_error))
        if was_idle:
            self.idle_changed.emit(False)
        self._pump()

    def is_idle(self) -> bool:
        """True when nothing is queued or running."""
        return self._running is None and not self._pending

    def _pump(self) -> None:
        if self._running is not None or not self._pending:
            return
        job = self._pending.popleft()
        self._running = job

        def work(_control: object) -> None:
            try:
                job.result = job.fn()
            except BaseException as error:  # handed to the GUI thread in _deliver
                job.error = error
            finally:
                job.finished.set()

        self._tasks.run(work, lambda _r: self._deliver(job), lambda _e: self._deliver(job))

    def _deliver(self, job: _Job) -> None:
        if job.delivered:
            return
        job.delivered = True
        if self._running is job:
            self._running = None
        if job.error is not None:
            if job.on_error is not None:
                job.on_error(job.error)
        elif job.on_done is not None:
            job.on_done(job.result)
        self._pump()
        if self.is_idle():
            self.idle_changed.emit(True)

    def drain(self, timeout: float = 10.0) -> bool:
        """Finish every queued write now (on quit); False if the running one did not end in time."""
        running = self._running
        if running is not None:
            if not running.finished.wait(timeout):
                return False
            self._deliver(running)
        while self._pending:
            job = self._pending.popleft()
            self._running = job
            try:
                job.result = job.fn()
            except Exception as error:  # reported like a background failure
                job.error = error
            job.finished.set()
            self._deliver(job)
        return True

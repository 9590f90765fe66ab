"""Background work for the window: run a function off the GUI thread, get the result back on it.

One small helper (as in Picard's and Anki's task managers): ``TaskRunner.run(fn, on_done,
on_error)`` executes ``fn`` in a thread pool and delivers the result or the exception to
the callbacks on the GUI thread. A task may take a ``TaskControl`` to report progress and
check for cancellation; a new task with the same ``key`` cancels the previous one.
Housekeeping that the user does not wait for (the start-up check, warming up the recogniser,
looking for older articles) runs with ``background=True`` on a pool of its own, so that it never
holds the threads an article, a page of the list or a search is waiting for.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDeadlineTimer, QObject, QRunnable, QThreadPool, Signal, Slot


class TaskControl:
    """Handed to a running task: progress reporting and cooperative cancellation."""

    def __init__(self, emit_progress: Callable[[int, int, str], None]) -> None:
        self._cancelled = threading.Event()
        self._emit = emit_progress

    def cancel(self) -> None:
        """Ask the task to stop at its next check."""
        self._cancelled.set()

    def cancelled(self) -> bool:
        """True once cancel() was called."""
        return self._cancelled.is_set()

    def progress(self, done: int, total: int, label: str = "") -> None:
        """Report progress (delivered to the GUI thread as a signal)."""
        self._emit(done, total, label)


class _Signals(QObject):
    finished = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int, str)


class _Runnable(QRunnable):
    def __init__(self, fn: Callable[[TaskControl], Any], signals: _Signals, control: TaskControl) -> None:
        super().__init__()
        self._fn = fn
        self._signals = signals
        self._control = control
        self.setAutoDelete(True)

    def run(self) -> None:
        trace = threading.gettrace()
        if trace is not None:  # let coverage measure code in pool threads
            sys.settrace(trace)
        try:
            result = self._fn(self._control)
        except BaseException as error:  # delivered to the GUI thread, never lost
            self._signals.failed.emit(error)
        else:
            self._signals.finished.emit(result)


class TaskHandle(QObject):
    """A running task as seen from the GUI thread."""

    finished = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int, str)

    def __init__(self, control: TaskControl, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.control = control
        self.done = False

    def cancel(self) -> None:
        """Ask the task to stop."""
        self.control.cancel()


class _Relay(QObject):
    """Lives on the GUI thread, so signals from pool threads reach it queued."""

    def __init__(
        self,
        runner: TaskRunner,
        signals: _Signals,
        handle: TaskHandle,
        key: str | None,
        on_done: Callable[[Any], None] | None,
        on_error: Callable[[BaseException], None] | None,
        on_progress: Callable[[int, int, str], None] | None,
    ) -> None:
        super().__init__(runner)
        self._runner = runner
        self._signals = signals
        self._handle = handle
        self._key = key
        self._on_done = on_done
        self._on_error = on_error
        self._on_progress = on_progress

    @Slot(object)
    def on_finished(self, result: Any) -> None:
        self._runner._finish(self._signals, self._handle, self._key)
        if not self._handle.control.cancelled() and self._on_done is not None:
            self._on_done(result)
        self._handle.finished.emit(result)
        self.deleteLater()

    @Slot(object)
    def on_failed(self, error: BaseException) -> None:
        self._runner._finish(self._signals, self._handle, self._key)
        if self._on_error is not None:
            self._on_error(error)
        else:
            self._runner.task_failed.emit(error)
        self._handle.failed.emit(error)
        self.deleteLater()

    @Slot(int, int, str)
    def on_progress(self, done: int, total: int, label: str) -> None:
        if self._on_progress is not None:
            self._on_progress(done, total, label)
        self._handle.progressed.emit(done, total, label)


#: How long a busy worker thread may keep the interpreter lock while the GUI thread waits for it (s).
#: Python's default (5 ms) is paid on each call from Qt into Python (model data, a delegate's paint)
#: while a task computes in Python: a repaint of the article list took 180 ms instead of 110 ms.
GUI_SWITCH_INTERVAL_S = 0.001


class TaskRunner(QObject):
    """Runs callables in a thread pool; results come back through signals on the GUI thread.

    Creating one shortens the interpreter's switch interval (GUI_SWITCH_INTERVAL_S) for the process,
    so that the GUI thread gets the interpreter back soon from a worker computing in Python.
    """

    task_failed = Signal(object)  # errors that no on_error handled

    def __init__(self, parent: QObject | None = None, *, max_threads: int = 2) -> None:
        super().__init__(parent)
        sys.setswitchinterval(min(sys.getswitchinterval(), GUI_SWITCH_INTERVAL_S))
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._background = QThreadPool(self)  # housekeeping: one at a time, beside the pool
        self._background.setMaxThreadCount(1)
        self._by_key: dict[str, TaskHandle] = {}
        self._live: dict[_Signals, _Relay] = {}

    def run(
        self,
        fn: Callable[[TaskControl], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        *,
        key: str | None = None,
        on_progress: Callable[[int, int, str], None] | None = None,
        background: bool = False,
    ) -> TaskHandle:
        """Start ``fn(control)`` in the pool; a previous task with the same key is cancelled.

        ``background``: housekeeping nobody waits for, run one at a time on a thread of its own.
        """
        if key is not None and key in self._by_key:
            self._by_key[key].cancel()
        signals = _Signals()
        control = TaskControl(signals.progressed.emit)
        handle = TaskHandle(control, self)
        relay = _Relay(self, signals, handle, key, on_done, on_error, on_progress)
        signals.setParent(relay)  # C++ owns it; deleted with the relay on the GUI thread
        self._live[signals] = relay
        signals.finished.connect(relay.on_finished)
        signals.failed.connect(relay.on_failed)
        signals.progressed.connect(relay.on_progress)
        if key is not None:
            self._by_key[key] = handle
        (self._background if background else self._pool).start(_Runnable(fn, signals, control))
        return handle

    def cancel(self, key: str) -> None:
        """Cancel the task started under ``key``: its result is not delivered (nothing if none runs)."""
        handle = self._by_key.pop(key, None)
        if handle is not None:
            handle.cancel()

    def _finish(self, signals: _Signals, handle: TaskHandle, key: str | None) -> None:
        handle.done = True
        self._live.pop(signals, None)
        if key is not None and self._by_key.get(key) is handle:
            del self._by_key[key]

    def wait(self, msecs: int = 30000) -> bool:
        """Block until all tasks finished, background ones included (for shutdown and tests)."""
        deadline = QDeadlineTimer(msecs)
        done = True
        while True:  # a task may start another one in the other pool while we wait
            done = bool(self._pool.waitForDone(deadline)) and bool(self._background.waitForDone(deadline))
            if not done or self.active_count() == 0:
                return done

    def busy(self) -> bool:
        """True while a task that is not background housekeeping runs or waits for a thread."""
        return int(self._pool.activeThreadCount()) > 0

    def active_count(self) -> int:
        """Number of tasks currently running (background ones included)."""
        return int(self._pool.activeThreadCount()) + int(self._background.activeThreadCount())

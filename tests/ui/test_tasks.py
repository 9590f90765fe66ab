"""The task runner: a task cancelled by its key delivers no result."""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtWidgets import QApplication

from desktop.ui.tasks import TaskControl, TaskRunner


def test_cancel_by_key_drops_the_result(qtbot: Any, qapp: QApplication) -> None:
    runner = TaskRunner(qapp)
    release = threading.Event()
    delivered: list[str] = []

    def slow(control: TaskControl) -> str:
        release.wait(10)
        return "old"

    handle = runner.run(slow, delivered.append, key="page")
    runner.cancel("page")
    runner.cancel("nothing runs under this key")
    assert handle.control.cancelled()
    release.set()
    with qtbot.waitSignal(handle.finished, timeout=10000):
        pass
    assert delivered == []
    fresh = runner.run(lambda _c: "new", delivered.append, key="page")
    with qtbot.waitSignal(fresh.finished, timeout=10000):
        pass
    assert delivered == ["new"]
    runner.wait(10000)

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


def test_background_work_never_holds_the_threads_the_user_waits_on(qtbot: Any, qapp: QApplication) -> None:
    runner = TaskRunner(qapp, max_threads=1)
    release = threading.Event()
    order: list[str] = []
    checks = [runner.run(lambda _c: release.wait(10), background=True) for _ in range(2)]  # a long check
    assert not runner.busy() and runner.active_count() >= 1  # housekeeping is not what the user waits for
    article = runner.run(lambda _c: "article", order.append)
    with qtbot.waitSignal(article.finished, timeout=10000):
        pass
    assert order == ["article"] and not any(c.done for c in checks)
    release.set()
    assert runner.wait(10000) and runner.active_count() == 0  # waits for the background lane as well
    qtbot.waitUntil(lambda: all(c.done for c in checks), timeout=10000)

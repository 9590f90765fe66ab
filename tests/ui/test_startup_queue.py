"""Start-up work held until the list's first page is shown, then run in order a step at a time."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal

from desktop.ui.startup_queue import AfterFirstPage


class _Pane(QObject):
    shown = Signal()


def test_steps_wait_for_the_first_page_and_run_in_order(qtbot: Any) -> None:
    pane = _Pane()
    queue = AfterFirstPage(pane.shown, step_ms=1)
    ran: list[str] = []
    queue.add(lambda: ran.append("article"))
    queue.add(lambda: ran.append("check"))
    qtbot.wait(20)
    assert ran == [] and not queue.is_open()  # nothing competes with the first page
    with qtbot.waitSignal(queue.drained, timeout=2000):
        pane.shown.emit()
    assert ran == ["article", "check"] and queue.is_open()
    with qtbot.waitSignal(queue.drained, timeout=2000):
        queue.add(lambda: ran.append("later"))  # added after the page: runs after the pause
    pane.shown.emit()  # a second page changes nothing
    assert ran == ["article", "check", "later"]


def test_a_failing_step_does_not_stop_the_others(qtbot: Any) -> None:
    pane = _Pane()
    queue = AfterFirstPage(pane.shown, step_ms=1)
    ran: list[str] = []

    def broken() -> None:
        ran.append("broken")
        raise RuntimeError("step failed")

    queue.add(broken)
    queue.add(lambda: ran.append("next"))
    with qtbot.captureExceptions() as errors, qtbot.waitSignal(queue.drained, timeout=2000):
        pane.shown.emit()
    assert ran == ["broken", "next"]
    assert [str(e[1]) for e in errors] == ["step failed"]

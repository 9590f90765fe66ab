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


def test_idle_work_waits_for_the_first_page_and_while_the_user_waits(qtbot: Any) -> None:
    pane = _Pane()
    queue = AfterFirstPage(pane.shown, step_ms=1)
    ran: list[str] = []
    busy = [True]
    checked: list[bool] = []

    def is_busy() -> bool:
        checked.append(busy[0])
        return busy[0]

    queue.add_when_idle(lambda: ran.append("warm up"), is_busy, idle_ms=5)
    qtbot.wait(30)
    assert ran == [] and checked == []  # not even asked before the first page
    pane.shown.emit()
    qtbot.waitUntil(lambda: len(checked) >= 2, timeout=2000)
    assert ran == []  # an article is loading: later
    busy[0] = False
    qtbot.waitUntil(lambda: ran == ["warm up"], timeout=2000)
    count = len(checked)
    qtbot.wait(30)
    assert ran == ["warm up"] and len(checked) == count  # once

"""Small windows: the legend folds to swatches, side panes give way, focus mode shows only the text."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QCheckBox

from desktop.ui.context import AppContext
from desktop.ui.main_window import MainWindow
from desktop.ui.pane_layout import READER_MIN_WIDTH
from tests.ui.reader_support import TIMEOUT, import_article, open_article


@pytest.fixture
def window(qtbot: Any, ctx: AppContext) -> Iterator[MainWindow]:
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    open_article(qtbot, win.reader, import_article(ctx))  # type: ignore[arg-type]
    yield win
    win.close()
    ctx.tasks.wait(TIMEOUT)


def _resize(qtbot: Any, win: MainWindow, width: int, height: int) -> None:
    win.resize(width, height)
    qtbot.waitUntil(lambda: win.width() == width and win.height() == height, timeout=TIMEOUT)
    qtbot.wait(20)  # let the splitter settle


def _legend_is_readable(box: QCheckBox, label: str) -> bool:
    """Either the whole label fits, or only the swatch shows and the tooltip names the type."""
    if box.text():
        return box.text() == label and box.width() >= box.sizeHint().width()
    return label in box.toolTip() and not box.icon().isNull() and box.width() >= box.sizeHint().width()


def test_at_1600_everything_shows_with_full_legend(qtbot: Any, window: MainWindow) -> None:
    _resize(qtbot, window, 1600, 1000)
    assert window.library_pane.isVisible() and window.sidebar.isVisible()
    toolbar = window.reader.toolbar  # type: ignore[attr-defined]
    assert all(box.text() for box in toolbar.type_boxes.values())


def test_at_1024_the_legend_never_clips(qtbot: Any, window: MainWindow) -> None:
    from desktop.ui.palette import ENTITY_LABELS

    _resize(qtbot, window, 1024, 700)
    toolbar = window.reader.toolbar  # type: ignore[attr-defined]
    for kind, box in toolbar.type_boxes.items():
        assert _legend_is_readable(box, ENTITY_LABELS[kind]), (kind, box.text(), box.width())
    assert window.reader.width() >= READER_MIN_WIDTH


def test_at_800_the_reading_column_keeps_its_room(qtbot: Any, window: MainWindow) -> None:
    _resize(qtbot, window, 800, 560)
    assert window.reader.width() >= READER_MIN_WIDTH
    assert window.reader.browser.viewport().width() >= READER_MIN_WIDTH - 40  # type: ignore[attr-defined]
    assert not window.sidebar.isVisible()  # it gave way ...
    assert not window.panes.sidebar_action.isChecked()
    _resize(qtbot, window, 1600, 1000)
    assert window.sidebar.isVisible()  # ... and comes back when there is room
    assert window.panes.sidebar_action.isChecked()


def test_side_panes_toggle_from_the_view_menu_and_collapse(qtbot: Any, window: MainWindow) -> None:
    _resize(qtbot, window, 1600, 1000)
    panes = window.panes
    assert window.splitter.isCollapsible(0) and window.splitter.isCollapsible(2)
    assert not window.splitter.isCollapsible(1)
    view_actions = [a for m in window.menuBar().actions() if m.text() == "&View" for a in m.menu().actions()]
    assert {panes.library_action, panes.sidebar_action, panes.focus_action} <= set(view_actions)
    panes.library_action.trigger()
    assert not window.library_pane.isVisible()
    _resize(qtbot, window, 1500, 1000)
    assert not window.library_pane.isVisible()  # the user's choice holds across resizes
    panes.library_action.trigger()
    assert window.library_pane.isVisible() and window.library_pane.width() > 100
    window.splitter.setSizes([0, 1000, 400])  # dragged shut
    window.splitter.splitterMoved.emit(0, 1)
    assert not panes.library_action.isChecked()


def test_focus_mode_shows_only_the_reading_pane(qtbot: Any, window: MainWindow) -> None:
    _resize(qtbot, window, 1600, 1000)
    panes = window.panes
    assert panes.focus_action.shortcut() == QKeySequence(Qt.Key.Key_F11)
    search = next(
        a
        for m in window.menuBar().actions()
        for a in (m.menu().actions() if m.menu() else [])
        if "Search" in a.text()
    )
    assert search.shortcut() == QKeySequence("Ctrl+Shift+F")  # no clash: focus mode is F11
    panes.focus_action.trigger()
    assert panes.focus_action.isChecked()
    assert window.reader.isVisible()
    assert not window.library_pane.isVisible() and not window.sidebar.isVisible()
    assert window.reader.width() >= window.width() - 20
    qtbot.keyClick(window.reader.browser, Qt.Key.Key_Escape)  # type: ignore[attr-defined]
    assert not panes.focus_action.isChecked()
    assert window.library_pane.isVisible() and window.sidebar.isVisible()
    panes.focus_action.trigger()
    panes.focus_action.trigger()  # the same key leaves it
    assert window.library_pane.isVisible() and window.sidebar.isVisible()


def test_focus_mode_keeps_a_pane_the_user_had_closed_closed(qtbot: Any, window: MainWindow) -> None:
    _resize(qtbot, window, 1600, 1000)
    window.panes.sidebar_action.trigger()
    window.panes.focus_action.trigger()
    window.panes.focus_action.trigger()
    assert window.library_pane.isVisible() and not window.sidebar.isVisible()


def test_pane_choices_are_remembered(qtbot: Any, ctx: AppContext, window: MainWindow) -> None:
    _resize(qtbot, window, 1600, 1000)
    window.panes.library_action.trigger()
    window.close()
    again = MainWindow(ctx)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    _resize(qtbot, again, 1600, 1000)
    try:
        assert not again.library_pane.isVisible() and again.sidebar.isVisible()
    finally:
        again.close()

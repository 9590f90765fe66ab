"""Fixtures for window tests: offscreen Qt, a tmp library and settings, a fake recogniser, stand-in panes.

The helpers themselves live in ``tests/ui/window_support.py``: test modules import them from there
(``from tests.ui.window_support import ...``), never from a conftest, whose module name is not unique.
"""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before anything imports Qt
os.environ.setdefault("QT_QUICK_BACKEND", "software")

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLocale, QSettings
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QWidget

from desktop.storage.db import Library, open_library
from desktop.ui.context import AppContext
from desktop.ui.tasks import TaskRunner
from tests.ui.window_support import FakeRecognizer, StandInReader, StandInSidebar

# Numbers and dates as the POSIX locale writes them (ISO dates), whatever the machine's language;
# tests of the German interface switch the default locale and restore it.
QLocale.setDefault(QLocale.c())

#: Limitations of the offscreen platform plugin, reported as warnings when a window is shown.
OFFSCREEN_NOISE = (
    r"This plugin does not support (propagateSizeHints|raise|grabbing the keyboard|setting window opacity)"
)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tolerate the offscreen plugin's "does not support" warnings in window tests (only those)."""
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.path)).parents:
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))


@pytest.fixture(autouse=True)
def _posix_locale() -> Iterator[None]:
    """Every test starts and ends with the C locale (``main()`` sets the default from the settings)."""
    QLocale.setDefault(QLocale.c())
    yield
    QLocale.setDefault(QLocale.c())


@pytest.fixture
def fake_recognizer() -> FakeRecognizer:
    return FakeRecognizer()


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'library.sqlite3'}"


@pytest.fixture
def library(db_url: str) -> Iterator[Library]:
    lib = open_library(db_url, busy_timeout_ms=2000)
    try:
        yield lib
    finally:
        lib.close()


@pytest.fixture
def settings_path(tmp_path: Path) -> Path:
    return tmp_path / "settings" / "settings.ini"


@pytest.fixture
def settings(settings_path: Path) -> QSettings:
    return QSettings(str(settings_path), QSettings.Format.IniFormat)


@pytest.fixture
def ctx(
    qapp: QApplication, library: Library, settings: QSettings, fake_recognizer: FakeRecognizer
) -> Iterator[AppContext]:
    # Parented to the application: an orphan QObject collected after QApplication crashes at exit,
    # and a late timer of a closed window may still reach them.
    tasks = TaskRunner(qapp)
    context = AppContext(
        library=library, settings=settings, tasks=tasks, undo_stack=QUndoStack(qapp), model=fake_recognizer
    )
    try:
        yield context
    finally:
        tasks.wait(10000)
        QApplication.sendPostedEvents()  # deliver finished tasks' results while the library is open


@pytest.fixture
def stand_in_panes() -> tuple[Callable[..., QWidget], Callable[..., QWidget]]:
    """Factories of stand-in reader and sidebar (the window's own code paths, no reader logic)."""
    return StandInReader, StandInSidebar


@pytest.fixture
def make_window(
    qtbot: object, ctx: AppContext, stand_in_panes: tuple[Callable[..., QWidget], Callable[..., QWidget]]
) -> Iterator[Callable[..., QWidget]]:
    """Build MainWindow instances with stand-in panes; all are closed at the end of the test."""
    from desktop.ui.main_window import MainWindow

    windows: list[MainWindow] = []

    def build(context: AppContext | None = None) -> MainWindow:
        reader, sidebar = stand_in_panes
        window = MainWindow(context or ctx, reader_factory=reader, sidebar_factory=sidebar)
        qtbot.addWidget(window)  # type: ignore[attr-defined]
        windows.append(window)
        return window

    yield build
    for window in windows:
        if window.isVisible():
            window.close()
    ctx.tasks.wait(10000)


@pytest.fixture
def make_real_window(qtbot: Any, ctx: AppContext) -> Iterator[Callable[..., Any]]:
    """Build shown MainWindow instances with the real panes; closed at the end of the test."""
    from desktop.ui.main_window import MainWindow

    windows: list[MainWindow] = []

    def build(width: int = 1400, height: int = 900) -> MainWindow:
        window = MainWindow(ctx)
        qtbot.addWidget(window)
        window.resize(width, height)
        window.show()
        qtbot.waitExposed(window)
        windows.append(window)
        return window

    yield build
    for window in windows:
        if window.isVisible():
            window.close()
    ctx.tasks.wait(10000)


@pytest.fixture
def sidebar(qtbot: Any, ctx: AppContext) -> Any:
    """The real sidebar over a real reading pane, shown at a typical size."""
    from desktop.ui.sidebar_view import Sidebar
    from tests.ui.reader_support import make_reader

    side = Sidebar(ctx, make_reader(qtbot, ctx))
    qtbot.addWidget(side)
    side.resize(380, 640)
    side.show()
    return side

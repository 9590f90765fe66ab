"""Fixtures for window tests: offscreen Qt, a tmp library and settings, a fake recogniser, stand-in panes."""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before anything imports Qt
os.environ.setdefault("QT_QUICK_BACKEND", "software")

import importlib.util
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLocale, QSettings, Signal
from PySide6.QtGui import QAction, QUndoStack
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

from desktop.core.types import EntitySpan, EntityType
from desktop.storage.db import Library, open_library
from desktop.ui.context import AppContext
from desktop.ui.tasks import TaskRunner

# Numbers and dates as the POSIX locale writes them (ISO dates), whatever the machine's language;
# tests of the German interface switch the default locale and restore it.
QLocale.setDefault(QLocale.c())

REPO = Path(__file__).resolve().parents[2]
SEED_FILES = sorted((REPO / "seeds").glob("*.txt"))

#: Invented names found by the fake recogniser (never names from the sample article).
FAKE_NAMES: dict[str, EntityType] = {
    "Anna Berg": "person",
    "Tomas Lindqvist": "person",
    "Nordhafen Bank": "organization",
    "Weissfeld": "location",
}


class FakeRecognizer:
    """Finds the exact names of ``FAKE_NAMES``: no model files needed."""

    def __init__(self, names: dict[str, EntityType] | None = None) -> None:
        self.names = dict(FAKE_NAMES if names is None else names)
        self.calls = 0

    def recognize(self, text: str, language: str) -> list[EntitySpan]:
        self.calls += 1
        spans = []
        for name, kind in self.names.items():
            for match in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text):
                spans.append(EntitySpan(match.start(), match.end(), name, kind))
        return sorted(spans, key=lambda s: (s.start, -s.end))


class StandInReader(QWidget):
    """The ReaderPane interface, for when the real reading pane is not available."""

    article_opened = Signal(int)
    actor_selected = Signal(int)
    annotations_changed = Signal(int)
    actors_changed = Signal()
    annotation_revealed = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.highlight_actions: dict[str, QAction] = {}
        self.opened: list[tuple[int, str | None]] = []
        self.revealed: list[tuple[int, int]] = []
        self.saved = 0
        self.flushed = 0
        self.reloaded = 0
        self.find_bar_shown = 0
        self.zoom = 100
        self._current: int | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Reader", self))

    def open_article(self, article_id: int, highlight_query: str | None = None) -> None:
        self.opened.append((article_id, highlight_query))
        self._current = article_id
        self.article_opened.emit(article_id)

    def current_article_id(self) -> int | None:
        return self._current

    def show_annotation(self, article_id: int, annotation_id: int) -> None:
        self.revealed.append((article_id, annotation_id))
        if article_id != self._current:
            self.open_article(article_id)

    def close_article(self, text: str = "") -> None:
        self._current = None

    def flush_edits(self) -> None:
        self.flushed += 1

    def selected_range(self) -> tuple[int, int] | None:
        return None

    def reload(self) -> None:
        self.reloaded += 1

    def show_find_bar(self) -> None:
        self.find_bar_shown += 1

    def save_state(self) -> None:
        self.saved += 1

    def set_zoom(self, percent: int) -> None:
        self.zoom = percent


class StandInSidebar(QWidget):
    """The Sidebar interface, for when the real sidebar is not available."""

    actor_selected = Signal(int)
    annotation_activated = Signal(int)
    library_changed = Signal()

    def __init__(self, ctx: AppContext, reader: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.article: int | None = None
        self.library_scope = False
        self.activated: list[int] = []
        self.refreshed = 0
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Sidebar", self))

    def set_article(self, article_id: int | None) -> None:
        self.article = article_id

    def set_scope_library(self, on: bool) -> None:
        self.library_scope = on

    def activate_annotation(self, annotation_id: int) -> None:
        self.activated.append(annotation_id)

    def refresh(self) -> None:
        self.refreshed += 1


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


def real_panes_available() -> bool:
    """True when the real reading pane and sidebar modules exist."""
    return all(
        importlib.util.find_spec(m) is not None for m in ("desktop.ui.reader_view", "desktop.ui.sidebar_view")
    )


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
    from reader_support import make_reader

    from desktop.ui.sidebar_view import Sidebar

    side = Sidebar(ctx, make_reader(qtbot, ctx))
    qtbot.addWidget(side)
    side.resize(380, 640)
    side.show()
    return side

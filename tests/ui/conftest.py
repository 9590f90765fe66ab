"""Fixtures for window tests: offscreen Qt, a tmp library and settings, a fake recogniser, stand-in panes."""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before anything imports Qt
os.environ.setdefault("QT_QUICK_BACKEND", "software")

import importlib.util  # noqa: E402
import re  # noqa: E402
from collections.abc import Callable, Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import QSettings, Signal  # noqa: E402
from PySide6.QtGui import QUndoStack  # noqa: E402
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget  # noqa: E402

from desktop.core.types import EntitySpan, EntityType  # noqa: E402
from desktop.storage.db import Library, open_library  # noqa: E402
from desktop.ui.context import AppContext  # noqa: E402
from desktop.ui.tasks import TaskRunner  # noqa: E402

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

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.opened: list[tuple[int, str | None]] = []
        self.saved = 0
        self._current: int | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Reader", self))

    def open_article(self, article_id: int, highlight_query: str | None = None) -> None:
        self.opened.append((article_id, highlight_query))
        self._current = article_id
        self.article_opened.emit(article_id)

    def current_article_id(self) -> int | None:
        return self._current

    def selected_range(self) -> tuple[int, int] | None:
        return None

    def save_state(self) -> None:
        self.saved += 1


class StandInSidebar(QWidget):
    """The Sidebar interface, for when the real sidebar is not available."""

    actor_selected = Signal(int)
    annotation_activated = Signal(int)
    library_changed = Signal()

    def __init__(self, ctx: AppContext, reader: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.article: int | None = None
        self.library_scope = False
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Sidebar", self))

    def set_article(self, article_id: int | None) -> None:
        self.article = article_id

    def set_scope_library(self, on: bool) -> None:
        self.library_scope = on


def real_panes_available() -> bool:
    """True when the real reading pane and sidebar modules exist."""
    return all(importlib.util.find_spec(m) is not None for m in ("desktop.ui.reader_view", "desktop.ui.sidebar_view"))


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
def ctx(qapp: object, library: Library, settings: QSettings, fake_recognizer: FakeRecognizer) -> Iterator[AppContext]:
    tasks = TaskRunner()
    context = AppContext(library=library, settings=settings, tasks=tasks, undo_stack=QUndoStack(), model=fake_recognizer)
    try:
        yield context
    finally:
        tasks.wait(10000)


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

"""Helpers of the window tests: a fake recogniser, stand-in panes, the sample files.

Imported by package (``from tests.ui.window_support import FakeRecognizer``) so that any combination
of test folders collects: every folder has a ``conftest.py``, so ``from conftest import`` would pick
whichever was imported first.
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desktop.core.types import EntitySpan, EntityType
from desktop.ui.context import AppContext

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


def real_panes_available() -> bool:
    """True when the real reading pane and sidebar modules exist."""
    return all(
        importlib.util.find_spec(m) is not None for m in ("desktop.ui.reader_view", "desktop.ui.sidebar_view")
    )

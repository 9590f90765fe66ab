"""What the main window asks of its reading pane and its sidebar: two small typed interfaces.

The window is built with the real panes (ReaderPane, Sidebar) or with stand-ins in tests; either
way it calls these methods and connects these signals directly, never guessing names.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from PySide6.QtCore import SignalInstance
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget


@runtime_checkable
class ReadingPane(Protocol):
    """The pane that shows one article."""

    article_opened: SignalInstance  # (article id) after an open_article() has rendered it
    annotations_changed: SignalInstance  # (article id) an annotation was added, changed or removed
    actors_changed: SignalInstance  # () an actor correction changed the library
    annotation_revealed: SignalInstance  # (annotation id) show_annotation() put it in view
    highlight_actions: dict[str, QAction]  # "default" and one per shortcut colour

    def open_article(self, article_id: int, highlight_query: str | None = None) -> None: ...
    def current_article_id(self) -> int | None: ...
    def show_annotation(self, article_id: int, annotation_id: int) -> None: ...
    def close_article(self, text: str = ...) -> None: ...
    def flush_edits(self) -> None: ...
    def reload(self) -> None: ...
    def show_find_bar(self) -> None: ...
    def set_zoom(self, percent: int) -> None: ...
    def save_state(self) -> None: ...


@runtime_checkable
class SidePane(Protocol):
    """The pane beside the article: its actors, annotations and quotes."""

    library_changed: SignalInstance  # () the sidebar changed the library (a merge, a rename)

    def set_article(self, article_id: int | None) -> None: ...
    def activate_annotation(self, annotation_id: int) -> None: ...
    def refresh(self) -> None: ...


def as_widget(pane: ReadingPane | SidePane) -> QWidget:
    """The pane as the widget it also is (every pane is one)."""
    if not isinstance(pane, QWidget):
        raise TypeError(f"{type(pane).__name__} is not a QWidget")
    return pane

"""The actor tree's columns fitted to the sidebar: names keep their room, roles take the rest.

Fixed widths (name 200, mentions 62) made the roles column start beyond the right edge of a narrow
sidebar, so the roles were reachable only by scrolling sideways. Here the name column gets the
width the user last gave it (200 to begin with) as long as the roles keep ``ROLES_MIN_WIDTH``;
below that the name gives way down to ``NAME_MIN_WIDTH``, and only then does the tree scroll.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QHeaderView, QTreeView

NAME, MENTIONS = 0, 1
NAME_WIDTH = 200
MENTIONS_WIDTH = 62
NAME_MIN_WIDTH = 110
ROLES_MIN_WIDTH = 70


class ActorColumns(QObject):
    """Sizes the name column whenever the tree's viewport changes width; the roles column stretches."""

    def __init__(self, view: QTreeView) -> None:
        super().__init__(view)  # goes with the view
        self._view = view
        self._viewport = view.viewport()
        self._wanted = NAME_WIDTH
        self._fitting = False
        header = view.header()
        header.setMinimumSectionSize(30)
        header.setStretchLastSection(False)  # (a tree's header stretches by default; sized first)
        header.setDefaultSectionSize(ROLES_MIN_WIDTH)  # a stretched last section never gets narrower
        for column in range(MENTIONS + 1, header.count()):
            header.resizeSection(column, ROLES_MIN_WIDTH)
        header.setStretchLastSection(True)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(MENTIONS, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(NAME, NAME_WIDTH)
        header.resizeSection(MENTIONS, MENTIONS_WIDTH)
        header.sectionResized.connect(self._on_section_resized)
        self._viewport.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._viewport and event.type() == QEvent.Type.Resize:
            self.fit()
        return super().eventFilter(watched, event)

    def _on_section_resized(self, column: int, _old: int, new: int) -> None:
        if not self._fitting and column == NAME:
            self._wanted = new  # the user dragged the name column: keep that width while it fits

    def fit(self) -> None:
        """Give the name column its wanted width, less what the roles need to stay in view."""
        header = self._view.header()
        room = self._viewport.width() - header.sectionSize(MENTIONS) - ROLES_MIN_WIDTH
        width = max(NAME_MIN_WIDTH, min(self._wanted, room))
        if header.sectionSize(NAME) != width:
            self._fitting = True
            try:
                header.resizeSection(NAME, width)
            finally:
                self._fitting = False

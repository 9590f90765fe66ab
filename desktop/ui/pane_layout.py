"""The three panes in small windows: side panes give way to the reading column, focus mode hides them.

The user's choice (View ▸ Library / Sidebar, or dragging a pane shut) is kept in the settings. When the
window is too narrow for a chosen pane and a reading column of READER_MIN_WIDTH, the pane is hidden
for the time being (the sidebar first) and comes back when there is room again.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QSplitter, QWidget

from desktop.ui.i18n import translate

READER_MIN_WIDTH = 440  # about 50 characters of body text at the default size
LIBRARY, READER, SIDEBAR = 0, 1, 2
SIDE_MIN_WIDTHS = {LIBRARY: 220, SIDEBAR: 260}  # narrower than this a side pane rather hides
SHOW_KEYS = {LIBRARY: "window/show_library", SIDEBAR: "window/show_sidebar"}
WIDTH_KEYS = {LIBRARY: "window/library_width", SIDEBAR: "window/sidebar_width"}


def _flag(value: object, default: bool = True) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        return value.lower() not in ("false", "0", "no")
    return default


class PaneLayout(QObject):
    """Shows, hides and sizes the library and the sidebar around the reading pane."""

    focus_changed = Signal(bool)

    def __init__(self, splitter: QSplitter, settings: QSettings, parent: QWidget) -> None:
        super().__init__(parent)
        self._splitter = splitter
        self._settings = settings
        self._wanted = {side: _flag(settings.value(key, True)) for side, key in SHOW_KEYS.items()}
        self._focus = False
        self._fitting = False
        self._preferred = {LIBRARY: 320, SIDEBAR: 400}  # the side panes' widths when there is room
        self._panes: dict[int, QWidget] = {}
        for index in (LIBRARY, READER, SIDEBAR):
            pane = splitter.widget(index)
            if pane is None:
                raise ValueError("The splitter needs library, reader and sidebar panes.")
            self._panes[index] = pane
        splitter.setChildrenCollapsible(True)
        splitter.setCollapsible(READER, False)
        for side, minimum in SIDE_MIN_WIDTHS.items():
            self._panes[side].setMinimumWidth(minimum)
        self._panes[READER].setMinimumWidth(READER_MIN_WIDTH // 2)  # the window may still shrink
        self.library_action = self._make(
            translate("PaneLayout", "Show &Library"), "Ctrl+Shift+L", lambda on: self.set_wanted(LIBRARY, on)
        )
        self.sidebar_action = self._make(
            translate("PaneLayout", "Show &Sidebar"), "Ctrl+Shift+B", lambda on: self.set_wanted(SIDEBAR, on)
        )
        self.focus_action = self._make(translate("PaneLayout", "&Focus Mode"), Qt.Key.Key_F11, self.set_focus)
        self.focus_action.setToolTip(translate("PaneLayout", "Only the text (F11 or Esc leaves)"))
        splitter.splitterMoved.connect(self._on_moved)
        splitter.installEventFilter(self)
        self.fit()

    def _make(self, text: str, key: object, slot: object) -> QAction:
        action = QAction(text, self.parent())
        action.setCheckable(True)
        action.setShortcut(QKeySequence(key))  # type: ignore[call-overload]
        action.toggled.connect(slot)  # type: ignore[arg-type]
        return action

    def actions(self) -> list[QAction]:
        """The View menu entries, in order."""
        return [self.library_action, self.sidebar_action, self.focus_action]

    def in_focus_mode(self) -> bool:
        """True while only the reading pane shows."""
        return self._focus

    def set_wanted(self, side: int, on: bool) -> None:
        """The user shows or hides a side pane (remembered); leaves focus mode to show one."""
        if self._fitting:
            return
        self._wanted[side] = on
        self._settings.setValue(SHOW_KEYS[side], on)
        if on and self._focus:
            self.focus_action.setChecked(False)  # calls fit()
        else:
            self.fit()

    def set_focus(self, on: bool) -> None:
        """Focus mode: only the reading pane (F11; Esc or F11 again leaves)."""
        if self._fitting or on == self._focus:
            return
        self._focus = on
        self.fit()
        self.focus_changed.emit(on)

    def restore_widths(self, fallback: list[int] | None = None) -> None:
        """The side widths the user chose last time (else ``fallback``: library, reader, sidebar sizes)."""
        for side, key in WIDTH_KEYS.items():
            value = self._settings.value(key)
            stored = int(value) if isinstance(value, int | str) and str(value).isdigit() else 0
            if not stored and fallback is not None:
                stored = fallback[side]
            if stored >= SIDE_MIN_WIDTHS[side]:
                self._preferred[side] = stored
        self.fit()

    def fit(self) -> None:
        """Show the panes that are wanted and fit next to a reading column of READER_MIN_WIDTH."""
        splitter = self._splitter
        if not splitter.isVisible():
            return
        available = splitter.width() - 2 * splitter.handleWidth()
        shown = {LIBRARY: False, SIDEBAR: False}
        if not self._focus:
            room = available - READER_MIN_WIDTH
            for side, minimum in SIDE_MIN_WIDTHS.items():  # the library first, then the sidebar
                if self._wanted[side] and room >= minimum:
                    shown[side] = True
                    room -= minimum
        self._fitting = True
        try:
            for side, on in shown.items():
                widget = self._panes[side]
                if widget.isHidden() == on:
                    widget.setVisible(on)
                action = self.library_action if side == LIBRARY else self.sidebar_action
                action.setChecked(on or (self._wanted[side] and self._focus))
            self.focus_action.setChecked(self._focus)
            splitter.setSizes(self._sizes(shown, available))
        finally:
            self._fitting = False

    def _sizes(self, shown: dict[int, bool], available: int) -> list[int]:
        """Preferred side widths, shrunk towards their minimum while the reader lacks READER_MIN_WIDTH."""
        sides = {s: self._preferred[s] if on else 0 for s, on in shown.items()}
        excess = sum(sides.values()) + READER_MIN_WIDTH - available
        slack = {s: sides[s] - SIDE_MIN_WIDTHS[s] for s in sides if shown[s]}
        total = sum(slack.values())
        if excess > 0 and total > 0:
            for side, give in slack.items():
                sides[side] -= min(give, round(excess * give / total))
        handles = self._splitter.handleWidth() * sum(shown.values())
        reader = max(
            0, available + 2 * self._splitter.handleWidth() - handles - sides[LIBRARY] - sides[SIDEBAR]
        )
        return [sides[LIBRARY], reader, sides[SIDEBAR]]

    def _on_moved(self, _pos: int, _index: int) -> None:
        """A side pane dragged shut counts as hidden by the user."""
        if self._fitting or self._focus:
            return
        sizes = self._splitter.sizes()
        for side in SIDE_MIN_WIDTHS:
            if sizes[side] > 0:
                self._preferred[side] = sizes[side]
                self._settings.setValue(WIDTH_KEYS[side], sizes[side])
            elif self._wanted[side]:
                self._wanted[side] = False
                self._settings.setValue(SHOW_KEYS[side], False)
                action = self.library_action if side == LIBRARY else self.sidebar_action
                self._fitting = True
                try:
                    action.setChecked(False)
                    self._panes[side].hide()
                finally:
                    self._fitting = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Show) and watched is self._splitter:
            self.fit()
        return super().eventFilter(watched, event)

"""Fusion style with a light or dark palette that follows the system unless the user chose one."""

from __future__ import annotations

from typing import Literal

from PySide6.QtCore import QObject, QSettings, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

ThemeMode = Literal["system", "light", "dark"]
THEME_MODES: tuple[ThemeMode, ...] = ("system", "light", "dark")
THEME_KEY = "view/theme"

Role = QPalette.ColorRole
Group = QPalette.ColorGroup


def stored_mode(settings: QSettings) -> ThemeMode:
    """The theme saved in the settings ("system" when unset or invalid)."""
    value = str(settings.value(THEME_KEY, "system") or "system")
    return value if value in THEME_MODES else "system"  # type: ignore[return-value]


def system_is_dark() -> bool:
    """True when the desktop asks for a dark colour scheme."""
    hints = QGuiApplication.styleHints()
    return hints is not None and hints.colorScheme() == Qt.ColorScheme.Dark


def _set(palette: QPalette, role: Role, color: str, disabled: str | None = None) -> None:
    palette.setColor(role, QColor(color))
    if disabled is not None:
        palette.setColor(Group.Disabled, role, QColor(disabled))


def light_palette() -> QPalette:
    """A calm light palette (Fusion's defaults with a blue accent)."""
    palette = QPalette()
    _set(palette, Role.Window, "#f3f4f6")
    _set(palette, Role.WindowText, "#1f2328", "#8c939c")
    _set(palette, Role.Base, "#ffffff", "#f3f4f6")
    _set(palette, Role.AlternateBase, "#f6f8fa")
    _set(palette, Role.ToolTipBase, "#fffbe6")
    _set(palette, Role.ToolTipText, "#1f2328")
    _set(palette, Role.PlaceholderText, "#8c939c")
    _set(palette, Role.Text, "#1f2328", "#8c939c")
    _set(palette, Role.Button, "#eceef1")
    _set(palette, Role.ButtonText, "#1f2328", "#8c939c")
    _set(palette, Role.BrightText, "#d1242f")
    _set(palette, Role.Light, "#ffffff")
    _set(palette, Role.Midlight, "#e4e7eb")
    _set(palette, Role.Mid, "#c4c9d0")
    _set(palette, Role.Dark, "#9aa1aa")
    _set(palette, Role.Shadow, "#6e7781")
    _set(palette, Role.Highlight, "#2e6fbf", "#c4c9d0")  # apart from every reading tint (see palette.py)
    _set(palette, Role.HighlightedText, "#ffffff")
    _set(palette, Role.Accent, "#2e6fbf")
    _set(palette, Role.Link, "#1f5fa8")
    _set(palette, Role.LinkVisited, "#6f42c1")
    return palette


def dark_palette() -> QPalette:
    """A dark palette with enough contrast for long reading."""
    palette = QPalette()
    _set(palette, Role.Window, "#2a2e32")
    _set(palette, Role.WindowText, "#e6e8eb", "#7d838c")
    _set(palette, Role.Base, "#1b1e20", "#2a2e32")
    _set(palette, Role.AlternateBase, "#232629")
    _set(palette, Role.ToolTipBase, "#30343a")
    _set(palette, Role.ToolTipText, "#e6e8eb")
    _set(palette, Role.PlaceholderText, "#7d838c")
    _set(palette, Role.Text, "#e6e8eb", "#7d838c")
    _set(palette, Role.Button, "#31363b")
    _set(palette, Role.ButtonText, "#e6e8eb", "#7d838c")
    _set(palette, Role.BrightText, "#ff7b72")
    _set(palette, Role.Light, "#454a50")
    _set(palette, Role.Midlight, "#3a3f45")
    _set(palette, Role.Mid, "#25292c")
    _set(palette, Role.Dark, "#15171a")
    _set(palette, Role.Shadow, "#0b0c0e")
    _set(palette, Role.Highlight, "#2c6bb7", "#3a3f46")  # white text on it keeps 4.5:1
    _set(palette, Role.HighlightedText, "#ffffff")
    _set(palette, Role.Accent, "#3d7bd0")
    _set(palette, Role.Link, "#79b0f0")
    _set(palette, Role.LinkVisited, "#c39af0")
    return palette


class ThemeController(QObject):
    """Applies the chosen theme to the application and follows the system while it is "system"."""

    changed = Signal(bool)  # dark?

    def __init__(self, app: QApplication, settings: QSettings, parent: QObject | None = None) -> None:
        super().__init__(parent or app)
        self._app = app
        self._settings = settings
        self._mode: ThemeMode = stored_mode(settings)
        self._dark: bool | None = None
        if "Fusion" in list(QStyleFactory.keys()):
            app.setStyle("Fusion")
        hints = QGuiApplication.styleHints()
        if hints is not None:
            hints.colorSchemeChanged.connect(self._on_system_scheme)
        self._apply()

    @property
    def mode(self) -> ThemeMode:
        """The user's choice."""
        return self._mode

    @property
    def dark(self) -> bool:
        """Whether the dark palette is in use."""
        return bool(self._dark)

    def set_mode(self, mode: ThemeMode) -> None:
        """Switch to ``mode`` and remember it."""
        if mode not in THEME_MODES:
            raise ValueError(f"Unknown theme {mode!r}; choose one of {', '.join(THEME_MODES)}.")
        self._mode = mode
        self._settings.setValue(THEME_KEY, mode)
        self._apply()

    def _on_system_scheme(self, _scheme: Qt.ColorScheme) -> None:
        if self._mode == "system":
            self._apply()

    def _apply(self) -> None:
        dark = self._mode == "dark" or (self._mode == "system" and system_is_dark())
        if dark == self._dark:
            return
        self._dark = dark
        self._app.setPalette(dark_palette() if dark else light_palette())
        self.changed.emit(dark)

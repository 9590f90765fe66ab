"""Highlight colours: annotation colours with user-renamable meanings, and entity type colours.

Colours are mixed with the widget palette's base colour, so highlights are soft tints
on a light background and dark tints on a dark one while the text keeps its own colour.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QColor, QPalette

from desktop.services.annotations import DEFAULT_COLOR

#: Display colour of each annotation colour name (names as in the annotations service).
ANNOTATION_RGB: dict[str, str] = {
    "yellow": "#f2c200",
    "green": "#3aa655",
    "blue": "#3b86d6",
    "pink": "#e0569a",
    "purple": "#9160cc",
    "orange": "#ee8421",
    "red": "#d8433b",
    "gray": "#8a8a8a",
}
DEFAULT_MEANINGS: dict[str, str] = {
    "yellow": "Important",
    "green": "Evidence",
    "blue": "Question",
    "red": "Disagree",
    "purple": "Quote",
    "pink": "Follow up",
    "orange": "To check",
    "gray": "Background",
}
#: The colours on the highlight toolbar, in order; Ctrl+1..Ctrl+5 pick the first five.
TOOLBAR_COLORS: tuple[str, ...] = ("yellow", "green", "blue", "red", "purple", "pink", "orange", "gray")
SHORTCUT_COLORS: tuple[str, ...] = TOOLBAR_COLORS[:5]

ENTITY_RGB: dict[str, str] = {
    "person": "#2f7bd9",
    "organization": "#13a085",
    "location": "#d2691e",
    "other": "#9b59b6",
}
ENTITY_LABELS: dict[str, str] = {
    "person": "People",
    "organization": "Organisations",
    "location": "Places",
    "other": "Other",
}
ENTITY_SINGULAR: dict[str, str] = {
    "person": "Person",
    "organization": "Organisation",
    "location": "Place",
    "other": "Other",
}
SEARCH_RGB = "#ffb000"
_SETTINGS_GROUP = "palette/meaning"


def mix(base: QColor, color: QColor, amount: float) -> QColor:
    """``amount`` of ``color`` over ``base`` (0: base, 1: color), opaque."""
    a = max(0.0, min(1.0, amount))
    return QColor.fromRgbF(
        base.redF() + (color.redF() - base.redF()) * a,
        base.greenF() + (color.greenF() - base.greenF()) * a,
        base.blueF() + (color.blueF() - base.blueF()) * a,
    )


def is_dark(palette: QPalette) -> bool:
    """True for a dark colour scheme (dark base colour)."""
    return palette.color(QPalette.ColorRole.Base).lightnessF() < 0.5


def annotation_color(name: str) -> QColor:
    """The full display colour of an annotation colour name (gray for unknown names)."""
    return QColor(ANNOTATION_RGB.get(name, ANNOTATION_RGB["gray"]))


def annotation_background(name: str, palette: QPalette) -> QColor:
    """Background of an annotated passage."""
    base = palette.color(QPalette.ColorRole.Base)
    return mix(base, annotation_color(name), 0.42 if not is_dark(palette) else 0.38)


def entity_color(kind: str) -> QColor:
    """The colour of an entity type (underline, legend chip)."""
    return QColor(ENTITY_RGB.get(kind, ENTITY_RGB["other"]))


def entity_background(kind: str, palette: QPalette, *, strong: bool = False) -> QColor:
    """Soft background of an entity of ``kind``; ``strong`` for the selected actor's mentions."""
    base = palette.color(QPalette.ColorRole.Base)
    amount = (0.55 if strong else 0.2) if not is_dark(palette) else (0.5 if strong else 0.25)
    return mix(base, entity_color(kind), amount)


def search_background(palette: QPalette, *, current: bool = False) -> QColor:
    """Background of search and find matches (the current one stronger)."""
    base = palette.color(QPalette.ColorRole.Base)
    return mix(base, QColor(SEARCH_RGB), 0.85 if current else 0.45)


class ColorPalette(QObject):
    """Annotation colours with meanings the user can rename (kept in QSettings)."""

    changed = Signal()

    def __init__(self, settings: QSettings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._settings = settings

    @staticmethod
    def colors() -> tuple[str, ...]:
        """Colour names in toolbar order."""
        return TOOLBAR_COLORS

    @staticmethod
    def default_color() -> str:
        """The colour of Ctrl+H."""
        return DEFAULT_COLOR

    def meaning(self, color: str) -> str:
        """What the user uses ``color`` for."""
        value = self._settings.value(f"{_SETTINGS_GROUP}/{color}", None)
        if isinstance(value, str) and value.strip():
            return value.strip()
        return DEFAULT_MEANINGS.get(color, color.capitalize())

    def set_meaning(self, color: str, meaning: str) -> None:
        """Rename a colour's meaning; an empty text restores the default."""
        if color not in ANNOTATION_RGB:
            raise ValueError(f"Unknown colour {color!r}.")
        text = " ".join(meaning.split())[:60]
        if text and text != DEFAULT_MEANINGS.get(color):
            self._settings.setValue(f"{_SETTINGS_GROUP}/{color}", text)
        else:
            self._settings.remove(f"{_SETTINGS_GROUP}/{color}")
        self.changed.emit()

    def label(self, color: str) -> str:
        """Menu/tooltip text: meaning and colour name."""
        return f"{self.meaning(color)} ({color})"

    def shortcut(self, color: str) -> str | None:
        """The keyboard shortcut that highlights with ``color``, if any."""
        if color in SHORTCUT_COLORS:
            return f"Ctrl+{SHORTCUT_COLORS.index(color) + 1}"
        return None

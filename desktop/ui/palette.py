"""Reading colours: annotation colours with user-renamable meanings, entity types, find matches.

Each colour has an ink (chips, underlines, the current mention) and a tint per theme (the background
behind text). The tints were chosen together so that text on each keeps WCAG AA contrast and the
colours a reader must tell apart (meanings, entity types, the selection, find matches) differ by a
CIEDE2000 distance of at least 12 in both themes (tests/ui/test_colours.py measures it).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, QSettings, Signal
from PySide6.QtGui import QColor, QPalette

from desktop.core.colors import HIGHLIGHT_TINTS
from desktop.services.annotations import DEFAULT_COLOR
from desktop.services.color_meanings import DEFAULT_MEANINGS, MAX_MEANING, meaning_of
from desktop.ui.i18n import Labels

#: Ink of each annotation colour name (names as in the annotations service): chips and underlines.
ANNOTATION_RGB: dict[str, str] = {
    "yellow": "#e5b800",
    "green": "#2f9e57",
    "blue": "#3a7be0",
    "pink": "#d9488f",
    "purple": "#a35bc8",
    "orange": "#e8801e",
    "red": "#d9503f",
    "gray": "#8a8d91",
}
#: The colours on the highlight toolbar, in order; Ctrl+1..Ctrl+5 pick the first five.
TOOLBAR_COLORS: tuple[str, ...] = ("yellow", "green", "blue", "red", "purple", "pink", "orange", "gray")
SHORTCUT_COLORS: tuple[str, ...] = TOOLBAR_COLORS[:5]

#: Ink of each entity type (dotted underline, legend chip, the current mention). Hues kept away from
#: the meaning colours: rose, teal, sand and periwinkle.
ENTITY_RGB: dict[str, str] = {
    "person": "#d64a7a",
    "organization": "#12948c",
    "location": "#c07a2a",
    "other": "#7a72d8",
}
ENTITY_LABELS = Labels(
    "Palette",
    {
        "person": QT_TRANSLATE_NOOP("Palette", "People"),
        "organization": QT_TRANSLATE_NOOP("Palette", "Organisations"),
        "location": QT_TRANSLATE_NOOP("Palette", "Places"),
        "other": QT_TRANSLATE_NOOP("Palette", "Other"),
    },
)
ENTITY_SINGULAR = Labels(
    "Palette",
    {
        "person": QT_TRANSLATE_NOOP("Palette", "Person"),
        "organization": QT_TRANSLATE_NOOP("Palette", "Organisation"),
        "location": QT_TRANSLATE_NOOP("Palette", "Place"),
        "other": QT_TRANSLATE_NOOP("Palette", "Other"),
    },
)
#: The default colour meanings and the colour names, as the window shows them.
MEANING_LABELS = Labels(
    "Palette",
    {
        "Important": QT_TRANSLATE_NOOP("Palette", "Important"),
        "Evidence": QT_TRANSLATE_NOOP("Palette", "Evidence"),
        "Question": QT_TRANSLATE_NOOP("Palette", "Question"),
        "Disagree": QT_TRANSLATE_NOOP("Palette", "Disagree"),
        "Quote": QT_TRANSLATE_NOOP("Palette", "Quote"),
        "Follow up": QT_TRANSLATE_NOOP("Palette", "Follow up"),
        "To check": QT_TRANSLATE_NOOP("Palette", "To check"),
        "Background": QT_TRANSLATE_NOOP("Palette", "Background"),
    },
)
COLOR_NAMES = Labels(
    "Palette",
    {
        "yellow": QT_TRANSLATE_NOOP("Palette", "yellow"),
        "green": QT_TRANSLATE_NOOP("Palette", "green"),
        "blue": QT_TRANSLATE_NOOP("Palette", "blue"),
        "red": QT_TRANSLATE_NOOP("Palette", "red"),
        "purple": QT_TRANSLATE_NOOP("Palette", "purple"),
        "pink": QT_TRANSLATE_NOOP("Palette", "pink"),
        "orange": QT_TRANSLATE_NOOP("Palette", "orange"),
        "gray": QT_TRANSLATE_NOOP("Palette", "gray"),
    },
)

#: Backgrounds behind text, per theme.
TINTS: dict[str, dict[str, str]] = {
    "light": {
        **HIGHLIGHT_TINTS,
        "person": "#fdd3dc",
        "organization": "#c9f2ee",
        "location": "#f5d8bf",
        "other": "#e0dcf5",
    },
    "dark": {
        "yellow": "#665a16",
        "green": "#396a46",
        "blue": "#23457a",
        "red": "#874a3f",
        "purple": "#705080",
        "pink": "#86305a",
        "orange": "#7c4514",
        "gray": "#4b4e52",
        "person": "#4a2630",
        "organization": "#0f433f",
        "location": "#4a3420",
        "other": "#3f3d55",
    },
}
#: The selected actor's mentions: the entity tint, stronger.
STRONG_TINTS: dict[str, dict[str, str]] = {
    "light": {"person": "#f8adbf", "organization": "#86ddd6", "location": "#e8b88c", "other": "#c4bdf0"},
    "dark": {"person": "#6d3244", "organization": "#035b55", "location": "#684624", "other": "#525079"},
}
#: Find and search matches: an outline around each, the current one filled (fill, text on it, outline).
#: Orange, so a match never looks like the yellow "Important" highlight.
FIND_COLORS: dict[str, tuple[str, str, str]] = {
    "light": ("#ff8c1a", "#1f2328", "#e8590c"),
    "dark": ("#f08a24", "#111315", "#ff922b"),
}
#: Quoted messages: their text and the bar beside their lines in this ink (entities and highlights
#: keep the backgrounds and underlines). AA contrast on every tint; far from the body text colour.
QUOTE_INK: dict[str, str] = {"light": "#12457f", "dark": "#a8e8fa"}
_SETTINGS_GROUP = "palette/meaning"


def is_dark(palette: QPalette) -> bool:
    """True for a dark colour scheme (dark base colour)."""
    return palette.color(QPalette.ColorRole.Base).lightnessF() < 0.5


def theme_of(palette: QPalette) -> str:
    """ "dark" or "light": which set of tints suits ``palette``."""
    return "dark" if is_dark(palette) else "light"


def annotation_color(name: str) -> QColor:
    """The ink of an annotation colour name (gray for unknown names)."""
    return QColor(ANNOTATION_RGB.get(name, ANNOTATION_RGB["gray"]))


def annotation_background(name: str, palette: QPalette) -> QColor:
    """Background of an annotated passage."""
    tints = TINTS[theme_of(palette)]
    return QColor(tints.get(name, tints["gray"]))


def entity_color(kind: str) -> QColor:
    """The ink of an entity type (underline, legend chip, the current mention)."""
    return QColor(ENTITY_RGB.get(kind, ENTITY_RGB["other"]))


def entity_background(kind: str, palette: QPalette, *, strong: bool = False) -> QColor:
    """Soft background of an entity of ``kind``; ``strong`` for the selected actor's mentions."""
    tints = (STRONG_TINTS if strong else TINTS)[theme_of(palette)]
    return QColor(tints.get(kind, tints["other"]))


def find_colors(palette: QPalette) -> tuple[QColor, QColor, QColor]:
    """Fill of the current find match, its text colour, and the outline of every match."""
    fill, text, outline = FIND_COLORS[theme_of(palette)]
    return QColor(fill), QColor(text), QColor(outline)


def quote_color(palette: QPalette) -> QColor:
    """The ink of quoted messages (text and margin bar) in ``palette``'s theme."""
    return QColor(QUOTE_INK[theme_of(palette)])


def _luminance(color: QColor) -> float:
    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(color.redF()) + 0.7152 * linear(color.greenF()) + 0.0722 * linear(color.blueF())


def text_on(background: QColor) -> QColor:
    """Black or white, whichever contrasts more with ``background`` (WCAG luminance)."""
    light = _luminance(background)
    return QColor("#000000") if (light + 0.05) / 0.05 >= 1.05 / (light + 0.05) else QColor("#ffffff")


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
        meaning = meaning_of(color, None)
        return MEANING_LABELS.get(meaning, meaning)

    def meanings(self) -> dict[str, str]:
        """Every colour's meaning as the exports name it (renamed ones and the defaults)."""
        return {color: self.meaning(color) for color in TOOLBAR_COLORS}

    def set_meaning(self, color: str, meaning: str) -> None:
        """Rename a colour's meaning; an empty text restores the default."""
        if color not in ANNOTATION_RGB:
            raise ValueError(f"Unknown colour {color!r}.")
        text = " ".join(meaning.split())[:MAX_MEANING]
        default = DEFAULT_MEANINGS.get(color, "")
        if text and text not in (default, MEANING_LABELS.get(default, default)):
            self._settings.setValue(f"{_SETTINGS_GROUP}/{color}", text)
        else:
            self._settings.remove(f"{_SETTINGS_GROUP}/{color}")
        self.changed.emit()

    def label(self, color: str) -> str:
        """Menu/tooltip text: meaning and colour name."""
        return f"{self.meaning(color)} ({COLOR_NAMES.get(color, color)})"

    def shortcut(self, color: str) -> str | None:
        """The keyboard shortcut that highlights with ``color``, if any."""
        if color in SHORTCUT_COLORS:
            return f"Ctrl+{SHORTCUT_COLORS.index(color) + 1}"
        return None

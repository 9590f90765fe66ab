"""The reading colours stay apart and readable in both themes.

Every tint (highlight colours, entity types, the selected actor, the selection, the current find match)
keeps WCAG AA contrast (4.5:1) with the text drawn on it, and the colours a reader must tell apart differ
by a clear CIEDE2000 distance (about 2.3 is just noticeable; 12 is "obviously another colour").
"""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtGui import QColor, QPalette

from desktop.core.types import ENTITY_TYPES
from desktop.ui.palette import (
    ANNOTATION_RGB,
    SHORTCUT_COLORS,
    annotation_background,
    entity_background,
    entity_color,
    find_colors,
    text_on,
)
from desktop.ui.theme import dark_palette, light_palette
from tests.ui.colour_math import ciede2000, contrast, lab

THEMES = {"light": light_palette, "dark": dark_palette}
AA = 4.5
APART = 12.0  # the five meaning colours, the four entity types, selection, find match and the page itself
EXTRA_APART = 8.0  # the three further colours of the "⋯" menu, against everything


def _rgb(color: QColor) -> tuple[float, float, float]:
    return color.redF(), color.greenF(), color.blueF()


def _surfaces(palette: QPalette) -> dict[str, tuple[QColor, QColor]]:
    """Every background the reading pane draws text on, with that text's colour."""
    text = palette.color(QPalette.ColorRole.Text)
    out = {f"highlight {c}": (annotation_background(c, palette), text) for c in ANNOTATION_RGB}
    for kind in ENTITY_TYPES:
        out[f"entity {kind}"] = (entity_background(kind, palette), text)
        out[f"selected actor {kind}"] = (entity_background(kind, palette, strong=True), text)
        out[f"current mention {kind}"] = (entity_color(kind), text_on(entity_color(kind)))
    out["selection"] = (
        palette.color(QPalette.ColorRole.Highlight),
        palette.color(QPalette.ColorRole.HighlightedText),
    )
    fill, on_fill, _outline = find_colors(palette)
    out["find match"] = (fill, on_fill)
    out["page"] = (palette.color(QPalette.ColorRole.Base), text)
    return out


@pytest.mark.parametrize("theme", THEMES)
def test_text_on_every_tint_keeps_wcag_aa(theme: str) -> None:
    palette = THEMES[theme]()
    low = {
        name: round(contrast(_rgb(back), _rgb(fore)), 2)
        for name, (back, fore) in _surfaces(palette).items()
        if contrast(_rgb(back), _rgb(fore)) < AA
    }
    assert low == {}


@pytest.mark.parametrize("theme", THEMES)
def test_colours_a_reader_must_tell_apart_are_far_apart(theme: str) -> None:
    palette = THEMES[theme]()
    surfaces = _surfaces(palette)
    main = [f"highlight {c}" for c in SHORTCUT_COLORS] + [f"entity {k}" for k in ENTITY_TYPES]
    main += ["selection", "find match", "page"]
    labs = {name: lab(_rgb(surfaces[name][0])) for name in surfaces}
    close = sorted(
        (round(ciede2000(labs[a], labs[b]), 1), a, b)
        for a, b in itertools.combinations(main, 2)
        if ciede2000(labs[a], labs[b]) < APART
    )
    assert close == []
    extras = [f"highlight {c}" for c in ANNOTATION_RGB if c not in SHORTCUT_COLORS]
    near = sorted(
        (round(ciede2000(labs[a], labs[b]), 1), a, b)
        for a in extras
        for b in [*main, *extras]
        if a != b and ciede2000(labs[a], labs[b]) < EXTRA_APART
    )
    assert near == []


@pytest.mark.parametrize("theme", THEMES)
def test_the_selected_actor_is_not_taken_for_a_highlight(theme: str) -> None:
    """The selected actor's stronger tint stays off the meaning colours (its own type's tint is its kin)."""
    palette = THEMES[theme]()
    near = [
        (kind, color)
        for kind in ENTITY_TYPES
        for color in SHORTCUT_COLORS
        if ciede2000(
            lab(_rgb(entity_background(kind, palette, strong=True))),
            lab(_rgb(annotation_background(color, palette))),
        )
        < EXTRA_APART
    ]
    assert near == []


def test_question_blue_is_neither_people_nor_the_selection() -> None:
    """The complaint that started this: measured on the rendered tints of both themes."""
    for make in THEMES.values():
        palette = make()
        blue = lab(_rgb(annotation_background("blue", palette)))
        for other in (entity_background("person", palette), palette.color(QPalette.ColorRole.Highlight)):
            assert ciede2000(blue, lab(_rgb(other))) >= APART
        yellow = lab(_rgb(annotation_background("yellow", palette)))
        assert ciede2000(yellow, lab(_rgb(find_colors(palette)[0]))) >= APART


def test_ciede2000_matches_the_published_reference_pairs() -> None:
    """Pairs 1, 2 and 7 of Sharma, Wu and Dalal's test data."""
    assert ciede2000((50.0, 2.6772, -79.7751), (50.0, 0.0, -82.7485)) == pytest.approx(2.0425, abs=1e-4)
    assert ciede2000((50.0, 3.1571, -77.2803), (50.0, 0.0, -82.7485)) == pytest.approx(2.8615, abs=1e-4)
    assert ciede2000((50.0, 0.0, 0.0), (50.0, -1.0, 2.0)) == pytest.approx(2.3669, abs=1e-4)
    assert contrast((1.0, 1.0, 1.0), (0.0, 0.0, 0.0)) == pytest.approx(21.0)

"""Switching the theme re-renders the open article: text, tints, highlights and transient layers."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtGui import QPalette, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QApplication

from desktop.services.annotations import create_annotation
from desktop.ui.context import AppContext
from desktop.ui.palette import annotation_background, entity_background
from desktop.ui.reader_view import ReaderPane
from desktop.ui.theme import ThemeController, dark_palette, light_palette
from tests.ui.reader_support import (
    TIMEOUT,
    import_article,
    make_reader,
    open_article,
    span_of,
    stored_actors,
    stored_text,
)


@pytest.fixture
def theme(qapp: QApplication, ctx: AppContext) -> Iterator[ThemeController]:
    """A theme controller on the shared application; the application's palette and style come back after."""
    palette, style = QApplication.palette(), qapp.style().name()
    controller = ThemeController(qapp, ctx.settings)
    yield controller
    controller.deleteLater()
    qapp.setPalette(palette)
    qapp.setStyle(style)


def _format(reader: ReaderPane, index: int) -> QTextCharFormat:
    layout = reader.layout_info()
    assert layout is not None
    cursor = QTextCursor(reader.browser.document())
    cursor.setPosition(layout.qt_pos(index) + 1)
    return cursor.charFormat()


def _switch(qtbot: Any, reader: ReaderPane, theme: ThemeController, mode: str) -> None:
    with qtbot.waitSignal(reader.rendered, timeout=TIMEOUT):
        theme.set_mode(mode)  # type: ignore[arg-type]


def _assert_painted_with(reader: ReaderPane, palette: QPalette, text: str) -> None:
    """Body text, entity tint, annotation tint and the selected actor's layer use ``palette``."""
    plain = _format(reader, span_of(text, "traf am")[0])
    assert plain.foreground().color() == palette.color(QPalette.ColorRole.Text)
    entity = _format(reader, span_of(text, "Lindqvist")[0])
    assert entity.background().color() == entity_background("person", palette)
    note = _format(reader, span_of(text, "bestätigte")[0])
    assert note.background().color() == annotation_background("blue", palette)
    strong = reader.browser.layer("actor")
    assert strong and strong[0].format.background().color() == entity_background(
        "person", palette, strong=True
    )


def test_theme_switch_re_renders_the_open_article_both_ways(
    qtbot: Any, ctx: AppContext, theme: ThemeController
) -> None:
    theme.set_mode("light")
    article_id = import_article(ctx)
    text = stored_text(ctx.library, article_id)
    start, end = span_of(text, "bestätigte das Treffen")
    create_annotation(ctx.library, article_id, start=start, end=end, color="blue")
    reader = make_reader(qtbot, ctx)
    open_article(qtbot, reader, article_id)
    reader.highlight_actor(stored_actors(ctx.library, article_id)["Tomas Lindqvist"].id)
    top = reader._top_index()
    _assert_painted_with(reader, light_palette(), text)

    _switch(qtbot, reader, theme, "dark")
    _assert_painted_with(reader, dark_palette(), text)
    assert reader._top_index() == top

    _switch(qtbot, reader, theme, "light")
    _assert_painted_with(reader, light_palette(), text)

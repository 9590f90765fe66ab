"""The reading pane: rendering, offsets, highlights, tooltips and clicks, find, zoom, scroll memory."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from typing import Any

from PySide6.QtCore import QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QColor, QFont, QPalette, QTextCharFormat, QTextCursor, QTextDocument, QWheelEvent
from PySide6.QtWidgets import QApplication

from desktop.ui.context import AppContext
from desktop.ui.palette import annotation_background, entity_background
from desktop.ui.reader_view import ReaderPane
from tests.ui.reader_support import (
    OTHER_TEXT,
    TIMEOUT,
    close,
    dominant_color,
    import_article,
    make_reader,
    open_article,
    span_of,
    stored_actors,
    stored_annotations,
    stored_text,
    viewport_rect,
)


def _char_format(reader: ReaderPane, index: int) -> QTextCharFormat:
    """Format of the body character at code-point ``index``."""
    layout = reader.layout_info()
    assert layout is not None
    cursor = QTextCursor(reader.browser.document())
    cursor.setPosition(layout.qt_pos(index) + 1)  # charFormat() is the format left of the cursor
    return cursor.charFormat()


def test_renders_title_meta_then_the_body_one_to_one(qtbot: Any, ctx: AppContext) -> None:
    article_id = import_article(ctx)
    text = stored_text(ctx.library, article_id)
    assert "😀" in text and "🇩🇪" in text
    reader = make_reader(qtbot, ctx)
    open_article(qtbot, reader, article_id)
    assert reader.current_article_id() == article_id
    plain = reader.browser.document().toPlainText()
    meta, body = plain.split("\n", 1)  # the text's first line is the title: shown once, as the headline
    assert body.split("\n", 1)[0] == "Treffen in Weissfeld"
    assert "DE" in meta
    assert body == text
    layout_check = reader.layout_info()
    assert layout_check is not None
    headline = reader.browser.document().findBlock(layout_check.body_start)
    assert headline.charFormat().fontWeight() == QFont.Weight.Bold
    layout = reader.layout_info()
    assert layout is not None and layout.body_end == reader.browser.document().characterCount() - 1
    detail = reader.detail()
    assert detail is not None and detail.mentions
    for mention in detail.mentions:  # every mention lands on its own words despite the emoji
        cursor = QTextCursor(reader.browser.document())
        cursor.setPosition(layout.qt_pos(mention.start))
        cursor.setPosition(layout.qt_pos(mention.end), QTextCursor.MoveMode.KeepAnchor)
        assert cursor.selectedText() == text[mention.start : mention.end]


def test_reading_typography(qtbot: Any, ctx: AppContext) -> None:
    reader = make_reader(qtbot, ctx)
    open_article(qtbot, reader, import_article(ctx))
    layout = reader.layout_info()
    assert layout is not None
    block = reader.browser.document().findBlock(layout.body_start).next().next()  # after the headline
    assert block.blockFormat().lineHeight() == 150
    assert block.blockFormat().bottomMargin() > 0
    assert 11 <= reader.browser.document().defaultFont().pointSizeF() <= 12.5
    frame = reader.browser.document().rootFrame().frameFormat()
    assert frame.leftMargin() == frame.rightMargin() > 20  # a centred column


def test_the_next_article_keeps_the_centred_column_without_a_second_layout(
    qtbot: Any, ctx: AppContext
) -> None:
    first, second = import_article(ctx), import_article(ctx, OTHER_TEXT)
    reader = make_reader(qtbot, ctx)
    open_article(qtbot, reader, first)
    doc = reader.browser.document()
    margin = doc.rootFrame().frameFormat().leftMargin()
    assert margin > 20
    formats: list[float] = []
    reader.browser.update_margins = lambda: formats.append(doc.rootFrame().frameFormat().leftMargin())  # type: ignore[method-assign]
    open_article(
        qtbot, reader, second
    )  # the margins survive the document's clear(): nothing to lay out again
    assert formats and all(m == margin for m in formats)
    assert doc.rootFrame().frameFormat().rightMargin() == margin


def test_entities_and_annotations_have_distinct_formats(qtbot: Any, ctx: AppContext) -> None:
    from desktop.services.annotations import create_annotation

    article_id = import_article(ctx)
    text = stored_text(ctx.library, article_id)
    person = span_of(text, "Tomas Lindqvist")
    note_start = span_of(text, "Montag")[0]
    create_annotation(ctx.library, article_id, start=note_start, end=person[0] + 5, color="green")
    reader = make_reader(qtbot, ctx)
    open_article(qtbot, reader, article_id)
    palette = reader.browser.palette()
    plain_entity = _char_format(reader, person[1] - 2)
    assert plain_entity.background().color() == entity_background("person", palette)
    assert plain_entity.underlineStyle() == QTextCharFormat.UnderlineStyle.DotLine
    both = _char_format(reader, person[0] + 1)
    assert both.background().color() == annotation_background("green", palette)
    assert both.underlineStyle() == QTextCharFormat.UnderlineStyle.DotLine  # the entity stays visible
    assert _char_format(reader, note_start + 1).underlineStyle() == QTextCharFormat.UnderlineStyle.NoUnderline
    reader.toolbar.type_boxes["person"].setChecked(False)
    assert _char_format(reader, person[1] - 2).background().style() == Qt.BrushStyle.NoBrush
    assert ctx.settings.value("reader/hidden_types") == ["person"]
    reader.toolbar.type_boxes["person"].setChecked(True)
    assert _char_format(reader, person[1] - 2).background().color() == entity_background("person", palette)


def test_untrusted_text_stays_text_and_no_resource_is_loaded(qtbot: Any, ctx: AppContext) -> None:
    hostile = (
        'Bericht\n<b>fett</b> <img src="file:///etc/hostname"> '
        '<a href="http://example.org">Link</a> Anna Berg'
    )
    reader = make_reader(qtbot, ctx)
    open_article(qtbot, reader, import_article(ctx, hostile))
    plain = reader.browser.document().toPlainText()
    assert '<img src="file:///etc/hostname">' in plain and "<b>fett</b>" in plain
    assert reader.browser.document().toHtml().count("<img") == 0
    assert reader.browser.openLinks() is False
    assert (
        reader.browser.loadResource(QTextDocument.ResourceType.ImageResource.value, QUrl("file:///x")) is None
    )


def test_tooltip_and_click_select_the_actor(qtbot: Any, ctx: AppContext) -> None:
    article_id = import_article(ctx)
    text = stored_text(ctx.library, article_id)
    actor = stored_actors(ctx.library, article_id)["Tomas Lindqvist"]
    reader = make_reader(qtbot, ctx)
    open_article(qtbot, reader, article_id)
    layout = reader.layout_info()
    assert layout is not None and reader.browser.tooltip_provider is not None
    start, end = span_of(text, "Tomas Lindqvist")
    tip = reader.browser.tooltip_provider(layout.qt_pos(start + 2))
    assert tip is not None and "<b>Tomas Lindqvist</b>" in tip and "Person" in tip
    assert reader.browser.tooltip_provider(layout.qt_pos(span_of(text, "Montag")[0])) is None
    rect = viewport_rect(reader, start, end)
    with qtbot.waitSignal(reader.actor_selected, timeout=TIMEOUT) as blocker:
        qtbot.mouseClick(reader.browser.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [actor.id]
    assert reader.layers.actor_id == actor.id and len(reader.layers.mentions) == 1


def test_find_bar_counts_steps_and_closes(qtbot: Any, ctx: AppContext) -> None:
    reader = make_reader(qtbot, ctx)
    open_article(qtbot, reader, import_article(ctx))
    reader.show_find_bar()
    assert reader.find_bar.isVisible()
    qtbot.keyClicks(reader.find_bar.edit, "anna berg")
    assert reader.find_bar.count_label.text() == "1 of 3"
    qtbot.keyClick(reader.find_bar.edit, Qt.Key.Key_Return)
    assert reader.find_bar.count_label.text() == "2 of 3"
    qtbot.keyClick(reader.find_bar.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert reader.find_bar.count_label.text() == "1 of 3"
    reader.find_bar.edit.setText("STRASSEN")  # accents and ß fold: "Straßen"
    assert reader.find_bar.count_label.text() == "1 of 1"
    reader.find_bar.edit.setText("nirgends")
    assert reader.find_bar.count_label.text() == "No matches"
    qtbot.keyClick(reader.find_bar.edit, Qt.Key.Key_Escape)
    assert not reader.find_bar.isVisible()
    assert reader.browser.boxes("find") == [] and reader.browser.layer("find_current") == []


def test_search_query_is_highlighted(qtbot: Any, ctx: AppContext) -> None:
    article_id = import_article(ctx)
    text = stored_text(ctx.library, article_id)
    reader = make_reader(qtbot, ctx)
    open_article(qtbot, reader, article_id, query="weißfeld")
    assert reader.layers.query_spans == [
        span_of(text, "Weissfeld", n) for n in range(text.count("Weissfeld"))
    ]
    assert len(reader.browser.boxes("query")) == text.count("Weissfeld")
    open_article(qtbot, reader, import_article(ctx, OTHER_TEXT))
    assert reader.layers.query_spans == [] and reader.browser.boxes("query") == []


def test_zoom_is_remembered(qtbot: Any, ctx: AppContext) -> None:
    reader = make_reader(qtbot, ctx)
    open_article(qtbot, reader, import_article(ctx))
    size = reader.browser.document().defaultFont().pointSizeF()
    reader.zoom_in()
    assert reader.zoom() == 110 and reader.browser.document().defaultFont().pointSizeF() > size
    assert int(ctx.settings.value("view/zoom")) == 110
    again = make_reader(qtbot, ctx, show=False)
    assert again.zoom() == 110
    reader.zoom_out()
    reader.zoom_out()
    assert reader.zoom() == 90
    reader.zoom_reset()
    assert reader.zoom() == 100 and reader.browser.document().defaultFont().pointSizeF() == size
    wheel = QWheelEvent(
        QPointF(10, 10),
        QPointF(10, 10),
        QPoint(0, 0),
        QPoint(0, 120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.ControlModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(reader.browser.viewport(), wheel)
    assert reader.zoom() == 110
    assert reader.browser.document().defaultFont().family() == reader.browser.font().family()


def test_scroll_position_is_kept_per_article(qtbot: Any, ctx: AppContext) -> None:
    long_text = "Langer Bericht\n" + "\n".join(
        f"Absatz {n}: Anna Berg berichtete ausführlich über Weissfeld und die Lage dort." for n in range(120)
    )
    first = import_article(ctx, long_text)
    second = import_article(ctx, OTHER_TEXT)
    reader = make_reader(qtbot, ctx)
    open_article(qtbot, reader, first)
    text = stored_text(ctx.library, first)
    target = text.index("Absatz 60:")
    reader.browser.scroll_to_position(reader.layout_info().qt_pos(target), top=True)  # type: ignore[union-attr]
    top = reader._top_index()
    assert top > 0 and abs(top - target) < 80
    open_article(qtbot, reader, second)
    assert reader.browser.verticalScrollBar().value() == 0
    open_article(qtbot, reader, first)
    assert reader._top_index() == top
    reader.save_state()
    assert int(ctx.settings.value(f"reader/scroll/{first}")) == top
    fresh = make_reader(qtbot, ctx)
    open_article(qtbot, fresh, first)
    assert fresh._top_index() == top


def test_selected_range_is_in_code_points(qtbot: Any, ctx: AppContext) -> None:
    article_id = import_article(ctx)
    text = stored_text(ctx.library, article_id)
    reader = make_reader(qtbot, ctx)
    assert reader.selected_range() is None
    open_article(qtbot, reader, article_id)
    start, end = span_of(text, "bestätigte das Treffen")  # after two astral characters
    reader.select_range(start, end)
    assert reader.selected_range() == (start, end)
    assert reader.browser.textCursor().selectedText() == "bestätigte das Treffen"
    cursor = reader.browser.textCursor()
    cursor.setPosition(0)
    cursor.setPosition(3, QTextCursor.MoveMode.KeepAnchor)  # inside the title: not the article text
    reader.browser.setTextCursor(cursor)
    assert reader.selected_range() is None


def test_missing_article_shows_a_message(qtbot: Any, ctx: AppContext) -> None:
    reader = make_reader(qtbot, ctx)
    reader.open_article(4242)
    qtbot.waitUntil(lambda: "4242" in reader.browser.document().toPlainText(), timeout=TIMEOUT)
    assert reader.current_article_id() is None
    assert "There is no article 4242" in reader.browser.document().toPlainText()


def test_screenshot_shows_the_person_colour(qtbot: Any, ctx: AppContext) -> None:
    article_id = import_article(ctx)
    text = stored_text(ctx.library, article_id)
    reader = make_reader(qtbot, ctx)
    open_article(qtbot, reader, article_id)
    qtbot.wait(10)  # let the first paint happen
    image = reader.browser.viewport().grab().toImage()
    rect = viewport_rect(reader, *span_of(text, "Tomas Lindqvist"))
    palette = reader.browser.palette()
    inside = dominant_color(image, rect)
    assert close(inside, entity_background("person", palette))
    base = palette.color(QPalette.ColorRole.Base)
    assert not close(inside, base, tolerance=8)
    outside = dominant_color(image, rect.translated(0, rect.height() * 3 // 2 + 30))
    assert not close(outside, entity_background("person", palette))


def test_closing_the_find_bar_selects_the_current_match(qtbot: Any, ctx: AppContext) -> None:
    article_id = import_article(ctx)
    text = stored_text(ctx.library, article_id)
    reader = make_reader(qtbot, ctx)
    open_article(qtbot, reader, article_id)
    reader.show_find_bar()
    qtbot.keyClicks(reader.find_bar.edit, "anna berg")
    qtbot.keyClick(reader.find_bar.edit, Qt.Key.Key_Return)  # the second match
    qtbot.keyClick(reader.find_bar.edit, Qt.Key.Key_Escape)
    assert not reader.find_bar.isVisible()
    assert reader.selected_range() == span_of(text, "Anna Berg", 1)
    assert reader.browser.hasFocus() or not reader.isActiveWindow()
    with qtbot.waitSignal(reader.annotations_changed, timeout=TIMEOUT):
        reader.highlight_actions["default"].trigger()  # Ctrl+H at once
    annotations = stored_annotations(ctx.library, article_id)
    assert [(a.start, a.end) for a in annotations] == [span_of(text, "Anna Berg", 1)]


def test_closing_the_find_bar_without_a_match_keeps_no_selection(qtbot: Any, ctx: AppContext) -> None:
    reader = make_reader(qtbot, ctx)
    open_article(qtbot, reader, import_article(ctx))
    reader.show_find_bar()
    qtbot.keyClicks(reader.find_bar.edit, "nirgends")
    qtbot.keyClick(reader.find_bar.edit, Qt.Key.Key_Escape)
    assert reader.selected_range() is None


def test_find_matches_are_outlined_and_the_current_one_filled(qtbot: Any, ctx: AppContext) -> None:
    """Matches never look like a highlight: a frame around each, the current one in solid find orange."""
    from desktop.services.annotations import create_annotation
    from desktop.ui.palette import find_colors

    article_id = import_article(ctx)
    text = stored_text(ctx.library, article_id)
    first, second = span_of(text, "Anna Berg", 0), span_of(text, "Anna Berg", 1)
    create_annotation(ctx.library, article_id, start=second[0], end=second[1], color="yellow")
    reader = make_reader(qtbot, ctx)
    open_article(qtbot, reader, article_id)
    reader.show_find_bar()
    qtbot.keyClicks(reader.find_bar.edit, "anna berg")
    assert reader.find_bar.count_label.text() == "1 of 3"
    layout = reader.layout_info()
    assert layout is not None
    assert (layout.qt_pos(second[0]), layout.qt_pos(second[1])) in reader.browser.boxes("find")
    reader.browser.viewport().repaint()
    image = reader.browser.viewport().grab().toImage()
    palette = reader.browser.palette()
    fill, _text, outline = find_colors(palette)
    assert close(dominant_color(image, viewport_rect(reader, *first)), fill, tolerance=4)
    inside = viewport_rect(reader, *second)  # an outlined match keeps the yellow highlight inside
    assert close(dominant_color(image, inside), annotation_background("yellow", palette), tolerance=4)
    frame = inside.adjusted(-3, -1, 3, 1)
    left_edge = [
        QColor(image.pixel(x, frame.center().y())) for x in range(frame.left() - 2, inside.left() + 1)
    ]
    assert any(close(c, outline, tolerance=40) for c in left_edge)

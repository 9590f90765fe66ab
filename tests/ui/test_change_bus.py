"""One edit controller per window (owned by the context); the reading pane applies each change it
receives to the document it shows instead of loading and building the article again."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from typing import Any

import pytest
from PySide6.QtGui import QTextCursor

from desktop.ui import reader_view
from desktop.ui.context import AppContext
from desktop.ui.palette import annotation_background
from desktop.ui.panes import ReadingPane, SidePane, as_widget
from desktop.ui.reader_view import ReaderPane
from desktop.ui.sidebar_view import Sidebar
from tests.ui.reader_support import (
    TIMEOUT,
    import_article,
    make_reader,
    open_article,
    span_of,
    stored_annotations,
    stored_text,
)
from tests.ui.window_support import StandInReader, StandInSidebar


def _background(reader: ReaderPane, index: int) -> Any:
    layout = reader.layout_info()
    assert layout is not None
    cursor = QTextCursor(reader.browser.document())
    cursor.setPosition(layout.qt_pos(index) + 1)  # the format left of the cursor
    return cursor.charFormat().background().color()


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """How often the reading pane loads an article and builds its document."""
    calls = {"load": 0, "build": 0}
    load, build = reader_view.article_with_actors, reader_view.build_document

    def counting_load(*args: Any, **kwargs: Any) -> Any:
        calls["load"] += 1
        return load(*args, **kwargs)

    def counting_build(*args: Any, **kwargs: Any) -> Any:
        calls["build"] += 1
        return build(*args, **kwargs)

    monkeypatch.setattr(reader_view, "article_with_actors", counting_load)
    monkeypatch.setattr(reader_view, "build_document", counting_build)
    return calls


def test_the_context_owns_one_edit_controller(qtbot: Any, ctx: AppContext) -> None:
    first, second = make_reader(qtbot, ctx, show=False), make_reader(qtbot, ctx, show=False)
    assert first.edits is second.edits is ctx.edits()
    assert first.analysis_edits is second.analysis_edits is ctx.analysis_edits()
    assert ctx.edits().queue is ctx.write_queue() is ctx.analysis_edits().queue


def test_highlight_edit_and_delete_are_applied_without_rebuilding(
    qtbot: Any, ctx: AppContext, counted: dict[str, int]
) -> None:
    article_id = import_article(ctx)
    text = stored_text(ctx.library, article_id)
    reader = make_reader(qtbot, ctx)
    open_article(qtbot, reader, article_id)
    document = reader.browser.document()
    palette = reader.browser.palette()
    start, end = span_of(text, "Montag")
    before = _background(reader, start + 1)
    counted.update(load=0, build=0)

    reader.select_range(start, end)
    with qtbot.waitSignal(reader.annotations_changed, timeout=TIMEOUT) as created:
        reader.highlight_selection("green")
    assert created.args == [article_id]
    (row,) = stored_annotations(ctx.library, article_id)
    assert (row.start, row.end, row.color) == (start, end, "green")
    assert [a.id for a in reader.detail().annotations] == [row.id]  # type: ignore[union-attr]
    assert _background(reader, start + 1) == annotation_background("green", palette)

    edited = next(a for a in reader.detail().annotations if a.id == row.id)  # type: ignore[union-attr]
    with qtbot.waitSignal(reader.annotations_changed, timeout=TIMEOUT):
        ctx.edits().edit_annotation(edited, color="blue")
    assert _background(reader, start + 1) == annotation_background("blue", palette)

    with qtbot.waitSignal(reader.annotations_changed, timeout=TIMEOUT):
        ctx.edits().delete_annotation(row.id)
    assert reader.detail().annotations == ()  # type: ignore[union-attr]
    assert _background(reader, start + 1) == before
    assert stored_annotations(ctx.library, article_id) == []
    assert counted == {"load": 0, "build": 0}  # three changes, the same document
    assert reader.browser.document() is document

    with qtbot.waitSignal(reader.rendered, timeout=TIMEOUT):
        ctx.undo_stack.undo()  # an undo still shows the article as stored
    assert [a.id for a in reader.detail().annotations] == [row.id]  # type: ignore[union-attr]
    assert _background(reader, start + 1) == annotation_background("blue", palette)


def test_a_highlight_of_another_article_leaves_the_shown_one_alone(
    qtbot: Any, ctx: AppContext, counted: dict[str, int]
) -> None:
    shown = import_article(ctx)
    other = import_article(ctx, "Ein anderer Text\nHier steht etwas ganz anderes über Montag.")
    reader = make_reader(qtbot, ctx)
    open_article(qtbot, reader, shown)
    counted.update(load=0, build=0)
    with qtbot.waitSignal(reader.annotations_changed, timeout=TIMEOUT) as changed:
        ctx.edits().create_annotation(other, 0, 3, "yellow")
    assert changed.args == [other]
    assert reader.detail().annotations == ()  # type: ignore[union-attr]
    assert len(stored_annotations(ctx.library, other)) == 1
    assert counted == {"load": 0, "build": 0}


def test_real_and_stand_in_panes_have_the_interface_the_window_calls(qtbot: Any, ctx: AppContext) -> None:
    reader = make_reader(qtbot, ctx, show=False)
    sidebar = Sidebar(ctx, reader)
    qtbot.addWidget(sidebar)
    stand_in = StandInReader(ctx)
    qtbot.addWidget(stand_in)
    stand_in_side = StandInSidebar(ctx, stand_in)
    qtbot.addWidget(stand_in_side)
    for pane in (reader, stand_in):
        assert isinstance(pane, ReadingPane) and not isinstance(pane, SidePane)
    for side in (sidebar, stand_in_side):
        assert isinstance(side, SidePane)
    assert as_widget(reader) is reader
    with pytest.raises(TypeError):
        as_widget(object())  # type: ignore[arg-type]

"""The whole reading flow: import, open, highlight, write a note, tag, correct actors, undo and redo."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from desktop.storage.models import EntityRejection
from desktop.ui.context import AppContext
from desktop.ui.sidebar_view import Sidebar
from tests.ui.reader_support import (
    TIMEOUT,
    import_article,
    open_article,
    span_of,
    stored_actors,
    stored_annotations,
    stored_text,
)


def _activate(qtbot: Any, widget: Any) -> None:
    """Make the widget's window the active one, so that its keyboard shortcuts apply."""
    widget.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget.window(), timeout=TIMEOUT)
    widget.setFocus()


def _settle(qtbot: Any, sidebar: Sidebar) -> None:
    """Wait until every write finished and the reader shows the result."""
    qtbot.waitUntil(sidebar.edits.is_idle, timeout=TIMEOUT)
    sidebar.ctx.tasks.wait(TIMEOUT)
    qtbot.wait(1)  # deliver queued results (reloads) to the GUI thread
    qtbot.waitUntil(lambda: sidebar.ctx.tasks.active_count() == 0, timeout=TIMEOUT)
    qtbot.wait(1)


def _undo_redo(
    qtbot: Any, sidebar: Sidebar, check_before: Callable[[], bool], check_after: Callable[[], bool]
) -> None:
    """Undo then redo the last command, checking the stored state each time."""
    stack = sidebar.ctx.undo_stack
    stack.undo()
    qtbot.waitUntil(check_before, timeout=TIMEOUT)
    _settle(qtbot, sidebar)
    stack.redo()
    qtbot.waitUntil(check_after, timeout=TIMEOUT)
    _settle(qtbot, sidebar)


def test_highlight_note_tag_undo_redo(qtbot: Any, ctx: AppContext, sidebar: Sidebar) -> None:
    reader, editor, lib = sidebar.reader, sidebar.editor, ctx.library
    article_id = import_article(ctx)
    text = stored_text(lib, article_id)
    open_article(qtbot, reader, article_id)
    sidebar.set_article(article_id)
    start, end = span_of(text, "bestätigte das Treffen")
    reader.select_range(start, end)
    _activate(qtbot, reader.browser)
    qtbot.keyClick(reader.browser, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(stored_annotations(lib, article_id)) == 1, timeout=TIMEOUT)
    row = stored_annotations(lib, article_id)[0]
    assert (row.start, row.end, row.color, row.quote) == (start, end, "yellow", "bestätigte das Treffen")
    qtbot.waitUntil(lambda: editor.annotation_id() == row.id, timeout=TIMEOUT)
    _settle(qtbot, sidebar)
    assert [a.id for a in reader.detail().annotations] == [row.id]  # type: ignore[union-attr]

    editor.note.setFocus()
    qtbot.keyClicks(editor.note, "Wichtig, Quelle pruefen")
    qtbot.waitUntil(
        lambda: stored_annotations(lib, article_id)[0].note == "Wichtig, Quelle pruefen", timeout=TIMEOUT
    )
    qtbot.keyClicks(editor.tags, "Politik/Wahl")
    qtbot.keyClick(editor.tags, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: stored_annotations(lib, article_id)[0].tags == ("politik/wahl",), timeout=TIMEOUT)
    _settle(qtbot, sidebar)
    assert [ctx.undo_stack.text(i) for i in range(ctx.undo_stack.count())] == [
        "Highlight",
        "Edit note",
        "Edit highlight",
    ]

    def state() -> tuple[Any, ...] | None:
        rows = stored_annotations(lib, article_id)
        return (rows[0].id, rows[0].note, rows[0].tags) if rows else None

    full = (row.id, "Wichtig, Quelle pruefen", ("politik/wahl",))
    _undo_redo(
        qtbot, sidebar, lambda: state() == (row.id, "Wichtig, Quelle pruefen", ()), lambda: state() == full
    )
    ctx.undo_stack.undo()  # tags
    ctx.undo_stack.undo()  # note (typing merged into one step)
    qtbot.waitUntil(lambda: state() == (row.id, "", ()), timeout=TIMEOUT)
    ctx.undo_stack.undo()  # the highlight itself
    qtbot.waitUntil(lambda: state() is None, timeout=TIMEOUT)
    _settle(qtbot, sidebar)
    assert reader.detail().annotations == ()  # type: ignore[union-attr]
    for _ in range(3):
        ctx.undo_stack.redo()
    qtbot.waitUntil(lambda: state() == full, timeout=TIMEOUT)  # same id, note and tag again
    _settle(qtbot, sidebar)
    assert editor.annotation_id() == row.id and editor.note.toPlainText() == "Wichtig, Quelle pruefen"

    editor.set_color("blue")
    qtbot.waitUntil(lambda: stored_annotations(lib, article_id)[0].color == "blue", timeout=TIMEOUT)
    editor.delete_current()
    qtbot.waitUntil(lambda: state() is None, timeout=TIMEOUT)
    _settle(qtbot, sidebar)
    ctx.undo_stack.undo()
    qtbot.waitUntil(lambda: state() == full, timeout=TIMEOUT)  # re-created with its tags
    assert stored_annotations(lib, article_id)[0].color == "blue"
    _settle(qtbot, sidebar)


def test_colour_shortcuts_and_note_flush_on_save_state(qtbot: Any, ctx: AppContext, sidebar: Sidebar) -> None:
    reader, editor, lib = sidebar.reader, sidebar.editor, ctx.library
    article_id = import_article(ctx)
    text = stored_text(lib, article_id)
    open_article(qtbot, reader, article_id)
    reader.select_range(*span_of(text, "Erfolg"))
    _activate(qtbot, reader.browser)
    qtbot.keyClick(reader.browser, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(
        lambda: [a.color for a in stored_annotations(lib, article_id)] == ["green"], timeout=TIMEOUT
    )
    qtbot.waitUntil(lambda: editor.annotation_id() is not None, timeout=TIMEOUT)
    _settle(qtbot, sidebar)
    editor.note.setFocus()
    qtbot.keyClicks(editor.note, "Nicht verlieren")
    reader.save_state()  # as on quit: no waiting for the debounce
    assert stored_annotations(lib, article_id)[0].note == "Nicht verlieren"
    reader.select_range(0, 5)
    reader.highlight_selection(None)
    qtbot.waitUntil(lambda: len(stored_annotations(lib, article_id)) == 2, timeout=TIMEOUT)
    _settle(qtbot, sidebar)
    reader.browser.setTextCursor(reader.browser.textCursor())  # nothing selected now
    reader.highlight_selection("red")
    assert "Select the words" in reader.banner.text()


def test_actor_corrections_are_undoable(qtbot: Any, ctx: AppContext, sidebar: Sidebar) -> None:
    reader, lib = sidebar.reader, ctx.library
    article_id = import_article(ctx)
    text = stored_text(lib, article_id)
    open_article(qtbot, reader, article_id)
    sidebar.set_article(article_id)
    anna = stored_actors(lib, article_id)["Anna Berg"]

    sidebar.actors.rename_actor(anna.id, "Anna Maria Berg")
    qtbot.waitUntil(lambda: "Anna Maria Berg" in stored_actors(lib, article_id), timeout=TIMEOUT)
    _settle(qtbot, sidebar)
    assert any(a.name == "Anna Maria Berg" for a in reader.article_actors())
    assert any(a.name == "Anna Maria Berg" for a in sidebar.actors.actors_model.actors())
    _undo_redo(
        qtbot,
        sidebar,
        lambda: "Anna Berg" in stored_actors(lib, article_id),
        lambda: "Anna Maria Berg" in stored_actors(lib, article_id),
    )

    sidebar.actors.change_actor_type(anna.id, "organization")
    qtbot.waitUntil(
        lambda: stored_actors(lib, article_id)["Anna Maria Berg"].type == "organization", timeout=TIMEOUT
    )
    _settle(qtbot, sidebar)
    assert {m.type for m in reader.detail().mentions if m.actor_id == anna.id} == {"organization"}  # type: ignore[union-attr]
    _undo_redo(
        qtbot,
        sidebar,
        lambda: stored_actors(lib, article_id)["Anna Maria Berg"].type == "person",
        lambda: stored_actors(lib, article_id)["Anna Maria Berg"].type == "organization",
    )

    start, end = span_of(text, "Montag")
    reader.select_range(start, end)
    sidebar.actors.mark_button.menu().actions()[3].trigger()  # Other
    qtbot.waitUntil(lambda: "Montag" in stored_actors(lib, article_id), timeout=TIMEOUT)
    _settle(qtbot, sidebar)
    montag = stored_actors(lib, article_id)["Montag"]
    assert montag.type == "other"
    assert any(m.actor_id == montag.id and m.start == start for m in reader.detail().mentions)  # type: ignore[union-attr]
    _undo_redo(
        qtbot,
        sidebar,
        lambda: "Montag" not in stored_actors(lib, article_id),
        lambda: stored_actors(lib, article_id).get("Montag") == montag,  # the same id comes back
    )

    bank = stored_actors(lib, article_id)["Nordhafen Bank"]
    sidebar.actors.reject_actor(bank.id)
    qtbot.waitUntil(lambda: "Nordhafen Bank" not in stored_actors(lib, article_id), timeout=TIMEOUT)

    def rejected() -> bool:
        with lib.read_session() as session:
            return (
                session.scalar(select(EntityRejection.id).where(EntityRejection.text == "Nordhafen Bank"))
                is not None
            )

    assert rejected()
    _settle(qtbot, sidebar)
    _undo_redo(
        qtbot,
        sidebar,
        lambda: "Nordhafen Bank" in stored_actors(lib, article_id) and not rejected(),
        lambda: "Nordhafen Bank" not in stored_actors(lib, article_id) and rejected(),
    )

    tomas = stored_actors(lib, article_id)["Tomas Lindqvist"]
    sidebar.actors.merge_actor(tomas.id, anna.id)
    qtbot.waitUntil(lambda: "Tomas Lindqvist" not in stored_actors(lib, article_id), timeout=TIMEOUT)
    _settle(qtbot, sidebar)
    _undo_redo(
        qtbot,
        sidebar,
        lambda: stored_actors(lib, article_id).get("Tomas Lindqvist") == tomas,
        lambda: "Tomas Lindqvist" not in stored_actors(lib, article_id),
    )
    assert stored_actors(lib, article_id)["Anna Maria Berg"].mentions == anna.mentions + tomas.mentions

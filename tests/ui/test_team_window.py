"""A library shared by several people, in the window: the user name, edit conflicts, the author filter."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel, QPlainTextEdit, QWidget

from desktop.services.annotations import create_annotation, update_annotation
from desktop.services.authors import set_user
from desktop.services.dto import AnnotationRow, NoteRow
from desktop.services.importer import Importer
from desktop.services.library_filters import LibraryFilter
from desktop.storage.db import Library, open_library
from desktop.ui.context import AppContext
from desktop.ui.edit_conflicts import EditConflictDialog
from desktop.ui.library_model import TITLE, ArticleIdRole
from desktop.ui.main_window import MainWindow
from desktop.ui.notes_delegate import footer_line
from desktop.ui.notes_model import AuthorRole, NotesListModel
from desktop.ui.palette import ColorPalette
from desktop.ui.undo import EditController
from desktop.ui.user_name_dialog import USER_NAME_KEY, UserNameDialog, ask_at_first_start
from tests.ui.reader_support import (
    GERMAN_TEXT,
    OTHER_TEXT,
    TIMEOUT,
    import_article,
    open_article,
    stored_annotations,
)

THIRD_TEXT = "Dritter Bericht\nDie Nordhafen Bank meldete am Abend nichts Neues aus Weissfeld."


@pytest.fixture(autouse=True)
def _no_user_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("BRIEFING_READER_USER", raising=False)


@pytest.fixture
def bob(ctx: AppContext, db_url: str) -> Iterator[Library]:
    """The same library opened by another person (another connection, another user name)."""
    other = open_library(db_url, busy_timeout_ms=2000, user="bob")
    try:
        yield other
    finally:
        other.close()


# ------------------------------------------------------------------ the user name


def test_first_start_asks_the_name_once_and_the_window_records_it(
    qtbot: Any, ctx: AppContext, settings: QSettings
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    names: list[str] = []
    dialog = ask_at_first_start(parent, ctx, done=names.append)
    assert dialog is not None and dialog.isVisible()  # open, not blocking: the window keeps starting
    assert dialog.field.text() == ctx.library.user  # pre-filled with the login name
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    dialog.field.setText(" \t ")
    assert not ok.isEnabled() and dialog.problem.text()
    dialog.field.setText("  Maria \t Keller ")
    assert ok.isEnabled()
    with qtbot.waitSignal(dialog.finished, timeout=TIMEOUT):
        ok.click()
    assert names == ["Maria Keller"]
    assert settings.value(USER_NAME_KEY) == "Maria Keller"
    assert ctx.library.user == "Maria Keller"

    # what the window writes now carries the name
    article_id = import_article(ctx)
    edits = EditController(ctx, parent)
    with qtbot.waitSignal(edits.annotation_created, timeout=TIMEOUT) as created:
        edits.create_annotation(article_id, 0, 6, "yellow")
    row = created.args[0]
    assert isinstance(row, AnnotationRow) and row.author == "Maria Keller"
    assert stored_annotations(ctx.library, article_id)[0].author == "Maria Keller"

    # the next start uses the stored name without asking
    set_user(ctx.library, "somebody else")
    assert ask_at_first_start(parent, ctx, done=names.append) is None
    assert ctx.library.user == "Maria Keller" and names[-1] == "Maria Keller"


def test_closing_the_first_start_dialog_keeps_the_offered_name(
    qtbot: Any, ctx: AppContext, settings: QSettings
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    offered = ctx.library.user
    dialog = ask_at_first_start(parent, ctx)
    assert dialog is not None
    with qtbot.waitSignal(dialog.finished, timeout=TIMEOUT):
        dialog.reject()
    assert settings.value(USER_NAME_KEY) == offered  # asked once only


def test_a_name_given_for_the_run_wins_and_is_not_stored(
    qtbot: Any, ctx: AppContext, settings: QSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings.setValue(USER_NAME_KEY, "stored name")
    monkeypatch.setenv("BRIEFING_READER_USER", "ops")
    parent = QWidget()
    qtbot.addWidget(parent)
    assert ask_at_first_start(parent, ctx) is None
    assert ctx.library.user == "ops" and settings.value(USER_NAME_KEY) == "stored name"


def test_the_name_is_changed_from_the_edit_menu(
    make_window: Any, ctx: AppContext, settings: QSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window()
    before = ctx.library.user
    offered: list[str] = []
    monkeypatch.setattr(UserNameDialog, "ask", classmethod(lambda cls, p, name: offered.append(name) or "Jo"))
    window.user_name_action.trigger()
    assert offered == [before]  # the dialog starts from the current name
    assert ctx.library.user == "Jo" and settings.value(USER_NAME_KEY) == "Jo"
    assert "Jo" in window.statusBar().currentMessage()
    monkeypatch.setattr(UserNameDialog, "ask", classmethod(lambda cls, p, name: ""))  # cancelled
    window.user_name_action.trigger()
    assert ctx.library.user == "Jo"


# ------------------------------------------------------------------ edit conflicts


def _edit_note(qtbot: Any, sidebar: Any, text: str) -> None:
    sidebar.editor.note.setPlainText(text)
    sidebar.editor.flush()


def _conflict_setup(qtbot: Any, ctx: AppContext, sidebar: Any, bob: Library) -> AnnotationRow:
    """A note of ours open in the editor, then saved by bob in another session."""
    set_user(ctx.library, "alice")
    article_id = import_article(ctx)
    row = create_annotation(ctx.library, article_id, quote="Anna Berg traf", note="Erste Fassung", tags=["a"])
    open_article(qtbot, sidebar.reader, article_id)
    sidebar.set_article(article_id)
    sidebar.editor.set_annotation(row)
    update_annotation(bob, row.id, note="Bobs Fassung", expected_version=row.version)
    return row


def _answer(monkeypatch: pytest.MonkeyPatch, choice: str) -> list[tuple[AnnotationRow, AnnotationRow]]:
    asked: list[tuple[AnnotationRow, AnnotationRow]] = []

    def ask(cls: Any, parent: Any, mine: AnnotationRow, theirs: AnnotationRow) -> str:
        asked.append((mine, theirs))
        return choice

    monkeypatch.setattr(EditConflictDialog, "ask", classmethod(ask))
    return asked


def test_own_quick_saves_never_conflict(
    qtbot: Any, ctx: AppContext, sidebar: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked = _answer(monkeypatch, "copy")
    article_id = import_article(ctx)
    row = create_annotation(ctx.library, article_id, quote="Anna Berg traf")
    sidebar.editor.set_annotation(row)
    for text in ("a", "ab", "abc"):  # three saves queued before the first one returns
        _edit_note(qtbot, sidebar, text)
    sidebar.editor.set_color("blue")
    qtbot.waitUntil(sidebar.edits.is_idle, timeout=TIMEOUT)
    stored = stored_annotations(ctx.library, article_id)
    assert [(a.note, a.color, a.version) for a in stored] == [("abc", "blue", 5)]
    ctx.undo_stack.undo()  # the colour, then a note edit again: still no conflict with ourselves
    qtbot.waitUntil(lambda: stored_annotations(ctx.library, article_id)[0].color == "yellow", timeout=TIMEOUT)
    qtbot.waitUntil(sidebar.edits.is_idle, timeout=TIMEOUT)
    _edit_note(qtbot, sidebar, "abcd")
    qtbot.waitUntil(lambda: stored_annotations(ctx.library, article_id)[0].note == "abcd", timeout=TIMEOUT)
    qtbot.waitUntil(sidebar.edits.is_idle, timeout=TIMEOUT)
    assert asked == []


def test_undo_never_overwrites_someone_elses_newer_save(
    qtbot: Any, ctx: AppContext, sidebar: Any, bob: Library
) -> None:
    article_id = import_article(ctx)
    row = create_annotation(ctx.library, article_id, quote="Anna Berg traf", note="alt")
    sidebar.editor.set_annotation(row)
    _edit_note(qtbot, sidebar, "neu")
    qtbot.waitUntil(sidebar.edits.is_idle, timeout=TIMEOUT)
    update_annotation(bob, row.id, note="von bob")
    with qtbot.waitSignal(sidebar.edits.failed, timeout=TIMEOUT) as failed:
        ctx.undo_stack.undo()
    assert "bob" in failed.args[0]
    qtbot.waitUntil(sidebar.edits.is_idle, timeout=TIMEOUT)
    assert stored_annotations(ctx.library, article_id)[0].note == "von bob"


def test_a_conflicting_save_can_reload_theirs_and_keeps_ours_on_the_clipboard(
    qtbot: Any, ctx: AppContext, sidebar: Any, bob: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    row = _conflict_setup(qtbot, ctx, sidebar, bob)
    asked = _answer(monkeypatch, "reload")
    with qtbot.waitSignal(sidebar.edits.conflict_resolved, timeout=TIMEOUT) as resolved:
        _edit_note(qtbot, sidebar, "Meine Fassung")
    mine, theirs = asked[0]
    assert (mine.note, theirs.note, theirs.edited_by) == ("Meine Fassung", "Bobs Fassung", "bob")
    assert resolved.args[1] is None
    stored = stored_annotations(ctx.library, row.article_id)
    assert [(a.id, a.note, a.edited_by) for a in stored] == [(row.id, "Bobs Fassung", "bob")]
    assert sidebar.editor.note.toPlainText() == "Bobs Fassung"
    assert sidebar.editor.header.toolTip() == "By alice\nLast changed by bob"
    clipboard = QApplication.clipboard()
    assert clipboard is not None and clipboard.text() == "Meine Fassung"  # ours is not lost
    # a later save from a stale copy of the note is asked about again, never dropped in silence
    with qtbot.waitSignal(sidebar.edits.conflict_resolved, timeout=TIMEOUT):
        sidebar.edits.edit_annotation(row, color="red")
    assert len(asked) == 2 and stored_annotations(ctx.library, row.article_id)[0].color == "yellow"
    # editing on top of their version now saves normally
    _edit_note(qtbot, sidebar, "Bobs Fassung, ergänzt")
    qtbot.waitUntil(
        lambda: stored_annotations(ctx.library, row.article_id)[0].note == "Bobs Fassung, ergänzt",
        timeout=TIMEOUT,
    )
    qtbot.waitUntil(sidebar.edits.is_idle, timeout=TIMEOUT)
    assert len(asked) == 2 and stored_annotations(ctx.library, row.article_id)[0].edited_by == "alice"


def test_a_conflicting_save_can_keep_a_copy_beside_theirs(
    qtbot: Any, ctx: AppContext, sidebar: Any, bob: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    row = _conflict_setup(qtbot, ctx, sidebar, bob)
    asked = _answer(monkeypatch, "copy")
    with qtbot.waitSignal(sidebar.edits.conflict_resolved, timeout=TIMEOUT) as resolved:
        _edit_note(qtbot, sidebar, "Meine Fassung")
        sidebar.editor.set_color("green")  # queued behind the refused save: joins the copy
    copy = resolved.args[1]
    assert isinstance(copy, AnnotationRow) and len(asked) == 1
    stored = {a.id: a for a in stored_annotations(ctx.library, row.article_id)}
    assert set(stored) == {row.id, copy.id}
    theirs = stored[row.id]
    assert (theirs.note, theirs.edited_by, theirs.color) == ("Bobs Fassung", "bob", "yellow")
    kept = stored[copy.id]
    assert (kept.note, kept.color, kept.tags, kept.author) == ("Meine Fassung", "green", ("a",), "alice")
    assert (kept.start, kept.end) == (row.start, row.end)
    assert sidebar.editor.annotation_id() == copy.id
    assert ctx.undo_stack.undoText() == "Keep a copy"


def test_the_conflict_dialog_shows_both_versions_and_returns_the_choice(qtbot: Any) -> None:
    mine = AnnotationRow(1, 1, 0, 4, "Text", "Meine Notiz", ("x",), "yellow", author="alice", version=1)
    theirs = AnnotationRow(1, 1, 0, 4, "Text", "Bobs Notiz", (), "yellow", author="alice", edited_by="bob")
    dialog = EditConflictDialog(mine, theirs)
    qtbot.addWidget(dialog)
    shown = sorted(w.toPlainText() for w in dialog.findChildren(QPlainTextEdit))
    assert shown == ["Bobs Notiz", "Meine Notiz\n\n#x"]
    assert any("bob" in label.text() for label in dialog.findChildren(QLabel))
    assert dialog.choice == "copy"  # closing keeps a copy
    dialog.reload_button.click()
    assert dialog.choice == "reload"


# ------------------------------------------------------------------ the author filter


def test_notes_model_offers_the_author(qtmodeltester: Any, settings: QSettings) -> None:
    row = AnnotationRow(3, 1, 0, 4, "Text", "Notiz", (), "yellow", author="bob", edited_by="carla")
    model = NotesListModel(ColorPalette(settings))
    model.set_notes([NoteRow(row, "Ein Artikel", created_at="2026-01-02T10:00:00+00:00")])
    qtmodeltester.check(model)
    index = model.index(0)
    assert index.data(AuthorRole) == "bob"
    tip = index.data(Qt.ItemDataRole.ToolTipRole)
    assert "By bob" in tip and "Last changed by carla" in tip
    metrics = QFontMetrics(QFont())
    assert "bob" in footer_line(model.note(index), "Important", metrics, 900)  # type: ignore[arg-type]


@pytest.fixture
def shared(ctx: AppContext, bob: Library) -> dict[str, int]:
    """Alice imports two articles and notes one; bob imports a third and notes the second."""
    set_user(ctx.library, "alice")
    first, second = import_article(ctx, GERMAN_TEXT), import_article(ctx, OTHER_TEXT)
    assert ctx.model is not None
    third = Importer(bob, ctx.model).import_text(THIRD_TEXT).id
    assert third is not None
    notes = {
        "alice": create_annotation(ctx.library, first, quote="Anna Berg traf", note="von alice").id,
        "bob": create_annotation(bob, second, quote="die Zukunft der Stadt", note="von bob").id,
    }
    return {"first": first, "second": second, "third": third, **notes}


def test_notes_and_library_are_filtered_by_author(
    qtbot: Any, make_real_window: Any, shared: dict[str, int]
) -> None:
    window: MainWindow = make_real_window()
    pane = window.library_pane
    qtbot.waitUntil(lambda: pane.model.rowCount() == 3, timeout=TIMEOUT)
    combo = pane.filters.author_combo
    qtbot.waitUntil(lambda: combo.count() == 3, timeout=TIMEOUT)
    assert [combo.itemText(i) for i in range(3)] == ["All authors", "alice", "bob"]
    assert combo.isVisible()  # two people work here

    def listed() -> set[int]:
        return {pane.model.index(r, TITLE).data(ArticleIdRole) for r in range(pane.model.rowCount())}

    with qtbot.waitSignal(pane.filter_finished, timeout=TIMEOUT):
        combo.setCurrentIndex(combo.findData("bob"))
    assert listed() == {shared["second"], shared["third"]}  # annotated, imported
    assert pane.current_filter() == LibraryFilter(author="bob")
    with qtbot.waitSignal(pane.filter_finished, timeout=TIMEOUT):
        combo.setCurrentIndex(0)
    assert listed() == {shared["first"], shared["second"], shared["third"]}

    notes = window.notes_pane
    with qtbot.waitSignal(notes.loaded, timeout=TIMEOUT):
        window.notes_action.trigger()
    authors = notes.filters.author_combo
    qtbot.waitUntil(lambda: authors.count() == 3, timeout=TIMEOUT)
    assert authors.isVisible()
    assert {n.id for n in notes.model.notes()} == {shared["alice"], shared["bob"]}
    with qtbot.waitSignal(notes.loaded, timeout=TIMEOUT):
        authors.setCurrentIndex(authors.findData("bob"))
    assert [(n.id, n.annotation.author) for n in notes.model.notes()] == [(shared["bob"], "bob")]
    assert notes.model.index(0).data(AuthorRole) == "bob"
    with qtbot.waitSignal(notes.loaded, timeout=TIMEOUT):
        notes.filters.set_author(None)
    assert len(notes.model.notes()) == 2


def test_the_author_lists_stay_hidden_while_one_person_works(
    qtbot: Any, ctx: AppContext, make_real_window: Any
) -> None:
    set_user(ctx.library, "alice")
    article_id = import_article(ctx)
    create_annotation(ctx.library, article_id, quote="Anna Berg traf", note="von alice")
    window: MainWindow = make_real_window()
    pane = window.library_pane
    with qtbot.waitSignal(pane.filters.choices_loaded, timeout=TIMEOUT):
        pane.filters.load_choices()
    assert pane.filters.author_combo.count() == 2 and not pane.filters.author_combo.isVisible()
    with qtbot.waitSignal(window.notes_pane.loaded, timeout=TIMEOUT):
        window.notes_action.trigger()
    authors = window.notes_pane.filters.author_combo
    qtbot.waitUntil(lambda: authors.count() == 2, timeout=TIMEOUT)
    assert not authors.isVisible() and window.notes_pane.filters.period_combo.isVisible()

"""Reading state in the window: read after a dwell, M/S/E, archived hidden, J/K, delete and undo."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from desktop.services.annotations import create_annotation
from desktop.services.dto import ArticleRow
from desktop.services.notes_query import NotesFilter, query_notes
from desktop.services.reading_state import reading_states
from desktop.ui.article_actions import ArticleActions
from desktop.ui.context import AppContext
from desktop.ui.library_model import TITLE, ArticleListModel
from desktop.ui.main_window import MainWindow
from tests.ui.reader_support import TIMEOUT, import_article

TEXTS = [f"Bericht {n}\nAnna Berg sprach in Weissfeld über Kapitel {n} der Vereinbarung." for n in range(3)]


def _row(n: int, **state: Any) -> ArticleRow:
    return ArticleRow(n, f"Article {n}", "de", None, None, 0, "2026-01-0{n}T10:00:00", **state)


def test_list_shows_unread_bold_starred_and_hides_archived(qtmodeltester: Any) -> None:
    model = ArticleListModel()
    model.set_rows(
        [
            _row(1),
            _row(2, read_at="2026-01-02T11:00:00", starred=True),
            _row(3, read_at="2026-01-03T11:00:00", archived=True),
        ]
    )
    qtmodeltester.check(model)
    font = model.index(0, TITLE).data(Qt.ItemDataRole.FontRole)
    assert isinstance(font, QFont) and font.bold()  # unread
    assert model.index(1, TITLE).data(Qt.ItemDataRole.FontRole) is None
    assert not model.index(1, TITLE).data(Qt.ItemDataRole.DecorationRole).isNull()  # the star
    assert "Starred" in model.index(1, TITLE).data(Qt.ItemDataRole.ToolTipRole)


@pytest.fixture
def articles(ctx: AppContext) -> list[int]:
    return [import_article(ctx, text) for text in TEXTS]


@pytest.fixture
def window(articles: list[int], make_real_window: Any, qtbot: Any) -> MainWindow:
    win: MainWindow = make_real_window()
    win.article_actions.dwell_ms = 60_000  # only the dwell test waits for it
    qtbot.waitUntil(lambda: win.library_pane.model.rowCount() == len(articles), timeout=TIMEOUT)
    return win


def _open(qtbot: Any, window: MainWindow, article_id: int) -> None:
    with qtbot.waitSignal(window.reader.article_opened, timeout=TIMEOUT):  # type: ignore[attr-defined]
        window.open_article(article_id)


def _key(
    qtbot: Any, window: MainWindow, key: str | Qt.Key, modifier: Any = Qt.KeyboardModifier.NoModifier
) -> None:
    window.activateWindow()
    browser = window.reader.browser  # type: ignore[attr-defined]
    browser.setFocus()
    qtbot.keyClick(browser, key, modifier)


def _state(ctx: AppContext, article_id: int) -> Any:
    return reading_states(ctx.library, [article_id])[0]


def test_opening_marks_read_after_a_dwell_and_m_toggles(
    qtbot: Any, ctx: AppContext, articles: list[int], window: MainWindow
) -> None:
    actions = window.article_actions
    actions.dwell_ms = 20
    with qtbot.waitSignal(actions.states_changed, timeout=TIMEOUT) as blocker:
        _open(qtbot, window, articles[0])
    assert blocker.args[0][0].article_id == articles[0] and blocker.args[0][0].read
    assert _state(ctx, articles[0]).read and actions.read_action.isChecked()
    model = window.library_pane.model
    assert model.index_of(articles[0]).data(Qt.ItemDataRole.FontRole) is None  # no longer bold
    with qtbot.waitSignal(actions.states_changed, timeout=TIMEOUT):
        _key(qtbot, window, "m")
    assert not _state(ctx, articles[0]).read
    assert model.index_of(articles[0]).data(Qt.ItemDataRole.FontRole).bold()
    assert not actions._dwell.isActive()  # marked unread by hand: the dwell does not undo it


def test_star_and_archive_keys_and_the_archived_view(
    qtbot: Any, ctx: AppContext, articles: list[int], window: MainWindow
) -> None:
    actions, pane = window.article_actions, window.library_pane
    _open(qtbot, window, articles[1])
    with qtbot.waitSignal(actions.states_changed, timeout=TIMEOUT):
        _key(qtbot, window, "s")
    assert _state(ctx, articles[1]).starred and actions.star_action.isChecked()
    with qtbot.waitSignal(actions.states_changed, timeout=TIMEOUT):
        _key(qtbot, window, "e")
    assert _state(ctx, articles[1]).archived
    assert articles[1] in pane.listed_article_ids()  # the one being read stays listed
    _open(qtbot, window, articles[0])
    assert articles[1] not in pane.listed_article_ids()  # archived: hidden from the default list
    pane.set_state_view("archived")  # the archived one, and the one being read (pinned)
    listed = lambda: set(pane.listed_article_ids())  # noqa: E731
    qtbot.waitUntil(lambda: listed() == {articles[0], articles[1]}, timeout=TIMEOUT)
    assert pane.filters.state_combo.currentData() == "archived"
    assert window.reader.current_article_id() == articles[0]  # type: ignore[attr-defined]
    pane.set_state_view("starred")
    qtbot.waitUntil(lambda: listed() == {articles[0], articles[1]}, timeout=TIMEOUT)
    pane.set_state_view("inbox")
    qtbot.waitUntil(lambda: listed() == {articles[0], articles[2]}, timeout=TIMEOUT)


def test_j_k_and_alt_arrows_move_through_the_list_in_the_reading_pane(
    qtbot: Any, articles: list[int], window: MainWindow
) -> None:
    order = window.library_pane.listed_article_ids()
    assert sorted(order) == sorted(articles)
    reader = window.reader
    _open(qtbot, window, order[0])
    for key, modifier, expected in (
        ("j", Qt.KeyboardModifier.NoModifier, order[1]),
        (Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier, order[2]),
        ("k", Qt.KeyboardModifier.NoModifier, order[1]),
        (Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier, order[0]),
    ):
        with qtbot.waitSignal(reader.article_opened, timeout=TIMEOUT) as blocker:  # type: ignore[attr-defined]
            _key(qtbot, window, key, modifier)
        assert blocker.args == [expected]
        assert window.library_pane.selected_article_id() == expected
    messages: list[str] = []
    window.article_actions.message.connect(messages.append)
    _key(qtbot, window, "k")
    assert messages == ["This is the first."]
    # in a text field the letters are typed, not taken as shortcuts
    search = window.library_pane.search
    search.setFocus()
    qtbot.keyClicks(search, "jk")
    assert search.text() == "jk"
    find = reader.find_bar  # type: ignore[attr-defined]
    window.find_in_article()
    qtbot.keyClicks(find.edit, "kj")
    assert find.edit.text() == "kj" and reader.current_article_id() == order[0]  # type: ignore[attr-defined]


def test_delete_asks_when_there_are_notes_and_undo_brings_everything_back(
    qtbot: Any, ctx: AppContext, articles: list[int], window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = articles[1]
    create_annotation(ctx.library, target, quote="Anna Berg sprach", note="Wichtig", tags=["nato/planung"])
    with qtbot.waitSignal(window.library_pane.model.loaded, timeout=TIMEOUT):
        window.library_pane.refresh()
    _open(qtbot, window, target)
    answers = [False, True]
    questions: list[str] = []
    monkeypatch.setattr(
        ArticleActions, "ask", classmethod(lambda cls, _p, _t, q: questions.append(q) or answers.pop(0))
    )
    window.article_actions.delete_action.trigger()
    assert "1 note" in questions[0] and "Bericht 1" in questions[0]
    assert window.library_pane.model.row_of(target) >= 0  # declined: nothing deleted
    reader = window.reader
    with qtbot.waitSignal(window.article_actions.article_removed, timeout=TIMEOUT) as removed:
        window.article_actions.delete_action.trigger()
    assert removed.args[0] == target
    qtbot.waitUntil(lambda: window.library_pane.model.row_of(target) < 0, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: reader.current_article_id() not in (None, target), timeout=TIMEOUT)  # type: ignore[attr-defined]
    assert query_notes(ctx.library, NotesFilter(article_id=target)) == []
    assert ctx.undo_stack.undoText().startswith("Delete “Bericht 1”")
    with qtbot.waitSignal(window.article_actions.article_restored, timeout=TIMEOUT) as restored:
        ctx.undo_stack.undo()
    again = restored.args[0]
    qtbot.waitUntil(lambda: reader.current_article_id() == again, timeout=TIMEOUT)  # type: ignore[attr-defined]
    (note,) = query_notes(ctx.library, NotesFilter(article_id=again))
    assert note.annotation.note == "Wichtig" and note.annotation.tags == ("nato/planung",)
    qtbot.waitUntil(lambda: window.library_pane.model.row_of(again) >= 0, timeout=TIMEOUT)
    with qtbot.waitSignal(window.article_actions.article_removed, timeout=TIMEOUT):
        ctx.undo_stack.redo()
    assert query_notes(ctx.library, NotesFilter(article_id=again)) == []


def test_delete_without_notes_asks_nothing_and_the_last_one_leaves_an_empty_pane(
    qtbot: Any, ctx: AppContext, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ArticleActions, "ask", classmethod(lambda cls, *_a: pytest.fail("asked")))
    for article_id in window.library_pane.listed_article_ids():
        _open(qtbot, window, article_id)
        with qtbot.waitSignal(window.article_actions.article_removed, timeout=TIMEOUT):
            window.article_actions.delete_current()
    qtbot.waitUntil(lambda: window.library_pane.model.rowCount() == 0, timeout=TIMEOUT)
    assert window.current_article_id() is None
    assert not window.article_actions.delete_action.isEnabled()
    assert window.article_actions.next_action.isEnabled()


def test_shortcuts_overview_lists_every_shortcut_of_the_window(
    qtbot: Any, ctx: AppContext, articles: list[int], window: MainWindow
) -> None:
    window.activateWindow()
    window.library_pane.view.setFocus()
    qtbot.keyClick(window.library_pane.view, Qt.Key.Key_F1)
    dialog = window.shortcuts_dialog
    assert dialog is not None and dialog.isVisible()
    listed = dict(dialog.listed())
    texts = " | ".join(f"{t} = {k}" for t, k in listed.items())
    from PySide6.QtGui import QAction, QKeySequence

    actions = [a for a in window.findChildren(QAction) if not a.shortcut().isEmpty() and a.text()]
    assert len(actions) > 25
    for action in actions:
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        name = action.text().replace("&", "").rstrip(".…").strip()
        assert any(t.startswith(name) and keys in k for t, k in listed.items()), (
            f"{name} ({keys}) not in {texts}"
        )
    next_article = next(k for t, k in listed.items() if t.startswith("Next Article"))
    assert next_article == "Alt+Down, J"
    assert any("reading pane" in t for t in listed if t.startswith("Next Article"))
    dialog.filter_edit.setText("highlight")
    assert all("highlight" in t.lower() for t, _k in dialog.listed())
    dialog.close()
    window.reader.browser.setFocus()  # type: ignore[attr-defined]
    qtbot.keyClick(window.reader.browser, "?")  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: window.shortcuts_dialog is not None and window.shortcuts_dialog.isVisible())
    window.shortcuts_dialog.close()  # type: ignore[union-attr]


def test_first_start_hint_is_shown_once(qtbot: Any, ctx: AppContext, make_real_window: Any) -> None:
    first: MainWindow = make_real_window()
    assert first.hint is not None and first.hint.isVisible()
    text = first.hint.label.text()
    assert "Ctrl+H" in text and "F1" in text and "Ctrl+Shift+A" in text  # the keys the actions define
    qtbot.mouseClick(first.hint.button, Qt.MouseButton.LeftButton)
    assert not first.hint.isVisible()
    first.close()
    second: MainWindow = make_real_window()
    assert second.hint is None


def test_first_start_hint_closed_unread_counts_as_seen(
    qtbot: Any, ctx: AppContext, make_real_window: Any
) -> None:
    first: MainWindow = make_real_window()
    assert first.hint is not None
    first.close()
    assert make_real_window().hint is None

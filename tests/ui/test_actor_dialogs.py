"""The actor dialogs: "Merge into…" (no preselection, ranked, says what happens) and renaming."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from desktop.services.dto import ActorRow
from desktop.services.merge_candidates import MergeCandidate
from desktop.ui.actor_dialogs import MergeDialog, NameDialog
from desktop.ui.context import AppContext
from desktop.ui.sidebar_view import Sidebar
from tests.ui.reader_support import TIMEOUT, import_article, open_article, stored_actors

SOURCE = ActorRow(1, "Kowalczyk", "person", 7, 2)
CANDIDATES = [
    MergeCandidate(ActorRow(2, "Marta Kowalczyk", "person", 4, 1), 90.0),
    MergeCandidate(
        ActorRow(3, "Kowalczyk-Stiftung für Hafen- und Binnenschifffahrt", "organization", 2, 1), 90.0
    ),
    MergeCandidate(ActorRow(4, "Jonas Feldberg", "person", 20, 2), 30.0),
]


def _dialog(qtbot: Any) -> MergeDialog:
    dialog = MergeDialog(SOURCE, CANDIDATES)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_merge_dialog_preselects_nothing_and_enter_does_not_merge(qtbot: Any, qtmodeltester: Any) -> None:
    dialog = _dialog(qtbot)
    qtmodeltester.check(dialog.model)
    assert not dialog.list.currentIndex().isValid()
    assert not dialog.list.selectionModel().hasSelection()
    merge = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not merge.isEnabled()
    qtbot.keyClick(dialog.filter, Qt.Key.Key_Return)
    qtbot.keyClick(dialog.list, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.chosen_id() is None
    assert [dialog.list.model().index(r, 0).data() for r in range(3)] == [c.actor.name for c in CANDIDATES]


def test_merge_dialog_says_what_happens_and_merges_the_chosen_actor(qtbot: Any) -> None:
    dialog = _dialog(qtbot)
    dialog.list.setCurrentIndex(dialog.list.model().index(0, 0))
    assert (
        "7 mentions of “Kowalczyk” in 2 articles become mentions of “Marta Kowalczyk”"
        in dialog.summary.text()
    )
    merge = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert merge.isEnabled()
    with qtbot.waitSignal(dialog.accepted, timeout=TIMEOUT):
        qtbot.keyClick(dialog.list, Qt.Key.Key_Return)
    assert dialog.chosen_id() == 2


def test_merge_dialog_filter_and_full_names(qtbot: Any) -> None:
    dialog = _dialog(qtbot)
    long_name = CANDIDATES[1].actor.name
    metrics = QFontMetrics(dialog.list.font())
    assert dialog.list.columnWidth(0) >= metrics.horizontalAdvance(long_name) + 8
    qtbot.keyClicks(dialog.filter, "stiftung")
    assert dialog.list.model().rowCount() == 1
    assert not dialog.list.currentIndex().isValid()  # filtering does not pick either
    dialog.filter.clear()
    dialog.list.setCurrentIndex(dialog.list.model().index(1, 0))
    assert "an organisation" in dialog.summary.text()
    qtbot.keyClicks(dialog.filter, "feld")  # the chosen actor is filtered out: nothing is chosen
    assert dialog.chosen_id() is None
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()


def test_rename_field_shows_the_whole_name(qtbot: Any) -> None:
    name = "Vereinigung der Europäischen Hafen- und Binnenschifffahrtsbetriebe Nordhafen"
    dialog = NameDialog("Rename actor", "New name:", name)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    edit = dialog.edit
    assert edit.text() == name
    needed = QFontMetrics(edit.font()).horizontalAdvance(name)
    assert edit.contentsRect().width() - 8 >= needed
    assert edit.cursorPosition() == len(name) and edit.hasSelectedText()


def test_panel_asks_with_ranked_candidates_and_merges_only_the_choice(
    qtbot: Any, ctx: AppContext, sidebar: Sidebar, monkeypatch: Any
) -> None:
    article_id = import_article(ctx, "Bericht\nTomas Lindqvist traf Anna Berg. Dann kam die Nordhafen Bank.")
    open_article(qtbot, sidebar.reader, article_id)
    sidebar.set_article(article_id)
    actors = stored_actors(ctx.library, article_id)
    asked: list[tuple[ActorRow, list[MergeCandidate]]] = []
    answers = [None, actors["Tomas Lindqvist"].id]

    def ask(_parent: Any, source: ActorRow, candidates: list[MergeCandidate]) -> int | None:
        asked.append((source, candidates))
        return answers.pop(0)

    monkeypatch.setattr(MergeDialog, "ask", staticmethod(ask))
    qtbot.waitUntil(lambda: sidebar.actors.select_actor(actors["Anna Berg"].id), timeout=TIMEOUT)
    sidebar.actors.merge_button.click()
    qtbot.waitUntil(lambda: len(asked) == 1, timeout=TIMEOUT)
    source, candidates = asked[0]
    assert source.name == "Anna Berg"
    assert candidates[0].actor.type == "person"  # the other person before the bank
    assert "Anna Berg" in stored_actors(ctx.library, article_id)  # cancelled: nothing merged
    with qtbot.waitSignal(sidebar.reader.actors_changed, timeout=TIMEOUT):
        sidebar.actors.merge_button.click()
    assert "Anna Berg" not in stored_actors(ctx.library, article_id)

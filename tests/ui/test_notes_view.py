"""The Annotations view: every note of the library, filtered, searchable, opened in place, exported."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, QSettings, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication
from sqlalchemy import update

from desktop.core.record import replace
from desktop.services.annotations import create_annotation
from desktop.services.dto import AnnotationRow, NoteRow
from desktop.services.queries import list_actors
from desktop.storage.models import Annotation
from desktop.ui.context import AppContext
from desktop.ui.main_window import MainWindow
from desktop.ui.notes_delegate import footer_line, wrap_lines
from desktop.ui.notes_model import BATCH, AnnotationIdRole, NotesListModel
from desktop.ui.notes_view import NotesPane
from desktop.ui.palette import ColorPalette
from tests.ui.reader_support import GERMAN_TEXT, OTHER_TEXT, TIMEOUT, import_article, span_of, stored_text


def _note(n: int, color: str = "yellow") -> NoteRow:
    row = AnnotationRow(n, 1 + n % 3, n, n + 4, f"Passage {n} 😀", f"Note {n}", ("nato/planung",), color)
    return NoteRow(row, f"Article {1 + n % 3}", None, None, "2026-01-02T10:00:00+00:00", "")


def test_model_passes_the_model_tester_and_fetches_lazily(qtmodeltester: Any, settings: QSettings) -> None:
    rows = [_note(n, ("yellow", "blue", "red")[n % 3]) for n in range(BATCH * 2 + 17)]
    tested = NotesListModel(ColorPalette(settings))
    qtmodeltester.check(tested)
    tested.set_notes(rows[:30])
    tested.set_notes(rows)  # the tester fetches every batch
    qtmodeltester.check(tested)
    assert tested.rowCount() == len(rows)
    tested.set_notes([])
    qtmodeltester.check(tested)
    model = NotesListModel(ColorPalette(settings))
    model.set_notes(rows)
    assert model.rowCount() == BATCH and model.total() == BATCH * 2 + 17
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == BATCH * 2
    assert model.row_of(BATCH * 2 + 10) == BATCH * 2 + 10  # fetches up to the note asked for
    assert model.rowCount() == BATCH * 2 + 17 and not model.canFetchMore(QModelIndex())
    index = model.index(4)
    assert index.data() == "Passage 4 😀"
    assert index.data(AnnotationIdRole) == 4
    assert "Question" in index.data(Qt.ItemDataRole.ToolTipRole)  # the colour's meaning (blue)
    assert model.data(model.index(10_000)) is None


@pytest.fixture
def window(make_real_window: Any) -> MainWindow:
    return make_real_window()  # type: ignore[no-any-return]


@pytest.fixture
def notes(ctx: AppContext) -> dict[str, AnnotationRow]:
    """Five notes in two articles: colours, nested tags, an actor, a German note text."""
    first = import_article(ctx, GERMAN_TEXT)
    second = import_article(ctx, OTHER_TEXT)
    lib = ctx.library
    made = {
        "berg": create_annotation(lib, first, quote="Anna Berg traf", note="Wer lud ein?", tags=["nato"]),
        "bank": create_annotation(
            lib,
            first,
            quote="Die Nordhafen Bank",
            note="Flüchtlinge erwähnt",
            color="blue",
            tags=["nato/planung"],
        ),
        "erfolg": create_annotation(lib, first, quote="von einem Erfolg", color="red", tags=["natofern"]),
        "zukunft": create_annotation(
            lib, second, quote="die Zukunft der Stadt", note="Ausblick", color="green"
        ),
        "alt": create_annotation(lib, second, quote="sprach in Weissfeld", note="alte Notiz"),
    }
    with lib.session() as session:  # one note made last year
        session.execute(
            update(Annotation)
            .where(Annotation.id == made["alt"].id)
            .values(created_at=dt.datetime(2020, 3, 1, 12, tzinfo=dt.UTC))
        )
    return made


def _show_notes(qtbot: Any, window: MainWindow) -> NotesPane:
    qtbot.waitUntil(lambda: window.library_pane.model.rowCount() == 2, timeout=TIMEOUT)
    pane = window.notes_pane
    with qtbot.waitSignal(pane.loaded, timeout=TIMEOUT):
        window.notes_action.trigger()
    assert window.browse.currentWidget() is pane and window.notes_action.isChecked()
    qtbot.waitUntil(lambda: pane.filters.article_combo.count() == 3, timeout=TIMEOUT)  # choices loaded
    return pane


def _listed(pane: NotesPane) -> set[int]:
    return {n.id for n in pane.model.notes()}


def _apply(qtbot: Any, pane: NotesPane, change: Any) -> set[int]:
    with qtbot.waitSignal(pane.loaded, timeout=TIMEOUT):
        change()
    return _listed(pane)


def test_filters_by_colour_tag_actor_article_day_and_text(
    qtbot: Any, ctx: AppContext, notes: dict[str, AnnotationRow], window: MainWindow
) -> None:
    pane = _show_notes(qtbot, window)
    ids = {name: row.id for name, row in notes.items()}
    assert _listed(pane) == set(ids.values())
    assert pane.count_label.text() == "5 notes"
    bar = pane.filters
    qtbot.waitUntil(lambda: bar.tag_combo.count() == 4, timeout=TIMEOUT)  # All, nato, nato/planung, natofern
    blue = bar.color_combo.findData("blue")
    assert bar.color_combo.itemText(blue) == "Question"  # offered by meaning
    assert _apply(qtbot, pane, lambda: bar.color_combo.setCurrentIndex(blue)) == {ids["bank"]}
    assert _apply(qtbot, pane, lambda: bar.color_combo.setCurrentIndex(0)) == set(ids.values())
    # a parent tag includes its children, not a tag that merely starts alike
    tag = bar.tag_combo.findData("nato")
    assert _apply(qtbot, pane, lambda: bar.tag_combo.setCurrentIndex(tag)) == {ids["berg"], ids["bank"]}
    assert _apply(qtbot, pane, lambda: bar.tag_combo.setCurrentIndex(0)) == set(ids.values())
    with ctx.library.read_session() as session:
        bank = next(a for a in list_actors(session) if a.name == "Nordhafen Bank")
    actor = bar.actor_combo.findData(bank.id)
    assert actor > 0
    assert _apply(qtbot, pane, lambda: bar.actor_combo.setCurrentIndex(actor)) == {ids["bank"]}
    assert _apply(qtbot, pane, lambda: bar.actor_combo.setCurrentIndex(0)) == set(ids.values())
    article = bar.article_combo.findData(notes["zukunft"].article_id)
    assert bar.article_combo.itemText(article) == "Zweiter Bericht"
    assert _apply(qtbot, pane, lambda: bar.article_combo.setCurrentIndex(article)) == {
        ids["zukunft"],
        ids["alt"],
    }
    assert _apply(qtbot, pane, lambda: bar.article_combo.setCurrentIndex(0)) == set(ids.values())
    week = bar.period_combo.findText("Past 7 days")
    assert ids["alt"] not in _apply(qtbot, pane, lambda: bar.period_combo.setCurrentIndex(week))
    custom = bar.period_combo.findText("Between…")
    _apply(qtbot, pane, lambda: bar.period_combo.setCurrentIndex(custom))
    assert bar.range_row.isVisible()
    bar.since_edit.setDate(dt.date(2020, 1, 1))
    assert _apply(qtbot, pane, lambda: bar.until_edit.setDate(dt.date(2020, 12, 31))) == {ids["alt"]}
    assert _apply(qtbot, pane, lambda: bar.period_combo.setCurrentIndex(0)) == set(ids.values())
    # text search in notes and passages: word stems ("Flüchtling" finds "Flüchtlinge"), ae/oe/ue
    assert _apply(qtbot, pane, lambda: bar.search.setText("Flüchtling")) == {ids["bank"]}
    assert _apply(qtbot, pane, lambda: bar.search.setText("fluechtlinge")) == {ids["bank"]}
    assert _apply(qtbot, pane, lambda: bar.search.setText("nirgendwo")) == set()
    assert pane.empty_label.isVisible() and "No note matches" in pane.empty_label.text()
    assert not pane.export_button.isEnabled()


def test_choosing_a_note_opens_its_place(
    qtbot: Any, ctx: AppContext, notes: dict[str, AnnotationRow], window: MainWindow
) -> None:
    pane = _show_notes(qtbot, window)
    target = notes["zukunft"]
    row = pane.model.row_of(target.id)
    reader = window.reader
    with qtbot.waitSignal(reader.annotation_revealed, timeout=TIMEOUT) as blocker:  # type: ignore[attr-defined]
        rect = pane.view.visualRect(pane.model.index(row))
        qtbot.mouseClick(pane.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [target.id]
    assert reader.current_article_id() == target.article_id  # type: ignore[attr-defined]
    assert reader.selected_range() == (target.start, target.end)  # type: ignore[attr-defined]
    text = stored_text(ctx.library, target.article_id)
    assert text[target.start : target.end] == "die Zukunft der Stadt"
    assert window.sidebar.editor.annotation_id() == target.id  # type: ignore[attr-defined]
    assert window.library_pane.selected_article_id() == target.article_id
    # another note of the article already open: selected without reopening it
    other = notes["alt"]
    with qtbot.waitSignal(reader.annotation_revealed, timeout=TIMEOUT):  # type: ignore[attr-defined]
        pane.select_note(other.id)
    assert reader.selected_range() == span_of(text, "sprach in Weissfeld")  # type: ignore[attr-defined]


def test_new_highlights_reach_the_open_view(
    qtbot: Any, ctx: AppContext, notes: dict[str, AnnotationRow], window: MainWindow
) -> None:
    pane = _show_notes(qtbot, window)
    reader = window.reader
    first = notes["berg"].article_id
    with qtbot.waitSignal(reader.article_opened, timeout=TIMEOUT):  # type: ignore[attr-defined]
        window.open_article(first)
    text = stored_text(ctx.library, first)
    reader.select_range(*span_of(text, "Später reiste"))  # type: ignore[attr-defined]
    with qtbot.waitSignal(pane.loaded, timeout=TIMEOUT) as blocker:
        reader.highlight_selection("purple")  # type: ignore[attr-defined]
    assert blocker.args == [6]


def test_export_the_filtered_notes_to_a_file_and_the_clipboard(
    qtbot: Any,
    ctx: AppContext,
    notes: dict[str, AnnotationRow],
    window: MainWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pane = _show_notes(qtbot, window)
    ctx.color_palette().set_meaning("blue", "Offene Frage")
    tag = pane.filters.tag_combo.findData("nato")
    _apply(qtbot, pane, lambda: pane.filters.tag_combo.setCurrentIndex(tag))
    target = tmp_path / "exports" / "nato"
    target.parent.mkdir()
    suggested: list[str] = []
    monkeypatch.setattr(
        NotesPane, "choose_file", classmethod(lambda cls, _p, s: suggested.append(s) or str(target))
    )
    with qtbot.waitSignal(pane.message, timeout=TIMEOUT) as blocker:
        pane.save_action.trigger()
    written = target.with_suffix(".md")
    assert blocker.args[0] == f"2 notes exported to {written}."
    assert "nato" in Path(suggested[0]).name
    markdown = written.read_text(encoding="utf-8")
    assert "Anna Berg traf" in markdown and "Die Nordhafen Bank" in markdown
    assert "von einem Erfolg" not in markdown and "Zukunft" not in markdown  # filtered out
    assert "Offene Frage" in markdown  # the colour's meaning as the user named it
    with qtbot.waitSignal(pane.message, timeout=TIMEOUT) as blocker:
        pane.copy_action.trigger()
    assert blocker.args[0] == "2 notes copied as Markdown."
    assert QApplication.clipboard().text() == markdown


def test_an_edited_note_changes_its_row_in_place(qtbot: Any, settings: QSettings) -> None:
    model = NotesListModel(ColorPalette(settings))
    rows = [_note(n) for n in range(5)]
    assert model.set_notes(rows)  # first load: a reset
    edited = list(rows)
    old = rows[2]
    edited[2] = NoteRow(replace(old.annotation, note="Neu"), old.article_title, None, None, old.created_at)
    with qtbot.assertNotEmitted(model.modelReset), qtbot.waitSignal(model.dataChanged) as blocker:
        assert not model.set_notes(edited)
    assert blocker.args[0].row() == 2 and model.note(model.index(2)).annotation.note == "Neu"
    with qtbot.waitSignal(model.modelReset):
        assert model.set_notes([_note(9), *edited])  # a new note: reset


def test_cards_wrap_and_elide_only_the_title(qapp: QApplication) -> None:
    metrics = QFontMetrics(QFont())
    width = metrics.horizontalAdvance("M" * 20)
    text = " ".join(["Sicherheitsgarantien"] * 12)
    lines = wrap_lines(text, metrics, width, 3)
    assert len(lines) == 3 and lines[-1].endswith("…")
    assert all(metrics.horizontalAdvance(line) <= width for line in lines)
    assert wrap_lines("kurz", metrics, width, 3) == ["kurz"]
    row = _note(1)
    row = NoteRow(row.annotation, "Ein sehr langer Titel " * 8, None, None, "2026-01-02T10:00:00+00:00")
    footer = footer_line(row, "Important", metrics, metrics.horizontalAdvance("M" * 40))
    assert footer.startswith("Important · Ein sehr") and footer.endswith("#nato/planung")
    assert "…" in footer and "2026-01-02" in footer

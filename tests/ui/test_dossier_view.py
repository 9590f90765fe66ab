"""Actor dossiers in the window: opened by double-click, their contents, export, and the way back
to the text; they follow corrections made while they are open."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt

from desktop.services.dossier import load_dossier
from desktop.services.queries import list_actors
from desktop.ui import dossier_view
from desktop.ui.context import AppContext
from desktop.ui.crash import Messages
from desktop.ui.dossier_models import RowTableModel, role_spans
from desktop.ui.dossier_view import DossierWindow
from desktop.ui.main_window import MainWindow
from desktop.ui.timeline_chart import TimelineChart
from tests.ui.quote_support import SECOND, TEXT, import_quoted
from tests.ui.reader_support import TIMEOUT, open_article, span_of


@pytest.fixture
def window(qtbot: Any, ctx: AppContext) -> Iterator[MainWindow]:
    """The real window with two articles in which Anna Berg speaks; the first one open."""
    first = import_quoted(ctx)
    import_quoted(ctx, SECOND)
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    open_article(qtbot, win.reader, first)
    yield win
    win.close()
    ctx.tasks.wait(TIMEOUT)


def double_click(qtbot: Any, widget: Any, point: Any) -> None:
    """A real double click: press and release, then the double click (item views check the press)."""
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=point)
    qtbot.mouseDClick(widget, Qt.MouseButton.LeftButton, pos=point)


def _actor(ctx: AppContext, name: str) -> int:
    with ctx.library.read_session() as session:
        return next(a.id for a in list_actors(session) if a.name == name)


def _open_from_sidebar(qtbot: Any, window: MainWindow, actor_id: int) -> DossierWindow:
    sidebar = window.sidebar
    assert sidebar.actors.select_actor(actor_id)  # type: ignore[attr-defined]
    tree = sidebar.actors.tree  # type: ignore[attr-defined]
    rect = tree.visualRect(tree.currentIndex())
    double_click(qtbot, tree.viewport(), rect.center())
    dossier = window.analysis.dossier_window()
    qtbot.waitUntil(
        lambda: dossier.dossier() is not None and dossier.dossier().actor.id == actor_id, timeout=TIMEOUT
    )  # type: ignore[union-attr]
    return dossier


def test_double_click_in_the_sidebar_opens_the_dossier_with_everything(
    qtbot: Any, ctx: AppContext, window: MainWindow, qtmodeltester: Any
) -> None:
    anna = _actor(ctx, "Anna Berg")
    dossier = _open_from_sidebar(qtbot, window, anna)
    assert dossier.isVisible()
    expected = load_dossier(ctx.library, anna)
    assert dossier.name_label.text() == "Anna Berg"
    assert "2 articles" in dossier.facts_label.text() and "2 statements" in dossier.facts_label.text()
    assert [q.text for q in dossier.quotes_model.rows()] == [q.text for q in expected.quotes]
    assert [q.text for q in dossier.quotes_model.rows()] == [
        "Wir werden die Brücke bis zum Sommer fertigstellen",
        "Die Finanzierung steht",
    ]
    assert [a.id for a in dossier.articles_model.rows()] == [a.id for a in expected.articles]
    related = {r.name: r.sentences for r in dossier.related_model.rows()}
    assert related.get("Tomas Lindqvist", 0) >= 2
    assert dossier.tabs.tabText(0) == "What they said (2)"
    buckets = dossier.timeline.buckets()
    assert sum(b.articles for b in buckets) == 2
    assert sum(b.by_import_date for b in buckets) == 2  # pasted text has no publication date
    assert "without a publication date" in dossier.timeline_note.text()
    for model in (dossier.quotes_model, dossier.articles_model, dossier.related_model, dossier.roles_model):
        qtmodeltester.check(model)
    qtmodeltester.check(dossier.notes_model)


def test_a_statement_in_the_dossier_opens_its_place_in_the_text(
    qtbot: Any, ctx: AppContext, window: MainWindow
) -> None:
    dossier = _open_from_sidebar(qtbot, window, _actor(ctx, "Anna Berg"))
    second = next(q for q in dossier.quotes_model.rows() if q.text == "Die Finanzierung steht")
    row = dossier.quotes_model.rows().index(second)
    view = dossier.quotes_view
    rect = view.visualRect(dossier.quotes_model.index(row, 1))
    with qtbot.waitSignal(window.analysis.places.revealed, timeout=TIMEOUT) as shown:  # type: ignore[union-attr]
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert shown.args == [second.article_id, second.start, second.end]
    assert window.reader.current_article_id() == second.article_id
    assert window.reader.selected_range() == (second.start, second.end)  # type: ignore[attr-defined]
    assert window.library_pane.selected_article_id() == second.article_id


def test_related_actors_lead_to_their_dossier_and_back(
    qtbot: Any, ctx: AppContext, window: MainWindow
) -> None:
    anna, tomas = _actor(ctx, "Anna Berg"), _actor(ctx, "Tomas Lindqvist")
    dossier = _open_from_sidebar(qtbot, window, anna)
    row = next(n for n, r in enumerate(dossier.related_model.rows()) if r.actor_id == tomas)
    rect = dossier.related_view.visualRect(dossier.related_model.index(row, 0))
    with qtbot.waitSignal(dossier.loaded, timeout=TIMEOUT) as loaded:
        double_click(qtbot, dossier.related_view.viewport(), rect.center())
    assert loaded.args == [tomas] and dossier.name_label.text() == "Tomas Lindqvist"
    assert dossier.back_button.isEnabled()
    with qtbot.waitSignal(dossier.loaded, timeout=TIMEOUT) as loaded:
        dossier.back_button.click()
    assert loaded.args == [anna]


def test_a_double_click_on_a_name_in_the_text_opens_its_dossier(
    qtbot: Any, ctx: AppContext, window: MainWindow
) -> None:
    reader = window.reader
    start, _end = span_of(TEXT, "Tomas Lindqvist")
    layout = reader.layout_info()  # type: ignore[attr-defined]
    from PySide6.QtGui import QTextCursor

    cursor = QTextCursor(reader.browser.document())  # type: ignore[attr-defined]
    cursor.setPosition(layout.qt_pos(start + 2))
    point = reader.browser.cursorRect(cursor).center()  # type: ignore[attr-defined]
    qtbot.mouseDClick(reader.browser.viewport(), Qt.MouseButton.LeftButton, pos=point)  # type: ignore[attr-defined]
    dossier = window.analysis.dossier_window()
    tomas = _actor(ctx, "Tomas Lindqvist")
    qtbot.waitUntil(
        lambda: dossier.dossier() is not None and dossier.dossier().actor.id == tomas, timeout=TIMEOUT
    )  # type: ignore[union-attr]


def test_the_library_actor_filter_opens_the_chosen_actors_dossier(
    qtbot: Any, ctx: AppContext, window: MainWindow
) -> None:
    pane = window.library_pane
    action = window.analysis.filter_dossier_action
    assert not action.isVisible()
    bank = _actor(ctx, "Nordhafen Bank")
    qtbot.waitUntil(lambda: pane.actor_combo.findData(bank) >= 0, timeout=TIMEOUT)
    pane.actor_combo.setCurrentIndex(pane.actor_combo.findData(bank))
    assert action.isVisible()
    assert action in pane.actor_combo.lineEdit().actions()
    action.trigger()
    dossier = window.analysis.dossier_window()
    qtbot.waitUntil(
        lambda: dossier.dossier() is not None and dossier.dossier().actor.id == bank, timeout=TIMEOUT
    )  # type: ignore[union-attr]


def test_export_writes_markdown_and_never_replaces_a_file_unasked(
    qtbot: Any, ctx: AppContext, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dossier = _open_from_sidebar(qtbot, window, _actor(ctx, "Anna Berg"))
    target = tmp_path / "anna.md"
    monkeypatch.setattr(DossierWindow, "choose_file", classmethod(lambda cls, parent, suggested: str(target)))
    with qtbot.waitSignal(dossier.exported, timeout=TIMEOUT) as done:
        dossier.export_button.click()
    assert done.args == [str(target)]
    text = target.read_text(encoding="utf-8")
    assert text.startswith("---\n") and "Anna Berg" in text
    assert "Wir werden die Brücke bis zum Sommer fertigstellen" in text
    assert "briefing-reader://article/" in text
    target.write_text("mine", encoding="utf-8")
    questions: list[str] = []
    monkeypatch.setattr(
        Messages, "ask", classmethod(lambda cls, parent, title, q: questions.append(q) or False)
    )
    dossier.export_button.click()
    assert questions and "already exists" in questions[0]
    assert target.read_text(encoding="utf-8") == "mine"
    monkeypatch.setattr(Messages, "ask", classmethod(lambda cls, parent, title, q: True))
    with qtbot.waitSignal(dossier.exported, timeout=TIMEOUT):
        dossier.export_button.click()
    assert "Anna Berg" in target.read_text(encoding="utf-8")


def test_a_long_dossier_lists_the_newest_first_and_everything_on_request(
    qtbot: Any, ctx: AppContext, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The lists are loaded up to LISTED rows (here 1) with the totals beside; Show all loads every row;
    the export writes every row either way."""
    monkeypatch.setattr(dossier_view, "LISTED", 1)
    anna = _actor(ctx, "Anna Berg")
    dossier = _open_from_sidebar(qtbot, window, anna)
    whole = load_dossier(ctx.library, anna)
    assert len(whole.quotes) == 2
    assert dossier.quotes_model.rowCount() == 1
    assert dossier.quotes_model.rows()[0].text == whole.quotes[-1].text  # the newest
    assert dossier.tabs.tabText(0) == "What they said (1 of 2)"
    assert "2 articles" in dossier.facts_label.text() and "2 statements" in dossier.facts_label.text()
    assert sum(b.articles for b in dossier.timeline.buckets()) == 2  # the whole timeline
    assert dossier.all_button.isVisibleTo(dossier) and "newest 1" in dossier.status_label.text()
    target = tmp_path / "anna.md"
    monkeypatch.setattr(DossierWindow, "choose_file", classmethod(lambda cls, parent, suggested: str(target)))
    with qtbot.waitSignal(dossier.exported, timeout=TIMEOUT):
        dossier.export_button.click()
    text = target.read_text(encoding="utf-8")
    assert all(q.text in text for q in whole.quotes) and "of 2" not in text
    with qtbot.waitSignal(dossier.loaded, timeout=TIMEOUT):
        dossier.all_button.click()
    assert [q.text for q in dossier.quotes_model.rows()] == [q.text for q in whole.quotes]
    assert dossier.tabs.tabText(0) == "What they said (2)"
    assert not dossier.all_button.isVisibleTo(dossier) and dossier.status_label.text() == ""
    with qtbot.waitSignal(dossier.loaded, timeout=TIMEOUT):
        dossier.refresh()  # a change in the library: still every row
    assert dossier.quotes_model.rowCount() == 2


def test_an_open_dossier_follows_a_rename_and_a_quote_correction(
    qtbot: Any, ctx: AppContext, window: MainWindow
) -> None:
    anna = _actor(ctx, "Anna Berg")
    dossier = _open_from_sidebar(qtbot, window, anna)
    with qtbot.waitSignal(dossier.loaded, timeout=TIMEOUT):
        window.sidebar.actors.rename_actor(anna, "Anna Berg-Olsen")  # type: ignore[attr-defined]
    assert dossier.name_label.text() == "Anna Berg-Olsen"
    quotes = window.sidebar.quotes  # type: ignore[attr-defined]
    quote = next(q for q in quotes.quotes() if q.speaker_id == anna)
    with qtbot.waitSignal(dossier.loaded, timeout=TIMEOUT):
        window.reader.analysis_edits.reject_quote(quote.id)  # type: ignore[attr-defined]
    assert [q.text for q in dossier.quotes_model.rows()] == ["Die Finanzierung steht"]
    with qtbot.waitSignal(dossier.loaded, timeout=TIMEOUT):
        ctx.undo_stack.undo()
    assert len(dossier.quotes_model.rows()) == 2


def test_roles_are_listed_once_with_their_dates() -> None:
    from desktop.services.dto import DossierRole

    spans = role_spans(
        [
            DossierRole("Ministerin", 1, "2025-01-02"),
            DossierRole("Ministerin", 2, "2025-03-04"),
            DossierRole("Sprecherin", 3, None),
        ]
    )
    assert [(s.role, s.first, s.last, s.articles) for s in spans] == [
        ("Ministerin", "2025-01-02", "2025-03-04", 2),
        ("Sprecherin", "undated", "undated", 1),
    ]


def test_the_row_model_passes_the_modeltester_empty_and_filled(qtmodeltester: Any) -> None:
    from desktop.services.dto import RelatedActor
    from desktop.ui.dossier_models import related_columns

    model: RowTableModel[RelatedActor] = RowTableModel(related_columns())
    qtmodeltester.check(model)
    model.set_rows([RelatedActor(1, "A", "person", 3, 2), RelatedActor(2, "B", "organization", 1, 1)])
    qtmodeltester.check(model)
    assert model.index(0, 2).data(Qt.ItemDataRole.TextAlignmentRole) is not None
    assert model.row_object(QModelIndex()) is None


def test_the_timeline_chart_draws_one_bar_per_period(qtbot: Any) -> None:
    from desktop.core.timeline import timeline

    chart = TimelineChart()
    qtbot.addWidget(chart)
    chart.resize(400, 140)
    buckets = timeline([("2025-01-05", False), ("2025-03-02", False), ("2025-03-20", True)], "month")
    chart.set_buckets(buckets)
    assert [b.period for b in chart.buckets()] == ["2025-01", "2025-02", "2025-03"]
    assert chart.bar_rect(1).isEmpty()
    assert chart.bar_rect(2).height() == pytest.approx(2 * chart.bar_rect(0).height())
    assert chart.bucket_at(chart.bar_rect(2).center().x()) == 2
    assert "1 dated by import" in chart.summary()
    image = chart.grab().toImage()
    center = chart.bar_rect(0).center().toPoint()
    assert image.pixelColor(center) != chart.palette().color(chart.backgroundRole())


def test_open_dossier_and_relations_follow_an_import(
    qtbot: Any, ctx: AppContext, window: MainWindow, tmp_path: Path
) -> None:
    anna = _actor(ctx, "Anna Berg")
    dossier = _open_from_sidebar(qtbot, window, anna)
    relations = window.analysis.network_window()
    relations.show()
    with qtbot.waitSignal(relations.loaded, timeout=TIMEOUT):
        relations.set_scope("library", 1)
    before = len(relations.network().nodes)  # type: ignore[union-attr]
    news = tmp_path / "neu.txt"
    news.write_text("Neue Meldung\nAnna Berg traf Greta Holm in Weissfeld.\n", encoding="utf-8")
    ctx.model.names["Greta Holm"] = "person"  # type: ignore[union-attr]
    with (
        qtbot.waitSignal(dossier.loaded, timeout=TIMEOUT),
        qtbot.waitSignal(relations.loaded, timeout=TIMEOUT),
    ):
        window.import_paths([news])
    assert len(dossier.articles_model.rows()) == 3
    assert "Greta Holm" in [r.name for r in dossier.related_model.rows()]
    assert len(relations.network().nodes) == before + 1  # type: ignore[union-attr]


def test_the_text_menu_offers_the_dossier_of_the_name_and_the_article_details(
    qtbot: Any, ctx: AppContext, window: MainWindow
) -> None:
    from PySide6.QtWidgets import QMenu

    reader = window.reader
    menu = QMenu()
    for hook in reader._menu_hooks:  # type: ignore[attr-defined]
        hook(menu, span_of(TEXT, "Anna Berg")[0] + 1)
    texts = [a.text() for a in menu.actions()]
    assert "Open Dossier" in texts and "Edit Article &Details…" in texts
    next(a for a in menu.actions() if a.text() == "Open Dossier").trigger()
    dossier = window.analysis.dossier_window()
    anna = _actor(ctx, "Anna Berg")
    qtbot.waitUntil(
        lambda: dossier.dossier() is not None and dossier.dossier().actor.id == anna, timeout=TIMEOUT
    )  # type: ignore[union-attr]

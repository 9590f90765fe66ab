"""Editing an article's title, date and source from the window; older articles analysed at start."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QDialogButtonBox
from sqlalchemy import delete, update

from desktop.services import reanalysis as reanalysis_service
from desktop.services.article_meta import ArticleMeta, article_meta
from desktop.services.quotes import load_quotes, outdated_articles
from desktop.storage.models import Article, Quote
from desktop.ui.article_meta_dialog import ArticleMetaDialog, MetaValues
from desktop.ui.context import AppContext
from desktop.ui.main_window import MainWindow
from tests.ui.quote_support import SECOND, import_quoted
from tests.ui.reader_support import TIMEOUT, open_article


@pytest.fixture
def window(qtbot: Any, ctx: AppContext) -> Iterator[MainWindow]:
    first = import_quoted(ctx)
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    open_article(qtbot, win.reader, first)
    yield win
    win.close()
    ctx.tasks.wait(TIMEOUT)


def test_the_dialog_says_what_is_wrong_under_the_field(qtbot: Any) -> None:
    dialog = ArticleMetaDialog(ArticleMeta("Titel", None, None))
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok.isEnabled()
    dialog.date_edit.setText("4.9.2025")
    assert not ok.isEnabled()
    assert "YYYY-MM-DD" in dialog.errors["date"].text() and not dialog.errors["date"].isHidden()
    dialog.date_edit.setText("2025-02-30")
    assert not ok.isEnabled()
    dialog.date_edit.setText("2025-09-04")
    assert ok.isEnabled() and dialog.errors["date"].isHidden()
    dialog.title_edit.setText("   ")
    assert not ok.isEnabled() and "empty" in dialog.errors["title"].text()
    dialog.title_edit.setText("Neuer\nTitel ")
    dialog.outlet_edit.setText("x" * 201)
    assert not ok.isEnabled() and "200" in dialog.errors["outlet"].text()
    dialog.outlet_edit.setText("  Weissfelder Zeitung ")
    assert dialog.validate()
    assert dialog.values() == MetaValues("Neuer Titel", "2025-09-04", "Weissfelder Zeitung")


def test_edit_details_from_the_window_is_undoable(
    qtbot: Any, ctx: AppContext, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    article_id = window.current_article_id()
    assert article_id is not None
    before = article_meta(ctx.library, article_id)
    seen: list[ArticleMeta] = []

    def ask(cls: Any, parent: Any, meta: ArticleMeta, imported: str = "") -> MetaValues:
        seen.append(meta)
        return MetaValues("Brücke fertig bis Sommer", "2025-09-04", "Weissfelder Zeitung")

    monkeypatch.setattr(ArticleMetaDialog, "ask", classmethod(ask))
    reader = window.reader
    with qtbot.waitSignal(reader.rendered, timeout=TIMEOUT):
        window.analysis.details_action.trigger()
    assert seen == [before]
    assert article_meta(ctx.library, article_id) == ArticleMeta(
        "Brücke fertig bis Sommer", "2025-09-04", "Weissfelder Zeitung"
    )
    assert "Weissfelder Zeitung" in reader.browser.toPlainText()  # type: ignore[attr-defined]
    model = window.library_pane.model
    qtbot.waitUntil(lambda: model.index_of(article_id).data() == "Brücke fertig bis Sommer", timeout=TIMEOUT)
    assert ctx.undo_stack.undoText() == "Edit article details"
    with qtbot.waitSignal(reader.rendered, timeout=TIMEOUT):
        ctx.undo_stack.undo()
    assert article_meta(ctx.library, article_id) == before
    with qtbot.waitSignal(reader.rendered, timeout=TIMEOUT):
        ctx.undo_stack.redo()
    assert article_meta(ctx.library, article_id).published == "2025-09-04"


def test_the_library_list_offers_the_details_in_its_context_menu(
    qtbot: Any, ctx: AppContext, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    article_id = window.current_article_id()
    view = window.library_pane.view
    qtbot.waitUntil(lambda: window.library_pane.selected_article_id() == article_id, timeout=TIMEOUT)
    action = next(a for a in view.actions() if a.text() == "Edit Title, Date and Source…")
    asked: list[ArticleMeta] = []
    monkeypatch.setattr(
        ArticleMetaDialog, "ask", classmethod(lambda cls, parent, meta, imported="": asked.append(meta))
    )
    action.trigger()
    qtbot.waitUntil(lambda: bool(asked), timeout=TIMEOUT)
    assert asked[0].title == article_meta(ctx.library, article_id).title  # type: ignore[arg-type]
    assert ctx.undo_stack.count() == 0  # cancelled: nothing changed


def _make_outdated(ctx: AppContext) -> None:
    with ctx.library.session() as session:
        session.execute(delete(Quote))
        session.execute(update(Article).values(analysis_version=0))


def test_older_articles_get_their_quotes_in_the_background_at_start(
    qtbot: Any, ctx: AppContext, window: MainWindow
) -> None:
    import_quoted(ctx, SECOND)
    _make_outdated(ctx)
    assert outdated_articles(ctx.library) == 2
    runner = window.analysis.reanalysis
    reader = window.reader
    with (
        qtbot.waitSignal(runner.finished, timeout=TIMEOUT) as done,
        qtbot.waitSignal(reader.rendered, timeout=TIMEOUT),
    ):
        window.startup_done.emit()  # the window's start-up is over: older articles are looked at
    assert len(done.args[0]) == 2
    assert outdated_articles(ctx.library) == 0
    assert load_quotes(ctx.library)  # found again (by the real quote finder)
    assert len(reader.detail().quotes) == len(
        load_quotes(ctx.library, article_id=reader.current_article_id())
    )  # type: ignore[attr-defined,union-attr]
    assert not runner.is_running() and runner.progress.isHidden()


def test_the_background_analysis_can_be_cancelled(
    qtbot: Any, ctx: AppContext, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    _make_outdated(ctx)
    started = threading.Event()

    class Waiting:
        def __init__(self, library: Any) -> None:
            pass

        def run(self, ids: list[int], *, entities: bool, progress: Any, cancelled: Any) -> list[Any]:
            progress(0, len(ids), "")
            started.set()
            while not cancelled():
                threading.Event().wait(
                    0.01
                )  # a worker thread waiting for Cancel, as an article would take time
            return []

    monkeypatch.setattr(reanalysis_service, "Reanalyzer", Waiting)  # imported when the work starts
    runner = window.analysis.reanalysis
    runner.start()
    qtbot.waitUntil(lambda: runner.cancel_button.isVisible(), timeout=TIMEOUT)
    assert "older articles" in runner.label.text()
    with qtbot.waitSignal(runner.finished, timeout=TIMEOUT) as done:
        runner.cancel_button.click()
    assert done.args == [[]]
    assert not runner.is_running() and runner.cancel_button.isHidden()
    assert outdated_articles(ctx.library) == 1  # nothing done; the next start goes on

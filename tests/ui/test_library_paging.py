"""The library list pages from the database: more on scroll, SQL sorting, search, refresh in place."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView
from sqlalchemy import insert

from desktop.services.library_filters import LibraryFilter
from desktop.storage.db import Library
from desktop.storage.models import Actor, Article, Mention
from desktop.storage.search import index_article
from desktop.ui.context import AppContext
from desktop.ui.library_model import TITLE
from desktop.ui.library_paging import PAGE_SIZE, PagedArticleModel
from desktop.ui.library_view import LibraryPane

TIMEOUT = 10000
COUNT = PAGE_SIZE * 2 + 50
WORDS = ["Hafen", "Werft", "Kran", "Schiff", "Dock"]


def _fill(library: Library, first: int, count: int) -> list[int]:
    rows = [
        {
            "title": f"{WORDS[n % len(WORDS)]} Bericht {n:04d}",
            "text": f"Meldung {n}: {WORDS[n % len(WORDS)]} und Lager.",
            "language": "de",
            "format": "txt",
            "content_hash": f"{n:064x}",
        }
        for n in range(first, first + count)
    ]
    with library.session() as session:
        session.execute(insert(Article), rows)
        ids = list(
            session.scalars(Article.__table__.select().with_only_columns(Article.id).order_by(Article.id))
        )
        for article_id in ids[-count:]:
            article = session.get(Article, article_id)
            assert article is not None
            index_article(session, article_id, article.title, article.text)
    return ids[-count:]


@pytest.fixture
def big(library: Library) -> list[int]:
    ids = _fill(library, 0, COUNT)
    with library.session() as session:
        session.execute(insert(Actor), [{"name": "Anna Berg", "type": "person"}])
        session.execute(
            insert(Mention),
            [
                {"article_id": i, "actor_id": 1, "start": 0, "end": 4, "text": "Anna", "type": "person"}
                for i in ids[::10]
            ],
        )
    return ids


@pytest.fixture
def pane(qtbot: Any, ctx: AppContext, big: list[int]) -> Iterator[LibraryPane]:
    widget = LibraryPane(ctx)
    qtbot.addWidget(widget)
    widget.resize(700, 500)
    widget.show()
    qtbot.waitExposed(widget)
    with qtbot.waitSignals([widget.model.page_loaded, widget.model.counted], timeout=TIMEOUT):
        widget.refresh()
    yield widget
    ctx.tasks.wait(TIMEOUT)


def _ids(pane: LibraryPane) -> list[int]:
    return pane.listed_article_ids()


def test_the_paged_model_passes_the_model_tester(
    qtbot: Any, qtmodeltester: Any, ctx: AppContext, big: list[int]
) -> None:
    model = PagedArticleModel(ctx.tasks, ctx.library)
    with qtbot.waitSignals([model.page_loaded, model.counted], timeout=TIMEOUT):
        model.refresh()
    assert model.rowCount() == PAGE_SIZE and model.total() == COUNT and model.can_fetch_more()
    qtmodeltester.check(model)
    ctx.tasks.wait(TIMEOUT)


def test_the_first_page_comes_first_and_scrolling_fetches_more(
    qtbot: Any, pane: LibraryPane, big: list[int]
) -> None:
    listed = _ids(pane)
    assert len(listed) >= PAGE_SIZE and listed == sorted(big, reverse=True)[: len(listed)]  # newest first
    assert pane.count_label.full_text() == f"{COUNT} articles"
    assert pane.model.rowCount() < COUNT
    pane.view.scrollToBottom()
    qtbot.waitUntil(lambda: pane.model.rowCount() >= 2 * PAGE_SIZE, timeout=TIMEOUT)
    pane.view.scrollToBottom()
    qtbot.waitUntil(lambda: pane.model.rowCount() == COUNT, timeout=TIMEOUT)
    assert _ids(pane) == sorted(big, reverse=True)  # each article once, in order
    assert not pane.model.can_fetch_more()


def test_clicking_a_header_sorts_in_sql(qtbot: Any, pane: LibraryPane, ctx: AppContext) -> None:
    header = pane.view.header()
    with qtbot.waitSignal(pane.model.page_loaded, timeout=TIMEOUT):
        header.setSortIndicator(TITLE, Qt.SortOrder.AscendingOrder)
    titles = [pane.model.index(r, TITLE).data() for r in range(pane.model.rowCount())]
    with ctx.library.read_session() as session:
        everything = sorted(session.scalars(Article.__table__.select().with_only_columns(Article.title)))
    assert titles == sorted(everything, key=str.casefold)[:PAGE_SIZE]
    with qtbot.waitSignal(pane.model.page_loaded, timeout=TIMEOUT):
        header.setSortIndicator(TITLE, Qt.SortOrder.DescendingOrder)
    assert pane.model.index(0, TITLE).data() == max(everything, key=str.casefold)


def test_search_pages_and_clearing_restores_the_list(qtbot: Any, pane: LibraryPane, big: list[int]) -> None:
    first_page = _ids(pane)
    with qtbot.waitSignal(pane.search_finished, timeout=TIMEOUT) as blocker:
        pane.set_search_text("werft")
    assert blocker.args == ["werft", COUNT // len(WORDS)]
    assert all("Werft" in pane.model.index(r, TITLE).data() for r in range(pane.model.rowCount()))
    with qtbot.waitSignal(pane.search_finished, timeout=TIMEOUT) as blocker:
        pane.set_search_text("lager")  # in every article: the first page, then more on scrolling
    assert blocker.args == ["lager", PAGE_SIZE] and pane.model.rowCount() == PAGE_SIZE
    pane.view.scrollToBottom()
    qtbot.waitUntil(lambda: pane.model.rowCount() == COUNT, timeout=TIMEOUT)
    assert sorted(_ids(pane)) == sorted(big)
    with qtbot.waitSignal(pane.search_finished, timeout=TIMEOUT) as blocker:
        pane.set_search_text("")
    assert blocker.args == ["", 0]
    listed = _ids(pane)
    assert len(listed) >= PAGE_SIZE and listed == first_page[: len(listed)]  # the list as it was
    assert pane.count_label.full_text() == f"{COUNT} articles"


def test_the_actor_filter_and_its_suggestions(qtbot: Any, pane: LibraryPane, big: list[int]) -> None:
    qtbot.waitUntil(lambda: pane.actor_combo.findData(1) > 0, timeout=TIMEOUT)
    with qtbot.waitSignal(pane.filter_finished, timeout=TIMEOUT) as blocker:
        pane.set_filter(LibraryFilter(actor_id=1))
    assert blocker.args == [len(big[::10])]
    assert set(_ids(pane)) == set(big[::10])
    assert pane.count_label.full_text() == f"{len(big[::10])} of {COUNT} articles"
    bar = pane.filters
    field = pane.actor_combo.lineEdit()
    with qtbot.waitSignal(bar.actors_suggested, timeout=TIMEOUT):
        field.setText("berg")
        field.textEdited.emit("berg")
    assert [bar.actor_matches.item(r).text() for r in range(bar.actor_matches.rowCount())] == ["Anna Berg"]
    with qtbot.waitSignal(bar.actors_suggested, timeout=TIMEOUT):
        field.setText("nobody")
        field.textEdited.emit("nobody")
    assert bar.actor_matches.rowCount() == 0


def test_an_outside_import_refreshes_only_new_rows_and_keeps_the_selection(
    qtbot: Any, pane: LibraryPane, ctx: AppContext, big: list[int]
) -> None:
    pane.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    target = _ids(pane)[5]
    opened: list[int] = []
    pane.article_selected.connect(lambda article_id, _q: opened.append(article_id))
    pane.view.setCurrentIndex(pane.model.index_of(target))
    assert opened == [target]
    resets: list[int] = []
    inserted: list[tuple[int, int]] = []
    pane.model.modelReset.connect(lambda: resets.append(1))
    pane.model.rowsInserted.connect(lambda _p, first, last: inserted.append((first, last)))
    new = _fill(ctx.library, COUNT, 3)
    with qtbot.waitSignals([pane.model.page_loaded, pane.model.counted], timeout=TIMEOUT):
        pane.refresh(keep_view=True)
    assert resets == [] and inserted == [(0, 2)]
    assert _ids(pane)[:3] == sorted(new, reverse=True)
    assert pane.selected_article_id() == target and opened == [target]  # nothing else opened
    assert pane.count_label.full_text() == f"{COUNT + 3} articles"


def test_the_filter_choices_are_read_after_the_first_page(
    qtbot: Any, ctx: AppContext, big: list[int]
) -> None:
    widget = LibraryPane(ctx)
    qtbot.addWidget(widget)
    order: list[str] = []
    widget.first_page_shown.connect(lambda: order.append(f"shown {widget.model.rowCount()}"))
    widget.filters.choices_loaded.connect(lambda: order.append(f"choices {widget.model.rowCount()}"))
    widget.model.page_loaded.connect(lambda _q: order.append("page"))
    with qtbot.waitSignal(widget.choices_loaded, timeout=TIMEOUT):
        widget.refresh()
    assert order == [f"shown {PAGE_SIZE}", "page", f"choices {PAGE_SIZE}"]  # never two reads at once
    assert widget.actor_combo.findText("Anna Berg") > 0
    order.clear()
    with qtbot.waitSignal(widget.choices_loaded, timeout=TIMEOUT):
        widget.refresh()  # after an import or an edit: the page first again, shown only once
    assert order == ["page", f"choices {PAGE_SIZE}"]
    ctx.tasks.wait(TIMEOUT)

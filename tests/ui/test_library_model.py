"""The library list model, its proxy, the import report model and the library filter queries."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, QModelRoleData, QModelRoleDataSpan, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem
from sqlalchemy import insert

from desktop.services.annotations import create_annotation
from desktop.services.dto import ArticleRow, ImportResult, SearchHit
from desktop.services.library_filters import LibraryFilter, actor_choices, filter_article_ids, tags_in_use
from desktop.storage.db import Library
from desktop.storage.models import Actor, Article, Mention
from desktop.ui.import_report import ImportReport, ImportResultModel, summarize
from desktop.ui.library_delegate import fit_first_hit, snippet_segments
from desktop.ui.library_model import (
    DATE,
    NOTES,
    SOURCE,
    TITLE,
    ArticleIdRole,
    ArticleListModel,
    RankRole,
    RowRole,
    SnippetHitsRole,
    SnippetRole,
    SortRole,
    source_label,
)
from desktop.ui.library_paging import PagedArticleModel

RIGHT = Qt.AlignmentFlag.AlignRight


def row(
    n: int,
    *,
    title: str | None = None,
    notes: int = 0,
    published: str | None = None,
    source: str | None = None,
) -> ArticleRow:
    return ArticleRow(
        n,
        title or f"Article {n}",
        "de",
        source or f"/tmp/folder/file{n}.txt",
        published,
        notes,
        f"2024-05-0{n % 9 + 1}T10:00:00",
    )


def ids(model: Any) -> list[int]:
    return [model.index(r, TITLE).data(ArticleIdRole) for r in range(model.rowCount())]


def test_article_model_passes_the_model_tester(qtmodeltester: Any) -> None:
    model = ArticleListModel()
    model.set_rows([row(3, notes=2, published="2023-01-02"), row(2), row(1)])
    qtmodeltester.check(model)


def test_columns_roles_and_display() -> None:
    model = ArticleListModel()
    model.set_rows(
        [ArticleRow(7, "Title", "en", "https://www.example.org/a/b", "2024-02-03", 4, "2024-05-01T00:00")]
    )
    index = model.index(0, TITLE)
    assert index.data() == "Title"
    assert index.data(ArticleIdRole) == 7
    assert isinstance(index.data(RowRole), ArticleRow)
    assert model.index(0, SOURCE).data() == "example.org"
    assert model.index(0, DATE).data() == "2024-02-03"
    assert model.index(0, NOTES).data() == "4"
    assert model.index(0, NOTES).data(SortRole) == 4
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Title"


def test_multi_data_answers_as_data_does() -> None:
    model = ArticleListModel()
    model.set_rows([row(3, notes=2, published="2023-01-02"), row(2, source="https://example.org/x")])
    model.set_search_results([SearchHit(2, "Article 2", "a hit", 1.0, hits=((2, 5),))])
    roles = [int(r) for r in Qt.ItemDataRole if r < Qt.ItemDataRole.UserRole] + [
        int(r) for r in (ArticleIdRole, SnippetRole, SortRole, RankRole, RowRole, SnippetHitsRole)
    ]
    for r in range(model.rowCount()):
        for column in range(model.columnCount()):
            index = model.index(r, column)
            cells = [QModelRoleData(role) for role in roles]
            for cell in cells:
                model.multiData(index, QModelRoleDataSpan(cell))
            for role, cell in zip(roles, cells, strict=True):
                expected, got = model.data(index, role), cell.data()
                if isinstance(expected, QFont):
                    assert isinstance(got, QFont) and got.bold() == expected.bold()
                elif expected is None or not isinstance(expected, str | int | tuple | ArticleRow):
                    assert (got is None) == (expected is None)
                else:
                    assert got == expected
    model.multiData(QModelIndex(), QModelRoleDataSpan(QModelRoleData(0)))  # no exception escapes
    model.multiData(model.index(0, 0).siblingAtColumn(99), QModelRoleDataSpan(QModelRoleData(0)))


def test_multi_data_clears_what_a_cell_does_not_have() -> None:
    model = ArticleListModel()  # an unread title is bold; its neighbour cell is not
    model.set_rows([ArticleRow(1, "Neu", "de", None, None, 2, "2026-12-06T10:00:00")])
    delegate = QStyledItemDelegate()  # reuses one span of roles for every cell it asks about
    looks = []
    for column in (TITLE, SOURCE, DATE, NOTES):
        option = QStyleOptionViewItem()
        delegate.initStyleOption(option, model.index(0, column))
        looks.append(
            (option.text, option.font.bold(), option.font.italic(), bool(option.displayAlignment & RIGHT))
        )
    assert looks == [
        ("Neu", True, False, False),
        ("", False, False, False),
        (looks[2][0], False, True, False),
        ("2", False, False, True),
    ]


def test_display_texts_follow_changed_rows() -> None:
    model = ArticleListModel()
    model.set_rows([row(1, title="Alt")])
    assert model.index(0, TITLE).data() == "Alt"
    model.set_rows([row(1, title="Neu", notes=3)])  # the same article, changed
    assert model.index(0, TITLE).data() == "Neu" and model.index(0, NOTES).data() == "3"


def test_data_never_raises_on_bad_indexes() -> None:
    model = ArticleListModel()
    model.set_rows([row(1)])
    assert model.data(QModelIndex()) is None
    assert model.data(model.index(5, 0)) is None
    assert model.data(model.index(0, 99)) is None
    assert model.data(model.index(0, 0), 12345) is None


def test_incremental_update_uses_insert_and_remove_signals(qtmodeltester: Any, qtbot: Any) -> None:
    model = ArticleListModel()
    model.set_rows([row(3), row(2), row(1)])
    qtmodeltester.check(model)
    resets: list[int] = []
    inserted: list[tuple[int, int]] = []
    removed: list[tuple[int, int]] = []
    changed: list[int] = []
    model.modelReset.connect(lambda: resets.append(1))
    model.rowsInserted.connect(lambda _p, first, last: inserted.append((first, last)))
    model.rowsRemoved.connect(lambda _p, first, last: removed.append((first, last)))
    model.dataChanged.connect(lambda top, _b, _r=(): changed.append(top.row()))
    with qtbot.waitSignal(model.loaded):
        model.set_rows([row(5), row(4), row(3, notes=1), row(1)])
    assert resets == []
    assert inserted == [(0, 1)]
    assert removed == [(1, 1)]
    assert changed == [2]
    assert ids(model) == [5, 4, 3, 1]
    model.set_rows([row(1), row(3)])  # reordered: a reset
    assert resets == [1]
    assert ids(model) == [1, 3]


def test_search_results_give_snippets_hits_and_ranks() -> None:
    model = ArticleListModel()
    model.set_rows([row(3, title="Gamma"), row(1, title="Beta")])
    model.set_search_results(
        [SearchHit(3, "Gamma", "a «quoted» hit here", 2.0, hits=((11, 14),)), SearchHit(1, "Beta", "x", 1.0)]
    )
    assert model.hit_ids() == [3, 1]
    assert model.index(0, TITLE).data(RankRole) == 0
    assert model.index(0, TITLE).data(SnippetRole) == "a «quoted» hit here"
    assert model.index(0, TITLE).data(SnippetHitsRole) == ((11, 14),)
    assert "a «quoted» hit here" in model.index(0, TITLE).data(Qt.ItemDataRole.ToolTipRole)
    model.set_search_results(None)
    assert model.index(0, TITLE).data(SnippetRole) == "" and model.hit_ids() == []


def test_refresh_loads_in_the_background(qtbot: Any, qapp: Any, library: Library, qtmodeltester: Any) -> None:
    from desktop.ui.tasks import TaskRunner

    with library.session() as session:
        session.execute(
            insert(Article),
            [
                {
                    "title": f"T{i}",
                    "text": f"Text {i}",
                    "language": "de",
                    "format": "txt",
                    "content_hash": f"{i:064x}",
                }
                for i in range(3)
            ],
        )
    tasks = TaskRunner(qapp)
    model = PagedArticleModel(tasks, library)
    qtmodeltester.check(model)
    with qtbot.waitSignal(model.loaded, timeout=10000):
        model.refresh()
    assert model.rowCount() == 3
    assert ids(model) == [3, 2, 1]
    tasks.wait()


def test_import_result_model_and_report(qtmodeltester: Any, qtbot: Any) -> None:
    results = [
        ImportResult("/x/a.txt", "imported", 1, "A", "de"),
        ImportResult("/x/b.txt", "duplicate", 1, "A", "de", "same text"),
        ImportResult("/x/c.bin", "error", message="Files of type “.bin” cannot be imported."),
    ]
    model = ImportResultModel()
    model.add_results(results)
    qtmodeltester.check(model)
    assert model.index(2, 0).data() == "Failed"
    assert model.index(2, 2).data().startswith("Files of type")
    assert summarize(results) == "1 imported, 1 already in the library, 1 failed."
    report = ImportReport()
    qtbot.addWidget(report)
    report.show_results(results)
    assert report.isVisible() and not report.isModal()
    assert "c.bin" in report.as_text()


def test_snippet_helpers() -> None:
    assert snippet_segments("a b c d", ((2, 3), (6, 7))) == [
        ("a ", False),
        ("b", True),
        (" c ", False),
        ("d", True),
    ]
    assert snippet_segments("no hits", ()) == [("no hits", False)]
    # German quotation marks are text: shown, never bold, never taken for hit marks
    assert snippet_segments("er sagte «nein» und »ja«", ((10, 14),)) == [
        ("er sagte «", False),
        ("nein", True),
        ("» und »ja«", False),
    ]
    assert snippet_segments("short", ((3, 99), (4, 2))) == [("sho", False), ("rt", True)]
    assert source_label(row(1, source="C:\\docs\\file.pdf")) == ""  # a file's name or path is private
    assert source_label(row(1)) == ""
    metrics = QFontMetrics(QFont())
    long = [("word " * 40, False), ("hit", True), (" tail", False)]
    fitted = fit_first_hit(long, 200, metrics, metrics)
    assert fitted[0][0].startswith("… ") and fitted[1] == ("hit", True)
    assert metrics.horizontalAdvance(fitted[0][0]) + metrics.horizontalAdvance("hit") <= 200


# ---------------------------------------------------------------------- filter queries (no Qt)


@pytest.fixture
def filtered_library(library: Library) -> Library:
    with library.session() as session:
        session.execute(
            insert(Article),
            [
                {
                    "title": f"T{i}",
                    "text": f"Text number {i} here",
                    "language": "de",
                    "format": "txt",
                    "content_hash": f"{i:064x}",
                }
                for i in range(1, 4)
            ],
        )
        session.execute(
            insert(Actor),
            [{"name": "Anna Berg", "type": "person"}, {"name": "Weissfeld", "type": "location"}],
        )
        session.execute(
            insert(Mention),
            [
                {"article_id": 1, "actor_id": 1, "start": 0, "end": 4, "text": "Text", "type": "person"},
                {"article_id": 2, "actor_id": 1, "start": 0, "end": 4, "text": "Text", "type": "person"},
                {"article_id": 3, "actor_id": 2, "start": 0, "end": 4, "text": "Text", "type": "location"},
            ],
        )
    create_annotation(library, 1, quote="number", tags=["policy/energy"])
    create_annotation(library, 3, quote="here", tags=["policy"])
    create_annotation(library, 2, quote="Text")
    return library


def test_filter_queries(filtered_library: Library) -> None:
    with filtered_library.read_session() as session:
        assert tags_in_use(session) == ["policy", "policy/energy"]
        choices = actor_choices(session)
        assert [(c.name, c.articles) for c in choices] == [("Anna Berg", 2), ("Weissfeld", 1)]
        assert filter_article_ids(session, LibraryFilter()) is None
        assert filter_article_ids(session, LibraryFilter(tag="policy")) == {1, 3}
        assert filter_article_ids(session, LibraryFilter(tag="policy/energy")) == {1}
        assert filter_article_ids(session, LibraryFilter(actor_id=1)) == {1, 2}
        assert filter_article_ids(session, LibraryFilter(tag="policy", actor_id=1)) == {1}
        assert filter_article_ids(session, LibraryFilter(has_annotations=True)) == {1, 2, 3}
        assert filter_article_ids(session, LibraryFilter(tag="nothing")) == set()

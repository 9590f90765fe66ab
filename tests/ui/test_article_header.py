"""What the reader and the library list say about an article: outlet, author, which date; never a path."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication

from desktop.core.types import Document
from desktop.services import exporting
from desktop.services.annotations import create_annotation
from desktop.services.dto import ArticleRow
from desktop.services.importer import Importer
from desktop.ui.context import AppContext
from desktop.ui.library_columns import TITLE_MIN_WIDTH
from desktop.ui.library_model import DATE, LANGUAGE, NOTES, SOURCE, TITLE, ArticleListModel, source_label
from desktop.ui.library_view import LibraryPane
from tests.ui.reader_support import make_reader, open_article

STORED_NAME = "000_7f783bb47adde24b.txt"


def _import(ctx: AppContext, text: str, **meta: Any) -> int:
    document = Document(
        text=text,
        title=text.split("\n", 1)[0],
        language="de",
        format="txt",
        content_hash=hashlib.sha256(text.encode()).hexdigest(),
        **meta,
    )
    assert ctx.model is not None
    result = Importer(ctx.library, ctx.model).import_document(document)
    assert result.id is not None, result.message
    return result.id


def _meta_line(qtbot: Any, ctx: AppContext, article_id: int) -> str:
    reader = make_reader(qtbot, ctx)
    open_article(qtbot, reader, article_id)
    layout = reader.layout_info()
    assert layout is not None
    return reader.browser.document().findBlock(layout.body_start).previous().text()


def test_header_shows_outlet_author_and_publication_date_never_the_file(qtbot: Any, ctx: AppContext) -> None:
    article_id = _import(
        ctx,
        "Hafen wird ausgebaut\nAnna Berg sprach in Weissfeld.",
        outlet="Nordkurier",
        author="Lena Hofmann",
        published="2024-05-02",
        path=f"/opt/briefing/seeds/{STORED_NAME}",
    )
    meta = _meta_line(qtbot, ctx, article_id)
    assert "Nordkurier" in meta and "Lena Hofmann" in meta and "2024-05-02" in meta
    assert "imported" not in meta
    assert STORED_NAME not in meta and "/" not in meta.replace("https://", "")


def test_header_says_imported_when_there_is_no_publication_date(qtbot: Any, ctx: AppContext) -> None:
    article_id = _import(
        ctx, "Ohne Datum\nTomas Lindqvist schwieg.", path=f"/opt/briefing/seeds/{STORED_NAME}"
    )
    meta = _meta_line(qtbot, ctx, article_id)
    today = datetime.now(UTC).date().isoformat()
    assert f"imported {today}" in meta
    assert STORED_NAME not in meta and "briefing" not in meta


def test_header_names_the_site_of_a_web_article_without_outlet(qtbot: Any, ctx: AppContext) -> None:
    article_id = _import(
        ctx, "Web\nAnna Berg online.", source_url="https://www.example.org/a/b?x=1", published="2023-01-09"
    )
    assert _meta_line(qtbot, ctx, article_id).startswith("example.org")


def test_exports_never_carry_a_local_path(ctx: AppContext) -> None:
    article_id = _import(ctx, "Export\nAnna Berg exportiert.", path=f"/opt/briefing/seeds/{STORED_NAME}")
    create_annotation(ctx.library, article_id, quote="exportiert")
    markdown = exporting.export_article(ctx.library, article_id)
    assert STORED_NAME not in markdown and "/opt/" not in markdown


def _row(
    n: int, *, published: str | None = None, source: str | None = None, outlet: str | None = None
) -> ArticleRow:
    return ArticleRow(n, f"Article {n}", "de", source, published, 0, "2025-03-12T08:00:00+00:00", outlet)


def test_date_column_says_which_date_it_is(qapp: QApplication) -> None:
    model = ArticleListModel()
    model.set_rows([_row(2, published="2024-05-02"), _row(1)])
    published, imported = model.index(0, DATE), model.index(1, DATE)
    assert published.data() == "2024-05-02" and "Published" in published.data(Qt.ItemDataRole.ToolTipRole)
    assert imported.data() == "2025-03-12" and "Imported" in imported.data(Qt.ItemDataRole.ToolTipRole)
    font = imported.data(Qt.ItemDataRole.FontRole)
    assert isinstance(font, QFont) and font.italic()
    muted = QApplication.palette().color(QPalette.ColorRole.PlaceholderText)
    assert imported.data(Qt.ItemDataRole.ForegroundRole).color() == muted
    assert published.data(Qt.ItemDataRole.FontRole) is None
    assert "import" in model.headerData(DATE, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole).lower()


def test_source_column_shows_outlet_or_site_never_a_file(qapp: QApplication) -> None:
    assert source_label(_row(1, source=f"/opt/briefing/seeds/{STORED_NAME}")) == ""
    assert source_label(_row(1, source=f"C:\\Users\\x\\{STORED_NAME}", outlet="Euronews")) == "Euronews"
    assert source_label(_row(1, source="https://www.euronews.com/x")) == "euronews.com"
    model = ArticleListModel()
    model.set_rows([_row(1, source=f"/opt/briefing/seeds/{STORED_NAME}")])
    assert "/opt" not in str(model.index(0, SOURCE).data(Qt.ItemDataRole.ToolTipRole) or "")


def test_titles_stay_readable_with_every_column_shown(qtbot: Any, ctx: AppContext) -> None:
    pane = LibraryPane(ctx)
    qtbot.addWidget(pane)
    long_title = "Koalitionsverhandlungen über die Sicherheitsgarantien gehen in die entscheidende Runde"
    pane.model.set_rows(
        [ArticleRow(1, long_title, "de", "https://www.example.org/x", None, 3, "2025-03-12", "Example")]
    )
    header = pane.view.header()
    for column in (SOURCE, LANGUAGE):
        header.setSectionHidden(column, False)
    pane.resize(290, 500)
    pane.show()
    qtbot.waitExposed(pane)
    qtbot.waitUntil(lambda: header.sectionSize(TITLE) >= TITLE_MIN_WIDTH, timeout=2000)
    assert pane.view.textElideMode() == Qt.TextElideMode.ElideMiddle
    assert pane.model.index(0, TITLE).data(Qt.ItemDataRole.ToolTipRole).startswith(long_title)
    pane.resize(600, 500)
    others = [SOURCE, DATE, LANGUAGE, NOTES]
    qtbot.waitUntil(  # with room to spare, the others get their widths and the title the rest
        lambda: (
            header.sectionSize(TITLE)
            == pane.view.viewport().width() - sum(header.sectionSize(c) for c in others)
        ),
        timeout=2000,
    )
    assert header.sectionSize(SOURCE) == 110

"""Opening a long article: the first screen is laid out at once, the rest in steps after it is shown."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from typing import Any

from PySide6.QtGui import QTextDocument

from desktop.ui.context import AppContext
from tests.ui.reader_support import TIMEOUT, import_article, make_reader, open_article, stored_text

LONG_TEXT = "Langer Bericht\n" + "\n".join(
    f"Absatz {n}: Anna Berg berichtete ausführlich über Weissfeld und die Lage dort, "
    "die Nordhafen Bank schwieg dazu noch lange." + ("\n" if n % 7 == 0 else "")
    for n in range(400)
)


def _laid_out(doc: QTextDocument) -> bool:
    return doc.lastBlock().layout().lineCount() > 0


def test_a_long_article_is_shown_before_its_end_is_laid_out(qtbot: Any, ctx: AppContext) -> None:
    article = import_article(ctx, LONG_TEXT)
    reader = make_reader(qtbot, ctx)
    laid_out_when_shown: list[bool] = []
    first_lines: list[int] = []
    doc = reader.browser.document()

    def on_opened(_article_id: int) -> None:
        laid_out_when_shown.append(_laid_out(doc))
        layout = reader.layout_info()
        assert layout is not None
        first_lines.append(doc.findBlock(layout.body_start).layout().lineCount())

    reader.article_opened.connect(on_opened)
    open_article(qtbot, reader, article)
    assert laid_out_when_shown == [False]  # the end of the text waits for the first screen
    assert first_lines and first_lines[0] > 0  # the beginning is ready to paint
    qtbot.waitUntil(lambda: _laid_out(doc), timeout=TIMEOUT)  # the rest follows without being asked
    bar = reader.browser.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 20 * reader.browser.viewport().height(), timeout=TIMEOUT)


def test_a_remembered_place_far_down_is_found_with_the_lazy_layout(qtbot: Any, ctx: AppContext) -> None:
    article = import_article(ctx, LONG_TEXT)
    text = stored_text(ctx.library, article)
    target = text.index("Absatz 350:")
    ctx.settings.setValue(f"reader/scroll/{article}", target)
    reader = make_reader(qtbot, ctx)
    open_article(qtbot, reader, article)
    assert abs(reader._top_index() - target) < 120

"""The reading pane's document keeps the article's characters one for one (offsets stay exact)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from typing import Any

from PySide6.QtGui import QPalette, QTextDocument

from desktop.services.dto import ArticleDetail
from desktop.ui.reading_doc import build_document, reading_font


def test_characters_qt_would_make_breaks_of_are_replaced_one_for_one(qtbot: Any) -> None:
    text = "Titel\nErste\rZeile\u2029weiter \ufdd0 und \ufdd1 Ende.\nZweite Zeile ohne."
    detail = ArticleDetail(1, "Titel", "de", text, None, None, None)
    doc = QTextDocument()
    layout = build_document(doc, detail, reading_font(12), QPalette())
    body = doc.toPlainText()[layout.body_start :]
    assert body == "Titel\nErste Zeile weiter \ufffd und \ufffd Ende.\nZweite Zeile ohne."
    assert doc.blockCount() == 4  # meta line, headline, two paragraphs: no block from \u2029 or \r
    assert layout.qt_pos(text.index("Ende")) == layout.body_start + body.index("Ende")


def test_tooltip_escape_matches_the_standard_library() -> None:
    import html
    import random

    from desktop.ui.reading_marks import _escape

    rng = random.Random(7)
    alphabet = "ab &<>\"'é;#x"
    for _ in range(2000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        assert _escape(text) == html.escape(text)

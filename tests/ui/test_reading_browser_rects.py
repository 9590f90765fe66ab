"""The reading surface's line rectangles (underlines, quote bars, outlines) are those of every line."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRect, QRectF
from PySide6.QtGui import QColor

from desktop.ui.reading_browser import ReadingBrowser, _line_x

WORDS = "Die Leserin liest den langen Absatz Zeile um Zeile und merkt sich jede Stelle genau. "


def _browser(qtbot: Any) -> ReadingBrowser:
    browser = ReadingBrowser()
    qtbot.addWidget(browser)
    browser.resize(420, 300)
    browser.show()
    qtbot.waitExposed(browser)
    browser.setPlainText(
        "Kurz.\n" + WORDS * 40 + "\n\n" + WORDS * 3 + "\n" + WORDS * 25 + "\nEnde des Textes."
    )
    browser.ensure_layout()
    return browser


def _every_line(
    browser: ReadingBrowser, ranges: list[tuple[int, int, QColor]], visible: QRect
) -> list[tuple[QRectF, str]]:
    """The expected rectangles: every line of every block of each range, kept when it reaches ``visible``."""
    doc = browser.document()
    low, high = visible.top() - 8, visible.bottom() + 8
    out = []
    for start, end, color in ranges:
        block = doc.findBlock(start)
        while block.isValid() and block.position() < end:
            layout = block.layout()
            origin = layout.position()
            for n in range(layout.lineCount()):
                line = layout.lineAt(n)
                a = max(start - block.position(), line.textStart())
                b = min(end - block.position(), line.textStart() + line.textLength())
                top = origin.y() + line.y()
                if a < b and low <= top + line.height() and top <= high:
                    x1, x2 = _line_x(line, a), _line_x(line, b)
                    rect = QRectF(origin.x() + x1, top, x2 - x1, line.ascent() + line.descent())
                    out.append((rect, color.name()))
            block = block.next()
    return out


def test_line_rects_are_those_of_every_line_in_view(qtbot: Any) -> None:
    browser = _browser(qtbot)
    doc = browser.document()
    length = doc.characterCount() - 1
    second = doc.findBlock(10)
    long_start, long_end = second.position(), second.position() + second.length() - 1
    ranges = sorted(
        [
            (2, 4, QColor("red")),  # in the first short line
            (long_start + 30, long_start + 31, QColor("blue")),  # one character
            (long_start + 100, long_end - 200, QColor("green")),  # most of the long paragraph
            (long_end - 50, long_end + 60, QColor("black")),  # across a paragraph break
            (long_start + 600, length - 5, QColor("gray")),  # to near the end
            (length - 4, length, QColor("yellow")),
        ],
        key=lambda r: r[0],
    )
    height = int(doc.size().height())
    assert height > 1000  # the text is many screens long: most lines are out of view
    for top in (0, 150, 777, height // 2, height - 300):
        visible = QRect(0, top, browser.viewport().width(), 250)
        got = [(rect, color.name()) for rect, color in browser._line_rects(ranges, visible)]
        expected = _every_line(browser, ranges, visible)
        assert expected, top
        assert sorted(got, key=_key) == sorted(expected, key=_key), top


def _key(item: tuple[QRectF, str]) -> tuple[float, float, str]:
    rect, color = item
    return (rect.top(), rect.left(), color)

"""Building the reading document: the headline, a metadata line and the body text.

The article text is untrusted: it is inserted as plain text, one block per line, never
parsed as HTML. Qt positions count UTF-16 units; ``DocLayout`` converts the store's code-point
offsets. The marks on it (highlights, selections, tooltips) are in :mod:`desktop.ui.reading_marks`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtGui import (
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QPalette,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)

from desktop.core.article_labels import header_line, local_date
from desktop.core.offsets import OffsetMap
from desktop.services.dto import ArticleDetail
from desktop.ui.i18n import format_date, translate

SERIF_FAMILIES = (
    "Source Serif 4",
    "Source Serif Pro",
    "Charter",
    "Iowan Old Style",
    "Georgia",
    "Cambria",
    "Noto Serif",
    "Liberation Serif",
    "DejaVu Serif",
)
DEFAULT_POINT_SIZE = 12.0
MIN_POINT_SIZE, MAX_POINT_SIZE = 7.0, 32.0
LINE_HEIGHT_PERCENT = 150
MEASURE_CHARS = 70  # comfortable line length in average characters
# Characters Qt would turn into block or frame boundaries; replaced one for one to keep offsets.
_STRUCTURAL = {"\r": " ", "\u2029": " ", "\ufdd0": "\ufffd", "\ufdd1": "\ufffd"}
_STRUCTURAL_RE = re.compile("[" + "".join(_STRUCTURAL) + "]")


def _without_structural(text: str) -> str:
    """``text`` with the characters of :data:`_STRUCTURAL` replaced (a search first: most have none,
    and ``str.translate`` with a table walks every character in Python-level lookups)."""
    if _STRUCTURAL_RE.search(text) is None:
        return text
    return _STRUCTURAL_RE.sub(lambda m: _STRUCTURAL[m.group()], text)


def reading_family() -> str:
    """The first installed reading serif, or the generic serif family."""
    installed = set(QFontDatabase.families())
    for family in SERIF_FAMILIES:
        if family in installed:
            return family
    return "serif"


def reading_font(point_size: float) -> QFont:
    """The body font at ``point_size``."""
    font = QFont(reading_family())
    font.setStyleHint(QFont.StyleHint.Serif)
    font.setPointSizeF(max(MIN_POINT_SIZE, min(MAX_POINT_SIZE, point_size)))
    return font


def measure_width(font: QFont, chars: int = MEASURE_CHARS) -> float:
    """Pixel width of a line of about ``chars`` average characters."""
    metrics = QFontMetricsF(font)
    sample = "Die Leserin liest den Text in Ruhe und mit Genuss, Zeile um Zeile."
    return metrics.horizontalAdvance(sample) / len(sample) * chars


@dataclass
class DocLayout:
    """Where the body text sits in the document and how to convert offsets."""

    body_start: int
    text: str
    headline_chars: int = 0  # the body's first line is shown as the headline (code points)
    headline_format: QTextCharFormat | None = None
    offsets: OffsetMap = field(init=False)

    def __post_init__(self) -> None:
        self.offsets = OffsetMap(self.text)

    @property
    def body_end(self) -> int:
        """Qt position after the last body character."""
        return self.body_start + self.offsets.utf16_length

    def qt_pos(self, index: int) -> int:
        """Qt position of body code-point ``index`` (clamped to the body)."""
        return self.body_start + self.offsets.to_utf16(max(0, min(index, self.offsets.length)))

    def index(self, position: int) -> int | None:
        """Body code-point index of Qt ``position``; None before the body."""
        if position < self.body_start:
            return None
        return self.offsets.from_utf16(min(position - self.body_start, self.offsets.utf16_length))


def meta_line(detail: ArticleDetail) -> str:
    """Outlet (or site), author, publication date (else "imported …") and language; never a file path."""
    if detail.published:
        when = format_date(detail.published)
    elif detail.imported_at:
        when = translate("ReadingDoc", "imported {date}").format(
            date=format_date(local_date(detail.imported_at))
        )
    else:
        when = ""
    return header_line(detail, author=detail.author, language=detail.language, when=when)


def body_char_format(palette: QPalette) -> QTextCharFormat:
    """The plain body format: no highlight, the palette's text colour."""
    fmt = QTextCharFormat()
    fmt.setForeground(palette.color(QPalette.ColorRole.Text))
    fmt.clearBackground()
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.NoUnderline)
    return fmt


def build_document(
    doc: QTextDocument,
    detail: ArticleDetail,
    font: QFont,
    palette: QPalette,
    marks: Callable[[DocLayout], None] | None = None,
) -> DocLayout:
    """Fill ``doc`` with the title, a metadata line and the body text; return the body layout.

    ``marks`` is called with the layout before the text is laid out, inside the same edit block:
    highlights applied there cost Qt one layout of the article instead of two.

    The whole replacement (clear included) is one edit block, so Qt sees a new document rather than
    an edit of the old one: it lays out the first screen now and the rest in steps after the first
    paint (QTextDocumentLayout's lazy layout), instead of the whole article before anything is shown.
    """
    doc.setUndoRedoEnabled(False)
    frame = doc.rootFrame().frameFormat()
    edit = QTextCursor(doc)
    edit.beginEditBlock()
    doc.clear()
    # clear() resets the page margins; set again now, while the document is empty, they spare Qt a
    # second layout of the whole text when the reading pane centres the column again.
    doc.rootFrame().setFrameFormat(frame)
    doc.setDefaultFont(font)
    line = QFontMetricsF(font).height()
    cursor = QTextCursor(doc)
    title_block = QTextBlockFormat()
    title_block.setBottomMargin(line * 0.35)
    title_block.setLineHeight(120, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
    title_fmt = QTextCharFormat()
    title_fmt.setFontPointSize(font.pointSizeF() * 1.6)
    title_fmt.setFontWeight(QFont.Weight.Bold)
    title_fmt.setForeground(palette.color(QPalette.ColorRole.Text))
    meta_block = QTextBlockFormat()
    meta_fmt = QTextCharFormat()
    meta_fmt.setFontPointSize(font.pointSizeF() * 0.85)
    meta_fmt.setForeground(palette.color(QPalette.ColorRole.PlaceholderText))
    lines = detail.text.split("\n")
    # Plain-text articles begin with their title: show that line as the headline instead of twice.
    title_in_body = " ".join(lines[0].split()) == " ".join(detail.title.split()) and bool(lines[0].strip())
    if title_in_body:
        meta_block.setBottomMargin(line * 0.3)
        cursor.setBlockFormat(meta_block)
        cursor.setBlockCharFormat(meta_fmt)
        cursor.insertText(meta_line(detail), meta_fmt)
    else:
        cursor.setBlockFormat(title_block)
        cursor.setBlockCharFormat(title_fmt)
        cursor.insertText(" ".join(detail.title.split()) or translate("ReadingDoc", "Untitled"), title_fmt)
        meta_block.setBottomMargin(line * 1.2)
        cursor.insertBlock(meta_block, meta_fmt)
        cursor.insertText(meta_line(detail), meta_fmt)
    text_fmt = body_char_format(palette)
    paragraph = QTextBlockFormat()
    paragraph.setLineHeight(LINE_HEIGHT_PERCENT, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
    paragraph.setBottomMargin(line * 0.7)
    empty = QTextBlockFormat()
    empty.setLineHeight(line * 0.2, QTextBlockFormat.LineHeightTypes.FixedHeight.value)
    headline = QTextBlockFormat(title_block)
    headline.setBottomMargin(line * 0.9)
    body_start = -1
    for number, raw in enumerate(lines):
        is_headline = title_in_body and number == 0
        block = headline if is_headline else paragraph if raw.strip() else empty
        fmt = QTextCharFormat(text_fmt)
        if is_headline:
            fmt.setFontPointSize(title_fmt.fontPointSize())
            fmt.setFontWeight(QFont.Weight.Bold)
        cursor.insertBlock(block, fmt)
        if body_start < 0:
            body_start = cursor.position()
        if raw:
            cursor.insertText(_without_structural(raw), fmt)
    if title_in_body:
        headline_fmt = QTextCharFormat()
        headline_fmt.setFontPointSize(title_fmt.fontPointSize())
        headline_fmt.setFontWeight(QFont.Weight.Bold)
        layout = DocLayout(body_start, detail.text, len(lines[0]), headline_fmt)
    else:
        layout = DocLayout(body_start, detail.text)
    if marks is not None:
        marks(layout)
    edit.endEditBlock()
    return layout

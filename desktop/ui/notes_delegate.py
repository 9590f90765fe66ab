"""Drawing of one note in the Annotations view: a colour bar, the passage, the note, then a grey line
with the colour's meaning, the article, the day, the author and the tags."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QIcon, QPainter, QPalette
from PySide6.QtWidgets import QListView, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from desktop.core.article_labels import local_date
from desktop.services.dto import NoteRow
from desktop.ui.i18n import format_date, translate
from desktop.ui.notes_model import MeaningRole, NoteRole, one_line
from desktop.ui.palette import annotation_color

QUOTE_LINES, NOTE_LINES = 3, 3
PAD, BAR, GAP = 6, 4, 8

AnyIndex = QModelIndex | QPersistentModelIndex


def wrap_lines(text: str, metrics: QFontMetrics, width: int, max_lines: int) -> list[str]:
    """``text`` broken into at most ``max_lines`` lines of ``width`` pixels, the last elided ("…")."""
    words = text.split()
    lines: list[str] = []
    current = ""
    for n, word in enumerate(words):
        candidate = f"{current} {word}" if current else word
        if metrics.horizontalAdvance(candidate) <= width or not current:
            current = candidate
            continue
        lines.append(current)
        current = word
        if len(lines) == max_lines:
            rest = " ".join([lines.pop(), *words[n:]])
            lines.append(metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width))
            return lines
    if current:
        lines.append(current)
    return [
        metrics.elidedText(line, Qt.TextElideMode.ElideRight, width)
        if metrics.horizontalAdvance(line) > width
        else line
        for line in lines
    ]


def footer_line(row: NoteRow, meaning: str, metrics: QFontMetrics, width: int) -> str:
    """ "Important · Article title… · 2026-01-02 · alice · #nato": only the title gives way to room."""
    head = f"{meaning} · " if meaning else ""
    tags = " ".join(f"#{t}" for t in row.annotation.tags)
    day = format_date(local_date(row.created_at))
    tail = "".join(f" · {part}" for part in (day, row.annotation.author, tags) if part)
    room = max(width - metrics.horizontalAdvance(head + tail), metrics.horizontalAdvance("M…M"))
    title = metrics.elidedText(one_line(row.article_title), Qt.TextElideMode.ElideRight, room)
    return metrics.elidedText(head + title + tail, Qt.TextElideMode.ElideRight, width)


class NoteDelegate(QStyledItemDelegate):
    """Paints a note as a small card; heights follow the wrapped text."""

    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self._view = view

    @staticmethod
    def _fonts(base: QFont) -> tuple[QFont, QFont]:
        note = QFont(base)
        note.setItalic(True)
        small = QFont(base)
        small.setPointSizeF(max(base.pointSizeF() * 0.88, 6.0))
        return note, small

    def _width(self, option: QStyleOptionViewItem) -> int:
        width = option.rect.width() if option.rect.width() > 0 else self._view.viewport().width()
        return max(width - BAR - GAP - 2 * PAD, 60)

    def _blocks(self, option: QStyleOptionViewItem, row: NoteRow, meaning: str) -> list[tuple[QFont, str]]:
        note_font, small = self._fonts(option.font)
        width = self._width(option)
        quote = one_line(row.annotation.quote)
        if row.annotation.orphaned:
            quote = translate("NotesDelegate", "(no longer found in the text)") + " " + quote
        blocks = [
            (option.font, line) for line in wrap_lines(quote, QFontMetrics(option.font), width, QUOTE_LINES)
        ]
        note = one_line(row.annotation.note)
        if note:
            blocks += [(note_font, ln) for ln in wrap_lines(note, QFontMetrics(note_font), width, NOTE_LINES)]
        blocks.append((small, footer_line(row, meaning, QFontMetrics(small), width)))
        return blocks

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        row = index.data(NoteRole)
        if not isinstance(row, NoteRow):
            return super().sizeHint(option, index)
        blocks = self._blocks(option, row, str(index.data(MeaningRole) or ""))
        height = sum(QFontMetrics(font).lineSpacing() for font, _text in blocks) + 2 * PAD + 3
        return QSize(self._width(option) + BAR + GAP + 2 * PAD, height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        row = index.data(NoteRole)
        if not isinstance(row, NoteRow):
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        opt.icon = QIcon()  # no decoration: the bar shows the colour
        opt.features &= ~QStyleOptionViewItem.ViewItemFeature.HasDecoration
        style = self._view.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, self._view)
        rect = opt.rect
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        group = QPalette.ColorGroup.Active
        text_color = opt.palette.color(
            group, QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        muted = text_color if selected else opt.palette.color(group, QPalette.ColorRole.PlaceholderText)
        painter.save()
        painter.fillRect(
            QRect(rect.left() + PAD, rect.top() + PAD, BAR, rect.height() - 2 * PAD),
            annotation_color(row.annotation.color),
        )
        blocks = self._blocks(opt, row, str(index.data(MeaningRole) or ""))
        x = rect.left() + PAD + BAR + GAP
        y = rect.top() + PAD
        last = len(blocks) - 1
        for n, (font, text) in enumerate(blocks):
            metrics = QFontMetrics(font)
            painter.setFont(font)
            painter.setPen(muted if n == last else text_color)
            painter.drawText(x, y + metrics.ascent(), text)
            y += metrics.lineSpacing()
        painter.restore()

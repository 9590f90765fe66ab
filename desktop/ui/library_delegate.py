"""Drawing of the library list's title cells: the title with the search snippet under it."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from desktop.core.snippets import snippet_segments
from desktop.ui.library_model import TITLE, SnippetHitsRole, SnippetRole

__all__ = ["SnippetDelegate", "fit_first_hit", "snippet_segments"]

AnyIndex = QModelIndex | QPersistentModelIndex


def fit_first_hit(
    segments: list[tuple[str, bool]], width: int, plain: QFontMetrics, bold: QFontMetrics
) -> list[tuple[str, bool]]:
    """Drop leading words (adding "…") so that the first hit is visible in ``width`` pixels."""
    first = next((i for i, (_text, hit) in enumerate(segments) if hit), None)
    if not first:
        return segments
    prefix = "".join(text for text, _hit in segments[:first])
    hit_width = bold.horizontalAdvance(segments[first][0])
    if plain.horizontalAdvance(prefix) + hit_width <= width:
        return segments
    budget = max(width - hit_width, width // 3) - plain.horizontalAdvance("… ")
    trailing = prefix[len(prefix.rstrip()) :]
    words = prefix.rstrip().split(" ")
    kept = ""
    while words:
        candidate = words[-1] + (" " + kept if kept else "")
        if plain.horizontalAdvance(candidate) > budget:
            break
        kept = candidate
        words.pop()
    return [("… " + kept.lstrip() + trailing, False), *segments[first:]]


class SnippetDelegate(QStyledItemDelegate):
    """Draws the title with the search snippet under it, hits in bold."""

    @staticmethod
    def _fonts(option: QStyleOptionViewItem) -> tuple[QFont, QFont]:
        small = QFont(option.font)
        small.setPointSizeF(max(option.font.pointSizeF() * 0.9, 6.0))
        bold = QFont(small)
        bold.setBold(True)
        return small, bold

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        size = super().sizeHint(option, index)
        if index.column() == TITLE and index.data(SnippetRole):
            small, _bold = self._fonts(option)
            size.setHeight(size.height() + QFontMetrics(small).height() + 4)
        return size

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        snippet = index.data(SnippetRole) if index.column() == TITLE else ""
        if not snippet:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        style = opt.widget.style() if opt.widget is not None else QApplication.style()
        text_rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, opt.widget)
        title, opt.text = opt.text, ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        group, roles = opt.palette.ColorGroup.Active, opt.palette.ColorRole
        text_color = opt.palette.color(group, roles.HighlightedText if selected else roles.Text)
        muted = text_color if selected else opt.palette.color(group, roles.PlaceholderText)
        rect = opt.rect.adjusted(4, 2, -4, -2)
        rect.setLeft(max(rect.left(), text_rect.left() + 1))  # after the star or archive mark
        painter.save()
        metrics = QFontMetrics(opt.font)
        painter.setFont(opt.font)
        painter.setPen(text_color)
        elided = metrics.elidedText(title, Qt.TextElideMode.ElideMiddle, rect.width())
        painter.drawText(rect.left(), rect.top() + metrics.ascent(), elided)
        small, bold = self._fonts(opt)
        y = rect.top() + metrics.height() + 2 + QFontMetrics(small).ascent()
        x, right = rect.left(), rect.right()
        segments = fit_first_hit(
            snippet_segments(snippet, index.data(SnippetHitsRole) or ()),
            right - x,
            QFontMetrics(small),
            QFontMetrics(bold),
        )
        for text, hit in segments:
            font = bold if hit else small
            fm = QFontMetrics(font)
            painter.setFont(font)
            painter.setPen(text_color if hit else muted)
            width = fm.horizontalAdvance(text)
            if x + width > right:
                painter.drawText(x, y, fm.elidedText(text, Qt.TextElideMode.ElideRight, max(right - x, 0)))
                break
            painter.drawText(x, y, text)
            x += width
        painter.restore()

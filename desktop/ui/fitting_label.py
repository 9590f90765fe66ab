"""A label that shows the longest of its texts that fits, never a clipped one."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QWidget


class FittingLabel(QLabel):
    """Shows the first of ``texts`` that fits its width (the last, elided, when none does).

    A count such as "9,738 of 100,057 articles" cut at the pane's edge would read as another number;
    a shorter form ("9,738 / 100,057") keeps it true. The full text is always the tooltip.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._texts: tuple[str, ...] = ("",)

    def set_texts(self, *texts: str) -> None:
        """The texts from longest to shortest; the first is the full one."""
        self._texts = tuple(texts) or ("",)
        self.setToolTip(self._texts[0] if len(self._texts) > 1 else "")
        self.updateGeometry()
        self._fit()

    def full_text(self) -> str:
        return self._texts[0]

    def sizeHint(self) -> QSize:
        return self._size_for(self._texts[0], super().sizeHint())

    def minimumSizeHint(self) -> QSize:
        return self._size_for(self._texts[-1], super().minimumSizeHint())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _size_for(self, text: str, base: QSize) -> QSize:
        margins = self.contentsMargins()
        width = self.fontMetrics().horizontalAdvance(text) + margins.left() + margins.right() + 2
        return QSize(width, base.height())

    def _fit(self) -> None:
        room = self.contentsRect().width()
        metrics = self.fontMetrics()
        for text in self._texts:
            if metrics.horizontalAdvance(text) <= room:
                self.setText(text)
                return
        self.setText(metrics.elidedText(self._texts[-1], Qt.TextElideMode.ElideRight, max(room, 0)))

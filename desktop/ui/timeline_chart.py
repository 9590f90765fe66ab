"""A small bar chart of an actor's articles per week or month (painted, no chart library).

Each bar counts the articles of one period; the part dated by import (no publication date
known) is drawn hatched, so the reader sees how much of the picture rests on import dates.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QHelpEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from desktop.core.timeline import TimelineBucket
from desktop.ui.i18n import format_number, plural, translate

MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 28.0, 8.0, 8.0, 20.0
MAX_BAR_WIDTH = 28.0


class TimelineChart(QWidget):
    """Bars of articles per period, oldest left; hover a bar for its period and counts."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._buckets: list[TimelineBucket] = []
        self._color = QColor("#3a7be0")
        self.setMinimumHeight(110)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMouseTracking(True)

    def set_buckets(self, buckets: Sequence[TimelineBucket], color: QColor | None = None) -> None:
        """The periods to draw (in order) and the bar colour."""
        self._buckets = list(buckets)
        if color is not None:
            self._color = QColor(color)
        self.setAccessibleDescription(self.summary())
        self.update()

    def buckets(self) -> list[TimelineBucket]:
        """The periods drawn."""
        return list(self._buckets)

    def summary(self, *, with_import: bool = True) -> str:
        """One sentence for screen readers and the empty state (``with_import``: how many are dated by
        their import)."""
        total = sum(b.articles for b in self._buckets)
        if not total:
            return translate("TimelineChart", "No dated articles.")
        busiest = max(self._buckets, key=lambda b: b.articles)
        by_import = sum(b.by_import_date for b in self._buckets)
        text = plural(
            total,
            translate("TimelineChart", "1 article from {first} to {last}; most in {busiest} ({most})."),
            translate("TimelineChart", "{n} articles from {first} to {last}; most in {busiest} ({most})."),
            first=self._buckets[0].period,
            last=self._buckets[-1].period,
            busiest=busiest.period,
            most=format_number(busiest.articles),
        )
        if by_import and with_import:
            text += " " + translate("TimelineChart", "{n} dated by import.").format(
                n=format_number(by_import)
            )
        return text

    def sizeHint(self) -> QSize:
        return QSize(360, 130)

    def _plot(self) -> QRectF:
        return QRectF(
            MARGIN_LEFT,
            MARGIN_TOP,
            max(1.0, self.width() - MARGIN_LEFT - MARGIN_RIGHT),
            max(1.0, self.height() - MARGIN_TOP - MARGIN_BOTTOM),
        )

    def bar_rect(self, index: int) -> QRectF:
        """The full bar of period ``index`` in widget coordinates (an empty rect for no articles)."""
        plot = self._plot()
        count = len(self._buckets)
        top = max((b.articles for b in self._buckets), default=0)
        if not 0 <= index < count or top == 0:
            return QRectF()
        slot = plot.width() / count
        width = max(1.0, min(MAX_BAR_WIDTH, slot * 0.75))
        height = plot.height() * self._buckets[index].articles / top
        left = plot.left() + slot * index + (slot - width) / 2
        return QRectF(left, plot.bottom() - height, width, height)

    def bucket_at(self, x: float) -> int | None:
        """The period under horizontal position ``x``."""
        plot = self._plot()
        if not self._buckets or not plot.left() <= x <= plot.right():
            return None
        return min(len(self._buckets) - 1, int((x - plot.left()) / (plot.width() / len(self._buckets))))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.PlaceholderText)
        plot = self._plot()
        if not any(b.articles for b in self._buckets):
            painter.setPen(text)
            painter.drawText(
                self.rect(), Qt.AlignmentFlag.AlignCenter, translate("TimelineChart", "No dated articles")
            )
            painter.end()
            return
        top = max(b.articles for b in self._buckets)
        painter.setPen(palette.color(QPalette.ColorRole.Mid))
        painter.drawLine(QPointF(plot.left(), plot.bottom()), QPointF(plot.right(), plot.bottom()))
        painter.setPen(text)
        metrics = painter.fontMetrics()
        painter.drawText(
            QRectF(0, plot.top() - 2, MARGIN_LEFT - 4, metrics.height()),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop,
            str(top),
        )
        hatch = QBrush(self._color, Qt.BrushStyle.BDiagPattern)
        for index, bucket in enumerate(self._buckets):
            rect = self.bar_rect(index)
            if rect.isEmpty():
                continue
            imported = rect.height() * bucket.by_import_date / bucket.articles
            solid = QRectF(rect.left(), rect.top() + imported, rect.width(), rect.height() - imported)
            painter.fillRect(solid, self._color)
            if imported > 0:
                dashed = QRectF(rect.left(), rect.top(), rect.width(), imported)
                painter.fillRect(dashed, hatch)
                painter.setPen(self._color)
                painter.drawRect(dashed)
        self._draw_labels(painter, plot, text)
        painter.end()

    def _draw_labels(self, painter: QPainter, plot: QRectF, color: QColor) -> None:
        """Period labels under the axis: the first, the last, and evenly spaced ones that fit."""
        metrics = painter.fontMetrics()
        count = len(self._buckets)
        label_width = max(metrics.horizontalAdvance(b.period) for b in self._buckets) + 8
        step = max(1, int(label_width / (plot.width() / count)) + 1)
        wanted = sorted({*range(0, count, step), count - 1} if count > 1 else {0})
        painter.setPen(color)
        last_right = -1e9
        for index in wanted:
            center = plot.left() + plot.width() / count * (index + 0.5)
            left = min(max(0.0, center - label_width / 2), self.width() - label_width)
            if left < last_right:
                continue
            rect = QRectF(left, plot.bottom() + 2, label_width, metrics.height())
            flags = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
            painter.drawText(rect, flags, self._buckets[index].period)
            last_right = left + label_width

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            index = self.bucket_at(float(event.pos().x()))
            if index is None:
                QToolTip.hideText()
                event.ignore()
                return True
            bucket = self._buckets[index]
            text = (
                bucket.period
                + ": "
                + plural(
                    bucket.articles,
                    translate("TimelineChart", "1 article"),
                    translate("TimelineChart", "{n} articles"),
                )
            )
            if bucket.by_import_date:
                text += " " + translate(
                    "TimelineChart", "({n} dated by import: no publication date known)"
                ).format(n=format_number(bucket.by_import_date))
            QToolTip.showText(event.globalPos(), text, self)
            return True
        return super().event(event)

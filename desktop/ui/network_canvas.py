"""The relations window's view of the network: wheel zoom, drag to pan, clicks on actors."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QMouseEvent, QPainter, QPaintEvent, QWheelEvent
from PySide6.QtWidgets import QGraphicsScene, QGraphicsView, QWidget

from desktop.ui.network_scene import NodeItem

ZOOM_STEP = 1.15


class NetworkCanvas(QGraphicsView):
    """The scene view: wheel zoom, drag to pan, click and double-click on actors."""

    painted = Signal()
    zoomed = Signal()
    actor_clicked = Signal(int)
    actor_double_clicked = Signal(int)

    def __init__(self, scene: QGraphicsScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.BoundingRectViewportUpdate)

    def node_at(self, point: QPointF) -> NodeItem | None:
        """The actor under a viewport point."""
        for item in self.items(point.toPoint()):
            node = item if isinstance(item, NodeItem) else item.parentItem()
            if isinstance(node, NodeItem):
                return node
        return None

    def wheelEvent(self, event: QWheelEvent) -> None:
        step = event.angleDelta().y()
        if step:
            factor = ZOOM_STEP if step > 0 else 1 / ZOOM_STEP
            self.scale(factor, factor)
            self.zoomed.emit()
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        super().mousePressEvent(event)
        node = self.node_at(event.position()) if event.button() == Qt.MouseButton.LeftButton else None
        if node is not None:
            self.actor_clicked.emit(node.node.id)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        node = self.node_at(event.position()) if event.button() == Qt.MouseButton.LeftButton else None
        if node is not None:
            self.actor_double_clicked.emit(node.node.id)
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        self.painted.emit()

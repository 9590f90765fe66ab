"""The drawing of an actor network: one ellipse per actor, edges as a few paths, labels for big nodes.

Node area grows with the actor's mentions, edge width with the sentences two actors share; the
colours are the entity types' (as in the reading pane's legend). Edges are batched into one path
per width, so a library of a thousand actors and two thousand links builds and paints quickly.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPalette, QPen
from PySide6.QtWidgets import (
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsScene,
    QStyleOptionGraphicsItem,
    QWidget,
)

from desktop.core.network_layout import Layout
from desktop.services.dto import Network, NetworkNode
from desktop.ui.i18n import plural, translate
from desktop.ui.palette import ENTITY_SINGULAR, entity_color

UNIT = 46.0  # pixels per ideal edge length of the layout
EDGE_WIDTHS = (1.0, 1.8, 2.6, 3.6)  # 1, 2, 3, 4+ shared sentences
LABEL_ALL = 40  # networks up to this size label every actor; bigger ones their most mentioned
LABELS_MAX = 80  # of which those that would cover another label are hidden at the current zoom


def node_radius(mentions: int) -> float:
    """Radius in pixels: the area grows with the mentions."""
    return 5.0 + 3.2 * math.sqrt(max(0, mentions))


def labelled(nodes: tuple[NetworkNode, ...]) -> set[int]:
    """Ids of the nodes that get a label: all in a small network, else the most mentioned ones."""
    if len(nodes) <= LABEL_ALL:
        return {n.id for n in nodes}
    ranked = sorted(nodes, key=lambda n: -n.mentions)[:LABELS_MAX]
    return {n.id for n in ranked if n.mentions > 1}


class LabelItem(QGraphicsItem):
    """An actor's name beside its node, the same size at every zoom, on a faint backing."""

    def __init__(self, text: str, font: QFont, color: QColor, backing: QColor, parent: NodeItem) -> None:
        super().__init__(parent)
        self.text = text
        self.mentions = parent.node.mentions  # labels of more mentioned actors win a place first
        self._font = font
        self._color = color
        self._backing = QColor(backing)
        self._backing.setAlphaF(0.78)
        metrics = QFontMetricsF(font)
        self._rect = QRectF(
            0, -metrics.height() / 2 - 1, metrics.horizontalAdvance(text) + 6, metrics.height() + 2
        )
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations, True)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self._backing)
        painter.drawRoundedRect(self._rect, 3, 3)
        painter.setFont(self._font)
        painter.setPen(self._color)
        painter.drawText(self._rect.adjusted(3, 0, -3, 0), Qt.AlignmentFlag.AlignVCenter, self.text)


def outline_pen(color: QColor, width: float = 1.0) -> QPen:
    """A pen of ``width`` screen pixels at every zoom."""
    pen = QPen(color, width)
    pen.setCosmetic(True)
    return pen


class NodeItem(QGraphicsEllipseItem):
    """One actor: a selectable disc in its type's colour."""

    def __init__(self, node: NetworkNode, center: QPointF, outline: QColor) -> None:
        radius = node_radius(node.mentions)
        super().__init__(QRectF(-radius, -radius, 2 * radius, 2 * radius))
        self.node = node
        self.setPos(center)
        color = entity_color(node.type)
        self.setBrush(QBrush(color))
        self.setPen(outline_pen(outline))
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, True)
        self.setZValue(1.0)
        kind = ENTITY_SINGULAR.get(node.type, node.type)
        self.setToolTip(
            plural(
                node.mentions,
                translate("NetworkScene", "{name}\n{kind} · 1 mention"),
                translate("NetworkScene", "{name}\n{kind} · {n} mentions"),
                name=node.name,
                kind=kind,
            )
        )
        self.setAcceptHoverEvents(True)


@dataclass
class NetworkDrawing:
    """What was put into the scene: node items by actor id and the edge paths."""

    nodes: dict[int, NodeItem]
    edges: list[QGraphicsPathItem]
    edge_count: int
    labels: list[LabelItem]  # most mentioned actor first


def draw_network(
    scene: QGraphicsScene, network: Network, layout: Layout, palette: QPalette
) -> NetworkDrawing:
    """Fill ``scene`` with ``network`` at the ``layout`` positions (node order)."""
    scene.clear()
    scene.setBackgroundBrush(palette.color(QPalette.ColorRole.Base))
    text = palette.color(QPalette.ColorRole.Text)
    outline = palette.color(QPalette.ColorRole.Base)
    centers = {
        node.id: QPointF(x * UNIT, y * UNIT)
        for node, (x, y) in zip(network.nodes, layout.positions, strict=True)
    }
    edge_color = QColor(text)
    many = max(len(network.edges), 1)
    edge_color.setAlphaF(0.35 if many <= 200 else max(0.15, 0.35 * math.sqrt(200 / many)))  # no grey blot
    paths = [QPainterPath() for _ in EDGE_WIDTHS]
    drawn = 0
    for edge in network.edges:
        a, b = centers.get(edge.source), centers.get(edge.target)
        if a is None or b is None:
            continue
        path = paths[min(max(edge.sentences, 1), len(EDGE_WIDTHS)) - 1]
        path.moveTo(a)
        path.lineTo(b)
        drawn += 1
    edge_items = []
    for width, path in zip(EDGE_WIDTHS, paths, strict=True):
        if path.isEmpty():
            continue
        pen = outline_pen(edge_color, width)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        item = scene.addPath(path, pen)
        item.setZValue(0.0)
        edge_items.append(item)
    nodes: dict[int, NodeItem] = {}
    labels: list[LabelItem] = []
    font = QFont()
    font.setPointSizeF(max(7.0, font.pointSizeF() * 0.9))
    with_label = labelled(network.nodes)
    for node in network.nodes:
        disc = NodeItem(node, centers[node.id], outline)
        scene.addItem(disc)
        nodes[node.id] = disc
        if node.id in with_label:
            label = LabelItem(node.name, font, text, outline, disc)
            label.setPos(node_radius(node.mentions) + 1, 0)
            label.setZValue(2.0)
            labels.append(label)
    margin = UNIT
    scene.setSceneRect(scene.itemsBoundingRect().adjusted(-margin, -margin, margin, margin))
    labels.sort(key=lambda label: -label.mentions)
    return NetworkDrawing(nodes, edge_items, drawn, labels)


def neighbour_path(network: Network, centers: dict[int, QPointF], actor_id: int) -> QPainterPath:
    """The edges of one actor, for drawing them highlighted."""
    path = QPainterPath()
    for edge in network.edges:
        if actor_id in (edge.source, edge.target):
            a, b = centers.get(edge.source), centers.get(edge.target)
            if a is not None and b is not None:
                path.moveTo(a)
                path.lineTo(b)
    return path

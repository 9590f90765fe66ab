"""Relations: who is named with whom, as a network of actors in a window of its own.

Three scopes: the article shown, the selected actor's neighbourhood, or the whole library above a
minimum of shared sentences. The network is queried and laid out in one background task (seeded,
so the same network always looks the same); the GUI thread only builds and paints the scene.
Click a node to select the actor everywhere, double-click it for the dossier; the wheel zooms.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QByteArray, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QColor,
    QKeySequence,
    QShortcut,
)
from PySide6.QtWidgets import (
    QComboBox,
    QGraphicsPathItem,
    QGraphicsScene,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import message_of
from desktop.core.network_layout import Layout, LayoutCancelled, network_layout
from desktop.core.types import ENTITY_TYPES
from desktop.services.dto import Network
from desktop.services.library import Library
from desktop.services.network import load_network
from desktop.ui.context import AppContext
from desktop.ui.i18n import Labels, translate
from desktop.ui.network_canvas import NetworkCanvas
from desktop.ui.network_scene import NetworkDrawing, NodeItem, draw_network, neighbour_path, outline_pen
from desktop.ui.palette import ENTITY_LABELS, entity_color
from desktop.ui.paths import action_icon
from desktop.ui.reader_toolbar import chip_icon
from desktop.ui.tasks import TaskControl

SCOPES = Labels(
    "NetworkView",
    {
        "article": QT_TRANSLATE_NOOP("NetworkView", "This article"),
        "actor": QT_TRANSLATE_NOOP("NetworkView", "Selected actor's neighbourhood"),
        "library": QT_TRANSLATE_NOOP("NetworkView", "Whole library"),
    },
)
GEOMETRY_KEY = "network/geometry"
SCOPE_KEY, MIN_KEY = "network/scope", "network/min"


@dataclass(frozen=True)
class LaidOutNetwork:
    """A network with its layout and what they cost (seconds)."""

    network: Network
    layout: Layout
    query_seconds: float
    layout_seconds: float


def compute(
    library: Library,
    scope: str,
    article_id: int | None,
    actor_id: int | None,
    minimum: int,
    control: TaskControl,
) -> LaidOutNetwork:
    """Query and lay out a network (runs in the background)."""
    started = time.perf_counter()
    network = load_network(
        library,
        article_id=article_id if scope == "article" else None,
        actor=actor_id if scope == "actor" else None,
        min_sentences=minimum,
    )
    queried = time.perf_counter()
    index = {node.id: n for n, node in enumerate(network.nodes)}
    layout = network_layout(
        len(network.nodes),
        [(index[e.source], index[e.target]) for e in network.edges],
        [e.sentences for e in network.edges],
        cancelled=control.cancelled,
    )
    return LaidOutNetwork(network, layout, queried - started, time.perf_counter() - queried)


class NetworkWindow(QWidget):
    """The network of the article, of an actor's neighbourhood or of the library."""

    actor_selected = Signal(int)
    actor_activated = Signal(int)  # double-click: open the dossier
    loaded = Signal()  # a network is drawn in the scene
    shown = Signal(float)  # seconds from the request to the first paint of its network

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.ctx = ctx
        self.setWindowTitle(translate("NetworkView", "Relations"))
        self.setWindowIcon(action_icon("relations"))
        self._article_id: int | None = None
        self._actor_id: int | None = None
        self._result: LaidOutNetwork | None = None
        self._drawing: NetworkDrawing | None = None
        self._highlight: QGraphicsPathItem | None = None
        self._marked: NodeItem | None = None
        self._requested_at: float | None = None
        self._fit_next = True
        self.last_timing: dict[str, float] = {}
        self._reload = QTimer(self)
        self._reload.setSingleShot(True)
        self._reload.setInterval(200)
        self._reload.timeout.connect(lambda: self.request(fit=False))
        self._build()
        geometry = ctx.settings.value(GEOMETRY_KEY)
        if not (isinstance(geometry, QByteArray) and self.restoreGeometry(geometry)):
            self.resize(900, 640)
        QShortcut(QKeySequence.StandardKey.Close, self, self.close)

    def _build(self) -> None:
        self.scope_combo = QComboBox(self)
        for key, label in SCOPES.items():
            self.scope_combo.addItem(label, key)
        stored = str(self.ctx.settings.value(SCOPE_KEY, "library"))
        self.scope_combo.setCurrentIndex(max(0, self.scope_combo.findData(stored)))
        self.min_spin = QSpinBox(self)
        self.min_spin.setRange(1, 99)
        self.min_spin.setPrefix(translate("NetworkView", "at least "))
        self.min_spin.setSuffix(translate("NetworkView", " shared sentence(s)"))
        value = str(self.ctx.settings.value(MIN_KEY, 1))
        self.min_spin.setValue(int(value) if value.isdigit() else 1)
        self.min_spin.setToolTip(
            translate("NetworkView", "Links between actors named together in fewer sentences are left out")
        )
        self.fit_button = QPushButton(translate("NetworkView", "Fit"), self)
        self.fit_button.setToolTip(translate("NetworkView", "Show the whole network"))
        self.fit_button.clicked.connect(self.fit)
        self.scope_combo.currentIndexChanged.connect(lambda _i: self._options_changed())
        self.min_spin.valueChanged.connect(lambda _v: self._options_changed())
        self.scene = QGraphicsScene(self)
        self.canvas = NetworkCanvas(self.scene, self)
        self.canvas.actor_clicked.connect(self._on_clicked)
        self.canvas.actor_double_clicked.connect(self.actor_activated)
        self.canvas.painted.connect(self._on_painted)
        self.canvas.zoomed.connect(self.declutter)
        self.status = QLabel("", self)
        self.status.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(QLabel(translate("NetworkView", "Show:"), self))
        top.addWidget(self.scope_combo, 1)
        top.addWidget(self.min_spin)
        top.addWidget(self.fit_button)
        legend = QHBoxLayout()
        for kind in ENTITY_TYPES:
            chip = QLabel(self)
            chip.setPixmap(chip_icon(entity_color(kind)).pixmap(12, 12))
            legend.addWidget(chip)
            legend.addWidget(QLabel(ENTITY_LABELS[kind], self))
        legend.addWidget(
            QLabel(translate("NetworkView", "  · size: mentions · line width: shared sentences"), self)
        )
        legend.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(legend)
        layout.addWidget(self.canvas, 1)
        layout.addWidget(self.status)

    # --- what to show ------------------------------------------------------------------------------
    def scope(self) -> str:
        """ "article", "actor" or "library"."""
        return str(self.scope_combo.currentData())

    def set_scope(self, scope: str, minimum: int | None = None) -> None:
        """Choose the scope (and the minimum of shared sentences) and draw it."""
        self.scope_combo.blockSignals(True)
        self.min_spin.blockSignals(True)
        self.scope_combo.setCurrentIndex(max(0, self.scope_combo.findData(scope)))
        if minimum is not None:
            self.min_spin.setValue(minimum)
        self.scope_combo.blockSignals(False)
        self.min_spin.blockSignals(False)
        self._options_changed()

    def set_context(self, article_id: int | None, actor_id: int | None) -> None:
        """The article shown and the actor selected in the window (the scopes refer to them)."""
        changed = (self.scope() == "article" and article_id != self._article_id) or (
            self.scope() == "actor" and actor_id != self._actor_id
        )
        self._article_id, self._actor_id = article_id, actor_id
        if changed and self.isVisible():
            self.request()

    def _options_changed(self) -> None:
        self.ctx.settings.setValue(SCOPE_KEY, self.scope())
        self.ctx.settings.setValue(MIN_KEY, self.min_spin.value())
        self.request()

    def refresh(self) -> None:
        """The library changed: draw the network again (soon, once for a burst of changes)."""
        if self.isVisible():
            self._reload.start()

    def request(self, *, fit: bool = True) -> None:
        """Query and lay out the network in the background, then draw it."""
        scope, article_id, actor_id = self.scope(), self._article_id, self._actor_id
        if scope == "article" and article_id is None:
            self._show_empty(translate("NetworkView", "Open an article to see the relations in it."))
            return
        if scope == "actor" and actor_id is None:
            self._show_empty(
                translate(
                    "NetworkView",
                    "Select an actor (in the sidebar, the text or here) to see its neighbourhood.",
                )
            )
            return
        self._fit_next = self._fit_next or fit
        self._requested_at = time.perf_counter()
        self.status.setText(translate("NetworkView", "Laying out the network…"))
        library, minimum = self.ctx.library, self.min_spin.value()
        self.ctx.tasks.run(
            lambda control: compute(library, scope, article_id, actor_id, minimum, control),
            self._computed,
            self._failed,
            key=f"network-{id(self)}",
        )

    def _show_empty(self, text: str) -> None:
        self._result, self._drawing, self._highlight, self._marked = None, None, None, None
        self.scene.clear()
        self.status.setText(text)

    def _failed(self, error: BaseException) -> None:
        if not isinstance(error, LayoutCancelled):
            self._show_empty(
                translate("NetworkView", "The network could not be drawn: {error}").format(
                    error=message_of(error)
                )
            )

    # --- drawing -----------------------------------------------------------------------------------
    def _computed(self, result: LaidOutNetwork) -> None:
        started = time.perf_counter()
        self._result = result
        self._highlight, self._marked = None, None
        self._drawing = draw_network(self.scene, result.network, result.layout, self.canvas.palette())
        if self._fit_next:
            self.fit()
            self._fit_next = False
        network = result.network
        self.last_timing = {
            "query_seconds": round(result.query_seconds, 3),
            "layout_seconds": round(result.layout_seconds, 3),
            "scene_seconds": round(time.perf_counter() - started, 3),
        }
        if not network.nodes:
            self.status.setText(
                translate(
                    "NetworkView", "No two actors are named in the same sentence here (try a lower minimum)."
                )
            )
        else:
            self.status.setText(
                translate(
                    "NetworkView",
                    "{actors} actors, {links} links. Click an actor to select it, double-click for its "
                    "dossier; the wheel zooms, dragging moves.",
                ).format(actors=len(network.nodes), links=len(network.edges))
            )
        if self._actor_id is not None:
            self._mark(self._actor_id)
        self.canvas.viewport().update()
        self.loaded.emit()

    def _on_painted(self) -> None:
        if self._requested_at is not None and self._drawing is not None:
            seconds = time.perf_counter() - self._requested_at
            self._requested_at = None
            self.last_timing["request_to_paint_seconds"] = round(seconds, 3)
            self.shown.emit(seconds)

    def fit(self) -> None:
        """Zoom so that the whole network is in view."""
        rect = self.scene.sceneRect()
        if not rect.isEmpty():
            self.canvas.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        self.declutter()

    def declutter(self) -> None:
        """Show the labels of the most mentioned actors that do not cover one shown before them."""
        if self._drawing is None:
            return
        taken: list[QRectF] = []
        for label in self._drawing.labels:
            corner = self.canvas.mapFromScene(label.scenePos())
            rect = label.boundingRect().translated(float(corner.x()), float(corner.y()))
            free = not any(rect.intersects(other) for other in taken)
            label.setVisible(free)
            if free:
                taken.append(rect)

    def drawing(self) -> NetworkDrawing | None:
        """What is drawn (node items by actor id)."""
        return self._drawing

    def network(self) -> Network | None:
        """The network drawn."""
        return self._result.network if self._result is not None else None

    # --- selection ---------------------------------------------------------------------------------
    def _on_clicked(self, actor_id: int) -> None:
        self._actor_id = actor_id
        self._mark(actor_id)
        self.actor_selected.emit(actor_id)

    def select_actor(self, actor_id: int | None) -> None:
        """Mark an actor and its links (as selected elsewhere in the window)."""
        self._actor_id = actor_id
        if self.scope() == "actor" and self.isVisible():
            self.request()
        elif actor_id is not None:
            self._mark(actor_id)

    def _mark(self, actor_id: int) -> None:
        drawing, result = self._drawing, self._result
        if drawing is None or result is None:
            return
        palette = self.canvas.palette()
        if self._highlight is not None:
            self.scene.removeItem(self._highlight)
            self._highlight = None
        if self._marked is not None:
            self._marked.setPen(outline_pen(palette.color(palette.ColorRole.Base)))
            self._marked = None
        item = drawing.nodes.get(actor_id)
        self.scene.clearSelection()
        if item is None:
            return
        item.setSelected(True)
        centers = {i: node.pos() for i, node in drawing.nodes.items()}
        accent = QColor(palette.color(palette.ColorRole.Highlight))
        path = neighbour_path(result.network, centers, actor_id)
        self._highlight = self.scene.addPath(path, outline_pen(accent, 2.4))
        self._highlight.setZValue(0.5)
        item.setPen(outline_pen(accent, 3.0))
        self._marked = item

    def closeEvent(self, event: QCloseEvent) -> None:
        self.ctx.settings.setValue(GEOMETRY_KEY, self.saveGeometry())
        super().closeEvent(event)

"""The relations window: nodes and edges drawn, laid out off the GUI thread, click and double-click."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from PySide6.QtCore import Qt

from desktop.services.network import load_network
from desktop.ui import network_view
from desktop.ui.context import AppContext
from desktop.ui.network_scene import LabelItem, node_radius
from desktop.ui.network_view import NetworkWindow
from tests.ui.quote_support import SECOND, import_quoted
from tests.ui.reader_support import TIMEOUT


@pytest.fixture
def relations(qtbot: Any, ctx: AppContext) -> NetworkWindow:
    import_quoted(ctx)
    import_quoted(ctx, SECOND)
    window = NetworkWindow(ctx)
    qtbot.addWidget(window)
    window.resize(800, 600)
    return window


def _draw(qtbot: Any, window: NetworkWindow, scope: str = "library", minimum: int = 1) -> None:
    window.show()
    with qtbot.waitSignal(window.loaded, timeout=TIMEOUT):
        window.set_scope(scope, minimum)


def test_the_library_network_is_drawn_with_every_actor_and_link(
    relations: NetworkWindow, qtbot: Any, ctx: AppContext
) -> None:
    _draw(qtbot, relations)
    expected = load_network(ctx.library)
    drawing = relations.drawing()
    assert drawing is not None and expected.nodes
    assert set(drawing.nodes) == {n.id for n in expected.nodes}
    assert drawing.edge_count == len(expected.edges) > 0
    by_name = {item.node.name: item for item in drawing.nodes.values()}
    assert {"Anna Berg", "Tomas Lindqvist", "Nordhafen Bank", "Weissfeld"} <= set(by_name)
    for item in drawing.nodes.values():  # size by mentions, every actor of a small network labelled
        assert item.rect().width() == pytest.approx(2 * node_radius(item.node.mentions))
        assert any(
            isinstance(child, LabelItem) and child.text == item.node.name for child in item.childItems()
        )
    assert f"{len(expected.nodes)} actors, {len(expected.edges)} links" in relations.status.text()


def test_the_layout_runs_in_the_background(
    relations: NetworkWindow, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    threads: list[threading.Thread] = []
    real = network_view.network_layout

    def recording(*args: Any, **kwargs: Any) -> Any:
        threads.append(threading.current_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(network_view, "network_layout", recording)
    _draw(qtbot, relations)
    assert threads and all(t is not threading.main_thread() for t in threads)
    assert set(relations.last_timing) >= {"query_seconds", "layout_seconds", "scene_seconds"}


def _click_point(window: NetworkWindow, actor_id: int) -> Any:
    drawing = window.drawing()
    assert drawing is not None
    return window.canvas.mapFromScene(drawing.nodes[actor_id].scenePos())


def test_click_selects_an_actor_and_double_click_asks_for_its_dossier(
    relations: NetworkWindow, qtbot: Any
) -> None:
    _draw(qtbot, relations)
    drawing = relations.drawing()
    assert drawing is not None
    anna = next(i for i, item in drawing.nodes.items() if item.node.name == "Anna Berg")
    point = _click_point(relations, anna)
    with qtbot.waitSignal(relations.actor_selected, timeout=TIMEOUT) as selected:
        qtbot.mouseClick(relations.canvas.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert selected.args == [anna]
    assert drawing.nodes[anna].isSelected()
    with qtbot.waitSignal(relations.actor_activated, timeout=TIMEOUT) as activated:
        qtbot.mouseDClick(relations.canvas.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert activated.args == [anna]


def test_scopes_and_threshold(relations: NetworkWindow, qtbot: Any, ctx: AppContext) -> None:
    relations.show()
    relations.set_context(None, None)
    relations.set_scope("article")
    assert "Open an article" in relations.status.text()
    relations.set_scope("actor")
    assert "Select an actor" in relations.status.text()
    network = load_network(ctx.library)
    anna = next(n.id for n in network.nodes if n.name == "Anna Berg")
    relations.set_context(None, anna)
    with qtbot.waitSignal(relations.loaded, timeout=TIMEOUT):
        relations.request()
    around = load_network(ctx.library, actor=anna)
    drawing = relations.drawing()
    assert drawing is not None and set(drawing.nodes) == {n.id for n in around.nodes}
    assert drawing.nodes[anna].isSelected()
    with qtbot.waitSignal(relations.loaded, timeout=TIMEOUT):
        relations.set_scope("library", 99)
    assert relations.drawing() is not None and relations.drawing().nodes == {}  # type: ignore[union-attr]
    assert "No two actors" in relations.status.text()


def test_shown_labels_never_cover_each_other(relations: NetworkWindow, qtbot: Any) -> None:
    _draw(qtbot, relations)
    drawing = relations.drawing()
    assert drawing is not None and drawing.labels
    for zoom in (0.05, 1.0, 4.0):
        relations.canvas.resetTransform()
        relations.canvas.scale(zoom, zoom)
        relations.declutter()
        shown = []
        for label in drawing.labels:
            if label.isVisible():
                corner = relations.canvas.mapFromScene(label.scenePos())
                shown.append(label.boundingRect().translated(float(corner.x()), float(corner.y())))
        assert shown  # the most mentioned actor is always named
        assert not any(a.intersects(b) for n, a in enumerate(shown) for b in shown[n + 1 :])

"""Relations window benchmark: layout and painting of actor networks. Prints JSON.

    python -m tools.bench_network [--nodes 500] [--edges 1100] [--repeat 3] [--db FILE]

A seeded random network of ``--nodes`` actors (a few well-connected ones, many with one or two
links, as news co-occurrence networks are) is laid out (``desktop.core.network_layout``), drawn
into a scene and painted into an image the size of the window; each step is timed (best of
``--repeat``). With ``--db`` the whole-library network of that library is also opened in the real
relations window, timed from the request to the first paint (the figure the window shows).
Runs without a display (offscreen Qt).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from pathlib import Path
from typing import Any


def synthetic_network(nodes: int, edges: int, seed: int = 11) -> Any:
    """A network with a heavy-tailed degree distribution (preferential attachment), seeded."""
    from desktop.services.dto import Network, NetworkEdge, NetworkNode

    rng = random.Random(seed)
    kinds = ("person", "organization", "location", "other")
    pairs: dict[tuple[int, int], int] = {}
    targets = [1]
    for node in range(2, nodes + 1):
        for _ in range(1 if rng.random() < 0.6 else 2):
            other = rng.choice(targets)
            if other != node:
                pairs[(min(node, other), max(node, other))] = 1 + int(rng.random() < 0.2)
        targets.extend([node, node])
    while len(pairs) < edges:
        a, b = rng.choice(targets), rng.choice(targets)
        if a != b:
            key = (min(a, b), max(a, b))
            pairs[key] = pairs.get(key, 0) + 1
    degree: dict[int, int] = {}
    for a, b in pairs:
        degree[a] = degree.get(a, 0) + 1
        degree[b] = degree.get(b, 0) + 1
    node_rows = sorted(
        (NetworkNode(i, f"Actor {i}", kinds[i % 4], 1 + degree.get(i, 0)) for i in range(1, nodes + 1)),
        key=lambda n: (-n.mentions, n.id),
    )
    edge_rows = [NetworkEdge(a, b, s, 1) for (a, b), s in sorted(pairs.items())]
    return Network(tuple(node_rows), tuple(edge_rows))


def _best(repeat: int, fn: Any) -> tuple[Any, float]:
    best, result = float("inf"), None
    for _ in range(repeat):
        started = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - started)
    return result, round(best, 3)


def measure_synthetic(nodes: int, edges: int, repeat: int) -> dict[str, object]:
    """Layout, scene and paint times of a synthetic network."""
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtWidgets import QGraphicsScene

    from desktop.core.network_layout import network_layout
    from desktop.ui.network_scene import draw_network
    from desktop.ui.theme import light_palette

    network = synthetic_network(nodes, edges)
    index = {n.id: i for i, n in enumerate(network.nodes)}
    pairs = [(index[e.source], index[e.target]) for e in network.edges]
    weights = [e.sentences for e in network.edges]
    layout, layout_seconds = _best(repeat, lambda: network_layout(len(network.nodes), pairs, weights))
    scene = QGraphicsScene()
    drawing, scene_seconds = _best(repeat, lambda: draw_network(scene, network, layout, light_palette()))
    image = QImage(1100, 700, QImage.Format.Format_ARGB32_Premultiplied)

    def paint() -> None:
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        scene.render(painter, QRectF(image.rect()), scene.sceneRect())
        painter.end()

    _none, paint_seconds = _best(repeat, paint)
    return {
        "nodes": len(network.nodes),
        "edges": len(network.edges),
        "drawn_edges": drawing.edge_count,
        "layout_seconds": layout_seconds,
        "scene_seconds": scene_seconds,
        "paint_seconds": paint_seconds,
        "total_seconds": round(layout_seconds + scene_seconds + paint_seconds, 3),
    }


def measure_window(db: Path, minimum: int) -> dict[str, object]:
    """Open the whole-library network of ``db`` in the relations window; time request → painted."""
    from PySide6.QtCore import QElapsedTimer, QSettings, QTemporaryDir
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QApplication

    from desktop.storage.db import open_library, resolve_database_url
    from desktop.ui.context import AppContext
    from desktop.ui.network_view import NetworkWindow
    from desktop.ui.tasks import TaskRunner

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    folder = QTemporaryDir()
    settings = QSettings(os.path.join(folder.path(), "settings.ini"), QSettings.Format.IniFormat)
    library = open_library(resolve_database_url(str(db), {}))
    tasks = TaskRunner(app)
    ctx = AppContext(library=library, settings=settings, tasks=tasks, undo_stack=QUndoStack(app))
    window = NetworkWindow(ctx)
    window.resize(1100, 760)
    shown: list[float] = []
    window.shown.connect(shown.append)
    window.show()
    clock = QElapsedTimer()
    clock.start()
    window.set_scope("library", minimum)
    while not shown and clock.elapsed() < 60000:
        app.processEvents()
        time.sleep(0.001)
    network = window.network()
    figures: dict[str, object] = {
        "library_nodes": len(network.nodes) if network else 0,
        "library_edges": len(network.edges) if network else 0,
        "minimum_shared_sentences": minimum,
        **{f"library_{k}": v for k, v in window.last_timing.items()},
    }
    window.close()
    tasks.wait(10000)
    library.close()
    return figures


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    parser = argparse.ArgumentParser(prog="python -m tools.bench_network", description=__doc__)
    parser.add_argument("--nodes", type=int, default=500)
    parser.add_argument("--edges", type=int, default=1100)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--db", type=Path, help="also open this library's whole network in the window")
    parser.add_argument("--min", type=int, default=1, help="least shared sentences (with --db)")
    args = parser.parse_args(argv)
    if args.db is not None and not args.db.is_file():
        raise SystemExit(f"bench_network: {args.db} is not a library file")
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([sys.argv[0]])
    figures = measure_synthetic(args.nodes, args.edges, max(1, args.repeat))
    if args.db is not None:
        figures.update(measure_window(args.db, max(1, args.min)))
    print(json.dumps(figures, indent=2))
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())

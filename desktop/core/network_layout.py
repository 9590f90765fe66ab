"""Positions for an actor network: a force-directed layout per connected component, then packed.

Fruchterman–Reingold in numpy (float32, the repulsion as one dense pass per iteration), seeded
so that the same network always gets the same picture. networkx's own spring layout needs
SciPy from 500 nodes on; this one does not and stays well under a second for 1,000 actors.
Components are laid out one by one (largest first) and packed in rows, so a library of many
small groups is not squeezed to the rim of one big circle. Pairs and triangles get fixed shapes.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import numpy as np

Cancelled = Callable[[], bool]
#: Gap between packed components, in units of the layout's ideal edge length.
GAP = 1.2
#: Iterations for a component of ``n`` nodes: fewer for big ones.
MAX_ITERATIONS, MIN_ITERATIONS = 120, 50
#: Above this many nodes the repulsion of each iteration comes from a random sample of this many
#: others (scaled up), so an iteration costs n × SAMPLE instead of n² (a stochastic FR step).
SAMPLE = 256


class LayoutCancelled(Exception):
    """The layout was cancelled before it finished."""


@dataclass(frozen=True)
class Layout:
    """Node positions (in node order) in layout units; ``width``/``height`` bound them from 0."""

    positions: tuple[tuple[float, float], ...]
    width: float
    height: float


def _never() -> bool:
    return False


def components(n: int, edges: Sequence[tuple[int, int]]) -> list[list[int]]:
    """Connected components of nodes 0..n-1 (largest first, then by smallest node)."""
    parent = list(range(n))

    def find(a: int) -> int:
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    for a, b in edges:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[int, list[int]] = {}
    for node in range(n):
        groups.setdefault(find(node), []).append(node)
    return sorted(groups.values(), key=lambda g: (-len(g), g[0]))


def _iterations(n: int) -> int:
    if n <= 30:  # small groups settle quickly; their cost is numpy's per-call overhead
        return MIN_ITERATIONS
    if n <= 200:
        return MAX_ITERATIONS
    return max(MIN_ITERATIONS, int(MAX_ITERATIONS * math.sqrt(200 / n)))


def force_layout(
    n: int,
    edges: Sequence[tuple[int, int]],
    weights: Sequence[float] | None = None,
    *,
    seed: int = 7,
    iterations: int | None = None,
    cancelled: Cancelled = _never,
) -> np.ndarray:
    """Fruchterman–Reingold positions (n × 2, ideal edge length 1) of one connected graph."""
    rng = np.random.default_rng(seed)
    side = math.sqrt(n)
    x = (rng.random(n, dtype=np.float32) * side).astype(np.float32)
    y = (rng.random(n, dtype=np.float32) * side).astype(np.float32)
    if n < 2:
        return np.zeros((n, 2), dtype=np.float32)
    src = np.fromiter((a for a, _b in edges), dtype=np.int64, count=len(edges))
    dst = np.fromiter((b for _a, b in edges), dtype=np.int64, count=len(edges))
    # Heavier edges pull harder, but only logarithmically: one strong pair must not collapse.
    w = np.ones(len(edges), dtype=np.float32)
    if weights is not None:
        w = (1.0 + np.log(np.asarray(weights, dtype=np.float32))).astype(np.float32)
    rounds = iterations if iterations is not None else _iterations(n)
    temperature = side / 8
    cooling = temperature / (rounds + 1)
    for _ in range(rounds):
        if cancelled():
            raise LayoutCancelled
        if n > SAMPLE:
            others = rng.choice(n, SAMPLE, replace=False)
            ox, oy, scale = x[others], y[others], np.float32((n - 1) / SAMPLE)
        else:
            ox, oy, scale = x, y, np.float32(1)
        dx = x[:, None] - ox[None, :]
        dy = y[:, None] - oy[None, :]
        d2 = dx * dx
        d2 += dy * dy
        np.maximum(d2, np.float32(1e-4), out=d2)
        np.reciprocal(d2, out=d2)  # repulsion k²/d along the unit vector: delta / d² (k = 1)
        fx = (dx * d2).sum(axis=1) * scale
        fy = (dy * d2).sum(axis=1) * scale
        ex, ey = x[src] - x[dst], y[src] - y[dst]
        pull = np.sqrt(ex * ex + ey * ey) * w  # attraction d²/k along the unit vector: delta * d
        px, py = ex * pull, ey * pull
        fx -= np.bincount(src, px, minlength=n).astype(np.float32)
        fx += np.bincount(dst, px, minlength=n).astype(np.float32)
        fy -= np.bincount(src, py, minlength=n).astype(np.float32)
        fy += np.bincount(dst, py, minlength=n).astype(np.float32)
        length = np.sqrt(fx * fx + fy * fy) + np.float32(1e-9)
        step = np.minimum(length, np.float32(temperature)) / length
        x += fx * step
        y += fy * step
        temperature -= cooling
    return np.stack([x, y], axis=1)


def _small_shape(n: int) -> np.ndarray:
    """Fixed positions for one to three nodes (a point, a pair, a triangle)."""
    if n == 1:
        return np.zeros((1, 2), dtype=np.float32)
    angles = np.arange(n) * (2 * math.pi / n) + math.pi / 2
    radius = 0.5 if n == 2 else 0.6
    return np.stack([np.cos(angles) * radius, np.sin(angles) * radius], axis=1).astype(np.float32)


def network_layout(
    n: int,
    edges: Iterable[tuple[int, int]],
    weights: Iterable[float] | None = None,
    *,
    seed: int = 7,
    cancelled: Cancelled = _never,
) -> Layout:
    """Positions of nodes 0..n-1 linked by ``edges`` (with optional weights, e.g. shared sentences).

    The same input always gives the same layout; LayoutCancelled when ``cancelled()`` turns true.
    """
    pairs = [(int(a), int(b)) for a, b in edges]
    weight_list = [float(w) for w in weights] if weights is not None else [1.0] * len(pairs)
    if any(not (0 <= a < n and 0 <= b < n) for a, b in pairs):
        raise ValueError("an edge names a node outside 0..n-1")
    if n == 0:
        return Layout((), 0.0, 0.0)
    positions = np.zeros((n, 2), dtype=np.float32)
    by_node: dict[int, list[int]] = {}
    for k, (a, _b) in enumerate(pairs):
        by_node.setdefault(a, []).append(k)
    boxes: list[tuple[list[int], np.ndarray]] = []
    for group in components(n, pairs):
        if len(group) <= 3:
            local = _small_shape(len(group))
        else:
            index = {node: i for i, node in enumerate(group)}
            inner = [k for node in group for k in by_node.get(node, ())]
            local = force_layout(
                len(group),
                [(index[pairs[k][0]], index[pairs[k][1]]) for k in inner],
                [weight_list[k] for k in inner],
                seed=seed + len(boxes),
                cancelled=cancelled,
            )
        local = local - local.min(axis=0)
        boxes.append((group, local))
    width, height = _pack(boxes, positions)
    return Layout(tuple((float(px), float(py)) for px, py in positions), width, height)


def _pack(boxes: list[tuple[list[int], np.ndarray]], out: np.ndarray) -> tuple[float, float]:
    """Shelf packing, largest component first, rows about as wide as the whole is tall."""
    sizes = [local.max(axis=0) + GAP for _group, local in boxes]
    area = sum(float(w * h) for w, h in sizes)
    row_width = max(math.sqrt(area) * 1.3, max(float(w) for w, _h in sizes))
    x = y = row_height = 0.0
    width = 0.0
    for (group, local), (w, h) in zip(boxes, sizes, strict=True):
        if x > 0 and x + float(w) > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        out[group] = local + np.array([x, y], dtype=np.float32)
        x += float(w)
        row_height = max(row_height, float(h))
        width = max(width, x - GAP)
    return width, y + row_height - GAP

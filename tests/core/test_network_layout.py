"""The network layout: stable, finite, components apart, linked actors near each other, cancellable."""

from __future__ import annotations

import itertools
import math

import pytest

from desktop.core.network_layout import LayoutCancelled, components, force_layout, network_layout


def _distance(a: tuple[float, float], b: tuple[float, float]) -> float:
    return math.dist(a, b)


def test_empty_single_and_pairs() -> None:
    assert network_layout(0, []).positions == ()
    single = network_layout(1, [])
    assert single.positions == ((0.0, 0.0),)
    pair = network_layout(2, [(0, 1)])
    assert _distance(*pair.positions) == pytest.approx(1.0, abs=1e-6)


def test_the_same_network_gets_the_same_layout() -> None:
    edges = [(i, (i * 7 + 3) % 60) for i in range(60) if i != (i * 7 + 3) % 60]
    first = network_layout(60, edges, [1 + i % 3 for i in range(len(edges))])
    second = network_layout(60, edges, [1 + i % 3 for i in range(len(edges))])
    assert first == second
    assert all(math.isfinite(x) and math.isfinite(y) for x, y in first.positions)
    assert all(0 <= x <= first.width + 1e-6 and 0 <= y <= first.height + 1e-6 for x, y in first.positions)


def test_components_are_found_largest_first() -> None:
    assert components(6, [(0, 1), (2, 3), (3, 4)]) == [[2, 3, 4], [0, 1], [5]]


def test_components_do_not_overlap() -> None:
    clique = list(itertools.combinations(range(8), 2))
    chain = [(8 + i, 9 + i) for i in range(6)]
    layout = network_layout(20, clique + chain + [(16, 17)])  # 18 and 19 stay alone
    groups = components(20, clique + chain + [(16, 17)])
    boxes = []
    for group in groups:
        xs = [layout.positions[n][0] for n in group]
        ys = [layout.positions[n][1] for n in group]
        boxes.append((min(xs), min(ys), max(xs), max(ys)))
    for (ax1, ay1, ax2, ay2), (bx1, by1, bx2, by2) in itertools.combinations(boxes, 2):
        assert ax2 < bx1 or bx2 < ax1 or ay2 < by1 or by2 < ay1


def test_linked_actors_end_up_closer_than_unlinked_ones() -> None:
    left = list(itertools.combinations(range(10), 2))
    right = list(itertools.combinations(range(10, 20), 2))
    layout = network_layout(20, [*left, *right, (0, 10)])
    pos = layout.positions

    def mean(pairs: list[tuple[int, int]]) -> float:
        return sum(_distance(pos[a], pos[b]) for a, b in pairs) / len(pairs)

    across = [(a, b) for a in range(10) for b in range(10, 20)]
    assert mean(left + right) < 0.6 * mean(across)


def test_a_big_component_is_laid_out_with_sampled_repulsion() -> None:
    n = 700
    edges = [(i, (i + 1) % n) for i in range(n)] + [
        (i, (i * 13) % n) for i in range(0, n, 5) if (i * 13) % n != i
    ]
    layout = network_layout(n, edges)
    assert len(set(layout.positions)) == n  # no two actors on one spot
    assert all(math.isfinite(v) for p in layout.positions for v in p)


def test_cancelling_stops_the_layout() -> None:
    calls = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) > 3

    with pytest.raises(LayoutCancelled):
        force_layout(50, [(i, i + 1) for i in range(49)], cancelled=cancelled)


def test_an_edge_outside_the_nodes_is_refused() -> None:
    with pytest.raises(ValueError):
        network_layout(3, [(0, 3)])

"""Keeping long-lived objects out of the cyclic collector (desktop.core.heap)."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator

import pytest

from desktop.core import heap


@pytest.fixture(autouse=True)
def _unfrozen() -> Iterator[None]:
    enabled = gc.isenabled()
    yield
    gc.unfreeze()
    if enabled:
        gc.enable()


class Node:
    def __init__(self) -> None:
        self.me = self  # a reference cycle: only the cyclic collector frees it


def test_settle_moves_what_exists_out_of_later_collections() -> None:
    kept = [Node() for _ in range(100)]
    heap.settle()
    assert gc.get_freeze_count() >= 100
    walked = {id(o) for o in gc.get_objects()}  # what a collection would walk
    assert not any(id(n) in walked for n in kept)


def test_settle_with_collect_frees_garbage_first() -> None:
    gc.disable()
    Node()  # garbage at once: a cycle nobody refers to
    heap.settle(collect=True)
    frozen_nodes = sum(1 for o in gc.get_objects() if isinstance(o, Node))
    assert frozen_nodes == 0  # collected before the freeze, not kept forever


def test_loading_pauses_collection_and_settles_what_was_built() -> None:
    assert gc.isenabled()
    with heap.loading():
        assert not gc.isenabled()
        table = [Node() for _ in range(50)]
    assert gc.isenabled()
    assert gc.get_freeze_count() >= len(table)


def test_nested_and_concurrent_loads_share_one_pause() -> None:
    inside = threading.Event()
    release = threading.Event()
    states: list[bool] = []

    def other() -> None:
        with heap.loading():
            inside.set()
            release.wait(5)

    thread = threading.Thread(target=other)
    thread.start()
    assert inside.wait(5)
    with heap.loading(), heap.loading():
        states.append(gc.isenabled())
    states.append(gc.isenabled())  # the other thread still loads: still paused
    release.set()
    thread.join(5)
    assert states == [False, False]
    assert gc.isenabled()


def test_loading_keeps_collection_off_when_it_was_off() -> None:
    gc.disable()
    with heap.loading():
        pass
    assert not gc.isenabled()


def test_loading_restores_collection_when_the_block_fails() -> None:
    with pytest.raises(RuntimeError), heap.loading():
        raise RuntimeError("broken model file")
    assert gc.isenabled()

"""Keeping Python's cyclic garbage collector off the objects that live as long as the process.

A full collection walks every object the collector tracks, and no other thread runs meanwhile (the
GUI thread included). With both recognition models and the knowledge tables loaded that is about
200,000 objects and 130-150 ms on a 2-core machine; without them (the window after start-up) about
90,000 and 35-80 ms: a pause the reader sees whenever one happens to fall on opening an article.

The objects made at start-up and by loading a model (modules, classes, the window, the models'
tables) live until the process ends. :func:`settle` moves every object tracked so far into the
collector's permanent generation, so that later collections walk only what was made since;
:func:`loading` pauses collection while a model is built (the growing tables would otherwise be
walked again and again) and settles them afterwards.

Reference counting still frees a settled object once nothing refers to it; only a reference cycle
among settled objects that becomes garbage later is kept (the long-lived objects form few).
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_depth = 0
_was_enabled = True


def settle(*, collect: bool = False) -> None:
    """Exclude every object tracked now from later collections.

    ``collect``: first collect the garbage made since the last settling (cheap once the start-up
    objects are settled: only the objects made since are walked); else nothing is collected.
    """
    if collect:
        gc.collect()
    gc.freeze()


@contextmanager
def loading() -> Iterator[None]:
    """Pause cyclic collection while the block builds long-lived objects, then settle them.

    Nested and concurrent blocks (two threads loading two models) share one pause: collection is
    back, as it was before the first block, when the last one ends.
    """
    global _depth, _was_enabled
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0:
                settle()
                if _was_enabled:
                    gc.enable()

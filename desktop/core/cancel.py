"""Cancelling long core work from the inside, without threading a callable through every layer.

The importer runs each document's recognition inside :func:`cancel_scope`; the loops that take
the time (the tagger's batches, the statistical pipeline's chunks) call :func:`raise_if_cancelled`,
which raises :class:`OperationCancelled` once the caller's ``cancelled()`` turns true. The scope is a
context variable, so each thread (each background task) sees only its own.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

Cancelled = Callable[[], bool]

_current: ContextVar[Cancelled | None] = ContextVar("briefing_reader_cancelled", default=None)


class OperationCancelled(Exception):
    """The user cancelled the work in progress; nothing of the current item was stored."""


@contextmanager
def cancel_scope(cancelled: Cancelled) -> Iterator[None]:
    """Within the block, :func:`raise_if_cancelled` raises as soon as ``cancelled()`` is true."""
    token = _current.set(cancelled)
    try:
        yield
    finally:
        _current.reset(token)


def raise_if_cancelled() -> None:
    """Raise :class:`OperationCancelled` when the enclosing scope's ``cancelled()`` is true."""
    cancelled = _current.get()
    if cancelled is not None and cancelled():
        raise OperationCancelled

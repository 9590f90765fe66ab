"""What the window imports before Qt: SQLAlchemy, the models and the services it reads with at start.

Once PySide6 is imported it checks every module imported after it for its ``__feature__`` switches
by reading that module's source (``shibokensupport.feature``); SQLAlchemy and the services are
several hundred modules that never use Qt, and importing them first spared about 0.1 s of CPU of
the window's start-up (about a tenth; measured with ``python -m tools.bench_scale``). Nothing here
may import Qt (the services and storage layers never do).
"""

from __future__ import annotations

import importlib

#: The roots of what the window's start-up imports outside Qt (their own imports come with them).
WINDOW_SERVICES = (
    "desktop.storage.db",
    "desktop.storage.models",
    "desktop.services.dto",
    "desktop.services.article_meta",
    "desktop.services.annotations",
    "desktop.services.window_reads",
    "desktop.services.recognition",
    "sqlalchemy.dialects.sqlite",  # loaded by the engine when the library opens, after Qt otherwise
)


def import_window_services() -> None:
    """Import :data:`WINDOW_SERVICES` (call before the first PySide6 import; harmless after it)."""
    for name in WINDOW_SERVICES:
        importlib.import_module(name)

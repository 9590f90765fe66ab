"""Tells a waiting script when the window shows its first article (packaging tests, start-up timing).

When the environment variable ``BRIEFING_READER_READY_FILE`` names a file, the window writes one
JSON line there as soon as the first article is on screen: its id, title, number of characters
and of highlighted names, and the CPU seconds the process has used so far (all threads; on a busy
machine a steadier measure of start-up work than the wall-clock time). With
``BRIEFING_READER_QUIT_WHEN_READY=1`` the window then closes.
Without the variable nothing happens.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget

READY_FILE_ENV = "BRIEFING_READER_READY_FILE"
QUIT_ENV = "BRIEFING_READER_QUIT_WHEN_READY"


def install(window: QWidget, reader: Any) -> None:
    """Watch ``reader`` (its ``article_opened`` signal and ``detail()``) when a ready file is asked for."""
    target = os.environ.get(READY_FILE_ENV, "")
    if not target:
        return
    done = False

    def on_opened(article_id: int) -> None:
        nonlocal done
        if done:
            return
        done = True
        detail = reader.detail()
        line = {
            "article": article_id,
            "title": detail.title if detail else "",
            "characters": len(detail.text) if detail else 0,
            "names": len(detail.mentions) if detail else 0,
            "cpu_seconds": round(time.process_time(), 3),
        }
        Path(target).write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
        if os.environ.get(QUIT_ENV) == "1":
            QTimer.singleShot(0, window.close)

    reader.article_opened.connect(on_opened)

"""Column defaults shared by the ORM models: the current time and fresh annotation uids."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime


def utcnow() -> datetime:
    """The current time, timezone-aware in UTC (column default)."""
    return datetime.now(UTC)


def new_uid() -> str:
    """A fresh uuid4 as 36-character text with dashes (annotation uid default)."""
    return str(uuid.uuid4())

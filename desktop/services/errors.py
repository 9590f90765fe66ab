"""The services' typed errors that commands raise before any library is opened (no SQLAlchemy here)."""

from __future__ import annotations

from desktop.core.errors import UserError


class NotFoundError(UserError, LookupError):
    """A requested article, actor or annotation does not exist."""

"""How an article's source and date are named in the list and the reading pane (never a local path)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Protocol
from urllib.parse import urlsplit


class ArticleFacts(Protocol):
    """What ArticleRow and ArticleDetail both carry."""

    @property
    def source(self) -> str | None: ...
    @property
    def outlet(self) -> str | None: ...
    @property
    def published(self) -> str | None: ...
    @property
    def imported_at(self) -> str: ...


def site_of(source: str | None) -> str:
    """The host of a web address ("euronews.com"); "" for anything else (a file path stays private)."""
    if not source or "://" not in source:
        return ""
    host = urlsplit(source).hostname or ""
    return host.removeprefix("www.")


def source_label(item: ArticleFacts) -> str:
    """The outlet, else the site of the article's address; never a file name or path."""
    return " ".join((item.outlet or "").split()) or site_of(item.source)


def local_date(timestamp: str) -> str:
    """The local calendar day (ISO) of a stored timestamp (naive timestamps are UTC)."""
    if not timestamp:
        return ""
    try:
        moment = datetime.fromisoformat(timestamp)
    except ValueError:
        return timestamp[:10]
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone().date().isoformat()


def is_import_date(item: ArticleFacts) -> bool:
    """True when the article has no publication date and its import date stands in."""
    return not item.published and bool(item.imported_at)


def date_label(item: ArticleFacts) -> str:
    """The publication date, else the import date (ISO, day precision)."""
    return item.published or local_date(item.imported_at)


def date_tooltip(item: ArticleFacts) -> str:
    """Which date the Date column shows."""
    if item.published:
        return f"Published {item.published}"
    if item.imported_at:
        return f"Imported {local_date(item.imported_at)} (no publication date known)"
    return ""


def header_line(
    item: ArticleFacts, *, author: str | None = None, language: str = "", when: str | None = None
) -> str:
    """Outlet (or site), author, publication date (else "imported …") and language; never a file path.

    ``when`` replaces the date part (the window passes it in the user's language and date format)."""
    if when is None:
        when = item.published or (f"imported {local_date(item.imported_at)}" if item.imported_at else "")
    parts = (
        source_label(item),
        author or "",
        when,
        language.upper() if language and language != "und" else "",
    )
    return "  ·  ".join(" ".join(p.split()) for p in parts if p.strip())

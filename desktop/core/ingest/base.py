"""Shared pieces of the import layer: the error type, limits and the per-format result."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from desktop.core.errors import UserError
from desktop.core.filenames import display_path
from desktop.core.ingest.dates import is_date_line

MAX_FILE_BYTES = 20 * 1024 * 1024
"""Largest file (in bytes) that is read at all."""

MAX_TEXT_CHARS = 2_000_000
"""Longest text (in characters) that an imported document may have."""

MAX_TITLE_CHARS = 200
"""Titles longer than this are cut at a word boundary."""


class IngestError(UserError):
    """A document could not be imported; ``message`` is one plain sentence for the user."""

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True)
class Extracted:
    """What a format reader found, before normalisation and language detection."""

    text: str
    title: str | None = None
    author: str | None = None
    published: str | None = None
    source_url: str | None = None
    outlet: str | None = None  # the publication's name (site name, newspaper)
    warning: str = ""  # something the user should know although the text was read (one sentence)


_SPACE_RE = re.compile(r"\s+")
# What never belongs in a one-line field: C0/C1 controls (ESC, BEL, CSI…), DEL, lone surrogates.
_FIELD_JUNK_RE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
_ISO_DATE_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_GENERIC_TITLES = frozenset(
    {"untitled", "unbenannt", "title", "titel", "document", "dokument", "slide 1", "no title", "ohne titel"}
)
# Values that word processors or libraries write by themselves, not real authors.
_GENERIC_AUTHORS = frozenset(
    {"python-docx", "microsoft office user", "administrator", "admin", "user", "author", "owner", "unknown"}
)
_FILE_NAME_RE = re.compile(r"\.(?:docx?|pdf|rtf|odt|txt|tex|dvi|indd|pptx?|xlsx?|html?|qxp)$", re.IGNORECASE)
_TOOL_PREFIX_RE = re.compile(r"^(?:Microsoft (?:Word|PowerPoint|Excel) - |untitled)", re.IGNORECASE)


def describe(name: str) -> str:
    """Return how a file is named in messages: “name” or a generic phrase (always one printable line)."""
    return f"“{display_path(name)}”" if name else "this file"


def one_line(value: str) -> str:
    """``value`` as one clean line: NFC, whitespace runs as one space, control characters removed."""
    value = _FIELD_JUNK_RE.sub("", _SPACE_RE.sub(" ", value))
    if not value.isascii():
        value = unicodedata.normalize("NFC", value)
    return value.strip()


def clean_title(title: str | None) -> str | None:
    """One line without control characters, shortened when over-long; None when nothing is left."""
    if not title:
        return None
    title = one_line(title)
    if not title:
        return None
    if len(title) > MAX_TITLE_CHARS:
        cut = title[:MAX_TITLE_CHARS]
        space = cut.rfind(" ")
        if space > MAX_TITLE_CHARS // 2:
            cut = cut[:space]
        title = cut.rstrip(" ,;:-") + "…"
    return title


def clean_meta(value: object) -> str | None:
    """Return a stripped one-line metadata string, or None when empty."""
    if not isinstance(value, str):
        return None
    return one_line(value) or None


def iso_date(value: object) -> str | None:
    """Return ``YYYY-MM-DD`` when ``value`` starts with a plausible ISO date, else None."""
    if not isinstance(value, str):
        return None
    match = _ISO_DATE_RE.match(value.strip())
    if not match:
        return None
    year, month, day = (int(part) for part in match.groups())
    if not (1800 <= year <= 2200 and 1 <= month <= 12 and 1 <= day <= 31):
        return None
    return match.group(0)


def first_line(text: str) -> str | None:
    """Return the first non-empty line of ``text`` (stripped) that is not just a date, or None."""
    for line in text.splitlines():
        line = line.strip()
        if line and not is_date_line(line):
            return line
    return None


def meaningful_title(value: object) -> str | None:
    """A metadata title, unless it is empty, generic or just a file name."""
    title = clean_meta(value)
    if not title or sum(ch.isalpha() for ch in title) < 3:
        return None
    if title.casefold() in _GENERIC_TITLES or _FILE_NAME_RE.search(title) or _TOOL_PREFIX_RE.match(title):
        return None
    if "\\" in title or title.startswith("/"):
        return None
    return clean_title(title)


def meaningful_author(value: object) -> str | None:
    """A metadata author, unless it is empty or a value tools write by themselves."""
    author = clean_meta(value)
    if not author or author.casefold() in _GENERIC_AUTHORS or not any(ch.isalpha() for ch in author):
        return None
    return author

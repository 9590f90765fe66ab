"""Plain text and Markdown: the text is kept as it is; the title is its first line."""

from __future__ import annotations

import re

from desktop.core.ingest.base import Extracted, first_line, iso_date
from desktop.core.ingest.dates import date_line, is_date_line, stated_date

_FRONT_MATTER_RE = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_YAML_TITLE_RE = re.compile(r"^title[ \t]*:[ \t]*(.+?)[ \t]*$", re.MULTILINE | re.IGNORECASE)
_YAML_DATE_RE = re.compile(
    r"^(?:date|published|pubdate|publish_date|datum)[ \t]*:[ \t]*[\"']?(.+?)[\"']?[ \t]*$",
    re.MULTILINE | re.IGNORECASE,
)
_IMAGE_RE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK_RE = re.compile(r"\[([^\]]+)\]\([^)]*\)|\[([^\]]+)\]\[[^\]]*\]")
_AUTOLINK_RE = re.compile(r"<(https?://[^>\s]+)>")
_HTML_TAG_RE = re.compile(r"</?[A-Za-z][^>]*>")
_LEAD_RE = re.compile(r"^\s{0,3}(?:>\s*)*(?:#{1,6}(?=\s|$)|[-*+](?=\s)|\d{1,9}[.)](?=\s))?\s*")
_CLOSING_HASHES_RE = re.compile(r"\s+#+\s*$")
_EMPHASIS_RE = re.compile(
    r"(\*{1,3}|~~|`+)(?=\S)(.+?)(?<=\S)\1"  # *em*, **strong**, ~~strike~~, `code`
    r"|(?<!\w)(_{1,3})(?=\S)(.+?)(?<=\S)\3(?!\w)"  # _em_, __strong__, never inside words
)
# Unpaired marks at word edges; underscores only when they stand alone.
_STRAY_MARKS_RE = re.compile(r"(?:^|(?<=\s))[*~`]+|[*~`]+(?=\s|$)|(?:^|(?<=\s))_+(?=\s|$)")


def plain_title(text: str) -> str | None:
    """The first non-empty line of a plain text that is not just a date line."""
    return first_line(text)


def markdown_line_to_title(line: str) -> str:
    """Remove heading marks, list/quote markers, emphasis and link syntax from one line."""
    line = _LEAD_RE.sub("", line)
    line = _CLOSING_HASHES_RE.sub("", line)
    line = _IMAGE_RE.sub(r"\1", line)
    line = _LINK_RE.sub(lambda m: m.group(1) or m.group(2), line)
    line = _AUTOLINK_RE.sub(r"\1", line)
    line = _HTML_TAG_RE.sub("", line)
    for _ in range(3):  # nested emphasis such as ***bold italic*** or **_x_**
        line = _EMPHASIS_RE.sub(lambda m: m.group(2) if m.group(1) else m.group(4), line)
    line = _STRAY_MARKS_RE.sub("", line)
    return line.strip()


def markdown_title(text: str) -> str | None:
    """Title of a Markdown text: front-matter ``title:``, else its first line without markup."""
    body = text
    front = _FRONT_MATTER_RE.match(text)
    if front:
        found = _YAML_TITLE_RE.search(front.group(1))
        if found:
            title = found.group(1).strip().strip("\"'").strip()
            if title:
                return title
        body = text[front.end() :]
    for line in body.splitlines():
        title = markdown_line_to_title(line)
        if any(ch.isalnum() for ch in title) and not is_date_line(title):
            return title
    return None


def markdown_date(text: str) -> str | None:
    """Publication date of a Markdown text: front-matter ``date:``, else a date line near its start."""
    front = _FRONT_MATTER_RE.match(text)
    if not front:
        return stated_date(text)
    found = _YAML_DATE_RE.search(front.group(1))
    if found:
        value = found.group(1).strip()
        date = iso_date(value) or date_line(value)
        if date:
            return date
    return stated_date(text[front.end() :])


def read_plain(text: str) -> Extracted:
    """A plain text document: everything is text, the first line is the title."""
    return Extracted(text=text, title=plain_title(text), published=stated_date(text))


def read_markdown(text: str) -> Extracted:
    """A Markdown document: kept unrendered (it reads well); the title loses its markup."""
    return Extracted(text=text, title=markdown_title(text), published=markdown_date(text))

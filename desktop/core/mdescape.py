"""Escaping of untrusted text (article text, titles) for Markdown output.

Everything that comes from an article is rendered as literal text: no emphasis, links, HTML,
headings, lists, tables, wiki links, tags, maths or comments of Markdown dialects (CommonMark,
GFM, Obsidian) can be injected through it.
"""

from __future__ import annotations

import re

#: ASCII punctuation that gets a backslash in front (CommonMark allows escaping all of it).
#: ":" is included so that no URL is auto-linked (GFM, Obsidian) and no "key:: value" field
#: of Obsidian plugins arises; "," ";" "/" "?" "@" stay as they are, being inert.
ESCAPED_CHARS = frozenset("\\`*_{}[]<>()#+-.!|~=^&$%\"':")

#: Line breaks as Python (and the Markdown dialects) know them; they become spaces inline.
LINE_BREAK_RE = re.compile(r"\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")

# C0/C1 control characters except the tab; they are dropped (NUL would become U+FFFD).
_CONTROL_RE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def normalize_inline(s: str) -> str:
    """Return ``s`` as it reads after inline rendering: line breaks as spaces, controls removed."""
    return _CONTROL_RE.sub("", LINE_BREAK_RE.sub(" ", s))


def _entity(ch: str) -> str:
    return f"&#{ord(ch)};"


def escape_inline(s: str) -> str:
    """Escape ``s`` so that it renders as exactly its own text inside one paragraph or heading.

    Line breaks become spaces and control characters are dropped (see :func:`normalize_inline`);
    leading and trailing whitespace is kept as numeric character references, because Markdown
    would otherwise strip it or read four leading spaces as code.
    """
    text = normalize_inline(s)
    body = text.strip()
    if not body:
        return "".join(_entity(ch) for ch in text)
    lead = text[: len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()) :]
    escaped = "".join("\\" + ch if ch in ESCAPED_CHARS else ch for ch in body)
    return "".join(map(_entity, lead)) + escaped + "".join(map(_entity, trail))


def split_lines(s: str) -> list[str]:
    """Split ``s`` at every kind of line break (keeps empty lines, unlike ``str.splitlines``)."""
    return LINE_BREAK_RE.split(s)


def quote_block(s: str) -> str:
    """Render ``s`` as a Markdown block quote: every line escaped and prefixed with ``"> "``.

    Lines are stripped of surrounding whitespace; empty lines become a bare ``">"`` so that
    paragraphs of the quote stay inside the one block quote. Leading and trailing empty lines
    are dropped. The result has no trailing newline.
    """
    lines = [normalize_inline(line).strip() for line in split_lines(s)]
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    if not lines:
        return ">"
    return "\n".join("> " + escape_inline(line) if line else ">" for line in lines)

"""Containment of user-written Markdown (annotation notes) inside an exported document.

Notes are kept as the user wrote them. Only constructs that would run past the end of the note
and swallow the rest of the export are closed: fenced code blocks, the HTML blocks that end
at a marker rather than at a blank line (``<script>``, ``<pre>``, comments, …) and Obsidian's
``$$`` maths and ``%%`` comments.
"""

from __future__ import annotations

import re

_FENCE_OPEN_RE = re.compile(r"(`{3,}|~{3,})(.*)$")
# HTML blocks of CommonMark types 1-5: (start pattern, end marker)
_HTML_BLOCKS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"<(script|pre|style|textarea)(?=[\s>]|$)", re.IGNORECASE), ""),
    (re.compile(r"<!--"), "-->"),
    (re.compile(r"<\?"), "?>"),
    (re.compile(r"<![A-Za-z]"), ">"),
    (re.compile(r"<!\[CDATA\["), "]]>"),
)


def _indent(line: str) -> tuple[int, str]:
    """Column of the first non-blank character (tabs to multiples of 4) and the rest."""
    col = 0
    for i, ch in enumerate(line):
        if ch == " ":
            col += 1
        elif ch == "\t":
            col += 4 - col % 4
        else:
            return col, line[i:]
    return col, ""


def _unclosed_blocks(lines: list[str]) -> str | None:
    """The closing line needed for a fence or HTML block still open after ``lines``, if any."""
    fence: str | None = None
    html_end: str | None = None
    for line in lines:
        col, rest = _indent(line)
        if fence is not None:
            if col < 4 and rest.startswith(fence) and not rest.lstrip(fence[0]).strip():
                fence = None
            continue
        if html_end is not None:
            if html_end in line.lower():
                html_end = None
            continue
        if col >= 4:
            continue
        opened = _FENCE_OPEN_RE.match(rest)
        if opened and not (opened.group(1)[0] == "`" and "`" in opened.group(2)):
            fence = opened.group(1)
            continue
        for pattern, end in _HTML_BLOCKS:
            tag = pattern.match(rest)
            if tag:
                marker = end or f"</{tag.group(1).lower()}>"
                if marker not in rest[tag.end() :].lower():
                    html_end = marker
                break
    if fence is not None:
        return fence
    return html_end


def contain_note(note: str) -> str:
    """Return ``note`` (user Markdown) with anything left open at its end closed again.

    Line endings become ``"\\n"``; leading and trailing blank lines are removed.
    """
    lines = note.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    if not lines:
        return ""
    closer = _unclosed_blocks(lines)
    if closer is not None:
        lines.append(closer)
    body = "\n".join(lines)
    for marker in ("%%", "$$"):
        if body.count(marker) % 2:
            lines.append(marker)
            body += "\n" + marker
    return body

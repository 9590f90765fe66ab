"""Escaping of untrusted text (article text, titles) for Markdown output.

Everything that comes from an article is rendered as literal text: no emphasis, links, HTML,
headings, lists, tables, wiki links, tags, maths or comments of Markdown dialects (CommonMark,
GFM, Obsidian) can be injected through it. A backslash is added only where a character could
start or end such a construct where it stands ("Koalition der Willigen:" and "000_7f78.txt"
stay as they are), so the exported text reads like the article in a plain editor too.
"""

from __future__ import annotations

import re

#: Line breaks as Python (and the Markdown dialects) know them; they become spaces inline.
LINE_BREAK_RE = re.compile(r"\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")

#: Characters escaped wherever they stand: code spans, emphasis, strikethrough.
ALWAYS_ESCAPED = frozenset("`*~")

# C0/C1 control characters except the tab; they are dropped (NUL would become U+FFFD).
_CONTROL_RE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
# string.punctuation (ASCII), without importing string
_PUNCT = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_ENTITY_RE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});")
_ORDERED_MARKER_RE = re.compile(r"[0-9]{1,9}[.)](?=[ \t]|$)")
_DELIMITER_ROW_RE = re.compile(r"[|:\- \t]*-[|:\- \t]*")
_LINK_CLOSE_RE = re.compile(r"\][(\[:]")


def normalize_inline(s: str) -> str:
    """Return ``s`` as it reads after inline rendering: line breaks as spaces, controls removed."""
    return _CONTROL_RE.sub("", LINE_BREAK_RE.sub(" ", s))


def _entity(ch: str) -> str:
    return f"&#{ord(ch)};"


def _blank(ch: str | None) -> bool:
    return ch is None or ch.isspace()


def _needs_escape(body: str, i: int, dollars: bool, link_close: int) -> bool:
    """Whether ``body[i]`` could be read as Markdown where it stands (``i == 0``: a line start)."""
    ch = body[i]
    prev = body[i - 1] if i > 0 else None
    nxt = body[i + 1] if i + 1 < len(body) else None
    if ch in ALWAYS_ESCAPED:
        return True
    if ch == "\\":  # an escape or, at the end of a line, a hard break
        return nxt is None or nxt in _PUNCT
    if ch == "_":  # intraword "_" opens and closes nothing
        return not (prev is not None and nxt is not None and prev.isalnum() and nxt.isalnum())
    if ch == "[":  # links, footnotes, wiki links, reference definitions, callouts
        return nxt in ("[", "^") or (i == 0 and nxt == "!") or link_close > i
    if ch == "<":  # HTML and autolinks
        return nxt is not None and (nxt.isalpha() or nxt in "/!?")
    if ch == "#":  # headings and their closing run, Obsidian tags
        return i == 0 or (_blank(prev) and (not _blank(nxt) or not body[i:].strip("#")))
    if ch == "^":  # Obsidian block ids, inline footnotes "^[...]"
        return (_blank(prev) and not _blank(nxt)) or nxt == "["
    if ch in "=%":  # Obsidian ==highlight== and %%comment%%; setext underline
        return i == 0 or nxt == ch or prev == ch
    if ch == ":":  # Obsidian/Dataview "key:: value", autolinked "scheme://"
        return nxt == ":" or body.startswith("//", i + 1)
    if ch == "$":  # $maths$ needs two dollars
        return dollars
    if ch == "&":
        return _ENTITY_RE.match(body, i) is not None
    if ch == "@":  # e-mail autolinks
        return not _blank(prev) and not _blank(nxt)
    if ch == ".":  # "www." autolinks
        return body[max(0, i - 3) : i].lower() == "www" and (i == 3 or not body[i - 4].isalnum())
    if i == 0:  # block starts: quotes, lists, thematic breaks, setext underlines
        return ch == ">" or (ch in "-+" and (_blank(nxt) or nxt == ch))
    return False


def escape_inline(s: str, *, dollars: bool | None = None, closed_later: bool = False) -> str:
    """Escape ``s`` so that it renders as exactly its own text inside one paragraph or heading.

    Only characters that could be read as Markdown where they stand get a backslash. Line
    breaks become spaces and control characters are dropped (see :func:`normalize_inline`);
    leading and trailing whitespace is kept as numeric character references, because Markdown
    would otherwise strip it or read four leading spaces as code.

    A line of a longer paragraph (a block quote's) passes what the whole paragraph holds: ``dollars``,
    whether it has two dollar signs, and ``closed_later``, whether a link's closing bracket follows
    on a later line (a "[" here would open that link).
    """
    if _PLAIN_RE.fullmatch(s) is not None:
        return s  # nothing in it can be read as Markdown where it stands, and nothing to normalise
    return _escape_inline(s, dollars, closed_later)


# Text returned as it is by escape_inline: it has no character _needs_escape could escape where it
# stands (a "." only after no "w", a ":" before no ":" or "/", a "&" that starts no entity), no block
# start (">", "-", "+", "|", ":", a digit) at its beginning, no whitespace at either end and no line
# break or control character. tests/core/test_mdescape.py checks it against the whole path.
_PLAIN_FIRST = r"[^`*~\\_\[<#^=%:$&@.>+\-|0-9\s\x00-\x1f\x7f-\x9f]"
_PLAIN_NEXT = (  # possessive: runs of plain characters are taken whole, never tried again in parts
    r"(?:[^`*~\\_\[<#^=%:$&@.\n\r\x0b\x0c\x00-\x08\x0e-\x1f\x7f-\x9f\u2028\u2029]++"
    r"|(?<![wW])\.|:(?![:/])|&(?![#A-Za-z]))*+"
)
_PLAIN_RE = re.compile(rf"{_PLAIN_FIRST}(?:{_PLAIN_NEXT}(?<!\s))?")


def _escape_inline(s: str, dollars: bool | None, closed_later: bool) -> str:
    """:func:`escape_inline` character by character."""
    text = normalize_inline(s)
    body = text.strip()
    if not body:
        return "".join(_entity(ch) for ch in text)
    lead = text[: len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()) :]
    if dollars is None:
        dollars = body.count("$") >= 2
    closes = [m.start() for m in _LINK_CLOSE_RE.finditer(body)]
    last_close = len(body) if closed_later else (closes[-1] if closes else -1)
    marker = _ORDERED_MARKER_RE.match(body)
    list_dot = marker.end() - 1 if marker else -1
    table_row = bool(_DELIMITER_ROW_RE.fullmatch(body)) and ("|" in body or ":" in body)
    # only the characters _needs_escape knows can need a backslash (the first also as a block start)
    escaped = {i for i in _positions(body) if _needs_escape(body, i, dollars, last_close)}
    if list_dot >= 0:
        escaped.add(list_dot)
    if table_row:
        escaped.add(0)
    out, done = [], 0
    for i in sorted(escaped):
        out.append(body[done:i])
        out.append("\\")
        done = i
    out.append(body[done:])
    return "".join(map(_entity, lead)) + "".join(out) + "".join(map(_entity, trail))


_CANDIDATE_RE = re.compile(r"[`*~\\_\[<#^=%:$&@.]")


def _positions(body: str) -> list[int]:
    """Where ``body`` has a character that may need a backslash: the ones :func:`_needs_escape`
    looks at anywhere, and the first character (block starts)."""
    found = [m.start() for m in _CANDIDATE_RE.finditer(body)]
    if body and (not found or found[0] != 0):
        found.insert(0, 0)
    return found


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
    # A paragraph runs on over its lines: a "[" may close on a later line ("[\n](url)"), "$" pair up.
    dollars = sum(line.count("$") for line in lines) >= 2
    closes = [i for i, line in enumerate(lines) if "]" in line]  # may close a "[" of a line before
    last = closes[-1] if closes else -1
    return "\n".join(
        "> " + escape_inline(line, dollars=dollars, closed_later=i < last) if line else ">"
        for i, line in enumerate(lines)
    )

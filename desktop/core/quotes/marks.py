"""Quotation marks: pair „…“ "…" »…« «…» ‚…‘ '…' “…” ‘…’ in one linear scan.

A mark opens when it stands before a word (after a space, a bracket or a dash) and closes
when it stands after one; an apostrophe inside a word ("don't", "Trump's") is no mark.
Quotations do not run over a line break. A double mark left open at the end of its
paragraph is kept as *unclosed* (translations and hand-typed text often lose the closing
mark); the finder ends it at its sentence, or at its paragraph when the next paragraph opens
another quotation (the English way of quoting several paragraphs).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# What closes each opening mark (sloppy pairs included: „…" and „…” are common).
CLOSERS: dict[str, str] = {
    "„": '“”"',
    "“": '”“"',
    '"': '"”“',
    "»": "«",
    "«": "»",
    "‚": "‘’'",
    "‘": "’'",
    "'": "'’",
    "›": "‹",
    "‹": "›",
}
DOUBLE_OPENERS = frozenset('„“"»«')
_MARK = re.compile("[„“”\"«»‚‘’'‹›\n]")
_ALL_MARKS = frozenset("„“”\"«»‚‘’'‹›")
_OPEN_AFTER = frozenset("([{–—-/:;") | _ALL_MARKS
_CLOSE_BEFORE = frozenset(".,;:!?)]}–—-/…") | _ALL_MARKS
_MAX_DEPTH = 4


@dataclass(frozen=True)
class Marked:
    """A quotation: ``text[start:end]`` is inside the marks at ``open_at`` and ``close_at``."""

    open_at: int
    close_at: int | None  # None: never closed in its paragraph
    start: int
    end: int
    mark: str  # the opening mark

    @property
    def outer_end(self) -> int:
        """The end including the closing mark."""
        return self.close_at + 1 if self.close_at is not None else self.end


def find_marked(text: str) -> list[Marked]:
    """Every quotation in ``text``, in order of its opening mark."""
    found: list[Marked] = []
    stack: list[tuple[str, int]] = []  # open marks of the current paragraph, innermost last
    line_start = 0
    line_end = _line_end(text, 0)
    for match in _MARK.finditer(text):
        i = match.start()
        ch = text[i]
        if ch == "\n":
            _unclosed(stack, i, found)
            stack.clear()
            line_start, line_end = i + 1, _line_end(text, i + 1)
            continue
        prev = text[i - 1] if i > line_start else " "
        nxt = text[i + 1] if i + 1 < line_end else " "
        if ch in "'’" and prev.isalnum() and (nxt.isalnum() or _plural_possessive(text, i, line_end)):
            continue  # an apostrophe: "don't", "the Smiths' plans"
        can_open = (prev.isspace() or prev in _OPEN_AFTER) and not nxt.isspace()
        can_close = not prev.isspace() and (nxt.isspace() or nxt in _CLOSE_BEFORE)
        if (can_close or not can_open) and _close(stack, ch, i, found):
            continue
        if ch in CLOSERS and can_open and len(stack) < _MAX_DEPTH:
            stack.append((ch, i))
    _unclosed(stack, len(text), found)
    found.sort(key=lambda m: m.open_at)
    return found


def _line_end(text: str, start: int) -> int:
    end = text.find("\n", start)
    return len(text) if end < 0 else end


def _close(stack: list[tuple[str, int]], ch: str, i: int, found: list[Marked]) -> bool:
    """Close the innermost open mark that ``ch`` closes (inner ones left open are dropped)."""
    for depth in range(len(stack) - 1, -1, -1):
        opener, at = stack[depth]
        if ch in CLOSERS[opener]:
            found.append(Marked(at, i, at + 1, i, opener))
            del stack[depth:]
            return True
    return False


def _plural_possessive(text: str, i: int, line_end: int) -> bool:
    """ "the Smiths' plans": a mark after -s, then a lower-case word, is an apostrophe."""
    return text[i - 1] == "s" and i + 2 < line_end and text[i + 1] == " " and text[i + 2].islower()


def _unclosed(stack: list[tuple[str, int]], line_end: int, found: list[Marked]) -> None:
    """Keep the outermost double mark left open at a paragraph's end."""
    for opener, at in stack:
        if opener in DOUBLE_OPENERS:
            found.append(Marked(at, None, at + 1, line_end, opener))
            return


def next_paragraph_opens(text: str, paragraph_end: int) -> bool:
    """Whether the paragraph after ``paragraph_end`` begins with an opening double mark."""
    i = paragraph_end
    while i < len(text) and text[i].isspace():
        i += 1
    return i < len(text) and text[i] in DOUBLE_OPENERS

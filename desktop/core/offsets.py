"""Code-point offsets (Python string indices) and UTF-16 offsets (Qt text positions).

The store counts characters as Python does (one per code point); Qt counts UTF-16 code
units, so every character outside the Basic Multilingual Plane (emoji, some CJK, historic
scripts) takes two Qt positions. ``to_utf16``/``from_utf16`` convert one offset;
``OffsetMap`` converts many offsets of the same text quickly.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from desktop.core.errors import UserError

_ASTRAL_RE = re.compile("[\U00010000-\U0010ffff]")


class OffsetError(UserError, ValueError):
    """An offset lies outside the text it refers to."""


def utf16_length(text: str) -> int:
    """Length of ``text`` in UTF-16 code units."""
    return len(text) + len(_ASTRAL_RE.findall(text))


class OffsetMap:
    """Converts offsets of one text in both directions in O(log n) per offset."""

    def __init__(self, text: str) -> None:
        self._length = len(text)
        # Code-point indices of astral characters, and where each starts in UTF-16 units.
        self._astral = [m.start() for m in _ASTRAL_RE.finditer(text)]
        self._astral16 = [index + k for k, index in enumerate(self._astral)]
        self.utf16_length = self._length + len(self._astral)

    @property
    def length(self) -> int:
        """Length of the text in code points."""
        return self._length

    def to_utf16(self, index: int) -> int:
        """UTF-16 offset of code-point ``index`` (0 <= index <= len(text))."""
        if not 0 <= index <= self._length:
            raise OffsetError(f"Offset {index} is outside the text (0-{self._length}).")
        if not self._astral:
            return index
        return index + bisect_left(self._astral, index)

    def from_utf16(self, position: int) -> int:
        """Code-point index at UTF-16 ``position``; inside a surrogate pair, the character's start."""
        if not 0 <= position <= self.utf16_length:
            raise OffsetError(f"Position {position} is outside the text (0-{self.utf16_length}).")
        if not self._astral:
            return position
        before = bisect_left(self._astral16, position)  # astral characters starting before position
        if before and self._astral16[before - 1] + 1 == position:
            return self._astral[before - 1]
        return position - before


def to_utf16(text: str, index: int) -> int:
    """The UTF-16 offset (Qt position) of code-point ``index`` in ``text``."""
    return OffsetMap(text).to_utf16(index)


def from_utf16(text: str, position: int) -> int:
    """The code-point index of UTF-16 ``position`` in ``text`` (rounded down inside a surrogate pair)."""
    return OffsetMap(text).from_utf16(position)

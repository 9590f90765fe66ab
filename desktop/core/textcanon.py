"""A canonical form of text for tolerant searching, with a map back to the original offsets.

Whitespace runs become one space, typographic quote and dash variants become their ASCII form,
invisible characters (soft hyphen, zero-width characters, BOM) are dropped. Case folding keeps
one character per character so that offsets stay mappable.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_DOUBLE_QUOTES = '"„“”‟«»″〝〞＂'
_SINGLE_QUOTES = "'‚‘’‛‹›′＇"
_DASHES = "-‐‑‒–—―−﹣－"
_VARIANTS = str.maketrans(
    {
        **dict.fromkeys(map(ord, _DOUBLE_QUOTES), '"'),
        **dict.fromkeys(map(ord, _SINGLE_QUOTES), "'"),
        **dict.fromkeys(map(ord, _DASHES), "-"),
    }
)
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
_SPECIAL_RE = re.compile(rf"[\s{_INVISIBLE}]+")


def fold_case(s: str) -> str:
    """Lower-case ``s`` without changing its length (characters that would expand stay as they are)."""
    low = s.lower()
    if len(low) == len(s):  # no character expanded, so the mapping is one to one
        return low
    return "".join(low_ch if len(low_ch := ch.lower()) == 1 else ch for ch in s)


@dataclass(frozen=True)
class CanonicalText:
    """``text`` is the canonical form; ``origin[i]`` is the original offset of ``text[i]``."""

    text: str
    origin: tuple[int, ...]
    source_length: int

    @classmethod
    def of(cls, source: str) -> CanonicalText:
        """Build the canonical form of ``source``."""
        pieces: list[str] = []
        origin: list[int] = []
        pos = 0
        for match in _SPECIAL_RE.finditer(source):
            a, b = match.span()
            if a > pos:
                pieces.append(source[pos:a])
                origin.extend(range(pos, a))
            run = match.group()
            if run.strip(_INVISIBLE) and (pieces or a > 0):  # whitespace in it: one space
                pieces.append(" ")
                origin.append(a)
            pos = b
        if pos < len(source):
            pieces.append(source[pos:])
            origin.extend(range(pos, len(source)))
        return cls("".join(pieces).translate(_VARIANTS), tuple(origin), len(source))

    def span(self, i: int, j: int) -> tuple[int, int]:
        """Map the canonical span ``[i, j)`` (not starting or ending with a space) to the source."""
        return self.origin[i], self.origin[j - 1] + 1


def canonical_needle(s: str) -> str:
    """The canonical form of a search string (NFC, as stored text is), without surrounding whitespace."""
    return CanonicalText.of(unicodedata.normalize("NFC", s)).text.strip(" ")


def find_all(haystack: str, needle: str) -> list[int]:
    """Start offsets of all occurrences of ``needle`` in ``haystack``, overlapping ones included."""
    hits: list[int] = []
    i = haystack.find(needle)
    while i >= 0:
        hits.append(i)
        i = haystack.find(needle, i + 1)
    return hits

"""Search snippets cut into plain and matching pieces, for the window's list and the terminal."""

from __future__ import annotations

from collections.abc import Sequence


def snippet_segments(snippet: str, hits: Sequence[tuple[int, int]]) -> list[tuple[str, bool]]:
    """Split a snippet into (text, is_hit) pieces at the hit positions (bad or overlapping ones dropped)."""
    segments: list[tuple[str, bool]] = []
    position = 0
    for start, end in sorted(hits):
        start, end = max(start, position), min(end, len(snippet))
        if start >= end:
            continue
        if start > position:
            segments.append((snippet[position:start], False))
        segments.append((snippet[start:end], True))
        position = end
    if position < len(snippet):
        segments.append((snippet[position:], False))
    return segments

"""Where a set of names stands alone in a text, found in one pass over its words.

A name stands alone where no word character or hyphen touches it on either side (as the pattern
``(?<![\\w-])name(?![\\w-])`` finds it). Searching the text once per name costs the number of names
times the text's length, which grows with the square of a long text; here a few names are searched
one by one, and more names by looking each run of word characters and hyphens up among the names
that begin with it, so the cost grows with the text's length.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator

_RUN = re.compile(r"[\w-]+")
_FEW = 8  # up to this many names, a search for each is the faster pass


def occurrences(text: str, names: Iterable[str]) -> Iterator[tuple[int, int, str]]:
    """``(start, end, name)`` of every standalone occurrence of one of ``names``, in text order and
    not overlapping (at one place the longest name that fits), as one pattern of all the names
    would find them."""
    unique = sorted({name for name in names if _RUN.match(name)}, key=len, reverse=True)
    if len(unique) <= _FEW:
        yield from _found(text, unique)
        return
    by_head: dict[str, list[str]] = defaultdict(list)
    for name in unique:  # longest first within each head
        by_head[_RUN.match(name).group(0)].append(name)  # type: ignore[union-attr]
    length, reach = len(text), 0
    for run in _RUN.finditer(text):
        start = run.start()
        if start < reach:
            continue
        for name in by_head.get(run.group(0), ()):
            end = start + len(name)
            if text.startswith(name, start) and (end == length or not _touches(text[end])):
                yield start, end, name
                reach = end
                break


def _found(text: str, names: list[str]) -> Iterator[tuple[int, int, str]]:
    """A few names searched one by one with ``str.find`` (no pattern to compile for each text)."""
    hits: dict[int, tuple[int, int, str]] = {}
    for name in names:  # longest first: at one start the longest name that stands alone
        at = text.find(name)
        while at >= 0:
            end = at + len(name)
            if (
                at not in hits
                and (at == 0 or not _touches(text[at - 1]))
                and (end == len(text) or not _touches(text[end]))
            ):
                hits[at] = (at, end, name)
            at = text.find(name, at + 1)
    reach = 0
    for start in sorted(hits):
        if start >= reach:
            yield hits[start]
            reach = hits[start][1]


def _touches(char: str) -> bool:
    return char.isalnum() or char in "_-"

"""Where a set of names stands alone in a text, found in one pass over its words.

A name stands alone where no word character or hyphen touches it on either side (as the pattern
``(?<![\\w-])name(?![\\w-])`` finds it). Searching the text once per name costs the number of names
times the text's length, which grows with the square of a long text; here each run of word
characters and hyphens is looked up among the names that begin with it, so the cost grows with the
text's length.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator

_RUN = re.compile(r"[\w-]+")


def occurrences(text: str, names: Iterable[str]) -> Iterator[tuple[int, int, str]]:
    """``(start, end, name)`` of every standalone occurrence of one of ``names``, in text order (at
    one place the longest name that fits)."""
    by_head: dict[str, list[str]] = defaultdict(list)
    for name in set(names):
        head = _RUN.match(name)
        if head is not None and head.end() > 0:
            by_head[head.group(0)].append(name)
    if not by_head:
        return
    for candidates in by_head.values():
        candidates.sort(key=len, reverse=True)
    length = len(text)
    for run in _RUN.finditer(text):
        start = run.start()
        for name in by_head.get(run.group(0), ()):
            end = start + len(name)
            if text.startswith(name, start) and (end == length or not _touches(text[end])):
                yield start, end, name
                break


def _touches(char: str) -> bool:
    return char.isalnum() or char in "_-"

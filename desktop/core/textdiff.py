"""A word-level diff of two versions of a text, for showing what a new version changed."""

from __future__ import annotations

import difflib
import re
from typing import Literal

Kind = Literal["same", "added", "removed"]
_TOKEN = re.compile(r"\s+|\w+|[^\w\s]")
#: Texts longer than this (in tokens) are compared line by line, which is much cheaper.
MAX_WORD_TOKENS = 60_000


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def text_diff(old: str, new: str) -> list[tuple[Kind, str]]:
    """Runs of unchanged, removed and added text that turn ``old`` into ``new``."""
    a, b = _tokens(old), _tokens(new)
    if len(a) + len(b) > MAX_WORD_TOKENS:
        a, b = old.splitlines(keepends=True), new.splitlines(keepends=True)
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    runs: list[tuple[Kind, str]] = []

    def add(kind: Kind, pieces: list[str]) -> None:
        text = "".join(pieces)
        if not text:
            return
        if runs and runs[-1][0] == kind:
            runs[-1] = (kind, runs[-1][1] + text)
        else:
            runs.append((kind, text))

    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            add("same", a[i1:i2])
        else:
            add("removed", a[i1:i2])
            add("added", b[j1:j2])
    return runs

"""A frequent given name right before a word the text names a person by is part of that name.

A model may tag a surname alone ("Gardner") and leave the given name before it ("Republican Cory
Gardner") out, or miss the full name where it first appears and find only the surname later (the
first-pass rule that adds "Given Surname" pairs leaves out surnames that are also places' names).
Where the text names a person by one word, a frequent given name written right before that word (one
space, no span over it) joins it: the span grows to "Cory Gardner", or a new person span covers an
untagged "Cory Gardner". The given name must be no common word and no place's name.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from desktop.core.entities.occurrences import occurrences
from desktop.core.entities.recognizer import span_order, without_overlaps
from desktop.core.types import EntitySpan

_WORD_BEFORE = re.compile(r"(?<![\w'’.-])([A-ZÄÖÜ][a-zäöüß]+) $")


def given_names_before_surnames(
    text: str, spans: list[EntitySpan], given_name: Callable[[str], bool]
) -> list[EntitySpan]:
    """``spans`` with the people named by one word joined to a given name right before it (see the
    module); ``given_name``: a frequent given name that is no common word and no place."""
    surnames = {s.text for s in spans if s.type == "person" and " " not in s.text and s.text[:1].isupper()}
    if not surnames:
        return spans
    ordered = sorted(spans, key=span_order)
    out: list[EntitySpan] = []
    added: list[EntitySpan] = []
    for span in ordered:
        start = _given_start(text, span.start, span.text, given_name) if span.text in surnames else None
        if (
            span.type == "person"
            and start is not None
            and not any(s.start < span.start and s.end > start for s in ordered)
        ):
            span = EntitySpan(start, span.end, text[start : span.end], "person", span.score)
        out.append(span)
    for a, b, surname in occurrences(text, surnames):
        start = _given_start(text, a, surname, given_name)
        if start is not None:
            added.append(EntitySpan(start, b, text[start:b], "person", 0.5))
    added = without_overlaps(added, out)
    return sorted([*out, *added], key=span_order) if added or out != ordered else spans


def _given_start(text: str, start: int, surname: str, given_name: Callable[[str], bool]) -> int | None:
    match = _WORD_BEFORE.search(text[max(0, start - 30) : start])
    if match is None or match.group(1) == surname or not given_name(match.group(1)):
        return None
    return start - (len(match.group(0)))

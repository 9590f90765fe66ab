"""Police forces named before what their people are (English).

"A Hampshire Police spokesman", "Metropolitan Police sergeant Matiu Ratana", "a Lancashire
Constabulary officer": a force's name used as a modifier is read by a model as no name at all.
One to three capitalised words (a place, "Metropolitan") before "Police" or "Constabulary"
(optionally "Department", "Service", "Force") name an organisation, whatever follows; a leading
"The", "A" or "An" is left out, a lone "Police" ("Police said") is no name.
"""

from __future__ import annotations

import re

from desktop.core.entities.organizations import replace_spans
from desktop.core.types import EntitySpan

_FORCE = re.compile(
    # a word ending in a full stop only as a short abbreviation ("St.", "U.S."), not a sentence's end
    r"(?<![\w'’-])((?:(?:[A-Z][\w'’-]*\w|[A-Z][A-Za-z.]{0,3}\.) ){1,3}(?:Police|Constabulary)"
    r"(?: (?:Department|Service|Force))?)(?![\w-])"
)
_LEADING = ("The ", "A ", "An ")


def police_forces(text: str, spans: list[EntitySpan]) -> list[EntitySpan]:
    """Spans with police forces named so (see the module's notes) as organisations, each replacing
    the spans inside it; one that cuts through a span is left out."""
    candidates = []
    for match in _FORCE.finditer(text):
        start, name = match.start(1), match.group(1)
        for word in _LEADING:
            if name.startswith(word):
                start, name = start + len(word), name[len(word) :]
        if " " in name:
            candidates.append(EntitySpan(start, start + len(name), name, "organization", 0.5))
    if not candidates:
        return spans

    def accept(candidate: EntitySpan, inside: list[EntitySpan]) -> bool:
        return all(candidate.start <= s.start and s.end <= candidate.end for s in inside)

    return replace_spans(spans, candidates, accept)

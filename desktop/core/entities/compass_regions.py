"""German regions named by a capitalised adjective and a compass point: "im Nahen Osten".

German writes the compass points as nouns ("im Osten des Landes": a direction, no actor); an
adjective before one is written capitalised only when the two are a region's name ("der Nahe
Osten", "im Fernen Osten", "im Wilden Westen"). So a capitalised adjective (ending -e, -en, -er)
and a compass point, after a lower-case word or a comma (not a sentence's first word, which is
capitalised anyway), name a place; it replaces spans inside it, never one that reaches beyond it.
"""

from __future__ import annotations

import re

from desktop.core.entities.organizations import replace_spans
from desktop.core.types import EntitySpan

_REGION = re.compile(
    r"(?:(?<=[a-zäöüß] )|(?<=, ))([A-ZÄÖÜ][a-zäöüß]+(?:e|en|er) (?:Osten|Westen|Norden|Süden)s?)(?![\w-])"
)


def compass_regions(text: str, language: str, spans: list[EntitySpan]) -> list[EntitySpan]:
    """German: "<Adjective> Osten/Westen/Norden/Süden" as a place (see the module)."""
    if language != "de":
        return spans
    candidates = [
        EntitySpan(m.start(1), m.end(1), m.group(1), "location", 0.5) for m in _REGION.finditer(text)
    ]
    if not candidates:
        return spans

    def accept(candidate: EntitySpan, inside: list[EntitySpan]) -> bool:
        return all(s.start >= candidate.start and s.end <= candidate.end for s in inside)

    return replace_spans(spans, candidates, accept)

"""Words after a name that belong to no name, or say what it names (English).

- Post-nominal letters of the British professions and honours: "Judge Durham Hall QC",
  "Kama Melly QC", "Jo Cox MP", "Sir Mo Farah CBE": the person is "Durham Hall".
- A lower-case kind word ending a place: "Afghanistan's Maidan Wardak province", "landing at
  Calicut airport": the place is "Maidan Wardak", "Calicut" (English writes a place's name with
  capitals; "the Gaza Strip" is written so).
- A place's kind as the last word of an "organisation" ("the Washington Monument", "the Iraqi
  Kurdistan Region", "Punta Ventana Peninsula"): it is a place.
- A regime named after its leader ("the Assad regime", "the Maduro government", "the Obama
  administration"): the one word before it is a person, unless it is a place ("the Kabul
  government"), a known organisation ("the Taliban regime"), a capitals' abbreviation or a word
  that says no name (``not_a_leader``: nationality words, common words).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from desktop.core.entities.recognizer import span_order
from desktop.core.types import EntitySpan

POST_NOMINALS = frozenset(
    {"QC", "KC", "MP", "MSP", "MEP", "AM", "MLA", "OBE", "CBE", "MBE", "KBE", "DBE", "CH", "OM", "FRS", "PhD"}
)
_PLACE_KINDS = frozenset(
    {
        "province", "airport", "district", "region", "county", "state", "city", "town", "village",
        "governorate", "prefecture", "municipality", "area", "border", "island", "islands",
    }
)  # fmt: skip


_PLACE_HEADS = frozenset(
    {
        "Monument", "Region", "Province", "Island", "Islands", "Mountains", "Valley", "Peninsula",
        "Desert", "Sea", "Ocean", "River", "Lake", "Bay", "Strait", "Gulf", "Canyon", "Square", "Strip",
    }
)  # fmt: skip
_REGIME = re.compile(r"\bthe ([A-Z][a-z]+(?:-[A-Z][a-z]+)?) (?:regime|government|administration|junta)\b")


def _cut(span: EntitySpan, words: int) -> EntitySpan:
    """``span`` without its last ``words`` words (and the spaces before them)."""
    text = span.text.rstrip()
    for _ in range(words):
        text = text[: text.rfind(" ")].rstrip()
    return EntitySpan(span.start, span.start + len(text), text, span.type, span.score)


def cut_name_tails(spans: list[EntitySpan], language: str) -> list[EntitySpan]:
    """Spans without post-nominal letters after a person's name and without a lower-case place
    kind after a place's name (see the module's notes); English only."""
    if language != "en":
        return spans
    out = []
    for span in spans:
        words = span.text.split()
        post_nominal = len(words) >= 3 and span.type == "person" and words[-1].strip(",") in POST_NOMINALS
        place_kind = (
            len(words) >= 2
            and span.type == "location"
            and words[-1] in _PLACE_KINDS
            and all(w[:1].isupper() for w in words[:-1])
        )
        if post_nominal or place_kind:
            span = _cut(span, 1)
        elif span.type == "organization" and len(words) >= 2 and words[-1] in _PLACE_HEADS:
            span = EntitySpan(span.start, span.end, span.text, "location", span.score)
        out.append(span)
    return out


def leaders_of_regimes(
    text: str, spans: list[EntitySpan], not_a_leader: Callable[[str], bool]
) -> list[EntitySpan]:
    """Spans with the leader a regime is named after as a person (see the module's notes), replacing
    a place or organisation span of that word there; a span that cuts through it keeps it out."""
    found = [m for m in _REGIME.finditer(text) if not not_a_leader(m.group(1))]
    if not found:
        return spans
    by_start = {s.start: s for s in spans}
    out = list(spans)
    for match in found:
        start, end = match.span(1)
        old = by_start.get(start)
        if old is not None and old.end == end and old.type != "person":
            out.remove(old)
        elif old is not None or any(s.start < end and start < s.end for s in spans):
            continue
        out.append(EntitySpan(start, end, match.group(1), "person", 0.5))
    return sorted(out, key=span_order)

"""An English place named with its state or country after a comma is a place ("El Paso, Texas").

The English model types some towns as people or organisations ("the border city of El Paso, Texas"
a person, "born in Detroit, Michigan" an organisation, "the Governor of Tyumen Oblast, Russia" a
person). A name the gazetteer knows as a place, written right before a comma and a region or a
country of the gazetteer ("El Paso, Texas"; not "Hagan, North Carolina's first ..."), is that
place: every span of that name typed a person or an organisation becomes a place (the model often
types the span before the comma a place and the later ones a person: "El Paso's police"). A name the
gazetteer does not know as a place keeps its type ("Christchurch District Court, New Zealand").

Read on the actor lists of 219 unannotated English Wikinews articles of 2019-2020 (none of them in
the gold set): 3 actors retyped, all right ("El Paso", "Detroit", "Tyumen Oblast" are places). On
100 chunks of 20 lines of NTREX-128 English news: no change. The English dev articles of
tests/data/actors/dev unchanged; span F1 on UNER English EWT dev and CrossNER politics dev
unchanged (0.738, 0.823).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from desktop.core.entities.consistency import as_places
from desktop.core.types import EntitySpan

_AFTER = re.compile(r",[ \t]+([A-Z][\w.]*(?:[ \t][A-Z][\w.]*){0,2})(?![\w'’])")
_HOLDERS = ("region", "country")


def places_before_regions(
    text: str, spans: list[EntitySpan], place_kind: Callable[[str], str | None]
) -> list[EntitySpan]:
    """``spans`` with a known place written before ", <region or country>" typed as a place;
    ``place_kind``: the gazetteer's kind of a place's name, None for no place."""
    places: set[str] = set()
    for span in spans:
        name = span.text.strip()
        if name in places or place_kind(name) is None:
            continue
        match = _AFTER.match(text, span.end)
        if match is not None and _holder(match.group(1), place_kind):
            places.add(name)
    return as_places(spans, places)


def _holder(name: str, place_kind: Callable[[str], str | None]) -> bool:
    """The region or country the words after the comma begin with ("Texas", "New Zealand")."""
    words = name.split()
    return any(place_kind(" ".join(words[:k]).rstrip(".")) in _HOLDERS for k in range(len(words), 0, -1))

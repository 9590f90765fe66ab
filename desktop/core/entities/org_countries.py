"""Countries in the genitive that end organisations' names: "Arbeiterpartei Kurdistans",
"Katholischer Laienrat Österreichs" (used by :mod:`~desktop.core.entities.org_phrases`)."""

from __future__ import annotations

import re

from desktop.core.entities.gazetteer import Gazetteer
from desktop.core.types import EntitySpan

# a capitalised adjective in -isch inside a sentence is part of a name ("der Katholischen Jugend")
NAMING_ISCH = re.compile(r"isch(e|en|er|es)$")


def country_owned(phrase: EntitySpan, inside: list[EntitySpan], gazetteer: Gazetteer) -> EntitySpan | None:
    """The country in the genitive that ends a phrase begun by a capitalised adjective in -isch
    ("Katholischer Laienrat Österreichs"): the body belongs to it, the country is no name's part."""
    words = phrase.text.split()
    if len(words) < 3 or not NAMING_ISCH.search(words[0]):
        return None
    last = next((s for s in inside if s.end == phrase.end and s.type == "location"), None)
    return last if last is not None and genitive_place(last.text.strip(), gazetteer) else None


def genitive_place(word: str, gazetteer: Gazetteer) -> bool:
    """A country's or region's name in the genitive ("Kurdistans", "Chinas"), no place's name itself."""
    if len(word) < 5 or not word.endswith("s") or word.endswith("ss") or gazetteer.place(word) is not None:
        return False
    place = gazetteer.place(word[:-1])
    return place is not None and place.kind in ("country", "region")

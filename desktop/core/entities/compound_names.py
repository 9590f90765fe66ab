"""German: a name that a compound shows to be a company's or a party's ("Zielpunkt-Pleite",
"Likud-Partei") is an organisation where the text writes it alone too ("Exklusivpartner von
Zielpunkt", "eine Spaltung des Likud").

German joins a name to a noun with a hyphen; some nouns only follow the name of a company or a party
(its bankruptcy, shares, branches, board, parliamentary group). Such a compound is no mention of its
own (a name only inside compounds is no actor of the article), but the name's other occurrences,
alone, are the organisation's: each one no span covers becomes one. A name that is a known place, a
given name, a nationality or a common word is left out, and so is a name the text gives a person
("Clinton-Sprecher" is no company's; "Trump" stays a person whatever follows it).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from desktop.core.entities.occurrences import occurrences
from desktop.core.entities.recognizer import span_order, without_overlaps
from desktop.core.types import EntitySpan

# nouns that follow a company's or a party's name in a compound, inflected forms included
_TAILS = (
    "Konzern", "Konzerns", "Pleite", "Insolvenz", "Aktie", "Aktien", "Filiale", "Filialen", "Partei",
    "Fraktion", "Zentrale", "Tochter", "Übernahme", "Gruppe", "Vorstand", "Vorstands",
)  # fmt: skip
_HYPHENED_TAILS = tuple(f"-{tail}" for tail in _TAILS if not tail.endswith("s") or tail[:-1] not in _TAILS)
_COMPOUND = re.compile(rf"(?<![\w-])([A-ZÄÖÜ][\w]*[\w])-(?:{'|'.join(_TAILS)})(?![\w-])")


def organizations_named_in_compounds(
    text: str, spans: list[EntitySpan], excluded: Callable[[str], bool]
) -> list[EntitySpan]:
    """``spans`` with the lone occurrences of names shown by a compound as organisations (see the
    module); ``excluded``: places, given names, nationalities and common words."""
    if not any(tail in text for tail in _HYPHENED_TAILS):  # a few substring tests before the pattern
        return spans
    names = {m.group(1) for m in _COMPOUND.finditer(text)}
    if not names:
        return spans
    people = {w for s in spans if s.type == "person" for w in s.text.split()}
    names = {n for n in names if n not in people and not n.isdigit() and not excluded(n)}
    alone = [EntitySpan(a, b, name, "organization", 0.5) for a, b, name in occurrences(text, names)]
    added = without_overlaps(alone, spans)
    return sorted([*spans, *added], key=span_order) if added else spans

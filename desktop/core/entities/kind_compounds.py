"""German organisations named by a name joined to their kind: "Sailer-Gruppe", "Al-Kuds-Krankenhaus".

German writes a company, a party, a foundation or a hospital as its name and its kind in one
hyphenated word ("die deutsche Wendel-Gruppe", "der Fidesz-Partei", "der Porsche-Holding"); a
recogniser trained on names that stand alone mostly misses it. Such a compound (or its genitive) is
an organisation when the part before the kind is a name:

- no part of it is a German common noun ("Rebellen-Gruppe", "Mitte-Links-Partei") or a word English
  writes in lower case ("Tech-Konzern", "Impeachment-Bewegung");
- it is no country, people or nationality ("Vatikan-Bank", "Kurden-Partei"); a town names its
  institutions ("Potsdam-Institut");
- it is no word of a person's name in the text, and a party or movement is not named by a known
  politician ("die Mubarak-Partei" describes a party);
- a short abbreviation only when it is a known organisation ("IT-Konzern", "US-Konzern" are none);
- no capitalised word follows: "der Neonazi-Partei Goldene Morgenröte" gives the kind of the name
  after it. Plurals ("Facebook-Gruppen") are kinds, never names.

Armed groups ("Qassam-Brigaden") are found by
:func:`~desktop.core.entities.news_fixes.german_group_compounds`, which runs first.
"""

from __future__ import annotations

import re

from desktop.core.entities.gazetteer import Gazetteer
from desktop.core.entities.news_fixes import german_group_compounds
from desktop.core.entities.recognizer import span_order, without_overlaps
from desktop.core.types import EntitySpan

_KINDS = (
    "Gruppe", "Holding", "Konzern", "Stiftung", "Partei", "Bewegung", "Verlag", "Front", "Institut",
    "Krankenhaus", "Klinik", "Spital", "Bank", "Versicherung", "Gewerkschaft",
)  # fmt: skip
_COMPOUND = re.compile(
    r"(?<![\w-])((?:[A-ZÄÖÜ][\w]*-)*[A-ZÄÖÜ][\w]*)-(" + "|".join(_KINDS) + r")(?:s|es)?(?![\w-])(?! [A-ZÄÖÜ])"
)
_PERSONAL_KINDS = frozenset({"Partei", "Bewegung", "Front"})
_SHORT_ABBREVIATION = 3  # "IT", "US", "EU": up to this many capitals, an abbreviation must be known


def _name_part(part: str, kind: str, people: set[str], gazetteer: Gazetteer, nouns: frozenset[str]) -> bool:
    words = part.split("-")
    if part in nouns or any(w in nouns or w in gazetteer.english_common_words for w in words):
        return False
    if words[-1] in people or part in people:
        return False
    if kind in _PERSONAL_KINDS and part.lower() in gazetteer.person_variants:
        return False  # "der Mubarak-Partei": a party named by its leader is described, not named
    place = gazetteer.place_or_country(part, language="de")
    if gazetteer.is_demonym(part, "de") or (place is not None and place.kind == "country"):
        return False  # "Vatikan-Bank", "Ukraine-Gruppe"; a town's institution is named ("Potsdam-Institut")
    if part.endswith("n") and gazetteer.is_demonym(part[:-1], "de"):
        return False  # "Kurden" of "Kurde"
    if part.isupper() and len(part) <= _SHORT_ABBREVIATION:
        return gazetteer.organization(part) is not None
    return not part.startswith(("Anti-", "Pro-", "Ex-"))


def german_kind_compounds(
    text: str, spans: list[EntitySpan], gazetteer: Gazetteer, nouns: frozenset[str]
) -> list[EntitySpan]:
    """Spans with the armed groups and the organisations named as a name joined to their kind."""
    spans = german_group_compounds(text, spans, gazetteer, "de")
    if not any(f"-{kind}" in text for kind in _KINDS):
        return spans
    people = {word for s in spans if s.type == "person" for word in s.text.split()}
    candidates = [
        EntitySpan(m.start(), m.end(), m.group(0), "organization", 0.5)
        for m in _COMPOUND.finditer(text)
        if _name_part(m.group(1), m.group(2), people, gazetteer, nouns)
    ]
    if not candidates:
        return spans
    kept = [  # a person or place the model made of the compound or its name gives way to it
        s
        for s in spans
        if s.type == "organization" or not any(c.start <= s.start and s.end <= c.end for c in candidates)
    ]
    return sorted([*kept, *without_overlaps(candidates, kept)], key=span_order)

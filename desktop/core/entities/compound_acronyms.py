"""One German compound that an acronym in brackets defines: "Bundesimmobiliengesellschaft (BIG)".

German names an authority, a court or a company in one compound word ("Handelsgericht",
"Bundeswettbewerbsbehörde", "Arbeitsmarktservice"); a recogniser trained on names of several
words often misses it, and then the acronym after it stays alone or is missed too. A capitalised
word of eight or more letters right before an acronym in brackets is an organisation when

- the acronym has two capitals or more, begins with the word's initial, and all its letters occur in
  the word in order ("Bundes|immobilien|gesellschaft (BIG)", not "Terrororganisation (PKK)");
- and the word ends with an institution's head noun ("-gericht", "-behörde", "-gesellschaft"), or
  the recogniser found the acronym as an organisation somewhere in the text ("Arbeitsmarktservice
  (AMS)"). "Bruttoinlandsprodukt (BIP)" and "Solid-State-Disk (SSD)" are neither.

The word is added only where no span lies on it; the acronym's other mentions then join it as
every defined acronym does (:mod:`desktop.core.entities.acronyms`).
"""

from __future__ import annotations

import re

from desktop.core.entities.org_phrases import GERMAN_HEADS
from desktop.core.entities.recognizer import span_order, without_overlaps
from desktop.core.types import EntitySpan

_DEFINED = re.compile(
    r"(?<![\w-])([A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ]?[a-zäöüß]+)*)\s?\(\s?([A-ZÄÖÜ][A-Za-zÄÖÜäöü]{1,5})\s?\)"
)
_MIN_LETTERS = 8
_HEADS = tuple(sorted(GERMAN_HEADS, key=len, reverse=True))
_GENITIVE = re.compile(r"(?:es|s)$")


def _letters_in_order(acronym: str, word: str) -> bool:
    low = word.lower()
    letters = acronym.lower()
    if low[:1] != letters[:1]:
        return False
    pos = 1
    for c in letters[1:]:
        pos = low.find(c, pos)
        if pos < 0:
            return False
        pos += 1
    return True


def _institution(word: str) -> bool:
    low = word.lower()
    return low.endswith(_HEADS) or _GENITIVE.sub("", low).endswith(_HEADS)


def compounds_defined_by_acronyms(text: str, spans: list[EntitySpan]) -> list[EntitySpan]:
    """The spans with every compound its acronym defines added as an organisation (see module)."""
    if "(" not in text:
        return spans
    organisations = {s.text for s in spans if s.type == "organization"}
    candidates = []
    for match in _DEFINED.finditer(text):
        word, acronym = match.group(1), match.group(2)
        if (
            len(word) < _MIN_LETTERS
            or sum(c.isupper() for c in acronym) < 2
            or not _letters_in_order(acronym, word)
            or not (_institution(word) or acronym in organisations)
        ):
            continue
        candidates.append(EntitySpan(match.start(1), match.end(1), word, "organization", 0.5))
    if not candidates:
        return spans
    return sorted([*spans, *without_overlaps(candidates, spans)], key=span_order)

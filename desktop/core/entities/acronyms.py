"""Acronyms defined in the text: "Bundeswettbewerbsbehörde (BWB)" makes every "BWB" a mention.

:func:`acronym_spans` adds every occurrence of an acronym defined right after a name as a span of
the name's type; the linker joins them with the long form (:func:`acronym_definitions`). An
acronym defines the name when its letters fit the name (:func:`acronym_fits`), or, after an
organisation's name of two words or more or one ending with an institution's head noun, also when
they do not (with two capitals or more): German news keeps the
acronyms of the organisations' own languages ("Partei Recht und Gerechtigkeit (PiS)", "Ärzte ohne
Grenzen (MSF)", "Arbeiterpartei Kurdistans (PKK)"), but not a country's code ("HC Litvinov (CZE)").
"""

from __future__ import annotations

import re
from collections.abc import Collection

from desktop.core.entities.compound_acronyms import compounds_defined_by_acronyms
from desktop.core.entities.defined_names import names_defined_by_acronyms
from desktop.core.entities.org_phrases import GERMAN_HEADS
from desktop.core.entities.recognizer import span_order, without_overlaps
from desktop.core.types import EntitySpan

ACRONYM = re.compile(r"\s*\(\s*([A-ZÄÖÜ][A-Za-zÄÖÜäöü0-9&\-]{1,9})\s*\)")
_HEADS = tuple(GERMAN_HEADS)  # a one-word name an unfitting acronym may stand for: "...partei (PYD)"


def defines(acronym: str, name: str, kind: str, country_codes: Collection[str] = ()) -> bool:
    """Whether an acronym in brackets right after a name of this type abbreviates it (see module)."""
    if acronym_fits(acronym, name):
        return True
    if kind != "organization" or sum(c.isupper() for c in acronym) < 2 or acronym in country_codes:
        return False  # "Bayern München (Alaba)", "Neue Galerie Linz (Lentos)": a name, no acronym
    return " " in name.strip() or name.lower().endswith(_HEADS)


def acronym_definitions(
    text: str, spans: list[EntitySpan], country_codes: Collection[str] = ()
) -> dict[str, EntitySpan]:
    """Acronym -> the span it abbreviates, for "Long Name (ACR)" right after a non-person span
    (``country_codes``: codes that name no organisation, see :func:`defines`)."""
    found: dict[str, EntitySpan] = {}
    for span in spans:
        if span.type == "person":
            continue
        match = ACRONYM.match(text, span.end)
        if match is None:
            continue
        acronym = match.group(1)
        if (
            sum(c.isupper() for c in acronym) >= 2
            and acronym != span.text
            and defines(acronym, span.text, span.type, country_codes)
        ):
            found.setdefault(acronym, span)
    return found


def acronym_fits(acronym: str, name: str) -> bool:
    """The acronym's first letter starts a word of the name, and its letters occur in order."""
    letters = [c.lower() for c in acronym if c.isalpha()]
    low = name.lower()
    if not letters or not any(w[:1].lower() == letters[0] for w in name.split()):
        return False
    pos = 0
    for c in letters:
        pos = low.find(c, pos)
        if pos < 0:
            return False
        pos += 1
    return True


def acronym_spans(
    text: str, spans: list[EntitySpan], country_codes: Collection[str] = ()
) -> list[EntitySpan]:
    """Every occurrence of an acronym defined in the text, as a span of its long form's type (long
    forms with link words first: :func:`~desktop.core.entities.defined_names.names_defined_by_acronyms`)."""
    spans = compounds_defined_by_acronyms(text, names_defined_by_acronyms(text, spans))
    definitions = acronym_definitions(text, spans, country_codes)
    if not definitions:
        return spans
    pattern = re.compile(r"(?<![\w-])(" + "|".join(re.escape(a) for a in definitions) + r")(?![\w-])")
    candidates = [
        EntitySpan(m.start(), m.end(), m.group(0), definitions[m.group(0)].type, 0.5)
        for m in pattern.finditer(text)
    ]
    return sorted([*spans, *without_overlaps(candidates, spans)], key=span_order)

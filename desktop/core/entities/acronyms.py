"""Acronyms defined in the text: "Bundeswettbewerbsbehörde (BWB)" makes every "BWB" a mention.

:func:`acronym_spans` adds every occurrence of an acronym defined right after a name as a span of
the name's type; the linker joins them with the long form (:func:`acronym_definitions`).
"""

from __future__ import annotations

import re

from desktop.core.entities.compound_acronyms import compounds_defined_by_acronyms
from desktop.core.entities.defined_names import names_defined_by_acronyms
from desktop.core.entities.recognizer import span_order, without_overlaps
from desktop.core.types import EntitySpan

ACRONYM = re.compile(r"\s*\(\s*([A-ZÄÖÜ][A-Za-zÄÖÜäöü0-9&\-]{1,9})\s*\)")


def acronym_definitions(text: str, spans: list[EntitySpan]) -> dict[str, EntitySpan]:
    """Acronym -> the span it abbreviates, for "Long Name (ACR)" right after a non-person span."""
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
            and acronym_fits(acronym, span.text)
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


def acronym_spans(text: str, spans: list[EntitySpan]) -> list[EntitySpan]:
    """Every occurrence of an acronym defined in the text, as a span of its long form's type (long
    forms with link words first: :func:`~desktop.core.entities.defined_names.names_defined_by_acronyms`)."""
    spans = compounds_defined_by_acronyms(text, names_defined_by_acronyms(text, spans))
    definitions = acronym_definitions(text, spans)
    if not definitions:
        return spans
    pattern = re.compile(r"(?<![\w-])(" + "|".join(re.escape(a) for a in definitions) + r")(?![\w-])")
    candidates = [
        EntitySpan(m.start(), m.end(), m.group(0), definitions[m.group(0)].type, 0.5)
        for m in pattern.finditer(text)
    ]
    return sorted([*spans, *without_overlaps(candidates, spans)], key=span_order)

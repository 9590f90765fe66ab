"""Organisations listed after the plural of their kind: "die Parteien Swoboda und Rechter Sektor".

News names several organisations of one kind at once: "der Marken Dodge, Ram und Jeep", "die
Zeitungen La Dernière Heure und Het Laatste Nieuws", "the parties Likud and Yesh Atid". After a
plural kind noun (German also as a compound's end: "Boulevardzeitungen"), perhaps with "wie"
("such as", "including", "like": "Konservative Websites wie Gateway Pundit und RedState"), an
enumeration of two or more names joined by commas and a last "und"/"sowie"/"oder" ("and"/"or")
lists organisations. Each
name is the span a model found there (its words tell where a foreign name ends), else the
capitalised words (up to three) before the next comma or link word; the model must have found one of
the listed names at least ("für Organisationen Bestechung und Korruption" lists none). A name that
is a known place, a nationality, a weekday or month, or a German common noun the model saw no name
in is left out, as after a singular kind (:mod:`kind_cues`); a listed name replaces only spans
inside it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from desktop.core.entities.organizations import replace_spans
from desktop.core.types import EntitySpan

_GERMAN_PLURALS = (
    "parteien", "zeitungen", "konzerne", "milizen", "gruppen", "gruppierungen", "organisationen",
    "banken", "sender", "gewerkschaften", "firmen", "unternehmen", "marken", "fluglinien", "airlines",
    "hersteller", "autobauer", "verbände", "vereine", "bewegungen", "agenturen", "magazine",
    "webseiten", "websites", "blogs", "dienste", "institute", "portale",
)  # fmt: skip
_ENGLISH_PLURALS = (
    "parties", "newspapers", "companies", "groups", "militias", "organizations", "organisations",
    "banks", "broadcasters", "unions", "firms", "brands", "airlines", "carriers", "manufacturers",
    "carmakers", "movements", "agencies", "magazines", "outlets", "networks", "charities",
    "websites", "blogs", "institutes", "startups", "start-ups",
)  # fmt: skip
_KIND = {
    "de": re.compile(r"(?<![\w-])([A-ZÄÖÜ]\w*) (?:wie )?(?=[A-ZÄÖÜ])"),  # "Websites wie X und Y"
    "en": re.compile(rf"(?<![\w-])({'|'.join(_ENGLISH_PLURALS)}) (?:such as |including |like )?(?=[A-Z])"),
}
_WORD = r"[A-ZÄÖÜ][\w&'’.-]*[\w&]|[A-ZÄÖÜ]"
_NAME = re.compile(rf"(?:{_WORD})(?: (?:{_WORD})){{0,2}}")
_COMMA = re.compile(r", (?=[A-ZÄÖÜ])")
_LAST = re.compile(r" (?:und|sowie|oder|and|or|as well as) (?=[A-ZÄÖÜ])")
_MAX_NAMES = 8
_ABSTRACT = ("ung", "heit", "keit", "ion", "tät", "schaft", "ismus")  # German abstract nouns' endings


def _listed(text: str, start: int, longest: dict[int, int]) -> list[tuple[int, int]]:
    """The names of an enumeration that starts at ``start`` (none unless two or more end it)."""
    names: list[tuple[int, int]] = []
    pos = start
    while len(names) < _MAX_NAMES:
        if pos in longest:
            end = longest[pos]
        else:
            match = _NAME.match(text, pos)
            if match is None:
                return []
            end = match.end()
        names.append((pos, end))
        last = _LAST.match(text, end)
        if last is not None:
            follow = longest.get(last.end())
            match = _NAME.match(text, last.end())
            if follow is None and match is None:
                return []
            names.append((last.end(), follow if follow is not None else match.end()))  # type: ignore[union-attr]
            return names
        comma = _COMMA.match(text, end)
        if comma is None:
            return []
        pos = comma.end()
    return []


def organizations_listed_after_kinds(
    text: str,
    language: str,
    spans: list[EntitySpan],
    excluded: Callable[[str], bool],
    nouns: frozenset[str] = frozenset(),
) -> list[EntitySpan]:
    """``spans`` with the names listed after plural kind nouns as organisations; ``excluded``:
    known places and nationalities, ``nouns``: German common nouns (taken only as a model's span)."""
    pattern = _KIND.get(language)
    if pattern is None:
        return spans
    longest: dict[int, int] = {}
    for span in spans:
        longest[span.start] = max(longest.get(span.start, 0), span.end)
    candidates = []
    for match in pattern.finditer(text):
        if language == "de" and not match.group(1).lower().endswith(_GERMAN_PLURALS):
            continue
        listed = _listed(text, match.end(), longest)
        if not any(a in longest for a, _b in listed):
            continue  # "für Organisationen Bestechung und Korruption": the model saw no name there
        for a, b in listed:
            name = text[a:b]
            if excluded(name) or (
                a not in longest and (name in nouns or (language == "de" and name.endswith(_ABSTRACT)))
            ):
                continue
            candidates.append(EntitySpan(a, b, name, "organization", 0.5))
    if not candidates:
        return spans

    def accept(candidate: EntitySpan, inside: list[EntitySpan]) -> bool:
        return not any(s.start < candidate.start or s.end > candidate.end for s in inside)

    return replace_spans(spans, candidates, accept)

"""Small span fixes read from the characters right around a span (each linear in the text).

- A news agency's credit line ends a German article: "(APA/dpa, 1.11.2015)": the agencies are
  organisations (only known ones or abbreviations in capitals: "(mahr, 30.3.2016)" is an author).
- A rank written with a full stop ("Brig. Gen.", "Navy Capt.") is no person and no place.
- A nickname in quotes inside a name belongs to it: 'Richard "Tex" Coe'.
- An owner's possessive ends an organisation's name: "U.S. Department of State's Rewards for
  Justice" is the department (the programme after it is no actor).
- The first part of a shortened compound ("Boden- und Neusiedler See") is no actor alone.
- An abbreviation before a title is an organisation ("FCO Minister Tobias Ellwood").
- A known place whose name has lower-case particles is found whole ("Dayr az Zawr" for "Zawr").
- A single capitalised word of an English title line that the body writes only in lower case
  ("DoD Spokesman Says") is no name.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from desktop.core.entities.gazetteer import Gazetteer
from desktop.core.entities.org_phrases import ENGLISH_HEADS
from desktop.core.entities.recognizer import span_order, without_overlaps
from desktop.core.entities.title_case import title_line_end
from desktop.core.types import EntitySpan

_CREDIT = re.compile(r"\(((?:[A-Za-z][\w-]{1,9}/){0,3}[A-Za-z][\w-]{1,9}), \d{1,2}\.\s?\d{1,2}\.\s?\d{4}\)")
_NICKNAME = re.compile(r" [\"“]([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*)?)[\"”] ([A-Z][\w'’-]*[\w])")
_POSSESSIVE = re.compile(r"['’]s ")
_PARTICLES_BEFORE = re.compile(r"(?<![\w'’-])([A-ZÄÖÜ][\w'’-]*(?: [a-z]{1,3}){0,2}) $")
_ACTOR_TYPES = ("person", "organization", "location")


def credit_line_agencies(text: str, spans: list[EntitySpan], gazetteer: Gazetteer) -> list[EntitySpan]:
    """ "(APA/dpa, 1.11.2015)": each known agency or capitalised abbreviation is an organisation."""
    candidates = []
    for match in _CREDIT.finditer(text):
        offset = match.start(1)
        for part in match.group(1).split("/"):
            known = gazetteer.organization(part) is not None
            if known or (part.isupper() and len(part) >= 2):
                candidates.append(EntitySpan(offset, offset + len(part), part, "organization", 0.5))
            offset += len(part) + 1
    if not candidates:
        return spans
    return sorted([*spans, *without_overlaps(candidates, spans)], key=span_order)


def drop_ranks(text: str, spans: list[EntitySpan], title_word: Callable[[str], bool]) -> list[EntitySpan]:
    """ "Brig. Gen. Coe", "Navy Capt. Jeff Davis": a span ending in a rank before its full stop goes."""
    out = []
    for span in spans:
        words = span.text.split()
        rank = (
            span.type in ("person", "location")
            and text.startswith(".", span.end)
            and bool(words)
            and all(title_word(w) for w in words)
        )
        if not rank:
            out.append(span)
    return out


def join_nicknames(text: str, spans: list[EntitySpan]) -> list[EntitySpan]:
    """'Richard "Tex" Coe': a person span, a quoted nickname and a surname are one name."""
    ordered = sorted(spans, key=span_order)
    out: list[EntitySpan] = []
    skip_until = -1
    for span in ordered:
        if span.start < skip_until:
            continue
        match = _NICKNAME.match(text, span.end) if span.type == "person" else None
        if match is None:
            out.append(span)
            continue
        end = match.end()
        out.append(EntitySpan(span.start, end, text[span.start : end], "person", span.score))
        skip_until = end
    return out


def cut_possessives(spans: list[EntitySpan]) -> list[EntitySpan]:
    """An organisation or place span with an owner's "'s" inside ends before it, when the owner is an
    institution ("Department of State's Rewards for Justice") and what it owns is not one ("People's
    Liberation Army", "Lord's Day Alliance" stay whole).
    """
    out = []
    for span in spans:
        match = _POSSESSIVE.search(span.text) if span.type in ("organization", "location") else None
        owner = span.text[: match.start()].split() if match is not None else []
        owned = span.text[match.end() :].split() if match is not None else []
        if (
            match is not None
            and len(owner) >= 2
            and any(w.lower() in ENGLISH_HEADS for w in owner)
            and not any(w.lower() in ENGLISH_HEADS for w in owned)
        ):
            name = span.text[: match.start()]
            span = EntitySpan(span.start, span.start + len(name), name, span.type, span.score)
        out.append(span)
    return out


def drop_compound_parts(text: str, spans: list[EntitySpan]) -> list[EntitySpan]:
    """ "Boden- und Neusiedler See": a span right before a hyphen and a space is half a compound."""
    return [
        s
        for s in spans
        if not (
            s.type in _ACTOR_TYPES
            and " " not in s.text.strip()
            and (text.startswith("- ", s.end) or (s.text.endswith("-") and text.startswith(" ", s.end)))
        )
    ]


def whole_known_places(text: str, spans: list[EntitySpan], gazetteer: Gazetteer) -> list[EntitySpan]:
    """ "Dayr az Zawr" tagged "Zawr", "Papua Neuguinea" tagged "Neuguinea": a capitalised word (and
    particles) before a place join it when the whole is a known place.
    """
    out = []
    for span in sorted(spans, key=span_order):
        if span.type == "location":
            match = _PARTICLES_BEFORE.search(text, max(0, span.start - 30), span.start)
            if match is not None and (not out or out[-1].end <= match.start(1)):
                start = match.start(1)
                name = text[start : span.end]
                particles = " " in match.group(1)
                # without particles only a name written with a space for its hyphen: "Republik Moldau"
                # is a longer name of "Moldau", which the text names alone too
                hyphenated = name not in gazetteer.places and name.replace(" ", "-") in gazetteer.places
                if (particles or hyphenated) and gazetteer.place(name) is not None:
                    span = EntitySpan(start, span.end, name, "location", span.score)
        out.append(span)
    return out


_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z][a-z'’-]+(?![\w'’-])")
_CAP_WORD = re.compile(r"(?<![\w'’-])[A-Z][a-z'’-]+(?![\w'’-])")


def drop_title_words(text: str, spans: list[EntitySpan]) -> list[EntitySpan]:
    """A one-word span in an English title line whose word the body writes only in lower case."""
    line_end = title_line_end(text)
    if line_end < 0:
        return spans
    body = text[line_end:]
    lower = set(_LOWER_WORD.findall(body))
    upper = set(_CAP_WORD.findall(body))
    return [
        s
        for s in spans
        if not (
            s.end <= line_end
            and " " not in (name := s.text.strip())
            and name.lower() in lower
            and name not in upper
        )
    ]


_ABBREVIATION_BEFORE = re.compile(r"(?<![\w.'’-])([A-Z][A-Za-z]{1,5}) ([A-Z][\w.'’-]*)(?=[ :,])")


def abbreviations_before_titles(
    text: str, spans: list[EntitySpan], title_word: Callable[[str], bool], gazetteer: Gazetteer, language: str
) -> list[EntitySpan]:
    """ "FCO Minister Tobias Ellwood", "DoD Spokesman": an abbreviation qualifying a title is an
    organisation, unless it names a country ("US President", "UK Minister").
    """
    candidates = []
    for match in _ABBREVIATION_BEFORE.finditer(text):
        abbreviation, title = match.group(1), match.group(2)
        if (
            sum(c.isupper() for c in abbreviation) >= 2
            and title_word(title)
            and not title_word(abbreviation)
            and gazetteer.place_or_country(abbreviation) is None
            and not gazetteer.is_demonym(abbreviation, language)
        ):
            a, b = match.span(1)
            candidates.append(EntitySpan(a, b, abbreviation, "organization", 0.5))
    if not candidates:
        return spans
    return sorted([*spans, *without_overlaps(candidates, spans)], key=span_order)


_WEB_TOKEN = re.compile(r"\S*(?:://|pic\.twitter\.com|www\.)\S*")
_LISTED_PEOPLE = re.compile(r", | [–—] |/")  # "Trauner, Hart", "Hadzic – Schick", "Johnson/Querrey"


def split_listed_names(text: str, spans: list[EntitySpan], gazetteer: Gazetteer) -> list[EntitySpan]:
    """People listed in one span are several people, and a web address is part of no name:
    "Trauner, Hart" (a line-up), "Steve Johnson/Sam Querrey", "pic.twitter.com/x Newman" -> "Newman".
    Places and organisations keep their slashes, commas and dashes ("Bündnis 90/Die Grünen",
    "Washington, D.C.", "München/Hamburg" is one name in the annotation conventions)."""
    found: list[EntitySpan] = []
    for span in spans:
        cuts = [(m.start(), m.end()) for m in _WEB_TOKEN.finditer(span.text)]
        if span.type == "person":
            cuts += [(m.start(), m.end()) for m in _LISTED_PEOPLE.finditer(span.text)]
        if not cuts:
            found.append(span)
            continue
        start = 0
        for cut_start, cut_end in [*sorted(cuts), (len(span.text), len(span.text))]:
            piece = span.text[start:cut_start]
            lead = len(piece) - len(piece.lstrip())
            piece = piece.strip()
            named = piece[:1].isupper() or gazetteer.organization(piece) is not None  # "dpa"
            if sum(c.isalpha() for c in piece) >= 2 and named:
                offset = span.start + start + lead
                found.append(EntitySpan(offset, offset + len(piece), piece, span.type, span.score))
            start = max(start, cut_end)
    return found

"""A person named at the end of an institution or a place that is part of the person's title.

English models tag "Speaker of the House Nancy Pelosi" or "Ambassador to the United Nations
Nikki Haley" as one organisation from the institution to the surname. When a title word with
"of", "to" or "for" stands right before such a span and the span ends in a frequent given name
and a surname, the institution and the person are two spans. Likewise a place glued to a
person ("Minister for the Middle East Tobias Ellwood" tagged as one place) is a place and a person.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from desktop.core.entities.gazetteer import Gazetteer
from desktop.core.entities.org_phrases import ENGLISH_HEADS
from desktop.core.types import EntitySpan

MIN_GIVEN_NAME = 200  # as in span_rules: a given name this frequent starts a name
_TITLE_OF = re.compile(r"(?<![\w-])([A-Z][\w.'’-]*) (?:of|to|for)(?: the)? $")
_WORD = re.compile(r"\S+")
# last words of a place's name, not a surname ("San Mateo Avenue")
_PLACE_WORDS = frozenset(
    {"avenue", "street", "road", "square", "boulevard", "park", "bridge", "airport", "station", "river",
     "lake", "mountain", "mountains", "valley", "county", "city", "island", "beach", "hill", "hills"}
)  # fmt: skip
_PARTICLES = frozenset({"van", "von", "de", "der", "den", "da", "di", "du", "la", "le", "bin", "ibn"})


def _name_at_end(words: list[str], gazetteer: Gazetteer, surnames: frozenset[str] = frozenset()) -> int:
    """Index of the given name that begins a two- or three-word name at the end (0 when none).

    A rarer given name will do when the surname stands alone as a person elsewhere (``surnames``).
    """
    for size in (2, 3):
        first = len(words) - size
        if first < 1:
            break
        given, rest = words[first], words[first + 1 :]
        count = gazetteer.given_names.get(given, 0)
        if (
            (count >= MIN_GIVEN_NAME or (count > 0 and rest[-1] in surnames))
            and not ((place := gazetteer.place(given)) is not None and place.strong)  # "Nancy" is a city too
            and rest[-1][:1].isupper()
            and all(
                (w[:1].isupper() or w in _PARTICLES) and w.lower().strip(".,") not in ENGLISH_HEADS
                for w in rest
            )
        ):
            return first
    return 0


def people_after_institutions_in_titles(
    text: str, spans: list[EntitySpan], title_word: Callable[[str], bool], gazetteer: Gazetteer
) -> list[EntitySpan]:
    """Split "<institution> <Given> <Surname>" after "<Title> of/to/for (the)" into the two."""
    lone = frozenset(s.text.strip() for s in spans if s.type == "person" and " " not in s.text.strip())
    out: list[EntitySpan] = []
    for span in spans:
        match = (
            _TITLE_OF.search(text, max(0, span.start - 40), span.start)
            if span.type == "organization"
            else None
        )
        words = list(_WORD.finditer(span.text))
        first = _name_at_end([w.group() for w in words], gazetteer, lone) if match else 0
        if match is None or not first or not title_word(match.group(1)):
            out.append(span)
            continue
        institution_end = span.start + words[first - 1].end()
        person_start = span.start + words[first].start()
        out.append(
            EntitySpan(span.start, institution_end, text[span.start : institution_end], span.type, span.score)
        )
        out.append(EntitySpan(person_start, span.end, text[person_start : span.end], "person", span.score))
    return out


def people_after_places(spans: list[EntitySpan], gazetteer: Gazetteer) -> list[EntitySpan]:
    """Split "<place> <Given> <Surname>" typed as one place (or organisation) into the two.

    The front must be a known place, or the surname a person's name elsewhere in the text.
    """
    surnames = {s.text.split()[-1] for s in spans if s.type == "person" and s.text.split()}
    out: list[EntitySpan] = []
    for span in spans:
        words = list(_WORD.finditer(span.text)) if span.type in ("location", "organization") else []
        first = _name_at_end([w.group() for w in words], gazetteer) if len(words) >= 3 else 0
        head_end = span.start + words[first - 1].end() if first else span.start
        head = span.text[: head_end - span.start]
        known = gazetteer.place(head)
        place = known is not None and known.kind != "city" and span.type == "location"  # not "San"
        surname = words[-1].group() if words else ""
        shaped = len(surname) >= 3 and not surname.isupper() and surname.lower() not in _PLACE_WORDS
        if not first or not shaped or not (place or surname in surnames):
            out.append(span)
            continue
        person_start = span.start + words[first].start()
        out.append(EntitySpan(span.start, head_end, head, span.type, span.score))
        person = span.text[words[first].start() :]
        out.append(EntitySpan(person_start, span.end, person, "person", span.score))
    return out

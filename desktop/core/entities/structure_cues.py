"""Types read from the structure of a name or of the words around it (German and English).

- A name whose head is an institution's kind ("Donau-Uni Krems", "Wiener Philharmoniker", "New
  Beverly Cinema", "Carlow Institute") is an organisation when a model typed it a place or a person:
  a German word (or a hyphenated part) ending in the kind noun ("-universität", "-orchester"; "Uni"
  only as a whole part), an English name ending in one. A name of one bare word ("Universität")
  is a common noun and stays as it is; so does a known place.
- The parties of a court case ("Roe v. Wade") are named as a case's title, not as actors: a
  "person" right before or after " v. " between two capitalised words is none.
- German: a known organisation's name written with its adjective of a place in lower case ("die
  europäische Union") is that organisation: the span after it ("Union") grows to the adjective.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from desktop.core.types import EntitySpan

# German kind nouns of institutions that end a word of their name (longer ones also as a
# compound's end: "Musikuniversität"), and "Uni" as a whole hyphenated part ("Donau-Uni")
_GERMAN_HEADS = (
    "universität", "hochschule", "fachhochschule", "akademie", "philharmoniker", "symphoniker",
    "sinfoniker", "orchester", "gewerkschaft", "stiftung",
)  # fmt: skip
_GERMAN_PARTS = frozenset({"uni"})
_ENGLISH_HEADS = frozenset(
    {
        "University", "College", "Institute", "Orchestra", "Philharmonic", "Foundation", "Association",
        "Cinema", "Academy", "Society", "Council", "Commission", "Committee", "Agency", "Corporation",
        "Company", "Conservatory",
    }
)  # fmt: skip
# German adjectives of places and peoples ("europäische", "amerikanischen"): the ones a German
# writer may leave in lower case inside a name; English never writes them so ("the new Labour Party")
_LOWER_BEFORE = re.compile(r"(?<![\w-])([a-zäöüß]{3,}isch(?:e|en|er|es|em)) $")
_CASE_BEFORE = re.compile(r"^ v\. [A-Z]")
_CASE_AFTER = re.compile(r"[A-Z][\w'’.-]* v\. $")


def _german_head(word: str) -> bool:
    parts = [p.lower() for p in word.split("-") if p]
    if not parts:
        return False  # a dash alone ("Uni - Krems")
    return any(p in _GERMAN_PARTS for p in parts[1:]) or any(
        parts[-1].endswith(head) for head in _GERMAN_HEADS
    )


def _institution(name: str) -> bool:
    words = name.split()
    if len(words) < 2 and "-" not in name:
        return False  # "Universität", "Orchester" alone: a common noun
    return words[-1] in _ENGLISH_HEADS or any(_german_head(w) for w in words)


def institutions_as_organizations(
    spans: list[EntitySpan], is_place: Callable[[str], bool]
) -> list[EntitySpan]:
    """A place or person whose name has an institution's kind as its head is an organisation."""
    return [
        EntitySpan(s.start, s.end, s.text, "organization", s.score)
        if s.type in ("location", "person") and _institution(s.text.strip()) and not is_place(s.text.strip())
        else s
        for s in spans
    ]


def parties_of_cases(text: str, spans: list[EntitySpan]) -> list[EntitySpan]:
    """No "person" right before or after " v. " between capitalised words ("Roe v. Wade")."""
    if " v. " not in text:
        return spans
    return [
        s
        for s in spans
        if not (
            s.type == "person"
            and (
                _CASE_BEFORE.match(text[s.end : s.end + 5])
                or _CASE_AFTER.search(text[max(0, s.start - 40) : s.start])
            )
        )
    ]


def lower_case_adjectives(
    text: str, spans: list[EntitySpan], is_organization: Callable[[str], bool]
) -> list[EntitySpan]:
    """A span right after a lower-case word that, capitalised, makes a known organisation's name
    with it ("europäische" + "Union") grows to that word and is the organisation."""
    out = []
    for span in spans:
        match = _LOWER_BEFORE.search(text[max(0, span.start - 30) : span.start])
        if match is not None and is_organization(f"{match.group(1).capitalize()} {span.text}"):
            start = span.start - len(match.group(0))
            span = EntitySpan(start, span.end, text[start : span.end], "organization", span.score)
        out.append(span)
    return out


def structure_cues(
    text: str,
    spans: list[EntitySpan],
    is_place: Callable[[str], bool],
    is_organization: Callable[[str], bool] = lambda name: False,
) -> list[EntitySpan]:
    """The rules of the module, in order; ``is_organization``: a known organisation's name."""
    spans = lower_case_adjectives(text, spans, is_organization)
    return parties_of_cases(text, institutions_as_organizations(spans, is_place))

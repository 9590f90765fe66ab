"""One reading of a name in one article: a part of an organisation's name is no person.

The model often tags the full name of a company once ("Fiat Chrysler Automobiles") and shorter
forms of it elsewhere as people ("Fiat Chrysler", "Chrysler Automobiles"). A span of two or more
words typed as a person whose words occur in this order inside an organisation's name of the same
text is that organisation's name, unless it begins with a frequent given name ("Melinda Gates" in
"Bill and Melinda Gates Foundation").

A sea, a river, a desert named in full once ("Mediterranean Sea") and later by its first word alone
("drown in the Mediterranean") is that place, whatever type the model gave the short form.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from desktop.core.types import EntitySpan


def _parts(names: list[list[str]]) -> set[tuple[str, ...]]:
    """Every run of two or more consecutive words shorter than the whole name, of each name once."""
    parts: set[tuple[str, ...]] = set()
    for words in {tuple(w) for w in names}:
        for n in range(2, len(words)):
            parts.update(words[i : i + n] for i in range(len(words) - n + 1))
    return parts


def organization_parts_typed_as_people(
    spans: list[EntitySpan], given_name: Callable[[str], bool]
) -> list[EntitySpan]:
    """People whose name is a part of an organisation's name in the text become that organisation."""
    organizations = [s.text.split() for s in spans if s.type == "organization" and " " in s.text.strip()]
    if not organizations:
        return spans
    parts = _parts(organizations)  # looked up per person: linear in the spans, not people × organisations
    out: list[EntitySpan] = []
    for span in spans:
        words = span.text.split()
        if span.type == "person" and len(words) >= 2 and not given_name(words[0]) and tuple(words) in parts:
            span = EntitySpan(span.start, span.end, span.text, "organization", span.score)
        out.append(span)
    return out


_AFTER_IN = re.compile(r"(?<![\w-])[Ii]n ([\w-]+)(?![\w'’-])")
_PLAIN = re.compile(r"[\w-]+")
_AFTER_PLACE_WORD = r"(?<![\w-])(?:of|near|from|outside|around) {}(?![\w'’-])"
_DEITIES = frozenset({"God", "Allah", "Jesus", "Christ", "Lord", "Buddha", "Jehovah", "Yahweh"})  # "from God"


def _after_in(text: str, name: str) -> bool:
    """For a name with other characters ("O'Brien"): a search of its own (such names are rare)."""
    return re.search(r"(?<![\w-])[Ii]n " + re.escape(name) + r"(?![\w'’-])", text) is not None


def places_after_in(
    text: str,
    spans: list[EntitySpan],
    given_name: Callable[[str], bool],
    known_place: Callable[[str], bool] = lambda name: False,
) -> list[EntitySpan]:
    """A one-word "person" written right after "in" somewhere in the text is a place everywhere.

    ("133 Flüchtlinge in Kirkenes", "the liberation of Sinjar ... in Sinjar"), unless it is the
    surname of a person named in full in the text, a given name, or an owner ("in Merkels Kabinett",
    "in Trump's cabinet"). A place of the gazetteer (``known_place``, a town too small to be found
    alone) will do after "of", "near", "from", "outside" or "around" too ("the liberation of Sinjar").
    """
    surnames = {w for s in spans if s.type == "person" for w in s.text.split()[1:]}
    people = {w for s in spans if s.type == "person" for w in s.text.split()}
    candidates = {
        name
        for s in spans
        if s.type == "person"
        and " " not in (name := s.text.strip())
        and name not in surnames
        and not (name.endswith("s") and name[:-1] in people)  # "Merkels" of "Merkel"
        and not given_name(name)
    }
    after_in = set(_AFTER_IN.findall(text))  # one pass over the text, not one search per name
    places = {
        name for name in candidates if (name in after_in if _PLAIN.fullmatch(name) else _after_in(text, name))
    }
    places |= {
        name
        for name in candidates - places
        if name not in _DEITIES
        and known_place(name)
        and re.search(_AFTER_PLACE_WORD.format(re.escape(name)), text) is not None
    }
    if not places:
        return spans
    return [
        EntitySpan(s.start, s.end, s.text, "location", s.score)
        if s.type == "person" and s.text.strip() in places
        else s
        for s in spans
    ]


def surnames_glued_to_names(
    spans: list[EntitySpan],
    given_name: Callable[[str], bool],
    title_word: Callable[[str], bool] = lambda word: False,
    place: Callable[[str], bool] = lambda name: False,
) -> list[EntitySpan]:
    """ "die Nachrichtenagentur TASR Fico" tagged "TASR Fico": a span of another type ending in the
    surname of a person the text names in full (a frequent given name first) is that name and the
    person.

    Not when the span begins with the person's given name, nor for a longer span ("Bill and Melinda
    Gates Foundation" ends in no surname). What is left before the surname loses its lower-case
    words at the end ("called Nevada for Biden" -> "Nevada"); left with nothing but title words
    ("Sergeant Ratana" typed a place) it is no name at all; a well-known place left alone is a place.
    """
    full = {
        words
        for s in spans
        if s.type == "person" and len(words := tuple(s.text.split())) >= 2 and given_name(words[0])
    }
    surnames = {words[-1]: words[0] for words in full}
    if not surnames:
        return spans
    out: list[EntitySpan] = []
    for span in spans:
        words = span.text.split()
        last = words[-1] if words else ""
        if (
            span.type in ("organization", "location")
            and 2 <= len(words) <= 4
            and last in surnames
            and words[0] != surnames[last]
            and tuple(words) not in full
        ):
            cut = span.text.rindex(last)
            head = _without_lower_tail(span.text[:cut])
            if head and not all(title_word(w) for w in head.split()):
                kind = "location" if place(head) else span.type
                out.append(EntitySpan(span.start, span.start + len(head), head, kind, span.score))
            out.append(EntitySpan(span.start + cut, span.end, last, "person", span.score))
            continue
        out.append(span)
    return out


def _without_lower_tail(text: str) -> str:
    """The text without its last words written in lower case ("Nevada for " -> "Nevada")."""
    words = text.split()
    while words and words[-1][:1].islower():
        words.pop()
    end = 0
    for word in words:
        end = text.index(word, end) + len(word)
    return text[:end]


GEOGRAPHIC_HEADS = frozenset(
    {
        "Sea", "Ocean", "River", "Desert", "Mountains", "Gulf", "Bay", "Lake", "Peninsula", "Basin",
        "Strait", "Straits", "Channel", "Canal", "Valley", "Plateau", "Archipelago",
    }
)  # fmt: skip


def places_named_by_their_first_word(spans: list[EntitySpan]) -> list[EntitySpan]:
    """A one-word span that is the first word of a sea's, a river's or a desert's full name typed a
    place in the same text ("Mediterranean" after "Mediterranean Sea") is that place."""
    short = {
        words[0]
        for s in spans
        if s.type == "location" and len(words := s.text.split()) == 2 and words[1] in GEOGRAPHIC_HEADS
    }
    return as_places(spans, short)


def as_places(spans: list[EntitySpan], names: set[str]) -> list[EntitySpan]:
    """``spans`` with the people and organisations whose text is one of ``names`` typed places."""
    if not names:
        return spans
    return [
        EntitySpan(s.start, s.end, s.text, "location", s.score)
        if s.type in ("organization", "person") and s.text.strip() in names
        else s
        for s in spans
    ]

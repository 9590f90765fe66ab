"""What a model glues to a name across a word boundary, and names that follow "<person> of".

- A date after a preposition is no part of a name: "Puerto Rico Senate on Sunday", "the Journal
  of Medicine on Wednesday" lose "on Sunday".
- An English person's name runs up to its first lower-case word that is no name particle:
  "Gammon for President" is "Gammon" ("Bill de Blasio", "Ludwig van Beethoven" stay whole); a
  full name followed by "of" and more capitalised words is the person and, after "of", where they
  belong ("Kristian Andersen of Scripps Research"): a known place, else an organisation.
- A name typed a person right after "<person> of" is no person either ("Mike McCready of Pearl
  Jam"); "<person> of <country>" and an organisation "<given name> <surname> of <Name>" are split
  likewise (:func:`people_of_countries_and_bodies`).
- Two people's surnames joined by a hyphen ("the US Biden-Trump debate") name no person.
- A word before a frequent given name that is no name part at all (no given name, no known part of
  people's names) is no part of the name: "Broadcaster Piers Morgan", "Cosmonaut Alexei Leonov".

:func:`person_edges` runs them all, as the knowledge layer does.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from desktop.core.entities.boundaries import MIN_GIVEN_NAME, PersonBoundaries
from desktop.core.entities.gazetteer import Gazetteer
from desktop.core.entities.joined_organizations import HEADS
from desktop.core.types import EntitySpan, EntityType

_DAYS = (
    "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|June|July|"
    "August|September|October|November|December"
)
_DATE_TAIL = re.compile(rf"\s+(?:on|in|since|until|by|last|this|next)\s+(?:{_DAYS})\b")
_PARTICLES = frozenset(
    {"van", "von", "de", "der", "den", "da", "das", "dos", "di", "du", "del", "della", "la", "le", "bin",
     "ibn", "al", "el", "y", "zu", "ter", "ten", "af", "St.", "d'", "dem", "mac", "ben", "bint"}
)  # fmt: skip
_OF = " of "
_ARABIC_ARTICLES = frozenset({"Al", "El"})


def _span(text: str, start: int, end: int, kind: EntityType, score: float) -> EntitySpan:
    return EntitySpan(start, end, text[start:end], kind, score)


def _is_particle(word: str) -> bool:
    return word in _PARTICLES or word.startswith(("al-", "el-", "d'", "d’", "ibn-", "bin-"))


def _sunday_paper(text: str, span: EntitySpan, match: re.Match[str]) -> bool:
    """ "The Independent on Sunday", "Scotland on Sunday": a paper's Sunday edition, a short name that
    the text never writes alone ("charity Sea-Eye on Sunday renamed ... Sea-Eye said": a date)."""
    name = span.text[: match.start()]
    head = [w for w in name.split() if w != "The"]
    if span.type != "organization" or match.group(0).split() != ["on", "Sunday"] or len(head) > 2:
        return False
    alone = re.compile(rf"(?<![\w-]){re.escape(name.strip())}(?![\w-])(?!\s+on\s+Sunday)")
    return alone.search(text) is None


def cut_date_tails(text: str, spans: list[EntitySpan]) -> list[EntitySpan]:
    """Spans of names lose a date after a preposition and all after it ("Senate on Sunday"); a
    Sunday paper's name stays whole."""
    out = []
    for span in spans:
        match = _DATE_TAIL.search(span.text)
        if (
            match is not None
            and match.start() > 0
            and span.type != "other"
            and not _sunday_paper(text, span, match)
        ):
            span = _span(text, span.start, span.start + match.start(), span.type, span.score)
        out.append(span)
    return out


def english_person_tails(
    text: str, spans: list[EntitySpan], place: Callable[[str], bool], given_name: Callable[[str], bool]
) -> list[EntitySpan]:
    """English people's names end before a lower-case word that is no particle; "<full name> of
    <Name>" is the person and, after "of", a place or an organisation.
    """
    out: list[EntitySpan] = []
    for span in spans:
        words = span.text.split()
        lower = [i for i, w in enumerate(words) if i > 0 and w[:1].islower() and not _is_particle(w)]
        if span.type != "person" or not lower:
            out.append(span)
            continue
        cut = lower[0]
        head = " ".join(words[:cut])
        end = span.start + span.text.index(head) + len(head) if head else span.start
        rest = words[cut + 1 :]
        if words[cut] == "of" and cut >= 2 and given_name(words[0]) and rest and rest[0][:1].isupper():
            out.append(_span(text, span.start, end, "person", span.score))
            tail = span.text.index(_OF, end - span.start) + len(_OF)
            owner = span.text[tail:].strip()
            kind: EntityType = "location" if place(owner) else "organization"
            out.append(_span(text, span.start + tail, span.start + tail + len(owner), kind, span.score))
        elif words[cut] in ("for", "to", "and", "with", "from", "at", "in", "on"):
            out.append(_span(text, span.start, end, "person", span.score))
        else:
            out.append(span)
    return out


def people_of_countries_and_bodies(
    text: str,
    spans: list[EntitySpan],
    country: Callable[[str], bool],
    place: Callable[[str], bool],
    given_name: Callable[[str], bool],
    surname: Callable[[str], bool] = lambda word: True,
) -> list[EntitySpan]:
    """ "<person> of <Name>" spans :func:`english_person_tails` leaves whole: a "person" of two or more
    words before "of" and a country ("Muhammadu Buhari of Nigeria": no given name the lists know);
    an organisation or place whose words before "of" are a frequent given name and one more word
    ("Nick Hawco of USC"; ``surname``: a word that may end a person's name, not "Georgia Institute of
    Technology") or one word that ends a person's full name in the text ("Wilson of C-MORE"
    beside "Sam Wilson"). The person, and after "of" a place when known, else an organisation.

    On 219 unannotated English Wikinews articles: 4 such spans split, all right (2 people found, 2
    joined the person or organisation named elsewhere); dev articles and span F1 unchanged.
    """
    surnames = {s.text.split()[-1] for s in spans if s.type == "person" and len(s.text.split()) >= 2}
    out: list[EntitySpan] = []
    for span in spans:
        head, found, owner = span.text.partition(_OF)
        words, owner = head.split(), owner.strip()
        person = False
        if (
            found
            and owner[:1].isupper()
            and _OF not in owner
            and all(w[:1].isupper() or _is_particle(w) for w in words)
        ):
            if span.type == "person":
                person = len(words) >= 2 and country(owner)
            else:
                person = (len(words) == 2 and given_name(words[0]) and surname(words[1])) or (
                    len(words) == 1 and head in surnames
                )
        if not person:
            out.append(span)
            continue
        start = span.start + span.text.index(head)
        out.append(_span(text, start, start + len(head), "person", span.score))
        tail = span.start + len(head) + len(_OF) + span.text[len(head) + len(_OF) :].index(owner)
        kind: EntityType = "location" if place(owner) else "organization"
        out.append(_span(text, tail, tail + len(owner), kind, span.score))
    return out


def names_after_person_of(
    text: str, spans: list[EntitySpan], place: Callable[[str], bool]
) -> list[EntitySpan]:
    """A name typed a person right after "<person> of" is a place when known, else an organisation."""
    ordered = sorted(spans, key=lambda s: (s.start, -s.end))
    out: list[EntitySpan] = []
    for span in ordered:
        before = out[-1] if out else None
        if (
            span.type == "person"
            and before is not None
            and before.type == "person"
            and " " in before.text.strip()
            and text[before.end : span.start] == _OF
        ):
            kind: EntityType = "location" if place(span.text.strip()) else "organization"
            span = EntitySpan(span.start, span.end, span.text, kind, span.score)
        out.append(span)
    return out


def _after_title(text: str, start: int, title_word: Callable[[str], bool]) -> bool:
    before = text[max(0, start - 30) : start].split()
    return bool(before) and title_word(before[-1])


def cut_words_before_given_names(
    text: str,
    spans: list[EntitySpan],
    given_name: Callable[[str], bool],
    name_part: Callable[[str], bool],
    title_word: Callable[[str], bool] = lambda word: False,
    keep_alone: bool = False,
) -> list[EntitySpan]:
    """A person's first word is cut off when it is no name part and a frequent given name follows
    with at least one more word ("Broadcaster Piers Morgan" -> "Piers Morgan"); not before an Arabic
    article written apart after a title ("Prime Minister Haider Al Abadi": the name starts after the
    title; "Reverend Al Sharpton" is cut); with ``keep_alone`` (English, which writes common nouns in
    lower case) not a word the text names a person by alone ("Dr Meerjady Sabrina Flora" beside "Dr
    Meerjady": an unlisted given name; German "Astronautin" alone is a noun typed a person)."""
    alone = {s.text.strip() for s in spans if keep_alone and s.type == "person" and " " not in s.text.strip()}
    out = []
    for span in spans:
        words = span.text.split()
        if (
            span.type == "person"
            and len(words) >= 3
            and words[0] not in alone
            and words[0].isalpha()
            and words[0][:1].isupper()
            and not words[0].isupper()
            and not name_part(words[0])
            and given_name(words[1])
            and not (words[1] in _ARABIC_ARTICLES and _after_title(text, span.start, title_word))
        ):
            start = span.start + span.text.index(words[1], len(words[0]))
            span = _span(text, start, span.end, "person", span.score)
        out.append(span)
    return out


def drop_surname_pairs(spans: list[EntitySpan]) -> list[EntitySpan]:
    """A person span ending in two surnames joined by a hyphen ("US Biden-Trump"), each the last
    word of another person's full name in the text, is dropped: it qualifies a noun."""
    full = [s.text.split() for s in spans if s.type == "person" and " " in s.text.strip()]
    surnames = {words[-1] for words in full}
    out = []
    for span in spans:
        last = span.text.split()[-1] if span.type == "person" and span.text.strip() else ""
        parts = last.split("-")
        if len(parts) == 2 and parts[0] != parts[1] and all(p in surnames for p in parts):
            continue
        out.append(span)
    return out


_LIST_LINK = re.compile(r"(?:,| and| or| und| oder| sowie)\s+$")
_LIST_LINK_AFTER = re.compile(r"^(?:,| and| or| und| oder| sowie)\s+")


def lone_people_listed_with_places(
    text: str, spans: list[EntitySpan], name_part: Callable[[str], bool]
) -> list[EntitySpan]:
    """A one-word "person" listed right beside a place ("Boracay and Coron") is a
    place, unless a full name in the text holds the word or it is a known part of people's names.
    """
    ordered = sorted(spans, key=lambda s: (s.start, -s.end))
    held = {w for s in ordered if s.type == "person" and " " in s.text.strip() for w in s.text.split()}
    out = list(ordered)
    for i, span in enumerate(ordered):
        word = span.text.strip()
        if span.type != "person" or " " in word or word in held or name_part(word):
            continue
        before = ordered[i - 1] if i else None
        after = ordered[i + 1] if i + 1 < len(ordered) else None
        listed = (
            before is not None
            and before.type == "location"
            and before.end <= span.start
            and _LIST_LINK.fullmatch(text[before.end : span.start]) is not None
        ) or (
            after is not None
            and after.type == "location"
            and span.end <= after.start
            and _LIST_LINK_AFTER.fullmatch(text[span.end : after.start]) is not None
        )
        if listed:
            out[i] = EntitySpan(span.start, span.end, span.text, "location", span.score)
    return out


# a capital inside a word after three or more letters ("GitHub", "WalesOnline"), or after a short
# English word ("UpGuard", "MySpace"); not surnames' prefixes ("McCain", "DeWine", "MacArthur",
# "FitzGerald") nor a stage name's short part ("RuPaul")
_CAMEL = re.compile(r"^([A-Z][a-z]+)[A-Z][a-z]")
_NAME_PREFIXES = ("Mac", "Fitz", "Van", "Von", "Della", "Des", "Del")
_SHORT_WORDS = frozenset(
    {"Up", "Go", "My", "In", "On", "We", "Be", "Do", "No", "So", "By", "At", "To", "It", "Us"}
)
# an honorific right before a name: "Mr. CreepyPasta" is someone's (stage) name
_HONORIFIC_BEFORE = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|Herr|Frau)\.?|\bMiss) $")


def camel_case_names_are_no_people(
    spans: list[EntitySpan], name_part: Callable[[str], bool] = lambda word: False, text: str = ""
) -> list[EntitySpan]:
    """A "person" with a word written in camel case ("GitHub", "WalesOnline") is an organisation,
    unless the word begins with a name part (a credit line's "JanMoor": a person's glued name) or an
    honorific stands before it in ``text`` ("Mr. SomeName")."""

    def camel_case(word: str) -> bool:
        match = _CAMEL.match(word)
        if match is None or (len(match.group(1)) < 3 and match.group(1) not in _SHORT_WORDS):
            return False
        return not word.startswith(_NAME_PREFIXES) and not name_part(match.group(1))

    def honoured(span: EntitySpan) -> bool:
        return bool(text) and _HONORIFIC_BEFORE.search(text, max(0, span.start - 6), span.start) is not None

    return [
        EntitySpan(s.start, s.end, s.text, "organization", s.score)
        if s.type == "person" and any(camel_case(w) for w in s.text.split()) and not honoured(s)
        else s
        for s in spans
    ]


def plural_groups_typed_as_people(
    text: str, spans: list[EntitySpan], name_part: Callable[[str], bool]
) -> list[EntitySpan]:
    """English "the Zorvathis" typed a person while "Zorvathi" stands alone in the text ("Zorvathi
    rebels"): a plural of a name is a group, an organisation. Not when the singular is a given name
    ("Roberts", "Robert") or the plural ends a person's full name in the text ("Anna Roberts").
    """
    lone = [s for s in spans if s.type == "person" and " " not in s.text.strip() and len(s.text) >= 5]
    candidates = {s.text for s in lone if s.text.endswith("s") and not s.text.endswith("ss")}
    if not candidates:
        return spans
    surnames = {s.text.split()[-1] for s in spans if s.type == "person" and " " in s.text.strip()}
    groups = {
        word
        for word in candidates - surnames
        if not name_part(word[:-1]) and re.search(rf"(?<![\w-]){re.escape(word[:-1])}(?![\w'’-])", text)
    }
    groups |= {word[:-1] for word in groups}  # "Zorvathi" typed a person beside them: the group too
    return [
        EntitySpan(s.start, s.end, s.text, "organization", s.score)
        if s.type == "person" and s.text in groups
        else s
        for s in spans
    ]


def drop_offices_typed_as_people(
    spans: list[EntitySpan], title_word: Callable[[str], bool], name_part: Callable[[str], bool]
) -> list[EntitySpan]:
    """An English "person" of two or more words ending in a title word ("Lord Mayor", "Railway
    Manager") names an office, not a person, when none of its words is a known name part.
    """
    out = []
    for span in spans:
        words = span.text.split()
        if (
            span.type == "person"
            and len(words) >= 2
            and title_word(words[-1])
            and not any(name_part(w) for w in words)
        ):
            continue
        out.append(span)
    return out


def person_edges(
    text: str,
    language: str,
    spans: list[EntitySpan],
    gazetteer: Gazetteer,
    given_name: Callable[[str], bool],
) -> list[EntitySpan]:
    """Dates glued to names, English "<person> of <Name>", non-name words before given names;
    ``given_name``: a frequent given name."""
    trimmer = PersonBoundaries(gazetteer)

    def title_word(word: str) -> bool:
        return trimmer.is_title_word(word, language)

    def place(name: str) -> bool:
        return gazetteer.place_or_country(name, language=language) is not None

    def country(name: str) -> bool:
        found = gazetteer.place_or_country(name, language=language)
        return found is not None and found.kind == "country"

    def name_part(word: str) -> bool:
        return gazetteer.given_names.get(word, 0) > 0 or word.lower() in gazetteer.person_variants

    def first_name(word: str) -> bool:  # "Nils-Erik": each part a given name
        return all(gazetteer.given_names.get(part, 0) >= MIN_GIVEN_NAME for part in word.split("-"))

    spans = drop_surname_pairs(cut_date_tails(text, spans))
    if language == "en":
        spans = names_after_person_of(text, english_person_tails(text, spans, place, first_name), place)
        spans = people_of_countries_and_bodies(
            text,
            spans,
            country,
            place,
            first_name,
            lambda word: word not in gazetteer.english_common_words and word not in HEADS,
        )
        # English only: on GermEval dev German people listed beside places were right as often
        spans = lone_people_listed_with_places(text, spans, name_part)
        spans = drop_offices_typed_as_people(spans, title_word, name_part)
        spans = plural_groups_typed_as_people(text, spans, name_part)
    spans = camel_case_names_are_no_people(spans, name_part, text)
    return cut_words_before_given_names(text, spans, given_name, name_part, title_word, language == "en")

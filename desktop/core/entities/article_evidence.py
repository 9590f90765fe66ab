"""Corrections from evidence in the article itself: how the text writes a candidate elsewhere.

- A word repeated around a preposition ("von Grätzel zu Grätzel", "Schritt für Schritt",
  "from door to door", "step by step") names a kind of thing, not an actor
  (:func:`repeated_word_phrases`).
- A country's abbreviation or name before a name the text lists on its own ("US White House"
  beside "White House") is no part of that name (:func:`country_prefixed_names`).
- A "place" of two or three capitalised words whose last word the text lists alone as a person
  ("Arnav Gupta" beside "Gupta") is that person (:func:`people_typed_as_places`).
- German: a place of the text with "-er" ("Bad Ischler" beside "Bad Ischl") is its adjective
  (:func:`place_adjectives`); a sentence's first word is no person where the text shows it is a
  common word (:mod:`sentence_openers`).
- A name written right after the first words of a longer name the text lists is that name
  (:func:`longer_names_before`); a name inside a quoted title ("Uncle John's Band") is none
  (:func:`names_inside_titles`); an unknown "place" listed with an organisation is one
  (:func:`enumerated_organizations`); an English headline's place begins after the words the
  body writes in lower case ("to Liberate Mosul", :func:`headline_place_starts`).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from desktop.core.entities.sentence_openers import (
    lone_sentence_openers,
    lowercase_openers,
    openers_before_pronouns,
)
from desktop.core.entities.title_case import title_line_end
from desktop.core.types import EntitySpan

# "von X zu X", "X für X", "X um X", "X an X", "X nach X"; "from X to X", "X by X", "X after X"
_REPEATED = {
    "de": re.compile(r"\b(?:von (\w+) zu \1|(\w+) (?:für|um|an|nach|auf) \2)\b"),
    "en": re.compile(r"\b(?:from (\w+) to \1|(\w+) (?:by|after|to|for) \2)\b", re.IGNORECASE),
}


def article_evidence(
    text: str,
    language: str,
    spans: list[EntitySpan],
    is_place: Callable[[str], bool],
    is_country: Callable[[str], bool],
    name_part: Callable[[str], bool],
    common: Callable[[str], bool],
) -> list[EntitySpan]:
    """``spans`` with every correction of this module applied (``name_part``: a given name, a name
    part of known people, a place or an organisation; ``common``: a common word)."""
    spans = country_prefixed_names(repeated_word_phrases(text, language, spans), is_country)
    spans = place_adjectives(text, language, people_typed_as_places(spans, is_place), is_place)
    spans = enumerated_organizations(text, longer_names_before(text, spans), is_place)
    spans = headline_place_starts(text, language, names_inside_titles(text, spans, common), is_place)
    spans = lone_sentence_openers(text, language, spans, name_part)
    return openers_before_pronouns(
        text, language, lowercase_openers(text, language, spans, name_part), name_part
    )


def repeated_word_phrases(text: str, language: str, spans: list[EntitySpan]) -> list[EntitySpan]:
    """Drop one-word spans inside a phrase that repeats the word around a preposition.

    Only the spans inside such a phrase go; the same word elsewhere in the text stays.
    """
    pattern = _REPEATED.get(language)
    if pattern is None:
        return spans
    return [s for s in spans if " " in s.text.strip() or not _in_repeat(text, s, pattern)]


_WINDOW = 12  # characters around a span's word: the preposition and the repeated word's start


def _in_repeat(text: str, span: EntitySpan, pattern: re.Pattern[str]) -> bool:
    """Whether the one-word span lies inside a match of ``pattern`` (searched near the span only)."""
    size = span.end - span.start + _WINDOW
    lo = max(0, span.start - size)
    if text.count(span.text, lo, span.end + size) < 2:  # the word is not repeated nearby
        return False
    return any(
        lo + m.start() <= span.start and span.end <= lo + m.end() and (m.group(1) or m.group(2))[:1].isupper()
        for m in pattern.finditer(text[lo : span.end + size])
    )


def country_prefixed_names(spans: list[EntitySpan], is_country: Callable[[str], bool]) -> list[EntitySpan]:
    """An organisation or place "US White House" whose words after a leading country
    (``is_country``: "US", "U.S.", "UK") are another span's whole name in the text is named without
    the country ("White House"), and so becomes the same actor; so is an acronym after a genitive
    ("Kurdistans PKK" beside "PKK"). The other span's type is taken.
    """
    named = {s.text.strip(): s.type for s in spans}
    out = []
    for span in spans:
        words = span.text.split()
        if span.type in ("organization", "location") and len(words) >= 2:
            rest = " ".join(words[1:])
            genitive = len(words) == 2 and words[0].endswith("s") and rest.isupper() and len(rest) >= 2
            if (is_country(words[0]) or genitive) and rest in named and rest[:1].isupper():
                cut = span.text.index(words[1], len(words[0]))
                span = EntitySpan(span.start + cut, span.end, span.text[cut:], named[rest], span.score)
        out.append(span)
    return out


def people_typed_as_places(spans: list[EntitySpan], is_place: Callable[[str], bool]) -> list[EntitySpan]:
    """A "place" of two or three capitalised words, no known place, whose last word the text lists
    alone as a person ("Arnav Gupta" beside the person "Gupta") is that person."""
    alone = {s.text.strip() for s in spans if s.type == "person" and " " not in s.text.strip()}
    if not alone:
        return spans
    out = []
    for span in spans:
        words = span.text.split()
        if (
            span.type == "location"
            and 2 <= len(words) <= 3
            and words[-1] in alone
            and all(w[:1].isupper() and w[1:].islower() for w in words)
            and not is_place(span.text.strip())
            and not any(is_place(w) for w in words[:-1])
        ):
            span = EntitySpan(span.start, span.end, span.text, "person", span.score)
        out.append(span)
    return out


def place_adjectives(
    text: str, language: str, spans: list[EntitySpan], is_place: Callable[[str], bool]
) -> list[EntitySpan]:
    """German: a "place" or "person" that is another place of the text with "-er" or "-ern" ("Der Bad
    Ischler Dialog" beside "in Bad Ischl") is that place's adjective, no actor, unless it is a known
    place itself (``is_place``); a one-word "person" whose adjective the text writes ("Schwechat
    zufrieden" beside "die Schwechater"), not the last word of a full name there, is a place."""
    if language != "de":
        return spans
    places = {s.text.strip() for s in spans if s.type == "location"}
    surnames = {s.text.split()[-1] for s in spans if s.type == "person" and " " in s.text.strip()}
    out = []
    for span in spans:
        name = span.text.strip()
        if (
            span.type in ("location", "person")
            and any(name.endswith(ending) and name[: -len(ending)] in places for ending in ("er", "ern"))
            and not is_place(name)
        ):
            continue
        if (
            span.type == "person"
            and " " not in name
            and name not in surnames
            and name.isalpha()
            and name + "er" in text
            and re.search(rf"(?<!\w){re.escape(name)}er(?:n|s)?(?!\w)", text)
        ):
            span = EntitySpan(span.start, span.end, span.text, "location", span.score)
        out.append(span)
    return out


def longer_names_before(text: str, spans: list[EntitySpan]) -> list[EntitySpan]:
    """An organisation or place the text writes inside a longer name it lists ("Fiat Chrysler
    Automobiles rief" typed "Chrysler Automobiles", "the Kurdistan Regional Government" typed
    "Kurdistan Regional", beside the longer name elsewhere) is that longer name, with its type."""
    longer: dict[str, list[EntitySpan]] = {}  # by first and by last word
    for other in spans:
        words = other.text.split()
        if other.type in ("organization", "location") and len(words) >= 2:
            longer.setdefault(words[0], []).append(other)
            longer.setdefault(words[-1], []).append(other)
    if not longer:
        return spans
    out = []
    for span in spans:
        name = span.text.strip()
        words = name.split()
        if span.type in ("organization", "location") and words:
            for other in (*longer.get(words[0], ()), *longer.get(words[-1], ())):
                full = other.text.strip()
                if len(full) <= len(name):
                    continue
                if full.endswith(" " + name):
                    start, end = span.start - (len(full) - len(name)), span.end
                elif full.startswith(name + " "):
                    start, end = span.start, span.start + len(full)
                else:
                    continue
                if start >= 0 and text[start:end] == full:
                    span = EntitySpan(start, end, full, other.type, span.score)
                    break
        out.append(span)
    return out


_QUOTED = re.compile(r"[\"“„»«]([^\"“”„»«\n]{3,80})[\"”“«»]")
_TITLE_SMALL = frozenset(
    {"a", "an", "the", "of", "and", "in", "on", "to", "for", "der", "die", "das", "und", "im", "von", "des"}
)
_PUNCTUATION = "'’.,;:!?()"
_MIN_TITLE_WORDS = 3
_MAX_TITLE_WORDS = 6


def names_inside_titles(
    text: str, spans: list[EntitySpan], common: Callable[[str], bool] = lambda word: False
) -> list[EntitySpan]:
    """A name that is only a part of a quoted title ("Uncle John's Band", „Die Akte Brunnau“: three
    to six words, each capitalised but small function words, no comma, one of them a ``common``
    word: "Band", "Akte") is no actor there; the title itself, and the name elsewhere in the text,
    stay. A quoted name ("Tomas Tesko Jr") has no common word."""
    titles = []
    for match in _QUOTED.finditer(text):
        quoted = match.group(1)
        words = quoted.split()
        if (
            _MIN_TITLE_WORDS <= len(words) <= _MAX_TITLE_WORDS  # "Ryan Reynolds" is a name, no title
            and "," not in quoted  # "Lenhart, Matthew"
            and sum(w[:1].isalpha() for w in words) >= 2  # not a code with a name ("80-81 München")
            and all(w[:1].isupper() or w.lower() in _TITLE_SMALL or not w[:1].isalpha() for w in words)
            and any(common(w.strip(_PUNCTUATION)) for w in words)
        ):
            start = match.start(1) + len(quoted) - len(quoted.lstrip())
            titles.append((start, match.end(1) - (len(quoted) - len(quoted.rstrip()))))
    if not titles:
        return spans
    return [
        s
        for s in spans
        if not any(
            start <= s.start and s.end <= end and (s.start, s.end) != (start, end) for start, end in titles
        )
    ]


# an enumeration's link before a member's determiner: ", der ", " oder der ", ", and the "
_MEMBER_LINK = re.compile(r"(?:,| und| oder| sowie| and| or|, and|, or) (der|die|dem|den|des|the) $")
_MAX_MEMBER_GAP = 60  # characters from one member's end to the next member's determiner


def enumerated_organizations(
    text: str, spans: list[EntitySpan], is_place: Callable[[str], bool]
) -> list[EntitySpan]:
    """A "place" no gazetteer knows, listed with the same determiner after an organisation in one
    enumeration ("von der Cosa Nostra in Sizilien, der Ndrangheta in Kalabrien oder der Camorra um
    Neapel"), is an organisation too: members of a list are things of one kind."""
    out: list[EntitySpan] = []
    for span in spans:
        found = _MEMBER_LINK.search(text, max(0, span.start - 20), span.start)
        if span.type == "location" and found is not None and not is_place(span.text.strip()):
            determiner = found.group(1)
            link = found.start()
            for earlier in reversed(out):
                if earlier.end > link or earlier.end < link - _MAX_MEMBER_GAP:
                    continue
                if earlier.type == "organization" and text[: earlier.start].endswith(determiner + " "):
                    span = EntitySpan(span.start, span.end, span.text, "organization", span.score)
                    break
        out.append(span)
    return out


_LOWER = re.compile(r"(?<![\w'’-])[a-z][a-z'’-]+")


def headline_place_starts(
    text: str, language: str, spans: list[EntitySpan], is_place: Callable[[str], bool]
) -> list[EntitySpan]:
    """English: a place of a title line ("Campaign to Liberate Mosul", "Iraq's Ancient City of
    Babylon") begins after the leading words the body writes in lower case ("liberate", "ancient",
    "city", "of"), when what is left is a known place or a name the body writes as it is."""
    line_end = title_line_end(text) if language == "en" else -1
    if line_end < 0:
        return spans
    body = text[line_end:]
    lower = set(_LOWER.findall(body))
    out = []
    for span in spans:
        words = span.text.split()
        if span.type == "location" and span.end <= line_end and len(words) >= 2 and span.text not in body:
            k = 0
            while k < len(words) - 1 and words[k].lower() in lower:
                k += 1
            rest = " ".join(words[k:])
            if k and rest[:1].isupper() and (is_place(rest) or re.search(rf"\b{re.escape(rest)}\b", body)):
                cut = span.text.rindex(rest)
                span = EntitySpan(span.start + cut, span.end, rest, "location", span.score)
        out.append(span)
    return out

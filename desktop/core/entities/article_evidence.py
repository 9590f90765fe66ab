"""Corrections from evidence in the article itself: how the text writes a candidate elsewhere.

- A word repeated around a preposition ("von Grätzel zu Grätzel", "Schritt für Schritt",
  "from door to door", "step by step") names a kind of thing, not an actor
  (:func:`repeated_word_phrases`).
- A country's abbreviation or name before a name the text lists on its own ("US White House"
  beside "White House") is no part of that name (:func:`country_prefixed_names`).
- A "place" of two or three capitalised words whose last word the text lists alone as a person
  ("Arnav Gupta" beside "Gupta") is that person (:func:`people_typed_as_places`).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from desktop.core.types import EntitySpan

# "von X zu X", "X für X", "X um X", "X an X", "X nach X"; "from X to X", "X by X", "X after X"
_REPEATED = {
    "de": re.compile(r"\b(?:von (\w+) zu \1|(\w+) (?:für|um|an|nach|auf) \2)\b"),
    "en": re.compile(r"\b(?:from (\w+) to \1|(\w+) (?:by|after|to|for) \2)\b", re.IGNORECASE),
}


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
    return any(
        lo + m.start() <= span.start and span.end <= lo + m.end() and (m.group(1) or m.group(2))[:1].isupper()
        for m in pattern.finditer(text[lo : span.end + size])
    )


def country_prefixed_names(spans: list[EntitySpan], is_country: Callable[[str], bool]) -> list[EntitySpan]:
    """An organisation or place "US White House" whose words after a leading country
    (``is_country``: "US", "U.S.", "UK") are another span's whole name in the text is named without
    the country ("White House"), and so becomes the same actor. The other span's type is taken.
    """
    named = {s.text.strip(): s.type for s in spans}
    out = []
    for span in spans:
        words = span.text.split()
        if span.type in ("organization", "location") and len(words) >= 2 and is_country(words[0]):
            rest = " ".join(words[1:])
            if rest in named and rest[:1].isupper():
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


_GERMAN_LETTERS = frozenset("äöüß")
MIN_ARTICLE_SENTENCES = 4
_SENTENCE_START = re.compile(r"(?:^|[.!?:–]\s+|\n\s*)$")


def lone_sentence_openers(
    text: str, language: str, spans: list[EntitySpan], name_part: Callable[[str], bool]
) -> list[EntitySpan]:
    """German: a one-word "person" with a German letter (ä, ö, ü, ß) that the text writes only once,
    as a sentence's first word ("Rüffel vom Parteichef gab es ...", "Heizöl verbilligte sich ..."), is
    a capitalised noun: a person named by the surname alone is mostly named so again, or by the full
    name first, and German surnames are mostly known to the name lists. Foreign surnames
    ("Chouchane soll ...") have no such letter.

    Kept: the last word of a full name in the text and ``name_part`` words (given names, name
    parts of people the name lists know, places, organisations). Only in an article of some
    sentences (:data:`MIN_ARTICLE_SENTENCES`): a lone sentence says nothing of what follows.
    """
    if language != "de" or len(re.findall(r"[.!?]\s", text)) + 1 < MIN_ARTICLE_SENTENCES:
        return spans
    surnames = {w for s in spans if s.type == "person" for w in s.text.split()[1:]}
    out = []
    for span in spans:
        word = span.text.strip()
        if (
            span.type == "person"
            and " " not in word
            and word.isalpha()
            and word[1:].islower()
            and any(c in _GERMAN_LETTERS for c in word)
            and word not in surnames
            and _SENTENCE_START.search(text, 0, span.start)
            and len(re.findall(rf"(?<!\w){re.escape(word)}(?!\w)", text)) == 1
            and not name_part(word)
        ):
            continue
        out.append(span)
    return out

"""Spans in English title case, where every word of a name looks like a name.

- A span of a title line ends before the first of its words that the body writes in lower case
  (:func:`headline_spans`; :func:`title_line_end` tells where such a line ends).
- "Utah Jazz", "Oklahoma City Thunder" typed places are teams (:func:`teams_named_after_places`).
"""

from __future__ import annotations

import re

from desktop.core.entities.gazetteer import Gazetteer
from desktop.core.entities.org_phrases import ENGLISH_HEADS
from desktop.core.types import EntitySpan

_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z][a-z'’-]+")


def title_line_end(text: str) -> int:
    """Where the text's first line ends when it is a title line written with capitalised words
    (at least three words, more than 60 % capitalised); -1 otherwise."""
    line_end = text.find("\n")
    words = text[:line_end].split() if line_end > 0 else []
    if len(words) < 3 or sum(w[:1].isupper() for w in words) / len(words) <= 0.6:
        return -1
    return line_end


def headline_spans(text: str, spans: list[EntitySpan]) -> list[EntitySpan]:
    """A span of an English title line (every word capitalised) ends before the first of its words
    that the body writes in lower case, unless the body names the span as it is.

    "U.S. Condemns Terrorist Attacks in Iraq" -> "U.S." (the body has "condemns").
    """
    line_end = title_line_end(text)
    if line_end < 0:
        return spans
    body = text[line_end:]
    lower = set(_LOWER_WORD.findall(body))
    out: list[EntitySpan] = []
    for span in spans:
        parts = list(re.finditer(r"\S+", span.text))
        if span.end > line_end or len(parts) < 2 or span.type not in ("organization", "person", "other"):
            out.append(span)
            continue
        if span.text.lower() in body.lower():
            out.append(span)
            continue
        cut = next(
            (
                k
                for k in range(1, len(parts))
                if parts[k].group().lower() in lower and parts[k].group().lower() not in ENGLISH_HEADS
            ),
            None,
        )
        if cut is None:
            out.append(span)
            continue
        end = span.start + parts[cut - 1].end()
        out.append(EntitySpan(span.start, end, text[span.start : end], span.type, span.score))
    return out


# last words that keep "<place> <word>" a place or make it an event, not an organisation
_PLACE_OR_EVENT_TAILS = frozenset(
    {
        "square", "valley", "park", "street", "st", "road", "avenue", "lake", "river", "bay", "county",
        "beach", "island", "islands", "hills", "heights", "springs", "falls", "harbor", "harbour",
        "airport", "station", "bridge", "dam", "mountains", "mountain", "peninsula", "coast", "gulf",
        "sea", "ocean", "desert", "plain", "plains", "province", "region", "district", "state", "city",
        "town", "village", "parish", "borough", "center", "centre", "port", "canyon", "creek", "forest",
        "basin", "delta", "strait", "strip", "channel", "highlands", "lowlands", "area", "territory",
        "governorate", "oblast", "prefecture", "municipality", "township", "ward", "quarter", "border",
        "war", "conflict", "crisis", "summit", "offensive", "campaign", "agreement", "accord", "attack",
        "attacks", "bombing", "earthquake", "massacre", "protests", "revolution", "election",
        "elections", "games", "olympics", "cup", "championship", "festival", "marathon", "open",
        "keys", "cays", "chowk", "nagar", "marg", "bagh", "gate", "gardens", "garden", "market", "mall",
        "plaza", "circle", "junction", "crossing", "terrace", "hill", "point", "cape", "head", "rock",
        "reef", "atoll", "archipelago", "lagoon", "pass", "gap", "glacier", "fjord", "sound", "inlet",
        "cove", "wharf", "pier", "dock", "docks", "terminal", "base", "camp", "fort", "palace", "castle",
        "tower", "temple", "mosque", "church", "cathedral", "museum", "zoo", "stadium", "arena", "hall",
    }
)  # fmt: skip


def teams_named_after_places(spans: list[EntitySpan], gazetteer: Gazetteer) -> list[EntitySpan]:
    """English: "Utah Jazz", "Oklahoma City Thunder" typed places are organisations: a known place,
    then capitalised words that name no place, no kind of place and no event.
    """
    out: list[EntitySpan] = []
    for span in spans:
        words = span.text.split()
        if span.type == "location" and 2 <= len(words) <= 5 and gazetteer.place(span.text) is None:
            last = words[-1].lower().strip(".,")
            tail_ok = (
                last not in _PLACE_OR_EVENT_TAILS
                and len(last) > 2  # "San Rafael Ca": a state's abbreviation
                and all(w[:1].isupper() and w.isalpha() for w in words[1:])
            )
            for k in range(len(words) - 1, 0, -1):
                head = gazetteer.place(" ".join(words[:k]))
                if head is not None and head.strong:
                    if tail_ok and not any(gazetteer.place(w) for w in words[k:]):
                        span = EntitySpan(span.start, span.end, span.text, "organization", span.score)
                    break
        out.append(span)
    return out

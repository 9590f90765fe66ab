"""English organisations the model joins into one span across "and" or "or".

Read on the actor lists of 219 unannotated English Wikinews articles of 2019-2020 (none of them in
the gold set), the model tags two organisations named side by side as one:

- "the University of Washington and Stanford University", "the Center for Biological Diversity and
  Center for Food Safety", "the Ministry of Health and the Ministry of Foreign Affairs": an
  institution's name, "and", and another name that begins or ends with an institution's head
  noun. Names that go on with "and" keep it when the words after "and" name no institution of their
  own ("Centers for Disease Control and Prevention", "High Court of England and Wales",
  "Department of Health and Human Services", "Pacific Gas and Electric Company": its head ends the
  whole name, not a second one);
- "the Democratic and Republican parties", "the Democratic or Republican Party", "the Democratic and
  Republican New Hampshire primaries": two parties' words sharing one head noun (or none). They
  are the two parties: each word is an organisation (linking joins it to the party the article
  names in full), a place after them a place.

Measured on those 219 articles: 11 joined "actors" fewer, each replaced by its two organisations
(7 organisations found that were missing: "Stanford University", "Ministry of Health", "Republican
Party", ...; the others joined the party or institution named elsewhere); all 40 changed entries
right, none wrong. The English dev articles of tests/data/actors/dev unchanged; span F1 on UNER
English EWT dev 0.738 (unchanged), CrossNER politics dev 0.820 -> 0.823 (organisations: precision
0.778 -> 0.782, recall 0.830 -> 0.838).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from desktop.core.types import EntitySpan

# head nouns that begin or end an institution's name (English)
HEADS = frozenset(
    {
        "University", "College", "Academy", "School", "Hospital", "Institute", "Foundation",
        "Library", "Museum", "Center", "Centre", "Centers", "Centres", "Trust", "Ministry",
        "Department", "Agency", "Fund", "Council", "Committee", "Commission", "Society",
        "Association", "Union", "Federation", "League", "Party", "Company", "Corporation",
        "Bank", "Board", "Office", "Authority", "Court", "Organization", "Organisation", "Network",
        "Alliance", "Coalition", "Institution", "Laboratory", "Observatory", "Church",
    }
)  # fmt: skip
_PARTY_HEADS = frozenset({"Party", "Parties", "party", "parties"})
_JOIN = re.compile(r" (?:and|&) (?:the )?")
_PARTY_PAIR = re.compile(r"^([A-Z][a-z]+) (?:and|or) ([A-Z][a-z]+)(?: (.+))?$")
_PARTY_ENDINGS = ("ic", "an", "al", "ist", "ive", "ian")


def _split_at_and(span: EntitySpan) -> list[EntitySpan] | None:
    """The two institutions of "X and (the) Y", or None when the span is one name."""
    for match in _JOIN.finditer(span.text):
        left = span.text[: match.start()].rstrip()
        right = span.text[match.end() :].rstrip()
        left_words, right_words = left.split(), right.split()
        if not right_words or not right_words[0][:1].isupper() or left_words[-1:] in (["of"], ["for"]):
            continue
        if not any(w in HEADS for w in left_words):
            continue  # "Pacific Gas and Electric Company", "Search and Rescue Agency": one name
        # the name after "and" must be an institution of its own, not the rest of one name
        if not (right_words[0] in HEADS or (len(right_words) >= 2 and right_words[-1] in HEADS)):
            continue
        start = span.start + match.end()
        return [
            EntitySpan(span.start, span.start + len(left), left, "organization", span.score),
            EntitySpan(start, start + len(right), right, "organization", span.score),
        ]
    return None


def _split_party_pair(
    text: str, span: EntitySpan, is_place: Callable[[str], bool]
) -> list[EntitySpan] | None:
    """ "Democratic and Republican [Party|Parties|New Hampshire]": the two parties' words."""
    match = _PARTY_PAIR.match(span.text.strip())
    if match is None:
        return None
    first, second, rest = match.group(1), match.group(2), match.group(3) or ""
    if not (first.endswith(_PARTY_ENDINGS) and second.endswith(_PARTY_ENDINGS)):
        return None  # "Marks and Spencer", "Bosnia and Herzegovina"
    after = text[span.end : span.end + 12].split(maxsplit=1)
    if rest and rest not in _PARTY_HEADS and not is_place(rest):
        return None
    named = re.search(rf"\b(?:{first}|{second}) [Pp]art(?:y|ies)\b", text) is not None
    if not (named or rest in _PARTY_HEADS or (after and after[0].strip(".,;:") in _PARTY_HEADS)):
        return None  # no party named: "Serbian and Croatian"
    offset = span.start + span.text.index(first)
    out = [EntitySpan(offset, offset + len(first), first, "organization", span.score)]
    second_start = span.start + span.text.index(second, len(first) + 1)
    second_end = second_start + len(second)
    if rest in ("Party", "party"):
        second_end += len(rest) + 1  # "the Democratic or Republican Party": "Republican Party"
    out.append(
        EntitySpan(second_start, second_end, text[second_start:second_end], "organization", span.score)
    )
    if rest and rest not in _PARTY_HEADS and is_place(rest):
        place_start = span.start + span.text.rindex(rest)
        out.append(EntitySpan(place_start, place_start + len(rest), rest, "location", span.score))
    return out


def split_joined_organizations(
    text: str, spans: list[EntitySpan], is_place: Callable[[str], bool]
) -> list[EntitySpan]:
    """English organisations joined across "and"/"or" in one span, split into each (see above)."""
    out: list[EntitySpan] = []
    for span in spans:
        parts = None
        if span.type == "organization" and (
            " and " in span.text or " or " in span.text or " & " in span.text
        ):
            parts = _split_party_pair(text, span, is_place) or _split_at_and(span)
        out.extend(parts or [span])
    return out

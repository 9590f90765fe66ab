"""Span fixes read from the words around a span and from the other spans of the same text.

- Places joined by a slash ("Berlin/Ankara", a dateline of two places) are two places.
- A word the model left out before a person's name joins it when the text names the person by
  that word elsewhere ("Zeid Raad al-Hussein" when "Zeid" alone is a person too); two person
  spans side by side are one name.
- A word glued before a surname that the text gives with a proper given name elsewhere is cut
  off ("Royale Böhmermann" beside "Jan Böhmermann": the end of a programme's name).
- A kind of organisation written before a name types it ("der Agentur AFP", "news agency Fars",
  "die Linkspartei Podemos": the descriptor is no part of the name).
- Military units keep their number ("507th Air Refueling Wing"), "Washington, D.C." and
  "CJTF-OIR" stay whole, "Bad Radkersburg" keeps its "Bad"; airfields, air bases and arenas are
  places; a lone point of the compass is no actor.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable
from itertools import pairwise

from desktop.core.entities.gazetteer import Gazetteer
from desktop.core.entities.org_phrases import ENGLISH_HEADS
from desktop.core.entities.recognizer import span_order
from desktop.core.entities.role_words import TITLE_MODIFIERS
from desktop.core.types import EntitySpan, EntityType

MIN_GIVEN_NAME = 200  # a given name this frequent in the name lists starts a name before a surname
_SLASHED = re.compile(r"[^\W\d_][\w.'’-]*(?: [^\W\d_][\w.'’-]*)*")
_WORD_BEFORE = re.compile(r"(?<![\w.'’-])([A-ZÄÖÜ][\w'’-]*[\w]) $")
_ROLE_OF_PLACE = re.compile(r"(?<![\w-])([a-z]+) of (?:the )?[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}, $")
_ORDINAL_BEFORE = re.compile(r"(?<![\w-])(\d{1,4}(?:st|nd|rd|th)) $")
_PLACE_PREFIX_BEFORE = re.compile(r"(?<![\w-])(Bad|Sankt|St\.|Santa|San|Port|Fort) $")
_FACILITY_ENDS = ("airfield", "airport", "air base", "airbase", "arena", "stadium", "flughafen", "stadion")
_PEOPLE_PLURALS = frozenset(
    {"airmen", "soldiers", "troops", "marines", "sailors", "fighters", "militants", "civilians",
     "officials", "residents", "citizens", "voters", "workers", "students", "fans", "members"}
)  # fmt: skip
_COMPASS = frozenset(
    {"north", "south", "east", "west", "norden", "süden", "osten", "westen", "nord", "süd", "ost"}
)
# a kind of organisation written before its name ("der Nachrichtenagentur AFP", "der Wochenzeitung
# Falter"); German endings, inflected forms included
_GERMAN_ORG_KINDS = (
    "agentur", "sender", "zeitung", "zeitschrift", "magazin", "portal", "kanzlei", "konzern", "firma",
    "unternehmen", "partei", "institut", "verband", "verein", "gewerkschaft", "organisation", "miliz",
    "netzwerk", "bewegung", "sekte", "plattform", "blatt", "hersteller", "versicherer", "bank",
    "fluglinie", "airline", "rebellen", "gruppierung", "rebellengruppe", "extremistengruppe",
    "terrorgruppe", "dschihadistengruppe", "jihadistengruppe", "mediengruppe", "bankengruppe",
)  # fmt: skip
_LEGAL_FORMS = frozenset({"AG", "GmbH", "SE", "KG", "OHG", "eG", "Ltd", "Inc", "plc", "SA", "NV", "BV"})
_ENGLISH_ORG_KINDS = (
    "news agency", "agency", "newspaper", "broadcaster", "magazine", "tabloid", "daily", "channel",
    "website", "company", "firm", "carrier", "airline", "party", "promotion", "militia",
    "outlet", "publication", "network", "charity", "wire service", "group", "organization",
    "organisation", "union", "club", "team", "bank", "insurer", "manufacturer", "broadcasting",
)  # fmt: skip
_ENGLISH_KIND_BEFORE = re.compile(
    r"(?<![\w-])(?:"
    + "|".join(sorted((re.escape(k) for k in _ENGLISH_ORG_KINDS), key=len, reverse=True))
    + r") $"
)


def _span(text: str, start: int, end: int, kind: EntityType, score: float = 0.5) -> EntitySpan:
    return EntitySpan(start, end, text[start:end], kind, score)


def split_slashed_places(
    text: str, spans: list[EntitySpan], gazetteer: Gazetteer, language: str
) -> list[EntitySpan]:
    """ "Berlin/Ankara", "Bujumbura/Genf": one place per part when a part is a known place."""
    out: list[EntitySpan] = []
    for span in spans:
        if "/" not in span.text or span.type == "other":
            out.append(span)
            continue
        parts = [(m.start(), m.end()) for m in _SLASHED.finditer(span.text)]
        pieces = span.text.split("/")
        whole = len(parts) == len(pieces) and all(
            span.text[a:b] == piece.strip() for (a, b), piece in zip(parts, pieces, strict=True)
        )
        known = whole and any(gazetteer.place(span.text[a:b], language=language) for a, b in parts)
        if not known or not all(span.text[a][:1].isupper() for a, _ in parts):
            out.append(span)
            continue
        out.extend(_span(text, span.start + a, span.start + b, "location", span.score) for a, b in parts)
    return out


def _given_name(word: str, gazetteer: Gazetteer) -> bool:
    return gazetteer.given_names.get(word, 0) >= MIN_GIVEN_NAME and gazetteer.place(word) is None


def join_person_names(
    text: str, spans: list[EntitySpan], gazetteer: Gazetteer, title_word: Callable[[str], bool]
) -> list[EntitySpan]:
    """A person's word left out before the name, or tagged apart from it, joins it.

    The word joins when the text names a person by that word alone elsewhere ("Zeid Raad
    al-Hussein" ... "sagte Zeid"), or when it is a frequent given name; never a title word.
    """
    ordered = sorted(spans, key=span_order)
    alone = Counter(s.text.strip() for s in ordered if s.type == "person" and " " not in s.text.strip())
    out: list[EntitySpan] = []
    for span in ordered:
        previous = out[-1] if out else None
        if span.type == "person" and previous is not None and previous.type == "person":
            word = previous.text.strip()
            side_by_side = previous.end + 1 == span.start and text[previous.end] == " "
            if side_by_side and (alone[word] >= 2 or _given_name(word, gazetteer)) and " " not in word:
                out[-1] = _span(text, previous.start, span.end, "person", span.score)
                continue
        if span.type == "person" and (previous is None or previous.end < span.start - 1):
            match = _WORD_BEFORE.search(text, max(0, span.start - 40), span.start)
            if match is not None:
                word = match.group(1)
                rest = span.text.split()
                joins = (word in alone and word not in rest) or (
                    _given_name(word, gazetteer) and len(rest) <= 2
                )
                if joins and not title_word(word) and word.lower() not in _COMPASS:
                    out.append(_span(text, match.start(1), span.end, "person", span.score))
                    continue
        out.append(span)
    return out


_TEXT_WORD = re.compile(r"[\w'’.-]*\w")


class _WordCounts:
    """Counts of the words and word pairs of a text, made on first use (one pass)."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._words: Counter[str] | None = None
        self._pairs: Counter[str] = Counter()

    def elsewhere(self, word: str, name: str) -> bool:
        """True when ``word`` occurs in the text more often than the two-word ``name`` it starts."""
        if self._words is None:
            tokens = _TEXT_WORD.findall(self._text)
            self._words = Counter(tokens)
            self._pairs = Counter(f"{a} {b}" for a, b in pairwise(tokens))
        return self._words[word] > self._pairs[name]


def cut_glued_words(text: str, spans: list[EntitySpan], gazetteer: Gazetteer) -> list[EntitySpan]:
    """ "Royale Böhmermann" beside "Jan Böhmermann": the word before the surname is cut off.

    Only when the first word is no given name, occurs in the text without the surname too (the
    end of "Neo Magazin Royale"), and another person's name in the text ends with the same
    surname after a given name ("Kyoko Kimura" beside "Hana Kimura" stays whole).
    """
    firsts: dict[str, set[str]] = {}
    for span in spans:
        words = span.text.split()
        if span.type == "person" and len(words) >= 2:
            firsts.setdefault(words[-1], set()).add(words[0])
    counts = _WordCounts(text)
    out: list[EntitySpan] = []
    for span in spans:
        words = span.text.split()
        if span.type == "person" and len(words) == 2:
            first, last = words
            others = firsts.get(last, set()) - {first}
            if (
                others
                and any(_given_name(o, gazetteer) for o in others)
                and not _given_name(first, gazetteer)
                and counts.elsewhere(first, " ".join(words))
            ):
                cut = span.text.rindex(last)
                span = EntitySpan(span.start + cut, span.end, last, "person", span.score)
        out.append(span)
    return out


_GERMAN_KIND_END = re.compile("(?:" + "|".join(_GERMAN_ORG_KINDS) + ")(?:es|en|s|n)?$")


def _german_kind(word: str) -> bool:
    return _GERMAN_KIND_END.search(word.lower()) is not None


def organization_kinds(
    text: str, spans: list[EntitySpan], language: str, gazetteer: Gazetteer
) -> list[EntitySpan]:
    """A name after a kind of organisation is an organisation ("der Agentur AFP", "news agency Fars").

    A German kind inside the span's front is cut off ("Linkspartei Podemos" -> "Podemos"); an
    acronym right after a German kind is added ("Extremistenmiliz IS"). A name typed so is an
    organisation wherever it recurs in the text. An English person's full name stays a person
    ("group member John Smith" is rare, but "the band Taylor Swift" rarer).
    """
    out: list[EntitySpan] = []
    typed_names: set[str] = set()
    for span in spans:
        if span.type not in ("person", "location", "organization"):
            out.append(span)
            continue
        words = span.text.split()
        if (
            language == "de"
            and len(words) == 2
            and _german_kind(words[0])
            and words[1][:1].isupper()
            and words[1] not in _LEGAL_FORMS
            and not any(gazetteer.place(part) for part in words[1].split("-"))
        ):  # "Linkspartei Podemos", but not "Volksbanken AG" or "Volksbank Wien-Baden"
            cut = span.text.index(words[1], len(words[0]))
            span = EntitySpan(span.start + cut, span.end, span.text[cut:], "organization", span.score)
            typed_names.add(span.text)
            out.append(span)
            continue
        retypable = span.type == "location" or len(words) == 1 or language == "de"
        if span.type != "organization" and retypable and _kind_before(text, span.start, language):
            span = EntitySpan(span.start, span.end, span.text, "organization", span.score)
            typed_names.add(span.text)
        out.append(span)
    if language == "de":
        out = sorted([*out, *_acronyms_after_kinds(text, out)], key=span_order)
    if not typed_names:
        return out
    return [
        EntitySpan(s.start, s.end, s.text, "organization", s.score)
        if s.text in typed_names and s.type in ("person", "location")
        else s
        for s in out
    ]


def _kind_before(text: str, start: int, language: str) -> bool:
    before = text[max(0, start - 30) : start]
    if language != "de":
        return _ENGLISH_KIND_BEFORE.search(before) is not None
    kind = re.search(r"(?<![\w-])([A-ZÄÖÜ][\w]+) $", before)
    return kind is not None and _german_kind(kind.group(1))


_ACRONYM_AFTER = re.compile(r"(?<![\w-])([A-ZÄÖÜ][\w]+) ([A-ZÄÖÜ]{2,6})(?![\w-])")


def _acronyms_after_kinds(text: str, spans: list[EntitySpan]) -> list[EntitySpan]:
    """ "die Extremistenmiliz IS", "der Agentur AFP": the acronym after a kind, where no span is."""
    covered = sorted((s.start, s.end) for s in spans)
    starts = [start for start, _ in covered]
    added = []
    for match in _ACRONYM_AFTER.finditer(text):
        if not _german_kind(match.group(1)):
            continue
        a, b = match.span(2)
        index = bisect_right(starts, a)
        if (index and covered[index - 1][1] > a) or (index < len(covered) and covered[index][0] < b):
            continue
        added.append(_span(text, a, b, "organization"))
    return added


def people_after_title_words(
    text: str, spans: list[EntitySpan], title_word: Callable[[str], bool], gazetteer: Gazetteer
) -> list[EntitySpan]:
    """A name right after a title ("Special Advisor Knox Thames") or after "the mayor of X, " is a
    person, unless it is a known place or organisation.
    """
    out: list[EntitySpan] = []
    for span in spans:
        if span.type in ("location", "organization"):
            match = _WORD_BEFORE.search(text, max(0, span.start - 40), span.start)
            if match is None:  # "The mayor of New Orleans, LaToya Cantrell, advised"
                match = _ROLE_OF_PLACE.search(text, max(0, span.start - 60), span.start)
            name = span.text.strip()
            if (
                match is not None
                and title_word(match.group(1))
                and match.group(1).lower().strip(".") not in TITLE_MODIFIERS
                and gazetteer.place(name) is None
                and gazetteer.organization(name) is None
                and all(w[:1].isupper() for w in name.split())
            ):
                span = EntitySpan(span.start, span.end, span.text, "person", span.score)
        out.append(span)
    return out


def fix_edges(text: str, spans: list[EntitySpan]) -> list[EntitySpan]:
    """Numbers of units, "Washington, D.C.", "CJTF-OIR", "Bad Radkersburg"; facilities are places."""
    ordered = sorted(spans, key=span_order)
    out: list[EntitySpan] = []
    for span in ordered:
        start, end, kind = span.start, span.end, span.type
        if out and end <= out[-1].end:
            continue  # inside a span stretched over it ("D.C." of "Washington, D.C.")
        hyphen = out and out[-1].end + 1 == start and text[out[-1].end] == "-"
        if hyphen and span.text.isupper() and out[-1].text.isupper() and out[-1].type == span.type:
            merged = out.pop()  # "CJTF" + "-" + "OIR"
            out.append(_span(text, merged.start, end, kind, span.score))
            continue
        if kind == "organization" and (match := _ORDINAL_BEFORE.search(text, max(0, start - 12), start)):
            start = match.start(1)
        if kind == "location" and (match := _PLACE_PREFIX_BEFORE.search(text, max(0, start - 12), start)):
            start = match.start(1)
        if kind == "location" and text.startswith(", D.C.", end):
            end += len(", D.C.")
        if kind in ("organization", "location") and span.text.lower().endswith(_FACILITY_ENDS):
            kind = "location"
        if kind == "person" and " " in span.text and span.text.split()[-1].lower() in ENGLISH_HEADS:
            kind = "organization"  # "Reference Bureau", "Fire Brigade": no person ends so
        if out and out[-1].end > start:  # stretched into the span before
            if out[-1].start >= start:
                out.pop()
            else:
                start = span.start
        if (start, end, kind) != (span.start, span.end, span.type):
            span = _span(text, start, end, kind, span.score)
        out.append(span)
    return [s for s in out if not _lone_compass(s)]


def _lone_compass(span: EntitySpan) -> bool:
    words = span.text.split()
    if span.type == "person" and len(words) >= 2 and words[-1].lower() in _PEOPLE_PLURALS:
        return True  # "Reserve Airmen": a group of people, no person
    return span.text.strip().lower() in _COMPASS


def people_after_titles(
    text: str, spans: list[EntitySpan], title_word: Callable[[str], bool]
) -> list[EntitySpan]:
    """An organisation or place span that begins with a title is the person named after it.

    "Springer-Chef Döpfner" -> "Döpfner", "Ambassador Saperstein for Religious Minorities" ->
    "Saperstein": the title words go (the linker reads them as the role), the name runs to the
    first word in lower case; one to three capitalised words must be left.
    """
    out: list[EntitySpan] = []
    for span in spans:
        words = list(re.finditer(r"\S+", span.text))
        head = words[0].group() if words else ""
        if (
            span.type not in ("organization", "location")
            or len(words) < 2
            or not title_word(head)
            or head.lower().strip(".") in TITLE_MODIFIERS  # "Air Force Reserve Command", "State Fire Brigade"
        ):
            out.append(span)
            continue
        first = 1
        while first < len(words) and title_word(words[first].group()):
            first += 1
        last = first
        while last < len(words) and words[last].group()[:1].isupper():
            last += 1
        # the shape of a title glued to a name: a role compound ("Springer-Chef"), or the name
        # going on in lower case ("Ambassador Saperstein for ..."); "General Motors" is neither
        glued = "-" in head or last < len(words)
        if not glued or not 1 <= last - first <= 3:
            out.append(span)
            continue
        a, b = span.start + words[first].start(), span.start + words[last - 1].end()
        out.append(_span(text, a, b, "person", span.score))
    return out

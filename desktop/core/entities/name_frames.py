"""Names read from the words framing them: what stands before or after a span says what it names.

- A ship is named after its prefix ("MV Alan Kurdi", "HMS Ocean"): no person, even when the ship
  bears a person's name (and its name must not join that person's family).
- A person's name followed by an institution's head ("Richard J. Donovan Correctional Facility",
  "Johannes Kepler Universität") names the institution, an organisation.
- German: an institution's noun right before a place ("Zollamt St. Pölten", "Kulturbüros Sachsen",
  "Landgericht Köln") is one organisation with it.
- German: a compound of a kind noun ("Großbank", "Autokonzern") leading an organisation's span is
  the kind, no part of the name ("Großbank Standard Chartered" is "Standard Chartered"); a known
  place after it makes the name ("Landesbank Baden-Württemberg").
- German: a weekday with a part of the day ("Mittwochabend", "Dienstagvormittag") is no actor.
- A nationality before an abbreviation ("Belarusian KGB") is no part of the organisation's name.
- German: a short word with a capital inside or no vowel, with a full stop, right before a person's
  name ("LHStv. Thomas Stelzer", "Bgm. Jan Brandt") is an abbreviated title, no actor.
- German: a "person" whose every word is a known place and none a name part of people ("Magna Steyr") is
  named after places: a company or a club, no person.
- An organisation's name cut where the text writes the rest of a longer name of the same text in
  another case ("Amazon Web services" beside "Amazon Web Services") is that longer name.
- English: a one-word "person" the name lists do not know, named again and again but never with a
  given name, a title, a role or a kin word before it ("Daesh has used ... by Daesh"), is a group's
  or a company's name, no person's ("President Obama", "minister Wiranto", "children Brodie" stay).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from desktop.core.entities.party_plurals import party_plurals
from desktop.core.entities.recognizer import span_order, without_overlaps
from desktop.core.entities.role_words import GERMAN_INSTITUTION_HEADS
from desktop.core.types import EntitySpan

# "EU-Kommission": an abbreviation joined by a hyphen to an institution's head noun
_INSTITUTION = re.compile(r"(?<![\w-])[A-ZÄÖÜ]{2,6}-([A-ZÄÖÜ][a-zäöüß]+)(?![\w-])")

_SHIP_PREFIXES = frozenset({"MV", "HMS", "USS", "HMAS", "HMCS", "HMNZS", "USNS"})
_SHIP_BEFORE = re.compile(r"(?<![\w-])(?:" + "|".join(sorted(_SHIP_PREFIXES)) + r")\s$")

_INSTITUTION_HEADS = {
    "en": (
        "Correctional Facility", "Correctional Institution", "Detention Center", "State Prison",
        "Prison", "Penitentiary", "University", "College", "Academy", "High School", "School",
        "Hospital", "Medical Center", "Medical Centre", "Clinic", "Institute", "Foundation", "Library",
        "Museum", "Center", "Centre", "Trust",
    ),
    "de": (
        "Universität", "Hochschule", "Schule", "Gymnasium", "Stiftung", "Institut", "Klinik", "Klinikum",
        "Spital", "Krankenhaus", "Museum", "Bibliothek", "Zentrum",
    ),
}  # fmt: skip
_HEAD_AFTER = {
    language: re.compile(r"\s(?:" + "|".join(sorted(heads, key=len, reverse=True)) + r")(?![\w-])")
    for language, heads in _INSTITUTION_HEADS.items()
}

# ends of German nouns for an authority, a court, an office or a body named after its place
_GERMAN_PLACED_HEADS = (
    "amt", "ämter", "gericht", "gerichtshof", "büro", "fahndung", "polizei", "direktion", "kammer",
    "kasse", "verband", "kommando", "staatsanwaltschaft", "regierung", "ministerium", "behörde",
    "bank", "universität", "hochschule", "klinikum", "museum", "theater", "stiftung", "institut",
)  # fmt: skip
_GERMAN_NOUN_BEFORE = re.compile(r"(?<![\w-])([A-ZÄÖÜ][a-zäöüß]+)\s$")

_GERMAN_KIND_TAILS = (
    "bank", "konzern", "zeitung", "blatt", "magazin", "sender", "agentur", "partei", "gruppe",
    "unternehmen", "firma", "verband", "verein", "versicherer", "händler", "hersteller", "riese",
)  # fmt: skip

_WEEKDAYS = "montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend|sonntag"
_CALENDAR_COMPOUND = re.compile(
    rf"^(?:{_WEEKDAYS})(?:abend|morgen|vormittag|nachmittag|mittag|nacht|früh)s?$", re.IGNORECASE
)


def _span(text: str, start: int, end: int, kind: str, score: float) -> EntitySpan:
    return EntitySpan(start, end, text[start:end], kind, score)  # type: ignore[arg-type]


def ships_are_no_people(text: str, spans: list[EntitySpan]) -> list[EntitySpan]:
    """A span that starts with a ship's prefix, or follows one, names a ship: typed "other"."""
    out = []
    for span in spans:
        words = span.text.split()
        start = -1
        if len(words) >= 2 and words[0] in _SHIP_PREFIXES and words[1][:1].isupper():
            start = span.start
        elif (before := _SHIP_BEFORE.search(text, max(0, span.start - 6), span.start)) is not None:
            start = before.start()
        if span.type in ("person", "location", "organization") and start >= 0:
            span = _span(text, start, span.end, "other", span.score)
        out.append(span)
    return out


def institutions_after_people(text: str, language: str, spans: list[EntitySpan]) -> list[EntitySpan]:
    """A person's name of two or more words followed by an institution's head is that institution."""
    pattern = _HEAD_AFTER.get(language)
    if pattern is None:
        return spans
    starts = sorted(s.start for s in spans)
    out = []
    for span in spans:
        match = pattern.match(text, span.end) if span.type == "person" and " " in span.text.strip() else None
        if match is not None and not any(span.end <= start < match.end() for start in starts):
            span = _span(text, span.start, match.end(), "organization", span.score)
        out.append(span)
    return out


def _placed_head(word: str) -> bool:
    low = word.lower()
    bare = low[:-1] if low.endswith("s") and not low.endswith(("ss", "us")) else low
    return bare.endswith(_GERMAN_PLACED_HEADS)


def german_institutions_before_places(
    text: str, spans: list[EntitySpan], is_place: Callable[[str], bool] = lambda name: False
) -> list[EntitySpan]:
    """German: "Zollamt St. Pölten": an institution's noun (no span itself) right before a place; not
    before a place's genitive ("die Regierung Ägyptens": the place the institution belongs to)."""
    taken = [(s.start, s.end) for s in spans]
    out = []
    for span in spans:
        name = span.text.strip()
        if span.type == "location" and not (name.endswith("s") and is_place(name[:-1])):
            match = _GERMAN_NOUN_BEFORE.search(text, max(0, span.start - 40), span.start)
            if (
                match is not None
                and _placed_head(match.group(1))
                and not any(s < span.start and e > match.start() for s, e in taken)
            ):
                span = _span(text, match.start(1), span.end, "organization", span.score)
        out.append(span)
    return out


def cut_german_kind_compounds(
    text: str, spans: list[EntitySpan], is_place: Callable[[str], bool]
) -> list[EntitySpan]:
    """German: an organisation's span led by a kind compound ("Großbank") loses it, unless a place
    follows ("Landesbank Baden-Württemberg"): the place is then the name's part."""
    out = []
    for span in spans:
        words = span.text.split()
        first = words[0] if words else ""
        low = first.lower()
        if (
            span.type == "organization"
            and len(words) >= 2
            and first[:1].isupper()
            and first[1:].islower()
            and any(low.endswith(tail) and len(low) > len(tail) + 2 for tail in _GERMAN_KIND_TAILS)
            and words[1][:1].isupper()
            and not any(is_place(part) for part in _place_parts(words[1:]))
        ):
            start = span.start + span.text.index(words[1], len(first))
            span = _span(text, start, span.end, "organization", span.score)
        out.append(span)
    return out


def _place_parts(words: list[str]) -> list[str]:
    """The rest of a name, its first word's parts and their bare forms ("Kurdistans": "Kurdistan")."""
    parts = [" ".join(words), *words[0].split("-")]
    return parts + [p[:-1] for p in parts if p.endswith("s")]


def drop_calendar_compounds(spans: list[EntitySpan], text: str = "") -> list[EntitySpan]:
    """German: "Mittwochabend", "Sonntagnacht": a time, never an actor; nor the last word of a name
    ("konnte Katzian Mittwochfrüh nicht bestätigen": the person is "Katzian")."""
    out = []
    for span in spans:
        name = span.text.rstrip()
        if _CALENDAR_COMPOUND.match(name.strip()):
            continue
        last = name.rsplit(maxsplit=1)
        if text and len(last) == 2 and _CALENDAR_COMPOUND.match(last[1]):
            end = span.start + len(last[0].rstrip())
            span = _span(text, span.start, end, span.type, span.score)
        out.append(span)
    return out


def cut_demonyms_before_abbreviations(
    text: str, spans: list[EntitySpan], is_demonym: Callable[[str], bool]
) -> list[EntitySpan]:
    """ "Belarusian KGB": a nationality word and an abbreviation in capitals is the organisation."""
    out = []
    for span in spans:
        words = span.text.split()
        if (
            span.type in ("person", "organization")
            and len(words) == 2
            and is_demonym(words[0])
            and len(words[1]) >= 2
            and words[1].isupper()
            and words[1].isalpha()
        ):
            start = span.start + span.text.index(words[1], len(words[0]))
            span = _span(text, start, start + len(words[1]), "organization", span.score)
        out.append(span)
    return out


def add_german_institutions(text: str, spans: list[EntitySpan]) -> list[EntitySpan]:
    """Add "EU-Kommission"-like compounds, and parties named by their members in the plural ("die
    Republikaner"; :mod:`party_plurals`), as organisations where the model found nothing."""
    candidates = [
        EntitySpan(m.start(), m.end(), m.group(0), "organization", 0.5)
        for m in _INSTITUTION.finditer(text)
        if m.group(1).lower().endswith(GERMAN_INSTITUTION_HEADS)
    ] + party_plurals(text)
    added = without_overlaps(candidates, spans)
    return sorted([*spans, *added], key=span_order) if added else spans


def framed_names(
    text: str,
    language: str,
    spans: list[EntitySpan],
    is_place: Callable[[str], bool],
    is_demonym: Callable[[str], bool],
) -> list[EntitySpan]:
    """Every rule of this module (but :func:`add_german_institutions`), in order."""
    spans = institutions_after_people(text, language, ships_are_no_people(text, spans))
    spans = names_continued_in_another_case(text, spans)
    if language == "de":
        spans = drop_abbreviated_titles(text, spans)
        spans = cut_german_kind_compounds(
            text, german_institutions_before_places(text, spans, is_place), is_place
        )
        spans = drop_calendar_compounds(spans, text)
    return cut_demonyms_before_abbreviations(text, spans, is_demonym)


_KIN_WORDS = frozenset(
    {
        "wife", "husband", "son", "daughter", "sons", "daughters", "children", "child", "brother",
        "sister", "mother", "father", "aunt", "uncle", "nephew", "niece", "cousin", "grandson",
        "granddaughter", "widow", "partner", "girlfriend", "boyfriend", "fiancé", "fiancée",
    }
)  # fmt: skip
_WORD_BEFORE = re.compile(r"([\w.’'-]+)[ \t]+$")
_SENTENCE_END = re.compile(r"[.!?][\"”’)]?\s+[\"“„]?[A-Z]")
MIN_UNNAMED_MENTIONS = 2
_APOSTROPHES = re.compile(r"['’‘`]")


def unnamed_people_as_organizations(
    text: str,
    spans: list[EntitySpan],
    known_name: Callable[[str], bool],
    title_word: Callable[[str], bool],
) -> list[EntitySpan]:
    """English: a one-word person typed so in two sentences or more, that ``known_name`` (the name lists) does
    not know, no longer person's name holds and no title, role, kin word or capitalised name ever
    precedes, is an organisation (a known given name before it: a person named in full)."""
    parts = {w for s in spans if s.type == "person" and " " in s.text.strip() for w in s.text.split()}
    lone: dict[str, list[EntitySpan]] = {}
    for span in spans:  # spellings apart only by apostrophes are one name ("Da’esh", "Dae’sh")
        word = span.text.strip()
        if span.type == "person" and " " not in word:
            lone.setdefault(_APOSTROPHES.sub("", word), []).append(span)
    retyped: set[str] = set()
    for word, mentions in lone.items():
        if (
            len(mentions) < MIN_UNNAMED_MENTIONS
            or any(m.text.strip() in parts or known_name(m.text.strip()) for m in mentions)
            or not word[:1].isupper()
            or _SENTENCE_END.search(text, mentions[0].end, mentions[-1].start + 1) is None
        ):
            continue  # named in one sentence only: too little to tell
        preceded = False
        for mention in mentions:
            before = _WORD_BEFORE.search(text, max(0, mention.start - 40), mention.start)
            previous = before.group(1) if before is not None else ""
            if previous and (title_word(previous) or previous.lower() in _KIN_WORDS or known_name(previous)):
                preceded = True
                break
        if not preceded:
            retyped.add(word)
    if not retyped:
        return spans
    return [
        _span(text, s.start, s.end, "organization", s.score)
        if s.type == "person" and _APOSTROPHES.sub("", s.text.strip()) in retyped
        else s
        for s in spans
    ]


_VOWELS = frozenset("aeiouyäöüAEIOUYÄÖÜ")


def _abbreviated_title(word: str) -> bool:
    return (
        2 <= len(word) <= 7
        and word.isalpha()
        and word[:1].isupper()
        and word != word.upper()
        and (any(c.isupper() for c in word[1:]) or not any(c in _VOWELS for c in word))
    )


def drop_abbreviated_titles(text: str, spans: list[EntitySpan]) -> list[EntitySpan]:
    """German: "LHStv." or "Bgm." typed an actor right before a person's name is a title."""
    people = {s.start for s in spans if s.type == "person"}
    return [
        s
        for s in spans
        if not (_abbreviated_title(s.text.strip()) and text.startswith(". ", s.end) and s.end + 2 in people)
    ]


def names_continued_in_another_case(text: str, spans: list[EntitySpan]) -> list[EntitySpan]:
    """ "Amazon Web" + " services": an organisation's span that the text continues with the rest of a
    longer organisation's name of the same text, written in another case, takes that rest."""
    longer = {s.text.strip() for s in spans if s.type == "organization" and " " in s.text.strip()}
    if not longer:
        return spans
    out = []
    for span in spans:
        name = span.text.strip()
        for full in longer if span.type == "organization" else ():
            rest = full[len(name) :]
            if not full.startswith(name + " "):
                continue
            written = text[span.end : span.end + len(rest)]
            after = text[span.end + len(rest) : span.end + len(rest) + 1]
            if written != rest and written.lower() == rest.lower() and not (after.isalnum() or after == "-"):
                span = _span(text, span.start, span.end + len(rest), "organization", span.score)
                break
        out.append(span)
    return out


def people_named_by_places(
    spans: list[EntitySpan], is_place: Callable[[str], bool], name_part: Callable[[str], bool]
) -> list[EntitySpan]:
    """A person's name of two or more words, each a known place and none a given name or a known
    part of people's names ("Magna Steyr"), is an organisation named after places."""
    out = []
    for span in spans:
        words = span.text.split()
        if span.type == "person" and len(words) >= 2 and all(is_place(w) and not name_part(w) for w in words):
            span = EntitySpan(span.start, span.end, span.text, "organization", span.score)
        out.append(span)
    return out

"""Organisations named right after the noun for their kind: "die Zeitung Kurier", "the group Hamas".

News introduces an organisation it names by a common word with its kind: a newspaper, a party, a
militia, a company, a chain, a maker, a supplier ("der Baumarktkette X", "der Energieversorger X").
The name after such a noun (in English one to four capitalised words, an inner
"for", "of", "and" allowed before another capitalised word; or a quoted name) is an organisation,
whatever the model made of it ("the law firm Baker Stone" is named after people). German kind nouns
count inside compounds too ("Palästinenserorganisation Hamas", "Tageszeitung Kurier",
"Indigena-Partei Winaq"), and only after a lower-case word or an article ("Neo Magazin Royale" is
one name). German capitalises every noun, so a German name is one word, or two after an article or
an adjective ("Die Linke", "Islamischer Staat"), with no further capitalised word after it ("eine
Initiative Leeraner Bürger" is left out), or the words of a model's span there ("die Gruppe Ansar
Dine", a name in another language; a model's person only when the text names it so twice: "der
Gruppe Ilie Nastase" of a tennis tournament stays a person); a German common noun ("Chef") is taken
only where the model has a span of the same words ("der Zeitung Welt"). A candidate that holds a
person's full name among more words ("the company Chief Executive Ada Brook"), cuts through a span,
is a known place, is a weekday or month ("teilte das Unternehmen Montag mit"), or may go on through
a link word ("die Organisation Ärzte ohne Grenzen") is left out; a number may end a name ("Radio
Nord 98"), a possessive ends it ("the think tank Atlantic Forum's office"). English: a name followed
by an apposition that says its kind ("Vyasna, an independent human rights center,") is an
organisation; a "place" followed by one that says a person's role ("Knox Thames, the Special Advisor
to ...") is a person. Names listed after the plural of a kind: :mod:`listed_kinds`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from desktop.core.entities.listed_kinds import organizations_listed_after_kinds
from desktop.core.entities.noun_forms import is_noun_form
from desktop.core.entities.organizations import replace_spans
from desktop.core.entities.party_cues import parties_named_by_members
from desktop.core.entities.role_words import ENGLISH_ROLE_NOUNS
from desktop.core.types import EntitySpan

_GERMAN_KINDS = (
    "zeitung", "blatt", "magazin", "sender", "agentur", "portal", "partei", "organisation", "miliz",
    "gruppe", "gruppierung", "bewegung", "konzern", "unternehmen", "firma", "verband", "verein",
    "bündnis", "netzwerk", "initiative", "gewerkschaft", "sekte", "plattform", "kette", "hersteller",
    "anbieter", "versorger", "webseite", "website", "blog", "dienst", "institut", "startup", "start-up",
)  # fmt: skip
_ENGLISH_KINDS = (
    "newspaper", "magazine", "broadcaster", "outlet", "website", "agency", "party", "group", "militia",
    "organisation", "organization", "movement", "company", "firm", "charity", "network", "union",
    "coalition", "alliance", "band", "gang", "cartel", "think tank", "watchdog", "platform", "blog",
    "startup", "start-up",
)  # fmt: skip
_CALENDAR = frozenset(
    {
        "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonnabend", "Sonntag",
        "Januar", "Jänner", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
        "Oktober", "November", "Dezember", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
        "Saturday", "Sunday", "January", "February", "March", "May", "June", "July", "October",
        "December",
    }
)  # fmt: skip
_NAME_WORD = r"[A-ZÄÖÜ][\w'’&.-]*[\w&]|[A-ZÄÖÜ]"
_LINKS = {"en": r"(?:for|of|and|on|against) "}


def _pattern(kinds: tuple[str, ...], language: str) -> re.Pattern[str]:
    kind = "|".join(sorted((re.escape(k) for k in kinds), key=len, reverse=True))
    if language == "de":  # "der Zeitung", "die Tageszeitung", "der Palästinenserorganisation"
        capitalised = "|".join(k.capitalize() for k in kinds)
        before = r"(?:[a-zäöüß][a-zäöüß-]*|Der|Die|Das|Dem|Den|Des|Ein|Eine|Einer|Eines|Laut|Vom|Im|Beim)"
        # "der Palästinenserorganisation", "der Indigena-Partei", "der Photo-Sharing-Webseite", "der Partei"
        noun = rf"(?<![\w-]){before} (?:[A-ZÄÖÜ][\w-]*(?:{kind})|(?:[A-ZÄÖÜ][\w]*-)*(?:{capitalised}))"
    else:
        noun = rf"(?<![\w-])(?:{kind})"
    link = f"(?:{_LINKS[language]})?" if language in _LINKS else ""
    name = rf"(?:{_NAME_WORD})(?: {link}(?:{_NAME_WORD})){{0,3}}(?: \d{{1,4}})?"  # "Radio Nord 98"
    quoted = r"[„“\"‚'‘]([^„“”\"‚‘’'\n]{2,60})[“”\"‘’']"
    return re.compile(rf"{noun} (?:{quoted}|({name}))(?![\w-])")


_PATTERNS = {"de": _pattern(_GERMAN_KINDS, "de"), "en": _pattern(_ENGLISH_KINDS, "en")}
_KIND_BEFORE = {
    "de": re.compile(r"(?:" + "|".join(_GERMAN_KINDS) + r")\s+$", re.IGNORECASE),
    "en": re.compile(r"(?<![\w-])(?:" + "|".join(_ENGLISH_KINDS) + r")\s+$", re.IGNORECASE),
}


def after_kind_noun(text: str, start: int, language: str) -> bool:
    """Whether the name at ``start`` follows an organisation's kind noun ("der Firma X",
    "Drogeriemarktkette X", "the company X")."""
    pattern = _KIND_BEFORE.get(language)
    return pattern is not None and pattern.search(text, max(0, start - 40), start) is not None


# a link word and a capitalised word after the name: the name may go on ("Ärzte ohne Grenzen")
_POSSESSIVE = re.compile(r"['’]s?(?= |$)")
_LOWER_NEXT = re.compile(
    r" (?:ohne|für|gegen|der|des|von|vom|und|of|for|and|on|against|de|del|la) (?:the )?[A-ZÄÖÜ]"
)
_GERMAN_ADJECTIVE = re.compile(r"^[A-ZÄÖÜ][a-zäöüß]+(?:isch|lich|ig)(?:e|er|es)$")  # not "Nordbote"
# German: the link word and one or two capitalised words that may continue a name after a kind noun
_GERMAN_LINKED_TAIL = re.compile(r" (?:ohne|für|gegen|der|des|von|und) [A-ZÄÖÜ][\w-]*(?: [A-ZÄÖÜ][\w-]*)?")


def _known_linked_name(text: str, end: int, known: Callable[[str], bool], start: int) -> int:
    """End of a known organisation's name that goes on through a link word after ``text[start:end]``
    ("die Menschenrechtsorganisation Reporter ohne Grenzen"), or -1."""
    tail = _GERMAN_LINKED_TAIL.match(text, end)
    if tail is None:
        return -1
    words = tail.group(0).split(" ")[1:]  # the link and one or two capitalised words
    for size in range(len(words), 1, -1):
        stop = end + len(" " + " ".join(words[:size]))
        if known(text[start:stop]):
            return stop
    return -1


def _german_name(words: list[str]) -> list[str]:
    """One word, or two after an article or adjective ("Die Linke", "Soziale Mitte"; not "Nordbote Heute")."""
    goes_on = len(words) > 1 and (
        words[0] in ("Der", "Die", "Das") or bool(_GERMAN_ADJECTIVE.match(words[0]))
    )
    return words[:2] if goes_on else words[:1]


def _model_name(words: list[str], start: int, model_ends: dict[int, dict[int, str]]) -> tuple[list[str], str]:
    """The longest first words (two or more) that a model span covers exactly ("Gruppe Ansar Dine"),
    and the span's type."""
    ends = model_ends.get(start, {})
    for size in range(len(words), 1, -1):
        kind = ends.get(start + len(" ".join(words[:size])))
        if kind is not None:
            return words[:size], kind
    return [], ""


def _candidates(
    text: str,
    language: str,
    spans: Sequence[EntitySpan] = (),
    known: Callable[[str], bool] = lambda name: False,
) -> list[EntitySpan]:
    found = []
    model_ends: dict[int, dict[int, str]] = {}
    for span in spans:
        model_ends.setdefault(span.start, {})[span.end] = span.type
    people: list[tuple[str, bool]] = []  # names taken as a model spans them (a model's person: twice)
    for match in _PATTERNS[language].finditer(text):
        group = 1 if match.group(1) else 2
        start, end = match.start(group), match.end(group)
        name = text[start:end]
        if group == 2 and language == "de" and " " in name:
            # German capitalises every noun: a name goes on only after an article or an adjective
            # ("Die Linke", "Islamischer Staat"), not "Kurier Informationen", unless the model has a
            # span of just those words ("die Gruppe Ansar Dine", a name in another language)
            words = name.split(" ")
            number = [words[-1]] if words[-1].isdigit() else []
            kept = _german_name(words[: len(words) - len(number)])
            seen, kind = _model_name(words, start, model_ends)
            if seen:
                kept, number = seen, []
                people.append((" ".join(seen), kind == "person"))
            elif len(kept) + len(number) < len(words):
                continue  # "eine Initiative Leeraner Bürger": where the name ends is unclear
            name = " ".join(kept + number)
            end = start + len(name)
        possessive = _POSSESSIVE.search(name) if group == 2 else None
        if possessive:  # "the think tank Atlantic Forum's Berlin office": the name ends before "'s"
            name = name[: possessive.start()]
            end = start + len(name)
        if not name[:1].isupper() or name in _CALENDAR or name.split()[0] in _CALENDAR:
            continue
        if group == 2 and _LOWER_NEXT.match(text, end):
            linked = _known_linked_name(text, end, known, start) if language == "de" else -1
            if linked < 0:
                continue  # "die Organisation Ärzte ohne Grenzen": where the name ends is unclear,
            end, name = linked, text[start:linked]  # unless the whole is a known organisation
        found.append(EntitySpan(start, end, name, "organization", 0.5))
    once = {name for name, person in people if person and sum(n == name for n, _p in people) < 2}
    return [c for c in found if c.text not in once]  # "der Gruppe Ilie Nastase": a tennis group once


def organizations_after_kind_words(
    text: str,
    language: str,
    spans: list[EntitySpan],
    nouns: frozenset[str] = frozenset(),
    is_place: Callable[[str], bool] = lambda name: False,
    is_demonym: Callable[[str], bool] = lambda word: False,
    bare_nouns: frozenset[str] = frozenset(),
    known: Callable[[str], bool] = lambda name: False,
) -> list[EntitySpan]:
    """Spans with the names after organisation kind nouns as organisations (replacing the spans
    they cover exactly or contain); ``nouns``: German common nouns, ``bare_nouns``: the listed
    compounds that seldom follow a determiner ("das Unternehmen Rücksicht nehmen"), both taken only
    where the model saw a name; ``is_place``: names that are places (never taken); ``known``: known
    organisations (a German name that goes on through a link word is taken whole). English names
    right before a kind noun too (:func:`names_before_kind_words`; ``is_demonym``: nationality
    words, never taken)."""
    if language not in _PATTERNS:
        return spans

    def accept(candidate: EntitySpan, inside: list[EntitySpan]) -> bool:
        if is_place(candidate.text):
            return False  # "die Wirtschaftsplattform Österreichs": the place the kind belongs to
        if language == "de" and candidate.text.endswith("s") and any(s.type == "location" for s in inside):
            return False  # "im öffentlichen Dienst Schottlands": a place the model saw, in the genitive
        # a listed noun or its plural ("die Organisation Privatpersonen, Unternehmen ...")
        common = is_noun_form(candidate.text, nouns, is_place, genitive=False) or candidate.text in bare_nouns
        if language == "de" and common and not any(s.text == candidate.text for s in inside):
            return False  # "die Firma Chef ...": a common noun only where the model saw a name
        return not any(
            s.start < candidate.start
            or s.end > candidate.end
            or (s.type == "person" and " " in s.text and (s.start, s.end) != (candidate.start, candidate.end))
            for s in inside
        )

    candidates = _candidates(text, language, spans, known)
    spans = replace_spans(spans, candidates, accept) if candidates else spans
    spans = organizations_listed_after_kinds(
        text,
        language,
        spans,
        lambda name: is_place(name) or is_demonym(name) or name.split()[0] in _CALENDAR,
        nouns,
    )
    if language != "en":
        return parties_named_by_members(text, language, without_described_kinds(spans), is_demonym)
    spans = organizations_in_apposition(
        text, names_before_kind_words(text, spans, is_place, is_demonym), is_place
    )
    return people_in_apposition(text, spans, is_place)


_DESCRIBED_KIND = re.compile(
    rf"^[A-ZÄÖÜ][\w]*-[a-zäöüß]+(?:e|en|er|es) (?:{'|'.join(k.capitalize() for k in _GERMAN_KINDS)})$"
)


def without_described_kinds(spans: list[EntitySpan]) -> list[EntitySpan]:
    """German: no span that is only a kind noun and an adjective in lower case after a hyphen
    ("die Euro-skeptische Partei Wahre Finnen": the description before the name, no name)."""
    return [s for s in spans if not _DESCRIBED_KIND.match(s.text.strip())]


# English: "the Fridays for Future movement", "the Hamas militant group": after "the", up to four
# capitalised words (an inner "for", "of", "and" allowed) right before the kind, or before one word
# that says what the group does
_BEFORE_KINDS = (
    "movement", "group", "organization", "organisation", "party", "coalition", "alliance", "militia",
    "charity", "company", "firm", "network", "union", "gang", "cartel",
)  # fmt: skip
_GROUP_ADJECTIVES = (
    "militant", "terrorist", "terror", "rebel", "opposition", "activist", "advocacy", "environmental",
    "protest", "climate", "lobby", "pressure", "hacker", "extremist", "jihadist", "separatist",
    "paramilitary", "political", "rights", "media", "tech", "technology", "oil", "mining", "energy",
)  # fmt: skip
_NAME_BEFORE_KIND = re.compile(
    rf"(?<=\b[Tt]he )((?:{_NAME_WORD})(?: (?:(?:for|of|and) )?(?:{_NAME_WORD})){{0,3}})"
    rf" (?:(?:{'|'.join(_GROUP_ADJECTIVES)}) )?(?:{'|'.join(_BEFORE_KINDS)})(?![\w-])"
)


def names_before_kind_words(
    text: str,
    spans: list[EntitySpan],
    is_place: Callable[[str], bool] = lambda name: False,
    is_demonym: Callable[[str], bool] = lambda word: False,
) -> list[EntitySpan]:
    """English: the name right before an organisation's kind noun, after "the", as an organisation
    ("the Fridays for Future movement"); not a place, a nationality ("the Dutch company"), a weekday
    or month, and never over a person ("the Trump campaign") or across a span."""
    candidates = []
    for match in _NAME_BEFORE_KIND.finditer(text):
        name = match.group(1)
        words = name.split()
        if is_place(name) or is_demonym(name) or is_demonym(words[0]) or words[0] in _CALENDAR:
            continue
        if _POSSESSIVE.search(name) or re.search(r"-[a-z]", name):
            continue  # "the U.S.-led coalition": an adjective, no name
        candidates.append(EntitySpan(match.start(1), match.end(1), name, "organization", 0.5))
    if not candidates:
        return spans

    def accept(candidate: EntitySpan, inside: list[EntitySpan]) -> bool:
        return not any(
            s.start < candidate.start or s.end > candidate.end or s.type == "person" for s in inside
        )

    return replace_spans(spans, candidates, accept)


_APPOSITION_KINDS = (
    *_ENGLISH_KINDS, "center", "centre", "institute", "foundation", "nonprofit", "non-profit",
    "promotion", "label", "publisher", "retailer", "manufacturer", "carmaker", "airline", "bank",
    "startup", "club", "team", "NGO",
)  # fmt: skip
_FUNCTION = r"(?:of|the|for|in|at|with|and|or|who|whose|which|that|to|by|on|from|as)"
_APPOSITION = re.compile(
    r",\s+an?\s+(?:(?!"
    + _FUNCTION
    + r"\b)[\w-]+\s+){0,5}?(?:"
    + "|".join(sorted((re.escape(k) for k in _APPOSITION_KINDS), key=len, reverse=True))
    + r")(?=\s*[,.;:)]|\s+(?:that|which|based|founded|headquartered)\b)"
)


def organizations_in_apposition(
    text: str, spans: list[EntitySpan], is_place: Callable[[str], bool] = lambda name: False
) -> list[EntitySpan]:
    """English: a person or place followed by ", a/an ... <kind of organisation>" is an organisation
    ("Vyasna, an independent Belarusian human rights center, said"); not "a member of the band",
    nor a known place (the apposition may belong to a longer name around it)."""
    return [
        EntitySpan(s.start, s.end, s.text, "organization", s.score)
        if s.type in ("person", "location") and _APPOSITION.match(text, s.end) and not is_place(s.text)
        else s
        for s in spans
    ]


_ROLE_APPOSITION = re.compile(
    r",\s+(?:the|a|an|his|her|their)\s+(?:(?!"
    + _FUNCTION
    + r"\b)[\w.'’-]+\s+){0,4}?(?:"
    + "|".join(sorted((re.escape(r) for r in ENGLISH_ROLE_NOUNS), key=len, reverse=True))
    + r")(?=\s*[,.;:)]|\s+(?:of|to|for|at|in|on|who|from|with)\b)",
    re.IGNORECASE,
)


def people_in_apposition(
    text: str, spans: list[EntitySpan], is_place: Callable[[str], bool] = lambda name: False
) -> list[EntitySpan]:
    """English: a "place" that is no known place, followed by ", the/a ... <role>" ("Knox Thames, the
    Special Advisor to ...") is a person: a place has no role."""
    return [
        EntitySpan(s.start, s.end, s.text, "person", s.score)
        if s.type == "location" and _ROLE_APPOSITION.match(text, s.end) and not is_place(s.text)
        else s
        for s in spans
    ]

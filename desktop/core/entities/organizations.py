"""Organisations the model misses: known names, organisation-shaped phrases, media names, acronyms.

- Known names: the organisation list of the gazetteer (training-data organisations, parties).
- Phrases: capitalised words around an institution's head noun, with "für", "der", "of", "for":
  "Koalition der Willigen", "Bundesamt für Migration und Flüchtlinge", "Office of Foreign
  Assets Control", "Syria Recovery Trust Fund", "National Weather Service".
- Media names: "Euronews", "Salzburger Nachrichten", "USA Today".
- Acronyms defined in the text: "Bundeswettbewerbsbehörde (BWB)" makes every "BWB" a mention of
  the same organisation (the linker joins them, :func:`acronym_definitions`).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterator, Mapping

from desktop.core.entities.gazetteer import Gazetteer
from desktop.core.entities.recognizer import span_order, without_overlaps
from desktop.core.types import EntitySpan

_WORD = re.compile(r"[^\W_][\w.&'’\-]*[\w&]|[^\W_]")
_SENTENCE_START = re.compile(r"(?:^|[.!?:]\s+|[\n\"„“«]\s*)$")
ACRONYM = re.compile(r"\s*\(\s*([A-ZÄÖÜ][A-Za-zÄÖÜäöü0-9&\-]{1,9})\s*\)")
_MAX_NGRAM = 6
MIN_GIVEN_NAME_INSIDE = 200  # a given name this frequent inside a known name is a person ("Melinda")

GERMAN_HEADS = (
    "rat", "kammer", "verband", "verein", "bund", "bündnis", "allianz", "koalition", "partei",
    "front", "bewegung", "union", "liga", "organisation", "gesellschaft", "stiftung", "institut",
    "komitee", "amt", "gericht", "gerichtshof", "behörde", "ministerium", "kommission", "agentur",
    "zentrale", "anstalt", "akademie", "universität", "hochschule", "klinik", "krankenhaus",
    "konzern", "holding", "bank", "versicherung", "sender", "zeitung", "beobachtungsstelle",
    "stelle", "staatsanwaltschaft", "miliz", "brigade", "netzwerk", "initiative", "plattform",
    "forum", "gewerkschaft", "genossenschaft", "verwaltung", "direktion", "senat", "parlament",
    "versammlung", "fraktion", "büro", "dienst", "kongregation", "zentralrat", "verbund", "werk",
    "nachrichten", "rundschau", "kurier", "tagblatt", "anzeiger", "volksblatt", "presse",
)  # fmt: skip
ENGLISH_HEADS = frozenset(
    {
        "department", "office", "ministry", "commission", "council", "committee", "agency",
        "bureau", "institute", "foundation", "association", "union", "party", "front", "movement",
        "coalition", "alliance", "organization", "organisation", "court", "service", "authority",
        "fund", "bank", "board", "centre", "center", "command", "forces", "corps", "society",
        "league", "federation", "chamber", "assembly", "parliament", "senate", "congress", "trust",
        "university", "college", "academy", "brigade", "army", "navy", "guard", "police", "network",
        "observatory", "watch", "initiative", "programme", "fleet", "division", "regiment",
        "battalion", "unit", "force", "company", "corporation", "inc", "ltd", "group", "hospital",
        "news", "times", "post", "tribune", "journal", "herald", "gazette", "today", "radio", "tv",
        "broadcasting", "press", "secretariat", "directorate", "tribunal", "commissioner",
    }
)  # fmt: skip
_GERMAN_LINKS = frozenset({"der", "des", "für", "zur", "zum"})
# heads that name an organisation with a genitive too ("Koalition der Willigen", "Rat der EU");
# others only with "für"/"zur"/"gegen" ("Bewegung für ...", but "Bewegung der Kulisse" is none)
_GERMAN_GENITIVE_HEADS = (
    "bundesamt", "landesamt", "verband", "zentralrat", "rat", "koalition", "kommission", "institut",
    "akademie", "gewerkschaft", "partei", "bund", "bündnis", "union", "kammer", "versammlung",
    "stiftung", "komitee", "fraktion", "allianz", "front", "liga", "ministerium", "gerichtshof",
)  # fmt: skip
# authorities named by their seat after the head noun ("Landeskriminalamt Stuttgart")
_GERMAN_LOCAL_HEADS = ("amt", "gericht", "gerichtshof", "anwaltschaft", "präsidium", "direktion", "kammer")
_ENGLISH_LINKS = frozenset({"of", "for", "on"})
_ARTICLES = frozenset({"die", "den", "dem", "der", "the"})
_AND = frozenset({"und", "and", "&"})
_MEDIA_WORD = re.compile(r"^[A-Z][a-z]{2,}news$")  # "Euronews", "Africanews"
_MEDIA_OR_CHAMBER = re.compile(r"(?<![\w&'’.-])[A-ZÄÖÜ]\w*(?:news|kammer)(?![\w&'’-])")  # candidates
# professional and economic chambers, named by one word ("Wirtschaftskammer", "Ärztekammer")
_CHAMBER_WORD = re.compile(
    r"^(?=[A-ZÄÖÜ])[a-zäöüß]*(?:wirtschafts|arbeiter|ärzte|handels|anwalts|apotheker|notariats|architekten"
    r"|ingenieur|steuerberater|handwerks|industrie|psychotherapeuten|bundes|landes)kammer$",
    re.IGNORECASE,
)
_FUNCTION_WORDS_EN = frozenset({"the", "a", "an", "in", "on", "at", "as", "if", "but", "and", "this", "that"})


def _is_cap(word: str) -> bool:
    return word[:1].isupper()


def _german_head(word: str) -> bool:
    if not _is_cap(word) or "-" in word[-4:]:
        return False
    low = word.lower()
    if low.endswith(GERMAN_HEADS):
        return True
    stem = low[:-2] if low.endswith("es") else low[:-1] if low.endswith("s") else ""
    return len(stem) >= 3 and stem.endswith(GERMAN_HEADS)  # genitive: "des Auswärtigen Amts"


def _english_head(word: str) -> bool:
    return _is_cap(word) and word.lower().strip(".") in ENGLISH_HEADS


def _at_sentence_start(text: str, start: int) -> bool:
    return bool(_SENTENCE_START.search(text[max(0, start - 3) : start]))


def _headline(text: str, start: int) -> bool:
    """True inside a line of mostly capitalised words (an English title: every word looks like a name)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    words = text[line_start : line_end if line_end >= 0 else len(text)].split()
    if words and words[-1][-1] in ".:;,!?":
        return False  # a sentence ("Foreign Office Minister Tobias Ellwood said:"), not a title
    return len(words) >= 4 and sum(_is_cap(w) for w in words) / len(words) > 0.6


def known_organizations(text: str, gazetteer: Gazetteer) -> list[EntitySpan]:
    """Occurrences of organisation names the gazetteer says are safe to find (longest first)."""
    first_words = gazetteer.organization_first_words(_WORD)
    tokens = _WORD.findall(text)  # the words' texts (the pattern has no groups): cheaper than matches
    starts = [i for i, token in enumerate(tokens) if token in first_words]
    if not starts:
        return []
    words = list(_WORD.finditer(text))
    spans: list[EntitySpan] = []
    after = 0  # words before this index belong to a name found already
    for index in starts:
        if index < after:
            continue
        longest = first_words[tokens[index]]
        size_found = 0
        for size in range(min(longest, len(words) - index), 0, -1):
            first, last = words[index], words[index + size - 1]
            name = text[first.start() : last.end()]
            if gazetteer.organization(name) is not True:
                continue
            if size == 1 and not name.isupper() and _at_sentence_start(text, first.start()):
                continue  # "Focus on ..." at the start of a sentence is a word
            if name.isupper() and _in_capitals(words, index, size):
                continue  # a word of a line in capitals
            spans.append(EntitySpan(first.start(), last.end(), name, "organization", 0.5))
            size_found = size
            break
        after = index + (size_found or 1)
    return spans


def _in_capitals(words: list[re.Match[str]], index: int, size: int) -> bool:
    neighbours = [words[i].group(0) for i in (index - 1, index + size) if 0 <= i < len(words)]
    return any(len(w) > 1 and w.isupper() for w in neighbours)


_GERMAN_STOP = frozenset(
    {
        "laut", "nach", "vor", "bei", "mit", "der", "die", "das", "den", "dem", "des", "ein", "eine",
        "im", "am", "zum", "zur", "vom", "auch", "wie", "für", "von", "auf", "aus", "in", "an", "als",
        "und", "aber", "doch", "dass", "so", "seit", "gegen", "ohne", "um", "über", "unter",
    }
)  # fmt: skip
_GERMAN_ADJECTIVE = re.compile(r"(isch|ional|opäisch|eutsch|ober|berst|wärtig)(e|en|er|es)$", re.IGNORECASE)
# adjectives that make "<adjective> <head>" an institution's name on their own: "Oberster
# Gerichtshof", "Auswärtiges Amt", "Europäische Zentralbank"
_GERMAN_NAMING_ADJECTIVE = re.compile(
    r"^(Oberst|Auswärtig|Europäisch|Internationa|Bundesdeutsch)(e|en|er|es)$"
)

# one word naming a federal or state authority ("Bundeskriminalamt", "Landesgericht", "Bundesheer");
# not the generic "Bundesregierung" or "Landesministerium"
_GERMAN_FEDERAL = re.compile(
    r"^(?:Bundes|Landes)[a-zäöüß]*(?:amt|amtes|amts|heer|heeres|gericht|gerichts|gerichtshof|gerichtshofs"
    r"|rat|rats|rates|tag|tags|tages|anstalt|agentur|bank|polizei)$"
)


def _phrases(
    text: str, language: str, gazetteer: Gazetteer, places: frozenset[str] = frozenset()
) -> Iterator[tuple[int, int]]:
    """(start, end) of organisation-shaped phrases around an institution's head noun.

    ``places``: names the text has as places (a seat after an authority's name).
    """
    words = list(_WORD.finditer(text))
    german = language == "de"
    heads = _german_head if german else _english_head
    links = _GERMAN_LINKS if german else _ENGLISH_LINKS
    tokens = _WORD.findall(text)  # the words' texts, as ``words`` finds them
    found = [
        i
        for i, token in enumerate(tokens)
        if token[:1].isupper() and (heads(token) or (german and _GERMAN_FEDERAL.match(token)))
    ]  # every head and federal word is capitalised: the others are skipped at the cost of one test
    for i in found:
        match = words[i]
        first = i
        while first > 0 and _adjacent(text, words[first - 1], words[first]):
            before = words[first - 1].group(0)
            if not _is_cap(before) or before.lower() in (_GERMAN_STOP if german else _FUNCTION_WORDS_EN):
                break
            if before.endswith(("'s", "’s", "s'", "s’")):
                break  # "ISIL's War Committee": the owner is no part of the name
            if german and not (_GERMAN_ADJECTIVE.search(before) or before.isupper()):
                break  # German: "Syrische", "Europäischen" or "UN" before the head
            first -= 1
        last = i
        j = i + 1
        if (
            german
            and j + 1 < len(words)
            and words[j].group(0) == "von"
            and _adjacent(text, words[i], words[j])
            and _adjacent(text, words[j], words[j + 1])
            and gazetteer.place(words[j + 1].group(0)) is not None
        ):  # "Handelskammer von Thessaloniki"
            last = j + 1
        elif j < len(words) and words[j].group(0) in links and _adjacent(text, words[i], words[j]):
            link = words[j].group(0)
            if (
                german
                and link in ("der", "des")
                and not match.group(0).lower().endswith(_GERMAN_GENITIVE_HEADS)
            ):
                continue
            k = j + 1
            article = k < len(words) and words[k].group(0).lower() in _ARTICLES and words[k].group(0) != "der"
            if article and _adjacent(text, words[j], words[k]):
                k += 1
            if k < len(words) and _adjacent(text, words[k - 1], words[k]):
                run = _cap_run(text, words, k)
                if run > k:
                    last = run - 1
        elif (
            german
            and j < len(words)
            and _adjacent(text, words[i], words[j])
            and re.sub(r"(?:es|s)$", "", match.group(0).lower()).endswith(_GERMAN_LOCAL_HEADS)
            and (words[j].group(0) in places or gazetteer.place(words[j].group(0)) is not None)
        ):  # "Landeskriminalamt Stuttgart", "Landgericht Köln": an authority and its seat
            last = j
        elif german and j < len(words) and _adjacent(text, words[i], words[j]):
            nxt = words[j].group(0)
            # "Zentralrat Deutscher Sinti", but not "Terrororganisation Islamischer Staat"
            named = match.group(0).lower().endswith(_GERMAN_GENITIVE_HEADS)
            if named and _is_cap(nxt) and nxt.endswith("er") and not nxt.isupper():
                run = _cap_run(text, words, j)
                if run - j >= 2:
                    last = run - 1
        naming = german and first == i - 1 and _GERMAN_NAMING_ADJECTIVE.match(words[first].group(0))
        federal = german and first == last == i and _GERMAN_FEDERAL.match(match.group(0))
        if last == i and (german or first == i) and not naming and not federal:
            continue  # German: a head with adjectives only ("Neue Datenschnittstelle") is no name
        plain = not naming and not _institutional(words[first].group(0), gazetteer, language)
        if last == i and first == i - 1 and plain:
            continue  # "Great Service", "Oval Office": one plain word before the head is too little
        yield words[first].start(), words[last].end()


_INSTITUTIONAL_EN = frozenset(
    {
        "national", "federal", "central", "supreme", "royal", "foreign", "home", "state", "european",
        "international", "united", "world", "global", "general", "higher", "regional", "joint",
    }
)  # fmt: skip


def _institutional(word: str, gazetteer: Gazetteer, language: str) -> bool:
    """A single word that makes "<word> <head>" an institution's name: "Federal", "UN", "Syria"."""
    return (
        word.lower() in _INSTITUTIONAL_EN
        or (word.isupper() and len(word) >= 2)
        or gazetteer.place(word) is not None
        or gazetteer.is_demonym(word, language)
    )


def _adjacent(text: str, a: re.Match[str], b: re.Match[str]) -> bool:
    return text[a.end() : b.start()] in (" ", "\u00a0")


def _cap_run(text: str, words: list[re.Match[str]], k: int) -> int:
    """End (exclusive word index) of capitalised words from ``k``, joined by "und"/"and"."""
    end = k
    while end < len(words) and end - k < 6:
        if end > k and not _adjacent(text, words[end - 1], words[end]):
            break
        word = words[end].group(0)
        if _is_cap(word):
            end += 1
        elif (
            word in _AND
            and end > k
            and end + 1 < len(words)
            and _is_cap(words[end + 1].group(0))
            and _adjacent(text, words[end], words[end + 1])
        ):
            end += 2
        else:
            break
    return end


def organization_phrases(
    text: str, language: str, spans: list[EntitySpan], gazetteer: Gazetteer
) -> list[EntitySpan]:
    """Spans with organisation-shaped phrases added; a phrase replaces model spans it contains.

    A phrase is skipped in headlines, when it contains a person, and where it cuts through a
    model span.
    """
    if language not in ("de", "en"):
        return spans

    places = frozenset(s.text for s in spans if s.type == "location")

    def accept(phrase: EntitySpan, inside: list[EntitySpan]) -> bool:
        if (language == "en" and _headline(text, phrase.start)) or phrase.text.isupper():
            return False
        if any(s.start < phrase.start or s.end > phrase.end or s.type == "person" for s in inside):
            return False
        von = phrase.text.find(" von ")
        seat = len(phrase.text.split()) == 2  # "Landgericht Köln": the place is the seat
        if language == "de" and any(
            s.type == "location" and (von < 0 or s.start < phrase.start + von) and not seat for s in inside
        ):
            return False  # "Verwaltung des Kantons Bern": the place is the name here
        # the model's own span of the same words keeps its type ("West Bank")
        return not any(s.start == phrase.start and s.end == phrase.end for s in inside)

    phrases = [
        EntitySpan(start, end, text[start:end], "organization", 0.5)
        for start, end in _phrases(text, language, gazetteer, places)
    ]
    return replace_spans(spans, phrases, accept)


def replace_spans(
    spans: list[EntitySpan],
    candidates: list[EntitySpan],
    accept: Callable[[EntitySpan, list[EntitySpan]], bool],
) -> list[EntitySpan]:
    """Add the candidates ``accept``-ed, each replacing the spans it overlaps (one sorted sweep).

    ``accept(candidate, overlapped)`` decides; of two overlapping candidates the later one wins
    only when it contains the earlier. The spans must not overlap each other.
    """
    out = sorted(spans, key=span_order)
    starts = [s.start for s in out]
    kept: list[tuple[EntitySpan, list[int]]] = []
    for candidate in sorted(candidates, key=span_order):
        index = bisect_left(starts, candidate.end) - 1
        overlapped: list[int] = []
        while index >= 0 and out[index].end > candidate.start:
            overlapped.append(index)
            index -= 1
        if not accept(candidate, [out[i] for i in overlapped]):
            continue
        while kept and kept[-1][0].end > candidate.start and kept[-1][0].start >= candidate.start:
            kept.pop()  # an earlier candidate inside this one: replaced
        if kept and kept[-1][0].end > candidate.start:
            continue
        kept.append((candidate, overlapped))
    removed = {i for _candidate, overlapped in kept for i in overlapped}
    added = [candidate for candidate, _ in kept]
    return sorted([*(s for i, s in enumerate(out) if i not in removed), *added], key=span_order)


def prefer_longer(
    spans: list[EntitySpan], names: list[EntitySpan], given_names: Mapping[str, int] | None = None
) -> list[EntitySpan]:
    """Add ``names``; one replaces the model spans it contains unless they are people.

    A single word typed as a person inside a longer known name, that is no given name, is the
    name's part ("Team Stronach" over "Stronach"); with ``given_names``, such people give way.
    """

    def name_part(span: EntitySpan, name: EntitySpan) -> bool:
        word = span.text.strip()
        return (
            given_names is not None
            and " " not in word
            and name.end - name.start > span.end - span.start
            and given_names.get(word, 0) < MIN_GIVEN_NAME_INSIDE
        )

    def accept(name: EntitySpan, inside: list[EntitySpan]) -> bool:
        if any(s.start < name.start or s.end > name.end for s in inside):
            return False
        if any(s.type == "person" and not name_part(s, name) for s in inside):
            return False
        # the same span: keep the model's type
        return not inside or any(s.end - s.start < name.end - name.start for s in inside)

    return replace_spans(spans, names, accept)


_AND_THE = re.compile(r" and (the )?([A-Z][\w-]+)(?![\w-])")


def join_and_the(text: str, spans: list[EntitySpan]) -> list[EntitySpan]:
    """ "Islamic State of Iraq" + "and (the) Levant": an "X of Y" organisation going on with "and Z".

    Without "the", Z must be a place the model found right there.
    """
    ordered = sorted(spans, key=span_order)
    places = {(s.start, s.end) for s in ordered if s.type == "location"}
    out: list[EntitySpan] = []
    skip_until = -1
    for span in ordered:
        if span.start < skip_until:
            continue
        match = _AND_THE.match(text, span.end)
        joined = (
            span.type == "organization"
            and " of " in span.text
            and match is not None
            and (match.group(1) is not None or match.span(2) in places)
        )
        if joined and match is not None:
            end = match.end()
            out.append(EntitySpan(span.start, end, text[span.start : end], "organization", span.score))
            skip_until = end
        else:
            out.append(span)
    return out


def media_names(text: str) -> list[EntitySpan]:
    """Single words shaped like a news outlet's or a chamber's name ("Euronews", "Arbeiterkammer")."""
    return [
        EntitySpan(m.start(), m.end(), m.group(0), "organization", 0.5)
        for m in _MEDIA_OR_CHAMBER.finditer(text)
        if _MEDIA_WORD.match(m.group(0)) or _CHAMBER_WORD.match(m.group(0))
    ]


def acronym_definitions(text: str, spans: list[EntitySpan]) -> dict[str, EntitySpan]:
    """Acronym -> the span it abbreviates, for "Long Name (ACR)" right after a non-person span."""
    found: dict[str, EntitySpan] = {}
    for span in spans:
        if span.type == "person":
            continue
        match = ACRONYM.match(text, span.end)
        if match is None:
            continue
        acronym = match.group(1)
        if (
            sum(c.isupper() for c in acronym) >= 2
            and acronym != span.text
            and acronym_fits(acronym, span.text)
        ):
            found.setdefault(acronym, span)
    return found


def acronym_fits(acronym: str, name: str) -> bool:
    """The acronym's first letter starts a word of the name, and its letters occur in order."""
    letters = [c.lower() for c in acronym if c.isalpha()]
    low = name.lower()
    if not letters or not any(w[:1].lower() == letters[0] for w in name.split()):
        return False
    pos = 0
    for c in letters:
        pos = low.find(c, pos)
        if pos < 0:
            return False
        pos += 1
    return True


def acronym_spans(text: str, spans: list[EntitySpan]) -> list[EntitySpan]:
    """Every occurrence of an acronym defined in the text, as a span of its long form's type."""
    definitions = acronym_definitions(text, spans)
    if not definitions:
        return spans
    pattern = re.compile(r"(?<![\w-])(" + "|".join(re.escape(a) for a in definitions) + r")(?![\w-])")
    candidates = [
        EntitySpan(m.start(), m.end(), m.group(0), definitions[m.group(0)].type, 0.5)
        for m in pattern.finditer(text)
    ]
    return sorted([*spans, *without_overlaps(candidates, spans)], key=span_order)

"""Organisation-shaped phrases: capitalised words around an institution's head noun.

"Koalition der Willigen", "Bundesamt für Migration und Flüchtlinge", "Landeskriminalamt
Stuttgart", "Office of Foreign Assets Control", "Syria Recovery Trust Fund", "National Weather
Service": a head noun ("Amt", "Office"), the words before it that belong to the name, and what
follows with "für", "der", "of", "for" or a seat. See :func:`organization_phrases`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from desktop.core.entities.cause_names import cause_names
from desktop.core.entities.gazetteer import Gazetteer
from desktop.core.entities.org_countries import NAMING_ISCH, country_owned, genitive_place
from desktop.core.entities.organizations import WORD, is_cap, replace_spans
from desktop.core.types import EntitySpan

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
    "kommissariat", "vereinigung", "tagesspiegel",
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
        "broadcasting", "press", "secretariat", "directorate", "tribunal", "commissioner", "squadron",
        "wing", "airlines", "airways",
    }
)  # fmt: skip
_GERMAN_LINKS = frozenset({"der", "des", "für", "zur", "zum"})
# "zur"/"zum" say what a body is asked for or does ("das Ministerium zur Vorbereitung der
# Ausschreibung", "im Innenministerium zur APA"); a name with them runs on past one noun
# ("Staatsanwaltschaft zur Verfolgung von ...") and is left to the model and to its acronym. The
# name before them stands alone when it has more than the head noun ("Europäische Union zur
# Geisel", "der Al-Nusra-Front zum Tode").
_PURPOSE_LINKS = frozenset({"zur", "zum"})
# a state's one body, named by the bare noun: "für" after it tells what it does, no name
_ONE_BODY_HEADS = frozenset({"parlament", "parlaments", "parlamentes", "senat", "senats", "senates"})
# heads that name an organisation with a genitive too ("Koalition der Willigen", "Rat der EU");
# others only with "für"/"zur"/"gegen" ("Bewegung für ...", but "Bewegung der Kulisse" is none)
_GERMAN_GENITIVE_HEADS = (
    "bundesamt", "landesamt", "verband", "zentralrat", "rat", "koalition", "kommission", "institut",
    "akademie", "gewerkschaft", "partei", "bund", "bündnis", "union", "kammer", "versammlung",
    "stiftung", "komitee", "fraktion", "allianz", "front", "liga", "ministerium", "gerichtshof",
    "vereinigung", "kommissariat",
)  # fmt: skip
# authorities named by their seat after the head noun ("Landeskriminalamt Stuttgart")
_GERMAN_LOCAL_HEADS = ("amt", "gericht", "gerichtshof", "anwaltschaft", "präsidium", "direktion", "kammer")
_ORDINAL = re.compile(r"^\d{1,3}(?:st|nd|rd|th)$")  # "158th Fighter Wing", "3rd Infantry Division"
_MIN_GIVEN_NAME = 30  # a given name this frequent after a one-word body makes the word a title
_NUMBERED_HEADS = frozenset({"wing"})
_ENGLISH_LINKS = frozenset({"of", "for", "on"})
_ARTICLES = frozenset({"die", "den", "dem", "der", "the"})
_AND = frozenset({"und", "and", "&"})
_INDEFINITE = frozenset({"ein", "eine", "einer", "einen", "einem", "eines", "a", "an"})
_FUNCTION_WORDS_EN = frozenset({"the", "a", "an", "in", "on", "at", "as", "if", "but", "and", "this", "that"})


def _german_head(word: str) -> bool:
    if not is_cap(word) or "-" in word[-4:]:
        return False
    low = word.lower()
    if low.endswith(GERMAN_HEADS):
        return True
    stem = low[:-2] if low.endswith("es") else low[:-1] if low.endswith("s") else ""
    return len(stem) >= 3 and stem.endswith(GERMAN_HEADS)  # genitive: "des Auswärtigen Amts"


def _english_head(word: str) -> bool:
    return is_cap(word) and word.lower().strip(".") in ENGLISH_HEADS


def _headline(text: str, start: int) -> bool:
    """True inside a line of mostly capitalised words (an English title: every word looks like a name)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    words = text[line_start : line_end if line_end >= 0 else len(text)].split()
    if words and words[-1][-1] in ".:;,!?":
        return False  # a sentence ("Foreign Office Minister Tobias Ellwood said:"), not a title
    return len(words) >= 4 and sum(is_cap(w) for w in words) / len(words) > 0.6


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

# one word naming a federal or state authority ("Bundeskriminalamt", "Landesgericht", "Bundesheer"),
# or a nation's or the world's body; not the generic "Bundesregierung" or "Landesministerium"
_GERMAN_FEDERAL = re.compile(
    r"^(?:Bundes|Landes)[a-zäöüß]*(?:amt|amtes|amts|heer|heeres|gericht|gerichts|gerichtshof|gerichtshofs"
    r"|rat|rats|rates|tag|tags|tages|anstalt|agentur|bank|polizei)$"
    # one body of a nation or of the world: "Europarat", "Eurogruppe", "Weltbank", "Nationalrat",
    # "Weltgesundheitsorganisation", "Verfassungsgerichtshof", "Rechnungshof"
    r"|^(?:Europa(?:rat|parlament)|Eurogruppe"
    r"|Welt(?:bank|gesundheitsorganisation|handelsorganisation|sicherheitsrat|klimarat|kirchenrat"
    r"|wirtschaftsforum|ernährungsprogramm|hungerhilfe)"
    r"|National(?:rat|bank|versammlung|garde|kongress)|Verfassungs(?:gericht|gerichtshof|schutz)"
    r"|Verwaltungsgerichtshof|Rechnungshof)(?:s|es)?$"
)

# a newspaper's head noun after its town's adjective: "Salzburger Nachrichten", "Tiroler
# Tageszeitung", "des Berliner Tagesspiegels"
_PLACED_PAPER = re.compile(r"(?:Nachrichten|[Zz]eitung|Rundschau|Tagblatt|Anzeiger|Tagesspiegels?)$")

# a region's or town's parliament or court, named with the place's adjective ("Südtiroler Landtag",
# "Bozner Landesgericht", "Grazer Gemeinderat"); the bare noun is no name
_REGIONAL_BODY = re.compile(
    r"^(?:Landtag|Gemeinderat|Stadtrat|Stadtsenat|(?:Ober|Straf)?[Ll]andes?gericht|Bezirksgericht"
    r"|Amtsgericht)(?:s|es)?$"
)


def _named_party(text: str, words: list[re.Match[str]], first: int, head: int) -> bool:
    """German: one capitalised adjective before a party's compound, inside a sentence, names the
    party ("der konservativen Nationalen Sammlungspartei"); not the bare "Partei" ("Euro-skeptische
    Partei" describes one). So does one capitalised adjective in -isch before any other head
    ("des Österreichischen Gewerkschaftsbunds", "der Katholischen Jugend"): German writes adjectives
    in lower case inside a sentence unless they are part of a name."""
    low = words[head].group(0).lower()
    if first != head - 1 or low in ("partei", "parteien"):
        return False
    if not low.endswith(("partei", "parteien")) and not NAMING_ISCH.search(words[first].group(0)):
        return False
    if text[max(0, words[first].start() - 1)] == "(":
        return True  # "Theo Quendler (Katholischer Laienrat Österreichs)"
    return (
        first > 0 and words[first - 1].group(0).islower() and _adjacent(text, words[first - 1], words[first])
    )


def _place_adjective(word: str, gazetteer: Gazetteer) -> bool:
    """A capitalised adjective of a place: a known place's ("Bozner": Bozen, "Kärntner": Kärnten) or
    a listed place-derived word ("Südtiroler")."""
    if len(word) < 6 or not word.endswith("er") or not word[:1].isupper() or "-" in word:
        return False
    if gazetteer.is_demonym(word, "de"):
        return True
    return any(gazetteer.place(stem) is not None for stem in (word[:-2], word[:-3] + "en"))


def _phrases(
    text: str, language: str, gazetteer: Gazetteer, places: frozenset[str] = frozenset()
) -> Iterator[tuple[int, int]]:
    """(start, end) of organisation-shaped phrases around an institution's head noun.

    ``places``: names the text has as places (a seat after an authority's name).
    """
    words = list(WORD.finditer(text))
    german = language == "de"
    heads = _german_head if german else _english_head
    links = _GERMAN_LINKS if german else _ENGLISH_LINKS
    tokens = WORD.findall(text)  # the words' texts, as ``words`` finds them
    found = [
        i
        for i, token in enumerate(tokens)
        if token[:1].isupper()
        and (heads(token) or (german and (_GERMAN_FEDERAL.match(token) or _REGIONAL_BODY.match(token))))
    ]  # every head and federal word is capitalised: the others are skipped at the cost of one test
    for i in found:
        match = words[i]
        first = i
        regional = german and _REGIONAL_BODY.match(match.group(0)) is not None
        paper = german and _PLACED_PAPER.search(match.group(0)) is not None  # "Salzburger Nachrichten"
        while first > 0 and _adjacent(text, words[first - 1], words[first]):
            before = words[first - 1].group(0)
            if not is_cap(before) or before.lower() in (_GERMAN_STOP if german else _FUNCTION_WORDS_EN):
                break
            if before.endswith(("'s", "’s", "s'", "s’")):
                break  # "ISIL's War Committee": the owner is no part of the name
            if german and not (_GERMAN_ADJECTIVE.search(before) or before.isupper()):
                if (regional or paper) and first == i and _place_adjective(before, gazetteer):
                    first -= 1  # "Südtiroler Landtag": the place's adjective names the body
                break  # German: "Syrische", "Europäischen" or "UN" before the head
            first -= 1
        ordinal = (
            not german
            and first > 0
            and _ORDINAL.match(words[first - 1].group(0)) is not None
            and _adjacent(text, words[first - 1], words[first])
        )
        if ordinal:
            first -= 1  # a military unit's number is part of its name
        elif not german and match.group(0).lower() in _NUMBERED_HEADS:
            continue  # "West Wing": a wing is a unit only with its number
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
        elif (
            j < len(words)
            and words[j].group(0) in links
            and not regional  # "des Wiener Landtags zur Aufhebung ...": what it is asked for, no name
            and _adjacent(text, words[i], words[j])
        ):
            link = words[j].group(0)
            if (
                german
                and link in ("der", "des")
                and not match.group(0).lower().endswith(_GERMAN_GENITIVE_HEADS)
            ):
                continue
            if german and link == "für" and match.group(0).lower() in _ONE_BODY_HEADS:
                continue  # "die Zustimmung des Parlaments für Ministerposten": what it agreed to
            if (
                german
                and link == "für"
                and gazetteer.organization(text[words[first].start() : match.end()]) is not None
            ):
                continue  # "der EU-Kommission für Reformen": a known name is whole without it
            if german and link in _PURPOSE_LINKS:
                if first < i or "-" in match.group(0):
                    yield words[first].start(), match.end()
                continue
            k = j + 1
            # "für die Vorbereitung", "für den Tod": German names with "für" and an article run on
            # past one noun ("Organisation für das Verbot von Chemiewaffen") and are left out too
            article = not german and k < len(words) and words[k].group(0).lower() in _ARTICLES
            if article and _adjacent(text, words[j], words[k]):
                k += 1
            if k < len(words) and _adjacent(text, words[k - 1], words[k]):
                run = _cap_run(text, words, k)
                if run > k:
                    last = run - 1
                    if german and _in_country(text, words, run, gazetteer):
                        last = run + 1  # "Zentralrat der Juden in Deutschland"
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
            if named and is_cap(nxt) and nxt.endswith("er") and not nxt.isupper():
                run = _cap_run(text, words, j)
                if run - j >= 2:
                    last = run - 1
            elif named and genitive_place(nxt, gazetteer) and (nxt not in places or first < i):
                # "Arbeiterpartei Kurdistans": a party and the country it belongs to; a country the
                # model found ends a name only after a capitalised adjective ("Katholischer Laienrat
                # Österreichs"), not a bare head ("die Kommission Chinas")
                last = j
        after = words[last + 1] if last + 1 < len(words) else None
        if ordinal and after is not None and _adjacent(text, words[last], after) and is_cap(after.group(0)):
            continue  # "10th Regiment Massachusetts Volunteer Infantry": where it ends is unclear
        naming = german and first == i - 1 and _GERMAN_NAMING_ADJECTIVE.match(words[first].group(0))
        place_named = (
            (regional or (paper and not _kind_of_paper(text, words, first, last)))
            and first == i - 1
            and _place_adjective(words[first].group(0), gazetteer)
        )
        naming = naming or place_named or _named_party(text, words, first, i)
        federal = german and first == last == i and _GERMAN_FEDERAL.match(match.group(0))
        titled = after is not None and gazetteer.given_names.get(after.group(0), 0) >= _MIN_GIVEN_NAME
        if federal and titled and after is not None and _adjacent(text, words[last], after):
            continue  # "Landesrat Christian Ragger", "Nationalrat Jan Moor": a title before a person
        if last == i and (german or first == i) and not naming and not federal:
            continue  # German: a head with adjectives only ("Neue Datenschnittstelle") is no name
        plain = not (naming or ordinal) and not _institutional(words[first].group(0), gazetteer, language)
        if last == i and first == i - 1 and plain:
            continue  # "Great Service", "Oval Office": one plain word before the head is too little
        if first == i and first > 0 and words[first - 1].group(0).lower() in _INDEFINITE:
            continue  # "eine Bank für Unternehmen", "an Office for Change": a kind, not a name
        yield words[first].start(), words[last].end()


def _kind_of_paper(text: str, words: list[re.Match[str]], first: int, last: int) -> bool:
    """ "eine Wiener Zeitung", "der Belgrader Zeitung Danas": a kind of paper, not its name."""
    nxt = words[last + 1] if last + 1 < len(words) else None
    named = nxt is not None and _adjacent(text, words[last], nxt) and is_cap(nxt.group(0))
    return named or (first > 0 and words[first - 1].group(0).lower() in _INDEFINITE)


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
    return text[a.end() : b.start()] in (" ", "\u00a0", "  ")  # a double space is a typing slip


def _cap_run(text: str, words: list[re.Match[str]], k: int) -> int:
    """End (exclusive word index) of capitalised words from ``k``, joined by "und"/"and"."""
    end = k
    while end < len(words) and end - k < 6:
        if end > k and not _adjacent(text, words[end - 1], words[end]):
            break
        word = words[end].group(0)
        if is_cap(word):
            end += 1
        elif (
            word in _AND
            and end > k
            and end + 1 < len(words)
            and is_cap(words[end + 1].group(0))
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
        von = max(phrase.text.find(" von "), phrase.text.find(" in "))  # a seat or a country after it
        seat = len(phrase.text.split()) == 2  # "Landgericht Köln": the place is the seat
        owner = country_owned(phrase, inside, gazetteer)  # "Katholischer Laienrat Österreichs"
        if language == "de" and any(
            s.type == "location" and (von < 0 or s.start < phrase.start + von) and not seat and s is not owner
            for s in inside
        ):
            return False  # "Verwaltung des Kantons Bern": the place is the name here
        # the model's own span of the same words keeps its type ("West Bank")
        return not any(s.start == phrase.start and s.end == phrase.end for s in inside)

    phrases = [
        EntitySpan(start, end, text[start:end], "organization", 0.5)
        for start, end in _phrases(text, language, gazetteer, places)
    ]
    spans = replace_spans(spans, phrases, accept)
    return cause_names(text, spans) if language == "de" else spans


def _in_country(text: str, words: list[re.Match[str]], k: int, gazetteer: Gazetteer) -> bool:
    """Words ``k`` and ``k + 1`` are "in" and a country, right after word ``k - 1``."""
    if k + 1 >= len(words) or words[k].group(0) != "in":
        return False
    if not (_adjacent(text, words[k - 1], words[k]) and _adjacent(text, words[k], words[k + 1])):
        return False
    place = gazetteer.place(words[k + 1].group(0))
    return place is not None and place.kind == "country"

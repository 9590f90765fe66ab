"""Span fixes for shapes that recur in news articles (each linear in the number of spans).

- Two people joined by "and"/"und" in one person span ("Kerry and U.S. Secretary of Defense Ash
  Carter") are two spans; the second keeps its title for the person-boundary rules to cut.
- A member or head before an institution is no part of its name ("Members of the Security Council").
- An organisation cut before its purpose ("Global Coalition to" + "Counter ISIL") is one name; a
  dangling link word at its end ("Coalition of") goes.
- A dateline of several places ("Koblenz/Seattle – ") names known places the model may miss.
- A German compound of two common nouns ("Stichwunden", "Hügelland"), or a listed common word seldom
  seen after a determiner ("Rotwein", "Lasst"), is no person or place alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from desktop.core.entities.gazetteer import Gazetteer
from desktop.core.entities.recognizer import span_order, without_overlaps
from desktop.core.types import EntitySpan

_AND = re.compile(r" (?:and|und|&) (?=[A-ZÄÖÜ])")
_VERSUS = re.compile(r" (?:vs\.?|versus) (?=[A-ZÄÖÜ])")  # "Nadal vs. Fognini": always two
_MEMBERS = frozenset({"member", "members", "mitglieder", "mitglied"})
_LEADING_OF = re.compile(r"^([A-Z][\w.'’-]*) of (?:the )?(?=[A-Z])")
_DANGLING = frozenset({"to", "of", "for", "and", "the", "der", "des", "für", "und"})
_PLACE_WORDS = r"[A-ZÄÖÜ][\w.'’-]+(?: [A-ZÄÖÜ][\w.'’-]+)?"
_DATELINE = re.compile(rf"(?:^|(?<=[.!?] ))({_PLACE_WORDS}(?:/{_PLACE_WORDS})*) [–-] (?=[A-ZÄÖÜ])")
_PERSON_OR_PLACE = ("person", "location")


def split_joined_people(spans: list[EntitySpan], title_word: Callable[[str], bool]) -> list[EntitySpan]:
    """ "Kerry and U.S. Secretary of Defense Ash Carter": a person span joining two people is two.

    Two sides of a match ("Nadal vs. Fognini") are always two people.

    Only when both sides are names or titled names (each side's first word capitalised and the right
    side either titled or of two or more words), so "Procter & Gamble"-like companies are not people
    to begin with and "Romeo and Juliet" as one work is left to its type.
    """
    out: list[EntitySpan] = []
    for span in spans:
        versus = _VERSUS.search(span.text) if span.type == "person" else None
        match = versus or (_AND.search(span.text) if span.type == "person" else None)
        if match is None:
            out.append(span)
            continue
        left, right = span.text[: match.start()], span.text[match.end() :]
        right_words = right.split()
        if not left.strip() or not right_words:
            out.append(span)
            continue
        if versus is None and len(right_words) < 2 and not title_word(right_words[0]):
            out.append(span)
            continue
        begin = span.start + match.end()
        out.append(EntitySpan(span.start, span.start + len(left), left, "person", span.score))
        out.append(EntitySpan(begin, span.end, right, "person", span.score))
    return out


def cut_leading_members(spans: list[EntitySpan], title_word: Callable[[str], bool]) -> list[EntitySpan]:
    """ "Members of the Security Council", "Head of the Commission": the institution only."""
    out = []
    for span in spans:
        match = _LEADING_OF.match(span.text) if span.type == "organization" else None
        if match is not None and (match.group(1).lower() in _MEMBERS or title_word(match.group(1))):
            name = span.text[match.end() :]
            span = EntitySpan(span.start + match.end(), span.end, name, "organization", span.score)
        out.append(span)
    return out


def join_dangling_links(text: str, spans: list[EntitySpan]) -> list[EntitySpan]:
    """ "Global Coalition to" + "Counter ISIL": an organisation ending in a link word joins the name
    right after it; with no name after it, the link word goes ("Coalition of").
    """
    ordered = sorted(spans, key=span_order)
    out: list[EntitySpan] = []
    index = 0
    while index < len(ordered):
        span = ordered[index]
        words = span.text.rstrip().split()
        if span.type != "organization" or len(words) < 2 or words[-1] not in _DANGLING:
            out.append(span)
            index += 1
            continue
        end = span.start + len(span.text.rstrip())
        following = ordered[index + 1] if index + 1 < len(ordered) else None
        if following is not None and following.start == end + 1 and text[end] == " ":
            whole = text[span.start : following.end]
            out.append(EntitySpan(span.start, following.end, whole, "organization", span.score))
            index += 2
            continue
        name = span.text[: span.text.rstrip().rfind(" ")]
        out.append(EntitySpan(span.start, span.start + len(name), name, "organization", span.score))
        index += 1
    return out


def dateline_places(text: str, spans: list[EntitySpan], gazetteer: Gazetteer) -> list[EntitySpan]:
    """ "Stuttgart/Trier – Ein Mann …": every known place of a dateline of several places; the first
    dateline's known places are places also when the model typed them otherwise ("Detroit – Der …").
    """
    head = text[:600]
    if " – " not in head and " - " not in head:
        return spans
    candidates = []
    first: set[tuple[int, int]] = set()
    for number, match in enumerate(_DATELINE.finditer(head)):
        offset = match.start(1)
        for part in match.group(1).split("/"):
            if gazetteer.place(part) is not None:
                candidates.append(EntitySpan(offset, offset + len(part), part, "location", 0.5))
                if number == 0:
                    first.add((offset, offset + len(part)))
            offset += len(part) + 1
    if not candidates:
        return spans
    spans = [
        EntitySpan(s.start, s.end, s.text, "location", s.score)
        if (s.start, s.end) in first and s.type in ("person", "organization")
        else s
        for s in spans
    ]
    multiple = [c for c in candidates if "/" in text[c.start - 1 : c.end + 1]]
    return sorted([*spans, *without_overlaps(multiple, spans)], key=span_order)


def drop_noun_compounds(
    spans: list[EntitySpan],
    nouns: frozenset[str],
    keep: Callable[[str], bool],
    bare: frozenset[str] = frozenset(),
) -> list[EntitySpan]:
    """German: a one-word person or place that is a compound of two common nouns ("Stich|wunden",
    "Hotel|zimmer") or a listed common word seldom seen after a determiner (``bare``: "Rotwein",
    "Lasst") is no actor, unless ``keep(word)`` (a known place, organisation or given name) or a full name in
    the text ends with it.
    """
    surnames = {s.text.split()[-1] for s in spans if s.type == "person" and " " in s.text.strip()}
    out = []
    for span in spans:
        word = span.text.strip()
        drop = (
            span.type in _PERSON_OR_PLACE
            and " " not in word
            and "-" not in word
            and word not in surnames
            and (word in bare or _noun_or_compound(word, nouns, keep, bare))
            and not keep(word)
        )
        if not drop:
            out.append(span)
    return out


# last parts that make surnames and place names as often as common nouns ("Bergmann", "Rosenheim")
NAME_TAILS = frozenset(
    {
        "Mann", "Berg", "Burg", "Stein", "Heim", "Hof", "Feld", "Haus", "Dorf", "Wald", "Bach", "Brunn",
        "Brück", "Brücke", "Furt", "Hausen", "Hagen", "Kirchen", "Kirch", "Stadt", "Stätt", "Au", "Ried",
        "Tal", "Thal", "Horn", "Bauer", "Meister", "Schmid", "Müller", "Weg", "Bruck", "Brunnen", "Garten",
        "Rode", "Wiese", "See", "Meer", "Land", "Bürgen", "Bogen", "Gebirge", "Insel", "Inseln", "Küste",
        "Bucht", "Mühle", "Hütte", "Berger", "Hofer", "Huber", "Kamp", "Born", "Leben", "Ingen",
    }
)  # fmt: skip
_MIN_PART = 4


def noun_compound(word: str, nouns: frozenset[str], keep: Callable[[str], bool]) -> bool:
    """A compound of two listed common nouns, neither part a known name (``keep``): "Pausen|film"."""
    return _noun_or_compound(word, nouns, keep)


def _noun_or_compound(
    word: str, nouns: frozenset[str], keep: Callable[[str], bool], bare: frozenset[str] = frozenset()
) -> bool:
    """Two common nouns, neither a known name, the last no usual end of a name ("-mann", "-land") and
    listed itself or without its plural or genitive "-s"/"-es" ("Bargeld|limits");
    the first may also be a listed common word seldom seen after a determiner (``bare``: an
    adjective capitalised at a sentence's start, "Groß|brand")."""
    if not word[:1].isupper() or not word[1:].islower():
        return False
    for cut in range(_MIN_PART, len(word) - _MIN_PART + 1):
        head, tail = word[:cut], word[cut].upper() + word[cut + 1 :]
        stem = tail[:-2] if tail.endswith("es") else tail[:-1] if tail.endswith("s") else tail
        if tail in NAME_TAILS or stem in NAME_TAILS or keep(head):
            continue
        if (tail in nouns or stem in nouns) and (head in nouns or head.rstrip("s") in nouns or head in bare):
            return True
    return False


# last words of company names ("Dalian Zeus Entertainment", "Acme Holdings")
COMPANY_WORDS = frozenset(
    {
        "Entertainment", "Holdings", "Holding", "Group", "Inc", "Inc.", "Ltd", "Ltd.", "Corp", "Corp.",
        "Corporation", "Technologies", "Airlines", "Airways", "Motors", "Pharmaceuticals", "Studios",
        "Records", "Industries", "Enterprises", "Bank", "Capital", "Partners", "Telecom", "Software",
        "AG", "GmbH", "SE", "plc", "LLC", "Co.", "Company", "Media", "TV", "Television", "Broadcasting",
        "Networks", "Systems", "Solutions", "Logistics", "Investments", "Productions", "Publishing",
    }
)  # fmt: skip


def companies_typed_as_people(spans: list[EntitySpan]) -> list[EntitySpan]:
    """ "Dalian Zeus Entertainment", "Agence France-Presse" typed a person: a name ending in a company
    word, or beginning with another language's word for an agency, bank or party, is an organisation.
    """
    out = []
    for span in spans:
        words = span.text.split()
        if (
            span.type == "person"
            and len(words) >= 2
            and (words[-1] in COMPANY_WORDS or words[0] in FOREIGN_ORG_FIRST_WORDS)
        ):
            span = EntitySpan(span.start, span.end, span.text, "organization", span.score)
        out.append(span)
    return out


def people_named_after_organizations(spans: list[EntitySpan]) -> list[EntitySpan]:
    """ "Counter ISIL" typed a person while "ISIL" alone is an organisation: a "person" with a word in
    capitals that the text tags alone as an organisation is part of that organisation's world, no one's
    name (and must not spread as a person's name over "Global Coalition to Counter ISIL").
    """
    acronyms = {
        s.text.strip()
        for s in spans
        if s.type == "organization" and s.text.strip().isupper() and len(s.text.strip()) >= 3
    }
    if not acronyms:
        return spans
    out = []
    for span in spans:
        words = span.text.split()
        if span.type == "person" and len(words) >= 2 and any(w.strip(".,'’") in acronyms for w in words):
            span = EntitySpan(span.start, span.end, span.text, "organization", span.score)
        out.append(span)
    return out


def people_after_inner_titles(
    spans: list[EntitySpan], title_word: Callable[[str], bool], given_name: Callable[[str], bool]
) -> list[EntitySpan]:
    """ "Roman Catholic Pope Francis" typed an organisation: a title word inside a non-person span,
    followed by a given name that ends the span, makes what follows the title a person.
    """
    out = []
    for span in spans:
        words = span.text.split()
        if span.type in ("organization", "location") and len(words) >= 3:
            for index in range(1, len(words) - 1):
                if title_word(words[index]) and given_name(words[index + 1]) and words[-1][:1].isupper():
                    offset = span.text.index(words[index + 1], len(" ".join(words[: index + 1])))
                    name = span.text[offset:]
                    span = EntitySpan(span.start + offset, span.end, name, "person", span.score)
                    break
        out.append(span)
    return out


# German heads of an armed or rebel group named after its leader or idea ("Qassam-Brigaden")
_GROUP_COMPOUND = re.compile(
    r"(?<![\w-])([A-ZÄÖÜ][\w]+(?:-[A-ZÄÖÜ][\w]+)?)-(Brigaden|Brigade|Milizen|Miliz|Rebellen)(?![\w-])"
)


def german_group_compounds(
    text: str, spans: list[EntitySpan], gazetteer: Gazetteer, language: str
) -> list[EntitySpan]:
    """ "Qassam-Brigaden", "Houthi-Rebellen": a name joined to a group's head noun is an organisation,
    unless the name is a people or a place ("Kurden-Milizen", "Donbass-Rebellen" are descriptions).
    """
    if not any(head in text for head in ("-Brigade", "-Miliz", "-Rebellen")):
        return spans
    candidates = []
    for match in _GROUP_COMPOUND.finditer(text):
        name = match.group(1)
        if gazetteer.is_demonym(name, language) or gazetteer.place_or_country(name, language=language):
            continue
        if name.endswith("n") and gazetteer.is_demonym(name[:-1], language):
            continue  # "Kurden" of "Kurde"
        candidates.append(EntitySpan(match.start(), match.end(), match.group(0), "organization", 0.5))
    if not candidates:
        return spans
    kept = [s for s in spans if not any(c.start <= s.start and s.end <= c.end for c in candidates)]
    return sorted([*kept, *without_overlaps(candidates, kept)], key=span_order)


# English: a capitalised name right before the kind of outlet it is ("Time magazine")
_OUTLET_BEFORE_KIND = re.compile(
    r"(?<![\w'’-])((?:[A-Z][\w'’&.-]*)(?: [A-Z][\w'’&.-]*){0,2}) "
    r"(?:magazine|newspaper|news agency|broadcaster|news network|media network|tabloid|daily)(?![\w-])"
)


def outlets_before_kind_words(text: str, spans: list[EntitySpan]) -> list[EntitySpan]:
    """ "Time magazine", "the Courier newspaper": the name before the outlet's kind is an organisation."""
    if not any(kind in text for kind in _OUTLET_KINDS):
        return spans
    candidates = []
    for match in _OUTLET_BEFORE_KIND.finditer(text):
        start, name = match.start(1), match.group(1)
        first, _, rest = name.partition(" ")
        if first in _SENTENCE_STARTS:  # "The Courier newspaper": the article is no part of the name
            start, name = start + len(first) + 1, rest
        if name and not _ADJECTIVE_COMPOUND.search(name):
            candidates.append(EntitySpan(start, start + len(name), name, "organization", 0.5))
    if not candidates:
        return spans
    keyed = {(c.start, c.end) for c in candidates}
    spans = [
        EntitySpan(s.start, s.end, s.text, "organization", s.score) if (s.start, s.end) in keyed else s
        for s in spans
    ]
    return sorted([*spans, *without_overlaps(candidates, spans)], key=span_order)


_OUTLET_KINDS = ("magazine", "newspaper", "news agency", "broadcaster", "network", "tabloid", "daily")
_ADJECTIVE_COMPOUND = re.compile(r"-[a-z]")  # "Brussels-based media network EURACTIV"
_SENTENCE_STARTS = frozenset({"The", "A", "An", "This", "That", "Its", "His", "Her", "Their", "Our", "Local"})


# first words of organisations' names in other languages ("Agence France-Presse", "Banco Santander")
FOREIGN_ORG_FIRST_WORDS = frozenset(
    {
        "Agence", "Agenzia", "Agencia", "Banco", "Banque", "Banca", "Compagnie", "Compañía", "Société",
        "Groupe", "Grupo", "Gruppo", "Fundación", "Fondation", "Fondazione", "Instituto", "Institut",
        "Partido", "Parti", "Partito", "Union", "Unión", "Frente", "Front", "Movimiento", "Mouvement",
    }
)  # fmt: skip

# endings of abstract nouns that no name has ("Sabotage", "Championship"), at least this long
_ABSTRACT_ENDINGS = {
    "de": ("ung", "heit", "keit", "schaft", "tion", "ismus", "ität", "age"),
    "en": ("ship", "tion", "ism", "ment", "ness"),
}
_MIN_ABSTRACT = 7


def abstract_nouns_as_people(spans: list[EntitySpan], language: str) -> list[EntitySpan]:
    """A lone "person" ending like an abstract noun ("Sabotage", "Championship") is no person, unless
    a full name in the text ends with it.
    """
    endings = _ABSTRACT_ENDINGS.get(language)
    if not endings:
        return spans
    surnames = {s.text.split()[-1] for s in spans if s.type == "person" and " " in s.text.strip()}
    return [
        s
        for s in spans
        if not (
            s.type == "person"
            and " " not in (word := s.text.strip())
            and len(word) >= _MIN_ABSTRACT
            and word[1:].islower()
            and word.endswith(endings)
            and word not in surnames
        )
    ]


_PLACE_ADJECTIVE = re.compile(r"(?<![\w-])([A-ZÄÖÜ][a-zäöüß]+)er $")


def places_with_their_qualifier(text: str, spans: list[EntitySpan], gazetteer: Gazetteer) -> list[EntitySpan]:
    """German: "Tiroler Unterland": the adjective of a place, known or named in the text, right before
    a place belongs to it.
    """
    places = {s.text.strip() for s in spans if s.type == "location"}
    out: list[EntitySpan] = []
    for span in sorted(spans, key=span_order):
        if span.type == "location":
            adjective = _PLACE_ADJECTIVE.search(text, max(0, span.start - 30), span.start)
            stem = adjective.group(1) if adjective is not None else ""
            grown = adjective.start() if adjective is not None else -1
            if (
                stem
                and (stem in places or gazetteer.place(stem) is not None)
                and (not out or out[-1].end <= grown)
            ):
                span = EntitySpan(grown, span.end, text[grown : span.end], "location", span.score)
        out.append(span)
    return out

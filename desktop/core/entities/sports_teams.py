"""Sports reports: a club named by its town ("gegen Sunderland", "Liverpool beat Chelsea 2-1") is an
organisation, not a place.

Only an article that reads as a match report is touched: it must hold a match score ("1:0",
"3:0-Sieg", "2-1") and several words of sport ("Tabelle", "Heimspiel", "Trainer", "league",
"goal", ...). In such an article a town's name is retyped where it stands as a team: after "gegen",
"against", "beat" or "vs", before a score, as the subject of "gewann", "verlor", "beat" or "drew",
or before "-Trainer" or "manager". Once one mention stands so, every mention of the name is the
club's ("Mattersburg empfängt St. Pölten" ... "Mattersburg peilt den Aufstieg an"). Countries and regions
are left alone: a national team named by its country ("Deutschland gewann 2:0") is a place, also
an organisation.

The rule works on the actor list only. GermEval 2014 tags town-named teams as places in most
sports sentences ("Bochum besiegt Frankfurt in kuriosem Spiel 4:3"), so the recogniser's spans stay
as they are.
"""

from __future__ import annotations

import re

from desktop.core.entities.gazetteer import Gazetteer
from desktop.core.types import EntitySpan

MIN_SPORT_WORDS = 3  # distinct words of sport besides the score
MIN_TOWN_NOT_PERSON = 100_000  # a "person" named like a town this big is the town's team

_SCORE_DE = re.compile(r"(?<![\w.,:/-])\d{1,2}:\d{1,2}(?![\d:])(?!\.\d)(?!\s*Uhr)")
_SCORE_EN = re.compile(
    r"(?<![\w.,:/$£€-])\d{1,2}[-–]\d{1,2}(?![\w%-])(?!\s*(?:years?|days?|months?|weeks?|per))"
    r"|\b\d{1,2} points to \d{1,2}\b"  # rugby: "45 points to 24"
)
_SPORT_DE = re.compile(
    r"\b(?:(?:Fußball-|Frauen-)?(?:Bundes)?[Ll]iga|Premier League|Champions League|Europa League|Tabelle\w*"
    r"|Tabellen\w+|Heimspiel\w*|Auswärtsspiel\w*|Heimsieg\w*|Auswärtssieg\w*|Trainer|Cheftrainer|Tore?|Treffer"
    r"|Saison|Spieltag\w*|Anpfiff|Halbzeit|Elfmeter\w*|Stürmer\w*|Torhüter\w*|Torschütze\w*|Mittelfeld\w*"
    r"|Pokal\w*|Meistertitel|Abstieg\w*|Aufstieg\w*|Tabellenführer\w*|Verteidiger|Fußball\w*|Derby|Remis"
    r"|Punkte|Zähler|Rückspiel\w*|Hinspiel\w*|Schlusspfiff|Ablöse\w*|Kader|Startelf)\b"
)
_SPORT_EN = re.compile(
    r"\b(?:league|Premier League|Champions League|match(?:es)?|goals?|coach|season|striker|midfielder"
    r"|defender|goalkeeper|penalty|kick-off|half-time|fixture|football|soccer|scored|equaliser|equalizer"
    r"|relegation|derby|stadium|squad|playoffs?|innings|tournament|champions|rugby|tries|ladder)\b",
    re.IGNORECASE,
)
# a team's name right before these words ("Wolfsburg verlor", "Liverpool beat Chelsea")
_AFTER_DE = re.compile(
    r"\s+(?:gewann|gewinnt|gewannen|verlor|verliert|siegte|siegt|besiegte|besiegt|schlug|unterlag"
    r"|unterliegt|spielte|spielt|empfängt|empfing|trennte|führt|führte|kassierte|gastiert|gastierte)\b"
    r"|-(?:Trainer|Coach|Stürmer|Profi|Spieler|Fans|Keeper|Torhüter|Verteidiger)\b"
    r"|\s*(?:\(\s*)?\d{1,2}:\d{1,2}(?![\d:])(?!\s*Uhr)|\s+mit\s+\d{1,2}:\d{1,2}|\s*[-–]\s+\d{1,2}:\d{1,2}"
)
_AFTER_EN = re.compile(
    r"(?:\s+(?:beat|beats|won|win|wins|lost|lose|loses|drew|draw|draws|defeated|defeats|thrashed|edged"
    r"|manager|coach|boss|striker|midfielder|defender|goalkeeper|captain|fans|supporters|player|forward)\b"
    r"|\s+\d{1,2}[-–]\d{1,2}\b)"
)
# a team's name right after these words ("gegen Sunderland", "against Brighton")
_BEFORE_DE = re.compile(
    r"\b(?:gegen(?:\s+(?:den|die|das))?|für|Gegner|besiegte|besiegt|schlug|schlägt|bezwang|bezwingt|empfängt"
    r"|empfing|Tabellenführer|Spitzenreiter|Schlusslicht|Titelverteidiger|Aufsteiger"
    r"|\d{1,2}:\d{1,2}\s+(?:gegen|über|bei))\s+$"
)
_BEFORE_EN = re.compile(
    r"\b(?:against|beat|beats|beating|defeated|defeating|vs\.?|v\.?|for|leaders"
    r"|(?:win|victory|lost|losing|loss|fell)\s+(?:over|to)"
    r"|hosts|hosted|hosting|face|faces|facing|\d{1,2}[-–]\d{1,2}\s+(?:win|defeat|loss|victory)\s+(?:over|against|to|at))\s+$",
)


def is_sports_report(text: str, language: str) -> bool:
    """A match score and at least :data:`MIN_SPORT_WORDS` distinct words of sport."""
    score, words = (_SCORE_DE, _SPORT_DE) if language == "de" else (_SCORE_EN, _SPORT_EN)
    if not score.search(text):
        return False
    found = {m.group(0).lower() for m in words.finditer(text)}
    return len(found) >= MIN_SPORT_WORDS


# a country's name the gazetteer lacks ("Weißrussland", "Mazedonien", "Slowakei"), not a town's
_COUNTRY_SHAPE = re.compile(r"(?:land|ien|kei|reich|stan)$")
# "in Wolfsburg", "the match in Liverpool drew": a place whatever follows
_PLACE_PREPOSITION = re.compile(r"\b(?:in|im|aus|nach|von|at|near|from|of)\s+$", re.IGNORECASE)


def _as_team(text: str, span: EntitySpan, language: str, ends: frozenset[int] = frozenset()) -> bool:
    """The mention stands as a team. ``ends``: where other names end ("bei Austria Klagenfurt 2:1":
    the town after another name is the last word of a club's name, not a team by itself)."""
    before = text[max(0, span.start - 40) : span.start]
    after = text[span.end : span.end + 40]
    if _PLACE_PREPOSITION.search(before):
        return False
    name_before = span.start - 1 in ends
    if language == "de":
        return bool(_BEFORE_DE.search(before) or (not name_before and _AFTER_DE.match(after)))
    return bool(_BEFORE_EN.search(before) or (not name_before and _AFTER_EN.match(after)))


def teams_named_by_towns(
    text: str,
    language: str,
    spans: list[EntitySpan],
    gazetteer: Gazetteer,
) -> list[EntitySpan]:
    """Town names standing as teams in a sports report become organisations.

    A name typed as a place is a team where one of its mentions stands as a team; one typed as a
    person when it is a town's name and no given name, and either stands as a team ("Maroochydore
    defeated Caboolture 43-5") or names a well-known town (at least :data:`MIN_TOWN_NOT_PERSON`
    people): no person is named by a town alone in a match report ("Gent machte seine Defizite
    wett"). Every mention of a team's name, and its German genitive, then becomes an organisation:
    the club named by its town is an organisation, and where the town is also the dateline the
    gold accepts the organisation too.
    """
    if language not in ("de", "en") or not is_sports_report(text, language):
        return spans
    not_towns = {w for s in spans if s.type == "person" for w in s.text.split()[1:]}  # surnames
    for s in spans:  # "Republik Moldau": the last word of a country's name is the country
        words = s.text.split()
        if s.type == "location" and len(words) > 1:
            place = gazetteer.place_or_country(s.text.strip(), language=language)
            if place is not None and place.kind == "country":
                not_towns.add(words[-1])
    ends = frozenset(s.end for s in spans) | {  # and where a country's name ends ("Austria Klagenfurt")
        m.end() for m in re.finditer(r"\b[A-Z][a-z]+\b", text) if _country(m.group(0), gazetteer, language)
    }
    teams = {s.text.strip() for s in spans if _team_mention(text, s, language, gazetteer, not_towns, ends)}
    if not teams:
        return spans
    out: list[EntitySpan] = []
    for span in spans:
        name = span.text.strip()
        base = name[:-1] if language == "de" and name.endswith("s") else name  # "Ingolstadts Manager"
        if span.type in ("location", "person") and (name in teams or base in teams):
            span = EntitySpan(span.start, span.end, span.text, "organization", span.score)
        out.append(span)
    return out


def _country(word: str, gazetteer: Gazetteer, language: str) -> bool:
    place = gazetteer.place(word, language=language)
    return place is not None and place.kind == "country"


def _team_mention(
    text: str,
    span: EntitySpan,
    language: str,
    gazetteer: Gazetteer,
    not_towns: set[str],
    ends: frozenset[int],
) -> bool:
    """A town's name standing as a team, or typed as a person ("Gent machte ... wett")."""
    name = span.text.strip()
    if span.type not in ("location", "person") or " " in name or not name[:1].isupper() or name in not_towns:
        return False
    words_before = text[max(0, span.start - 40) : span.start].split()
    whole = (
        gazetteer.place_or_country(f"{words_before[-1]} {name}", language=language) if words_before else None
    )
    if whole is not None and whole.kind != "city":
        return False  # "die Republik Moldau": a country
    place = gazetteer.place(name, language=language)
    if (place is not None and place.kind != "city") or (place is None and _COUNTRY_SHAPE.search(name)):
        return False  # a national team: a place, also an organisation
    if span.type == "location":
        return _as_team(text, span, language, ends)
    return (  # a person named like a town, and no given name
        place is not None
        and not gazetteer.given_names.get(name)
        and (
            (place.strong and place.population >= MIN_TOWN_NOT_PERSON) or _as_team(text, span, language, ends)
        )
    )

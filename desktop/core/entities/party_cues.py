"""German parties named by the plural of their members: "Präsidentschaftsbewerber der Republikaner".

Some parties go by the plural of the word for a member ("die Republikaner", "die Demokraten",
"die Liberalen"), a word that is also a common noun. Right after a noun that only a party has (a
candidate, a candidacy, primaries, a party congress, a party or group leader, a wing, a group in
parliament, its members of parliament or senators) and "der"/"den", a
capitalised plural (ending in -er or -en) names the party: "Kandidaten der Republikaner", "Vorwahlen
der Demokraten". Not a nationality ("Kandidat der Deutschen": the voters), not a hyphenated word
("US-Republikaner": an adjective's compound), and never over a span the model found of another
extent or a person; a plural followed by another capitalised word ("der Wahren Finnen") is part of a
longer name.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from desktop.core.entities.organizations import replace_spans
from desktop.core.types import EntitySpan

# nouns (also as a compound's end) that only a party has; their inflected forms follow
_PARTY_NOUNS = (
    "kandidat", "kandidaten", "kandidatin", "kandidatur", "bewerber", "bewerberin", "vorwahl",
    "vorwahlen", "parteitag", "parteitags", "parteitages", "parteichef", "parteichefin",
    "fraktionschef", "fraktionschefin", "parteivorsitzende", "parteivorsitzenden", "flügel", "fraktion",
    "abgeordnete", "abgeordneten", "senator", "senatoren",
)  # fmt: skip
# the plural of a kind of group is no party's name ("Kandidaten der Parlamentsparteien")
_KIND_PLURALS = ("parteien", "fraktionen", "gruppen", "bewegungen", "organisationen", "bündnisse")
_STEMS = (
    "kandidat", "bewerber", "vorwahl", "parteitag", "parteichef", "fraktion", "parteivorsitz", "flügel",
    "abgeordnete", "senator",
)  # fmt: skip
_PARTY_NOUN = "|".join(sorted(_PARTY_NOUNS, key=len, reverse=True))
_PATTERN = re.compile(
    rf"(?<![\w-])(?:[A-ZÄÖÜ][\w-]*(?:{_PARTY_NOUN})|(?:{'|'.join(n.capitalize() for n in _PARTY_NOUNS)}))"
    r" (?:der|den) ([A-ZÄÖÜ][a-zäöüß]+(?:er|en))(?![\w-]| [A-ZÄÖÜ])"  # "der Wahren Finnen": longer
)


def parties_named_by_members(
    text: str,
    language: str,
    spans: list[EntitySpan],
    is_demonym: Callable[[str], bool] = lambda word: False,
) -> list[EntitySpan]:
    """German: the plural after a party's own noun and "der"/"den" as an organisation (replacing a
    span of the same words)."""
    if language != "de":
        return spans
    lower = text.lower()
    if not any(stem in lower for stem in _STEMS):  # a few substring tests before the pattern
        return spans
    candidates = [
        EntitySpan(m.start(1), m.end(1), m.group(1), "organization", 0.5)
        for m in _PATTERN.finditer(text)
        if not is_demonym(m.group(1)) and not m.group(1).lower().endswith(_KIND_PLURALS)
    ]
    if not candidates:
        return spans

    def accept(candidate: EntitySpan, inside: list[EntitySpan]) -> bool:
        same = (candidate.start, candidate.end)
        return all((s.start, s.end) == same and s.type != "person" for s in inside)

    return replace_spans(spans, candidates, accept)

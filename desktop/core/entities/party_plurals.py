"""German news names some parties by their members in the plural: "die Republikaner", "bei den
Demokraten", "die Mehrheit der Tories".

The models, trained on GermEval 2014 whose annotation leaves such plurals out, find none of them,
while a reader of US or British politics sees the party act. :data:`PARTY_PLURALS` lists only member
plurals that name one party each in news (not "Sozialdemokraten" or "Konservativen", which stand for
members of many parties). The plural is taken after a plural article: "die", "den" (dative plural),
or a lower-case "der" (genitive plural; a "der" before a capitalised word names one member: "sagte
der Republikaner Marco Rubio"); never joined by a hyphen ("US-Republikaner" is a member).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from desktop.core.entities.names import match_key
from desktop.core.types import EntitySpan

PARTY_PLURALS = ("Demokraten", "Republikaner", "Tories")
_PLURAL = re.compile(
    r"(?<![\w-])(?:[Dd]ie|[Dd]en|der) (" + "|".join(PARTY_PLURALS) + r")(?![\w-])(?! [A-ZÄÖÜ])"
)


def party_plurals(text: str) -> list[EntitySpan]:
    """The plurals of :data:`PARTY_PLURALS` after a plural article, as organisations."""
    return [EntitySpan(m.start(1), m.end(1), m.group(1), "organization", 0.5) for m in _PLURAL.finditer(text)]


# the names news gives each party besides the plural: its members' plural and the party are one actor
_PARTY_NAMES = {
    "Republikaner": ("GOP", "Republikanische Partei", "Republican Party"),
    "Demokraten": ("Demokratische Partei", "Democratic Party"),
    "Tories": ("Konservative Partei", "Conservative Party", "Konservativen"),
}


@functools.cache
def _party_keys() -> dict[str, frozenset[str]]:
    return {match_key(plural): frozenset(map(match_key, names)) for plural, names in _PARTY_NAMES.items()}


_ARTICLE_KEYS = frozenset({"die", "der", "den", "the"})


def plural_party_pairs(keys: list[str], is_organization: Callable[[str], bool]) -> list[tuple[str, str]]:
    """Pairs (keep, drop) of organisations' match keys: the party the text names and the plural of
    its members ("Republikanische Partei" or "GOP", and "Republikaner" or "Die Republikaner"), when
    it names one such party."""
    orgs = {key for key in keys if is_organization(key)}
    pairs = []
    for plural, parties in _party_keys().items():
        named = sorted(orgs & parties)
        if len(named) != 1:
            continue
        for key in sorted(orgs):
            words = key.split()
            if key == plural or (len(words) == 2 and words[0] in _ARTICLE_KEYS and words[1] == plural):
                pairs.append((named[0], key))
    return pairs

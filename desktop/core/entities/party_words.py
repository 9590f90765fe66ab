"""A party named by its word alone is the party the article names in full.

English news writes "the Democratic Party" once and then "Democratic organizations", "any other
Democrat", "the Libertarian nominee"; German "die Grüne Partei" and "die Grünen". Where the model tags
the word alone as an organisation, the actor list shows it beside the party. For linking, an
organisation named by the party's name without its head noun ("Liberal National" of "Liberal
National Party"), or by one word that begins the party's first word and has six letters or more
("Democrat" of "Democratic Party"), is the party, when the article names exactly one such party.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable

from desktop.core.entities.party_plurals import plural_party_pairs

PARTY_HEADS = frozenset({"party", "partei"})
_MIN_STEM = 6


def party_word_pairs(keys: Iterable[str], is_organization: Callable[[str], bool]) -> list[tuple[str, str]]:
    """Pairs (keep, drop) of organisations' match keys: a party and its name's words alone, and the
    party and its members' plural (:func:`~desktop.core.entities.party_plurals.plural_party_pairs`)."""
    keys = list(keys)
    orgs = [key for key in keys if is_organization(key)]
    parties = [key for key in orgs if len(key.split()) >= 2 and key.split()[-1] in PARTY_HEADS]
    if not parties:
        return plural_party_pairs(keys, is_organization)
    is_party = set(parties)
    owners: dict[str, set[str]] = defaultdict(set)  # a short form -> the parties it may stand for
    for party in parties:
        words = party.split()
        owners[" ".join(words[:-1])].add(party)
        first = words[0]
        for end in range(_MIN_STEM, len(first) + 1):  # "democrat", "democrati", "democratic"
            owners[first[:end]].add(party)
    pairs: list[tuple[str, str]] = []
    for key in orgs:
        if key in owners and key not in is_party and (" " not in key or key in _head_less(owners[key])):
            found = owners[key]
            if len(found) == 1:
                pairs.append((next(iter(found)), key))
    return pairs + plural_party_pairs(keys, is_organization)


def _head_less(parties: set[str]) -> set[str]:
    """The parties' names without their head noun ("liberal national" of "liberal national party")."""
    return {" ".join(p.split()[:-1]) for p in parties}

"""A party named by its word alone is the party the article names in full.

English news writes "the Democratic Party" once and then "Democratic organizations", "any other
Democrat", "the Libertarian nominee"; German "die Grüne Partei" and "die Grünen". Where the model tags
the word alone as an organisation, the actor list shows it beside the party. For linking, an
organisation named by the party's name without its head noun ("Liberal National" of "Liberal
National Party"), or by one word that begins the party's first word and has six letters or more
("Democrat" of "Democratic Party"), is the party, when the article names exactly one such party.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

PARTY_HEADS = frozenset({"party", "partei"})
_MIN_STEM = 6


def party_word_pairs(keys: Iterable[str], is_organization: Callable[[str], bool]) -> list[tuple[str, str]]:
    """Pairs (keep, drop) of organisations' match keys: a party and its name's words alone."""
    orgs = [key for key in keys if is_organization(key)]
    parties = [key for key in orgs if len(key.split()) >= 2 and key.split()[-1] in PARTY_HEADS]
    if not parties:
        return []
    pairs: list[tuple[str, str]] = []
    for key in orgs:
        if key in parties:
            continue
        words = key.split()
        owners = [
            party
            for party in parties
            if party.split()[:-1] == words
            or (len(words) == 1 and len(key) >= _MIN_STEM and party.split()[0].startswith(key))
        ]
        if len(owners) == 1:
            pairs.append((owners[0], key))
    return pairs

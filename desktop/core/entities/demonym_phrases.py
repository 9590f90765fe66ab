"""English names of groups of people by origin, region or faith that the model lists as actors.

The gazetteer's nationality words (:mod:`desktop.core.entities.word_actors`) are single countries'
words ("Chilean", "North Koreans"). Read on the actor lists of 219 unannotated English Wikinews
articles of 2019-2020 (none of them in the gold set), the model also lists as actors:

- a region's or continent's word after a qualifier: "Native American", "North American", "Latin
  American", "Central European", "Middle Eastern", "South American";
- an inhabitant word in "-er" of a known place: "Londoner", "Hong Kongers", "Yekaterinburgers";
- a faith's or a movement's adjective: "Catholic", "Roman Catholic", "Greek Orthodox", "Neo-Nazi",
  "Soviet", "Allied", also after a nationality word ("Polish Roman Catholic");
- such a word followed by lower-case words only: "Turkish national", "Indian capital",
  "Roman Catholic cathedral" (a description, not a name); not a sea's, a river's or a
  peninsula's kind ("the Korean peninsula" is a place).

None of them names an actor (the gold set lists none of them; where they occur they are optional).
An organisation of one singular "-er" word stays ("New Yorker", a magazine); a known place and a
one-word given name stay; a region's adjective typed a place right before "region" or "continent"
stays (UNER EWT dev tags "the North American region" a place). The organisation list is not asked:
it holds "Catholic" and "Greek Orthodox" as names.

Measured (with the singular English inhabitant words typed a place, "Puerto Rican", in
:func:`~desktop.core.entities.word_actors.word_non_actors`): on those 219 articles 32 actors
fewer, 31 of them right (no actor), one wrong ("Northern Arapaho" of "the Northern Arapaho tribal
office": the tribe); the English dev articles of tests/data/actors/dev unchanged (false actors 4,
wrong types 7, organisation recall 0.955, person precision 0.988); span F1 on UNER English EWT
dev 0.738 (unchanged), CrossNER politics dev 0.819 -> 0.820.
"""

from __future__ import annotations

from desktop.core.entities.consistency import GEOGRAPHIC_HEADS
from desktop.core.entities.gazetteer import Gazetteer

# Words that qualify a region's or a people's word ("North American", "Native American").
QUALIFIERS = frozenset(
    {
        "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
        "middle", "latin", "native", "sub-saharan", "anglo", "pan", "far", "near", "northeast",
        "northwest", "southeast", "southwest", "mainland", "indigenous", "aboriginal", "pacific",
        "atlantic", "caribbean", "mediterranean", "baltic",
    }
)  # fmt: skip

# Regions' and peoples' words that a qualifier turns into a group's name ("Middle Eastern").
REGION_WORDS = frozenset(
    {
        "american", "americans", "european", "europeans", "african", "africans", "asian", "asians",
        "eastern", "western", "islander", "islanders", "arab", "arabs", "oceanian", "scandinavian",
        "scandinavians", "slavic", "nordic", "hispanic", "hispanics", "latino", "latina", "latinos",
        "indian", "indians",
    }
)  # fmt: skip

# Adjectives of faiths, movements and historical states: never an actor on their own.
FAITH_WORDS = frozenset(
    {
        "catholic", "catholics", "orthodox", "protestant", "evangelical", "evangelicals",
        "anglican", "lutheran", "methodist", "presbyterian", "pentecostal", "mormon", "christian",
        "muslim", "islamic", "islamist", "jewish", "judaic", "hindu", "buddhist", "sikh", "shia",
        "shiite", "sunni", "salafist", "jihadist", "zionist", "nazi", "neo-nazi", "neo-nazis",
        "fascist", "marxist", "leninist", "maoist", "soviet", "allied",
        "confederate", "roman", "coptic", "maronite", "wahhabi", "secular", "atheist", "martian",
        "christianity", "islam", "judaism", "hinduism", "buddhism", "catholicism", "protestantism",
    }
)  # fmt: skip

_REGION_NOUNS = frozenset({"region", "regions", "continent", "subcontinent"})
_INHABITANT_ENDINGS = ("ers", "er")
_MIN_PLACE = 4


def _inhabitant(word_run: str, gazetteer: Gazetteer) -> bool:
    """ "Londoner", "Hong Kongers", "Pacific Islander": a known place's name with "-er(s)"."""
    for ending in _INHABITANT_ENDINGS:
        if not word_run.endswith(ending):
            continue
        stem = word_run[: -len(ending)]
        if len(stem) < _MIN_PLACE:
            continue
        if any(
            gazetteer.place(s) is not None
            for s in (stem, stem + "s", stem[:-1] if stem.endswith("g") else "")
        ):
            return True
    return False


def before_region_noun(after: str) -> bool:
    """Whether the text after a span starts with "region" or "continent" ("the North American
    region": the adjective names the region, a place in UNER EWT)."""
    following = after.split(maxsplit=1)
    return bool(following) and following[0].strip(".,;:") in _REGION_NOUNS


def _far_eastern(lowers: list[str]) -> bool:
    """ "Middle Eastern", "Far Eastern": a region's adjective made of two qualifiers."""
    return len(lowers) == 2 and lowers[0] in ("middle", "far", "near") and lowers[1] in ("eastern", "western")


def _group_word(word: str, gazetteer: Gazetteer) -> bool:
    """A nationality, a region's people's word, or a faith's adjective."""
    lower = word.lower()
    return gazetteer.is_demonym(word, "en") or lower in FAITH_WORDS or lower in REGION_WORDS


def group_phrase(name: str, span_type: str, gazetteer: Gazetteer, after: str = "") -> bool:
    """Whether an English span names a group of people by origin, region or faith (no actor).

    ``after``: the text right after the span. A region's adjective typed a place before "region"
    or "continent" names the region ("across the North American region": a place in UNER EWT).

    >>> # "Native American", "Middle Eastern", "Hong Kongers", "Polish Roman Catholic",
    >>> # "Turkish national" are; "Native American Rights Fund", "New Yorker" (an outlet) are not.
    """
    words = name.split()
    if not words or len(words) > 4 or not words[0][:1].isupper() or gazetteer.place(name) is not None:
        return False
    size = next((i for i, w in enumerate(words) if not w[:1].isupper()), len(words))
    capitalised, tail = words[:size], words[size:]
    if any(not w.isalpha() or not w.islower() for w in tail):
        return False  # a capitalised word after a lower-case one: a name ("Bank of England")
    if any(w.capitalize() in GEOGRAPHIC_HEADS for w in tail):
        return False  # "the Korean peninsula": a place
    if _inhabitant(" ".join(capitalised), gazetteer):
        singular_outlet = span_type == "organization" and not capitalised[-1].endswith("s")
        return not tail and not singular_outlet and gazetteer.given_names.get(capitalised[-1], 0) == 0
    lowers = [w.lower() for w in capitalised]
    if all(w in QUALIFIERS for w in lowers) and not _far_eastern(lowers):
        return False  # "North", "Central", "Eastern Mediterranean": a place's name or a part of one
    if not all(w.lower() in QUALIFIERS or _group_word(w, gazetteer) for w in capitalised):
        return False
    if span_type == "location" and not tail and before_region_noun(after):
        return False
    if len(words) == 1 and gazetteer.given_names.get(name, 0) > 0:
        return False  # "Christian": a given name too
    # a region's word alone ("Eastern", "Western") needs a qualifier or another group word before it
    return not (
        len(capitalised) == 1 and lowers[0] in REGION_WORDS and not gazetteer.is_demonym(capitalised[0], "en")
    )

"""Roles of people from titles and appositions around a mention.

German: "dem französischen Präsidenten Emmanuel Macron" -> "französischer Präsident",
"US-Präsident Donald Trump" -> "US-Präsident", "X, der Generalsekretär der NATO, ..." ->
"Generalsekretär der NATO". English: "French President Emmanuel Macron" -> "French
President", "X, the secretary general of NATO, ..." -> "secretary general of NATO".
"""

from __future__ import annotations

import re
from functools import lru_cache

from desktop.core.entities.role_words import (
    ENGLISH_ROLES_LONGEST_FIRST,
    ENGLISH_TITLE_WORDS,
    GERMAN_ROLES_LONGEST_FIRST,
    HONORIFICS,
    TITLE_MODIFIERS,
)

_WORD = re.compile(r"[^\W\d_][\w.\-’']*", re.UNICODE)
_BOUNDARY = re.compile(r"[.!?;:()\[\]\"„“”«»]|,|\n")
_GERMAN_INFLECTIONS = ("", "en", "n", "s", "es", "nen", "innen")
_GERMAN_ROLE_SUFFIXES = tuple(
    role + ending for role in GERMAN_ROLES_LONGEST_FIRST for ending in _GERMAN_INFLECTIONS
)
# Closed-class German words that end like adjectives but never qualify a title.
_GERMAN_FUNCTION_WORDS = frozenset(
    [
        "nachdem",
        "indem",
        "seitdem",
        "trotzdem",
        "außerdem",
        "zudem",
        "dem",
        "den",
        "der",
        "des",
        "die",
        "das",
        "diese",
        "dieser",
        "dieses",
        "diesem",
        "diesen",
        "jene",
        "jener",
        "jenes",
        "jenem",
        "jenen",
        "welche",
        "welcher",
        "welches",
        "welchem",
        "welchen",
        "eine",
        "einer",
        "eines",
        "einem",
        "einen",
        "keine",
        "keiner",
        "keines",
        "keinem",
        "keinen",
        "meine",
        "meiner",
        "meines",
        "meinem",
        "meinen",
        "deine",
        "deiner",
        "deines",
        "deinem",
        "deinen",
        "seine",
        "seiner",
        "seines",
        "seinem",
        "seinen",
        "ihre",
        "ihrer",
        "ihres",
        "ihrem",
        "ihren",
        "unsere",
        "unserer",
        "unseres",
        "unserem",
        "unseren",
        "eure",
        "eurer",
        "eures",
        "eurem",
        "euren",
        "alle",
        "aller",
        "alles",
        "allem",
        "allen",
        "jede",
        "jeder",
        "jedes",
        "jedem",
        "jeden",
        "manche",
        "mancher",
        "wenn",
        "aber",
        "oder",
        "sondern",
        "sowie",
        "gegen",
        "unter",
        "über",
        "hinter",
        "neben",
        "zwischen",
        "ohne",
        "ebenfalls",
        "damals",
        "später",
    ]
)
_GERMAN_ADJ_ENDINGS = ("en", "em", "er", "es", "e")
_APPOSITION_DE = re.compile(r"\s*,\s*(?:der|die)\s+([^,;:.!?()\n]{3,90}?)\s*(?:,|\))")
_APPOSITION_EN = re.compile(r"\s*,\s*(?:the|a|an)\s+([^,;:.!?()\n]{3,90}?)\s*(?:,|\))")
_APPOSITION_EN_POSS = re.compile(r"\s*,\s*([A-Z][\w.]*[’']s\s+[^,;:.!?()\n]{3,60}?)\s*(?:,|\))")


@lru_cache(maxsize=8192)
def german_role_base(word: str) -> str | None:
    """Return the nominative form of a German role noun (also inside compounds), else None."""
    low = word.lower()
    if not low.endswith(_GERMAN_ROLE_SUFFIXES):
        return None  # most words: one C-level test instead of the loop
    for role in GERMAN_ROLES_LONGEST_FIRST:
        for ending in _GERMAN_INFLECTIONS:
            if low.endswith(role + ending):
                return word[: len(word) - len(ending)]
    return None


def _previous_words(text: str, start: int, limit: int = 120) -> list[str]:
    """Words between the last clause boundary before ``start`` and ``start``."""
    window = text[max(0, start - limit) : start]
    cut = 0
    for match in _BOUNDARY.finditer(window):
        if match.group(0) == "." and _abbreviation_dot(window, match.start()):
            continue  # "U.S. President", "Lt. Gen.": the dot ends no clause
        cut = match.end()
    return _WORD.findall(window[cut:])


def _abbreviation_dot(window: str, dot: int) -> bool:
    """True when the dot at ``dot`` ends an abbreviation ("U.S.", "Gen.", "Dr.")."""
    left = window[: dot + 1].split()
    right = window[dot + 1 :].split(maxsplit=1)
    token = (left[-1] if left else "") + (
        right[0] if right and not window[dot + 1 : dot + 2].isspace() else ""
    )
    bare = token.strip("(\"'„“,;:")
    letters = [c for c in bare if c.isalpha()]
    capitals = len(letters) >= 2 and all(c.isupper() for c in letters) and "." in bare[:-1]
    return capitals or bare.lower() in ENGLISH_TITLE_WORDS or bare.lower() in HONORIFICS


def _german_adjective_nominative(word: str, feminine: bool) -> str:
    for ending in _GERMAN_ADJ_ENDINGS:
        if word.endswith(ending) and len(word) > len(ending) + 2:
            return word[: -len(ending)] + ("e" if feminine else "er")
    return word


# words after which a lower-case word before a role noun declines as its adjective ("der ehemalige",
# "ihrem polnischen", "für früheren", "als designierter"); without one it is a verb ("sagte ÖVP-Chef",
# "hatte Staatschef"). Not "das": no role noun is neuter, but "Das sagte Kanzler ..." is common.
_GERMAN_DETERMINER = re.compile(
    r"(?:d(?:er|ie|en|em|es)|ein(?:e[mnrs]?)?|kein(?:e[mnrs]?)?|vom|zum|zur|beim|im|am|ins|"
    r"(?:mein|dein|sein|ihr|unser|euer|eur)(?:e[mnrs]?)?|(?:dies|jen|jed|welch|solch)(?:e[mnrs]?)|"
    r"für|mit|von|zu|bei|nach|aus|gegen|ohne|seit|laut|samt|unter|über|durch|um|an|auf|in|als)"
)


# endings no finite verb has: present participles, -ig, -isch, -lich, strong participles, comparatives
_ONLY_ADJECTIVE = re.compile(r"(?:nd|ig|isch|lich|en|er)e[mnrs]?$")


def _declines_adjectives(word: str) -> bool:
    """True when ``word`` may stand before an adjective and its noun: a determiner, a possessive, or
    a name in the genitive ("Österreichs neuer Kanzler")."""
    return _GERMAN_DETERMINER.fullmatch(word.lower()) is not None or (
        word[:1].isupper() and word.endswith("s") and len(word) > 2
    )


_UMLAUTS = str.maketrans("äöüÄÖÜ", "aouAOU")


def _masculine_stems(stem: str) -> tuple[str, ...]:
    """A feminine role's stem and its masculine ("Anwält" -> "Anwalt", "Ärzt" -> "Arzt")."""
    plain = stem.translate(_UMLAUTS)
    return (stem,) if plain == stem else (stem, plain)


def _german_title_before(text: str, start: int) -> str | None:
    words = _previous_words(text, start)
    if not words:
        return None
    noun = words[-1]
    if not noun[:1].isupper():
        return None
    base = german_role_base(noun)
    if base is None:
        return None
    feminine = base.lower().endswith("in") and any(
        german_role_base(stem) is not None for stem in _masculine_stems(base[:-2] or "x")
    )
    run: list[str] = []  # the lower-case words before the noun that decline like adjectives, nearest first
    for word in reversed(words[:-1][-3:]):
        if (
            word[:1].islower()
            and word.endswith(_GERMAN_ADJ_ENDINGS)
            and len(word) > 4
            and word.isalpha()
            and word not in _GERMAN_FUNCTION_WORDS
        ):
            run.append(word)
        else:
            break
    # "sagte ÖVP-Chef", "hatte Staatschef": a verb, not "sagter ÖVP-Chef". The run's words nearest the
    # noun are kept when a determiner stands before them or each is shaped as only an adjective is
    # ("zuständige", "australische", "amtierende"; not "-te"/"-en": "sagte", "forderten").
    kept = len(run)
    while (
        kept
        and not (_declines_adjectives(words[-2 - kept]) if len(words) > kept + 1 else False)
        and not all(_ONLY_ADJECTIVE.search(w) for w in run[:kept])
    ):
        kept -= 1
    adjectives = [_german_adjective_nominative(w, feminine) for w in run[:kept]]
    return " ".join([*reversed(adjectives), base])


def _german_apposition(text: str, end: int) -> str | None:
    match = _APPOSITION_DE.match(text, end)
    if not match:
        return None
    phrase = match.group(1).strip()
    first = phrase.split()[0]
    if german_role_base(first) is None:
        return None
    words = phrase.split()
    words[0] = german_role_base(first) or first
    return " ".join(words)


_NATIONALITY_ENDINGS = ("an", "ish", "ese", "ian", "ch", "i", "ic")
_ROLE_WORDS_EN = frozenset(w for role in ENGLISH_ROLES_LONGEST_FIRST for w in role.split())


def _is_qualifier(word: str) -> bool:
    """A word that may qualify an English title: "French", "US", "NATO", "Ukrainian"."""
    if len(word) >= 2 and word.replace(".", "").isupper():
        return True
    return word[:1].isupper() and word.endswith(_NATIONALITY_ENDINGS) and len(word) > 3


def _english_role_token(word: str) -> bool:
    """A word that names an office or rank ("Senator", "Gen."), not only qualifies one ("Deputy")."""
    low = word.lower().rstrip(".")
    return (low in ENGLISH_TITLE_WORDS or low + "." in ENGLISH_TITLE_WORDS) and low not in TITLE_MODIFIERS


def _english_title_word(word: str) -> bool:
    low = word.lower()
    return low in ENGLISH_TITLE_WORDS or low.rstrip(".") in ENGLISH_TITLE_WORDS or low in _ROLE_WORDS_EN


def _english_title_before(text: str, start: int) -> str | None:
    """ "French President", "Interior Minister", "Lt. Gen.", "United States Senator from Vermont"."""
    words = _previous_words(text, start)
    end = len(words)
    tail: list[str] = []
    for size in (1, 2, 3):  # "... Senator from Vermont <name>", "Mayor of New Orleans <name>"
        k = end - size - 1
        if (
            k >= 1
            and words[k].lower() in ("of", "from", "for")
            and all(w[:1].isupper() for w in words[k + 1 :])
            and _english_title_word(words[k - 1])
        ):
            tail, end = words[k:], k
            break
    first = end
    while first > 0 and words[first - 1][:1].isupper() and _english_title_word(words[first - 1]):
        first -= 1
    run = words[first:end]
    if not run or not any(_english_role_token(w) or w.lower() in _ROLE_WORDS_EN for w in run):
        return None
    lead: list[str] = []
    for word in reversed(words[:first][-2:]):
        if _is_qualifier(word):
            lead.append(word)
        else:
            break
    before = words[:first]
    if (
        not lead
        and len(before) >= 2
        and before[-2] == "United"
        and before[-1] in ("States", "Kingdom", "Nations")
    ):
        lead = [before[-1], before[-2]]  # "United States Senator"
    return " ".join([*reversed(lead), *run, *tail])


def _english_apposition(text: str, end: int) -> str | None:
    for pattern in (_APPOSITION_EN, _APPOSITION_EN_POSS):
        match = pattern.match(text, end)
        if not match:
            continue
        phrase = match.group(1).strip()
        low = " " + phrase.lower() + " "
        if any(f" {role} " in low for role in ENGLISH_ROLES_LONGEST_FIRST):
            return phrase
    return None


def find_roles(text: str, start: int, end: int, language: str) -> list[str]:
    """Roles stated for the person mentioned at ``text[start:end]``."""
    found: list[str] = []
    if language == "de":
        candidates = (_german_title_before(text, start), _german_apposition(text, end))
    elif language == "en":
        candidates = (_english_title_before(text, start), _english_apposition(text, end))
    else:
        candidates = ()
    for role in candidates:
        if role and role not in found:
            found.append(role)
    return found


def is_role_compound(name: str, language: str) -> bool:
    """True for names like "US-Präsident" that are a role, not an actor."""
    if language == "de" and "-" in name and " " not in name:
        tail = name.rsplit("-", 1)[1]
        return bool(tail) and tail[:1].isupper() and german_role_base(tail) is not None
    return False


def without_own_name(role: str, own_words: set[str]) -> str:
    """A role without the person's own name restated at its end: "Frau Baerbock, die
    Außenministerin Annalena Baerbock" has the role "Außenministerin"."""
    words = role.split()
    while words and words[-1] in own_words:
        words.pop()
    return " ".join(words)

"""Name normalisation for actor linking: determiners, possessives, German inflection.

Everything here is grammar, not knowledge of particular names: articles and
prepositions to strip, genitive and adjective endings to undo, and a key under
which inflected variants of one name meet ("Europäischen Rates" and
"Europäischer Rat" share the key ``europaisch rat``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from desktop.core.textfold import fold

# Words that may precede a name inside a recognised span but are never part of it.
LEADING_WORDS = frozenset(
    {
        "der", "die", "das", "des", "dem", "den", "ein", "eine", "einer", "eines", "einem", "einen",
        "im", "am", "vom", "zum", "zur", "beim", "ins", "ans", "the", "a", "an",
    }
)  # fmt: skip
GENITIVE_DETERMINERS = frozenset({"des", "eines"})
DATIVE_DETERMINERS = frozenset({"dem", "einem", "im", "am", "vom", "zum", "beim"})
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"  # zero-width characters and soft hyphens
_TRAILING_PUNCT = " \t\n,;:\"'“”„‚‘’«»()[]{}–—-/" + _INVISIBLE  # keep "." of "Chr." and "!" of "Yahoo!"
_LEADING_PUNCT = " \t\n.,;:!?\"'“”„‚‘’«»()[]{}–—-/" + _INVISIBLE
_POSSESSIVE_EN = re.compile(r"(?:'s|’s|'|’)$")
_TOKEN = re.compile(r"\S+")

# German adjective endings, longest first; nominative singular is chosen by gender.
_ADJ_ENDINGS = ("en", "em", "er", "es", "e")
_ISCH = re.compile(r"isch(?:e|en|er|es|em)$")
# Noun suffixes that fix grammatical gender (standard German morphology).
_FEMININE_SUFFIXES = (
    "ung",
    "heit",
    "keit",
    "schaft",
    "ion",
    "tät",
    "ität",
    "ei",
    "ie",
    "ik",
    "ur",
    "enz",
    "anz",
    "union",
    "kommission",
    "partei",
    "bank",
    "agentur",
    "organisation",
    "regierung",
    "behörde",
)
_NEUTER_SUFFIXES = (
    "ment", "um", "tum", "chen", "lein", "amt", "ministerium", "gericht", "institut", "werk", "blatt",
    # heads of names that are neuter compounds ("im Vereinigten Königreich", "im Weißen Haus")
    "reich", "land", "haus", "theater", "kabinett", "komitee", "militär", "regime", "system", "spital",
    "hotel", "kino", "stadion", "bündnis", "büro", "orchester", "festival", "meer",
)  # fmt: skip
# Endings that mark a noun for sure (no attributive adjective ends so), for finding a name's head.
_NOUN_ENDINGS = (
    "ung", "heit", "keit", "schaft", "tät", "amt", "ministerium", "gericht", "gerichtshof", "institut",
    "rat", "tag", "hof", "verband", "bund", "dienst", "fonds", "ausschuss", "senat", "kommission",
    "behörde", "agentur", "partei", "regierung", "verwaltung", "direktion", "präsidium", "büro",
    # nouns in -en, no adjectives ("im Wiener Tiergarten Schönbrunn" stays "Tiergarten")
    "garten", "hafen", "boden", "graben", "wagen", "laden", "unternehmen", "verfahren",
)  # fmt: skip
# Nouns whose final "s" is no genitive ending ("Fonds").
_UNINFLECTED_ENDINGS = ("fonds",)


def clean_surface(text: str) -> tuple[str, int]:
    """Strip punctuation and leading determiners; return (name, offset of name in text)."""
    start = 0
    end = len(text)
    while end > start and text[end - 1] in _TRAILING_PUNCT:
        end -= 1
    while True:
        while start < end and text[start] in _LEADING_PUNCT:
            start += 1
        match = _TOKEN.match(text, start)
        word = match.group(0) if match else ""
        if match and match.end() < end and "]" in word and "[" not in word:
            start = match.end()  # "[T]he House": an editor's bracket closing in the first word
            continue
        # Only a lower-case article is grammar; "Den Haag" and "The Times" keep theirs.
        if not match or match.end() >= end or word not in LEADING_WORDS:
            break
        start = match.end()
    return text[start:end], start


def strip_english_possessive(name: str) -> str:
    """``Putin's`` -> ``Putin``; ``Reuters'`` stays as it is only when nothing is left."""
    stripped = _POSSESSIVE_EN.sub("", name)
    return stripped if stripped else name


def tokens(name: str) -> list[str]:
    """Whitespace tokens of a name."""
    return name.split()


def is_capitalised(word: str) -> bool:
    """True when the word starts with an upper-case letter (after opening punctuation)."""
    for char in word:
        if char.isalpha():
            return char.isupper()
    return False


def strip_inflection(token: str) -> str:
    """Crude German/English stem for matching only: drop one inflectional ending."""
    for ending in ("en", "er", "es", "em", "e", "s"):
        if token.endswith(ending) and len(token) - len(ending) >= 3:
            return token[: -len(ending)]
    return token


def match_key(name: str) -> str:
    """Key under which inflected and diacritic variants of a name meet."""
    words = [fold(w).strip(".,'’") for w in tokens(name)]
    return " ".join(strip_inflection(w) for w in words if w)


def exact_key(name: str) -> str:
    """Case- and diacritic-insensitive key of the exact name."""
    return " ".join(fold(w) for w in tokens(name))


def noun_gender(noun: str, genders: Mapping[str, str] | None = None) -> str:
    """Guess the grammatical gender of a German noun: m, f or n. ``genders`` (nouns with their
    gender) is asked first for the noun itself, then the suffix rules, then ``genders`` for the
    longest noun that ends it after three letters ("Walsertal": "Tal"); masculine when nothing
    tells."""
    return known_gender(noun, genders) or "m"


def known_gender(noun: str, genders: Mapping[str, str] | None = None) -> str | None:
    """:func:`noun_gender`, or ``None`` when neither the list nor a suffix tells ("Group")."""
    if genders and (known := genders.get(noun)):
        return known
    low = noun.lower().rstrip("s") if noun.lower().endswith(("ts", "es", "ns", "rs")) else noun.lower()
    for suffix in _NEUTER_SUFFIXES:
        if low.endswith(suffix):
            return "n"
    for suffix in _FEMININE_SUFFIXES:
        if low.endswith(suffix):
            return "f"
    for i in range(3, len(noun) - 2) if genders else ():
        if known := genders.get(noun[i].upper() + noun[i + 1 :]):  # type: ignore[union-attr]
            return known
    return None


def _nominative_noun(noun: str, determiner: str) -> str:
    """Undo the genitive ending of a masculine/neuter noun after ``des``."""
    if determiner in GENITIVE_DETERMINERS and not noun.lower().endswith(_UNINFLECTED_ENDINGS):
        if noun.endswith("es") and len(noun) >= 5 and noun[-3] in "tdgkhsßfzx":
            return noun[:-2]
        if noun.endswith("res") and len(noun) >= 6 and noun[-4] in "aeoh":
            return noun[:-2]  # "Heeres", "Jahres", "Meeres"
        if noun.endswith("s") and not noun.endswith(("ss", "us", "is", "os")):
            return noun[:-1]
    return noun


def _is_noun(word: str) -> bool:
    """True for a capitalised word whose (genitive-stripped) form ends like a noun ("Bundesamtes",
    "Innenministeriums"): such a word is the head of the name, not an adjective before it."""
    if not is_capitalised(word) or "-" in word:
        return False
    low = word.lower()
    forms = (
        (low, low[:-1], low[:-2]) if low.endswith("es") else (low, low[:-1]) if low.endswith("s") else (low,)
    )
    return any(f.endswith(_NOUN_ENDINGS) for f in forms if len(f) >= 3)


def _nominative_adjective(adjective: str, gender: str) -> str:
    """Turn an inflected attributive adjective into its strong nominative singular form."""
    for ending in _ADJ_ENDINGS:
        if adjective.endswith(ending) and len(adjective) > len(ending) + 2:
            stem = adjective[: -len(ending)]
            return stem + {"m": "er", "f": "e", "n": "es", "p": "e"}[gender]
    return adjective


def _plural(noun: str, nouns: frozenset[str]) -> bool:
    """A plural in -n or -en of a listed noun ("Staaten", "Nationen", "Inseln")."""
    return noun.endswith("n") and (noun[:-1] in nouns or (noun.endswith("en") and noun[:-2] in nouns))


def german_nominative(
    name: str,
    determiner: str | None,
    nouns: frozenset[str] = frozenset(),
    genders: Mapping[str, str] | None = None,
    adjectives: frozenset[str] | None = None,
) -> str:
    """Best guess at the nominative of a German multi-word name seen after ``determiner``.

    ``("Europäischen Rates", "des")`` -> ``"Europäischer Rat"``. Names not preceded by an
    inflecting determiner are returned unchanged. After "der" or "den" a head that is the plural
    of one of ``nouns`` takes the plural's adjectives ("den Vereinigten Staaten" -> "Vereinigte
    Staaten"); ``genders`` gives the head's gender (see :func:`noun_gender`); given
    ``adjectives`` (lower-case forms), only those and words in -isch are declined ("Kronen Zeitung"
    stays).
    """
    det = (determiner or "").lower()
    if det not in GENITIVE_DETERMINERS | DATIVE_DETERMINERS | {"der", "den", "die", "das"}:
        return name
    words = tokens(name)
    if len(words) < 2:
        return _nominative_noun(name, det) if det in GENITIVE_DETERMINERS else name
    # The head is the first word that is surely a noun ("Bundesamtes für Migration",
    # "Landeskriminalamtes Niederösterreich"), else the last; what follows it stays as it is.
    at = next((i for i, word in enumerate(words[:-1]) if _is_noun(word)), len(words) - 1)
    # the head comes before the first lower-case word ("Zentralkomitee der KP", "Institute of
    # Science and Technology")
    at = min(at, next((i - 1 for i, word in enumerate(words) if i and not is_capitalised(word)), at))
    head = words[at]
    if not is_capitalised(head):
        return name
    head_nom = _nominative_noun(head, det)
    plural = det in ("der", "den", "die") and _plural(head_nom, nouns)
    gender = "p" if plural else noun_gender(head_nom, genders)
    # after "der" (a masculine head) or "das" the adjective is weak, in a bare -e ("der Europäische
    # Rat", "das Weiße Haus"): only the listed adjectives turn strong ("Europäischer Rat")
    told = known_gender(head_nom, genders) is not None  # "der Erste Group": an English head tells nothing
    bare = told and ((det == "der" and gender == "m") or (det == "das" and gender == "n"))
    if (det == "die" and not plural) or (det == "das" and not bare) or (bare and adjectives is None):
        return name  # "die Europäische Union" is already the name
    if det == "der" and gender not in ("f", "p") and not bare:
        return name  # "der" before a masculine noun: nominative, or the gender is unknown
    endings = ("e",) if bare else _ADJ_ENDINGS[:-1]
    out: list[str] = []
    for i, word in enumerate(words[:at]):
        # after the other determiners an adjective ends in -en, -em or -es, never in a bare -e (an
        # English name's word: "vom Space Telescope Science Institute"); one in -er is a place's
        # and never declines ("am Frankfurter Landgericht", "des Wiener Gemeinderats")
        # nor does a word after a capitalised word that is no adjective ("Los Angeles ...")
        after_noun = i > 0 and not words[i - 1].endswith(_ADJ_ENDINGS)
        is_adjective = (
            is_capitalised(word)
            and word.endswith(endings)
            and not (bare and word.endswith(_ADJ_ENDINGS[:-1]))
            and "-" not in word
            and not word.endswith("er")
            and not after_noun
            and (adjectives is None or word.lower() in adjectives or _ISCH.search(word) is not None)
        )
        out.append(_nominative_adjective(word, gender) if is_adjective else word)
    out.append(head_nom)
    out.extend(words[at + 1 :])
    return " ".join(out)


def strip_german_genitive(name: str) -> str:
    """``Putins`` -> ``Putin`` for a single proper name (caller checks the stem exists)."""
    if name.endswith("s") and len(name) > 3 and not name.endswith(("ss", "ß")):
        return name[:-1]
    return name


KEY_CACHE_NAMES = 50_000  # names whose match keys a process remembers
_keys: dict[str, str] = {}


def remembered_match_key(name: str) -> str:
    """:func:`match_key`, remembered (an import asks for the same names many times)."""
    key = _keys.get(name)
    if key is None:
        if len(_keys) >= KEY_CACHE_NAMES:
            _keys.clear()
        key = _keys[name] = match_key(name)
    return key

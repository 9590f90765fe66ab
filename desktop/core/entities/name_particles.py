"""Which short name of one article belongs to which full name: particles and double surnames.

Match keys (:func:`desktop.core.entities.names.match_key`) of people are compared word by word.
Two shapes of names hide the word a text uses alone:

- an Arabic article particle glued to the surname: "Omar al-Bashir" is "Bashir" later on, and
  "Muammar al-Gaddafi" and "Muammar Gaddafi" are one person;
- a double surname (Spanish, Portuguese): "Ricardo Rosselló Nevares" is "Rosselló" later on, the
  first of the two surnames, which is an inner word of the full name.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable

PARTICLES = ("al-", "el-", "as-", "ad-", "ar-", "an-", "at-", "az-", "ash-")
_MIN_INNER = 3  # an inner word shorter than this is an initial or a particle ("f.", "de")


def without_particles(key: str) -> str:
    """A match key without Arabic article particles ("omar al-bashir" -> "omar bashir")."""
    words = []
    for word in key.split():
        for particle in PARTICLES:
            if word.startswith(particle) and len(word) > len(particle) + 1:
                word = word[len(particle) :]
                break
        if word not in ("al", "el"):
            words.append(word)
    return " ".join(words)


def last_name_keys(parts: list[str]) -> list[str]:
    """The words a person's last name may stand alone as: itself and without its particle."""
    last = parts[-1]
    bare = without_particles(last)
    return [last, bare] if bare and bare != last else [last]


def inner_surnames(keys: Iterable[str], given_name: Callable[[str], bool]) -> dict[str, list[str]]:
    """Inner words of people's keys of three or more words -> those keys ("rossello" ->
    ["ricardo rossello nevares"]); initials, particles and given names ("Hans Peter Doskozil") are
    left out."""
    found: dict[str, list[str]] = defaultdict(list)
    for key in keys:
        parts = key.split()
        for word in parts[1:-1] if len(parts) >= 3 else ():
            if len(word) >= _MIN_INNER and word.isalpha() and not given_name(word):
                found[word].append(key)
    return found


def particle_variants(keys: Iterable[str], is_person: Callable[[str], bool]) -> list[tuple[str, str]]:
    """Pairs (keep, drop) of people's keys that differ only by particles, the longer key kept:
    "Muammar al-Gaddafi" and "Muammar Gaddafi" are one person."""
    seen: dict[str, str] = {}
    pairs: list[tuple[str, str]] = []
    dropped: set[str] = set()
    for key in keys:
        if not is_person(key) or len(key.split()) < 2:
            continue
        bare = without_particles(key)
        other = seen.get(bare)
        if other is not None and other not in dropped:
            keep, drop = (other, key) if len(other) >= len(key) else (key, other)
            pairs.append((keep, drop))
            dropped.add(drop)
            seen[bare] = keep
        else:
            seen[bare] = key
    return pairs


_QUOTES = "\"'“”„‘’«»"


def _is_nickname(part: str) -> bool:
    return len(part) > 2 and part[0] in _QUOTES and part[-1] in _QUOTES and bool(part.strip(_QUOTES))


def nickname_variants(parts: list[str], key: Callable[[str], str]) -> list[list[str]]:
    """A name's words, and with a nickname in quotes also the name without it and the nickname with
    what follows it: 'Matiu "Matt" Ratana' is also "Matiu Ratana" and "Matt Ratana" (``key`` gives
    the nickname the key it has written without quotes)."""
    for i, part in enumerate(parts):
        if _is_nickname(part):
            return [parts, parts[:i] + parts[i + 1 :], [key(part.strip(_QUOTES)), *parts[i + 1 :]]]
    return [parts]


def without_nickname(name: str) -> str:
    """``name`` without a nickname in quotes between its parts (the name otherwise unchanged)."""
    parts = name.split()
    kept = [p for p in parts[1:-1] if not _is_nickname(p)]
    return " ".join([parts[0], *kept, parts[-1]]) if len(parts) > 2 else name


ARTICLES = frozenset({"der", "die", "das", "den", "dem", "des", "the"})


def article_variants(keys: Iterable[str], is_organization: Callable[[str], bool]) -> list[tuple[str, str]]:
    """Pairs (keep, drop) of keys that differ only by a leading article, one of them an organisation:
    "Die Grünen" opening a sentence and "die Grünen" later on (whose article is no part of the name
    there), "The Guardian" in a headline and "the Guardian" in the text. The key with the article is
    kept (the actor's name is chosen among all its forms: see ``linking``)."""
    known = set(keys)
    pairs: list[tuple[str, str]] = []
    for key in sorted(known):
        first, _, rest = key.partition(" ")
        if first in ARTICLES and rest in known and (is_organization(key) or is_organization(rest)):
            pairs.append((key, rest))
    return pairs

"""Whether one person's name of an article is another writing of a longer one.

Names are compared as match-key words (:func:`desktop.core.entities.names.match_key`). A shorter
name of two or more words is the same person's as a longer one when it is

- the same words hyphenated otherwise: "Hans Peter Doskozil" and "Hans-Peter Doskozil",
  "Kim Jong Un" and "Kim Jong-un";
- a run of the longer name's words: "Bernie Sanders" in "Senator Bernie Sanders";
- the first and last name without the middle names or initials: "Donald Trump" and
  "Donald J. Trump", "Angela Merkel" and "Angela Dorothea Merkel";
- the given names as initials before the last name: "HC Strache", "J. Smith" beside
  "Heinz-Christian Strache", "John Smith".

Two people of one article may share names this way ("John Smith" and "John Paul Smith"): the
caller joins a shorter name only to the one longer name it fits.
"""

from __future__ import annotations

from desktop.core.entities.names import strip_inflection

_VOWELS = frozenset("aeiouy")


def split_hyphens(words: list[str]) -> list[str]:
    """Match-key words with hyphenated ones split, each part keyed as a word of its own:
    ["hans-pet", "doskozil"] -> ["han", "pet", "doskozil"] (as "Hans Peter Doskozil")."""
    split: list[str] = []
    for word in words:
        parts = [part for part in word.split("-") if part]
        split.extend(strip_inflection(part) for part in parts[:-1])
        split.extend(parts[-1:])
    return split


def contains(longer: list[str], shorter: list[str]) -> bool:
    """Whether ``shorter`` is a run of words of the longer ``longer``."""
    n = len(shorter)
    return len(longer) > n and any(longer[i : i + n] == shorter for i in range(len(longer) - n + 1))


def _is_initials(word: str) -> bool:
    """ "j", "hc": one letter, or two or three letters without a vowel (no given name)."""
    return word.isalpha() and (len(word) == 1 or (len(word) <= 3 and not _VOWELS & set(word)))


def _subsequence(short: list[str], long: list[str]) -> bool:
    rest = iter(long)
    return all(word in rest for word in short)


def same_hyphenation(longer: list[str], shorter: list[str]) -> bool:
    """Whether two different keys' words are the same words hyphenated otherwise."""
    return longer != shorter and split_hyphens(longer) == split_hyphens(shorter)


def name_within(longer: list[str], shorter: list[str]) -> bool:
    """Whether the person's name ``shorter`` is a writing of ``longer`` (see the module's text)."""
    short, long = split_hyphens(shorter), split_hyphens(longer)
    if contains(longer, shorter) or short == long or contains(long, short):
        return longer != shorter
    if len(short) < 2 or len(short) > len(long) or short[-1] != long[-1]:
        return False
    given, long_given = short[:-1], long[:-1]
    if given[0] == long_given[0] and len(short) < len(long) and _subsequence(given[1:], long_given[1:]):
        return all(len(word) > 1 for word in given)  # "Donald Trump" for "Donald J. Trump"
    if all(_is_initials(word) for word in given):
        letters = "".join(given)
        return "".join(word[0] for word in long_given).startswith(letters) and len(letters) <= len(long_given)
    return False


def given_name_parts(key_parts: list[str]) -> set[str]:
    """The given names of a person's match key split in words: all but the last, hyphens split."""
    return {part for word in key_parts[:-1] for part in word.split("-") if part}


def first_names_differ(mine: list[str], theirs: list[str]) -> bool:
    """Whether two people's match keys start with different given names written in full, that no
    pet form joins ("robert f kennedy", "john f kennedy"); an initial ("h brandtner") differs from none."""
    a, b = mine[0], theirs[0]
    if len(mine) < 2 or len(theirs) < 2 or len(a) == 1 or len(b) == 1 or a == b:
        return False
    return not (pet_form(a, b) or pet_form(b, a))


def pet_form(short: str, full: str) -> bool:
    """Whether ``short`` may be a pet form of the given name ``full``: "rudi" of "rudolf", "willi" of
    "wilhelm", "danny" of "daniel" (shorter, ending in i or y, the first three letters alike)."""
    return len(short) < len(full) and len(short) <= 6 and short[-1] in "iy" and short[:3] == full[:3]

"""German one-word "people" that the article itself uses as the first part of a compound noun.

German glues a noun to the noun after it without a hyphen ("Asylantrag", "Silvesternacht",
"Cannabiskonsum"), but writes a person's name with a hyphen before a noun ("Merkel-Regierung").
When a one-word name the model typed as a person is written elsewhere in the article glued to a
noun German text writes after a determiner (``indefinite_nouns.tsv.gz``, ``common_nouns.tsv.gz``;
also in the genitive), with or without a joining "s", "es" or "n" ("Asyl|antrag", "Cannabis|konsums",
"Joghurt|geschäft"), it is a common noun: the name is dropped. It stays when the article gives it
after a given name ("Alfred Nobel") or when it is itself a given name.

Measured on the 818 unannotated 10kGNAD test rows outside the gold sets (their actor lists before
and after, read one by one): 8 people dropped ("Asyl" four times, "Silvester", "Jihad", "Joghurt",
"Nobel" of "Nobelpreis"), all right; a name run into the next word where a space was lost
("Niesslnicht") is not, since that word is no listed noun.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence

from desktop.core.entities.gazetteer import default_gazetteer_dir
from desktop.core.entities.noun_places import default_indefinite_nouns
from desktop.core.entities.word_stats import load_noun_lists
from desktop.core.types import EntitySpan

_JOINS = ("", "s", "es", "n")
_MIN_WORD = 4  # letters of the name
_MIN_REST = 3  # letters of the noun glued to it


def _glued_forms(text: str, word: str) -> set[str]:
    """What the text glues to ``word`` in one word, capitalised, after each possible joining
    letter ("Cannabiskonsums" -> "Skonsums", "Konsums")."""
    rests: set[str] = set()
    for found in re.finditer(rf"(?<![\w-]){re.escape(word)}([a-zäöüß]{{{_MIN_REST},}})(?![\w-])", text):
        tail = found.group(1)
        for join in _JOINS:
            if tail.startswith(join) and len(tail) - len(join) >= _MIN_REST:
                rest = tail[len(join) :]
                rests.add(rest[0].upper() + rest[1:])
    return rests


@functools.cache
def _default_nouns() -> frozenset[str]:
    return default_indefinite_nouns() | load_noun_lists(default_gazetteer_dir())[0]


def drop_compound_people(
    text: str,
    spans: Sequence[EntitySpan],
    is_given_name: Callable[[str], bool],
    nouns: frozenset[str] | None = None,
) -> list[EntitySpan]:
    """``spans`` without the one-word people the article glues to a listed noun (see the module);
    ``nouns`` defaults to the shipped lists of nouns seen after a determiner."""
    listed = _default_nouns() if nouns is None else nouns

    def is_noun(word: str) -> bool:
        return word in listed or (word.endswith("s") and word[:-1] in listed)

    candidates = {
        s.text.strip()
        for s in spans
        if s.type == "person"
        and " " not in (name := s.text.strip())
        and len(name) >= _MIN_WORD
        and name.isalpha()
    }
    if not candidates:
        return list(spans)
    full = {w for s in spans if s.type == "person" for w in s.text.split()[1:]}
    dropped = {
        word
        for word in candidates
        if word not in full
        and not is_given_name(word)
        and any(is_noun(rest) for rest in _glued_forms(text, word))
    }
    return [s for s in spans if not (s.type == "person" and s.text.strip() in dropped)]

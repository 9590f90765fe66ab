"""One actor for an organisation and its acronym: "Bundeswettbewerbsbehörde (BWB)", "EZB".

The linker groups an article's mentions by name; an organisation named in full and by its acronym
makes two groups. They are joined

- when the acronym follows the long name in brackets and defines it
  (:func:`~desktop.core.entities.acronyms.defines`: "Bundeswettbewerbsbehörde (BWB)", "Partei Recht
  und Gerechtigkeit (PiS)");
- or, without brackets, when the acronym spells the long name word by word: each capitalised word
  gives its initial and perhaps further letters from inside it, in order, capitals only from inside
  the last ("Europäische Zentralbank" and "EZB", "Europäischer Gerichtshof" and "EuGH", "Federal
  Bureau of Investigation" and "FBI"; not "Alternative für Deutschland" and "ARD"); a link word
  ("für", "of") gives its initial or nothing. Only organisations of two words or more and acronyms
  of two capitals or more are joined, no country's three-letter code ("Force India" is no "FIN"), no acronym
  that is a word of the name ("LG G4"), and only when exactly one long name of the article spells
  the acronym ("EU" is not "Europäische Zentralbank": no word gives the "U").

Groups are anything with a ``forms`` list whose items have ``name`` and ``span``, and a
``type()`` method (the linker's groups).
"""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import Any, Protocol

from desktop.core.entities import names
from desktop.core.entities.acronyms import ACRONYM, defines

_LINK_WORDS = frozenset(
    {
        "of", "and", "for", "the", "on", "in", "at", "to", "de", "du", "la", "del", "des", "et", "y", "&",
        "für", "der", "die", "das", "den", "dem", "und", "zur", "zum", "von", "vom", "im", "am",
    }
)  # fmt: skip
_ACRONYM_WORD = re.compile(r"^[A-ZÄÖÜ][A-ZÄÖÜa-zäöü]{1,5}$")
_WORD = re.compile(r"[^\W\d_]+")
_COUNTRY_CODE_LETTERS = 3


class Group(Protocol):
    forms: list[Any]

    def type(self) -> str: ...


def spells(acronym: str, name: str) -> bool:
    """Whether the acronym spells the name word by word (see the module)."""
    letters = acronym.lower()
    words = _WORD.findall(name)
    if len(words) < 2 or acronym in words:
        return False  # "LG" and "LG G4": a product of the company, not its name
    named = [i for i, w in enumerate(words) if w[:1].isupper() and w.lower() not in _LINK_WORDS]
    last = named[-1] if named else -1

    def fit(i: int, j: int) -> bool:
        if i == len(words):
            return j == len(letters)
        word = words[i]
        low = word.lower()
        if low in _LINK_WORDS or not word[:1].isupper():
            if fit(i + 1, j):
                return True
            return j < len(letters) and low[0] == letters[j] and fit(i + 1, j + 1)
        if j >= len(letters) or low[0] != letters[j]:
            return False
        pos, k = 1, j + 1
        while True:
            if fit(i + 1, k):
                return True
            if k >= len(letters) or (acronym[k].isupper() and i != last):
                return False  # a capital from inside a word only from the last ("Zentral|bank")
            pos = low.find(letters[k], pos)
            if pos < 0:
                return False
            pos, k = pos + 1, k + 1

    return fit(0, 0)


def _country_code(name: str, codes: Collection[str]) -> bool:
    """A three-letter country code ("FIN" after "Räikkönen"); two letters are often a body's ("EU")."""
    return len(name) == _COUNTRY_CODE_LETTERS and name in codes


def _is_acronym(name: str) -> bool:
    return _ACRONYM_WORD.match(name) is not None and sum(c.isupper() for c in name) >= 2


def join_acronyms(text: str, groups: list[Group], codes: Collection[str]) -> list[Group]:
    """The groups with every organisation's acronym group joined to it (see the module);
    ``codes``: country codes, which define no organisation in brackets."""
    by_key = {names.match_key(f.name): g for g in groups for f in g.forms}
    for group in list(groups):
        for form in list(group.forms):
            match = ACRONYM.match(text, form.span.end)
            kind = form.span.type
            if match is None or kind == "person" or not defines(match[1], form.name, kind, codes):
                continue
            _join(groups, by_key, group, by_key.get(names.match_key(match.group(1))))
    organisations = [g for g in groups if g.type() == "organization"]
    long_names = [(g, {f.name for f in g.forms if " " in f.name.strip()}) for g in organisations]
    for short in organisations:
        acronyms = {f.name for f in short.forms if _is_acronym(f.name) and not _country_code(f.name, codes)}
        if not acronyms or short not in groups or len(acronyms) != len({f.name for f in short.forms}):
            continue
        owners = [
            g
            for g, longs in long_names
            if g is not short and any(spells(a, n) for a in acronyms for n in longs)
        ]
        if len(owners) == 1 and owners[0] in groups:
            _join(groups, by_key, owners[0], short)
    return groups


def _join(groups: list[Group], by_key: dict[str, Group], group: Group, short: Group | None) -> None:
    if short is not None and short is not group and short in groups and group in groups:
        group.forms.extend(short.forms)
        groups.remove(short)
        for f in short.forms:
            by_key[names.match_key(f.name)] = group

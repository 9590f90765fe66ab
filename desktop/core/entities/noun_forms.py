"""German plural and inflected forms of listed common nouns ("Juwelen", "Lkws", "Grüße").

The noun lists (``common_nouns.tsv.gz``, ``indefinite_nouns.tsv.gz``) hold the forms their source
text wrote after a determiner, mostly the singular: "Juwel", "Allianz", "Gruß", "Privatperson",
"Lkw". A one-word "actor" in the plural of such a noun ("Juwelen", "Allianzen", "Grüße",
"Privatpersonen", "Lkws") is as much a common noun, and names are seldom written in the plural.
:func:`base_forms` gives the forms a word may be inflected from: without "-en" or "-n"
("Allianz|en", "Juwel|en", "Rose|n"), "-innen" as "-in", without "-s" ("Lkw|s"), and a plural in
"-e" with an umlaut its singular lacks ("Grüße" -> "Gruß"). A form counts only where it is no
known name itself (``known``): the genitive of a known place stays a place.

The last part of a German compound may be left out before "und", "oder" ("Nationalrats- und
Landtagsabgeordnete"): such a first part is no name when it is a listed noun
(:func:`truncated_compound_nouns`).

Nouns German Wiktionary lists with their forms, but the lists built from running text lack
("Hausarrest", "Traumata", "Insidern"; ``wiktionary_nouns.tsv.gz``, built by
``tools/build_wiktionary_nouns.py`` without names) are taken as they are, for people with a stricter
test (:func:`drop_noun_people`) and for places and organisations where the noun has a plural
(:mod:`~desktop.core.entities.noun_places`).

Measured with ``python -m tools.evaluate_actors --gold tests/data/actors/dev --in-process``:
German false actors 49 -> 42 ("Juwelen", "Allianzen", "Lkws", "Grüße", "Privatpersonen",
"Nationalrats", "Transitlager"), person precision 0.959 -> 0.960, no gold actor lost; on the
unannotated 10kGNAD test rows and the German NTREX news 9 actors dropped, all right (6 places,
3 "people": "Silbermöwen", "Jubeln", "Stühle"); GermEval 2014 dev unchanged (micro F1 0.8220).
"""

from __future__ import annotations

import functools
import gzip
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NamedTuple

from desktop.core.entities.gazetteer import default_gazetteer_dir
from desktop.core.types import EntitySpan

MIN_BASE = 3  # letters of a base form
WIKTIONARY_NOUNS = "wiktionary_nouns.tsv.gz"
_LOOK_BACK = 40
_INITIAL = re.compile(r"[A-ZÄÖÜ][a-zäöü]?\.")  # "C.", "Ch."
# endings of German places' names that are old plurals or datives ("Bischofshofen", "Tuttlingen",
# "Gelsenkirchen"): no sign of a common noun
PLACE_ENDINGS = re.compile(
    r"(?:hofen|hausen|kirchen|ingen|felden|bergen|burgen|stetten|stätten|brunnen|bronnen|mühlen"
    r"|hütten|wangen|weiden|walden|bühlen|buchen|eichen|linden|beuren|kofen|dorfen)$"
)
_UMLAUTS = {"ä": "a", "ö": "o", "ü": "u", "Ä": "A", "Ö": "O", "Ü": "U"}
# a word written with a hyphen and a space before "und", "oder", "bzw.", "sowie": its compound's
# head is left out ("Nationalrats- und Landtagsabgeordnete")
_TRUNCATED = re.compile(r"-\s+(?:und|oder|bzw\.|sowie|als auch)\s")


def _without_umlaut(stem: str) -> str | None:
    """``stem`` with its last umlaut undone ("Grüß" -> "Gruß"), ``None`` if it has none."""
    for i in range(len(stem) - 1, -1, -1):
        if stem[i] in _UMLAUTS:
            return stem[:i] + _UMLAUTS[stem[i]] + stem[i + 1 :]
    return None


def base_forms(word: str, *, genitive: bool = True) -> list[str]:
    """The forms a German plural or inflected noun may come from (see the module), longest
    first; ``genitive``: also without a final "-s"."""
    forms: list[str] = []
    if word.endswith("innen"):
        forms.append(word[:-3])  # "Politikerinnen" -> "Politikerin"
    if word.endswith("en"):
        forms.append(word[:-1])  # "Rosen" -> "Rose"
        forms.append(word[:-2])  # "Allianzen" -> "Allianz"
    elif word.endswith(("eln", "ern")):
        forms.append(word[:-1])  # "Kartoffeln" -> "Kartoffel"; not "Hibernian"
    if genitive and word.endswith("s") and not word.endswith("ss"):
        forms.append(word[:-1])  # "Lkws" -> "Lkw"
    if word.endswith("e") and (plain := _without_umlaut(word[:-1])) is not None:
        forms.append(plain)  # "Grüße" -> "Gruß"
    return [f for f in forms if len(f) >= MIN_BASE and f[:1].isupper()]


def is_noun_form(
    word: str,
    nouns: frozenset[str],
    known: Callable[[str], bool] = lambda name: False,
    *,
    genitive: bool = True,
) -> bool:
    """``word`` is a listed noun, or an inflected form of one (:func:`base_forms`) that is no
    ``known`` name."""
    if word in nouns:
        return True
    return any(form in nouns and not known(form) for form in base_forms(word, genitive=genitive))


def plural_of_noun(
    word: str,
    count_nouns: frozenset[str],
    nouns: frozenset[str],
    known: Callable[[str], bool],
    feminine: Callable[[str], bool] | None = None,
) -> bool:
    """``word`` is a plural of a listed noun: of ``nouns`` without a final "-s" ("Allianzen" is
    no company "Allianz"), of ``count_nouns`` (nouns written after an indefinite determiner:
    "Lkw|s") with it, where that noun is no ``known`` name (a known place's genitive, "Tirols",
    stays a place). With ``feminine``, a plural in "-n" of a noun in "-e" counts only where that
    noun is feminine ("Rose|n"): a people's name in "-e" is masculine, and its plural names its
    land ("Preuße|n", "Franke|n")."""
    if word in nouns or PLACE_ENDINGS.search(word):
        return False
    for form in base_forms(word, genitive=False):
        weak = form.endswith("e") and word == form + "n"
        if form in nouns and (feminine is None or not weak or feminine(form)):
            return True
    return word.endswith("s") and word[:-1] in count_nouns and not known(word[:-1])


def truncated_compound_nouns(
    text: str, spans: Sequence[EntitySpan], nouns: frozenset[str]
) -> list[EntitySpan]:
    """``spans`` without the one-word names written as a compound's first part with its head left
    out ("Nationalrats- und Landtagsabgeordnete") whose word is a listed noun (or its genitive)."""
    return [
        s
        for s in spans
        if not (
            " " not in (name := s.text.strip())
            and name[1:].islower()  # not an abbreviation ("EU- und Nicht-EU-Staaten")
            and _TRUNCATED.match(text, s.end)
            and is_noun_form(name, nouns)
        )
    ]


class WiktionaryNouns(NamedTuple):
    """The forms of ``wiktionary_nouns.tsv.gz``, and those of nouns without a plural ("Seenot",
    and names Wiktionary takes for nouns: "Fernost", "Daesh")."""

    forms: frozenset[str]
    singular_only: frozenset[str]

    def countable(self, word: str) -> bool:
        """``word`` is a listed form of a noun with a plural."""
        return word in self.forms and word not in self.singular_only


def load_wiktionary_nouns(folder: Path) -> WiktionaryNouns:
    """The list's forms (a missing file lists none)."""
    path = folder / WIKTIONARY_NOUNS
    if not path.exists():
        return WiktionaryNouns(frozenset(), frozenset())
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        text = handle.read()
    singular = frozenset(line[:-2] for line in text.splitlines() if line.endswith("\ts"))
    return WiktionaryNouns(frozenset(text.replace("\ts\n", "\n").split()), singular)


def _after_initial(text: str, start: int) -> bool:
    """An initial right before ``start`` ("Ch. Leitgeb"): the word is a surname."""
    words = text[max(0, start - _LOOK_BACK) : start].split()
    return bool(words) and _INITIAL.fullmatch(words[-1]) is not None


@functools.cache
def default_wiktionary_nouns() -> WiktionaryNouns:
    """The shipped list, loaded once."""
    return load_wiktionary_nouns(default_gazetteer_dir())


def drop_noun_people(
    spans: Sequence[EntitySpan],
    nouns: frozenset[str],
    known: Callable[[str], bool],
    forms: frozenset[str] = frozenset(),
    text: str = "",
) -> list[EntitySpan]:
    """A lone German noun ("Anpfiff") or its plural ("Juwelen") is no person, unless a full name
    in the text ends with it; a plural (:func:`plural_of_noun`; not in "-s": "Woks", "Sisis" are
    people's genitives) counts only where it and its base are no ``known`` name (a place, an
    organisation or a given name: "Rosen" of "Rose").

    ``forms`` (``wiktionary_nouns.tsv.gz``, which leaves names out) hold nouns with their inflected
    forms, taken as they are ("Hausarrest", "Traumata"); a form is put to a stricter test: it does
    not end in "-s" (a person's genitive: "Woks", "Sardanas"), it ends no name of several words of
    any type ("Sardana" after "Rakesh Sardana", which the model may take for a place), and it
    follows no initial ("Ch. Leitgeb")."""
    surnames = {s.text.split()[-1] for s in spans if s.type == "person" and " " in s.text.strip()}
    ends = {s.text.split()[-1] for s in spans if " " in s.text.strip()}

    def noun(word: str, start: int) -> bool:
        if word in forms:
            # not in "-s": "Woks" (GermEval dev) is a person's genitive, "Sardanas" a surname's
            return not word.endswith("s") and word not in ends and not _after_initial(text, start)
        return word in nouns or (
            not known(word)
            and plural_of_noun(word, frozenset(), nouns, known)
            and not any(known(form) for form in base_forms(word))
        )

    return [
        s
        for s in spans
        if not (
            s.type == "person"
            and " " not in (name := s.text.strip())
            and name not in surnames
            and noun(name, s.start)
        )
    ]

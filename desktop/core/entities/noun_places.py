"""German common nouns typed as one-word places or organisations ("Asyl", "Kreuzbandriss").

German capitalises every noun, and the model sometimes takes one for a place or an organisation.
The definite article does not tell them apart ("die Adria", "der Hurrikan"), the model's
confidence does not either (rivers and regions are as doubtful as nouns: "Salzach", "Adria"), but
names almost never follow an indefinite determiner, a quantifier or a number word, while common
nouns do ("einen Kreuzbandriss", "kein Asyl"): ``indefinite_nouns.tsv.gz`` lists the words German
Wikipedia and Klexikon text writes so in 5 % of their uses or more (``tools/build_indefinite_nouns.py``).

A one-word place or organisation the model proposed (the rules' own spans, of score
:data:`RULE_SCORE`, are left alone) whose word is so listed is dropped, unless it is a known place
or organisation, or the article backs it as a name: the word is part of a longer name in the
text; it follows "in" without an article ("in Spielfeld"); it follows a kind noun after an article
("am Grenzübergang Spielfeld", "des Vereins Neustart", "des Bataillons "Tornado""); or it is
listed with another place or organisation ("Nationalbank, Wifo und IHS"). The cost is a set
lookup per span and one pass over the text for the few words put to the test.

A plural of a listed noun ("Allianzen", "Grüße", "Lkws"; :mod:`~desktop.core.entities.noun_forms`)
is put to the same test, and neither "in" nor a list backs it ("in Lkws geladen", "aus Libyen,
Allianzen mit ..."); "am", "im", "zum" right before it do (one thing: "am Pfauen", a theatre).
With that "in" rule for compounds, on the 786 unannotated 10kGNAD test rows and 91 German NTREX
news documents it drops 6 one-word places, all no place ("Zelten", "Panzern", "Hyperlinks",
"Container-Bauweise"); the German dev articles lose 4 false actors ("Allianzen", "Lkws", "Grüße",
"Transitlager") and no actor; GermEval 2014 dev predictions do not change.

A word only German Wiktionary lists as a noun (``wiktionary_nouns.tsv.gz``, forms included:
"Zollhaus", "Checkpoints", "Mittelfelds"; :mod:`~desktop.core.entities.noun_forms`) is put to the
same test where its noun has a plural: one without may be a name Wiktionary takes for a noun ("aus
Fernost", "Daesh"). "in" does not back it ("in Gewahrsam", "in Talkshows"). On the 786 unannotated
10kGNAD test rows and 107 German NTREX news documents outside the dev gold it drops 26 one-word
places and organisations, 25 right, one a footballer in a line-up the model took for a place
("Ehrenreich, Madl, Spendlhofer": a person in the list does not back it, and would keep the film
"Terminator" beside "Blade Runner" and "Ray Kurzweil"); dev figures in the README.

A compound whose head is such a noun and rarely a name's ("Armeeangaben", "Sinkflug") is put to
the same test (:mod:`~desktop.core.entities.noun_heads`; on the 818 unannotated 10kGNAD test rows
it drops 8 actors, all right: "Uno-Angaben", "Nullnummer", "Straßen-Kurs"; on GermEval 2014 dev
it drops one name, the band "Grobschnitt", and no false one; the dev articles are unchanged).
"in" does not back such a compound ("weiter in Transitlager gebracht", "in Container-Bauweise").

The list's least share (0.05 of a word's uses) was chosen on the development sets: on the German
dev articles of tests/data/actors/dev false actors 34 → 33 ("Gala"), no place or organisation lost;
on GermEval 2014 dev, scored sentence by sentence, 6 false names fewer (LOC precision 0.875 →
0.881, ORG 0.720 → 0.722, micro F1 0.8215 → 0.8228), no name lost. Shares of 0.02 and 0.03 lost
a place on GermEval dev (0.02 dropped one more false actor of the dev articles), 0.08 kept
"Gala". On the 834 unannotated 10kGNAD test rows outside the gold sets it drops 35 actors: 30 no
place or organisation ("Asyl", "Kreuzbandriss", "Hurrikan", "Oscar"), 5 real places whose names
are also nouns ("am Brenner", "nach Spielfeld").
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from pathlib import Path

from desktop.core.entities.gazetteer import default_gazetteer_dir
from desktop.core.entities.line_ups import name_lists
from desktop.core.entities.noun_forms import WiktionaryNouns, default_wiktionary_nouns, plural_of_noun
from desktop.core.entities.noun_genders import default_noun_genders
from desktop.core.entities.noun_heads import compound_head, default_noun_heads, first_column
from desktop.core.entities.occurrences import occurrences
from desktop.core.entities.word_stats import load_noun_lists
from desktop.core.types import EntitySpan

INDEFINITE_NOUNS = "indefinite_nouns.tsv.gz"
_NO_FORMS = WiktionaryNouns(frozenset(), frozenset())
RULE_SCORE = 0.5  # the score of the spans the rules add (the model's own are CRF confidences)
NOUN_SHAPE = re.compile(r"[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ]?[a-zäöüß]+)*")
_PLACES = ("location", "organization")
# the words before a name: "in" without an article, or a kind noun after an article or a
# contraction and up to four lower-case words ("am Grenzübergang", "des neuen Grenzübergangs"),
# perhaps with an opening quote
_BEFORE = re.compile(
    r"(?:(?<![\w-])(?P<prep>[Ii]n)"
    r"|(?<![\w-])(?P<article>(?i:der|die|das|des|dem|den|am|im|vom|zum|zur|beim|eine[mnrs]?|ein))"
    r"(?:\s+[a-zäöüß][\w-]*){0,4}\s+(?P<kind>[A-ZÄÖÜ][\w-]*))\s+[\"„“»«']?$"
)
# a contraction of a singular article right before a word ("am Pfauen")
_SINGULAR = re.compile(r"(?<![\w-])(?:[AaIi]m|[Vv]om|[Zz]um|[Bb]eim)\s+$")
_LOOK_BACK = 80  # characters before a word searched for what backs it
_CALENDAR = frozenset(
    {
        "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonnabend", "Sonntag",
        "Januar", "Jänner", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
        "Oktober", "November", "Dezember", "Tag", "Woche", "Wochenende", "Monat", "Jahr", "Zeit",
        "Zwischenzeit", "Morgen", "Vormittag", "Mittag", "Nachmittag", "Abend", "Nacht", "Mal",
    }
)  # fmt: skip


def load_indefinite_nouns(folder: Path) -> frozenset[str]:
    """The words of ``indefinite_nouns.tsv.gz`` (a missing file lists none)."""
    return first_column(folder / INDEFINITE_NOUNS)


@functools.cache
def default_indefinite_nouns() -> frozenset[str]:
    """The shipped list, loaded once."""
    return load_indefinite_nouns(default_gazetteer_dir())


@functools.cache
def default_common_nouns() -> frozenset[str]:
    """The shipped nouns seen mostly after a determiner (``common_nouns.tsv.gz``), loaded once."""
    return load_noun_lists(default_gazetteer_dir())[0]


@functools.cache
def _default_wider_nouns() -> frozenset[str]:
    """The shipped indefinite and common nouns together, made once."""
    return default_indefinite_nouns() | default_common_nouns()


def _put_to_test(
    span: EntitySpan,
    nouns: frozenset[str],
    heads: frozenset[str],
    plurals: Callable[[EntitySpan], bool],
    forms: WiktionaryNouns = _NO_FORMS,
) -> bool:
    name = span.text.strip()
    return (
        span.type in _PLACES
        and span.score != RULE_SCORE
        and NOUN_SHAPE.fullmatch(name) is not None
        and (name in nouns or compound_head(name, nouns) in heads or plurals(span) or forms.countable(name))
    )


def _backed_by_words_before(text: str, start: int, *, after_in: bool = True) -> bool:
    """ "in X" (where ``after_in``), or an article and a kind noun before X ("am Grenzübergang X")."""
    found = _BEFORE.search(text, max(0, start - _LOOK_BACK), start)
    if found is None:
        return False
    return after_in if found.group("prep") is not None else found.group("kind") not in _CALENDAR


def drop_noun_places(
    text: str,
    spans: Sequence[EntitySpan],
    known: Callable[[str], bool],
    nouns: frozenset[str] | None = None,
    heads: frozenset[str] | None = None,
    common: frozenset[str] | None = None,
    feminine_nouns: frozenset[str] | None = None,
    forms: WiktionaryNouns | None = None,
) -> list[EntitySpan]:
    """``spans`` without the one-word places and organisations that are common nouns or compounds
    of one (see the module and :mod:`~desktop.core.entities.noun_heads`) or plurals of a listed noun
    (:func:`~desktop.core.entities.noun_forms.plural_of_noun`); ``known`` tells a known place's or
    organisation's name; ``nouns``, ``heads``, ``common`` (nouns seen mostly after a determiner),
    ``feminine_nouns`` and ``forms`` (Wiktionary's nouns) default to the shipped lists."""
    listed = default_indefinite_nouns() if nouns is None else nouns
    rare = default_noun_heads() if heads is None else heads
    if nouns is None and common is None:
        wider = _default_wider_nouns()  # the union of two large lists: made once, not per article
    else:
        wider = listed | (default_common_nouns() if common is None else common)
    genders = default_noun_genders() if feminine_nouns is None else dict.fromkeys(feminine_nouns, "f")
    wikt = default_wiktionary_nouns() if forms is None else forms

    def feminine(word: str) -> bool:
        return genders.get(word) == "f"

    def plural(span: EntitySpan) -> bool:
        # a plural in "-s" of a place only ("Lkws"): companies are often so named ("Boots")
        count = listed if span.type == "location" else frozenset()
        return plural_of_noun(span.text.strip(), count, wider, known, feminine)

    tested = {s.text.strip() for s in spans if _put_to_test(s, listed, rare, plural, wikt)}
    if not tested:
        return list(spans)
    tested = {word for word in tested if not known(word)}
    longer = {w for s in spans if " " in s.text.strip() for w in s.text.split()}
    tested -= longer
    # a plural or a compound of a head that rarely ends a name is a common noun after "in" too
    # ("in Lkws geladen", "in Transitlager gebracht")
    common_after_in = {w for w in tested if w not in listed}
    plural_only = {w for w in common_after_in if compound_head(w, listed) not in rare}
    for start, _end, word in occurrences(text, tested):
        if word in tested and _backed_by_words_before(text, start, after_in=word not in common_after_in):
            tested.discard(word)
        elif word in plural_only and _SINGULAR.search(text, max(0, start - 8), start):
            tested.discard(word)  # "am Pfauen": one thing, no plural
    names = [s for s in spans if s.type in _PLACES]
    # a plural stays a noun in a list too ("Libyen, Allianzen"), but not one in "-s" ("Boots, Superdrug")
    plurals = {
        w for w in tested if w not in listed and plural_of_noun(w, frozenset(), wider, known, feminine)
    }
    for run in name_lists(text, names):
        if any(s.text.strip() not in tested for s in run):
            tested -= {s.text.strip() for s in run} - plurals
    return [
        s for s in spans if not (s.text.strip() in tested and _put_to_test(s, listed, rare, plural, wikt))
    ]

"""German "people" the model itself doubts, with nothing in the article to back them.

The BiLSTM-CRF gives each span a confidence (:mod:`~desktop.core.entities.bilstm_marginals`:
how likely its words lie inside a name of that type). A German "person" the model is unsure of
("Kurzum" opening a sentence, "Benzin", "Lady") is dropped unless it is backed: it has a known
given name before its last word ("Jana Novak") or is a known person's name; a word of it is a
word of a person the model is sure of or that is so backed ("Novak" after "Jana Novak"); or it
stands in a list of names with such a person (a team's line-up: "Holler, Kessin (71. Brandl),
Novak – Vondra"), or in a list of four names or more.

Chosen on the development articles of tests/data/actors/dev: German person precision 0.960 →
0.986, recall 0.993 → 0.986, false actors 30 → 24, wrong types 9 → 7 (thresholds 0.7 and 0.8
alike; 0.9 loses more people). On 300 unannotated 10kGNAD articles it dropped 89 "people", about
three in four of them no person (products, clubs, places, words). On GermEval 2014 dev, scored
sentence by sentence with no article around, person F1 moves 0.854 → 0.852.

English tests only one-word "people" (:func:`settle_english_people`): tested on all names, the rule
lost real people with full names (dev person recall 0.988 → 0.964). One-word only, the dev articles
lose one person ("Saperstein"; their false one-word people were fixed by earlier rules), while on
241 unannotated English Wikinews articles it dropped 49, about four in five no person ("Zoom",
"Neanderthals", "Politico", "Halloween", "Hubble"); UNER English EWT dev F1 0.735 → 0.736.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from desktop.core.entities.compound_words import drop_compound_people
from desktop.core.entities.gazetteer import Gazetteer
from desktop.core.entities.glued_nouns import cut_nouns_before_surnames
from desktop.core.entities.line_ups import LINE_UP, name_lists, people_in_line_ups
from desktop.core.entities.noun_places import drop_noun_places
from desktop.core.entities.reporting_outlets import outlets_named_by_reports
from desktop.core.types import EntitySpan

DOUBTFUL_PERSON = 0.7  # below this confidence a German person needs the article's backing
COMMON_GIVEN_NAME = 200  # English: a given name this frequent alone is taken as a person


def _listed_with_a_sure_name(
    text: str, people: list[EntitySpan], sure: Callable[[EntitySpan], bool]
) -> set[int]:
    """Starts of the people listed ("A, B – C") with a ``sure`` person, or in a list as long as a line-up."""
    return {
        s.start
        for run in name_lists(text, people)
        if len(run) >= LINE_UP or any(sure(s) for s in run)
        for s in run
    }


def drop_doubtful_people(
    text: str,
    spans: Sequence[EntitySpan],
    is_given_name: Callable[[str], bool],
    is_known_person: Callable[[str], bool],
    threshold: float = DOUBTFUL_PERSON,
    *,
    single_words: bool = False,
) -> list[EntitySpan]:
    """``spans`` without the people below ``threshold`` that nothing in the article backs.

    With ``single_words`` only one-word "people" are put to the test.
    """
    people = sorted((s for s in spans if s.type == "person"), key=lambda s: s.start)

    def sure(span: EntitySpan) -> bool:
        words = span.text.split()
        return (
            span.score >= threshold or any(is_given_name(w) for w in words[:-1]) or is_known_person(span.text)
        )

    strong = {s.start for s in people if sure(s)}
    words = {w for s in people if s.start in strong for w in s.text.split()}
    listed = _listed_with_a_sure_name(text, people, sure)

    def backed(span: EntitySpan) -> bool:
        return (
            span.start in strong
            or span.start in listed
            or any(w in words for w in span.text.split())
            or (single_words and " " in span.text.strip())
        )

    return [s for s in spans if s.type != "person" or backed(s)]


def settle_german_people(
    text: str, spans: Sequence[EntitySpan], is_noun: Callable[[str], bool], gazetteer: Gazetteer
) -> list[EntitySpan]:
    """The last word on German one-word names and people: common nouns typed as places or
    organisations dropped (:mod:`~desktop.core.entities.noun_places`), outlets named as a report's
    source made organisations, a line-up's names typed as people, nouns glued before surnames cut,
    doubted people dropped."""

    def given_name(word: str) -> bool:
        return gazetteer.given_names.get(word, 0) > 0

    def known_person(name: str) -> bool:
        return name.lower() in gazetteer.person_variants

    def common_given_name(word: str) -> bool:
        return gazetteer.given_names.get(word, 0) >= COMMON_GIVEN_NAME

    def known(name: str) -> bool:
        place = gazetteer.place_or_country(name, language="de")
        return place is not None or gazetteer.organization(name) is not None

    spans = outlets_named_by_reports(text, drop_noun_places(text, spans, known), "de", common_given_name)
    spans = cut_nouns_before_surnames(text, people_in_line_ups(text, spans, known), is_noun, given_name)
    spans = drop_compound_people(text, spans, given_name)
    return drop_doubtful_people(text, spans, given_name, known_person)


def settle_english_people(text: str, spans: Sequence[EntitySpan], gazetteer: Gazetteer) -> list[EntitySpan]:
    """English: outlets named as a report's source are organisations ("Rappler reported"); only
    one-word "people" are put to the test ("Zoom", "Neanderthals", "Politico"); a common given
    name alone ("James") or a known person's name backs itself."""

    def given_name(word: str) -> bool:
        return gazetteer.given_names.get(word, 0) >= COMMON_GIVEN_NAME

    def known_person(name: str) -> bool:
        return name.lower() in gazetteer.person_variants or given_name(name)

    spans = outlets_named_by_reports(text, spans, "en", given_name)
    return drop_doubtful_people(text, spans, given_name, known_person, single_words=True)

"""The last corrections of a text's spans, before lone non-actor words are dropped.

Outlets named by the shape of their names (:mod:`press_cues`), groups named by what is done to
them (:mod:`group_cues`), institutions and court cases named by their structure
(:mod:`structure_cues`), German names a company's or a party's compound shows
(:mod:`compound_names`), given names right before a surname (:mod:`given_names`), police forces
named before their people (:mod:`force_names`), English organisations joined across "and"
(:mod:`joined_organizations`), storms named like people (:mod:`storm_names`), clauses and words of
other scripts in English text (:mod:`script_fragments`), stray English words before a name
(:mod:`front_words`), English journals and papers typed as places or people (:mod:`outlet_kinds`),
English places named before their region ("El Paso, Texas": :mod:`place_commas`), kinds named
without their names ("the Centre", "This Court": :mod:`headless_words`), companies' short names
typed as people (:mod:`company_heads`), words after a name
that belong to no name or say what it names (:mod:`span_tails`) and what the article itself says
of a candidate (:mod:`article_evidence`), companies named without their legal form
(:mod:`legal_forms`); and a region's name alone typed a person or an organisation is a place
(:func:`regions_as_places`).
"""

from __future__ import annotations

from desktop.core.entities.article_evidence import article_evidence
from desktop.core.entities.company_heads import company_short_names
from desktop.core.entities.compound_names import organizations_named_in_compounds
from desktop.core.entities.force_names import police_forces
from desktop.core.entities.front_words import cut_front_words
from desktop.core.entities.gazetteer import Gazetteer
from desktop.core.entities.given_names import given_names_before_surnames
from desktop.core.entities.group_cues import fought_groups
from desktop.core.entities.headless_words import drop_headless_words
from desktop.core.entities.joined_organizations import split_joined_organizations
from desktop.core.entities.legal_forms import short_company_spans
from desktop.core.entities.outlet_kinds import outlets_by_kind
from desktop.core.entities.place_commas import places_before_regions
from desktop.core.entities.press_cues import articles_not_of_the_name, foreign_article_names, german_outlets
from desktop.core.entities.script_fragments import foreign_script_fragments
from desktop.core.entities.span_tails import cut_name_tails, leaders_of_regimes
from desktop.core.entities.storm_names import drop_storm_names
from desktop.core.entities.structure_cues import structure_cues
from desktop.core.entities.word_stats import WordStats
from desktop.core.types import EntitySpan

MIN_GIVEN_NAME = 200  # as knowledge.MIN_GIVEN_NAME_COUNT: frequent enough to mark a person's name


def late_cues(
    text: str,
    language: str,
    spans: list[EntitySpan],
    gazetteer: Gazetteer,
    stats: WordStats,
    nouns: frozenset[str] = frozenset(),
) -> list[EntitySpan]:
    """``spans`` with the corrections of the modules above applied (German and English); ``nouns``:
    German common nouns (no group is fought in "der Kampf gegen den Terrorismus")."""

    def given_name(word: str) -> bool:
        return gazetteer.given_names.get(word, 0) >= MIN_GIVEN_NAME

    def is_place(name: str) -> bool:
        return gazetteer.place(name, language=language) is not None

    def not_a_group(word: str) -> bool:
        return (
            is_place(word)
            or given_name(word)
            or gazetteer.is_demonym(word, language)
            or word.lower() in gazetteer.non_actors
            or word in gazetteer.english_common_words
            or stats.is_common(language, word)
        )

    if language == "de":
        spans = articles_not_of_the_name(text, german_outlets(text, spans, is_place))
        spans = organizations_named_in_compounds(
            text, spans, lambda word: not_a_group(word) or word in stats.known_words(language)
        )
    spans = foreign_article_names(spans, given_name)
    spans = fought_groups(text, language, spans, lambda word: not_a_group(word) or word in nouns)
    if language == "de":
        spans = drop_storm_names(text, spans)
    if language == "en":
        spans = drop_storm_names(text, foreign_script_fragments(cut_front_words(text, spans)))
        spans = outlets_by_kind(text, company_short_names(drop_headless_words(spans)), is_place, given_name)
        spans = places_before_regions(text, spans, lambda name: _place_kind(name, language, gazetteer))
        spans = police_forces(text, split_joined_organizations(text, spans, is_place))
        spans = leaders_of_regimes(
            text, spans, lambda word: not_a_group(word) or gazetteer.organization(word) is not None
        )
    spans = given_names_before_surnames(
        text,
        structure_cues(
            text, spans, is_place, lambda name: language == "de" and gazetteer.organization(name) is True
        ),
        lambda word: (
            given_name(word)
            and not is_place(word)
            and not stats.is_common(language, word)
            and word not in gazetteer.english_common_words
            and word not in stats.known_words(language)
        ),
    )
    spans = article_evidence(
        text,
        language,
        spans,
        is_place,
        lambda word: _is_country(word, language, gazetteer),
        lambda word: (
            given_name(word)
            or word.lower() in gazetteer.person_variants
            or gazetteer.place_or_country(word, language=language) is not None
            or gazetteer.organization(word) is not None
        ),
        lambda word: word in gazetteer.english_common_words or stats.is_common(language, word),
    )
    spans = short_company_spans(text, spans, is_place)
    return regions_as_places(cut_name_tails(spans, language), language, gazetteer)


def _place_kind(name: str, language: str, gazetteer: Gazetteer) -> str | None:
    place = gazetteer.place(name, language=language)
    return None if place is None else place.kind


def _is_country(word: str, language: str, gazetteer: Gazetteer) -> bool:
    place = gazetteer.place_or_country(word, language=language)
    return place is not None and place.kind == "country"


def regions_as_places(spans: list[EntitySpan], language: str, gazetteer: Gazetteer) -> list[EntitySpan]:
    """A well-known region (a state, a province: "Vermont", "Tirol"; German also in the genitive,
    "Tirols SPÖ-Chef") named alone as a person or an organisation is a place, unless it is the last
    word of a person's full name in the text or a given name. Countries and cities may stand for
    their governments and keep their type."""
    surnames = {s.text.split()[-1] for s in spans if s.type == "person" and " " in s.text.strip()}
    out = []
    for span in spans:
        name = span.text.strip()
        if span.type in ("person", "organization") and " " not in name and name not in surnames:
            place = gazetteer.place(name, language=language)
            if (
                place is not None
                and place.kind == "region"
                and place.strong
                and gazetteer.given_names.get(name, 0) < MIN_GIVEN_NAME
            ):
                span = EntitySpan(span.start, span.end, span.text, "location", span.score)
        out.append(span)
    return out

"""The knowledge layer over a statistical model: gazetteers and word statistics.

- Single capitalised words that the training data almost never tags as a name (weekdays,
  common nouns such as "Koalition") are dropped when the model proposes them alone.
- Country and region names from the gazetteer are typed as locations.
- Languages without a model get the gazetteer's well-known places only: weaker, but it
  never invents people or organisations.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from itertools import pairwise

from desktop.core.cancel import raise_if_cancelled
from desktop.core.entities.acronyms import acronym_definitions, acronym_spans
from desktop.core.entities.actor_cues import late_cues
from desktop.core.entities.boundaries import (
    PersonBoundaries,
    is_non_actor_word,
    split_datelines,
    tidy_organization,
)
from desktop.core.entities.compass_regions import compass_regions
from desktop.core.entities.consistency import (
    organization_parts_typed_as_people,
    places_after_in,
    places_named_by_their_first_word,
    surnames_glued_to_names,
)
from desktop.core.entities.doubtful_people import settle_english_people, settle_german_people
from desktop.core.entities.english_offices import cut_offices_from_institutions, drop_portfolios_and_verbs
from desktop.core.entities.gazetteer import Gazetteer, default_gazetteer, default_gazetteer_dir
from desktop.core.entities.kind_compounds import german_kind_compounds
from desktop.core.entities.kind_cues import organizations_after_kind_words
from desktop.core.entities.name_completion import complete_names, propagate_person_names
from desktop.core.entities.name_frames import (
    add_german_institutions,
    framed_names,
    people_named_by_places,
    unnamed_people_as_organizations,
)
from desktop.core.entities.news_fixes import (
    abstract_nouns_as_people,
    companies_typed_as_people,
    cut_leading_members,
    dateline_places,
    drop_noun_compounds,
    join_dangling_links,
    noun_compound,
    outlets_before_kind_words,
    people_after_inner_titles,
    people_named_after_organizations,
    places_with_their_qualifier,
    split_joined_people,
)
from desktop.core.entities.noun_forms import (
    default_wiktionary_nouns,
    drop_noun_people,
    truncated_compound_nouns,
)
from desktop.core.entities.org_phrases import organization_phrases
from desktop.core.entities.organizations import (
    join_and_the,
    known_organizations,
    media_names,
    outlet_names,
    prefer_longer,
)
from desktop.core.entities.person_edges import person_edges
from desktop.core.entities.recognizer import (
    Recognizer,
    merge_spans,
    prepare_ahead,
    span_order,
    without_overlaps,
)
from desktop.core.entities.span_fixes import (
    abbreviations_before_titles,
    credit_line_agencies,
    cut_possessives,
    drop_compound_parts,
    drop_ranks,
    drop_title_words,
    join_nicknames,
    split_listed_names,
    whole_known_places,
)
from desktop.core.entities.span_rules import (
    cut_glued_words,
    fix_edges,
    join_person_names,
    organization_kinds,
    people_after_title_words,
    people_after_titles,
)
from desktop.core.entities.title_case import headline_spans, teams_named_after_places
from desktop.core.entities.title_spans import people_after_institutions_in_titles, people_after_places
from desktop.core.entities.word_actors import cut_possessed_nouns, word_non_actors
from desktop.core.entities.word_stats import WordStats, load_noun_lists
from desktop.core.types import EntitySpan

MIN_CITY_NOT_PERSON_DE = 1_000_000  # German: only a metropolis named alone is surely no person
MIN_GIVEN_NAME_COUNT = 200  # "Keir", "Donald": frequent enough to mark a person's name
_CAP_WORD = re.compile(r"[A-ZÄÖÜ][^\W\d_]+(?:-[A-ZÄÖÜ][^\W\d_]+)?")


def _noun_word(nouns: frozenset[str], demonym: Callable[[str], bool], known: Callable[[str], bool],
               word: str) -> bool:  # fmt: skip
    return word in nouns or demonym(word) or noun_compound(word, nouns, known)


class KnowledgeRecognizer:
    """Statistical model where one exists, corrected by gazetteer and word statistics."""

    def __init__(
        self,
        model: Recognizer,
        *,
        model_languages: Callable[[], set[str]],
        gazetteer: Gazetteer | None = None,
        stats: WordStats | None = None,
        person_rules: bool = True,
        common_nouns: frozenset[str] | None = None,
        org_rules: bool = True,
    ) -> None:
        self._org_rules = org_rules
        self._nouns = common_nouns
        self._bare_nouns = frozenset[str]()
        self._person_rules = person_rules
        self._model = model
        self._model_languages = model_languages
        self._gazetteer = gazetteer
        self._stats = stats

    @property
    def gazetteer(self) -> Gazetteer:
        """The gazetteer (loaded on first use)."""
        if self._gazetteer is None:
            self._gazetteer = default_gazetteer()
        return self._gazetteer

    @property
    def stats(self) -> WordStats:
        """The word statistics (loaded on first use)."""
        if self._stats is None:
            self._stats = WordStats.load(default_gazetteer_dir())
        return self._stats

    @property
    def common_nouns(self) -> frozenset[str]:
        """German words that behave as nouns (loaded on first use)."""
        if self._nouns is None:
            self._nouns, self._bare_nouns = load_noun_lists(default_gazetteer_dir())
        return self._nouns

    def prepare(self, texts: Sequence[tuple[str, str]]) -> None:
        """Pass :func:`~desktop.core.entities.recognizer.prepare_ahead` on for the model's languages."""
        languages = self._model_languages()
        prepare_ahead(self._model, [(text, language) for text, language in texts if language in languages])

    def recognize(self, text: str, language: str) -> list[EntitySpan]:
        """Model spans corrected by knowledge, or gazetteer places for other languages."""
        if language not in self._model_languages():
            return self.gazetteer.place_spans(text, language)
        result = []
        found = self._model.recognize(text, language)
        raise_if_cancelled()
        surnames = {s.text.split()[-1] for s in found if s.type == "person" and " " in s.text.strip()}
        for span in found:
            name = span.text.strip()
            if " " not in name and (
                self.stats.is_common(language, name) or self._stray_english(language, name)
            ):
                continue
            place = self.gazetteer.place(name, language=language)
            # a country is a place whatever the model says; a big city may be an organisation by
            # metonymy ("Washington besteht darauf"). A lone city name typed as a person becomes a
            # place; in German only for a metropolis: on GermEval dev the German model's person
            # reading of smaller cities' names (surnames like "Cleveland") was right more often.
            city_person = (
                span.type == "person"
                and " " not in name
                and name not in surnames  # "Lyons" after "David C. Lyons"
                and (language != "de" or (place is not None and place.population >= MIN_CITY_NOT_PERSON_DE))
            )
            if (
                place is not None
                and place.strong
                and span.type != "location"
                and (place.kind == "country" or city_person)
            ):
                span = EntitySpan(span.start, span.end, span.text, "location", span.score)
            if self._person_rules and span.type != "person" and self._starts_with_given_name(name, language):
                span = EntitySpan(span.start, span.end, span.text, "person", span.score)
            result.append(span)
        if self._person_rules:
            result = self._add_missed_people(text, language, result)
        if language == "de":
            result = add_german_institutions(
                text,
                drop_noun_people(
                    result, self.common_nouns, self._known_name, default_wiktionary_nouns().forms, text
                ),
            )
        return self._refine(text, language, result) if self._org_rules else result

    def _refine(self, text: str, language: str, spans: list[EntitySpan]) -> list[EntitySpan]:
        """Person boundaries, organisations the model missed or mistyped, and no non-actor words."""
        gazetteer = self.gazetteer
        trimmer = PersonBoundaries(gazetteer)

        def title_word(word: str) -> bool:
            return trimmer.is_title_word(word, language)

        if language == "en":
            spans = teams_named_after_places(headline_spans(text, drop_title_words(text, spans)), gazetteer)
        spans = split_listed_names(text, drop_compound_parts(text, spans), gazetteer)
        spans = cut_leading_members(split_joined_people(spans, title_word), title_word)
        spans = join_dangling_links(text, spans)
        spans = people_named_after_organizations(spans)
        if language == "en":
            spans = people_after_inner_titles(
                spans, title_word, lambda w: gazetteer.given_names.get(w, 0) >= MIN_GIVEN_NAME_COUNT
            )
        spans = [t for s in split_datelines(text, spans, gazetteer) for t in trimmer.trim(s, language)]
        spans = cut_glued_words(text, join_person_names(text, spans, gazetteer, title_word), gazetteer)
        if language == "en":
            spans = drop_title_words(text, spans)
        spans = people_after_titles(text, spans, title_word)
        spans = abbreviations_before_titles(text, spans, title_word, gazetteer, language)
        if language == "en":
            spans = people_after_title_words(text, spans, title_word, gazetteer)
            spans = people_after_institutions_in_titles(text, spans, title_word, gazetteer)
        spans = people_after_places(spans, gazetteer)
        spans = organization_kinds(text, spans, language, gazetteer)
        alone = frozenset(s.text.strip() for s in spans if s.type == "person" and " " not in s.text.strip())
        spans = [t for s in spans if (t := tidy_organization(self._retype_organization(s, alone), language))]
        spans = fix_edges(text, join_and_the(text, cut_possessives(spans)))
        spans = whole_known_places(text, drop_ranks(text, join_nicknames(text, spans), title_word), gazetteer)
        spans = propagate_person_names(text, complete_names(text, spans, language, gazetteer))
        spans = surnames_glued_to_names(
            spans,
            lambda w: gazetteer.given_names.get(w, 0) >= MIN_GIVEN_NAME_COUNT,
            title_word,
            lambda name: (place := gazetteer.place(name, language=language)) is not None and place.strong,
        )
        raise_if_cancelled()
        spans = prefer_longer(spans, known_organizations(text, gazetteer), gazetteer.given_names)
        spans = dateline_places(text, credit_line_agencies(text, spans, gazetteer), gazetteer)
        spans = companies_typed_as_people(spans)
        spans = abstract_nouns_as_people(spans, language)
        if language == "de":
            spans = german_kind_compounds(text, spans, gazetteer, self.common_nouns)
            spans = compass_regions(text, language, places_with_their_qualifier(text, spans, gazetteer))
        else:
            spans = drop_portfolios_and_verbs(text, outlets_before_kind_words(text, spans), title_word)
            spans = cut_offices_from_institutions(text, spans, title_word)
        spans = outlet_names(text, merge_spans(spans, media_names(text)))
        spans = organization_phrases(text, language, spans, gazetteer)
        demonym = functools.partial(gazetteer.is_demonym, language=language)
        spans = organizations_after_kind_words(
            text, language, spans, self.common_nouns,
            lambda name: gazetteer.place(name, language=language) is not None,
            demonym,
            bare_nouns=self._bare_nouns, known=lambda name: gazetteer.organization(name) is not None,
        )  # fmt: skip
        spans = acronym_spans(text, spans, gazetteer.country_codes)
        given_name = functools.partial(self._is_given_name, language=language)
        spans = places_after_in(
            text,
            organization_parts_typed_as_people(spans, given_name),
            given_name,
            lambda name: (
                language == "en"
                and gazetteer.place(name) is not None
                and not gazetteer.given_names.get(name)  # "the heels of Ben": a given name and a town
                and name.lower() not in gazetteer.person_variants
            ),
        )
        defined = frozenset(acronym_definitions(text, spans, gazetteer.country_codes))

        def known(word: str, kind: str) -> bool:
            if word in defined or word in gazetteer.abbreviations:
                return True
            if kind == "location":
                return gazetteer.place(word) is not None
            return kind == "organization" and gazetteer.organization(word) is not None

        spans = person_edges(text, language, spans, gazetteer, given_name)
        if language == "de":
            spans = drop_noun_compounds(spans, self.common_nouns, self._known_name, self._bare_nouns)
            spans = cut_possessed_nouns(
                text, truncated_compound_nouns(text, spans, self.common_nouns), self.common_nouns, gazetteer
            )
        is_place = functools.partial(self._is_place, language=language)
        if language == "de":  # English: a constituency ("Cardiff North") may be named so
            spans = people_named_by_places(spans, is_place, self._name_part)
        spans = framed_names(text, language, spans, is_place, demonym)
        if language == "en":
            spans = unnamed_people_as_organizations(
                text, places_named_by_their_first_word(spans), self._name_part, title_word
            )
        spans = word_non_actors(spans, language, gazetteer, known, text=text)
        spans = late_cues(text, language, spans, gazetteer, self.stats, self.common_nouns)
        spans = [s for s in spans if not is_non_actor_word(s, language, gazetteer, known)]
        if language == "de":
            is_noun = functools.partial(_noun_word, self.common_nouns, demonym, self._known_name)
            spans = settle_german_people(text, spans, is_noun, gazetteer)
        elif language == "en":
            spans = settle_english_people(text, spans, gazetteer)
        return spans

    def _is_place(self, name: str, language: str = "") -> bool:
        return self.gazetteer.place(name, language=language) is not None

    def _name_part(self, word: str) -> bool:
        """A given name or a name part of people the name lists know."""
        return self.gazetteer.given_names.get(word, 0) > 0 or word.lower() in self.gazetteer.person_variants

    def _known_name(self, word: str) -> bool:
        """A known place, organisation or given name (kept whatever its word looks like)."""
        gazetteer = self.gazetteer
        return (
            gazetteer.place_or_country(word, language="de") is not None
            or gazetteer.organization(word) is not None
            or gazetteer.given_names.get(word, 0) > 0
        )

    def _retype_organization(self, span: EntitySpan, alone: frozenset[str] = frozenset()) -> EntitySpan:
        """A known organisation's name, or a "person" in capitals only ("CJTF-OIR"), is an organisation.

        A known name that begins with a given name ("Al Jazeera") is a person's only when its last
        word stands alone as a person in the text (``alone``: a surname used again).
        """
        if span.type not in ("person", "location"):
            return span
        name = span.text.strip()
        gazetteer = self.gazetteer
        found = gazetteer.organization(name)
        # a known name typed as a place is an organisation ("Camorra") unless it is a place too;
        # not an abbreviation only known ("MD" is a party somewhere and a US state)
        place_typed = found is False and span.type == "location" and not name.isupper()
        known = (found is True or place_typed) and gazetteer.place(name) is None
        capitals = span.type == "person" and all(
            sum(c.isalpha() for c in w) >= 2 and w.upper() == w for w in name.split()
        )
        personal = self._starts_with_given_name(name, "en") and (
            found is not True or name.split()[-1] in alone
        )
        if (known or capitals) and not personal:
            return EntitySpan(span.start, span.end, span.text, "organization", span.score)
        return span

    def _stray_english(self, language: str, word: str) -> bool:
        """An English word the English training data never tags as a name, alone in German text ("Today")."""
        if language != "de" or (language, word) in self.stats.counts:
            return False
        other, entity = self.stats.counts.get(("en", word), (0, 0))
        return other >= 3 and entity == 0

    def _is_given_name(self, word: str, language: str) -> bool:
        return (
            self.gazetteer.given_names.get(word, 0) >= MIN_GIVEN_NAME_COUNT
            and not self.stats.is_common(language, word)
            and self.gazetteer.place(word) is None
        )

    def _starts_with_given_name(self, name: str, language: str) -> bool:
        """ "Grant Leadbitter" typed as an organisation is a person: a given name and a capitalised word."""
        parts = name.split()
        return (
            len(parts) == 2
            and self._is_given_name(parts[0], language)
            and parts[1][:1].isupper()
            and not self.stats.is_common(language, parts[1])
            and self.gazetteer.place(name) is None
        )

    def _add_missed_people(self, text: str, language: str, spans: list[EntitySpan]) -> list[EntitySpan]:
        """Add "Given Surname" pairs the model missed, where neither word is a common word."""
        candidates: list[EntitySpan] = []
        words = list(_CAP_WORD.finditer(text))
        for first, second in pairwise(words):
            if text[first.end() : second.start()] != " ":
                continue
            if not self._is_given_name(first.group(0), language):
                continue
            surname = second.group(0)
            if self.stats.is_common(language, surname) or self.gazetteer.place(surname) is not None:
                continue
            if language == "de" and surname in self.stats.known_words(language):
                continue
            start, end = first.start(), second.end()
            candidates.append(EntitySpan(start, end, text[start:end], "person", 0.5))
        return sorted([*spans, *without_overlaps(candidates, spans)], key=span_order)

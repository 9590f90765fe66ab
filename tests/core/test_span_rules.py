"""Span fixes read from the words around a span and from the other spans of the same text."""

from __future__ import annotations

from desktop.core.entities.boundaries import PersonBoundaries
from desktop.core.entities.gazetteer import Gazetteer, Place
from desktop.core.entities.knowledge import KnowledgeRecognizer
from desktop.core.entities.linking import link_mentions
from desktop.core.entities.org_phrases import organization_phrases
from desktop.core.entities.span_rules import (
    cut_glued_words,
    fix_edges,
    join_person_names,
    organization_kinds,
    people_after_titles,
    split_slashed_places,
)
from desktop.core.entities.word_stats import WordStats
from desktop.core.types import EntitySpan, EntityType

GAZ = Gazetteer(
    {
        "Valdorien": Place("T:VX", "country", 0, True),
        "Brückstadt": Place("G:1", "city", 200_000, True),
        "Lyonsford": Place("G:2", "city", 500_000, True),
        "Hafenau": Place("G:3", "city", 40_000, False),
    },
    {},
    {"Jan": 900, "Hana": 400, "Anna": 900},
    {"Weltbund": True},
)


class FixedModel:
    def __init__(self, spans: list[EntitySpan]) -> None:
        self.spans = spans

    def recognize(self, text: str, language: str) -> list[EntitySpan]:
        return list(self.spans)


def span(text: str, name: str, kind: EntityType, nth: int = 0) -> EntitySpan:
    start = -1
    for _ in range(nth + 1):
        start = text.index(name, start + 1)
    return EntitySpan(start, start + len(name), name, kind)


def pairs(spans: list[EntitySpan]) -> list[tuple[str, str]]:
    return [(s.text, s.type) for s in spans]


def title_word(language: str):  # type: ignore[no-untyped-def]
    boundaries = PersonBoundaries(GAZ)
    return lambda word: boundaries.is_title_word(word, language)


def test_places_joined_by_a_slash_are_two_places() -> None:
    # (the recognised span stays whole, as GermEval annotates it; linking splits it into places)
    text = "Brückstadt/Hafenau – Der Rat tagte. Bündnis 90/Die Grünen stimmten zu."
    spans = [span(text, "Brückstadt/Hafenau", "person"), span(text, "Bündnis 90/Die Grünen", "organization")]
    got = split_slashed_places(text, spans, GAZ, "de")
    assert pairs(got) == [
        ("Brückstadt", "location"),
        ("Hafenau", "location"),
        ("Bündnis 90/Die Grünen", "organization"),
    ]
    assert all(text[s.start : s.end] == s.text for s in got)


def test_a_persons_word_left_out_or_tagged_apart_joins_the_name() -> None:
    text = "Der Kommissar, Zeid Raad al-Hussein, warnte. Es eskaliert, sagte Zeid. Anna Berg kam."
    spans = [span(text, "Raad al-Hussein", "person"), span(text, "Zeid", "person", 1)]
    spans.append(span(text, "Berg", "person"))
    got = join_person_names(text, spans, GAZ, title_word("de"))
    assert pairs(got) == [("Zeid Raad al-Hussein", "person"), ("Zeid", "person"), ("Anna Berg", "person")]
    titled = "Senator Jones sprach."  # a title never joins
    assert pairs(join_person_names(titled, [span(titled, "Jones", "person")], GAZ, title_word("en"))) == [
        ("Jones", "person")
    ]


def test_a_word_glued_before_a_known_surname_is_cut_off_but_a_relatives_name_stays() -> None:
    text = "Jan Böhmermann zeigte Neo Magazin Royale. In Royale Böhmermann ... Hana Kimura und Kyoko Kimura."
    spans = [
        span(text, "Jan Böhmermann", "person"),
        span(text, "Royale Böhmermann", "person"),
        span(text, "Hana Kimura", "person"),
        span(text, "Kyoko Kimura", "person"),
    ]
    got = pairs(cut_glued_words(text, spans, GAZ))
    assert got == [
        ("Jan Böhmermann", "person"),
        ("Böhmermann", "person"),
        ("Hana Kimura", "person"),
        ("Kyoko Kimura", "person"),
    ]


def test_a_kind_of_organisation_before_a_name_types_it() -> None:
    text = "Die Linkspartei Podemos verhandelt, sagte Podemos laut der Agentur AFP "
    text += "und der Extremistenmiliz IS."
    spans = [
        span(text, "Linkspartei Podemos", "organization"),
        span(text, "Podemos", "person", 1),
        span(text, "AFP", "person"),
    ]
    got = pairs(organization_kinds(text, spans, "de", GAZ))
    assert got == [
        ("Podemos", "organization"),
        ("Podemos", "organization"),
        ("AFP", "organization"),
        ("IS", "organization"),
    ]
    english = "The news agency Fars said that reporter Ali Khan left; the company Weltbund agreed."
    spans = [span(english, "Fars", "person"), span(english, "Ali Khan", "person")]
    assert pairs(organization_kinds(english, spans, "en", GAZ)) == [
        ("Fars", "organization"),
        ("Ali Khan", "person"),
    ]


def test_a_legal_form_or_a_place_after_a_kind_keeps_the_name_whole() -> None:
    text = "Die Volksbanken AG und die Volksbank Brückstadt-Nord fusionieren."
    spans = [span(text, "Volksbanken AG", "organization")]
    spans.append(span(text, "Volksbank Brückstadt-Nord", "organization"))
    assert pairs(organization_kinds(text, spans, "de", GAZ)) == pairs(spans)


def test_an_organisation_span_beginning_with_a_title_is_the_person() -> None:
    text = (
        "Ambassador Saperstein for Religious Minorities met the Air Force Reserve Command and General Motors."
    )
    spans = [
        span(text, "Ambassador Saperstein for Religious Minorities", "organization"),
        span(text, "Air Force Reserve Command", "organization"),
        span(text, "General Motors", "organization"),
    ]
    assert pairs(people_after_titles(text, spans, title_word("en"))) == [
        ("Saperstein", "person"),
        ("Air Force Reserve Command", "organization"),
        ("General Motors", "organization"),
    ]
    german = "Unterstützung von Springer-Chef Döpfner."
    got = people_after_titles(
        german, [span(german, "Springer-Chef Döpfner", "organization")], title_word("de")
    )
    assert pairs(got) == [("Döpfner", "person")]


def test_edges_units_districts_hyphens_spa_towns_facilities_and_compass_words() -> None:
    text = "The 507th Air Refueling Wing left Washington, D.C. for Incirlik Air Base; "
    text += "CJTF-OIR and the South. "
    text += "In Bad Radkersburg tagte das Population Reference Bureau."
    spans = [
        span(text, "Air Refueling Wing", "organization"),
        span(text, "Washington", "location"),
        span(text, "D.C.", "location"),
        span(text, "Incirlik Air Base", "organization"),
        span(text, "CJTF", "organization"),
        span(text, "OIR", "organization"),
        span(text, "South", "location"),
        span(text, "Radkersburg", "location"),
        span(text, "Reference Bureau", "person"),
    ]
    assert pairs(fix_edges(text, spans)) == [
        ("507th Air Refueling Wing", "organization"),
        ("Washington, D.C.", "location"),
        ("Incirlik Air Base", "location"),
        ("CJTF-OIR", "organization"),
        ("Bad Radkersburg", "location"),
        ("Reference Bureau", "organization"),
    ]


def test_german_institutions_named_by_an_adjective_in_the_genitive_or_with_a_place() -> None:
    text = "Mitarbeiter des Auswärtigen Amts und die Präsidentin des Obersten Gerichtshofs, laut der "
    text += "Handelskammer von Brückstadt. Die Neue Datenschnittstelle nicht."
    got = pairs(organization_phrases(text, "de", [], GAZ))
    assert got == [
        ("Auswärtigen Amts", "organization"),
        ("Obersten Gerichtshofs", "organization"),
        ("Handelskammer von Brückstadt", "organization"),
    ]


def test_surname_after_the_full_name_stays_the_person_even_when_a_city_is_so_called() -> None:
    text = "Col. David C. Lyonsford leads. We are ready, Lyonsford said."
    spans = [span(text, "David C. Lyonsford", "person"), span(text, "Lyonsford", "person", 1)]
    recognizer = KnowledgeRecognizer(
        FixedModel(spans),
        model_languages=lambda: {"en"},
        gazetteer=GAZ,
        stats=WordStats({}),
        common_nouns=frozenset(),
    )
    found = recognizer.recognize(text, "en")
    actors = link_mentions(text, "en", found, gazetteer=GAZ)
    assert [(a.name, a.type, len(a.mentions)) for a in actors] == [("David C. Lyonsford", "person", 2)]


def test_arabic_article_variants_of_a_name_are_one_person() -> None:
    text = "Muammar al-Gaddafi fiel 2011. Seit dem Sturz von Muammar Gaddafi herrscht Chaos."
    spans = [span(text, "Muammar al-Gaddafi", "person"), span(text, "Muammar Gaddafi", "person")]
    actors = link_mentions(text, "de", spans, gazetteer=GAZ)
    assert len(actors) == 1 and actors[0].type == "person" and len(actors[0].mentions) == 2


def test_title_line_spans_end_before_words_the_body_writes_in_lower_case() -> None:
    from desktop.core.entities.title_case import headline_spans

    text = "U.S. Condemns Terrorist Attacks in Iraq\n\nThe United States condemns the terrorist attacks."
    got = headline_spans(text, [span(text, "U.S. Condemns Terrorist Attacks", "organization")])
    assert pairs(got) == [("U.S.", "organization")]
    named = "Global Coalition Meets in Rome\n\nThe Global Coalition meets; a coalition of partners."
    kept = [span(named, "Global Coalition", "organization")]
    assert pairs(headline_spans(named, kept)) == [("Global Coalition", "organization")]


def test_teams_named_after_places_are_organisations_but_streets_and_wars_stay() -> None:
    from desktop.core.entities.title_case import teams_named_after_places

    text = "Brückstadt Falcons beat Brückstadt Square fans after the Valdorien War."
    spans = [
        span(text, "Brückstadt Falcons", "location"),
        span(text, "Brückstadt Square", "location"),
        span(text, "Valdorien War", "location"),
    ]
    assert pairs(teams_named_after_places(spans, GAZ)) == [
        ("Brückstadt Falcons", "organization"),
        ("Brückstadt Square", "location"),
        ("Valdorien War", "location"),
    ]


def test_a_name_after_a_title_or_after_the_mayor_of_a_place_is_a_person() -> None:
    from desktop.core.entities.span_rules import people_after_title_words

    text = "Special Advisor Knox Tamsin will travel. The mayor of Brückstadt, Lia Corvan, spoke in Valdorien."
    spans = [
        span(text, "Knox Tamsin", "location"),
        span(text, "Brückstadt", "location"),
        span(text, "Lia Corvan", "location"),
        span(text, "Valdorien", "location"),
    ]
    assert pairs(people_after_title_words(text, spans, title_word("en"), GAZ)) == [
        ("Knox Tamsin", "person"),
        ("Brückstadt", "location"),
        ("Lia Corvan", "person"),
        ("Valdorien", "location"),
    ]


def test_linking_lists_each_place_of_a_slashed_dateline() -> None:
    text = "Brückstadt/Hafenau – Der Rat tagte."
    actors = link_mentions(text, "de", [span(text, "Brückstadt/Hafenau", "location")], gazetteer=GAZ)
    assert [(a.name, a.type) for a in actors] == [("Brückstadt", "location"), ("Hafenau", "location")]

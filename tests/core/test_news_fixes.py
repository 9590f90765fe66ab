"""Span fixes for recurring news shapes (news_fixes), names.german_nominative and office words in names."""

from __future__ import annotations

from desktop.core.entities.boundaries import PersonBoundaries
from desktop.core.entities.english_offices import cut_offices_from_institutions, drop_portfolios_and_verbs
from desktop.core.entities.gazetteer import Gazetteer, Place
from desktop.core.entities.names import german_nominative
from desktop.core.entities.news_fixes import (
    abstract_nouns_as_people,
    companies_typed_as_people,
    cut_leading_members,
    dateline_places,
    drop_noun_compounds,
    german_group_compounds,
    join_dangling_links,
    outlets_before_kind_words,
    people_after_inner_titles,
    people_named_after_organizations,
    places_with_their_qualifier,
    split_joined_people,
)
from desktop.core.types import EntitySpan
from tests.core.test_span_rules import pairs, span

GAZ = Gazetteer(
    {"Hafenau": Place("G:3", "city", 40_000, False), "Brunnstadt": Place("G:4", "city", 90_000, False)},
    {},
    {"Jan": 900, "Tomas": 900},
    {},
)


def title_word(language: str):  # type: ignore[no-untyped-def]
    boundaries = PersonBoundaries(GAZ)
    return lambda word: boundaries.is_title_word(word, language)


def test_two_people_joined_by_and_are_two_spans() -> None:
    text = "Minister Varga and Secretary of Defense Ilo Brandt will meet."
    whole = span(text, "Varga and Secretary of Defense Ilo Brandt", "person")
    got = split_joined_people([whole], title_word("en"))
    assert pairs(got) == [("Varga", "person"), ("Secretary of Defense Ilo Brandt", "person")]
    # the right side then loses its office, also with a given name the data does not know
    trimmed = PersonBoundaries(GAZ).trim(got[1], "en")
    assert pairs(trimmed) == [("Ilo Brandt", "person")]
    # one word after "and" that is no title is left alone (no second person to split off)
    text = "Kiri and Zoltan"
    assert pairs(split_joined_people([span(text, text, "person")], title_word("en"))) == [(text, "person")]
    # the two sides of a match are two people, one word each too
    text = "Varga vs. Brandt"
    got = split_joined_people([span(text, text, "person")], title_word("de"))
    assert pairs(got) == [("Varga", "person"), ("Brandt", "person")]
    assert text[got[1].start : got[1].end] == "Brandt"


def test_members_before_an_institution_are_cut() -> None:
    text = "The Members of the Grand Council of Velmar agreed."
    members = span(text, "Members of the Grand Council of Velmar", "organization")
    got = cut_leading_members([members], title_word("en"))
    assert pairs(got) == [("Grand Council of Velmar", "organization")]
    text = "Bank of Velmar"  # no member or office before "of": the name stays
    assert pairs(cut_leading_members([span(text, text, "organization")], title_word("en"))) == [
        (text, "organization")
    ]


def test_an_organisation_ending_in_a_link_word_joins_the_name_after_it() -> None:
    text = "the Alliance to Protect Velmar met; the Council of said no."
    spans = [
        span(text, "Alliance to", "organization"),
        span(text, "Protect Velmar", "organization"),
        span(text, "Council of", "organization"),
    ]
    assert pairs(join_dangling_links(text, spans)) == [
        ("Alliance to Protect Velmar", "organization"),
        ("Council", "organization"),
    ]


def test_known_places_of_a_dateline_of_several_places() -> None:
    text = "Ein Satz. Hafenau/Brunnstadt – Der Rat tagte. Später/Anders – nichts."
    got = dateline_places(text, [], GAZ)
    assert pairs(got) == [("Hafenau", "location"), ("Brunnstadt", "location")]
    assert got[1].start == text.index("Brunnstadt")


def test_compounds_of_two_common_nouns_are_no_people_or_places() -> None:
    nouns = frozenset({"Messer", "Stiche", "Zimmer", "Hotel", "Mann", "Kauf", "Meer", "Mittel", "Brunn"})
    keep = lambda w: GAZ.place(w) is not None  # noqa: E731
    text = "Messerstiche im Hotelzimmer; Kaufmann sagte; Mittelmeeres; Brunnstadt"
    spans = [
        span(text, "Messerstiche", "person"),
        span(text, "Hotelzimmer", "location"),
        span(text, "Kaufmann", "person"),  # "-mann" ends surnames
        span(text, "Mittelmeeres", "location"),  # "-meer" ends place names, also in the genitive
        span(text, "Brunnstadt", "location"),  # a known place
    ]
    assert pairs(drop_noun_compounds(spans, nouns, keep)) == [
        ("Kaufmann", "person"),
        ("Mittelmeeres", "location"),
        ("Brunnstadt", "location"),
    ]
    text = "Jan Messerstiche kam. Messerstiche sagte"  # a full name ending in the word keeps it
    spans = [span(text, "Jan Messerstiche", "person"), span(text, "Messerstiche", "person", 1)]
    assert drop_noun_compounds(spans, nouns, keep) == spans


def test_listed_words_seldom_after_a_determiner_are_no_people_or_places() -> None:
    nouns = frozenset({"Glimmwein", "Rastet", "Zorbania", "Quastel"})
    bare = frozenset({"Glimmwein", "Rastet", "Quastel"})  # "Zorbania" follows determiners: a region
    keep = lambda w: w == "Quastel"  # noqa: E731
    text = "Glimmwein trank er. Rastet euch! Zorbania; Quastel; bei Glimmwein"
    spans = [
        span(text, "Glimmwein", "location"),
        span(text, "Rastet", "person"),
        span(text, "Zorbania", "location"),
        span(text, "Quastel", "location"),  # a known name
        span(text, "Glimmwein", "organization", 1),  # organisations are named by common words too
    ]
    got = drop_noun_compounds(spans, nouns, keep, bare)
    assert pairs(got) == [("Zorbania", "location"), ("Quastel", "location"), ("Glimmwein", "organization")]
    assert drop_noun_compounds(spans, nouns, keep) == spans  # without the list nothing goes
    text = "Jon Rastet kam. Rastet sagte"  # the surname of a full name in the text stays
    spans = [span(text, "Jon Rastet", "person"), span(text, "Rastet", "person", 1)]
    assert drop_noun_compounds(spans, nouns, keep, bare) == spans


def test_a_name_ending_in_a_company_word_is_a_company() -> None:
    text = "Harbin Lotus Entertainment bought it from Jan Holding."
    got = companies_typed_as_people([span(text, "Harbin Lotus Entertainment", "person")])
    assert pairs(got) == [("Harbin Lotus Entertainment", "organization")]


def test_a_name_ending_in_a_media_word_is_a_company() -> None:
    text = "Orvell Bay Media said Kestra Broadcasting had lied, Anna Media-Kurz said."
    spans = [
        span(text, "Orvell Bay Media", "person"),
        span(text, "Kestra Broadcasting", "person"),
        span(text, "Anna Media-Kurz", "person"),
    ]
    assert pairs(companies_typed_as_people(spans)) == [
        ("Orvell Bay Media", "organization"),
        ("Kestra Broadcasting", "organization"),
        ("Anna Media-Kurz", "person"),
    ]


def test_a_person_with_an_organisations_acronym_is_no_person() -> None:
    text = "Forum to Counter ZORV met. ZORV lost. Jan Tomas spoke."
    spans = [
        span(text, "Counter ZORV", "person"),
        span(text, "ZORV", "organization", 1),
        span(text, "Jan Tomas", "person"),
    ]
    assert pairs(people_named_after_organizations(spans)) == [
        ("Counter ZORV", "organization"),
        ("ZORV", "organization"),
        ("Jan Tomas", "person"),
    ]


def test_a_title_and_a_given_name_inside_an_organisation_make_a_person() -> None:
    text = "He met Old Velmarian Patriarch Tomas yesterday."
    got = people_after_inner_titles(
        [span(text, "Old Velmarian Patriarch Tomas", "organization")],
        lambda w: w == "Patriarch",
        lambda w: w in GAZ.given_names,
    )
    assert pairs(got) == [("Tomas", "person")]
    assert got[0].start == text.index("Tomas")


def test_german_genitive_nouns_get_their_nominative() -> None:
    assert german_nominative("Landesheeres", "des") == "Landesheer"
    assert german_nominative("Kreisamtes Velmarland", "des") == "Kreisamt Velmarland"
    assert german_nominative("Europäischen Rates", "des") == "Europäischer Rat"  # adjective as before
    assert german_nominative("Internationalen Währungsfonds", "des") == "Internationaler Währungsfonds"


def test_split_people_do_not_lose_spans_of_other_types() -> None:
    text = "Smith & Sons"
    spans = [EntitySpan(0, len(text), text, "organization")]
    assert split_joined_people(spans, title_word("en")) == spans


def test_datelines_name_known_places() -> None:
    gaz = Gazetteer({"Hafenau": Place("G:3", "city", 40_000, False)}, {}, {}, {})
    text = "Ein Satz. Hafenau – Der Konzern Velmar meldete."
    got = dateline_places(text, [span(text, "Hafenau", "person")], gaz)
    assert pairs(got) == [("Hafenau", "location")]
    # a later "Name – " is no dateline, and an unknown word stays as the model typed it
    text = "Ein Satz. Brunnhuber – Der Konzern. Hafenau – so."
    spans = [span(text, "Brunnhuber", "person"), span(text, "Hafenau", "person")]
    assert pairs(dateline_places(text, spans, gaz)) == [("Brunnhuber", "person"), ("Hafenau", "person")]


def test_groups_named_in_german_compounds_are_organisations() -> None:
    gaz = Gazetteer(
        {"Hafenau": Place("G:3", "city", 40_000, False)}, {}, {}, {}, demonyms={("de", "Velmare")}
    )
    text = "Die Zarqa-Brigaden und Velmaren-Milizen kämpften nahe der Hafenau-Rebellen."
    got = german_group_compounds(text, [span(text, "Zarqa", "person")], gaz, "de")
    assert pairs(got) == [("Zarqa-Brigaden", "organization")]


def test_a_name_before_the_kind_of_outlet_is_an_organisation() -> None:
    text = "The Velmar Courier newspaper and Brussels-based media network ZETA reported; Lumen magazine too."
    got = outlets_before_kind_words(text, [span(text, "Velmar Courier", "person")])
    assert pairs(got) == [("Velmar Courier", "organization"), ("Lumen", "organization")]


def test_abstract_nouns_are_no_people() -> None:
    text = "Sabotage sagte. Jan Vermessung kam; Vermessung lachte. Zoltan kam."
    spans = [
        span(text, "Sabotage", "person"),
        span(text, "Jan Vermessung", "person"),
        span(text, "Vermessung", "person", 1),  # the surname of a full name in the text
        span(text, "Zoltan", "person"),
    ]
    assert pairs(abstract_nouns_as_people(spans, "de")) == [
        ("Jan Vermessung", "person"),
        ("Vermessung", "person"),
        ("Zoltan", "person"),
    ]
    text = "Championship won."
    assert abstract_nouns_as_people([span(text, "Championship", "person")], "en") == []


def test_foreign_agency_words_begin_organisations() -> None:
    text = "Agence Velmar-Presse reported."
    got = companies_typed_as_people([span(text, "Agence Velmar-Presse", "person")])
    assert pairs(got) == [("Agence Velmar-Presse", "organization")]


def test_a_places_adjective_belongs_to_the_place() -> None:
    places = {"Valdor": Place("T:VD", "country", 0, True)}
    gaz = Gazetteer(places, {}, {}, {})
    text = "In Brunnau, im Brunnauer Oberland und in der Republik Valdor; Hafenauer Tal."  # "Republik": no
    spans = [
        span(text, "Brunnau", "location"),
        span(text, "Oberland", "location"),
        span(text, "Valdor", "location"),
        span(text, "Tal", "location"),  # "Hafenau" is neither known nor named: no place's adjective
    ]
    assert pairs(places_with_their_qualifier(text, spans, gaz)) == [
        ("Brunnau", "location"),
        ("Brunnauer Oberland", "location"),
        ("Valdor", "location"),
        ("Tal", "location"),
    ]


def test_portfolios_after_titles_and_verbs_of_saying_are_no_actors() -> None:
    text = "Velmar Spokesman Says. The Secretary of State met the Minister of Justice in State College."
    spans = [
        span(text, "Says", "person"),
        span(text, "State", "location"),
        span(text, "Justice", "organization"),
        span(text, "State College", "location"),
    ]
    got = drop_portfolios_and_verbs(text, spans, lambda w: w in {"Secretary", "Minister"})
    assert pairs(got) == [("State College", "location")]


def test_offices_are_cut_from_institutions() -> None:
    text = "Velmar Press Secretary Jan Tomas and the Velmar Embassy Chargé d’Affaires met the Velmar Press."
    spans = [
        span(text, "Velmar Press", "organization"),
        span(text, "Velmar Embassy Chargé d’Affaires", "location"),
        span(text, "Velmar Press", "organization", 1),  # no office after it: a newspaper's name
    ]
    got = cut_offices_from_institutions(text, spans, lambda w: w == "Secretary")
    assert pairs(got) == [
        ("Velmar", "organization"),
        ("Velmar Embassy", "organization"),
        ("Velmar Press", "organization"),
    ]


def test_compound_of_an_adjective_and_a_common_noun_is_no_place_or_person() -> None:
    nouns = frozenset({"Brand", "Feuer"})
    bare = frozenset({"Riesig", "Groß"})  # listed words seldom after a determiner (adjectives)
    keep = lambda w: GAZ.place(w) is not None  # noqa: E731
    text = "Der Riesigbrand in Hafenau; Großfeuer; Brunnfeuer"
    spans = [
        span(text, "Riesigbrand", "location"),
        span(text, "Hafenau", "location"),
        span(text, "Großfeuer", "person"),
        span(text, "Brunnfeuer", "location"),  # "Brunn" is no listed word
    ]
    got = drop_noun_compounds(spans, nouns, keep, bare)
    assert pairs(got) == [("Hafenau", "location"), ("Brunnfeuer", "location")]
    assert pairs(drop_noun_compounds(spans, nouns, keep)) == pairs(spans)  # without the list nothing goes


def test_a_compound_whose_last_noun_is_inflected_is_no_place() -> None:
    nouns = frozenset({"Limit", "Messer"})
    bare = frozenset({"Bargeld"})
    text = "In vielen Ländern gibt es Bargeldlimits: so Messerlimits."
    spans = [span(text, "Bargeldlimits", "location"), span(text, "Messerlimits", "location")]
    assert drop_noun_compounds(spans, nouns, lambda w: False, bare) == []
    # a known name is kept whatever its parts
    assert drop_noun_compounds(spans[:1], nouns, lambda w: w == "Bargeldlimits", bare) == spans[:1]

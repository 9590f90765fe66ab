"""Words listed as actors that are no actor, by data-built word lists (word_actors); invented names."""

from __future__ import annotations

import gzip
from pathlib import Path

from desktop.core.entities.gazetteer import Gazetteer, Place
from desktop.core.entities.word_actors import (
    cut_possessed_nouns,
    english_inhabitant_word,
    inhabitant_word,
    word_non_actors,
)
from tests.core.test_span_rules import pairs, span

GAZ = Gazetteer(
    {
        "Hafenau": Place("G:3", "city", 40_000, False),
        "Bad Quellau": Place("G:5", "city", 20_000, False),
        "Valdoria": Place("T:VD", "country", 5_000_000, True),
    },
    {"brandt": "Q1", "kessler": "Q2"},
    {"Jan": 900, "Hope": 400, "Hans": 900},
    {"Nordwerk": True},
    frozenset({("en", "Valdorian"), ("en", "North Valdorians"), ("de", "Valdorier")}),
    english_common_words=frozenset({"Vaccine", "Rainfall", "Hope", "Kessler", "Shelter"}),
)


def _never_known(word: str, kind: str) -> bool:
    return False


def test_nationality_words_of_one_or_two_words_are_no_actors() -> None:
    text = "North Valdorians and a Valdorian met Jan Brandt in Valdoria."
    spans = [
        span(text, "North Valdorians", "location"),
        span(text, "Valdorian", "person"),
        span(text, "Jan Brandt", "person"),
        span(text, "Valdoria", "location"),
    ]
    got = word_non_actors(spans, "en", GAZ, _never_known)
    assert pairs(got) == [("Jan Brandt", "person"), ("Valdoria", "location")]


def test_lone_english_common_words_go_but_names_stay() -> None:
    text = "Vaccine arrived. Rainfall rose. Hope spoke. Ada Kessler and Kessler. Shelter said."
    spans = [
        span(text, "Vaccine", "person"),
        span(text, "Rainfall", "location"),
        span(text, "Hope", "person"),  # a frequent given name
        span(text, "Ada Kessler", "person"),
        span(text, "Kessler", "person", nth=1),  # the last word of a full name in the text
        span(text, "Shelter", "location"),  # known to the caller (a place of the gazetteer)
    ]
    known = lambda word, kind: word == "Shelter"  # noqa: E731
    got = word_non_actors(spans, "en", GAZ, known)
    assert pairs(got) == [
        ("Hope", "person"),
        ("Ada Kessler", "person"),
        ("Kessler", "person"),
        ("Shelter", "location"),
    ]
    # organisations are often named by a common word (a magazine, a firm): kept
    outlet = span("Rainfall said.", "Rainfall", "organization")
    assert pairs(word_non_actors([outlet], "en", GAZ, _never_known))
    # German text: an English common word alone is no person, but may be a place
    assert not word_non_actors([span("Vaccine kam.", "Vaccine", "person")], "de", GAZ, _never_known)
    assert pairs(word_non_actors([span("In Vaccine.", "Vaccine", "location")], "de", GAZ, _never_known))


def test_german_inhabitant_words_of_known_places_are_no_actors() -> None:
    assert inhabitant_word("Hafenauer", GAZ)
    assert inhabitant_word("Hafenauern", GAZ)
    assert inhabitant_word("Bad Quellauer", GAZ)
    assert not inhabitant_word("Hafenau", GAZ)  # the place itself
    assert not inhabitant_word("Ostheimer", GAZ)  # no known place "Ostheim"
    text = "Die Hafenauer Polizei und die Bad Quellauer sahen Jan Brandt."
    spans = [span(text, "Hafenauer", "location"), span(text, "Bad Quellauer", "location")]
    spans.append(span(text, "Jan Brandt", "person"))
    assert pairs(word_non_actors(spans, "de", GAZ, _never_known)) == [("Jan Brandt", "person")]


def test_english_inhabitant_words_of_well_known_places_are_no_actors() -> None:
    gazetteer = Gazetteer(
        {
            "Ostmarka": Place("G:1", "admin1", 4_000_000, True),
            "Port Velo": Place("G:2", "country", 3_000_000, True),
            "Quellia": Place("G:3", "city", 20_000, False),
            "Brandta": Place("G:4", "city", 900_000, True),
            "Valdarus": Place("T:VR", "country", 9_000_000, True),
        },
        {"brandtan": "Q1"},
        {"Brandtian": 40},
        {},
    )
    assert english_inhabitant_word("Ostmarkians", gazetteer)
    assert english_inhabitant_word("Port Velan", gazetteer)
    assert english_inhabitant_word("Valdarussian", gazetteer)  # a place ending in -s, with "-sian"
    assert not english_inhabitant_word("Quellian", gazetteer)  # no well-known place
    assert not english_inhabitant_word("Brandtan", gazetteer)  # a name part of people
    assert not english_inhabitant_word("Brandtian", gazetteer)  # a given name
    text = "Ostmarkians voted for Jan Brandt in Port Velan towns."
    spans = [span(text, "Ostmarkians", "person"), span(text, "Jan Brandt", "person")]
    spans.append(span(text, "Port Velan", "location"))  # a place's adjective typed a place
    spans.append(span(text, "Ostmarkians", "organization"))  # typed an organisation: maybe a team
    got = word_non_actors(spans, "en", gazetteer, _never_known)
    assert pairs(got) == [("Jan Brandt", "person"), ("Ostmarkians", "organization")]


def test_a_name_that_is_a_person_part_is_no_inhabitant_word() -> None:
    gazetteer = Gazetteer({"Kessl": Place("G:9", "city", 20_000, False)}, {"kessler": "Q2"}, {}, {})
    assert not inhabitant_word("Kessler", gazetteer)


def test_german_possessive_before_a_common_noun_is_cut_to_the_person() -> None:
    nouns = frozenset({"Haus", "Plan", "Beratern"})
    text = "Brandt sagte, Anna Brandts Haus und Jan Kesslers Wahl-Plan; Hans Haus kam; Ole und Oles Beratern."
    spans = [
        span(text, "Brandt", "person"),
        span(text, "Anna Brandts Haus", "person"),
        span(text, "Jan Kesslers Wahl-Plan", "person"),
        span(text, "Hans Haus", "person"),  # a given name before the noun: a name
        span(text, "Oles Beratern", "person"),
    ]
    got = cut_possessed_nouns(text, spans, nouns, GAZ)
    assert pairs(got) == [
        ("Brandt", "person"),
        ("Anna Brandt", "person"),  # the text also says "Brandt"
        ("Jan Kesslers Wahl-Plan", "person"),  # "Kessler" alone is nowhere in the text: left alone
        ("Hans Haus", "person"),
        ("Ole", "person"),
    ]
    assert all(text[s.start : s.end] == s.text for s in got)


def test_german_possessive_before_a_compound_of_two_common_nouns_is_cut_to_the_person() -> None:
    nouns = frozenset({"Pausen", "Film", "Klein"})
    text = "Jorg Vellas Pausenfilm lief; Vella lacht. Jorg Kleins Kleinmann kam; Klein auch."
    spans = [span(text, "Jorg Vellas Pausenfilm", "person"), span(text, "Jorg Kleins Kleinmann", "person")]
    got = cut_possessed_nouns(text, spans, nouns, GAZ)
    assert pairs(got) == [
        ("Jorg Vella", "person"),  # "Pausen|film": two common nouns
        ("Jorg Kleins Kleinmann", "person"),  # "-mann" ends surnames: no compound of common nouns
    ]


def test_gazetteer_loads_the_english_common_words_first_column(tmp_path: Path) -> None:
    with gzip.open(tmp_path / "common_words_en.tsv.gz", "wt", encoding="utf-8") as handle:
        handle.write("Quellmist\t12\t0.97\nVaccine\t16\t1.00\n")
    assert Gazetteer.load(tmp_path).english_common_words == frozenset({"Quellmist", "Vaccine"})
    assert Gazetteer.load(tmp_path / "missing").english_common_words == frozenset()


def test_a_lone_english_common_word_needs_a_frequent_given_name_to_stay_a_person() -> None:
    gazetteer = Gazetteer({}, {}, {"Man": 45, "Hope": 400}, english_common_words=frozenset({"Man", "Hope"}))
    text = "Man sets himself on fire. Hope spoke."
    spans = [span(text, "Man", "person"), span(text, "Hope", "person")]
    assert pairs(word_non_actors(spans, "en", gazetteer, _never_known)) == [("Hope", "person")]


def test_german_text_an_english_common_words_plural_alone_is_no_place_or_person() -> None:
    text = "in Shelters auf Facebook; Vaccines kamen; Rainfall in Hafenau"
    spans = [
        span(text, "Shelters", "location"),
        span(text, "Vaccines", "person"),
        span(text, "Rainfall", "location"),  # the singular may be a place in German text
    ]
    assert pairs(word_non_actors(spans, "de", GAZ, _never_known)) == [("Rainfall", "location")]
    # a name the gazetteer knows, and organisations, stay
    known = lambda word, kind: word == "Shelters"  # noqa: E731
    assert pairs(word_non_actors(spans[:1], "de", GAZ, known)) == [("Shelters", "location")]
    outlet = span("Vaccines meldet", "Vaccines", "organization")
    assert pairs(word_non_actors([outlet], "de", GAZ, _never_known)) == [("Vaccines", "organization")]


def test_german_text_an_english_phrase_is_no_person_but_a_given_name_keeps_it() -> None:
    text = "Das Thema Vaccine Shelter boomt; Hope Rainfall sprach; die Firma Vaccine Shelter wächst."
    spans = [
        span(text, "Vaccine Shelter", "person"),
        span(text, "Hope Rainfall", "person"),  # "Hope" is a given name
        span(text, "Vaccine Shelter", "organization", 1),
    ]
    assert pairs(word_non_actors(spans, "de", GAZ, _never_known)) == [
        ("Hope Rainfall", "person"),
        ("Vaccine Shelter", "organization"),
    ]
    assert pairs(word_non_actors(spans[:1], "en", GAZ, _never_known)) == [("Vaccine Shelter", "person")]

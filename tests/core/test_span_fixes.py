"""Span fixes read from the characters right around a span (span_fixes) and glued surnames."""

from __future__ import annotations

from desktop.core.entities.boundaries import PersonBoundaries
from desktop.core.entities.consistency import surnames_glued_to_names
from desktop.core.entities.gazetteer import Gazetteer, Place
from desktop.core.entities.org_phrases import _phrases, organization_phrases
from desktop.core.entities.organizations import prefer_longer
from desktop.core.entities.span_fixes import (
    abbreviations_before_titles,
    credit_line_agencies,
    cut_possessives,
    drop_compound_parts,
    drop_ranks,
    join_nicknames,
    split_listed_names,
    whole_known_places,
)
from tests.core.test_span_rules import pairs, span

GAZ = Gazetteer(
    {
        "Valdorien": Place("T:VX", "country", 0, True),
        "Qarat al Zun": Place("G:1", "city", 90_000, False),
        "Hafenau": Place("G:3", "city", 40_000, False),
        "Nord-Valdorien": Place("T:NV", "country", 0, True),
        "Freie Republik Ost": Place("T:RO", "country", 0, True),
    },
    {},
    {"Jan": 900, "Tomas": 900},
    {"nda": True, "Liga Ostwärts": True, "ZNA": False},
    country_codes={"VX": "T:VX"},
)


def title_word(language: str):  # type: ignore[no-untyped-def]
    boundaries = PersonBoundaries(GAZ)
    return lambda word: boundaries.is_title_word(word, language)


def test_agencies_of_a_credit_line_are_organisations() -> None:
    text = "Das Boot kenterte vor Hafenau.  (ZNA/nda, 1.11.2015) Und (mahr, 30.3.2016)"
    got = credit_line_agencies(text, [span(text, "Hafenau", "location")], GAZ)
    assert pairs(got) == [("Hafenau", "location"), ("ZNA", "organization"), ("nda", "organization")]
    assert all(text[s.start : s.end] == s.text for s in got)


def test_a_rank_before_its_full_stop_is_no_actor() -> None:
    text = "Brig. Gen. Jan Moor and Navy Capt. Tomas Reed spoke."
    spans = [
        span(text, "Brig", "person"),
        span(text, "Navy Capt", "person"),
        span(text, "Tomas Reed", "person"),
    ]
    assert pairs(drop_ranks(text, spans, title_word("en"))) == [("Tomas Reed", "person")]


def test_a_quoted_nickname_belongs_to_the_name() -> None:
    text = 'Brig. Gen. Jan "Tex" Moor will present. Moor said.'
    got = join_nicknames(text, [span(text, "Jan", "person"), span(text, "Moor", "person", 1)])
    assert pairs(got) == [('Jan "Tex" Moor', "person"), ("Moor", "person")]


def test_an_institutions_possessive_ends_its_name_but_not_a_peoples_party() -> None:
    text = "The Department of Trade's Rewards for Valour and the Free People's Party met."
    spans = [
        span(text, "Department of Trade's Rewards for Valour", "organization"),
        span(text, "Free People's Party", "organization"),
    ]
    got = cut_possessives(spans)
    assert pairs(got) == [("Department of Trade", "organization"), ("Free People's Party", "organization")]
    assert all(text[s.start : s.end] == s.text for s in got)


def test_half_a_shortened_compound_is_no_actor() -> None:
    text = "Zwischen Boden- und Neusiedler See liegt Hafenau."
    spans = [span(text, "Boden", "location"), span(text, "Neusiedler See", "location")]
    spans.append(span(text, "Hafenau", "location"))
    assert pairs(drop_compound_parts(text, spans)) == [
        ("Neusiedler See", "location"),
        ("Hafenau", "location"),
    ]


def test_a_known_place_with_particles_is_found_whole() -> None:
    text = "The strike near Qarat al Zun, Valdorien."
    got = whole_known_places(text, [span(text, "Zun", "location"), span(text, "Valdorien", "location")], GAZ)
    assert pairs(got) == [("Qarat al Zun", "location"), ("Valdorien", "location")]


def test_a_place_written_with_a_space_for_its_hyphen_is_found_whole_and_known() -> None:
    text = "Flüge nach Nord Valdorien und in die Freie Republik Ost."
    spans = [span(text, "Valdorien", "location"), span(text, "Ost", "location")]
    got = whole_known_places(text, spans, GAZ)
    # "Republik Ost" is no hyphenated name: only particles or a missing hyphen extend a place
    assert pairs(got) == [("Nord Valdorien", "location"), ("Ost", "location")]
    assert GAZ.place("Nord Valdorien") == GAZ.place("Nord-Valdorien")


def test_an_abbreviation_before_a_title_is_an_organisation_unless_a_country() -> None:
    text = "QDA Minister Jan Moor met VX Minister Tomas Reed."
    spans = [span(text, "Jan Moor", "person"), span(text, "Tomas Reed", "person")]
    got = abbreviations_before_titles(text, spans, title_word("en"), GAZ, "en")
    assert pairs(got) == [("QDA", "organization"), ("Jan Moor", "person"), ("Tomas Reed", "person")]


def test_a_surname_glued_to_an_organisation_is_split_off() -> None:
    text = "Premier Jan Oberlin sprach. Das meldete die Agentur ZNA Oberlin am Abend."
    spans = [span(text, "Jan Oberlin", "person"), span(text, "ZNA Oberlin", "organization")]
    got = surnames_glued_to_names(spans, lambda word: word == "Jan")
    assert pairs(got) == [("Jan Oberlin", "person"), ("ZNA", "organization"), ("Oberlin", "person")]
    assert all(text[s.start : s.end] == s.text for s in got)
    kept = [span(text, "Jan Oberlin", "person"), span(text, "ZNA Oberlin", "organization")]
    assert pairs(surnames_glued_to_names(kept, lambda word: False)) == pairs(kept)  # no given name: kept


def test_what_is_left_before_a_glued_surname_loses_lower_case_and_title_words() -> None:
    text = "Jan Oberlin won. Outlets called Valdorien for Oberlin. Then Sergeant Oberlin spoke."
    spans = [
        span(text, "Jan Oberlin", "person"),
        span(text, "Valdorien for Oberlin", "organization"),
        span(text, "Sergeant Oberlin", "location"),
    ]
    got = surnames_glued_to_names(
        spans, lambda word: word == "Jan", lambda word: word == "Sergeant", lambda name: name == "Valdorien"
    )
    assert pairs(got) == [
        ("Jan Oberlin", "person"),
        ("Valdorien", "location"),
        ("Oberlin", "person"),
        ("Oberlin", "person"),
    ]
    assert all(text[s.start : s.end] == s.text for s in got)


def test_a_known_name_wins_over_a_surname_tagged_inside_it() -> None:
    text = "Die Liga Ostwärts stimmte zu."
    spans = [span(text, "Ostwärts", "person")]
    found = [span(text, "Liga Ostwärts", "organization")]
    assert pairs(prefer_longer(spans, found, GAZ.given_names)) == [("Liga Ostwärts", "organization")]
    assert pairs(prefer_longer(spans, found)) == [("Ostwärts", "person")]  # without name data: as before


def test_federal_authorities_and_their_seats_are_organisation_phrases() -> None:
    text = "Ermittler des Landeskriminalamtes Hafenau und des Bundeskriminalamtes; das Bundesheer half."
    assert [text[a:b] for a, b in _phrases(text, "de", GAZ)] == [
        "Landeskriminalamtes Hafenau",
        "Bundeskriminalamtes",
        "Bundesheer",
    ]
    sentence = "Jan Moor, Foreign Office Minister for Trade, said:"  # a sentence, not a title line
    assert pairs(organization_phrases(sentence, "en", [], GAZ)) == [("Foreign Office", "organization")]


def test_people_listed_in_one_span_are_several_and_web_addresses_are_no_name() -> None:
    text = (
        "Aufstellung: Trauner, Hart – Filipo. Im Doppel Jan Ostrow/Tomas Kell. "
        "Siehe pic.twitter.com/abc123 Newman. Zwischen Hafenau/Valdorien, Liga Ostwärts/nda."
    )
    spans = [
        span(text, "Trauner, Hart – Filipo", "person"),
        span(text, "Jan Ostrow/Tomas Kell", "person"),
        span(text, "pic.twitter.com/abc123 Newman", "person"),
        span(text, "Hafenau/Valdorien", "location"),  # one name in the annotation conventions
        span(text, "Liga Ostwärts/nda", "organization"),
    ]
    found = split_listed_names(text, spans, GAZ)
    assert pairs(found) == [
        ("Trauner", "person"),
        ("Hart", "person"),
        ("Filipo", "person"),
        ("Jan Ostrow", "person"),
        ("Tomas Kell", "person"),
        ("Newman", "person"),
        ("Hafenau/Valdorien", "location"),
        ("Liga Ostwärts/nda", "organization"),
    ]
    assert all(text[s.start : s.end] == s.text for s in found)

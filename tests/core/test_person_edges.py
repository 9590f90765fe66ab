"""Dates glued to names, English "<person> of <Name>", words before given names (person_edges)."""

from __future__ import annotations

from desktop.core.entities.person_edges import (
    camel_case_names_are_no_people,
    cut_date_tails,
    cut_words_before_given_names,
    drop_offices_typed_as_people,
    drop_surname_pairs,
    english_person_tails,
    lone_people_listed_with_places,
    names_after_person_of,
    people_of_countries_and_bodies,
    plural_groups_typed_as_people,
)
from tests.core.test_span_rules import pairs, span


def test_a_date_after_a_preposition_is_no_part_of_a_name() -> None:
    text = "The Valdor State Senate on Sunday voted; the Journal of Ostmark on Wednesday said so."
    spans = [
        span(text, "Valdor State Senate on Sunday", "organization"),
        span(text, "Journal of Ostmark on Wednesday", "organization"),
    ]
    got = cut_date_tails(text, spans)
    assert pairs(got) == [("Valdor State Senate", "organization"), ("Journal of Ostmark", "organization")]
    assert all(text[s.start : s.end] == s.text for s in got)
    kept = [span(text, "Valdor State Senate", "organization")]
    assert pairs(cut_date_tails(text, kept)) == pairs(kept)
    paper = "the weekly The Valdor Post on Sunday wrote"
    assert pairs(cut_date_tails(paper, [span(paper, "The Valdor Post on Sunday", "organization")])) == [
        ("The Valdor Post on Sunday", "organization")
    ]
    # the same short name written alone elsewhere: "on Sunday" was the date, no Sunday edition
    charity = "The charity Wavewatch on Sunday renamed its boat. Wavewatch said so."
    got = cut_date_tails(charity, [span(charity, "Wavewatch on Sunday", "organization")])
    assert pairs(got) == [("Wavewatch", "organization")]


def test_an_english_name_ends_before_a_lower_case_word_and_of_names_an_owner() -> None:
    text = "Jan Vrell of Ostwerk Research and Jan Moor of Valdorien spoke; Reed for President won. Jan de Wit"
    spans = [
        span(text, "Jan Vrell of Ostwerk Research", "person"),
        span(text, "Jan Moor of Valdorien", "person"),
        span(text, "Reed for President", "person"),
        span(text, "Jan de Wit", "person"),
    ]
    got = english_person_tails(text, spans, lambda name: name == "Valdorien", lambda word: word == "Jan")
    assert pairs(got) == [
        ("Jan Vrell", "person"),
        ("Ostwerk Research", "organization"),
        ("Jan Moor", "person"),
        ("Valdorien", "location"),
        ("Reed", "person"),
        ("Jan de Wit", "person"),  # a particle belongs to the name
    ]
    assert all(text[s.start : s.end] == s.text for s in got)
    royal = [span(text, "Moor of Valdorien", "person")]  # no given name first: left as it is
    assert pairs(english_person_tails(text, royal, lambda name: False, lambda word: word == "Jan")) == pairs(
        royal
    )


def test_a_name_typed_a_person_after_person_of_is_an_organisation_or_a_place() -> None:
    text = "Mike Vrell of Quiet Harbour and Tom Reed of Valdorien played. Vrell of Ostwerk left."
    spans = [
        span(text, "Mike Vrell", "person"),
        span(text, "Quiet Harbour", "person"),
        span(text, "Tom Reed", "person"),
        span(text, "Valdorien", "person"),
        span(text, "Ostwerk", "person"),
    ]
    spans.insert(4, span(text, "Vrell", "person", nth=1))
    got = names_after_person_of(text, spans, lambda name: name == "Valdorien")
    assert pairs(got) == [
        ("Mike Vrell", "person"),
        ("Quiet Harbour", "organization"),
        ("Tom Reed", "person"),
        ("Valdorien", "location"),
        ("Vrell", "person"),
        ("Ostwerk", "person"),  # after a lone surname: not sure enough
    ]


def test_a_word_that_is_no_name_part_before_a_given_name_is_cut_off() -> None:
    text = "Broadcaster Jan Moor said. Jan Tomas Reed agreed."
    spans = [span(text, "Broadcaster Jan Moor", "person"), span(text, "Jan Tomas Reed", "person")]
    got = cut_words_before_given_names(
        text, spans, lambda word: word in ("Jan", "Tomas"), lambda word: word in ("Jan", "Tomas")
    )
    assert pairs(got) == [("Jan Moor", "person"), ("Jan Tomas Reed", "person")]
    assert text[got[0].start : got[0].end] == "Jan Moor"
    # before an Arabic article written apart, a word right after a title is the given name
    arabic = "Prime Minister Haider Al Vrell met Broadcaster Al Moor."
    spans = [span(arabic, "Haider Al Vrell", "person"), span(arabic, "Broadcaster Al Moor", "person")]
    got = cut_words_before_given_names(
        arabic,
        spans,
        lambda word: word == "Al",
        lambda word: word == "Al",
        lambda word: word == "Minister",
    )
    assert pairs(got) == [("Haider Al Vrell", "person"), ("Al Moor", "person")]


def test_two_surnames_joined_by_a_hyphen_name_no_person() -> None:
    text = "Jan Moor and Tomas Reed met. The VX Moor-Reed debate ended. Anna Lind-Moor spoke."
    spans = [
        span(text, "Jan Moor", "person"),
        span(text, "Tomas Reed", "person"),
        span(text, "VX Moor-Reed", "person"),
        span(text, "Anna Lind-Moor", "person"),
    ]
    got = drop_surname_pairs(spans)
    assert pairs(got) == [("Jan Moor", "person"), ("Tomas Reed", "person"), ("Anna Lind-Moor", "person")]


def test_a_lone_person_word_listed_beside_a_place_is_a_place() -> None:
    text = "Sites such as Valdoria and Quellau, Ostmark und Hafenau, and Anna Brandt met Brandt in Tulln."
    spans = [
        span(text, "Valdoria", "location"),
        span(text, "Quellau", "person"),
        span(text, "Ostmark", "person"),
        span(text, "Hafenau", "location"),
        span(text, "Anna Brandt", "person"),
        span(text, "Brandt", "person", nth=1),
        span(text, "Tulln", "location"),
    ]
    got = lone_people_listed_with_places(text, spans, lambda word: word == "Anna")
    assert pairs(got) == [
        ("Valdoria", "location"),
        ("Quellau", "location"),
        ("Ostmark", "location"),
        ("Hafenau", "location"),
        ("Anna Brandt", "person"),
        ("Brandt", "person"),  # held by a full name in the text
        ("Tulln", "location"),
    ]


def test_camel_case_people_are_organisations_and_offices_no_people() -> None:
    text = "GitHub and Jan McVrell met the Lord Mayor, the Harbour Manager and Jan Reed Manager."
    spans = [
        span(text, "GitHub", "person"),
        span(text, "Jan McVrell", "person"),
        span(text, "Lord Mayor", "person"),
        span(text, "Harbour Manager", "person"),
        span(text, "Jan Reed Manager", "person"),
    ]
    got = camel_case_names_are_no_people(spans, lambda word: word == "Jan")
    assert pairs(got)[:2] == [("GitHub", "organization"), ("Jan McVrell", "person")]
    credit = "Foto: JanMoor"
    assert pairs(
        camel_case_names_are_no_people([span(credit, "JanMoor", "person")], lambda w: w == "Jan")
    ) == [("JanMoor", "person")]
    short = "UpLedger hired Tim DeVarro, LaKeisha Moor and RuVanna; Mr. FoxMantle read."
    named = [
        span(short, "UpLedger", "person"),
        span(short, "Tim DeVarro", "person"),
        span(short, "LaKeisha Moor", "person"),
        span(short, "RuVanna", "person"),
        span(short, "FoxMantle", "person"),
    ]
    assert pairs(camel_case_names_are_no_people(named, lambda w: False, short)) == [
        ("UpLedger", "organization"),
        ("Tim DeVarro", "person"),
        ("LaKeisha Moor", "person"),
        ("RuVanna", "person"),  # a short part that is no English word: a stage name's
        ("FoxMantle", "person"),  # an honorific before it
    ]
    got = drop_offices_typed_as_people(got, lambda w: w in ("Mayor", "Manager"), lambda w: w == "Jan")
    assert pairs(got) == [
        ("GitHub", "organization"),
        ("Jan McVrell", "person"),
        ("Jan Reed Manager", "person"),
    ]


def test_a_plural_name_beside_its_singular_is_a_group() -> None:
    text = "Zorvathi rebels struck. The Zorvathis deny it; Anna Roberts and Roberts' aide, and Robert, too."
    spans = [
        span(text, "Zorvathi", "person"),
        span(text, "Zorvathis", "person"),
        span(text, "Anna Roberts", "person"),
        span(text, "Roberts", "person", 1),
        span(text, "Robert", "person", 2),
    ]
    got = plural_groups_typed_as_people(text, spans, lambda w: w in ("Anna", "Robert"))
    assert pairs(got) == [
        ("Zorvathi", "organization"),
        ("Zorvathis", "organization"),
        ("Anna Roberts", "person"),
        ("Roberts", "person"),
        ("Robert", "person"),
    ]
    alone = [span("The Halvers met.", "Halvers", "person")]
    assert plural_groups_typed_as_people("The Halvers met.", alone, lambda w: False) == alone


def test_a_first_word_the_text_names_a_person_by_alone_is_not_cut_off() -> None:
    text = "Dr Quenby Sara Vell said so. According to Dr Quenby, two cases were older."
    spans = [span(text, "Quenby Sara Vell", "person"), span(text, "Quenby", "person", 1)]
    got = cut_words_before_given_names(
        text, spans, lambda word: word == "Sara", lambda word: word == "Sara", keep_alone=True
    )
    assert pairs(got) == [("Quenby Sara Vell", "person"), ("Quenby", "person")]
    # German capitalises nouns: a noun typed a person alone ("Astronautin") is no evidence
    german = cut_words_before_given_names(
        text, spans, lambda word: word == "Sara", lambda word: word == "Sara"
    )
    assert pairs(german) == [("Sara Vell", "person"), ("Quenby", "person")]
    # without the lone mention the unknown first word is cut as before
    alone = cut_words_before_given_names(
        text, spans[:1], lambda word: word == "Sara", lambda word: word == "Sara"
    )
    assert pairs(alone) == [("Sara Vell", "person")]


def test_people_of_countries_and_of_bodies_are_split() -> None:
    text = (
        "Presidents Muhadu Korvan of Valdoria and Nick Orlo of KSU met Sam Brix. Brix of C-LAB said the "
        "Valdoria Institute of Technology and the Bank of Ostmark agreed."
    )
    spans = [
        span(text, "Muhadu Korvan of Valdoria", "person"),
        span(text, "Nick Orlo of KSU", "organization"),
        span(text, "Sam Brix", "person"),
        span(text, "Brix of C-LAB", "organization"),
        span(text, "Valdoria Institute of Technology", "organization"),
        span(text, "Bank of Ostmark", "organization"),
    ]
    got = people_of_countries_and_bodies(
        text,
        spans,
        lambda name: name == "Valdoria",
        lambda name: name in ("Valdoria", "Ostmark"),
        lambda word: word == "Nick",
        lambda word: word != "Institute",
    )
    assert pairs(got) == [
        ("Muhadu Korvan", "person"),
        ("Valdoria", "location"),
        ("Nick Orlo", "person"),
        ("KSU", "organization"),
        ("Sam Brix", "person"),
        ("Brix", "person"),
        ("C-LAB", "organization"),
        ("Valdoria Institute of Technology", "organization"),
        ("Bank of Ostmark", "organization"),
    ]
    assert all(text[s.start : s.end] == s.text for s in got)

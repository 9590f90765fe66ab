"""What the article itself says of a candidate (article_evidence); invented names."""

from __future__ import annotations

import pytest

from desktop.core.entities import sentence_openers
from desktop.core.entities.article_evidence import (
    country_prefixed_names,
    enumerated_organizations,
    headline_place_starts,
    longer_names_before,
    names_inside_titles,
    people_typed_as_places,
    place_adjectives,
    repeated_word_phrases,
)
from desktop.core.entities.sentence_openers import (
    lone_sentence_openers,
    lowercase_openers,
    openers_before_pronouns,
)
from tests.core.test_span_rules import pairs, span


def test_a_word_repeated_around_a_preposition_is_no_actor() -> None:
    text = "Von Grätzel zu Grätzel in Hafenau; Schritt für Schritt; das Grätzel Brunnau"
    spans = [
        span(text, "Grätzel", "location"),
        span(text, "Grätzel", "location", 1),
        span(text, "Hafenau", "location"),
        span(text, "Schritt", "person"),
        span(text, "Grätzel Brunnau", "location"),  # names of several words stay
    ]
    assert pairs(repeated_word_phrases(text.replace("Von", "von"), "de", spans)) == [
        ("Hafenau", "location"),
        ("Grätzel Brunnau", "location"),
    ]
    text = "They went from Door to Door and Step by Step to Door County"
    spans = [
        span(text, "Door", "location"),
        span(text, "Step", "person"),
        span(text, "Door County", "location"),
    ]
    assert pairs(repeated_word_phrases(text, "en", spans)) == [("Door County", "location")]
    # another word after the preposition, or another language: nothing goes
    text = "von Hafenau zu Brunnau"
    spans = [span(text, "Hafenau", "location"), span(text, "Brunnau", "location")]
    assert repeated_word_phrases(text, "de", spans) == spans
    assert repeated_word_phrases(
        "de Grätzel a Grätzel", "fr", [span("de Grätzel a Grätzel", "Grätzel", "location")]
    )


def test_a_leading_country_before_a_name_the_text_lists_alone_is_cut() -> None:
    def is_country(word: str) -> bool:
        return word in ("US", "Valdoria")

    text = "US Grey House said. The Grey House and the US Park Guard; Valdoria Senate; Senate"
    spans = [
        span(text, "US Grey House", "organization"),
        span(text, "Grey House", "location"),
        span(text, "US Park Guard", "organization"),  # "Park Guard" is listed nowhere alone
        span(text, "Valdoria Senate", "organization"),
        span(text, "Senate", "organization", 1),
    ]
    got = country_prefixed_names(spans, is_country)
    assert pairs(got) == [
        ("Grey House", "location"),
        ("Grey House", "location"),
        ("US Park Guard", "organization"),
        ("Senate", "organization"),
        ("Senate", "organization"),
    ]
    assert got[0].start == text.index("Grey House") and got[3].start == text.index("Senate")
    person = span("US Grey said; Grey", "US Grey", "person")  # people are left alone
    assert country_prefixed_names([person], is_country) == [person]


def test_a_place_ending_in_a_person_the_text_lists_alone_is_that_person() -> None:
    text = "Arnav Tesko was seen in Lake Brunnau. Tesko said; Brunnau"
    spans = [
        span(text, "Arnav Tesko", "location"),
        span(text, "Lake Brunnau", "location"),
        span(text, "Tesko", "person", 1),
    ]
    assert pairs(people_typed_as_places(spans, lambda name: False)) == [
        ("Arnav Tesko", "person"),
        ("Lake Brunnau", "location"),
        ("Tesko", "person"),
    ]
    # a known place keeps its type
    assert people_typed_as_places(spans, lambda name: name == "Arnav Tesko")[0].type == "location"


def test_a_german_word_once_at_a_sentence_start_is_no_lone_person() -> None:
    text = "Rüffel vom Chef gab es. Danach sprach Köhler. Chouchane soll es gewesen sein. Zöller kam."
    spans = [
        span(text, "Rüffel", "person"),
        span(text, "Köhler", "person"),  # not at a sentence's start
        span(text, "Chouchane", "person"),  # no German letter: a foreign surname
        span(text, "Zöller", "person"),  # known to the name lists
    ]
    got = lone_sentence_openers(text, "de", spans, lambda word: word == "Zöller")
    assert pairs(got) == [("Köhler", "person"), ("Chouchane", "person"), ("Zöller", "person")]
    # written twice, or the last word of a full name in the text: a person
    text = "Rüffel kam. Dann ging Rüffel. Es regnete. Es war kalt."
    twice = [span(text, "Rüffel", "person"), span(text, "Rüffel", "person", 1)]
    assert lone_sentence_openers(text, "de", twice, lambda word: False) == twice
    alone = "Rüffel vom Chef gab es."  # a lone sentence: nothing known of what follows
    assert lone_sentence_openers(alone, "de", [span(alone, "Rüffel", "person")], lambda word: False)
    text = "Rüffel kam mit Anna Rüffel."
    full = [span(text, "Rüffel", "person"), span(text, "Anna Rüffel", "person")]
    assert lone_sentence_openers(text, "de", full, lambda word: False) == full
    assert lone_sentence_openers("Rüffel kam.", "en", full[:1], lambda word: False) == full[:1]


def test_a_german_place_with_er_beside_the_place_is_its_adjective() -> None:
    text = "in Bad Quellau. Der Bad Quellauer Dialog; Hafenauer"
    spans = [
        span(text, "Bad Quellau", "location"),
        span(text, "Bad Quellauer", "location"),
        span(text, "Hafenauer", "person"),  # "Hafenau" is no place of the text
    ]
    assert pairs(place_adjectives(text, "de", spans, lambda name: False)) == [
        ("Bad Quellau", "location"),
        ("Hafenauer", "person"),
    ]
    assert place_adjectives(text, "de", spans, lambda name: name == "Bad Quellauer") == spans  # a known place
    assert place_adjectives(text, "en", spans, lambda name: False) == spans


def test_a_name_right_after_the_first_words_of_a_longer_listed_name_is_that_name() -> None:
    text = "Brunn Valdo Motors (BVM) zahlt. Brunn Valdo Motors rief; Valdo Motors allein"
    spans = [
        span(text, "Brunn Valdo Motors", "organization"),
        span(text, "Valdo Motors", "location", 1),  # written after "Brunn "
        span(text, "Valdo Motors", "organization", 2),  # not after "Brunn ": stays
    ]
    got = longer_names_before(text, spans)
    assert pairs(got) == [
        ("Brunn Valdo Motors", "organization"),
        ("Brunn Valdo Motors", "organization"),
        ("Valdo Motors", "organization"),
    ]
    assert got[1].start == text.index("Brunn Valdo Motors rief")


COMMON = frozenset({"Uncle", "Band", "Star"})


def test_a_name_inside_a_quoted_title_is_no_actor() -> None:
    text = 'songs such as "Dark Star", "Uncle Tomas\'s Band" and "Tomas"; Tomas said "we met Tomas here"'
    spans = [
        span(text, "Dark Star", "organization"),  # the whole title stays
        span(text, "Tomas", "person"),  # a part of a title
        span(text, "Tomas", "person", 1),  # the whole quote
        span(text, "Tomas", "person", 2),
        span(text, "Tomas", "person", 3),  # a quote of speech, not of a title
    ]
    got = names_inside_titles(text, spans, COMMON.__contains__)
    assert pairs(got) == [
        ("Dark Star", "organization"),
        ("Tomas", "person"),
        ("Tomas", "person"),
        ("Tomas", "person"),
    ]
    assert got[1].start == text.index('"Tomas"') + 1
    # no common word in the quote: a name, no title
    assert names_inside_titles(text, spans, lambda word: False) == spans


def test_quoted_names_and_codes_are_no_titles() -> None:
    text = 'die« Red Devils »nicht; an „80–81 Hafenau“; "Tesko, Tomas"; "Tomas Tesko Band"; "Tomas Tesko"'
    spans = [
        span(text, "Red Devils", "organization"),  # the quote is the name (spaces inside)
        span(text, "Hafenau", "location"),  # a code with a name
        span(text, "Tomas", "person"),  # a comma: a name
        span(text, "Tomas", "person", 2),  # two words: a name
    ]
    assert names_inside_titles(text, spans, COMMON.__contains__) == spans
    titled = [span(text, "Tomas", "person", 1)]  # three words, one common ("Band"): a title
    assert names_inside_titles(text, titled, COMMON.__contains__) == []


def test_a_name_written_as_the_first_words_of_a_longer_listed_name_is_that_name() -> None:
    text = "the Valdo Regional Government said; the Valdo Regional Government on; Valdo Regional"
    spans = [
        span(text, "Valdo Regional Government", "organization"),
        span(text, "Valdo Regional", "organization", 1),
        span(text, "Valdo Regional", "organization", 2),  # not followed by the rest: stays
    ]
    got = longer_names_before(text, spans)
    assert pairs(got) == [
        ("Valdo Regional Government", "organization"),
        ("Valdo Regional Government", "organization"),
        ("Valdo Regional", "organization"),
    ]
    assert got[1].start == text.index("Valdo Regional Government on")


def test_an_acronym_after_a_genitive_is_the_acronym_listed_alone() -> None:
    text = "die Arbeiterpartei Valdorias VPK; die VPK; Hafenaus Brunnwerk"
    spans = [
        span(text, "Valdorias VPK", "organization"),
        span(text, "VPK", "organization", 1),
        span(text, "Hafenaus Brunnwerk", "organization"),  # no acronym
    ]
    assert pairs(country_prefixed_names(spans, lambda word: False)) == [
        ("VPK", "organization"),
        ("VPK", "organization"),
        ("Hafenaus Brunnwerk", "organization"),
    ]


def test_a_lone_person_whose_place_adjective_the_text_writes_is_a_place() -> None:
    text = "Quellbach zufrieden. Die Quellbacher Bürger; Tesko kam; Anna Brunn und Brunn; Brunner"
    spans = [
        span(text, "Quellbach", "person"),
        span(text, "Tesko", "person"),  # no "Teskoer" in the text
        span(text, "Anna Brunn", "person"),
        span(text, "Brunn", "person", 1),  # the last word of a full name stays a person
    ]
    assert pairs(place_adjectives(text, "de", spans, lambda name: False)) == [
        ("Quellbach", "location"),
        ("Tesko", "person"),
        ("Anna Brunn", "person"),
        ("Brunn", "person"),
    ]


def test_an_unknown_place_listed_with_an_organisation_is_an_organisation() -> None:
    text = "von der Brunn Nostra in Hafenau, der Korrata in Quellau oder der Velmora um Tesk; die Valdoria"
    spans = [
        span(text, "Brunn Nostra", "organization"),
        span(text, "Hafenau", "location"),  # a place of the member, no member
        span(text, "Korrata", "location"),
        span(text, "Quellau", "location"),
        span(text, "Velmora", "location"),
        span(text, "Tesk", "location"),
        span(text, "Valdoria", "location"),  # not in the enumeration
    ]
    got = enumerated_organizations(text, spans, lambda name: name == "Hafenau")
    assert [s.type for s in got] == [
        "organization",
        "location",
        "organization",
        "location",
        "organization",
        "location",
        "location",
    ]
    # a known place stays a place
    assert enumerated_organizations(text, spans, lambda name: name == "Korrata")[2].type == "location"


def test_an_english_headline_place_begins_after_words_the_body_writes_in_lower_case() -> None:
    text = (
        "Campaign to Liberate Hafenau at the Ancient City of Quellau Begins\n"
        "Forces will liberate the ancient city of Quellau and Hafenau. Old Brunn is a town."
    )
    spans = [
        span(text, "Liberate Hafenau", "location"),
        span(text, "Ancient City of Quellau", "location"),
    ]
    got = headline_place_starts(text, "en", spans, lambda name: name == "Hafenau")
    assert pairs(got) == [("Hafenau", "location"), ("Quellau", "location")]
    assert got[1].start == text.index("Quellau")
    # the body's own name ("Old Brunn"), a body span and German text are left alone
    title = "Old Brunn Hosts the Fair\nOld Brunn is old. People in Brunn smiled."
    kept = [span(title, "Old Brunn", "location"), span(title, "Old Brunn", "location", 1)]
    assert headline_place_starts(title, "en", kept, lambda name: False) == kept
    assert headline_place_starts(text, "de", spans, lambda name: True) == spans


@pytest.mark.parametrize("few", [4, 0])  # a search per word, or one reading of the text
def test_a_person_opening_a_sentence_with_a_word_the_text_writes_in_lower_case_begins_with_that_word(
    few: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sentence_openers, "_FEW_WORDS", few)
    text = (
        "Brandner rüffelt Kolm – Will zu Reform nur reden. Brandner will das so. "
        "Heuer kam niemand, heuer nicht. Während Ada Brunn sprach, sprach sie während der Sitzung. "
        "Kurz sagte das. Sagte Kurz dann, es gehe kurz. De Valk kam, de facto zu spät."
    )
    spans = [
        span(text, "Will zu Reform", "person"),
        span(text, "Heuer", "person"),
        span(text, "Während Ada Brunn", "person"),
        span(text, "Kurz", "person"),  # also capitalised inside a sentence: a surname
        span(text, "De Valk", "person"),  # a name's particle
    ]
    assert pairs(lowercase_openers(text, "de", spans, lambda word: False)) == [
        ("Ada Brunn", "person"),
        ("Kurz", "person"),
        ("De Valk", "person"),
    ]
    assert lowercase_openers(text, "en", spans, lambda word: False) == spans
    assert pairs(lowercase_openers(text, "de", spans[1:2], lambda word: word == "Heuer")) == [
        ("Heuer", "person")
    ]


def test_a_lone_sentence_opener_before_a_pronoun_or_an_article_is_no_person() -> None:
    text = (
        "Der Plan kam spät. Klingt die Begründung gut? So Ulamec. Woran dies scheiterte, blieb offen. "
        "Als Dr. Stahlberg der Sieger war, sprach Brenner. Brenner sagte es. Velden die Hand? Velden kam."
    )
    spans = [
        span(text, "Klingt", "person"),
        span(text, "Woran", "person"),
        span(text, "Stahlberg", "person"),  # after a title's abbreviation, not a sentence's start
        span(text, "Brenner", "person", 1),  # a verb follows: the subject
        span(text, "Velden", "person"),  # written twice in the text
    ]
    assert pairs(openers_before_pronouns(text, "de", spans, lambda word: False)) == [
        ("Stahlberg", "person"),
        ("Brenner", "person"),
        ("Velden", "person"),
    ]
    assert openers_before_pronouns(text, "en", spans, lambda word: False) == spans

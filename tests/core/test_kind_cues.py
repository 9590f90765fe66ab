"""Organisations named after the noun for their kind (kind_cues); invented names."""

from __future__ import annotations

from desktop.core.entities.kind_cues import (
    organizations_after_kind_words,
    organizations_in_apposition,
    people_in_apposition,
    without_described_kinds,
)
from tests.core.test_span_rules import pairs, span


def test_german_kind_nouns_and_compounds_introduce_organisations() -> None:
    text = (
        "Die Reporterin der Zeitung Morgenkurier sprach mit der Splitterorganisation Valdar. "
        "Laut dem Magazin „Der Weitblick“ teilte das Unternehmen Montag mit, "
        "die Partei Freiheitliche Mitte wachse. "
        "In Neo Magazin Royale Brandt sprach."
    )
    spans = [span(text, "Valdar", "location")]
    got = organizations_after_kind_words(text, "de", spans)
    assert pairs(got) == [
        ("Morgenkurier", "organization"),
        ("Valdar", "organization"),  # the model's place becomes the organisation
        ("Der Weitblick", "organization"),
        ("Freiheitliche Mitte", "organization"),
    ]  # "Montag" after "das Unternehmen" is a day; "Neo Magazin Royale" is one name


def test_english_kind_words_introduce_organisations_with_inner_links() -> None:
    text = (
        "The campaign group Mothers for Clean Rivers met the militant group Dar Valon and the firm Tarvik. "
        "At the think tank Nordic Forum's Berlin office, the group Vale’ spoke."
    )
    spans = [span(text, "Dar Valon", "person"), span(text, "Tarvik", "person")]
    got = organizations_after_kind_words(text, "en", spans)
    assert pairs(got) == [
        ("Mothers for Clean Rivers", "organization"),
        ("Dar Valon", "organization"),
        ("Tarvik", "organization"),
        ("Nordic Forum", "organization"),  # the possessive ends the name
        ("Vale", "organization"),
    ]


def test_no_organisation_where_the_name_is_unclear_or_a_person() -> None:
    text = "Die Organisation Helfer ohne Grenzen half. Die Gruppe um Jan Brandt, die Firma Chef Jan Brandt."
    spans = [span(text, "Jan Brandt", "person"), span(text, "Jan Brandt", "person", nth=1)]
    got = organizations_after_kind_words(text, "de", spans, frozenset({"Chef"}))
    assert pairs(got) == [("Jan Brandt", "person"), ("Jan Brandt", "person")]
    # a German common noun after the kind word: taken only where the model saw a name there
    text = "Laut der Zeitung Morgen und der Zeitung Abend kam es."
    got = organizations_after_kind_words(
        text, "de", [span(text, "Abend", "location")], frozenset({"Morgen", "Abend"})
    )
    assert pairs(got) == [("Abend", "organization")]
    # lower-case kind words in German, capitalised ones in English, and other languages: nothing
    assert organizations_after_kind_words("The Company Tarvik said.", "en", []) == []
    assert organizations_after_kind_words("le groupe Valdar", "fr", []) == []


def test_german_adjective_names_numbers_and_places() -> None:
    text = (
        "Die Terrororganisation Islamischer Bund bekannte sich. Wie der Radiosender Nordwelle 98 am "
        "Mittwoch berichtete, sprach die Wirtschaftsplattform Valdoria mit der Gruppe Helfer ohne Grenzen."
    )
    text += " Eine Initiative Hafenauer Bürger half, die Zeitung Nordbote Reporter schickte."
    got = organizations_after_kind_words(text, "de", [], frozenset(), lambda name: name == "Valdoria")
    assert pairs(got) == [("Islamischer Bund", "organization"), ("Nordwelle 98", "organization")]


def test_an_english_apposition_naming_a_kind_makes_an_organisation() -> None:
    text = (
        "Quellna, an independent Valdorian human rights center, counted them. Jan Brook, a member of the"
        " band, sang. Ostmark, a country of lakes, voted. Hafenau, a small party, won."
    )
    spans = [
        span(text, "Quellna", "location"),
        span(text, "Jan Brook", "person"),
        span(text, "Ostmark", "location"),
        span(text, "Hafenau", "location"),
    ]
    got = organizations_in_apposition(text, spans, lambda name: name == "Hafenau")
    assert pairs(got) == [
        ("Quellna", "organization"),
        ("Jan Brook", "person"),  # "a member of the band": the band is not he
        ("Ostmark", "location"),  # a country is no organisation's kind
        ("Hafenau", "location"),  # a known place is kept
    ]


def test_an_english_apposition_naming_a_role_makes_a_person_of_a_place() -> None:
    text = "Knar Velk, the Special Advisor to the mission, spoke. Ostmark, the ally of Valdor, agreed."
    spans = [span(text, "Knar Velk", "location"), span(text, "Ostmark", "location")]
    got = people_in_apposition(text, spans, lambda name: name == "Ostmark")
    assert pairs(got) == [("Knar Velk", "person"), ("Ostmark", "location")]
    known = "Brückstadt, the capital, and Hafenau, the leader of the league"
    spans = [span(known, "Brückstadt", "location"), span(known, "Hafenau", "location")]
    assert pairs(people_in_apposition(known, spans, lambda name: name == "Hafenau")) == pairs(spans)


def test_a_german_name_of_several_words_after_a_kind_noun_is_taken_where_the_model_spans_it() -> None:
    text = (
        "Die Islamistengruppe Tavar Kelun griff an; die Gruppe Tavar Kelun floh. "
        "Eine Initiative Leeraner Bürger sammelte. "
        "Die Gruppe Morvan Esk Daten teilte mit. Er siegte in der Gruppe Ilan Dorsk."
    )
    spans = [
        span(text, "Tavar Kelun", "person"),
        span(text, "Tavar Kelun", "person", 1),
        span(text, "Morvan Esk", "location"),
        span(text, "Ilan Dorsk", "person"),
    ]
    got = organizations_after_kind_words(text, "de", spans)
    assert pairs(got) == [
        ("Tavar Kelun", "organization"),  # the model's span says where the foreign name ends
        ("Tavar Kelun", "organization"),
        ("Morvan Esk", "organization"),  # its span ends before the common noun "Daten"
        ("Ilan Dorsk", "person"),  # a model's person after a kind noun once: a tennis group's name
    ]  # "Initiative Leeraner Bürger": no span of those words, where the name ends is unclear


def test_english_platform_introduces_an_organisation() -> None:
    text = "It was the most discussed subject on the social networking platform Quillo."
    assert pairs(organizations_after_kind_words(text, "en", [])) == [("Quillo", "organization")]


def test_a_known_german_organisation_goes_on_through_a_link_word() -> None:
    text = (
        "Die Hilfsorganisation Lotsen ohne Landkarten kritisierte die Partei Bürger für Talheim. "
        "Die Organisation Helfer ohne Namen schwieg."
    )
    spans = [span(text, "Lotsen", "organization"), span(text, "Landkarten", "location")]
    known = {"Lotsen ohne Landkarten"}.__contains__
    got = organizations_after_kind_words(text, "de", spans, known=known)
    assert pairs(got) == [("Lotsen ohne Landkarten", "organization")]
    # unknown names that go on through a link word stay unclear
    assert pairs(organizations_after_kind_words(text, "de", spans)) == pairs(spans)


def test_a_kind_noun_with_a_lower_case_adjective_is_a_description_not_a_name() -> None:
    text = "Die Nato-kritische Partei Freie Talheimer und die Christlich-Soziale Partei stimmten zu."
    spans = [
        span(text, "Nato-kritische Partei", "organization"),
        span(text, "Freie Talheimer", "organization"),
        span(text, "Christlich-Soziale Partei", "organization"),
    ]
    assert pairs(without_described_kinds(spans)) == [
        ("Freie Talheimer", "organization"),
        ("Christlich-Soziale Partei", "organization"),  # capitalised after the hyphen: a name
    ]


def test_german_web_and_service_kinds_and_a_place_in_the_genitive() -> None:
    text = (
        "Eine Anlehnung an die Photo-Sharing-Webseite Tarvogram. Der Kartendienst Kelmap hilft. "
        "Sie arbeiten im öffentlichen Dienst Norlands."
    )
    spans = [span(text, "Tarvogram", "person"), span(text, "Norlands", "location")]
    got = organizations_after_kind_words(text, "de", spans)
    assert pairs(got) == [
        ("Tarvogram", "organization"),
        ("Kelmap", "organization"),
        ("Norlands", "location"),  # the place the service belongs to, not its name
    ]

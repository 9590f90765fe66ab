"""Organisations the model misses: outlets by web address or as a daily paper, numbered units,
official names with a further head noun."""

from __future__ import annotations

from desktop.core.entities.gazetteer import Gazetteer, Place
from desktop.core.entities.kind_cues import names_before_kind_words, organizations_after_kind_words
from desktop.core.entities.org_phrases import _phrases, organization_phrases
from desktop.core.entities.organizations import outlet_names
from tests.core.test_span_rules import pairs, span

GAZ = Gazetteer({}, {})


def test_web_outlets_are_organisations_but_not_links_addresses_or_mail() -> None:
    text = (
        "Laut nordBlick.at und Hafenpost.de, berichtete News.com.au. Mehr unter Rechner.at, "
        "www.Rechner.at, pic.twitter.com/abc1, at Tickets.com, post@Firma.at; hafenpost.de und ab.de."
    )
    found = pairs(outlet_names(text, []))
    assert found == [
        ("nordBlick.at", "organization"),
        ("Hafenpost.de", "organization"),
        ("News.com.au", "organization"),
    ]


def test_an_outlet_replaces_the_model_spans_inside_it_but_not_one_it_cuts() -> None:
    text = "Hafenpost.de meldete es. Jan Ostrow.com war da."
    spans = [span(text, "Hafenpost", "person"), span(text, "Jan Ostrow", "person")]
    assert pairs(outlet_names(text, spans)) == [("Hafenpost.de", "organization"), ("Jan Ostrow", "person")]


def test_daily_papers_are_outlets_sunday_only_after_the() -> None:
    text = (
        "The Daily Telegraph reported it, the Sunday Times too. On Sunday Times Square was empty; "
        "Daily Mail said so. The Daily Star Wars fan club met."
    )
    assert [s.text for s in outlet_names(text, [])] == ["Daily Telegraph", "Sunday Times", "Daily Mail"]


def test_numbered_units_and_their_numbers_are_one_name() -> None:
    text = (
        "Airmen of the 158th Fighter Wing joined the 134th Expeditionary Fighter Squadron near the "
        "West Wing; the 10th Regiment Hafenau Infantry."
    )
    assert [text[a:b] for a, b in _phrases(text, "en", GAZ)] == [
        "158th Fighter Wing",
        "134th Expeditionary Fighter Squadron",
    ]


def test_a_commissariat_and_an_association_head_official_names() -> None:
    text = "Ein Bericht des UN-Hochkommissariats für Menschenrechte; die Vereinigung der Hafenauer Richter."
    assert [text[a:b] for a, b in _phrases(text, "de", GAZ)] == [
        "UN-Hochkommissariats für Menschenrechte",
        "Vereinigung der Hafenauer Richter",
    ]


def test_a_country_after_in_ends_a_german_name_but_a_city_does_not() -> None:
    gazetteer = Gazetteer(
        {
            "Valdorien": Place("V1", "country", 5_000_000, True),
            "Nordstadt": Place("N1", "city", 90_000, True),
        },
        {},
    )
    text = "Der Zentralrat der Juden in Valdorien und der Rat der Hafenauer Union in Nordstadt."
    spans = [span(text, "Valdorien", "location"), span(text, "Nordstadt", "location")]
    assert pairs(organization_phrases(text, "de", spans, gazetteer)) == [
        ("Zentralrat der Juden in Valdorien", "organization"),
        ("Rat der Hafenauer Union", "organization"),
        ("Nordstadt", "location"),
    ]


def test_a_party_and_the_country_it_belongs_to_in_the_genitive_are_one_name() -> None:
    gazetteer = Gazetteer(
        {
            "Valdorien": Place("V1", "country", 5_000_000, True),
            "Nordstadt": Place("N1", "city", 90_000, True),
        },
        {},
    )
    text = "Die Arbeiterpartei Valdoriens, die Partei Nordstadts und das Ministerium Valdoriens."
    assert [text[a:b] for a, b in _phrases(text, "de", gazetteer)] == [
        "Arbeiterpartei Valdoriens",
        "Ministerium Valdoriens",
    ]
    typed_a_place = [span(text, "Valdoriens", "location")]
    assert pairs(organization_phrases(text, "de", typed_a_place, gazetteer))[0] == ("Valdoriens", "location")


def test_one_word_names_a_nation_s_or_the_world_s_body_but_not_a_generic_one() -> None:
    text = (
        "Der Europarat, der Nationalrat, die Weltbank und der Verfassungsgerichtshof; ein Bericht des "
        "Rechnungshofs. Die Weltgemeinschaft, der Verwaltungsrat und das Weltraumprogramm."
    )
    assert [text[a:b] for a, b in _phrases(text, "de", GAZ)] == [
        "Europarat",
        "Nationalrat",
        "Weltbank",
        "Verfassungsgerichtshof",
        "Rechnungshofs",
    ]


def test_a_hyphenated_kind_noun_names_the_organisation_after_it() -> None:
    text = "Ein Abgeordneter der Indigena-Partei Winaq sprach mit dem Nachrichtensender Skai."
    spans = [span(text, "Winaq", "person")]
    assert pairs(organizations_after_kind_words(text, "de", spans)) == [
        ("Winaq", "organization"),
        ("Skai", "organization"),
    ]


def test_an_english_name_right_before_its_kind_is_an_organisation() -> None:
    text = (
        "Then the Fridays for Future movement began, the Hafen Front militant group fired, the "
        "Jan Moor group met, the U.S.-led coalition struck and the Dutch company paid."
    )
    spans = [span(text, "Jan Moor", "person")]
    found = pairs(names_before_kind_words(text, spans, is_demonym=lambda word: word == "Dutch"))
    assert found == [
        ("Fridays for Future", "organization"),
        ("Hafen Front", "organization"),
        ("Jan Moor", "person"),
    ]


def test_a_one_word_body_before_a_given_name_is_a_title() -> None:
    gazetteer = Gazetteer({}, {}, given_names={"Jan": 500})
    text = "Der Nationalrat tagte; Nationalrat Jan Moor und Landesrat Jan Kell stimmten dagegen."
    assert [text[a:b] for a, b in _phrases(text, "de", gazetteer)] == ["Nationalrat"]


def test_a_head_after_an_indefinite_article_names_a_kind_not_an_organisation() -> None:
    text = "Sie ist eine Bank für Unternehmen, die Bank für Tiroler Wirtschaft aber nicht."
    assert [text[a:b] for a, b in _phrases(text, "de", GAZ)] == ["Bank für Tiroler Wirtschaft"]
    english = "They met the Office for Change; they met an Office for Change."
    assert [english[a:b] for a, b in _phrases(english, "en", GAZ)] == ["Office for Change"]


def test_a_place_adjective_names_a_regional_parliament_or_court() -> None:
    gazetteer = Gazetteer(
        {"Marbach": Place("M1", "city", 40_000, True), "Velden": Place("V1", "city", 9_000, True)},
        {},
        demonyms=frozenset({("de", "Nordtaler")}),
    )
    text = (
        "Der Fonds wurde vom Nordtaler Landtag abgeschafft, das Marbacher Landesgericht und der "
        "Veldner Gemeinderat schwiegen. Der Landtag tagte, ein Neuer Landtag und der Weiser Stadtrat nicht. "
        "Der Präsident des Marbacher Landtags zur Aufhebung der Immunität schwieg."
    )
    assert pairs(organization_phrases(text, "de", [], gazetteer)) == [
        ("Nordtaler Landtag", "organization"),  # a listed place-derived word
        ("Marbacher Landesgericht", "organization"),  # Marbach
        ("Veldner Gemeinderat", "organization"),  # Velden
        ("Marbacher Landtags", "organization"),  # what it is asked for is no part of the name
    ]  # the bare noun, and an adjective of no known place, name no body


def test_a_capitalised_adjective_inside_a_sentence_names_a_party_compound() -> None:
    text = (
        "Er führte die konservative Nationale Erneuerungspartei an. Die euro-kritische Partei und "
        "die Sozialistische Partei schwiegen. Nationale Bauernpartei heißt keine."
    )
    assert pairs(organization_phrases(text, "de", [], GAZ)) == [
        ("Nationale Erneuerungspartei", "organization")
    ]  # not the bare "Partei", nor a sentence's first word


def test_a_capitalised_adjective_in_isch_inside_a_sentence_names_a_body() -> None:
    text = (
        "Beim Empfang des Nordländischen Fischerbunds sprach sie. Die Kalkische Kammer schwieg, "
        "die Neue Kammer auch, und es gab eine gemeinsame Kammer."
    )
    assert pairs(organization_phrases(text, "de", [], GAZ)) == [
        ("Nordländischen Fischerbunds", "organization")
    ]  # not a sentence's first word, nor an adjective of another kind


def test_an_adjective_in_isch_in_brackets_names_a_body_with_the_country_it_belongs_to() -> None:
    gazetteer = Gazetteer({"Valdorien": Place("V1", "country", 5_000_000, True)}, {})
    text = "Es sprachen Ida Lenk (Katholischer Laienrat Valdoriens) und der Rat Valdoriens."
    country = span(text, "Valdoriens", "location")
    found = pairs(organization_phrases(text, "de", [country], gazetteer))
    assert ("Katholischer Laienrat Valdoriens", "organization") in found
    assert ("Rat Valdoriens", "organization") not in found  # a bare head keeps the model's place


def test_a_town_s_adjective_before_a_newspaper_s_head_names_the_paper() -> None:
    gazetteer = Gazetteer({"Welzau": Place("W1", "city", 90_000, True)}, {})
    for text, found in [
        (
            "Das meldeten die Welzauer Nachrichten. Die Firma schwieg.",
            [("Welzauer Nachrichten", "organization")],
        ),
        ("Laut des Welzauer Tagesspiegels stieg die Zahl.", [("Welzauer Tagesspiegels", "organization")]),
        ("Er las eine Welzauer Zeitung.", []),  # a kind of paper
        ("Sie sagte der Welzauer Zeitung Ostblick das.", []),  # the kind before the paper's name
    ]:
        assert pairs(organization_phrases(text, "de", [], gazetteer)) == found


def test_for_after_a_bare_parliament_says_what_it_agreed_to() -> None:
    text = (
        "Er erhielt das Mandat des Parlaments für Haushaltsfragen. Das Institut für Talheimer "
        "Studien und der Senat für Wissenschaft tagten."
    )
    assert pairs(organization_phrases(text, "de", [], GAZ)) == [
        ("Institut für Talheimer Studien", "organization")
    ]


def test_what_a_body_is_asked_for_is_no_part_of_its_name() -> None:
    text = (
        "Das Ministerium zur Vorbereitung der Ausschreibung zahlt. Im Landesamt zur APA hieß es. "
        "Die Nordische Union zur Geisel nehmen. Ein Gericht der Varos-Front zum Tode. "
        "Das Außenamt für die Vorbereitung. Die Landespartei für den Bericht. "
        "Die Organisation für Migration half."
    )
    assert [text[a:b] for a, b in _phrases(text, "de", GAZ)] == [
        "Nordische Union",  # more than the head: the name stands alone
        "Varos-Front",
        "Organisation für Migration",  # "für" and a name, without an article, still names a body
    ]


def test_a_known_name_is_whole_without_what_follows_für() -> None:
    known = Gazetteer({}, {}, organizations={"Nordkommission": True})
    text = "Die Nordkommission für Reformen tagte. Die Südkommission für Reformen auch."
    assert [text[a:b] for a, b in _phrases(text, "de", known)] == ["Südkommission für Reformen"]


def test_chains_makers_and_suppliers_name_the_company_after_them() -> None:
    text = "Die Baumarktkette Harlo schließt, der Gerätehersteller Vonta und der Energieversorger Stirn auch."
    spans = [span(text, "Harlo", "location"), span(text, "Stirn", "person")]
    assert pairs(organizations_after_kind_words(text, "de", spans)) == [
        ("Harlo", "organization"),
        ("Vonta", "organization"),
        ("Stirn", "organization"),
    ]

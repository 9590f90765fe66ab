"""German organisations named by a name joined to their kind (kind_compounds); invented names."""

from __future__ import annotations

from desktop.core.entities.gazetteer import Gazetteer, Place
from desktop.core.entities.kind_compounds import german_kind_compounds
from tests.core.test_span_rules import pairs, span

GAZ = Gazetteer(
    {
        "Valdorien": Place("V1", "country", 5_000_000, True),
        "Nordstadt": Place("N1", "city", 90_000, True),
    },
    {"brakov": "Brakov"},
    english_common_words=frozenset({"Tech"}),
    demonyms=frozenset({("de", "Valdorier")}),
)
NOUNS = frozenset({"Rebellen", "Mitte"})


def found(text: str, spans: list | None = None) -> list[tuple[str, str]]:
    return pairs(german_kind_compounds(text, spans or [], GAZ, NOUNS))


def test_a_name_joined_to_its_kind_is_an_organisation() -> None:
    assert found("Die Varlo-Gruppe kaufte das Nordstadt-Institut und die Quell-Holding.") == [
        ("Varlo-Gruppe", "organization"),
        ("Nordstadt-Institut", "organization"),  # a town names its institutions
        ("Quell-Holding", "organization"),
    ]
    assert found("Die Aktie der Varlo-Gruppe stieg.") == [("Varlo-Gruppe", "organization")]


def test_what_the_model_made_of_the_name_gives_way_to_the_compound() -> None:
    text = "Laut der Varlo-Gruppe stieg der Absatz."
    assert found(text, [span(text, "Varlo-Gruppe", "person")]) == [("Varlo-Gruppe", "organization")]


def test_descriptions_are_no_names() -> None:
    for text in (
        "Die Rebellen-Gruppe griff an.",  # a common noun
        "Die Mitte-Links-Partei gewann.",  # a common noun among the parts
        "Der Tech-Konzern meldete Gewinne.",  # a word English writes in lower case
        "Die Valdorien-Gruppe tagte.",  # a country
        "Die Valdorier-Partei tagte.",  # a nationality
        "Die IT-Konzern wuchs.",  # an unknown short abbreviation
        "Die Brakov-Partei regierte lange.",  # a party named by a known politician
        "Die Neonazi-Partei Goldene Morgenröte zog ein.",  # the kind of the name after it
        "Zwei Facebook-Gruppen riefen auf.",  # a plural
    ):
        assert found(text) == [], text


def test_a_word_of_a_person_s_name_in_the_text_describes() -> None:
    text = "Ivo Sarnak gründete die Sarnak-Stiftung nicht."
    assert found(text, [span(text, "Ivo Sarnak", "person")]) == [("Ivo Sarnak", "person")]

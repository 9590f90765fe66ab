"""Known organisation names found in running text: longest first, a found name's words not reused."""

from __future__ import annotations

from desktop.core.entities.gazetteer import Gazetteer
from desktop.core.entities.organizations import known_organizations

GAZ = Gazetteer(
    {},
    {},
    organizations={
        "Rotes Kreuz": True,
        "Kreuz Verlag": True,  # starts inside the longer name before it
        "Nordbank": True,
        "Nordbank Holding": True,
        "Südwerk": False,  # known, but not safe to find
        "NORD": True,
        "Die Zeit": True,
        "Das neue Werk": True,  # a description the list holds
    },
)


def _found(text: str) -> list[tuple[str, int]]:
    return [(s.text, s.start) for s in known_organizations(text, GAZ)]


def test_longest_name_wins_and_its_words_start_no_other_name() -> None:
    text = "Das Rotes Kreuz Verlag half; die Nordbank Holding und die Nordbank zahlten."
    assert _found(text) == [("Rotes Kreuz", 4), ("Nordbank Holding", 33), ("Nordbank", 58)]


def test_a_name_after_a_found_one_is_still_found() -> None:
    assert _found("Kreuz Verlag und Rotes Kreuz.") == [("Kreuz Verlag", 0), ("Rotes Kreuz", 17)]


def test_unsafe_names_text_without_names_and_a_word_in_capitals() -> None:
    assert _found("Das Südwerk baut.") == []
    assert _found("Hier steht nichts.") == []
    assert _found("") == []
    assert _found("ALLE NORD WERKE") == []  # a word of a line in capitals
    assert _found("Die Bank NORD zahlt.") == [("NORD", 9)]


def test_a_known_name_before_a_kind_noun_in_a_compound() -> None:
    text = "Ein Lager der Nordbank-Bewegung und ein Nordbank-Trainingslager; die Südwerk-Partei."
    # the kind noun makes the compound the organisation; another noun only mentions it; an unsafe
    # name is not found
    assert _found(text) == [("Nordbank", 14)]


def test_an_article_and_a_noun_before_a_genitive_at_a_sentence_start_is_no_name() -> None:
    assert _found("Er wartet. Die Zeit der Arbeit endet.") == []
    assert _found("Er wartet. Die Zeit berichtet.") == [("Die Zeit", 11)]
    assert _found("Laut Die Zeit der Woche.") == [("Die Zeit", 5)]  # not a sentence's start


def test_an_article_before_lower_case_words_is_a_description() -> None:
    assert _found("Gestern sagte Das neue Werk nichts.") == []

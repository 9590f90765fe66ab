"""Names a company's or a party's compound shows to be organisations (compound_names); invented names."""

from __future__ import annotations

from desktop.core.entities.compound_names import organizations_named_in_compounds
from tests.core.test_span_rules import pairs, span

NOTHING = lambda word: False  # noqa: E731


def test_lone_occurrences_of_a_name_shown_by_a_compound_are_organisations() -> None:
    text = (
        "Die Tarvo-Pleite traf den Zulieferer. Er war Partner von Tarvo. "
        "Vell ist Chef der Korlan-Partei; eine Spaltung des Korlan droht."
    )
    spans = [span(text, "Vell", "person")]
    got = organizations_named_in_compounds(text, spans, NOTHING)
    assert pairs(got) == [("Tarvo", "organization"), ("Vell", "person"), ("Korlan", "organization")]
    assert got[0].start == text.index("von Tarvo") + 4  # the compound itself stays no mention


def test_people_places_other_tails_and_spanned_words_are_left_alone() -> None:
    text = (
        "Die Dorr-Pleite: Mara Dorr sagte, Dorr sei schuld. Die Brenz-Partei in Brenz. "
        "Der Quill-Sprecher sagte, Quill sei müde. Die Ostra-Gruppe: Ostra AG wuchs."
    )
    spans = [span(text, "Mara Dorr", "person"), span(text, "Ostra AG", "organization")]
    got = organizations_named_in_compounds(text, spans, lambda word: word == "Brenz")
    assert got == spans  # a person's name, an excluded place, no company tail, a span already there

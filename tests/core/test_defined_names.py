"""Long names an acronym in brackets defines word by word (defined_names); invented names."""

from __future__ import annotations

from desktop.core.entities.acronyms import acronym_spans
from desktop.core.entities.defined_names import names_defined_by_acronyms
from tests.core.test_span_rules import pairs, span


def test_a_name_with_link_words_before_its_acronym_is_one_organisation() -> None:
    text = "Laut Reporter ohne Zensur (RoZ) liegt das Land hinten. RoZ kritisierte das."
    got = acronym_spans(text, [])
    assert pairs(got) == [
        ("Reporter ohne Zensur", "organization"),
        ("RoZ", "organization"),  # the acronym in brackets, and its later use
        ("RoZ", "organization"),
    ]


def test_the_defined_name_replaces_the_pieces_the_model_cut_at_a_comma() -> None:
    text = "Valdoria's Institute of Hydrology, Flood Control and Research (IHFCR) reported it."
    spans = [
        span(text, "Valdoria", "location"),
        span(text, "Institute of Hydrology", "organization"),
        span(text, "Flood Control and Research", "organization"),
    ]
    assert pairs(names_defined_by_acronyms(text, spans)) == [
        ("Valdoria", "location"),
        ("Institute of Hydrology, Flood Control and Research", "organization"),
    ]


def test_a_name_in_brackets_after_its_acronym() -> None:
    text = "Die ÖVWB (Österreichische Vereinigung für das Wald- und Bergwesen) gab die Studie in Auftrag."
    assert pairs(names_defined_by_acronyms(text, [])) == [
        ("Österreichische Vereinigung für das Wald- und Bergwesen", "organization")
    ]


def test_places_stay_places_and_people_and_whole_names_are_left_alone() -> None:
    text = (
        "The Republic of Tarvia (RT) and Lorn and Vale (LaV) met. "
        "President Jon Fitz Kell (JFK) spoke. The World Weather Body (WWB) agreed."
    )
    spans = [
        span(text, "Republic of Tarvia", "location"),
        span(text, "Lorn", "location"),
        span(text, "Vale", "location"),
        span(text, "Jon Fitz Kell", "person"),
        span(text, "World Weather Body", "organization"),
    ]
    assert pairs(names_defined_by_acronyms(text, spans)) == [
        ("Republic of Tarvia", "location"),  # found whole already
        ("Lorn and Vale", "location"),  # every span inside was a place
        ("Jon Fitz Kell", "person"),  # no link word: other names the model finds whole
        ("World Weather Body", "organization"),
    ]


def test_no_run_that_does_not_spell_the_acronym() -> None:
    text = (
        "The head of the Board of Trade (XYZ) spoke, as did the Office of Works (OW) and Tarn (T). "
        "He was a Member of the Tarnish Parliament (MTP). A Reddit Ask me Anything (AMA) round."
    )
    spans = [span(text, "Tarnish Parliament", "organization")]
    assert pairs(names_defined_by_acronyms(text, spans)) == [
        ("Office of Works", "organization"),
        ("Tarnish Parliament", "organization"),  # "Member of ..." is an office, not a body
    ]

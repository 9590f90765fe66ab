"""The knowledge layer: word statistics, gazetteer types, and the fallback for other languages."""

from __future__ import annotations

from desktop.core.entities.gazetteer import Gazetteer, Place, default_gazetteer
from desktop.core.entities.knowledge import KnowledgeRecognizer
from desktop.core.entities.word_stats import WordStats
from desktop.core.types import EntitySpan


class FixedModel:
    def __init__(self, spans: list[EntitySpan]) -> None:
        self.spans = spans

    def recognize(self, text: str, language: str) -> list[EntitySpan]:
        return list(self.spans)


GAZ = Gazetteer(
    {"Valdorien": Place("T:VX", "country", 0, True), "Brückstadt": Place("G:1", "city", 200_000, True)},
    {},
)
STATS = WordStats({("de", "Dienstag"): (40, 0), ("de", "Union"): (9, 57)})


def test_common_single_words_are_dropped_and_countries_typed_as_locations() -> None:
    text = "Am Dienstag sprach die Union mit Valdorien."
    model = FixedModel(
        [
            EntitySpan(3, 11, "Dienstag", "other"),
            EntitySpan(23, 28, "Union", "organization"),
            EntitySpan(33, 42, "Valdorien", "organization"),
        ]
    )
    recognizer = KnowledgeRecognizer(model, model_languages=lambda: {"de"}, gazetteer=GAZ, stats=STATS)
    spans = recognizer.recognize(text, "de")
    assert [(s.text, s.type) for s in spans] == [("Union", "organization"), ("Valdorien", "location")]


def test_other_languages_get_only_well_known_places() -> None:
    recognizer = KnowledgeRecognizer(
        FixedModel([]), model_languages=lambda: {"de"}, gazetteer=GAZ, stats=STATS
    )
    spans = recognizer.recognize("Il est arrivé à Brückstadt depuis Valdorien.", "fr")
    assert [(s.text, s.type) for s in spans] == [("Brückstadt", "location"), ("Valdorien", "location")]


def test_shipped_gazetteer_links_exonyms_and_name_variants() -> None:
    gazetteer = default_gazetteer()
    assert gazetteer.place("München").id == gazetteer.place("Munich").id  # type: ignore[union-attr]
    assert gazetteer.place("Moskaus", language="de") is not None
    assert gazetteer.same_person_name("Michail Gorbatschow", "Mikhail Gorbachev")
    assert not gazetteer.same_person_name("Michail Gorbatschow", "Michail Petrow")


def test_stray_english_word_alone_in_german_text_is_no_actor() -> None:
    stats = WordStats({("en", "Tonight"): (5, 0), ("en", "Paulson"): (0, 5)})  # too rare to be "common"
    text = "Das war es. Tonight Paulson"
    model = FixedModel([EntitySpan(12, 19, "Tonight", "person"), EntitySpan(20, 27, "Paulson", "person")])
    recognizer = KnowledgeRecognizer(model, model_languages=lambda: {"de", "en"}, gazetteer=GAZ, stats=stats)
    assert [s.text for s in recognizer.recognize(text, "de")] == ["Paulson"]
    assert [s.text for s in recognizer.recognize(text, "en")] == ["Tonight", "Paulson"]


def test_abbreviation_institution_compounds_are_organisations_but_roles_are_not() -> None:
    text = (
        "Die EU-Kommission und der US-Präsident trafen die UN-Generalversammlung beim EU-Gipfel. "
        "Der US-Senat stimmte zu, der US-Senator nicht."
    )
    model = FixedModel([])
    recognizer = KnowledgeRecognizer(model, model_languages=lambda: {"de"}, gazetteer=GAZ, stats=STATS)
    spans = recognizer.recognize(text, "de")
    assert [(s.text, s.type) for s in spans] == [
        ("EU-Kommission", "organization"),
        ("UN-Generalversammlung", "organization"),
        ("US-Senat", "organization"),
    ]
    assert all(text[s.start : s.end] == s.text for s in spans)


def test_institution_compound_never_overrides_a_model_span() -> None:
    text = "Die EU-Kommission tagte."
    model = FixedModel([EntitySpan(4, 17, "EU-Kommission", "location")])
    recognizer = KnowledgeRecognizer(model, model_languages=lambda: {"de"}, gazetteer=GAZ, stats=STATS)
    assert [(s.text, s.type) for s in recognizer.recognize(text, "de")] == [("EU-Kommission", "location")]
    # English text keeps the model's spans only
    assert recognizer.recognize("The EU-Kommission met.", "en") == []


def test_lone_german_noun_is_no_person_unless_a_full_name_ends_with_it() -> None:
    text = "Nach dem Anpfiff lobte Hans Fischer den Held. Fischer lachte."
    model = FixedModel(
        [
            EntitySpan(9, 16, "Anpfiff", "person"),
            EntitySpan(23, 34, "Hans Fischer", "person"),
            EntitySpan(39, 43, "Held", "person"),
            EntitySpan(46, 53, "Fischer", "person"),
        ]
    )
    nouns = frozenset({"Anpfiff", "Held", "Fischer"})
    recognizer = KnowledgeRecognizer(
        model, model_languages=lambda: {"de"}, gazetteer=GAZ, stats=STATS, common_nouns=nouns
    )
    assert [s.text for s in recognizer.recognize(text, "de")] == ["Hans Fischer", "Fischer"]


def test_shipped_common_nouns_hold_nouns_not_surnames() -> None:
    from desktop.core.entities.gazetteer import default_gazetteer_dir
    from desktop.core.entities.word_stats import load_common_nouns

    nouns = load_common_nouns(default_gazetteer_dir())
    assert len(nouns) > 10_000
    assert {"Regierung", "Anpfiff"} <= nouns
    assert not {"Berlin", "Deutschland"} & nouns


def test_lone_metropolis_is_no_person_but_a_smaller_city_name_may_be_one_in_german() -> None:
    gaz = Gazetteer(
        {"Grossheim": Place("G:2", "city", 2_500_000, True), "Kleinau": Place("G:3", "city", 300_000, True)},
        {},
    )
    text = "Grossheim und Kleinau"
    model = FixedModel([EntitySpan(0, 9, "Grossheim", "person"), EntitySpan(14, 21, "Kleinau", "person")])
    recognizer = KnowledgeRecognizer(
        model, model_languages=lambda: {"de", "en"}, gazetteer=gaz, stats=STATS, common_nouns=frozenset()
    )
    assert [(s.text, s.type) for s in recognizer.recognize(text, "de")] == [
        ("Grossheim", "location"),
        ("Kleinau", "person"),
    ]
    assert [s.type for s in recognizer.recognize(text, "en")] == ["location", "location"]


def _spans(text: str, *named: tuple[str, str]) -> list[EntitySpan]:
    out, start = [], 0
    for name, kind in named:
        start = text.index(name, start)
        out.append(EntitySpan(start, start + len(name), name, kind))  # type: ignore[arg-type]
        start += len(name)
    return out


def test_a_known_organisation_named_like_a_person_is_an_organisation_unless_its_last_word_recurs() -> None:
    gazetteer = Gazetteer({}, {}, {"Kim": 5000}, {"Kim Varosta": True})
    stats = WordStats({})
    text = "Kim Varosta reported the vote. Later Kim Varosta reported again."
    model = FixedModel(_spans(text, ("Kim Varosta", "person"), ("Kim Varosta", "person")))
    recognizer = KnowledgeRecognizer(model, model_languages=lambda: {"en"}, gazetteer=gazetteer, stats=stats)
    assert {s.type for s in recognizer.recognize(text, "en")} == {"organization"}
    text = "Kim Varosta reported the vote. Later Varosta spoke again."
    model = FixedModel(_spans(text, ("Kim Varosta", "person"), ("Varosta", "person")))
    recognizer = KnowledgeRecognizer(model, model_languages=lambda: {"en"}, gazetteer=gazetteer, stats=stats)
    assert [(s.text, s.type) for s in recognizer.recognize(text, "en")] == [
        ("Kim Varosta", "person"),
        ("Varosta", "person"),
    ]

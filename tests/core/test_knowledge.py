"""The knowledge layer: word statistics, gazetteer types, and the fallback for other languages."""

from __future__ import annotations

from desktop.core.entities.gazetteer import Gazetteer, Place, default_gazetteer
from desktop.core.entities.knowledge import KnowledgeRecognizer, WordStats
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

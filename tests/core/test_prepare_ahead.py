"""prepare_ahead: the layers above an engine pass texts to recognise together down to it."""

from __future__ import annotations

from collections.abc import Sequence

from desktop.core.entities.chunks import ChunkedRecognizer
from desktop.core.entities.knowledge import KnowledgeRecognizer
from desktop.core.entities.recognizer import (
    LayeredRecognizer,
    ModelUnavailableError,
    NullRecognizer,
    prepare_ahead,
)
from desktop.core.entities.router import EngineRouter
from desktop.core.types import EntitySpan


class Engine:
    """Records what it was asked to prepare."""

    def __init__(self, languages: set[str]) -> None:
        self.languages = languages
        self.prepared: list[list[tuple[str, str]]] = []

    def available_languages(self) -> set[str]:
        return self.languages

    def prepare(self, texts: Sequence[tuple[str, str]]) -> None:
        self.prepared.append(list(texts))

    def recognize(self, text: str, language: str) -> list[EntitySpan]:
        return []


def test_texts_reach_the_engine_of_their_language_through_every_layer() -> None:
    german, english = Engine({"de"}), Engine({"en"})
    router = EngineRouter([german, english])
    chunked = ChunkedRecognizer(router, size=40, workers=1)
    knowledge = KnowledgeRecognizer(chunked, model_languages=lambda: {"de", "en"})
    layered = LayeredRecognizer(knowledge, user_names={"Anna Berg": "person"})
    long_text = "Ein Satz. " * 10  # recognised in chunks: not prepared
    prepare_ahead(
        layered,
        [("Erster Text.", "de"), ("First text.", "en"), (long_text, "de"), ("Texte.", "fr"), ("Zwei.", "de")],
    )
    assert german.prepared == [[("Erster Text.", "de"), ("Zwei.", "de")]]
    assert english.prepared == [[("First text.", "en")]]


def test_recognisers_without_prepare_and_empty_lists_are_left_alone() -> None:
    engine = Engine({"de"})
    prepare_ahead(NullRecognizer(), [("Text.", "de")])  # no prepare method: nothing happens
    prepare_ahead(engine, [])
    assert engine.prepared == []


class BrokenEngine(Engine):
    """Its model cannot be loaded."""

    def prepare(self, texts: Sequence[tuple[str, str]]) -> None:
        raise ModelUnavailableError("broken model")

    def recognize(self, text: str, language: str) -> list[EntitySpan]:
        raise ModelUnavailableError("broken model")


def test_a_broken_model_is_left_to_recognize_which_falls_back() -> None:
    broken, fallback = BrokenEngine({"de"}), Engine({"de"})
    router = EngineRouter([broken, fallback])
    router.prepare([("Ein Text.", "de"), ("Noch einer.", "de")])  # no error: recognize() handles it
    assert router.recognize("Ein Text.", "de") == []
    assert router.engine_for("de") is fallback

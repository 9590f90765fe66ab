"""The engine router prefers the first engine with a model and looks at model folders once."""

from __future__ import annotations

import logging

import pytest

from desktop.core.entities.recognizer import ModelUnavailableError
from desktop.core.entities.router import EngineRouter
from desktop.core.types import EntitySpan


class Engine:
    def __init__(self, name: str, languages: set[str]) -> None:
        self.name, self.languages, self.asked = name, languages, 0

    def available_languages(self) -> set[str]:
        self.asked += 1
        return self.languages

    def recognize(self, text: str, language: str) -> list[EntitySpan]:
        return [EntitySpan(0, 1, text[:1], "other", 1.0 if self.name == "a" else 0.5)]


def test_first_engine_with_a_model_wins_and_folders_are_read_once() -> None:
    a, b = Engine("a", {"de"}), Engine("b", {"de", "en"})
    router = EngineRouter([a, b])
    assert router.available_languages() == {"de", "en"}
    assert router.recognize("Xy", "de")[0].score == 1.0
    assert router.recognize("Xy", "en")[0].score == 0.5
    assert router.recognize("Xy", "fr") == []
    for _ in range(5):
        router.recognize("Xy", "de")
    assert (a.asked, b.asked) == (1, 1)


def test_model_cache_loads_once_and_does_not_cache_a_missing_model() -> None:
    from desktop.core.entities.recognizer import ModelCache

    calls: list[str] = []

    def load(value: object) -> object:
        calls.append("x")
        return value

    cache: ModelCache[object] = ModelCache()
    model = object()
    assert cache.get("de", lambda: load(model)) is model
    assert cache.get("de", lambda: load(object())) is model
    assert cache.get("xx", lambda: load(None)) is None
    assert cache.get("xx", lambda: load(None)) is None
    assert len(calls) == 3  # "de" once, the missing "xx" each time


class BrokenEngine(Engine):
    def recognize(self, text: str, language: str) -> list[EntitySpan]:
        self.asked += 100
        raise ModelUnavailableError(f"Could not read the {language} model")


def test_broken_model_falls_back_to_the_next_engine_with_one_warning(
    caplog: pytest.LogCaptureFixture,
) -> None:
    broken, b = BrokenEngine("x", {"de", "fr"}), Engine("b", {"de"})
    router = EngineRouter([broken, b])
    with caplog.at_level(logging.WARNING):
        assert router.recognize("Xy", "de")[0].score == 0.5
        assert router.recognize("Xy", "de")[0].score == 0.5
        assert router.recognize("Xy", "fr") == []  # no other engine: no entities, no exception
        assert router.recognize("Xy", "fr") == []
    assert broken.asked == 1 + 200  # one folder look, one try per language
    messages = [r.getMessage() for r in caplog.records]
    assert messages == [
        "Could not read the de model; using another model",
        "Could not read the fr model; no entities for this language",
    ]
    assert broken.languages == {"de", "fr"}  # the engine's own set is left alone

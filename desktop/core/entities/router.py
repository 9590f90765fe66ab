"""Route each language to the best engine that has a model for it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from desktop.core.types import EntitySpan


class Engine(Protocol):
    """A recogniser that knows which languages it has models for."""

    def available_languages(self) -> set[str]:
        """Languages with a model."""
        ...

    def recognize(self, text: str, language: str) -> list[EntitySpan]:
        """Spans of ``text``."""
        ...


class EngineRouter:
    """The first engine (in order of preference) with a model for the language recognises it."""

    def __init__(self, engines: Sequence[Engine]) -> None:
        self._engines = list(engines)

    def available_languages(self) -> set[str]:
        """Languages some engine has a model for."""
        return set().union(*(e.available_languages() for e in self._engines)) if self._engines else set()

    def engine_for(self, language: str) -> Engine | None:
        """The preferred engine for ``language``."""
        return next((e for e in self._engines if language in e.available_languages()), None)

    def recognize(self, text: str, language: str) -> list[EntitySpan]:
        """Spans from the preferred engine; none for languages without a model."""
        engine = self.engine_for(language)
        return engine.recognize(text, language) if engine is not None else []

"""Route each language to the best engine that has a model for it."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from desktop.core.entities.recognizer import ModelUnavailableError, prepare_ahead
from desktop.core.types import EntitySpan

log = logging.getLogger(__name__)


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
        # Shipped models do not change while the app runs: look at the model folders once,
        # not on every recognition call.
        self._languages: dict[Engine, set[str]] | None = None

    def _by_engine(self) -> dict[Engine, set[str]]:
        if self._languages is None:
            self._languages = {e: set(e.available_languages()) for e in self._engines}
        return self._languages

    def available_languages(self) -> set[str]:
        """Languages some engine has a model for."""
        return set().union(*self._by_engine().values()) if self._engines else set()

    def engine_for(self, language: str) -> Engine | None:
        """The preferred engine for ``language``."""
        return next((e for e, langs in self._by_engine().items() if language in langs), None)

    def prepare(self, texts: Sequence[tuple[str, str]]) -> None:
        """Pass :func:`~desktop.core.entities.recognizer.prepare_ahead` on to each language's engine."""
        by_engine: dict[Engine, list[tuple[str, str]]] = {}
        for text, language in texts:
            engine = self.engine_for(language)
            if engine is not None:
                by_engine.setdefault(engine, []).append((text, language))
        for engine, group in by_engine.items():
            with contextlib.suppress(ModelUnavailableError):  # recognize() warns and falls back
                prepare_ahead(engine, group)

    def recognize(self, text: str, language: str) -> list[EntitySpan]:
        """Spans from the preferred engine; none for languages without a model.

        An engine whose model for the language turns out broken is dropped for that language
        (with a warning, once) and the next engine takes over.
        """
        while (engine := self.engine_for(language)) is not None:
            try:
                return engine.recognize(text, language)
            except ModelUnavailableError as exc:
                self._by_engine()[engine].discard(language)
                fallback = self.engine_for(language)
                log.warning(
                    "%s; %s", exc, "using another model" if fallback else "no entities for this language"
                )
        return []


def shipped_engines(models_dir: Path | None = None) -> EngineRouter:
    """The shipped models, BiLSTM-CRF before spaCy (what a recognition worker process runs)."""
    from desktop.core.entities.bilstm import BiLSTMRecognizer
    from desktop.core.entities.statistical import StatisticalRecognizer

    return EngineRouter([BiLSTMRecognizer(models_dir), StatisticalRecognizer(models_dir)])

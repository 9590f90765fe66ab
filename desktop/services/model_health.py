"""Problems with the recognition models, told to whoever listens (the window's status bar) once each.

The engine router logs a broken model and moves on to the next engine; ``ReportingEngine`` wraps each
engine so that the same event also reaches ``ModelProblems`` as a sentence for the user. Missing
models are found when the recogniser is built.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from typing import Protocol

from desktop.core.entities.recognizer import ModelUnavailableError
from desktop.core.types import EntitySpan

#: Languages the app ships models for, with their names in messages.
SHIPPED_LANGUAGES: dict[str, str] = {"de": "German", "en": "English"}

Listener = Callable[[str, str], None]  # (sentence for the status bar, details)


class Engine(Protocol):
    """What the engine router needs of an engine."""

    def available_languages(self) -> set[str]:
        """Languages with a model."""
        ...

    def recognize(self, text: str, language: str) -> list[EntitySpan]:
        """Spans of ``text``."""
        ...


class ModelProblems:
    """Model problems of this run, each reported to the listeners once (thread-safe)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._seen: dict[str, str] = {}
        self._listeners: list[Listener] = []

    def subscribe(self, listener: Listener) -> None:
        """Call ``listener(message, details)`` for every new problem (from any thread)."""
        with self._lock:
            self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        """Stop telling ``listener``."""
        with self._lock:
            if listener in self._listeners:
                self._listeners.remove(listener)

    def report(self, message: str, details: str = "") -> bool:
        """Record a problem; False (and nobody told) when it was reported before."""
        with self._lock:
            if message in self._seen:
                return False
            self._seen[message] = details
            listeners = list(self._listeners)
        for listener in listeners:
            listener(message, details)
        return True

    def messages(self) -> list[str]:
        """Every problem reported so far, in order."""
        with self._lock:
            return list(self._seen)


def _language(code: str) -> str:
    return SHIPPED_LANGUAGES.get(code, code.upper())


class ReportingEngine:
    """An engine that tells ``problems`` when its model for a language turns out broken, then re-raises."""

    def __init__(self, engine: Engine, name: str, problems: ModelProblems) -> None:
        self.engine = engine
        self.name = name
        self.problems = problems
        self.fallbacks: Sequence[ReportingEngine] = ()  # the engines the router tries next

    def available_languages(self) -> set[str]:
        """The wrapped engine's languages."""
        return self.engine.available_languages()

    def recognize(self, text: str, language: str) -> list[EntitySpan]:
        """The wrapped engine's spans; a broken model is reported before the router hears of it."""
        try:
            return self.engine.recognize(text, language)
        except ModelUnavailableError as exc:
            spare = next((e.name for e in self.fallbacks if language in e.available_languages()), None)
            then = f"the {spare} model stands in" if spare else "names in these articles are not recognised"
            self.problems.report(f"The {_language(language)} {self.name} model is broken; {then}.", str(exc))
            raise


def report_missing(engines: Sequence[ReportingEngine], problems: ModelProblems) -> None:
    """Report shipped languages that an engine lacks a model for (a damaged installation)."""
    have = {e.name: e.available_languages() for e in engines}
    for code, language in SHIPPED_LANGUAGES.items():
        missing = [name for name, languages in have.items() if code not in languages]
        if len(missing) == len(have):
            problems.report(
                f"No {language} entity model was found; only well-known places are marked in {language} "
                "articles. Reinstalling the app restores the models."
            )
        elif missing:
            spare = next(name for name in have if name not in missing)
            problems.report(
                f"The {language} {' and '.join(missing)} model is missing; the {spare} model stands in."
            )


def reporting_engines(named: Sequence[tuple[str, Engine]], problems: ModelProblems) -> list[ReportingEngine]:
    """Wrap engines (in the router's order of preference) so that their problems reach ``problems``."""
    wrapped = [ReportingEngine(engine, name, problems) for name, engine in named]
    for index, engine in enumerate(wrapped):
        engine.fallbacks = wrapped[index + 1 :]
    report_missing(wrapped, problems)
    return wrapped

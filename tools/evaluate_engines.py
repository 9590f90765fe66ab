"""Recogniser engines selectable in the NER evaluation (``--engine spacy|bilstm``).

``evaluate_ner`` can call :func:`make_recognizer` instead of building a
``StatisticalRecognizer`` directly; both engines share ``load(language)`` and
``recognize(text, language) -> list[EntitySpan]``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

ENGINES = ("spacy", "bilstm")


class UnknownEngineError(ValueError):
    """The requested engine name is not one of :data:`ENGINES`."""


def make_recognizer(engine: str, models: Path | None = None) -> Any:
    """A recogniser for ``engine`` reading models from ``models`` (default: the shipped ones)."""
    if engine == "spacy":
        from desktop.core.entities.statistical import StatisticalRecognizer

        return StatisticalRecognizer(models)
    if engine == "bilstm":
        from desktop.core.entities.bilstm import BiLSTMRecognizer

        return BiLSTMRecognizer(models)
    raise UnknownEngineError(f"Unknown engine {engine!r}; choose one of {', '.join(ENGINES)}.")

"""The recogniser interface and the default recogniser the app uses.

A recogniser turns (text, language) into typed spans. The default one combines the
shipped statistical models (German, English) with the user's own dictionary of
confirmed names, which always wins, and drops what the user rejected.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Generic, Protocol, TypeVar

from desktop.core import heap
from desktop.core.textfold import fold
from desktop.core.types import EntitySpan, EntityType


class Recognizer(Protocol):
    """Anything that finds named entities in a text."""

    def recognize(self, text: str, language: str) -> list[EntitySpan]:
        """Spans of ``text`` (code-point offsets) with their coarse type."""
        ...


M = TypeVar("M")


def prepare_ahead(model: object, texts: Sequence[tuple[str, str]]) -> None:
    """Let ``model`` recognise ``texts`` ((text, language) pairs) together before they are asked for.

    A recogniser with a ``prepare`` method (the BiLSTM-CRF, and the layers above it, which pass
    the call on) then answers :meth:`~Recognizer.recognize` for those texts from what it found:
    the same spans, computed in one pass whose larger matrix products cost less per article
    (an import worker prepares a few articles at a time). Others ignore the call.
    """
    prepare = getattr(model, "prepare", None)
    if prepare is not None and texts:
        prepare(texts)


class ModelUnavailableError(RuntimeError):
    """A shipped model exists but cannot be used (missing or unreadable files)."""


class ModelCache(Generic[M]):
    """Each language's model, loaded once and shared between threads (engines load lazily)."""

    def __init__(self) -> None:
        self._models: dict[str, M] = {}
        self._lock = threading.Lock()

    def get(self, language: str, load: Callable[[], M | None]) -> M | None:
        """The cached model, or ``load()`` run once under the lock (None: no model, not cached)."""
        model = self._models.get(language)
        if model is None:
            with self._lock:
                model = self._models.get(language)
                if model is None:
                    with heap.loading():  # a model lives as long as the process: kept out of collections
                        model = load()
                    if model is not None:
                        self._models[language] = model
        return model


class NullRecognizer:
    """Finds nothing; for languages without a model and for tests."""

    def recognize(self, text: str, language: str) -> list[EntitySpan]:
        """Return no spans."""
        return []


class DictionaryRecognizer:
    """Finds exact (case-sensitive, word-bounded) occurrences of known names.

    Used for the user's confirmed actors and aliases, so that a name the user marked
    once is found in every later article even where the model misses it.
    """

    def __init__(self, names: Mapping[str, EntityType]) -> None:
        self._names = {n: t for n, t in names.items() if n.strip()}
        self._pattern: re.Pattern[str] | None = None
        if self._names:
            alternation = "|".join(re.escape(n) for n in sorted(self._names, key=len, reverse=True))
            self._pattern = re.compile(rf"(?<!\w)(?:{alternation})(?!\w)")

    def recognize(self, text: str, language: str) -> list[EntitySpan]:
        """Return every occurrence of a known name."""
        if self._pattern is None:
            return []
        return [
            EntitySpan(m.start(), m.end(), m.group(0), self._names[m.group(0)])
            for m in self._pattern.finditer(text)
        ]


def span_order(span: EntitySpan) -> tuple[int, int]:
    """Sort key of spans: by start, the longer first."""
    return (span.start, -span.end)


def without_overlaps(candidates: Iterable[EntitySpan], taken: Iterable[EntitySpan]) -> list[EntitySpan]:
    """The candidates that overlap no taken span and no earlier kept candidate, in text order.

    One sorted sweep (linear after sorting): the taken spans are merged into disjoint
    stretches, and kept candidates never overlap, so only the last one can reach further.
    """
    stretches: list[list[int]] = []
    for span in sorted(taken, key=span_order):
        if span.end <= span.start:
            continue
        if stretches and span.start < stretches[-1][1]:
            stretches[-1][1] = max(stretches[-1][1], span.end)
        else:
            stretches.append([span.start, span.end])
    kept: list[EntitySpan] = []
    index, reach = 0, -1
    for span in sorted(candidates, key=span_order):
        while index < len(stretches) and stretches[index][1] <= span.start:
            index += 1
        blocked = index < len(stretches) and stretches[index][0] < span.end
        if not blocked and span.start >= reach:
            kept.append(span)
            reach = span.end
    return kept


def merge_spans(primary: Iterable[EntitySpan], secondary: Iterable[EntitySpan]) -> list[EntitySpan]:
    """Union of two span lists; where they overlap, the primary span wins."""
    chosen = list(primary)
    return sorted([*chosen, *without_overlaps(secondary, chosen)], key=span_order)


class LayeredRecognizer:
    """User dictionary first, then the model; rejected names are dropped."""

    def __init__(
        self,
        model: Recognizer,
        *,
        user_names: Mapping[str, EntityType] | None = None,
        rejected: Iterable[str] = (),
    ) -> None:
        self._model = model
        self._lock = threading.Lock()
        self.update_corrections(user_names or {}, rejected)

    def update_corrections(self, user_names: Mapping[str, EntityType], rejected: Iterable[str]) -> None:
        """Replace the user's dictionary and rejections (after the user corrected something)."""
        with self._lock:
            self._user = DictionaryRecognizer(user_names)
            self._rejected = frozenset(fold(r) for r in rejected)

    def prepare(self, texts: Sequence[tuple[str, str]]) -> None:
        """Pass :func:`prepare_ahead` on to the model."""
        prepare_ahead(self._model, texts)

    def recognize(self, text: str, language: str) -> list[EntitySpan]:
        """Spans from the user's dictionary and the model, minus rejected names."""
        with self._lock:
            user, rejected = self._user, self._rejected
        spans = merge_spans(user.recognize(text, language), self._model.recognize(text, language))
        return [s for s in spans if fold(s.text.strip()) not in rejected]

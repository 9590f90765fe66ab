"""The app's recogniser: shipped models plus the user's corrections from the library."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select

from desktop.core.entities.recognizer import LayeredRecognizer, Recognizer
from desktop.core.types import EntityType
from desktop.services.model_health import ModelProblems, reporting_engines
from desktop.storage.db import Library
from desktop.storage.models import Actor, ActorAlias, EntityRejection

if TYPE_CHECKING:  # the import pipeline (reading, analysis) is not needed to build a recogniser
    from desktop.services.import_pipeline import RecognizerFactory


def model_recognizer(
    models_dir: Path | None = None, *, problems: ModelProblems | None = None, workers: int | None = None
) -> Recognizer:
    """The shipped models with the knowledge layer on top.

    Per language the BiLSTM-CRF model is preferred where one is shipped (it measured better on
    GermEval dev than the spaCy CNN), else the spaCy pipeline. Missing or broken models are told
    to ``problems`` (the window shows them) besides the log. A long text goes to the models in
    chunks, on ``workers`` processes (default: one per core; see :mod:`desktop.core.entities.chunks`);
    the knowledge layer sees it whole.
    """
    from desktop.core.entities.bilstm import BiLSTMRecognizer
    from desktop.core.entities.chunks import ChunkedRecognizer
    from desktop.core.entities.knowledge import KnowledgeRecognizer
    from desktop.core.entities.router import Engine, EngineRouter, shipped_engines
    from desktop.core.entities.statistical import StatisticalRecognizer

    named: list[tuple[str, Engine]] = [
        ("BiLSTM-CRF", BiLSTMRecognizer(models_dir)),
        ("spaCy", StatisticalRecognizer(models_dir)),
    ]
    engines = reporting_engines(named, problems) if problems is not None else [e for _n, e in named]
    router = EngineRouter(engines)
    chunked = ChunkedRecognizer(router, factory=partial(shipped_engines, models_dir), workers=workers)
    return KnowledgeRecognizer(chunked, model_languages=router.available_languages)


def user_corrections(library: Library) -> tuple[dict[str, EntityType], list[str]]:
    """Names the user confirmed (with their actor's type) and names the user rejected."""
    with library.read_session() as session:
        rows = session.execute(
            select(ActorAlias.alias, Actor.type)
            .join(Actor, Actor.id == ActorAlias.actor_id)
            .where((ActorAlias.source == "user") | Actor.confirmed)
        )
        names: dict[str, EntityType] = {alias: kind for alias, kind in rows}  # type: ignore[misc]
        rejected = list(session.scalars(select(EntityRejection.text)))
    return names, rejected


def library_recognizer(
    library: Library, model: Recognizer | None = None, *, problems: ModelProblems | None = None
) -> LayeredRecognizer:
    """Model plus the library's user dictionary and rejections."""
    names, rejected = user_corrections(library)
    model = model or model_recognizer(problems=problems)
    return LayeredRecognizer(model, user_names=names, rejected=rejected)


def layered_model_recognizer(names: dict[str, EntityType], rejected: list[str]) -> Recognizer:
    """The shipped models with these corrections (built in an import worker process)."""
    return LayeredRecognizer(model_recognizer(), user_names=names, rejected=rejected)


def library_recognizer_factory(library: Library) -> RecognizerFactory:
    """A picklable recipe for :func:`library_recognizer` with the shipped models, for import workers."""
    names, rejected = user_corrections(library)
    return partial(layered_model_recognizer, names, rejected)

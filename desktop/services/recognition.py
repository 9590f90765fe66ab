"""The app's recogniser: shipped models plus the user's corrections from the library."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from desktop.core.entities.recognizer import LayeredRecognizer, Recognizer
from desktop.core.types import EntityType
from desktop.storage.db import Library
from desktop.storage.models import Actor, ActorAlias, EntityRejection


def model_recognizer(models_dir: Path | None = None) -> Recognizer:
    """The shipped models with the knowledge layer on top.

    Per language the BiLSTM-CRF model is preferred where one is shipped (it measured better on
    GermEval dev than the spaCy CNN), else the spaCy pipeline.
    """
    from desktop.core.entities.bilstm import BiLSTMRecognizer
    from desktop.core.entities.knowledge import KnowledgeRecognizer
    from desktop.core.entities.router import EngineRouter
    from desktop.core.entities.statistical import StatisticalRecognizer

    router = EngineRouter([BiLSTMRecognizer(models_dir), StatisticalRecognizer(models_dir)])
    return KnowledgeRecognizer(router, model_languages=router.available_languages)


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


def library_recognizer(library: Library, model: Recognizer | None = None) -> LayeredRecognizer:
    """Model plus the library's user dictionary and rejections."""
    names, rejected = user_corrections(library)
    return LayeredRecognizer(model or model_recognizer(), user_names=names, rejected=rejected)

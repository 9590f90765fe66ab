"""The app's recogniser: shipped models plus the user's corrections from the library."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from desktop.core.entities.recognizer import LayeredRecognizer, Recognizer
from desktop.core.types import EntityType
from desktop.storage.db import Library
from desktop.storage.models import Actor, ActorAlias, EntityRejection


def model_recognizer(models_dir: Path | None = None) -> Recognizer:
    """The shipped statistical models (German, English) with the knowledge layer on top."""
    from desktop.core.entities.knowledge import KnowledgeRecognizer
    from desktop.core.entities.statistical import StatisticalRecognizer

    statistical = StatisticalRecognizer(models_dir)
    return KnowledgeRecognizer(statistical, model_languages=statistical.available_languages)


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

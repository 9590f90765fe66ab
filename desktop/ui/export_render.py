"""What Export Notes… writes: the file name it suggests and the text of a scope (off the GUI thread)."""

from __future__ import annotations

import json
from collections.abc import Mapping

from desktop.core.filenames import safe_filename
from desktop.services import exporting
from desktop.services.w3c_notes import export_w3c
from desktop.ui.context import AppContext
from desktop.ui.i18n import translate


def default_name(scope: str, article_title: str | None, tag: str | None, actor: str | None) -> str:
    """A portable file name for an export."""
    if scope == "article" and article_title:
        return safe_filename(translate("ExportDialog", "{title} – notes").format(title=article_title))
    if scope == "tag" and tag:
        return safe_filename(
            translate("ExportDialog", "notes tagged {tag}").format(tag=tag.replace("/", " "))
        )
    if scope == "actor" and actor:
        return safe_filename(translate("ExportDialog", "notes on {actor}").format(actor=actor))
    return safe_filename(translate("ExportDialog", "briefing notes"))


def render_export(
    ctx: AppContext,
    scope: str,
    article_id: int | None,
    tag: str | None,
    actor: str | None,
    meanings: Mapping[str, str] | None = None,
    fmt: str = "markdown",
) -> str:
    """The Markdown (or W3C JSON-LD) for a scope, colours named by ``meanings`` (off the GUI thread)."""
    if fmt == "w3c":
        data = export_w3c(
            ctx.library,
            article_id=article_id if scope == "article" else None,
            tag=tag if scope == "tag" else None,
            meanings=meanings,
        )
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if scope == "article" and article_id is not None:
        return exporting.export_article(ctx.library, article_id, meanings=meanings)
    if scope == "tag" and tag:
        return exporting.export_tag(ctx.library, tag, meanings=meanings)
    if scope == "actor" and actor:
        return exporting.export_actor(ctx.library, actor, meanings=meanings)
    return exporting.export_library(ctx.library, meanings=meanings)

"""The outlet that publishes an article, as the keys under which its text names it."""

from __future__ import annotations

from desktop.core.article_labels import site_of
from desktop.core.entities import names

_HOST_LABELS = frozenset({"www", "en", "de", "m", "co", "com", "org", "net", "gov", "ac", "news"})


def own_outlet_keys(outlet: str | None, source_url: str | None) -> frozenset[str]:
    """Match keys under which an article names its own outlet: its outlet and its site ("wikinews").

    The outlet that publishes an article ("told Wikinews", "Euronews contacted …") is its source,
    not an actor of the story.
    """
    keys = {names.match_key(outlet)} if outlet else set()
    labels = site_of(source_url).split(".")
    keys.update(
        names.match_key(label) for label in labels[:-1] if label not in _HOST_LABELS and len(label) >= 3
    )
    return frozenset(k for k in keys if k)

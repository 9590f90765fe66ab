"""An article with known statements for the window's quote, dossier and network tests.

The quote finder is replaced by a scripted one, so these tests check the window, not the finder's
rules (which have their own tests): the statements, speakers and anonymous sources are exactly
those listed in ``SCRIPT``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from desktop.core.types import FoundQuote, LinkedActor
from desktop.services.importer import Importer
from desktop.ui.context import AppContext

TEXT = (
    "Gespräche in Weissfeld\n"
    "Anna Berg traf am Montag Tomas Lindqvist in Weissfeld. „Wir werden die Brücke bis zum Sommer "
    "fertigstellen“, sagte Anna Berg.\n"
    "Lindqvist erklärte, die Nordhafen Bank werde das Projekt unterstützen.\n"
    "„Das ist ein guter Tag für die Region“, sagte Lindqvist.\n"
    "Aus Regierungskreisen hieß es, man sei mit dem Ergebnis zufrieden.\n"
    "Die Nordhafen Bank teilte mit, sie prüfe die Unterlagen noch."
)
SECOND = (
    "Nachtrag aus Weissfeld\n"
    "Tomas Lindqvist und Anna Berg sprachen erneut über die Nordhafen Bank. "
    "„Die Finanzierung steht“, sagte Anna Berg."
)
#: message → (speaker's name or None, kind, cue, anonymous source)
SCRIPT: dict[str, tuple[str | None, str, str, str | None]] = {
    "Wir werden die Brücke bis zum Sommer fertigstellen": ("Anna Berg", "direct", "sagte", None),
    "die Nordhafen Bank werde das Projekt unterstützen": ("Tomas Lindqvist", "indirect", "erklärte", None),
    "Das ist ein guter Tag für die Region": ("Tomas Lindqvist", "direct", "sagte", None),
    "man sei mit dem Ergebnis zufrieden": (None, "indirect", "hieß es", "Aus Regierungskreisen"),
    "Die Finanzierung steht": ("Anna Berg", "direct", "sagte", None),
}
UNQUOTED = "sie prüfe die Unterlagen noch"


def scripted_finder(
    text: str, language: str, actors: Sequence[LinkedActor], *, cancelled: Callable[[], bool] = lambda: False
) -> list[FoundQuote]:
    """The statements of ``SCRIPT`` that occur in ``text``."""
    found = []
    names = [a.name for a in actors]
    for message, (speaker, kind, cue, source) in SCRIPT.items():
        start = text.find(message)
        if start < 0:
            continue
        cue_start = text.find(cue, start + len(message))
        found.append(
            FoundQuote(
                start,
                start + len(message),
                kind,  # type: ignore[arg-type]
                cue_start if cue_start >= 0 else None,
                cue_start + len(cue) if cue_start >= 0 else None,
                names.index(speaker) if speaker in names else None,
                source=source,
            )
        )
    return sorted(found, key=lambda q: q.start)


def import_quoted(ctx: AppContext, text: str = TEXT) -> int:
    """Import ``text`` with the fake recogniser and the scripted quotes; the new article's id."""
    assert ctx.model is not None
    result = Importer(ctx.library, ctx.model, quote_finder=scripted_finder).import_text(text)
    assert result.status == "imported", result.message
    assert result.id is not None
    return result.id

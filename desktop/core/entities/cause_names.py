"""German organisations named by their cause: "Bündnis Linz gegen rechts", "Für Innsbruck".

Alliances, movements, associations and local lists are often named by a phrase with "gegen" or
"für": the model takes at best a word of it ("Linz", "Van der Bellen"). Two shapes are found:

- after a kind noun ("Bündnis", "Bewegung", "Verein", "Initiative", "Plattform", "Liste"): one or
  two capitalised words, "gegen" or "für", then an optional article and capitalised words (name
  particles such as "van der" allowed between them) or the direction "rechts"/"links" ("Bewegung
  Block gegen den Islam", "Verein Gemeinsam für Van der Bellen");
- a capitalised "Für" inside a sentence, after a lower-case word, before a capitalised word ("mit
  Für Innsbruck und den Grünen"): German writes the preposition in lower case, so it starts a name.

The phrase replaces the spans inside it; a span that reaches out of it keeps the words.
"""

from __future__ import annotations

import re

from desktop.core.entities.organizations import replace_spans
from desktop.core.types import EntitySpan

_KINDS = r"(?:Bündnis(?:ses)?|Bewegung|Vereins?|Initiative|Plattform|Liste)"
_CAP = r"[A-ZÄÖÜ][\w'’-]*[\w]"
_PARTICLE = r"(?:van|von|der|de|den|du|la|le)"
_TARGET = rf"(?:(?:den|die|das|dem|der) )?{_CAP}(?: (?:{_PARTICLE} )*{_CAP}){{0,2}}|rechts|links"
_AFTER_KIND = re.compile(rf"(?<![\w-]){_KINDS} ((?:{_CAP} ){{1,2}}(?:gegen|für) (?:{_TARGET}))(?![\w'’-])")
_CAPITAL_FUER = re.compile(rf"(?<=[a-zäöüß,] )(Für {_CAP}(?: {_CAP})?)(?![\w'’-])")


def cause_names(text: str, spans: list[EntitySpan]) -> list[EntitySpan]:
    """German spans with organisations named by a "gegen"/"für" phrase added (see the module)."""
    found = [
        EntitySpan(m.start(1), m.end(1), m.group(1), "organization", 0.5)
        for pattern in (_AFTER_KIND, _CAPITAL_FUER)
        for m in pattern.finditer(text)
    ]

    def accept(candidate: EntitySpan, inside: list[EntitySpan]) -> bool:
        return not any(s.start < candidate.start or s.end > candidate.end for s in inside)

    return replace_spans(spans, found, accept)

"""Words after a name that belong to no name (English).

- Post-nominal letters of the British professions and honours: "Judge Durham Hall QC",
  "Kama Melly QC", "Jo Cox MP", "Sir Mo Farah CBE": the person is "Durham Hall".
- A lower-case kind word ending a place: "Afghanistan's Maidan Wardak province", "landing at
  Calicut airport": the place is "Maidan Wardak", "Calicut" (English writes a place's name with
  capitals; "the Gaza Strip" is written so).
"""

from __future__ import annotations

from desktop.core.types import EntitySpan

POST_NOMINALS = frozenset(
    {"QC", "KC", "MP", "MSP", "MEP", "AM", "MLA", "OBE", "CBE", "MBE", "KBE", "DBE", "CH", "OM", "FRS", "PhD"}
)
_PLACE_KINDS = frozenset(
    {
        "province", "airport", "district", "region", "county", "state", "city", "town", "village",
        "governorate", "prefecture", "municipality", "area", "border", "island", "islands",
    }
)  # fmt: skip


def _cut(span: EntitySpan, words: int) -> EntitySpan:
    """``span`` without its last ``words`` words (and the spaces before them)."""
    text = span.text.rstrip()
    for _ in range(words):
        text = text[: text.rfind(" ")].rstrip()
    return EntitySpan(span.start, span.start + len(text), text, span.type, span.score)


def cut_name_tails(spans: list[EntitySpan], language: str) -> list[EntitySpan]:
    """Spans without post-nominal letters after a person's name and without a lower-case place
    kind after a place's name (see the module's notes); English only."""
    if language != "en":
        return spans
    out = []
    for span in spans:
        words = span.text.split()
        post_nominal = len(words) >= 3 and span.type == "person" and words[-1].strip(",") in POST_NOMINALS
        place_kind = (
            len(words) >= 2
            and span.type == "location"
            and words[-1] in _PLACE_KINDS
            and all(w[:1].isupper() for w in words[:-1])
        )
        out.append(_cut(span, 1) if post_nominal or place_kind else span)
    return out

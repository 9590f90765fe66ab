"""A person's ring, stage or pen name in one article joins the person (stage_names)."""

from __future__ import annotations

import re

from desktop.core.entities.linking import link_mentions
from desktop.core.entities.stage_names import join_stage_names
from desktop.core.types import EntitySpan, LinkedActor


def _spans(text: str, names: list[str]) -> list[EntitySpan]:
    return [
        EntitySpan(m.start(), m.end(), m.group(0), "person")
        for name in names
        for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text)
    ]


def test_a_ring_name_joins_the_person_named_before_it() -> None:
    text = (
        "The wrestler Tomas Vrell, who fought under the ring name Iron Ostmark and later under "
        "the ring name Quell Rider, has died. As Quell Rider he led a faction. Ada Brook mourned him."
    )
    actors = link_mentions(
        text, "en", _spans(text, ["Tomas Vrell", "Iron Ostmark", "Quell Rider", "Ada Brook"])
    )
    by_name = {a.name: a for a in actors}
    assert set(by_name) == {"Tomas Vrell", "Ada Brook"}
    assert {"Iron Ostmark", "Quell Rider"} <= set(by_name["Tomas Vrell"].aliases)
    assert len(by_name["Tomas Vrell"].mentions) == 4
    assert all(m.type == "person" for m in by_name["Tomas Vrell"].mentions)


def test_german_cue_and_no_cue_or_another_sentence_joins_nothing() -> None:
    text = "Die Sängerin Ada Brook, bekannt als Lady Nova, sang. Tomas Vrell kam. Genannt Quell Rider."
    actors = link_mentions(text, "de", _spans(text, ["Ada Brook", "Lady Nova", "Tomas Vrell", "Quell Rider"]))
    assert [a.name for a in actors] == ["Ada Brook", "Tomas Vrell", "Quell Rider"]
    assert "Lady Nova" in actors[0].aliases
    alone = [LinkedActor("x", "Ada Brook", "person", mentions=(EntitySpan(0, 9, "Ada Brook", "person"),))]
    assert join_stage_names("Ada Brook", alone) == alone


def test_a_birth_name_joins_the_person() -> None:
    text = (
        "The poet Tomas Hunt died. Hunt wrote songs with Ada Brook. Born Tomas Vrell in Ostwerk, he took"
        " his stepfather's name. Hunt left. Die Sängerin Ada Lind (geborene Ada Quell) sang."
    )
    names = ["Tomas Hunt", "Hunt", "Ada Brook", "Tomas Vrell", "Ada Lind", "Ada Quell"]
    actors = link_mentions(text, "en", _spans(text, names))
    by_name = {a.name: a for a in actors}
    assert set(by_name) == {"Tomas Hunt", "Ada Brook", "Ada Lind"}
    assert "Tomas Vrell" in by_name["Tomas Hunt"].aliases  # the main person, not the one named last
    assert "Ada Quell" in by_name["Ada Lind"].aliases

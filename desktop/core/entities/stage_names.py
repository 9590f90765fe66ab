"""A person named under another name in one article is one actor: ring, stage and pen names.

"wrestler Jon Huber, who performed under the ring name Luke Harper", "die Sängerin Ada Brook,
bekannt als Lady Nova": the name right after such a cue belongs to the person named last before it
in the same sentence. Both become one actor, listed under the name before the cue (the person's
own name), with the other among its aliases. A birth name is such a name too ("Jan Hunter (born
Jan Burns)", "Ada Brook, geborene Lind"); a sentence that opens with it ("Born Jan Burns in Ostwerk,
he took ...") speaks of the article's main person, the one named most often.
"""

from __future__ import annotations

import re
from dataclasses import replace

from desktop.core.types import EntitySpan, LinkedActor

_CUE = re.compile(
    r"(?:(?:ring|stage|pen|screen|professional|wrestling) names?|(?:better |also |professionally )?known as"
    r"|a\.k\.a\.|aka|alias|Künstlernamen?|Kampfnamen?|Ringnamen?|bekannt als|genannt"
    r"|(?<![\w-])(?:[Bb]orn|née|geborene|geborener|geb\.))"
    r"[\s\"'„“‚‘]*$"
)
_WINDOW = 60
_SENTENCE_END = re.compile(r"[.!?]\s")


def _cue_before(text: str, start: int) -> int | None:
    """Where a stage-name cue ends right before ``start`` begins (None: no cue)."""
    match = _CUE.search(text, max(0, start - _WINDOW), start)
    if match is None or match.end() != start:
        return None
    return match.start()


def _sentence_start(text: str, position: int) -> bool:
    before = text[max(0, position - 3) : position]
    return position == 0 or before.endswith(("\n", ". ", "! ", "? ", ".\n"))


def _main_person(actors: list[LinkedActor], people: list[int], i: int) -> int | None:
    """The article's main person other than ``i``: named most often (on a tie, first)."""
    others = [j for j in people if j != i]
    return max(others, key=lambda j: (len(actors[j].mentions), -actors[j].mentions[0].start), default=None)


def join_stage_names(text: str, actors: list[LinkedActor]) -> list[LinkedActor]:
    """Actors whose name follows a stage-name cue join the person named before the cue."""
    people = [i for i, a in enumerate(actors) if a.type == "person"]
    if len(people) < 2:
        return actors
    owner: dict[int, int] = {}
    for i in people:
        for mention in actors[i].mentions:
            cue = _cue_before(text, mention.start)
            if cue is None:
                continue
            best, best_end = None, -1
            for j in people:
                if j == i:
                    continue
                for other in actors[j].mentions:
                    between = text[other.end : cue]
                    if best_end < other.end <= cue and not _SENTENCE_END.search(between):
                        best, best_end = j, other.end
            if best is None and text.startswith("Born ", cue) and _sentence_start(text, cue):
                best = _main_person(actors, people, i)
            if best is not None:
                owner[i] = best
                break
    if not owner:
        return actors

    def root(i: int) -> int:
        seen = set()
        while i in owner and i not in seen:
            seen.add(i)
            i = owner[i]
        return i

    merged: dict[int, list[int]] = {}
    for i in range(len(actors)):
        merged.setdefault(root(i), []).append(i)
    out = []
    for keep, members in merged.items():
        actor = actors[keep]
        if len(members) > 1:
            others = [actors[m] for m in members if m != keep]
            aliases = dict.fromkeys([*actor.aliases, *(n for o in others for n in (o.name, *o.aliases))])
            roles = dict.fromkeys([*actor.roles, *(r for o in others for r in o.roles)])
            joined = [
                EntitySpan(m.start, m.end, m.text, actor.type, m.score) for o in others for m in o.mentions
            ]
            mentions = sorted([*actor.mentions, *joined], key=lambda m: m.start)
            actor = replace(actor, aliases=tuple(aliases), roles=tuple(roles), mentions=tuple(mentions))
        out.append(actor)
    out.sort(key=lambda a: a.mentions[0].start)
    return out

"""Names standing alone in a text, found in one pass (no model needed)."""

from __future__ import annotations

import random
import re

from desktop.core.entities.occurrences import occurrences


def by_pattern(text: str, names: list[str]) -> list[tuple[int, int, str]]:
    """Each name searched on its own; at one start the longest name that fits."""
    best: dict[int, tuple[int, int, str]] = {}
    for name in names:
        for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text):
            if m.start() not in best or m.end() > best[m.start()][1]:
                best[m.start()] = (m.start(), m.end(), name)
    return sorted(best.values())


def test_the_same_occurrences_as_a_search_per_name() -> None:
    names = ["Gardner", "O'Brien", "Kramp-Karrenbauer", "Likud", "Ö3", "Müller", "Müller-Lüdenscheidt", "X"]
    pieces = [*names, "und", "-", "'s", " ", ".", "Likud-Partei", "Gardners", "_x", "Müller2", "Cory Gardner"]
    rng = random.Random(7)
    for _ in range(2000):
        text = rng.choice(["", " "]).join(rng.choice(pieces) for _ in range(rng.randint(1, 20)))
        chosen = rng.sample(names, rng.randint(1, len(names)))
        assert sorted(occurrences(text, chosen)) == by_pattern(text, chosen), (text, chosen)


def test_no_names_no_occurrences() -> None:
    assert list(occurrences("Likud und Gardner", [])) == []
    assert list(occurrences("", ["Likud"])) == []

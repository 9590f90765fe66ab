"""Names standing alone in a text, found in one pass (no model needed)."""

from __future__ import annotations

import random
import re

from desktop.core.entities.occurrences import occurrences


def by_pattern(text: str, names: list[str]) -> list[tuple[int, int, str]]:
    """One pattern of all the names, the longest first."""
    alternation = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    pattern = re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])")
    return [(m.start(), m.end(), m.group(0)) for m in pattern.finditer(text)]


def test_the_same_occurrences_as_a_search_per_name() -> None:
    names = ["Gardner", "O'Brien", "Kramp-Karrenbauer", "Likud", "Ö3", "Müller", "Müller-Lüdenscheidt", "X"]
    names += ["Cory Gardner", "Likud Partei", "Ab", "Ö"]  # more than a pattern's few: the word pass too
    pieces = [*names, "und", "-", "'s", " ", ".", "Likud-Partei", "Gardners", "_x", "Müller2", "Cory Gardner"]
    rng = random.Random(7)
    for _ in range(2000):
        text = rng.choice(["", " "]).join(rng.choice(pieces) for _ in range(rng.randint(1, 20)))
        chosen = rng.sample(names, rng.randint(1, len(names)))
        assert list(occurrences(text, chosen)) == by_pattern(text, chosen), (text, chosen)


def test_no_names_no_occurrences() -> None:
    assert list(occurrences("Likud und Gardner", [])) == []
    assert list(occurrences("", ["Likud"])) == []

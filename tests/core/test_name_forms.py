"""One person's names written otherwise within an article (no model needed)."""

from __future__ import annotations

import re

import pytest

from desktop.core.entities.linking import link_mentions
from desktop.core.entities.name_forms import name_within, same_hyphenation, split_hyphens
from desktop.core.entities.names import match_key
from desktop.core.types import EntitySpan


def words(name: str) -> list[str]:
    return match_key(name).split()


@pytest.mark.parametrize(
    ("longer", "shorter"),
    [
        ("Hans-Peter Doskozil", "Hans Peter Doskozil"),
        ("Kim Jong Un", "Kim Jong-un"),
        ("Alexandria Ocasio-Cortez", "Ocasio Cortez"),
        ("Senator Bernie Sanders", "Bernie Sanders"),
        ("Donald J. Trump", "Donald Trump"),
        ("Angela Dorothea Merkel", "Angela Merkel"),
        ("Heinz-Christian Strache", "HC Strache"),
        ("John Smith", "J. Smith"),
    ],
)
def test_a_shorter_writing_of_a_name_fits_it(longer: str, shorter: str) -> None:
    assert name_within(words(longer), words(shorter))


@pytest.mark.parametrize(
    ("longer", "shorter"),
    [
        ("John Paul Smith", "Paul Jones"),  # another last name
        ("Anna Maria Berger", "Maria Anna Berger"),  # given names in another order
        ("Donald J. Trump", "Ivanka Trump"),  # another given name
        ("Al Gore", "Al Gore"),  # the same key is no other writing
        ("Albert Arnold Gore", "Al Gore"),  # "Al" is a name, not initials
        ("Donald J. Trump", "D. J. K. Trump"),  # more initials than given names
    ],
)
def test_other_names_do_not_fit(longer: str, shorter: str) -> None:
    assert not name_within(words(longer), words(shorter))


def test_hyphenated_parts_are_keyed_as_words() -> None:
    assert split_hyphens(words("Hans-Peter Doskozil")) == words("Hans Peter Doskozil")
    assert same_hyphenation(words("Kim Jong Un"), words("Kim Jong-un"))
    assert not same_hyphenation(words("Kim Jong Un"), words("Kim Jong Un"))


def person_spans(text: str, names: list[str]) -> list[EntitySpan]:
    spans: list[EntitySpan] = []
    for name in sorted(names, key=len, reverse=True):
        for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text):
            if not any(s.start <= m.start() < s.end for s in spans):
                spans.append(EntitySpan(m.start(), m.end(), m.group(0), "person"))
    return spans


def test_initials_hyphens_and_middle_names_make_one_person() -> None:
    text = (
        "Heinz-Christian Strache sagte das. Strache ging. Heinz Christian Strache kam wieder. "
        "HC Strache lachte. Donald J. Trump rief an, und Donald Trump legte auf."
    )
    names = ["Heinz-Christian Strache", "Strache", "Heinz Christian Strache", "HC Strache"]
    actors = link_mentions(text, "de", person_spans(text, [*names, "Donald J. Trump", "Donald Trump"]))
    assert sorted(len(a.mentions) for a in actors) == [2, 4]
    strache = next(a for a in actors if len(a.mentions) == 4)
    assert set(strache.aliases) == set(names)


def test_a_shorter_name_two_people_fit_stays_apart() -> None:
    text = "John Paul Smith and John Peter Smith met. John Smith spoke first."
    actors = link_mentions(
        text, "en", person_spans(text, ["John Paul Smith", "John Peter Smith", "John Smith"])
    )
    assert len(actors) == 3

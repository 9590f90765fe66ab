"""Words of another script in English text (script_fragments); invented names and phrases."""

from __future__ import annotations

from desktop.core.entities.script_fragments import foreign_script_fragments
from tests.core.test_span_rules import pairs, span


def test_a_clause_in_a_cased_script_is_no_name() -> None:
    text = "He said: После того, Иван Орлов came. Anna Korvin left."
    spans = [
        span(text, "После того", "person"),
        span(text, "Иван Орлов", "person"),
        span(text, "Anna Korvin", "person"),
    ]
    assert pairs(foreign_script_fragments(spans)) == [("Иван Орлов", "person"), ("Anna Korvin", "person")]


def test_uncased_scripts_keep_only_the_latin_edge() -> None:
    text = "She wrote 집을 나갔는데 Park and رییس جمهور here."
    spans = [span(text, "집을 나갔는데 Park", "person"), span(text, "رییس جمهور", "organization")]
    got = foreign_script_fragments(spans)
    assert pairs(got) == [("Park", "person")]
    assert text[got[0].start : got[0].end] == "Park"

"""The sample briefing through the app's real pipeline: recogniser, actor linking, quote finder."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.entities.gazetteer import default_gazetteer
from desktop.core.entities.linking import link_mentions
from desktop.core.quotes import find_quotes
from desktop.core.types import FoundQuote, LinkedActor

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
SAMPLES = sorted(SEEDS.glob("*.txt"))
pytestmark = [pytest.mark.slow, pytest.mark.skipif(not SAMPLES, reason="no sample article in seeds/")]


@pytest.fixture(scope="module")
def sample() -> tuple[str, list[LinkedActor], list[FoundQuote]]:
    from desktop.services.recognition import model_recognizer

    text = SAMPLES[0].read_text(encoding="utf-8")
    actors = link_mentions(
        text, "de", model_recognizer().recognize(text, "de"), gazetteer=default_gazetteer()
    )
    return text, actors, find_quotes(text, "de", actors)


def _by_speaker(sample: tuple[str, list[LinkedActor], list[FoundQuote]]) -> dict[str | None, list[str]]:
    text, actors, found = sample
    grouped: dict[str | None, list[str]] = {}
    for quote in found:
        name = actors[quote.speaker].name if quote.speaker is not None else None
        grouped.setdefault(name, []).append(text[quote.start : quote.end])
    return grouped


def test_every_attributed_statement_has_the_right_speaker(
    sample: tuple[str, list[LinkedActor], list[FoundQuote]],
) -> None:
    grouped = _by_speaker(sample)
    named = {name: messages for name, messages in grouped.items() if name is not None}
    assert sorted(named) == ["Donald Trump", "Emmanuel Macron", "Mark Rutte"]
    rutte, macron, trump = named["Mark Rutte"], named["Emmanuel Macron"], named["Donald Trump"]
    assert len(rutte) == 2
    assert rutte[0].startswith("das Bündnis zwar keine Rolle") and "Ressourcen" in rutte[0]
    assert rutte[1] == "Wir müssen prüfen, wie sich das auf die Pläne der NATO auswirkt"
    assert len(macron) == 1 and macron[0].startswith("die technische Arbeit")
    assert trump == [
        "er stehe in Kontakt mit beiden Staatschefs",
        "Es wird etwas passieren, aber sie sind noch nicht so weit. Aber es wird etwas passieren. "
        "Wir werden es schaffen.",
    ]


def test_anonymous_statements_have_no_speaker(
    sample: tuple[str, list[LinkedActor], list[FoundQuote]],
) -> None:
    text, _actors, found = sample
    anonymous = {q.source: text[q.start : q.end] for q in found if q.speaker is None}
    assert set(anonymous) == {"Quellen", "Aus Militärkreisen", "eine Quelle", "Aus Paris"}
    assert "Seeminenräumung" in anonymous["Quellen"]
    assert "geplant sind" in anonymous["Aus Militärkreisen"]
    assert anonymous["eine Quelle"].startswith("was zu tun ist")
    assert "Bestätigung suche" in anonymous["Aus Paris"]


def test_no_headline_scare_quote_or_title_is_a_statement(
    sample: tuple[str, list[LinkedActor], list[FoundQuote]],
) -> None:
    text, _actors, found = sample
    headline_end = text.index("\n")
    assert all(q.start > headline_end for q in found)
    messages = [text[q.start : q.end] for q in found]
    assert "Koalition der Willigen" not in messages and "Kriegsspiele" not in messages
    assert "Reassurance Force" not in messages

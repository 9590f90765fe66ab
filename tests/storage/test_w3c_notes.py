"""W3C Web Annotation export and import over real libraries: round trip, samples, schemas, no duplicates."""

from __future__ import annotations

import dataclasses
import json
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from desktop.core.ingest import load_text
from desktop.core.w3c import W3CFormatError
from desktop.services.annotations import COLORS, create_annotation
from desktop.services.importer import Importer
from desktop.services.w3c_notes import export_w3c, import_notes
from desktop.storage.db import Library, open_library, resolve_database_url
from desktop.storage.models import Annotation, Tag
from tests.storage.quote_support import ARTICLE_1, ARTICLE_2, FakeRecognizer, ScriptedFinder
from tests.w3c_support import MustValidator, needs_w3c, samples, w3c_folder

WORDS = ["Rat", "Haushalt", "Nordbund", "Gipfel", "Minister", "Hafen", "Vertrag", "Bericht", "Wahl", "Grenze"]


def _library(folder: Path) -> Library:
    return open_library(resolve_database_url(str(folder / "lib.sqlite3"), {}))


def _import(library: Library, text: str, url: str | None = None) -> int:
    importer = Importer(library, FakeRecognizer(), quote_finder=ScriptedFinder())
    result = importer.import_document(dataclasses.replace(load_text(text, fmt="paste"), source_url=url))
    assert result.id is not None
    return result.id


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    lib = _library(tmp_path)
    yield lib
    lib.close()


def _state(library: Library) -> list[tuple[Any, ...]]:
    with library.read_session() as session:
        rows = session.scalars(select(Annotation).order_by(Annotation.uid))
        return [
            (
                a.uid,
                a.article_id,
                a.start,
                a.end,
                a.exact,
                a.note,
                a.color,
                tuple(sorted(t.name for t in a.tags)),
                a.created_at.replace(microsecond=0, tzinfo=None),
            )
            for a in rows
        ]


def _counts(library: Library) -> tuple[int, int]:
    with library.read_session() as session:
        return (
            int(session.scalar(select(func.count(Annotation.id))) or 0),
            int(session.scalar(select(func.count(Tag.id))) or 0),
        )


texts = st.lists(st.sampled_from(WORDS), min_size=12, max_size=40).map(
    lambda ws: "Titel\n\n" + " ".join(ws) + "."
)
notes = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=40)
tags = st.lists(st.from_regex(r"[a-z][a-z0-9]{0,6}(/[a-z][a-z0-9]{0,5})?", fullmatch=True), max_size=3)
annotation = st.tuples(st.integers(0, 10_000), st.integers(1, 6), notes, tags, st.sampled_from(COLORS))


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    articles=st.lists(st.tuples(texts, st.booleans()), min_size=1, max_size=3),
    wanted=st.lists(annotation, min_size=1, max_size=5),
)
def test_export_then_import_gives_the_same_annotations(
    articles: list[tuple[str, bool]], wanted: list[tuple[int, int, str, list[str], str]]
) -> None:
    with tempfile.TemporaryDirectory() as a, tempfile.TemporaryDirectory() as b:
        first, second = _library(Path(a)), _library(Path(b))
        try:
            ids = []
            for n, (text, has_url) in enumerate(articles):
                url = f"https://example.org/{n}" if has_url else None
                text = text + f" Nummer {n}."  # distinct texts
                ids.append(_import(first, text, url))
                _import(second, text, url)
            for seed, words, note, tag_list, color in wanted:
                article = ids[seed % len(ids)]
                with first.read_session() as session:
                    from desktop.storage.models import Article

                    body = session.get(Article, article).text  # type: ignore[union-attr]
                spans = [i for i, ch in enumerate(body) if ch == " "]
                start = spans[seed % len(spans)] + 1
                end = min(len(body), start + 4 * words + 3)
                create_annotation(first, article, start=start, end=end, note=note, tags=tag_list, color=color)
            data = json.dumps(export_w3c(first))
            report = import_notes(second, data)
            assert {r.status for r in report.results} == {"anchored"}
            assert _state(second) == _state(first)
            again = import_notes(second, data)
            assert {r.status for r in again.results} == {"duplicate"}
            assert _state(second) == _state(first)
        finally:
            first.close()
            second.close()


def test_import_by_quote_when_the_source_is_unknown(library: Library) -> None:
    _import(library, ARTICLE_1)
    _import(library, ARTICLE_2)
    data = {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": "http://example.org/anno/77",
        "type": "Annotation",
        "bodyValue": "from elsewhere",
        "target": {
            "source": "https://other.example/copy-of-the-story",
            "selector": {"type": "TextQuoteSelector", "exact": "Kerning erklärte, der Nordbund sei bereit."},
        },
    }
    (result,) = import_notes(library, json.dumps(data)).results
    assert result.status == "anchored" and result.article_id == 1 and "by its quote" in result.reason
    data["id"] = "http://example.org/anno/78"
    data["target"]["selector"]["exact"] = "Valdora"  # type: ignore[index]
    (short,) = import_notes(library, json.dumps(data)).results
    assert short.status == "orphaned" and not short.stored and "not stored" in short.reason


def test_a_changed_passage_is_fuzzy_and_a_missing_one_orphaned(library: Library) -> None:
    _import(library, ARTICLE_1, "https://example.org/a1")
    base = {"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation"}
    items = [
        base
        | {
            "id": "urn:uuid:00000000-0000-4000-8000-000000000001",
            "target": _target("Helga Brandtner trafen Olaf Kerning in Valdora."),
        },
        base
        | {
            "id": "urn:uuid:00000000-0000-4000-8000-000000000002",
            "target": _target("Ein Satz, den es nicht gibt, gar nicht."),
        },
    ]
    results = import_notes(library, json.dumps(items)).results
    assert [r.status for r in results] == ["fuzzy", "orphaned"]
    assert results[0].score is not None and 0.85 <= results[0].score < 1
    assert results[1].stored and "not in the text" in results[1].reason
    with library.read_session() as session:
        states = dict(session.execute(select(Annotation.uid, Annotation.anchor_state)).all())
    assert sorted(states.values()) == ["fuzzy", "orphaned"]


def _target(exact: str) -> dict[str, Any]:
    return {"source": "https://example.org/a1", "selector": {"type": "TextQuoteSelector", "exact": exact}}


@needs_w3c
def test_every_exported_annotation_meets_the_w3c_musts(library: Library) -> None:
    folder = w3c_folder()
    assert folder is not None
    validator = MustValidator(folder)
    article = _import(library, ARTICLE_1, "https://example.org/a1")
    local = _import(library, ARTICLE_2)
    create_annotation(
        library, article, quote="Wir werden das prüfen", note="**why**", tags=["lage", "nato/x"]
    )
    create_annotation(library, local, quote="Kerning blieb in Valdora.", color="red")
    create_annotation(library, article, quote="Olaf Kerning")
    exported = export_w3c(library)
    assert exported["total"] == 3
    for item in exported["first"]["items"]:
        standalone = {"@context": exported["@context"], **item}
        assert validator.failures(standalone) == [], item["id"]
    assert json.loads(json.dumps(exported))["first"]["items"][1]["target"]["source"].startswith(
        ("https:", "urn:")
    )


@needs_w3c
@pytest.mark.parametrize("path", samples("correct"), ids=lambda p: p.name)
def test_every_correct_sample_imports(library: Library, path: Path) -> None:
    _import(library, ARTICLE_1, "http://example.com/page1")
    report = import_notes(library, path.read_bytes())
    assert report.results or report.remark
    for result in report.results:
        assert result.status in ("anchored", "fuzzy", "orphaned", "duplicate")
        if result.status == "orphaned":
            assert result.reason
    assert _counts(library)[0] == sum(1 for r in report.results if r.stored and r.status != "duplicate")


@needs_w3c
@pytest.mark.parametrize("path", samples("incorrect"), ids=lambda p: p.name)
def test_every_incorrect_sample_changes_nothing(library: Library, path: Path) -> None:
    _import(library, ARTICLE_1, "http://example.org/target")
    create_annotation(library, 1, quote="Wir werden das prüfen", tags=["lage"])
    before = (_state(library), _counts(library))
    with pytest.raises(W3CFormatError) as raised:
        import_notes(library, path.read_bytes())
    assert "\n" not in raised.value.message
    assert (_state(library), _counts(library)) == before

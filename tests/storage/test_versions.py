"""New versions of an article: matching, re-anchoring, recomputed analysis, corrections kept."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.core.ingest import load_text
from desktop.services.annotations import create_annotation
from desktop.services.importer import Importer
from desktop.services.quote_corrections import reassign_speaker
from desktop.services.quotes import quote_rows
from desktop.services.version_history import article_versions, confirm_anchor, reattach, version_text
from desktop.storage.db import Library, open_library, resolve_database_url
from desktop.storage.models import Actor, Annotation, Mention
from tests.storage.quote_support import ARTICLE_1, ARTICLE_2, FakeRecognizer, ScriptedFinder


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    lib = open_library(resolve_database_url(str(tmp_path / "lib.sqlite3"), {}))
    yield lib
    lib.close()


@pytest.fixture
def importer(library: Library) -> Importer:
    return Importer(library, FakeRecognizer(), quote_finder=ScriptedFinder())


def _doc(text: str, **fields: str):  # type: ignore[no-untyped-def]
    return dataclasses.replace(load_text(text, fmt="paste"), **fields)


def test_same_url_makes_a_version_and_recomputes_the_analysis(library: Library, importer: Importer) -> None:
    url = "https://example.org/news/1"
    first = importer.import_document(_doc(ARTICLE_1, source_url=url))
    note = create_annotation(library, 1, quote="Kerning erklärte, der Nordbund sei bereit.", note="n")
    kerning = next(q for q in _quotes(library) if q.text == "der Nordbund sei bereit")
    with library.read_session() as session:
        brandtner = session.scalar(select(Actor.id).where(Actor.name == "Helga Brandtner"))
    reassign_speaker(library, kerning.id, brandtner)  # the user's correction

    changed = ARTICLE_1.replace("Gipfel in Valdora\n\n", "Gipfel in Valdora\n\nEin neuer erster Satz. ")
    changed = changed.replace("Olaf Kerning in Valdora", "Olaf Kerning im Nordbund")
    result = importer.import_document(_doc(changed, source_url=url))
    assert first.id == result.id == 1 and result.status == "updated"
    assert result.anchors == {"exact": 0, "moved": 1, "fuzzy": 0, "orphaned": 0}
    versions = article_versions(library, 1)
    assert [v.current for v in versions.versions] == [False, True]
    assert version_text(library, 1, 1) == load_text(ARTICLE_1, fmt="paste").text
    moved = versions.annotations[0]
    assert moved.id == note.id and moved.state == "moved"
    assert load_text(changed, fmt="paste").text[moved.start : moved.end] == moved.quote
    with library.read_session() as session:
        mentions = session.execute(select(Mention.start, Mention.text).where(Mention.article_id == 1)).all()
    text = load_text(changed, fmt="paste").text
    assert mentions and all(text[s : s + len(t)] == t for s, t in mentions)
    corrected = next(q for q in _quotes(library) if q.text == "der Nordbund sei bereit")
    assert corrected.speaker_name == "Helga Brandtner" and corrected.origin == "user"
    assert text[corrected.start : corrected.end] == "der Nordbund sei bereit"


def _quotes(library: Library):  # type: ignore[no-untyped-def]
    with library.read_session() as session:
        return quote_rows(session, article_id=1)


def test_title_and_outlet_match_but_title_alone_does_not(importer: Importer) -> None:
    importer.import_document(_doc(ARTICLE_1, outlet="Nordpost"))
    same = importer.import_document(_doc(ARTICLE_1 + " Ergänzt.", outlet="Nordpost"))
    other = importer.import_document(_doc(ARTICLE_1 + " Anders.", outlet="Südblatt"))
    bare = importer.import_document(_doc(ARTICLE_1 + " Ohne Quelle."))
    generic = importer.import_document(
        _doc("Gipfel in Valdora\n\nGanz andere Meldung, andere Worte.", outlet="Nordpost")
    )
    assert [same.status, other.status, bare.status] == ["updated", "imported", "imported"]
    assert generic.status == "imported"  # the same title and outlet, but another text
    assert same.id == 1 and other.id != 1 and bare.id not in (1, other.id) and generic.id != 1


def test_a_reused_file_name_with_an_unrelated_text_is_a_new_article(
    importer: Importer, tmp_path: Path
) -> None:
    path = str(tmp_path / "notes.txt")
    importer.import_document(_doc(ARTICLE_1, path=path))
    unrelated = importer.import_document(_doc("Ganz anderes\n\nEin ganz anderer Text.", path=path))
    assert unrelated.status == "imported" and unrelated.id == 2


def test_confirm_and_reattach(library: Library, importer: Importer) -> None:
    url = "https://example.org/news/2"
    importer.import_document(_doc(ARTICLE_1, source_url=url))
    create_annotation(library, 1, quote="„Das ist nicht genug“, so Quellen aus Valdora.")
    create_annotation(library, 1, quote="Helga Brandtner traf Olaf Kerning in Valdora.")
    changed = ARTICLE_1.replace(" „Das ist nicht genug“, so Quellen aus Valdora.", "")
    changed = changed.replace("traf Olaf Kerning", "besuchte Olaf Kerning")
    importer.import_document(_doc(changed, source_url=url))
    states = {a.state: a for a in article_versions(library, 1).annotations}
    assert set(states) == {"fuzzy", "orphaned"}
    confirm_anchor(library, states["fuzzy"].id)
    text = load_text(changed, fmt="paste").text
    start = text.index("Kerning erklärte")
    reattach(library, states["orphaned"].id, start, start + 16)
    with library.read_session() as session:
        rows = session.execute(select(Annotation.anchor_state, Annotation.orphaned, Annotation.exact)).all()
    assert {r[0] for r in rows} == {"exact"} and not any(r[1] for r in rows)
    assert "Kerning erklärte" in {r[2] for r in rows}


def test_an_unchecked_fuzzy_anchor_stays_flagged_through_later_versions(
    library: Library, importer: Importer
) -> None:
    url = "https://example.org/news/3"
    importer.import_document(_doc(ARTICLE_1, source_url=url))
    create_annotation(library, 1, quote="Helga Brandtner traf Olaf Kerning in Valdora.")
    second = ARTICLE_1.replace("traf Olaf Kerning", "besuchte Olaf Kerning")
    importer.import_document(_doc(second, source_url=url))
    third = importer.import_document(
        _doc(second.replace("Gipfel in Valdora\n\n", "Gipfel in Valdora\n\nNeu. "), source_url=url)
    )
    assert third.anchors == {"exact": 0, "moved": 0, "fuzzy": 1, "orphaned": 0}
    (anchor,) = article_versions(library, 1).annotations
    assert (
        anchor.state == "fuzzy" and anchor.previous_quote == "Helga Brandtner traf Olaf Kerning in Valdora."
    )
    assert [v.number for v in article_versions(library, 1).versions] == [1, 2, 3]


def test_a_batch_stores_versions_of_stored_articles_and_of_each_other(
    library: Library, importer: Importer
) -> None:
    url = "https://example.org/news/7"
    importer.import_document(_doc(ARTICLE_1, source_url=url))
    second = ARTICLE_1 + " Ergänzt."
    third = ARTICLE_1 + " Ergänzt. Noch einmal ergänzt."
    results = importer.import_documents(
        [
            ("a", _doc(second, source_url=url)),  # a version of the stored article
            ("b", _doc(ARTICLE_2)),  # unrelated: a new article
            ("c", _doc(third, source_url=url)),  # a version of "a", in the same batch
            ("d", _doc(ARTICLE_1)),  # the first text again: already there as version 1
        ]
    )
    assert [(r.path, r.status, r.id) for r in results] == [
        ("a", "updated", 1),
        ("b", "imported", 2),
        ("c", "updated", 1),
        ("d", "duplicate", 1),
    ]
    assert [v.number for v in article_versions(library, 1).versions] == [1, 2, 3]
    assert version_text(library, 1, 3) == load_text(third, fmt="paste").text
    with library.read_session() as session:
        mentions = session.execute(select(Mention.article_id, Mention.start, Mention.text)).all()
    texts = {1: load_text(third, fmt="paste").text, 2: load_text(ARTICLE_2, fmt="paste").text}
    assert mentions and all(texts[a][s : s + len(t)] == t for a, s, t in mentions)

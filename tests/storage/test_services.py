"""Services over a real SQLite library: import, library-wide linking, corrections, export."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop.core.entities.recognizer import LayeredRecognizer
from desktop.core.types import EntitySpan, EntityType
from desktop.services import annotations, corrections, exporting
from desktop.services.importer import Importer
from desktop.services.queries import article_detail, list_actors, list_articles
from desktop.services.recognition import library_recognizer
from desktop.services.resolver import ActorResolver
from desktop.storage.db import Library, open_library, resolve_database_url
from desktop.storage.models import Actor, Article, Mention

NAMES: dict[str, EntityType] = {
    "Helga Brandtner": "person",
    "Brandtner": "person",
    "Brandtners": "person",
    "Valdora": "location",
    "Nordbund": "organization",
    "Donnerstag": "other",
}


class FakeRecognizer:
    """Finds a fixed list of names (longest first, word-bounded)."""

    def __init__(self, names: dict[str, EntityType]) -> None:
        self.names = names

    def recognize(self, text: str, language: str) -> list[EntitySpan]:
        spans: list[EntitySpan] = []
        for name in sorted(self.names, key=len, reverse=True):
            for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text):
                if all(m.end() <= s.start or m.start() >= s.end for s in spans):
                    spans.append(EntitySpan(m.start(), m.end(), m.group(0), self.names[name]))
        return sorted(spans, key=lambda s: s.start)


@pytest.fixture
def library(tmp_path: Path) -> Library:
    return open_library(resolve_database_url(str(tmp_path / "lib.sqlite3"), {}))


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


ARTICLE_1 = (
    "Gipfel in Valdora\n\nDie Ministerpräsidentin Helga Brandtner reiste am Donnerstag nach Valdora. "
    "Brandtner traf dort Vertreter des Nordbund. Brandtners Plan wurde begrüßt."
)
ARTICLE_2 = (
    "Neue Gespräche\n\nBrandtner sprach in Valdora erneut mit dem Nordbund "
    "über die Lage und weitere Schritte."
)


def test_import_links_actors_within_and_across_articles(library: Library, tmp_path: Path) -> None:
    importer = Importer(library, FakeRecognizer(NAMES))
    results = importer.import_paths(
        [write(tmp_path, "a.txt", ARTICLE_1), write(tmp_path, "b.txt", ARTICLE_2)]
    )
    assert [r.status for r in results] == ["imported", "imported"]
    with library.read_session() as session:
        actors = {a.name: a for a in list_actors(session)}
    assert "Helga Brandtner" in actors
    assert "Brandtner" not in actors and "Brandtners" not in actors
    person = actors["Helga Brandtner"]
    assert person.articles == 2
    assert person.mentions == 4
    assert {"Brandtner", "Brandtners"} <= set(person.aliases)
    assert person.roles == ("Ministerpräsidentin",)
    assert actors["Valdora"].type == "location" and actors["Valdora"].articles == 2
    assert actors["Nordbund"].articles == 2


def test_duplicate_content_is_one_article(library: Library, tmp_path: Path) -> None:
    importer = Importer(library, FakeRecognizer(NAMES))
    first = importer.import_paths([write(tmp_path, "a.txt", ARTICLE_1)])[0]
    second = importer.import_text(ARTICLE_1 + "\n\n")
    assert second.status == "duplicate"
    assert second.id == first.id
    with library.read_session() as session:
        assert len(list_articles(session)) == 1


def test_failed_transaction_leaves_nothing(
    library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    importer = Importer(library, FakeRecognizer(NAMES))

    def boom(self: ActorResolver, session: object, linked: object, article: object = ()) -> tuple[int, str]:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(ActorResolver, "resolve", boom)
    with pytest.raises(RuntimeError):
        importer.import_paths([write(tmp_path, "a.txt", ARTICLE_1)])
    with library.read_session() as session:
        assert session.scalar(select(func.count(Article.id))) == 0
        assert session.scalar(select(func.count(Actor.id))) == 0


def test_corrections_apply_library_wide_and_to_later_imports(library: Library, tmp_path: Path) -> None:
    importer = Importer(library, FakeRecognizer(NAMES))
    importer.import_paths([write(tmp_path, "a.txt", ARTICLE_1)])
    with library.read_session() as session:
        actors = {a.name: a for a in list_actors(session)}
    # "Donnerstag" is not an entity
    corrections.reject_actor(library, actors["Donnerstag"].id)
    # Nordbund is really a place, and it is called "Nordbund e.V." properly
    corrections.change_type(library, actors["Nordbund"].id, "location")
    corrections.rename_actor(library, actors["Nordbund"].id, "Nordbund e.V.")
    # mark a name the model missed
    with library.read_session() as session:
        text = session.get(Article, 1).text  # type: ignore[union-attr]
    start = text.index("Vertreter")
    corrections.mark_as_actor(library, 1, start, start + len("Vertreter"), "organization")

    later = Importer(library, library_recognizer(library, FakeRecognizer(NAMES)))
    later.import_paths([write(tmp_path, "b.txt", ARTICLE_2 + " Am Donnerstag kamen Vertreter.")])
    with library.read_session() as session:
        actors = {a.name: a for a in list_actors(session)}
    assert "Donnerstag" not in actors
    assert actors["Nordbund e.V."].type == "location"
    assert actors["Nordbund e.V."].articles == 2
    assert actors["Vertreter"].articles == 2


def test_merge_moves_mentions_and_aliases(library: Library, tmp_path: Path) -> None:
    importer = Importer(library, FakeRecognizer(NAMES))
    importer.import_paths([write(tmp_path, "a.txt", ARTICLE_1)])
    with library.read_session() as session:
        actors = {a.name: a for a in list_actors(session)}
    summary = corrections.merge_actors(library, actors["Nordbund"].id, actors["Valdora"].id)
    assert summary.removed_actors == (actors["Nordbund"].id,)
    with library.read_session() as session:
        after = {a.name: a for a in list_actors(session)}
        assert "Nordbund" not in after
        assert "Nordbund" in after["Valdora"].aliases
        assert (
            session.scalar(select(func.count(Mention.id)).where(Mention.actor_id == actors["Nordbund"].id))
            == 0
        )


def test_annotation_lifecycle_and_exports(library: Library, tmp_path: Path) -> None:
    importer = Importer(library, FakeRecognizer(NAMES))
    importer.import_paths([write(tmp_path, "a.txt", ARTICLE_1), write(tmp_path, "b.txt", ARTICLE_2)])
    late = annotations.create_annotation(
        library, 1, quote="Brandtners Plan wurde begrüßt", tags=["bewertung"]
    )
    early = annotations.create_annotation(
        library, 1, quote="reiste am Donnerstag", note="**wichtig**", tags=["Reise/Planung"], color="blue"
    )
    other = annotations.create_annotation(library, 2, quote="weitere Schritte", tags=["reise"])
    assert early.tags == ("reise/planung",)
    edited = annotations.update_annotation(library, late.id, note="neu", tags=["a", "b/c"], color="red")
    assert (edited.note, edited.tags, edited.color) == ("neu", ("a", "b/c"), "red")
    with library.read_session() as session:
        detail = article_detail(session, 1)
    assert [a.id for a in detail.annotations] == [early.id, late.id]  # document order
    md = exporting.export_article(library, 1)
    assert md.index("reiste am Donnerstag") < md.index("Plan wurde begrüßt")
    by_tag = exporting.export_tag(library, "reise")
    assert "reiste am Donnerstag" in by_tag and "weitere Schritte" in by_tag and "Plan wurde" not in by_tag
    by_actor = exporting.export_actor(library, "Brandtner")
    # only the highlights that name her (they overlap a mention of the actor)
    assert "Plan wurde begrüßt" in by_actor and "reiste am Donnerstag" not in by_actor
    assert "weitere Schritte" not in by_actor
    everything = exporting.export_library(library)
    assert all(q in everything for q in ("reiste am Donnerstag", "Plan wurde begrüßt", "weitere Schritte"))
    annotations.delete_annotation(library, other.id)
    with library.read_session() as session:
        assert article_detail(session, 2).annotations == ()
    with pytest.raises(annotations.AnnotationError):
        annotations.create_annotation(library, 1, start=5, end=2)


def test_layered_recognizer_user_names_win_and_rejections_drop() -> None:
    layered = LayeredRecognizer(
        FakeRecognizer({"Valdora": "person", "Nordbund": "organization"}),
        user_names={"Valdora": "location"},
        rejected=["Nordbund"],
    )
    spans = layered.recognize("In Valdora sprach Nordbund.", "de")
    assert [(s.text, s.type) for s in spans] == [("Valdora", "location")]


def test_spelling_variants_and_exonyms_link_across_articles(library: Library, tmp_path: Path) -> None:
    names: dict[str, EntityType] = {
        "Michail Gorbatschow": "person",
        "Mikhail Gorbachev": "person",
        "Gorbachev": "person",
        "Moskau": "location",
        "Moscow": "location",
        "München": "location",
        "Munich": "location",
    }
    importer = Importer(library, FakeRecognizer(names))
    importer.import_paths(
        [
            write(
                tmp_path, "de.txt", "Besuch\n\nMichail Gorbatschow reiste von Moskau nach München und zurück."
            ),
            write(
                tmp_path, "en.txt", "Visit\n\nMikhail Gorbachev flew from Moscow to Munich. Gorbachev smiled."
            ),
        ]
    )
    with library.read_session() as session:
        actors = list_actors(session)
    by_type: dict[str, list[str]] = {}
    for actor in actors:
        by_type.setdefault(actor.type, []).append(actor.name)
        assert actor.articles == 2, actor
    assert len(by_type["person"]) == 1
    assert sorted(by_type["location"]) in (["Moskau", "München"], ["Moscow", "Munich"])


def test_people_sharing_a_surname_stay_apart_across_articles(library: Library, tmp_path: Path) -> None:
    names: dict[str, EntityType] = {
        "Helga Brandtner": "person",
        "Karl Brandtner": "person",
        "H. Brandtner": "person",
        "Brandtner": "person",
        "Rudolf Vehlow": "person",
        "Rudi Vehlow": "person",
        "Vehlow": "person",
    }
    importer = Importer(library, FakeRecognizer(names))
    texts = [
        "Gipfel\n\nHelga Brandtner reiste ab. Brandtner sprach lange.",
        "Familie\n\nKarl Brandtner, ihr Bruder, blieb in der Stadt.",
        "Rückblick\n\nH. Brandtner hatte den Gipfel vorbereitet. Rudolf Vehlow half ihr. Vehlow lachte.",
        "Sport\n\nRudi Vehlow gewann.",
    ]
    results = importer.import_paths([write(tmp_path, f"{i}.txt", t) for i, t in enumerate(texts)])
    assert [r.status for r in results] == ["imported"] * 4
    with library.read_session() as session:
        actors = {a.name: a for a in list_actors(session)}
    assert {"Helga Brandtner", "Karl Brandtner"} <= set(actors)  # the shared surname joined neither
    assert actors["Karl Brandtner"].articles == 1
    assert actors["Helga Brandtner"].articles == 2  # the initial matches her given name
    assert "Karl Brandtner" not in actors["Helga Brandtner"].aliases
    assert "Rudi Vehlow" not in actors and actors["Rudolf Vehlow"].articles == 2  # a pet form joins


def test_people_of_one_article_sharing_a_surname_and_an_initial_stay_apart(
    library: Library, tmp_path: Path
) -> None:
    names: dict[str, EntityType] = {
        "Alan Vehlow": "person",
        "Tima Vehlow": "person",
        "Vehlow": "person",
        "Robert F. Brandt": "person",
        "John F. Brandt": "person",
        "Brandt": "person",
    }
    importer = Importer(library, FakeRecognizer(names))
    texts = [
        "Familie\n\nAlan Vehlow starb. Vehlow war drei. Vehlow lachte. Seine Tante Tima Vehlow kam.",
        "Senat\n\nRobert F. Brandt sprach. Brandt blieb. Sein Bruder John F. Brandt war Präsident.",
    ]
    results = importer.import_paths([write(tmp_path, f"{i}.txt", t) for i, t in enumerate(texts)])
    assert [r.status for r in results] == ["imported"] * 2
    with library.read_session() as session:
        actors = {a.name: a for a in list_actors(session)}
    # the article's linking kept them apart: the library does not join them by the shared surname
    assert {"Alan Vehlow", "Tima Vehlow", "Robert F. Brandt", "John F. Brandt"} <= set(actors)
    assert "Tima Vehlow" not in actors["Alan Vehlow"].aliases
    assert "John F. Brandt" not in actors["Robert F. Brandt"].aliases

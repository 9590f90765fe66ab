"""The sidebar: actor tree and annotation list models, scope toggle, mention navigation, filters."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt, QTimer

from desktop.core.entities.names import match_key
from desktop.core.tags import TagError
from desktop.services.actor_pages import ACTOR_PAGE, FIRST_PAGE, ActorGroup
from desktop.services.annotations import create_annotation
from desktop.services.dto import ActorRow, AnnotationRow
from desktop.storage.models import Actor, ActorAlias, Mention
from desktop.ui import reader_view
from desktop.ui.actors_model import ActorIdRole, ActorTreeModel
from desktop.ui.annotation_editor import split_tags
from desktop.ui.annotations_model import (
    AnnotationFilterProxy,
    AnnotationIdRole,
    AnnotationListModel,
    tag_matches,
)
from desktop.ui.context import AppContext
from desktop.ui.palette import ColorPalette
from desktop.ui.sidebar_view import ANNOTATIONS_TAB, Sidebar
from tests.ui.reader_support import (
    OTHER_TEXT,
    TIMEOUT,
    import_article,
    make_reader,
    open_article,
    span_of,
    stored_actors,
    stored_text,
)

ACTORS = [
    ActorRow(1, "Anna Berg", "person", 3, 2, ("Berg",), ("Ministerin",)),
    ActorRow(2, "Nordhafen Bank", "organization", 2, 1),
    ActorRow(3, "Weissfeld", "location", 4, 2),
    ActorRow(4, "Tomas Lindqvist", "person", 1, 1),
    ActorRow(5, "Gipfel", "other", 1, 1),
]


def _note(n: int, start: int, color: str, tags: tuple[str, ...] = (), note: str = "") -> AnnotationRow:
    return AnnotationRow(n, 1, start, start + 5, f"quote {n}", note, tags, color)


NOTES = [
    _note(1, 40, "yellow", ("politik/wahl",), "zweite"),
    _note(2, 5, "green", ("politik",)),
    _note(3, 80, "yellow", ("quelle",)),
]


def test_actor_tree_model(qtmodeltester: Any) -> None:
    model = ActorTreeModel()
    qtmodeltester.check(model)
    model.set_actors(ACTORS)
    qtmodeltester.check(model)
    groups = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert groups == ["People (2)", "Organisations (1)", "Places (1)", "Other (1)"]
    people = model.index(0, 0)
    assert [model.index(r, 0, people).data() for r in range(model.rowCount(people))] == [
        "Anna Berg",
        "Tomas Lindqvist",
    ]
    assert model.index(0, 1, people).data() == "3" and model.index(0, 2, people).data() == "Ministerin"
    assert model.index(0, 0, people).data(ActorIdRole) == 1
    assert "Also: Berg" in model.index(0, 0, people).data(Qt.ItemDataRole.ToolTipRole)
    assert not model.flags(people) & Qt.ItemFlag.ItemIsSelectable
    assert model.actor(model.index_of_actor(3)) == ACTORS[2]
    model.set_filter("berg")  # folded, also matches aliases
    qtmodeltester.check(model)
    assert model.rowCount() == 1 and model.rowCount(model.index(0, 0)) == 1
    model.set_filter("")
    model.set_actors([])
    qtmodeltester.check(model)
    assert model.rowCount() == 0 and not model.index_of_actor(1).isValid()


def test_paged_actor_tree_model(qtbot: Any, qtmodeltester: Any) -> None:
    people = [ActorRow(10 + n, f"Person {n}", "person", 50 - n, 1) for n in range(5)]
    groups = [ActorGroup("location", 1, 4), ActorGroup("person", 12, 300)]
    first = {"person": people[:3], "location": [ACTORS[2]]}
    model = ActorTreeModel()
    model.set_library_page(groups, first)
    assert model.paged()
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == ["People (12)", "Places (1)"]
    assert model.index(0, 1).data() == "300"  # the library's totals, not the page's
    person_group, places = model.index(0, 0), model.index(1, 0)
    assert model.rowCount(person_group) == 3 and not model.canFetchMore(places)
    assert not model.canFetchMore(person_group)  # its end is not in view
    model.set_ends_shown({"person", "location"})
    assert model.canFetchMore(person_group) and not model.canFetchMore(places)
    with qtbot.waitSignal(model.more_wanted) as asked:
        model.fetchMore(person_group)
    assert asked.args == ["person", 3, model.generation()]
    assert not model.canFetchMore(person_group)  # asked once until the page arrives
    model.add_actors("person", 3, asked.args[2] - 1, people[3:])  # stale: ignored
    assert model.rowCount(person_group) == 3
    with qtbot.waitSignal(model.rowsInserted):
        model.add_actors("person", 3, asked.args[2], people[3:])
    assert [model.index(r, 0, person_group).data() for r in range(5)] == [p.name for p in people]
    assert model.canFetchMore(person_group) and model.actor(model.index_of_actor(14)) == people[4]
    model.set_ends_shown(set())
    assert not model.canFetchMore(person_group)
    model.add_actors("person", 3, model.generation(), people[3:])  # the same page again: not added
    assert model.rowCount(person_group) == 5
    model.set_filter("nobody")  # the library filters while paged: nothing hidden here
    assert model.rowCount(person_group) == 5
    model.set_actors(ACTORS)  # one article's actors: the model filters again
    assert not model.paged() and model.rowCount() == 0
    model.set_filter("")
    assert model.index(0, 0).data() == "People (2)" and not model.canFetchMore(model.index(0, 0))

    tested = ActorTreeModel()  # the model tester fetches more itself: answered later, as the panel does
    more = [ActorRow(20 + n, f"Weitere {n}", "person", 1, 1) for n in range(9)]

    def answer(kind: str, offset: int, generation: int) -> None:
        page = more[offset - 3 : offset - 1]
        QTimer.singleShot(0, lambda: tested.add_actors(kind, offset, generation, page))

    tested.more_wanted.connect(answer)
    qtmodeltester.check(tested)
    tested.set_library_page(groups, first)
    tested.set_ends_shown({"person"})
    qtmodeltester.check(tested)
    qtbot.waitUntil(lambda: tested.rowCount(tested.index(0, 0)) > 3, timeout=TIMEOUT)
    qtmodeltester.check(tested)
    tested.set_actors(ACTORS)
    qtmodeltester.check(tested)


def test_annotation_models_and_filters(qtmodeltester: Any) -> None:
    model = AnnotationListModel()
    qtmodeltester.check(model)
    model.set_annotations(NOTES)
    qtmodeltester.check(model)
    assert [model.index(r, 0).data(AnnotationIdRole) for r in range(3)] == [2, 1, 3]  # document order
    assert "zweite" in model.index(1, 0).data() and "#politik/wahl" in model.index(1, 0).data()
    assert model.tags() == ["politik", "politik/wahl", "quelle"]
    proxy = AnnotationFilterProxy()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    proxy.set_color("yellow")
    assert [proxy.index(r, 0).data(AnnotationIdRole) for r in range(proxy.rowCount())] == [1, 3]
    proxy.set_tag("politik")  # nested tags count
    assert [proxy.index(r, 0).data(AnnotationIdRole) for r in range(proxy.rowCount())] == [1]
    proxy.set_color(None)
    assert [proxy.index(r, 0).data(AnnotationIdRole) for r in range(proxy.rowCount())] == [2, 1]
    qtmodeltester.check(proxy)
    assert tag_matches("politik/wahl", "politik") and not tag_matches("politikum", "politik")


def test_actors_follow_the_article_and_mentions_can_be_walked(
    qtbot: Any, ctx: AppContext, sidebar: Sidebar
) -> None:
    article_id = import_article(ctx)
    open_article(qtbot, sidebar.reader, article_id)
    sidebar.set_article(article_id)
    model = sidebar.actors.actors_model
    assert {a.name for a in model.actors()} == {"Anna Berg", "Tomas Lindqvist", "Nordhafen Bank", "Weissfeld"}
    anna = stored_actors(ctx.library, article_id)["Anna Berg"]
    with qtbot.waitSignal(sidebar.actor_selected, timeout=TIMEOUT) as blocker:
        assert sidebar.actors.select_actor(anna.id)
    assert blocker.args == [anna.id]
    assert sidebar.reader.layers.mentions and len(sidebar.reader.browser.layer("actor")) == 3
    assert sidebar.actors.mention_label.text() == "3"
    sidebar.actors.next_mention.click()
    assert sidebar.actors.mention_label.text() == "1 of 3"
    sidebar.actors.previous_mention.click()
    assert sidebar.actors.mention_label.text() == "3 of 3"
    assert sidebar.actors.rename_button.isEnabled()


def test_an_opened_article_is_listed_once_and_again_after_a_reload_that_changed_it(
    qtbot: Any, ctx: AppContext, sidebar: Sidebar, monkeypatch: pytest.MonkeyPatch
) -> None:
    article_id = import_article(ctx)
    listed: list[list[ActorRow]] = []
    show = sidebar.actors.show_article_actors
    sidebar.actors.show_article_actors = lambda actors: (listed.append(actors), show(actors))  # type: ignore[method-assign]
    open_article(qtbot, sidebar.reader, article_id)  # rendered: listed
    sidebar.set_article(article_id)  # the window's "opened" for the same data: not listed twice
    assert len(listed) == 1 and {a.name for a in listed[0]} >= {"Anna Berg", "Weissfeld"}
    built: list[int] = []
    rebuild = reader_view.build_document
    monkeypatch.setattr(reader_view, "build_document", lambda *a, **k: (built.append(1), rebuild(*a, **k))[1])
    with qtbot.waitSignal(sidebar.reader.rendered, timeout=TIMEOUT):
        sidebar.reader.reload()  # another article changed: the same data, nothing drawn or listed again
    assert len(listed) == 1 and built == []
    create_annotation(ctx.library, article_id, quote="traf am Montag", note="elsewhere")
    with qtbot.waitSignal(sidebar.reader.rendered, timeout=TIMEOUT):
        sidebar.reader.reload()  # fresh data (an edit elsewhere): drawn and listed again
    assert len(listed) == 2 and built == [1]
    assert [r.note for r in sidebar.annotations_model.annotations()] == ["elsewhere"]
    sidebar.set_article(None)
    assert listed[-1] == [] and sidebar.actors.actors_model.actors() == []


def test_library_scope_lists_every_actor(qtbot: Any, ctx: AppContext, sidebar: Sidebar) -> None:
    first = import_article(ctx, "Kurz\nAnna Berg war in Weissfeld.")
    import_article(ctx, OTHER_TEXT)
    open_article(qtbot, sidebar.reader, first)
    sidebar.set_article(first)
    assert {a.name for a in sidebar.actors.actors_model.actors()} == {"Anna Berg", "Weissfeld"}
    sidebar.set_scope_library(True)
    assert sidebar.actors.scope_box.isChecked()
    qtbot.waitUntil(lambda: len(sidebar.actors.actors_model.actors()) == 4, timeout=TIMEOUT)
    weissfeld = next(a for a in sidebar.actors.actors_model.actors() if a.name == "Weissfeld")
    assert weissfeld.articles == 2
    sidebar.actors.scope_box.setChecked(False)
    assert {a.name for a in sidebar.actors.actors_model.actors()} == {"Anna Berg", "Weissfeld"}


def test_library_scope_pages_and_filters_in_the_library(
    qtbot: Any, ctx: AppContext, sidebar: Sidebar
) -> None:
    import_article(ctx, "Kurz\nAnna Berg war in Weissfeld.")
    many = FIRST_PAGE + ACTOR_PAGE + 40  # more people than the first two pages hold
    with ctx.library.session() as session:
        for n in range(many):
            actor = Actor(name=f"Mitglied Nummer {n:03d}", type="person")
            session.add(actor)
            session.flush()
            alias = f"Rätin {n:03d}"
            session.add(ActorAlias(actor_id=actor.id, alias=alias, key=match_key(alias)))
            session.add(Mention(article_id=1, actor_id=actor.id, start=0, end=4, text="Kurz", type="person"))
    panel = sidebar.actors
    model = panel.actors_model
    sidebar.set_scope_library(True)
    qtbot.waitUntil(lambda: model.paged() and len(model.actors()) > 2, timeout=TIMEOUT)
    people = model.index(0, 0)
    assert people.data() == f"People ({many + 1})" and model.index(1, 0).data() == "Places (1)"
    assert FIRST_PAGE <= model.rowCount(people) < many  # a page (and maybe the next) read, not all
    # scrolling to the end of the group (not of the list: Places follow) reads the rest
    while model.rowCount(people) < many + 1:
        shown = model.rowCount(people)
        panel.tree.scrollTo(model.index(shown - 1, 0, people))
        qtbot.waitUntil(lambda shown=shown: model.rowCount(people) > shown, timeout=TIMEOUT)
    assert model.rowCount(people) == many + 1 and not model.canFetchMore(people)
    names = [model.index(r, 0, people).data() for r in range(model.rowCount(people))]
    assert len(set(names)) == many + 1 and names[0] == "Anna Berg"
    deep = model.index(many - 5, 0, people).data(ActorIdRole)
    assert panel.select_actor(deep)
    with qtbot.waitSignal(model.modelReset, timeout=TIMEOUT):
        panel._actors_changed()  # an edit: read again, as far as it was read, the selection kept
    assert model.rowCount(model.index(0, 0)) == many + 1 and panel.selected_actor_id() == deep
    panel.actor_filter.setText("ratin 00")  # another name, accents ignored: asked of the library
    qtbot.waitUntil(
        lambda: model.rowCount() == 1 and model.rowCount(model.index(0, 0)) == 10, timeout=TIMEOUT
    )
    assert model.index(0, 0).data() == "People (10)"
    assert model.actor(model.index(0, 0, model.index(0, 0))).aliases == ("Rätin 000",)
    panel.actor_filter.setText("weiss")
    qtbot.waitUntil(lambda: {a.name for a in model.actors()} == {"Weissfeld"}, timeout=TIMEOUT)
    sidebar.set_scope_library(False)  # back to the article: filtered here
    assert not model.paged()
    panel.actor_filter.clear()


def test_annotations_tab_lists_filters_and_opens(qtbot: Any, ctx: AppContext, sidebar: Sidebar) -> None:
    article_id = import_article(ctx)
    text = stored_text(ctx.library, article_id)
    late = create_annotation(
        ctx.library,
        article_id,
        start=span_of(text, "Erfolg")[0],
        end=span_of(text, "Erfolg")[1],
        tags=["politik/wahl"],
        color="green",
    )
    early = create_annotation(ctx.library, article_id, start=0, end=7, note="Titel", color="yellow")
    open_article(qtbot, sidebar.reader, article_id)
    sidebar.set_article(article_id)
    rows = sidebar.annotations_model.annotations()
    assert [r.id for r in rows] == [early.id, late.id]
    assert [sidebar.tag_filter.itemData(i) for i in range(sidebar.tag_filter.count())] == [
        None,
        "politik/wahl",
    ]
    sidebar.color_filter.setCurrentIndex(sidebar.color_filter.findData("green"))
    assert sidebar.annotation_proxy.rowCount() == 1
    sidebar.color_filter.setCurrentIndex(0)
    with qtbot.waitSignal(sidebar.annotation_activated, timeout=TIMEOUT) as blocker:
        index = sidebar.annotation_proxy.index(1, 0, QModelIndex())
        rect = sidebar.annotation_list.visualRect(index)
        sidebar.tabs.setCurrentIndex(ANNOTATIONS_TAB)
        qtbot.mouseClick(sidebar.annotation_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [late.id]
    assert sidebar.editor.annotation_id() == late.id
    assert sidebar.editor.tags.text() == "politik/wahl"
    with qtbot.waitSignal(sidebar.annotation_activated, timeout=TIMEOUT):
        sidebar.reader.annotation_clicked.emit(early.id)  # a click on the highlight in the text
    assert sidebar.editor.annotation_id() == early.id and sidebar.editor.note.toPlainText() == "Titel"
    sidebar.set_article(None)
    assert sidebar.annotations_model.rowCount() == 0 and sidebar.editor.annotation_id() is None


def test_colour_meanings_can_be_renamed(qtbot: Any, ctx: AppContext) -> None:
    reader = make_reader(qtbot, ctx, show=False)
    palette = reader.palette_colors
    assert palette.meaning("yellow") == "Important" and palette.meaning("red") == "Disagree"
    assert palette.shortcut("green") == "Ctrl+2" and palette.shortcut("gray") is None
    with qtbot.waitSignal(palette.changed, timeout=TIMEOUT):
        palette.set_meaning("blue", "  Offene   Frage ")
    assert palette.meaning("blue") == "Offene Frage"
    assert "Offene Frage" in reader.toolbar.color_buttons["blue"].toolTip()
    assert ColorPalette(ctx.settings).meaning("blue") == "Offene Frage"  # kept in the settings
    palette.set_meaning("blue", "")
    assert palette.meaning("blue") == "Question"
    with pytest.raises(ValueError, match="Unknown colour"):
        palette.set_meaning("teal", "x")


def test_tags_are_normalised_validated_and_completed(qtbot: Any, ctx: AppContext, sidebar: Sidebar) -> None:
    assert split_tags("#Politik/Wahl, quelle  quelle") == ["politik/wahl", "quelle"]
    with pytest.raises(TagError):
        split_tags("gut 2024")
    completer = sidebar.editor.completer
    assert completer.splitPath("quelle, politik/wa") == ["politik/wa"]
    article_id = import_article(ctx)
    row = create_annotation(ctx.library, article_id, start=0, end=7, tags=["politik/wahl"])
    open_article(qtbot, sidebar.reader, article_id)
    sidebar.set_article(article_id)
    sidebar.activate_annotation(row.id)
    qtbot.waitUntil(lambda: completer.tags_model.stringList() == ["politik/wahl"], timeout=TIMEOUT)
    editor = sidebar.editor
    editor.tags.setText("quelle pol")
    assert completer.pathFromIndex(completer.tags_model.index(0, 0)) == "quelle politik/wahl "
    editor.tags.setText("gut 2024")
    editor.commit_tags()
    assert editor.tag_error.isVisibleTo(editor) and "2024" in editor.tag_error.text()
    assert sidebar.edits.is_idle()  # nothing was written
    editor.tags.setText("politik/wahl")
    editor.commit_tags()
    assert not editor.tag_error.isVisibleTo(editor)


def test_a_failed_page_can_be_asked_for_again(
    qtbot: Any, ctx: AppContext, sidebar: Sidebar, monkeypatch: pytest.MonkeyPatch
) -> None:
    import desktop.ui.actors_panel as actors_panel
    from desktop.core.errors import UserError

    import_article(ctx, "Kurz\nAnna Berg war in Weissfeld.")
    model = sidebar.actors.actors_model
    sidebar.set_scope_library(True)
    qtbot.waitUntil(lambda: model.paged() and len(model.actors()) == 2, timeout=TIMEOUT)

    def broken(*_args: object) -> list[ActorRow]:
        raise UserError("The library is locked.")

    monkeypatch.setattr(actors_panel, "library_actors_more", broken)
    model.set_library_page([ActorGroup("person", 5, 9)], {"person": model.actors()[:1]})  # as if more
    model.set_ends_shown({"person"})
    people = model.index(0, 0)
    model.fetchMore(people)
    assert not model.canFetchMore(people)  # asked
    qtbot.waitUntil(lambda: "locked" in sidebar.reader.banner.text(), timeout=TIMEOUT)
    assert model.canFetchMore(people)  # may be asked again on the next scroll

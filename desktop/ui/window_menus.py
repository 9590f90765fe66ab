"""The main window's menu bar: File, Edit, View, Article and Help, with their shortcuts.

Every shortcut of the window is a QAction here or in a pane, so Help ▸ Keyboard Shortcuts
can list them all from the actions themselves.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu

from desktop.ui.i18n import LANGUAGES, store_language, stored_language, translate
from desktop.ui.notes_import import NotesImporter
from desktop.ui.paths import action_icon
from desktop.ui.reader_zoom import ZOOM_STEP
from desktop.ui.theme import THEME_MODES, stored_mode
from desktop.ui.user_name_dialog import change_user_name

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

THEME_NAMES = {
    "system": QT_TRANSLATE_NOOP("WindowMenus", "System"),
    "light": QT_TRANSLATE_NOOP("WindowMenus", "Light"),
    "dark": QT_TRANSLATE_NOOP("WindowMenus", "Dark"),
}
#: View ▸ Language: each language named in itself, so a reader finds their own.
LANGUAGE_NAMES = {"en": "English", "de": "Deutsch"}


def _open_versions(window: Any) -> None:
    """The versions dialog, imported when first asked for (its diff code is not needed at start)."""
    from desktop.ui.versions_dialog import open_versions

    open_versions(window, window)


def add_action(
    window: MainWindow,
    menu: QMenu,
    text: str,
    slot: Callable[[], Any],
    shortcut: str | list[str] | None = None,
    icon: str = "",
) -> QAction:
    """A menu entry owned by the window (so its shortcut works anywhere in it)."""
    action = QAction(text, window)
    if shortcut is not None:
        shortcuts = shortcut if isinstance(shortcut, list) else [shortcut]
        action.setShortcuts([QKeySequence(s) for s in shortcuts])
    if icon:
        action.setIcon(action_icon(icon))
    action.triggered.connect(lambda _checked=False: slot())
    menu.addAction(action)
    return action


def ask_user_name(window: MainWindow) -> None:
    """Edit ▸ User Name…: the name recorded with the window's notes, corrections and imports."""
    name = change_user_name(window, window.ctx)
    if name:
        window.show_status(
            translate("WindowMenus", "Your notes, corrections and imports are recorded as {name}.").format(
                name=name
            )
        )


def build_menus(window: MainWindow) -> None:
    """Fill the window's menu bar; sets ``find_action``, ``notes_action``, ``shortcuts_action``,
    ``user_name_action`` and ``theme_actions`` on the window."""
    bar = window.menuBar()
    file_menu = bar.addMenu(translate("WindowMenus", "&File"))
    add_action(
        window,
        file_menu,
        translate("WindowMenus", "&Import Files…"),
        window.choose_and_import_files,
        "Ctrl+O",
        "import-file",
    )
    add_action(
        window,
        file_menu,
        translate("WindowMenus", "Import &Folder…"),
        window.choose_and_import_folder,
        None,
        "import-folder",
    )
    add_action(
        window,
        file_menu,
        translate("WindowMenus", "&Paste as New Article"),
        window.paste_as_article,
        "Ctrl+Shift+V",
        "paste",
    )
    file_menu.addSeparator()
    add_action(
        window, file_menu, translate("WindowMenus", "&Export Notes…"), window.export_notes, "Ctrl+E", "export"
    )
    window.notes_importer = NotesImporter(window.ctx, window)
    window.notes_importer.finished.connect(window.notes_imported)
    window.notes_importer.failed.connect(window.show_status)
    add_action(
        window,
        file_menu,
        translate("WindowMenus", "Import &Notes…"),
        window.notes_importer.choose_and_import,
        None,
        "import-file",
    )
    file_menu.addSeparator()
    add_action(window, file_menu, translate("WindowMenus", "&Quit"), window.close, "Ctrl+Q").setMenuRole(
        QAction.MenuRole.QuitRole
    )

    edit_menu = bar.addMenu(translate("WindowMenus", "&Edit"))
    undo = window.ctx.undo_stack.createUndoAction(window, translate("WindowMenus", "&Undo"))
    undo.setShortcuts([QKeySequence("Ctrl+Z")])
    redo = window.ctx.undo_stack.createRedoAction(window, translate("WindowMenus", "&Redo"))
    redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    edit_menu.addActions([undo, redo])
    edit_menu.addSeparator()
    window.find_action = add_action(
        window, edit_menu, translate("WindowMenus", "&Find in Article…"), window.find_in_article, "Ctrl+F"
    )
    add_action(
        window,
        edit_menu,
        translate("WindowMenus", "Search &Library"),
        window.focus_search,
        "Ctrl+Shift+F",
        "search",
    )
    edit_menu.addSeparator()
    window.user_name_action = add_action(
        window, edit_menu, translate("WindowMenus", "User &Name…"), lambda: ask_user_name(window)
    )

    view_menu = bar.addMenu(translate("WindowMenus", "&View"))
    add_action(
        window,
        view_menu,
        translate("WindowMenus", "Zoom &In"),
        lambda: window.zoom_by(ZOOM_STEP),
        ["Ctrl++", "Ctrl+="],
        "zoom-in",
    )
    add_action(
        window,
        view_menu,
        translate("WindowMenus", "Zoom &Out"),
        lambda: window.zoom_by(-ZOOM_STEP),
        "Ctrl+-",
        "zoom-out",
    )
    add_action(
        window, view_menu, translate("WindowMenus", "&Reset Zoom"), lambda: window.set_zoom(100), "Ctrl+0"
    )
    view_menu.addSeparator()
    view_menu.addActions(window.panes.actions())
    window.notes_action = QAction(
        translate("WindowMenus", "All &Notes (Annotations)"), window, checkable=True
    )
    window.notes_action.setShortcut(QKeySequence("Ctrl+Shift+A"))
    window.notes_action.setIcon(action_icon("notes"))
    window.notes_action.setToolTip(
        translate("WindowMenus", "Every highlight and note of the library, in the left pane")
    )
    window.notes_action.toggled.connect(window.show_notes)
    view_menu.addAction(window.notes_action)
    view_menu.addSeparator()
    theme_menu = view_menu.addMenu(translate("WindowMenus", "&Theme"))
    group = QActionGroup(window)
    window.theme_actions = {}
    current = window.theme_mode() or stored_mode(window.ctx.settings)
    for mode in THEME_MODES:
        action = QAction(translate("WindowMenus", THEME_NAMES[mode]), window, checkable=True)
        action.setChecked(mode == current)
        action.triggered.connect(lambda _c=False, m=mode: window.set_theme(m))
        group.addAction(action)
        theme_menu.addAction(action)
        window.theme_actions[mode] = action
    build_language_menu(window, view_menu)

    article_menu = bar.addMenu(translate("WindowMenus", "&Article"))
    actions = window.article_actions
    article_menu.addActions([actions.next_action, actions.previous_action])
    article_menu.addSeparator()
    article_menu.addActions([actions.read_action, actions.star_action, actions.archive_action])
    article_menu.addSeparator()
    add_action(window, article_menu, translate("WindowMenus", "&Versions…"), lambda: _open_versions(window))
    article_menu.addSeparator()
    article_menu.addAction(actions.delete_action)

    help_menu = bar.addMenu(translate("WindowMenus", "&Help"))
    window.shortcuts_action = add_action(
        window, help_menu, translate("WindowMenus", "&Keyboard Shortcuts"), window.show_shortcuts, ["F1", "?"]
    )
    add_action(window, help_menu, translate("WindowMenus", "&About Briefing Reader"), window.about)


def build_language_menu(window: MainWindow, view_menu: QMenu) -> None:
    """View ▸ Language: System, English, Deutsch; the choice is stored and applies at the next start."""
    menu = view_menu.addMenu(translate("WindowMenus", "&Language"))
    group = QActionGroup(window)
    current = stored_language(window.ctx.settings)
    window.language_actions = {}
    for language in LANGUAGES:
        name = LANGUAGE_NAMES.get(language) or translate("WindowMenus", "System")
        action = QAction(name, window, checkable=True)
        action.setChecked(language == current)
        action.triggered.connect(lambda _c=False, code=language: _choose_language(window, code))
        group.addAction(action)
        menu.addAction(action)
        window.language_actions[language] = action


def _choose_language(window: MainWindow, language: str) -> None:
    store_language(window.ctx.settings, language)
    window.show_status(translate("WindowMenus", "The language changes the next time Briefing Reader starts."))

"""Help ▸ Keyboard Shortcuts (F1 or ?): every shortcut of the window, read from its actions.

The list is built from the QActions (and the named QShortcuts) that exist, so it cannot drift
from what the keys really do: menu entries under their menu, the rest under the pane they
belong to, and keys that only work in one pane say so.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLineEdit,
    QMainWindow,
    QMenu,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.i18n import translate


@dataclass(frozen=True)
class ShortcutEntry:
    """One line of the overview."""

    group: str  # the menu or pane
    text: str  # what the key does
    keys: str  # "Alt+Down, J"
    where: str = ""  # "in the reading pane" when the key works only there


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip(".…").strip()


def _keys(sequences: list[QKeySequence]) -> str:
    return ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in sequences if not s.isEmpty())


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _scope(action: QAction, names: dict[QWidget, str]) -> str:
    if action.shortcutContext() not in (
        Qt.ShortcutContext.WidgetShortcut,
        Qt.ShortcutContext.WidgetWithChildrenShortcut,
    ):
        return ""
    places = [
        names.get(w, w.accessibleName() or "")
        for w in action.associatedObjects()
        if isinstance(w, QWidget) and not isinstance(w, QMenu)
    ]
    places = [p for p in dict.fromkeys(places) if p]
    if not places:
        return ""
    return translate("ShortcutsDialog", "in the {places}").format(
        places=translate("ShortcutsDialog", " and the ").join(places)
    )


def _menu_entries(
    menu: QMenu, group: str, seen: set[QAction], names: dict[QWidget, str]
) -> list[ShortcutEntry]:
    entries = []
    for action in menu.actions():
        sub = action.menu()
        if isinstance(sub, QMenu):
            entries += _menu_entries(sub, f"{group} ▸ {_plain(sub.title())}", seen, names)
            continue
        keys = _keys(action.shortcuts())
        if keys and action not in seen:
            seen.add(action)
            entries.append(ShortcutEntry(group, _plain(action.text()), keys, _scope(action, names)))
    return entries


def collect_shortcuts(
    window: QMainWindow, pane_names: dict[QWidget, str] | None = None
) -> list[ShortcutEntry]:
    """Every shortcut of ``window``: menu bar entries first, then the panes' own keys."""
    names = dict(pane_names or {})
    seen: set[QAction] = set()
    entries: list[ShortcutEntry] = []
    for top in window.menuBar().actions():
        menu = top.menu()
        if isinstance(menu, QMenu):
            entries += _menu_entries(menu, _plain(menu.title()), seen, names)
    for action in window.findChildren(QAction):
        keys = _keys(action.shortcuts())
        if not keys or action in seen or not action.text():
            continue
        seen.add(action)
        owners = [
            w for w in action.associatedObjects() if isinstance(w, QWidget) and not isinstance(w, QMenu)
        ]
        group = next((names[w] for w in owners if w in names), translate("ShortcutsDialog", "Window"))
        where = _scope(action, names)
        same = translate("ShortcutsDialog", "in the {places}").format(places=group)
        where = "" if where == same else where  # the group says it already
        entries.append(ShortcutEntry(_capital(group), _plain(action.text()), keys, where))
    for shortcut in window.findChildren(QShortcut):
        if shortcut.whatsThis() and shortcut.isEnabled():
            parent = shortcut.parent()
            group = next(
                (n for w, n in names.items() if isinstance(parent, QWidget) and w.isAncestorOf(parent)), ""
            )
            entries.append(
                ShortcutEntry(
                    _capital(group or translate("ShortcutsDialog", "Window")),
                    shortcut.whatsThis(),
                    _keys([shortcut.key()]),
                )
            )
    return entries


class ShortcutsDialog(QDialog):
    """A searchable table of the shortcuts, grouped by menu and pane."""

    def __init__(self, entries: list[ShortcutEntry], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("ShortcutsDialog", "Keyboard Shortcuts"))
        self.entries = entries
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(translate("ShortcutsDialog", "Filter shortcuts…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._filter)
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels(
            [translate("ShortcutsDialog", "Action"), translate("ShortcutsDialog", "Keys")]
        )
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(False)
        groups: dict[str, QTreeWidgetItem] = {}
        for entry in entries:
            group = groups.get(entry.group)
            if group is None:
                group = QTreeWidgetItem(self.tree, [entry.group])
                font = group.font(0)
                font.setBold(True)
                group.setFont(0, font)
                group.setFirstColumnSpanned(True)
                group.setFlags(Qt.ItemFlag.ItemIsEnabled)
                groups[entry.group] = group
            text = f"{entry.text} ({entry.where})" if entry.where else entry.text
            item = QTreeWidgetItem(group, [text, entry.keys])
            item.setToolTip(0, text)
        self.tree.expandAll()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)
        self.resize(560, 620)

    def listed(self) -> list[tuple[str, str]]:
        """The (action, keys) lines shown."""
        return [
            (group.child(n).text(0), group.child(n).text(1))
            for group in (self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount()))
            if group is not None
            for n in range(group.childCount())
            if not group.child(n).isHidden()
        ]

    def _filter(self, text: str) -> None:
        needle = text.casefold().strip()
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            if group is None:
                continue
            shown = 0
            for n in range(group.childCount()):
                child = group.child(n)
                hit = not needle or needle in f"{child.text(0)} {child.text(1)} {group.text(0)}".casefold()
                child.setHidden(not hit)
                shown += hit
            group.setHidden(shown == 0)

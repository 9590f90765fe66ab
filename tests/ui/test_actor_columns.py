"""The actor tree's roles column stays in view in a narrow sidebar; a wide one keeps the name's width."""

from __future__ import annotations

from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QTreeView
from pytestqt.qtbot import QtBot

from desktop.ui.actor_columns import NAME_MIN_WIDTH, NAME_WIDTH, ROLES_MIN_WIDTH, ActorColumns


def _tree(qtbot: QtBot) -> QTreeView:
    model = QStandardItemModel(0, 3)
    model.setHorizontalHeaderLabels(["Name", "Mentions", "Roles"])
    model.appendRow([QStandardItem("A. Person"), QStandardItem("3"), QStandardItem("minister; envoy")])
    tree = QTreeView()
    tree.setModel(model)
    model.setParent(tree)
    qtbot.addWidget(tree)
    ActorColumns(tree)
    tree.show()
    return tree


def test_a_narrow_sidebar_keeps_the_roles_in_view(qtbot: QtBot) -> None:
    tree = _tree(qtbot)
    tree.resize(320, 300)
    qtbot.waitUntil(lambda: tree.viewport().width() < 320)
    header = tree.header()
    visible = tree.viewport().width()
    assert header.sectionSize(0) < NAME_WIDTH
    assert header.sectionSize(0) + header.sectionSize(1) + ROLES_MIN_WIDTH <= visible
    assert header.sectionViewportPosition(2) + ROLES_MIN_WIDTH <= visible
    assert not tree.horizontalScrollBar().isVisible()


def test_a_wide_sidebar_and_the_users_width_are_kept(qtbot: QtBot) -> None:
    tree = _tree(qtbot)
    tree.resize(700, 300)
    qtbot.waitUntil(lambda: tree.viewport().width() > 600)
    header = tree.header()
    assert header.sectionSize(0) == NAME_WIDTH
    header.resizeSection(0, 260)  # the user drags the name column wider
    tree.resize(360, 300)
    qtbot.waitUntil(lambda: tree.viewport().width() < 360)
    assert header.sectionSize(0) < 260
    tree.resize(700, 300)
    qtbot.waitUntil(lambda: header.sectionSize(0) == 260)


def test_a_very_narrow_sidebar_never_squeezes_names_below_their_minimum(qtbot: QtBot) -> None:
    tree = _tree(qtbot)
    tree.resize(150, 300)
    qtbot.waitUntil(lambda: tree.viewport().width() < 150)
    assert tree.header().sectionSize(0) == NAME_MIN_WIDTH

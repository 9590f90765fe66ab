"""Trees of groups (actors by type, quotes by speaker): their group rows expanded after a reset."""

from __future__ import annotations

from PySide6.QtWidgets import QTreeView


def expand_groups(tree: QTreeView) -> None:
    """Expand every top-level row of ``tree``.

    What ``expandAll`` shows in a two-level tree, without asking the model (through Python) for the
    children of every row below the groups, which cost a few milliseconds at each article opened.
    """
    model = tree.model()
    for row in range(model.rowCount()):
        tree.expand(model.index(row, 0))

"""Choosing who made a statement: one of the article's actors, or nobody named; direct or reported."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.textfold import fold
from desktop.services.dto import ActorRow
from desktop.ui.i18n import translate
from desktop.ui.palette import ENTITY_SINGULAR

NO_SPEAKER = QT_TRANSLATE_NOOP("SpeakerDialog", "No speaker named (an unnamed source)")
_SPEAKING_TYPES = ("person", "organization", "other", "location")  # who usually speaks, first


@dataclass(frozen=True)
class SpeakerChoice:
    """The speaker chosen (None: nobody named) and the kind of statement."""

    actor_id: int | None
    kind: str  # "direct" | "indirect"


def speaker_order(actors: list[ActorRow]) -> list[ActorRow]:
    """People first, then organisations, other names and places; most mentioned first in each."""
    rank = {kind: n for n, kind in enumerate(_SPEAKING_TYPES)}
    return sorted(actors, key=lambda a: (rank.get(a.type, len(rank)), -a.mentions, a.name))


class SpeakerDialog(QDialog):
    """A filterable list of the article's actors plus "nobody named", and direct/reported speech."""

    def __init__(
        self,
        actors: list[ActorRow],
        excerpt: str,
        parent: QWidget | None = None,
        *,
        current: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("SpeakerDialog", "Mark as quote"))
        quoted = " ".join(excerpt.split())
        label = QLabel(
            translate("SpeakerDialog", "Who said “{words}”?").format(
                words=quoted[:160] + ("…" if len(quoted) > 160 else "")
            ),
            self,
        )
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(translate("SpeakerDialog", "Filter actors"))
        self.filter.setClearButtonEnabled(True)
        self.list = QListWidget(self)
        none_item = QListWidgetItem(translate("SpeakerDialog", NO_SPEAKER), self.list)
        none_item.setData(Qt.ItemDataRole.UserRole, None)
        for actor in speaker_order(actors):
            item = QListWidgetItem(f"{actor.name} — {ENTITY_SINGULAR.get(actor.type, actor.type)}", self.list)
            item.setData(Qt.ItemDataRole.UserRole, actor.id)
            if actor.id == current:
                self.list.setCurrentItem(item)
        if self.list.currentItem() is None:
            self.list.setCurrentRow(1 if self.list.count() > 1 else 0)
        self.direct = QRadioButton(translate("SpeakerDialog", "Direct quote (the speaker's own words)"), self)
        self.indirect = QRadioButton(translate("SpeakerDialog", "Reported speech"), self)
        self.direct.setChecked(True)
        kinds = QHBoxLayout()
        kinds.addWidget(self.direct)
        kinds.addWidget(self.indirect)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        self.filter.textChanged.connect(self._filter)
        layout = QVBoxLayout(self)
        for widget in (label, self.filter, self.list):
            layout.addWidget(widget)
        layout.addLayout(kinds)
        layout.addWidget(buttons)
        self.resize(420, 420)

    def _filter(self, text: str) -> None:
        wanted = fold(text.strip())
        for row in range(self.list.count()):
            item = self.list.item(row)
            hidden = bool(wanted) and row > 0 and wanted not in fold(item.text())
            item.setHidden(hidden)
        current = self.list.currentItem()
        if current is None or current.isHidden():
            visible = [
                self.list.item(r) for r in range(self.list.count()) if not self.list.item(r).isHidden()
            ]
            self.list.setCurrentItem(visible[1] if len(visible) > 1 else visible[0])

    def choice(self) -> SpeakerChoice | None:
        """What is chosen in the dialog."""
        item = self.list.currentItem()
        if item is None:
            return None
        actor = item.data(Qt.ItemDataRole.UserRole)
        return SpeakerChoice(
            None if actor is None else int(actor), "direct" if self.direct.isChecked() else "indirect"
        )

    @classmethod
    def ask(
        cls, parent: QWidget | None, actors: list[ActorRow], excerpt: str, current: int | None = None
    ) -> SpeakerChoice | None:
        """Ask who made the statement (replaced in tests); None when cancelled."""
        dialog = cls(actors, excerpt, parent, current=current)
        return dialog.choice() if dialog.exec() == QDialog.DialogCode.Accepted else None

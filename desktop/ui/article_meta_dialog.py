"""Editing an article's title, publication date and source (outlet), with the problems said inline.

The fields are checked as they are typed by the same rules the service applies
(``services.article_meta``); OK stays disabled while one of them is wrong. The change itself is
written by ``AnalysisEdits.edit_article`` and is undoable.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.services.article_meta import (
    MAX_OUTLET_CHARS,
    MAX_TITLE_CHARS,
    ArticleEditError,
    ArticleMeta,
    clean_date,
    clean_outlet,
    clean_title,
)
from desktop.ui.i18n import format_date, translate

ERROR_STYLE = "color: palette(bright-text);"


@dataclass(frozen=True)
class MetaValues:
    """What the dialog's fields say, as the service stores it."""

    title: str
    published: str | None
    outlet: str | None


class ArticleMetaDialog(QDialog):
    """Title, publication date (YYYY-MM-DD or empty) and source, each with its problem under it."""

    def __init__(self, meta: ArticleMeta, parent: QWidget | None = None, *, imported: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("ArticleMetaDialog", "Article details"))
        self.title_edit = QLineEdit(meta.title, self)
        self.date_edit = QLineEdit(meta.published or "", self)
        self.date_edit.setPlaceholderText(translate("ArticleMetaDialog", "YYYY-MM-DD; empty: no date known"))
        self.outlet_edit = QLineEdit(meta.outlet or "", self)
        self.outlet_edit.setPlaceholderText(
            translate("ArticleMetaDialog", "e.g. the newspaper or agency; empty: none")
        )
        self.errors: dict[str, QLabel] = {}
        form = QFormLayout()
        for key, label, edit in (
            ("title", translate("ArticleMetaDialog", "&Title:"), self.title_edit),
            ("date", translate("ArticleMetaDialog", "&Published:"), self.date_edit),
            ("outlet", translate("ArticleMetaDialog", "&Source:"), self.outlet_edit),
        ):
            error = QLabel("", self)
            error.setStyleSheet(ERROR_STYLE)
            error.setWordWrap(True)
            error.hide()
            self.errors[key] = error
            form.addRow(label, edit)
            form.addRow("", error)
            edit.textChanged.connect(lambda _text: self.validate())
        note = QLabel(
            translate(
                "ArticleMetaDialog",
                "The publication date is the day the article appeared; without one, timelines count it "
                "at the day it was imported ({date}).",
            ).format(date=format_date(imported))
            if imported
            else translate(
                "ArticleMetaDialog",
                "The publication date is the day the article appeared; without one, timelines count it "
                "at the day it was imported.",
            ),
            self,
        )
        note.setWordWrap(True)
        note.setForegroundRole(note.foregroundRole().PlaceholderText)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.buttons)
        self.resize(520, self.sizeHint().height())
        self.validate()

    def _check(self, key: str, check: Callable[[], object]) -> bool:
        label = self.errors[key]
        try:
            check()
        except ArticleEditError as error:
            label.setText(self._problem(key) or error.message)
            label.show()
            return False
        label.clear()
        label.hide()
        return True

    def _problem(self, key: str) -> str:
        """What is wrong with a field, in the interface language ("" when the service's words must do)."""
        if key == "title":
            title = " ".join(self.title_edit.text().split())
            if not title:
                return translate("ArticleMetaDialog", "An article's title cannot be empty.")
            return translate(
                "ArticleMetaDialog", "A title can have at most {limit} characters (this one has {count})."
            ).format(limit=MAX_TITLE_CHARS, count=len(title))
        if key == "date":
            return translate(
                "ArticleMetaDialog", "“{text}” is not a date; give it as YYYY-MM-DD (or leave it empty)."
            ).format(text=self.date_edit.text().strip())
        if key == "outlet":
            return translate(
                "ArticleMetaDialog", "A source name can have at most {limit} characters."
            ).format(limit=MAX_OUTLET_CHARS)
        return ""

    def validate(self) -> bool:
        """Check every field, show the problems under them; True when all are fine."""
        ok = all(
            [
                self._check("title", lambda: clean_title(self.title_edit.text())),
                self._check("date", lambda: clean_date(self.date_edit.text())),
                self._check("outlet", lambda: clean_outlet(self.outlet_edit.text())),
            ]
        )
        button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if button is not None:
            button.setEnabled(ok)
        return ok

    def accept(self) -> None:
        if self.validate():
            super().accept()

    def values(self) -> MetaValues:
        """The fields as stored (call when valid)."""
        return MetaValues(
            clean_title(self.title_edit.text()),
            clean_date(self.date_edit.text()),
            clean_outlet(self.outlet_edit.text()),
        )

    @classmethod
    def ask(cls, parent: QWidget | None, meta: ArticleMeta, imported: str = "") -> MetaValues | None:
        """Ask for new details (replaced in tests); None when cancelled."""
        dialog = cls(meta, parent, imported=imported)
        return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None

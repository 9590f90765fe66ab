"""Export Notes…: one article, a tag, an actor or the whole library, to a Markdown file or the clipboard;
or the whole library as an Obsidian vault (a folder of linked notes, updated in place).

Highlights are named by what their colour means to the user (the window's colour meanings)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QStandardPaths, Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import message_of
from desktop.core.filenames import write_new_file
from desktop.core.vault import VaultReport
from desktop.services.vault_export import export_vault
from desktop.services.window_reads import tags_and_actor_names
from desktop.ui.context import AppContext
from desktop.ui.crash import Messages
from desktop.ui.export_render import default_name, render_export
from desktop.ui.i18n import translate
from desktop.ui.tasks import TaskControl

SCOPES = ("article", "tag", "actor", "library")
FORMATS = {"markdown": ("Markdown", ".md"), "w3c": ("W3C Web Annotation JSON", ".jsonld")}
EXPORT_DIR_KEY = "export/folder"
VAULT_DIR_KEY = "export/vault"
VAULT_NOTE = QT_TRANSLATE_NOOP(
    "ExportDialog",
    "The vault holds a note for every article with highlights and for every actor named in them, "
    "linked with [[wikilinks]]. Exporting again updates those notes in place and keeps what you "
    "wrote below their marker line.",
)


class ExportDialog(QDialog):
    """Choose what to export and where; the export itself runs in the background."""

    exported = Signal(str)  # the file written, or "" for the clipboard
    vault_exported = Signal(object)  # the VaultReport of an Obsidian vault export

    def __init__(
        self,
        ctx: AppContext,
        article_id: int | None = None,
        article_title: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._article_id = article_id
        self._article_title = article_title
        self.setWindowTitle(translate("ExportDialog", "Export Notes"))
        self._build()
        self._load_choices()

    def _build(self) -> None:
        self.scope_group = QButtonGroup(self)
        scope_box = QGroupBox(translate("ExportDialog", "Export the notes of"), self)
        form = QFormLayout(scope_box)
        self.radios: dict[str, QRadioButton] = {}
        self.tag_combo = QComboBox(self)
        self.actor_combo = QComboBox(self)
        self.actor_combo.setEditable(True)
        self.actor_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        labels = {
            "article": translate("ExportDialog", "This article: {title}").format(title=self._article_title)
            if self._article_title
            else translate("ExportDialog", "This article"),
            "tag": translate("ExportDialog", "Tag"),
            "actor": translate("ExportDialog", "Actor"),
            "library": translate("ExportDialog", "The whole library"),
        }
        for scope in SCOPES:
            radio = QRadioButton(labels[scope], self)
            self.radios[scope] = radio
            self.scope_group.addButton(radio)
            radio.toggled.connect(self._update)
            field = {"tag": self.tag_combo, "actor": self.actor_combo}.get(scope)
            if field is None:
                form.addRow(radio)
            else:
                form.addRow(radio, field)

        dest_box = QGroupBox(translate("ExportDialog", "Destination"), self)
        dest = QVBoxLayout(dest_box)
        self.to_file = QRadioButton(translate("ExportDialog", "Markdown file"), self)
        self.to_clipboard = QRadioButton(translate("ExportDialog", "Clipboard"), self)
        self.to_vault = QRadioButton(
            translate("ExportDialog", "Obsidian vault (a folder of linked notes)"), self
        )
        self.to_file.setChecked(True)
        self.path_edit = QLineEdit(self)
        self.path_edit.setAccessibleName(translate("ExportDialog", "Export file"))
        browse = QPushButton(translate("ExportDialog", "Browse…"), self)
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.setContentsMargins(22, 0, 0, 0)
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        self.format_combo = QComboBox(self)
        self.format_combo.setAccessibleName(translate("ExportDialog", "Export format"))
        for key, (label, _suffix) in FORMATS.items():
            self.format_combo.addItem(label, key)
        self.format_combo.currentIndexChanged.connect(lambda _i: self._update())
        format_row = QHBoxLayout()
        format_row.addWidget(QLabel(translate("ExportDialog", "Format:"), self))
        format_row.addWidget(self.format_combo, 1)
        dest.addLayout(format_row)
        dest.addWidget(self.to_file)
        dest.addLayout(row)
        dest.addWidget(self.to_clipboard)
        self.vault_edit = QLineEdit(self)
        self.vault_edit.setAccessibleName(translate("ExportDialog", "Vault folder"))
        self.vault_edit.setPlaceholderText(translate("ExportDialog", "Choose the vault folder…"))
        stored = self._ctx.settings.value(VAULT_DIR_KEY)
        self.vault_edit.setText(str(stored) if stored else "")
        self.vault_browse = QPushButton(translate("ExportDialog", "Choose…"), self)
        self.vault_browse.clicked.connect(self._browse_vault)
        vault_row = QHBoxLayout()
        vault_row.setContentsMargins(22, 0, 0, 0)
        vault_row.addWidget(self.vault_edit, 1)
        vault_row.addWidget(self.vault_browse)
        self.vault_note = QLabel(translate("ExportDialog", VAULT_NOTE), self)
        self.vault_note.setWordWrap(True)
        self.vault_note.setContentsMargins(22, 0, 0, 0)
        self.vault_note.setForegroundRole(self.vault_note.palette().ColorRole.PlaceholderText)
        dest.addWidget(self.to_vault)
        dest.addLayout(vault_row)
        dest.addWidget(self.vault_note)
        self.result_label = QLabel(self)
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result_label.hide()
        self.to_file.toggled.connect(self._update)
        self.to_vault.toggled.connect(self._update)
        self.tag_combo.currentIndexChanged.connect(lambda _i: self._suggest_name())
        self.actor_combo.currentTextChanged.connect(lambda _t: self._suggest_name())

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(translate("ExportDialog", "Export"))
        self.buttons.accepted.connect(self.start_export)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scope_box)
        layout.addWidget(dest_box)
        layout.addWidget(self.result_label)
        layout.addWidget(self.buttons)
        self.scope_box = scope_box
        self.setMinimumWidth(560)
        self.radios["article"].setEnabled(self._article_id is not None)
        self.radios["tag"].setEnabled(False)  # until tags are loaded
        self.radios["actor"].setEnabled(False)
        self.radios["article" if self._article_id is not None else "library"].setChecked(True)
        self._update()

    def _load_choices(self) -> None:
        library = self._ctx.library

        def load(control: TaskControl) -> tuple[list[str], list[str]]:
            return tags_and_actor_names(library)

        self._ctx.tasks.run(load, self._fill, lambda _e: None)

    def _fill(self, result: tuple[list[str], list[str]]) -> None:
        tags, actors = result
        self.tag_combo.addItems(tags)
        self.actor_combo.addItems(actors)
        self.radios["tag"].setEnabled(bool(tags))
        self.radios["actor"].setEnabled(bool(actors))
        self._update()

    def export_format(self) -> str:
        """ "markdown" or "w3c"."""
        return str(self.format_combo.currentData() or "markdown")

    def scope(self) -> str:
        """The chosen scope."""
        return next((s for s, r in self.radios.items() if r.isChecked()), "library")

    def _folder(self) -> Path:
        stored = self._ctx.settings.value(EXPORT_DIR_KEY)
        if stored and Path(str(stored)).is_dir():
            return Path(str(stored))
        docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return Path(docs) if docs and Path(docs).is_dir() else Path.home()

    def _suggest_name(self) -> None:
        name = default_name(
            self.scope(), self._article_title, self.tag_combo.currentText(), self.actor_combo.currentText()
        )
        if hasattr(self, "format_combo"):
            name = str(Path(name).with_suffix(FORMATS[self.export_format()][1]))
        current = self.path_edit.text().strip()
        folder = Path(current).parent if current else self._folder()
        self.path_edit.setText(str(folder / name))

    def _update(self) -> None:
        if hasattr(self, "format_combo"):
            w3c = self.export_format() == "w3c"
            self.to_file.setText(
                translate("ExportDialog", "JSON file") if w3c else translate("ExportDialog", "Markdown file")
            )
            self.to_vault.setEnabled(not w3c)
            if w3c and self.to_vault.isChecked():
                self.to_file.setChecked(True)
            self.radios["actor"].setVisible(not w3c)  # Web Annotations: an article, a tag or all
            self.actor_combo.setVisible(not w3c)
            if w3c and self.radios["actor"].isChecked():
                self.radios["library"].setChecked(True)
        self.tag_combo.setEnabled(self.radios["tag"].isChecked())
        self.actor_combo.setEnabled(self.radios["actor"].isChecked())
        self.path_edit.setEnabled(self.to_file.isChecked())
        vault = self.to_vault.isChecked()
        self.vault_edit.setEnabled(vault)  # "Choose…" stays available and selects the vault
        if hasattr(self, "scope_box"):
            self.scope_box.setEnabled(not vault)  # a vault always holds the whole library
        self._suggest_name()

    def _browse(self) -> None:
        chosen = self.choose_file(self, self.path_edit.text())
        if chosen:
            self.path_edit.setText(chosen)

    def _browse_vault(self) -> None:
        chosen = self.choose_folder(self, self.vault_edit.text().strip() or str(self._folder()))
        if chosen:
            self.vault_edit.setText(chosen)
            self.to_vault.setChecked(True)

    @classmethod
    def choose_folder(cls, parent: QWidget, suggested: str) -> str:
        """The folder dialog for the vault (replaced in tests)."""
        return QFileDialog.getExistingDirectory(
            parent, translate("ExportDialog", "Obsidian Vault Folder"), suggested
        )

    @classmethod
    def choose_file(cls, parent: QWidget, suggested: str) -> str:
        """The save-file dialog (replaced in tests)."""
        path, _filter = QFileDialog.getSaveFileName(
            parent,
            translate("ExportDialog", "Export Notes"),
            suggested,
            translate("ExportDialog", "Markdown (*.md);;All files (*)"),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        return path

    def start_export(self) -> None:
        """Validate, ask before overwriting, then export in the background."""
        if self.to_vault.isChecked():
            self._start_vault_export()
            return
        scope, article_id = self.scope(), self._article_id
        tag, actor = self.tag_combo.currentText() or None, self.actor_combo.currentText().strip() or None
        target: Path | None = None
        if self.to_file.isChecked():
            raw = self.path_edit.text().strip()
            if not raw:
                Messages.show_error(
                    self,
                    translate("ExportDialog", "Export Notes"),
                    translate("ExportDialog", "Choose a file to export to."),
                )
                return
            target = Path(raw).expanduser()
            if target.suffix == "":
                target = target.with_suffix(FORMATS[self.export_format()][1])
            if target.exists() and not Messages.ask(
                self,
                translate("ExportDialog", "Export Notes"),
                translate("ExportDialog", "{name} already exists. Replace it?").format(name=target.name),
            ):
                return
        ctx, meanings, fmt = self._ctx, self._ctx.color_palette().meanings(), self.export_format()

        def run(control: TaskControl) -> str:
            text = render_export(ctx, scope, article_id, tag, actor, meanings, fmt)
            if target is None:
                return text
            write_new_file(target, text, overwrite=True)
            return str(target)

        self.buttons.setEnabled(False)
        self._ctx.tasks.run(run, lambda r: self._finished(target, str(r)), self._failed)

    def _finished(self, target: Path | None, result: str) -> None:
        self.buttons.setEnabled(True)
        if target is None:
            QApplication.clipboard().setText(result)
            self.exported.emit("")
        else:
            self._ctx.settings.setValue(EXPORT_DIR_KEY, str(target.parent))
            self.exported.emit(str(target))
        self.accept()

    def _start_vault_export(self) -> None:
        raw = self.vault_edit.text().strip()
        if not raw:
            chosen = self.choose_folder(self, str(self._folder()))
            if not chosen:
                return
            self.vault_edit.setText(chosen)
            raw = chosen
        folder = Path(raw).expanduser()
        if folder.exists() and not folder.is_dir():
            Messages.show_error(
                self,
                translate("ExportDialog", "Export Notes"),
                translate("ExportDialog", "{folder} is a file, not a folder.").format(folder=folder),
            )
            return
        library, meanings = self._ctx.library, self._ctx.color_palette().meanings()
        self.buttons.setEnabled(False)
        self.result_label.setText(translate("ExportDialog", "Writing the vault…"))
        self.result_label.show()
        self._ctx.tasks.run(
            lambda _control: export_vault(library, folder, meanings=meanings), self._vault_done, self._failed
        )

    def _vault_done(self, report: VaultReport) -> None:
        """Say what was written; the dialog stays open (Close ends it)."""
        self.buttons.setEnabled(True)
        self._ctx.settings.setValue(VAULT_DIR_KEY, str(report.folder))
        self.result_label.setText(
            translate("ExportDialog", "Obsidian vault written: {summary}.").format(summary=report.summary())
        )
        self.result_label.show()
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            translate("ExportDialog", "Close")
        )
        self.vault_exported.emit(report)

    def _failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.result_label.hide()
        Messages.show_error(
            self,
            translate("ExportDialog", "Export Notes"),
            translate("ExportDialog", "The notes could not be exported: {error}").format(
                error=message_of(error)
            ),
        )

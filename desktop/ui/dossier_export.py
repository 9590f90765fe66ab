"""Export of the dossier window: the whole Markdown dossier (as ``briefing-reader dossier NAME --all``)
written to a file the user chooses, in the background; a file is replaced only when the user agrees."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QFileDialog, QPushButton, QWidget

from desktop.core.dossier_md import render_dossier
from desktop.core.errors import message_of
from desktop.core.filenames import safe_filename, write_new_file
from desktop.services.dossier import load_dossier
from desktop.ui.crash import Messages
from desktop.ui.i18n import translate
from desktop.ui.palette import ColorPalette
from desktop.ui.tasks import TaskControl

if TYPE_CHECKING:
    from PySide6.QtWidgets import QLabel

    from desktop.services.dto import Dossier
    from desktop.ui.context import AppContext

EXPORT_DIR_KEY = "dossier/export_folder"


class DossierExport:
    """The export of :class:`desktop.ui.dossier_view.DossierWindow` (mixed into it)."""

    ctx: AppContext
    _dossier: Dossier | None
    export_button: QPushButton
    status_label: QLabel
    exported: Any  # Signal(str) of the window

    def leaves_rows_out(self) -> bool:
        """Whether the dossier shown lists only part of its rows (the window tells)."""
        raise NotImplementedError

    def _update_buttons(self) -> None:
        raise NotImplementedError

    @classmethod
    def choose_file(cls, parent: QWidget, suggested: str) -> str:
        """The save-file dialog (replaced in tests); "" when cancelled."""
        path, _filter = QFileDialog.getSaveFileName(
            parent,
            translate("DossierView", "Export Dossier"),
            suggested,
            translate("DossierView", "Markdown (*.md);;All files (*)"),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        return path

    def export_markdown(self) -> None:
        """Ask for a file, ask before replacing one, then write the Markdown dossier in the background."""
        dossier = self._dossier
        if dossier is None:
            return
        folder = Path(str(self.ctx.settings.value(EXPORT_DIR_KEY, str(Path.home()))))
        suggested = folder / safe_filename(dossier.actor.name)
        chosen = self.choose_file(self, str(suggested))  # type: ignore[arg-type]
        if not chosen:
            return
        target = Path(chosen).expanduser()
        if target.suffix == "":
            target = target.with_suffix(".md")
        replace = target.exists()
        if replace and not Messages.ask(
            self,  # type: ignore[arg-type]
            translate("DossierView", "Export Dossier"),
            translate("DossierView", "{name} already exists. Replace it?").format(name=target.name),
        ):
            return
        palette = ColorPalette(self.ctx.settings)
        meanings = {color: palette.meaning(color) for color in palette.colors()}
        library, actor_id, cut = self.ctx.library, dossier.actor.id, self.leaves_rows_out()

        def write(_control: TaskControl) -> str:
            whole = load_dossier(library, actor_id) if cut else dossier  # the file has every row
            text = render_dossier(whole.as_json(), timeline=whole.timeline("month"), meanings=meanings)
            return str(write_new_file(target, text, overwrite=replace))

        self.export_button.setEnabled(False)
        self.ctx.tasks.run(write, self._exported, self._export_failed)

    def _exported(self, path: str) -> None:
        self.ctx.settings.setValue(EXPORT_DIR_KEY, str(Path(path).parent))
        self.status_label.setText(translate("DossierView", "Dossier exported to {path}.").format(path=path))
        self._update_buttons()
        self.exported.emit(path)

    def _export_failed(self, error: BaseException) -> None:
        self._update_buttons()
        Messages.show_error(
            self,  # type: ignore[arg-type]
            translate("DossierView", "Export Dossier"),
            translate("DossierView", "The dossier could not be exported: {error}").format(
                error=message_of(error)
            ),
        )

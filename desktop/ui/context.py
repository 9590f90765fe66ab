"""What every part of the window needs, injected instead of global singletons."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtGui import QUndoStack

from desktop.core.entities.recognizer import LayeredRecognizer, Recognizer
from desktop.services.library import Library
from desktop.services.model_health import ModelProblems
from desktop.services.recognition import library_recognizer, library_recognizer_factory, user_corrections
from desktop.ui.analysis_edits import AnalysisEdits
from desktop.ui.palette import ColorPalette
from desktop.ui.tasks import TaskRunner
from desktop.ui.undo import EditController
from desktop.ui.write_queue import WriteQueue

if TYPE_CHECKING:  # imported on first use: reading and analysis code is not needed to show the window
    from desktop.services.importer import Importer


@dataclass
class AppContext:
    """The open library, settings, background runner and undo stack of one window.

    It also owns the window's one write queue and the two edit controllers whose signals are the
    change bus: every edit goes through them, and every view listens to them and applies the change
    it receives (rather than the pane that started the edit telling the others).
    """

    library: Library
    settings: QSettings
    tasks: TaskRunner
    undo_stack: QUndoStack
    model: Recognizer | None = None  # injected in tests; the shipped models otherwise
    model_problems: ModelProblems = field(default_factory=ModelProblems)  # shown in the status bar
    _recognizer: LayeredRecognizer | None = field(default=None, init=False, repr=False)
    _writes: WriteQueue | None = field(default=None, init=False, repr=False)
    _palette: ColorPalette | None = field(default=None, init=False, repr=False)
    _edits: EditController | None = field(default=None, init=False, repr=False)
    _analysis_edits: AnalysisEdits | None = field(default=None, init=False, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, init=False, repr=False)

    def write_queue(self) -> WriteQueue:
        """The one queue every write of the window goes through (created on first use)."""
        if self._writes is None:
            self._writes = WriteQueue(self.tasks, self.tasks)
        return self._writes

    def edits(self) -> EditController:
        """Annotation and actor edits (undoable, on the write queue); its signals say what changed."""
        if self._edits is None:
            self._edits = EditController(self, self.tasks)
        return self._edits

    def analysis_edits(self) -> AnalysisEdits:
        """Quote corrections and article details (undoable, on the write queue); signals say what changed."""
        if self._analysis_edits is None:
            self._analysis_edits = AnalysisEdits(self, self.tasks)
        return self._analysis_edits

    def color_palette(self) -> ColorPalette:
        """The highlight colours and their meanings, shared by every pane (renames reach them all)."""
        if self._palette is None:
            self._palette = ColorPalette(self.settings, self.tasks)
        return self._palette

    def recognizer(self) -> LayeredRecognizer:
        """The recogniser with the user's corrections; built lazily (call off the GUI thread)."""
        with self._lock:
            if self._recognizer is None:
                self._recognizer = library_recognizer(self.library, self.model, problems=self.model_problems)
            return self._recognizer

    def refresh_corrections(self) -> None:
        """Reload the user's dictionary and rejections after a correction (cheap)."""
        with self._lock:
            if self._recognizer is not None:
                names, rejected = user_corrections(self.library)
                self._recognizer.update_corrections(names, rejected)

    def importer(self) -> Importer:
        """An importer over this library (call off the GUI thread: loads models)."""
        from desktop.services.importer import Importer

        factory = library_recognizer_factory(self.library) if self.model is None else None
        return Importer(self.library, self.recognizer(), recognizer_factory=factory)

"""A broken or missing model is said in the window's status bar, once, not only on stderr."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from desktop.services.recognition import model_recognizer
from desktop.ui.context import AppContext


def _broken_german_model(folder: Path) -> Path:
    model = folder / "de-bilstm"
    model.mkdir(parents=True)
    (model / "config.json").write_text("{}", encoding="utf-8")
    (model / "weights.npz").write_bytes(b"not a numpy archive")
    return folder


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_broken_model_shows_once_in_the_status_bar(
    make_window: Any, qtbot: Any, ctx: AppContext, tmp_path: Path
) -> None:
    ctx.model = model_recognizer(_broken_german_model(tmp_path / "models"), problems=ctx.model_problems)
    window = make_window()
    notice = window.model_notice
    assert not notice.marker.isHidden()  # the missing English model was found when the model was built
    shown: list[str] = []
    window.statusBar().messageChanged.connect(shown.append)
    german = "Bericht aus Valdora\n\nDie Ministerin Helga Brandtner besuchte am Montag die Werft in Valdora."
    for n in range(2):
        with qtbot.waitSignal(window.import_finished, timeout=30000) as blocker:
            window.import_paths([_write(tmp_path, f"brief{n}.txt", german + f" Teil {n}.")])
        assert blocker.args[0][0].status == "imported"  # the import goes on without the model
    broken = [m for m in shown if "broken" in m]
    assert broken == ["The German BiLSTM-CRF model is broken; names in these articles are not recognised."]
    assert "de-bilstm" in notice.marker.toolTip() and broken[0] in notice.marker.toolTip()


def test_a_problem_from_a_worker_thread_reaches_the_status_bar(
    make_window: Any, qtbot: Any, ctx: AppContext
) -> None:
    window = make_window()
    assert window.model_notice.marker.isHidden()
    with qtbot.waitSignal(window.model_notice.problem, timeout=5000):
        worker = threading.Thread(target=ctx.model_problems.report, args=("The test model is broken.", "x"))
        worker.start()
        worker.join()
    assert window.statusBar().currentMessage() == "The test model is broken."
    assert not window.model_notice.marker.isHidden()

"""Missing or broken recognition models reach listeners (the window) once, as a sentence."""

from __future__ import annotations

import threading
from pathlib import Path

from desktop.services.model_health import ModelProblems
from desktop.services.recognition import model_recognizer

TEXT = "Die Ministerin Helga Brandtner besuchte am Montag die Werft in Valdora."


def _broken_german_model(folder: Path) -> Path:
    model = folder / "de-bilstm"
    model.mkdir(parents=True)
    (model / "config.json").write_text('{"layout": "nonsense"}', encoding="utf-8")
    (model / "weights.npz").write_bytes(b"not a numpy archive")
    return folder


def test_a_broken_model_is_reported_once_with_what_happens_next(tmp_path: Path) -> None:
    problems = ModelProblems()
    heard: list[tuple[str, str]] = []
    problems.subscribe(lambda message, details: heard.append((message, details)))
    recognizer = model_recognizer(_broken_german_model(tmp_path / "models"), problems=problems)
    before = list(heard)
    assert "The German spaCy model is missing; the BiLSTM-CRF model stands in." in [m for m, _ in before]
    assert any(m.startswith("No English entity model was found") for m, _ in before)
    for _ in range(3):
        recognizer.recognize(TEXT, "de")  # the import goes on: no exception
    broken = [(m, d) for m, d in heard if "broken" in m]
    assert broken == [
        (
            "The German BiLSTM-CRF model is broken; names in these articles are not recognised.",
            broken[0][1],
        )
    ]
    assert "de-bilstm" in broken[0][1]  # the details name the folder; the sentence does not
    assert problems.messages() == [m for m, _ in heard]


def test_the_shipped_models_raise_no_problem() -> None:
    problems = ModelProblems()
    model_recognizer(problems=problems)
    assert problems.messages() == []


def test_reports_are_deduplicated_across_threads() -> None:
    problems = ModelProblems()
    heard: list[str] = []
    problems.subscribe(lambda message, _details: heard.append(message))
    threads = [threading.Thread(target=problems.report, args=("The model is broken.",)) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert heard == ["The model is broken."]
    listener = heard.append
    problems.unsubscribe(listener)  # unknown listeners are ignored
    assert problems.report("Another problem.") is True and heard[-1] == "Another problem."
    assert problems.report("Another problem.") is False

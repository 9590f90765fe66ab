"""export --format w3c and import-annotations as a subprocess."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.test_cli import SAMPLE, run


def test_w3c_export_and_import_between_libraries(tmp_path: Path) -> None:
    first, second = tmp_path / "a.sqlite3", tmp_path / "b.sqlite3"
    for db in (first, second):
        run(db, "import", str(SAMPLE))
    body = [line for line in SAMPLE.read_text(encoding="utf-8").splitlines() if line.strip()][1]
    quote = body.split(", ")[0]
    run(first, "annotate", "1", "--quote", quote, "--note", "a *note*", "--tag", "lage", "--color", "green")
    out = tmp_path / "notes.jsonld"
    run(first, "export", "--format", "w3c", "--all", "-o", str(out))
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["type"] == "AnnotationCollection" and data["total"] == 1
    assert json.loads(run(first, "export", "--format", "w3c", "--tag", "lage").stdout)["total"] == 1

    report = json.loads(run(second, "import-annotations", str(out), "--json").stdout)
    (entry,) = report["annotations"]
    assert entry["status"] == "anchored" and entry["article"] == 1 and entry["stored"]
    notes = json.loads(run(second, "annotations", "--json").stdout)
    assert [(n["quote"], n["note"], n["tags"], n["color"]) for n in notes] == [
        (quote, "a *note*", ["lage"], "green")
    ]
    again = run(second, "import-annotations", str(out)).stdout
    assert again.startswith("duplicate") and "0 anchored" in again


def test_bad_input_is_one_line_and_changes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "a.sqlite3"
    run(db, "import", str(SAMPLE))
    bad = tmp_path / "bad.json"
    bad.write_text('{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation"}', encoding="utf-8")
    for args in (
        ("import-annotations", str(bad)),
        ("import-annotations", str(tmp_path / "missing.json")),
        ("import-annotations", str(tmp_path)),
        ("export", "--format", "w3c", "--actor", "Macron"),
        ("export", "--format", "w3c", "--article", "99"),
    ):
        result = run(db, *args, check=False)
        assert result.returncode == 1, args
        assert result.stderr.strip() and "\n" not in result.stderr.strip(), result.stderr
    assert json.loads(run(db, "annotations", "--json").stdout) == []

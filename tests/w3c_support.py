"""The W3C Web Annotation test data (schemas and samples), when the data folder is there."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]


def w3c_folder() -> Path | None:
    """``w3c-web-annotation-tests`` under ``BRIEFING_DATA`` or ``../shared/data``, if present."""
    data = Path(os.environ.get("BRIEFING_DATA") or REPO.parent / "shared" / "data")
    folder = data / "w3c-web-annotation-tests"
    return folder if (folder / "definitions").is_dir() else None


needs_w3c = pytest.mark.skipif(
    w3c_folder() is None, reason="W3C web-annotation-tests data not available (set BRIEFING_DATA)"
)


def samples(kind: str) -> list[Path]:
    """The sample files of ``tools/samples/<kind>`` (correct or incorrect)."""
    folder = w3c_folder()
    return sorted((folder / "tools" / "samples" / kind).glob("*.json")) if folder else []


class MustValidator:
    """Checks a standalone annotation against every MUST assertion of the annotation-model suite."""

    def __init__(self, folder: Path) -> None:
        from jsonschema import Draft4Validator, FormatChecker
        from referencing import Registry, Resource
        from referencing.jsonschema import DRAFT4

        resources = []
        for path in [*(folder / "definitions").glob("*.json"), *(folder / "annotations").rglob("*.json")]:
            schema = json.loads(path.read_text(encoding="utf-8"))
            resources.append((schema.get("id", path.name), Resource.from_contents(schema, DRAFT4)))
        registry = Registry().with_resources(resources)  # local $refs only: nothing is fetched
        suite = json.loads((folder / "annotations" / "annotationMusts.test").read_text(encoding="utf-8"))
        self.validators = []
        for name in suite["assertions"]:
            schema = json.loads((folder / name).read_text(encoding="utf-8"))
            assert schema.get("expectedResult", "valid") == "valid"
            self.validators.append(
                (name, Draft4Validator(schema, registry=registry, format_checker=FormatChecker()))
            )

    def failures(self, annotation: dict[str, Any]) -> list[str]:
        """The assertions ``annotation`` fails (empty: it is valid)."""
        return [name for name, v in self.validators if not v.is_valid(annotation)]

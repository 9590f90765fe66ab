"""Test helpers are imported by package, so that any combination of test folders collects.

Every test folder has a ``conftest.py`` and some share helper names (``quote_support``): a bare
``from conftest import X`` or ``from quote_support import X`` resolves to whichever folder pytest put
on ``sys.path`` first, and fails to collect when the folders are given in another order.
"""

from __future__ import annotations

import ast
from pathlib import Path

TESTS = Path(__file__).resolve().parent


def _bare_helper_imports(path: Path, helpers: set[str]) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        names: list[str] = []
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        found.extend(f"{path.name}:{node.lineno} {n}" for n in names if n.split(".")[0] in helpers)
    return found


def test_helpers_of_test_folders_are_imported_by_package() -> None:
    helpers = {p.stem for p in TESTS.glob("*/*.py")} | {"conftest"}
    assert {"conftest", "window_support", "quote_support", "reader_support"} <= helpers
    bare = [hit for path in sorted(TESTS.rglob("*.py")) for hit in _bare_helper_imports(path, helpers)]
    assert bare == []


def test_the_check_sees_a_bare_helper_import(tmp_path: Path) -> None:
    module = tmp_path / "test_x.py"
    module.write_text(
        "import os\nfrom conftest import FakeRecognizer\nfrom tests.ui.window_support import SEED_FILES\n"
        "def f():\n    import quote_support\n",
        encoding="utf-8",
    )
    hits = _bare_helper_imports(module, {"conftest", "window_support", "quote_support"})
    assert hits == ["test_x.py:2 conftest", "test_x.py:5 quote_support"]

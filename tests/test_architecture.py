"""The layering, module sizes and the README/CI contract, checked on the source tree."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "desktop"

FORBIDDEN = {
    "core": (
        "PySide6",
        "sqlalchemy",
        "alembic",
        "desktop.storage",
        "desktop.services",
        "desktop.ui",
        "desktop.cli",
    ),
    "storage": ("PySide6", "desktop.services", "desktop.ui", "desktop.cli"),
    "services": ("PySide6", "desktop.ui", "desktop.cli"),
    "commands": ("PySide6", "desktop.ui"),
    "ui": ("sqlalchemy", "desktop.storage", "desktop.cli"),
}


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_layers_do_not_reach_up_or_sideways() -> None:
    violations = []
    for layer, forbidden in FORBIDDEN.items():
        for path in (PACKAGE / layer).rglob("*.py"):
            for name in imported_modules(path):
                if any(name == f or name.startswith(f + ".") for f in forbidden):
                    violations.append(f"{path.relative_to(ROOT)} imports {name}")
    assert violations == []


def test_ui_does_not_even_mention_storage() -> None:
    """The window reaches the library through the services only (not even in comments), which open
    and close the sessions: the window never holds one."""
    pattern = re.compile(r"sqlalchemy|desktop.storage|read_session|\.session\(")  # as the issue greps
    offenders = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in sorted((PACKAGE / "ui").rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if pattern.search(line)
    ]
    assert offenders == []


def test_modules_stay_small() -> None:
    too_big = []
    for path in PACKAGE.rglob("*.py"):
        if "migrations" in path.parts:
            continue
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines > 800:
            too_big.append(f"{path.relative_to(ROOT)}: {lines} lines")
    assert too_big == []


def test_ci_runs_the_readme_test_command() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```sh\n(.*?)\n```", readme, flags=re.S)
    test_commands = [b.strip() for b in blocks if "pytest" in b and "pip install" in b]
    assert len(test_commands) == 1
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert test_commands[0] in ci.splitlines()


def test_no_machine_paths_in_the_repository() -> None:
    pattern = re.compile(r"/(work|root|home/\w+)/|/opt/pypi")
    offenders = []
    for path in ROOT.rglob("*"):
        if any(
            part in {".git", ".venv", ".work", "__pycache__", ".hypothesis", ".pytest_cache"}
            or part.endswith(".egg-info")
            for part in path.parts
        ):
            continue
        if path == Path(__file__).resolve():
            continue
        if path.is_file() and path.suffix in {".py", ".md", ".toml", ".cfg", ".txt", ".desktop", ".xml", ""}:
            try:
                text = path.read_text(encoding="utf-8")
            except (UnicodeDecodeError, OSError):
                continue
            if pattern.search(text):
                offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


def test_one_home_for_the_user_facing_message() -> None:
    """Typed errors derive from desktop.core.errors.UserError; nobody copies it or guesses ``.message``."""
    copies = re.compile(r"self\.message = message|getattr\(\w+, [\"']message[\"']")
    offenders = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in sorted(PACKAGE.rglob("*.py"))
        if path != PACKAGE / "core" / "errors.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if copies.search(line)
    ]
    assert offenders == []

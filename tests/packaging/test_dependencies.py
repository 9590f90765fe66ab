"""The declared dependencies are exactly the third-party modules the runtime package imports."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RUNTIME_EXTRAS = ("postgres",)


def _normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _declared() -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    # the runtime extras count as declared: the app imports them only where they are asked for
    specs = list(project["dependencies"])
    for extra in RUNTIME_EXTRAS:
        specs += project["optional-dependencies"].get(extra, [])
    return {_normalise(re.split(r"[<>=!~;\[ ]", spec, maxsplit=1)[0]) for spec in specs}


def _imported_top_level_modules() -> set[str]:
    names: set[str] = set()
    for file in (ROOT / "desktop").rglob("*.py"):
        for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module.split(".")[0])
    return {n for n in names if n not in sys.stdlib_module_names and n not in ("desktop", "__future__")}


def _imported_distributions() -> dict[str, set[str]]:
    providers = packages_distributions()
    return {
        module: {_normalise(d) for d in providers.get(module) or [module]}
        for module in _imported_top_level_modules()
    }


def test_every_imported_module_is_declared() -> None:
    declared = _declared()
    missing = {module: dists for module, dists in _imported_distributions().items() if not dists & declared}
    assert not missing, f"imported but not declared in pyproject.toml: {missing}"


def test_every_declared_dependency_is_imported() -> None:
    used = set().union(*_imported_distributions().values())
    unused = _declared() - used
    assert not unused, f"declared in pyproject.toml but imported nowhere in desktop/: {sorted(unused)}"

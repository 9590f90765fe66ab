"""The command line's subcommands, one module per topic.

Each module has ``register(sub)``: it adds its subparsers and returns the handler of each
subcommand it added. ``desktop.cli`` collects them, so adding a command never touches the
others.
"""

from __future__ import annotations

import importlib
from types import ModuleType

COMMANDS: dict[str, str] = {
    "import": "articles",
    "articles": "articles",
    "show": "articles",
    "search": "articles",
    "versions": "versions",
    "mark": "reading",
    "delete-article": "reading",
    "edit-article": "article_meta",
    "reanalyze": "article_meta",
    "actors": "actors",
    "quotes": "quotes",
    "dossier": "quotes",
    "network": "quotes",
    "annotate": "annotating",
    "annotations": "annotating",
    "edit-annotation": "annotating",
    "delete-annotation": "annotating",
    "export": "export",
    "import-annotations": "w3c",
    "backup": "maintenance",
    "restore": "maintenance",
    "check": "maintenance",
    "copy-library": "team",
    "entities": "tools",
    "install-desktop-entry": "tools",
}
"""Every subcommand and the module that registers it, in the order ``--help`` lists them: a call
names one command, so only its module is imported and only its parsers are built (tests check
this table against what the modules register)."""


def command_modules(only: str | None = None) -> list[ModuleType]:
    """The modules that contribute subcommands, in the order ``--help`` lists them; with ``only``
    (a name in :data:`COMMANDS`), just the module of that command."""
    names = [COMMANDS[only]] if only is not None else list(dict.fromkeys(COMMANDS.values()))
    return [importlib.import_module(f"desktop.commands.{name}") for name in names]

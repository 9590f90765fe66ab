"""The command line's subcommands, one module per topic.

Each module has ``register(sub)``: it adds its subparsers and returns the handler of each
subcommand it added. ``desktop.cli`` collects them, so adding a command never touches the
others.
"""

from __future__ import annotations

from types import ModuleType


def command_modules() -> list[ModuleType]:
    """The modules that contribute subcommands, in the order ``--help`` lists them."""
    from desktop.commands import (
        actors,
        annotating,
        article_meta,
        articles,
        export,
        maintenance,
        quotes,
        reading,
        team,
        tools,
        versions,
        w3c,
    )

    return [
        articles,
        versions,
        reading,
        article_meta,
        actors,
        quotes,
        annotating,
        export,
        w3c,
        maintenance,
        team,
        tools,
    ]

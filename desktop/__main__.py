"""Entry point: ``python -m desktop`` and the ``briefing-reader`` command."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    """Run a subcommand, or open the window when none is given."""
    args = list(sys.argv[1:] if argv is None else argv)
    from desktop.cli import is_cli_invocation, run_cli

    if is_cli_invocation(args):
        return run_cli(args)
    from desktop.before_qt import import_window_services

    import_window_services()  # before Qt: see desktop.before_qt
    from desktop.app import main as gui_main

    return gui_main(args)


if __name__ == "__main__":
    sys.exit(main())

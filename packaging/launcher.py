"""The bundle's entry point: the same as ``briefing-reader`` (window, or a subcommand)."""

import sys

from desktop.__main__ import main

if __name__ == "__main__":
    sys.exit(main())

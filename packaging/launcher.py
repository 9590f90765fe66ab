"""The bundle's entry point: the same as ``briefing-reader`` (window, or a subcommand)."""

import multiprocessing
import sys

from desktop.__main__ import main

if __name__ == "__main__":
    # a recognition worker process started from the bundle runs its task, not the app
    multiprocessing.freeze_support()
    sys.exit(main())

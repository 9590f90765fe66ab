"""The one base class of expected failures: each carries a sentence for the user.

Typed errors of every layer (a broken file, a locked library, a bad tag) derive from
:class:`UserError`; the command line prints its ``message`` as one line and the window shows it in
the status bar or a banner. Anything else is a bug and goes to the crash log.
"""

from __future__ import annotations


class UserError(Exception):
    """An expected failure; ``message`` is one readable sentence saying what went wrong."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def message_of(error: BaseException) -> str:
    """The one-line message of ``error``: a UserError's sentence, an OS error's reason, else its text."""
    message = (error.message if isinstance(error, UserError) else "") or str(error) or type(error).__name__
    if isinstance(error, OSError) and error.strerror:
        message = f"{error.strerror}: {error.filename}" if error.filename else error.strerror
    return " ".join(str(message).split())

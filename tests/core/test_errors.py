"""One base class for expected failures, and the one function that turns an error into a line."""

from __future__ import annotations

import errno

import pytest

from desktop.core.anchoring import AmbiguousQuoteError, AnchorError
from desktop.core.errors import UserError, message_of
from desktop.core.filenames import ExportError
from desktop.core.ingest import IngestError
from desktop.core.offsets import OffsetError
from desktop.core.tags import TagError
from desktop.core.w3c_check import W3CFormatError


@pytest.mark.parametrize(
    ("error_type", "also"),
    [
        (AnchorError, ValueError),
        (ExportError, Exception),
        (IngestError, Exception),
        (OffsetError, ValueError),
        (TagError, ValueError),
        (W3CFormatError, ValueError),
    ],
)
def test_typed_errors_carry_their_sentence(error_type: type[UserError], also: type[Exception]) -> None:
    error = error_type("The file is empty.")
    assert isinstance(error, UserError) and isinstance(error, also)  # old except clauses still match
    assert error.message == "The file is empty." == str(error)
    assert message_of(error) == "The file is empty."


def test_an_error_with_more_fields_keeps_them() -> None:
    error = AmbiguousQuoteError("The passage occurs 3 times.", 3)
    assert error.count == 3 and message_of(error) == "The passage occurs 3 times."


def test_message_of_other_errors() -> None:
    assert message_of(RuntimeError("two\n  lines")) == "two lines"
    assert message_of(KeyError()) == "KeyError"
    missing = FileNotFoundError(errno.ENOENT, "No such file or directory", "notes.json")
    assert message_of(missing) == "No such file or directory: notes.json"

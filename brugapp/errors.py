"""What a user is told when something cannot be done: one base class, translated, saying what and where.

Every layer raises a subclass of ``UserError`` with a message that is already translated; the GUI shows it
(and puts the cursor in ``field`` when it names one), the CLI prints it and exits 2. Errors for developers
(bugs) are ordinary exceptions and go to the log without personal data.
"""

from __future__ import annotations


class UserError(Exception):
    """A translated message for the user; ``field`` names the form field (or file/row/column) it concerns."""

    def __init__(self, message: str = "", *, field: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.field = field

    def __str__(self) -> str:
        return self.message or super().__str__()


class ValidationError(UserError, ValueError):
    """Bad input: a value the user typed or a file they chose does not fit."""


class NotFoundError(UserError, LookupError):
    """A record the user referred to (by id) does not exist (any more)."""

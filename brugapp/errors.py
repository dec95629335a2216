"""Errors a service raises for the user: translated, saying what and where."""

from __future__ import annotations


class ValidationError(ValueError):
    """Bad input; ``field`` names the form field (or file/row/column) the message is about."""

    def __init__(self, message: str, *, field: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class NotFoundError(LookupError):
    """A record the user referred to (by id) does not exist (any more)."""

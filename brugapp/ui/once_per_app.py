"""Helpers installed once per application, found again without ``QObject.findChild``.

``findChild`` hands Python every child of the application on its way, Qt's style among them, and PySide6 then
builds the Python enums of ``QStyle`` (eleven, ~10 ms) before the first window: start-up time (``brugapp bench``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QObject
from shiboken6 import isValid

Helper = TypeVar("Helper", bound=QObject)

_installed: dict[type, QObject] = {}


def once_per_application(app: QObject, kind: type[Helper], make: Callable[[QObject], Helper]) -> tuple[Helper, bool]:
    """The ``kind`` helper of ``app`` (made by ``make(app)`` the first time) and whether it was there already."""
    existing = _installed.get(kind)
    if isinstance(existing, kind) and isValid(existing) and existing.parent() is app:
        return existing, True
    made = make(app)
    _installed[kind] = made
    return made, False

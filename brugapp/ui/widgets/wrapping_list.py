"""A list whose long lines wrap at its width instead of hiding behind a sideways scroll bar."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QWidget


def wrapping_list(accessible_name: str, parent: QWidget | None = None) -> QListWidget:
    """A long line ("10. Actiepunten: wie, wat, tegen wanneer", a service and its organisation) wraps at the
    list's width; nothing scrolls sideways."""
    view = QListWidget(parent)
    view.setAccessibleName(accessible_name)
    view.setWordWrap(True)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return view

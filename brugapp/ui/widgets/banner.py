"""A coloured line above a form or record: a warning (interpreter not arranged …), information or an error.

The look lives in ``ui/style.py`` (``#WarningBanner``, ``#InfoBanner``, ``#ErrorBanner``).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QLabel


def restyle(widget: QLabel) -> None:
    """Apply the style sheet again after an object name or property changed."""
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def banner(object_name: str = "WarningBanner") -> QLabel:
    from PySide6.QtCore import Qt  # start-up time: not for the unlock window's import (ui/widgets/centred.py)

    label = QLabel()
    label.setObjectName(object_name)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.hide()
    return label


def show_banner(label: QLabel, lines: Sequence[str], object_name: str | None = None) -> None:
    if object_name:
        label.setObjectName(object_name)
        restyle(label)
    label.setText("\n".join(f"• {line}" for line in lines) if len(lines) > 1 else "".join(lines))
    label.setVisible(bool(lines))

"""Centring without Qt's alignment flags (start-up time).

PySide6 creates every enum of the ``Qt`` namespace (~90 of them, 12–25 ms here) the first time anything touches it:
an import of ``Qt``, an alignment flag, or a constructor whose overloads take one. The first window a person sees
(the unlock window, then Vandaag) is built without it, so that cost comes after the first page is shown.
``tests/gui/shell/test_unlock_first_paint.py`` and ``test_first_screen_without_qt_enums.py`` check it.
"""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QWidget


def centred(widget: QWidget) -> QHBoxLayout:
    """``widget`` centred between two stretches (instead of ``Qt.AlignmentFlag.AlignHCenter``)."""
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(widget)
    row.addStretch(1)
    return row


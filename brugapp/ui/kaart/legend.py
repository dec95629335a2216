"""The legend under the sociale kaart: what the coloured dots (Ken je buurt) and the orange rows mean."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from brugapp.i18n import N_, _
from brugapp.ui.kaart.model import colour_icon
from brugapp.ui.widgets.flow_layout import FlowLayout

MEANINGS = (
    ("green", N_("green: we work together well")),
    ("red", N_("red: difficult, think twice")),
    ("explore", N_("explore: still to get to know")),
    ("", N_("no colour yet")),
)


class KaartLegend(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(_("Legend of the social map"))
        flow = FlowLayout(self)  # the entries wrap onto a second line on a narrow screen, never cut
        flow.setContentsMargins(0, 0, 0, 0)
        title = QLabel(_("Neighbourhood colour (Ken je buurt), only for you:"), self)
        title.setObjectName("Hint")
        flow.addWidget(title)
        for colour, meaning in MEANINGS:
            flow.addWidget(_entry(colour, _(meaning), self))
        stale = QLabel(_("Orange row: not verified for more than 12 months"), self)
        stale.setObjectName("Warning")
        flow.addWidget(stale)


def _entry(colour: str, meaning: str, parent: QWidget) -> QWidget:
    entry = QWidget(parent)
    row = QHBoxLayout(entry)
    row.setContentsMargins(0, 0, 8, 0)
    row.setSpacing(4)
    dot = QLabel(entry)
    dot.setPixmap(colour_icon(colour).pixmap(QSize(14, 14)))
    text = QLabel(meaning, entry)
    text.setObjectName("Hint")
    row.addWidget(dot)
    row.addWidget(text)
    return entry

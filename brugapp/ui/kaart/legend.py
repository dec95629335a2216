"""The legend under the sociale kaart: what the coloured dots (Ken je buurt) and the orange rows mean."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from brugapp.i18n import N_, _
from brugapp.ui.kaart.model import COLOUR_HEX, NO_COLOUR_RING

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
        rows = QVBoxLayout(self)
        rows.setContentsMargins(0, 0, 0, 0)
        rows.setSpacing(2)
        # The colours in one label (dots in the list's colours; a narrow screen wraps between entries, never inside
        # one), not a dot and a text in a box of their own per colour: the map's first visit makes 12 widgets fewer
        colours = QLabel(_colours_html(), self)
        colours.setTextFormat(Qt.TextFormat.RichText)
        colours.setWordWrap(True)
        colours.setObjectName("Hint")
        rows.addWidget(colours)
        stale = QLabel(_("Orange row: not verified for more than 12 months"), self)
        stale.setObjectName("Warning")
        rows.addWidget(stale)


def _colours_html() -> str:
    entries = [escape(_("Neighbourhood colour (Ken je buurt), only for you:"))]
    for colour, meaning in MEANINGS:
        dot = "●" if colour else "○"
        entries.append(f"<span style='color:{COLOUR_HEX.get(colour, NO_COLOUR_RING)}'>{dot}</span>&nbsp;"
                       + escape(_(meaning)).replace(" ", "&nbsp;"))
    return "&nbsp;&nbsp; ".join(entries)

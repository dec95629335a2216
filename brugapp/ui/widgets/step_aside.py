"""Columns that step aside in a narrow list, so the name column keeps room enough to tell rows apart.

Beside an opened family at 1280×720 the families list is ~280 px wide: with its two fixed columns the names were
cut to "Gezin Al-…", every row alike. The columns named in ``order`` are hidden, first one first, until the
stretching name column has ``least`` pixels; they come back when the list is wide enough again (with a little
slack, so a scrollbar coming or going cannot make a column blink).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QTableView

SLACK = 24


class StepAsideColumns(QObject):
    def __init__(self, table: QTableView, *, least: int, order: tuple[int, ...]) -> None:
        super().__init__(table)
        self.table = table
        self.least = least
        self.order = order
        self.widths: dict[int, int] = {}
        table.viewport().installEventFilter(self)

    def set_width(self, column: int, width: int) -> None:
        """A fixed column's width (the name column stretches and is never given one)."""
        self.widths[column] = width
        self.table.horizontalHeader().resizeSection(column, width)
        self.fit()

    def fit(self) -> None:
        room = self.table.viewport().width()
        shown = set(self.widths)
        for column in self.order:
            slack = SLACK if self.table.isColumnHidden(column) else 0
            if room >= self.least + sum(self.widths[c] for c in shown) + slack:
                break
            shown.discard(column)
        for column in self.order:
            self.table.setColumnHidden(column, column not in shown)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False

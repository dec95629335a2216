"""The year report's tables as cards, two columns (the wide ones across both), built as they come into view.

Eleven cards are some 80 widgets (a frame, labels, a table with its headers and scroll bars each): building them
all took half of a first visit, while a 1366×768 window shows the first four. A card further down holds its
place with an empty widget of about its height and is built when the scrolled view comes within
``LOOKAHEAD`` pixels of it, or when it is asked for (``card``).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import QGridLayout, QScrollArea, QWidget

from brugapp.domain.reporting import ReportTable
from brugapp.ui.reports.table_card import ROW_HEIGHT, ReportTableCard

WIDE_TABLES = ("signals", "schools")
LOOKAHEAD = 300  # pixels below the visible part that are built already, so scrolling shows finished cards
SPACING = 14


def estimated_height(table: ReportTable) -> int:
    """About the height of the card (title, header, one line per row, the note): holds its place until built."""
    rows = len(table.rows) * ROW_HEIGHT if table.rows else 24
    note = 40 if table.note else 0
    return 22 + 22 + 6 + 34 + rows + note


class CardGrid(QWidget):
    def __init__(self, tables: tuple[ReportTable, ...], scroll: QScrollArea, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scroll = scroll
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 8, 0)
        self.grid.setHorizontalSpacing(SPACING)
        self.grid.setVerticalSpacing(SPACING)
        self.tables = tables
        self._cards: dict[str, ReportTableCard] = {}
        self._places: dict[str, QWidget] = {}
        visible = max(scroll.viewport().height(), 400) + LOOKAHEAD
        top = 0
        for place, row_tables in self._rows():
            wanted = top < visible
            for (row, column, span), table in zip(place, row_tables, strict=True):
                widget: QWidget = ReportTableCard(table, self) if wanted else self._place_holder(table)
                if wanted:
                    self._cards[table.key] = widget  # type: ignore[assignment]
                else:
                    self._places[table.key] = widget
                self.grid.addWidget(widget, row, column, 1, span, Qt.AlignmentFlag.AlignTop)
            top += max(estimated_height(t) for t in row_tables) + SPACING
        last_row = self.grid.rowCount()
        self.grid.setRowStretch(last_row, 1)
        self.grid.setColumnStretch(0, 1)
        self.grid.setColumnStretch(1, 1)
        scroll.verticalScrollBar().valueChanged.connect(self.build_visible)

    def _rows(self) -> list[tuple[list[tuple[int, int, int]], list[ReportTable]]]:
        """The grid's rows: where each card goes (row, column, columns spanned) and its table."""
        rows: list[tuple[list[tuple[int, int, int]], list[ReportTable]]] = []
        pending: list[ReportTable] = []

        def flush() -> None:
            if pending:
                row = len(rows)
                rows.append(([(row, i, 1) for i in range(len(pending))], list(pending)))
                pending.clear()

        for table in self.tables:
            if table.key in WIDE_TABLES:
                flush()
                rows.append(([(len(rows), 0, 2)], [table]))
                continue
            pending.append(table)
            if len(pending) == 2:
                flush()
        flush()
        return rows

    def _place_holder(self, table: ReportTable) -> QWidget:
        place = QWidget()
        place.setFixedHeight(estimated_height(table))
        return place

    @property
    def cards(self) -> list[ReportTableCard]:
        """The cards built so far, in the report's order."""
        return [self._cards[t.key] for t in self.tables if t.key in self._cards]

    def card(self, key: str) -> ReportTableCard:
        """The card of one table, built now if it was not yet."""
        if key not in self._cards:
            place = self._places.pop(key)
            table = next(t for t in self.tables if t.key == key)
            card = self._cards[key] = ReportTableCard(table, self)
            self.grid.replaceWidget(place, card)
            place.hide()
            place.deleteLater()
        return self._cards[key]

    def build_visible(self) -> None:
        """Build the waiting cards that the view shows or nearly shows."""
        if not self._places:
            return
        bottom = self.scroll.verticalScrollBar().value() + self.scroll.viewport().height() + LOOKAHEAD
        for key, place in list(self._places.items()):
            if place.y() < bottom:
                self.card(key)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.build_visible()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.build_visible()

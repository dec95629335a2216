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


Rows = list[tuple[list[tuple[int, int, int]], list[ReportTable]]]


def _rows(tables: tuple[ReportTable, ...]) -> Rows:
    """The grid's rows: where each card goes (row, column, columns spanned) and its table."""
    rows: Rows = []
    pending: list[ReportTable] = []

    def flush() -> None:
        if pending:
            row = len(rows)
            rows.append(([(row, i, 1) for i in range(len(pending))], list(pending)))
            pending.clear()

    for table in tables:
        if table.key in WIDE_TABLES:
            flush()
            rows.append(([(len(rows), 0, 2)], [table]))
            continue
        pending.append(table)
        if len(pending) == 2:
            flush()
    flush()
    return rows


def _placed(rows: Rows) -> list[tuple[tuple[int, int, int], ReportTable]]:
    return [(place, table) for places, tables in rows for place, table in zip(places, tables, strict=True)]


class CardGrid(QWidget):
    """The cards of ``tables``; or, with ``waiting``, the first cards built without their rows while the year is
    counted, which ``show_tables`` fills when the report arrives."""

    def __init__(self, tables: tuple[ReportTable, ...], scroll: QScrollArea, parent: QWidget | None = None, *,
                 waiting: tuple[ReportTable, ...] = ()) -> None:
        super().__init__(parent)
        self.scroll = scroll
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 8, 0)
        self.grid.setHorizontalSpacing(SPACING)
        self.grid.setVerticalSpacing(SPACING)
        self.tables: tuple[ReportTable, ...] = ()
        self._cards: dict[str, ReportTableCard] = {}
        self._places: dict[str, QWidget] = {}
        self._waiting: dict[tuple[int, int, int], ReportTableCard] = {}
        for place, shape in _placed(_rows(waiting)):
            card = self._waiting[place] = ReportTableCard(shape, self, filled=False)
            self.grid.addWidget(card, place[0], place[1], 1, place[2], Qt.AlignmentFlag.AlignTop)
        if not waiting:
            self.show_tables(tables)
        scroll.verticalScrollBar().valueChanged.connect(self.build_visible)

    @property
    def waiting(self) -> bool:
        """True while the cards built ahead wait for their rows."""
        return bool(self._waiting)

    def fits(self, tables: tuple[ReportTable, ...]) -> bool:
        """True when the cards built ahead are the first cards of ``tables``, in their places."""
        placed = dict(_placed(_rows(tables)))
        return all(place in placed and card.fits(placed[place]) for place, card in self._waiting.items())

    def show_tables(self, tables: tuple[ReportTable, ...]) -> None:
        """Lay out the cards of ``tables`` (once): those in view built (or filled, when built ahead), the others
        held by a place of about their height."""
        self.tables = tables
        visible = max(self.scroll.viewport().height(), 400) + LOOKAHEAD
        top = 0
        for places, row_tables in _rows(tables):
            wanted = top < visible
            for (row, column, span), table in zip(places, row_tables, strict=True):
                ahead = self._waiting.pop((row, column, span), None)
                if ahead is not None:
                    ahead.fill(table)
                    self._cards[table.key] = ahead
                    continue
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

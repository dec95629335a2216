"""One table of the year report as a card: a title, a read-only table sized to its rows, a note under it.

Used by the Rapportage page (``card_grid.py``) and the programme report dialog.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHeaderView,
    QLabel,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from brugapp.domain.reporting import Count, ReportTable
from brugapp.i18n import _
from brugapp.ui.widgets.table_model import RowsModel, TableRow

ROW_HEIGHT = 26


def _sides(table: ReportTable) -> dict[int, Qt.AlignmentFlag]:
    """Counts right-aligned under a right-aligned header, text left."""
    numeric = {i for i, cell in enumerate(table.rows[0]) if isinstance(cell, Count)} if table.rows else set()
    return {i: Qt.AlignmentFlag.AlignRight if i in numeric else Qt.AlignmentFlag.AlignLeft
            for i in range(len(table.header))}


def report_model(table: ReportTable, parent: QWidget | None = None) -> RowsModel:
    """One report table, read-only: the cells exactly as they may be shown (counts already suppressed, their
    thousands grouped, and right-aligned under a right-aligned header)."""
    model = RowsModel(table.shown_header(), parent, align=_sides(table))
    model.set_rows([TableRow("", cells) for cells in table.shown_rows(readable=True)])
    return model


class ReportTableCard(QFrame):
    """A titled, read-only table sized to its rows (the page scrolls, not each table).

    ``filled=False`` builds the card without its rows, which ``fill`` adds: Rapportage builds its first cards
    while the year is being counted.
    """

    def __init__(self, table: ReportTable, parent: QWidget | None = None, *, filled: bool = True) -> None:
        super().__init__(parent)
        self.setObjectName("Card")
        self.key = table.key
        self.title = table.title
        self.card_layout = QVBoxLayout(self)
        self.card_layout.setContentsMargins(14, 10, 14, 12)
        self.card_layout.setSpacing(6)
        title = QLabel(table.shown_title(), self)
        title.setObjectName("CardTitle")
        self.card_layout.addWidget(title)
        self.model = RowsModel(table.shown_header(), self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setAccessibleName(table.shown_title())
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.view.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setMinimumSectionSize(24)
        self.view.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        self.view.setShowGrid(False)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(True)
        self.view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Only the signals wrap (their descriptions are sentences); every other row is one line high.
        self.wraps = table.key == "signals"
        if not self.wraps:
            self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.card_layout.addWidget(self.view)
        if filled:
            self.fill(table)

    def fits(self, table: ReportTable) -> bool:
        """True when this card, built without rows, is the card of ``table``."""
        return (table.key, table.title, tuple(table.shown_header())) == (self.key, self.title,
                                                                           tuple(self.model.headers))

    def fill(self, table: ReportTable) -> None:
        """Show the rows of ``table`` (once), sized to them, with the note under it."""
        self.model.columns = [replace(column, align=side) for column, side in
                              zip(self.model.columns, _sides(table).values(), strict=True)]
        self.model.set_rows([TableRow("", cells) for cells in table.shown_rows(readable=True)])
        header = self.view.horizontalHeader()
        text_column = 2 if table.key == "signals" else 0
        # Column widths are measured once from the shown texts: Qt's ResizeToContents would ask the model for every
        # cell again at each layout pass (27,000 calls for one report on 10,000 families).
        widths = self._text_widths(table)
        for column in range(self.model.columnCount()):
            if column == text_column:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
            else:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
                header.resizeSection(column, widths[column])
        if self.wraps:
            self.view.resizeRowsToContents()
        if not self.model.rowCount():
            self.view.hide()
            empty = QLabel(_("Nothing recorded in this school year."), self)
            empty.setObjectName("Hint")
            self.card_layout.addWidget(empty)
        if table.note:
            note = QLabel(_(table.note), self)
            note.setObjectName("Hint")
            note.setWordWrap(True)
            self.card_layout.addWidget(note)
        self._fit_height()

    def _text_widths(self, table: ReportTable) -> list[int]:
        """The width each column needs for its header and its widest cell (text plus the cell's padding)."""
        self.view.ensurePolished()  # the style sheet's font, as the cells will be drawn
        cells = self.view.fontMetrics()
        bold = QFont(self.view.font())
        bold.setBold(True)  # header sections are bold, with 6 px padding each side (ui/style.py)
        heading = QFontMetrics(bold)
        margin = 2 * (self.view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self.view) + 1)
        widths = [heading.horizontalAdvance(text) + 12 + 10 for text in table.shown_header()]
        for row in table.shown_rows(readable=True):
            for column, text in enumerate(row):
                widths[column] = max(widths[column], cells.horizontalAdvance(str(text)) + margin + 12)
        return widths

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.wraps:  # wrapped text needs the final column widths before the rows can be measured
            self.view.resizeRowsToContents()
            self._fit_height()

    def _fit_height(self) -> None:
        rows = (sum(self.view.rowHeight(r) for r in range(self.model.rowCount())) if self.wraps
                else self.model.rowCount() * self.view.verticalHeader().defaultSectionSize())
        self.view.setFixedHeight(rows + self.view.horizontalHeader().sizeHint().height() + 4)

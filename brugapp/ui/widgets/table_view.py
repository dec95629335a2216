"""The view every list of records shares: whole rows chosen, read-only cells, no row numbers, and Tab into it chooses
the row it lands on.

What differs per list stays a keyword (several rows chosen at once on the sociale kaart; no stripes in a
short table inside a tab; no grid on the pages); the column widths stay with each screen, which knows its texts.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

if TYPE_CHECKING:
    from PySide6.QtGui import QFocusEvent

Selection = QAbstractItemView.SelectionMode


class RecordTable(QTableView):
    """Tabbing into a list chooses the row the focus lands on: Qt only marks it, so the buttons that act on "the
    chosen row" (Gedaan, …) stayed greyed out and out of the Tab order, and Down went past the first row. (A click
    chooses its own row right after; the focus reason is not read: that builds the ``Qt`` enums, ``centred.py``.)"""

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        current = self.currentIndex()
        if current.isValid() and not self.selectionModel().hasSelection():
            self.selectRow(current.row())


def record_table(model: QAbstractItemModel, accessible_name: str, *, selection: Selection = Selection.SingleSelection,
                 grid: bool = True, stripes: bool = True, parent: QWidget | None = None) -> QTableView:
    view = RecordTable(parent)  # made inside its parent, it is not polished a second time when put there
    view.setModel(model)
    view.setAccessibleName(accessible_name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(selection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.setShowGrid(grid)
    view.setAlternatingRowColors(stripes)
    return view


def wrap_columns(view: QTableView, wrapping: Iterable[int], *, min_width: int | None = None) -> None:
    """The ``wrapping`` columns share the room left and wrap their text; the others keep their content's width, so
    none is cut or pushed out of sight behind a sideways scroll bar. Below ``min_width`` a column stops shrinking
    (the table then scrolls sideways)."""
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    for column in wrapping:
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
    if min_width is not None:
        header.setMinimumSectionSize(min_width)
    view.setWordWrap(True)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

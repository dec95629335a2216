"""How wide a table's columns are fitted to their texts: from the first hundred rows, measured once.

Qt's ResizeToContents reads the cells of a thousand rows (its default precision) and asks the model for each of
them, role by role, on every layout of the page: on a busy programme that was most of the time the Opvolging and
Doorverwijzingen pages took on their first visit (brugapp bench). The first hundred rows give the same widths for
dates, statuses and names; their texts are measured with the font, and Qt is asked only for the widest cell (its
padding, icon and style).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtWidgets import QTableView

from brugapp.ui.widgets.table_model import RecordTableModel

CONTENTS_PRECISION = 100  # rows a column is fitted to


def fitted_widths(table: QTableView, model: RecordTableModel[Any], columns: Iterable[int],
                  rows: int = CONTENTS_PRECISION) -> dict[int, int]:
    """Each column as wide as its header and the widest of the first ``rows`` rows (``model`` is the view's)."""
    header = table.horizontalHeader()
    metrics = table.fontMetrics()
    first = model.rows[:rows]
    widths = {}
    for column in columns:
        width = header.sectionSizeFromContents(column).width()
        if first:
            text = model.columns[column].text
            widest = max(range(len(first)), key=lambda number: metrics.horizontalAdvance(text(first[number])))
            width = max(width, table.sizeHintForIndex(model.index(widest, column)).width())
        widths[column] = width
    return widths

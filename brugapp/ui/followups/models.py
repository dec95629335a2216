"""A small read-only table model over frozen dataclass rows (referrals, follow-ups, consents).

The rows come from a service; the model never touches the store. Each column is a header and a
function giving the cell text; an optional colour function marks overdue or urgent rows.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from brugapp.ui.widgets.roles import ID_ROLE

Row = TypeVar("Row")
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column(Generic[Row]):
    header: str  # already translated
    text: Callable[[Row], str]


class RecordTableModel(QAbstractTableModel, Generic[Row]):
    def __init__(self, columns: Sequence[Column[Row]], *, colour: Callable[[Row], str] | None = None,
                 parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list[Row] = []
        self._colour = colour

    def set_rows(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> Row | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.columns[index.column()].text(row)
        if role == Qt.ItemDataRole.ForegroundRole and self._colour is not None:
            colour = self._colour(row)
            return QColor(colour) if colour else None
        if role == ID_ROLE:
            return getattr(row, "id", None)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].header
        return None

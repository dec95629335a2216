"""The one table model of every list: frozen rows from a service, columns that say how to show them.

Each ``Column`` has a header, the cell text, and optionally a sort key (else the text sorts) and a
tooltip (else the full text, so a column that cuts a long name short still shows it on hover). The
model answers the shared roles of ``ui/widgets/roles.py``: the row's id, its sort key, the row itself.
``TableRow`` covers plain tables of strings (some with editable counts, such as attendance per school).
The rows come from a service; the model never touches the store.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from brugapp.ui.widgets.roles import ID_ROLE, RECORD_ROLE, SORT_ROLE

Row = TypeVar("Row")
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column(Generic[Row]):
    header: str  # already translated
    text: Callable[[Row], str]
    sort: Callable[[Row], Any] | None = None
    tooltip: Callable[[Row], str] | None = None


@dataclass
class TableRow:
    """A row of a plain table: an id and its cell texts (edited counts are written back into ``cells``)."""

    id: str
    cells: list[str] = field(default_factory=list)


class RecordTableModel(QAbstractTableModel, Generic[Row]):
    """``colour(row)`` may give a text colour (overdue, urgent); ``editable`` columns take whole numbers and
    report them to ``on_edit(row_id, column, value)``, which saves them through a service."""

    def __init__(self, columns: Sequence[Column[Row]], *, colour: Callable[[Row], str] | None = None,
                 parent: Any = None, editable: Sequence[int] = (),
                 on_edit: Callable[[str, int, int], None] | None = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list[Row] = []
        self._colour = colour
        self.editable = set(editable)
        self.on_edit = on_edit

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

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role in (Qt.ItemDataRole.DisplayRole,
                                                                 Qt.ItemDataRole.ToolTipRole):
            return self.columns[section].header
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return column.text(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            return column.tooltip(row) if column.tooltip is not None else column.text(row)
        if role == SORT_ROLE:
            return column.sort(row) if column.sort is not None else column.text(row)
        if role == ID_ROLE:
            return getattr(row, "id", None)
        if role == RECORD_ROLE:
            return row
        if role == Qt.ItemDataRole.ForegroundRole and self._colour is not None:
            colour = self._colour(row)
            return QColor(colour) if colour else None
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.column() in self.editable:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() not in self.editable:
            return False
        try:
            number = int(str(value).strip() or 0)
        except ValueError:
            return False
        row = self.rows[index.row()]
        if isinstance(row, TableRow):
            row.cells[index.column()] = str(number)
        self.dataChanged.emit(index, index)
        if self.on_edit is not None:
            self.on_edit(str(getattr(row, "id", "")), index.column(), number)
        return True


def cell(column: int) -> Callable[[TableRow], str]:
    """The text of one cell of a ``TableRow``."""
    return lambda row: row.cells[column] if column < len(row.cells) else ""


class RowsModel(RecordTableModel[TableRow]):
    """A plain table of strings with an id per row (the meeting screens' participants, actions, schools)."""

    def __init__(self, headers: Sequence[str], parent: Any = None, *, editable: Sequence[int] = (),
                 on_edit: Callable[[str, int, int], None] | None = None) -> None:
        super().__init__([Column(header, cell(number)) for number, header in enumerate(headers)], parent=parent,
                         editable=editable, on_edit=on_edit)
        self.headers = list(headers)

    def set_rows(self, rows: Sequence[tuple[str, Sequence[str]]] | Sequence[TableRow]) -> None:  # type: ignore[override]
        super().set_rows([row if isinstance(row, TableRow) else TableRow(row[0], list(row[1])) for row in rows])

    @property
    def ids(self) -> list[str]:
        return [row.id for row in self.rows]

"""Small pieces the overleg and event screens share: a read-only rows model, the warning banner, helpers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHeaderView,
    QTableView,
    QWidget,
)

from brugapp.domain.vocabulary import Vocabulary
from brugapp.i18n import _
from brugapp.ui.widgets.banner import banner, show_banner  # noqa: F401 - the meeting screens import them here
from brugapp.ui.widgets.roles import ID_ROLE


class RowsModel(QAbstractTableModel):
    """A small read-mostly table: headers, rows of strings and an id per row.

    ``editable`` columns take integers (counts such as registered / attended) and report changes to
    ``on_edit(row_id, column, value)``; the caller saves them through a service.
    """

    def __init__(self, headers: Sequence[str], parent: QWidget | None = None, *, editable: Sequence[int] = (),
                 on_edit: Callable[[str, int, int], None] | None = None) -> None:
        super().__init__(parent)
        self.headers = list(headers)
        self.rows: list[list[str]] = []
        self.ids: list[str] = []
        self.editable = set(editable)
        self.on_edit = on_edit

    def set_rows(self, rows: Sequence[tuple[str, Sequence[str]]]) -> None:
        self.beginResetModel()
        self.ids = [row_id for row_id, _cells in rows]
        self.rows = [list(cells) for _row_id, cells in rows]
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, Qt.ItemDataRole.ToolTipRole):
            return self.rows[index.row()][index.column()]
        if role == ID_ROLE:
            return self.ids[index.row()]
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.column() in self.editable:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: QModelIndex | QPersistentModelIndex, value: object,
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() not in self.editable:
            return False
        try:
            number = int(str(value).strip() or 0)
        except ValueError:
            return False
        self.rows[index.row()][index.column()] = str(number)
        self.dataChanged.emit(index, index)
        if self.on_edit:
            self.on_edit(self.ids[index.row()], index.column(), number)
        return True


def table_view(model: QAbstractTableModel, accessible_name: str, *, stretch: int = 0) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setAccessibleName(accessible_name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.verticalHeader().hide()
    view.setAlternatingRowColors(True)
    view.setWordWrap(True)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    header.setMinimumSectionSize(60)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    if 0 <= stretch < model.columnCount():
        # The main column (a title, a name) may take the room it needs; the others share the rest.
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.ResizeToContents)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return view


def selected_id(view: QTableView) -> str:
    indexes = view.selectionModel().selectedRows() if view.selectionModel() else []
    return str(indexes[0].data(ID_ROLE)) if indexes else ""


def vocabulary_combo(vocabulary: Vocabulary, accessible_name: str, current: str = "") -> QComboBox:
    combo = QComboBox()
    combo.setAccessibleName(accessible_name)
    for term in vocabulary:
        combo.addItem(term.text(), term.code)
    if current:
        combo.setCurrentIndex(max(0, combo.findData(current)))
    return combo


def choose_pdf_path(parent: QWidget, suggested: str, *, suffix: str = ".pdf") -> Path | None:
    name, _filter = QFileDialog.getSaveFileName(parent, _("Save as"), str(Path.home() / suggested),
                                                f"*{suffix}")
    if not name:
        return None
    path = Path(name)
    return path if path.suffix.lower() == suffix else path.with_suffix(suffix)


def safe_file_name(*parts: str) -> str:
    text = "-".join(p for p in parts if p)
    return "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in text).strip("-")[:80]


def qdate_to_date(value: object) -> dt.date:
    return value.toPython()  # type: ignore[attr-defined, no-any-return]

"""Small pieces the overleg and event screens share: a read-only rows model, the warning banner, helpers."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHeaderView,
    QTableView,
    QWidget,
)

from brugapp.i18n import _
from brugapp.ui.widgets.banner import banner, show_banner  # noqa: F401 - the meeting screens import them here
from brugapp.ui.widgets.roles import ID_ROLE
from brugapp.ui.widgets.table_model import RowsModel  # noqa: F401 - the meeting screens import it here


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
    """The chosen row's id: the selected row, else the row the keyboard is on (Tab into the table shows it)."""
    indexes = view.selectionModel().selectedRows() if view.selectionModel() else []
    current = view.currentIndex()
    if not indexes and current.isValid():
        indexes = [current.siblingAtColumn(0)]
    return str(indexes[0].data(ID_ROLE)) if indexes else ""


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

"""The one table model of every list: frozen rows from a service, columns that say how to show them.

Each ``Column`` has a header, the cell text, and optionally a sort key (else the text sorts), a
tooltip (else the full text, so a column that cuts a long name short still shows it on hover), an
icon, a text colour and an alignment (counts to the right). The model answers the shared roles of
``ui/widgets/roles.py``: the row's id, its sort key, the row itself. ``TableRow`` covers plain tables
of strings (some with editable counts, such as attendance per school). The rows come from a service;
the model never touches the store.

Sorting is usually a ``QSortFilterProxyModel`` on ``SORT_ROLE`` (the keys are computed once per
column and kept until the rows change). A list of 10,000 names sorts in the model instead
(``sort_in_model=True``): one pass with ``QCollator`` takes milliseconds where a proxy's Python
``lessThan`` would be called 10^5 times.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cmp_to_key
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QCollator, QLocale, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QIcon

from brugapp.ui.widgets.roles import ID_ROLE, RECORD_ROLE, SORT_ROLE

Row = TypeVar("Row")
_PRESORT_FROM = 1000  # names; below this the collator sorts them as they come
Index = QModelIndex | QPersistentModelIndex

_Role = Qt.ItemDataRole
_DISPLAY, _TOOLTIP, _DECORATION = int(_Role.DisplayRole), int(_Role.ToolTipRole), int(_Role.DecorationRole)
_FOREGROUND, _BACKGROUND = int(_Role.ForegroundRole), int(_Role.BackgroundRole)
_ALIGNMENT = int(_Role.TextAlignmentRole)
_TEXT_ROLES = frozenset({_DISPLAY, int(_Role.EditRole), int(_Role.AccessibleTextRole)})
_ANSWERED = _TEXT_ROLES | {_TOOLTIP, _DECORATION, _FOREGROUND, _BACKGROUND, _ALIGNMENT, int(SORT_ROLE), int(ID_ROLE),
                           int(RECORD_ROLE)}


@dataclass(frozen=True)
class Column(Generic[Row]):
    header: str  # already translated
    text: Callable[[Row], str]
    sort: Callable[[Row], Any] | None = None
    tooltip: Callable[[Row], str] | None = None
    header_tip: str | None = None  # the header's tooltip when the header itself is a short form
    icon: Callable[[Row], QIcon] | None = None
    colour: Callable[[Row], str] | None = None  # this column's text colour ("" = the usual one)
    align: Qt.AlignmentFlag | None = None  # cells and header, e.g. counts to the right


@dataclass
class TableRow:
    """A row of a plain table: an id and its cell texts (edited counts are written back into ``cells``)."""

    id: str
    cells: list[str] = field(default_factory=list)


class RecordTableModel(QAbstractTableModel, Generic[Row]):
    """``colour(row)`` may give a text colour (overdue, urgent), ``background(row)`` a row's background (a
    service not verified for a year); ``editable`` columns take whole numbers and report them to
    ``on_edit(row_id, column, value)``, which saves them through a service."""

    def __init__(self, columns: Sequence[Column[Row]], *, colour: Callable[[Row], str] | None = None,
                 parent: Any = None, editable: Sequence[int] = (),
                 on_edit: Callable[[str, int, int], None] | None = None,
                 background: Callable[[Row], str] | None = None, sort_in_model: bool = False) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list[Row] = []
        self._colour = colour
        self._background = background
        self.editable = set(editable)
        self.on_edit = on_edit
        self._sort_keys: dict[int, list[Any]] = {}
        self._more: Callable[[int], Sequence[Row]] | None = None  # the rest of a paged list (``set_rows``)
        self.sort_in_model = sort_in_model
        self._order = (0, Qt.SortOrder.AscendingOrder)
        self._key_order: tuple[int, Qt.SortOrder] | None = None  # set by ``sort_by_key``
        self._collator = QCollator(QLocale())
        self._collator.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._collator.setNumericMode(True)

    def set_rows(self, rows: Sequence[Row], *, more: Callable[[int], Sequence[Row]] | None = None) -> None:
        """Show ``rows``; with ``more``, they are a first page: ``more(n)`` gives the rows after the first ``n``
        (the next page, in the same order; empty at the end), fetched when the view scrolls to the last row
        (``canFetchMore``/``fetchMore``), or all at once before a sort (``fetch_all``)."""
        self.beginResetModel()
        self.rows = self._ordered(list(rows)) if self.sort_in_model else self._by_key(list(rows))
        self._more = more
        self._sort_keys.clear()
        self.endResetModel()

    # -- a list read a page at a time --------------------------------------------------------------
    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._more is not None

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._more is None:
            return
        page = list(self._more(len(self.rows)))
        if not page:
            self._more = None  # read to the end
            return
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(page) - 1)
        self.rows.extend(page)
        self._sort_keys.clear()
        self.endInsertRows()

    def fetch_all(self) -> None:
        """Read the rest of a paged list (before sorting it on another column, or looking for a record)."""
        while self._more is not None:
            self.fetchMore()

    def fetch_until(self, found: Callable[[Row], bool]) -> int:
        """The row of the first record ``found`` accepts, reading further pages until it is there; -1 if none."""
        start = 0
        while True:
            number = next((n for n in range(start, len(self.rows)) if found(self.rows[n])), -1)
            if number >= 0 or self._more is None:
                return number
            start = len(self.rows)
            self.fetchMore()

    def row_at(self, row: int) -> Row | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def row_of(self, row_id: str) -> int:
        """The row of the record with this id (read further pages of a paged list), -1 when it is not in it."""
        return self.fetch_until(lambda row: getattr(row, "id", None) == row_id)

    def sort_key(self, row: int, column: int) -> Any:
        """What ``column`` sorts by, computed once for the whole column (a proxy asks it ~n·log n times)."""
        keys = self._sort_keys.get(column)
        if keys is None:
            source = self.columns[column]
            key = source.sort if source.sort is not None else source.text
            keys = self._sort_keys[column] = [key(record) for record in self.rows]
        return keys[row]

    # -- sorting on the sort keys, in the model (a proxy forwards its ``sort`` here) ------------------
    @property
    def key_order(self) -> tuple[int, Qt.SortOrder] | None:
        """The column and direction of the last ``sort_by_key`` (None: the rows keep the order they came in)."""
        return self._key_order

    def sort_by_key(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Order the rows on ``column``'s sort key, as a proxy on ``SORT_ROLE`` would, in one Python sort: a
        proxy asks ``data`` twice per comparison (~44,000 calls for 2,000 services, ~150 ms) on every reload.
        Persistent indexes (the selection, the current row) follow their rows."""
        self._key_order = (column, order)
        self.fetch_all()  # a sort covers every row, not the first page
        self.layoutAboutToBeChanged.emit()
        before = {id(row): number for number, row in enumerate(self.rows)}
        self.rows = self._by_key(self.rows)
        self._sort_keys.clear()
        moved = {before[id(row)]: number for number, row in enumerate(self.rows)}
        old = self.persistentIndexList()
        self.changePersistentIndexList(old, [self.index(moved[index.row()], index.column()) for index in old])
        self.layoutChanged.emit()

    def _by_key(self, rows: list[Row]) -> list[Row]:
        if self._key_order is None:
            return rows
        column, order = self._key_order
        source = self.columns[column]
        key = source.sort if source.sort is not None else source.text
        return sorted(rows, key=key, reverse=order == Qt.SortOrder.DescendingOrder)

    # -- sorting in the model ----------------------------------------------------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if self.sort_in_model:
            self._order = (column, order)
            self.fetch_all()  # a sort covers every row, not the first page
            self.set_rows(self.rows)

    def _ordered(self, rows: list[Row]) -> list[Row]:
        """The first column the way people expect names ("Çelik" with C, "Özdemir" with O); another chosen
        column sorts by its key, rows with the same key staying in that order."""
        column, order = self._order
        first = self.columns[0].sort or self.columns[0].text
        by_first = [rows[number] for number in self._collated([first(row) for row in rows])]
        reverse = order == Qt.SortOrder.DescendingOrder
        if column == 0:
            return by_first[::-1] if reverse else by_first
        key = self.columns[column].sort or self.columns[column].text
        return sorted(by_first, key=key, reverse=reverse)

    def _collated(self, names: list[str]) -> list[int]:
        """The positions of ``names`` in collator order; names it calls equal keep the order they came in."""
        ranked = self._ranked(list(dict.fromkeys(names)))
        rank = {name: number for number, name in enumerate(ranked)}
        ranks = [rank[name] for name in names]
        return sorted(range(len(names)), key=ranks.__getitem__)

    def _ranked(self, distinct: list[str]) -> list[str]:
        """Distinct names in collator order, those it calls equal in the order given.

        The collator compares straight from C (no Python lambda around it: 13 ms instead of 30 ms for 10,000
        families) when the names come nearly in order; names in the order they were made (as the families page
        reads them) are first put in case-blind order, and equal ones are told apart by where they came."""
        if len(distinct) <= _PRESORT_FROM:
            return sorted(distinct, key=cmp_to_key(self._collator.compare))
        compare = self._collator.compare
        given = {name: number for number, name in enumerate(distinct)}
        nearly = sorted(distinct, key=str.casefold)
        return sorted(nearly, key=cmp_to_key(lambda a, b: compare(a, b) or given[a] - given[b]))

    def name_order(self, named: Sequence[tuple[str, str]], *,
                   order: Qt.SortOrder | None = None) -> list[str] | None:
        """The ids of ``(id, first-column text)`` pairs in the order this list shows its rows, so a first page of
        whole rows can be read for them alone; None when it is sorted on another column (that needs every row).
        With ``order``, by name in that order whatever the list's order now (the rest of a list read earlier)."""
        column, shown = self._order
        if order is None and (not self.sort_in_model or column != 0):
            return None
        order = shown if order is None else order
        ids = [named[number][0] for number in self._collated([name for _id, name in named])]
        return ids[::-1] if order == Qt.SortOrder.DescendingOrder else ids

    def name_direction(self) -> Qt.SortOrder:
        """The order of the names when the list is sorted on them."""
        return self._order[1]

    def first_by_name(self, named: Sequence[tuple[str, str]], count: int) -> list[str] | None:
        """``name_order(named)[:count]`` without ordering the rest: the first page of 10,000 families costs
        about 10,000 comparisons (a heap of ``count``) instead of a whole sort; the rest is ordered when the list
        is scrolled past it."""
        column, order = self._order
        if not self.sort_in_model or column != 0:
            return None
        if order == Qt.SortOrder.DescendingOrder:
            return (self.name_order(named) or [])[:count]
        names = [name for _id, name in named]
        first = heapq.nsmallest(count, dict.fromkeys(names), key=cmp_to_key(self._collator.compare))
        rank = {name: number for number, name in enumerate(first)}
        chosen = [number for number, name in enumerate(names) if name in rank]
        chosen.sort(key=lambda number: rank[names[number]])  # stable: equal names in the order they came
        return [named[number][0] for number in chosen[:count]]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        column = self.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.header
        if role == Qt.ItemDataRole.ToolTipRole:
            return column.header_tip or column.header
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align is not None:
            return int(column.align | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        # A view asks eight roles of every cell it sizes or paints (10^4 calls for one page): the roles no column
        # answers (font, check state, size hint) return before the row is looked up.
        if role not in _ANSWERED or not index.isValid():
            return None
        row = self.rows[index.row()]
        column = self.columns[index.column()]
        if role in _TEXT_ROLES:
            return column.text(row)
        if role == _FOREGROUND:
            colour_of = column.colour or self._colour
            colour = colour_of(row) if colour_of is not None else ""
            return QColor(colour) if colour else None
        if role == _BACKGROUND:
            background = self._background(row) if self._background is not None else ""
            return QBrush(QColor(background)) if background else None
        if role == _DECORATION:
            return column.icon(row) if column.icon is not None else None
        if role == _ALIGNMENT:
            return int(column.align | Qt.AlignmentFlag.AlignVCenter) if column.align is not None else None
        if role == _TOOLTIP:
            return column.tooltip(row) if column.tooltip is not None else column.text(row)
        if role == SORT_ROLE:
            return self.sort_key(index.row(), index.column())
        if role == ID_ROLE:
            return getattr(row, "id", None)
        return row  # RECORD_ROLE

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
        self._sort_keys.pop(index.column(), None)
        self.dataChanged.emit(index, index)
        if self.on_edit is not None:
            self.on_edit(str(getattr(row, "id", "")), index.column(), number)
        return True


def cell(column: int) -> Callable[[TableRow], str]:
    """The text of one cell of a ``TableRow``."""
    return lambda row: row.cells[column] if column < len(row.cells) else ""


class RowsModel(RecordTableModel[TableRow]):
    """A plain table of strings with an id per row (the meeting screens' participants, actions, schools; the
    year report's tables, counts aligned right)."""

    def __init__(self, headers: Sequence[str], parent: Any = None, *, editable: Sequence[int] = (),
                 on_edit: Callable[[str, int, int], None] | None = None,
                 align: dict[int, Qt.AlignmentFlag] | None = None) -> None:
        sides = align or {}
        super().__init__([Column(header, cell(number), align=sides.get(number))
                          for number, header in enumerate(headers)], parent=parent, editable=editable, on_edit=on_edit)
        self.headers = list(headers)

    def set_rows(self, rows: Sequence[tuple[str, Sequence[str]]] | Sequence[TableRow]) -> None:  # type: ignore[override]
        super().set_rows([row if isinstance(row, TableRow) else TableRow(row[0], list(row[1])) for row in rows])

    @property
    def ids(self) -> list[str]:
        return [row.id for row in self.rows]

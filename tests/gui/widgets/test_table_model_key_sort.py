"""Sorting on the sort keys in the model (what the social map's proxy forwards its ``sort`` to)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPersistentModelIndex, QSortFilterProxyModel, Qt

from brugapp.ui.widgets.table_model import Column, RecordTableModel


@dataclass(frozen=True)
class Service:
    id: str
    name: str
    phone: str


def _model() -> RecordTableModel[Service]:
    return RecordTableModel([Column("Naam", lambda s: s.name, sort=lambda s: s.name.casefold()),
                             Column("Telefoon", lambda s: s.phone)])


def _names(model) -> list[str]:
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def test_rows_sorted_on_their_keys_keep_that_order_when_reloaded_and_the_selection_follows():
    # GIVEN three services in the order the store gives them
    model = _model()
    model.set_rows([Service("1", "OCMW", "056 1"), Service("2", "CAW", "056 3"),
                    Service("3", "kind en gezin", "056 2")])
    current = QPersistentModelIndex(model.index(0, 0))  # the row the user had chosen: OCMW
    # WHEN sorted on the name key THEN case does not matter and the chosen row moves along
    model.sort_by_key(0, Qt.SortOrder.AscendingOrder)
    assert _names(model) == ["CAW", "kind en gezin", "OCMW"]
    assert current.row() == 2 and current.data() == "OCMW"
    # WHEN sorted on the phone column, descending THEN the text is the key
    model.sort_by_key(1, Qt.SortOrder.DescendingOrder)
    assert _names(model) == ["CAW", "kind en gezin", "OCMW"]  # 056 3, 056 2, 056 1
    assert [model.index(row, 1).data() for row in range(3)] == ["056 3", "056 2", "056 1"]
    # WHEN the list is reloaded in the store's order THEN it keeps the chosen order
    model.set_rows([Service("4", "Bibliotheek", "056 9"), *reversed(model.rows)])
    assert [model.index(row, 1).data() for row in range(4)] == ["056 9", "056 3", "056 2", "056 1"]


def test_a_filtering_proxy_shows_the_sorted_rows_without_sorting_them_itself():
    model = _model()
    model.set_rows([Service(str(n), name, "") for n, name in enumerate(["Zorgpunt", "Anker", "Mobiel team"])])
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setFilterKeyColumn(0)
    proxy.setFilterFixedString("o")  # Zorgpunt, Mobiel team
    model.sort_by_key(0, Qt.SortOrder.AscendingOrder)
    assert [proxy.index(row, 0).data() for row in range(proxy.rowCount())] == ["Mobiel team", "Zorgpunt"]
    model.sort_by_key(0, Qt.SortOrder.DescendingOrder)
    assert [proxy.index(row, 0).data() for row in range(proxy.rowCount())] == ["Zorgpunt", "Mobiel team"]

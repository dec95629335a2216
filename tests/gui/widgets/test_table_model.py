"""The one table model every list shares: sort keys, in-model sorting by name, ids, headers and looks."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSortFilterProxyModel, Qt

from brugapp.ui.widgets.roles import ID_ROLE, RECORD_ROLE, SORT_ROLE
from brugapp.ui.widgets.table_model import Column, RecordTableModel, RowsModel


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    children: int


def _model(**options) -> RecordTableModel[Person]:
    return RecordTableModel([
        Column("Naam", lambda p: p.name, header_tip="Naam van het gezin"),
        Column("Kinderen", lambda p: str(p.children), sort=lambda p: p.children, align=Qt.AlignmentFlag.AlignRight,
               colour=lambda p: "#c0392b" if p.children > 3 else ""),
    ], **options)


def _names(model) -> list[str]:
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def test_a_model_that_sorts_itself_puts_names_in_the_order_people_expect():
    # GIVEN names with accents and numbers, sorted in the model (as the 10,000 families are)
    model = _model(sort_in_model=True)
    model.set_rows([Person("1", "Özdemir", 2), Person("2", "Peeters", 4), Person("3", "Çelik", 2),
                    Person("4", "gezin 10", 1), Person("5", "Gezin 9", 2)])
    # THEN Ç sorts with C and Ö with O, case does not matter and 9 comes before 10
    assert _names(model) == ["Çelik", "Gezin 9", "gezin 10", "Özdemir", "Peeters"]
    # WHEN sorted on the number of children, most first THEN equal counts keep the name order
    model.sort(1, Qt.SortOrder.DescendingOrder)
    assert _names(model) == ["Peeters", "Çelik", "Gezin 9", "Özdemir", "gezin 10"]
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert _names(model) == ["Peeters", "Özdemir", "gezin 10", "Gezin 9", "Çelik"]
    # AND new rows keep the chosen order
    model.set_rows([Person("6", "Aerts", 0), *model.rows])
    assert _names(model)[-1] == "Aerts"


def test_a_proxy_sorts_on_the_sort_role_and_new_rows_get_new_keys():
    model = _model()
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    model.set_rows([Person("1", "A", 10), Person("2", "B", 9)])
    proxy.sort(1, Qt.SortOrder.AscendingOrder)
    assert [proxy.index(row, 0).data() for row in range(2)] == ["B", "A"]  # 9 before 10: numbers, not text
    # WHEN the rows change THEN the keys are those of the new rows, not the kept ones
    model.set_rows([Person("3", "C", 1), Person("4", "D", 0)])
    assert [model.index(row, 1).data(SORT_ROLE) for row in range(2)] == [1, 0]
    proxy.sort(1, Qt.SortOrder.AscendingOrder)
    assert [proxy.index(row, 0).data() for row in range(2)] == ["D", "C"]


def test_ids_headers_and_looks():
    model = _model()
    model.set_rows([Person("a", "Aerts", 1), Person("b", "Bulut", 5)])
    assert model.row_of("b") == 1 and model.row_of("zzz") == -1
    assert model.index(1, 0).data(ID_ROLE) == "b"
    assert model.index(1, 0).data(RECORD_ROLE) == Person("b", "Bulut", 5)
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Naam"
    assert model.headerData(0, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) == "Naam van het gezin"
    assert model.headerData(1, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) == "Kinderen"
    right = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    assert model.index(0, 1).data(Qt.ItemDataRole.TextAlignmentRole) == right
    assert model.index(0, 0).data(Qt.ItemDataRole.TextAlignmentRole) is None
    assert model.index(0, 1).data(Qt.ItemDataRole.ForegroundRole) is None
    assert model.index(1, 1).data(Qt.ItemDataRole.ForegroundRole).name() == "#c0392b"
    assert model.index(1, 0).data(Qt.ItemDataRole.AccessibleTextRole) == "Bulut"


def test_an_edited_count_sorts_by_its_new_value():
    saved: list[tuple[str, int, int]] = []
    model = RowsModel(["School", "Aanwezig"], editable=[1], on_edit=lambda *edit: saved.append(edit))
    model.set_rows([("s1", ["De Vlieger", "3"]), ("s2", ["Sint-Jozef", "5"])])
    assert model.index(0, 1).data(SORT_ROLE) == "3"
    assert model.setData(model.index(0, 1), "12")
    assert model.index(0, 1).data(SORT_ROLE) == "12"
    assert saved == [("s1", 1, 12)]
    assert not model.setData(model.index(0, 1), "twaalf")

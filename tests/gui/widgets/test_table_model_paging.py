"""The shared table model over a list read a page at a time: the view asks for the next page, a sort and a look-up
read the rest first, and the order of ids for a first page is the order the model itself gives."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, Qt

from brugapp.ui.widgets.table_model import Column, RecordTableModel


@dataclass(frozen=True)
class Family:
    id: str
    name: str
    children: int


ALL = [Family(str(n), name, n % 3) for n, name in enumerate(
    ["Adams", "Bakker", "Çelik", "Dhont", "Gezin 9", "gezin 10", "Maes", "Özdemir", "Peeters", "Zeger"])]


def _model(**options) -> RecordTableModel[Family]:
    return RecordTableModel([Column("Naam", lambda f: f.name), Column("Kinderen", lambda f: str(f.children),
                                                                      sort=lambda f: f.children)], **options)


def _paged(model: RecordTableModel[Family], asked: list[int]) -> None:
    def more(offset: int) -> list[Family]:
        asked.append(offset)
        return ALL[offset:offset + 3]

    model.set_rows(ALL[:3], more=more)


def test_the_next_pages_are_read_when_asked_and_no_more_after_the_end():
    model, asked = _model(), []
    _paged(model, asked)
    assert model.rowCount() == 3 and model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert asked == [3] and model.rowCount() == 6
    model.fetch_all()
    assert [f.id for f in model.rows] == [f.id for f in ALL]
    assert not model.canFetchMore(QModelIndex()) and asked == [3, 6, 9, 10]


def test_looking_for_a_record_reads_on_only_until_it_is_there():
    model, asked = _model(), []
    _paged(model, asked)
    assert model.row_of("4") == 4 and asked == [3]  # the second page holds it
    assert model.row_of("nobody") == -1 and not model.canFetchMore(QModelIndex())


def test_a_sort_on_another_column_covers_every_row():
    model, asked = _model(), []
    _paged(model, asked)
    model.sort_by_key(1, Qt.SortOrder.DescendingOrder)
    assert model.rowCount() == len(ALL)
    assert [f.children for f in model.rows] == sorted((f.children for f in ALL), reverse=True)


def test_the_ids_of_a_first_page_follow_the_models_own_order():
    # GIVEN a model that sorts names itself (the families), and the same names as (id, name) pairs
    model = _model(sort_in_model=True)
    model.set_rows(ALL)
    pairs = [(f.id, f.name) for f in reversed(ALL)]
    # THEN the ids come in the order the whole list shows (Ç with C, 9 before 10, Ö with O)
    assert model.name_order(pairs) == [f.id for f in model.rows]
    assert [f.name for f in model.rows] == ["Adams", "Bakker", "Çelik", "Dhont", "Gezin 9", "gezin 10", "Maes",
                                            "Özdemir", "Peeters", "Zeger"]
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert model.name_order(pairs) == [f.id for f in model.rows]
    # WHEN the list is sorted on another column THEN a first page cannot be ordered by name alone
    model.sort(1)
    assert model.name_order(pairs) is None

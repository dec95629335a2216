"""The shared table model over a list read a page at a time: the view asks for the next page, a sort and a look-up
read the rest first, and the order of ids for a first page is the order the model itself gives."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cmp_to_key
from random import Random

from PySide6.QtCore import QCollator, QLocale, QModelIndex, Qt

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


def _reference_order(named: list[tuple[str, str]], descending: bool = False) -> list[str]:
    """The order as the model made it before the first page was ordered on its own: every distinct name sorted by
    the collator as it came (equal ones keep that order), then the rows by their name's place."""
    collator = QCollator(QLocale())
    collator.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    collator.setNumericMode(True)
    names = [name for _id, name in named]
    ranked = sorted(dict.fromkeys(names), key=cmp_to_key(collator.compare))
    rank = {name: number for number, name in enumerate(ranked)}
    ids = [named[number][0] for number in sorted(range(len(names)), key=lambda number: rank[names[number]])]
    return ids[::-1] if descending else ids


def _awkward_names(count: int) -> list[tuple[str, str]]:
    """Names as a busy programme has them, in the order they were made: accents, case, numbers, punctuation,
    the same name twice, and names the collator calls equal (they differ only in case)."""
    stems = ["Gezin Özdemir", "gezin özdemir", "Gezin Ozdemir", "Gezin Çelik", "GEZIN CELIK", "Gezin D'Hondt",
             "Gezin Dhondt", "Gezin De Smet", "Gezin Desmet", "Gezin Yılmaz", "Gezin Yilmaz", "Gezin El Amrani",
             "Gezin Elamrani", "Gezin Van den Broeck", "Gezin van den broeck", "Gezin Peeters-Maes", "Gezin Şahin",
             "gezin Sahin", "Gezin Ærts", "Gezin Aerts", "", "Gezin 10", "Gezin 9", "gezin 09"]
    random = Random(16)
    named = []
    for number in range(count):
        stem = random.choice(stems)
        name = f"{stem} {random.randrange(150)}" if random.random() < 0.7 else stem
        named.append((f"id{number}", name))
    return named


def test_the_first_page_alone_is_ordered_exactly_as_the_whole_list_would_be():
    # GIVEN 3,000 names in the order they were made, with duplicates and names the collator calls equal
    named = _awkward_names(3000)
    model = _model(sort_in_model=True)
    # THEN the whole order is the collator's, equal names in the order they came, as it always was
    assert model.name_order(named) == _reference_order(named)
    # AND the first page ordered on its own is the start of that order (also when it ends inside a run of equals)
    for count in (1, 7, 200, 3000, 4000):
        assert model.first_by_name(named, count) == _reference_order(named)[:count]
    # AND a few names (ordered as they come, without the case-blind first pass) give the same order too
    assert model.name_order(named[:300]) == _reference_order(named[:300])
    # WHEN the list is shown Z to A THEN the first page is the start of that order
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert model.first_by_name(named, 200) == _reference_order(named, descending=True)[:200]
    # AND the rest of a list read A to Z can still be asked in that order
    assert model.name_order(named, order=Qt.SortOrder.AscendingOrder) == _reference_order(named)

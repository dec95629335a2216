"""Gezinnen reads whole rows a page at a time (200; 2 here, the same code): a filter, another order and opening a
family still cover every family; a return visit shows what was saved elsewhere and reads nothing when nothing was."""

from __future__ import annotations

from PySide6.QtCore import Qt

from brugapp.services.families.families import MemberInput, add_member, create_family
from brugapp.ui.families import page as families_page
from brugapp.ui.families.page import FamiliesPage

NAMES = ["Gezin Özdemir", "Gezin Adams", "Gezin Çelik", "Gezin Zeger", "Gezin Maes", "Gezin Bakker", "Gezin Dhont"]


def _page(qtbot, store, monkeypatch) -> FamiliesPage:
    monkeypatch.setattr(families_page, "PAGE_ROWS", 2)
    page = FamiliesPage(store)
    qtbot.addWidget(page)
    page.resize(1366, 700)
    page.show()
    page.refresh()
    return page


def _shown(page: FamiliesPage) -> list[str]:
    return [page.proxy.index(row, 0).data() for row in range(page.proxy.rowCount())]


def test_the_first_page_is_the_start_of_the_whole_list_and_scrolling_reads_the_rest(qtbot, store, monkeypatch):
    # GIVEN seven families, names with accents among them
    for name in NAMES:
        create_family(store, display_name=name)
    # WHEN the page opens
    page = _page(qtbot, store, monkeypatch)
    # THEN it shows the first two in the collator's order (Ç with C) and counts all seven
    assert _shown(page) == ["Gezin Adams", "Gezin Bakker"]
    assert page.count_label.text() == "7 gezinnen"
    assert page.model.canFetchMore()
    # WHEN the list's end is in view (here at once: two rows do not fill it) THEN the view asks for more itself,
    # page after page
    qtbot.waitUntil(lambda: not page.model.canFetchMore(), timeout=2000)
    # THEN every family is there, in the same order as the full list would be
    assert _shown(page) == ["Gezin Adams", "Gezin Bakker", "Gezin Çelik", "Gezin Dhont", "Gezin Maes",
                            "Gezin Özdemir", "Gezin Zeger"]


def test_filter_sort_and_open_reach_a_family_beyond_the_first_page(qtbot, store, monkeypatch):
    ids = {name: create_family(store, display_name=name).id for name in NAMES}
    for number in range(3):
        add_member(store, family_id=ids["Gezin Zeger"], member=MemberInput(role="child", first_name=f"Kind {number}"))
    page = _page(qtbot, store, monkeypatch)
    assert "Gezin Zeger" not in _shown(page)
    # WHEN the brugfiguur filters on a name that is not on the first page THEN it is found
    qtbot.keyClicks(page.filter, "ozdem")
    assert _shown(page) == ["Gezin Özdemir"]
    page.filter.clear()
    assert len(_shown(page)) == 7
    # WHEN the list is sorted on children, most first THEN the family with three children (last by name) leads
    page.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    assert _shown(page)[0] == "Gezin Zeger"
    # WHEN a family beyond the first page is opened (a search hit) on a fresh page THEN it is chosen in the list
    fresh = _page(qtbot, store, monkeypatch)
    fresh.select_family(ids["Gezin Zeger"])
    chosen = fresh.table.selectionModel().selectedRows()
    assert [index.data() for index in chosen] == ["Gezin Zeger"]
    assert fresh.family_view.family.id == ids["Gezin Zeger"]


def test_a_return_visit_shows_a_family_saved_elsewhere_and_reads_nothing_otherwise(qtbot, store, monkeypatch):
    create_family(store, display_name="Gezin Peeters")
    page = _page(qtbot, store, monkeypatch)
    reads: list[int] = []
    real = families_page.list_family_names

    def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
        reads.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(families_page, "list_family_names", counted)
    # WHEN the page is shown again with nothing saved THEN nothing is read and the list stays
    page.refresh()
    assert reads == [] and _shown(page) == ["Gezin Peeters"]
    # WHEN a family is saved elsewhere (the quick log, another window's dialog) and the page is shown again
    create_family(store, display_name="Gezin Aerts")
    page.refresh()
    # THEN it is read again and shows the new family
    assert reads == [1] and _shown(page) == ["Gezin Aerts", "Gezin Peeters"]
    assert page.count_label.text() == "2 gezinnen"


def test_a_filter_still_typed_in_covers_every_family_after_a_save_elsewhere(qtbot, store, monkeypatch):
    for name in NAMES:
        create_family(store, display_name=name)
    page = _page(qtbot, store, monkeypatch)
    qtbot.keyClicks(page.filter, "zeg")
    assert _shown(page) == ["Gezin Zeger"]
    # WHEN a family is saved elsewhere and the page is shown again with the filter still typed in
    create_family(store, display_name="Gezin Zegers")
    page.refresh()
    # THEN the filter still finds every match, not only those of the first page
    assert _shown(page) == ["Gezin Zeger", "Gezin Zegers"]

"""The map's first visit reads its first page only (in the list's own order); whatever needs the whole map reads the
rest first: scrolling to the end, a search, a filter, another sort, a record chosen from the global search, the
exported list. What the person sees is the whole map throughout: the count, the places to filter on."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from brugapp.domain.folding import fold
from brugapp.services.kaart.query import list_services
from brugapp.settings import load_settings
from brugapp.ui.kaart import page as kaart_page
from brugapp.ui.kaart.page import KaartPage
from tests.gui.kaart.test_kaart_page import add

PAGE = 4


def _map(store) -> list[str]:
    """Twelve services in five organisations; the later ones (in list order) in towns no early one names."""
    ids = []
    for number, (org, town) in enumerate([("Öcmw Kortrijk", "Kortrijk"), ("CAW Zuid", "Menen"),
                                          ("Tele-Onthaal", "Roeselare"), ("Zonnewijzer", "Ieper"),
                                          ("Ander Loket", "Wevelgem")] * 3):
        if len(ids) < 12:
            ids.append(add(store, f"Dienst {number:02d}", org, municipalities=(town,), phone=f"056 00 00 {number:02d}"))
    return ids


def _page(qtbot, store, monkeypatch) -> KaartPage:
    monkeypatch.setattr(kaart_page, "FIRST_PAGE", PAGE)
    page = KaartPage(store)
    page.now_override = dt.datetime(2026, 11, 25, 10, 0)
    qtbot.addWidget(page)
    page.resize(1366 - 218, 700)
    page.show()
    page.refresh()
    return page


def test_the_first_visit_shows_the_first_page_and_the_whole_map_s_count_and_places(qtbot, store, monkeypatch):
    _map(store)
    whole = list_services(store)
    page = _page(qtbot, store, monkeypatch)
    # THEN the list starts as the whole list does, the count and the place filter speak of the whole map
    assert page.model.rows == whole[:PAGE] and page.model.canFetchMore()
    assert page.count_label.text() == "12 van 12 diensten"
    places = {page.place_box.itemData(i) for i in range(page.place_box.count())}
    assert {"Kortrijk", "Menen", "Roeselare", "Ieper", "Wevelgem"} <= places
    # WHEN the list is scrolled to its end THEN the rest follows, in the list's order, once
    page.table.scrollToBottom()
    qtbot.waitUntil(lambda: not page.model.canFetchMore(), timeout=2000)
    assert page.model.rows == whole
    page.table.scrollToBottom()
    assert page.model.rows == whole
    assert page.count_label.text() == "12 van 12 diensten"


def test_a_search_a_filter_or_another_sort_covers_the_whole_map(qtbot, store, monkeypatch):
    _map(store)
    whole = list_services(store)
    last = whole[-1]
    # WHEN the person types the name of a service beyond the first page
    page = _page(qtbot, store, monkeypatch)
    qtbot.keyClicks(page.search, last.name)
    qtbot.waitUntil(lambda: page.proxy.rowCount() == 1, timeout=2000)
    assert [s.id for s in page.visible_summaries()] == [last.id]
    assert page.count_label.text() == "1 van 12 diensten"
    # WHEN another page filters on a town only later services name
    page = _page(qtbot, store, monkeypatch)
    page.place_box.setCurrentIndex(page.place_box.findData("Wevelgem"))
    assert {s.id for s in page.visible_summaries()} == {s.id for s in whole if "Wevelgem" in s.municipalities}
    # WHEN another page is sorted on the service's name
    page = _page(qtbot, store, monkeypatch)
    page.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert [s.name for s in page.model.rows] == sorted((s.name for s in whole), reverse=True)
    # THEN a reload keeps that sort and reads the whole map (the first page is only the list's own order)
    page._freshness.forget()
    page.refresh()
    assert len(page.model.rows) == 12 and not page.model.canFetchMore()


def test_a_record_beyond_the_first_page_is_found_and_everything_is_exported(qtbot, store, monkeypatch):
    _map(store)
    whole = list_services(store)
    page = _page(qtbot, store, monkeypatch)
    page.show_record("service", whole[-1].id)
    assert page.current_id() == whole[-1].id
    page = _page(qtbot, store, monkeypatch)
    page.show_record("organization", whole[-1].organization_id)
    assert page.model.rows[page.proxy.mapToSource(page.table.currentIndex()).row()].organization_id == (
        whole[-1].organization_id)
    page = _page(qtbot, store, monkeypatch)
    assert [s.id for s in page.visible_summaries()] == [s.id for s in whole]
    # the clock moving on (nothing saved) keeps the whole list read so far
    page.now_override = dt.datetime(2026, 11, 25, 11, 0)
    page.refresh()
    assert page.model.rows == whole


def test_my_region_from_the_first_fill_filters_the_whole_map(qtbot, store, monkeypatch):
    _map(store)
    settings = load_settings()
    settings.region_municipalities = ["Wevelgem", "Ieper"]
    monkeypatch.setattr(kaart_page, "load_settings", lambda: settings)  # the first-run wizard's "my region"
    whole = list_services(store)
    page = _page(qtbot, store, monkeypatch)
    wanted = {s.id for s in whole if {"Wevelgem", "Ieper"} & set(s.municipalities)}
    assert {s.id for s in page.visible_summaries()} == wanted
    assert page.count_label.text() == f"{len(wanted)} van 12 diensten"


def test_the_rest_is_read_while_the_first_page_is_shown_not_after_the_page_was_left(qtbot, store, monkeypatch):
    # A first page taller than the list, as on a real map (a list with room to spare asks for more itself)
    _map(store)
    whole = list_services(store)
    monkeypatch.setattr(kaart_page, "FIRST_PAGE", 10)
    monkeypatch.setattr(kaart_page, "REST_PART", 1)  # the rest in two parts, the page idle between them

    def first_visit() -> KaartPage:
        page = KaartPage(store)
        qtbot.addWidget(page)
        page.resize(1366 - 218, 420)
        page.show()
        page.refresh()
        return page

    # GIVEN the first page shown WHEN the person looks at it THEN the rest follows on its own
    page = first_visit()
    qtbot.wait(10)
    assert page.model.canFetchMore()
    qtbot.waitUntil(lambda: not page.model.canFetchMore(), timeout=kaart_page.REST_AFTER_MS + 2000)
    assert page.model.rows == whole and page.count_label.text() == "12 van 12 diensten"
    # GIVEN another first visit WHEN the page is left at once THEN nothing more is read meanwhile
    page = first_visit()
    page.hide()
    qtbot.wait(kaart_page.REST_AFTER_MS + 100)
    assert page.model.canFetchMore() and page.model.rows == whole[:10]


def test_while_the_page_is_idle_the_rest_is_read_and_every_search_word_folded(qtbot, store, monkeypatch):
    _map(store)
    monkeypatch.setattr(kaart_page, "REST_PART", 5)
    page = _page(qtbot, store, monkeypatch)
    assert not any("search_text" in vars(row) for row in page.model.rows)  # the first visit folds nothing
    # WHEN the person only looks at the list THEN, a step at a time, the rest is read and every word folded
    qtbot.waitUntil(lambda: not page.model.canFetchMore() and not page._rest_timer.isActive(), timeout=3000)
    assert len(page.model.rows) == 12
    assert all(vars(row).get("search_text") == fold(row.words) for row in page.model.rows)
    # so the first letter typed only filters
    qtbot.keyClicks(page.search, "ocmw")  # folded: it finds "Öcmw"
    qtbot.waitUntil(lambda: page.proxy.rowCount() == 3, timeout=2000)  # the three services of "Öcmw Kortrijk"

"""The sociale kaart with the keyboard in the real window, twice: the first visit reads the list's first page, and
whatever the person then does with the keys covers the whole map (issue 16: "load lists lazily")."""

from __future__ import annotations

from PySide6.QtCore import Qt

from brugapp.services.kaart.query import list_services
from brugapp.ui.kaart import page as kaart_page
from tests.gui.journeys.helpers import focus, key, main_window, shortcut, type_text
from tests.gui.kaart.test_kaart_page import add


def test_the_map_walked_twice_with_the_keyboard_covers_every_service(qtbot, store, monkeypatch):
    # GIVEN a map of 30 services and a first page of 5 (as 200 of 2,000 on a busy programme)
    monkeypatch.setattr(kaart_page, "FIRST_PAGE", 5)
    for number in range(30):
        add(store, f"Dienst {number:02d}", f"Organisatie {number % 7}", municipalities=("Kortrijk",))
    window = main_window(qtbot, store)
    for visit in range(2):
        _search_and_walk_the_map(qtbot, window, list_services(store))
        # and a service saved meanwhile elsewhere is there on the next visit
        add(store, f"Nieuwe dienst {visit}", "Organisatie 0", municipalities=("Menen",))


def _search_and_walk_the_map(qtbot, window, whole) -> None:
    # WHEN the person opens the map (Ctrl+3), searches on it (Ctrl+F) for the last service of the list
    shortcut(qtbot, window, Qt.Key.Key_1)
    shortcut(qtbot, window, Qt.Key.Key_3)
    page = window.page("kaart")
    qtbot.waitUntil(lambda: window.stack.currentWidget() is page, timeout=2000)
    shortcut(qtbot, window, Qt.Key.Key_F)
    assert focus() is page.search
    type_text(qtbot, whole[-1].name)
    # THEN it is found, and the count speaks of the whole map
    qtbot.waitUntil(lambda: [s.id for s in page.visible_summaries()] == [whole[-1].id], timeout=2000)
    assert page.count_label.text() == f"1 van {len(whole)} diensten"
    # WHEN the search is emptied and the list walked to its end (End) THEN every service is there, in order
    page.search.selectAll()
    key(qtbot, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: page.proxy.rowCount() == len(whole), timeout=2000)
    page.table.setFocus()
    key(qtbot, Qt.Key.Key_End)
    qtbot.waitUntil(lambda: not page.model.canFetchMore(), timeout=2000)
    assert [s.id for s in page.visible_summaries()] == [s.id for s in whole]
    assert page.current_id() == whole[-1].id

"""Merging a duplicate on the sociale kaart: the dialog lists each service with its organisation on a line below
(wrapped at its width, never behind a sideways scroll bar), a cancel merges nothing, and the duplicate chosen by
keyboard folds its contact person into the service kept."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QListWidget, QPushButton

from brugapp.services.kaart.detail import get_service
from brugapp.services.kaart.query import list_services
from brugapp.ui.kaart.page import KaartPage
from tests.gui.journeys.helpers import drive_modal
from tests.gui.kaart.test_kaart_page import add

LONG_ORGANISATION = "Agentschap Integratie en Inburgering – West-Vlaanderen, regio Kortrijk-Roeselare-Ieper"


def _with_the_dialog(qtbot, page: KaartPage, act) -> None:
    """Press the detail's merge button as a click would; ``act`` uses the dialog while it is open."""
    drive_modal(qtbot, page.detail.merge_button.click, act)


def test_a_duplicate_is_chosen_by_keyboard_and_merged_after_a_cancel(qtbot, store) -> None:
    # GIVEN "Sociaal tolken" entered twice (the second time with its contact person), and two other services
    keep = add(store, "Sociaal tolken", "Agentschap Integratie en Inburgering", phone="02 208 06 11")
    duplicate = add(store, "Sociaal tolken", LONG_ORGANISATION, contact_name="Fatima Ouali")
    add(store, "Onderwijstrajecten voor nieuwkomers", LONG_ORGANISATION)
    add(store, "Onthaal", "CAW Zuid-West-Vlaanderen")
    page = KaartPage(store)
    qtbot.addWidget(page)
    page.resize(1280 - 218, 620)
    page.refresh()
    page.show()
    assert page.select(keep)

    def look_then_cancel(dialog: QDialog) -> None:
        duplicates = dialog.findChild(QListWidget)
        first = duplicates.item(0)
        line = duplicates.fontMetrics().height()
        # THEN the same name comes first, its organisation on a line of its own; long lines wrap, none scrolls sideways
        assert first.text() == f"Sociaal tolken\n{LONG_ORGANISATION}"
        assert duplicates.visualItemRect(first).height() > 2.5 * line  # the long organisation wrapped too
        assert duplicates.horizontalScrollBar().maximum() == 0
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    # WHEN the merge is opened, looked at and cancelled
    _with_the_dialog(qtbot, page, look_then_cancel)
    # THEN nothing is merged
    assert len(list_services(store)) == 4

    def search_and_merge(dialog: QDialog) -> None:
        search = dialog.findChild(QLineEdit)
        qtbot.waitUntil(lambda: QApplication.focusWidget() is search, timeout=2000)  # typing searches at once
        qtbot.keyClicks(search, "tolken")
        duplicates = dialog.findChild(QListWidget)
        assert [duplicates.item(i).text() for i in range(duplicates.count())] == [
            f"Sociaal tolken\n{LONG_ORGANISATION}"]
        for _step in range(2):  # the list, then the merge button: a deliberate press, the duplicate is removed
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        merge = QApplication.focusWidget()
        assert isinstance(merge, QPushButton) and merge.text() == "Samenvoegen"
        qtbot.keyClick(merge, Qt.Key.Key_Space)

    # WHEN it is opened again, "tolken" typed in its search, Tab to "Samenvoegen" and Space
    _with_the_dialog(qtbot, page, search_and_merge)
    # THEN the duplicate is gone and its contact person moved to the service kept
    services = list_services(store)
    assert len(services) == 3 and duplicate not in {s.id for s in services}
    assert [c.name for c in get_service(store, service_id=keep).contacts] == ["Fatima Ouali"]
    assert page.select(keep)  # the service kept is still on the map

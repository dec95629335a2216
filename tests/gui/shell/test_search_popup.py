"""Global search: results grouped by kind under headers, with the words that matched, usable by keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt

from brugapp.services.families.notebook import log_contact
from brugapp.ui.shell.main_window import MainWindow
from brugapp.ui.widgets.roles import RECORD_ROLE
from tests.factories import make_family
from tests.gui.conftest import show_active


def test_search_groups_by_kind_shows_the_snippet_and_opens_with_the_keyboard(qtbot, store) -> None:
    # GIVEN a family Benali and a note about the bailiff's letter
    family = make_family(store, display_name="Gezin Benali")
    log_contact(store, family_id=family, channel="telefoon", note="Brief van deurwaarder, samen OCMW gebeld")
    window = MainWindow(store, auto_lock_minutes=0)
    window.remembers_state = False
    qtbot.addWidget(window)
    show_active(qtbot, window)
    # WHEN Ctrl+K is pressed and "benali" typed
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert window.search_field.hasFocus()
    qtbot.keyClicks(window.search_field, "benali")
    popup = window.search_popup
    qtbot.waitUntil(popup.isVisible, timeout=2000)
    rows = [popup.model.item(r) for r in range(popup.model.rowCount())]
    # THEN a header per kind (not choosable) sits above its results; the note shows the words that matched
    headers = [r.text() for r in rows if r.data(RECORD_ROLE) is None]
    assert headers == ["Gezin", "Contactmoment"]
    assert all(not r.isSelectable() for r in rows if r.data(RECORD_ROLE) is None)
    note = next(r for r in rows if r.data(RECORD_ROLE) is not None and r.data(RECORD_ROLE).kind == "contact")
    assert "deurwaarder" in note.text()
    # WHEN Down moves into the list, Down again reaches the note and Enter opens it
    qtbot.keyClick(window.search_field, Qt.Key.Key_Down)
    assert popup.view.hasFocus() and popup.view.currentIndex().data(RECORD_ROLE).kind == "family"
    qtbot.keyClick(popup.view, Qt.Key.Key_Down)
    assert popup.view.currentIndex().data(RECORD_ROLE).kind == "contact"
    qtbot.keyClick(popup.view, Qt.Key.Key_Return)
    # THEN the families page opens on that family
    assert not popup.isVisible()
    assert window.current_section() == "families"

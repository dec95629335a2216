"""Global search: results grouped by kind under headers, with the words that matched, usable by keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt

from brugapp.services.families.notebook import log_contact
from brugapp.ui.shell.main_window import MainWindow
from brugapp.ui.shell.search_popup import SearchPopup
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
    # AND the list is as tall as its results: nothing to scroll, no empty band below them
    view = popup.view
    needed = sum(view.sizeHintForRow(r) + 2 * view.spacing() for r in range(popup.model.rowCount()))
    assert view.verticalScrollBar().maximum() == 0
    assert 0 <= view.viewport().height() - needed < 20
    # WHEN Down moves into the list, Down again reaches the note and Enter opens it
    qtbot.keyClick(window.search_field, Qt.Key.Key_Down)
    assert popup.view.hasFocus() and popup.view.currentIndex().data(RECORD_ROLE).kind == "family"
    qtbot.keyClick(popup.view, Qt.Key.Key_Down)
    assert popup.view.currentIndex().data(RECORD_ROLE).kind == "contact"
    qtbot.keyClick(popup.view, Qt.Key.Key_Return)
    # THEN the families page opens on that family
    assert not popup.isVisible()
    assert window.current_section() == "families"


def test_the_results_list_is_built_at_the_first_keystroke_and_serves_every_search_after(qtbot, store) -> None:
    # GIVEN a fresh window: its first screen has the search field, not yet the list of results (start-up time)
    make_family(store, display_name="Gezin Benali")
    make_family(store, display_name="Gezin Peeters")
    window = MainWindow(store, auto_lock_minutes=0)
    window.remembers_state = False
    qtbot.addWidget(window)
    show_active(qtbot, window)
    assert window.findChild(SearchPopup) is None
    # WHEN the window is locked and unlocked before anyone searched, THEN nothing needs the list
    window.lock()
    assert window.findChild(SearchPopup) is None and window.is_locked()
    window.unlock()
    # WHEN Ctrl+K is pressed and a name typed, then Ctrl+K again (it selects what was typed) and another name
    for name, found in (("benali", "Gezin Benali"), ("peeters", "Gezin Peeters")):
        qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
        assert window.search_field.hasFocus()
        qtbot.keyClicks(window.search_field, name)
        assert window.search_field.text() == name
        popup = window.search_popup

        def texts() -> list[str]:
            return [popup.model.item(r).text() for r in range(popup.model.rowCount())]  # noqa: B023

        # THEN each search shows its own family, and only that one (the first keystroke built the list)
        qtbot.waitUntil(lambda: popup.isVisible() and any(found in t for t in texts()), timeout=2000)  # noqa: B023
        assert [t for t in texts() if t.startswith("Gezin ")] == [found]
    assert window.search_popup is popup and window.findChildren(SearchPopup) == [popup]


def test_results_that_wrap_onto_more_lines_are_shown_whole_without_scrolling(qtbot, store) -> None:
    # GIVEN a family with a long composed name and a note of long words (a snippet wider than the list)
    family = make_family(store, display_name="Gezin Benali-Vandenbroucke – Vanderstraeten-Desmedt – De Wilde")
    log_contact(store, family_id=family, channel="telefoon",
                note=("Benali vraagt hulp bij schuldbemiddelingsaanvraag, kinderbijslagdossier, "
                      "budgetbegeleidingsovereenkomst, huurachterstalligheidsregeling, energieleveranciersafbetaling, "
                      "studietoelagenaanvraag en schoolfacturenafbetalingsplan"))
    window = MainWindow(store, auto_lock_minutes=0)
    window.remembers_state = False
    qtbot.addWidget(window)
    window.resize(1280, 720)
    show_active(qtbot, window)
    # WHEN the name is typed, and then (Ctrl+K selects it) another of its words: the same results a second time
    for word in ("benali", "vandenbroucke"):
        qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(window.search_field, word)
        popup = window.search_popup
        qtbot.wait(200)  # past the list's pause after typing (120 ms): the rows are this word's, not the last one's
        qtbot.waitUntil(lambda: popup.isVisible() and popup.model.rowCount() == 4, timeout=2000)  # noqa: B023
        view = popup.view
        view.doItemsLayout()
        rows = [view.visualRect(popup.model.index(r, 0)) for r in range(popup.model.rowCount())]
        # THEN the note's words wrap within the list (its row is taller than its own two lines) ...
        assert rows[-1].height() > 2 * view.fontMetrics().lineSpacing()
        # ... and the list is still as tall as its results: nothing to scroll, no empty band below them
        assert view.verticalScrollBar().maximum() == 0
        assert 0 <= view.viewport().height() - (rows[-1].bottom() + view.spacing()) < 20

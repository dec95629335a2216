"""By keyboard in the real window: Tab into a list chooses the line it lands on, so "Gedaan" is the next Tab stop.

Qt marks the line the focus lands on without choosing it: "Gedaan" then stayed greyed out, out of the Tab order,
and Down went past the first line (found walking the referrals' order test by keyboard). On Vandaag's cards
(``today/panels.py``) and on every list of records (``widgets/table_view.RecordTable``), Opvolging's among them."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from brugapp.domain.clock import today_local
from brugapp.services.referrals.followups import create_followup, list_followups
from brugapp.ui.today.followups_panel import FollowUpsTodayPanel
from tests.factories import make_family
from tests.gui.journeys.helpers import CTRL, key, main_window, shortcut, tab_to


def test_tab_into_the_checks_card_then_gedaan_twice(qtbot, store):
    # GIVEN two checks due today, for two families
    for name in ("Gezin Wouters", "Gezin Yıldız"):
        create_followup(store, title="Terugbellen", due=today_local(), owner="",
                        family_id=make_family(store, display_name=name))
    window = main_window(qtbot, store)
    [panel] = [p for p in window.page("today").panels if isinstance(p, FollowUpsTodayPanel)]
    for left in (1, 0):
        # WHEN Tab walks into the card (Ctrl+1 first: Vandaag), then on to the next stop and Space presses it
        shortcut(qtbot, window, Qt.Key.Key_1, CTRL)
        tab_to(qtbot, panel.list)
        # THEN the line the focus landed on is chosen, and the next Tab stop is "Gedaan"
        assert panel.list.selectedItems() == [panel.list.currentItem()]
        chosen = panel.list.currentItem().text()
        assert panel.done_button.isEnabled()
        key(qtbot, Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is panel.done_button
        key(qtbot, Qt.Key.Key_Space)
        # AND that check is done, the other one still listed
        done = {f.family_name for f in list_followups(store, status="done")}
        assert len(done) == 2 - left and any(name in chosen for name in done)
        assert panel.list.count() == left
        if left:
            assert not any(name in panel.list.item(0).text() for name in done)


def test_down_from_outside_the_list_still_chooses_the_second_line(qtbot, store):
    # GIVEN three checks due today (Down is how a keyboard user goes past the first)
    for number, name in enumerate(("Gezin Aerts", "Gezin Bos", "Gezin Claes")):
        create_followup(store, title="Bellen", due=today_local() - dt.timedelta(days=number), owner="",
                        family_id=make_family(store, display_name=name))
    window = main_window(qtbot, store)
    [panel] = [p for p in window.page("today").panels if isinstance(p, FollowUpsTodayPanel)]
    shortcut(qtbot, window, Qt.Key.Key_1, CTRL)  # Vandaag (the window opens on the page last shown)
    tab_to(qtbot, panel.list)
    first = panel.list.currentRow()
    key(qtbot, Qt.Key.Key_Down)
    assert panel.list.currentRow() == first + 1
    assert panel.list.selectedItems() == [panel.list.item(first + 1)]


def test_tab_into_opvolging_then_gedaan_twice(qtbot, store):
    # GIVEN two checks due today
    for name in ("Gezin Wouters", "Gezin Yıldız"):
        create_followup(store, title="Terugbellen", due=today_local(), owner="",
                        family_id=make_family(store, display_name=name))
    window = main_window(qtbot, store)
    page = window.show_section("followups")
    for left in (1, 0):
        # WHEN Tab walks into the list, then on to "Gedaan", and Space presses it
        tab_to(qtbot, page.table)
        chosen = page.selected()
        assert chosen is not None and chosen.id == page.model.row_at(page.table.currentIndex().row()).id
        tab_to(qtbot, page.done_button)
        key(qtbot, Qt.Key.Key_Space)
        # THEN the row it landed on is done, the other one still listed
        assert chosen.id in {f.id for f in list_followups(store, status="done")}
        assert page.model.rowCount() == left

"""Scenario 9, the third local network meeting of the school year, through the real main window.

The Lokaal Netwerk Kinderarmoede meets every six weeks. Planning the third meeting brings the open action
points of the earlier ones, with their owners, onto the agenda under "opvolging vorige actiepunten"; the
minutes record a decision and a new action point (who, what, by when), which becomes a follow-up.

Meeting widgets are found by the names a user sees (accessible name, button text), not by the tab they sit
on, so the journey holds when the Overleg page is laid out anew.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialog, QLineEdit, QListWidget, QPlainTextEdit, QTableView

from brugapp.domain import meetings as rules
from brugapp.domain.clock import at_local, local_date, today_local
from brugapp.services.meetings.meetings import MeetingInput, create_meeting, create_series, get_meeting, list_meetings
from brugapp.services.meetings.minutes import ActionInput, MinutesInput, record_minutes
from brugapp.services.referrals.followups import list_followups
from tests.gui.journeys.helpers import (
    CTRL,
    SHIFT,
    back_to,
    button,
    cancel,
    choose,
    drive_modal,
    focus,
    key,
    label_with,
    main_window,
    named,
    pdf_text,
    pick_in_menu,
    reveal,
    save_file_as,
    search_and_open,
    shortcut,
    shortcut_modal,
    tab_to,
    table_rows,
    type_text,
)

TODAY = today_local()
TITLE = "Lokaal Netwerk Kinderarmoede"
PLANNED = TODAY + dt.timedelta(days=7)  # where "Overleg plannen" puts a new meeting: the third of its school year


def _seed(store) -> tuple[list[str], list[dt.date]]:
    """Two earlier meetings of this school year: the first left two actions, the second closed one of them."""
    series = create_series(store, name=TITLE, meeting_type="netwerkoverleg", interval_weeks=6)
    year_start = dt.date(PLANNED.year if PLANNED.month >= 9 else PLANNED.year - 1, 9, 1)
    planned = PLANNED
    span = max((planned - year_start).days, 3)
    days = [year_start + dt.timedelta(days=span // 3), year_start + dt.timedelta(days=2 * span // 3)]
    ids = [create_meeting(store, data=MeetingInput(
        title=TITLE, meeting_type="netwerkoverleg", starts_at=at_local(day, dt.time(9, 30)), place_kind="service",
        place_detail="Sociaal Huis Kortrijk", series_id=series)) for day in days]
    record_minutes(store, meeting_id=ids[0], minutes=MinutesInput(new_actions=[
        ActionInput("Signaal huisjesmelkers bundelen", "Lien Debaere", days[0] + dt.timedelta(days=30)),
        ActionInput("Folder vrijetijdspas vertalen", "Youssef Amrani", days[0] + dt.timedelta(days=20))]))
    folder = next(a.id for a in get_meeting(store, meeting_id=ids[0]).actions if a.what.startswith("Folder"))
    record_minutes(store, meeting_id=ids[1], minutes=MinutesInput(done_actions=[folder]))
    return ids, days


def _plan(qtbot, dialog: QDialog) -> None:
    type_text(qtbot, TITLE)  # the title has the focus
    choose(qtbot, named(dialog, QComboBox, "Soort overleg"), "Netwerkoverleg")
    choose(qtbot, named(dialog, QComboBox, "Reeks"), "Lokaal")
    key(qtbot, Qt.Key.Key_Return)


def test_scenario_9_third_network_meeting_planned_with_the_open_actions_and_owners_on_its_agenda(
        qtbot, store, tmp_path):
    # GIVEN two meetings of the network this school year, one action point still open
    earlier, days = _seed(store)
    window = main_window(qtbot, store)

    # WHEN the third is planned in the series (Ctrl+6, Ctrl+Shift+M: cancelled, planned, opened again)
    shortcut(qtbot, window, Qt.Key.Key_6)
    page = window.page("meetings")
    shortcut_modal(qtbot, window, Qt.Key.Key_M, cancel(qtbot), CTRL | SHIFT)
    shortcut_modal(qtbot, window, Qt.Key.Key_M, lambda dialog: _plan(qtbot, dialog), CTRL | SHIFT)
    shortcut_modal(qtbot, window, Qt.Key.Key_M, cancel(qtbot), CTRL | SHIFT)
    # THEN it is the third of the school year and follows up the open action with its owner, not the done one
    [third] = [m.id for m in list_meetings(store) if m.id not in earlier]
    detail = get_meeting(store, meeting_id=third)
    assert detail.ordinal_in_school_year == rules.ordinal_in_school_year(local_date(detail.starts_at), days) == 3
    assert [(a.what, a.owner) for a in detail.previous_actions] == [("Signaal huisjesmelkers bundelen",
                                                                    "Lien Debaere")]
    assert rules.PREVIOUS_ACTIONS in [item.code for item in detail.items]
    agenda_lines = [lst.item(row).text() for lst in page.findChildren(QListWidget) for row in range(lst.count())]
    assert any("Opvolging vorige actiepunten" in line and "(1 open)" in line for line in agenda_lines)

    # WHEN the agenda is printed for the network
    agenda = tmp_path / "agenda-netwerk.pdf"
    drive_modal(qtbot, lambda: pick_in_menu(qtbot, button(page, "Agenda afdrukken"), "Netwerk"),
                save_file_as(qtbot, agenda))
    qtbot.waitUntil(lambda: label_with(page, str(agenda)) is not None, timeout=5000)
    # THEN it carries the open action and its owner, and which meeting of the year this is
    text = pdf_text(agenda)
    assert "Opvolging vorige actiepunten" in text
    assert "Signaal huisjesmelkers bundelen" in text and "Lien Debaere" in text
    assert "Folder vrijetijdspas" not in text
    assert "vergadering 3 van dit schooljaar" in text


def test_scenario_9_minutes_record_a_decision_and_new_actions_that_become_followups(qtbot, store, tmp_path):
    # GIVEN the third meeting planned in the series, last time's action still open
    earlier, _days = _seed(store)
    series = get_meeting(store, meeting_id=earlier[0]).series_id
    third = create_meeting(store, data=MeetingInput(
        title=TITLE, meeting_type="netwerkoverleg", starts_at=at_local(PLANNED, dt.time(9, 30)),
        place_kind="service", place_detail="Sociaal Huis Kortrijk, zaal Leie", series_id=series))
    window = main_window(qtbot, store)
    page = search_and_open(qtbot, window, "zaal Leie", "meetings")  # Ctrl+K finds it by its room
    assert label_with(page, "vergadering 3 van dit schooljaar") is not None

    # WHEN the minutes of "Structurele signalen" are typed: the item chosen by its number, notes, decision, saved
    back_to(qtbot, window)
    notes = reveal(qtbot, named(page, QPlainTextEdit, "Notities"))
    items = next(w for w in notes.parentWidget().findChildren(QListWidget) if w.isVisible())
    signals = next(row for row in range(items.count()) if "Structurele signalen" in items.item(row).text())
    tab_to(qtbot, items)
    type_text(qtbot, str(signals + 1))  # the list jumps to the item whose text starts with what is typed
    assert "Structurele signalen" in items.currentItem().text()
    tab_to(qtbot, notes)
    type_text(qtbot, "Vijf gezinnen huren bij dezelfde verhuurder een vochtige woning")
    key(qtbot, Qt.Key.Key_Tab)  # on to the decisions: Tab leaves the notes, it types no tab
    decisions = named(page, QPlainTextEdit, "Beslissingen")
    assert focus() is decisions
    type_text(qtbot, "Signaal naar het OCMW-bestuur")
    tab_to(qtbot, button(page, "Notities bewaren"))
    key(qtbot, Qt.Key.Key_Space)
    # THEN the notes and the decision are stored with the item
    item = next(i for i in get_meeting(store, meeting_id=third).items if i.code == "signals")
    assert (item.notes, item.decisions) == ("Vijf gezinnen huren bij dezelfde verhuurder een vochtige woning",
                                            "Signaal naar het OCMW-bestuur")

    # WHEN a new action point is added on the tab Actiepunten (by keyboard), without an owner, then with one
    what = reveal(qtbot, named(page, QLineEdit, "Wat"))
    add = button(page, "Actiepunt toevoegen")
    tab_to(qtbot, what)
    type_text(qtbot, "Brief aan de schepen opstellen")
    tab_to(qtbot, add)
    key(qtbot, Qt.Key.Key_Space)
    assert label_with(page, "Noem wie het doet: elk actiepunt heeft een eigenaar nodig.") is not None
    assert get_meeting(store, meeting_id=third).actions == ()
    owner = named(page, QComboBox, "Wie")
    tab_to(qtbot, owner)
    type_text(qtbot, "Lien Debaere")
    tab_to(qtbot, add)
    key(qtbot, Qt.Key.Key_Space)
    # THEN it is stored once (the refused try left nothing), with who and by when, and became a follow-up for its owner
    [action] = get_meeting(store, meeting_id=third).actions
    assert (action.what, action.owner, action.due) == ("Brief aan de schepen opstellen", "Lien Debaere",
                                                       TODAY + dt.timedelta(days=14))  # the form's default
    [followup] = [f for f in list_followups(store) if f.title == "Brief aan de schepen opstellen"]
    assert (followup.owner, followup.due) == ("Lien Debaere", action.due)
    assert label_with(page, "Lien Debaere krijgt het als opvolging") is not None

    # WHEN last time's open action is reported done: its row in "Open actiepunten van vorige overleggen", "Gedaan"
    previous = reveal(qtbot, named(page, QTableView, "Open actiepunten van vorige overleggen"))
    tab_to(qtbot, previous)  # Tab into the table: the focus frame on its first row
    assert previous.selectionModel().selectedRows() == []  # the keyboard is on the first row; nothing selected
    tab_to(qtbot, button(page, "Gedaan"))
    key(qtbot, Qt.Key.Key_Space)
    # THEN it is closed, and so is the follow-up it made (it was left open before: Vandaag kept nagging)
    assert get_meeting(store, meeting_id=third).previous_actions == ()
    # AND Opvolging (Ctrl+5, everything still open) lists the new action, not the two closed ones
    shortcut(qtbot, window, Qt.Key.Key_5)
    followups = window.page("followups")
    choose(qtbot, named(followups, QComboBox, "Toon"), "Alles")
    assert [row[1] for row in table_rows(followups, "Opvolgingen")] == ["Brief aan de schepen opstellen"]
    shortcut(qtbot, window, Qt.Key.Key_6)

    # WHEN the minutes are printed for the network
    minutes = tmp_path / "verslag-netwerk.pdf"
    drive_modal(qtbot, lambda: pick_in_menu(qtbot, button(page, "Verslag afdrukken"), "Netwerk"),
                save_file_as(qtbot, minutes))
    qtbot.waitUntil(lambda: label_with(page, str(minutes)) is not None, timeout=5000)
    # THEN they carry the decision and the new action with its owner
    text = pdf_text(minutes)
    assert "Signaal naar het OCMW-bestuur" in text and "Brief aan de schepen opstellen" in text
    assert "Lien Debaere" in text

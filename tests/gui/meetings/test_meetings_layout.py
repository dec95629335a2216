"""The Overleg page reads like the other pages: its actions top right, one level of tabs, forms in dialogs
whose refusals show on the dialog's own error line."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QPushButton, QTabWidget

from brugapp.domain.clock import now_local, today_local
from brugapp.services.meetings.events import add_session, create_event, list_events
from brugapp.services.meetings.meetings import MeetingInput, create_meeting, get_meeting, list_meetings
from brugapp.services.meetings.minutes import ActionInput, add_action
from brugapp.ui.app import setup_application
from brugapp.ui.clipping import clipped_texts
from brugapp.ui.meetings.dialogs import NewMeetingDialog, ParticipantDialog
from brugapp.ui.meetings.editor import MeetingEditor
from brugapp.ui.meetings.page import MeetingsPage
from tests.factories import make_family
from tests.gui.conftest import shown_page
from tests.gui.journeys.helpers import drive_modal
from tests.gui.shell.test_tab_order import tab_walk


def _page(qtbot, store, size=(1366 - 218, 700)) -> MeetingsPage:
    return shown_page(qtbot, MeetingsPage(store), size)


def _meeting(store, title="Rondetafel Ilyas") -> str:
    return create_meeting(store, data=MeetingInput(title=title, meeting_type="rondetafel",
                                                   starts_at=now_local() + dt.timedelta(days=3)))


def _tab_depth(widget) -> int:
    depth, parent = 0, widget.parentWidget()
    while parent is not None:
        depth += isinstance(parent, QTabWidget)
        parent = parent.parentWidget()
    return depth


def test_overleg_has_its_actions_top_right_and_never_tabs_within_tabs(qtbot, store):
    # GIVEN a meeting and a teacher day
    meeting = _meeting(store)
    event = create_event(store, title="Leerkrachtendag 2027", day=dt.date(2027, 1, 18))
    page = _page(qtbot, store)
    # THEN the primary action says what it makes and sits in the title row, at the right
    assert page.new_button.text() == "Nieuw overleg …" and page.new_button.objectName() == "Primary"
    assert page.new_event_button.text() == "Nieuwe activiteit …"
    title = page.title_label.geometry()
    for button in (page.new_button, page.new_event_button):
        assert button.isVisible() and button.geometry().left() > page.width() // 2
        assert button.geometry().top() < title.bottom()
    # WHEN the meeting, then the event is chosen from the two lists on the left
    page.list.setCurrentIndex(page.model.index(page.model.row_of(meeting)))
    assert page.right.currentWidget() is page.editor
    page.events_list.setCurrentRow(0)
    assert page.right.currentWidget() is page.events and page.events.detail.id == event
    assert not page.list.selectionModel().hasSelection()  # one record chosen at a time
    # THEN no tab bar on the page sits inside another one
    assert all(_tab_depth(tabs) == 0 for tabs in page.findChildren(QTabWidget))
    # and choosing the meeting again brings its editor back
    page.list.setCurrentIndex(page.model.index(page.model.row_of(meeting)))
    assert page.right.currentWidget() is page.editor and page.editor.detail.id == meeting


def test_a_teacher_day_is_started_in_a_dialog_that_names_what_is_missing(qtbot, store):
    page = _page(qtbot, store)

    def empty_then_titled(dialog: QDialog) -> None:
        # WHEN Bewaren is pressed with no title
        qtbot.keyClick(dialog, Qt.Key.Key_Return)
        # THEN the dialog stays, says what is missing on its error line, the cursor in the title
        assert dialog.isVisible() and dialog.error.isVisible()
        assert "titel" in dialog.error.text() and dialog.focusWidget() is dialog.title
        assert list_events(store) == []
        # WHEN a title is typed and saved with Enter
        qtbot.keyClicks(dialog.title, "Leerkrachtendag 2027")
        qtbot.keyClick(dialog.title, Qt.Key.Key_Return)

    drive_modal(qtbot, page.new_event_button.click, empty_then_titled)
    # THEN it is stored and shown, ready for its programme
    [event] = list_events(store)
    assert event.label.endswith("Leerkrachtendag 2027")
    assert page.right.currentWidget() is page.events and page.events.heading.text() == "Leerkrachtendag 2027"
    assert page.events_list.currentItem().text() == event.label
    assert page.events_list.isVisible() and not page.no_events.isVisible()  # the list, no more "none yet"
    # WHEN it is opened again and cancelled THEN nothing more is stored
    drive_modal(qtbot, page.new_event_button.click, lambda dialog: qtbot.keyClick(dialog, Qt.Key.Key_Escape))
    assert len(list_events(store)) == 1


def test_new_meeting_refusal_shows_on_the_dialogs_error_line(qtbot, store):
    dialog = NewMeetingDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.windowTitle() == "Nieuw overleg"
    dialog.save()
    assert dialog.error.isVisible() and "titel" in dialog.error.text()
    assert dialog.focusWidget() is dialog.title and list_meetings(store) == []
    qtbot.keyClicks(dialog.title, "Zorgoverleg")
    dialog.save()
    assert [m.title for m in list_meetings(store)] == ["Zorgoverleg"]


def test_a_participant_without_a_name_is_refused_in_the_dialog_keeping_what_was_typed(qtbot, store):
    meeting = _meeting(store)
    dialog = ParticipantDialog(store, meeting_id=meeting)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.organisation, "CLB Kortrijk")
    dialog.save()
    assert dialog.error.isVisible() and "naam" in dialog.error.text()
    assert dialog.organisation.text() == "CLB Kortrijk" and dialog.focusWidget() is dialog.name
    assert get_meeting(store, meeting_id=meeting).participants == ()
    qtbot.keyClicks(dialog.name, "Tine Claes")
    dialog.save()
    [stored] = get_meeting(store, meeting_id=meeting).participants
    assert (stored.name, stored.organisation) == ("Tine Claes", "CLB Kortrijk")
    assert dialog.participant_id == stored.id


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_event_sections_show_their_whole_text_at_both_screen_sizes(qtbot, qapp, store, language):
    event = create_event(store, title="Leerkrachtendag 'Samen sterk voor jongeren in de leefgroep'",
                         day=dt.date(2027, 1, 18), place="Campus De Horizon, Roeselare")
    add_session(store, event_id=event, starts=dt.time(10, 30), ends=dt.time(12), kind="visit",
                title="Bezoek leefgroep De Horizon", room="Leefgroep 1", speaker="Bram Peeters")
    setup_application(qapp, language)
    try:
        page = _page(qtbot, store)
        page.select_event(event)
        problems = []
        for size in ((1280 - 218, 720 - 120), (1366 - 218, 768 - 120)):  # the page beside sidebar and toolbar
            page.resize(*size)
            for index in range(page.events.sections.count()):
                page.events.sections.setCurrentIndex(index)
                qtbot.wait(5)
                problems += [f"{size} tab {index}: {p}" for p in clipped_texts(page)]
        assert problems == []
    finally:
        setup_application(qapp, "nl")


def test_the_minutes_agenda_wraps_a_long_item_instead_of_scrolling_sideways(qtbot, store):
    # GIVEN a rondetafel with its standard agenda ("10. Actiepunten: wie, wat, tegen wanneer" among its items)
    meeting = _meeting(store)
    page = _page(qtbot, store, size=(1280 - 218, 620))  # the page at 1280×720
    page.select(meeting)
    editor = page.editor
    # WHEN the minutes are opened
    editor.tabs.setCurrentWidget(editor.minutes_tab)
    items = editor.minute_items
    qtbot.waitUntil(lambda: items.count() > 0 and items.isVisible(), timeout=2000)
    longest = max(range(items.count()), key=lambda row: len(items.item(row).text()))
    line = items.fontMetrics().height()
    # THEN nothing scrolls sideways and the longest item shows on more than one line
    qtbot.waitUntil(lambda: items.visualItemRect(items.item(longest)).height() > 1.5 * line, timeout=2000)
    assert items.horizontalScrollBar().maximum() == 0
    assert items.fontMetrics().horizontalAdvance(items.item(longest).text()) > items.viewport().width()


def test_the_action_points_of_a_meeting_show_four_at_once_at_1280_by_720(qtbot, store):
    # GIVEN a rondetafel with a warning above its tabs (no interpreter yet) and four action points
    meeting = create_meeting(store, data=MeetingInput(
        title="Rondetafel Ilyas", meeting_type="rondetafel", starts_at=now_local() + dt.timedelta(days=3),
        interpreter_needed=True, interpreter_language="Arabisch"))
    for what, owner in (("Busabonnement aanvragen", "Samira El Amrani"), ("Lesrooster opmaken", "Tine Claes"),
                        ("Huiswerkbegeleiding zoeken", "Bram Peeters"), ("Tolk vastleggen", "Ilse Maes")):
        due = today_local() + dt.timedelta(days=14)
        add_action(store, meeting_id=meeting, action=ActionInput(what=what, owner=owner, due=due))
    page = _page(qtbot, store, size=(1280 - 218, 620))  # the page at 1280×720
    page.select(meeting)
    editor = page.editor
    assert not editor.warnings.isHidden()
    # WHEN the action points are opened
    editor.tabs.setCurrentWidget(editor.actions_tab)
    view = editor.actions_view
    qtbot.waitUntil(lambda: view.isVisible() and view.model().rowCount() == 4, timeout=2000)
    # THEN all four rows are in view at once, nothing to scroll to (below the minutes' notes there was room for one)
    last = view.visualRect(view.model().index(3, 0))
    assert last.isValid() and last.bottom() <= view.viewport().height()
    assert view.verticalScrollBar().maximum() == 0
    # and the minutes keep their notes and decisions, each with room for several lines
    editor.tabs.setCurrentWidget(editor.minutes_tab)
    qtbot.waitUntil(editor.notes.isVisible, timeout=2000)
    line = editor.notes.fontMetrics().lineSpacing()
    assert editor.notes.viewport().height() >= 6 * line and editor.decisions.viewport().height() >= 3 * line


def _agenda_at_1280_by_720(qtbot, store, family: str) -> tuple[MeetingsPage, MeetingEditor]:
    """A rondetafel about ``family`` in three days, its agenda open on the page at 1280×720."""
    meeting = create_meeting(store, data=MeetingInput(title="Rondetafel", meeting_type="rondetafel",
                                                      starts_at=now_local() + dt.timedelta(days=3),
                                                      family_ids=(family,)))
    page = _page(qtbot, store, size=(1280 - 218, 620))  # the page beside sidebar and toolbar
    page.select(meeting)
    editor = page.editor
    editor.tabs.setCurrentWidget(editor.agenda_tab)
    qtbot.waitUntil(lambda: editor.agenda.isVisible() and editor.agenda.count() >= 12, timeout=2000)
    return page, editor


def test_the_agenda_shows_six_items_at_1280_by_720_beside_the_open_points_of_the_last_meeting(qtbot, store):
    # GIVEN a rondetafel about a family (its standard agenda: twelve items) whose previous rondetafel left two open
    # action points
    family = make_family(store, display_name="Gezin El Amrani")
    earlier = create_meeting(store, data=MeetingInput(title="Rondetafel Ilyas", meeting_type="rondetafel",
                                                      starts_at=now_local() - dt.timedelta(days=40),
                                                      family_ids=(family,)))
    for what in ("Busabonnement aanvragen", "Lesrooster opmaken"):
        add_action(store, meeting_id=earlier, action=ActionInput(what=what, owner="Tine Claes",
                                                                 due=today_local() - dt.timedelta(days=5)))
    # WHEN the agenda of the next one is opened
    page, editor = _agenda_at_1280_by_720(qtbot, store, family)
    agenda, previous = editor.agenda, editor.previous_view
    assert previous.model().rowCount() == 2
    # THEN six items are in view at once (three and a half were, above a table of fixed height) ...
    sixth = agenda.visualItemRect(agenda.item(5))
    assert sixth.isValid() and sixth.bottom() <= agenda.viewport().height()
    # ... and the first open action point of the last meeting still shows, with its header
    first = previous.visualRect(previous.model().index(0, 0))
    assert first.isValid() and first.bottom() <= previous.viewport().height()
    assert previous.horizontalHeader().isVisible()
    # and Tab reads the tab as a person does: the list, the buttons beside it, down to "Mark as done" on the title
    # row of the table, then the table ("+ How is our collaboration going?" is off: the rondetafel has that item)
    walk = tab_walk(page, agenda)
    assert walk.problems == [], walk.order()
    reached = [widget for widget in walk.cycle if editor.agenda_tab.isAncestorOf(widget)]
    names = [getattr(widget, "text", lambda: "")() or widget.accessibleName() for widget in reached]
    assert names == ["Agendapunten", "Omhoog", "Omlaag", "Punt verwijderen",
                     "Ook op de versie voor de school (nodig om te weten)", "Nieuw agendapunt", "Toevoegen",
                     "Gedaan", "Open actiepunten van vorige overleggen"], names  # (the collaboration item is on)


def test_a_first_meeting_gives_its_agenda_the_room_and_says_nothing_is_left_open(qtbot, store):
    # GIVEN a first rondetafel about a family: no earlier meeting, so no open action points
    family = make_family(store, display_name="Gezin Peeters")
    # WHEN its agenda is opened
    _page_at_1280, editor = _agenda_at_1280_by_720(qtbot, store, family)
    agenda = editor.agenda
    # THEN a line says nothing is left open, instead of an empty table with a button for nothing
    assert editor.no_previous.isVisible() and editor.no_previous.text() == (
        "Geen open actiepunten van eerdere overleggen over deze casus.")
    assert not editor.previous_view.isVisible() and not editor.previous_done.isVisible()
    # and the agenda gets the room: ten items in view at once
    tenth = agenda.visualItemRect(agenda.item(9))
    assert tenth.isValid() and tenth.bottom() <= agenda.viewport().height()


def test_a_notebook_without_meetings_shows_the_first_step_and_it_plans_one(qtbot, store):
    # GIVEN a notebook without any meeting or teacher day
    page = _page(qtbot, store)
    # THEN the page does not ask to choose a meeting on the left (there is none) but offers to plan the first
    assert page.right.currentWidget() is page.none_yet and page.none_yet.isVisible()
    assert page.none_yet.accessibleName() == "Nog geen overleg gepland" and clipped_texts(page) == []
    # and below, a line instead of an empty box of teacher days
    assert page.no_events.isVisible() and not page.events_list.isVisible()
    [plan] = [b for b in page.none_yet.findChildren(QPushButton) if b.text() == "Nieuw overleg …"]
    # WHEN its button opens the new meeting and Escape cancels, THEN nothing is planned and the first step stays
    drive_modal(qtbot, plan.click, lambda dialog: qtbot.keyClick(dialog, Qt.Key.Key_Escape))
    assert list_meetings(store) == [] and page.right.currentWidget() is page.none_yet

    # WHEN it is opened again, a title typed and Enter pressed
    def titled(dialog: QDialog) -> None:
        qtbot.keyClicks(dialog.title, "Zorgoverleg tweede leerjaar")
        qtbot.keyClick(dialog.title, Qt.Key.Key_Return)

    drive_modal(qtbot, plan.click, titled)
    # THEN the meeting is stored and opened, and once nothing is chosen the page asks to choose one
    [meeting] = list_meetings(store)
    assert meeting.title == "Zorgoverleg tweede leerjaar"
    assert page.right.currentWidget() is page.editor and page.editor.heading.text() == meeting.title
    page.right.setCurrentWidget(page.empty)
    page.refresh()
    assert page.right.currentWidget() is page.empty

"""The overleg main path in the GUI: prepare, print and minute a meeting."""

from __future__ import annotations

from pypdf import PdfReader
from PySide6.QtCore import QDateTime, Qt

from brugapp.domain.clock import today_local
from brugapp.services.meetings.meetings import ParticipantInput, get_meeting, list_meetings
from brugapp.ui.meetings.dialogs import NewMeetingDialog
from brugapp.ui.meetings.editor import MeetingEditor
from tests.factories import make_family, make_school


def test_prepare_print_and_minute_a_meeting(qtbot, store, tmp_path):
    make_school(store, name="Technisch Atheneum De Brug")
    make_family(store, display_name="Gezin El Amrani", interpreter_needed=True, preferred_language="ar")
    # GIVEN the plan-a-meeting dialog
    dialog = NewMeetingDialog(store)
    qtbot.addWidget(dialog)
    # WHEN a rondetafel is planned with the keyboard
    qtbot.keyClicks(dialog.title, "Rondetafel Ilyas")
    dialog.type.setCurrentIndex(dialog.type.findData("rondetafel"))
    dialog.starts.setDateTime(QDateTime.currentDateTime().addDays(3))
    qtbot.keyClicks(dialog.family, "amrani")  # part of the name is enough
    dialog.school.setCurrentIndex(1)
    dialog.new_series.setChecked(True)
    dialog.save()
    assert dialog.meeting_id, dialog.error.text()
    # THEN it is stored with the rondetafel agenda, and the editor warns about the interpreter
    editor = MeetingEditor(store)
    qtbot.addWidget(editor)
    editor.resize(1100, 700)
    editor.load(dialog.meeting_id)
    assert editor.heading.text() == "Rondetafel Ilyas"
    assert not editor.warnings.isHidden() and "tolk" in editor.warnings.text()
    # WHEN a participant is added and the first agenda item is moved down by keyboard
    editor.add_participant(ParticipantInput(kind="service", name="Bram Peeters", role="naft_coach",
                                            organisation="NAFT Roeselare", is_regiehouder=True))
    assert editor.participants_model.rowCount() == 1
    first = editor.detail.items[0].id
    editor.tabs.setCurrentIndex(2)
    editor.agenda.setCurrentRow(0)
    editor.agenda.setFocus()
    qtbot.keyClick(editor.agenda, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert get_meeting(store, meeting_id=dialog.meeting_id).items[1].id == first
    assert editor.agenda.currentRow() == 1
    # WHEN the agenda is printed for the own team
    with qtbot.waitSignal(editor.print_sheet("agenda", "internal", path=tmp_path / "agenda.pdf").done):
        pass
    # THEN the PDF exists (written on a worker thread) and carries the title
    out = editor.last_output
    assert out is not None and out.exists()
    assert "Rondetafel Ilyas" in PdfReader(out).pages[0].extract_text()
    # WHEN the school version is asked without consent THEN the editor says why, nothing is written
    with qtbot.waitSignal(editor.print_sheet("agenda", "school", path=tmp_path / "school.pdf").failed):
        pass
    assert "toestemming" in editor.message.text() and not (tmp_path / "school.pdf").exists()
    # WHEN an action point is minuted
    editor.tabs.setCurrentWidget(editor.actions_tab)
    qtbot.keyClicks(editor.action_what, "Lesrooster opmaken")
    editor.action_owner.setEditText("Tine Claes")
    editor.action_due.setDate(editor.action_due.date().addDays(7))
    editor.add_action()
    # THEN it is stored, with its owner, and shows in the table
    stored = get_meeting(store, meeting_id=dialog.meeting_id).actions
    assert [(a.what, a.owner) for a in stored] == [("Lesrooster opmaken", "Tine Claes")]
    assert stored[0].due > today_local()
    assert editor.actions_model.rowCount() == 1
    assert list_meetings(store)[0].open_actions == 1

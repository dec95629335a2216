"""Removing a participant or an agenda item is asked first; cancelling keeps it."""

from __future__ import annotations

from PySide6.QtCore import QDateTime

from brugapp.services.meetings.meetings import ParticipantInput, get_meeting
from brugapp.ui.meetings import editor as editor_module
from brugapp.ui.meetings.dialogs import NewMeetingDialog
from brugapp.ui.meetings.editor import MeetingEditor
from tests.factories import make_family


def _editor_with_meeting(qtbot, store) -> MeetingEditor:
    make_family(store, display_name="Gezin Demir")
    dialog = NewMeetingDialog(store)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.title, "Zorgoverleg Demir")
    dialog.type.setCurrentIndex(dialog.type.findData("zorgoverleg"))
    dialog.starts.setDateTime(QDateTime.currentDateTime().addDays(2))
    dialog.save()
    editor = MeetingEditor(store)
    qtbot.addWidget(editor)
    editor.load(dialog.meeting_id)
    editor.add_participant(ParticipantInput(kind="service", name="Bram Peeters", role="naft_coach",
                                            organisation="NAFT Roeselare"))
    assert editor.participants_model.rowCount() == 1
    return editor


def test_agenda_item_is_only_removed_after_confirmation(qtbot, store, monkeypatch) -> None:
    editor = _editor_with_meeting(qtbot, store)
    meeting_id = editor.detail.id
    before = [i.title for i in get_meeting(store, meeting_id=meeting_id).items]
    editor.agenda.setCurrentRow(0)
    asked: list[str] = []

    def answer(value: bool):
        return lambda parent, *, title, question: asked.append(question) or value

    monkeypatch.setattr(editor_module, "confirm_removal", answer(False))
    editor.remove_item()
    assert [i.title for i in get_meeting(store, meeting_id=meeting_id).items] == before
    assert before[0] in asked[0]
    monkeypatch.setattr(editor_module, "confirm_removal", answer(True))
    editor.agenda.setCurrentRow(0)
    editor.remove_item()
    assert [i.title for i in get_meeting(store, meeting_id=meeting_id).items] == before[1:]


def test_participant_is_only_removed_after_confirmation(qtbot, store, monkeypatch) -> None:
    editor = _editor_with_meeting(qtbot, store)
    meeting_id = editor.detail.id
    person = get_meeting(store, meeting_id=meeting_id).participants[0]
    monkeypatch.setattr(editor_module, "confirm_removal", lambda parent, *, title, question: False)
    monkeypatch.setattr(editor, "_selected_participant", lambda: person)
    editor.remove_participant()
    assert len(get_meeting(store, meeting_id=meeting_id).participants) == 1
    monkeypatch.setattr(editor_module, "confirm_removal", lambda parent, *, title, question: True)
    editor.remove_participant()
    assert not get_meeting(store, meeting_id=meeting_id).participants

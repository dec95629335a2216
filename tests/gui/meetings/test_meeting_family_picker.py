"""A meeting's family is found by typing part of its name, as in the quick log: a busy programme has 10,000
families whose names all begin with "Gezin", which no list can be scrolled through (and which made the dialogs
wait: 0.13 s for a new meeting, 0.23 s for a participant, ``brugapp bench``)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from brugapp.services.families.families import MemberInput, add_member
from brugapp.services.meetings.meetings import get_meeting, list_meetings
from brugapp.ui.meetings.dialogs import NewMeetingDialog, ParticipantDialog
from tests.factories import make_family
from tests.gui.conftest import show_active


def _new_meeting(qtbot, store) -> NewMeetingDialog:
    dialog = NewMeetingDialog(store)
    qtbot.addWidget(dialog)
    show_active(qtbot, dialog)
    return dialog


def test_a_meeting_is_planned_about_a_family_typed_in_part_and_a_text_fitting_two_is_refused(qtbot, store):
    make_family(store, display_name="Gezin Peeters")
    make_family(store, display_name="Gezin Peeters-Aerts")
    wanted = make_family(store, display_name="Gezin Özdemir")
    # WHEN the family typed fits two families
    dialog = _new_meeting(qtbot, store)
    qtbot.keyClicks(dialog.title, "Rondetafel")
    dialog.family.setFocus()
    qtbot.keyClicks(dialog.family, "peeters")
    qtbot.keyClick(dialog.title, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    # THEN nothing is stored, the message says why and the two are offered to choose from
    assert not dialog.meeting_id and list_meetings(store) == []
    assert "2 gezinnen" in dialog.error.text() and "peeters" in dialog.error.text()
    assert dialog.family.completer().popup().isVisible()
    assert dialog.family.completer().model().stringList() == ["Gezin Peeters", "Gezin Peeters-Aerts"]
    dialog.reject()
    # WHEN the dialog is opened again, twice, and the family typed without its accent
    planned = []
    for turn in range(2):
        dialog = _new_meeting(qtbot, store)
        qtbot.keyClicks(dialog.title, f"Rondetafel {turn}")
        dialog.family.setFocus()
        qtbot.keyClicks(dialog.family, "ozdem")
        qtbot.keyClick(dialog.title, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        assert dialog.meeting_id, dialog.error.text()
        planned.append(dialog.meeting_id)
    # THEN both meetings are about the Özdemir family
    for meeting_id in planned:
        assert [f.id for f in get_meeting(store, meeting_id=meeting_id).families] == [wanted]


def test_a_network_meeting_leaves_the_family_empty(qtbot, store):
    make_family(store, display_name="Gezin Peeters")
    dialog = _new_meeting(qtbot, store)
    qtbot.keyClicks(dialog.title, "Netwerkoverleg Kortrijk")
    qtbot.keyClick(dialog.title, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.meeting_id, dialog.error.text()
    assert get_meeting(store, meeting_id=dialog.meeting_id).families == ()


def test_a_participant_of_another_family_is_found_by_typing_and_the_members_follow_the_text(qtbot, store):
    first = make_family(store, display_name="Gezin El Amrani")
    other = make_family(store, display_name="Gezin Aydın")
    add_member(store, family_id=first, member=MemberInput(role="child", first_name="Ilyas", last_name="El Amrani"))
    add_member(store, family_id=other, member=MemberInput(role="parent", first_name="Elif", last_name="Aydın"))
    dialog = ParticipantDialog(store, family_ids=(first,))
    qtbot.addWidget(dialog)
    assert dialog.member.itemText(1) == "Ilyas El Amrani"
    dialog.family.clear()  # nothing fits: no members to choose from
    assert not dialog.member.isEnabled()
    qtbot.keyClicks(dialog.family, "aydin")  # without the dotless ı
    assert [dialog.member.itemText(i) for i in range(1, dialog.member.count())] == ["Elif Aydın"]
    dialog.member.setCurrentIndex(1)
    assert (dialog.participant().name, dialog.participant().family_id) == ("Elif Aydın", other)

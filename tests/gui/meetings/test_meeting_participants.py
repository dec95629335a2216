"""The participant dialog of an overleg: youth and parents come from the meeting's family."""

from __future__ import annotations

import datetime as dt

from brugapp.services.families.families import MemberInput, add_member
from brugapp.services.meetings.meetings import MeetingInput, add_participant, create_meeting, get_meeting
from brugapp.ui.meetings.dialogs import ParticipantDialog
from tests.factories import make_family


def test_participant_dialog_picks_the_youth_and_a_parent_from_the_meetings_family(qtbot, store):
    # GIVEN a rondetafel about the El Amrani family: Ilyas (15) and his mother, and another family
    make_family(store, display_name="Gezin Aydın")
    family = make_family(store, display_name="Gezin El Amrani")
    add_member(store, family_id=family, member=MemberInput(role="child", first_name="Ilyas", last_name="El Amrani",
                                                           birth_year=2011))
    add_member(store, family_id=family, member=MemberInput(role="parent", first_name="Samira",
                                                           last_name="El Amrani", email="samira@example.be"))
    meeting = create_meeting(store, data=MeetingInput(
        title="Rondetafel Ilyas", meeting_type="rondetafel",
        starts_at=dt.datetime.now().astimezone() + dt.timedelta(days=3), family_ids=(family,)))
    # WHEN the dialog opens for that meeting, the family is chosen already and lists its members
    dialog = ParticipantDialog(store, family_ids=(family,))
    qtbot.addWidget(dialog)
    assert (dialog.family.text(), dialog.family.family_id()) == ("Gezin El Amrani", family)
    assert [dialog.member.itemText(i) for i in range(1, dialog.member.count())] == ["Ilyas El Amrani",
                                                                                  "Samira El Amrani"]
    # WHEN the mother is chosen
    dialog.member.setCurrentIndex(2)
    chosen = dialog.participant()
    # THEN she joins as a parent of that family, with her e-mail
    assert (chosen.name, chosen.kind, chosen.role, chosen.family_id, chosen.email) == (
        "Samira El Amrani", "family", "parent", family, "samira@example.be")
    # and choosing the youth makes a youth participant; a social map person clears the member
    dialog.member.setCurrentIndex(1)
    youth = dialog.participant()
    assert (youth.kind, youth.role) == ("youth", "youth")
    add_participant(store, meeting_id=meeting, participant=youth)
    (stored,) = get_meeting(store, meeting_id=meeting).participants
    assert (stored.name, stored.kind, stored.family_id) == ("Ilyas El Amrani", "youth", family)


def test_participant_dialog_without_a_family_offers_none_until_one_is_chosen(qtbot, store):
    family = make_family(store, display_name="Gezin Peeters")
    add_member(store, family_id=family, member=MemberInput(role="guardian", first_name="Marc", last_name="Peeters"))
    dialog = ParticipantDialog(store)
    qtbot.addWidget(dialog)
    assert dialog.family.family_id() == "" and not dialog.member.isEnabled()
    qtbot.keyClicks(dialog.family, "peet")  # the family found by part of its name: its members are offered
    assert dialog.member.isEnabled()
    dialog.member.setCurrentIndex(1)
    assert (dialog.participant().role, dialog.participant().family_id) == ("guardian", family)
    qtbot.keyClicks(dialog.name, "x")  # typing stays possible
    assert dialog.name.text() == "Marc Peetersx"

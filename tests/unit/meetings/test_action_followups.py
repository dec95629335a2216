"""An action point and the follow-up it made stay in step: closing the action closes the follow-up.

Found by the scenario 9 journey: an action point marked done in the minutes (or with "Gedaan") kept its
follow-up open, so Vandaag and Opvolging went on listing it as overdue.
"""

from __future__ import annotations

import datetime as dt

import pytest

from brugapp.domain.clock import at_local, today_local
from brugapp.services.meetings.meetings import MeetingInput, create_meeting, get_meeting
from brugapp.services.meetings.minutes import ActionInput, MinutesInput, record_minutes, set_action_status
from brugapp.services.referrals.followups import list_followups

TODAY = today_local()


@pytest.fixture
def action(store) -> tuple[str, str]:
    meeting = create_meeting(store, data=MeetingInput(
        title="Lokaal Netwerk Kinderarmoede", meeting_type="netwerkoverleg", starts_at=at_local(TODAY, dt.time(9))))
    [action_id] = record_minutes(store, meeting_id=meeting, minutes=MinutesInput(new_actions=[
        ActionInput("Signaal huisjesmelkers bundelen", "Lien Debaere", TODAY + dt.timedelta(days=10))]))
    return meeting, action_id


def _open_titles(store) -> list[str]:
    return [f.title for f in list_followups(store)]


def test_an_action_done_in_the_minutes_closes_its_followup(store, action):
    meeting, action_id = action
    assert _open_titles(store) == ["Signaal huisjesmelkers bundelen"]
    # WHEN a later meeting's minutes mark it done
    later = create_meeting(store, data=MeetingInput(
        title="Lokaal Netwerk Kinderarmoede", meeting_type="netwerkoverleg",
        starts_at=at_local(TODAY + dt.timedelta(days=1), dt.time(9))))
    record_minutes(store, meeting_id=later, minutes=MinutesInput(done_actions=[action_id]))
    # THEN its follow-up is done too, on the same day
    assert _open_titles(store) == []
    [done] = list_followups(store, status="done")
    assert done.id == get_meeting(store, meeting_id=meeting).actions[0].followup_id


@pytest.mark.parametrize(("status", "followup_status"), [("done", "done"), ("dropped", "not_needed")])
def test_marking_an_action_done_or_dropped_closes_its_followup_and_reopening_reopens_it(
        store, action, status, followup_status):
    _meeting, action_id = action
    set_action_status(store, action_id=action_id, status=status)
    assert _open_titles(store) == []
    assert [f.title for f in list_followups(store, status=followup_status)] == ["Signaal huisjesmelkers bundelen"]
    set_action_status(store, action_id=action_id, status="open")
    assert _open_titles(store) == ["Signaal huisjesmelkers bundelen"]

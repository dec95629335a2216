"""The one time rule (architecture.md): a meeting at 14:00 in Kortrijk reads 14:00 on every sheet and
invitation, on a computer set to UTC or to Tokyo time alike."""

from __future__ import annotations

import datetime as dt

import pytest
from icalendar import Calendar

from brugapp.domain.clock import BRUSSELS, day_bounds, from_local, local_date, to_local, today_local
from brugapp.services.agenda import export_invitation, print_agenda
from brugapp.services.meetings import MeetingInput, ParticipantInput, create_meeting, get_meeting
from brugapp.services.minutes import print_minutes
from tests.factories import make_school
from tests.unit.printing.helpers import computer_zone, pdf_text

ZONES = ["UTC", "Asia/Tokyo"]


def test_clock_converts_through_brussels_only():
    with computer_zone("Asia/Tokyo"):
        winter = from_local(dt.datetime(2026, 12, 10, 14, 0))
        summer = from_local(dt.datetime(2026, 6, 10, 14, 0))
        assert winter == dt.datetime(2026, 12, 10, 13, 0, tzinfo=dt.UTC)
        assert summer == dt.datetime(2026, 6, 10, 12, 0, tzinfo=dt.UTC)
        assert to_local(winter).hour == 14 and to_local(winter).tzinfo == BRUSSELS
        # 23:30 UTC on 31 August is already 1 September in Brussels
        assert local_date(dt.datetime(2026, 8, 31, 23, 30, tzinfo=dt.UTC)) == dt.date(2026, 9, 1)
        start, end = day_bounds(dt.date(2026, 12, 10))
        assert start == dt.datetime(2026, 12, 9, 23, 0, tzinfo=dt.UTC) and end - start == dt.timedelta(hours=24)


@pytest.mark.parametrize("zone", ZONES)
def test_agenda_minutes_and_invitation_show_brussels_time(store, tmp_path, zone):
    # GIVEN a meeting at 14:00 Brussels time, planned on an ordinary computer
    day = today_local() + dt.timedelta(days=10)
    school = make_school(store)
    meeting = create_meeting(store, data=MeetingInput(
        title="Zorgoverleg 3de leerjaar", meeting_type="zorgoverleg", starts_at=from_local(
            dt.datetime.combine(day, dt.time(14, 0))), duration_minutes=90, place_kind="school", school_id=school,
    ), participants=[ParticipantInput(kind="school", name="Griet Vanneste", role="care_coordinator",
                                      school_id=school, email="griet@vlieger.example.be", is_regiehouder=True)])
    # WHEN it is printed and exported on a computer whose clock is set to another zone
    with computer_zone(zone):
        agenda = pdf_text(print_agenda(store, meeting_id=meeting, audience="internal", path=tmp_path / "a.pdf"))
        minutes = pdf_text(print_minutes(store, meeting_id=meeting, audience="internal", path=tmp_path / "m.pdf"))
        ics = export_invitation(store, meeting_id=meeting, path=tmp_path / "i.ics")
        stored = get_meeting(store, meeting_id=meeting)
    # THEN every one of them says 14:00–15:30 Brussels time
    for text in (agenda, minutes):
        assert "14:00–15:30" in text, text
        assert "13:00" not in text and "22:00" not in text
    event = next(iter(Calendar.from_ical(ics.read_bytes()).walk("VEVENT")))
    assert event.decoded("dtstart").astimezone(BRUSSELS).replace(tzinfo=None) == dt.datetime.combine(
        day, dt.time(14, 0))
    assert local_date(stored.starts_at) == day

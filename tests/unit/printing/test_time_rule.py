"""The one time rule (architecture.md): a meeting at 14:00 in Kortrijk reads 14:00 on every sheet and
invitation, on a computer set to UTC or to Tokyo time alike."""

from __future__ import annotations

import datetime as dt

import pytest
from icalendar import Calendar

from brugapp.domain.clock import BRUSSELS, day_bounds, from_local, local_date, to_local, today_local
from brugapp.services.meetings.agenda import export_invitation, print_agenda
from brugapp.services.meetings.meetings import MeetingInput, ParticipantInput, create_meeting, get_meeting
from brugapp.services.meetings.minutes import print_minutes
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


@pytest.mark.parametrize("zone", ZONES)
def test_referral_sheet_and_calendar_show_the_appointment_in_brussels_time(store, tmp_path, zone):
    from brugapp.domain.consent import Purpose, RecipientKind
    from brugapp.domain.referrals import Intensity
    from brugapp.services.referrals.calendar_export import export_ical
    from brugapp.services.referrals.consent import record_consent
    from brugapp.services.referrals.referrals import create_referral, print_referral_sheet
    from tests.factories import make_family
    from tests.unit.referrals.test_referral_scenarios import kaart_service

    # GIVEN an appointment at the OCMW on 10 December at 10:00, Brussels time
    day = dt.date(2026, 12, 10)
    family = make_family(store, display_name="Gezin Peeters")
    ocmw = kaart_service(store, "Sociale dienst", "OCMW Kortrijk", backup="")
    referral = create_referral(store, family_id=family, service_id=ocmw.id, contact_id=ocmw.contact_id,
                               intensity=Intensity.APPOINTMENT_MADE, referred_on=day - dt.timedelta(days=3),
                               appointment_at=from_local(dt.datetime.combine(day, dt.time(10, 0))))
    record_consent(store, family_id=family, recipient_kind=RecipientKind.ORGANIZATION,
                   recipient_id=ocmw.organization_id, purposes=[Purpose.REFER], given_by="parent", method="oral",
                   given_on=day - dt.timedelta(days=3))
    # WHEN the sheet and the calendar are made on a computer in another zone
    with computer_zone(zone):
        sheet = print_referral_sheet(store, referral_id=referral, recipient_id=ocmw.contact_id,
                                     out=tmp_path / "fiche.pdf", on=day - dt.timedelta(days=2)).path
        calendar = export_ical(store, out=tmp_path / "agenda.ics", today=day - dt.timedelta(days=2)).path
    # THEN both say 10:00 in Brussels
    assert "donderdag 10 december 2026 om 10:00" in " ".join(pdf_text(sheet).split())
    # (the follow-up of the referral comes as an all-day event too: the appointment is the timed one)
    event = next(e for e in Calendar.from_ical(calendar.read_bytes()).walk("VEVENT")
                 if isinstance(e.decoded("dtstart"), dt.datetime))
    start = event.decoded("dtstart")
    assert start.astimezone(BRUSSELS).replace(tzinfo=None) == dt.datetime.combine(day, dt.time(10, 0))

"""Invitation .ics read back with icalendar; CLI print/export/list; validation leaves nothing half-saved."""

from __future__ import annotations

import datetime as dt

import pytest
from icalendar import Calendar
from pypdf import PdfReader

from brugapp.cli import main
from brugapp.domain.clock import today_local
from brugapp.errors import ValidationError
from brugapp.services.families.timeline import family_timeline
from brugapp.services.meetings.meetings import MeetingInput, ParticipantInput, create_meeting, list_meetings
from brugapp.services.meetings.minutes import ActionInput, MinutesInput, record_minutes
from brugapp.services.search import search_everything
from tests.factories import make_family, make_school

START = dt.datetime.combine(today_local() + dt.timedelta(days=5), dt.time(10, 0)).astimezone()


def _meeting(store, **overrides):
    family = make_family(store, display_name="Gezin Kowalski")
    school = make_school(store)
    data = dict(title="Opstartcirkel Kowalski", meeting_type="opstartcirkel", starts_at=START, school_id=school,
                family_ids=(family,), place_kind="school")
    data.update(overrides)
    meeting = create_meeting(store, data=MeetingInput(**data), participants=[
        ParticipantInput(kind="school", name="Griet Vanneste", role="care_coordinator",
                         email="zorg@vlieger.example.be", school_id=school, is_regiehouder=True),
        ParticipantInput(kind="service", name="Eline Maes", role="clb", email="eline@clb.example.be"),
    ])
    return meeting, family


def test_invitation_ics_parsed_back_with_attendees(store, tmp_path):
    from brugapp.services.meetings.agenda import export_invitation

    meeting, _family = _meeting(store)
    path = export_invitation(store, meeting_id=meeting, path=tmp_path / "uitnodiging.ics")
    calendar = Calendar.from_ical(path.read_bytes())
    event = next(iter(calendar.walk("VEVENT")))
    assert event.decoded("dtstart") == START.astimezone(dt.UTC)
    attendees = [str(a) for a in (event.get("attendee") if isinstance(event.get("attendee"), list)
                                  else [event.get("attendee")])]
    assert "mailto:zorg@vlieger.example.be" in attendees and "mailto:eline@clb.example.be" in attendees
    # no consent for the network: the family is not named in what leaves the app
    assert "Kowalski" not in path.read_text(encoding="utf-8")


def test_cli_print_agenda_minutes_and_list(store, tmp_path, capsys):
    meeting, _family = _meeting(store)
    db = str(store.path)
    assert main(["print", "agenda", meeting, str(tmp_path / "a.pdf"), "--db", db]) == 0
    assert "Agenda" in PdfReader(tmp_path / "a.pdf").pages[0].extract_text()
    assert main(["print", "minutes", meeting, str(tmp_path / "m.pdf"), "--audience", "network", "--db", db]) == 0
    assert main(["print", "agenda", meeting, str(tmp_path / "s.pdf"), "--audience", "school", "--db", db]) == 2
    assert "toestemming" in capsys.readouterr().err
    assert not (tmp_path / "s.pdf").exists()
    assert main(["export", "invitation", meeting, str(tmp_path / "i.ics"), "--db", db]) == 0
    assert main(["list", "meetings", "--db", db]) == 0
    assert "Opstartcirkel Kowalski" in capsys.readouterr().out


def test_bad_input_names_the_field_and_saves_nothing(store):
    with pytest.raises(ValidationError) as error:
        create_meeting(store, data=MeetingInput(title="Zorgoverleg", meeting_type="zorgoverleg", starts_at=START),
                       participants=[ParticipantInput(kind="school", name="")])
    assert error.value.field == "name"
    assert list_meetings(store) == []
    meeting, _family = _meeting(store)
    with pytest.raises(ValidationError) as error:
        record_minutes(store, meeting_id=meeting, minutes=MinutesInput(new_actions=[
            ActionInput("Klasraad voorbereiden", "Griet", START.date() + dt.timedelta(days=7)),
            ActionInput("Zonder eigenaar", "", START.date() + dt.timedelta(days=7))]))
    assert error.value.field == "owner"
    assert list_meetings(store)[0].open_actions == 0


def test_meeting_in_search_and_family_timeline(store):
    meeting, family = _meeting(store)
    assert any(hit.kind == "meeting" and hit.id == meeting for hit in search_everything(store, text="opstartcirkel"))
    entries = family_timeline(store, family_id=family)
    assert [e.id for e in entries if e.kind == "meeting"] == [meeting]

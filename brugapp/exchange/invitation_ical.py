"""Meeting invitations as iCalendar (RFC 5545): one VEVENT with an ATTENDEE per invited participant.

Only what an invitation needs travels: the title (already filtered for the audience), time, place and
the participants' names and e-mail addresses. No notes, no agenda content.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from icalendar import Calendar, Event, vCalAddress, vText

from brugapp import __version__


@dataclass(frozen=True)
class Invitee:
    name: str
    email: str
    role: str  # translated role, shown in the calendar
    chair: bool = False


@dataclass(frozen=True)
class Invitation:
    uid: str
    title: str
    starts_at: dt.datetime  # aware
    duration_minutes: int
    location: str
    description: str
    organizer: str
    invitees: tuple[Invitee, ...]
    sequence: int = 0


def invitation_calendar(invitation: Invitation) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", f"-//BrugApp {__version__}//overleg//NL")
    calendar.add("version", "2.0")
    calendar.add("method", "REQUEST")
    event = Event()
    event.add("uid", f"{invitation.uid}@brugapp.invalid")
    event.add("dtstamp", dt.datetime.now(dt.UTC))
    start = invitation.starts_at.astimezone(dt.UTC)
    event.add("dtstart", start)
    event.add("dtend", start + dt.timedelta(minutes=invitation.duration_minutes))
    event.add("summary", invitation.title)
    event.add("sequence", invitation.sequence)
    if invitation.location:
        event.add("location", invitation.location)
    if invitation.description:
        event.add("description", invitation.description)
    if invitation.organizer:
        organizer = vCalAddress("mailto:noreply@brugapp.invalid")
        organizer.params["cn"] = vText(invitation.organizer)
        event["organizer"] = organizer
    for invitee in invitation.invitees:
        # A participant without e-mail still appears (by name), so the list of who is invited is complete.
        address = vCalAddress(f"mailto:{invitee.email}" if invitee.email else "mailto:unknown@brugapp.invalid")
        address.params["cn"] = vText(invitee.name)
        address.params["role"] = vText("CHAIR" if invitee.chair else "REQ-PARTICIPANT")
        address.params["partstat"] = vText("NEEDS-ACTION")
        address.params["rsvp"] = vText("TRUE" if invitee.email else "FALSE")
        if invitee.role:
            address.params["x-brugapp-role"] = vText(invitee.role)
        event.add("attendee", address, encode=False)
    calendar.add_component(event)
    return calendar


def write_invitation(path: Path, invitation: Invitation) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(invitation_calendar(invitation).to_ical())
    return path

"""Meeting invitations as iCalendar (RFC 5545): one VEVENT with an ATTENDEE per invited participant.

Only what an invitation needs travels: the title (already filtered for the audience), time, place and
the participants' names and e-mail addresses. No notes, no agenda content.

Replies go to the brugfiguur's own address ("Mijn gegevens"): with it the file is a request (METHOD
REQUEST, ORGANIZER, RSVP); without it nobody can answer, so it is published as a plain appointment without
asking for replies. A participant without e-mail is named in the description, not given a made-up address
(calendars merge attendees that share an address into one).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from icalendar import Calendar, Event, vCalAddress, vText

from brugapp import __version__
from brugapp.i18n import _


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
    organizer_email: str = ""  # the brugfiguur's own address, from the settings


def _attendee(invitee: Invitee, *, ask_reply: bool) -> vCalAddress:
    address = vCalAddress(f"mailto:{invitee.email}")
    address.params["cn"] = vText(invitee.name)
    address.params["role"] = vText("CHAIR" if invitee.chair else "REQ-PARTICIPANT")
    if ask_reply:
        address.params["partstat"] = vText("NEEDS-ACTION")
        address.params["rsvp"] = vText("TRUE")
    if invitee.role:
        address.params["x-brugapp-role"] = vText(invitee.role)
    return address


def _description(invitation: Invitation, without_email: list[Invitee]) -> str:
    lines = [invitation.description] if invitation.description else []
    if invitation.organizer and not invitation.organizer_email:
        lines.append(_("Organised by {name}").format(name=invitation.organizer))
    if without_email:
        names = ", ".join(f"{i.name} ({i.role})" if i.role else i.name for i in without_email)
        lines.append(_("Also invited (no e-mail address): {names}").format(names=names))
    return "\n".join(lines)


def invitation_calendar(invitation: Invitation) -> Calendar:
    ask_reply = bool(invitation.organizer_email)
    calendar = Calendar()
    calendar.add("prodid", f"-//BrugApp {__version__}//overleg//NL")
    calendar.add("version", "2.0")
    calendar.add("method", "REQUEST" if ask_reply else "PUBLISH")
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
    without_email = [i for i in invitation.invitees if not i.email]
    description = _description(invitation, without_email)
    if description:
        event.add("description", description)
    if ask_reply:
        organizer = vCalAddress(f"mailto:{invitation.organizer_email}")
        if invitation.organizer:
            organizer.params["cn"] = vText(invitation.organizer)
        event["organizer"] = organizer
    seen: set[str] = set()
    for invitee in invitation.invitees:
        if invitee.email and invitee.email.lower() not in seen:
            seen.add(invitee.email.lower())
            event.add("attendee", _attendee(invitee, ask_reply=ask_reply), encode=False)
    calendar.add_component(event)
    return calendar


def write_invitation(path: Path, invitation: Invitation) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(invitation_calendar(invitation).to_ical())
    return path

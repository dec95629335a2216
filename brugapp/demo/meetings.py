"""Demo loader for overleg and events: a network series, case meetings with open actions, a leerkrachtendag."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy.orm import Session

from brugapp.demo.context import DemoContext
from brugapp.domain import meetings as rules
from brugapp.i18n import _
from brugapp.services.meetings.links import create_followup
from brugapp.services.meetings.meetings import reindex
from brugapp.store.models.meetings import (
    Event,
    EventRegistration,
    EventSession,
    Meeting,
    MeetingAction,
    MeetingFamily,
    MeetingItem,
    MeetingParticipant,
    MeetingSeries,
)


def _time(text: str) -> dt.time:
    hour, minute = text.split(":")
    return dt.time(int(hour), int(minute))


def _weekday_offset(demo: DemoContext, offset: int) -> int:
    """Meetings happen on weekdays, whatever day the demo is made on."""
    while demo.day(offset).weekday() >= 5:
        offset += 1
    return offset


def _participant(row: dict[str, Any], position: int, demo: DemoContext) -> MeetingParticipant:
    return MeetingParticipant(
        position=position, kind=row["kind"], name=row["name"], role=row.get("role", "other"),
        organisation=row.get("organisation", ""), email=row.get("email", ""),
        attendance=row.get("attendance", "invited"), is_regiehouder=row.get("regie", False),
        invite_channel=row.get("invite", "email" if row.get("email") else ""),
        family_id=demo.ref("family", row["family"]).id if row.get("family") else None,
        school_id=demo.ref("school", row["school"]).id if row.get("school") else None,
    )


def _meeting(session: Session, demo: DemoContext, row: dict[str, Any], series: dict[str, MeetingSeries]) -> None:
    hour, minute = _time(row["time"]).hour, _time(row["time"]).minute
    chosen = series.get(row.get("series", ""))
    row = {**row, "day": _weekday_offset(demo, row["day"])}
    meeting = Meeting(
        title=row["title"], meeting_type=row["type"], starts_at=demo.moment(row["day"], hour, minute),
        duration_minutes=row.get("duration", 60), place_kind=row.get("place", "school"),
        place_detail=row.get("place_detail", ""),
        school_id=demo.ref("school", row["school"]).id if row.get("school") else None,
        series_id=chosen.id if chosen else None, regiehouder=row.get("regiehouder", ""),
        interpreter_needed=row.get("interpreter_needed", False),
        interpreter_arranged=row.get("interpreter_arranged", False),
        interpreter_language=row.get("interpreter_language", ""), youth_present=row.get("youth_present", "unknown"),
        parents_present=row.get("parents_present", "unknown"), status=row.get("status", "planned"),
        proposed_next_date=rules.next_date(demo.day(row["day"]), interval_weeks=chosen.interval_weeks)
        if chosen else None,
    )
    meeting.family_links = [MeetingFamily(family_id=demo.ref("family", key).id) for key in row.get("families", [])]
    meeting.participants = [_participant(p, i, demo) for i, p in enumerate(row.get("participants", []))]
    if not meeting.regiehouder:
        meeting.regiehouder = next((p.name for p in meeting.participants if p.is_regiehouder), "")
    minutes = row.get("minutes", {})
    for position, template in enumerate(rules.template_items(row["type"])):
        notes = minutes.get(template.code, {})
        meeting.items.append(MeetingItem(position=position, code=template.code, title=_(template.title),
                                         school_ok=template.school_ok, notes=notes.get("notes", ""),
                                         decisions=notes.get("decisions", "")))
    session.add(meeting)
    session.flush()
    actions_item = next((i for i in meeting.items if i.code == rules.ACTIONS), None)
    family_pk = meeting.family_links[0].family_id if len(meeting.family_links) == 1 else None
    for action in row.get("actions", []):
        due = demo.day(action["due"])
        entry = MeetingAction(what=action["what"], owner=action["owner"], due=due, status=action["status"],
                              item_id=actions_item.id if actions_item else None,
                              school_ok=actions_item.school_ok if actions_item else True)
        meeting.actions.append(entry)
        if action["status"] == "open":
            entry.followup_uuid = create_followup(
                session, title=entry.what, due=due, owner=entry.owner, family_pk=family_pk,
                meeting_uuid=meeting.uuid, note=_("Action point of the meeting “{title}”").format(title=meeting.title))
    session.flush()
    reindex(session, meeting)


def load_meetings(session: Session, demo: DemoContext) -> None:
    data = demo.read_json("meetings.json")
    series: dict[str, MeetingSeries] = {}
    for row in data["series"]:
        record = MeetingSeries(name=row["name"], meeting_type=row["type"], interval_weeks=row["interval_weeks"],
                               family_id=demo.ref("family", row["family"]).id if row.get("family") else None)
        session.add(record)
        series[row["key"]] = record
    session.flush()
    for row in data["meetings"]:
        _meeting(session, demo, row, series)
    for row in data.get("events", []):
        event = Event(title=row["title"], day=demo.day(_weekday_offset(demo, row["day"])), place=row.get("place", ""),
                      notes=row.get("notes", ""))
        event.sessions = [EventSession(starts=_time(s["starts"]), ends=_time(s["ends"]), kind=s["kind"],
                                       title=s["title"], room=s.get("room", ""), speaker=s.get("speaker", ""))
                          for s in row.get("sessions", [])]
        event.registrations = [
            EventRegistration(school_id=demo.ref("school", key).id, invited_at=demo.day(-10), registered=count)
            for key, count in row.get("registered", {}).items()]
        session.add(event)
    session.flush()

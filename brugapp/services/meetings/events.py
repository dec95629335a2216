"""Events for onderwijsambassadeurs: the leerkrachtendag with its programme, invitations, attendance and survey.

The invitation list is built from the schools of the youths of the last 12 months, but it is a list of
schools: no youth or family name is ever on it, and the counts per school are not shown to anyone.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from brugapp.domain import meetings as rules
from brugapp.domain.clock import at_local, today_local
from brugapp.errors import NotFoundError, ValidationError
from brugapp.i18n import _, format_date
from brugapp.services.meetings.agenda import audit
from brugapp.services.meetings.links import families_active_since, kaart_people, schools_of_children
from brugapp.services.records import ListedRecord
from brugapp.store import Store
from brugapp.store.models import Family, School
from brugapp.store.models.meetings import (
    Event,
    EventRegistration,
    EventSession,
    EventSurveyAnswer,
    Meeting,
    MeetingFamily,
    MeetingParticipant,
)


@dataclass(frozen=True)
class SessionView:
    id: str
    starts: dt.time
    ends: dt.time
    kind: str
    kind_label: str
    title: str
    room: str
    speaker: str
    capacity: int


@dataclass(frozen=True)
class SchoolRow:
    school_id: str
    school: str
    municipality: str
    email: str
    invited_on: dt.date | None = None
    registered: int = 0
    attended: int = 0
    attendance_recorded: bool = False
    survey_answers: int = 0
    survey_average: float | None = None


@dataclass(frozen=True)
class EventDetail:
    id: str
    title: str
    event_type: str
    day: dt.date
    place: str
    notes: str
    sessions: tuple[SessionView, ...]
    schools: tuple[SchoolRow, ...]
    survey: tuple[tuple[str, float, int], ...]  # question label, average score, answers


@dataclass(frozen=True)
class SpeakerChoice:
    id: str
    name: str
    organisation: str


def _event(session: Session, event_id: str) -> Event:
    event = session.scalar(select(Event).where(Event.uuid == event_id))
    if event is None:
        raise NotFoundError(_("This event does not exist (any more)."))
    return event


def _school(session: Session, school_id: str) -> School:
    school = session.scalar(select(School).where(School.uuid == school_id))
    if school is None:
        raise ValidationError(_("The chosen school does not exist (any more)."), field="school")
    return school


def _school_by_pk(session: Session, pk: int) -> School:
    school = session.get(School, pk)
    if school is None:
        raise NotFoundError(_("The chosen school does not exist (any more)."))
    return school


def _registration(session: Session, event: Event, school: School) -> EventRegistration:
    row = next((r for r in event.registrations if r.school_id == school.id), None)
    if row is None:
        row = EventRegistration(event_id=event.id, school_id=school.id)
        event.registrations.append(row)
    return row


def _count(value: int, field_name: str) -> int:
    if not isinstance(value, int) or value < 0 or value > 500:
        raise ValidationError(_("Fill in a number of people between 0 and 500."), field=field_name)
    return value


def create_event(store: Store, *, title: str, day: dt.date, place: str = "", notes: str = "",
                 event_type: str = "leerkrachtendag") -> str:
    if not title.strip():
        raise ValidationError(_("Give the event a title."), field="title")
    if not isinstance(day, dt.date):
        raise ValidationError(_("Choose the day of the event."), field="day")
    with store.session() as session:
        event = Event(title=title.strip(), day=day, place=place.strip(), notes=notes.strip(), event_type=event_type)
        session.add(event)
        session.flush()
        return event.uuid


def add_session(store: Store, *, event_id: str, starts: dt.time, ends: dt.time, title: str, kind: str = "workshop",
                room: str = "", speaker: str = "", speaker_contact_id: str = "", capacity: int = 0) -> str:
    """One slot of the programme; two sessions in the same room may not overlap."""
    if not title.strip():
        raise ValidationError(_("Give the session a title."), field="title")
    if kind not in rules.SESSION_KINDS:
        raise ValidationError(_("Choose the kind of session."), field="kind")
    if ends <= starts:
        raise ValidationError(_("The session must end after it starts."), field="ends")
    if capacity < 0:
        raise ValidationError(_("The number of places cannot be negative."), field="capacity")
    with store.session() as session:
        event = _event(session, event_id)
        for other in event.sessions:
            if room.strip() and other.room == room.strip() and other.starts < ends and starts < other.ends:
                raise ValidationError(_("Room {room} is already taken then by “{title}”.").format(
                    room=other.room, title=other.title), field="room")
        row = EventSession(starts=starts, ends=ends, title=title.strip(), kind=kind, room=room.strip(),
                           speaker=speaker.strip(), speaker_contact_uuid=speaker_contact_id, capacity=capacity)
        event.sessions.append(row)
        session.flush()
        return row.uuid


def remove_session(store: Store, *, session_id: str) -> None:
    with store.session() as session:
        row = session.scalar(select(EventSession).where(EventSession.uuid == session_id))
        if row is None:
            raise NotFoundError(_("This session does not exist (any more)."))
        session.delete(row)


def speaker_choices(store: Store) -> list[SpeakerChoice]:
    """Speakers come from the sociale kaart contacts."""
    with store.read() as session:
        return [SpeakerChoice(p.uuid, p.name, p.organisation) for p in kaart_people(session)]


def _schools_of_recent_youths(session: Session, today: dt.date) -> set[int]:
    start, _end = rules.youth_window(today)
    since = at_local(start, dt.time(0, 0))
    recent_meetings = select(Meeting.id).where(Meeting.starts_at >= since)
    active = families_active_since(session, since)
    active |= set(session.scalars(select(MeetingFamily.family_id).where(MeetingFamily.meeting_id.in_(recent_meetings))))
    active |= set(session.scalars(select(Family.id).where(Family.created_at >= since)))
    schools: set[int] = set()
    for family_pk, school_pks in schools_of_children(session).items():
        if family_pk in active:
            schools |= school_pks
    # Case meetings of the last 12 months were held with (or at) the youth's school.
    case_meetings = select(MeetingFamily.meeting_id).where(MeetingFamily.meeting_id.in_(recent_meetings))
    schools |= set(session.scalars(select(Meeting.school_id).where(Meeting.id.in_(case_meetings),
                                                                    Meeting.school_id.is_not(None))))
    schools |= set(session.scalars(select(MeetingParticipant.school_id).where(
        MeetingParticipant.meeting_id.in_(case_meetings), MeetingParticipant.school_id.is_not(None))))
    return schools


def invitation_list(store: Store, *, today: dt.date | None = None) -> list[SchoolRow]:
    """Schools linked to youths of the last 12 months, sorted by name: schools only, never youths."""
    with store.read() as session:
        pks = _schools_of_recent_youths(session, today or today_local())
        schools = session.scalars(select(School).where(School.id.in_(pks)).order_by(School.name, School.site_name))
        return [SchoolRow(s.uuid, s.label, s.municipality, s.email) for s in schools]


def invite_schools(store: Store, *, event_id: str, school_ids: list[str] | None = None,
                   today: dt.date | None = None) -> int:
    """Put schools on the event's invitation list (by default: the schools of the last 12 months' youths)."""
    today = today or today_local()
    with store.session() as session:
        event = _event(session, event_id)
        if school_ids is None:
            schools = [_school_by_pk(session, pk) for pk in _schools_of_recent_youths(session, today)]
        else:
            schools = [_school(session, uuid) for uuid in school_ids]
        added = 0
        for school in schools:
            row = _registration(session, event, school)
            if row.invited_at is None:
                row.invited_at = today
                added += 1
        return added


def record_registrations(store: Store, *, event_id: str, registered: Mapping[str, int]) -> None:
    """How many people each school registered (school UUID -> count)."""
    with store.session() as session:
        event = _event(session, event_id)
        for school_id, count in registered.items():
            _registration(session, event, _school(session, school_id)).registered = _count(count, "registered")


def record_attendance(store: Store, *, event_id: str, attended: Mapping[str, int]) -> None:
    """Afterwards: how many came from each school (school UUID -> count), all at once."""
    with store.session() as session:
        event = _event(session, event_id)
        for school_id, count in attended.items():
            row = _registration(session, event, _school(session, school_id))
            row.attended = _count(count, "attended")
            row.attendance_recorded = True


def record_survey(store: Store, *, event_id: str, school_id: str, scores: Mapping[str, int], comment: str = "") -> None:
    """One filled-in satisfaction survey, stored per school."""
    low, high = rules.SURVEY_SCALE
    if not scores:
        raise ValidationError(_("Give at least one score."), field="scores")
    for question, score in scores.items():
        if question not in rules.SURVEY_QUESTIONS:
            raise ValidationError(_("Unknown survey question."), field="scores")
        if not isinstance(score, int) or not low <= score <= high:
            raise ValidationError(_("A score goes from {low} to {high}.").format(low=low, high=high), field=question)
    with store.session() as session:
        event = _event(session, event_id)
        school = _school(session, school_id) if school_id else None
        for question, score in scores.items():
            session.add(EventSurveyAnswer(event_id=event.id, school_id=school.id if school else None,
                                          question=question, score=score,
                                          comment=comment.strip() if question == next(iter(scores)) else ""))


def get_event(store: Store, *, event_id: str) -> EventDetail:
    with store.read() as session:
        event = _event(session, event_id)
        answers = session.scalars(select(EventSurveyAnswer).where(EventSurveyAnswer.event_id == event.id)).all()
        rows = []
        for reg in event.registrations:
            school = _school_by_pk(session, reg.school_id)
            own = [a.score for a in answers if a.school_id == reg.school_id]
            rows.append(SchoolRow(school.uuid, school.label, school.municipality, school.email, reg.invited_at,
                                  reg.registered, reg.attended, reg.attendance_recorded, len(own),
                                  round(sum(own) / len(own), 1) if own else None))
        survey = []
        for term in rules.SURVEY_QUESTIONS:
            scores = [a.score for a in answers if a.question == term.code]
            if scores:
                survey.append((term.text(), round(sum(scores) / len(scores), 1), len(scores)))
        return EventDetail(
            id=event.uuid, title=event.title, event_type=event.event_type, day=event.day, place=event.place,
            notes=event.notes,
            sessions=tuple(SessionView(s.uuid, s.starts, s.ends, s.kind, rules.SESSION_KINDS.label(s.kind), s.title,
                                       s.room, s.speaker, s.capacity)
                           for s in sorted(event.sessions, key=lambda s: (s.starts, s.room))),
            schools=tuple(sorted(rows, key=lambda r: r.school)),
            survey=tuple(survey),
        )


def list_events(store: Store) -> list[ListedRecord]:
    with store.read() as session:
        return [ListedRecord(e.uuid, f"{format_date(e.day, 'medium')} · {e.title}")
                for e in session.scalars(select(Event).order_by(Event.day.desc()))]


def print_programme(store: Store, *, event_id: str, path: Path) -> Path:
    # start-up time: reportlab loads only when something is printed
    from brugapp.printing.event_programme import write_programme

    detail = get_event(store, event_id=event_id)
    with store.session() as session:
        write_programme(path, detail)
        audit(session, action="print", subject_kind="event_programme", subject_uuid=event_id, audience="schools")
    return path


def print_attendance_list(store: Store, *, event_id: str, path: Path) -> Path:
    # start-up time: reportlab loads only when something is printed
    from brugapp.printing.event_programme import write_attendance_list

    detail = get_event(store, event_id=event_id)
    with store.session() as session:
        write_attendance_list(path, detail)
        audit(session, action="print", subject_kind="event_attendance", subject_uuid=event_id, audience="event")
    return path


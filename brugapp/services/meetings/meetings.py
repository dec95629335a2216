"""Overleg: plan a meeting, its participants and series.

Reading it back (with its warnings) lives in ``reading.py``, the records in ``common.py``, the agenda builder in
``agenda.py``, the minutes in ``minutes.py``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from brugapp.domain import meetings as rules
from brugapp.domain.clock import at_local, to_local
from brugapp.errors import NotFoundError, ValidationError
from brugapp.i18n import _, format_date
from brugapp.services.audit import record_audit
from brugapp.services.meetings.common import (
    ActionView,
    ItemView,
    LinkedFamily,
    MeetingDetail,
    MeetingInput,
    MeetingSummary,
    ParticipantInput,
    ParticipantView,
    aware,
    load_meeting,
    local_day,
)
from brugapp.services.meetings.reading import (
    action_view,
    detail_of,
    get_meeting,
    list_meeting_records,
    list_meetings,
    list_series,
    meeting_timeline,
    previous_open_actions,
    warnings_of,
)
from brugapp.store import Store
from brugapp.store.models import Family, School
from brugapp.store.models.meetings import Meeting, MeetingFamily, MeetingItem, MeetingParticipant, MeetingSeries
from brugapp.store.search_index import index_record, unindex_record

# Callers import every public name of the meeting capability from here; the records live in common.py and
# reading in reading.py.
__all__ = [
    "ActionView", "ItemView", "LinkedFamily", "MeetingDetail", "MeetingInput", "MeetingSummary", "ParticipantInput",
    "ParticipantView", "action_view", "add_participant", "aware", "create_meeting", "create_series",
    "delete_meeting", "detail_of", "get_meeting", "list_meeting_records", "list_meetings", "list_series",
    "load_meeting", "local_day", "meeting_timeline", "plan_next_meeting", "previous_open_actions", "reindex",
    "remove_participant", "update_meeting", "update_participant", "warnings_of",
]


def _pk_of(session: Session, model: type, uuid: str, *, field_name: str, message: str) -> int | None:
    if not uuid:
        return None
    pk = session.scalar(select(model.id).where(model.uuid == uuid))  # type: ignore[attr-defined]
    if pk is None:
        raise ValidationError(message, field=field_name)
    return pk


def _validate(data: MeetingInput) -> None:
    if not data.title.strip():
        raise ValidationError(_("Give the meeting a title."), field="title")
    if data.meeting_type not in rules.MEETING_TYPES:
        raise ValidationError(_("Choose a type of meeting."), field="meeting_type")
    if data.place_kind not in rules.PLACES:
        raise ValidationError(_("Choose where the meeting takes place."), field="place_kind")
    if not 5 <= data.duration_minutes <= 12 * 60:
        raise ValidationError(_("The duration must be between 5 minutes and 12 hours."), field="duration_minutes")
    for value, name in ((data.youth_present, "youth_present"), (data.parents_present, "parents_present")):
        if value not in rules.PRESENCE:
            raise ValidationError(_("Say whether they are present, not present or not known yet."), field=name)
    if data.status not in rules.MEETING_STATUSES:
        raise ValidationError(_("Unknown meeting status."), field="status")
    start_day = local_day(aware(data.starts_at))
    if data.proposed_next_date is not None and data.proposed_next_date <= start_day:
        raise ValidationError(_("The next date must come after the meeting."), field="proposed_next_date")


def _validate_participant(p: ParticipantInput) -> None:
    if not p.name.strip():
        raise ValidationError(_("Fill in the participant's name."), field="name")
    if p.kind not in rules.PARTICIPANT_KINDS:
        raise ValidationError(_("Choose what kind of participant this is."), field="kind")
    if p.role not in rules.ROLES:
        raise ValidationError(_("Choose the participant's role."), field="role")
    if p.attendance not in rules.ATTENDANCE:
        raise ValidationError(_("Choose present, excused, absent or invited."), field="attendance")
    if p.invite_channel not in rules.INVITE_CHANNELS:
        raise ValidationError(_("Choose how the participant is invited."), field="invite_channel")


def _apply(session: Session, meeting: Meeting, data: MeetingInput) -> None:
    _validate(data)
    meeting.title = data.title.strip()
    meeting.meeting_type = data.meeting_type
    meeting.starts_at = aware(data.starts_at)
    meeting.duration_minutes = data.duration_minutes
    meeting.place_kind = data.place_kind
    meeting.place_detail = data.place_detail.strip()
    meeting.school_id = _pk_of(session, School, data.school_id, field_name="school_id",
                               message=_("The chosen school does not exist (any more)."))
    meeting.series_id = _pk_of(session, MeetingSeries, data.series_id, field_name="series_id",
                               message=_("The chosen series does not exist (any more)."))
    meeting.regiehouder = data.regiehouder.strip()
    meeting.interpreter_needed = data.interpreter_needed or data.interpreter_arranged
    meeting.interpreter_arranged = data.interpreter_arranged
    meeting.interpreter_language = data.interpreter_language.strip()
    meeting.youth_present = data.youth_present
    meeting.parents_present = data.parents_present
    meeting.status = data.status
    next_day = data.proposed_next_date
    if next_day is None and meeting.series_id is not None:
        series = session.get(MeetingSeries, meeting.series_id)
        if series is not None:
            next_day = rules.next_date(local_day(meeting.starts_at), interval_weeks=series.interval_weeks)
    meeting.proposed_next_date = next_day
    family_pks: list[int] = []
    for family_uuid in dict.fromkeys(data.family_ids):
        pk = _pk_of(session, Family, family_uuid, field_name="family_ids",
                    message=_("One of the linked families does not exist (any more)."))
        if pk is not None:
            family_pks.append(pk)
    meeting.family_links = [MeetingFamily(family_id=pk) for pk in family_pks]


def _apply_participant(session: Session, row: MeetingParticipant, p: ParticipantInput) -> None:
    _validate_participant(p)
    row.kind = p.kind
    row.name = p.name.strip()
    row.role = p.role
    row.organisation = p.organisation.strip()
    row.email = p.email.strip()
    row.attendance = p.attendance
    row.is_regiehouder = p.is_regiehouder
    row.invite_channel = p.invite_channel
    row.family_id = _pk_of(session, Family, p.family_id, field_name="family_id",
                           message=_("The participant's family does not exist (any more)."))
    row.school_id = _pk_of(session, School, p.school_id, field_name="school_id",
                           message=_("The participant's school does not exist (any more)."))
    row.kaart_contact_uuid = p.kaart_contact_id
    row.kaart_organization_uuid = p.kaart_organization_id


def _default_family(meeting: Meeting, p: ParticipantInput, session: Session) -> ParticipantInput:
    """A youth or parent added to a meeting about one family belongs to that family."""
    if p.kind in rules.FAMILY_KINDS and not p.family_id and len(meeting.family_links) == 1:
        family = session.get(Family, meeting.family_links[0].family_id)
        if family is not None:
            return replace(p, family_id=family.uuid)
    return p


def reindex(session: Session, meeting: Meeting) -> None:
    families = [session.get(Family, link.family_id) for link in meeting.family_links]
    body = " ".join([
        rules.MEETING_TYPES.label(meeting.meeting_type), meeting.place_detail,
        *(p.name for p in meeting.participants), *(p.organisation for p in meeting.participants),
        *(f.display_name for f in families if f),
    ])
    label = f"{meeting.title} – {format_date(local_day(meeting.starts_at), 'medium')}"
    index_record(session, kind="meeting", ref_uuid=meeting.uuid, label=label, body=body,
                 family_uuid=families[0].uuid if families and families[0] else "")


def _sync_regiehouder(meeting: Meeting) -> None:
    chosen = [p for p in meeting.participants if p.is_regiehouder]
    if chosen:
        meeting.regiehouder = chosen[0].name


# -- use cases --------------------------------------------------------------------------------
def create_series(store: Store, *, name: str, meeting_type: str, interval_weeks: int = 6,
                  family_id: str = "") -> str:
    """A recurring meeting (e.g. the local network, or a rondetafel every six weeks)."""
    if not name.strip():
        raise ValidationError(_("Give the series a name."), field="name")
    if meeting_type not in rules.MEETING_TYPES:
        raise ValidationError(_("Choose a type of meeting."), field="meeting_type")
    if not 1 <= interval_weeks <= 52:
        raise ValidationError(_("The interval must be between 1 and 52 weeks."), field="interval_weeks")
    with store.session() as session:
        series = MeetingSeries(name=name.strip(), meeting_type=meeting_type, interval_weeks=interval_weeks,
                               family_id=_pk_of(session, Family, family_id, field_name="family_id",
                                                message=_("The chosen family does not exist (any more).")))
        session.add(series)
        session.flush()
        return series.uuid


def create_meeting(store: Store, *, data: MeetingInput, participants: Sequence[ParticipantInput] = (),
                   use_template: bool = True, new_series_weeks: int | None = None) -> str:
    """Plan a meeting: its details, participants and the agenda skeleton of its type, all at once.

    With ``new_series_weeks`` the meeting starts a new recurring series (named after the meeting).
    """
    with store.session() as session:
        meeting = Meeting(title="", meeting_type="other", starts_at=aware(data.starts_at))
        session.add(meeting)
        if new_series_weeks is not None:
            _validate(data)
            if not 1 <= new_series_weeks <= 52:
                raise ValidationError(_("The interval must be between 1 and 52 weeks."), field="interval_weeks")
            series = MeetingSeries(name=data.title.strip(), meeting_type=data.meeting_type,
                                   interval_weeks=new_series_weeks)
            session.add(series)
            session.flush()
            data = replace(data, series_id=series.uuid)
        _apply(session, meeting, data)
        session.flush()
        for position, p in enumerate(participants):
            row = MeetingParticipant(meeting_id=meeting.id, position=position, kind="other", name="")
            _apply_participant(session, row, _default_family(meeting, p, session))
            meeting.participants.append(row)
        if use_template:
            for position, template in enumerate(rules.template_items(data.meeting_type)):
                meeting.items.append(MeetingItem(position=position, code=template.code, title=_(template.title),
                                                 school_ok=template.school_ok))
        _sync_regiehouder(meeting)
        session.flush()
        reindex(session, meeting)
        return meeting.uuid


def update_meeting(store: Store, *, meeting_id: str, data: MeetingInput) -> None:
    with store.session() as session:
        meeting = load_meeting(session, meeting_id)
        _apply(session, meeting, data)
        session.flush()
        reindex(session, meeting)


def delete_meeting(store: Store, *, meeting_id: str) -> None:
    with store.session() as session:
        meeting = load_meeting(session, meeting_id)
        unindex_record(session, ref_uuid=meeting.uuid)
        record_audit(session, action="delete", subject_kind="meeting", subject_uuid=meeting.uuid)
        session.delete(meeting)


def add_participant(store: Store, *, meeting_id: str, participant: ParticipantInput) -> str:
    with store.session() as session:
        meeting = load_meeting(session, meeting_id)
        row = MeetingParticipant(meeting_id=meeting.id, position=len(meeting.participants), kind="other", name="")
        _apply_participant(session, row, _default_family(meeting, participant, session))
        meeting.participants.append(row)
        _sync_regiehouder(meeting)
        session.flush()
        reindex(session, meeting)
        return row.uuid


def update_participant(store: Store, *, participant_id: str, participant: ParticipantInput) -> None:
    with store.session() as session:
        row = session.scalar(select(MeetingParticipant).where(MeetingParticipant.uuid == participant_id))
        if row is None:
            raise NotFoundError(_("This participant does not exist (any more)."))
        _apply_participant(session, row, participant)
        _sync_regiehouder(row.meeting)
        session.flush()
        reindex(session, row.meeting)


def remove_participant(store: Store, *, participant_id: str) -> None:
    with store.session() as session:
        row = session.scalar(select(MeetingParticipant).where(MeetingParticipant.uuid == participant_id))
        if row is None:
            raise NotFoundError(_("This participant does not exist (any more)."))
        meeting = row.meeting
        meeting.participants.remove(row)
        session.flush()
        reindex(session, meeting)


def plan_next_meeting(store: Store, *, meeting_id: str) -> str:
    """The next meeting of the series (or case) on the proposed date, with the same participants."""
    with store.session() as session:
        meeting = load_meeting(session, meeting_id)
        if meeting.proposed_next_date is None:
            raise ValidationError(_("Fill in a proposed next date first."), field="proposed_next_date")
        start = to_local(aware(meeting.starts_at))
        following = Meeting(
            title=meeting.title, meeting_type=meeting.meeting_type,
            starts_at=at_local(meeting.proposed_next_date, start.time()),
            duration_minutes=meeting.duration_minutes, place_kind=meeting.place_kind,
            place_detail=meeting.place_detail, school_id=meeting.school_id, series_id=meeting.series_id,
            regiehouder=meeting.regiehouder, interpreter_needed=meeting.interpreter_needed,
            interpreter_language=meeting.interpreter_language,
        )
        following.family_links = [MeetingFamily(family_id=link.family_id) for link in meeting.family_links]
        following.participants = [
            MeetingParticipant(position=p.position, kind=p.kind, name=p.name, role=p.role,
                               organisation=p.organisation, email=p.email, is_regiehouder=p.is_regiehouder,
                               invite_channel=p.invite_channel, family_id=p.family_id, school_id=p.school_id,
                               kaart_contact_uuid=p.kaart_contact_uuid,
                               kaart_organization_uuid=p.kaart_organization_uuid)
            for p in meeting.participants
        ]
        following.items = [MeetingItem(position=i.position, code=i.code, title=i.title, school_ok=i.school_ok)
                           for i in meeting.items]
        if meeting.series_id is not None:
            series = session.get(MeetingSeries, meeting.series_id)
            if series is not None:
                following.proposed_next_date = rules.next_date(meeting.proposed_next_date,
                                                               interval_weeks=series.interval_weeks)
        session.add(following)
        session.flush()
        reindex(session, following)
        return following.uuid


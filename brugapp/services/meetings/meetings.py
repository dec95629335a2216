"""Overleg: plan a meeting, its participants and series; read it back with its warnings.

The agenda builder lives in ``services/meetings/agenda.py``, the minutes in ``services/meetings/minutes.py``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from brugapp.domain import meetings as rules
from brugapp.domain.clock import at_local, from_local, local_date, to_local, today_local
from brugapp.domain.notebook import LANGUAGES
from brugapp.errors import NotFoundError, ValidationError
from brugapp.i18n import _, format_date, format_time
from brugapp.services.audit import record_audit
from brugapp.services.meetings.links import family_has_any_consent
from brugapp.services.records import ListedRecord, TimelineEntry
from brugapp.store import Store
from brugapp.store.models import Family, School
from brugapp.store.models.meetings import (
    Meeting,
    MeetingAction,
    MeetingFamily,
    MeetingItem,
    MeetingParticipant,
    MeetingSeries,
)
from brugapp.store.search_index import index_record, unindex_record


# -- input ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class ParticipantInput:
    kind: str  # rules.PARTICIPANT_KINDS
    name: str
    role: str = "other"  # rules.ROLES
    organisation: str = ""
    email: str = ""
    attendance: str = "invited"
    is_regiehouder: bool = False
    invite_channel: str = ""
    family_id: str = ""  # UUID of the family (youth / parent participants)
    school_id: str = ""  # UUID of the school (school staff)
    kaart_contact_id: str = ""
    kaart_organization_id: str = ""


@dataclass(frozen=True)
class MeetingInput:
    title: str
    meeting_type: str
    starts_at: dt.datetime  # local or aware
    duration_minutes: int = 60
    place_kind: str = "school"
    place_detail: str = ""
    school_id: str = ""
    family_ids: tuple[str, ...] = ()
    series_id: str = ""
    regiehouder: str = ""
    interpreter_needed: bool = False
    interpreter_arranged: bool = False
    interpreter_language: str = ""
    youth_present: str = "unknown"
    parents_present: str = "unknown"
    proposed_next_date: dt.date | None = None
    status: str = "planned"


# -- output -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class ParticipantView:
    id: str
    kind: str
    name: str
    role: str
    role_label: str
    organisation: str
    email: str
    attendance: str
    is_regiehouder: bool
    invite_channel: str
    family_id: str
    school_id: str


@dataclass(frozen=True)
class ItemView:
    id: str
    code: str
    title: str
    school_ok: bool
    notes: str
    decisions: str
    hint: str = ""


@dataclass(frozen=True)
class ActionView:
    id: str
    what: str
    owner: str
    due: dt.date | None
    status: str
    meeting_id: str
    meeting_title: str
    meeting_date: dt.date
    item_id: str = ""
    school_ok: bool = True
    followup_id: str = ""


@dataclass(frozen=True)
class LinkedFamily:
    id: str
    name: str


@dataclass(frozen=True)
class MeetingSummary:
    id: str
    title: str
    meeting_type: str
    type_label: str
    starts_at: dt.datetime
    place_label: str
    status: str
    open_actions: int
    warnings: int


@dataclass(frozen=True)
class MeetingDetail:
    id: str
    title: str
    meeting_type: str
    starts_at: dt.datetime
    duration_minutes: int
    place_kind: str
    place_detail: str
    school_id: str
    school_label: str
    series_id: str
    series_name: str
    series_interval_weeks: int
    regiehouder: str
    interpreter_needed: bool
    interpreter_arranged: bool
    interpreter_language: str
    youth_present: str
    parents_present: str
    proposed_next_date: dt.date | None
    status: str
    ordinal_in_school_year: int
    families: tuple[LinkedFamily, ...]
    participants: tuple[ParticipantView, ...]
    items: tuple[ItemView, ...]
    actions: tuple[ActionView, ...]
    previous_actions: tuple[ActionView, ...]
    warnings: tuple[rules.MeetingWarning, ...] = field(default=())

    def as_input(self) -> MeetingInput:
        return MeetingInput(
            title=self.title, meeting_type=self.meeting_type, starts_at=self.starts_at,
            duration_minutes=self.duration_minutes, place_kind=self.place_kind, place_detail=self.place_detail,
            school_id=self.school_id, family_ids=tuple(f.id for f in self.families), series_id=self.series_id,
            regiehouder=self.regiehouder, interpreter_needed=self.interpreter_needed,
            interpreter_arranged=self.interpreter_arranged, interpreter_language=self.interpreter_language,
            youth_present=self.youth_present, parents_present=self.parents_present,
            proposed_next_date=self.proposed_next_date, status=self.status,
        )


# -- helpers shared by the meeting services ---------------------------------------------------
def aware(value: dt.datetime) -> dt.datetime:
    return value if value.tzinfo is not None else from_local(value)


def local_day(value: dt.datetime) -> dt.date:
    return local_date(value)


def load_meeting(session: Session, meeting_id: str) -> Meeting:
    meeting = session.scalar(select(Meeting).where(Meeting.uuid == meeting_id))
    if meeting is None:
        raise NotFoundError(_("This meeting does not exist (any more)."))
    return meeting


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


# -- reading ----------------------------------------------------------------------------------
def action_view(action: MeetingAction, meeting: Meeting, item_uuid: str = "") -> ActionView:
    return ActionView(
        id=action.uuid, what=action.what, owner=action.owner, due=action.due, status=action.status,
        meeting_id=meeting.uuid, meeting_title=meeting.title, meeting_date=local_day(meeting.starts_at),
        item_id=item_uuid, school_ok=action.school_ok, followup_id=action.followup_uuid,
    )


def previous_open_actions(session: Session, meeting: Meeting) -> list[ActionView]:
    """Open action points of earlier meetings of the same case (family) or series: they must not get lost."""
    family_pks = [link.family_id for link in meeting.family_links]
    related = select(Meeting.id).where(Meeting.id != meeting.id, Meeting.starts_at < meeting.starts_at)
    conditions = []
    if meeting.series_id is not None:
        conditions.append(Meeting.series_id == meeting.series_id)
    if family_pks:
        conditions.append(Meeting.id.in_(
            select(MeetingFamily.meeting_id).where(MeetingFamily.family_id.in_(family_pks))
        ))
    if not conditions:
        return []
    meeting_ids = session.scalars(related.where(or_(*conditions))).all()
    if not meeting_ids:
        return []
    rows = session.execute(
        select(MeetingAction, Meeting).join(Meeting, MeetingAction.meeting_id == Meeting.id)
        .where(MeetingAction.meeting_id.in_(meeting_ids), MeetingAction.status == "open")
        .order_by(MeetingAction.due.is_(None), MeetingAction.due, Meeting.starts_at, MeetingAction.id)
    ).all()
    return [action_view(action, origin) for action, origin in rows]


def _family_facts(session: Session, meeting: Meeting) -> list[rules.FamilyFacts]:
    facts = []
    for link in meeting.family_links:
        family = session.get(Family, link.family_id)
        if family is None:
            continue
        channels = tuple(p.invite_channel for p in meeting.participants
                         if p.family_id == family.id and p.invite_channel)
        facts.append(rules.FamilyFacts(
            name=family.display_name, interpreter_needed=family.interpreter_needed,
            language=LANGUAGES.label(family.preferred_language), reads_letters=family.reads_letters,
            preferred_channel=family.preferred_channel,
            has_any_consent=family_has_any_consent(session, family_pk=family.id),
            invite_channels=channels,
        ))
    return facts


def warnings_of(session: Session, meeting: Meeting) -> list[rules.MeetingWarning]:
    return rules.meeting_warnings(rules.MeetingFacts(
        meeting_type=meeting.meeting_type, interpreter_needed=meeting.interpreter_needed,
        interpreter_arranged=meeting.interpreter_arranged,
        has_regiehouder=bool(meeting.regiehouder) or any(p.is_regiehouder for p in meeting.participants),
        families=tuple(_family_facts(session, meeting)),
    ))


def _ordinal(session: Session, meeting: Meeting) -> int:
    if meeting.series_id is None:
        return 0
    earlier = session.scalars(select(Meeting.starts_at).where(Meeting.series_id == meeting.series_id,
                                                              Meeting.id != meeting.id)).all()
    return rules.ordinal_in_school_year(local_day(meeting.starts_at), [local_day(s) for s in earlier])


def detail_of(session: Session, meeting: Meeting) -> MeetingDetail:
    school = session.get(School, meeting.school_id) if meeting.school_id else None
    series = session.get(MeetingSeries, meeting.series_id) if meeting.series_id else None
    families = [session.get(Family, link.family_id) for link in meeting.family_links]
    family_uuid = {f.id: f.uuid for f in families if f}
    school_uuid = dict(session.execute(select(School.id, School.uuid)).all())
    item_uuid = {i.id: i.uuid for i in meeting.items}
    return MeetingDetail(
        id=meeting.uuid, title=meeting.title, meeting_type=meeting.meeting_type, starts_at=meeting.starts_at,
        duration_minutes=meeting.duration_minutes, place_kind=meeting.place_kind,
        place_detail=meeting.place_detail, school_id=school.uuid if school else "",
        school_label=school.label if school else "", series_id=series.uuid if series else "",
        series_name=series.name if series else "", series_interval_weeks=series.interval_weeks if series else 0,
        regiehouder=meeting.regiehouder, interpreter_needed=meeting.interpreter_needed,
        interpreter_arranged=meeting.interpreter_arranged, interpreter_language=meeting.interpreter_language,
        youth_present=meeting.youth_present, parents_present=meeting.parents_present,
        proposed_next_date=meeting.proposed_next_date, status=meeting.status,
        ordinal_in_school_year=_ordinal(session, meeting),
        families=tuple(LinkedFamily(f.uuid, f.display_name) for f in families if f),
        participants=tuple(
            ParticipantView(p.uuid, p.kind, p.name, p.role, rules.ROLES.label(p.role), p.organisation, p.email,
                            p.attendance, p.is_regiehouder, p.invite_channel,
                            family_uuid.get(p.family_id, "") if p.family_id else "",
                            school_uuid.get(p.school_id, "") if p.school_id else "")
            for p in meeting.participants
        ),
        items=tuple(
            ItemView(i.uuid, i.code, i.title, i.school_ok, i.notes, i.decisions,
                     _(rules.ITEMS[i.code].hint) if i.code in rules.ITEMS and rules.ITEMS[i.code].hint else "")
            for i in meeting.items
        ),
        actions=tuple(action_view(a, meeting, item_uuid.get(a.item_id, "") if a.item_id else "")
                      for a in meeting.actions),
        previous_actions=tuple(previous_open_actions(session, meeting)),
        warnings=tuple(warnings_of(session, meeting)),
    )


def get_meeting(store: Store, *, meeting_id: str) -> MeetingDetail:
    """The whole meeting as the editor shows it, with the open actions of earlier meetings and warnings."""
    with store.read() as session:
        return detail_of(session, load_meeting(session, meeting_id))


def list_meetings(store: Store, *, today: dt.date | None = None) -> list[MeetingSummary]:
    """Upcoming meetings first (soonest on top), then past ones (most recent on top)."""
    today = today or today_local()
    with store.read() as session:
        meetings = session.scalars(select(Meeting)).all()
        summaries = [
            MeetingSummary(
                id=m.uuid, title=m.title, meeting_type=m.meeting_type,
                type_label=rules.MEETING_TYPES.label(m.meeting_type), starts_at=m.starts_at,
                place_label=m.place_detail or rules.PLACES.label(m.place_kind), status=m.status,
                open_actions=sum(1 for a in m.actions if a.status == "open"),
                warnings=len(warnings_of(session, m)) if local_day(m.starts_at) >= today else 0,
            )
            for m in meetings
        ]
    upcoming = sorted((s for s in summaries if local_day(s.starts_at) >= today), key=lambda s: s.starts_at)
    past = sorted((s for s in summaries if local_day(s.starts_at) < today), key=lambda s: s.starts_at, reverse=True)
    return upcoming + past


def list_series(store: Store) -> list[ListedRecord]:
    with store.read() as session:
        return [ListedRecord(s.uuid, s.name) for s in session.scalars(select(MeetingSeries)
                                                                       .order_by(MeetingSeries.name))]


def list_meeting_records(store: Store) -> list[ListedRecord]:
    """``brugapp list meetings``: upcoming first."""
    return [
        ListedRecord(m.id, f"{format_date(local_day(m.starts_at), 'medium')} {format_time(to_local(m.starts_at))}"
                           f" · {m.title} ({m.type_label})")
        for m in list_meetings(store)
    ]


def meeting_timeline(session: Session, family_pk: int) -> list[TimelineEntry]:
    """Meetings about this family, for the family timeline."""
    meetings = session.scalars(
        select(Meeting).join(MeetingFamily, MeetingFamily.meeting_id == Meeting.id)
        .where(MeetingFamily.family_id == family_pk)
    ).all()
    return [
        TimelineEntry(
            kind="meeting", id=m.uuid, at=m.starts_at,
            title=f"{rules.MEETING_TYPES.label(m.meeting_type)}: {m.title}",
            detail=_("{open} open action points").format(open=sum(1 for a in m.actions if a.status == "open")),
            status=rules.MEETING_STATUSES.label(m.status),
        )
        for m in meetings
    ]

"""Overleg, read: one meeting in full (with the open actions of earlier meetings and its warnings), the
list for the page, ``brugapp list meetings`` and the family timeline."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, selectinload

from brugapp.domain import meetings as rules
from brugapp.domain.clock import to_local, today_local
from brugapp.domain.notebook import LANGUAGES
from brugapp.i18n import _, format_date, format_time
from brugapp.services.meetings.common import (
    ActionView,
    ItemView,
    LinkedFamily,
    MeetingDetail,
    MeetingSummary,
    ParticipantView,
    load_meeting,
    local_day,
)
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


def _participant_views(session: Session, meeting: Meeting, families: list[Family]) -> tuple[ParticipantView, ...]:
    """A participant's family is named only when the meeting is about that family."""
    family_uuid = {f.id: f.uuid for f in families}
    school_uuid = dict(session.execute(select(School.id, School.uuid)).all())
    return tuple(_participant_view(p, family_uuid, school_uuid) for p in meeting.participants)


def _participant_view(p: MeetingParticipant, family_uuid: dict[int, str], school_uuid: dict[int, str]
                      ) -> ParticipantView:
    return ParticipantView(p.uuid, p.kind, p.name, p.role, rules.ROLES.label(p.role), p.organisation, p.email,
                           p.attendance, p.is_regiehouder, p.invite_channel,
                           family_uuid.get(p.family_id, "") if p.family_id else "",
                           school_uuid.get(p.school_id, "") if p.school_id else "")


def _item_view(item: MeetingItem) -> ItemView:
    template = rules.ITEMS.get(item.code)
    hint = _(template.hint) if template is not None and template.hint else ""
    return ItemView(item.uuid, item.code, item.title, item.school_ok, item.notes, item.decisions, hint)


def _action_views(meeting: Meeting) -> tuple[ActionView, ...]:
    item_uuid = {i.id: i.uuid for i in meeting.items}
    return tuple(action_view(a, meeting, item_uuid.get(a.item_id, "") if a.item_id else "") for a in meeting.actions)


def detail_of(session: Session, meeting: Meeting) -> MeetingDetail:
    school = session.get(School, meeting.school_id) if meeting.school_id else None
    series = session.get(MeetingSeries, meeting.series_id) if meeting.series_id else None
    families = [f for f in (session.get(Family, link.family_id) for link in meeting.family_links) if f]
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
        families=tuple(LinkedFamily(f.uuid, f.display_name) for f in families),
        participants=_participant_views(session, meeting, families),
        items=tuple(_item_view(i) for i in meeting.items),
        actions=_action_views(meeting),
        previous_actions=tuple(previous_open_actions(session, meeting)),
        warnings=tuple(warnings_of(session, meeting)),
    )


def get_meeting(store: Store, *, meeting_id: str) -> MeetingDetail:
    """The whole meeting as the editor shows it, with the open actions of earlier meetings and warnings."""
    with store.read() as session:
        return detail_of(session, load_meeting(session, meeting_id))


def list_meetings(store: Store, *, today: dt.date | None = None) -> list[MeetingSummary]:
    """Upcoming meetings first (soonest on top), then past ones (most recent on top).

    The list's columns in one query (open action points counted in SQL); only upcoming meetings are loaded
    whole, for their warnings: 500 meetings as ORM objects with their actions took ~180 ms on a first visit.
    """
    today = today or today_local()
    open_actions = (select(func.count(MeetingAction.id))
                    .where(MeetingAction.meeting_id == Meeting.id, MeetingAction.status == "open")
                    .correlate(Meeting).scalar_subquery())
    with store.read() as session:
        rows = session.execute(select(
            Meeting.id, Meeting.uuid, Meeting.title, Meeting.meeting_type, Meeting.starts_at, Meeting.place_detail,
            Meeting.place_kind, Meeting.status, open_actions)).all()
        upcoming_pks = [row.id for row in rows if local_day(row.starts_at) >= today]
        warnings = {m.id: len(warnings_of(session, m))
                    for m in session.scalars(select(Meeting).where(Meeting.id.in_(upcoming_pks))
                                             .options(selectinload(Meeting.participants)))}
    summaries = [
        MeetingSummary(
            id=uuid, title=title, meeting_type=meeting_type, type_label=rules.MEETING_TYPES.label(meeting_type),
            starts_at=starts_at, place_label=place_detail or rules.PLACES.label(place_kind), status=status,
            open_actions=open_count, warnings=warnings.get(pk, 0),
        )
        for pk, uuid, title, meeting_type, starts_at, place_detail, place_kind, status, open_count in rows
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

"""Follow-ups (opvolging) and contact attempts: what is due, what is overdue, who does not answer.

Public API used by other capabilities (meetings turn action points into follow-ups):
``create_followup_in_session`` inside their own unit of work, ``create_followup`` on its own.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from brugapp.domain.clock import today_local
from brugapp.domain.followups import (
    CHANNELS,
    FOLLOWUP_STATUSES,
    OPEN_STATUSES,
    Attempt,
    Bucket,
    FollowUpStatus,
    bucket_of,
    end_of_week,
    is_open,
    unanswered,
)
from brugapp.errors import NotFoundError, ValidationError
from brugapp.i18n import _
from brugapp.services.date_guard import check_follow_up_day
from brugapp.services.records import ListedRecord, TimelineEntry
from brugapp.services.referrals.followup_view import FollowUpView
from brugapp.store import Store
from brugapp.store.models import Family
from brugapp.store.models.kaart import KaartContact, KaartOrganization
from brugapp.store.models.notebook import SchoolContact
from brugapp.store.models.referrals import ContactAttempt, FollowUp, Referral

TITLE_MAX = 250


@dataclass(frozen=True)
class Reachability:
    """The contact card's "geen antwoord sinds …" and what to try instead."""

    contact_id: str
    contact_name: str
    unanswered_since: dt.datetime | None
    unanswered_count: int
    attempts: int
    suggestions: tuple[str, ...]  # backup contact and CLB, each "name – phone"


def _clean_title(title: str) -> str:
    title = title.strip()
    if not title:
        raise ValidationError(_("Write what needs to be done."), field="title")
    if len(title) > TITLE_MAX:
        raise ValidationError(_("The title is too long (at most {n} characters).").format(n=TITLE_MAX), field="title")
    return title


def create_followup_in_session(
    session: Session,
    *,
    title: str,
    due: dt.date,
    owner: str,
    family_pk: int | None = None,
    referral_pk: int | None = None,
    meeting_uuid: str = "",
    note: str = "",
) -> str:
    """Add a planned follow-up inside the caller's unit of work; returns its uuid."""
    if not isinstance(due, dt.date):
        raise ValidationError(_("Choose a due date."), field="due")
    check_follow_up_day(due, label=_("Due date"), field="due")
    followup = FollowUp(
        title=_clean_title(title), due=due, owner=owner.strip()[:120], status=FollowUpStatus.PLANNED,
        family_id=family_pk, referral_id=referral_pk, meeting_uuid=meeting_uuid or "", note=note.strip(),
    )
    session.add(followup)
    session.flush()
    return followup.uuid


def create_followup(
    store: Store,
    *,
    title: str,
    due: dt.date,
    owner: str,
    family_id: str | None = None,
    referral_id: str | None = None,
    meeting_id: str = "",
    note: str = "",
) -> str:
    """A promise or a check with a due date; linked to a family, a referral and/or a meeting."""
    with store.session() as session:
        family_pk = referral_pk = None
        if family_id:
            family_pk = session.scalar(select(Family.id).where(Family.uuid == family_id))
            if family_pk is None:
                raise ValidationError(_("The chosen family does not exist (any more)."), field="family")
        if referral_id:
            referral = session.scalar(select(Referral).where(Referral.uuid == referral_id))
            if referral is None:
                raise ValidationError(_("The chosen referral does not exist (any more)."), field="referral")
            referral_pk = referral.id
            family_pk = family_pk or referral.family_id
        return create_followup_in_session(session, title=title, due=due, owner=owner, family_pk=family_pk,
                                          referral_pk=referral_pk, meeting_uuid=meeting_id, note=note)


def _followup(session: Session, followup_id: str) -> FollowUp:
    followup = session.scalar(select(FollowUp).where(FollowUp.uuid == followup_id))
    if followup is None:
        raise NotFoundError(_("No follow-up with id {id}.").format(id=followup_id))
    return followup


@dataclass(frozen=True)
class FollowUpCounts:
    overdue: int
    today: int
    total: int  # every open follow-up due by the day asked (all of them without one)


def count_followups(store: Store, *, today: dt.date, due_until: dt.date | None = None) -> FollowUpCounts:
    """How many open follow-ups are overdue, due today, and in all up to ``due_until`` (Opvolging's summary line,
    counted by the store rather than over 10,000 rows in memory)."""
    query = select(func.count().filter(FollowUp.due < today), func.count().filter(FollowUp.due == today),
                   func.count()).where(FollowUp.status.in_(sorted(OPEN_STATUSES)))
    if due_until is not None:
        query = query.where(FollowUp.due <= due_until)
    with store.read() as session:
        overdue, due_today, total = session.connection().execute(query).one()
    return FollowUpCounts(int(overdue or 0), int(due_today or 0), int(total or 0))


def complete_followup(
    store: Store, *, followup_id: str, status: str = FollowUpStatus.DONE, on: dt.date | None = None
) -> None:
    """Close a follow-up as done, cancelled or no longer needed (or mark 'no answer', which stays open)."""
    if status not in FOLLOWUP_STATUSES or status == FollowUpStatus.PLANNED:
        raise ValidationError(_("Choose how the follow-up ended."), field="status")
    with store.session() as session:
        set_followup_status_in_session(session, followup_id=followup_id, status=status, on=on)


def set_followup_status_in_session(session: Session, *, followup_id: str, status: str,
                                   on: dt.date | None = None) -> None:
    """Set a follow-up's status inside the caller's unit of work ('planned' opens it again)."""
    if status not in FOLLOWUP_STATUSES:
        raise ValidationError(_("Choose how the follow-up ended."), field="status")
    followup = _followup(session, followup_id)
    followup.status = status
    followup.closed_on = None if is_open(status) else (on or today_local())


def reschedule_followup(store: Store, *, followup_id: str, due: dt.date) -> None:
    check_follow_up_day(due, label=_("Due date"), field="due")
    with store.session() as session:
        followup = _followup(session, followup_id)
        followup.due = due
        if not is_open(followup.status):
            followup.status = FollowUpStatus.PLANNED
            followup.closed_on = None


def list_followups(
    store: Store,
    *,
    due_until: dt.date | None = None,
    due_from: dt.date | None = None,
    status: Iterable[str] | str | None = None,
    family_id: str | None = None,
    referral_id: str | None = None,
    meeting_id: str | None = None,
    today: dt.date | None = None,
    offset: int = 0,
    limit: int | None = None,
) -> list[FollowUpView]:
    """Follow-ups by due date. By default the open ones (gepland, geen antwoord); ``due_from`` and ``due_until``
    cut off (both included); ``offset`` and ``limit`` give one page of that order.

    One query of plain columns (family, referral and the count of unanswered attempts joined in): Vandaag and
    the Opvolging page list thousands of them on a busy programme, the page 200 at a time.
    """
    day = today or today_local()
    statuses = OPEN_STATUSES if status is None else ({status} if isinstance(status, str) else set(status))
    unanswered = (  # for the rows read only, not for every follow-up
        select(func.count()).where(ContactAttempt.followup_id == FollowUp.id, ContactAttempt.answered.is_(False))
        .correlate(FollowUp).scalar_subquery()
    )
    # The page's ids first (ordered on the due-date index), then the family, referral and attempts for the page
    # alone: SQLite would otherwise join and count for every open follow-up before sorting.
    page = select(FollowUp.id.label("pk")).where(FollowUp.status.in_(sorted(statuses)))
    if due_until is not None:
        page = page.where(FollowUp.due <= due_until)
    if due_from is not None:
        page = page.where(FollowUp.due >= due_from)
    if family_id:
        page = page.where(FollowUp.family_id == select(Family.id).where(Family.uuid == family_id).scalar_subquery())
    if referral_id:
        page = page.where(
            FollowUp.referral_id == select(Referral.id).where(Referral.uuid == referral_id).scalar_subquery())
    if meeting_id:
        page = page.where(FollowUp.meeting_uuid == meeting_id)
    ids = page.order_by(FollowUp.due, FollowUp.id).offset(offset).limit(limit).subquery()
    query = (
        select(FollowUp.uuid, FollowUp.title, FollowUp.due, FollowUp.owner, FollowUp.status, Family.uuid,
               Family.display_name, Referral.uuid, FollowUp.meeting_uuid, FollowUp.note, unanswered)
        .join(ids, ids.c.pk == FollowUp.id)
        .outerjoin(Family, Family.id == FollowUp.family_id)
        .outerjoin(Referral, Referral.id == FollowUp.referral_id)
        .order_by(FollowUp.due, FollowUp.id)
    )
    with store.read() as session:
        return [
            FollowUpView(id=uuid, title=title, due=due, owner=owner, status=state, bucket=bucket_of(due, day),
                         family_id=fam_uuid or "", family_name=fam_name or "", referral_id=ref_uuid or "",
                         meeting_id=meeting_uuid, note=note, attempts=attempts or 0)
            for (uuid, title, due, owner, state, fam_uuid, fam_name, ref_uuid, meeting_uuid, note, attempts)
            in session.connection().execute(query)  # Core rows: no ORM row processing
        ]


def due_this_week(store: Store, *, today: dt.date | None = None) -> dict[str, list[FollowUpView]]:
    """Overdue, today and the rest of this week: what the Vandaag and Opvolging pages show."""
    day = today or today_local()
    grouped: dict[str, list[FollowUpView]] = {Bucket.OVERDUE: [], Bucket.TODAY: [], Bucket.THIS_WEEK: []}
    for view in list_followups(store, due_until=end_of_week(day), today=day):
        grouped[view.bucket].append(view)
    return grouped


def list_followup_records(store: Store) -> list[ListedRecord]:
    return [ListedRecord(v.id, f"{v.due.isoformat()} {v.title} ({FOLLOWUP_STATUSES.label(v.status)})")
            for v in list_followups(store)]


def followup_timeline(session: Session, family_pk: int) -> list[TimelineEntry]:
    """Follow-ups of the family that are not a referral's own check (those show with the referral)."""
    rows = session.scalars(select(FollowUp).where(FollowUp.family_id == family_pk,
                                                  FollowUp.referral_id.is_(None))).all()
    return [
        TimelineEntry(kind="followup", id=f.uuid,
                      at=dt.datetime.combine(f.due, dt.time(12), tzinfo=dt.UTC),
                      title=_("Follow-up: {title}").format(title=f.title),
                      status=FOLLOWUP_STATUSES.label(f.status))
        for f in rows
    ]


# -- contact attempts -------------------------------------------------------------------------
def log_attempt(
    store: Store,
    *,
    channel: str,
    answered: bool = False,
    at: dt.datetime | None = None,
    followup_id: str | None = None,
    contact_id: str | None = None,
    family_id: str | None = None,
    referral_id: str | None = None,
    note: str = "",
) -> str:
    """Log one try to reach someone. An unanswered try on a follow-up marks it 'geen antwoord' (still open)."""
    if channel not in CHANNELS:
        raise ValidationError(_("Choose how you tried to reach them."), field="channel")
    if at is not None and at.tzinfo is None:
        raise ValidationError(_("The time of the attempt is not valid."), field="at")
    with store.session() as session:
        attempt = ContactAttempt(channel=channel, answered=answered, note=note.strip(),
                                 at=at or dt.datetime.now(dt.UTC))
        if followup_id:
            followup = _followup(session, followup_id)
            attempt.followup_id = followup.id
            attempt.family_id = followup.family_id
            attempt.referral_id = followup.referral_id
            if not answered and is_open(followup.status):
                followup.status = FollowUpStatus.NO_ANSWER
        if contact_id:
            contact = session.scalar(select(KaartContact).where(KaartContact.uuid == contact_id))
            if contact is None:
                raise ValidationError(_("The chosen contact person is no longer on the social map."),
                                      field="contact")
            attempt.kaart_contact_id = contact.id
        if family_id:
            attempt.family_id = session.scalar(select(Family.id).where(Family.uuid == family_id))
        if referral_id:
            referral = session.scalar(select(Referral).where(Referral.uuid == referral_id))
            if referral is not None:
                attempt.referral_id = referral.id
                attempt.family_id = attempt.family_id or referral.family_id
                if attempt.kaart_contact_id is None:
                    attempt.kaart_contact_id = referral.contact_id
        if attempt.followup_id is None and attempt.kaart_contact_id is None and attempt.family_id is None:
            raise ValidationError(_("Choose whom you tried to reach."), field="contact")
        session.add(attempt)
        session.flush()
        return attempt.uuid


def _suggestions(session: Session, contact: KaartContact) -> tuple[str, ...]:
    def line(name: str, phone: str, email: str) -> str:
        return " – ".join(filter(None, [name, phone or email]))

    backups = [c for c in contact.organization.contacts if c.id != contact.id
               and (c.is_backup or (contact.service_id is not None and c.service_id == contact.service_id))]
    backups.sort(key=lambda c: (not c.is_backup, c.service_id != contact.service_id, c.name))
    found = [_("Backup contact: {line}").format(line=line(c.name, c.phone, c.email)) for c in backups[:2]]
    clb = [line(org.name, org.phones[0].number if org.phones else "", org.email) for org in session.scalars(
        select(KaartOrganization).where(KaartOrganization.name.like("%CLB%")).order_by(KaartOrganization.name))]
    if not clb:
        clb = [line(p.name, p.phone, p.email) for p in session.scalars(
            select(SchoolContact).where(SchoolContact.role == "clb_anker").order_by(SchoolContact.name))]
    found += [_("CLB: {line}").format(line=entry) for entry in clb[:2]]
    return tuple(found)


def contact_reachability(store: Store, *, contact_id: str) -> Reachability:
    """'Geen antwoord sinds …' for a contact person; after three unanswered tries, the backup and the CLB."""
    with store.read() as session:
        contact = session.scalar(select(KaartContact).where(KaartContact.uuid == contact_id))
        if contact is None:
            raise NotFoundError(_("No contact person with id {id}.").format(id=contact_id))
        rows = session.scalars(select(ContactAttempt).where(ContactAttempt.kaart_contact_id == contact.id)).all()
        streak = unanswered(Attempt(a.at, a.channel, a.answered) for a in rows)
        suggestions = _suggestions(session, contact) if streak and streak.suggest_alternatives else ()
        return Reachability(
            contact_id=contact.uuid, contact_name=contact.name,
            unanswered_since=streak.since if streak else None, unanswered_count=streak.tries if streak else 0,
            attempts=len(rows), suggestions=suggestions,
        )

"""What *Vandaag* shows: promised follow-ups due today (or overdue), today's contacts, and the open follow-ups due
today or overdue, a page at a time. "Today" is the Brussels day (``domain.clock``)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import ColumnElement, func, select

from brugapp.domain.clock import day_bounds, today_local
from brugapp.domain.followups import OPEN_STATUSES, bucket_of
from brugapp.services.families.notebook import ContactInfo, list_contacts
from brugapp.services.referrals.followups import FollowUpView
from brugapp.store import Store
from brugapp.store.models import Family
from brugapp.store.models.notebook import ContactMoment, ContactTheme
from brugapp.store.models.referrals import ContactAttempt, FollowUp, Referral


@dataclass(frozen=True)
class PromisedFollowUp:
    contact_id: str
    family_id: str
    family_name: str
    promised_on: dt.date
    channel: str
    note: str
    themes: tuple[str, ...]
    overdue: bool


def local_day_bounds(day: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """The UTC instants where a local calendar day starts and ends."""
    return day_bounds(day)


def _open_promises(day: dt.date, include_overdue: bool) -> tuple[ColumnElement[bool], ...]:
    due = ContactMoment.follow_up_on <= day if include_overdue else ContactMoment.follow_up_on == day
    return (ContactMoment.deleted_at.is_(None), ContactMoment.follow_up_done.is_(False),
            ContactMoment.follow_up_on.is_not(None), due)


def count_promised_follow_ups(store: Store, *, day: dt.date | None = None, include_overdue: bool = True) -> int:
    day = day or today_local()
    with store.read() as session:
        return int(session.connection().execute(
            select(func.count()).select_from(ContactMoment).where(*_open_promises(day, include_overdue))
        ).scalar_one())


def promised_follow_ups(store: Store, *, day: dt.date | None = None, include_overdue: bool = True,
                        offset: int = 0, limit: int | None = None) -> list[PromisedFollowUp]:
    """Follow-ups promised in contact moments for ``day`` (and, by default, earlier ones not yet done), oldest
    promise first; ``offset``/``limit`` give one page of them (Vandaag builds its list a page at a time).

    Plain columns and one query for the page's themes: a busy programme has thousands of open promises, and
    loading each as an ORM object with its themes one by one held up Vandaag for most of a second.
    """
    day = day or today_local()
    query = (
        select(ContactMoment.id, ContactMoment.uuid, Family.uuid, Family.display_name, ContactMoment.follow_up_on,
               ContactMoment.channel, ContactMoment.note)
        .outerjoin(Family, Family.id == ContactMoment.family_id)
        .where(*_open_promises(day, include_overdue))
        .order_by(ContactMoment.follow_up_on, ContactMoment.occurred_at).offset(offset).limit(limit)
    )
    with store.read() as session:
        connection = session.connection()  # Core rows: no ORM identity map for thousands of rows
        rows = connection.execute(query).all()
        themes: dict[int, list[str]] = {}
        if rows:
            for contact_id, theme in connection.execute(
                    select(ContactTheme.contact_id, ContactTheme.theme)
                    .where(ContactTheme.contact_id.in_([row[0] for row in rows]))
                    .order_by(ContactTheme.contact_id, ContactTheme.theme)):
                themes.setdefault(contact_id, []).append(theme)
    return [
        PromisedFollowUp(uuid, fam_uuid or "", fam_name or "", promised_on, channel, note,
                         tuple(themes.get(pk, ())), promised_on < day)
        for pk, uuid, fam_uuid, fam_name, promised_on, channel, note in rows
        if promised_on is not None  # always true (see the WHERE); tells the type checker
    ]


def contacts_logged_on(store: Store, *, day: dt.date | None = None) -> list[ContactInfo]:
    start, end = local_day_bounds(day or today_local())
    return list_contacts(store, since=start, until=end)


@dataclass(frozen=True)
class DueCounts:
    today: int
    overdue: int


def count_followups_due(store: Store, *, today: dt.date) -> DueCounts:
    """How many open follow-ups are due today and how many are overdue (the title of Vandaag's panel)."""
    with store.read() as session:
        row = session.connection().execute(
            select(func.count().filter(FollowUp.due == today), func.count().filter(FollowUp.due < today))
            .where(FollowUp.status.in_(sorted(OPEN_STATUSES)), FollowUp.due <= today)).one()
    return DueCounts(int(row[0] or 0), int(row[1] or 0))


def followups_due(store: Store, *, today: dt.date, offset: int = 0, limit: int = 60) -> list[FollowUpView]:
    """One page of the open follow-ups due today and overdue: today's first (that is the day's work), then what
    slipped, most recent first. Vandaag asks a page at a time: a busy programme has thousands overdue, and
    reading them all held up the page (``brugapp bench``)."""
    # The page's ids first: sorting thousands of rows carries only their keys, and the families, referrals and
    # unanswered attempts are looked up for the page alone.
    page = (
        select(FollowUp.id.label("pk"))
        .where(FollowUp.status.in_(sorted(OPEN_STATUSES)), FollowUp.due <= today)
        .order_by((FollowUp.due != today), FollowUp.due.desc(), FollowUp.id)
        .offset(offset).limit(limit).subquery()
    )
    unanswered = (
        select(func.count()).where(ContactAttempt.followup_id == FollowUp.id, ContactAttempt.answered.is_(False))
        .correlate(FollowUp).scalar_subquery()
    )
    query = (
        select(FollowUp.uuid, FollowUp.title, FollowUp.due, FollowUp.owner, FollowUp.status, Family.uuid,
               Family.display_name, Referral.uuid, FollowUp.meeting_uuid, FollowUp.note, unanswered)
        .join(page, page.c.pk == FollowUp.id)
        .outerjoin(Family, Family.id == FollowUp.family_id)
        .outerjoin(Referral, Referral.id == FollowUp.referral_id)
        .order_by((FollowUp.due != today), FollowUp.due.desc(), FollowUp.id)
    )
    with store.read() as session:
        return [
            FollowUpView(id=uuid, title=title, due=due, owner=owner, status=state, bucket=bucket_of(due, today),
                         family_id=fam_uuid or "", family_name=fam_name or "", referral_id=ref_uuid or "",
                         meeting_id=meeting_uuid, note=note, attempts=attempts or 0)
            for (uuid, title, due, owner, state, fam_uuid, fam_name, ref_uuid, meeting_uuid, note, attempts)
            in session.connection().execute(query)
        ]

"""What *Vandaag* shows from the notebook: promised follow-ups due today (or overdue) and today's contacts."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from brugapp.domain.clock import day_bounds, today_local
from brugapp.services.families.notebook import ContactInfo, list_contacts
from brugapp.store import Store
from brugapp.store.models import Family
from brugapp.store.models.notebook import ContactMoment


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


def promised_follow_ups(store: Store, *, day: dt.date | None = None, include_overdue: bool = True
                        ) -> list[PromisedFollowUp]:
    """Follow-ups promised in contact moments for ``day`` (and, by default, earlier ones not yet done)."""
    day = day or today_local()
    with store.read() as session:
        query = (
            select(ContactMoment, Family.uuid, Family.display_name)
            .outerjoin(Family, Family.id == ContactMoment.family_id)
            .where(ContactMoment.deleted_at.is_(None), ContactMoment.follow_up_done.is_(False),
                   ContactMoment.follow_up_on.is_not(None))
        )
        query = query.where(ContactMoment.follow_up_on <= day) if include_overdue \
            else query.where(ContactMoment.follow_up_on == day)
        rows = session.execute(query.order_by(ContactMoment.follow_up_on, ContactMoment.occurred_at)).all()
        return [
            PromisedFollowUp(c.uuid, fam_uuid or "", fam_name or "", c.follow_up_on, c.channel, c.note,
                             tuple(t.theme for t in c.themes), c.follow_up_on < day)
            for c, fam_uuid, fam_name in rows
            if c.follow_up_on is not None  # always true (see the WHERE); tells the type checker
        ]


def contacts_logged_on(store: Store, *, day: dt.date | None = None) -> list[ContactInfo]:
    start, end = local_day_bounds(day or today_local())
    return list_contacts(store, since=start, until=end)

"""Warm referrals, read: one referral in full, the list for the page, the family timeline.

Plain frozen dataclasses out; the list is one query of plain columns (the page shows thousands).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from brugapp.domain.clock import BRUSSELS
from brugapp.domain.referrals import CLOSED, STATUSES, EventKind, allowed_next
from brugapp.errors import NotFoundError
from brugapp.i18n import _
from brugapp.services.records import ListedRecord, TimelineEntry
from brugapp.store import Store
from brugapp.store.models import Family
from brugapp.store.models.kaart import KaartContact, KaartService
from brugapp.store.models.referrals import FollowUp, Referral, ReferralEvent
from brugapp.store.plain_reads import day_or_none, utc_or_none
from brugapp.store.referrals_reads import referral_list_rows

LOCAL_ZONE = BRUSSELS  # the one time rule: domain/clock.py


@dataclass(frozen=True)
class ReferralEventView:
    at: dt.datetime
    kind: str
    from_status: str
    to_status: str
    text: str


@dataclass(frozen=True)
class ReferralView:
    id: str
    family_id: str
    family_name: str
    theme: str
    service_id: str
    service_label: str
    contact_id: str
    contact_name: str
    intensity: str
    urgent: bool
    status: str
    outcome: str
    referred_on: dt.date
    appointment_at: dt.datetime | None
    next_check: dt.date | None
    no_show_count: int


@dataclass(frozen=True)
class ReferralDetail:
    id: str
    family_id: str
    family_name: str
    theme: str
    question: str
    tried: str
    sharing: str
    service_id: str
    service_label: str
    organization_id: str
    contact_id: str
    contact_name: str
    contact_phone: str
    contact_email: str
    mandated: bool
    intensity: str
    urgent: bool
    warned_in_advance: bool
    receiving_worker: str
    referred_on: dt.date
    appointment_at: dt.datetime | None
    first_appointment_on: dt.date | None
    status: str
    outcome: str
    decline_reason: str
    closed_on: dt.date | None
    no_show_count: int
    feedback_on: dt.date | None
    feedback_text: str
    next_check: dt.date | None
    allowed_next: tuple[str, ...]
    events: tuple[ReferralEventView, ...]



def referral_or_raise(session: Session, referral_id: str) -> Referral:
    referral = session.scalar(select(Referral).where(Referral.uuid == referral_id))
    if referral is None:
        raise NotFoundError(_("No referral with id {id}.").format(id=referral_id))
    return referral



def next_checks(session: Session, referral_pks: list[int]) -> dict[int, dt.date]:
    if not referral_pks:
        return {}
    rows = session.execute(
        select(FollowUp.referral_id, func.min(FollowUp.due))
        .where(FollowUp.referral_id.in_(referral_pks), FollowUp.status.in_(("planned", "no_answer")))
        .group_by(FollowUp.referral_id)
    ).all()
    return {pk: due for pk, due in rows if pk is not None}  # never None (see the WHERE)


def local_date(moment: dt.datetime) -> dt.date:
    return moment.astimezone(LOCAL_ZONE).date() if moment.tzinfo else moment.date()



def _contact_parts(referral: Referral, session: Session) -> tuple[str, str, str, str]:
    if referral.contact_id is None:
        return "", "", "", ""
    contact = session.get(KaartContact, referral.contact_id)
    if contact is None:
        return "", "", "", ""
    return contact.uuid, contact.name, contact.phone, contact.email


def detail_in_session(session: Session, referral: Referral) -> ReferralDetail:
    family = session.get(Family, referral.family_id)
    assert family is not None
    service = session.get(KaartService, referral.service_id) if referral.service_id else None
    contact_uuid, contact_name, phone, email = _contact_parts(referral, session)
    events = session.scalars(
        select(ReferralEvent).where(ReferralEvent.referral_id == referral.id).order_by(ReferralEvent.id)
    ).all()
    return ReferralDetail(
        id=referral.uuid, family_id=family.uuid, family_name=family.display_name, theme=referral.theme,
        question=referral.question, tried=referral.tried, sharing=referral.sharing,
        service_id=service.uuid if service else "", service_label=referral.service_label,
        organization_id=service.organization.uuid if service else "",
        contact_id=contact_uuid, contact_name=contact_name, contact_phone=phone, contact_email=email,
        mandated=referral.mandated, intensity=referral.intensity, urgent=referral.urgent,
        warned_in_advance=referral.warned_in_advance, receiving_worker=referral.receiving_worker,
        referred_on=referral.referred_on, appointment_at=referral.appointment_at,
        first_appointment_on=referral.first_appointment_on, status=referral.status, outcome=referral.outcome,
        decline_reason=referral.decline_reason, closed_on=referral.closed_on,
        no_show_count=referral.no_show_count, feedback_on=referral.feedback_on,
        feedback_text=referral.feedback_text,
        next_check=next_checks(session, [referral.id]).get(referral.id),
        allowed_next=allowed_next(referral.status),
        events=tuple(ReferralEventView(e.at, e.kind, e.from_status, e.to_status, e.text) for e in events),
    )


def get_referral(store: Store, *, referral_id: str) -> ReferralDetail:
    with store.read() as session:
        return detail_in_session(session, referral_or_raise(session, referral_id))


def referral_in_session(session: Session, *, referral_id: str) -> ReferralDetail:
    """For other services (printing) inside their own unit of work."""
    return detail_in_session(session, referral_or_raise(session, referral_id))


def list_referrals(
    store: Store, *, family_id: str | None = None, open_only: bool = False, status: str | None = None,
    offset: int = 0, limit: int | None = None,
) -> list[ReferralView]:
    """Referrals, open before closed, urgent first, then by next check (none last), family, and age.

    One query of plain columns (service, contact person and next check joined in), ordered by the store: the
    page lists thousands of referrals, so no ORM objects, no query per row, and a page at a time (``offset``,
    ``limit``): the first 200 of 5,000 open referrals are shown at once. The page's ids are found first, with
    what they sort on; the families, services and contact persons are joined in for the page alone
    (``store/referrals_reads.py``, plain driver rows).
    """
    with store.read() as session:
        rows = referral_list_rows(session, closed=CLOSED, family_id=family_id, status=status, open_only=open_only,
                                  offset=offset, limit=limit)
    return [
        ReferralView(
            id=uuid, family_id=fam_uuid, family_name=fam_name, theme=theme, service_id=service_uuid or "",
            service_label=label, contact_id=contact_uuid or "", contact_name=contact_name or "",
            intensity=intensity, urgent=bool(urgent), status=state, outcome=outcome,
            referred_on=dt.date.fromisoformat(referred_on), appointment_at=utc_or_none(appointment_at),
            next_check=day_or_none(due), no_show_count=no_shows,
        )
        for (uuid, fam_uuid, fam_name, theme, service_uuid, label, contact_uuid, contact_name, intensity, urgent,
             state, outcome, referred_on, appointment_at, due, no_shows) in rows
    ]


def list_referral_records(store: Store) -> list[ListedRecord]:
    return [ListedRecord(v.id, f"{v.family_name} → {v.service_label} ({STATUSES.label(v.status)})")
            for v in list_referrals(store)]


def referral_timeline(session: Session, family_pk: int) -> list[TimelineEntry]:
    """Each referral and each step of it, for the family timeline."""
    entries = []
    referrals = session.scalars(select(Referral).where(Referral.family_id == family_pk)).all()
    for referral in referrals:
        theme = (referral.theme,) if referral.theme else ()
        for event in referral.events:
            if event.kind == EventKind.CREATED:
                title = _("Referral to {service}").format(service=referral.service_label)
            elif event.kind == EventKind.STATUS:
                title = _("Referral to {service}: {status}").format(
                    service=referral.service_label, status=STATUSES.label(event.to_status))
            elif event.kind == EventKind.NO_SHOW:
                title = _("Missed appointment at {service}").format(service=referral.service_label)
            elif event.kind == EventKind.FEEDBACK:
                title = _("Feedback from {service}").format(service=referral.service_label)
            else:
                title = _("Referral to {service}: new appointment").format(service=referral.service_label)
            entries.append(TimelineEntry(kind="referral", id=referral.uuid, at=event.at, title=title,
                                         detail=event.text, themes=theme,
                                         status=STATUSES.label(referral.status)))
    return entries

"""The referrals list as the service first read it (SQLAlchemy, the next check looked up per referral): the
reference the plain-SQL list (``store/referrals_reads.py``) is compared with, at any schema revision since 0004."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select

from brugapp.domain.referrals import CLOSED
from brugapp.services.referrals.followups import create_followup
from brugapp.services.referrals.reading import ReferralView
from brugapp.services.referrals.referrals import change_status, create_referral
from brugapp.store import Store
from brugapp.store.models import Family
from brugapp.store.models.kaart import KaartContact, KaartService
from brugapp.store.models.referrals import FollowUp, Referral
from tests.factories import make_family

# Each referral's next check looked up in its own open checks, as the list did until revision 0016
NEXT_CHECK_SQL = ("SELECT r.id, (SELECT fu.due FROM followups AS fu WHERE fu.referral_id = r.id "
                  "AND fu.status IN ('planned', 'no_answer') ORDER BY fu.due LIMIT 1) "
                  "FROM referrals AS r ORDER BY r.id")


def previous_list_referrals(store: Store, *, family_id: str | None = None, open_only: bool = False,
                            status: str | None = None, offset: int = 0, limit: int | None = None,
                            ) -> list[ReferralView]:
    """``list_referrals`` as it was before the list was read as plain driver rows (commit f111d84)."""
    next_check = (
        select(func.min(FollowUp.due))
        .where(FollowUp.referral_id == Referral.id, FollowUp.status.in_(("planned", "no_answer")))
        .correlate(Referral).scalar_subquery()
    )
    due = next_check.label("due")
    name = Family.display_name.label("name")
    closed = Referral.status.in_(sorted(CLOSED)).label("closed")
    urgent = func.coalesce(Referral.urgent, False).label("urgent")
    page = select(Referral.id.label("pk"), due, name, closed, urgent).join(Family, Family.id == Referral.family_id)
    if family_id:
        page = page.where(Family.uuid == family_id)
    if status:
        page = page.where(Referral.status == status)
    if open_only:
        page = page.where(Referral.status.not_in(sorted(CLOSED)))
    ids = page.order_by(closed, urgent.desc(), due.asc().nulls_last(), name, Referral.id).offset(offset).limit(
        limit).subquery()
    with store.read() as session:
        query = (
            select(Referral.uuid, Family.uuid, Family.display_name, Referral.theme, KaartService.uuid,
                   Referral.service_label, KaartContact.uuid, KaartContact.name, Referral.intensity, Referral.urgent,
                   Referral.status, Referral.outcome, Referral.referred_on, Referral.appointment_at,
                   ids.c.due, Referral.no_show_count)
            .join(ids, ids.c.pk == Referral.id)
            .join(Family, Family.id == Referral.family_id)
            .outerjoin(KaartService, KaartService.id == Referral.service_id)
            .outerjoin(KaartContact, KaartContact.id == Referral.contact_id)
            .order_by(ids.c.closed, ids.c.urgent.desc(), ids.c.due.is_(None), ids.c.due, ids.c.name, Referral.id)
        )
        return [
            ReferralView(
                id=uuid, family_id=fam_uuid, family_name=fam_name, theme=theme, service_id=service_uuid or "",
                service_label=label, contact_id=contact_uuid or "", contact_name=contact_name or "",
                intensity=intensity, urgent=urgent, status=state, outcome=outcome, referred_on=referred_on,
                appointment_at=appointment_at, next_check=due, no_show_count=no_shows,
            )
            for (uuid, fam_uuid, fam_name, theme, service_uuid, label, contact_uuid, contact_name, intensity, urgent,
                 state, outcome, referred_on, appointment_at, due, no_shows) in session.connection().execute(query)
        ]


def referrals_with_checks(store: Store) -> list[str]:
    """Six referrals of two families, the fifth urgent, the first closed, each with the check a new referral plans
    and one of its own (the migration tests' store before an upgrade); their ids."""
    families = [make_family(store, display_name=name) for name in ("Gezin Maes", "Gezin Aydın")]
    made = []
    for number in range(6):
        referral = create_referral(store, family_id=families[number % 2], intensity="called", urgent=number == 4,
                                   service_label=f"Dienst {number}", referred_on=dt.date(2026, 11, 1 + number))
        made.append(referral)
        create_followup(store, title="Bellen", due=dt.date(2026, 12, 10 - number), owner="", referral_id=referral)
    change_status(store, referral_id=made[0], status="stopped", outcome="no_longer_interested")
    return made

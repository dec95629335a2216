"""The referrals list in plain SQL (``store/referrals_reads.py``) gives exactly what the service's SQLAlchemy query
gave: the same referrals, in the same order, with the same values, for every way the page and the CLI ask.

The previous query is kept here as the reference. The data is awkward on purpose: equal family names, urgent and
not, closed ones, follow-ups done and open (two on one day, one not answered), a service and a contact person
taken off the map, appointments, several years, a family archived.
"""

from __future__ import annotations

import datetime as dt
from random import Random

import pytest
from sqlalchemy import func, select

from brugapp.domain.referrals import CLOSED
from brugapp.services.referrals.reading import ReferralView, list_referrals
from brugapp.store import Store
from brugapp.store.models import Family
from brugapp.store.models.kaart import KaartContact, KaartOrganization, KaartService
from brugapp.store.models.referrals import FollowUp, Referral

STATUSES = ("prepared", "registered", "waiting_list", "appointment", "ongoing", "completed", "stopped", "declined",
            "withdrawn")


def _previous_list_referrals(store: Store, *, family_id: str | None = None, open_only: bool = False,
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


def _awkward_referrals(store: Store) -> list[str]:
    """120 referrals of 12 families (three called the same), over three school years; returns the family ids."""
    random = Random(16)
    with store.session() as session:
        organization = KaartOrganization(name="CAW Zuid-West-Vlaanderen")
        services = [KaartService(name=f"Dienst {n}", organization=organization) for n in range(4)]
        contacts = [KaartContact(name=f"Contact {n}", organization=organization) for n in range(3)]
        families = [Family(display_name=name) for name in (
            "Gezin Peeters", "Gezin Peeters", "Gezin Peeters", "Gezin Özdemir", "gezin aerts", "Gezin Aerts",
            "Gezin Çelik", "Gezin El Amrani", "Gezin 10", "Gezin 9", "Gezin Dhondt", "Gezin D'Hondt")]
        families[5].archived_at = dt.datetime(2026, 1, 5, 9, 0, tzinfo=dt.UTC)
        session.add_all([organization, *services, *contacts, *families])
        session.flush()
        for number in range(120):
            status = random.choice(STATUSES)
            referral = Referral(
                family_id=random.choice(families).id, theme=random.choice(("", "school", "geld")),
                service_id=random.choice([None, *(s.id for s in services)]),
                contact_id=random.choice([None, *(c.id for c in contacts)]),
                service_label=f"Dienst {number % 5}", intensity=random.choice(("info", "warm", "accompanied")),
                urgent=random.random() < 0.3, status=status,
                outcome="helped" if status in CLOSED else "",
                referred_on=dt.date(2024 + number % 3, 1 + number % 12, 1 + number % 28),
                appointment_at=(dt.datetime(2026, 11, 20, 8, 30, number % 60, 123456, tzinfo=dt.UTC)
                                if random.random() < 0.4 else None),
                no_show_count=random.randrange(3),
            )
            session.add(referral)
            session.flush()
            for _check in range(random.randrange(4)):  # none, one or more checks; some done, some not answered
                session.add(FollowUp(title="Check", referral_id=referral.id, family_id=referral.family_id,
                                     due=dt.date(2026, 12, 1) + dt.timedelta(days=random.randrange(-5, 6)),
                                     status=random.choice(("planned", "no_answer", "done", "cancelled"))))
        session.flush()
        family_ids = [family.uuid for family in families]
        # A service and a contact person taken off the map after they were referred to.
        session.delete(services[0])
        session.delete(contacts[0])
    return family_ids


@pytest.fixture
def family_ids(store: Store) -> list[str]:
    return _awkward_referrals(store)


@pytest.mark.parametrize("options", [
    {}, {"open_only": True}, {"open_only": True, "limit": 200}, {"open_only": True, "offset": 7, "limit": 13},
    {"limit": 5}, {"offset": 100}, {"offset": 500, "limit": 10}, {"status": "ongoing"}, {"status": "completed"},
    {"status": "nothing such"},
])
def test_the_plain_list_matches_the_previous_query(store: Store, family_ids: list[str], options: dict) -> None:
    expected = _previous_list_referrals(store, **options)
    assert list_referrals(store, **options) == expected
    if not options:
        assert len(expected) == 120  # every referral, the archived family's too


def test_each_familys_referrals_match_the_previous_query(store: Store, family_ids: list[str]) -> None:
    for family_id in family_ids:
        for open_only in (False, True):
            expected = _previous_list_referrals(store, family_id=family_id, open_only=open_only)
            assert list_referrals(store, family_id=family_id, open_only=open_only) == expected
    assert list_referrals(store, family_id="no such family") == []


def test_the_values_come_back_typed_as_before(store: Store, family_ids: list[str]) -> None:
    views = list_referrals(store)
    assert all(isinstance(view.urgent, bool) for view in views)
    assert all(type(view.referred_on) is dt.date for view in views)
    with_appointment = [view for view in views if view.appointment_at is not None]
    assert with_appointment and all(view.appointment_at.tzinfo is not None for view in with_appointment)
    assert any(view.next_check is not None for view in views) and any(view.next_check is None for view in views)
    assert any(view.service_id == "" and view.service_label for view in views)  # taken off the map

"""The referrals list in plain SQL (``store/referrals_reads.py``) gives exactly what the service's SQLAlchemy query
gave: the same referrals, in the same order, with the same values, for every way the page and the CLI ask.

The previous query is the reference (``reference_list.py``). The data is awkward on purpose: equal family names,
urgent and not, closed ones, follow-ups done and open (two on one day, one not answered), a service and a contact
person taken off the map, appointments, several years, a family archived; then its checks changed every way.
"""

from __future__ import annotations

import datetime as dt
from random import Random

import pytest
from sqlalchemy import select

from brugapp.domain.referrals import CLOSED
from brugapp.services.referrals.reading import list_referrals
from brugapp.store import Store
from brugapp.store.models import Family
from brugapp.store.models.kaart import KaartContact, KaartOrganization, KaartService
from brugapp.store.models.referrals import FollowUp, Referral
from tests.unit.referrals.reference_list import previous_list_referrals

STATUSES = ("prepared", "registered", "waiting_list", "appointment", "ongoing", "completed", "stopped", "declined",
            "withdrawn")


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
    expected = previous_list_referrals(store, **options)
    assert list_referrals(store, **options) == expected
    if not options:
        assert len(expected) == 120  # every referral, the archived family's too


def test_each_familys_referrals_match_the_previous_query(store: Store, family_ids: list[str]) -> None:
    for family_id in family_ids:
        for open_only in (False, True):
            expected = previous_list_referrals(store, family_id=family_id, open_only=open_only)
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


def test_the_list_follows_every_change_to_the_checks(store: Store, family_ids: list[str]) -> None:
    # GIVEN the awkward referrals, each with its next check kept by the store (revision 0016's triggers)
    random = Random(4)
    with store.session() as session:
        checks = list(session.scalars(select(FollowUp).where(FollowUp.referral_id.is_not(None)).order_by(FollowUp.id)))
        referrals = list(session.scalars(select(Referral).order_by(Referral.id)))
        # WHEN checks are done, moved to another day, moved to another referral, added, taken off a referral,
        # deleted, and a referral is closed: each as its own statement, as the app saves them
        for check in checks[0:40:4]:
            check.status = "done"
        for check in checks[1:40:4]:
            check.due = check.due + dt.timedelta(days=random.randrange(-20, 20))
        for check in checks[2:40:4]:
            check.referral_id = random.choice(referrals).id
        for check in checks[3:40:8]:
            check.referral_id = None
        for check in checks[40:60]:
            session.delete(check)
        for referral in referrals[:10]:
            session.add(FollowUp(title="Nieuwe check", referral_id=referral.id, family_id=referral.family_id,
                                 due=dt.date(2026, 11, 1) + dt.timedelta(days=referral.id % 9), status="planned"))
        referrals[10].status = "completed"
        session.delete(referrals[11])
    # THEN the list is still the one the next checks looked up one by one give, in every way it is asked for
    for options in ({}, {"open_only": True}, {"open_only": True, "offset": 3, "limit": 17}):
        assert list_referrals(store, **options) == previous_list_referrals(store, **options)
    assert len(list_referrals(store)) == 119

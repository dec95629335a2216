"""The per-school referrals of the year report, counted with each (family, school) pair taken at its first member,
are the figures the previous query (a DISTINCT over every pair) gave: on awkward data, for several school years.

Awkward: families with two or three children at one school, children at two schools, parents without a school,
families without members, referrals before, in and after each school year, a school without any family.
"""

from __future__ import annotations

import datetime as dt
from random import Random

import pytest
from sqlalchemy import func, select

from brugapp.domain.schoolyear import SchoolYear
from brugapp.services.reporting.report import school_year_report
from brugapp.store import Store
from brugapp.store.models import Family, School
from brugapp.store.models.notebook import FamilyMember
from brugapp.store.models.referrals import Referral


def _previous_per_school(store: Store, year: SchoolYear) -> dict[str, int]:
    """The referrals per school as the report counted them before (commit f111d84), by school label."""
    with store.read() as session:
        per_family = (select(Referral.family_id, func.count().label("referrals"))
                      .where(Referral.referred_on >= year.first_day, Referral.referred_on <= year.last_day)
                      .group_by(Referral.family_id).subquery())
        pairs = (select(FamilyMember.school_id, per_family.c.family_id, per_family.c.referrals)
                 .join(FamilyMember, FamilyMember.family_id == per_family.c.family_id)
                 .where(FamilyMember.school_id.is_not(None)).distinct().subquery())
        counts = dict(session.execute(
            select(pairs.c.school_id, func.sum(pairs.c.referrals)).group_by(pairs.c.school_id)).all())
        return {school.label: int(counts[school.id]) for school in session.scalars(select(School))
                if counts.get(school.id)}


@pytest.fixture
def programme(store: Store) -> None:
    random = Random(16)
    with store.session() as session:
        schools = [School(name=name) for name in ("Basisschool De Vlieger", "GO! De Regenboog", "VBS Sint-Jan",
                                                  "School zonder gezinnen")]
        families = [Family(display_name=f"Gezin {number}") for number in range(60)]
        session.add_all([*schools, *families])
        session.flush()
        for family in families[:50]:  # ten families without members
            for child in range(random.randrange(4)):  # 0–3 children, often at the same school
                school = random.choice([*schools[:3], schools[0]])
                session.add(FamilyMember(family_id=family.id, role="child", first_name=f"Kind {child}",
                                         school_id=school.id))
            if random.random() < 0.7:
                session.add(FamilyMember(family_id=family.id, role="parent", first_name="Ouder"))
        for _number in range(400):
            session.add(Referral(family_id=random.choice(families).id, intensity="info", status="registered",
                                 service_label="CAW",
                                 referred_on=dt.date(2023, 8, 15) + dt.timedelta(days=random.randrange(3 * 365))))


@pytest.mark.parametrize("start_year", [2023, 2024, 2025])
def test_per_school_referrals_match_the_previous_count(store: Store, programme: None, start_year: int) -> None:
    year = SchoolYear(start_year)
    expected = _previous_per_school(store, year)
    schools = school_year_report(store, school_year=year, made_on=dt.date(2026, 6, 30)).table("schools")
    shown = {row[0].text: row[3].value for row in schools.rows[:-1] if row[3].value}  # the last row: the total
    assert shown == expected
    assert len(expected) == 3 and sum(expected.values()) > 50  # three schools, well filled

"""Benchmark of the year report on a busy programme: 10,000 families, 100,000 contact moments.

``fill_report_data`` (a ``BENCH_FILLERS`` entry) adds children at the 36 schools, two school years of
contact moments with themes (the first family has exactly ``BUSY_FAMILY_CONTACTS``: the case a brugfiguur
opens to see a long history) and two referrals per family, in bulk and in one transaction.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, insert, select

from brugapp.bench.base import BenchContext, BenchResult, measure
from brugapp.domain.notebook import CHANNELS
from brugapp.domain.referrals import INTENSITIES, OUTCOMES
from brugapp.domain.schoolyear import SchoolYear
from brugapp.domain.themes import THEMES
from brugapp.store import Store
from brugapp.store.base import new_uuid, utcnow
from brugapp.store.models.notebook import ContactMoment, ContactTheme, FamilyMember
from brugapp.store.models.referrals import Referral

CONTACTS_PER_FAMILY = 10
BUSY_FAMILY_CONTACTS = 100  # the first family's history: what opening a long-running case costs
REFERRALS_PER_FAMILY = 2
BENCH_YEAR = SchoolYear(2025)


def fill_report_data(store: Store, context: BenchContext) -> None:
    rng = context.rng
    now = utcnow()
    start = dt.datetime.combine(SchoolYear(2024).first_day, dt.time(8), tzinfo=dt.UTC)
    span_minutes = 2 * 365 * 24 * 60
    channels = CHANNELS.codes()
    themes = THEMES.codes()
    with store.session() as session:
        if not context.school_ids or not context.family_ids:
            return
        members = [
            {"uuid": new_uuid(), "family_id": family, "role": "child", "first_name": "Kind", "last_name": "",
             "phone": "", "email": "", "school_id": rng.choice(context.school_ids), "class_name": "",
             "school_year": BENCH_YEAR.label, "created_at": now, "updated_at": now}
            for family in context.family_ids for _n in range(rng.choice((1, 1, 2)))
        ]
        session.execute(insert(FamilyMember), members)
        first_id = (session.scalar(select(func.max(ContactMoment.id))) or 0) + 1
        contacts, contact_themes = [], []
        busy, others = context.family_ids[0], context.family_ids[1:] or context.family_ids
        for n in range(len(context.family_ids) * CONTACTS_PER_FAMILY):
            contact_id = first_id + n
            if n < BUSY_FAMILY_CONTACTS:
                family: int | None = busy
            else:
                family = None if rng.random() < 0.05 else rng.choice(others)
            contacts.append({
                "id": contact_id, "uuid": new_uuid(), "family_id": family,
                "occurred_at": start + dt.timedelta(minutes=rng.randrange(span_minutes)),
                "channel": rng.choice(channels), "initiative": "parent", "language": "", "interpreter": False,
                "note": "", "sharing": "private", "follow_up_done": False, "created_at": now, "updated_at": now,
            })
            for code in rng.sample(themes, rng.choice((1, 1, 2, 3))):
                contact_themes.append({"contact_id": contact_id, "theme": code})
        session.execute(insert(ContactMoment), contacts)
        session.execute(insert(ContactTheme), contact_themes)
        outcomes = [*OUTCOMES.codes(), "", ""]
        referrals = [
            {"uuid": new_uuid(), "family_id": rng.choice(context.family_ids), "theme": rng.choice(themes),
             "question": "", "tried": "", "sharing": "shareable", "service_label": "", "mandated": False,
             "intensity": rng.choice(INTENSITIES.codes()), "urgent": False, "warned_in_advance": False,
             "receiving_worker": "", "referred_on": BENCH_YEAR.first_day + dt.timedelta(days=rng.randrange(700)),
             "status": "ongoing", "outcome": rng.choice(outcomes), "decline_reason": "", "no_show_count": 0,
             "feedback_text": "", "created_at": now, "updated_at": now}
            for _n in range(len(context.family_ids) * REFERRALS_PER_FAMILY)
        ]
        session.execute(insert(Referral), referrals)


def report_benchmarks(store: Store, context: BenchContext) -> list[BenchResult]:
    from brugapp.services.reporting.report import school_choices, school_year_report

    schools = school_choices(store)
    school_id = schools[0][0] if schools else None
    return [
        measure(f"year report, all schools ({context.families} families)", 2000,
                lambda: school_year_report(store, school_year=BENCH_YEAR), runs=5),
        measure("year report, one school", 1000,
                lambda: school_year_report(store, school_year=BENCH_YEAR, school_id=school_id), runs=5),
    ]

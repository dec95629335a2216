"""The figures behind the report's charts: this school year beside the previous one.

Contacts by theme and by channel and referrals by outcome come from the year report (the same numbers as the
tables); the time to the first appointment is counted here, per waiting-time bucket (``domain/charts``).
"""

from __future__ import annotations

from collections import Counter

from sqlalchemy import select

from brugapp.domain.charts import WAIT_BUCKETS, Chart, wait_bucket
from brugapp.domain.reporting import Count, Label, ReportTable, SchoolYearReport
from brugapp.domain.schoolyear import SchoolYear
from brugapp.i18n import N_
from brugapp.services.reporting.report import chart_figures, school_year_report
from brugapp.store import Store
from brugapp.store.models import School
from brugapp.store.models.notebook import FamilyMember
from brugapp.store.models.referrals import Referral


def _counts(table: ReportTable, *, top_level_only: bool = False) -> dict[str, int]:
    counts: dict[str, int] = {}
    for row in table.rows:
        label, count = row[0], row[1]
        if not isinstance(label, Label) or not isinstance(count, Count):
            continue
        if top_level_only and label.level:
            continue
        counts[label.text] = count.value
    return counts


def _paired(key: str, title: str, now: dict[str, int], before: dict[str, int], years: tuple[str, str],
            order: list[str] | None = None) -> Chart:
    labels = order or [*now, *(k for k in before if k not in now)]
    labels = [k for k in labels if now.get(k) or before.get(k)]
    return Chart(key, title, tuple(labels), tuple(now.get(k, 0) for k in labels),
                 tuple(before.get(k, 0) for k in labels), *years)


def _waits(store: Store, year: SchoolYear, school_id: str | None) -> dict[str, int]:
    with store.read() as session:
        query = select(Referral.referred_on, Referral.first_appointment_on).where(
            Referral.referred_on >= year.first_day, Referral.referred_on <= year.last_day,
            Referral.first_appointment_on.is_not(None))
        if school_id:
            families = (select(FamilyMember.family_id).join(School, School.id == FamilyMember.school_id)
                        .where(School.uuid == school_id))
            query = query.where(Referral.family_id.in_(families))
        counted = Counter(wait_bucket((first - referred).days) for referred, first in session.execute(query)
                          if first is not None and first >= referred)
    return dict(counted)


def report_charts(store: Store, *, school_year: SchoolYear, school_id: str | None = None,
                  report: SchoolYearReport | None = None) -> tuple[Chart, ...]:
    """Four charts; pass ``report`` when the year's report was computed already (it is not computed twice)."""
    previous_year = SchoolYear(school_year.start_year - 1)
    now = report or school_year_report(store, school_year=school_year, school_id=school_id)
    before = chart_figures(store, school_year=previous_year, school_id=school_id)  # the three tables only
    years = (school_year.label, previous_year.label)
    wait_order = [label for _upper, label in WAIT_BUCKETS]
    return (
        _paired("themes", N_("Contacts by theme"), _counts(now.table("themes"), top_level_only=True),
                _counts(before.table("themes"), top_level_only=True), years),
        _paired("channels", N_("Contacts by channel"), _counts(now.table("channels")),
                _counts(before.table("channels")), years),
        _paired("outcomes", N_("Referrals by outcome"), _counts(now.table("referral_outcome")),
                _counts(before.table("referral_outcome")), years),
        _paired("waits", N_("Time to the first appointment"), _waits(store, school_year, school_id),
                _waits(store, previous_year, school_id), years, order=wait_order),
    )

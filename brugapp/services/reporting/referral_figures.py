"""Figures the report needs about referrals: time to the first appointment, outcomes per service.

Only aggregated numbers leave this module. ``shown`` turns a count into what may be printed: counts
under 5 become "<5" so nobody can be recognised in a small group.
"""

from __future__ import annotations

import datetime as dt
import statistics
from dataclasses import dataclass

from sqlalchemy import select

from brugapp.domain.referrals import OUTCOMES, Outcome
from brugapp.domain.reporting import suppress
from brugapp.store import Store
from brugapp.store.models.referrals import Referral


def shown(count: int) -> str:
    """What a printed report shows; the one suppression rule lives in domain/reporting."""
    return suppress(count)


@dataclass(frozen=True)
class ServiceOutcomes:
    service_label: str
    referrals: int
    outcomes: dict[str, int]  # outcome code -> count ("" = still open)
    median_days_to_appointment: float | None

    def shown(self) -> dict[str, str]:
        return {code: shown(n) for code, n in self.outcomes.items()}


@dataclass(frozen=True)
class ReferralFigures:
    first_day: dt.date
    last_day: dt.date
    referrals: int
    with_appointment: int
    median_days_to_appointment: float | None
    mean_days_to_appointment: float | None
    by_intensity: dict[str, int]
    by_outcome: dict[str, int]
    per_service: tuple[ServiceOutcomes, ...]


def referral_figures(store: Store, *, first_day: dt.date, last_day: dt.date) -> ReferralFigures:
    """Referrals made between the two days (inclusive), e.g. one school year."""
    with store.read() as session:
        rows = session.scalars(select(Referral).where(Referral.referred_on >= first_day,
                                                      Referral.referred_on <= last_day)).all()
        waits = {r.id: (r.first_appointment_on - r.referred_on).days for r in rows
                 if r.first_appointment_on is not None and r.first_appointment_on >= r.referred_on}
        by_intensity: dict[str, int] = {}
        by_outcome: dict[str, int] = {}
        services: dict[str, list[Referral]] = {}
        for r in rows:
            by_intensity[r.intensity] = by_intensity.get(r.intensity, 0) + 1
            by_outcome[r.outcome] = by_outcome.get(r.outcome, 0) + 1
            services.setdefault(r.service_label, []).append(r)
        per_service = []
        for label, referrals in sorted(services.items(), key=lambda kv: (-len(kv[1]), kv[0])):
            outcomes = {code: 0 for code in [*(o.value for o in Outcome), ""]}
            for r in referrals:
                outcomes[r.outcome] = outcomes.get(r.outcome, 0) + 1
            service_waits = [waits[r.id] for r in referrals if r.id in waits]
            per_service.append(ServiceOutcomes(label, len(referrals), outcomes,
                                               statistics.median(service_waits) if service_waits else None))
        all_waits = list(waits.values())
        return ReferralFigures(
            first_day=first_day, last_day=last_day, referrals=len(rows), with_appointment=len(all_waits),
            median_days_to_appointment=statistics.median(all_waits) if all_waits else None,
            mean_days_to_appointment=round(statistics.fmean(all_waits), 1) if all_waits else None,
            by_intensity=by_intensity, by_outcome=by_outcome, per_service=tuple(per_service),
        )


OUTCOME_CODES = tuple(OUTCOMES.codes())

"""Plausible dates at the service boundary (the bounds live in ``domain/plausible_dates.py``)."""

from __future__ import annotations

import datetime as dt

from brugapp.domain.plausible_dates import (
    EARLIEST,
    contact_day_plausible,
    follow_up_plausible,
    latest_follow_up,
    local_today,
)
from brugapp.errors import ValidationError
from brugapp.i18n import _, format_date


def check_contact_moment(when: dt.datetime, *, today: dt.date | None = None, field: str = "occurred_at") -> None:
    """Refuse a contact moment before 2000 or after tomorrow (a typo in the year, most of the time)."""
    day = today or local_today()
    if not contact_day_plausible(when, today=day):
        raise ValidationError(
            _("When: a contact moment must lie between {first} and tomorrow. Check the year.").format(
                first=format_date(EARLIEST)),
            field=field,
        )


def check_follow_up_day(value: dt.date, *, label: str, field: str, today: dt.date | None = None) -> None:
    """Refuse a follow-up date before 2000 or more than two years ahead."""
    day = today or local_today()
    if not follow_up_plausible(value, today=day):
        raise ValidationError(
            _("{field}: {date} is not plausible; choose a date between {first} and {last}. Check the year.").format(
                field=label, date=format_date(value), first=format_date(EARLIEST),
                last=format_date(latest_follow_up(day))),
            field=field,
        )

"""Plausible dates for what a brugfiguur records. Pure: the caller passes today.

A typo (1900 for 2026, 2999 for 2026) would otherwise put a contact outside every school year report or a
promise out of sight for ever. The bounds, in the field's terms:
- a contact moment happened between 1 January 2000 and tomorrow (tomorrow, not today: a conversation
  logged just after midnight, or on a laptop whose clock is a little ahead, must not be refused);
- a follow-up or a promised check falls between 1 January 2000 and two years ahead.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

EARLIEST = dt.date(2000, 1, 1)
FOLLOW_UP_YEARS_AHEAD = 2
LOCAL_ZONE = ZoneInfo("Europe/Brussels")


def local_today(now: dt.datetime | None = None) -> dt.date:
    """Today's date on the Brussels wall clock, whatever the computer's time zone."""
    return (now or dt.datetime.now(dt.UTC)).astimezone(LOCAL_ZONE).date()


def latest_follow_up(today: dt.date) -> dt.date:
    try:
        return today.replace(year=today.year + FOLLOW_UP_YEARS_AHEAD)
    except ValueError:  # 29 February
        return today.replace(year=today.year + FOLLOW_UP_YEARS_AHEAD, day=28)


def contact_day_plausible(when: dt.datetime, *, today: dt.date) -> bool:
    """Did a contact at ``when`` (aware) plausibly happen? Judged on the Brussels calendar day."""
    day = when.astimezone(LOCAL_ZONE).date()
    return EARLIEST <= day <= today + dt.timedelta(days=1)


def follow_up_plausible(day: dt.date, *, today: dt.date) -> bool:
    return EARLIEST <= day <= latest_follow_up(today)

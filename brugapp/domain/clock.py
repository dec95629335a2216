"""The one time rule: stored in UTC, shown, printed and exported as Europe/Brussels wall time.

A brugfiguur may work on a terminal server set to UTC or a laptop bought abroad; a meeting at 14:00
in Kortrijk must read 14:00 on every screen, sheet and invitation all the same. So nothing in BrugApp
converts with ``astimezone`` without naming a zone: every conversion goes through this module.

- ``BRUSSELS``            the zone every person sees
- ``to_local(moment)``    an aware (or UTC-naive) instant → Brussels wall time (aware)
- ``local_date(moment)``  the Brussels calendar day of an instant
- ``from_local(wall)``    a naive Brussels wall time (from a form, a demo offset) → aware UTC
- ``day_bounds(day)``     the UTC instants where a Brussels day starts and ends
- ``now_local()`` / ``today_local()``  the present, in Brussels
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

BRUSSELS = ZoneInfo("Europe/Brussels")


def to_local(moment: dt.datetime) -> dt.datetime:
    """Brussels wall time of ``moment``; a naive value is taken as UTC (what the store holds)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(BRUSSELS)


def local_date(moment: dt.datetime) -> dt.date:
    """The Brussels calendar day on which ``moment`` falls."""
    return to_local(moment).date()


def from_local(wall: dt.datetime) -> dt.datetime:
    """An aware UTC instant for a Brussels wall time; an aware value is only converted to UTC.

    A naive value is what a person typed (or a demo offset): it is Brussels time, never the computer's.
    """
    if wall.tzinfo is None:
        wall = wall.replace(tzinfo=BRUSSELS)
    return wall.astimezone(dt.UTC)


def at_local(day: dt.date, time: dt.time) -> dt.datetime:
    """The UTC instant of ``time`` on ``day`` in Brussels (e.g. the next meeting, same hour)."""
    return from_local(dt.datetime.combine(day, time))


def day_bounds(day: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """The UTC instants where the Brussels day ``day`` starts and the next one starts."""
    return at_local(day, dt.time.min), at_local(day + dt.timedelta(days=1), dt.time.min)


def now_local() -> dt.datetime:
    return dt.datetime.now(BRUSSELS)


def today_local() -> dt.date:
    return now_local().date()

"""Small shared pieces of the overviews (issue 17): the local day, whatever the computer's time zone."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

LOCAL_ZONE = ZoneInfo("Europe/Brussels")


def brussels_today(now: dt.datetime | None = None) -> dt.date:
    """Today's date as a person in Flanders sees it (a laptop set to another zone must not shift it)."""
    moment = now or dt.datetime.now(dt.UTC)
    return moment.astimezone(LOCAL_ZONE).date()

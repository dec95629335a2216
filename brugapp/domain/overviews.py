"""Small shared pieces of the overviews (issue 17): the local day, whatever the computer's time zone."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

LOCAL_ZONE = ZoneInfo("Europe/Brussels")


def brussels_today(now: dt.datetime | None = None) -> dt.date:
    """Today's date as a person in Flanders sees it (a laptop set to another zone must not shift it)."""
    moment = now or dt.datetime.now(dt.UTC)
    return moment.astimezone(LOCAL_ZONE).date()


# A transfer sheet is about school: a referral's question goes on it only when it is about school itself
# (the theme "barriers to and within education"); other needs (debts, housing …) are not the school's business,
# even with consent to share details: the sheet says that a service is involved and where it stands.
SCHOOL_THEMES = ("education",)


def question_fits_school_sheet(theme: str) -> bool:
    return any(theme == code or theme.startswith(f"{code}.") for code in SCHOOL_THEMES)

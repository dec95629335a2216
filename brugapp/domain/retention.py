"""Retention (bewaartermijn): when a family's file is due for review, and what erasing leaves behind. Pure.

- A family is listed for review when nothing happened in its file during the last N *complete* school years
  nor in the current one: its last activity lies before 1 September of the school year N years back.
  With the default N = 2, on 1 December 2026 (school year 2026–2027) that is before 1 September 2024.
- Anonymising keeps only what the year reports count (dates, channels, themes, referral types, outcomes)
  and removes every name, note and contact detail; erasing removes the family from every table.
- Neither reaches into backups made earlier: the backup generations keep copies for up to a year
  (daily for a week, weekly for a month, monthly for a year), so the family is fully gone from them
  ``BACKUP_RETENTION_DAYS`` after today.
"""

from __future__ import annotations

import datetime as dt

from brugapp.domain.schoolyear import SchoolYear

DEFAULT_SCHOOL_YEARS = 2
MIN_SCHOOL_YEARS = 1
MAX_SCHOOL_YEARS = 30
BACKUP_RETENTION_DAYS = 366  # the oldest monthly generation, plus the day it was made
# Stored as the name of an anonymised family: a code (never shown as is), so it is never listed again.
ANONYMISED_NAME = "[anonymised]"


def review_cutoff(today: dt.date, school_years: int) -> dt.date:
    """Families whose last activity lies before this day are due for review."""
    return SchoolYear(SchoolYear.of(today).start_year - school_years).first_day


def backups_clear_on(today: dt.date) -> dt.date:
    """The day the last backup that still holds an erased family has been rotated out."""
    return today + dt.timedelta(days=BACKUP_RETENTION_DAYS)

"""Year reports kept until the store changes: the Rapportage page counts a school year once, not on every visit.

Counting a school year scans the notebook (a quarter of a second on 10,000 families); the figures only change
when something is written. A report is kept with the store's version (``store/changes.py``: every
commit of this process, and the file's size and times for a write by another one) at the moment counting began,
and given out again while that version holds.

A commit that lands while a report is being counted leaves that report with the older version: it is counted
again on the next visit, never shown as current. The day is part of the key (a report says when it was made).
Only counts are kept, in memory, as ``school_year_report`` returns them; nothing is written anywhere.
"""

from __future__ import annotations

import datetime as dt
import threading
import weakref
from collections import OrderedDict

from brugapp.domain.clock import today_local
from brugapp.domain.reporting import SchoolYearReport
from brugapp.domain.schoolyear import SchoolYear
from brugapp.services.changes import data_version
from brugapp.services.reporting.report import school_year_report
from brugapp.store import Store

KEPT_REPORTS = 8  # school years × schools a worker flips between; the oldest is dropped first

_lock = threading.Lock()
_kept: weakref.WeakKeyDictionary[Store, OrderedDict[tuple[int, str, dt.date], tuple[object, SchoolYearReport]]] = (
    weakref.WeakKeyDictionary())


def kept_report(store: Store, *, school_year: SchoolYear, school_id: str | None = None,
                today: dt.date | None = None) -> SchoolYearReport | None:
    """The report counted earlier for this choice, if nothing was written since; else None (count it)."""
    key = (school_year.start_year, school_id or "", today or today_local())
    version = data_version(store)
    with _lock:
        reports = _kept.get(store)
        found = reports.get(key) if reports is not None else None
        if found is None or found[0] != version:
            return None
        reports.move_to_end(key)  # type: ignore[union-attr]
        return found[1]


def counted_report(store: Store, *, school_year: SchoolYear, school_id: str | None = None,
                   today: dt.date | None = None) -> SchoolYearReport:
    """``school_year_report``, kept for ``kept_report``: the same figures, counted once per store version."""
    day = today or today_local()
    found = kept_report(store, school_year=school_year, school_id=school_id, today=day)
    if found is not None:
        return found
    version = data_version(store)  # before counting: a commit during the count makes this report stale
    report = school_year_report(store, school_year=school_year, school_id=school_id, made_on=day)
    with _lock:
        reports = _kept.setdefault(store, OrderedDict())
        reports[(school_year.start_year, school_id or "", day)] = (version, report)
        while len(reports) > KEPT_REPORTS:
            reports.popitem(last=False)
    return report


def forget_kept_reports() -> None:
    """Drop every kept report (``brugapp bench``: each fresh window measures a first visit as after a start)."""
    with _lock:
        _kept.clear()

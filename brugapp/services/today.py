"""What *Vandaag* shows: promised follow-ups due today (or overdue), today's contacts, and the open follow-ups due
today or overdue, a page at a time. "Today" is the Brussels day (``domain.clock``).

Vandaag is the first screen after unlocking, so its reads are plain SQL (``store/today_reads.py``) that run before
the database layer is imported (``brugapp bench``: start-up). Only light modules are imported here.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from brugapp.domain.clock import day_bounds, today_local
from brugapp.domain.followups import OPEN_STATUSES, bucket_of
from brugapp.services.referrals.followup_view import FollowUpView
from brugapp.store import Store
from brugapp.store import today_reads as reads


class PromisedFollowUp(NamedTuple):  # not a frozen dataclass: made in a fifth of the time (start-up)
    contact_id: str
    family_id: str
    family_name: str
    promised_on: dt.date
    channel: str
    note: str
    themes: tuple[str, ...]
    overdue: bool


class LoggedContact(NamedTuple):  # not a frozen dataclass: made in a fifth of the time (start-up)
    """A contact moment on Vandaag's "logged today" card."""

    id: str
    family_id: str  # "" for an anonymous contact
    family_name: str
    occurred_at: dt.datetime  # aware UTC
    channel: str
    note: str
    themes: tuple[str, ...]


class AnonymousContact(NamedTuple):
    """A contact moment logged without a family, waiting to be linked to one (Vandaag's "Anonieme contacten")."""

    id: str
    occurred_at: dt.datetime  # aware UTC
    channel: str
    note: str


class DueCounts(NamedTuple):  # not a frozen dataclass: made in a fifth of the time (start-up)
    today: int
    overdue: int


def local_day_bounds(day: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """The UTC instants where a local calendar day starts and ends."""
    return day_bounds(day)


def count_promises_due(store: Store, *, today: dt.date) -> DueCounts:
    """How many open promises are for today and how many are overdue (the title of Vandaag's card)."""
    return DueCounts(*reads.count_promises_due(store, today))


def promised_follow_ups(store: Store, *, day: dt.date | None = None, include_overdue: bool = True,
                        offset: int = 0, limit: int | None = None) -> list[PromisedFollowUp]:
    """Follow-ups promised in contact moments for ``day`` (and, by default, earlier ones not yet done), oldest
    promise first; ``offset``/``limit`` give one page of them (Vandaag builds its list a page at a time).

    Plain columns and one query for the page's themes: a busy programme has thousands of open promises, and
    loading each as an ORM object with its themes one by one held up Vandaag for most of a second.
    """
    day = day or today_local()
    rows = reads.promises(store, day, include_overdue, offset, limit)
    themes = reads.themes_of(store, (row[0] for row in rows))
    result = []
    for pk, uuid, fam_uuid, fam_name, promised_text, channel, note in rows:
        promised_on = reads.day_value(promised_text)
        result.append(PromisedFollowUp(uuid, fam_uuid or "", fam_name or "", promised_on, channel or "", note or "",
                                       tuple(themes.get(pk, ())), promised_on < day))
    return result


def contacts_logged_on(store: Store, *, day: dt.date | None = None) -> list[LoggedContact]:
    """The contact moments of the Brussels ``day``, newest first (deleted ones left out)."""
    start, end = local_day_bounds(day or today_local())
    rows = reads.contacts_between(store, start, end)
    themes = reads.themes_of(store, (row[0] for row in rows))
    return [LoggedContact(uuid, fam_uuid or "", fam_name or "", reads.utc_value(occurred), channel or "", note or "",
                          tuple(themes.get(pk, ())))
            for pk, uuid, fam_uuid, fam_name, occurred, channel, note in rows]


def anonymous_contacts(store: Store, *, limit: int | None = None) -> list[AnonymousContact]:
    """The contact moments without a family, newest first (deleted ones left out); the newest ``limit`` when given.
    Plain rows: a busy programme's thousands read as ORM objects kept the dialog that lists them from opening for
    0.4 s (``brugapp bench``)."""
    return [AnonymousContact(uuid, reads.utc_value(occurred), channel or "", note or "")
            for uuid, occurred, channel, note in reads.anonymous_contacts(store, limit)]


def count_followups_due(store: Store, *, today: dt.date) -> DueCounts:
    """How many open follow-ups are due today and how many are overdue (the title of Vandaag's panel)."""
    due_today, overdue = reads.count_due(store, today, sorted(OPEN_STATUSES))
    return DueCounts(due_today, overdue)


def followups_due(store: Store, *, today: dt.date, offset: int = 0, limit: int = 60) -> list[FollowUpView]:
    """One page of the open follow-ups due today and overdue: today's first (that is the day's work), then what
    slipped, most recent first. Vandaag asks a page at a time: a busy programme has thousands overdue, and
    reading them all held up the page (``brugapp bench``)."""
    views = []
    for (uuid, title, due_text, owner, state, fam_uuid, fam_name, ref_uuid, meeting_uuid, note,
         attempts) in reads.due_page(store, today, sorted(OPEN_STATUSES), offset, limit):
        due = reads.day_value(due_text)
        views.append(FollowUpView(id=uuid, title=title, due=due, owner=owner or "", status=state,
                                  bucket=bucket_of(due, today), family_id=fam_uuid or "", family_name=fam_name or "",
                                  referral_id=ref_uuid or "", meeting_id=meeting_uuid or "", note=note or "",
                                  attempts=attempts or 0))
    return views

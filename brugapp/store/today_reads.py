"""Vandaag's reads, in plain SQL through ``Store.rows``.

Vandaag is the first screen: at start-up these run on the store's first connection, before SQLAlchemy and the
models are imported (``brugapp bench``: start-up, whole process), and later on the engine. So they are written
against the tables as SQLite holds them: dates as ISO text, times as naive UTC text
(``YYYY-MM-DD HH:MM:SS.ffffff``, SQLAlchemy's form), booleans as 0/1. ``tests/unit/today`` checks them against
records made through the services. The values are converted back (``day_value``, ``utc_value``) here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from brugapp.store.handle import Store

_UTC_TEXT = "%Y-%m-%d %H:%M:%S.%f"


def utc_text(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime(_UTC_TEXT)


def utc_value(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=dt.UTC)


def day_value(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def _marks(values: Sequence[object]) -> str:
    return ", ".join("?" * len(values))


_OPEN_PROMISE = ("cm.deleted_at IS NULL AND cm.follow_up_done = 0 AND cm.follow_up_on IS NOT NULL "
                 "AND cm.follow_up_on {op} ?")


def count_promises_due(store: Store, day: dt.date) -> tuple[int, int]:
    """(promised for ``day``, promised before it) among the open promises: one statement, two counts on the index
    of promises (as ``count_due``)."""
    today, before = _OPEN_PROMISE.format(op="="), _OPEN_PROMISE.format(op="<")
    row = store.rows(f"SELECT (SELECT count(*) FROM contact_moments AS cm WHERE {today}), "
                     f"(SELECT count(*) FROM contact_moments AS cm WHERE {before})",
                     (day.isoformat(), day.isoformat()))[0]
    return int(row[0] or 0), int(row[1] or 0)


def promises(store: Store, day: dt.date, include_overdue: bool, offset: int,
             limit: int | None) -> list[tuple[Any, ...]]:
    """(contact pk, contact uuid, family uuid, family name, promised on, channel, note), oldest promise first."""
    where = _OPEN_PROMISE.format(op="<=" if include_overdue else "=")
    return store.rows(
        "SELECT cm.id, cm.uuid, f.uuid, f.display_name, cm.follow_up_on, cm.channel, cm.note "
        "FROM contact_moments AS cm LEFT OUTER JOIN families AS f ON f.id = cm.family_id "
        f"WHERE {where} ORDER BY cm.follow_up_on, cm.occurred_at LIMIT ? OFFSET ?",
        (day.isoformat(), -1 if limit is None else limit, offset))


def themes_of(store: Store, contact_pks: Iterable[int]) -> dict[int, list[str]]:
    pks = list(contact_pks)
    themes: dict[int, list[str]] = {}
    if pks:
        for pk, theme in store.rows(f"SELECT contact_id, theme FROM contact_themes WHERE contact_id IN ({_marks(pks)}) "
                                    "ORDER BY contact_id, theme", pks):
            themes.setdefault(pk, []).append(theme)
    return themes


def contacts_between(store: Store, start: dt.datetime, end: dt.datetime) -> list[tuple[Any, ...]]:
    """(contact pk, contact uuid, family uuid, family name, occurred at, channel, note) logged in [start, end),
    newest first; deleted ones left out."""
    return store.rows(
        "SELECT cm.id, cm.uuid, f.uuid, f.display_name, cm.occurred_at, cm.channel, cm.note "
        "FROM contact_moments AS cm LEFT OUTER JOIN families AS f ON f.id = cm.family_id "
        "WHERE cm.deleted_at IS NULL AND cm.occurred_at >= ? AND cm.occurred_at < ? ORDER BY cm.occurred_at DESC",
        (utc_text(start), utc_text(end)))


def anonymous_contacts(store: Store, limit: int | None = None) -> list[tuple[Any, ...]]:
    """(contact uuid, occurred at, channel, note) of the contact moments without a family, newest first (the newest
    ``limit`` when given); deleted ones left out."""
    return store.rows(
        "SELECT cm.uuid, cm.occurred_at, cm.channel, cm.note FROM contact_moments AS cm "
        "WHERE cm.deleted_at IS NULL AND cm.family_id IS NULL ORDER BY cm.occurred_at DESC LIMIT ?",
        (-1 if limit is None else limit,))


def count_due(store: Store, today: dt.date, open_statuses: Sequence[str]) -> tuple[int, int]:
    """(due today, overdue) among the open follow-ups."""
    day = today.isoformat()
    marks = _marks(open_statuses)
    # Two counts on the (status, due) index: a third of the time of one count with two filters (brugapp bench)
    row = store.rows(
        f"SELECT (SELECT count(*) FROM followups WHERE status IN ({marks}) AND due = ?), "
        f"(SELECT count(*) FROM followups WHERE status IN ({marks}) AND due < ?)",
        (*open_statuses, day, *open_statuses, day))[0]
    return int(row[0] or 0), int(row[1] or 0)


def due_page(store: Store, today: dt.date, open_statuses: Sequence[str], offset: int,
             limit: int) -> list[tuple[Any, ...]]:
    """One page of the open follow-ups due today or before: today's first, then the most recent that slipped.

    (uuid, title, due, owner, status, family uuid, family name, referral uuid, meeting uuid, note, unanswered
    attempts). The page's keys are sorted first; the families, referrals and attempts are read for that page.
    """
    day = today.isoformat()
    # Nothing later than today is read, so the newest day first is today's first. Both keys descending let SQLite
    # walk the (status, due) index and stop after the page (0.1 ms, where ``fu.id`` ascending sorted all ~10,000
    # overdue of a busy programme first: 5 ms); on one day the newest comes first.
    order = "fu.due DESC, fu.id DESC"
    return store.rows(
        "SELECT fu.uuid, fu.title, fu.due, fu.owner, fu.status, f.uuid, f.display_name, r.uuid, fu.meeting_uuid, "
        "fu.note, (SELECT count(*) FROM contact_attempts AS ca WHERE ca.followup_id = fu.id AND ca.answered = 0) "
        "FROM followups AS fu "
        f"JOIN (SELECT id AS pk FROM followups AS fu WHERE status IN ({_marks(open_statuses)}) AND due <= ? "
        f"      ORDER BY {order} LIMIT ? OFFSET ?) AS page ON page.pk = fu.id "
        "LEFT OUTER JOIN families AS f ON f.id = fu.family_id "
        "LEFT OUTER JOIN referrals AS r ON r.id = fu.referral_id "
        f"ORDER BY {order}",
        (*open_statuses, day, limit, offset))

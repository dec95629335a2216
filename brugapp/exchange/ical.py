"""iCalendar (RFC 5545) for Outlook and Thunderbird: follow-ups as VTODO and/or all-day VEVENT (Outlook
ignores VTODO), appointments as VEVENT.

Times are in Europe/Brussels with a VTIMEZONE written the way Outlook and Thunderbird write it themselves
(yearly rules for the EU summer time), so both show the right hour. UIDs are ``<record uuid>@brugapp``:
importing the file again updates the entries instead of duplicating them. Titles only — never notes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from icalendar import Calendar, Event, Timezone, TimezoneDaylight, TimezoneStandard, Todo

from brugapp import __version__
from brugapp.domain.clock import BRUSSELS

TZID = "Europe/Brussels"
ZONE = BRUSSELS  # the one time rule: domain/clock.py
UID_DOMAIN = "brugapp"


@dataclass(frozen=True)
class CalTodo:
    uuid: str
    summary: str
    due: dt.date
    done: bool = False
    cancelled: bool = False
    category: str = ""


@dataclass(frozen=True)
class CalEvent:
    uuid: str
    summary: str
    start: dt.datetime  # aware
    minutes: int = 60
    category: str = ""


def uid(record_uuid: str) -> str:
    return f"{record_uuid}@{UID_DOMAIN}"


def brussels_timezone() -> Timezone:
    """VTIMEZONE for Europe/Brussels with the EU rules (last Sunday of March / October)."""
    zone = Timezone()
    zone.add("tzid", TZID)
    zone.add("x-lic-location", TZID)
    summer = TimezoneDaylight()
    summer.add("tzname", "CEST")
    summer.add("tzoffsetfrom", dt.timedelta(hours=1))
    summer.add("tzoffsetto", dt.timedelta(hours=2))
    summer.add("dtstart", dt.datetime(1981, 3, 29, 2, 0))
    summer.add("rrule", {"freq": "yearly", "bymonth": 3, "byday": "-1su"})
    winter = TimezoneStandard()
    winter.add("tzname", "CET")
    winter.add("tzoffsetfrom", dt.timedelta(hours=2))
    winter.add("tzoffsetto", dt.timedelta(hours=1))
    winter.add("dtstart", dt.datetime(1996, 10, 27, 3, 0))
    winter.add("rrule", {"freq": "yearly", "bymonth": 10, "byday": "-1su"})
    zone.add_component(summer)
    zone.add_component(winter)
    return zone


def _todo(item: CalTodo, now: dt.datetime) -> Todo:
    todo = Todo()
    todo.add("uid", uid(item.uuid))
    todo.add("dtstamp", now)
    todo.add("summary", item.summary)
    todo.add("due", item.due)  # a date: due that day, no hour
    if item.done:
        todo.add("status", "COMPLETED")
    elif item.cancelled:
        todo.add("status", "CANCELLED")
    else:
        todo.add("status", "NEEDS-ACTION")
    if item.category:
        todo.add("categories", [item.category])
    return todo


def _day_event(item: CalTodo, now: dt.datetime) -> Event:
    """The follow-up as an all-day event on its due date, free time, for calendars without tasks."""
    event = Event()
    event.add("uid", uid(f"{item.uuid}-day"))  # its own UID: a calendar with both keeps both
    event.add("dtstamp", now)
    event.add("summary", item.summary)
    event.add("dtstart", item.due)  # a date: VALUE=DATE, all day
    event.add("dtend", item.due + dt.timedelta(days=1))
    event.add("transp", "TRANSPARENT")
    event.add("status", "CANCELLED" if item.cancelled else "CONFIRMED")
    if item.category:
        event.add("categories", [item.category])
    return event


def _event(entry: CalEvent, now: dt.datetime) -> Event:
    event = Event()
    start = entry.start.astimezone(ZONE).replace(second=0, microsecond=0)
    event.add("uid", uid(entry.uuid))
    event.add("dtstamp", now)
    event.add("summary", entry.summary)
    event.add("dtstart", start)
    event.add("dtend", start + dt.timedelta(minutes=entry.minutes))
    event.add("transp", "OPAQUE")
    if entry.category:
        event.add("categories", [entry.category])
    return event


FOLLOWUP_FORMS = ("both", "tasks", "events")  # follow-ups as VTODO and all-day VEVENT, only VTODO, only VEVENT


def build_calendar(
    todos: Sequence[CalTodo], events: Sequence[CalEvent], *, name: str, stamp: dt.datetime | None = None,
    followups_as: str = "both",
) -> bytes:
    """One calendar file; ``stamp`` (aware) is the DTSTAMP of every entry."""
    if followups_as not in FOLLOWUP_FORMS:
        raise ValueError(followups_as)
    now = (stamp or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).replace(microsecond=0)
    calendar = Calendar()
    calendar.add("prodid", f"-//BrugApp//BrugApp {__version__}//NL")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", TZID)
    calendar.add_component(brussels_timezone())
    for item in todos:
        if followups_as in ("both", "tasks"):
            calendar.add_component(_todo(item, now))
        if followups_as in ("both", "events"):
            calendar.add_component(_day_event(item, now))
    for entry in events:
        calendar.add_component(_event(entry, now))
    return calendar.to_ical()

"""The sociale kaart's vocabularies and rules: categories, referral routes, Ken-je-buurt colours,
how a family's theme maps to categories, and opening hours ("open now", "after hours").

Pure: no I/O, no clock. Callers pass the moment they mean.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from brugapp.domain.themes import THEMES
from brugapp.domain.vocabulary import Term, Vocabulary
from brugapp.i18n import N_, _

# The Flemish category taxonomy of the map. Codes are stable (stored and exported as HSDS taxonomy terms).
CATEGORIES = Vocabulary("kaart_category", [
    Term("welfare", N_("General welfare and first line")),
    Term("parenting", N_("Parenting and family support")),
    Term("education", N_("Education and learning")),
    Term("youth_care", N_("Youth care")),
    Term("health", N_("Health and mental health")),
    Term("housing", N_("Housing")),
    Term("legal", N_("Legal aid")),
    Term("debt", N_("Debts and money")),
    Term("material", N_("Material aid")),
    Term("leisure", N_("Leisure")),
    Term("integration", N_("Integration and language")),
    Term("crisis", N_("Crisis")),
])
CATEGORY_TAXONOMY = "brugapp-sociale-kaart"
THEME_TAXONOMY = "brugapp-themes"

# How a family reaches the service (aanmelding).
REFERRAL_ROUTES = Vocabulary("kaart_referral_route", [
    Term("via_clb", N_("Via the CLB")),
    Term("direct", N_("Direct referral by a professional")),
    Term("self", N_("The family registers itself")),
    Term("online_form", N_("Online form")),
    Term("phone", N_("By phone")),
])

# Ken je buurt: the brugfiguur's private relationship colour for an organisation.
COLOURS = Vocabulary("kaart_colour", [
    Term("green", N_("Green: we work together")),
    Term("red", N_("Red: no cooperation yet")),
    Term("explore", N_("Explore: to get to know")),
])
COLOUR_SHORT = {"green": N_("green"), "red": N_("red"), "explore": N_("explore")}

# HSDS service.status values.
STATUSES = Vocabulary("kaart_status", [
    Term("active", N_("Active")),
    Term("inactive", N_("Inactive")),
    Term("defunct", N_("Stopped")),
    Term("temporarily closed", N_("Temporarily closed")),
])

# A family's need (notebook theme, top level or sub-theme) -> the categories of services that answer it.
THEME_CATEGORIES: dict[str, tuple[str, ...]] = {
    "admin": ("welfare", "debt"),
    "admin.school_costs": ("debt", "education", "welfare"),
    "admin.letters": ("welfare",),
    "admin.debts": ("debt", "legal"),
    "admin.benefits": ("welfare",),
    "parenting": ("parenting", "youth_care"),
    "parenting.questions": ("parenting",),
    "parenting.conflict": ("youth_care", "crisis", "welfare"),
    "parenting.young_children": ("parenting",),
    "leisure": ("leisure",),
    "leisure.activities": ("leisure",),
    "leisure.holidays": ("leisure",),
    "health": ("health",),
    "health.physical": ("health",),
    "health.mental": ("health", "youth_care"),
    "poverty": ("material", "housing", "welfare"),
    "poverty.housing": ("housing",),
    "poverty.food": ("material",),
    "education": ("education",),
    "education.enrolment": ("education",),
    "education.homework": ("education",),
    "education.absence": ("education", "youth_care"),
    "education.trips": ("education", "debt"),
    "education.communication": ("education",),
    "residence": ("integration", "legal"),
    "trauma": ("crisis", "health"),
}
assert set(THEME_CATEGORIES) == set(THEMES.codes()), "every theme needs its categories"

STALE_AFTER_DAYS = 365
# Office hours in Flanders: what "after hours" is measured against.
OFFICE_OPENS = dt.time(9, 0)
OFFICE_CLOSES = dt.time(17, 0)

DAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
DAY_SHORT = (N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun"))
_DUTCH_DAYS = {"ma": 0, "di": 1, "wo": 2, "do": 3, "vr": 4, "za": 5, "zo": 6,
               "mo": 0, "tu": 1, "we": 2, "th": 3, "fr": 4, "sa": 5, "su": 6}


def categories_for_theme(theme: str) -> tuple[str, ...]:
    """The categories answering a theme; a sub-theme falls back to its parent's."""
    if theme in THEME_CATEGORIES:
        return THEME_CATEGORIES[theme]
    return THEME_CATEGORIES.get(theme.split(".", 1)[0], ())


@dataclass(frozen=True)
class WeeklySlot:
    """One opening period on some weekdays (0 = Monday). ``closes`` 24:00 is stored as time.max."""

    days: tuple[int, ...]
    opens: dt.time
    closes: dt.time

    def covers(self, moment: dt.datetime) -> bool:
        if moment.weekday() not in self.days:
            return False
        now = moment.time().replace(tzinfo=None)
        return self.opens <= now < self.closes or (self.closes == dt.time.max and now >= self.opens)

    @property
    def byday(self) -> str:
        return ",".join(DAY_CODES[d] for d in self.days)

    def reaches_outside_office(self) -> bool:
        """Open on a weekend, before 9:00 or after 17:00."""
        return any(d >= 5 for d in self.days) or self.opens < OFFICE_OPENS or self.closes > OFFICE_CLOSES


ALWAYS_OPEN = (WeeklySlot(tuple(range(7)), dt.time(0, 0), dt.time.max),)


def is_open(slots: tuple[WeeklySlot, ...], moment: dt.datetime) -> bool:
    """Open at ``moment`` (local wall-clock time) according to the weekly slots."""
    return any(slot.covers(moment) for slot in slots)


def is_office_hours(moment: dt.datetime) -> bool:
    return moment.weekday() < 5 and OFFICE_OPENS <= moment.time().replace(tzinfo=None) < OFFICE_CLOSES


def reachable_after_hours(slots: tuple[WeeklySlot, ...], after_hours_phone: str) -> bool:
    """Someone can be reached outside office hours: an after-hours number, or evening/weekend opening."""
    return bool(after_hours_phone.strip()) or any(slot.reaches_outside_office() for slot in slots)


def is_stale(assured: dt.date | None, today: dt.date) -> bool:
    """Not verified for more than 12 months (or never)."""
    return assured is None or (today - assured).days > STALE_AFTER_DAYS


def parse_time(value: str) -> dt.time:
    """"9", "9u", "9:30", "09.30", "17u30", "24:00" -> time; ValueError otherwise."""
    text = value.strip().lower().replace("u", ":").replace(".", ":").replace("h", ":").rstrip(":")
    if not text:
        raise ValueError(value)
    hour_text, _sep, minute_text = text.partition(":")
    hour, minute = int(hour_text), int(minute_text or 0)
    if hour == 24 and minute == 0:
        return dt.time.max
    return dt.time(hour, minute)


def format_time(value: dt.time) -> str:
    return "24:00" if value == dt.time.max else value.strftime("%H:%M")


_RANGE = re.compile(r"^\s*([a-z]{2})\w*\s*(?:-\s*([a-z]{2})\w*)?\s*$")


def _parse_days(text: str) -> tuple[int, ...]:
    days: list[int] = []
    for part in text.split(","):
        match = _RANGE.match(part.strip().lower())
        if not match or match.group(1) not in _DUTCH_DAYS:
            raise ValueError(part)
        first = _DUTCH_DAYS[match.group(1)]
        last = _DUTCH_DAYS.get(match.group(2) or match.group(1))
        if last is None:
            raise ValueError(part)
        days.extend(range(first, last + 1) if last >= first else [*range(first, 7), *range(0, last + 1)])
    return tuple(sorted(set(days)))


def parse_opening_hours(text: str) -> tuple[WeeklySlot, ...]:
    """Opening hours as people type them in a spreadsheet.

    "ma-vr 9-12, 13-17; za 10-12", "24/7", "dag en nacht", "mo-fr 09:00-17:00". Raises ValueError.
    """
    cleaned = text.strip().lower()
    if not cleaned:
        return ()
    if cleaned in {"24/7", "24u/7", "dag en nacht", "altijd", "always", "day and night"}:
        return ALWAYS_OPEN
    slots: list[WeeklySlot] = []
    for block in re.split(r"[;\n]+", cleaned):
        block = block.strip()
        if not block:
            continue
        match = re.match(r"^([a-z ,\-]+?)\s+(\d.*)$", block)
        if not match:
            raise ValueError(block)
        days = _parse_days(match.group(1))
        for period in match.group(2).split(","):
            opens_text, sep, closes_text = period.replace("–", "-").partition("-")
            if not sep:
                raise ValueError(period)
            opens, closes = parse_time(opens_text), parse_time(closes_text)
            if closes <= opens:
                raise ValueError(period)
            slots.append(WeeklySlot(days, opens, closes))
    return tuple(slots)


def slots_from_byday(byday: str, opens_at: str, closes_at: str) -> WeeklySlot:
    """One HSDS schedule row (``byday`` "MO,TU", ``opens_at`` "09:00[:00][Z|+01:00]")."""
    days = tuple(sorted(DAY_CODES.index(code.strip()[-2:].upper()) for code in byday.split(",") if code.strip()))
    if not days:
        days = tuple(range(7))

    def clock(value: str) -> dt.time:
        bare = re.sub(r"(Z|[+-]\d\d:?\d\d)$", "", value.strip())
        return parse_time(bare[:5]) if bare else dt.time(0, 0)

    closes = clock(closes_at) if closes_at.strip() else dt.time.max
    if closes == dt.time(0, 0) or closes == dt.time(23, 59):
        closes = dt.time.max
    return WeeklySlot(days, clock(opens_at), closes)


def describe_slots(slots: tuple[WeeklySlot, ...], day_names: tuple[str, ...]) -> str:
    """Short human text, "ma–vr 09:00–17:00; za 10:00–12:00"; ``day_names`` are translated."""
    if slots == ALWAYS_OPEN:
        return "24/7"
    parts: list[str] = []
    previous_days: tuple[int, ...] = ()
    for slot in slots:
        days = slot.days
        period = f"{format_time(slot.opens)}–{format_time(slot.closes)}"
        if days == previous_days and parts:
            parts[-1] += f", {period}"
            continue
        previous_days = days
        if len(days) > 2 and list(days) == list(range(days[0], days[-1] + 1)):
            day_text = f"{day_names[days[0]]}–{day_names[days[-1]]}"
        else:
            day_text = ", ".join(day_names[d] for d in days)
        parts.append(f"{day_text} {period}")
    return "; ".join(parts)


def age_range_text(minimum: int | None, maximum: int | None) -> str:
    """"6 to 12 years", "from 12 years", "up to 18 years", or "" when the service names no ages."""
    if minimum is not None and maximum is not None:
        return _("{low} to {high} years").format(low=minimum, high=maximum)
    if minimum is not None:
        return _("from {low} years").format(low=minimum)
    if maximum is not None:
        return _("up to {high} years").format(high=maximum)
    return ""


Phones = Iterable[tuple[str, str]]  # (number, purpose) pairs


def phones_for(purpose: str, service_phones: Phones, organization_phones: Phones) -> tuple[str, ...]:
    """The numbers to call for ``purpose`` ("main", "after_hours"): the service's own lines when it has any,
    else its organisation's. A service's own line always wins, because it reaches the right team."""
    own = tuple(number for number, kind in service_phones if kind == purpose and number)
    return own or tuple(number for number, kind in organization_phones if kind == purpose and number)


def phone_for(purpose: str, service_phones: Phones, organization_phones: Phones) -> str:
    """The first number of ``phones_for``, or ""."""
    return next(iter(phones_for(purpose, service_phones, organization_phones)), "")

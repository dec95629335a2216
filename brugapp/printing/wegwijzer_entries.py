"""The entries of the wegwijzer: one per service, with every place that offers it, in words a parent reads.

The sociale kaart holds the same service once per organisation (the huiswerkklas of Kortrijk, of Menen …).
A guide that repeats it per town is long and hard to read, so services with the same name and the same
description become one entry that lists its places (town, organisation, address, phone, website, hours,
"laatst gecontroleerd"). Pure: no I/O, no reportlab.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from brugapp.domain.kaart import CATEGORIES, REFERRAL_ROUTES, WeeklySlot
from brugapp.domain.kaart_record import extra_lines
from brugapp.domain.themes import THEMES
from brugapp.i18n import N_, _

# How a parent reaches the service, said to the parent ("Je kan zelf bellen"), not about the family.
PARENT_ROUTES: dict[str, str] = {
    "via_clb": N_("Ask the CLB of your child's school."),
    "direct": N_("The bridge figure or another worker registers you."),
    "self": N_("You can call or drop in yourself."),
    "online_form": N_("You fill in a form on their website yourself."),
    "phone": N_("You can call yourself."),
}


@dataclass(frozen=True)
class Place:
    """Where and how one organisation offers the service."""

    organisation: str
    municipalities: tuple[str, ...]
    address: str
    phone: str
    website: str
    email: str
    hours: str
    when_closed: str
    checked_on: dt.date | None
    contact: str = ""  # school version only
    backup: str = ""
    comes_to_school: bool = False


@dataclass(frozen=True)
class GuideEntry:
    name: str
    group: tuple[int, str]  # (sort key, translated theme or category label)
    description: str
    not_offered: str
    for_whom: str
    how_parent: str  # parents' wording
    how_school: str  # the route as professionals say it, with the procedure
    wait_time: str
    fees: str
    places: tuple[Place, ...]
    more: tuple[tuple[str, str], ...] = ()  # (N_ label, text) of the fields added to the record

    @property
    def municipalities(self) -> tuple[str, ...]:
        return tuple(sorted({m for p in self.places for m in p.municipalities}, key=str.casefold))


def group_of(service: Any) -> tuple[int, str]:
    if service.themes:
        top = service.themes[0].split(".", 1)[0]
        return THEMES.codes().index(top), THEMES.label(top)
    if service.categories:
        return 100 + CATEGORIES.codes().index(service.categories[0]), CATEGORIES.label(service.categories[0])
    return 999, _("Other help")


def for_whom(service: Any) -> str:
    """Target group and ages once: "Kinderen van 0 tot 18 jaar", never "0 tot 18, tot 18 jaar"."""
    low, high = service.minimum_age, service.maximum_age
    ages = ""
    if low is not None and high is not None:
        ages = _("{low} to {high} years").format(low=low, high=high)
    elif low is not None:
        ages = _("from {low} years").format(low=low)
    elif high is not None:
        ages = _("up to {high} years").format(high=high)
    group = service.target_group.strip()
    if group and re.search(r"\d", group):  # the target group already says the ages
        return group
    return ", ".join(p for p in (group, ages) if p)


def _person(ref: object) -> str:
    if ref is None:
        return ""
    parts = [getattr(ref, "name", ""), getattr(ref, "role", ""), getattr(ref, "phone", ""), getattr(ref, "email", "")]
    return " · ".join(p for p in parts if p)


def place_of(service: Any, hours_text: Callable[[tuple[WeeklySlot, ...]], str]) -> Place:
    when_closed = " · ".join(p for p in (service.after_hours_phone, service.after_hours_note) if p)
    return Place(
        organisation=service.organization_name, municipalities=tuple(service.municipalities),
        address="; ".join(service.addresses), phone=service.phone, website=service.url, email=service.email,
        hours=hours_text(service.slots), when_closed=when_closed, checked_on=service.assured_date,
        contact=_person(service.contact), backup=_person(service.backup), comes_to_school=service.comes_to_school,
    )


def guide_entries(services: Sequence[Any], hours_text: Callable[[tuple[WeeklySlot, ...]], str]) -> list[GuideEntry]:
    """One entry per service (same name and description), its places sorted by town; entries by group, name."""
    merged: dict[tuple[str, str], list[Any]] = {}
    for service in services:
        merged.setdefault((service.name.strip().casefold(), service.description.strip().casefold()), []).append(
            service)
    entries = []
    for same in merged.values():
        first = same[0]
        route = first.referral_route
        how_school = ". ".join(p for p in (REFERRAL_ROUTES.label(route) if route else "", first.application_process)
                               if p)
        places = sorted((place_of(s, hours_text) for s in same),
                        key=lambda p: (p.municipalities[:1], p.organisation.casefold()))
        entries.append(GuideEntry(
            name=first.name, group=group_of(first), description=first.description, not_offered=first.not_offered,
            for_whom=for_whom(first), how_parent=_(PARENT_ROUTES[route]) if route in PARENT_ROUTES else "",
            how_school=how_school, wait_time=first.wait_time, fees=first.fees, places=tuple(places),
            more=extra_lines(first),
        ))
    return sorted(entries, key=lambda e: (e.group, e.name.casefold()))

"""The sociale kaart: list and find services (one service in full: ``detail``; editing: ``edit``).

Reads return frozen dataclasses. ``list_services`` loads the whole map in a handful of queries so
the GUI can filter 2,000+ services in memory with ``summary_matches`` (one rule for GUI and CLI).
Private fields (Ken-je-buurt colour, experience notes) are read here for the brugfiguur's own
screens; exports never use these functions.
"""

from __future__ import annotations

import datetime as dt
import gettext
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache

from sqlalchemy import select
from sqlalchemy.orm import Session

from brugapp.domain.clock import today_local
from brugapp.domain.kaart import (
    CATEGORIES,
    DAY_SHORT,
    WeeklySlot,
    categories_for_theme,
    describe_slots,
    is_open,
    is_stale,
    phone_for,
    reachable_after_hours,
    slots_from_byday,
)
from brugapp.domain.themes import THEMES
from brugapp.domain.vocabulary import Vocabulary
from brugapp.errors import ValidationError
from brugapp.i18n import _
from brugapp.services.records import ListedRecord
from brugapp.store import Store
from brugapp.store.models.kaart import (
    KaartLocation,
    KaartOrganization,
    KaartPhone,
    KaartPrivateNote,
    KaartSchedule,
    KaartService,
    KaartServiceArea,
    KaartServiceAtLocation,
    KaartServiceTerm,
)
from brugapp.store.search_index import fold


@dataclass(frozen=True)
class ServiceSummary:
    id: str
    name: str
    organization_id: str
    organization_name: str
    categories: tuple[str, ...]
    themes: tuple[str, ...]
    municipalities: tuple[str, ...]
    phone: str
    after_hours_phone: str
    colour: str
    assured_date: dt.date | None
    status: str
    referral_route: str
    comes_to_school: bool
    slots: tuple[WeeklySlot, ...]
    words: str = field(repr=False, default="")  # what "who do I call for X in Y" looks in (names, places, themes …)

    @cached_property
    def search_text(self) -> str:
        """The words folded, on the first search rather than for every service each time the map is read."""
        return fold(self.words)

    def is_stale(self, today: dt.date) -> bool:
        return is_stale(self.assured_date, today)

    def is_open(self, moment: dt.datetime) -> bool:
        return is_open(self.slots, moment)

    def number_now(self, moment: dt.datetime) -> str:
        """The number to call at ``moment``: the main one while open, else the after-hours one."""
        if self.is_open(moment) or not self.after_hours_phone:
            return self.phone
        return self.after_hours_phone


@dataclass(frozen=True)
class KaartFilter:
    """What the user asks the map; empty fields do not filter."""

    text: str = ""
    category: str = ""  # a category code, or "theme:<theme code>"
    municipality: str = ""
    municipalities: tuple[str, ...] = ()  # "my region": any of these (settings, first-run wizard)
    open_at: dt.datetime | None = None  # "open now": reachable at this local moment
    after_hours: bool = False
    colour: str = ""  # green | red | explore | "none"
    stale_only: bool = False
    today: dt.date | None = None


# -- reading -----------------------------------------------------------------------------------

@cache
def _dutch() -> gettext.NullTranslations:
    from brugapp.i18n import DOMAIN, compiled_catalog_dir

    return gettext.translation(DOMAIN, localedir=compiled_catalog_dir(), languages=["nl"], fallback=True)


def term_words(codes: tuple[str, ...], vocabulary: Vocabulary) -> str:
    """English, Dutch and current-language labels, so "schulden" and "debts" both find a service."""
    words = []
    for code in codes:
        if code in vocabulary:
            term = vocabulary.get(code)
            words += [term.label, _dutch().gettext(term.label), term.text()]
    return " ".join(words)


def schedule_slots(schedules: list[KaartSchedule]) -> tuple[WeeklySlot, ...]:
    slots = []
    for s in schedules:
        try:
            slots.append(slots_from_byday(s.byday, s.opens_at, s.closes_at))
        except ValueError:
            continue
    return tuple(slots)


def _org_notes(session: Session) -> dict[int, KaartPrivateNote]:
    rows = session.scalars(select(KaartPrivateNote).where(KaartPrivateNote.organization_id.is_not(None))).all()
    return {n.organization_id: n for n in rows if n.organization_id is not None}


def list_services(store: Store) -> list[ServiceSummary]:
    """Every service of the map, sorted by organisation and name, in a few bulk queries."""
    with store.read() as session:
        # Plain Core rows on the connection, not ORM objects or ORM rows: 2,000 services load in well under
        # 100 ms (``brugapp bench``).
        connection = session.connection()
        rows = connection.execute(
            select(KaartService.id, KaartService.uuid, KaartService.name, KaartService.alternate_name,
                   KaartService.description, KaartService.target_group, KaartService.organization_id,
                   KaartService.assured_date, KaartService.status, KaartService.referral_route,
                   KaartService.comes_to_school, KaartOrganization.uuid, KaartOrganization.name,
                   KaartOrganization.alternate_name)
            .join(KaartOrganization, KaartService.organization_id == KaartOrganization.id)
        ).all()
        terms: dict[int, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
        for sid, vocab, code in connection.execute(
            select(KaartServiceTerm.service_id, KaartServiceTerm.vocabulary, KaartServiceTerm.code)
            .order_by(KaartServiceTerm.id)
        ):
            terms[sid][vocab].append(code)
        areas: dict[int, list[str]] = defaultdict(list)
        for sid, name in connection.execute(select(KaartServiceArea.service_id, KaartServiceArea.name)
                                         .order_by(KaartServiceArea.id)):
            areas[sid].append(name)
        for sid, city in connection.execute(
            select(KaartServiceAtLocation.service_id, KaartLocation.city)
            .join(KaartLocation, KaartServiceAtLocation.location_id == KaartLocation.id)
        ):
            if city and city not in areas[sid]:
                areas[sid].append(city)
        phones: dict[int, list[tuple[str, str]]] = defaultdict(list)
        for phone_sid, number, purpose in connection.execute(
            select(KaartPhone.service_id, KaartPhone.number, KaartPhone.purpose)
            .where(KaartPhone.service_id.is_not(None)).order_by(KaartPhone.id)
        ):
            if phone_sid is not None:  # always true (see the WHERE); tells the type checker
                phones[phone_sid].append((number, purpose))
        org_phones: dict[int, list[tuple[str, str]]] = defaultdict(list)
        for oid, number, purpose in connection.execute(
            select(KaartPhone.organization_id, KaartPhone.number, KaartPhone.purpose)
            .where(KaartPhone.organization_id.is_not(None)).order_by(KaartPhone.id)
        ):
            if oid is not None:  # always true (see the WHERE); tells the type checker
                org_phones[oid].append((number, purpose))
        schedules: dict[int, list[WeeklySlot]] = defaultdict(list)
        parsed: dict[tuple[str, str, str], WeeklySlot | None] = {}  # a map repeats a handful of opening hours
        for sid, byday, opens_at, closes_at in connection.execute(
            select(KaartSchedule.service_id, KaartSchedule.byday, KaartSchedule.opens_at, KaartSchedule.closes_at)
            .order_by(KaartSchedule.id)
        ):
            key = (byday, opens_at, closes_at)
            if key not in parsed:
                try:
                    parsed[key] = slots_from_byday(byday, opens_at, closes_at)
                except ValueError:
                    parsed[key] = None
            slot = parsed[key]
            if slot is not None:
                schedules[sid].append(slot)
        notes = _org_notes(session)
        label_cache: dict[tuple[str, ...], str] = {}
        result = []
        for (pk, uuid, name, alternate_name, description, target_group, org_pk, assured_date, status,
             referral_route, comes_to_school, org_uuid, org_name, org_alt) in rows:
            cats = tuple(terms[pk]["kaart_category"])
            themes = tuple(terms[pk]["theme"])
            label_key = (*cats, "|", *themes)
            if label_key not in label_cache:
                label_cache[label_key] = term_words(cats, CATEGORIES) + " " + term_words(themes, THEMES)
            own, of_org = phones.get(pk, []), org_phones.get(org_pk, [])
            note = notes.get(org_pk)
            places = tuple(areas.get(pk, ()))
            text = " ".join((name, alternate_name, org_name, org_alt, description, target_group, " ".join(places),
                             label_cache[label_key]))
            result.append(ServiceSummary(
                id=uuid, name=name, organization_id=org_uuid, organization_name=org_name,
                categories=cats, themes=themes, municipalities=places,
                phone=phone_for("main", own, of_org),
                after_hours_phone=phone_for("after_hours", own, of_org),
                colour=note.colour if note else "", assured_date=assured_date, status=status,
                referral_route=referral_route, comes_to_school=comes_to_school,
                slots=tuple(schedules.get(pk, ())), words=text,
            ))
    result.sort(key=lambda s: (_folded(s.organization_name), fold(s.name)))  # 500 organisations: folded once
    return result


@lru_cache(maxsize=64)
def _theme_categories(theme: str) -> frozenset[str]:
    return frozenset(categories_for_theme(theme))


@lru_cache(maxsize=256)
def _tokens(text: str) -> tuple[str, ...]:
    return tuple(fold(text).split())


@lru_cache(maxsize=4096)
def _folded(text: str) -> str:
    return fold(text)


def _matches_text(summary: ServiceSummary, criteria: KaartFilter) -> bool:
    return all(token in summary.search_text for token in _tokens(criteria.text))


def _matches_category(summary: ServiceSummary, criteria: KaartFilter) -> bool:
    if not criteria.category.startswith("theme:"):
        return criteria.category in summary.categories
    theme = criteria.category[6:]  # a notebook theme: its categories, or the service names the theme itself
    return bool(_theme_categories(theme) & set(summary.categories)) or any(
        t == theme or t.startswith(f"{theme}.") for t in summary.themes)


def _in_wanted_places(summary: ServiceSummary, criteria: KaartFilter) -> bool:
    """One municipality chosen, or any of "my region"; no choice means everywhere."""
    wanted = {_folded(m) for m in (*criteria.municipalities, criteria.municipality) if m}
    return not wanted or any(_folded(m) in wanted for m in summary.municipalities)


def _matches_colour(summary: ServiceSummary, criteria: KaartFilter) -> bool:
    return not summary.colour if criteria.colour == "none" else summary.colour == criteria.colour


def _matches_reach(summary: ServiceSummary, criteria: KaartFilter) -> bool:
    """"Open now" and "after hours": reachable at that moment, and still working (not closed for good)."""
    if criteria.open_at is not None and not (summary.is_open(criteria.open_at) or summary.after_hours_phone):
        return False
    if criteria.after_hours and not reachable_after_hours(summary.slots, summary.after_hours_phone):
        return False
    return summary.status in ("active", "temporarily closed") or not (criteria.open_at or criteria.after_hours)


def summary_matches(summary: ServiceSummary, criteria: KaartFilter) -> bool:
    """The one filter rule of the map (GUI list, CLI ``kaart find``): every criterion given must hold."""
    return ((not criteria.text or _matches_text(summary, criteria))
            and (not criteria.category or _matches_category(summary, criteria))
            and _in_wanted_places(summary, criteria)
            and (not criteria.colour or _matches_colour(summary, criteria))
            and (not criteria.stale_only or summary.is_stale(criteria.today or today_local()))
            and _matches_reach(summary, criteria))


def find_services(store: Store, *, criteria: KaartFilter) -> list[ServiceSummary]:
    """"Who do I call for X in Y": every word of ``criteria.text`` must match name, category, theme or place."""
    found = [s for s in list_services(store) if summary_matches(s, criteria)]
    tokens = _tokens(criteria.text)
    if tokens:
        # Best answers first: the words typed are in the service's own name or its category.
        def score(summary: ServiceSummary) -> int:
            name, words = fold(summary.name), fold(term_words(summary.categories, CATEGORIES))
            in_name = sum(2 for token in tokens if token in name or (len(token) > 6 and token[:6] in name))
            return -(in_name + sum(1 for token in tokens if token in words))

        found.sort(key=score)
    return found


def services_for_theme(store: Store, *, theme: str, municipality: str | None = None) -> list[ServiceSummary]:
    """Services answering a family's need (a notebook theme code), optionally in one municipality."""
    if theme not in THEMES:
        raise ValidationError(_("Unknown theme: {code}").format(code=theme), field="theme")
    criteria = KaartFilter(category=f"theme:{theme}", municipality=municipality or "")
    return [s for s in list_services(store) if summary_matches(s, criteria) and s.status == "active"]


def municipalities(store: Store) -> list[str]:
    names = {m for s in list_services(store) for m in s.municipalities}
    return sorted(names, key=fold)


def opening_hours_text(slots: tuple[WeeklySlot, ...]) -> str:
    """"ma–vr 09:00–17:00" in the interface language; "" when unknown."""
    return describe_slots(slots, tuple(_(d) for d in DAY_SHORT))


def list_service_records(store: Store) -> list[ListedRecord]:
    return [ListedRecord(s.id, f"{s.name} – {s.organization_name}") for s in list_services(store)]


def list_organization_records(store: Store) -> list[ListedRecord]:
    with store.read() as session:
        rows = session.execute(select(KaartOrganization.uuid, KaartOrganization.name)).all()
    return sorted((ListedRecord(uuid, name) for uuid, name in rows), key=lambda r: fold(r.label))


def organization_of(store: Store, *, organization_id: str) -> list[ServiceSummary]:
    return [s for s in list_services(store) if s.organization_id == organization_id]


def audit(session: Session, *, action: str, subject_kind: str, audience: str = "", detail: str = "") -> None:
    """One audit line for an export, print or import: what kind of thing, for whom; never the content."""
    from brugapp.services.audit import record_audit

    record_audit(session, action=action, subject_kind=subject_kind, audience=audience, detail=detail)

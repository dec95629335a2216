"""The sociale kaart: list and find services (one service in full: ``detail``; editing: ``edit``).

Reads return frozen dataclasses. ``list_services`` loads the whole map in a handful of queries so
the GUI can filter 2,000+ services in memory with ``summary_matches`` (one rule for GUI and CLI).
Private fields (Ken-je-buurt colour, experience notes) are read here for the brugfiguur's own
screens; exports never use these functions.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

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
    reachable_after_hours,
    slots_from_byday,
)
from brugapp.domain.themes import THEMES
from brugapp.domain.vocabulary import Vocabulary
from brugapp.errors import ValidationError
from brugapp.i18n import _, catalog
from brugapp.services.records import ListedRecord
from brugapp.store import Store
from brugapp.store.kaart_reads import KaartRows, kaart_rows, listed_places, service_names
from brugapp.store.models.kaart import (
    KaartOrganization,
    KaartSchedule,
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

    def filters_nothing(self) -> bool:
        """Every service matches (the list's first view): nothing asked but the date."""
        return not (self.text or self.category or self.municipality or self.municipalities or self.open_at
                    or self.after_hours or self.colour or self.stale_only)


# -- reading -----------------------------------------------------------------------------------

def term_words(codes: tuple[str, ...], vocabulary: Vocabulary) -> str:
    """English, Dutch and current-language labels, so "schulden" and "debts" both find a service."""
    words = []
    for code in codes:
        if code in vocabulary:
            term = vocabulary.get(code)
            words += [term.label, catalog("nl").gettext(term.label), term.text()]
    return " ".join(words)


def schedule_slots(schedules: list[KaartSchedule]) -> tuple[WeeklySlot, ...]:
    slots = []
    for s in schedules:
        try:
            slots.append(slots_from_byday(s.byday, s.opens_at, s.closes_at))
        except ValueError:
            continue
    return tuple(slots)


def _first_numbers(rows: list[tuple[int, str, str]]) -> dict[str, dict[int, str]]:
    """Per purpose ("main", "after_hours") and owner: its first number, the one ``phone_for`` picks."""
    first: dict[str, dict[int, str]] = {"main": {}, "after_hours": {}}
    for owner, number, purpose in rows:
        if number and purpose in first:
            first[purpose].setdefault(owner, number)
    return first


def _schedules(rows: list[tuple[int, str, str, str]]) -> dict[int, tuple[WeeklySlot, ...]]:
    """Per service its opening hours; a row that cannot be read is left out. A map repeats a handful of opening
    hours: each is parsed once, and services with the same hours share one tuple (the list works out "open now"
    once per tuple)."""
    parsed: dict[tuple[str, str, str], WeeklySlot | None] = {}
    keys: dict[int, list[tuple[str, str, str]]] = defaultdict(list)
    for sid, byday, opens_at, closes_at in rows:
        key = (byday, opens_at, closes_at)
        if key not in parsed:
            try:
                parsed[key] = slots_from_byday(byday, opens_at, closes_at)
            except ValueError:
                parsed[key] = None
        if parsed[key] is not None:
            keys[sid].append(key)
    shared: dict[tuple[tuple[str, str, str], ...], tuple[WeeklySlot, ...]] = {}
    schedules = {}
    for sid, service_keys in keys.items():
        hours = tuple(service_keys)
        slots = shared.get(hours)
        if slots is None:
            slots = shared[hours] = tuple(slot for key in hours if (slot := parsed[key]) is not None)
        schedules[sid] = slots
    return schedules


def _places(rows: KaartRows) -> dict[int, list[str]]:
    """A service's areas, then the towns of its locations that are not among them yet."""
    areas: dict[int, list[str]] = defaultdict(list)
    for sid, name in rows.areas:
        areas[sid].append(name)
    for sid, city in rows.cities:
        if city and city not in areas[sid]:
            areas[sid].append(city)
    return areas


def _terms(rows: KaartRows) -> tuple[dict[int, tuple[str, ...]], dict[int, tuple[str, ...]]]:
    """Per service: its categories and its themes, in the order they were given."""
    found: dict[str, dict[int, list[str]]] = {"kaart_category": defaultdict(list), "theme": defaultdict(list)}
    for sid, vocabulary, code in rows.terms:
        if vocabulary in found:
            found[vocabulary][sid].append(code)
    return ({sid: tuple(codes) for sid, codes in found["kaart_category"].items()},
            {sid: tuple(codes) for sid, codes in found["theme"].items()})


def _summary(**values: object) -> ServiceSummary:
    """A ``ServiceSummary`` of every field, without the frozen dataclass's ``__init__``: that sets each of the 16
    fields through ``object.__setattr__``, ~4 ms for 2,000 services on every read of the map. The fields are the
    same (``tests/unit/kaart/test_kaart_list_reads.py`` compares them with summaries made the ordinary way)."""
    summary = object.__new__(ServiceSummary)
    summary.__dict__.update(values)
    return summary


def list_services(store: Store) -> list[ServiceSummary]:
    """Every service of the map, sorted by organisation and name, in a few bulk queries."""
    with store.read() as session:
        # Plain SQL on the driver's connection, inside the session's read transaction: 2,000 services and their
        # ~12,000 related rows load in ~10 ms, where SQLAlchemy's result rows cost ~25 ms more (``brugapp bench``)
        rows = kaart_rows(session)
    return _in_list_order(_summaries(rows))


@dataclass(frozen=True)
class MapPage:
    """The list's first page: its first services in list order, how many the map holds, every place it names, and
    the keys of the other services in list order (``MapRest`` reads them)."""

    services: list[ServiceSummary]
    total: int
    places: set[str]
    rest: tuple[int, ...] = ()


def first_services(store: Store, *, count: int) -> MapPage:
    """``list_services(store)[:count]``, without reading the rest of the map: the names of every service put the
    map in list order, then only the first ``count`` are read in full (the list's first visit, ``ui/kaart``)."""
    with store.read() as session:
        names = service_names(session)
        # the keys of ``_in_list_order``, on the rows in the same order before it (services by id)
        order = [names[n][0] for n in sorted(range(len(names)), key=lambda n: _list_key(names[n][2], names[n][1]))]
        rows = kaart_rows(session, order[:count]) if count < len(order) else kaart_rows(session)
        places = listed_places(session)
    return MapPage(_in_list_order(_summaries(rows)), len(names), places, tuple(order[count:]))


class MapRest:
    """The services after a first page, in list order: a part at a time (``next_part``: while the page is idle, so
    a key pressed meanwhile waits for one part only), or all that is left at once (``everything``: for a search).
    A service saved since the first page shows when the list is next read (``ListFreshness``)."""

    def __init__(self, store: Store, page: MapPage, *, part: int) -> None:
        self.store = store
        self.shown = {summary.id for summary in page.services}
        self.left = list(page.rest)
        self.part = part
        self.whole = True  # nothing of the rest read yet

    @property
    def done(self) -> bool:
        return not self.left

    def next_part(self) -> list[ServiceSummary]:
        part, self.left = self.left[:self.part], self.left[self.part:]
        self.whole = False
        return _services_in_order(self.store, part) if part else []

    def everything(self) -> list[ServiceSummary]:
        if not self.left:
            return []
        if self.whole:  # the rest of the map is most of it: one scan (~35 ms for 1,800 of 2,000), not key by key
            self.left = []
            return [summary for summary in list_services(self.store) if summary.id not in self.shown]
        part, self.left = self.left, []
        return _services_in_order(self.store, part)


def _services_in_order(store: Store, pks: list[int]) -> list[ServiceSummary]:
    with store.read() as session:
        rows = kaart_rows(session, pks)
    return _in_list_order(_summaries(rows))


def _in_list_order(summaries: list[ServiceSummary]) -> list[ServiceSummary]:
    """By organisation, then name (folded: "Öcmw" with O); equal ones in the order of the map (``id``)."""
    keys = [_list_key(summary.organization_name, summary.name) for summary in summaries]
    return [summaries[n] for n in sorted(range(len(summaries)), key=keys.__getitem__)]


def _list_key(organisation: str, name: str) -> tuple[str, str]:
    return _folded(organisation), fold(name)  # 500 organisations for 2,000 services: each one folded once


def _summaries(rows: KaartRows) -> list[ServiceSummary]:
    """The map's rows as summaries, in the order of ``rows.services``."""
    categories_of, themes_of = _terms(rows)
    places_of = _places(rows)
    own, of_org = _first_numbers(rows.service_phones), _first_numbers(rows.organization_phones)
    own_main, own_after, org_main, org_after = own["main"], own["after_hours"], of_org["main"], of_org["after_hours"]
    schedules = _schedules(rows.schedules)
    colours = dict(rows.colours)
    label_cache: dict[tuple[tuple[str, ...], tuple[str, ...]], str] = {}
    # 2,000 services share a few hundred verified dates (ISO text in SQLite): each is parsed once
    dates = {text: dt.date.fromisoformat(text) for text in {row[7] for row in rows.services} if text}
    no_codes: tuple[str, ...] = ()
    result = []
    for (pk, uuid, name, alternate_name, description, target_group, org_pk, assured_date, status,
         referral_route, comes_to_school, org_uuid, org_name, org_alt) in rows.services:
        cats, themes = categories_of.get(pk, no_codes), themes_of.get(pk, no_codes)
        label = label_cache.get((cats, themes))
        if label is None:
            label = label_cache[(cats, themes)] = term_words(cats, CATEGORIES) + " " + term_words(themes, THEMES)
        places = tuple(places_of.get(pk, ()))
        result.append(_summary(
            id=uuid, name=name, organization_id=org_uuid, organization_name=org_name,
            categories=cats, themes=themes, municipalities=places,
            # a service's own line wins over its organisation's (``domain.kaart.phones_for``)
            phone=own_main[pk] if pk in own_main else org_main.get(org_pk, ""),
            after_hours_phone=own_after[pk] if pk in own_after else org_after.get(org_pk, ""),
            colour=colours.get(org_pk, ""), assured_date=dates.get(assured_date), status=status,
            referral_route=referral_route, comes_to_school=bool(comes_to_school),
            slots=schedules.get(pk, ()),
            words=" ".join((name, alternate_name, org_name, org_alt, description, target_group, " ".join(places),
                            label)),
        ))
    return result


@lru_cache(maxsize=64)
def _theme_categories(theme: str) -> frozenset[str]:
    return frozenset(categories_for_theme(theme))


@lru_cache(maxsize=256)
def _tokens(text: str) -> tuple[str, ...]:
    return tuple(fold(text).split())


def prepare_search(summaries: Iterable[ServiceSummary]) -> None:
    """Fold each service's search words now (``search_text``, kept on the summary): the map does this while it is
    idle, so the first letter typed filters 2,000 services without first folding their words (~10 ms here)."""
    for summary in summaries:
        summary.search_text  # noqa: B018  (computed and kept by cached_property)


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

"""The sociale kaart: find and read services (editing is in ``kaart_edit``).

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
from functools import cache, lru_cache

from sqlalchemy import select
from sqlalchemy.orm import Session

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
from brugapp.i18n import _
from brugapp.services.errors import NotFoundError, ValidationError
from brugapp.services.listing import ListedRecord
from brugapp.store import Store, search_index
from brugapp.store.models.kaart import (
    KaartContact,
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
from brugapp.store.search_index import IndexEntry, fold, index_record


@dataclass(frozen=True)
class ContactRef:
    id: str
    name: str
    role: str
    phone: str
    email: str
    is_backup: bool


@dataclass(frozen=True)
class ContactDetail:
    id: str
    name: str
    role: str
    organization_id: str
    organization_name: str
    service_id: str  # "" for a contact of the whole organisation
    service_name: str
    phones: tuple[str, ...]  # own number first, then the service's / organisation's
    email: str
    is_backup: bool
    after_hours_phone: str
    after_hours_note: str
    backup: ContactRef | None


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
    search_text: str = field(repr=False, default="")  # folded words for "who do I call for X in Y"

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
class ServiceDetail:
    id: str
    name: str
    organization_id: str
    organization_name: str
    alternate_name: str
    description: str
    not_offered: str
    status: str
    categories: tuple[str, ...]
    themes: tuple[str, ...]
    target_group: str
    minimum_age: int | None
    maximum_age: int | None
    referral_route: str
    application_process: str
    wait_time: str
    fees: str
    comes_to_school: bool
    url: str
    email: str
    phones: tuple[str, ...]
    after_hours_phone: str
    after_hours_note: str
    slots: tuple[WeeklySlot, ...]
    municipalities: tuple[str, ...]
    addresses: tuple[str, ...]
    contact: ContactRef | None  # the fixed face (vast gezicht)
    backup: ContactRef | None
    contacts: tuple[ContactRef, ...]
    assured_date: dt.date | None
    colour: str  # private
    private_notes: str  # private
    organization_notes: str  # private

    @property
    def phone(self) -> str:
        return self.phones[0] if self.phones else ""


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


def _term_words(codes: tuple[str, ...], vocabulary: Vocabulary) -> str:
    """English, Dutch and current-language labels, so "schulden" and "debts" both find a service."""
    words = []
    for code in codes:
        if code in vocabulary:
            term = vocabulary.get(code)
            words += [term.label, _dutch().gettext(term.label), term.text()]
    return " ".join(words)


def _slots(schedules: list[KaartSchedule]) -> tuple[WeeklySlot, ...]:
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
        phones: dict[int, dict[str, str]] = defaultdict(dict)
        for phone_sid, number, purpose in connection.execute(
            select(KaartPhone.service_id, KaartPhone.number, KaartPhone.purpose)
            .where(KaartPhone.service_id.is_not(None)).order_by(KaartPhone.id)
        ):
            if phone_sid is not None:  # always true (see the WHERE); tells the type checker
                phones[phone_sid].setdefault(purpose, number)
        org_phones: dict[int, dict[str, str]] = defaultdict(dict)
        for oid, number, purpose in connection.execute(
            select(KaartPhone.organization_id, KaartPhone.number, KaartPhone.purpose)
            .where(KaartPhone.organization_id.is_not(None)).order_by(KaartPhone.id)
        ):
            if oid is not None:  # always true (see the WHERE); tells the type checker
                org_phones[oid].setdefault(purpose, number)
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
                label_cache[label_key] = _term_words(cats, CATEGORIES) + " " + _term_words(themes, THEMES)
            own, of_org = phones.get(pk, {}), org_phones.get(org_pk, {})
            note = notes.get(org_pk)
            places = tuple(areas.get(pk, ()))
            text = " ".join((name, alternate_name, org_name, org_alt, description, target_group, " ".join(places),
                             label_cache[label_key]))
            result.append(ServiceSummary(
                id=uuid, name=name, organization_id=org_uuid, organization_name=org_name,
                categories=cats, themes=themes, municipalities=places,
                phone=own.get("main") or of_org.get("main", ""),
                after_hours_phone=own.get("after_hours") or of_org.get("after_hours", ""),
                colour=note.colour if note else "", assured_date=assured_date, status=status,
                referral_route=referral_route, comes_to_school=comes_to_school,
                slots=tuple(schedules.get(pk, ())), search_text=fold(text),
            ))
    result.sort(key=lambda s: (fold(s.organization_name), fold(s.name)))
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


def _in_wanted_places(summary: ServiceSummary, criteria: KaartFilter) -> bool:
    """One municipality chosen, or any of "my region"; no choice means everywhere."""
    wanted = {_folded(m) for m in (*criteria.municipalities, criteria.municipality) if m}
    return not wanted or any(_folded(m) in wanted for m in summary.municipalities)


def summary_matches(summary: ServiceSummary, criteria: KaartFilter) -> bool:
    """The one filter rule of the map (GUI list, CLI ``kaart find``)."""
    if criteria.text:
        haystack = summary.search_text
        if not all(token in haystack for token in _tokens(criteria.text)):
            return False
    if criteria.category:
        if criteria.category.startswith("theme:"):
            theme = criteria.category[6:]
            wanted = _theme_categories(theme)
            if not (wanted & set(summary.categories)
                    or any(t == theme or t.startswith(f"{theme}.") for t in summary.themes)):
                return False
        elif criteria.category not in summary.categories:
            return False
    if not _in_wanted_places(summary, criteria):
        return False
    if criteria.colour:
        if criteria.colour == "none":
            if summary.colour:
                return False
        elif summary.colour != criteria.colour:
            return False
    if criteria.stale_only and not summary.is_stale(criteria.today or dt.date.today()):
        return False
    if criteria.open_at is not None and not (summary.is_open(criteria.open_at) or summary.after_hours_phone):
        return False
    if criteria.after_hours and not reachable_after_hours(summary.slots, summary.after_hours_phone):
        return False
    return summary.status in ("active", "temporarily closed") or not (criteria.open_at or criteria.after_hours)


def find_services(store: Store, *, criteria: KaartFilter) -> list[ServiceSummary]:
    """"Who do I call for X in Y": every word of ``criteria.text`` must match name, category, theme or place."""
    found = [s for s in list_services(store) if summary_matches(s, criteria)]
    tokens = _tokens(criteria.text)
    if tokens:
        # Best answers first: the words typed are in the service's own name or its category.
        def score(summary: ServiceSummary) -> int:
            name, words = fold(summary.name), fold(_term_words(summary.categories, CATEGORIES))
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


def _ref(contact: KaartContact) -> ContactRef:
    return ContactRef(contact.uuid, contact.name, contact.title, contact.phone, contact.email, contact.is_backup)


def _service_or_raise(session: Session, service_id: str) -> KaartService:
    service = session.scalar(select(KaartService).where(KaartService.uuid == service_id))
    if service is None:
        raise NotFoundError(_("This service no longer exists in the social map."))
    return service


def _private(session: Session, *, organization_pk: int | None = None, service_pk: int | None = None,
             create: bool = False) -> KaartPrivateNote | None:
    column = KaartPrivateNote.organization_id if organization_pk is not None else KaartPrivateNote.service_id
    pk = organization_pk if organization_pk is not None else service_pk
    note = session.scalar(select(KaartPrivateNote).where(column == pk))
    if note is None and create:
        note = KaartPrivateNote(organization_id=organization_pk, service_id=service_pk, colour="", notes="")
        session.add(note)
    return note


def _detail(session: Session, service: KaartService) -> ServiceDetail:
    org = service.organization
    own = [p for p in service.phones if p.purpose == "main"]
    after = [p for p in service.phones if p.purpose == "after_hours"]
    org_main = [p for p in org.phones if p.purpose == "main"]
    org_after = [p for p in org.phones if p.purpose == "after_hours"]
    contacts = [c for c in service.contacts] or [c for c in org.contacts if c.service_id is None]
    fixed = next((c for c in contacts if not c.is_backup), None)
    backup = next((c for c in contacts if c.is_backup), None)
    terms = service.terms
    places = [a.name for a in service.areas]
    addresses = []
    for link in service.at_locations:
        loc = link.location
        addresses.append(", ".join(p for p in (loc.address_1, f"{loc.postal_code} {loc.city}".strip()) if p))
        if loc.city and loc.city not in places:
            places.append(loc.city)
    org_note = _private(session, organization_pk=org.id)
    service_note = _private(session, service_pk=service.id)
    return ServiceDetail(
        id=service.uuid, name=service.name, organization_id=org.uuid, organization_name=org.name,
        alternate_name=service.alternate_name, description=service.description, not_offered=service.not_offered,
        status=service.status,
        categories=tuple(t.code for t in terms if t.vocabulary == "kaart_category"),
        themes=tuple(t.code for t in terms if t.vocabulary == "theme"),
        target_group=service.target_group, minimum_age=service.minimum_age, maximum_age=service.maximum_age,
        referral_route=service.referral_route, application_process=service.application_process,
        wait_time=service.wait_time, fees=service.fees, comes_to_school=service.comes_to_school,
        url=service.url, email=service.email or org.email,
        phones=tuple(p.number for p in (own or org_main)),
        after_hours_phone=(after or org_after)[0].number if (after or org_after) else "",
        after_hours_note=service.after_hours_note, slots=_slots(list(service.schedules)),
        municipalities=tuple(places), addresses=tuple(addresses),
        contact=_ref(fixed) if fixed else None, backup=_ref(backup) if backup else None,
        contacts=tuple(_ref(c) for c in contacts), assured_date=service.assured_date,
        colour=org_note.colour if org_note else "", private_notes=service_note.notes if service_note else "",
        organization_notes=org_note.notes if org_note else "",
    )


def get_service(store: Store, *, service_id: str) -> ServiceDetail:
    """Everything about one service, for the detail pane and for a referral."""
    with store.read() as session:
        return _detail(session, _service_or_raise(session, service_id))


def get_contact(store: Store, *, contact_id: str) -> ContactDetail:
    """A contact person with the numbers to try, the after-hours line and the backup to call instead."""
    with store.read() as session:
        contact = session.scalar(select(KaartContact).where(KaartContact.uuid == contact_id))
        if contact is None:
            raise NotFoundError(_("This contact person no longer exists in the social map."))
        org = contact.organization
        service = contact.service
        scope = service.contacts if service is not None else [c for c in org.contacts if c.service_id is None]
        backup = next((c for c in scope if c.is_backup and c.id != contact.id), None)
        if backup is None and contact.is_backup:
            backup = next((c for c in scope if not c.is_backup and c.id != contact.id), None)
        phone_rows = list(service.phones) if service is not None else []
        phone_rows += list(org.phones)
        numbers = [contact.phone] if contact.phone else []
        numbers += [p.number for p in phone_rows if p.purpose == "main" and p.number not in numbers]
        after = next((p.number for p in phone_rows if p.purpose == "after_hours"), "")
        return ContactDetail(
            id=contact.uuid, name=contact.name, role=contact.title, organization_id=org.uuid,
            organization_name=org.name, service_id=service.uuid if service else "",
            service_name=service.name if service else "", phones=tuple(numbers), email=contact.email,
            is_backup=contact.is_backup, after_hours_phone=after,
            after_hours_note=service.after_hours_note if service else "",
            backup=_ref(backup) if backup else None,
        )


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


# -- search index ------------------------------------------------------------------------------

def _service_entry(service: KaartService) -> tuple[str, str, str, str]:
    cats = " ".join(_term_words((t.code,), CATEGORIES) for t in service.terms if t.vocabulary == "kaart_category")
    places = " ".join(a.name for a in service.areas)
    return ("service", service.uuid, f"{service.name} – {service.organization.name}",
            f"{service.description} {service.target_group} {cats} {places}")


def _organization_entry(org: KaartOrganization) -> tuple[str, str, str, str]:
    return ("organization", org.uuid, org.name, f"{org.alternate_name} {org.description}")


def index_service(session: Session, service: KaartService) -> None:
    kind, ref, label, body = _service_entry(service)
    index_record(session, kind=kind, ref_uuid=ref, label=label, body=body)


def index_organization(session: Session, org: KaartOrganization) -> None:
    kind, ref, label, body = _organization_entry(org)
    index_record(session, kind=kind, ref_uuid=ref, label=label, body=body)


def index_many(session: Session, *, services: list[KaartService], organizations: list[KaartOrganization]) -> None:
    """Index a whole import at once (one delete and one insert statement)."""
    entries = [_service_entry(s) for s in services] + [_organization_entry(o) for o in organizations]
    search_index.index_many(session, [IndexEntry(kind, ref, label, body) for kind, ref, label, body in entries])


def audit(session: Session, *, action: str, subject_kind: str, audience: str = "", detail: str = "") -> None:
    """One audit line for an export, print or import: what kind of thing, for whom; never the content."""
    from brugapp.store.models import AuditEntry

    session.add(AuditEntry(action=action, subject_kind=subject_kind, audience=audience, detail=detail))

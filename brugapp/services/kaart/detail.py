"""The sociale kaart, one service or one contact person in full: for the detail pane, a referral, a call.

Private fields (Ken-je-buurt colour, experience notes) are read here for the brugfiguur's own screens;
exports never use these functions.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from brugapp.domain.kaart import WeeklySlot, phone_for, phones_for
from brugapp.domain.kaart_record import ServiceFacts, facts_of
from brugapp.errors import NotFoundError
from brugapp.i18n import _
from brugapp.services.kaart.query import schedule_slots
from brugapp.store import Store
from brugapp.store.models.kaart import KaartContact, KaartPrivateNote, KaartService


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


@dataclass(frozen=True, kw_only=True)
class ServiceDetail(ServiceFacts):
    """One service in full: its facts (``domain/kaart_record.py``; ``email`` falls back on the organisation's)
    with numbers, hours, places, people and the brugfiguur's private view."""

    id: str
    name: str
    organization_id: str
    organization_name: str
    comes_to_school: bool = False
    categories: tuple[str, ...]
    themes: tuple[str, ...]
    phones: tuple[str, ...]
    after_hours_phone: str
    slots: tuple[WeeklySlot, ...]
    municipalities: tuple[str, ...]
    addresses: tuple[str, ...]
    contact: ContactRef | None  # the fixed face (vast gezicht)
    backup: ContactRef | None
    contacts: tuple[ContactRef, ...]
    colour: str  # private
    private_notes: str  # private
    organization_notes: str  # private

    @property
    def phone(self) -> str:
        return self.phones[0] if self.phones else ""


def _ref(contact: KaartContact) -> ContactRef:
    return ContactRef(contact.uuid, contact.name, contact.title, contact.phone, contact.email, contact.is_backup)


def service_or_raise(session: Session, service_id: str) -> KaartService:
    service = session.scalar(select(KaartService).where(KaartService.uuid == service_id))
    if service is None:
        raise NotFoundError(_("This service no longer exists in the social map."))
    return service


def private_note(session: Session, *, organization_pk: int | None = None, service_pk: int | None = None,
             create: bool = False) -> KaartPrivateNote | None:
    column = KaartPrivateNote.organization_id if organization_pk is not None else KaartPrivateNote.service_id
    pk = organization_pk if organization_pk is not None else service_pk
    note = session.scalar(select(KaartPrivateNote).where(column == pk))
    if note is None and create:
        note = KaartPrivateNote(organization_id=organization_pk, service_id=service_pk, colour="", notes="")
        session.add(note)
    return note


def _own_and_organisation_phones(service: KaartService) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    return ([(p.number, p.purpose) for p in service.phones],
            [(p.number, p.purpose) for p in service.organization.phones])


def _faces(service: KaartService) -> tuple[list[KaartContact], KaartContact | None, KaartContact | None]:
    """The service's contact people (else the organisation's own), its fixed face and its backup."""
    contacts = list(service.contacts) or [c for c in service.organization.contacts if c.service_id is None]
    fixed = next((c for c in contacts if not c.is_backup), None)
    backup = next((c for c in contacts if c.is_backup), None)
    return contacts, fixed, backup


def _places_and_addresses(service: KaartService) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Where the service works: its areas plus the towns of its locations, and each location's address."""
    places = [a.name for a in service.areas]
    addresses = []
    for link in service.at_locations:
        loc = link.location
        addresses.append(", ".join(p for p in (loc.address_1, f"{loc.postal_code} {loc.city}".strip()) if p))
        if loc.city and loc.city not in places:
            places.append(loc.city)
    return tuple(places), tuple(addresses)


def _ref_or_none(contact: KaartContact | None) -> ContactRef | None:
    return _ref(contact) if contact else None


def _detail(session: Session, service: KaartService) -> ServiceDetail:
    org = service.organization
    own, of_org = _own_and_organisation_phones(service)
    contacts, fixed, backup = _faces(service)
    places, addresses = _places_and_addresses(service)
    org_note = private_note(session, organization_pk=org.id)
    service_note = private_note(session, service_pk=service.id)
    facts = facts_of(service)
    facts["email"] = service.email or org.email
    return ServiceDetail(
        **facts, id=service.uuid, name=service.name, organization_id=org.uuid, organization_name=org.name,
        categories=tuple(t.code for t in service.terms if t.vocabulary == "kaart_category"),
        themes=tuple(t.code for t in service.terms if t.vocabulary == "theme"),
        phones=phones_for("main", own, of_org), after_hours_phone=phone_for("after_hours", own, of_org),
        slots=schedule_slots(list(service.schedules)), municipalities=places, addresses=addresses,
        contact=_ref_or_none(fixed), backup=_ref_or_none(backup), contacts=tuple(_ref(c) for c in contacts),
        colour=org_note.colour if org_note else "", private_notes=service_note.notes if service_note else "",
        organization_notes=org_note.notes if org_note else "",
    )


def get_service(store: Store, *, service_id: str) -> ServiceDetail:
    """Everything about one service, for the detail pane and for a referral."""
    with store.read() as session:
        return _detail(session, service_or_raise(session, service_id))


def _backup_for(contact: KaartContact) -> KaartContact | None:
    """Whom to call instead: the backup of the same service (or organisation); for a backup, the fixed face."""
    scope = contact.service.contacts if contact.service is not None else [
        c for c in contact.organization.contacts if c.service_id is None]
    backup = next((c for c in scope if c.is_backup and c.id != contact.id), None)
    if backup is None and contact.is_backup:
        backup = next((c for c in scope if not c.is_backup and c.id != contact.id), None)
    return backup


def get_contact(store: Store, *, contact_id: str) -> ContactDetail:
    """A contact person with the numbers to try, the after-hours line and the backup to call instead."""
    with store.read() as session:
        contact = session.scalar(select(KaartContact).where(KaartContact.uuid == contact_id))
        if contact is None:
            raise NotFoundError(_("This contact person no longer exists in the social map."))
        org, service = contact.organization, contact.service
        own = [(p.number, p.purpose) for p in service.phones] if service is not None else []
        of_org = [(p.number, p.purpose) for p in org.phones]
        # The person's own number first, then every main line of the service and of its organisation.
        numbers = [contact.phone] if contact.phone else []
        numbers += [n for n in phones_for("main", own, []) + phones_for("main", of_org, []) if n not in numbers]
        return ContactDetail(
            id=contact.uuid, name=contact.name, role=contact.title, organization_id=org.uuid,
            organization_name=org.name, service_id=service.uuid if service else "",
            service_name=service.name if service else "", phones=tuple(numbers), email=contact.email,
            is_backup=contact.is_backup, after_hours_phone=phone_for("after_hours", own, of_org),
            after_hours_note=service.after_hours_note if service else "",
            backup=_ref_or_none(_backup_for(contact)),
        )

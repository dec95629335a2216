"""The sociale kaart, editing: save, verify ("vandaag gecontroleerd"), colour, notes, delete and merge.

Each function is one unit of work; the search index is updated in the same transaction.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from brugapp.domain.clock import today_local
from brugapp.domain.kaart import CATEGORIES, COLOURS, REFERRAL_ROUTES, STATUSES, WeeklySlot
from brugapp.domain.kaart_record import FORM_FACTS, MERGED_FACTS, ServiceFacts, stored_value
from brugapp.domain.themes import THEMES
from brugapp.errors import NotFoundError, ValidationError
from brugapp.i18n import _
from brugapp.services.kaart.detail import private_note, service_or_raise
from brugapp.services.kaart.indexing import index_organization, index_service
from brugapp.store import Store
from brugapp.store.models.kaart import (
    KaartContact,
    KaartOrganization,
    KaartPhone,
    KaartSchedule,
    KaartService,
    KaartServiceArea,
    KaartServiceAtLocation,
    KaartServiceTerm,
)
from brugapp.store.search_index import fold, unindex_record


@dataclass(frozen=True, kw_only=True)
class ServiceInput(ServiceFacts):
    """What the edit form sends (the facts it shows, ``FORM_FACTS``, plus terms, numbers, hours, places and the
    two contact people); see ``save_service``. The facts the form does not show (``alternate_name``,
    ``assured_date``) are never written by saving: an import sets them, ``verify_service`` sets the date."""

    name: str
    organization_name: str
    comes_to_school: bool = False
    categories: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    phone: str = ""
    after_hours_phone: str = ""
    opening_hours: tuple[WeeklySlot, ...] = ()
    municipalities: tuple[str, ...] = ()
    contact_name: str = ""
    contact_role: str = ""
    contact_phone: str = ""
    contact_email: str = ""
    backup_name: str = ""
    backup_role: str = ""
    backup_phone: str = ""
    backup_email: str = ""


def _check_codes(data: ServiceInput) -> None:
    if not data.name.strip():
        raise ValidationError(_("A service needs a name."), field="name")
    if not data.organization_name.strip():
        raise ValidationError(_("A service needs an organisation."), field="organization_name")
    if data.status not in STATUSES:
        raise ValidationError(_("Unknown status: {code}").format(code=data.status), field="status")
    if data.referral_route and data.referral_route not in REFERRAL_ROUTES:
        raise ValidationError(_("Unknown way to refer: {code}").format(code=data.referral_route),
                              field="referral_route")
    for code in data.categories:
        if code not in CATEGORIES:
            raise ValidationError(_("Unknown category: {code}").format(code=code), field="categories")
    for code in data.themes:
        if code not in THEMES:
            raise ValidationError(_("Unknown theme: {code}").format(code=code), field="themes")
    for value, name in ((data.minimum_age, "minimum_age"), (data.maximum_age, "maximum_age")):
        if value is not None and not 0 <= value <= 120:
            raise ValidationError(_("An age must lie between 0 and 120."), field=name)


def _organization_named(session: Session, name: str) -> KaartOrganization:
    wanted = fold(name.strip())
    for org in session.scalars(select(KaartOrganization).where(KaartOrganization.name.ilike(name.strip()))):
        if fold(org.name) == wanted:
            return org
    for org in session.scalars(select(KaartOrganization)):
        if fold(org.name) == wanted:
            return org
    org = KaartOrganization(name=name.strip())
    session.add(org)
    session.flush()
    index_organization(session, org)
    return org


def replace_children(session: Session, owner: object, attr: str, items: list) -> None:
    """Swap a child collection; the old rows go first so unique constraints never see both."""
    current = getattr(owner, attr)
    if current:
        current.clear()
        session.flush()
    setattr(owner, attr, items)


def _format_hhmm(value: dt.time) -> str:
    return "24:00" if value == dt.time.max else value.strftime("%H:%M")


def save_service(store: Store, *, service_id: str | None, data: ServiceInput) -> str:
    """Create (``service_id`` None) or update a service; the organisation is found by name or made."""
    _check_codes(data)
    with store.session() as session:
        org = _organization_named(session, data.organization_name)
        if service_id:
            service = service_or_raise(session, service_id)
            service.organization = org
        else:
            service = KaartService(name=data.name.strip(), organization=org)
            session.add(service)
        service.name = data.name.strip()
        for spec in FORM_FACTS:
            setattr(service, spec.name, stored_value(spec, getattr(data, spec.name)))
        session.flush()
        terms = [KaartServiceTerm(vocabulary="kaart_category", code=c) for c in dict.fromkeys(data.categories)]
        terms += [KaartServiceTerm(vocabulary="theme", code=c) for c in dict.fromkeys(data.themes)]
        replace_children(session, service, "terms", terms)
        replace_children(session, service, "areas",
                         [KaartServiceArea(name=m.strip()) for m in dict.fromkeys(data.municipalities) if m.strip()])
        replace_children(session, service, "schedules", [
            KaartSchedule(byday=s.byday, opens_at=_format_hhmm(s.opens), closes_at=_format_hhmm(s.closes))
            for s in data.opening_hours
        ])
        phones = []
        if data.phone.strip():
            phones.append(KaartPhone(number=data.phone.strip(), purpose="main"))
        if data.after_hours_phone.strip():
            phones.append(KaartPhone(number=data.after_hours_phone.strip(), purpose="after_hours"))
        replace_children(session, service, "phones", phones)
        session.flush()
        _set_contact(session, service, data.contact_name, data.contact_role, data.contact_phone,
                     data.contact_email, backup=False)
        _set_contact(session, service, data.backup_name, data.backup_role, data.backup_phone,
                     data.backup_email, backup=True)
        session.flush()
        index_service(session, service)
        return service.uuid


def _set_contact(session: Session, service: KaartService, name: str, role: str, phone: str, email: str, *,
                 backup: bool) -> None:
    existing = next((c for c in service.contacts if c.is_backup == backup), None)
    if not name.strip():
        if existing is not None:
            existing.service_id = None  # keep the person (a referral may name them), detach from the service
            service.contacts.remove(existing)
        return
    if existing is None:
        existing = KaartContact(organization_id=service.organization_id, name=name.strip(), is_backup=backup)
        session.add(existing)
        service.contacts.append(existing)
    existing.name, existing.title, existing.phone, existing.email = name.strip(), role.strip(), phone.strip(), \
        email.strip()
    existing.organization_id = service.organization_id


def verify_service(store: Store, *, service_id: str, today: dt.date | None = None) -> dt.date:
    """"Vandaag gecontroleerd": the HSDS assured date becomes today."""
    with store.session() as session:
        service = service_or_raise(session, service_id)
        service.assured_date = today or today_local()
        return service.assured_date


def set_colour(store: Store, *, organization_id: str, colour: str) -> None:
    """Ken je buurt: green / red / explore, or "" to clear. Private: never exported."""
    if colour and colour not in COLOURS:
        raise ValidationError(_("Unknown colour: {code}").format(code=colour), field="colour")
    with store.session() as session:
        org = session.scalar(select(KaartOrganization).where(KaartOrganization.uuid == organization_id))
        if org is None:
            raise NotFoundError(_("This organisation no longer exists in the social map."))
        note = private_note(session, organization_pk=org.id, create=True)
        assert note is not None
        note.colour = colour


def set_private_notes(store: Store, *, service_id: str, notes: str) -> None:
    """The brugfiguur's own experience with a service. Private: never exported or printed."""
    with store.session() as session:
        service = service_or_raise(session, service_id)
        note = private_note(session, service_pk=service.id, create=True)
        assert note is not None
        note.notes = notes.strip()


def delete_service(store: Store, *, service_id: str) -> None:
    with store.session() as session:
        service = service_or_raise(session, service_id)
        unindex_record(session, ref_uuid=service.uuid)
        session.delete(service)


def _merge_fields(keep: KaartService, dup: KaartService) -> None:
    for attr in MERGED_FACTS:
        if getattr(keep, attr) in ("", None) and getattr(dup, attr) not in ("", None):
            setattr(keep, attr, getattr(dup, attr))
    keep.comes_to_school = keep.comes_to_school or dup.comes_to_school
    if dup.assured_date and (keep.assured_date is None or dup.assured_date > keep.assured_date):
        keep.assured_date = dup.assured_date


def _merge_parts(keep: KaartService, dup: KaartService) -> None:
    have_terms = {(t.vocabulary, t.code) for t in keep.terms}
    keep.terms += [KaartServiceTerm(vocabulary=t.vocabulary, code=t.code) for t in dup.terms
                   if (t.vocabulary, t.code) not in have_terms]
    have_areas = {fold(a.name) for a in keep.areas}
    keep.areas += [KaartServiceArea(name=a.name) for a in dup.areas if fold(a.name) not in have_areas]
    have_numbers = {p.number for p in keep.phones}
    keep.phones += [KaartPhone(number=p.number, purpose=p.purpose, description=p.description)
                    for p in dup.phones if p.number not in have_numbers]
    if not keep.schedules:
        keep.schedules = [KaartSchedule(byday=s.byday, opens_at=s.opens_at, closes_at=s.closes_at,
                                        description=s.description) for s in dup.schedules]
    have_locations = {link.location_id for link in keep.at_locations}
    keep.at_locations += [KaartServiceAtLocation(location_id=link.location_id) for link in dup.at_locations
                          if link.location_id not in have_locations]
    for contact in list(dup.contacts):
        contact.service_id = keep.id
        contact.organization_id = keep.organization_id


def _merge_notes(session: Session, keep: KaartService, dup: KaartService) -> None:
    dup_note = private_note(session, service_pk=dup.id)
    if dup_note is not None and dup_note.notes:
        keep_note = private_note(session, service_pk=keep.id, create=True)
        assert keep_note is not None
        keep_note.notes = "\n".join(n for n in (keep_note.notes, dup_note.notes) if n)


def _remove_duplicate(session: Session, keep: KaartService, dup: KaartService) -> None:
    """Delete the duplicate, and its organisation when nothing is left in it (its people move along)."""
    old_org = dup.organization
    session.flush()
    unindex_record(session, ref_uuid=dup.uuid)
    session.delete(dup)
    session.flush()
    session.expire(old_org)
    if old_org.id != keep.organization_id and not old_org.services:
        for contact in session.scalars(select(KaartContact).where(KaartContact.organization_id == old_org.id)):
            contact.organization_id = keep.organization_id
        session.flush()
        session.expire(old_org)
        unindex_record(session, ref_uuid=old_org.uuid)
        session.delete(old_org)


def merge_services(store: Store, *, keep_id: str, duplicate_id: str) -> str:
    """Fold a duplicate into the service kept: empty fields are filled, contacts, places, terms, phones
    and notes are carried over, then the duplicate (and its organisation, if left empty) is removed."""
    if keep_id == duplicate_id:
        raise ValidationError(_("Choose two different services to merge."), field="duplicate")
    with store.session() as session:
        keep = service_or_raise(session, keep_id)
        dup = service_or_raise(session, duplicate_id)
        _merge_fields(keep, dup)
        _merge_parts(keep, dup)
        _merge_notes(session, keep, dup)
        _remove_duplicate(session, keep, dup)
        session.flush()
        session.refresh(keep)
        index_service(session, keep)
        return keep.uuid



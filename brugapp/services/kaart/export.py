"""Export the sociale kaart: HSDS package or JSON, CSV for Excel, vCards, the printed wegwijzer.

Only the public record leaves: the Ken-je-buurt colour and experience notes live in their own table,
which nothing here reads. Every export and print is written to the audit trail (what kind, for whom,
how many; never the content).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from brugapp.domain.kaart import CATEGORIES, REFERRAL_ROUTES, phone_for, slots_from_byday
from brugapp.domain.kaart_record import EXTRA_FACTS, facts_of
from brugapp.domain.themes import THEMES
from brugapp.errors import ValidationError
from brugapp.exchange import hsds, spreadsheet, vcard
from brugapp.exchange.records import (
    ContactRecord,
    FileProblem,
    LocationRecord,
    OrganizationRecord,
    PhoneRecord,
    ScheduleRecord,
    ServiceRecord,
)
from brugapp.i18n import N_, _
from brugapp.services.kaart.detail import get_service
from brugapp.services.kaart.query import audit, opening_hours_text
from brugapp.store import Store
from brugapp.store.models.kaart import KaartContact, KaartOrganization, KaartService, KaartServiceAtLocation
from brugapp.store.search_index import fold

FORMATS = ("hsds", "json", "csv", "vcard", "pdf")
AUDIENCES = {"parents": N_("Parents"), "school": N_("School team")}


@dataclass(frozen=True)
class ExportResult:
    path: Path
    count: int
    format: str


def records_in_session(session: Session, service_ids: Sequence[str] | None) -> list[ServiceRecord]:
    """The public record of the chosen services (all when None), with the HSDS data kept from a file."""
    query = select(KaartService).options(
        selectinload(KaartService.organization).selectinload(KaartOrganization.phones),
        selectinload(KaartService.phones), selectinload(KaartService.schedules), selectinload(KaartService.areas),
        selectinload(KaartService.terms), selectinload(KaartService.contacts),
        selectinload(KaartService.at_locations).selectinload(KaartServiceAtLocation.location),
    )
    if service_ids is not None:
        query = query.where(KaartService.uuid.in_(list(service_ids)))
    org_contacts: dict[int, list[KaartContact]] = {}
    for contact in session.scalars(select(KaartContact).where(KaartContact.service_id.is_(None))):
        org_contacts.setdefault(contact.organization_id, []).append(contact)
    records = []
    for service in session.scalars(query):
        org = service.organization
        record = ServiceRecord(
            organization=OrganizationRecord(
                name=org.name, id=org.uuid, alternate_name=org.alternate_name, description=org.description,
                email=org.email, website=org.website, extra=org.hsds_extra or {},
                phones=[PhoneRecord(p.number, p.purpose, p.description, p.uuid) for p in org.phones]),
            name=service.name, id=service.uuid, **facts_of(service),
            phones=[PhoneRecord(p.number, p.purpose, p.description, p.uuid) for p in service.phones],
            schedules=[ScheduleRecord(s.byday, s.opens_at, s.closes_at, s.description, s.uuid)
                       for s in service.schedules],
            areas=[a.name for a in service.areas], area_ids={a.name: a.uuid for a in service.areas},
            extra=service.hsds_extra or {},
            categories=[t.code for t in service.terms if t.vocabulary == "kaart_category"],
            themes=[t.code for t in service.terms if t.vocabulary == "theme"],
            contacts=[ContactRecord(c.name, c.title, c.email, c.phone, c.is_backup, c.uuid, c.phone_uuid, True)
                      for c in service.contacts]
            + [ContactRecord(c.name, c.title, c.email, c.phone, c.is_backup, c.uuid, c.phone_uuid, False)
               for c in org_contacts.get(org.id, [])],
            locations=[LocationRecord(link.location.address_1, link.location.postal_code, link.location.city,
                                      link.location.name, link.location.state_province, link.location.country,
                                      link.location.uuid, link.location.address_uuid, link.uuid)
                       for link in service.at_locations],
        )
        records.append(record)
    records.sort(key=lambda r: (fold(r.organization.name), fold(r.name)))
    return records


def service_records(store: Store, *, service_ids: Sequence[str] | None = None) -> list[ServiceRecord]:
    """The public record of the chosen services (all when ``service_ids`` is None)."""
    with store.read() as session:
        return records_in_session(session, service_ids)


def _number(record: ServiceRecord, purpose: str) -> str:
    return phone_for(purpose, [(p.number, p.purpose) for p in record.phones],
                     [(p.number, p.purpose) for p in record.organization.phones])


def _people_values(record: ServiceRecord) -> dict[str, str]:
    fixed = next((c for c in record.contacts if not c.is_backup), ContactRecord(""))
    backup = next((c for c in record.contacts if c.is_backup), ContactRecord(""))
    return {"contact_name": fixed.name, "contact_role": fixed.title, "contact_phone": fixed.phone,
            "contact_email": fixed.email, "backup_name": backup.name, "backup_phone": backup.phone}


def _age_text(age: int | None) -> str:
    return "" if age is None else str(age)


def _csv_row(record: ServiceRecord) -> list[str]:
    location = record.locations[0] if record.locations else LocationRecord()
    slots = tuple(slots_from_byday(s.byday, s.opens_at, s.closes_at) for s in record.schedules)
    values = {
        "id": record.id, "organization": record.organization.name, "service": record.name,
        "description": record.description, "not_offered": record.not_offered,
        "categories": ", ".join(CATEGORIES.label(c) for c in record.categories),
        "themes": ", ".join(THEMES.label(c) for c in record.themes), "municipalities": ", ".join(record.areas),
        "address": location.address_1, "postal_code": location.postal_code, "city": location.city,
        "phone": _number(record, "main"), "after_hours_phone": _number(record, "after_hours"),
        "after_hours_note": record.after_hours_note, "email": record.email,
        "website": record.url or record.organization.website, "target_group": record.target_group,
        "minimum_age": _age_text(record.minimum_age), "maximum_age": _age_text(record.maximum_age),
        "referral_route": REFERRAL_ROUTES.label(record.referral_route) if record.referral_route else "",
        "application_process": record.application_process, "wait_time": record.wait_time, "fees": record.fees,
        "comes_to_school": _("yes") if record.comes_to_school else _("no"),
        "opening_hours": _hours_for_csv(slots),
        "assured_date": record.assured_date.isoformat() if record.assured_date else "", "status": record.status,
        **_people_values(record), **{f.name: getattr(record, f.name) for f in EXTRA_FACTS},
    }
    return [values[key] for key in spreadsheet.FIELD_KEYS]


def _hours_for_csv(slots: tuple) -> str:
    # Written with the Dutch day abbreviations the spreadsheet reader understands ("ma-vr 09:00-17:00").
    from brugapp.domain.kaart import describe_slots

    return describe_slots(slots, ("ma", "di", "wo", "do", "vr", "za", "zo")).replace("–", "-")


def _digits(phone: str) -> str:
    return "".join(ch for ch in phone if ch.isdigit())


def _people(contacts: list[KaartContact]) -> list[list[KaartContact]]:
    """Contact rows grouped per person: the same name and e-mail, or the same name and phone, or the same
    name without anything that tells them apart (a backup is often entered with a phone number only)."""
    by_name: dict[str, list[KaartContact]] = {}
    for contact in contacts:
        by_name.setdefault(fold(contact.name), []).append(contact)
    people: list[list[KaartContact]] = []
    for namesakes in by_name.values():
        groups: dict[str, list[KaartContact]] = {}
        for contact in sorted(namesakes, key=lambda c: not c.email):  # the ones with an e-mail first
            key = contact.email.strip().lower() or next(
                (k for k, g in groups.items() if any(_digits(c.phone) == _digits(contact.phone) != "" for c in g)),
                next(iter(groups)) if len(groups) == 1 else _digits(contact.phone))
            groups.setdefault(key, []).append(contact)
        people.extend(groups.values())
    return people


def _address(contact: KaartContact) -> vcard.Address | None:
    links = contact.service.at_locations if contact.service is not None else []
    places = [link.location for link in links] or list(contact.organization.locations)
    place = next((p for p in places if p.address_1 or p.city), None)
    if place is None:
        return None
    return vcard.Address(place.address_1, place.postal_code, place.city, place.country or "BE")


def _card(people: list[KaartContact]) -> vcard.Card:
    """One card for one person: the fixed-contact entry first; a note per service they serve."""
    people = sorted(people, key=lambda c: (c.is_backup, c.uuid))
    first = people[0]
    notes = []
    for contact in people:
        if contact.service is not None:
            text = _("Backup for {service}") if contact.is_backup else _("Fixed contact for {service}")
            notes.append(text.format(service=contact.service.name))
    title = next((c.title for c in people if c.title and not c.is_backup), "") or next(
        (c.title for c in people if c.title), "")
    return vcard.Card(first.uuid, first.name, first.organization.name, title,
                      next((c.phone for c in people if c.phone), ""), next((c.email for c in people if c.email), ""),
                      "; ".join(dict.fromkeys(notes)), next((a for a in map(_address, people) if a), None))


def _cards(store: Store, service_ids: Sequence[str] | None) -> list[vcard.Card]:
    with store.read() as session:
        query = select(KaartContact).order_by(KaartContact.name).options(
            selectinload(KaartContact.organization).selectinload(KaartOrganization.locations),
            selectinload(KaartContact.service).selectinload(KaartService.at_locations)
            .selectinload(KaartServiceAtLocation.location))
        allowed = set(service_ids) if service_ids is not None else None
        contacts = [c for c in session.scalars(query)
                    if allowed is None or (c.service is not None and c.service.uuid in allowed)]
        return [_card(group) for group in _people(contacts)]


def export_kaart(store: Store, *, out: Path, format: str, service_ids: Sequence[str] | None = None,
                 audience: str = "school", vcard_version: str = "3.0") -> ExportResult:
    """Write the map (or the chosen services) to ``out``. Never includes private notes or colours."""
    if format not in FORMATS:
        raise ValidationError(_("Unknown export format: {format}").format(format=format), field="format")
    if format == "pdf":
        from brugapp.printing.wegwijzer import write_wegwijzer

        ids = service_ids if service_ids is not None else [r.id for r in service_records(store)]
        details = [get_service(store, service_id=i) for i in ids]
        write_wegwijzer(out, details, audience=audience, hours_text=opening_hours_text)
        count = len(details)
    elif format == "vcard":
        count = vcard.write_cards(_cards(store, service_ids), out, version=vcard_version)
    else:
        records = service_records(store, service_ids=service_ids)
        if format == "csv":
            headers = [_(spec.label) for spec in spreadsheet.FIELDS]
            spreadsheet.write_csv(out, headers, [_csv_row(r) for r in records])
            count = len(records)
        else:
            services, _tables = hsds.build(records)
            try:
                hsds.validate_services(services)
            except FileProblem as exc:
                raise ValidationError(exc.message, field="format") from None
            count = hsds.write_json(records, out) if format == "json" else hsds.write_package(records, out)
    with store.session() as session:
        audit(session, action="print" if format == "pdf" else "export", subject_kind=f"kaart:{format}",
              audience=audience if format == "pdf" else "", detail=str(count))
    return ExportResult(out, count, format)

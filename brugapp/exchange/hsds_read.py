"""HSDS tables -> BrugApp's service records, keeping what BrugApp does not model.

Each step reads one table and hangs its rows on the service (or organisation) they belong to. Every row
read is also kept as it was in the file (``hsds_extra.Keeper``), and rows of tables BrugApp has no place
for (programs, languages, funding, …) travel along with the record that owns them, so an export can
write them back unchanged.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from pathlib import Path
from typing import Any

from brugapp.domain.kaart import CATEGORIES, CATEGORY_TAXONOMY, REFERRAL_ROUTES, THEME_TAXONOMY
from brugapp.domain.kaart_record import ATTRIBUTE_FACTS
from brugapp.domain.themes import THEMES
from brugapp.exchange.hsds import AFTER_HOURS_WORDS, ROUTE_TAXONOMY
from brugapp.exchange.hsds_extra import Keeper
from brugapp.exchange.hsds_source import SourceRow, SourceTables, read_json_tables, read_package_tables
from brugapp.exchange.records import (
    ContactRecord,
    LocationRecord,
    OrganizationRecord,
    PhoneRecord,
    ScheduleRecord,
    ServiceRecord,
    file_problem,
)
from brugapp.i18n import _

Attributes = dict[str, list[tuple[str, str, str]]]  # link id -> [(taxonomy, code, value)]
STATUSES = ("active", "inactive", "defunct", "temporarily closed")


def read_package(path: Path) -> list[ServiceRecord]:
    return records_from_tables(read_package_tables(path))


def read_json(path: Path) -> list[ServiceRecord]:
    return records_from_tables(read_json_tables(path))


# -- values -----------------------------------------------------------------------------------------

def _number(value: str, file: str, row: int, column: str) -> int | None:
    if not value:
        return None
    try:
        return int(float(value.replace(",", ".")))
    except ValueError:
        raise file_problem(_("'{value}' is not a number.").format(value=value), file=file, row=row,
                           column=column) from None


def _date(value: str, file: str, row: int, column: str) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        raise file_problem(_("'{value}' is not a date (YYYY-MM-DD).").format(value=value), file=file, row=row,
                           column=column) from None


def _hhmm(value: str, file: str, row: int, column: str) -> str:
    if not value:
        return ""
    match = re.match(r"^(\d{1,2}):(\d\d)", value)
    if not match or int(match.group(1)) > 24 or int(match.group(2)) > 59:
        raise file_problem(_("'{value}' is not a time (HH:MM).").format(value=value), file=file, row=row,
                           column=column)
    text = f"{int(match.group(1)):02d}:{match.group(2)}"
    return "24:00" if text in ("23:59", "24:00") else text


def _dash(value: str) -> str:
    return "" if value == "-" else value


# -- the steps --------------------------------------------------------------------------------------

def _organizations(source: SourceTables, keeper: Keeper) -> dict[str, OrganizationRecord]:
    file = source.file("organization")
    orgs: dict[str, OrganizationRecord] = {}
    for row in source.table("organization"):
        values = row.values
        for column in ("id", "name"):
            if not values.get(column):
                raise file_problem(_("this required value is empty."), file=file, row=row.number, column=column)
        if values["id"] in orgs:
            continue
        org = OrganizationRecord(name=values["name"], id=values["id"], alternate_name=values.get("alternate_name", ""),
                                 description=values.get("description", ""), email=values.get("email", ""),
                                 website=values.get("website", ""))
        orgs[org.id] = org
        keeper.keep(org, "organization", row)
    return orgs


def _attributes(source: SourceTables, keeper: Keeper) -> Attributes:
    """BrugApp's own attributes (categories, themes, …) by the id they are linked to."""
    terms = {row.values.get("id", ""): row for row in source.table("taxonomy_term")}
    attributes: Attributes = defaultdict(list)
    for row in source.table("attribute"):
        term = terms.get(row.values.get("taxonomy_term_id", ""))
        taxonomy = term.values.get("taxonomy", "") if term else row.values.get("link_type", "")
        if taxonomy not in keeper.own_taxonomies:
            continue  # someone else's attribute: kept as it is, see Keeper.related
        keeper.consume("attribute", row)
        if term is not None:
            keeper.consume("taxonomy_term", term)
        code = term.values.get("code", "") if term else ""
        attributes[row.values.get("link_id", "")].append((taxonomy, code, row.values.get("value", "")))
    for row in source.table("taxonomy"):
        if row.values.get("name") in keeper.own_taxonomies:
            keeper.consume("taxonomy", row)
    return attributes


def _attribute_values(attributes: list[tuple[str, str, str]]) -> dict[str, Any]:
    """The service's values that travel as BrugApp attributes: terms, the route, and the facts HSDS has no
    column for (``domain/kaart_record.ATTRIBUTE_FACTS``)."""
    values: dict[str, Any] = {"categories": [], "themes": [], "comes_to_school": False}
    for taxonomy, code, value in attributes:
        if taxonomy == CATEGORY_TAXONOMY and code in CATEGORIES:
            values["categories"].append(code)
        elif taxonomy == THEME_TAXONOMY and code in THEMES:
            values["themes"].append(code)
        elif taxonomy == ROUTE_TAXONOMY and code in REFERRAL_ROUTES:
            values["referral_route"] = code
        elif code == "comes_to_school":
            values["comes_to_school"] = value.lower() not in ("false", "0", "nee", "no")
        elif code in ATTRIBUTE_FACTS:
            values[code] = value
    return values


def _service(row: SourceRow, org: OrganizationRecord, file: str, attributes: list[tuple[str, str, str]]
             ) -> ServiceRecord:
    values, number = row.values, row.number
    status = values.get("status") or "active"
    if status not in STATUSES:
        raise file_problem(_("unknown status '{value}'.").format(value=status), file=file, row=number,
                           column="status")
    return ServiceRecord(
        organization=org, name=values["name"], id=values["id"], alternate_name=values.get("alternate_name", ""),
        description=values.get("description", ""), status=status, url=values.get("url", ""),
        email=values.get("email", ""), target_group=values.get("eligibility_description", ""),
        minimum_age=_number(values.get("minimum_age", ""), file, number, "minimum_age"),
        maximum_age=_number(values.get("maximum_age", ""), file, number, "maximum_age"),
        application_process=values.get("application_process", ""), wait_time=values.get("wait_time", ""),
        fees=values.get("fees_description", "") or values.get("fees", ""),
        assured_date=_date(values.get("assured_date", ""), file, number, "assured_date"),
        source=f"{file}, {number}", **_attribute_values(attributes),
    )


def _organization_of(row: SourceRow, orgs: dict[str, OrganizationRecord], file: str) -> OrganizationRecord:
    org_id = row.values.get("organization_id", "")
    if not org_id:
        # A service without its organisation (a service_at_location list): the service stands for it.
        return orgs.setdefault(f"service:{row.values['id']}", OrganizationRecord(name=row.values["name"]))
    org = orgs.get(org_id)
    if org is None:
        raise file_problem(_("no organisation with id '{id}' in this file.").format(id=org_id), file=file,
                           row=row.number, column="organization_id")
    return org


def _services(source: SourceTables, orgs: dict[str, OrganizationRecord], attributes: Attributes,
              keeper: Keeper) -> dict[str, ServiceRecord]:
    file = source.file("service")
    services: dict[str, ServiceRecord] = {}
    for row in source.table("service"):
        for column in ("id", "name"):
            if not row.values.get(column):
                raise file_problem(_("this required value is empty."), file=file, row=row.number, column=column)
        if row.values["id"] in services:
            continue
        record = _service(row, _organization_of(row, orgs, file), file, attributes.get(row.values["id"], []))
        services[record.id] = record
        keeper.keep(record, "service", row)
    return services


def _contacts(source: SourceTables, attributes: Attributes) -> dict[str, tuple[ContactRecord, SourceRow]]:
    contacts = {}
    for row in source.table("contact"):
        values = row.values
        if not values.get("id") or not values.get("name"):
            continue
        is_backup = any(code == "backup" for _t, code, _v in attributes.get(values["id"], []))
        contacts[values["id"]] = (ContactRecord(name=values["name"], title=values.get("title", ""),
                                                email=values.get("email", ""), id=values["id"],
                                                service_level=bool(values.get("service_id")), is_backup=is_backup),
                                  row)
    return contacts


def _phones(source: SourceTables, services: dict[str, ServiceRecord], orgs: dict[str, OrganizationRecord],
            contacts: dict[str, tuple[ContactRecord, SourceRow]], attributes: Attributes, keeper: Keeper) -> None:
    file = source.file("phone")
    for row in source.table("phone"):
        values = row.values
        if not values.get("number"):
            raise file_problem(_("this required value is empty."), file=file, row=row.number, column="number")
        after = any(code == "after_hours" for _t, code, _v in attributes.get(values.get("id", ""), [])) or (
            any(word in values.get("description", "").lower() for word in AFTER_HOURS_WORDS))
        phone = PhoneRecord(number=values["number"], purpose="after_hours" if after else "main",
                            description=values.get("description", ""), id=values.get("id", ""))
        contact = contacts.get(values.get("contact_id", ""))
        if contact is not None and not contact[0].phone:
            contact[0].phone, contact[0].phone_id = phone.number, phone.id
            keeper.later(contact[0].id, "phone", row)
        elif values.get("service_id") in services:
            services[values["service_id"]].phones.append(phone)
            keeper.keep(services[values["service_id"]], "phone", row)
        elif values.get("organization_id") in orgs:
            orgs[values["organization_id"]].phones.append(phone)
            keeper.keep(orgs[values["organization_id"]], "phone", row)


def _place_contacts(services: dict[str, ServiceRecord], contacts: dict[str, tuple[ContactRecord, SourceRow]],
                    keeper: Keeper) -> None:
    by_org: dict[str, list[ServiceRecord]] = defaultdict(list)
    for record in services.values():
        by_org[record.organization.id].append(record)
    for contact, row in contacts.values():
        owner = services.get(row.values.get("service_id", ""))
        if owner is not None:
            owner.contacts.append(contact)
            keeper.keep(owner, "contact", row)
            keeper.settle(contact.id, owner)
            continue
        org_services = by_org.get(row.values.get("organization_id", ""), [])
        for record in org_services:
            record.contacts.append(contact)
        if org_services:
            keeper.keep(org_services[0].organization, "contact", row)
            keeper.settle(contact.id, org_services[0].organization)


def _schedules(source: SourceTables, services: dict[str, ServiceRecord], keeper: Keeper) -> None:
    file = source.file("schedule")
    for row in source.table("schedule"):
        owner = services.get(row.values.get("service_id", ""))
        if owner is None:
            continue  # a location's or link's own hours: kept as they are
        opens = _hhmm(row.values.get("opens_at", ""), file, row.number, "opens_at") or "00:00"
        closes = _hhmm(row.values.get("closes_at", ""), file, row.number, "closes_at") or "24:00"
        owner.schedules.append(ScheduleRecord(byday=row.values.get("byday", "") or "MO,TU,WE,TH,FR,SA,SU",
                                              opens_at=opens, closes_at=closes,
                                              description=row.values.get("description", ""),
                                              id=row.values.get("id", "")))
        keeper.keep(owner, "schedule", row)


def _areas(source: SourceTables, services: dict[str, ServiceRecord], keeper: Keeper) -> None:
    for row in source.table("service_area"):
        owner = services.get(row.values.get("service_id", ""))
        name = row.values.get("name", "")
        if owner is None or not name or name in owner.area_ids:
            continue
        owner.areas.append(name)
        owner.area_ids[name] = row.values.get("id", "")
        keeper.keep(owner, "service_area", row)


def _locations(source: SourceTables, services: dict[str, ServiceRecord], keeper: Keeper) -> None:
    addresses: dict[str, SourceRow] = {}
    for row in source.table("address"):
        addresses.setdefault(row.values.get("location_id", ""), row)
    locations = {row.values["id"]: row for row in source.table("location") if row.values.get("id")}
    for link in source.table("service_at_location"):
        owner = services.get(link.values.get("service_id", ""))
        location = locations.get(link.values.get("location_id", ""))
        if owner is None or location is None:
            continue
        address_row = addresses.get(location.values["id"])
        address = address_row.values if address_row else {}
        owner.locations.append(LocationRecord(
            address_1=_dash(address.get("address_1", "")), postal_code=_dash(address.get("postal_code", "")),
            city=_dash(address.get("city", "")), state_province=_dash(address.get("state_province", "")),
            country=address.get("country", "BE") or "BE", name=location.values.get("name", ""),
            id=location.values["id"], address_id=address.get("id", ""), link_id=link.values.get("id", ""),
        ))
        kept: tuple[tuple[str, SourceRow | None], ...] = (
            ("service_at_location", link), ("location", location), ("address", address_row))
        for table, kept_row in kept:
            if kept_row is not None:
                keeper.keep(owner, table, kept_row)


def records_from_tables(source: SourceTables) -> list[ServiceRecord]:
    """Rebuild services from HSDS tables; raises FileProblem naming file, row and column."""
    keeper = Keeper()
    orgs = _organizations(source, keeper)
    attributes = _attributes(source, keeper)
    services = _services(source, orgs, attributes, keeper)
    if not services:
        raise file_problem(_("this file holds no services (it may list only organisations, locations or a "
                             "taxonomy), so there is nothing to import."), file=source.label)
    contacts = _contacts(source, attributes)
    _phones(source, services, orgs, contacts, attributes, keeper)
    _place_contacts(services, contacts, keeper)
    _schedules(source, services, keeper)
    _areas(source, services, keeper)
    _locations(source, services, keeper)
    keeper.keep_the_rest(source, services, orgs)
    return list(services.values())

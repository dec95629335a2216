"""HSDS 3.0 (Open Referral) in and out: the tabular data package (CSV + datapackage.json) and JSON.

Things HSDS has no column for (what a service does not do, how to refer, whether they come to the
school, the after-hours note, categories and notebook themes, the after-hours phone, the backup
contact) travel as HSDS *attributes* linked to *taxonomy terms* of BrugApp's own taxonomies, so
another HSDS tool keeps them and a round trip loses nothing.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import uuid
import zipfile
from collections import defaultdict
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path
from typing import Any

from brugapp.domain.kaart import CATEGORIES, CATEGORY_TAXONOMY, REFERRAL_ROUTES, THEME_TAXONOMY
from brugapp.domain.themes import THEMES
from brugapp.exchange.records import (
    ContactRecord,
    FileProblem,
    LocationRecord,
    OrganizationRecord,
    PhoneRecord,
    ScheduleRecord,
    ServiceRecord,
    file_problem,
)
from brugapp.i18n import _
from brugapp.paths import RESOURCES

SCHEMA_DIR = RESOURCES / "hsds-3.0"
ROUTE_TAXONOMY = "brugapp-aanmelding"
FEATURE_TAXONOMY = "brugapp-kenmerken"
_NAMESPACE = uuid.UUID("6f1c0a3e-6a57-4b8e-9a49-3c1d2b7e0b21")
TAXONOMIES = {
    CATEGORY_TAXONOMY: "Sociale kaart: categorieën (BrugApp)",
    THEME_TAXONOMY: "Thema's van het schriftje (BrugApp)",
    ROUTE_TAXONOMY: "Aanmelding: hoe verwijs je door (BrugApp)",
    FEATURE_TAXONOMY: "Kenmerken voor scholen (BrugApp)",
}
AFTER_HOURS_WORDS = ("after hours", "after-hours", "buiten de", "na de uren", "permanentie", "nacht", "24/7",
                     "noodnummer", "weekend")


@cache
def datapackage() -> dict[str, Any]:
    return json.loads((SCHEMA_DIR / "datapackage.json").read_text(encoding="utf-8"))


@cache
def resource_fields(name: str) -> list[str]:
    resource = next(r for r in datapackage()["resources"] if r["name"] == name)
    return [f["name"] for f in resource["schema"]["fields"]]


def stable_id(*parts: str) -> str:
    """A UUID that is the same on every export (for taxonomy terms and attributes)."""
    return str(uuid.uuid5(_NAMESPACE, "|".join(parts)))


def is_uuid(value: str) -> bool:
    try:
        uuid.UUID(value)
    except (ValueError, AttributeError):
        return False
    return len(value) == 36


def _time(value: str) -> str:
    return "23:59:59" if value in ("24:00", "23:59") else f"{value[:5]}:00"


def _term(taxonomy: str, code: str, name: str) -> dict[str, Any]:
    return {"id": stable_id("term", taxonomy, code), "code": code, "name": name, "description": name,
            "taxonomy": taxonomy, "taxonomy_id": stable_id("taxonomy", taxonomy), "language": "nl"}


def _term_name(taxonomy: str, code: str) -> str:
    if taxonomy == CATEGORY_TAXONOMY and code in CATEGORIES:
        return CATEGORIES.get(code).label
    if taxonomy == THEME_TAXONOMY and code in THEMES:
        return THEMES.get(code).label
    if taxonomy == ROUTE_TAXONOMY and code in REFERRAL_ROUTES:
        return REFERRAL_ROUTES.get(code).label
    return {"not_offered": "What the service does not do", "comes_to_school": "Comes to the school",
            "after_hours_note": "When closed", "after_hours": "After-hours number",
            "backup": "Backup contact"}.get(code, code)


class _Tables:
    """Collects HSDS rows per table while walking the records."""

    def __init__(self) -> None:
        self.rows: dict[str, list[dict[str, Any]]] = defaultdict(list)
        self.terms: dict[str, dict[str, Any]] = {}
        self._seen: set[tuple[str, str]] = set()

    def add(self, table: str, row: dict[str, Any]) -> bool:
        key = (table, row["id"])
        if key in self._seen:
            return False
        self._seen.add(key)
        self.rows[table].append(row)
        return True

    def attribute(self, link_id: str, entity: str, taxonomy: str, code: str, value: str = "") -> dict[str, Any]:
        term = self.terms.setdefault(f"{taxonomy}|{code}", _term(taxonomy, code, _term_name(taxonomy, code)))
        row = {"id": stable_id("attribute", link_id, term["id"]), "link_id": link_id, "taxonomy_term_id": term["id"],
               "link_type": taxonomy, "link_entity": entity, "value": value}
        self.add("attribute", row)
        return {**row, "taxonomy_term": dict(term)}


def _phone_row(phone: PhoneRecord, **owner: str) -> dict[str, Any]:
    return {"id": phone.id, "number": phone.number, "type": "voice",
            "description": phone.description or ("Buiten de openingsuren" if phone.purpose == "after_hours" else ""),
            **owner}


def _service_object(record: ServiceRecord, tables: _Tables) -> dict[str, Any]:
    """One service as HSDS JSON (``schema/compiled/service.json``) and, as a side effect, its table rows."""
    org = record.organization
    org_row = {"id": org.id, "name": org.name, "alternate_name": org.alternate_name,
               "description": org.description or org.name, "email": org.email, "website": org.website}
    tables.add("organization", org_row)
    org_phones = []
    for phone in org.phones:
        row = _phone_row(phone, organization_id=org.id)
        if tables.add("phone", row) and phone.purpose == "after_hours":
            tables.attribute(phone.id, "phone", FEATURE_TAXONOMY, "after_hours")
        org_phones.append(row)
    service = {
        "id": record.id, "organization_id": org.id, "name": record.name, "alternate_name": record.alternate_name,
        "description": record.description, "url": record.url, "email": record.email, "status": record.status,
        "application_process": record.application_process, "fees_description": record.fees,
        "wait_time": record.wait_time, "eligibility_description": record.target_group,
        "minimum_age": record.minimum_age, "maximum_age": record.maximum_age,
        "assured_date": record.assured_date.isoformat() if record.assured_date else None,
    }
    tables.add("service", dict(service))
    attributes = []
    for code in record.categories:
        attributes.append(tables.attribute(record.id, "service", CATEGORY_TAXONOMY, code))
    for code in record.themes:
        attributes.append(tables.attribute(record.id, "service", THEME_TAXONOMY, code))
    if record.referral_route:
        attributes.append(tables.attribute(record.id, "service", ROUTE_TAXONOMY, record.referral_route))
    if record.comes_to_school:
        attributes.append(tables.attribute(record.id, "service", FEATURE_TAXONOMY, "comes_to_school", "true"))
    for code, value in (("not_offered", record.not_offered), ("after_hours_note", record.after_hours_note)):
        if value:
            attributes.append(tables.attribute(record.id, "service", FEATURE_TAXONOMY, code, value))
    phones = []
    for phone in record.phones:
        row = _phone_row(phone, service_id=record.id)
        tables.add("phone", row)
        phone_json = dict(row)
        if phone.purpose == "after_hours":
            phone_json["attributes"] = [tables.attribute(phone.id, "phone", FEATURE_TAXONOMY, "after_hours")]
        phones.append(phone_json)
    schedules = []
    for schedule in record.schedules:
        row = {"id": schedule.id, "service_id": record.id, "freq": "WEEKLY", "wkst": "MO", "byday": schedule.byday,
               "opens_at": _time(schedule.opens_at), "closes_at": _time(schedule.closes_at),
               "description": schedule.description, "timezone": 1}
        tables.add("schedule", row)
        schedules.append(row)
    areas = []
    for name in record.areas:
        row = {"id": stable_id("area", record.id, name), "service_id": record.id, "name": name,
               "extent_type": "text", "description": name}
        tables.add("service_area", row)
        areas.append(row)
    contacts = []
    for contact in record.contacts:
        row = {"id": contact.id, "organization_id": org.id, "name": contact.name, "title": contact.title,
               "email": contact.email, "service_id": record.id if contact.service_level else None}
        tables.add("contact", row)
        contact_json = dict(row)
        if contact.phone:
            phone_row = {"id": contact.phone_id, "contact_id": contact.id, "number": contact.phone, "type": "voice",
                         "description": ""}
            tables.add("phone", phone_row)
            contact_json["phones"] = [phone_row]
        if contact.is_backup:
            contact_json["attributes"] = [tables.attribute(contact.id, "contact", FEATURE_TAXONOMY, "backup")]
        contacts.append(contact_json)
    links = []
    for loc in record.locations:
        location = {"id": loc.id, "location_type": "physical", "organization_id": org.id, "name": loc.name or org.name}
        tables.add("location", location)
        address = {"id": loc.address_id, "location_id": loc.id, "address_1": loc.address_1 or "-",
                   "city": loc.city or "-", "state_province": loc.state_province or "-",
                   "postal_code": loc.postal_code or "-", "country": loc.country or "BE", "address_type": "physical"}
        tables.add("address", address)
        link = {"id": loc.link_id, "service_id": record.id, "location_id": loc.id}
        tables.add("service_at_location", link)
        links.append({**link, "location": {**location, "addresses": [address]}})
    return _drop_empty({
        **service, "organization": {**org_row, "phones": org_phones}, "phones": phones, "schedules": schedules,
        "service_areas": areas, "contacts": contacts, "service_at_locations": links, "attributes": attributes,
    })


def _drop_empty(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _drop_empty(v) for k, v in value.items() if v not in (None, "", [])}
    if isinstance(value, list):
        return [_drop_empty(v) for v in value]
    return value


def build(records: Iterable[ServiceRecord]) -> tuple[list[dict[str, Any]], dict[str, list[dict[str, Any]]]]:
    """HSDS JSON service objects and the table rows of the same data."""
    tables = _Tables()
    services = [_service_object(record, tables) for record in records]
    for term in tables.terms.values():
        tables.add("taxonomy_term", term)
    for key, name in TAXONOMIES.items():
        if any(t["taxonomy"] == key for t in tables.terms.values()):
            tables.add("taxonomy", {"id": stable_id("taxonomy", key), "name": key, "description": name,
                                    "version": "1"})
    return services, dict(tables.rows)


def write_json(records: Iterable[ServiceRecord], path: Path) -> int:
    services, _tables = build(records)
    path.write_text(json.dumps(services, ensure_ascii=False, indent=2), encoding="utf-8")
    return len(services)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def write_package(records: Iterable[ServiceRecord], target: Path) -> int:
    """A folder (or ``.zip``) with ``datapackage.json`` and one CSV per HSDS table, columns as declared."""
    services, tables = build(records)
    descriptor = datapackage()
    files: dict[str, str] = {}
    resources = []
    for resource in descriptor["resources"]:
        if resource["name"] not in tables:
            continue
        names = [f["name"] for f in resource["schema"]["fields"]]
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(names)
        for row in tables[resource["name"]]:
            writer.writerow([_cell(row.get(n)) for n in names])
        files[resource["path"]] = buffer.getvalue()
        resources.append(resource)
    package = {k: v for k, v in descriptor.items() if k != "resources"}
    package["name"] = "brugapp-sociale-kaart"
    package["title"] = "Sociale kaart (BrugApp)"
    package["created"] = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
    package["resources"] = resources
    files["datapackage.json"] = json.dumps(package, ensure_ascii=False, indent=2)
    if target.suffix.lower() == ".zip":
        target.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, content in files.items():
                archive.writestr(name, content)
    else:
        target.mkdir(parents=True, exist_ok=True)
        for name, content in files.items():
            (target / name).write_text(content, encoding="utf-8", newline="")
    return len(services)


# -- reading ---------------------------------------------------------------------------------------

Opener = Callable[[str], str | None]


def _package_opener(path: Path) -> tuple[Opener, str]:
    if path.is_dir():
        def read_dir(name: str) -> str | None:
            file = path / name
            return file.read_text(encoding="utf-8-sig") if file.exists() else None
        return read_dir, path.name
    if zipfile.is_zipfile(path):
        archive = zipfile.ZipFile(path)
        names = {Path(n).name: n for n in archive.namelist()}

        def read_zip(name: str) -> str | None:
            member = names.get(name)
            return archive.read(member).decode("utf-8-sig") if member else None
        return read_zip, path.name
    raise FileProblem(_("{file} is neither a folder nor a zip file with a datapackage.json.").format(file=path.name),
                      file=path.name)


def read_package(path: Path) -> list[ServiceRecord]:
    """A tabular data package (folder or zip). Raises FileProblem naming file, row and column."""
    opener, label = _package_opener(path)
    raw = opener("datapackage.json")
    if raw is None:
        raise file_problem(_("no datapackage.json found."), file=label)
    try:
        descriptor = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise file_problem(_("not valid JSON ({reason}).").format(reason=exc.msg), file="datapackage.json",
                           row=exc.lineno) from None
    paths = {r.get("name"): r.get("path") for r in descriptor.get("resources", []) if isinstance(r, dict)}
    tables: dict[str, list[tuple[int, dict[str, str]]]] = {}
    for name in ("organization", "service", "phone", "schedule", "service_area", "contact", "location", "address",
                 "service_at_location", "attribute", "taxonomy_term"):
        file_name = paths.get(name) or next(r["path"] for r in datapackage()["resources"] if r["name"] == name)
        text = opener(Path(str(file_name)).name)
        if text is None:
            tables[name] = []
            continue
        reader = csv.DictReader(io.StringIO(text))
        tables[name] = [(number, {k: (v or "").strip() for k, v in row.items() if k})
                        for number, row in enumerate(reader, start=2)]
        tables[name + "#file"] = [(0, {"file": Path(str(file_name)).name})]
    return records_from_tables(tables)


def _need(table: list[tuple[int, dict[str, str]]], file: str, column: str) -> None:
    for number, row in table:
        if not row.get(column):
            raise file_problem(_("this required value is empty."), file=file, row=number, column=column)


def _file(tables: dict[str, Any], name: str, default: str) -> str:
    marker = tables.get(name + "#file")
    return marker[0][1]["file"] if marker else default


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


def records_from_tables(tables: dict[str, Any]) -> list[ServiceRecord]:
    """Rebuild services from HSDS rows ``{table: [(row number, {column: text})]}``."""
    f_org, f_srv = _file(tables, "organization", "organizations.csv"), _file(tables, "service", "services.csv")
    f_phone, f_sched = _file(tables, "phone", "phones.csv"), _file(tables, "schedule", "schedules.csv")
    for column in ("id", "name"):
        _need(tables["organization"], f_org, column)
    for column in ("id", "name", "organization_id"):
        _need(tables["service"], f_srv, column)
    orgs = {row["id"]: OrganizationRecord(name=row["name"], id=row["id"], alternate_name=row.get("alternate_name", ""),
                                          description=row.get("description", ""), email=row.get("email", ""),
                                          website=row.get("website", ""))
            for _n, row in tables["organization"]}
    terms = {row["id"]: row for _n, row in tables["taxonomy_term"]}
    attributes: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for _n, row in tables["attribute"]:
        term = terms.get(row.get("taxonomy_term_id", ""), {})
        attributes[row.get("link_id", "")].append((term.get("taxonomy", row.get("link_type", "")),
                                                    term.get("code", ""), row.get("value", "")))
    services: dict[str, ServiceRecord] = {}
    for number, row in tables["service"]:
        org = orgs.get(row["organization_id"])
        if org is None:
            raise file_problem(_("no organisation with id '{id}' in {other}.").format(
                id=row["organization_id"], other=f_org), file=f_srv, row=number, column="organization_id")
        status = row.get("status") or "active"
        if status not in ("active", "inactive", "defunct", "temporarily closed"):
            raise file_problem(_("unknown status '{value}'.").format(value=status), file=f_srv, row=number,
                               column="status")
        record = ServiceRecord(
            organization=org, name=row["name"], id=row["id"], alternate_name=row.get("alternate_name", ""),
            description=row.get("description", ""), status=status, url=row.get("url", ""),
            email=row.get("email", ""), target_group=row.get("eligibility_description", ""),
            minimum_age=_number(row.get("minimum_age", ""), f_srv, number, "minimum_age"),
            maximum_age=_number(row.get("maximum_age", ""), f_srv, number, "maximum_age"),
            application_process=row.get("application_process", ""), wait_time=row.get("wait_time", ""),
            fees=row.get("fees_description", "") or row.get("fees", ""),
            assured_date=_date(row.get("assured_date", ""), f_srv, number, "assured_date"),
            comes_to_school=False, source=f"{f_srv}, {number}",
        )
        for taxonomy, code, value in attributes.get(record.id, []):
            if taxonomy == CATEGORY_TAXONOMY and code in CATEGORIES:
                record.categories.append(code)
            elif taxonomy == THEME_TAXONOMY and code in THEMES:
                record.themes.append(code)
            elif taxonomy == ROUTE_TAXONOMY and code in REFERRAL_ROUTES:
                record.referral_route = code
            elif code == "comes_to_school":
                record.comes_to_school = value.lower() not in ("false", "0", "nee", "no")
            elif code == "not_offered":
                record.not_offered = value
            elif code == "after_hours_note":
                record.after_hours_note = value
        services[record.id] = record
    contacts: dict[str, ContactRecord] = {}
    contact_owner: dict[str, tuple[str, str]] = {}
    for _n, row in tables["contact"]:
        if not row.get("id") or not row.get("name"):
            continue
        contact = ContactRecord(name=row["name"], title=row.get("title", ""), email=row.get("email", ""),
                                id=row["id"], service_level=bool(row.get("service_id")),
                                is_backup=any(code == "backup" for _t, code, _v in attributes.get(row["id"], [])))
        contacts[row["id"]] = contact
        contact_owner[row["id"]] = (row.get("service_id", ""), row.get("organization_id", ""))
    seen_phones: set[str] = set()
    for number, row in tables["phone"]:
        if row.get("id") and row["id"] in seen_phones:
            continue
        seen_phones.add(row.get("id", ""))
        if not row.get("number"):
            raise file_problem(_("this required value is empty."), file=f_phone, row=number, column="number")
        after = any(code == "after_hours" for _t, code, _v in attributes.get(row.get("id", ""), [])) or (
            any(word in row.get("description", "").lower() for word in AFTER_HOURS_WORDS))
        phone = PhoneRecord(number=row["number"], purpose="after_hours" if after else "main",
                            description=row.get("description", ""), id=row.get("id", ""))
        if row.get("contact_id") in contacts:
            contacts[row["contact_id"]].phone = phone.number
            contacts[row["contact_id"]].phone_id = phone.id
        elif row.get("service_id") in services:
            services[row["service_id"]].phones.append(phone)
        elif row.get("organization_id") in orgs:
            orgs[row["organization_id"]].phones.append(phone)
    for contact_id, (service_id, org_id) in contact_owner.items():
        if service_id in services:
            services[service_id].contacts.append(contacts[contact_id])
        else:
            for record in services.values():
                if record.organization.id == org_id:
                    record.contacts.append(contacts[contact_id])
    for number, row in tables["schedule"]:
        owner = services.get(row.get("service_id", ""))
        if owner is None:
            continue
        opens = _hhmm(row.get("opens_at", ""), f_sched, number, "opens_at") or "00:00"
        closes = _hhmm(row.get("closes_at", ""), f_sched, number, "closes_at") or "24:00"
        owner.schedules.append(ScheduleRecord(byday=row.get("byday", "") or "MO,TU,WE,TH,FR,SA,SU", opens_at=opens,
                                              closes_at=closes, description=row.get("description", ""),
                                              id=row.get("id", "")))
    for _n, row in tables["service_area"]:
        owner = services.get(row.get("service_id", ""))
        if owner is not None and row.get("name"):
            owner.areas.append(row["name"])
    addresses: dict[str, dict[str, str]] = {}
    for _n, row in tables["address"]:
        addresses.setdefault(row.get("location_id", ""), row)
    locations = {row["id"]: row for _n, row in tables["location"] if row.get("id")}
    for _n, row in tables["service_at_location"]:
        owner = services.get(row.get("service_id", ""))
        location = locations.get(row.get("location_id", ""))
        if owner is None or location is None:
            continue
        address = addresses.get(location["id"], {})
        owner.locations.append(LocationRecord(
            address_1=_dash(address.get("address_1", "")), postal_code=_dash(address.get("postal_code", "")),
            city=_dash(address.get("city", "")), state_province=_dash(address.get("state_province", "")),
            country=address.get("country", "BE") or "BE", name=location.get("name", ""), id=location["id"],
            address_id=address.get("id", ""), link_id=row.get("id", ""),
        ))
    return list(services.values())


def _dash(value: str) -> str:
    return "" if value == "-" else value


def read_json(path: Path) -> list[ServiceRecord]:
    """HSDS JSON: a list of service objects (nested organisation …) or ``{"services": [...]}``."""
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except json.JSONDecodeError as exc:
        raise file_problem(_("not valid JSON ({reason}).").format(reason=exc.msg), file=path.name,
                           row=exc.lineno) from None
    items = data.get("services", data.get("contents", [])) if isinstance(data, dict) else data
    if not isinstance(items, list):
        raise file_problem(_("expected a list of services."), file=path.name)
    tables: dict[str, Any] = {k: [] for k in ("organization", "service", "phone", "schedule", "service_area",
                                              "contact", "location", "address", "service_at_location", "attribute",
                                              "taxonomy_term")}
    for name in list(tables):
        tables[name + "#file"] = [(0, {"file": path.name})]

    def add(table: str, number: int, obj: dict[str, Any], **extra: Any) -> None:
        row = {k: _cell(v) for k, v in obj.items() if not isinstance(v, dict | list)}
        row.update({k: _cell(v) for k, v in extra.items()})
        tables[table].append((number, row))
        for attribute in obj.get("attributes", []) or []:
            term = attribute.get("taxonomy_term") or {}
            if term.get("id"):
                tables["taxonomy_term"].append((number, {k: _cell(v) for k, v in term.items()
                                                         if not isinstance(v, dict | list)}))
            tables["attribute"].append((number, {"link_id": obj.get("id", ""), **{
                k: _cell(v) for k, v in attribute.items() if not isinstance(v, dict | list)}}))

    for number, service in enumerate(items, start=1):
        if not isinstance(service, dict):
            raise file_problem(_("expected a service object."), file=path.name, row=number)
        org = service.get("organization") or {}
        org_id = service.get("organization_id") or org.get("id", "")
        if org:
            add("organization", number, org, id=org_id)
            for phone in org.get("phones", []) or []:
                add("phone", number, phone, organization_id=org_id)
        add("service", number, service, organization_id=org_id)
        sid = service.get("id", "")
        for phone in service.get("phones", []) or []:
            add("phone", number, phone, service_id=sid)
        for schedule in service.get("schedules", []) or []:
            add("schedule", number, schedule, service_id=sid)
        for area in service.get("service_areas", []) or []:
            add("service_area", number, area, service_id=sid)
        for contact in service.get("contacts", []) or []:
            add("contact", number, contact, organization_id=contact.get("organization_id") or org_id)
            for phone in contact.get("phones", []) or []:
                add("phone", number, phone, contact_id=contact.get("id", ""))
        for link in service.get("service_at_locations", []) or []:
            add("service_at_location", number, link, service_id=sid)
            location = link.get("location") or {}
            if location:
                add("location", number, location)
                for address in location.get("addresses", []) or []:
                    add("address", number, address, location_id=location.get("id", ""))
    unique: list[tuple[int, dict[str, Any]]] = []
    seen: set[str] = set()
    for n, r in tables["organization"]:
        if r["id"] not in seen:
            seen.add(r["id"])
            unique.append((n, r))
    tables["organization"] = unique
    return records_from_tables(tables)


@cache
def _service_validator() -> Any:
    import jsonschema

    schema = json.loads((SCHEMA_DIR / "schema" / "compiled" / "service_with_definitions.json").read_text("utf-8"))
    return jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker())


def validate_services(services: list[dict[str, Any]]) -> None:
    """Check HSDS JSON service objects against the shipped schema; raises FileProblem on the first error."""
    validator = _service_validator()
    for number, service in enumerate(services, start=1):
        error = next(iter(validator.iter_errors(service)), None)
        if error is not None:
            column = ".".join(str(p) for p in error.absolute_path)
            raise file_problem(error.message, file="HSDS", row=number, column=column)

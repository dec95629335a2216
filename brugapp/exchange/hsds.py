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
import uuid
import zipfile
from collections import defaultdict
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

from brugapp.domain.kaart import CATEGORIES, CATEGORY_TAXONOMY, REFERRAL_ROUTES, THEME_TAXONOMY
from brugapp.domain.kaart_record import ATTRIBUTE_FACTS
from brugapp.domain.themes import THEMES
from brugapp.exchange.hsds_extra import Extras, related_rows
from brugapp.exchange.hsds_nest import service_objects
from brugapp.exchange.hsds_source import (
    SCHEMA_DIR,
    cell,
    datapackage,
    required_fields,
    resource_fields,
)
from brugapp.exchange.records import ContactRecord, LocationRecord, PhoneRecord, ServiceRecord, file_problem
from brugapp.exchange.spreadsheet import normalise_website

__all__ = ["SCHEMA_DIR", "build", "datapackage", "read_json", "read_package", "resource_fields", "write_json",
           "write_package"]
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
    if code in ATTRIBUTE_FACTS and code != "not_offered":
        return ATTRIBUTE_FACTS[code].label
    return {"not_offered": "What the service does not do", "comes_to_school": "Comes to the school",
            "after_hours": "After-hours number", "backup": "Backup contact"}.get(code, code)


class _Tables:
    """Collects HSDS rows per table while walking the records; a kept row of the file comes back merged."""

    def __init__(self, extras: Extras) -> None:
        self.rows: dict[str, list[dict[str, Any]]] = defaultdict(list)
        self.terms: dict[str, dict[str, Any]] = {}
        self.extras = extras
        self._seen: set[tuple[str, str]] = set()

    def add(self, table: str, row: dict[str, Any]) -> dict[str, Any]:
        """The row as written (the file's own row where BrugApp kept one); a repeated id is written once."""
        row = self.extras.merge(table, row)
        key = (table, cell(row.get("id")))
        if key not in self._seen:
            self._seen.add(key)
            self.rows[table].append(row)
        return row

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


def _organization_rows(record: ServiceRecord, tables: _Tables) -> dict[str, Any]:
    org = record.organization
    org_row = tables.add("organization", {"id": org.id, "name": org.name, "alternate_name": org.alternate_name,
                                          "description": org.description or org.name, "email": org.email,
                                          "website": normalise_website(org.website)})
    phones = []
    for phone in org.phones:
        row = tables.add("phone", _phone_row(phone, organization_id=org.id))
        if phone.purpose == "after_hours":
            tables.attribute(phone.id, "phone", FEATURE_TAXONOMY, "after_hours")
        phones.append(row)
    return {**org_row, "phones": phones}


def _service_attributes(record: ServiceRecord, tables: _Tables) -> list[dict[str, Any]]:
    wanted = [(CATEGORY_TAXONOMY, code, "") for code in record.categories]
    wanted += [(THEME_TAXONOMY, code, "") for code in record.themes]
    if record.referral_route:
        wanted.append((ROUTE_TAXONOMY, record.referral_route, ""))
    if record.comes_to_school:
        wanted.append((FEATURE_TAXONOMY, "comes_to_school", "true"))
    for code in ATTRIBUTE_FACTS:
        value = getattr(record, code)
        if value not in ("", None):
            wanted.append((FEATURE_TAXONOMY, code, str(value)))
    return [tables.attribute(record.id, "service", taxonomy, code, value) for taxonomy, code, value in wanted]


def _service_phones(record: ServiceRecord, tables: _Tables) -> list[dict[str, Any]]:
    phones = []
    for phone in record.phones:
        phone_json = dict(tables.add("phone", _phone_row(phone, service_id=record.id)))
        if phone.purpose == "after_hours":
            phone_json["attributes"] = [tables.attribute(phone.id, "phone", FEATURE_TAXONOMY, "after_hours")]
        phones.append(phone_json)
    return phones


def _schedules(record: ServiceRecord, tables: _Tables) -> list[dict[str, Any]]:
    return [tables.add("schedule", {"id": s.id, "service_id": record.id, "freq": "WEEKLY", "wkst": "MO",
                                    "byday": s.byday, "opens_at": _time(s.opens_at), "closes_at": _time(s.closes_at),
                                    "description": s.description, "timezone": 1})
            for s in record.schedules]


def _areas(record: ServiceRecord, tables: _Tables) -> list[dict[str, Any]]:
    return [tables.add("service_area", {"id": record.area_ids.get(name) or stable_id("area", record.id, name),
                                        "service_id": record.id, "name": name, "extent_type": "text",
                                        "description": name})
            for name in record.areas]


def _contact_rows(record: ServiceRecord, contact: ContactRecord, tables: _Tables) -> dict[str, Any]:
    contact_json = dict(tables.add("contact", {
        "id": contact.id, "organization_id": record.organization.id, "name": contact.name, "title": contact.title,
        "email": contact.email, "service_id": record.id if contact.service_level else None}))
    if contact.phone:
        contact_json["phones"] = [tables.add("phone", {"id": contact.phone_id, "contact_id": contact.id,
                                                       "number": contact.phone, "type": "voice", "description": ""})]
    if contact.is_backup:
        contact_json["attributes"] = [tables.attribute(contact.id, "contact", FEATURE_TAXONOMY, "backup")]
    return contact_json


def _location_rows(record: ServiceRecord, loc: LocationRecord, tables: _Tables) -> dict[str, Any]:
    org = record.organization
    location = tables.add("location", {"id": loc.id, "location_type": "physical", "organization_id": org.id,
                                       "name": loc.name or org.name})
    address = tables.add("address", {
        "id": loc.address_id, "location_id": loc.id, "address_1": loc.address_1 or "-", "city": loc.city or "-",
        "state_province": loc.state_province or "-", "postal_code": loc.postal_code or "-",
        "country": loc.country or "BE", "address_type": "physical"})
    link = tables.add("service_at_location", {"id": loc.link_id, "service_id": record.id, "location_id": loc.id})
    return {**link, "location": {**location, "addresses": [address]}}


def _related(record: ServiceRecord, tables: _Tables) -> None:
    """The kept rows of tables BrugApp has no place for (see hsds_extra)."""
    owners = {"organization_id": record.organization.id, "service_id": record.id}
    for extra in (record.extra, record.organization.extra):
        for table, kept in related_rows(extra):
            # Nested JSON leaves the owner implicit; a table row must name it where HSDS requires it.
            row = {**kept, **{c: owners[c] for c in required_fields(table) & owners.keys() if not cell(kept.get(c))}}
            tables.add(table, row)


def _service_rows(record: ServiceRecord, tables: _Tables) -> None:
    """The HSDS table rows of one service (its organisation, phones, …, attributes and kept rows)."""
    _organization_rows(record, tables)
    tables.add("service", {
        "id": record.id, "organization_id": record.organization.id, "name": record.name,
        "alternate_name": record.alternate_name, "description": record.description,
        "url": normalise_website(record.url), "email": record.email, "status": record.status,
        "application_process": record.application_process, "fees_description": record.fees,
        "wait_time": record.wait_time, "eligibility_description": record.target_group,
        "minimum_age": record.minimum_age, "maximum_age": record.maximum_age,
        "assured_date": record.assured_date.isoformat() if record.assured_date else None,
    })
    _service_attributes(record, tables)
    _service_phones(record, tables)
    _schedules(record, tables)
    _areas(record, tables)
    for contact in record.contacts:
        _contact_rows(record, contact, tables)
    for loc in record.locations:
        _location_rows(record, loc, tables)
    _related(record, tables)


def build(records: Iterable[ServiceRecord], *, merge: bool = True
          ) -> tuple[list[dict[str, Any]], dict[str, list[dict[str, Any]]]]:
    """HSDS JSON service objects and the table rows of the same data. ``merge=False``: only what BrugApp
    itself writes, without the file's kept rows (to remember what an import looked like)."""
    records = list(records)
    rows = build_tables(records, merge=merge)
    return service_objects(rows, list(dict.fromkeys(r.id for r in records))), rows


def build_tables(records: Iterable[ServiceRecord], *, merge: bool = True) -> dict[str, list[dict[str, Any]]]:
    """The table rows alone (``build`` without nesting them into JSON objects: two thirds of its time, which an
    import that only remembers what it wrote does not need; ``brugapp bench``)."""
    records = list(records)
    extras = Extras(e for r in records for e in (r.extra, r.organization.extra)) if merge else Extras()
    tables = _Tables(extras)
    for record in records:
        _service_rows(record if merge else _without_extra(record), tables)
    for term in tables.terms.values():
        tables.add("taxonomy_term", term)
    for key, name in TAXONOMIES.items():
        if any(t["taxonomy"] == key for t in tables.terms.values()):
            tables.add("taxonomy", {"id": stable_id("taxonomy", key), "name": key, "description": name,
                                    "version": "1"})
    return dict(tables.rows)


def _without_extra(record: ServiceRecord) -> ServiceRecord:
    from dataclasses import replace

    return replace(record, extra={}, organization=replace(record.organization, extra={}))


def write_json(records: Iterable[ServiceRecord], path: Path) -> int:
    services, _tables = build(records)
    path.write_text(json.dumps(services, ensure_ascii=False, indent=2), encoding="utf-8")
    return len(services)


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
            writer.writerow([cell(row.get(n)) for n in names])
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


def read_package(path: Path) -> list[ServiceRecord]:
    """A tabular data package (folder or zip). Raises FileProblem naming file, row and column."""
    from brugapp.exchange.hsds_read import read_package as read

    return read(path)


def read_json(path: Path) -> list[ServiceRecord]:
    """HSDS JSON of any shape the standard defines (see ``hsds_source``)."""
    from brugapp.exchange.hsds_read import read_json as read

    return read(path)


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

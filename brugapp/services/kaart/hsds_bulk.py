"""New services of an HSDS file, written as plain INSERTs: 2,000 services in a second, not twenty.

The ORM import (``importing.apply_records``) builds ~20,000 objects and flushes them one by one. A record
whose organisation is new to the map and whose service matches nothing is planned here instead, as rows
that keep the file's ids exactly as the ORM import would (a file's unused UUID becomes ours, others are kept
aside as external ids). Everything that touches what the map already held (an organisation or service
found by id or name) is handed back to the ORM import, which knows how to merge. All of it runs inside the
caller's one transaction: an error leaves nothing.
"""

from __future__ import annotations

import uuid as uuid_module
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session

from brugapp.domain.kaart import CATEGORIES
from brugapp.domain.kaart_record import FACT_NAMES, FACTS, stored_value
from brugapp.exchange import hsds
from brugapp.exchange.records import (
    ContactRecord,
    LocationRecord,
    OrganizationRecord,
    PhoneRecord,
    ScheduleRecord,
    ServiceRecord,
)
from brugapp.services.kaart.query import term_words
from brugapp.store import search_index
from brugapp.store.base import new_uuid, utcnow
from brugapp.store.models.kaart import (
    KaartContact,
    KaartLocation,
    KaartOrganization,
    KaartPhone,
    KaartSchedule,
    KaartService,
    KaartServiceArea,
    KaartServiceAtLocation,
    KaartServiceTerm,
)
from brugapp.store.search_index import IndexEntry, fold

Row = dict[str, Any]
Progress = Callable[[int, int], None]
_TABLE_ORDER = (KaartOrganization, KaartService, KaartLocation, KaartServiceAtLocation, KaartPhone, KaartSchedule,
                KaartServiceArea, KaartServiceTerm, KaartContact)
_ORG_FIELDS = ("name", "alternate_name", "description", "email", "website")


def _fact_defaults() -> dict[str, Any]:
    """What a column holds when the file leaves a fact empty (the ORM import leaves those to the default)."""
    columns = KaartService.__table__.columns
    defaults = {}
    for spec in FACTS:
        default = columns[spec.name].default
        arg = getattr(default, "arg", None)
        defaults[spec.name] = None if callable(arg) else arg
    return defaults


@dataclass
class _Org:
    row: Row
    phones: set[str] = field(default_factory=set)
    locations: list[Row] = field(default_factory=list)
    contacts: list[Row] = field(default_factory=list)


@dataclass
class _Plan:
    """The map before the import (keys only) and the rows planned so far."""

    map_orgs: set[str]  # uuid / external id / "name:" + folded name of organisations already in the map
    map_services: set[str]  # uuid / external id of services already in the map
    used_uuids: set[str]  # organisations, services, contacts (as ``importing._ids``)
    part_uuids: set[str]  # phones, schedules, areas, locations, links (as ``importing._kept_uuid``)
    next_id: dict[type, int]
    rows: dict[type, list[Row]] = field(default_factory=lambda: {m: [] for m in _TABLE_ORDER})
    orgs: dict[str, _Org] = field(default_factory=dict)  # uuid / external id / "name:" + folded name
    service_keys: set[str] = field(default_factory=set)  # ids and "org|name" keys planned or handed on
    defaults: dict[str, Any] = field(default_factory=_fact_defaults)

    def new_id(self, model: type) -> int:
        self.next_id[model] += 1
        return self.next_id[model]

    def ids(self, file_id: str) -> tuple[str, str]:
        """(uuid, external id): a file's unused UUID becomes ours; any other id is kept aside for matching."""
        if file_id and hsds.is_uuid(file_id) and file_id not in self.used_uuids:
            self.used_uuids.add(file_id)
            return file_id, ""
        new = str(uuid_module.uuid4())
        self.used_uuids.add(new)
        return new, file_id

    def kept(self, file_id: str) -> str:
        kept = file_id if hsds.is_uuid(file_id) and file_id not in self.part_uuids else str(uuid_module.uuid4())
        self.part_uuids.add(kept)
        return kept


def _load_plan(session: Session) -> _Plan:
    map_orgs: set[str] = set()
    used: set[str] = set()
    for uuid, external, name in session.execute(select(KaartOrganization.uuid, KaartOrganization.external_id,
                                                       KaartOrganization.name)):
        map_orgs.update(k for k in (uuid, external, "name:" + fold(name)) if k)
        used.add(uuid)
    map_services: set[str] = set()
    for uuid, external in session.execute(select(KaartService.uuid, KaartService.external_id)):
        map_services.update(k for k in (uuid, external) if k)
        used.add(uuid)
    used.update(session.scalars(select(KaartContact.uuid)))
    parts: set[str] = set()
    for model in (KaartPhone, KaartSchedule, KaartServiceArea, KaartLocation, KaartServiceAtLocation):
        parts.update(session.scalars(select(model.uuid)))
    next_id: dict[type, int] = {model: session.scalar(select(func.coalesce(func.max(model.id), 0))) or 0
               for model in (KaartOrganization, KaartService, KaartLocation, KaartContact)}
    return _Plan(map_orgs, map_services, used, parts, next_id)


def _org_keys(org_id: str, name: str) -> list[str]:
    return [key for key in (org_id, "name:" + fold(name)) if key and key != "name:"]


def _planned_org(plan: _Plan, record: ServiceRecord) -> _Org | None:
    """The organisation's planned rows, made on first sight; None when the map already holds it."""
    org_record = record.organization
    if any(key in plan.map_orgs for key in _org_keys(org_record.id, org_record.name)):
        return None
    org = (plan.orgs.get(org_record.id) if org_record.id else None) or plan.orgs.get("name:" + fold(org_record.name))
    if org is None:
        uuid, external = plan.ids(org_record.id)
        now = utcnow()
        org = _Org({"id": plan.new_id(KaartOrganization), "uuid": uuid, "external_id": external,
                    "name": org_record.name.strip(), "alternate_name": "", "description": "", "email": "",
                    "website": "", "hsds_extra": None, "created_at": now, "updated_at": now})
        plan.rows[KaartOrganization].append(org.row)
        for key in (uuid, external, "name:" + fold(org.row["name"])):
            if key:
                plan.orgs[key] = org
    elif org.row["name"] != org_record.name.strip():
        return None  # a new name for the same organisation: the ORM import renames it
    for attr in _ORG_FIELDS:
        value = getattr(org_record, attr).strip()
        if value:
            org.row[attr] = value
    if org_record.extra:
        org.row["hsds_extra"] = dict(org_record.extra)
    for phone in org_record.phones:
        if phone.number not in org.phones:
            org.phones.add(phone.number)
            plan.rows[KaartPhone].append({"uuid": plan.kept(phone.id), "organization_id": org.row["id"],
                                          "service_id": None, "number": phone.number, "purpose": phone.purpose,
                                          "description": phone.description})
    return org


def _service_row(plan: _Plan, record: ServiceRecord, org: _Org) -> Row:
    uuid, external = plan.ids(record.id)
    now = utcnow()
    row: Row = {}
    for spec in FACTS:
        value = getattr(record, spec.name)
        row[spec.name] = plan.defaults[spec.name] if value in ("", None) else stored_value(spec, value)
    row.update({"id": plan.new_id(KaartService), "uuid": uuid, "external_id": external,
                "organization_id": org.row["id"], "name": record.name.strip(),
                "hsds_extra": dict(record.extra) if record.extra else None, "created_at": now, "updated_at": now})
    return row


def _parts(plan: _Plan, record: ServiceRecord, pk: int) -> None:
    rows = plan.rows
    rows[KaartServiceTerm] += [{"uuid": new_uuid(), "service_id": pk, "vocabulary": vocabulary, "code": code}
                               for vocabulary, codes in (("kaart_category", record.categories),
                                                         ("theme", record.themes))
                               for code in dict.fromkeys(codes)]
    rows[KaartServiceArea] += [{"uuid": plan.kept(record.area_ids.get(name, "")), "service_id": pk, "name": name}
                               for name in dict.fromkeys(record.areas)]
    rows[KaartPhone] += [{"uuid": plan.kept(p.id), "organization_id": None, "service_id": pk, "number": p.number,
                          "purpose": p.purpose, "description": p.description} for p in record.phones]
    rows[KaartSchedule] += [{"uuid": plan.kept(s.id), "service_id": pk, "byday": s.byday, "opens_at": s.opens_at,
                             "closes_at": s.closes_at, "description": s.description} for s in record.schedules]


def _locations(plan: _Plan, org: _Org, record: ServiceRecord, service_pk: int) -> None:
    linked: set[int] = set()
    for loc in record.locations:
        place = (fold(loc.address_1), fold(loc.city))
        location = next((row for row in org.locations if (loc.id and row["uuid"] == loc.id)
                         or (fold(row["address_1"]), fold(row["city"])) == place), None)
        if location is None:
            now = utcnow()
            location = {"id": plan.new_id(KaartLocation), "uuid": plan.kept(loc.id), "address_uuid": new_uuid(),
                        "organization_id": org.row["id"], "created_at": now, "updated_at": now}
            org.locations.append(location)
            plan.rows[KaartLocation].append(location)
        if hsds.is_uuid(loc.address_id):
            location["address_uuid"] = loc.address_id
        location.update({"name": loc.name, "address_1": loc.address_1, "postal_code": loc.postal_code,
                         "city": loc.city, "state_province": loc.state_province, "country": loc.country or "BE"})
        if location["id"] not in linked:
            linked.add(location["id"])
            plan.rows[KaartServiceAtLocation].append({"uuid": plan.kept(loc.link_id), "service_id": service_pk,
                                                      "location_id": location["id"]})


def _contact(plan: _Plan, org: _Org, record: ContactRecord, service_pk: int) -> None:
    contact = next((row for row in org.contacts if (record.id and row["uuid"] == record.id)
                    or fold(row["name"]) == fold(record.name)), None)
    if contact is None:
        uuid, _external = plan.ids(record.id)
        now = utcnow()
        contact = {"id": plan.new_id(KaartContact), "uuid": uuid, "organization_id": org.row["id"],
                   "service_id": None, "name": record.name.strip(), "title": "", "email": "", "phone": "",
                   "phone_uuid": new_uuid(), "is_backup": False, "created_at": now, "updated_at": now}
        org.contacts.append(contact)
        plan.rows[KaartContact].append(contact)
    for attr in ("title", "email", "phone"):
        value = getattr(record, attr).strip()
        if value:
            contact[attr] = value
    if hsds.is_uuid(record.phone_id):
        contact["phone_uuid"] = record.phone_id
    contact["is_backup"] = record.is_backup
    contact["service_id"] = service_pk if record.service_level else None


def _service_keys(record: ServiceRecord) -> list[str]:
    return [key for key in (record.id, f"{fold(record.organization.name)}|{fold(record.name)}") if key]


def _plan_record(plan: _Plan, record: ServiceRecord) -> bool:
    """Plan a new service of a new organisation; False hands the record on to the ORM import."""
    keys = _service_keys(record)
    clash = any(key in plan.service_keys for key in keys) or (record.id and record.id in plan.map_services)
    org = None if clash else _planned_org(plan, record)
    plan.service_keys.update(keys)  # a later record for the same service merges after this one
    if org is None:
        return False
    row = _service_row(plan, record, org)
    plan.rows[KaartService].append(row)
    _parts(plan, record, row["id"])
    _locations(plan, org, record, row["id"])
    for contact in record.contacts:
        _contact(plan, org, contact, row["id"])
    return True


def _index_entries(plan: _Plan) -> list[IndexEntry]:
    """The search index entries the ORM import would write (``indexing.index_many``), from the rows."""
    names = {row["id"]: row["name"] for row in plan.rows[KaartOrganization]}
    categories: dict[int, list[str]] = {}
    for term in plan.rows[KaartServiceTerm]:
        if term["vocabulary"] == "kaart_category":
            categories.setdefault(term["service_id"], []).append(term_words((term["code"],), CATEGORIES))
    places: dict[int, list[str]] = {}
    for area in plan.rows[KaartServiceArea]:
        places.setdefault(area["service_id"], []).append(area["name"])
    entries = [IndexEntry("service", row["uuid"], f"{row['name']} – {names[row['organization_id']]}",
                          f"{row['description']} {row['target_group']} {' '.join(categories.get(row['id'], []))} "
                          f"{' '.join(places.get(row['id'], []))}") for row in plan.rows[KaartService]]
    entries += [IndexEntry("organization", row["uuid"], row["name"], f"{row['alternate_name']} {row['description']}")
                for row in plan.rows[KaartOrganization]]
    return entries


def _by(rows: list[Row], key: str) -> dict[Any, list[Row]]:
    grouped: dict[Any, list[Row]] = {}
    for row in rows:
        grouped.setdefault(row[key], []).append(row)
    return grouped


def _phones(rows: list[Row]) -> list[PhoneRecord]:
    return [PhoneRecord(p["number"], p["purpose"], p["description"], p["uuid"]) for p in rows]


def _contacts(rows: list[Row], service_level: bool) -> list[ContactRecord]:
    return [ContactRecord(c["name"], c["title"], c["email"], c["phone"], c["is_backup"], c["uuid"], c["phone_uuid"],
                          service_level) for c in rows]


@dataclass
class _Written:
    """The inserted rows grouped by the service or organisation they belong to."""

    orgs: dict[int, Row]
    org_phones: dict[Any, list[Row]]
    phones: dict[Any, list[Row]]
    schedules: dict[Any, list[Row]]
    areas: dict[Any, list[Row]]
    terms: dict[Any, list[Row]]
    links: dict[Any, list[Row]]
    locations: dict[int, Row]
    contacts: dict[Any, list[Row]]
    org_contacts: dict[Any, list[Row]]

    @classmethod
    def of(cls, rows: dict[type, list[Row]]) -> _Written:
        phones, contacts = rows[KaartPhone], rows[KaartContact]
        return cls(
            {row["id"]: row for row in rows[KaartOrganization]},
            _by([p for p in phones if p["service_id"] is None], "organization_id"),
            _by([p for p in phones if p["service_id"] is not None], "service_id"),
            _by(rows[KaartSchedule], "service_id"), _by(rows[KaartServiceArea], "service_id"),
            _by(rows[KaartServiceTerm], "service_id"), _by(rows[KaartServiceAtLocation], "service_id"),
            {row["id"]: row for row in rows[KaartLocation]},
            _by([c for c in contacts if c["service_id"] is not None], "service_id"),
            _by([c for c in contacts if c["service_id"] is None], "organization_id"))


def _organization_record(org: Row, written: _Written) -> OrganizationRecord:
    return OrganizationRecord(name=org["name"], id=org["uuid"], alternate_name=org["alternate_name"],
                              description=org["description"], email=org["email"], website=org["website"],
                              extra=org["hsds_extra"] or {}, phones=_phones(written.org_phones.get(org["id"], [])))


def _locations_of(pk: int, written: _Written) -> list[LocationRecord]:
    places = [(written.locations[link["location_id"]], link["uuid"]) for link in written.links.get(pk, [])]
    return [LocationRecord(p["address_1"], p["postal_code"], p["city"], p["name"], p["state_province"], p["country"],
                           p["uuid"], p["address_uuid"], link) for p, link in places]


def _written_record(service: Row, written: _Written) -> ServiceRecord:
    """The public record of a planned service as ``export.records_in_session`` reads it back from the store,
    built from the rows just inserted instead of loading 20,000 ORM objects again."""
    org, pk = written.orgs[service["organization_id"]], service["id"]
    terms, areas = written.terms.get(pk, []), written.areas.get(pk, [])
    return ServiceRecord(
        organization=_organization_record(org, written),
        name=service["name"], id=service["uuid"], **{name: service[name] for name in FACT_NAMES},
        phones=_phones(written.phones.get(pk, [])),
        schedules=[ScheduleRecord(s["byday"], s["opens_at"], s["closes_at"], s["description"], s["uuid"])
                   for s in written.schedules.get(pk, [])],
        areas=[a["name"] for a in areas], area_ids={a["name"]: a["uuid"] for a in areas},
        extra=service["hsds_extra"] or {},
        categories=[t["code"] for t in terms if t["vocabulary"] == "kaart_category"],
        themes=[t["code"] for t in terms if t["vocabulary"] == "theme"],
        contacts=_contacts(written.contacts.get(pk, []), True) + _contacts(written.org_contacts.get(org["id"], []),
                                                                           False),
        locations=_locations_of(pk, written),
    )


def _remember_what_was_written(session: Session, plan: _Plan) -> None:
    """As ``importing._remember_what_was_written``, written back in two bulk UPDATEs (see hsds_extra.py)."""
    from brugapp.exchange.hsds_extra import with_seen

    services = [row for row in plan.rows[KaartService] if row["hsds_extra"]]
    if not services:
        return
    orgs = {row["id"]: row for row in plan.rows[KaartOrganization]}
    service_updates, org_updates = [], []
    # the organisation's kept data as it was inserted, for every one of its services (as the read-back sees it)
    inserted_extra = {pk: org["hsds_extra"] for pk, org in orgs.items()}
    written = _Written.of(plan.rows)
    records = [_written_record(service, written) for service in services]  # before any organisation is marked
    for service, record in zip(services, records, strict=True):
        tables = hsds.build_tables([record], merge=False)
        service_updates.append({"id": service["id"], "hsds_extra": with_seen(service["hsds_extra"], tables)})
        org = orgs[service["organization_id"]]
        if org["hsds_extra"] and "seen" not in org["hsds_extra"]:
            org_updates.append({"id": org["id"], "hsds_extra": with_seen(inserted_extra[org["id"]], tables)})
            org["hsds_extra"] = org_updates[-1]["hsds_extra"]
    session.execute(update(KaartService), service_updates)
    if org_updates:
        session.execute(update(KaartOrganization), org_updates)


def insert_new(session: Session, records: list[ServiceRecord], *, progress: Progress | None = None
               ) -> tuple[int, int, list[ServiceRecord], frozenset[str]]:
    """Insert the new services of new organisations (in the caller's transaction). Returns how many services
    and organisations were created, the records left for the ORM import to merge, and the uuids of the
    services created here (so a later record for one of them counts as neither created nor updated)."""
    session.flush()
    plan = _load_plan(session)
    to_merge = []
    total = len(records)
    for done, record in enumerate(records, start=1):
        if not _plan_record(plan, record):
            to_merge.append(record)
        if progress is not None and (done % 50 == 0 or done == total):
            progress(done - len(to_merge), total)  # the records handed on count when they are merged
    for model in _TABLE_ORDER:
        if plan.rows[model]:
            session.execute(insert(model), plan.rows[model])
    search_index.index_many(session, _index_entries(plan))
    _remember_what_was_written(session, plan)
    created = frozenset(row["uuid"] for row in plan.rows[KaartService])
    return len(created), len(plan.rows[KaartOrganization]), to_merge, created

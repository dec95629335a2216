"""Streaming import of a big spreadsheet into the sociale kaart: bounded memory, still all or nothing.

A regional partner's export of 230,000 services (50 MB) is read row by row and written in batches of
plain INSERTs inside the caller's one transaction (an error in row 200,000 rolls back all of it). What is
already in the map is known through a light index (keys and integer ids, no ORM objects); rows that
match a service already in the map go through the regular ORM import (``importing.apply_records``), which
knows how to merge, handed over BATCH at a time as they come (see merge_scope.py), so a re-import never
holds the file or the map whole.
"""

from __future__ import annotations

import uuid as uuid_module
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, insert, select, text
from sqlalchemy.orm import Session

from brugapp.domain.kaart import CATEGORIES
from brugapp.domain.kaart_record import FACTS, stored_value
from brugapp.exchange.hsds import is_uuid
from brugapp.exchange.records import ContactRecord, ServiceRecord
from brugapp.services.kaart.merge_scope import RECORD_MODELS, StoredUuids, UuidPool
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

BATCH = 2000
Progress = Callable[[int, int], None]
_TABLE_ORDER = (KaartOrganization, KaartService, KaartLocation, KaartServiceAtLocation, KaartPhone, KaartSchedule,
                KaartServiceArea, KaartServiceTerm, KaartContact)


@dataclass
class _Known:
    """What the map holds, as keys and integer ids only."""

    # Keys for rows still to come, per row of the file: nothing a later row cannot name. A service or
    # organisation made here is found again by the file's id or by its name, never by the uuid4 given to it,
    # and places and people by a hash of their key (an int instead of a string), so 230,000 rows hold
    # ~60 MB less (brugapp bench, the 50 MB spreadsheet). The ids of the services in the map are read only
    # when a row has an id (most spreadsheets have none): ~75 MB for a map of 230,000 services.
    orgs: dict[str, tuple[int, str]] = field(default_factory=dict)  # uuid / external id / "name:" -> (pk, name)
    services: set[str] | None = None  # uuid / external id; None until a row has an id
    session: Session | None = None
    service_names: set[int] = field(default_factory=set)  # hash of (folded org name, folded service name)
    locations: dict[int, int] = field(default_factory=dict)  # hash of (org pk, address, town) -> pk
    contacts: dict[int, int] = field(default_factory=dict)  # hash of (org pk, name) -> pk
    used_uuids: UuidPool = field(default_factory=lambda: set[str]())  # the store, asked for a file's own id
    next_id: dict[type, int] = field(default_factory=dict)
    organizations_created: int = 0

    def service_ids(self) -> set[str]:
        """The uuids and external ids of the services in the map (and of the file's services since)."""
        if self.services is None:
            assert self.session is not None
            self.services = set()
            for uuid, external in self.session.execute(select(KaartService.uuid, KaartService.external_id)):
                self.services.update(k for k in (uuid, external) if k)
        return self.services

    def new_id(self, model: type) -> int:
        self.next_id[model] += 1
        return self.next_id[model]

    def ids(self, file_id: str) -> tuple[str, str]:
        """(uuid, external id) as in ``kaart_import._ids``: a file's unused UUID becomes ours."""
        if file_id and is_uuid(file_id) and file_id not in self.used_uuids:
            self.used_uuids.add(file_id)
            return file_id, ""
        return str(uuid_module.uuid4()), file_id


def _load_known(session: Session) -> _Known:
    known = _Known(used_uuids=StoredUuids(session, RECORD_MODELS), session=session)
    names: dict[int, str] = {}
    for pk, uuid, external, name in session.execute(select(KaartOrganization.id, KaartOrganization.uuid,
                                                           KaartOrganization.external_id, KaartOrganization.name)):
        names[pk] = name
        for key in (uuid, external, "name:" + fold(name)):
            if key:
                known.orgs.setdefault(key, (pk, name))
    for name, org_pk in session.execute(select(KaartService.name, KaartService.organization_id)):
        known.service_names.add(hash((fold(names.get(org_pk, "")), fold(name))))
    _learn_places_and_people(session, known)
    _learn_next_ids(session, known)
    return known


def _learn_places_and_people(session: Session, known: _Known, org_pks: frozenset[int] | None = None) -> None:
    """Locations and contacts of the map (or of some organisations), so a later row links to them."""
    locations = select(KaartLocation.id, KaartLocation.organization_id, KaartLocation.address_1, KaartLocation.city)
    contacts = select(KaartContact.id, KaartContact.organization_id, KaartContact.name)
    if org_pks is not None:
        locations = locations.where(KaartLocation.organization_id.in_(org_pks))
        contacts = contacts.where(KaartContact.organization_id.in_(org_pks))
    for pk, org_pk, address, city in session.execute(locations):
        known.locations.setdefault(hash((org_pk, fold(address), fold(city))), pk)
    for pk, org_pk, name in session.execute(contacts):
        known.contacts.setdefault(hash((org_pk, fold(name))), pk)


def _learn_next_ids(session: Session, known: _Known) -> None:
    for model in _TABLE_ORDER:
        known.next_id[model] = session.scalar(select(func.coalesce(func.max(model.id), 0))) or 0


@dataclass
class _Batch:
    rows: dict[type, list[dict[str, Any]]] = field(default_factory=lambda: {m: [] for m in _TABLE_ORDER})
    new_contacts: dict[int, dict[str, Any]] = field(default_factory=dict)
    contact_updates: list[dict[str, Any]] = field(default_factory=list)
    entries: list[IndexEntry] = field(default_factory=list)
    services: int = 0


def _organization(known: _Known, batch: _Batch, record: ServiceRecord) -> tuple[int, str]:
    org = record.organization
    found = (known.orgs.get(org.id) if org.id else None) or known.orgs.get("name:" + fold(org.name))
    if found is not None:
        return found
    pk = known.new_id(KaartOrganization)
    known.organizations_created += 1
    uuid, external = known.ids(org.id)
    now = utcnow()
    batch.rows[KaartOrganization].append({
        "id": pk, "uuid": uuid, "external_id": external, "name": org.name.strip(), "alternate_name": org.alternate_name,
        "description": org.description, "email": org.email, "website": org.website, "created_at": now,
        "updated_at": now})
    for key in (org.id, "name:" + fold(org.name)):  # the file's id is the uuid or the external id
        if key:
            known.orgs[key] = (pk, org.name.strip())
    batch.entries.append(IndexEntry("organization", uuid, org.name.strip(), f"{org.alternate_name} {org.description}"))
    return pk, org.name.strip()


def _service_row(known: _Known, record: ServiceRecord, org_pk: int) -> dict[str, Any]:
    uuid, external = known.ids(record.id)
    now = utcnow()
    row = {spec.name: stored_value(spec, getattr(record, spec.name)) for spec in FACTS}
    row.update({"id": known.new_id(KaartService), "uuid": uuid, "external_id": external,
                "organization_id": org_pk, "name": record.name.strip(), "status": record.status or "active",
                "created_at": now, "updated_at": now})
    return row


def _service_parts(batch: _Batch, record: ServiceRecord, pk: int) -> None:
    rows = batch.rows
    rows[KaartServiceTerm] += [{"service_id": pk, "vocabulary": vocabulary, "code": code, "uuid": new_uuid()}
                               for vocabulary, codes in (("kaart_category", record.categories),
                                                         ("theme", record.themes))
                               for code in dict.fromkeys(codes)]
    rows[KaartServiceArea] += [{"service_id": pk, "name": name, "uuid": new_uuid()}
                               for name in dict.fromkeys(record.areas)]
    rows[KaartPhone] += [{"service_id": pk, "organization_id": None, "number": p.number, "purpose": p.purpose,
                          "description": p.description, "uuid": new_uuid()} for p in record.phones]
    rows[KaartSchedule] += [{"service_id": pk, "byday": s.byday, "opens_at": s.opens_at, "closes_at": s.closes_at,
                             "description": s.description, "uuid": new_uuid()} for s in record.schedules]


def _locations(known: _Known, batch: _Batch, record: ServiceRecord, org_pk: int, service_pk: int) -> None:
    linked: set[int] = set()
    for loc in record.locations:
        key = hash((org_pk, fold(loc.address_1), fold(loc.city)))
        pk = known.locations.get(key)
        if pk is None:
            pk = known.locations[key] = known.new_id(KaartLocation)
            now = utcnow()
            batch.rows[KaartLocation].append({
                "id": pk, "uuid": new_uuid(), "address_uuid": new_uuid(), "organization_id": org_pk, "name": loc.name,
                "address_1": loc.address_1, "postal_code": loc.postal_code, "city": loc.city,
                "state_province": loc.state_province, "country": loc.country or "BE", "created_at": now,
                "updated_at": now})
        if pk not in linked:
            linked.add(pk)
            batch.rows[KaartServiceAtLocation].append({"uuid": new_uuid(), "service_id": service_pk, "location_id": pk})


def _contact(known: _Known, batch: _Batch, contact: ContactRecord, org_pk: int, service_pk: int) -> None:
    key = hash((org_pk, fold(contact.name)))
    pk = known.contacts.get(key)
    values = {name: getattr(contact, name).strip() for name in ("title", "email", "phone")
              if getattr(contact, name).strip()}
    values["is_backup"] = contact.is_backup
    if contact.service_level:
        values["service_id"] = service_pk
    if pk is None:
        pk = known.contacts[key] = known.new_id(KaartContact)
        uuid, _external = known.ids(contact.id)
        now = utcnow()
        row = {"id": pk, "uuid": uuid, "organization_id": org_pk, "service_id": None, "name": contact.name.strip(),
               "title": "", "email": "", "phone": "", "phone_uuid": new_uuid(), "created_at": now,
               "updated_at": now, **values}
        batch.rows[KaartContact].append(row)
        batch.new_contacts[pk] = row
    elif pk in batch.new_contacts:
        batch.new_contacts[pk].update(values)  # the same person for another service of this organisation
    else:
        batch.contact_updates.append({"pk": pk, **values})


_CATEGORY_WORDS: dict[str, str] = {}


def _category_words(code: str) -> str:
    if code not in _CATEGORY_WORDS:
        _CATEGORY_WORDS[code] = term_words((code,), CATEGORIES)
    return _CATEGORY_WORDS[code]


def add_record(known: _Known, batch: _Batch, record: ServiceRecord) -> int | None:
    """Queue a new service (None); when it matches one already in the map, the primary key of its organisation
    (the ORM import merges those)."""
    org_pk, org_name = _organization(known, batch, record)
    name_key = hash((fold(org_name), fold(record.name)))
    if (record.id and record.id in known.service_ids()) or name_key in known.service_names:
        return org_pk
    row = _service_row(known, record, org_pk)
    batch.rows[KaartService].append(row)
    if record.id:  # the file's id is the uuid or the external id; a new uuid4 is in no later row
        known.service_ids().add(record.id)
    known.service_names.add(name_key)
    _service_parts(batch, record, row["id"])
    _locations(known, batch, record, org_pk, row["id"])
    for contact in record.contacts:
        _contact(known, batch, contact, org_pk, row["id"])
    cats = " ".join(_category_words(code) for code in record.categories)
    batch.entries.append(IndexEntry("service", row["uuid"], f"{row['name']} – {org_name}",
                                    f"{row['description']} {row['target_group']} {cats} {' '.join(record.areas)}"))
    batch.services += 1
    return None


def _write(session: Session, batch: _Batch) -> None:
    for model in _TABLE_ORDER:
        if batch.rows[model]:
            session.connection().execute(insert(model), batch.rows[model])
    for update in batch.contact_updates:
        columns = ", ".join(f"{name} = :{name}" for name in update if name != "pk")
        session.execute(text(f"UPDATE kaart_contacts SET {columns} WHERE id = :pk"), update)
    search_index.index_many(session, batch.entries)


Merge = Callable[[list[ServiceRecord], frozenset[int]], None]  # (matched records, their organisations' pks)


def import_records(session: Session, records: Iterable[ServiceRecord], *, total: int,
                   progress: Progress | None = None, merge: Merge | None = None
                   ) -> tuple[int, int, list[ServiceRecord]]:
    """Insert the new services (in the caller's transaction); returns how many services and organisations
    were created, and the records that match a service already in the map, for the ORM import to merge.

    With ``merge`` those records are handed over as they come, BATCH at a time, after the new services read
    before them are written, and none are returned: a re-import of a big file never holds it whole."""
    session.flush()
    known = _load_known(session)
    batch, created, to_merge, org_pks = _Batch(), 0, [], set()
    for done, record in enumerate(records, start=1):
        matched_org = add_record(known, batch, record)
        if matched_org is not None:
            to_merge.append(record)
            org_pks.add(matched_org)
        merge_now = merge is not None and len(to_merge) >= BATCH
        if batch.services >= BATCH or merge_now:
            _write(session, batch)
            created += batch.services
            batch = _Batch()
        if merge is not None and merge_now:
            _merge(session, known, merge, to_merge, frozenset(org_pks))
            to_merge, org_pks = [], set()
        if progress is not None and (done % 500 == 0 or done == total):
            progress(done, total)
    _write(session, batch)
    if merge is not None and to_merge:
        _merge(session, known, merge, to_merge, frozenset(org_pks))
        to_merge = []
    return created + batch.services, known.organizations_created, to_merge


def _merge(session: Session, known: _Known, merge: Merge, records: list[ServiceRecord], org_pks: frozenset[int]
           ) -> None:
    """Merge matched records; then learn what the merge added (ids, places, people) so later rows agree."""
    merge(records, org_pks)
    _learn_next_ids(session, known)
    _learn_places_and_people(session, known, org_pks)

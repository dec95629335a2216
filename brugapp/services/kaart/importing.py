"""Import into the sociale kaart: HSDS packages and JSON, CSV and XLSX with a column mapping.

All or nothing: the whole file is read and checked first, then written in one transaction. A
re-import of the same file updates what it made before (matched on the HSDS id, else on the
organisation name + service name), so nothing is duplicated. Private fields are never touched.
"""

from __future__ import annotations

import uuid as uuid_module
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from brugapp.domain.kaart_record import FACT_NAMES
from brugapp.errors import ValidationError
from brugapp.exchange import hsds, spreadsheet
from brugapp.exchange.records import FileProblem, PhoneRecord, ServiceRecord
from brugapp.i18n import _
from brugapp.services.kaart.indexing import index_many
from brugapp.services.kaart.merge_scope import PART_MODELS, RECORD_MODELS, MergeScope, StoredUuids, UuidPool
from brugapp.services.kaart.query import audit
from brugapp.store import Store
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
from brugapp.store.search_index import fold

Progress = Callable[[int, int], None]  # (done, total)


@dataclass(frozen=True)
class ImportPreview:
    kind: str  # hsds_package | hsds_json | table
    file: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]  # the first rows, as in the file
    row_count: int
    mapping: dict[str, str]  # guessed field -> column (tables only)


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int
    organizations_created: int


def file_kind(path: Path) -> str:
    suffix = path.suffix.lower()
    if path.is_dir() or (suffix == ".zip" and zipfile.is_zipfile(path)) or path.name == "datapackage.json":
        return "hsds_package"
    if suffix == ".json":
        return "hsds_json"
    if suffix in (".csv", ".txt", ".xlsx", ".xlsm", ".tsv"):
        return "table"
    raise ValidationError(_("{file}: BrugApp reads HSDS packages (folder or zip), HSDS JSON, CSV and XLSX.").format(
        file=path.name), field="path")


def preview_import(*, path: Path, limit: int = 20) -> ImportPreview:
    """What the mapping step shows: columns, the first rows and a guessed mapping."""
    kind = file_kind(path)
    if kind != "table":
        # HSDS files are small next to a spreadsheet export: read them whole, so a file without services
        # or with a broken row is refused before the dialog opens.
        return ImportPreview(kind, path.name, (), (), len(read_records(path=path)), {})
    try:
        table = spreadsheet.read_table(path, limit=limit)
        count = spreadsheet.count_rows(path)
    except FileProblem as exc:
        raise ValidationError(exc.message, field="path") from None
    return ImportPreview(kind, table.file, table.headers, tuple(cells for _n, cells in table.rows),
                         count, spreadsheet.guess_mapping(table.headers))


def read_records(*, path: Path, mapping: dict[str, str] | None = None) -> list[ServiceRecord]:
    """Read and check a whole file; raises ValidationError naming file, row and column."""
    kind = file_kind(path)
    try:
        if kind == "hsds_package":
            return hsds.read_package(path.parent if path.name == "datapackage.json" else path)
        if kind == "hsds_json":
            return hsds.read_json(path)
        table = spreadsheet.read_table(path)
        return spreadsheet.records_from_table(table, mapping or spreadsheet.guess_mapping(table.headers))
    except FileProblem as exc:
        raise ValidationError(exc.message, field=exc.column or "path") from None
    except (OSError, UnicodeDecodeError, zipfile.BadZipFile) as exc:
        raise ValidationError(_("{file} cannot be read: {reason}").format(file=path.name, reason=exc),
                              field="path") from None


def import_kaart(store: Store, *, path: Path, mapping: dict[str, str] | None = None,
                 progress: Progress | None = None) -> ImportResult:
    """Import a file into the map, all or nothing. ``progress(done, total)`` is called along the way."""
    if file_kind(path) == "table":
        return _import_table(store, path=path, mapping=mapping, progress=progress)
    records = read_records(path=path, mapping=mapping)
    with store.session() as session:
        result = _apply_file(session, records, progress=progress)
        audit(session, action="import", subject_kind="kaart", detail=f"{result.created}+{result.updated}")
    return result


def _apply_file(session: Session, records: list[ServiceRecord], *, progress: Progress | None) -> ImportResult:
    """New services of new organisations as plain INSERTs (hsds_bulk); the rest merged through the ORM."""
    from brugapp.services.kaart import hsds_bulk

    created, orgs_created, to_merge, fresh = hsds_bulk.insert_new(session, records, progress=progress)
    merged = ImportResult(0, 0, 0)
    if to_merge:  # the bar goes on from the inserted records to all of them, never back
        merging = (lambda done, _total: progress(created + done, len(records))) if progress is not None else None
        merged = apply_records(session, to_merge, progress=merging, fresh=fresh)
    return ImportResult(created + merged.created, merged.updated, orgs_created + merged.organizations_created)


class _MergeInBatches:
    """Rows of a streamed spreadsheet that match services already in the map, merged a batch at a time
    (``bulk.import_records`` hands them over) and then let go: flushed, and their objects expunged."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.merged: set[int] = set()  # services updated by an earlier batch: counted once
        self.result = ImportResult(0, 0, 0)

    def __call__(self, records: list[ServiceRecord], org_pks: frozenset[int]) -> None:
        scope = MergeScope(org_pks, frozenset(r.id for r in records if r.id))
        done = apply_records(self.session, records, scope=scope, merged=self.merged)
        self.session.flush()
        self.session.expunge_all()
        self.result = ImportResult(self.result.created + done.created, self.result.updated + done.updated,
                                   self.result.organizations_created + done.organizations_created)


def _import_table(store: Store, *, path: Path, mapping: dict[str, str] | None, progress: Progress | None
                  ) -> ImportResult:
    """A spreadsheet, streamed: checked in a first pass (encoding, cells per row), then read row by row and
    written in batches inside one transaction, so a bad row late in a big file still leaves nothing. Rows
    that match the map are merged in batches too (a re-import of a 50 MB file in bounded memory)."""
    from brugapp.services.kaart import bulk as kaart_bulk

    try:
        total = spreadsheet.count_rows(path)
        stream = spreadsheet.stream_table(path)
        records = spreadsheet.iter_records(stream, mapping or spreadsheet.guess_mapping(stream.headers))
        with store.session() as session:
            merge = _MergeInBatches(session)
            created, orgs_created, _none_left = kaart_bulk.import_records(session, records, total=total,
                                                                          progress=progress, merge=merge)
            merged = merge.result
            result = ImportResult(created + merged.created, merged.updated,
                                  orgs_created + merged.organizations_created)
            audit(session, action="import", subject_kind="kaart", detail=f"{result.created}+{result.updated}")
    except FileProblem as exc:
        raise ValidationError(exc.message, field=exc.column or "path") from None
    except OSError as exc:
        raise ValidationError(_("{file} cannot be read: {reason}").format(file=path.name, reason=exc),
                              field="path") from None
    return result


class _Index:
    """What is already in the map, loaded once, so matching needs no query per row. With a ``scope`` only
    what one batch of a big spreadsheet can touch (see merge_scope.py); the whole map otherwise."""

    def __init__(self, session: Session, scope: MergeScope | None = None) -> None:
        self.orgs: dict[str, KaartOrganization] = {}
        self.org_names: dict[str, KaartOrganization] = {}
        org_options = [selectinload(KaartOrganization.phones), selectinload(KaartOrganization.locations)]
        orgs, services, contacts = select(KaartOrganization), select(KaartService), select(KaartContact)
        if scope is not None:
            orgs = orgs.where(KaartOrganization.id.in_(scope.org_pks))
            services = services.where(KaartService.organization_id.in_(scope.org_pks)
                                      | KaartService.uuid.in_(scope.service_ids)
                                      | KaartService.external_id.in_(scope.service_ids))
            contacts = contacts.where(KaartContact.organization_id.in_(scope.org_pks))
        for org in session.scalars(orgs.options(*org_options)):
            self.add_org(org)
        self.services: dict[str, KaartService] = {}
        self.service_names: dict[tuple[str, str], KaartService] = {}
        options = [selectinload(KaartService.terms), selectinload(KaartService.areas),
                   selectinload(KaartService.phones), selectinload(KaartService.schedules),
                   selectinload(KaartService.at_locations).selectinload(KaartServiceAtLocation.location),
                   selectinload(KaartService.contacts)]
        for service in session.scalars(services.options(*options)):
            self.add_service(service, service.organization.name)
        self.contacts: dict[str, list[KaartContact]] = {}
        for contact in session.scalars(contacts):
            self.contacts.setdefault(contact.organization.uuid, []).append(contact)
        # Ids of organisations, services and contacts, and of phones, schedules, areas, locations and links
        # already in the map: a file's id is kept only when no other row has it.
        self.used_uuids: UuidPool
        self.part_uuids: UuidPool
        if scope is not None:
            self.used_uuids, self.part_uuids = StoredUuids(session, RECORD_MODELS), StoredUuids(session, PART_MODELS)
            return
        self.used_uuids = set(self.orgs) | set(self.services) | {
            c.uuid for people in self.contacts.values() for c in people}
        self.part_uuids = set()
        for model in PART_MODELS:
            self.part_uuids.update(session.scalars(select(model.uuid)))

    def add_org(self, org: KaartOrganization) -> None:
        self.orgs[org.uuid] = org
        if org.external_id:
            self.orgs[org.external_id] = org
        self.org_names.setdefault(fold(org.name), org)

    def add_service(self, service: KaartService, org_name: str) -> None:
        self.services[service.uuid] = service
        if service.external_id:
            self.services[service.external_id] = service
        self.service_names.setdefault((fold(org_name), fold(service.name)), service)


def _ids(record_id: str, used: UuidPool) -> tuple[str, str]:
    """(uuid, external_id): a file's UUID becomes ours; any other id is kept aside for matching."""
    if record_id and hsds.is_uuid(record_id) and record_id not in used:
        used.add(record_id)
        return record_id, ""
    new = str(uuid_module.uuid4())
    used.add(new)
    return new, record_id


def _fill(target: object, attr: str, value: object) -> None:
    """Imported values overwrite; empty ones leave what the brugfiguur typed."""
    if value not in ("", None):
        setattr(target, attr, value)


def _set_terms(service: KaartService, record: ServiceRecord) -> None:
    """Keep the term rows that stay (so the unique constraint never sees a row twice), add the new ones."""
    wanted = [("kaart_category", c) for c in dict.fromkeys(record.categories)]
    wanted += [("theme", c) for c in dict.fromkeys(record.themes)]
    have = {(t.vocabulary, t.code): t for t in service.terms}
    service.terms = [have.get(key) or KaartServiceTerm(vocabulary=key[0], code=key[1]) for key in wanted]


def _organization(session: Session, index: _Index, record: ServiceRecord) -> tuple[KaartOrganization, bool]:
    org_record = record.organization
    org = index.orgs.get(org_record.id) if org_record.id else None
    org = org or index.org_names.get(fold(org_record.name))
    created = org is None
    if org is None:
        new_uuid, external = _ids(org_record.id, index.used_uuids)
        org = KaartOrganization(uuid=new_uuid, external_id=external, name=org_record.name.strip(),
                                alternate_name="", description="", email="", website="")
        org.phones, org.locations = [], []
        session.add(org)
    for attr in ("name", "alternate_name", "description", "email", "website"):
        _fill(org, attr, getattr(org_record, attr).strip())
    if org_record.extra:
        org.hsds_extra = dict(org_record.extra)
    index.add_org(org)
    if org_record.phones:
        have = {p.number for p in org.phones}
        org.phones += [_phone(None, p, index.part_uuids) for p in org_record.phones if p.number not in have]
    return org, created


def _service(session: Session, index: _Index, org: KaartOrganization, record: ServiceRecord
             ) -> tuple[KaartService, bool]:
    service = index.services.get(record.id) if record.id else None
    service = service or index.service_names.get((fold(org.name), fold(record.name)))
    created = service is None
    if service is None:
        new_uuid, external = _ids(record.id, index.used_uuids)
        service = KaartService(uuid=new_uuid, external_id=external, name=record.name.strip(), organization=org)
        service.terms, service.areas, service.phones, service.schedules = [], [], [], []
        service.at_locations, service.contacts = [], []
        session.add(service)
    service.organization = org
    for attr in _SERVICE_FIELDS:
        value = getattr(record, attr)
        _fill(service, attr, value.strip() if isinstance(value, str) else value)
    if record.extra:
        service.hsds_extra = dict(record.extra)
    return service, created


_SERVICE_FIELDS = ("name", *FACT_NAMES)


def _kept_uuid(file_id: str, taken: UuidPool) -> str:
    """The file's id when it is a UUID not yet used (so the next exchange matches it), else a new one."""
    kept = file_id if hsds.is_uuid(file_id) and file_id not in taken else str(uuid_module.uuid4())
    taken.add(kept)
    return kept


def _phone(existing: dict[str, KaartPhone] | None, record: PhoneRecord, taken: UuidPool) -> KaartPhone:
    phone = (existing or {}).get(record.id) or KaartPhone(uuid=_kept_uuid(record.id, taken))
    phone.number, phone.purpose, phone.description = record.number, record.purpose, record.description
    return phone


def _apply_parts(service: KaartService, record: ServiceRecord, taken: UuidPool) -> None:
    """Phones, schedules and areas: replaced by the file's, each keeping its id (an existing row is reused)."""
    if record.categories or record.themes:
        _set_terms(service, record)
    if record.areas:
        areas = {a.uuid: a for a in service.areas}
        wanted = []
        for name in dict.fromkeys(record.areas):
            area_id = record.area_ids.get(name, "")
            area = areas.get(area_id) or KaartServiceArea(uuid=_kept_uuid(area_id, taken))
            area.name = name
            wanted.append(area)
        service.areas = wanted
    if record.phones:
        phones = {p.uuid: p for p in service.phones}
        service.phones = [_phone(phones, p, taken) for p in record.phones]
    if record.schedules:
        schedules = {s.uuid: s for s in service.schedules}
        wanted_schedules = []
        for item in record.schedules:
            schedule = schedules.get(item.id) or KaartSchedule(uuid=_kept_uuid(item.id, taken))
            schedule.byday, schedule.opens_at, schedule.closes_at = item.byday, item.opens_at, item.closes_at
            schedule.description = item.description
            wanted_schedules.append(schedule)
        service.schedules = wanted_schedules


def apply_records(session: Session, records: list[ServiceRecord], *, progress: Progress | None = None,
                  fresh: frozenset[str] = frozenset(), scope: MergeScope | None = None,
                  merged: set[int] | None = None) -> ImportResult:
    """Write checked records into the map (inside the caller's transaction). A service in ``fresh`` was
    created earlier in the same import: merging into it is not an update. With a ``scope`` (one batch of a
    big file) only what it names is loaded, and ``merged`` holds the services updated by earlier batches."""
    index = _Index(session, scope)
    created = updated = orgs_created = 0
    total = len(records)
    services: dict[str, KaartService] = {}
    organizations: dict[str, KaartOrganization] = {}
    earlier = merged if merged is not None else set()
    with session.no_autoflush:
        for done, record in enumerate(records, start=1):
            org, org_is_new = _organization(session, index, record)
            service, service_is_new = _service(session, index, org, record)
            orgs_created += org_is_new
            created += service_is_new
            if not service_is_new and service.uuid not in services and service.uuid not in fresh:
                updated += service.id not in earlier
                earlier.add(service.id)
            _apply_parts(service, record, index.part_uuids)
            _apply_locations(org, service, record, index.part_uuids)
            _apply_contacts(index, org, service, record)
            index.add_service(service, org.name)
            services[service.uuid] = service
            organizations[org.uuid] = org
            if progress is not None and (done % 50 == 0 or done == total):
                progress(done, total)
    session.flush()
    index_many(session, services=list(services.values()), organizations=list(organizations.values()))
    _remember_what_was_written(session, [s for s in services.values() if s.hsds_extra])
    return ImportResult(created, updated, orgs_created)


def _remember_what_was_written(session: Session, services: list[KaartService]) -> None:
    """For a file with kept HSDS data: note what BrugApp writes now, so an export can tell an edit from
    a value BrugApp merely writes differently (see exchange/hsds_extra.py)."""
    if not services:
        return
    from brugapp.exchange.hsds_extra import with_seen
    from brugapp.services.kaart.export import records_in_session

    session.flush()
    by_uuid = {s.uuid: s for s in services}  # a lookup, not a scan per record (2,000 services: 9 s; brugapp bench)
    for record in records_in_session(session, list(by_uuid)):
        tables = hsds.build_tables([record], merge=False)
        service = by_uuid[record.id]
        if service.hsds_extra:
            service.hsds_extra = with_seen(service.hsds_extra, tables)
        org = service.organization
        if org.hsds_extra and "seen" not in org.hsds_extra:
            org.hsds_extra = with_seen(org.hsds_extra, tables)


def _apply_locations(org: KaartOrganization, service: KaartService, record: ServiceRecord, taken: UuidPool) -> None:
    linked = {id(link.location) for link in service.at_locations}
    for loc in record.locations:
        place = (fold(loc.address_1), fold(loc.city))
        location = next((existing for existing in org.locations
                         if (loc.id and existing.uuid == loc.id)
                         or (fold(existing.address_1), fold(existing.city)) == place), None)
        if location is None:
            location = KaartLocation(uuid=_kept_uuid(loc.id, taken))
            org.locations.append(location)
        if hsds.is_uuid(loc.address_id):
            location.address_uuid = loc.address_id
        location.name, location.address_1, location.postal_code = loc.name, loc.address_1, loc.postal_code
        location.city, location.state_province, location.country = loc.city, loc.state_province, loc.country or "BE"
        if id(location) not in linked:
            service.at_locations.append(KaartServiceAtLocation(location=location, uuid=_kept_uuid(loc.link_id, taken)))
            linked.add(id(location))


def _apply_contacts(index: _Index, org: KaartOrganization, service: KaartService, record: ServiceRecord) -> None:
    pool = index.contacts.setdefault(org.uuid, [])
    for contact_record in record.contacts:
        contact = next((c for c in pool if (contact_record.id and c.uuid == contact_record.id)
                        or fold(c.name) == fold(contact_record.name)), None)
        if contact is None:
            new_uuid, _external = _ids(contact_record.id, index.used_uuids)
            contact = KaartContact(uuid=new_uuid, name=contact_record.name.strip(), organization=org)
            pool.append(contact)
        for attr in ("title", "email", "phone"):
            _fill(contact, attr, getattr(contact_record, attr).strip())
        if hsds.is_uuid(contact_record.phone_id):
            contact.phone_uuid = contact_record.phone_id
        contact.is_backup = contact_record.is_backup
        contact.organization = org
        if contact_record.service_level:
            if contact not in service.contacts:
                service.contacts.append(contact)
        elif contact.service is not None:
            contact.service = None

"""The HSDS import writes new services as plain INSERTs: what it stores must be what the ORM import stores,
for a map that is empty, one that already holds part of the file, and a re-import; and still all or nothing."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from brugapp.bench.base import BenchContext
from brugapp.bench.fillers import fill_kaart_data
from brugapp.errors import ValidationError
from brugapp.services.kaart import importing
from brugapp.services.kaart.export import export_kaart
from brugapp.services.kaart.query import list_services
from brugapp.services.search import search_everything
from brugapp.store import Store, open_store

TABLES = ("kaart_organizations", "kaart_services", "kaart_locations", "kaart_service_locations", "kaart_phones",
          "kaart_schedules", "kaart_service_areas", "kaart_service_terms", "kaart_contacts", "search_index")
RANDOM = {"created_at", "updated_at", "rowid"}  # and uuids both imports draw at random, below


@pytest.fixture
def package(store: Store, tmp_path: Path) -> Path:
    """40 services of 10 organisations with locations, phones, hours, areas, terms and a contact person."""
    fill_kaart_data(store, BenchContext(families=200, folder=tmp_path))
    export_kaart(store, out=tmp_path / "pkg", format="hsds")
    return tmp_path / "pkg"


@pytest.fixture
def two_stores(migrated_template: Path, tmp_path: Path) -> Iterator[tuple[Store, Store]]:
    stores = []
    for name in ("orm", "bulk"):
        shutil.copy(migrated_template, tmp_path / f"{name}.db")
        stores.append(open_store(tmp_path / f"{name}.db"))
    yield stores[0], stores[1]
    for opened in stores:
        opened.close()


REFERENCES = {"organization_id": "kaart_organizations", "service_id": "kaart_services",
              "location_id": "kaart_locations"}


def stored(store: Store) -> dict[str, list[tuple[tuple[str, str], ...]]]:
    """Every row of the map, integer keys replaced by the uuid they point at (the two imports insert in
    a different order, so their integer ids differ)."""
    with store.session() as session:
        uuids = {table: dict(session.execute(text(f"SELECT id, uuid FROM {table}")).all())
                 for table in set(REFERENCES.values())}
        tables = {}
        for table in TABLES:
            result = session.execute(text(f"SELECT * FROM {table}"))
            rows = []
            for values in result:
                row = {k: v for k, v in zip(result.keys(), values, strict=True) if k not in RANDOM}
                row.pop("id", None)
                if table == "kaart_service_terms":
                    row.pop("uuid")  # a term has no id in HSDS: both imports draw one
                for column, target in REFERENCES.items():
                    if column in row and row[column] is not None:
                        row[column] = uuids[target][row[column]]
                rows.append(tuple(sorted((k, str(v)) for k, v in row.items())))
            tables[table] = sorted(rows)
    return tables


def without_drawn_phone_ids(tables: dict[str, list[tuple[tuple[str, str], ...]]]) -> dict:
    """A contact without a phone in the file gets a phone id drawn at random by either import."""
    return {table: [tuple(kv for kv in row if not (table == "kaart_contacts" and kv[0] == "phone_uuid"))
                    for row in rows] for table, rows in tables.items()}


def test_bulk_import_stores_what_the_orm_import_stores(package: Path, two_stores: tuple[Store, Store]) -> None:
    orm, bulk = two_stores
    records = importing.read_records(path=package)
    results, after_import, after_reimport = [], [], []
    for target, apply in ((orm, importing.apply_records), (bulk, importing._apply_file)):
        with target.session() as session:  # the map already holds the first organisation and half the second
            importing.apply_records(session, records[:6])
        with target.session() as session:
            results.append(apply(session, records, progress=None))
        after_import.append(without_drawn_phone_ids(stored(target)))
        with target.session() as session:  # a re-import updates, creates nothing
            results.append(apply(session, records, progress=None))
        after_reimport.append(without_drawn_phone_ids(stored(target)))
    assert results[0] == results[2] == importing.ImportResult(created=34, updated=6, organizations_created=8)
    assert results[1] == results[3] == importing.ImportResult(created=0, updated=40, organizations_created=0)
    assert len(after_import[1]["kaart_services"]) == 40
    assert len(after_import[1]["search_index"]) == 50
    assert after_import[0] == after_import[1]  # hsds_extra included: what was written is remembered alike
    assert after_reimport[0] == after_reimport[1]
    # the file's ids of services, phones and schedules are kept (the next exchange matches them)
    with bulk.session() as session:
        kept = set(session.scalars(text("SELECT uuid FROM kaart_schedules")))
    assert kept == {record.schedules[0].id for record in records}


def test_imported_services_are_listed_and_found(package: Path, two_stores: tuple[Store, Store]) -> None:
    _orm, bulk = two_stores
    result = importing.import_kaart(bulk, path=package)
    assert result.created == 40
    services = list_services(bulk)
    assert len(services) == 40
    name = services[0].name
    hits = search_everything(bulk, text=name, limit=30)
    assert any(name in hit.label for hit in hits)


def test_an_error_after_the_inserts_leaves_nothing(package: Path, two_stores: tuple[Store, Store],
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    _orm, bulk = two_stores

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise ValidationError("refused", field="path")

    monkeypatch.setattr(importing, "audit", refuse)
    with pytest.raises(ValidationError):
        importing.import_kaart(bulk, path=package)
    assert list_services(bulk) == []
    with bulk.session() as session:
        assert session.scalar(text("SELECT count(*) FROM kaart_organizations")) == 0
        assert session.scalar(text("SELECT count(*) FROM search_index")) == 0


def test_progress_only_moves_forward_to_the_whole_file(package: Path, two_stores: tuple[Store, Store]) -> None:
    _orm, bulk = two_stores
    records = importing.read_records(path=package)
    with bulk.session() as session:  # half of the map is there already: those records are merged after
        importing.apply_records(session, records[:20])
    seen: list[tuple[int, int]] = []
    importing.import_kaart(bulk, path=package, progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (40, 40)
    assert all(total == 40 for _done, total in seen)
    assert [done for done, _total in seen] == sorted(done for done, _total in seen)

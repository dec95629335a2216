"""HSDS 3.0: a data package built from the official descriptor goes in, and what comes out validates."""

from __future__ import annotations

import csv
import datetime as dt
import json
import uuid
import zipfile
from pathlib import Path

import jsonschema
import pytest

from brugapp.errors import ValidationError
from brugapp.services.kaart.detail import get_service
from brugapp.services.kaart.edit import set_colour, set_private_notes
from brugapp.services.kaart.export import export_kaart
from brugapp.services.kaart.importing import import_kaart
from brugapp.services.kaart.query import list_services
from tests.paths import REPO_ROOT

REPO = REPO_ROOT
REFERENCE_HSDS = REPO / "tests" / "data" / "hsds-3.0"  # the official files, see SOURCE.md there
SHIPPED_HSDS = REPO / "resources" / "hsds-3.0"


def hsds_dir() -> Path:
    """The official schemas vendored for the tests; validating against the app's own copy would prove
    nothing, so their absence fails the test rather than skipping it."""
    assert (REFERENCE_HSDS / "datapackage.json").exists(), "tests/data/hsds-3.0 is missing"
    return REFERENCE_HSDS


def descriptor() -> dict:
    return json.loads((hsds_dir() / "datapackage.json").read_text(encoding="utf-8"))


def fields_of(name: str) -> list[dict]:
    return next(r for r in descriptor()["resources"] if r["name"] == name)["schema"]["fields"]


ORG, SERVICE, PHONE, AFTER, CONTACT = (str(uuid.uuid4()) for _ in range(5))
LOCATION, ADDRESS, LINK, SCHEDULE, AREA = (str(uuid.uuid4()) for _ in range(5))


def build_package(folder: Path, *, service_name: str = "Sociale dienst – onthaal") -> Path:
    """Write a package the way another HSDS tool would: one CSV per table, columns from datapackage.json."""
    rows = {
        "organization": [{"id": ORG, "name": "OCMW Kortrijk", "description": "Sociale dienst van de stad"}],
        "service": [{"id": SERVICE, "organization_id": ORG, "name": service_name, "status": "active",
                     "description": "Onthaal voor leefloon en medische kaart", "assured_date": "2026-10-01",
                     "minimum_age": "18", "wait_time": "1 week", "fees_description": "Gratis"}],
        "phone": [{"id": PHONE, "service_id": SERVICE, "number": "056 00 10 01", "type": "voice"},
                  {"id": AFTER, "service_id": SERVICE, "number": "056 00 99 10", "type": "voice",
                   "description": "Permanentie buiten de kantooruren"}],
        "contact": [{"id": CONTACT, "organization_id": ORG, "service_id": SERVICE, "name": "Sofie Vermeulen",
                     "title": "maatschappelijk werker", "email": "sofie@example.be"}],
        "schedule": [{"id": SCHEDULE, "service_id": SERVICE, "freq": "WEEKLY", "byday": "MO,TU,WE,TH,FR",
                      "opens_at": "09:00:00", "closes_at": "17:00:00"}],
        "service_area": [{"id": AREA, "service_id": SERVICE, "name": "Kortrijk"}],
        "location": [{"id": LOCATION, "location_type": "physical", "organization_id": ORG, "name": "Sociaal Huis"}],
        "address": [{"id": ADDRESS, "location_id": LOCATION, "address_1": "Budastraat 1", "city": "Kortrijk",
                     "state_province": "West-Vlaanderen", "postal_code": "8500", "country": "BE",
                     "address_type": "physical"}],
        "service_at_location": [{"id": LINK, "service_id": SERVICE, "location_id": LOCATION}],
    }
    folder.mkdir(parents=True, exist_ok=True)
    resources = []
    for resource in descriptor()["resources"]:
        if resource["name"] not in rows:
            continue
        names = [f["name"] for f in resource["schema"]["fields"]]
        with (folder / resource["path"]).open("w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=names)
            writer.writeheader()
            writer.writerows(rows[resource["name"]])
        resources.append(resource)
    (folder / "datapackage.json").write_text(json.dumps({"name": "test", "resources": resources}), encoding="utf-8")
    return folder


def check_package(folder: Path) -> dict[str, list[dict[str, str]]]:
    """Every CSV has exactly the declared columns; required ones are filled; typed ones parse."""
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    tables = {}
    for resource in package["resources"]:
        declared = fields_of(resource["name"])
        with (folder / resource["path"]).open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            assert reader.fieldnames == [f["name"] for f in declared], resource["path"]
            table = list(reader)
        for row in table:
            for field in declared:
                value = row[field["name"]]
                if field.get("constraints", {}).get("required"):
                    assert value, f"{resource['path']}: {field['name']} is required"
                if value and field["type"] == "number":
                    float(value)
                if value and field["type"] == "date":
                    dt.date.fromisoformat(value)
                if value and field["type"] == "time":
                    dt.time.fromisoformat(value)
                if value and field.get("format") == "uuid":
                    uuid.UUID(value)
        tables[resource["name"]] = table
    return tables


def service_validator() -> jsonschema.Validator:
    schema = json.loads((hsds_dir() / "schema" / "compiled" / "service.json").read_text(encoding="utf-8"))
    return jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker())


def test_hsds_package_round_trip_validates(store, tmp_path: Path) -> None:
    # GIVEN an HSDS package written from the official descriptor, and private notes on its service
    result = import_kaart(store, path=build_package(tmp_path / "in"))
    assert (result.created, result.updated) == (1, 0)
    detail = get_service(store, service_id=SERVICE)
    set_private_notes(store, service_id=SERVICE, notes="GEHEIM: consulent is vaak ziek")
    set_colour(store, organization_id=detail.organization_id, colour="red")

    # WHEN it is exported as a folder package, a zip and JSON
    export_kaart(store, out=tmp_path / "out", format="hsds")
    export_kaart(store, out=tmp_path / "out.zip", format="hsds")
    export_kaart(store, out=tmp_path / "out.json", format="json")

    # THEN the package has the declared columns and types, and the data came through
    tables = check_package(tmp_path / "out")
    assert [s["id"] for s in tables["service"]] == [SERVICE]
    assert tables["service"][0]["assured_date"] == "2026-10-01"
    assert {p["number"] for p in tables["phone"]} >= {"056 00 10 01", "056 00 99 10"}
    assert tables["address"][0]["city"] == "Kortrijk"
    assert tables["schedule"][0]["opens_at"] == "09:00:00"
    with zipfile.ZipFile(tmp_path / "out.zip") as archive:
        assert "datapackage.json" in archive.namelist() and "services.csv" in archive.namelist()
    # AND the JSON validates against the full compiled HSDS service schema
    services = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    validator = service_validator()
    for service in services:
        errors = list(validator.iter_errors(service))
        assert not errors, errors[0].message
    assert services[0]["organization"]["name"] == "OCMW Kortrijk"
    # AND no private field left the app
    everything = (tmp_path / "out.json").read_text(encoding="utf-8") + "".join(
        p.read_text(encoding="utf-8") for p in (tmp_path / "out").glob("*.csv"))
    assert "GEHEIM" not in everything and "red" not in everything.split('"status"')[0]
    assert "colour" not in everything


def test_round_trip_keeps_what_schools_need(store, tmp_path: Path) -> None:
    # GIVEN a service with categories, themes, route, after-hours number and a backup contact
    from brugapp.domain.kaart import parse_opening_hours
    from brugapp.services.kaart.edit import ServiceInput, save_service

    service_id = save_service(store, service_id=None, data=ServiceInput(
        name="JAC – jongerenonthaal", organization_name="CAW Zuid-West-Vlaanderen", categories=("welfare", "crisis"),
        themes=("health.mental",), referral_route="self", comes_to_school=True, not_offered="Geen therapie",
        phone="056 00 20 20", after_hours_phone="056 00 77 77", after_hours_note="Chat tot middernacht",
        opening_hours=parse_opening_hours("ma, wo 13-18; za 10-13"), municipalities=("Kortrijk", "Menen"),
        contact_name="Nadia El Amrani", backup_name="Tom Peeters", backup_phone="056 00 20 21"))
    # WHEN exported as JSON and imported into another, empty store
    export_kaart(store, out=tmp_path / "kaart.json", format="json")
    from brugapp.store import open_store

    other = open_store(tmp_path / "other.db", create=True)
    try:
        import_kaart(other, path=tmp_path / "kaart.json")
        detail = get_service(other, service_id=service_id)
    finally:
        other.close()
    # THEN nothing a school needs was lost
    assert detail.categories == ("welfare", "crisis") and detail.themes == ("health.mental",)
    assert (detail.referral_route, detail.comes_to_school, detail.not_offered) == ("self", True, "Geen therapie")
    assert (detail.after_hours_phone, detail.after_hours_note) == ("056 00 77 77", "Chat tot middernacht")
    assert detail.contact is not None and detail.contact.name == "Nadia El Amrani"
    assert detail.backup is not None and detail.backup.phone == "056 00 20 21"
    assert set(detail.municipalities) == {"Kortrijk", "Menen"}
    assert len(detail.slots) == 2


def test_reimporting_the_same_package_updates_instead_of_duplicating(store, tmp_path: Path) -> None:
    import_kaart(store, path=build_package(tmp_path / "v1"))
    result = import_kaart(store, path=build_package(tmp_path / "v2", service_name="Sociale dienst – onthaal (nieuw)"))
    assert (result.created, result.updated) == (0, 1)
    services = list_services(store)
    assert [s.name for s in services] == ["Sociale dienst – onthaal (nieuw)"]
    assert len(get_service(store, service_id=SERVICE).contacts) == 1


def test_broken_package_names_file_row_and_column_and_imports_nothing(store, tmp_path: Path) -> None:
    folder = build_package(tmp_path / "bad")
    text = (folder / "services.csv").read_text(encoding="utf-8").replace("2026-10-01", "1 oktober")
    (folder / "services.csv").write_text(text, encoding="utf-8")
    with pytest.raises(ValidationError) as error:
        import_kaart(store, path=folder)
    message = error.value.message
    assert "services.csv" in message and "rij 2" in message and "assured_date" in message
    assert list_services(store) == []


def test_shipped_schema_copy_matches_the_official_one() -> None:
    reference = hsds_dir()
    assert (SHIPPED_HSDS / "datapackage.json").read_bytes() == (reference / "datapackage.json").read_bytes()
    assert "CC BY-SA 4.0" in (reference / "SOURCE.md").read_text(encoding="utf-8")
    assert "CC BY-SA" in (SHIPPED_HSDS / "NOTICE.md").read_text(encoding="utf-8")


def test_exported_zip_imports_into_an_empty_store(store, tmp_path: Path) -> None:
    from brugapp.store import open_store

    import_kaart(store, path=build_package(tmp_path / "in"))
    export_kaart(store, out=tmp_path / "kaart.zip", format="hsds")
    other = open_store(tmp_path / "other.db", create=True)
    try:
        result = import_kaart(other, path=tmp_path / "kaart.zip")
        detail = get_service(other, service_id=SERVICE)
    finally:
        other.close()
    assert result.created == 1
    assert (detail.after_hours_phone, detail.phones) == ("056 00 99 10", ("056 00 10 01",))
    assert detail.addresses == ("Budastraat 1, 8500 Kortrijk",)

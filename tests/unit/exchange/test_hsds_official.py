"""Issue 13: the official HSDS 3.0 examples import, and the official CSV package survives a round trip
value for value. Everything is read back with the standard library's csv/json and checked against the
vendored official schemas (tests/data/hsds-3.0, see SOURCE.md there), never the app's own copy."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import jsonschema
import pytest

from brugapp.cli import main
from brugapp.errors import ValidationError
from brugapp.services.kaart.detail import get_service
from brugapp.services.kaart.edit import ServiceInput, save_service
from brugapp.services.kaart.export import export_kaart
from brugapp.services.kaart.importing import import_kaart
from brugapp.services.kaart.query import list_services
from brugapp.store import Store, open_store

OFFICIAL = Path(__file__).resolve().parents[2] / "data" / "hsds-3.0"
EXAMPLES = OFFICIAL / "examples"
PACKAGE = EXAMPLES / "csv"
SERVICE_ID = "ac148810-d857-441c-9679-408f346de14b"
WITH_SERVICES = ("organization_full.json", "service_at_location_full.json", "service_at_location_list.json",
                 "service_full.json", "service_list.json", "tabular.json")
WITHOUT_SERVICES = ("base.json", "location.json", "organization_list.json", "taxonomy.json", "taxonomy_list.json",
                    "taxonomy_term.json", "taxonomy_term_list.json")


def read_tables(folder: Path) -> dict[str, dict[str, dict[str, str]]]:
    """file name -> {row id: {column: value}}, read with the standard csv module."""
    tables = {}
    for file in sorted(folder.glob("*.csv")):
        with file.open(encoding="utf-8", newline="") as fh:
            tables[file.name] = {row["id"]: row for row in csv.DictReader(fh)}
    return tables


def official_validator() -> jsonschema.Validator:
    schema = json.loads((OFFICIAL / "schema" / "compiled" / "service.json").read_text(encoding="utf-8"))
    return jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker())


def test_every_official_example_is_covered() -> None:
    assert sorted(WITH_SERVICES + WITHOUT_SERVICES) == sorted(p.name for p in EXAMPLES.glob("*.json"))


@pytest.mark.parametrize("name", WITH_SERVICES)
def test_each_official_file_with_a_service_imports_it(store: Store, name: str) -> None:
    result = import_kaart(store, path=EXAMPLES / name)
    assert (result.created, result.updated) == (1, 0)
    detail = get_service(store, service_id=SERVICE_ID)
    assert detail.name == "Community Counselling"
    assert "Counselling Services provided by trained professionals" in detail.description


def test_nested_parts_of_the_full_service_arrive(store: Store) -> None:
    import_kaart(store, path=EXAMPLES / "service_full.json")
    detail = get_service(store, service_id=SERVICE_ID)
    assert detail.organization_name == "Example Organization Inc."
    assert detail.addresses == ("1-30 Main Street, ABC 1234 MyCity",)
    assert len(detail.slots) == 1 and detail.municipalities


@pytest.mark.parametrize("name", WITHOUT_SERVICES)
def test_a_file_without_services_says_so_and_imports_nothing(store: Store, name: str) -> None:
    with pytest.raises(ValidationError) as error:
        import_kaart(store, path=EXAMPLES / name)
    assert name in error.value.message and "geen diensten" in error.value.message
    assert list_services(store) == []


def test_cli_exits_non_zero_for_a_file_without_services(store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["kaart", "import", str(EXAMPLES / "organization_list.json"), "--db", str(store.path)])
    _out, err = capsys.readouterr()
    assert code != 0 and "organization_list.json" in err and "geen diensten" in err


def test_official_package_round_trip_gives_every_row_and_value_back(store: Store, tmp_path: Path) -> None:
    # GIVEN the official CSV package imported
    import_kaart(store, path=PACKAGE)
    # WHEN it is exported again as a package
    export_kaart(store, out=tmp_path / "out", format="hsds")
    # THEN every table, row and value is the same, field by field
    before, after = read_tables(PACKAGE), read_tables(tmp_path / "out")
    assert set(after) >= set(before)
    for file, rows in before.items():
        assert set(after[file]) == set(rows), file
        for row_id, row in rows.items():
            for column, value in row.items():
                assert after[file][row_id][column] == value, (file, column)


def test_second_exchange_updates_instead_of_duplicating(store: Store, tmp_path: Path) -> None:
    import_kaart(store, path=PACKAGE)
    export_kaart(store, out=tmp_path / "first", format="hsds")
    result = import_kaart(store, path=tmp_path / "first")
    export_kaart(store, out=tmp_path / "second", format="hsds")
    assert (result.created, result.updated) == (0, 1)
    assert read_tables(tmp_path / "second") == read_tables(tmp_path / "first")
    other = open_store(tmp_path / "other.db", create=True)
    try:
        import_kaart(other, path=tmp_path / "first")
        export_kaart(other, out=tmp_path / "third", format="hsds")
    finally:
        other.close()
    assert read_tables(tmp_path / "third") == read_tables(tmp_path / "first")


def test_an_edit_in_brugapp_wins_and_the_rest_stays(store: Store, tmp_path: Path) -> None:
    import_kaart(store, path=PACKAGE)
    detail = get_service(store, service_id=SERVICE_ID)
    save_service(store, service_id=SERVICE_ID, data=ServiceInput(
        name="Counselling voor jongeren", organization_name=detail.organization_name, description=detail.description,
        phone=detail.phones[0] if detail.phones else "", opening_hours=detail.slots,
        municipalities=detail.municipalities))
    export_kaart(store, out=tmp_path / "out", format="hsds")
    service = read_tables(tmp_path / "out")["services.csv"][SERVICE_ID]
    assert service["name"] == "Counselling voor jongeren"
    assert service["alert"].startswith("Following COVID-19")
    assert service["interpretation_services"] == "Interpretation services are available in Urdu, Polish, and Slovak"


@pytest.mark.parametrize("name", [*WITH_SERVICES, "csv"])
def test_every_export_validates_against_the_official_schemas(store: Store, tmp_path: Path, name: str) -> None:
    import_kaart(store, path=EXAMPLES / name)
    export_kaart(store, out=tmp_path / "out.json", format="json")
    export_kaart(store, out=tmp_path / "out", format="hsds")
    validator = official_validator()
    services = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert [s["id"] for s in services] == [SERVICE_ID]
    for service in services:
        errors = [e.message for e in validator.iter_errors(service)]
        assert errors == []
    descriptor = json.loads((OFFICIAL / "datapackage.json").read_text(encoding="utf-8"))
    declared = {r["path"]: r["schema"]["fields"] for r in descriptor["resources"]}
    for file in (tmp_path / "out").glob("*.csv"):
        with file.open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            assert reader.fieldnames == [f["name"] for f in declared[file.name]], file.name
            for row in reader:
                for field in declared[file.name]:
                    if field.get("constraints", {}).get("required"):
                        assert row[field["name"]], (file.name, field["name"])


def test_the_import_dialog_refuses_a_file_without_services_before_it_opens() -> None:
    from brugapp.services.kaart.importing import preview_import

    with pytest.raises(ValidationError) as error:
        preview_import(path=EXAMPLES / "taxonomy_term_list.json")
    assert "geen diensten" in error.value.message
    assert preview_import(path=EXAMPLES / "organization_full.json").row_count == 1


def leaves(value: object, path: str = "") -> set[tuple[str, str]]:
    """Every (path, value) of a JSON document, lists flattened: what a field-by-field comparison needs."""
    if isinstance(value, dict):
        return {leaf for key, child in value.items() for leaf in leaves(child, f"{path}.{key}")}
    if isinstance(value, list):
        return {leaf for child in value for leaf in leaves(child, f"{path}[]")}
    return {(path, json.dumps(value))}


@pytest.mark.parametrize(("name", "service_of"), [
    ("service_full.json", lambda data: data), ("organization_full.json", lambda data: data["services"][0]),
    ("service_at_location_full.json", lambda data: data["service"]),
    ("service_list.json", lambda data: data["contents"][0])])
def test_json_round_trip_keeps_every_nested_value(store: Store, tmp_path: Path, name: str, service_of) -> None:
    # GIVEN an official JSON example imported WHEN it is exported as HSDS JSON
    import_kaart(store, path=EXAMPLES / name)
    export_kaart(store, out=tmp_path / "out.json", format="json")
    [exported] = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    # THEN every value of the official service object is there, at the same place
    original = service_of(json.loads((EXAMPLES / name).read_text(encoding="utf-8")))
    assert leaves(original) - leaves(exported) == set()

"""The spreadsheets people really have: Belgian Excel CSV (cp1252 / UTF-8 with BOM) and XLSX."""

from __future__ import annotations

import csv
import datetime as dt
import shutil
from pathlib import Path

import pytest
from openpyxl import Workbook

from brugapp.errors import ValidationError
from brugapp.exchange.spreadsheet import guess_mapping, read_table
from brugapp.services.kaart.detail import get_service
from brugapp.services.kaart.export import export_kaart
from brugapp.services.kaart.importing import import_kaart, preview_import
from brugapp.services.kaart.query import KaartFilter, find_services, list_services
from tests.paths import TEST_DATA

DATA = TEST_DATA / "kaart"


@pytest.mark.parametrize("name", ["belgian_cp1252.csv", "belgian_utf8_bom.csv"])
def test_belgian_csv_with_accents_and_quoted_semicolons(store, name: str) -> None:
    # GIVEN a CSV saved by Belgian Excel: semicolons, quoted cells holding semicolons and quotes, accents
    # WHEN it is imported with the guessed column mapping
    result = import_kaart(store, path=DATA / name)
    # THEN every row became a service, letters intact, quoted semicolons kept inside the cell
    assert (result.created, result.updated) == (2, 0)
    services = {s.name: s for s in list_services(store)}
    assert set(services) == {"Opvang; ook 's avonds", "Schuldbemiddeling"}
    creche = get_service(store, service_id=services["Opvang; ook 's avonds"].id)
    assert creche.organization_name == "Crèche Sint-Éloi"
    assert creche.description == 'Kinderopvang met "inkomenstarief"; ook flexibele uren'
    assert creche.categories == ("parenting", "material")
    assert creche.contact is not None and creche.contact.name == "Françoise Dupré"
    assert creche.backup is not None and creche.backup.name == "Jürgen Öztürk"
    assert creche.assured_date == dt.date(2026, 9, 15)
    assert (creche.minimum_age, creche.maximum_age) == (0, 3)
    assert creche.addresses == ("Éloistraat 5, 8500 Kortrijk",)
    debt = get_service(store, service_id=services["Schuldbemiddeling"].id)
    assert debt.contact is not None and debt.contact.name == "Zoë Çelik"
    assert (debt.referral_route, debt.comes_to_school, debt.after_hours_phone) == ("via_clb", True, "056 00 01 99")
    assert debt.categories == ("debt",)
    # AND "who do I call for debts in Zwevegem" finds it
    assert [s.name for s in find_services(store, criteria=KaartFilter(text="schulden zwevegem"))] == [
        "Schuldbemiddeling"]


def test_preview_guesses_the_mapping_and_shows_first_rows() -> None:
    preview = preview_import(path=DATA / "belgian_cp1252.csv")
    assert preview.kind == "table" and preview.row_count == 2
    assert preview.mapping["organization"] == "Organisatie"
    assert preview.mapping["after_hours_phone"] == "Noodnummer"
    assert preview.rows[0][0] == "Crèche Sint-Éloi"


def test_xlsx_import_with_an_explicit_mapping(store, tmp_path: Path) -> None:
    # GIVEN an XLSX whose headers BrugApp cannot guess, and a mapping saying which column is which
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Wie", "Wat", "Soort", "Waar", "Tel", "Gecheckt"])
    sheet.append(["Huis van het Kind Menen", "Opvoedingswinkel", "opvoeding", "Menen", "056 00 03 03",
                  dt.datetime(2026, 3, 1)])
    sheet.append(["JAC Kortrijk", "Jongerenonthaal", "welzijn, crisis", "Kortrijk", 5600404, None])
    workbook.save(tmp_path / "kaart.xlsx")
    mapping = {"organization": "Wie", "service": "Wat", "categories": "Soort", "municipalities": "Waar",
               "phone": "Tel", "assured_date": "Gecheckt"}
    # WHEN imported
    result = import_kaart(store, path=tmp_path / "kaart.xlsx", mapping=mapping)
    # THEN both rows are there, with dates and numbers read from Excel cells
    assert result.created == 2
    services = {s.name: s for s in list_services(store)}
    assert services["Opvoedingswinkel"].assured_date == dt.date(2026, 3, 1)
    assert services["Opvoedingswinkel"].municipalities == ("Menen",)
    assert services["Jongerenonthaal"].categories == ("welfare", "crisis")
    assert services["Jongerenonthaal"].phone == "5600404"


def test_broken_csv_is_rejected_with_file_row_and_column_and_nothing_is_imported(store) -> None:
    # GIVEN a CSV whose third row has "twaalf" as an age
    with pytest.raises(ValidationError) as error:
        import_kaart(store, path=DATA / "broken_age.csv")
    # THEN the Dutch message names the file, the row and the column, and the good row was not kept either
    assert error.value.message == (
        "broken_age.csv, rij 3, kolom 'Leeftijd van': 'twaalf' is hier niet te begrijpen.")
    assert list_services(store) == []


def test_missing_required_column_in_mapping_is_explained(store) -> None:
    with pytest.raises(ValidationError) as error:
        import_kaart(store, path=DATA / "belgian_cp1252.csv", mapping={"service": "Dienst"})
    assert "Organisatie" in error.value.message and "belgian_cp1252.csv" in error.value.message


def test_reimporting_the_same_csv_updates_instead_of_duplicating(store, tmp_path: Path) -> None:
    import_kaart(store, path=DATA / "belgian_cp1252.csv")
    changed = tmp_path / "again.csv"
    text = (DATA / "belgian_cp1252.csv").read_bytes().decode("cp1252").replace("3 weken", "5 weken")
    changed.write_bytes(text.encode("cp1252"))
    result = import_kaart(store, path=changed)
    assert (result.created, result.updated, result.organizations_created) == (0, 2, 0)
    services = list_services(store)
    assert len(services) == 2
    debt = next(s for s in services if s.name == "Schuldbemiddeling")
    assert get_service(store, service_id=debt.id).wait_time == "5 weken"


def test_csv_export_opens_in_excel_and_reimports(store, tmp_path: Path) -> None:
    # GIVEN imported services
    import_kaart(store, path=DATA / "belgian_utf8_bom.csv")
    # WHEN exported as CSV for Excel
    export_kaart(store, out=tmp_path / "kaart.csv", format="csv")
    raw = (tmp_path / "kaart.csv").read_bytes()
    # THEN it starts with a BOM, uses semicolons, and reads back with the csv module
    assert raw.startswith(b"\xef\xbb\xbf")
    with (tmp_path / "kaart.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter=";"))
    assert {r["Dienst"] for r in rows} == {"Opvang; ook 's avonds", "Schuldbemiddeling"}
    assert guess_mapping(read_table(tmp_path / "kaart.csv").headers)["assured_date"] == "Laatst gecontroleerd"
    # AND importing the export into the same store changes nothing
    result = import_kaart(store, path=tmp_path / "kaart.csv")
    assert (result.created, result.updated) == (0, 2)
    assert len(list_services(store)) == 2


def test_unknown_file_type_is_refused(store, tmp_path: Path) -> None:
    odd = tmp_path / "kaart.docx"
    shutil.copy(DATA / "belgian_cp1252.csv", odd)
    with pytest.raises(ValidationError):
        import_kaart(store, path=odd)

"""Issue 13: the spreadsheets that broke before. Each bad file gets a message naming the real problem, file
and row, and leaves the map as it was; a big file streams in one transaction with progress."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import pytest
from openpyxl import Workbook

from brugapp.errors import ValidationError
from brugapp.services.kaart.detail import get_service
from brugapp.services.kaart.export import export_kaart
from brugapp.services.kaart.importing import import_kaart, preview_import
from brugapp.services.kaart.query import list_services
from brugapp.store import Store
from tests.unit.exchange.test_hsds_official import official_validator

HEADER = ["Organisatie", "Dienst", "Adres", "Postcode", "Gemeente", "Website", "Laatst gecontroleerd"]
ROW = ["Crèche Sint-Éloi", "Opvang ’s avonds", "Kattestraat 23", "9500", "Geraardsbergen", "www.sint-eloi.be",
       "12 september 2026"]


def write(path: Path, rows: list[list[str]], encoding: str = "utf-8") -> Path:
    with path.open("w", encoding=encoding, newline="") as fh:
        csv.writer(fh, delimiter=";", lineterminator="\r\n").writerows(rows)
    return path


def only_service(store: Store):
    [summary] = list_services(store)
    return get_service(store, service_id=summary.id)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1252"])
def test_every_common_encoding_keeps_the_accents(store: Store, tmp_path: Path, encoding: str) -> None:
    row = [cell.replace("’", "'") for cell in ROW] if encoding == "cp1252" else ROW
    import_kaart(store, path=write(tmp_path / "kaart.csv", [HEADER, row], encoding))
    detail = only_service(store)
    assert detail.organization_name == "Crèche Sint-Éloi"
    assert detail.name == row[1]


def test_gemeente_is_the_address_town_and_dutch_dates_and_websites_are_understood(store: Store,
                                                                                    tmp_path: Path) -> None:
    import_kaart(store, path=write(tmp_path / "kaart.csv", [HEADER, ROW]))
    detail = only_service(store)
    assert detail.addresses == ("Kattestraat 23, 9500 Geraardsbergen",)
    assert detail.municipalities == ("Geraardsbergen",)
    assert detail.assured_date == dt.date(2026, 9, 12)
    export_kaart(store, out=tmp_path / "out.json", format="json")
    [service] = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert [e.message for e in official_validator().iter_errors(service)] == []
    assert service["url"] == "https://www.sint-eloi.be"
    address = service["service_at_locations"][0]["location"]["addresses"][0]
    assert (address["address_1"], address["postal_code"], address["city"]) == ("Kattestraat 23", "9500",
                                                                               "Geraardsbergen")


def test_a_row_with_more_cells_than_the_header_is_refused(store: Store, tmp_path: Path) -> None:
    path = write(tmp_path / "verschoven.csv", [HEADER, ROW, ["CAW", "Onthaal", "Straat 1", "8500", "Kortrijk",
                                                              "", "", "verschoven cel"]])
    with pytest.raises(ValidationError) as error:
        import_kaart(store, path=path)
    assert "verschoven.csv, rij 3" in error.value.message and "8 cellen" in error.value.message
    assert list_services(store) == []


@pytest.mark.parametrize("content", [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10",
                                     bytes(range(256)) * 4])
def test_a_binary_file_is_not_a_text_file(store: Store, tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "foto.csv"
    path.write_bytes(content)
    with pytest.raises(ValidationError) as error:
        preview_import(path=path)
    assert "foto.csv" in error.value.message and "geen tekstbestand" in error.value.message
    with pytest.raises(ValidationError):
        import_kaart(store, path=path)
    assert list_services(store) == []


def test_a_formula_without_a_value_is_named_as_a_formula(store: Store, tmp_path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(HEADER)
    sheet.append([*ROW[:-1], "=TODAY()-30"])  # openpyxl stores the formula without a calculated value
    workbook.save(tmp_path / "kaart.xlsx")
    with pytest.raises(ValidationError) as error:
        import_kaart(store, path=tmp_path / "kaart.xlsx")
    message = error.value.message
    assert "kaart.xlsx, rij 2, kolom 'Laatst gecontroleerd'" in message and "formule '=TODAY()-30'" in message
    assert list_services(store) == []


def test_a_big_file_streams_with_progress_and_a_late_error_leaves_nothing(store: Store, tmp_path: Path) -> None:
    rows = [HEADER] + [[f"Organisatie {n // 4}", f"Dienst {n}", f"Straat {n}", "8500", "Kortrijk", "", "2026-01-02"]
                       for n in range(1200)]
    reports: list[tuple[int, int]] = []
    bad = write(tmp_path / "groot.csv", [*rows, ["Organisatie X", "Dienst X", "", "", "", "", "morgen"]])
    with pytest.raises(ValidationError) as error:
        import_kaart(store, path=bad, progress=lambda done, total: reports.append((done, total)))
    assert "groot.csv, rij 1202" in error.value.message
    assert reports and reports[-1][1] == 1201  # progress was reported while reading
    assert list_services(store) == []
    reports.clear()
    result = import_kaart(store, path=write(tmp_path / "goed.csv", rows),
                          progress=lambda done, total: reports.append((done, total)))
    assert (result.created, result.organizations_created) == (1200, 300)
    assert len(reports) >= 3 and reports[-1] == (1200, 1200)
    preview = preview_import(path=tmp_path / "goed.csv")
    assert preview.row_count == 1200 and len(preview.rows) == 20
    # a second import of the same file updates, it does not duplicate
    again = import_kaart(store, path=tmp_path / "goed.csv")
    assert (again.created, again.updated) == (0, 1200)
    assert len(list_services(store)) == 1200

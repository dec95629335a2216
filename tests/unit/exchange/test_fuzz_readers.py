"""Issue 13: random and malformed files fed to the spreadsheet and HSDS readers. Whatever comes in, the
import either works or stops with a translated message that names the file; never another exception, and
after a refusal the map holds exactly what it held before."""

from __future__ import annotations

import csv
import io
import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from brugapp.errors import ValidationError
from brugapp.exchange.hsds_source import datapackage
from brugapp.exchange.spreadsheet import FIELDS
from brugapp.services.kaart.importing import import_kaart
from brugapp.services.kaart.query import list_services
from brugapp.store import Store

FUZZ = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
HEADERS = [spec.synonyms[0] for spec in FIELDS] + ["", "Opmerking", "Organisatie", "Dienst"]
CELL = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12) | st.sampled_from(
    ["", "ja", "nee", "12 september 2026", "31/02/2026", "ma-vr 9-17", "24/7", "welzijn", "schulden", "-5", "abc",
     "=SUM(A1)", '"', ";", "\n", "https://x.be", "www.x.be", "056 00 10 10"])
HSDS_KEYS = ["id", "name", "organization", "organization_id", "services", "service", "phones", "number",
             "schedules", "opens_at", "closes_at", "byday", "status", "contents", "location", "addresses",
             "service_at_locations", "contacts", "attributes", "taxonomy_term", "minimum_age", "assured_date",
             "service_areas", "description"]
JSON_VALUE = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 10**12) | st.floats(allow_nan=False) | CELL
    | st.sampled_from(["8d1f1d4e-3b3e-4b5f-9a3e-0a0b0c0d0e0f", "active", "09:00", "2026-13-01"]),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.sampled_from(HSDS_KEYS), children,
                                                                        max_size=6),
    max_leaves=25)


def refused_or_imported(store: Store, path: Path) -> None:
    before = len(list_services(store))
    try:
        import_kaart(store, path=path)
    except ValidationError as error:
        named = (path.name, ".csv", ".json", "datapackage")  # the file, or the table file inside a package
        assert any(name in error.message for name in named), error.message
        assert len(list_services(store)) == before, "a refused file left something behind"


@FUZZ
@given(rows=st.lists(st.lists(CELL, min_size=1, max_size=9), max_size=6),
       header=st.lists(st.sampled_from(HEADERS), min_size=1, max_size=9),
       encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"]),
       delimiter=st.sampled_from([";", ",", "\t"]))
def test_random_spreadsheets(store: Store, rows: list[list[str]], header: list[str], encoding: str,
                             delimiter: str) -> None:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter).writerows([header, *rows])
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "kaart.csv"
        path.write_bytes(buffer.getvalue().encode(encoding, errors="replace"))
        refused_or_imported(store, path)


@FUZZ
@given(content=st.binary(max_size=400), suffix=st.sampled_from([".csv", ".xlsx", ".json", ".txt"]))
def test_random_bytes(store: Store, content: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"bestand{suffix}"
        path.write_bytes(content)
        refused_or_imported(store, path)


@FUZZ
@given(data=JSON_VALUE)
def test_random_hsds_json(store: Store, data: object) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "hsds.json"
        path.write_text(json.dumps(data), encoding="utf-8")
        refused_or_imported(store, path)


TABLES = {r["name"]: (r["path"], [f["name"] for f in r["schema"]["fields"]]) for r in datapackage()["resources"]}


@FUZZ
@given(tables=st.dictionaries(
    st.sampled_from(["organization", "service", "phone", "schedule", "service_at_location", "location", "address",
                     "contact", "attribute", "taxonomy_term", "language", "program"]),
    st.lists(st.lists(CELL | st.sampled_from(["o1", "s1", "l1", "8d1f1d4e-3b3e-4b5f-9a3e-0a0b0c0d0e0f"]),
                      min_size=1, max_size=12), max_size=3), max_size=6),
    broken_descriptor=st.booleans())
def test_random_hsds_packages(store: Store, tables: dict[str, list[list[str]]], broken_descriptor: bool) -> None:
    with tempfile.TemporaryDirectory() as folder:
        package = Path(folder) / "pakket"
        package.mkdir()
        descriptor = "{niet geldig" if broken_descriptor else json.dumps(datapackage())
        (package / "datapackage.json").write_text(descriptor, encoding="utf-8")
        for table, rows in tables.items():
            file, columns = TABLES[table]
            buffer = io.StringIO()
            csv.writer(buffer).writerows([columns, *rows])
            (package / file).write_text(buffer.getvalue(), encoding="utf-8")
        refused_or_imported(store, package)

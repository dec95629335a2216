"""The one plain record of a service (domain/kaart_record.py): every shape carries its facts, and every fact the
edit form writes comes back unchanged from the CSV and the HSDS exchange, driven by the field list itself, so
a field added to the record is covered without a new test."""

from __future__ import annotations

import csv
import datetime as dt
import json
from dataclasses import fields
from pathlib import Path

import pytest
from sqlalchemy import inspect

from brugapp.domain import kaart_record
from brugapp.domain.kaart_record import FACT_NAMES, FACTS, FORM_FACTS, FactSpec, extra_lines
from brugapp.exchange import spreadsheet
from brugapp.exchange.records import ServiceRecord
from brugapp.services.kaart.detail import ServiceDetail, get_service
from brugapp.services.kaart.edit import ServiceInput, delete_service, save_service
from brugapp.services.kaart.export import export_kaart
from brugapp.services.kaart.importing import import_kaart
from brugapp.services.kaart.query import KaartFilter, find_services
from brugapp.services.kaart.wegwijzer import export_wegwijzer
from brugapp.store.models.kaart import KaartService
from tests.unit.printing.helpers import pdf_pages

# A value per kind that every format can carry and tell apart from the default.
_SAMPLES = {"age": 7, "flag": True, "route": "via_clb", "status": "inactive", "date": dt.date(2026, 3, 2)}
_SPECIAL = {"email": "onthaal@example.be", "url": "https://onthaal.example.be/", "maximum_age": 18}


def _sample(spec: FactSpec) -> object:
    return _SPECIAL.get(spec.name, _SAMPLES.get(spec.kind, f"{spec.name.replace('_', ' ')} van het Onthaal"))


def _form_values() -> dict[str, object]:
    return {spec.name: _sample(spec) for spec in FORM_FACTS}


def test_every_fact_is_a_store_column_and_a_field_of_every_shape() -> None:
    columns = {c.key for c in inspect(KaartService).columns}
    assert set(FACT_NAMES) <= columns
    for shape in (ServiceInput, ServiceDetail, ServiceRecord):
        assert set(FACT_NAMES) <= {f.name for f in fields(shape)}, shape.__name__
    # the CSV has a column for every fact added to the record
    assert {f.name for f in kaart_record.EXTRA_FACTS} <= set(spreadsheet.FIELD_KEYS)


def _only_service(store) -> str:
    (service,) = find_services(store, criteria=KaartFilter())
    return service.id


@pytest.mark.parametrize("format", ["csv", "json"])
def test_every_fact_the_form_writes_survives_an_export_and_import(store, tmp_path: Path, format: str) -> None:
    # GIVEN a service with every fact of the edit form filled in
    wanted = _form_values()
    service_id = save_service(store, service_id=None, data=ServiceInput(
        name="Onthaal", organization_name="CAW Oost-Vlaanderen", municipalities=("Gent",), **wanted))
    saved = get_service(store, service_id=service_id)
    assert {name: getattr(saved, name) for name in wanted} == wanted
    # WHEN the map is exported, emptied and the file imported again
    out = tmp_path / f"kaart.{format}"
    export_kaart(store, out=out, format=format)
    delete_service(store, service_id=service_id)
    import_kaart(store, path=out)
    # THEN every fact is back as it was
    back = get_service(store, service_id=_only_service(store))
    assert {name: getattr(back, name) for name in wanted} == wanted


def test_the_exported_files_hold_the_facts_for_an_independent_reader(store, tmp_path: Path) -> None:
    save_service(store, service_id=None, data=ServiceInput(name="Onthaal", organization_name="CAW", **_form_values()))
    export_kaart(store, out=tmp_path / "k.csv", format="csv")
    export_kaart(store, out=tmp_path / "k.json", format="json")
    with (tmp_path / "k.csv").open(encoding="utf-8-sig") as fh:
        row = list(csv.reader(fh, delimiter=";"))[1]
    (service,) = json.loads((tmp_path / "k.json").read_text("utf-8"))
    for spec in FORM_FACTS:
        if spec.kind in ("line", "text"):
            assert _sample(spec) in row, spec.name
    assert service["wait_time"] == "wait time van het Onthaal"
    assert any(a.get("value") == "not offered van het Onthaal" for a in service["attributes"])


def test_a_field_added_to_the_record_prints_in_the_guide(store, tmp_path, monkeypatch) -> None:
    # GIVEN a fact without its own place (as a new field would be), here the fees under another label
    monkeypatch.setattr(kaart_record, "EXTRA_FACTS", (FactSpec("fees", "Toegankelijk voor iedereen", "line"),))
    service_id = save_service(store, service_id=None, data=ServiceInput(
        name="Onthaal", organization_name="CAW", fees="rolstoel en gebarentolk", municipalities=("Gent",)))
    assert extra_lines(get_service(store, service_id=service_id)) == (
        ("Toegankelijk voor iedereen", "rolstoel en gebarentolk"),)
    # WHEN the school's guide is printed
    pdf = export_wegwijzer(store, out=tmp_path / "gids.pdf", audience="school").path
    # THEN it shows the fact with its label
    text = " ".join(" ".join(page.split()) for page in pdf_pages(pdf))
    assert "Toegankelijk voor iedereen: rolstoel en gebarentolk" in text


def test_the_field_list_is_declared_once_in_the_order_of_the_record() -> None:
    assert tuple(f.name for f in fields(kaart_record.ServiceFacts)) == FACT_NAMES
    assert len(set(FACT_NAMES)) == len(FACTS)

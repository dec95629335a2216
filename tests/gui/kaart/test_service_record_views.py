"""The edit dialog and the detail pane follow the record's field list (domain/kaart_record.py)."""

from __future__ import annotations

import datetime as dt

from brugapp.domain import kaart_record
from brugapp.domain.kaart_record import FORM_FACTS, FactSpec
from brugapp.services.kaart.detail import get_service
from brugapp.services.kaart.edit import ServiceInput, save_service
from brugapp.ui.kaart.detail import detail_html
from brugapp.ui.kaart.dialogs import ServiceDialog

# A value per kind that the form can carry and tell apart from the default; a field added to the record is covered.
_SAMPLES = {"age": 7, "flag": True, "route": "self", "status": "inactive"}
_SPECIAL = {"email": "onthaal@example.be", "url": "https://onthaal.example.be", "maximum_age": 18}
FILLED = {spec.name: _SPECIAL.get(spec.name, _SAMPLES.get(spec.kind, f"{spec.name} van het Onthaal"))
          for spec in FORM_FACTS}


def test_the_dialog_has_a_field_for_every_fact_and_gives_them_back_unchanged(qtbot, store) -> None:
    # GIVEN a service with every fact of the form filled in
    detail = get_service(store, service_id=save_service(store, service_id=None, data=ServiceInput(
        name="Onthaal", organization_name="CAW", **FILLED)))
    # WHEN it is opened in the edit dialog and saved as it is
    dialog = ServiceDialog(detail)
    qtbot.addWidget(dialog)
    dialog.save()
    # THEN every fact comes back as it was, and the errors can point at each of them
    value = dialog.value()
    assert value is not None
    assert {name: getattr(value, name) for name in FILLED} == FILLED
    assert {spec.name for spec in FORM_FACTS} <= set(dialog.fields)


def test_a_field_added_to_the_record_shows_in_the_detail_pane(store, monkeypatch) -> None:
    # GIVEN a fact without its own place (as a new field would be), here the fees under another label
    monkeypatch.setattr(kaart_record, "EXTRA_FACTS", (FactSpec("fees", "Toegankelijk voor iedereen", "line"),))
    detail = get_service(store, service_id=save_service(store, service_id=None, data=ServiceInput(
        name="Onthaal", organization_name="CAW", fees="rolstoel en gebarentolk")))
    # WHEN the detail pane is drawn
    html = detail_html(detail, today=dt.date(2026, 12, 2), now=dt.datetime(2026, 12, 2, 10, tzinfo=dt.UTC))
    # THEN it has a row with the label and the value
    assert "Toegankelijk voor iedereen" in html and "rolstoel en gebarentolk" in html

"""Issue 14: the access export (GDPR art. 15) holds everything about the family, as PDF and JSON."""

from __future__ import annotations

import json

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from brugapp.cli import main
from brugapp.errors import ValidationError
from brugapp.services.families.access_export import export_access
from brugapp.store.models import AuditEntry
from tests.unit.privacy.conftest import QUESTION, SECRET_NOTE, WITHHELD

EVERYTHING = ("Gezin Vermeulen", "Greet", "Yasmina", "+32 470 12 34 56", "greet@example.be", "Moeder werkt",
              "Sarah Claes", SECRET_NOTE, QUESTION, WITHHELD, "Bellen met Greet", "Schuldhulpverlening")


def test_json_holds_every_record_of_the_family_and_nothing_of_others(store, vermeulen, tmp_path):
    out = export_access(store, family_id=vermeulen["family"], out=tmp_path / "inzage.json")
    data = json.loads(out.read_text(encoding="utf-8"))  # read back with the standard parser
    assert data["format"] == "brugapp-access-export" and data["family_id"] == vermeulen["family"]
    flat = json.dumps(data, ensure_ascii=False)
    assert [value for value in EVERYTHING if value not in flat] == []
    assert "Benali" not in flat and "UiTPAS" not in flat
    assert [m["first_name"] for m in data["members"]] == ["Greet", "Yasmina"]
    assert data["contacts"][0]["at"] == "2023-05-30 08:30"  # Brussels wall time, as it was typed
    assert len(data["referrals"]) == 1 and data["consents"][0]["withheld"] == WITHHELD


def test_pdf_is_readable_and_complete(store, vermeulen, tmp_path):
    out = export_access(store, family_id=vermeulen["family"], out=tmp_path / "inzage.pdf")
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(str(out)).pages)
    assert [value for value in EVERYTHING if value not in text] == []
    assert "Benali" not in text
    assert "Wat we over jullie bewaren" in text or "Gezin Vermeulen" in text


def test_export_is_audited_without_content(store, vermeulen, tmp_path):
    export_access(store, family_id=vermeulen["family"], out=tmp_path / "inzage.json")
    with store.read() as session:
        entries = [(a.action, a.subject_uuid, a.detail) for a in session.scalars(select(AuditEntry))]
    assert entries == [("export", vermeulen["family"], "access_export.json")]


def test_wrong_extension_is_refused_and_nothing_written(store, vermeulen, tmp_path):
    with pytest.raises(ValidationError) as refused:
        export_access(store, family_id=vermeulen["family"], out=tmp_path / "inzage.docx")
    assert refused.value.field == "out" and not (tmp_path / "inzage.docx").exists()


def test_cli_family_export_access(store, vermeulen, tmp_path, capsys):
    out = tmp_path / "inzage.json"
    assert main(["family", "export-access", vermeulen["family"], str(out), "--db", str(store.path)]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["family"][0]["name"] == "Gezin Vermeulen"
    assert main(["family", "export-access", "geen-id", str(out), "--db", str(store.path)]) == 2


def test_family_view_writes_the_access_export(qtbot, store, vermeulen, tmp_path, monkeypatch):
    from brugapp.ui.families import access_export_action
    from brugapp.ui.families.family_view import FamilyView

    shown: list[str] = []
    monkeypatch.setattr(access_export_action.QMessageBox, "information",
                        lambda parent, title, text: shown.append(text))
    view = FamilyView(store)
    qtbot.addWidget(view)
    view.show_family(vermeulen["family"])
    assert view.access_button.text() == "Inzage …"
    operation = access_export_action.export_access_for(view, store, vermeulen["family"], path=tmp_path / "i.json")
    with qtbot.waitSignal(operation.done, timeout=10000):
        pass
    assert json.loads((tmp_path / "i.json").read_text(encoding="utf-8"))["family_id"] == vermeulen["family"]
    assert shown and "i.json" in shown[0]

"""``brugapp kaart import|export|find`` and ``brugapp list services|organizations``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from brugapp.cli import main
from brugapp.store import Store
from tests.paths import TEST_DATA

DATA = TEST_DATA / "kaart"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_import_find_list_and_export(store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(store.path)
    code, out, _err = run(capsys, "kaart", "import", str(DATA / "belgian_cp1252.csv"), "--db", db)
    assert code == 0 and "2 nieuwe" in out
    code, out, _err = run(capsys, "kaart", "find", "schulden", "--json", "--db", db)
    found = json.loads(out)
    assert [f["service"] for f in found] == ["Schuldbemiddeling"]
    assert found[0]["after_hours_phone"] == "056 00 01 99"
    code, out, _err = run(capsys, "kaart", "find", "--after-hours", "--open-now", "--at", "2026-11-25T20:00",
                          "--db", db)
    assert out.startswith("056 00 01 99\tSchuldbemiddeling")
    code, out, _err = run(capsys, "list", "services", "--json", "--db", db)
    assert len(json.loads(out)) == 2
    code, out, _err = run(capsys, "list", "organizations", "--db", db)
    assert "Crèche Sint-Éloi" in out
    code, out, _err = run(capsys, "kaart", "export", str(tmp_path / "kaart.json"), "--format", "json", "--db", db)
    assert code == 0 and len(json.loads((tmp_path / "kaart.json").read_text(encoding="utf-8"))) == 2


def test_cli_import_with_mapping_and_a_clear_error(store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(store.path)
    code, _out, err = run(capsys, "kaart", "import", str(DATA / "broken_age.csv"), "--db", db)
    assert code == 2 and "broken_age.csv, rij 3, kolom 'Leeftijd van'" in err
    mapping = json.dumps({"organization": "Organisatie", "service": "Dienst"})
    code, out, _err = run(capsys, "kaart", "import", str(DATA / "broken_age.csv"), "--mapping", mapping, "--db", db)
    assert code == 0 and "2 nieuwe" in out  # only the mapped columns are read, so the bad age is ignored


def test_cli_pdf_export_names_the_wegwijzer(store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(store.path)
    run(capsys, "kaart", "import", str(DATA / "belgian_cp1252.csv"), "--db", db)
    out_file = tmp_path / "wegwijzer.pdf"
    code, out, _err = run(capsys, "kaart", "export", str(out_file), "--format", "pdf", "--db", db)
    assert code == 0 and out_file.stat().st_size > 0
    assert out.strip() == f"Wegwijzer met 2 diensten geschreven naar {out_file}"

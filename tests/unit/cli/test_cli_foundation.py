"""The headless surface: version, demo store, list, self-test, clear errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from brugapp import __version__
from brugapp.cli import main
from tests.conftest import TEST_PASSPHRASE


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    assert main(["demo", "create", str(path), "--plain"]) == 0
    return path


def test_python_dash_m_prints_the_version() -> None:
    result = subprocess.run([sys.executable, "-m", "brugapp", "--version"], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == f"BrugApp {__version__}"


def test_list_families_as_json_has_stable_ids(demo_db: Path, capsys) -> None:
    assert main(["list", "families", "--db", str(demo_db), "--json"]) == 0
    first = json.loads(capsys.readouterr().out)
    assert len(first) >= 40
    assert all(set(item) == {"id", "label"} for item in first)
    assert main(["--db", str(demo_db), "list", "families", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == first


def test_list_schools_as_lines(demo_db: Path, capsys) -> None:
    assert main(["list", "schools", "--db", str(demo_db)]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert any("Basisschool Sint-Jozef – Overleie" in line for line in lines)
    assert all(len(line.split("\t")) == 2 for line in lines)


def test_demo_create_encrypts_with_the_passphrase_from_the_environment(tmp_path: Path, monkeypatch, capsys) -> None:
    path = tmp_path / "enc.db"
    monkeypatch.setenv("BRUGAPP_PASSPHRASE", TEST_PASSPHRASE)
    assert main(["demo", "create", str(path)]) == 0
    assert not path.read_bytes().startswith(b"SQLite format 3")
    capsys.readouterr()
    assert main(["list", "schools", "--db", str(path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)
    monkeypatch.setenv("BRUGAPP_PASSPHRASE", "een verkeerde zin")
    assert main(["list", "schools", "--db", str(path)]) == 2
    assert "wachtwoordzin klopt niet" in capsys.readouterr().err


def test_demo_create_without_passphrase_or_over_an_existing_file_fails(demo_db: Path, tmp_path: Path, capsys) -> None:
    assert main(["demo", "create", str(tmp_path / "new.db")]) == 2
    assert "BRUGAPP_PASSPHRASE" in capsys.readouterr().err
    assert not (tmp_path / "new.db").exists()
    assert main(["demo", "create", str(demo_db), "--plain"]) == 2
    assert "bestaat al" in capsys.readouterr().err


def test_missing_store_is_a_clear_error(tmp_path: Path, capsys) -> None:
    assert main(["list", "families", "--db", str(tmp_path / "nergens.db")]) == 2
    assert "Geen gegevensbestand" in capsys.readouterr().err


def test_self_test_renders_every_page_and_dialog_and_leaves_the_window_settings(
        demo_db: Path, tmp_path: Path, capsys) -> None:
    from brugapp.ui.shell.main_window import app_settings

    # GIVEN the user left BrugApp on Opvolging
    settings = app_settings()
    settings.setValue("main/section", "followups")
    settings.sync()
    out = tmp_path / "views"
    assert main(["self-test", "--db", str(demo_db), "--out", str(out)]) == 0
    pngs = sorted(p.name for p in out.glob("*.png"))
    pages = {f"{key}.png" for key in ("today", "families", "kaart", "referrals", "followups", "meetings", "reports")}
    assert pages <= set(pngs)
    assert len([name for name in pngs if name.startswith("dialog-")]) >= 20
    assert all((out / name).stat().st_size > 3000 for name in pngs)
    assert "Zelftest geslaagd" in capsys.readouterr().out
    # THEN the next start still opens where the user left it
    assert app_settings().value("main/section") == "followups"


def test_backup_list_and_restore_through_the_cli(tmp_path: Path, monkeypatch, capsys) -> None:
    # GIVEN an encrypted store with a backup taken before a family was added
    from brugapp.store import open_store
    from tests.factories import make_family

    monkeypatch.setenv("BRUGAPP_PASSPHRASE", TEST_PASSPHRASE)
    path = tmp_path / "s.db"
    store = open_store(path, passphrase=TEST_PASSPHRASE, create=True)
    make_family(store, display_name="Gezin Claeys")
    store.close()
    assert main(["backup", "--db", str(path)]) == 0
    store = open_store(path, passphrase=TEST_PASSPHRASE)
    make_family(store, display_name="Gezin Willems")
    store.close()
    capsys.readouterr()
    assert main(["backup", "--list", "--db", str(path)]) == 0
    backups = capsys.readouterr().out.split()
    assert len(backups) == 1
    # WHEN it is restored
    assert main(["restore", backups[0], "--db", str(path)]) == 0
    # THEN the store is as it was, and the replaced state was itself backed up first
    capsys.readouterr()
    assert main(["list", "families", "--db", str(path), "--json"]) == 0
    assert [f["label"] for f in json.loads(capsys.readouterr().out)] == ["Gezin Claeys"]
    assert main(["backup", "--list", "--db", str(path)]) == 0
    assert any("before-restore" in line for line in capsys.readouterr().out.split())


def test_restore_refuses_a_backup_that_does_not_open(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("BRUGAPP_PASSPHRASE", TEST_PASSPHRASE)
    bogus = tmp_path / "bogus.db"
    bogus.write_bytes(b"not a database at all" * 100)
    target = tmp_path / "s.db"
    assert main(["demo", "create", str(target)]) == 0
    before = target.read_bytes()
    assert main(["restore", str(bogus), "--db", str(target)]) == 2
    assert "is beschadigd" in capsys.readouterr().err  # a cut-off file is damage, not a wrong passphrase
    assert target.read_bytes() == before


def test_output_into_a_closed_pipe_exits_quietly(demo_db: Path) -> None:
    # GIVEN a reader that goes away before the listing is written (as `| head -1` does)
    reader, writer = os.pipe()
    os.close(reader)
    try:
        result = subprocess.run([sys.executable, "-m", "brugapp", "list", "families", "--db", str(demo_db)],
                                stdout=writer, stderr=subprocess.PIPE, text=True, timeout=60)
    finally:
        os.close(writer)
    # THEN no traceback, just the exit code a shell gives a command cut off by a pipe
    assert result.stderr == ""
    assert result.returncode == 141


def test_followups_write_dates_like_the_rest_of_the_app(demo_db: Path, capsys) -> None:
    import re

    assert main(["followups", "--db", str(demo_db)]) == 0
    rows = [line.split("\t") for line in capsys.readouterr().out.splitlines()]
    assert rows
    assert all(re.fullmatch(r"\d{1,2} [a-z]{3,4}\.? \d{4}", row[1]) for row in rows), rows[:3]


def test_followups_as_json_are_objects_with_named_fields(demo_db: Path, capsys) -> None:
    """The follow-ups are NamedTuple records (start-up time): JSON still gives each one as an object, not a list."""
    assert main(["followups", "--db", str(demo_db), "--json"]) == 0
    followups = json.loads(capsys.readouterr().out)
    assert followups, "the demo store has follow-ups due this week"
    assert all(isinstance(item, dict) for item in followups)
    assert {"id", "title", "due", "family_name", "bucket"} <= set(followups[0])
    assert all(len(item["due"]) == 10 for item in followups)  # an ISO date, 2026-12-03

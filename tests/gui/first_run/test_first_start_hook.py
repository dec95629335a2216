"""Starting BrugApp without a store opens the welcome wizard (not the bare passphrase dialog)."""

from __future__ import annotations

import sys
from pathlib import Path

from brugapp.ui.app import run_gui


def test_first_start_opens_the_wizard_and_a_cancel_writes_nothing(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run_gui installs its crash dialog hook
    asked: list[Path] = []

    def cancelled_wizard(location: Path, parent=None):
        asked.append(location)
        return None

    def no_unlock(location: Path):
        raise AssertionError("the unlock dialog is for an existing store")

    monkeypatch.setattr("brugapp.ui.first_run.run_first_run", cancelled_wizard)
    monkeypatch.setattr("brugapp.ui.app.ask_for_store", no_unlock)
    location = tmp_path / "nieuw.db"
    assert run_gui(db=str(location), demo=False, language="nl") == 1
    assert asked == [location]
    assert not location.exists()

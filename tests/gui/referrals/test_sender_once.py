"""Printing a referral sheet asks once for the brugfiguur's details when phone or e-mail are missing (issue 12)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget

from brugapp.settings import Settings, load_settings, save_settings
from brugapp.ui.referrals import dialogs as referrals_dialogs
from brugapp.ui.shell.settings_dialog import SettingsDialog


@pytest.fixture(autouse=True)
def own_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BRUGAPP_HOME", str(tmp_path / "home"))
    monkeypatch.setattr(referrals_dialogs, "_ASKED_FOR_SENDER", [])


def test_missing_details_are_asked_once_and_used(qtbot, monkeypatch):
    # GIVEN "Mijn gegevens" without phone and e-mail
    save_settings(Settings(worker_name="Sarah Vandamme"))
    opened: list[SettingsDialog] = []

    def fill_in(dialog: SettingsDialog) -> int:  # what the brugfiguur types in the dialog that opens
        opened.append(dialog)
        dialog.role_box.setCurrentIndex(dialog.role_box.findData("brugfiguur"))
        dialog.phone_edit.setText("056 00 00 00")
        dialog.email_edit.setText("sarah@example.be")
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(SettingsDialog, "exec", fill_in)
    parent = QWidget()
    qtbot.addWidget(parent)
    # WHEN a sheet is printed twice
    first = referrals_dialogs.ask_sender_once(parent)
    second = referrals_dialogs.ask_sender_once(parent)
    # THEN the dialog opened once, and the sender block gets role, phone and e-mail
    assert len(opened) == 1
    assert (first.worker_role, first.worker_phone, first.worker_email) == (
        "brugfiguur", "+32 56 00 00 00", "sarah@example.be")
    assert referrals_dialogs.sender_of(second)["sender_role"] == "Brugfiguur"
    assert load_settings().worker_email == "sarah@example.be"


def test_not_asked_again_after_cancel(qtbot, monkeypatch):
    save_settings(Settings())
    calls: list[int] = []
    monkeypatch.setattr(SettingsDialog, "exec", lambda dialog: calls.append(1) or 0)
    parent = QWidget()
    qtbot.addWidget(parent)
    referrals_dialogs.ask_sender_once(parent)
    referrals_dialogs.ask_sender_once(parent)
    assert calls == [1]  # the sheet prints with lines to fill in by hand; no second nag

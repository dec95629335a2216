"""Instellingen → Mijn gegevens: validated, saved, applied to the lock, and printed on the referral sheet."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from brugapp.domain.clock import today_local
from brugapp.domain.consent import Purpose, RecipientKind
from brugapp.services.referrals.consent import record_consent
from brugapp.services.referrals.referrals import create_referral, get_referral
from brugapp.settings import Settings, load_settings, save_settings
from brugapp.ui.referrals.dialogs import PrintSheetDialog
from brugapp.ui.shell.settings_dialog import SettingsDialog
from tests.factories import make_family
from tests.unit.referrals.test_referral_scenarios import kaart_service


@pytest.fixture(autouse=True)
def own_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BRUGAPP_HOME", str(tmp_path / "home"))


def _save(qtbot, dialog: SettingsDialog) -> None:
    qtbot.mouseClick(dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save),
                     Qt.MouseButton.LeftButton)


def test_dialog_saves_my_details_with_a_normalised_phone(qtbot):
    save_settings(Settings(last_channel="telefoon"))
    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.name_edit, "Sarah Vandamme")
    dialog.organisation_edit.setText("Stad Kortrijk – Onderwijs")  # QTest cannot type an en dash
    qtbot.keyClicks(dialog.phone_edit, "0470 00 00 01")
    qtbot.keyClicks(dialog.email_edit, "sarah@example.be")
    dialog.lock_spin.setValue(5)
    _save(qtbot, dialog)
    assert dialog.result() == dialog.DialogCode.Accepted
    saved = load_settings()
    assert (saved.worker_name, saved.worker_organisation, saved.worker_phone, saved.worker_email,
            saved.auto_lock_minutes, saved.last_channel) == (
        "Sarah Vandamme", "Stad Kortrijk – Onderwijs", "+32 470 00 00 01", "sarah@example.be", 5, "telefoon")


def test_dialog_refuses_a_bad_phone_and_names_it(qtbot):
    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.phone_edit, "12")
    _save(qtbot, dialog)
    assert dialog.result() != dialog.DialogCode.Accepted
    assert "telefoonnummer" in dialog.error.text() and dialog.error.isVisibleTo(dialog)
    assert load_settings().worker_phone == ""
    dialog.phone_edit.setText("056 00 00 00")
    qtbot.keyClicks(dialog.email_edit, "sarah@")
    _save(qtbot, dialog)
    assert "e-mailadres" in dialog.error.text()


def test_referral_sheet_printed_from_the_gui_names_the_brugfiguur(qtbot, store, tmp_path: Path):
    # GIVEN my details, and a referral with the mother's consent for the CAW
    save_settings(Settings(worker_name="Sarah Vandamme", worker_phone="+32 470 00 00 01",
                           worker_email="sarah@example.be"))
    family = make_family(store, display_name="Gezin El Amrani")
    caw = kaart_service(store)
    record_consent(store, family_id=family, recipient_kind=RecipientKind.ORGANIZATION,
                   recipient_id=caw.organization_id, purposes=[Purpose.REFER], given_by="parent", method="oral",
                   given_on=today_local())
    referral = create_referral(store, family_id=family, service_id=caw.id, contact_id=caw.contact_id,
                               theme="admin.debts", intensity="appointment_made")
    dialog = PrintSheetDialog(store, get_referral(store, referral_id=referral))
    qtbot.addWidget(dialog)
    # WHEN it is printed for the service
    with qtbot.waitSignal(dialog.print_sheet(tmp_path / "fiche.pdf").done, timeout=10000):
        pass
    # THEN the PDF names me and my phone
    assert dialog.printed_path is not None
    text = " ".join(page.extract_text() for page in PdfReader(dialog.printed_path).pages)
    assert "Sarah Vandamme" in text and "+32 470 00 00 01" in text and "sarah@example.be" in text


def test_menu_item_applies_the_lock_minutes_live(qtbot, store, monkeypatch):
    from brugapp.ui.shell.main_window import MainWindow

    window = MainWindow(store, auto_lock_minutes=10)
    qtbot.addWidget(window)
    texts = [a.text() for a in window.menuBar().actions()[2].menu().actions()]
    assert "Mijn &gegevens en vergrendeling …" in texts

    def accept_with_three(self) -> int:
        self.lock_spin.setValue(3)
        self.save()
        return int(self.result())

    monkeypatch.setattr(SettingsDialog, "exec", accept_with_three)
    window.my_details_action.trigger()
    assert window._auto_lock_ms == 3 * 60_000 and load_settings().auto_lock_minutes == 3

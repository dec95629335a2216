"""The first start, by keyboard only: welcome, passphrase, about you, schools, region → a usable main window."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from brugapp.services.schools import list_schools
from brugapp.settings import load_settings, settings_path
from brugapp.store import StoreError, open_store
from brugapp.ui.app import AppController
from brugapp.ui.first_run import FirstRunWizard
from tests.conftest import TEST_PASSPHRASE
from tests.gui.conftest import show_active


@pytest.fixture
def own_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("BRUGAPP_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


def _focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "the keyboard focus went nowhere"
    return widget


def _type(qtbot, text: str) -> None:
    qtbot.keyClicks(_focused(), text)


def _key(qtbot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(_focused(), key, modifier)


def _wizard(qtbot, location: Path) -> FirstRunWizard:
    wizard = FirstRunWizard(location)
    qtbot.addWidget(wizard)
    show_active(qtbot, wizard)
    return wizard


def test_keyboard_only_first_start_ends_in_a_usable_main_window(qtbot, own_home: Path, tmp_path: Path) -> None:
    location = tmp_path / "data" / "brugapp.db"
    wizard = _wizard(qtbot, location)
    # GIVEN the welcome page with "start my own notebook" chosen: Enter goes on
    assert wizard.currentPage() is wizard.welcome and wizard.welcome.own.isChecked()
    _key(qtbot, Qt.Key.Key_Return)
    # WHEN a too short passphrase is tried, the page stays and its strength line turns into the error
    assert wizard.currentPage() is wizard.passphrase_page
    _type(qtbot, "kort")
    _key(qtbot, Qt.Key.Key_Return)
    hint = wizard.passphrase_page.strength_hint
    assert wizard.currentPage() is wizard.passphrase_page
    assert "Te kort" in hint.text() and hint.objectName() == "Error"
    assert _focused() is wizard.passphrase_page.passphrase
    wizard.passphrase_page.passphrase.selectAll()
    # WHEN the passphrase is typed twice, the second time wrongly
    _type(qtbot, TEST_PASSPHRASE)
    _key(qtbot, Qt.Key.Key_Tab)
    _type(qtbot, TEST_PASSPHRASE + "x")
    _key(qtbot, Qt.Key.Key_Return)
    # THEN the page stays, says why, and the cursor waits in the emptied second field
    assert wizard.currentPage() is wizard.passphrase_page
    assert "niet gelijk" in wizard.passphrase_page.error.text()
    assert _focused() is wizard.passphrase_page.repeat
    _type(qtbot, TEST_PASSPHRASE)
    _key(qtbot, Qt.Key.Key_Return)
    # WHEN "about you" gets a name, organisation, role (typed first letter), a bad and then a good phone
    assert wizard.currentPage() is wizard.details_page
    for text in ("Sarah Vandamme", "Stad Kortrijk"):
        _type(qtbot, text)
        _key(qtbot, Qt.Key.Key_Tab)
    _type(qtbot, "O")  # the role box: Onderwijsambassadeur
    _key(qtbot, Qt.Key.Key_Tab)
    _type(qtbot, "12")
    _key(qtbot, Qt.Key.Key_Tab)
    _type(qtbot, "sarah@example.be")
    _key(qtbot, Qt.Key.Key_Return)
    assert wizard.currentPage() is wizard.details_page
    assert "telefoonnummer" in wizard.details_page.error.text()
    assert _focused() is wizard.details_page.phone
    wizard.details_page.phone.selectAll()
    _type(qtbot, "0470 12 34 56")
    _key(qtbot, Qt.Key.Key_Return)
    # WHEN two schools are typed on two lines; Tab leaves the text box for the buttons (Terug, Volgende)
    assert wizard.currentPage() is wizard.schools_page
    _type(qtbot, "Basisschool De Regenboog")
    _key(qtbot, Qt.Key.Key_Return)
    _type(qtbot, "GO! Atheneum Kortrijk")
    _key(qtbot, Qt.Key.Key_Tab)
    _key(qtbot, Qt.Key.Key_Tab)
    assert _focused() is wizard.button(wizard.WizardButton.NextButton)
    _key(qtbot, Qt.Key.Key_Space)
    # WHEN the region is typed
    assert wizard.currentPage() is wizard.region_page
    _type(qtbot, "Kortrijk, Kuurne, kortrijk")
    _key(qtbot, Qt.Key.Key_Return)
    # THEN the last page sums it up, and Enter makes the notebook
    assert wizard.currentPage() is wizard.ready_page
    assert "Onderwijsambassadeur" in wizard.ready_page.summary.text()
    assert not location.exists()  # nothing is written before the last step
    _key(qtbot, Qt.Key.Key_Return)
    assert wizard.result() == wizard.DialogCode.Accepted
    result = wizard.result_of_run()
    assert result.store is not None and not result.demo
    store = result.store

    # THEN the settings hold "Mijn gegevens", role, schools and region (read back from the file itself)
    saved = json.loads(settings_path().read_text(encoding="utf-8"))
    assert (saved["worker_name"], saved["worker_organisation"], saved["worker_role"]) == (
        "Sarah Vandamme", "Stad Kortrijk", "onderwijsambassadeur")
    assert (saved["worker_phone"], saved["worker_email"]) == ("+32 470 12 34 56", "sarah@example.be")
    assert saved["my_schools"] == ["Basisschool De Regenboog", "GO! Atheneum Kortrijk"]
    assert saved["region_municipalities"] == ["Kortrijk", "Kuurne"]
    # AND the store is encrypted with the passphrase and holds the two schools
    assert store.info.encrypted and store.verify_passphrase(TEST_PASSPHRASE)
    assert sorted(s.name for s in list_schools(store)) == ["Basisschool De Regenboog", "GO! Atheneum Kortrijk"]
    with pytest.raises(StoreError):
        open_store(location, passphrase="een heel andere zin", migrate=False)

    # AND the main window opens on it, usable: Ctrl+3 shows the sociale kaart filtered on "my region"
    controller = AppController(QApplication.instance(), store, demo=False)
    window = controller.show()
    qtbot.addWidget(window)
    try:
        show_active(qtbot, window)
        qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
        kaart = window.page("kaart")
        assert kaart.place_box.currentText() == "Mijn regio: Kortrijk, Kuurne"
        assert kaart.criteria().municipalities == ("Kortrijk", "Kuurne")
    finally:
        window.close()
        store.close()


def test_demo_first_writes_nothing(qtbot, own_home: Path, tmp_path: Path) -> None:
    location = tmp_path / "brugapp.db"
    wizard = _wizard(qtbot, location)
    _key(qtbot, Qt.Key.Key_Down)  # from "my own notebook" to "the demo first"
    assert wizard.welcome.demo.isChecked()
    _key(qtbot, Qt.Key.Key_Return)  # the welcome page is now the last one: Enter finishes
    assert wizard.result() == wizard.DialogCode.Accepted
    result = wizard.result_of_run()
    assert result.demo and result.store is None
    assert not location.exists() and not settings_path().exists()


def test_cancel_writes_nothing_and_an_existing_file_is_never_overwritten(qtbot, own_home: Path,
                                                                        tmp_path: Path) -> None:
    location = tmp_path / "brugapp.db"
    wizard = _wizard(qtbot, location)
    _key(qtbot, Qt.Key.Key_Return)
    _type(qtbot, TEST_PASSPHRASE)
    _key(qtbot, Qt.Key.Key_Tab)
    _type(qtbot, TEST_PASSPHRASE)
    _key(qtbot, Qt.Key.Key_Return)
    for _page in range(3):
        wizard.next()
    assert wizard.currentPage() is wizard.ready_page
    location.write_bytes(b"someone else's file")  # appears while the wizard is open
    _key(qtbot, Qt.Key.Key_Return)
    assert wizard.currentPage() is wizard.ready_page
    assert "overschrijft het nooit" in wizard.ready_page.error.text()
    assert location.read_bytes() == b"someone else's file"
    _key(qtbot, Qt.Key.Key_Escape)
    assert wizard.result() == wizard.DialogCode.Rejected
    assert load_settings().worker_name == "" and not settings_path().exists()

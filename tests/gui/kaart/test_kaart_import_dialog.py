"""The import dialog: mapping step with preview, import off the GUI thread, errors shown in the dialog."""

from __future__ import annotations

from brugapp.services.kaart.importing import preview_import
from brugapp.services.kaart.query import list_services
from brugapp.ui.kaart.import_dialog import ImportDialog
from tests.paths import TEST_DATA

DATA = TEST_DATA / "kaart"


def test_import_dialog_maps_columns_and_imports_in_the_background(qtbot, store) -> None:
    # GIVEN the dialog for a Belgian CSV, with the guessed mapping shown
    path = DATA / "belgian_cp1252.csv"
    dialog = ImportDialog(store, path, preview_import(path=path))
    qtbot.addWidget(dialog)
    assert dialog.combos["organization"].currentData() == "Organisatie"
    assert dialog.combos["after_hours_phone"].currentData() == "Noodnummer"
    # WHEN the user leaves out the phone column and presses Import
    dialog.combos["phone"].setCurrentIndex(0)
    with qtbot.waitSignal(dialog.imported, timeout=10000):
        dialog.start()
    # THEN both services are in the map, without the unmapped phone numbers
    assert dialog.result is not None and dialog.result.created == 2
    assert {s.phone for s in list_services(store)} == {""}


def test_import_dialog_shows_the_precise_error_and_imports_nothing(qtbot, store) -> None:
    path = DATA / "broken_age.csv"
    dialog = ImportDialog(store, path, preview_import(path=path))
    qtbot.addWidget(dialog)
    dialog.start()
    qtbot.waitUntil(lambda: bool(dialog.error_text), timeout=10000)
    assert dialog.error.text() == ("Er is niets geïmporteerd. broken_age.csv, rij 3, kolom 'Leeftijd van': "
                                   "'twaalf' is hier niet te begrijpen.")
    assert list_services(store) == []

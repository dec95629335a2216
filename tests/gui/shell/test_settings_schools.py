"""Instellingen → Mijn gegevens: the schools typed there become schools BrugApp knows (as in the first-run
wizard); a school taken off the list is deleted only when it is a bare name nothing refers to."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from brugapp.services.audit import list_audit
from brugapp.services.families.families import MemberInput, add_member
from brugapp.services.schools import list_schools
from brugapp.settings import Settings, load_settings, save_settings
from brugapp.ui.shell import settings_dialog
from brugapp.ui.shell.settings_dialog import SettingsDialog
from tests.factories import make_family


@pytest.fixture(autouse=True)
def own_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BRUGAPP_HOME", str(tmp_path / "home"))


def _type_schools(qtbot, dialog: SettingsDialog, names: list[str]) -> None:
    """Select what is in the box and type the new list, one school per line, as a person would."""
    dialog.schools_edit.setFocus()
    dialog.schools_edit.selectAll()
    qtbot.keyClick(dialog.schools_edit, Qt.Key.Key_Delete)
    for number, name in enumerate(names):
        if number:
            qtbot.keyClick(dialog.schools_edit, Qt.Key.Key_Return)
        qtbot.keyClicks(dialog.schools_edit, name)


def _save(qtbot, dialog: SettingsDialog) -> None:
    qtbot.mouseClick(dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save),
                     Qt.MouseButton.LeftButton)


def _open(qtbot, store) -> SettingsDialog:
    dialog = SettingsDialog(store=store)
    qtbot.addWidget(dialog)
    return dialog


def test_schools_typed_in_settings_become_schools_once(qtbot, store) -> None:
    # GIVEN a notebook with no schools
    dialog = _open(qtbot, store)
    # WHEN two schools are typed in Instellingen and saved
    _type_schools(qtbot, dialog, ["Basisschool De Regenboog", "GO! Atheneum Kortrijk"])
    _save(qtbot, dialog)
    # THEN both are schools BrugApp knows (searchable, choosable for a child) and in the settings
    assert dialog.result() == dialog.DialogCode.Accepted
    assert sorted(s.name for s in list_schools(store)) == ["Basisschool De Regenboog", "GO! Atheneum Kortrijk"]
    assert load_settings().my_schools == ["Basisschool De Regenboog", "GO! Atheneum Kortrijk"]
    # WHEN the dialog is saved again with the same schools, one typed in other case
    again = _open(qtbot, store)
    _type_schools(qtbot, again, ["basisschool de regenboog", "GO! Atheneum Kortrijk"])
    _save(qtbot, again)
    # THEN no school is doubled
    assert len(list_schools(store)) == 2


def test_a_school_with_pupils_stays_when_taken_off_the_list(qtbot, store, monkeypatch) -> None:
    # GIVEN two schools from the list, one with a pupil, and a typo added by mistake
    save_settings(Settings(my_schools=[]))
    first = _open(qtbot, store)
    _type_schools(qtbot, first, ["De Vlieger", "Het Anker", "Basischool De Vleiger"])
    _save(qtbot, first)
    anker = next(s for s in list_schools(store) if s.name == "Het Anker")
    family = make_family(store, display_name="Gezin Peeters")
    add_member(store, family_id=family, member=MemberInput(role="child", first_name="Lotte", last_name="Peeters",
                                                           school_id=anker.id))
    shown: list[str] = []
    monkeypatch.setattr(settings_dialog.QMessageBox, "information",
                        lambda parent, title, text: shown.append(text))
    # WHEN the typo and the school with a pupil are taken off the list
    second = _open(qtbot, store)
    assert second.schools_edit.toPlainText() == "De Vlieger\nHet Anker\nBasischool De Vleiger"
    _type_schools(qtbot, second, ["De Vlieger"])
    _save(qtbot, second)
    # THEN the typo is gone (with an audit entry), the school with a pupil stays and the user is told why
    schools = {s.name: s for s in list_schools(store)}
    assert sorted(schools) == ["De Vlieger", "Het Anker"]
    assert schools["Het Anker"].pupils == 1
    assert load_settings().my_schools == ["De Vlieger"]
    assert len(shown) == 1 and "Het Anker: 1 leerling" in shown[0]
    assert [(row.action, row.subject_kind) for row in list_audit(store)][-1:] == [("delete", "school")]


def test_a_bad_field_keeps_schools_and_settings_unchanged(qtbot, store) -> None:
    # GIVEN a school typed in, and a phone number that is not one
    dialog = _open(qtbot, store)
    _type_schools(qtbot, dialog, ["Basisschool De Regenboog"])
    qtbot.keyClicks(dialog.phone_edit, "12")
    # WHEN saved
    _save(qtbot, dialog)
    # THEN the phone is named, and neither the school nor the settings were written
    assert dialog.result() != dialog.DialogCode.Accepted and "telefoonnummer" in dialog.error.text()
    assert list_schools(store) == [] and load_settings().my_schools == []


def test_my_details_from_the_menu_add_schools_to_the_open_notebook(qtbot, store, monkeypatch) -> None:
    from brugapp.ui.shell.main_window import MainWindow

    window = MainWindow(store, auto_lock_minutes=0)
    window.remembers_state = False
    qtbot.addWidget(window)

    def type_a_school(dialog: SettingsDialog) -> int:
        dialog.schools_edit.setPlainText("VBS Sint-Jozef")
        dialog.save()
        return int(dialog.result())

    monkeypatch.setattr(SettingsDialog, "exec", type_a_school)
    window.my_details_action.trigger()
    assert [s.name for s in list_schools(store)] == ["VBS Sint-Jozef"]


def test_opened_from_a_dialog_it_uses_that_dialogs_notebook(qtbot, store) -> None:
    """The referral sheet asks for the sender through SettingsDialog(parent): the schools go to its store."""
    from PySide6.QtWidgets import QDialog

    holder = QDialog()
    holder.store = store  # as PrintSheetDialog carries it
    qtbot.addWidget(holder)
    dialog = SettingsDialog(holder)
    dialog.schools_edit.setPlainText("Basisschool Het Klavertje")
    dialog.save()
    assert [s.name for s in list_schools(store)] == ["Basisschool Het Klavertje"]

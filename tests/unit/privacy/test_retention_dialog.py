"""Issue 14: the retention dialog lists the inactive family; erasing it (after confirming) says what remains."""

from __future__ import annotations

from brugapp.services.families.families import list_families
from brugapp.settings import load_settings
from brugapp.ui.families.retention_dialog import RetentionDialog


def test_dialog_lists_erases_and_tells_about_backups(qtbot, store, vermeulen, monkeypatch):
    dialog = RetentionDialog(store)
    qtbot.addWidget(dialog)
    dialog.resize(1000, 560)
    # GIVEN the default two school years  THEN only the family inactive since June 2023 is listed
    assert [c.display_name for c in dialog.model.rows] == ["Gezin Vermeulen"]
    assert dialog.erase_button.isEnabled()
    dialog.grab().save("/tmp/retention-dialog.png")
    # WHEN the brugfiguur cancels the confirmation THEN nothing is erased
    monkeypatch.setattr(RetentionDialog, "confirm", lambda self, candidate, verb: False)
    dialog.erase_button.click()
    assert len(list_families(store)) == 2
    # WHEN they confirm THEN the family is gone and the dialog says until when backups hold it
    monkeypatch.setattr(RetentionDialog, "confirm", lambda self, candidate, verb: True)
    dialog.erase_button.click()
    assert [f.display_name for f in list_families(store)] == ["Gezin Benali"]
    assert "back-up" in dialog.result.text().casefold() and dialog.empty.isVisibleTo(dialog)


def test_changing_the_period_is_kept_as_the_setting(qtbot, store, vermeulen):
    dialog = RetentionDialog(store)
    qtbot.addWidget(dialog)
    dialog.years.setValue(5)
    assert dialog.model.rows == [] and load_settings().retention_school_years == 5
    dialog.years.setValue(2)
    assert len(dialog.model.rows) == 1

"""The unlock dialog tells a damaged file from a wrong passphrase and offers the newest good backup."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from brugapp.store import Store, open_store, restore_store
from brugapp.store.backups import backup_store
from brugapp.ui.shell.unlock import UnlockDialog
from tests.conftest import TEST_PASSPHRASE
from tests.unit.store.helpers import encrypted_store_with, family_names, grow, random_bytes_in_the_middle


def _dialog(path: Path) -> UnlockDialog:
    def restore(backup: Path, passphrase: str) -> Store:
        restore_store(backup, path, passphrase=passphrase)
        return open_store(path, passphrase=passphrase)

    return UnlockDialog(lambda passphrase: open_store(path, passphrase=passphrase), create=False, restore=restore)


def test_damaged_store_is_named_and_the_backup_restored_from_the_dialog(qtbot, tmp_path: Path) -> None:
    # GIVEN a store with a good backup, then damaged
    path = encrypted_store_with(tmp_path / "brugapp.db", "Gezin Claeys")
    grow(path, families=40)
    store = open_store(path, passphrase=TEST_PASSPHRASE)
    backup_store(store, reason="on-close")
    store.close()
    random_bytes_in_the_middle(path)
    dialog = _dialog(path)
    qtbot.addWidget(dialog)
    dialog.show()
    # WHEN the right passphrase is typed
    qtbot.keyClicks(dialog.passphrase, TEST_PASSPHRASE)
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    # THEN the dialog says the file is damaged (not the passphrase) and offers the backup
    assert dialog.store is None
    assert "beschadigd" in dialog.error.text() and "klopt niet" not in dialog.error.text()
    assert dialog.restore_button.isVisible() and "terugzetten" in dialog.restore_button.text()
    # AND one click restores it and opens the notebook
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert dialog.store is not None
    try:
        assert "Gezin Claeys" in family_names(dialog.store)
    finally:
        dialog.store.close()
    assert len(list(tmp_path.glob("brugapp.damaged-*.db"))) == 1


def test_a_wrong_passphrase_offers_no_restore(qtbot, tmp_path: Path) -> None:
    path = encrypted_store_with(tmp_path / "brugapp.db", "Gezin Claeys")
    store = open_store(path, passphrase=TEST_PASSPHRASE)
    backup_store(store, reason="on-close")
    store.close()
    dialog = _dialog(path)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.passphrase, "een verkeerde zin")
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    assert "wachtwoordzin klopt niet" in dialog.error.text()
    assert not dialog.restore_button.isVisible()


def test_restoring_a_backup_of_an_earlier_version_says_so_and_ends_the_wait(qtbot, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QApplication

    # GIVEN the dialog offering a good backup, which turns out to be of an earlier version of the app
    path = encrypted_store_with(tmp_path / "brugapp.db", "Gezin Claeys")
    seen: list[tuple[bool, bool]] = []

    def restore(backup: Path, passphrase: str) -> Store:
        dialog.show_upgrading()  # what open_store's before_upgrade does for it (app.ask_for_store)
        seen.append((dialog.upgrading.isVisible(), QApplication.overrideCursor() is not None))
        return open_store(path, passphrase=passphrase)

    dialog = UnlockDialog(lambda passphrase: open_store(path, passphrase=passphrase), create=False, restore=restore)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog._good_backup = path  # as _offer_backup leaves it
    dialog.passphrase.setText(TEST_PASSPHRASE)
    # WHEN it is restored
    dialog._restore_backup()
    # THEN the upgrade was said, with the wait cursor, and both are gone once the notebook is open
    assert seen == [(True, True)]
    assert dialog.store is not None and not dialog.upgrading.isVisible() and QApplication.overrideCursor() is None
    dialog.store.close()

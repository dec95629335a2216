"""First start chooses a passphrase; later starts need it; a wrong one gets in nowhere."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from brugapp.store import open_store
from brugapp.store.clean_close import clean_close_recorded, stamp_path
from brugapp.ui.shell.unlock import UnlockDialog
from tests.conftest import TEST_PASSPHRASE


def _opener(path: Path, *, create: bool):
    return lambda passphrase: open_store(path, passphrase=passphrase, create=create)


def test_first_start_needs_the_same_long_enough_passphrase_twice(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "brugapp.db"
    dialog = UnlockDialog(_opener(path, create=True), create=True)
    qtbot.addWidget(dialog)
    dialog.show()
    # WHEN the passphrase is too short
    qtbot.keyClicks(dialog.passphrase, "kort")
    qtbot.keyClicks(dialog.repeat, "kort")
    qtbot.keyClick(dialog.repeat, Qt.Key.Key_Return)
    assert "Te kort" in dialog.strength_hint.text() and dialog.strength_hint.objectName() == "Error"
    assert not path.exists()
    # WHEN the two do not match
    dialog.passphrase.clear()
    dialog.repeat.clear()
    qtbot.keyClicks(dialog.passphrase, TEST_PASSPHRASE)
    qtbot.keyClicks(dialog.repeat, TEST_PASSPHRASE + "x")
    qtbot.keyClick(dialog.repeat, Qt.Key.Key_Return)
    assert "niet gelijk" in dialog.error.text()
    assert not path.exists()
    # WHEN they match, the encrypted store is created
    qtbot.keyClicks(dialog.repeat, TEST_PASSPHRASE)
    qtbot.keyClick(dialog.repeat, Qt.Key.Key_Return)
    assert dialog.store is not None and dialog.store.info.encrypted
    dialog.store.close()
    assert path.exists()


def test_create_mode_shows_strength_and_the_no_recovery_warning(qtbot, tmp_path: Path) -> None:
    dialog = UnlockDialog(_opener(tmp_path / "x.db", create=True), create=True)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.passphrase, "fiets boom regen wolk")
    assert dialog.strength.value() == 3
    assert "Sterke" in dialog.strength_hint.text()
    texts = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "niet hersteld" in texts


def test_wrong_passphrase_gives_a_dutch_message_and_no_access(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "brugapp.db"
    open_store(path, passphrase=TEST_PASSPHRASE, create=True).close()
    before = path.read_bytes()
    dialog = UnlockDialog(_opener(path, create=False), create=False)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.repeat.isVisible()
    qtbot.keyClicks(dialog.passphrase, "verkeerde wachtwoordzin")
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    assert dialog.store is None
    assert "wachtwoordzin klopt niet" in dialog.error.text()
    assert path.read_bytes() == before
    # AND the right one opens it
    dialog.passphrase.clear()
    qtbot.keyClicks(dialog.passphrase, TEST_PASSPHRASE)
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    assert dialog.store is not None
    dialog.store.close()


def test_too_short_is_said_once_nothing_is_clipped_and_the_red_goes_once_strong(qtbot, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QLabel

    from brugapp.ui.clipping import clipped_texts

    dialog = UnlockDialog(_opener(tmp_path / "x.db", create=True), create=True)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    # WHEN a too short passphrase is submitted
    qtbot.keyClicks(dialog.passphrase, "kort")
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    qtbot.wait(10)
    # THEN "Te kort" is on screen once, in red, and every text (the intro too) is whole
    shown = [label for label in dialog.findChildren(QLabel) if label.isVisible() and "Te kort" in label.text()]
    assert len(shown) == 1 and shown[0].objectName() == "Error"
    assert clipped_texts(dialog) == []
    # WHEN the passphrase grows strong, no red line is left
    qtbot.keyClicks(dialog.passphrase, " genoeg lange zin met woorden")
    red = [label for label in dialog.findChildren(QLabel) if label.isVisible() and label.objectName() == "Error"]
    assert red == []
    assert clipped_texts(dialog) == []


def test_a_store_folder_that_cannot_be_made_is_named_in_the_dialog(qtbot, tmp_path: Path) -> None:
    # GIVEN --db points below a file, so the folder can never be created
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    dialog = UnlockDialog(_opener(blocker / "brugapp.db", create=True), create=True)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.passphrase, TEST_PASSPHRASE)
    qtbot.keyClicks(dialog.repeat, TEST_PASSPHRASE)
    # WHEN the notebook is created
    qtbot.keyClick(dialog.repeat, Qt.Key.Key_Return)
    # THEN the dialog says which folder, stays open, and nothing crashed
    assert dialog.isVisible() and dialog.store is None
    assert str(blocker) in dialog.error.text() and "--db" in dialog.error.text()


def test_the_crash_message_says_where_the_log_file_is() -> None:
    from brugapp.logging_setup import log_file
    from brugapp.ui.shell.crash import crash_message

    assert str(log_file()) in crash_message()


def test_after_an_unclean_stop_the_window_says_it_checks_the_notebook_first(qtbot, tmp_path: Path) -> None:
    # GIVEN a notebook whose last session ended without a clean close (nothing vouches for the file)
    path = tmp_path / "brugapp.db"
    open_store(path, passphrase=TEST_PASSPHRASE, create=True).close()
    stamp_path(path).unlink()
    seen: list[tuple[bool, bool]] = []

    def opener(passphrase: str):  # what a person sees while the pages are read
        seen.append((dialog.checking.isVisible(), dialog.ok_button.isEnabled()))
        return open_store(path, passphrase=passphrase)

    dialog = UnlockDialog(opener, create=False, checks_every_page=lambda: not clean_close_recorded(path))
    qtbot.addWidget(dialog)
    dialog.show()
    # WHEN a wrong passphrase is typed, then the right one
    qtbot.keyClicks(dialog.passphrase, "niet de juiste zin")
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    # THEN during each try the window says why it takes a while, with Ontgrendelen off; after it, the error alone
    assert seen == [(True, False)]
    assert not dialog.checking.isVisible() and dialog.ok_button.isEnabled() and dialog.error.isVisible()
    assert "niet netjes afgesloten" in dialog.checking.text()
    dialog.passphrase.clear()
    qtbot.keyClicks(dialog.passphrase, TEST_PASSPHRASE)
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    assert seen == [(True, False), (True, False)]
    assert dialog.store is not None
    dialog.store.close()
    # AND after that clean close the next unlock says nothing of the kind
    again = UnlockDialog(opener, create=False, checks_every_page=lambda: not clean_close_recorded(path))
    qtbot.addWidget(again)
    dialog = again
    again.show()
    qtbot.keyClicks(again.passphrase, TEST_PASSPHRASE)
    qtbot.keyClick(again.passphrase, Qt.Key.Key_Return)
    assert seen[-1] == (False, True) and again.store is not None
    again.store.close()


def test_an_older_notebook_is_backed_up_and_brought_up_to_date_with_the_window_saying_so(
        qtbot, tmp_path: Path, monkeypatch) -> None:
    from PySide6.QtWidgets import QApplication

    from brugapp.services.families.families import list_families
    from brugapp.store import migrate as migrations
    from brugapp.store.backups import list_backups
    from brugapp.store.schema_version import declared_heads, stored_revisions
    from brugapp.ui.app import ask_for_store
    from tests.factories import make_family
    from tests.gui.journeys.helpers import drive_modal, key, type_text

    # GIVEN a notebook made by the previous version of the app (schema 0015), with a family in it, closed cleanly
    path = tmp_path / "brugapp.db"
    old = open_store(path, passphrase=TEST_PASSPHRASE, create=True, migrate=False)
    migrations.upgrade(old, "0015_list_indexes")
    make_family(old, display_name="Gezin Maes")
    old.close()
    seen: list[tuple[bool, bool, bool, int]] = []
    announce = UnlockDialog.show_upgrading

    def watched(self: UnlockDialog) -> None:  # what a person sees while the notebook is copied and upgraded
        announce(self)
        seen.append((self.upgrading.isVisible(), self.ok_button.isEnabled(), QApplication.overrideCursor() is not None,
                     len(list_backups(path))))

    monkeypatch.setattr(UnlockDialog, "show_upgrading", watched)
    opened: list = []

    def unlock(dialog) -> None:
        type_text(qtbot, TEST_PASSPHRASE, into=dialog.passphrase)
        key(qtbot, Qt.Key.Key_Return, into=dialog.passphrase)

    # WHEN it is unlocked in the app's own unlock window, by keyboard
    drive_modal(qtbot, lambda: opened.append(ask_for_store(path)), unlock)
    # THEN the window said so, with Ontgrendelen off and the wait cursor, before the backup was made
    assert seen == [(True, False, True, 0)]
    store = opened[0]
    assert store is not None and stored_revisions(store) == declared_heads()
    assert [f.display_name for f in list_families(store)] == ["Gezin Maes"]
    assert [backup.name.split(".")[-2] for backup in list_backups(path)] == ["before-upgrade"]
    assert QApplication.overrideCursor() is None
    store.close()
    # AND the next unlock, of the notebook now up to date, opens without a word of it
    drive_modal(qtbot, lambda: opened.append(ask_for_store(path)), unlock)
    assert len(seen) == 1 and opened[1] is not None
    opened[1].close()

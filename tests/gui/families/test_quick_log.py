"""The quick log, driven by the keyboard only; assertions on the stored contact moment."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction

from brugapp.domain.clock import today_local
from brugapp.services.families.drafts import load_draft
from brugapp.services.families.notebook import list_contacts
from brugapp.settings import Settings, load_settings, save_settings
from brugapp.ui.families.quick_log import DRAFT_KEY, QuickLogDialog
from tests.factories import make_family


def _dialog(qtbot, store, **kwargs):
    dialog = QuickLogDialog(store, **kwargs)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_anonymous_coffee_moment_with_keys_only(qtbot, store):
    # GIVEN the last channel used was the school gate
    save_settings(Settings(last_channel="schoolpoort"))
    dialog = _dialog(qtbot, store)
    # WHEN the brugfiguur leaves the family empty, picks koffiemoment, presses A then 3 (debts), types, Enter
    qtbot.keyClick(dialog.family, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.channel, "Koffie")
    qtbot.keyClick(dialog.channel, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.themes
    qtbot.keyClick(dialog.themes, Qt.Key.Key_A)
    qtbot.keyClick(dialog.themes, Qt.Key.Key_3)
    qtbot.keyClick(dialog.themes, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.note, "Brief deurwaarder")
    qtbot.keyClick(dialog.note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    # THEN one anonymous contact is stored with those themes, and the channel is remembered
    [contact] = list_contacts(store)
    assert (contact.family_id, contact.channel, contact.themes, contact.note) == (
        "", "koffiemoment", ("admin", "admin.debts"), "Brief deurwaarder")
    assert load_settings().last_channel == "koffiemoment"
    assert load_draft(store, key=DRAFT_KEY) is None


def test_family_type_ahead_alt_theme_and_enter_saves(qtbot, store):
    save_settings(Settings(last_channel="telefoon"))
    family = make_family(store, display_name="Gezin Özdemir")
    make_family(store, display_name="Gezin Demir")
    dialog = _dialog(qtbot, store)
    qtbot.keyClicks(dialog.family, "ozdem")  # accents need not be typed
    qtbot.keyClick(dialog.family, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)  # theme: education
    qtbot.keyClick(dialog.family, Qt.Key.Key_Tab)
    qtbot.keyClick(dialog.channel, Qt.Key.Key_Tab)
    qtbot.keyClick(dialog.themes, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.note, "Vraagt naar huiswerkklas")
    qtbot.keyClick(dialog.note, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.follow_up, "+7")
    qtbot.keyClick(dialog.follow_up, Qt.Key.Key_Return)
    [contact] = list_contacts(store)
    assert contact.family_id == family
    assert contact.channel == "telefoon"
    assert contact.themes == ("education",)
    assert contact.follow_up_on == today_local() + dt.timedelta(days=7)


def test_bad_date_is_named_and_nothing_saved(qtbot, store):
    dialog = _dialog(qtbot, store)
    qtbot.keyClick(dialog.family, Qt.Key.Key_Tab)
    qtbot.keyClick(dialog.channel, Qt.Key.Key_Tab)
    qtbot.keyClick(dialog.themes, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.note, "x")
    qtbot.keyClick(dialog.note, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.follow_up, "31-02-2026")
    qtbot.keyClick(dialog.follow_up, Qt.Key.Key_Return)
    assert list_contacts(store) == []
    assert "Opvolgingsdatum" in dialog.error.text() and "31-02-2026" in dialog.error.text()
    assert dialog.focusWidget() is dialog.follow_up


def test_unknown_family_text_is_refused(qtbot, store):
    make_family(store, display_name="Gezin Janssens")
    dialog = _dialog(qtbot, store)
    qtbot.keyClicks(dialog.family, "Gezin Nergens")
    qtbot.keyClick(dialog.family, Qt.Key.Key_Return)
    assert list_contacts(store) == []
    assert "Gezin Nergens" in dialog.error.text()


def test_draft_survives_closing_and_is_restored(qtbot, store):
    # GIVEN a half-typed note, closed with Esc without saving
    dialog = _dialog(qtbot, store)
    qtbot.keyClick(dialog.family, Qt.Key.Key_Tab)
    qtbot.keyClick(dialog.channel, Qt.Key.Key_Tab)
    qtbot.keyClick(dialog.themes, Qt.Key.Key_K)
    qtbot.keyClick(dialog.themes, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.note, "Half getypt over huisvesting")
    qtbot.keyClick(dialog.note, Qt.Key.Key_Escape)
    assert list_contacts(store) == []
    # THEN the draft is in the store, and a new dialog shows it again
    assert load_draft(store, key=DRAFT_KEY)["note"] == "Half getypt over huisvesting"
    again = _dialog(qtbot, store)
    assert again.note.toPlainText() == "Half getypt over huisvesting"
    assert again.themes.codes() == ["poverty"]
    # WHEN it is saved the draft is gone
    qtbot.keyClick(again.note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert [c.note for c in list_contacts(store)] == ["Half getypt over huisvesting"]
    assert load_draft(store, key=DRAFT_KEY) is None


def test_draft_is_written_on_change_after_a_short_delay(qtbot, store):
    dialog = _dialog(qtbot, store)
    qtbot.keyClicks(dialog.note, "Na een crash nog hier")
    qtbot.waitUntil(lambda: (load_draft(store, key=DRAFT_KEY) or {}).get("note") == "Na een crash nog hier",
                    timeout=2000)


def test_window_lock_saves_the_draft_at_once_and_ctrl_n_opens_it_again(qtbot, store):
    from brugapp.ui.shell.main_window import MainWindow

    window = MainWindow(store, auto_lock_minutes=0)
    qtbot.addWidget(window)
    window.show()
    # GIVEN the quick log opened from the global action (Ctrl+N / toolbar "Snel noteren")
    window.findChild(QAction, "QuickLogAction").trigger()
    dialog = window.findChild(QuickLogDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.note, "Vader vraagt naar")
    # WHEN the window locks before the debounce fired
    window.lock()
    # THEN the draft is already in the store and the dialog is hidden behind the lock
    assert load_draft(store, key=DRAFT_KEY)["note"] == "Vader vraagt naar"
    assert not dialog.isVisible()
    # WHEN unlocked, the same dialog comes back with the text; Ctrl+N does not open a second one
    window.unlock()
    assert dialog.isVisible() and dialog.note.toPlainText() == "Vader vraagt naar"
    window.findChild(QAction, "QuickLogAction").trigger()
    assert [d for d in window.findChildren(QuickLogDialog) if d.isVisible()] == [dialog]
    # WHEN it is closed without saving and opened again, the draft is restored
    qtbot.keyClick(dialog.note, Qt.Key.Key_Escape)
    window.findChild(QAction, "QuickLogAction").trigger()
    reopened = [d for d in window.findChildren(QuickLogDialog) if d.isVisible()]
    assert [d.note.toPlainText() for d in reopened] == ["Vader vraagt naar"]
    assert reopened[0] is not dialog
    qtbot.wait(10)  # the closed dialog is deleted; locking again must not touch it
    window.lock()
    assert window.is_locked()


def test_editing_an_anonymous_contact_and_choosing_a_family_links_it(qtbot, store):
    from brugapp.services.families.notebook import get_contact, log_contact

    # GIVEN scenario 1's anonymous koffiemoment, and the family made that afternoon
    contact = log_contact(store, channel="koffiemoment", themes=["admin", "admin.debts"], note="Brief deurwaarder")
    family = make_family(store, display_name="Gezin Benali")
    # WHEN the contact is opened in the editor and the family typed
    dialog = _dialog(qtbot, store, contact_id=contact.id)
    assert dialog.themes.codes() == ["admin", "admin.debts"]
    qtbot.keyClicks(dialog.family, "benali")
    qtbot.keyClick(dialog.channel, Qt.Key.Key_Return)
    # THEN it is linked, and nothing else changed
    linked = get_contact(store, contact_id=contact.id)
    assert (linked.family_id, linked.channel, linked.themes, linked.note) == (
        family, "koffiemoment", ("admin", "admin.debts"), "Brief deurwaarder")
    assert len(list_contacts(store)) == 1


def _chips_fit(dialog) -> None:
    from PySide6.QtWidgets import QToolButton

    chips = [c for c in dialog.themes.findChildren(QToolButton) if c.isVisible()]
    assert chips
    area = dialog.themes.contentsRect()
    for chip in chips:
        assert chip.sizeHint().width() <= chip.geometry().width(), chip.text()
        assert chip.sizeHint().height() <= chip.geometry().height(), chip.text()
        assert area.contains(chip.geometry()), chip.text()  # not clipped at the right or bottom edge
    for i, first in enumerate(chips):
        for second in chips[i + 1:]:
            assert not first.geometry().intersects(second.geometry()), (first.text(), second.text())


def test_theme_chips_wrap_and_every_label_is_fully_visible(qtbot, store):
    # GIVEN the quick log at the size the screenshots use (1366×768 screen, dialog at its own size)
    dialog = _dialog(qtbot, store)
    dialog.adjustSize()
    qtbot.wait(10)
    # THEN the top-level chips wrap onto several rows, none cut or overlapping, within the dialog
    _chips_fit(dialog)
    rows = {chip.y() for chip in dialog.themes._top.values()}
    assert len(rows) >= 2
    assert dialog.width() <= 1366 and dialog.height() <= 768
    assert dialog.themes.geometry().right() <= dialog.rect().right()
    assert dialog.themes.height() == dialog.themes.heightForWidth(dialog.themes.width())  # sized to fit
    height_before = dialog.height()
    # WHEN a theme with sub-themes is chosen, its sub-theme chips fit as well, and keys still work
    qtbot.keyClick(dialog.themes, Qt.Key.Key_A)
    qtbot.wait(10)
    _chips_fit(dialog)
    assert dialog.themes.geometry().bottom() < dialog.note.geometry().top()  # no overlap with the note
    assert dialog.height() > height_before  # the dialog grew for the sub-theme rows
    assert dialog.height() <= 768
    assert dialog.themes.codes() == ["admin"]

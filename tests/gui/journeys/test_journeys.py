"""Journeys through the real main window with the keyboard, each action done twice in a row
(open, cancel, open again, save, open again), asserting what the services then hold.

Page buttons without a shortcut are reached with Tab and pressed with Space; everything inside a dialog is typed.
Scenarios 3, 5 and 9 have a file each; the helpers they share are in ``helpers.py``.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from brugapp.services.families.families import list_families
from brugapp.services.families.notebook import list_contacts
from brugapp.services.kaart.detail import get_contact
from brugapp.services.referrals.followups import list_followups
from brugapp.services.referrals.referrals import get_referral, list_referrals
from brugapp.settings import Settings, save_settings
from brugapp.ui.families.quick_log import QuickLogDialog
from tests.gui.journeys.helpers import (
    CTRL,
    SHIFT,
    back_to,
    drive_modal,
    key,
    main_window,
    press,
    shortcut_modal,
    type_text,
)
from tests.unit.referrals.test_referral_scenarios import kaart_service


def _visible_quick_log(window) -> QuickLogDialog:
    [dialog] = [d for d in window.findChildren(QuickLogDialog) if d.isVisible()]
    return dialog


def _open_quick_log_with_ctrl_n(qtbot, window) -> QuickLogDialog:
    back_to(qtbot, window)
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_N, CTRL)
    qtbot.waitUntil(lambda: any(d.isVisible() and d.isActiveWindow() for d in window.findChildren(QuickLogDialog)),
                    timeout=2000)
    return _visible_quick_log(window)


def _close_quick_log(qtbot, window) -> None:
    key(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not [d for d in window.findChildren(QuickLogDialog) if d.isVisible()], timeout=2000)


def test_scenario_1_bailiff_letter_quick_log_then_family_and_warm_referral(qtbot, store):
    save_settings(Settings(last_channel="koffiemoment"))
    caw = kaart_service(store)
    window = main_window(qtbot, store)
    # WHEN Ctrl+N opens the quick log, Esc closes it, and Ctrl+N opens it again
    _open_quick_log_with_ctrl_n(qtbot, window)
    _close_quick_log(qtbot, window)
    _open_quick_log_with_ctrl_n(qtbot, window)
    # AND the anonymous koffiemoment is typed: no family, theme A then 3 (debts), the note, Enter
    key(qtbot, Qt.Key.Key_Tab)
    key(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "a3")
    key(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "Brief deurwaarder")
    key(qtbot, Qt.Key.Key_Return)
    # THEN it is stored anonymous with the debts theme, and Ctrl+N still opens an empty quick log
    [contact] = list_contacts(store)
    assert (contact.family_id, contact.channel, contact.themes, contact.note) == (
        "", "koffiemoment", ("admin", "admin.debts"), "Brief deurwaarder")
    _open_quick_log_with_ctrl_n(qtbot, window)
    assert _visible_quick_log(window).note.toPlainText() == ""
    _close_quick_log(qtbot, window)

    # WHEN that afternoon the family is made (Ctrl+2, New family): cancelled once, then saved
    back_to(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_2, CTRL)
    families = window.page("families")
    assert window.current_section() == "families"
    drive_modal(qtbot, lambda: press(qtbot, families.new_button), lambda dialog: key(qtbot, Qt.Key.Key_Escape))

    def new_family(dialog: QDialog) -> None:
        type_text(qtbot, "Gezin Benali")
        key(qtbot, Qt.Key.Key_Return)

    drive_modal(qtbot, lambda: press(qtbot, families.new_button), new_family)
    assert [f.display_name for f in list_families(store)] == ["Gezin Benali"]
    drive_modal(qtbot, lambda: press(qtbot, families.new_button), lambda dialog: key(qtbot, Qt.Key.Key_Escape))
    assert len(list_families(store)) == 1

    # WHEN the warm referral to the CAW is made (Ctrl+4, New referral): cancelled once, then saved
    back_to(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_4, CTRL)
    assert window.current_section() == "referrals"
    shortcut_modal(qtbot, window, Qt.Key.Key_R, lambda dialog: key(qtbot, Qt.Key.Key_Escape), CTRL | SHIFT)

    def new_referral(dialog: QDialog) -> None:
        type_text(qtbot, "Gezin B", into=dialog.family)  # the beginning of the name is enough
        for _step in range(4):  # (no theme) → Money… → School costs → Letters → Debts and bailiff
            key(qtbot, Qt.Key.Key_Down, into=dialog.theme_combo)
        key(qtbot, Qt.Key.Key_Down, into=dialog.service_combo)  # the first offer: ★ the service for that need
        type_text(qtbot, "Brief van de deurwaarder", into=dialog.question_edit)
        type_text(qtbot, "An Declercq", into=dialog.worker_edit)
        key(qtbot, Qt.Key.Key_Return, into=dialog.worker_edit)

    shortcut_modal(qtbot, window, Qt.Key.Key_R, new_referral, CTRL | SHIFT)
    shortcut_modal(qtbot, window, Qt.Key.Key_R, lambda dialog: key(qtbot, Qt.Key.Key_Escape), CTRL | SHIFT)
    # THEN one referral to the CAW's debt service, with its check one week later as a follow-up
    [view] = list_referrals(store)
    detail = get_referral(store, referral_id=view.id)
    assert (detail.family_name, detail.theme, detail.service_id, detail.receiving_worker) == (
        "Gezin Benali", "admin.debts", caw.id, "An Declercq")
    assert detail.next_check == dt.date.today() + dt.timedelta(days=7)
    assert [f.due for f in list_followups(store, due_until=dt.date.today() + dt.timedelta(days=7))] == [
        dt.date.today() + dt.timedelta(days=7)]


def test_scenario_6_unreachable_consulent_attempts_from_the_contact_card(qtbot, store):
    # GIVEN the CAW's debt service with its consulent and a backup, and the CLB on the map
    caw = kaart_service(store)
    kaart_service(store, "Leerlingenbegeleiding", "Vrij CLB Kortrijk", contact="Griet", backup="",
                  categories=("education",), phone="056 00 00 09")
    window = main_window(qtbot, store)
    qtbot.keyClick(window, Qt.Key.Key_3, CTRL)
    kaart = window.show_section("kaart")
    type_text(qtbot, "Schuld", into=kaart.table)  # the list jumps to the service typed
    qtbot.waitUntil(lambda: kaart.detail.attempt_button.isVisible(), timeout=2000)
    menu = kaart.detail.attempt_button.menu()

    button = kaart.detail.attempt_button

    def attempt(choice: int) -> None:
        QTimer.singleShot(50, lambda: _choose(qtbot, menu, choice))
        button.showMenu()  # as a click does; the menu runs its own loop until a choice or Esc

    # WHEN the menu is opened and closed without a choice, then three e-mails and two calls are logged
    QTimer.singleShot(50, lambda: qtbot.keyClick(menu, Qt.Key.Key_Escape))
    button.showMenu()
    assert get_contact(store, contact_id=caw.contact_id) is not None
    for choice in (1, 1, 1, 0, 0):  # "E-mailed – no answer" ×3, "Called – no answer" ×2
        attempt(choice)
    # THEN the card says since when there is no answer and suggests the backup and the CLB
    text = kaart.detail.reach_status.text()
    assert "Geen antwoord sinds" in text and "5 pogingen" in text
    suggestions = kaart.detail.reach_suggestions.text()
    assert "Pieter Vanhoutte" in suggestions and "CLB" in suggestions


def _choose(qtbot, menu: QWidget, index: int) -> None:
    qtbot.waitUntil(menu.isVisible, timeout=2000)
    for _step in range(index + 1):
        qtbot.keyClick(menu, Qt.Key.Key_Down)
    qtbot.keyClick(menu, Qt.Key.Key_Return)

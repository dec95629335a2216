"""The main window: Dutch sections, shortcuts, search focus, lock, remembered state, language switch."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFrame, QInputDialog, QToolButton

from brugapp.ui.app import AppController
from brugapp.ui.shell.main_window import MainWindow
from tests.conftest import TEST_PASSPHRASE
from tests.gui.conftest import show_active

DUTCH_SECTIONS = ["Vandaag", "Gezinnen", "Sociale kaart", "Doorverwijzingen", "Opvolging", "Overleg", "Rapportage"]


def _window(qtbot, store) -> MainWindow:
    window = MainWindow(store, auto_lock_minutes=0)
    qtbot.addWidget(window)
    show_active(qtbot, window)
    return window


def test_sidebar_lists_the_seven_sections_in_dutch(qtbot, store) -> None:
    window = _window(qtbot, store)
    assert [window.sidebar.item(i).text() for i in range(window.sidebar.count())] == DUTCH_SECTIONS
    assert window.menuBar().actions()[0].text() == "&Bestand"


def test_ctrl_number_switches_section_and_ctrl_k_focuses_search(qtbot, store) -> None:
    window = _window(qtbot, store)
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.current_section() == "kaart"
    assert window.stack.currentWidget().title_label.text() == "Sociale kaart"
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.search_field


def test_lock_covers_the_data_and_only_the_passphrase_unlocks(qtbot, encrypted_store) -> None:
    window = _window(qtbot, encrypted_store)
    locked = []
    window.locked.connect(lambda: locked.append(True))
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.is_locked() and locked == [True]
    qtbot.keyClicks(window.lock_screen.passphrase, "fout")
    qtbot.keyClick(window.lock_screen.passphrase, Qt.Key.Key_Return)
    assert window.is_locked()
    assert "klopt niet" in window.lock_screen.error.text()
    qtbot.keyClicks(window.lock_screen.passphrase, TEST_PASSPHRASE)
    qtbot.keyClick(window.lock_screen.passphrase, Qt.Key.Key_Return)
    assert not window.is_locked()


def test_locked_and_unlocked_twice_with_the_keyboard_the_lock_screen_stays_centred(qtbot, encrypted_store) -> None:
    window = _window(qtbot, encrypted_store)
    window.resize(1280, 720)
    for _round in range(2):  # the lock screen is built once, with the window, and serves every lock
        qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
        assert window.is_locked()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is window.lock_screen.passphrase)
        field = window.lock_screen.passphrase.geometry()
        centre = window.lock_screen.width() // 2
        assert abs(field.center().x() - centre) <= 1  # centred by stretches (ui/widgets/centred.py)
        qtbot.keyClicks(window.lock_screen.passphrase, TEST_PASSPHRASE)
        qtbot.keyClick(window.lock_screen.passphrase, Qt.Key.Key_Return)
        assert not window.is_locked()


def test_the_top_bar_buttons_show_their_text_beside_their_icon(qtbot, store) -> None:
    window = _window(qtbot, store)
    buttons = window.findChild(QFrame, "TopBar").findChildren(QToolButton)
    assert {b.text() for b in buttons} >= {"Snel noteren", "Vergrendelen"}
    assert {b.toolButtonStyle() for b in buttons} == {Qt.ToolButtonStyle.ToolButtonTextBesideIcon}  # style sheet


def test_auto_lock_after_idle_time(qtbot, encrypted_store) -> None:
    window = _window(qtbot, encrypted_store)
    window._auto_lock_ms = 50
    window._idle_timer.start(50)
    qtbot.waitUntil(window.is_locked, timeout=2000)


def test_typing_keeps_the_window_unlocked(qtbot, encrypted_store) -> None:
    """Input restarts the idle clock from just after the window is shown (the watch starts once Vandaag is
    filled, so start-up does not pay for it): a person typing is never locked out mid-sentence."""
    window = MainWindow(encrypted_store, auto_lock_minutes=10)
    qtbot.addWidget(window)
    show_active(qtbot, window)
    qtbot.wait(150)  # the first page is filled; the activity watch is installed shortly after
    window.search_field.setFocus()
    for _round in range(2):  # keys come to the window first, as from a keyboard
        window._auto_lock_ms = 400
        window._idle_timer.start(400)
        for _key in range(6):  # 6 × 100 ms of typing: longer than the idle time, never idle that long
            qtbot.keyClick(window.windowHandle(), Qt.Key.Key_G)
            qtbot.wait(100)
            assert not window.is_locked()
        assert window.search_field.text().endswith("gggggg")
        window.search_field.clear()
    # typing in a dialog counts too
    dialog = QInputDialog(window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: QApplication.focusWindow() is dialog.windowHandle(), timeout=2000)
    window._idle_timer.start(400)
    for _key in range(6):
        qtbot.keyClick(dialog.windowHandle(), Qt.Key.Key_A)
        qtbot.wait(100)
        assert not window.is_locked()
    assert dialog.textValue() == "aaaaaa"
    dialog.close()
    qtbot.waitUntil(window.is_locked, timeout=2000)  # and once the typing stops, it locks


def test_last_section_and_geometry_are_remembered(qtbot, store) -> None:
    window = _window(qtbot, store)
    window.resize(1200, 700)  # the offscreen screen is 800x800: only the height survives its clamping
    window.show_section("meetings")
    window.close()
    again = _window(qtbot, store)
    assert again.current_section() == "meetings"
    assert again.height() == 700


def test_language_switch_rebuilds_the_window_in_english(qtbot, store) -> None:
    controller = AppController(QApplication.instance(), store, demo=False)
    window = controller.show()
    qtbot.addWidget(window)
    english = controller.switch_language("en")
    qtbot.addWidget(english)
    try:
        assert english.sidebar.item(1).text() == "Families"
        assert english.menuBar().actions()[0].text() == "&File"
        dutch = controller.switch_language("nl")
        qtbot.addWidget(dutch)
        assert dutch.sidebar.item(1).text() == "Gezinnen"
    finally:
        controller.switch_language("nl").close()


def test_qt_own_buttons_speak_dutch(qtbot) -> None:
    from PySide6.QtWidgets import QDialogButtonBox

    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel | QDialogButtonBox.StandardButton.Close)
    qtbot.addWidget(buttons)
    assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "Annuleren"
    assert buttons.button(QDialogButtonBox.StandardButton.Close).text() == "Sluiten"


def test_about_dialog_names_version_and_licences(qtbot) -> None:
    from PySide6.QtWidgets import QLabel

    from brugapp import __version__
    from brugapp.ui.shell.about import AboutDialog

    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    text = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert __version__ in text
    assert "GPL" in text and "LGPL" in text and "CC BY-SA" in text
    assert dialog.windowTitle() == "Over BrugApp"


def test_ctrl_f_searches_the_page_when_it_has_a_search_field(qtbot, store) -> None:
    from brugapp.services.kaart.edit import ServiceInput, save_service

    window = _window(qtbot, store)
    window.show_section("kaart")
    page = window.stack.currentWidget()
    # an empty map shows no search field (its first step instead): Ctrl+F searches everywhere
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.search_field
    save_service(store, service_id=None, data=ServiceInput(name="Schuldbemiddeling", organization_name="OCMW Kortrijk"))
    page.refresh()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is page.search
    window.show_section("reports")
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.search_field


def test_the_help_menu_opens_the_guide_and_the_shortcuts_twice_each(qtbot, store) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QAction

    def guide_text(dialog) -> str:
        return dialog.browser.toPlainText()

    def shortcut_keys(dialog) -> str:
        return " ".join(dialog.model.item(row, 0).text() for row in range(dialog.model.rowCount()))

    window = _window(qtbot, store)
    entries = (("UserGuideAction", guide_text, "BrugApp"), ("ShortcutsAction", shortcut_keys, "Ctrl+K"))
    for _ in range(2):
        for action_name, read, expected in entries:
            seen: list[str] = []

            def close_it(seen: list[str] = seen, read=read) -> None:
                dialog = QApplication.activeModalWidget()
                seen.append(read(dialog))
                dialog.reject()

            QTimer.singleShot(200, close_it)
            window.findChild(QAction, action_name).trigger()
            # THEN the guide shows its text and the overview lists the window's shortcuts, each time
            assert len(seen) == 1 and expected in seen[0]

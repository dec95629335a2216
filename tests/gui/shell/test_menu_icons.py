"""Icons only a menu shows are drawn when a menu first opens; from then on every menu item has its icon."""

from __future__ import annotations

from PySide6.QtCore import QPoint

from brugapp.ui.shell.main_window import MainWindow
from tests.gui.conftest import show_active


def _menu(window: MainWindow, title: str):
    return next(a.menu() for a in window.menuBar().actions() if a.text() == title)


def test_the_menus_get_their_icons_when_first_opened(qtbot, store) -> None:
    # GIVEN the main window as it starts: the menu-only icons not drawn yet
    window = MainWindow(store, auto_lock_minutes=0)
    qtbot.addWidget(window)
    show_active(qtbot, window)
    assert all(action.icon().isNull() for action in window.section_actions)
    assert window.about_action.icon().isNull()
    # WHEN the Beeld menu is opened and closed, twice
    view = _menu(window, "Beel&d")
    for _round in range(2):
        view.popup(window.mapToGlobal(QPoint(40, 30)))
        qtbot.waitUntil(view.isVisible)
        view.hide()
    # THEN every section item and the About item of the Help menu have their icons
    assert all(not action.icon().isNull() for action in window.section_actions)
    assert not window.about_action.icon().isNull()
    # AND the lock action, shown in the top bar from the start, had its icon all along
    assert not window.lock_action.icon().isNull()

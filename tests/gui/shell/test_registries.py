"""Every entry of the UI's registries builds: sections, Vandaag's panels and the global actions."""

from __future__ import annotations

from PySide6.QtCore import QThreadPool
from PySide6.QtGui import QAction

from brugapp.ui.shell.global_actions import GLOBAL_ACTIONS
from brugapp.ui.shell.main_window import MainWindow
from brugapp.ui.shell.section_page import SectionPage
from brugapp.ui.shell.sections import SECTIONS, build_page
from brugapp.ui.today.page import TODAY_PANELS


def test_every_section_builds_its_page_and_refreshes(qtbot, store):
    keys = [spec.key for spec in SECTIONS]
    assert len(keys) == len(set(keys))
    for spec in SECTIONS:
        page = build_page(spec, store)
        qtbot.addWidget(page)
        assert isinstance(page, SectionPage)
        page.refresh()
        # Some pages count in the background (Rapportage): let that finish before the page goes away.
        assert QThreadPool.globalInstance().waitForDone(15_000)
        qtbot.wait(10)
        assert page.title_label.text(), f"section {spec.key} shows no title"


def test_every_today_panel_builds_and_refreshes(qtbot, store):
    for panel_class in TODAY_PANELS:
        panel = panel_class(store)
        qtbot.addWidget(panel)
        panel.refresh()
        assert panel.title.text()


def test_every_global_action_lands_on_the_window_with_a_name(qtbot, store):
    window = MainWindow(store)
    qtbot.addWidget(window)
    assert len(window.global_actions) == len(GLOBAL_ACTIONS)
    for action in window.global_actions:
        assert isinstance(action, QAction)
        assert action.text() and action.objectName()
        assert window.findChild(QAction, action.objectName()) is action

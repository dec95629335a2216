"""Keyboard first: Tab always goes on. No list, table or text box of any page keeps the focus for itself.

Found by the scenario 9 journey: Tab in a meeting's table of action points moved from cell to cell for
ever, so "Gedaan" next to it could not be reached without the mouse. The same held for the families and
sociale kaart lists. Arrow keys move within a table; Tab leaves it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from brugapp.services.referrals.referrals import create_referral
from brugapp.ui.shell.sections import SECTIONS
from tests.gui.journeys import test_scenario_3, test_scenario_5
from tests.gui.journeys.helpers import key, main_window


def test_tab_leaves_every_list_and_table_of_every_page(qtbot, store):
    # GIVEN a family with an urgent referral, the sociale kaart, and a rondetafel with its action points
    family, ocmw = test_scenario_3._seed(store)
    create_referral(store, family_id=family, service_id=ocmw, intensity="called", urgent=True)
    test_scenario_5._seed(store)
    window = main_window(qtbot, store)
    trapped, visited = [], 0
    for spec in SECTIONS:
        page = window.show_section(spec.key)
        for view in page.findChildren(QAbstractItemView):
            model = view.model()
            if isinstance(view, QHeaderView) or view.focusPolicy() == Qt.FocusPolicy.NoFocus:
                continue  # not a stop of the Tab chain
            if not view.isVisible() or model is None or model.rowCount() == 0:
                continue
            # WHEN the focus comes into the list by Tab and Tab is pressed a few times
            view.setFocus(Qt.FocusReason.TabFocusReason)
            for _step in range(14):  # more than the cells of a row: a table that moves cell by cell keeps it
                key(qtbot, Qt.Key.Key_Tab)
                if QApplication.focusWidget() is not view:
                    break
            visited += 1
            # THEN the focus has gone on to the next control
            if QApplication.focusWidget() is view:
                trapped.append(f"{spec.key}: {view.accessibleName()}")
    assert visited >= 5
    assert trapped == [], "\n".join(trapped)


def test_tab_leaves_a_text_box_without_typing_a_tab(qtbot):
    # GIVEN a form with a plain and a rich text box between two fields, as the app's pages build them
    form = QWidget()
    layout = QVBoxLayout(form)
    before, plain, rich, after = QLineEdit(), QPlainTextEdit(), QTextEdit(), QLineEdit()
    for field in (before, plain, rich, after):
        layout.addWidget(field)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    form.activateWindow()
    for box, following in ((plain, rich), (rich, after)):
        for _turn in range(2):  # the second time the box is already set to pass Tab on
            # WHEN the box gets the focus by Tab and Tab is pressed in it
            box.setFocus(Qt.FocusReason.TabFocusReason)
            qtbot.waitUntil(box.hasFocus, timeout=2000)
            key(qtbot, Qt.Key.Key_Tab, into=box)
            # THEN the focus is on the next field and the box holds no tab character
            assert QApplication.focusWidget() is following
            assert box.toPlainText() == ""

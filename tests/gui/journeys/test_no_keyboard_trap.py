"""Keyboard first: Tab always goes on. No list or table of any page keeps the focus for itself.

Found by the scenario 9 journey: Tab in a meeting's table of action points moved from cell to cell for
ever, so "Gedaan" next to it could not be reached without the mouse. The same held for the families and
sociale kaart lists. Arrow keys move within a table; Tab leaves it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QHeaderView

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

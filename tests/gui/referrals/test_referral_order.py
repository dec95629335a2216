"""Doorverwijzingen's order follows the checks: a check done on Vandaag moves its referral down the list, in the real
window, by keyboard (the order is the store's, kept by revision 0016's triggers: ``store/referrals_reads.py``)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from brugapp.domain.clock import today_local
from brugapp.domain.referrals import Intensity
from brugapp.services.referrals.followups import list_followups
from brugapp.services.referrals.referrals import create_referral
from brugapp.ui.today.followups_panel import FollowUpsTodayPanel
from tests.factories import make_family
from tests.gui.journeys.helpers import main_window, press, shortcut, tab_to
from tests.unit.referrals.test_referral_scenarios import kaart_service


def _listed(page) -> list[tuple[str, str]]:
    """Family and "check on" as the table shows them."""
    model = page.model
    return [(model.index(row, 0).data(), model.index(row, 3).data()) for row in range(model.rowCount())]


def test_a_check_done_on_vandaag_moves_its_referral_down_doorverwijzingen(qtbot, store):
    # GIVEN Gezin Claes referred a week ago (its check falls today) and Gezin Aerts referred today (check next week)
    caw = kaart_service(store)
    today = today_local()
    claes = create_referral(store, family_id=make_family(store, display_name="Gezin Claes"), service_id=caw.id,
                            intensity=Intensity.APPOINTMENT_MADE, referred_on=today - dt.timedelta(days=7))
    create_referral(store, family_id=make_family(store, display_name="Gezin Aerts"), service_id=caw.id,
                    intensity=Intensity.INFO)
    window = main_window(qtbot, store)
    shortcut(qtbot, window, Qt.Key.Key_4)
    referrals = window.page("referrals")
    listed = _listed(referrals)
    assert [family for family, _check in listed] == ["Gezin Claes", "Gezin Aerts"]
    claes_check, aerts_check = (check for _family, check in listed)
    assert claes_check != aerts_check and "–" not in (claes_check, aerts_check)
    # WHEN Claes' check is marked done on Vandaag (Ctrl+1, Tab into the checks card: its line, Tab, Space)
    shortcut(qtbot, window, Qt.Key.Key_1)
    [panel] = [p for p in window.page("today").panels if isinstance(p, FollowUpsTodayPanel)]
    tab_to(qtbot, panel.list)
    assert "Gezin Claes" in panel.list.currentItem().text()
    press(qtbot, panel.done_button)
    assert [f.referral_id for f in list_followups(store, status="done")] == [claes]
    # THEN Doorverwijzingen lists Aerts first with its check and Claes after it without one, each time it is shown
    for _visit in range(2):
        shortcut(qtbot, window, Qt.Key.Key_4)
        assert _listed(referrals) == [("Gezin Aerts", aerts_check), ("Gezin Claes", "–")]
        shortcut(qtbot, window, Qt.Key.Key_1)

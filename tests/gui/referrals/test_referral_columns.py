"""The referrals list at 1366 px: the service gets the room, the status a fixed column with a tooltip."""

from __future__ import annotations

from PySide6.QtCore import Qt

from brugapp.domain.clock import today_local
from brugapp.domain.referrals import Intensity
from brugapp.services.referrals.referrals import create_referral
from brugapp.ui.referrals.page import ReferralsPage
from tests.factories import make_family
from tests.unit.referrals.test_referral_scenarios import kaart_service


def test_service_column_stretches_not_status(qtbot, store):
    family = make_family(store, display_name="Gezin Al-Hassan")
    service = kaart_service(store, name="Sociale dienst – onthaal", org="OCMW Kortrijk")
    create_referral(store, family_id=family, service_id=service.id, intensity=Intensity.ACCOMPANIED,
                    urgent=True, referred_on=today_local())
    page = ReferralsPage(store)
    qtbot.addWidget(page)
    page.resize(1366 - 218, 650)  # the page beside the sidebar
    page.show()
    page.refresh()
    qtbot.waitExposed(page)
    qtbot.wait(10)
    header = page.table.horizontalHeader()
    sizes = [header.sectionSize(c) for c in range(header.count())]
    # THEN the service column is the widest, nothing runs past the edge, and the cut status has a tooltip
    assert sizes[1] == max(sizes), sizes
    assert sum(sizes) <= page.table.viewport().width()
    status = page.model.index(0, 2)
    assert "Dringend" in status.data(Qt.ItemDataRole.ToolTipRole)


def test_a_long_family_name_is_cut_not_the_service(qtbot, store):
    # GIVEN referrals of families with long names, in the list as wide as it is beside the detail at 1366 px
    for number in range(3):
        family = make_family(store, display_name=f"Gezin Vandenbroucke-Vanderstraeten (Anne-Sophie) {number}")
        service = kaart_service(store, name=f"Onthaal {number}", org="JAC Menen")
        create_referral(store, family_id=family, service_id=service.id, intensity=Intensity.ACCOMPANIED,
                        referred_on=today_local())
    page = ReferralsPage(store)
    qtbot.addWidget(page)
    page.resize(1366 - 218, 650)
    page.show()
    page.refresh()
    qtbot.waitExposed(page)
    header = page.table.horizontalHeader()
    for width in (page.table.width(), page.table.width() - 120):  # the splitter dragged narrower: shared again
        page.splitter.setSizes([width, page.splitter.width() - width])
        qtbot.wait(10)
        sizes = [header.sectionSize(c) for c in range(header.count())]
        # THEN the service keeps at least the family's width and the family name is whole in its tooltip
        assert sizes[1] >= sizes[0] and sum(sizes) <= page.table.viewport().width(), sizes
    family_cell = page.model.index(0, 0)
    assert "Anne-Sophie" in family_cell.data(Qt.ItemDataRole.ToolTipRole)

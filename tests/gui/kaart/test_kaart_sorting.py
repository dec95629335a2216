"""The service list sorts over all services (in the model), keeps its order when reloaded, and still filters."""

from __future__ import annotations

from PySide6.QtCore import Qt

from brugapp.ui.kaart.page import KaartPage
from tests.gui.kaart.test_kaart_page import add


def _organisations(page: KaartPage) -> list[str]:
    return [s.organization_name for s in page.visible_summaries()]


def test_a_header_click_sorts_every_service_and_a_reload_keeps_the_order_and_the_choice(qtbot, store) -> None:
    # GIVEN four services, the list shown by organisation (the page's first order)
    add(store, "Onthaal", "OCMW Kortrijk", categories=("welfare",))
    add(store, "Schuldbemiddeling", "CAW Zuid-West-Vlaanderen", categories=("debt",))
    add(store, "Hulplijn", "Tele-Onthaal", categories=("crisis",))
    add(store, "Spreekuur", "Ádvocaat pro deo", categories=("debt",))
    page = KaartPage(store)
    qtbot.addWidget(page)
    page.refresh()
    page.show()
    assert _organisations(page) == ["Ádvocaat pro deo", "CAW Zuid-West-Vlaanderen", "OCMW Kortrijk", "Tele-Onthaal"]
    # WHEN the user clicks the name header twice (descending) and chooses a service
    page.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert [s.name for s in page.visible_summaries()] == ["Spreekuur", "Schuldbemiddeling", "Onthaal", "Hulplijn"]
    page.table.selectRow(1)
    chosen = page.current_id()
    # AND the list is read again (another page changed a service)
    page.refresh()
    # THEN the order and the chosen service stay
    assert [s.name for s in page.visible_summaries()] == ["Spreekuur", "Schuldbemiddeling", "Onthaal", "Hulplijn"]
    assert page.current_id() == chosen
    # WHEN filtered on debt THEN the two debt services keep the chosen order
    page.category_box.setCurrentIndex(page.category_box.findData("debt"))
    qtbot.waitUntil(lambda: page.proxy.rowCount() == 2, timeout=2000)
    assert [s.name for s in page.visible_summaries()] == ["Spreekuur", "Schuldbemiddeling"]

"""Rapportage's cards write a busy programme's counts as the printed report does ("50.074"), sized to them."""

from __future__ import annotations

from brugapp.ui.reports.table_card import ReportTableCard
from tests.unit.reporting.test_report_thousands import CHANNELS


def test_a_card_shows_thousands_grouped_and_the_column_fits_them(qtbot) -> None:
    card = ReportTableCard(CHANNELS)
    qtbot.addWidget(card)
    card.resize(600, 300)
    card.show()
    model = card.view.model()
    shown = [model.index(row, 1).data() for row in range(model.rowCount())]
    assert shown == ["50.074", "<5", "1.234", "999"]
    needed = card.view.fontMetrics().horizontalAdvance("50.074")
    assert card.view.columnWidth(1) > needed

"""The phone and date columns are measured from one text per shape (not 2,000 numbers and dates): they must come out
exactly as wide as measuring every text the list shows, and hold each of them."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QSortFilterProxyModel
from PySide6.QtWidgets import QTableView

from brugapp.domain.kaart import parse_opening_hours
from brugapp.services.kaart.edit import ServiceInput, save_service, verify_service
from brugapp.services.kaart.query import list_services
from brugapp.ui.kaart.model import VERIFIED_COLUMN, KaartColumns, KaartFilterProxy, KaartTableModel

DIGITS_AS_ZERO = str.maketrans("123456789", "000000000")
# A Saturday evening: services with an after-hours number show it ("… (na de uren)"), the others their main line.
SATURDAY_EVENING = dt.datetime(2026, 11, 28, 20, 30)


def _many_shapes(store) -> None:
    """Numbers of different lengths, after-hours lines, and verified dates of every month, one- and two-digit days,
    recent and more than a year old, and never."""
    days = [dt.date(2026, month, day) for month in range(1, 12) for day in (3, 27)] + [
        dt.date(2024, 5, 9), dt.date(2025, 2, 14),
        # the same month: more than a year ago on one- and two-digit days, and just within the year
        dt.date(2025, 11, 5), dt.date(2025, 11, 20), dt.date(2025, 11, 29)]
    for n, day in enumerate(days):
        service_id = save_service(store, service_id=None, data=ServiceInput(
            name=f"Dienst {n}", organization_name=f"Organisatie {n % 4}",
            phone="056 00 12 59" if n % 3 else "0800 123 45", after_hours_phone="0470 12 34 56" if n % 5 == 0 else "",
            opening_hours=parse_opening_hours("ma-vr 9-17")))
        verify_service(store, service_id=service_id, today=day)
    save_service(store, service_id=None, data=ServiceInput(name="Nooit gecontroleerd", organization_name="X"))


def test_measured_columns_are_as_wide_as_their_widest_text(qtbot, store) -> None:
    _many_shapes(store)
    model = KaartTableModel()
    model.set_rows(list_services(store), now=SATURDAY_EVENING)
    proxy = KaartFilterProxy()
    proxy.setSourceModel(model)
    table = QTableView()
    table.setModel(proxy)
    table._keep = (model, proxy)  # type: ignore[attr-defined]
    qtbot.addWidget(table)
    columns = KaartColumns.install(table)
    assert isinstance(table.model(), QSortFilterProxyModel)
    metrics = table.fontMetrics()
    header = table.horizontalHeader()
    shown = {column: [proxy.index(row, column).data() for row in range(proxy.rowCount())] for column in (1, 5)}
    # the shapes really differ: after-hours numbers, stale marks, "never", short and long days
    assert any("(na de uren)" in text for text in shown[1])
    assert any(text.startswith("⚠") for text in shown[5]) and "nooit" in shown[5]
    assert any(not text.startswith("⚠") for text in shown[5])
    for column in (1, VERIFIED_COLUMN):
        # THEN every shape of text the column shows is measured, and nothing else
        assert model.texts_of(column, model.rows) == {text.translate(DIGITS_AS_ZERO) for text in shown[column]}
        # and the width is the one measuring every shown text gives (tabular digits: each as 0)
        widest = max(metrics.horizontalAdvance(text.translate(DIGITS_AS_ZERO)) for text in shown[column]) + 24
        assert columns.widths[column] == max(columns._minimum[column], widest)
        assert header.sectionSize(column) == columns.widths[column]
        # and every text fits, digits as they are
        assert all(metrics.horizontalAdvance(text) < header.sectionSize(column) for text in shown[column])

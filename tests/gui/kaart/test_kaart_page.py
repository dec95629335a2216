"""The Sociale kaart page: typing and filters narrow the list; the detail pane shows the chosen service."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QPushButton

from brugapp.domain.kaart import parse_opening_hours
from brugapp.services.kaart.detail import get_service
from brugapp.services.kaart.edit import ServiceInput, save_service, set_colour
from brugapp.ui.clipping import clipped_texts
from brugapp.ui.kaart.page import KaartPage
from tests.gui.conftest import shown_page


def add(store, name: str, org: str, **fields: object) -> str:
    hours = str(fields.pop("hours", "ma-vr 9-17"))
    return save_service(store, service_id=None, data=ServiceInput(
        name=name, organization_name=org, opening_hours=parse_opening_hours(hours), **fields))  # type: ignore[arg-type]


def test_kaart_page_filters_and_shows_details(qtbot, store, tmp_path: Path) -> None:
    # GIVEN a small map and the page at Wednesday 17:30
    ocmw = add(store, "Sociale dienst – onthaal", "OCMW Kortrijk", categories=("welfare", "crisis"),
               phone="056 00 10 01", after_hours_phone="056 00 99 10", municipalities=("Kortrijk",),
               not_offered="Geen juridisch advies", contact_name="Sofie Vermeulen")
    add(store, "Schuldbemiddeling", "OCMW Kortrijk", categories=("debt",), municipalities=("Kortrijk",),
        phone="056 00 10 05")
    add(store, "Schuldbemiddeling", "OCMW Roeselare", categories=("debt",), municipalities=("Roeselare",))
    add(store, "Hulplijn", "Tele-Onthaal", categories=("crisis",), phone="0800 00 106", hours="24/7")
    set_colour(store, organization_id=get_service(store, service_id=ocmw).organization_id, colour="green")
    page = KaartPage(store)
    page.now_override = dt.datetime(2026, 11, 25, 17, 30)
    qtbot.addWidget(page)
    page.refresh()
    page.show()
    assert page.proxy.rowCount() == 4

    # WHEN the user types "schulden kortrijk"
    page.search.setFocus()
    qtbot.keyClicks(page.search, "schulden kortrijk")
    qtbot.waitUntil(lambda: page.proxy.rowCount() == 1, timeout=2000)
    # THEN only the Kortrijk debt service stays, and the count says so
    assert [s.name + " " + s.organization_name for s in page.visible_summaries()] == [
        "Schuldbemiddeling OCMW Kortrijk"]
    assert page.count_label.text() == "1 van 4 diensten"

    # WHEN the search is cleared and "crisis" + "open now" are chosen
    page.search.clear()
    page.category_box.setCurrentIndex(page.category_box.findData("crisis"))
    qtbot.mouseClick(page.open_now, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.proxy.rowCount() == 2, timeout=2000)
    # THEN the OCMW shows its after-hours number as the one to call now
    names = {s.name: s for s in page.visible_summaries()}
    assert set(names) == {"Sociale dienst – onthaal", "Hulplijn"}
    row = next(r for r in range(page.proxy.rowCount())
               if page.proxy.index(r, 0).data() == "Sociale dienst – onthaal")
    assert page.proxy.index(row, 1).data() == "056 00 99 10 (na de uren)"

    # WHEN the OCMW row is chosen
    page.table.selectRow(row)
    # THEN the detail pane shows what a school needs, and the private colour but no export of it
    html = page.detail.plain_text()
    assert "Sociale dienst – onthaal" in html and "Geen juridisch advies" in html and "Sofie Vermeulen" in html
    assert "056 00 99 10" in html
    assert page.detail.colour_box.currentData() == "green"

    # WHEN filtering on colour "red"
    page.colour_box.setCurrentIndex(page.colour_box.findData("red"))
    # THEN nothing stays and the pane says to choose a service
    assert page.proxy.rowCount() == 0
    assert "Kies een dienst" in page.detail.plain_text()

    # WHEN "checked today" is pressed on a stale service opened through the global-search hook
    page.clear_filters()
    page.show_record("service", ocmw, "")
    assert page.current_id() == ocmw
    qtbot.mouseClick(page.detail.verify_button, Qt.MouseButton.LeftButton)
    assert get_service(store, service_id=ocmw).assured_date == dt.date(2026, 11, 25)


def test_every_control_has_an_accessible_name(qtbot, store) -> None:
    page = KaartPage(store)
    qtbot.addWidget(page)
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit, QPlainTextEdit, QTableView

    for kind in (QAbstractButton, QComboBox, QLineEdit, QPlainTextEdit, QTableView):
        for widget in page.findChildren(kind):
            if widget.parent() is not None and widget.objectName().startswith("qt_"):
                continue
            if isinstance(widget.parent(), QComboBox | QLineEdit | QTableView):
                continue  # Qt's own parts: combo editor, clear button, table corner
            assert widget.accessibleName() or (isinstance(widget, QAbstractButton) and widget.text()), widget


def test_edit_dialog_gives_a_checked_service_input(qtbot, store) -> None:
    from brugapp.ui.kaart.dialogs import ServiceDialog

    service_id = add(store, "Huiswerkklas", "Huiswerk Kortrijk", categories=("education",), hours="ma, di 16-18")
    dialog = ServiceDialog(get_service(store, service_id=service_id))
    qtbot.addWidget(dialog)
    assert dialog.fields["opening_hours"].text() == "ma, di 16:00-18:00"
    dialog.fields["opening_hours"].setText("elke dag wat")
    dialog._accept()
    assert dialog.value() is None and dialog.error.isVisibleTo(dialog)
    assert "Openingsuren" in dialog.error.text()
    dialog.fields["opening_hours"].setText("ma-do 16-18")
    dialog.fields["wait_time"].setText("geen")
    dialog._accept()
    value = dialog.value()
    assert value is not None and value.wait_time == "geen" and value.categories == ("education",)
    assert len(value.opening_hours) == 1 and value.opening_hours[0].days == (0, 1, 2, 3)


def test_an_empty_map_offers_the_import_and_gives_way_to_the_list_once_a_service_is_in(qtbot, store,
                                                                                      monkeypatch) -> None:
    # GIVEN a notebook whose social map has no service yet
    asked: list[str] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (asked.append("open") or ("", "")))
    page = shown_page(qtbot, KaartPage(store), (1280 - 218, 620))
    # THEN the page says so and what to do, instead of an empty list, its filters and legend
    empty = page.empty_map
    assert empty is not None and empty.isVisible() and empty.accessibleName() == "Je sociale kaart is nog leeg"
    assert not page.table.isVisible() and not page.search.isVisible() and not page.legend.isVisible()
    assert clipped_texts(page) == []
    # WHEN its button is pressed, twice (the file dialog cancelled each time)
    [import_button] = [b for b in empty.findChildren(QPushButton) if b.text() == "Importeren …"]
    qtbot.mouseClick(import_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(import_button, Qt.MouseButton.LeftButton)
    # THEN each time the import asks for a file, and the map stays empty
    assert asked == ["open", "open"] and empty.isVisible()
    # WHEN a first service is added and the page shown again
    add(store, "Schuldbemiddeling", "OCMW Kortrijk", categories=("debt",), municipalities=("Kortrijk",))
    page.refresh()
    # THEN the list, the search and the legend are back, with the service
    assert page.table.isVisible() and page.search.isVisible() and page.legend.isVisible()
    assert not empty.isVisible() and page.proxy.rowCount() == 1 and page.count_label.text() == "1 van 1 dienst"

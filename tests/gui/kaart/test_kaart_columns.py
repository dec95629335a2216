"""The service list fits its pane at 1366 px: no horizontal scrollbar, the service name gets the room."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView

from brugapp.domain.kaart import parse_opening_hours
from brugapp.services.kaart.edit import ServiceInput, save_service
from brugapp.services.kaart.query import list_services
from brugapp.ui.kaart.model import CATEGORY_COLUMN, KaartColumns, KaartFilterProxy, KaartTableModel


def _table(qtbot, store, width: int) -> QTableView:
    for n in range(30):
        save_service(store, service_id=None, data=ServiceInput(
            name=f"Kinder- en jongerenpsychiatrie, ambulante begeleiding {n}",
            organization_name="Centrum voor Kinderzorg en Gezinsondersteuning", phone="056 00 12 59",
            municipalities=("Kortrijk", "Roeselare", "Menen"), categories=("welfare", "crisis"),
            opening_hours=parse_opening_hours("ma-vr 9-17")))
    model = KaartTableModel()
    model.set_rows(list_services(store))
    proxy = KaartFilterProxy()
    proxy.setSourceModel(model)
    table = QTableView()
    table.setModel(proxy)
    table.verticalHeader().hide()  # as on the page
    table._keep = (model, proxy)  # type: ignore[attr-defined]
    qtbot.addWidget(table)
    KaartColumns.install(table)
    table.resize(width, 500)
    table.show()
    qtbot.waitExposed(table)
    qtbot.wait(10)
    return table


def _used(table: QTableView) -> int:
    header = table.horizontalHeader()
    return sum(header.sectionSize(c) for c in range(header.count()) if not header.isSectionHidden(c))


def test_columns_fit_the_pane_at_1366(qtbot, store):
    # GIVEN the list as wide as its pane in a 1366 px window (659 px beside the detail pane)
    table = _table(qtbot, store, 659)
    # THEN nothing runs past the right edge, and the service name has the widest column
    assert _used(table) <= table.viewport().width()
    assert not table.horizontalScrollBar().isVisible()
    header = table.horizontalHeader()
    assert header.sectionSize(0) >= KaartColumns.MIN_NAME
    assert header.sectionSize(0) == max(header.sectionSize(c) for c in range(header.count()))
    # the phone number and the date are never cut; long cells have their full text as tooltip
    metrics = table.fontMetrics()
    model = table.model()
    assert metrics.horizontalAdvance("056 00 12 59") < header.sectionSize(1) - 8
    assert model.index(0, 2).data(Qt.ItemDataRole.ToolTipRole).startswith(
        "Centrum voor Kinderzorg en Gezinsondersteuning")
    assert header.model().headerData(5, Qt.Orientation.Horizontal) == "Gecontroleerd"
    assert header.model().headerData(5, Qt.Orientation.Horizontal,
                                     Qt.ItemDataRole.ToolTipRole) == "Laatst gecontroleerd"


def test_category_comes_back_on_a_wider_screen(qtbot, store):
    table = _table(qtbot, store, 659)
    assert table.isColumnHidden(CATEGORY_COLUMN)
    table.resize(1000, 500)
    qtbot.wait(10)
    assert not table.isColumnHidden(CATEGORY_COLUMN)
    assert _used(table) <= table.viewport().width()


def test_detail_shows_the_email_in_the_first_view(qtbot, store):
    import datetime as dt

    from brugapp.services.kaart.detail import get_service
    from brugapp.ui.kaart.detail import KaartDetail

    service_id = save_service(store, service_id=None, data=ServiceInput(
        name="Inburgering en NT2-advies", organization_name="Agentschap Integratie en Inburgering",
        description="Inburgeringstraject, cursus Nederlands, maatschappelijke oriëntatie.",
        target_group="Nieuwkomers vanaf 18", application_process="Het gezin meldt zich zelf aan",
        wait_time="2 tot 4 weken", fees="Inburgering 90 euro, vrijstelling mogelijk", phone="056 00 12 59",
        email="info@agii.example.be", municipalities=("Kortrijk", "Roeselare", "Menen", "Waregem"),
        opening_hours=parse_opening_hours("ma-vr 9-12, 13-16")))
    detail = KaartDetail()
    qtbot.addWidget(detail)
    detail.resize(429, 470)  # the pane beside the list at 1366×768
    detail.show()
    qtbot.waitExposed(detail)
    detail.show_detail(get_service(store, service_id=service_id), now=dt.datetime(2026, 11, 25, 10))
    qtbot.wait(10)
    found = detail.heading.document().find("info@agii.example.be")
    assert not found.isNull()
    rect = detail.heading.cursorRect(found)
    # the pane scrolls as one page: the e-mail is inside what it shows before any scrolling
    bottom = detail.heading.viewport().mapTo(detail.scroll.viewport(), rect.bottomLeft()).y()
    assert detail.scroll.verticalScrollBar().value() == 0
    assert 0 <= bottom <= detail.scroll.viewport().height()
    text = detail.plain_text()
    assert text.index("056 00 12 59") < text.index("E-mail") < text.index("Wat doen ze")


def test_kaart_page_has_no_horizontal_scrollbar_at_1366(qtbot, store):
    from brugapp.ui.kaart.page import KaartPage

    for n in range(5):
        save_service(store, service_id=None, data=ServiceInput(
            name=f"Kinder- en jongerenpsychiatrie {n}", organization_name="CGG Zuid-West-Vlaanderen",
            phone="056 00 11 94", municipalities=("Kortrijk", "Roeselare"), categories=("welfare",),
            opening_hours=parse_opening_hours("ma-vr 9-17")))
    page = KaartPage(store)
    qtbot.addWidget(page)
    page.resize(1366 - 218, 650)  # the page beside the sidebar
    page.show()
    page.refresh()
    qtbot.waitExposed(page)
    qtbot.wait(20)
    assert _used(page.table) <= page.table.viewport().width()
    assert not page.table.horizontalScrollBar().isVisible()
    assert page.table.horizontalHeader().sectionSize(0) >= KaartColumns.MIN_NAME


def test_detail_reads_as_one_page_in_titled_sections_without_a_box_scrolling_inside_it(qtbot, store):
    import datetime as dt

    from brugapp.services.kaart.detail import get_service
    from brugapp.ui.kaart.detail import KaartDetail

    # GIVEN a service with every public fact filled in
    service_id = save_service(store, service_id=None, data=ServiceInput(
        name="Schuldbemiddeling", organization_name="OCMW Kortrijk",
        description="Budgetbegeleiding en collectieve schuldenregeling voor gezinnen met schulden.",
        not_offered="Geen juridisch advies, geen leningen.", target_group="Gezinnen uit Kortrijk",
        application_process="Bellen voor een afspraak; de brugfiguur mag mee.", wait_time="3 weken",
        fees="Gratis", phone="056 00 99 10", email="schuld@ocmw.example.be",
        municipalities=("Kortrijk",), opening_hours=parse_opening_hours("ma-vr 9-12, 13-16")))
    detail = KaartDetail()
    qtbot.addWidget(detail)
    detail.resize(429, 470)  # the pane beside the list at 1366×768
    detail.show()
    qtbot.waitExposed(detail)
    detail.show_detail(get_service(store, service_id=service_id), now=dt.datetime(2026, 11, 25, 10))
    qtbot.wait(10)
    # THEN the text boxes are as tall as their text: nothing in them is hidden behind their own scroll bar
    for box in (detail.heading, detail.browser):
        assert box.document().size().height() <= box.viewport().height() + 1
        assert not box.verticalScrollBar().isVisible()
    # and the page scrolls as a whole, down to the private notes
    assert detail.scroll.widget().height() > detail.scroll.viewport().height()
    detail.scroll.ensureWidgetVisible(detail.notes)
    assert detail.scroll.verticalScrollBar().value() > 0
    # and the facts come in titled sections, in the order a school asks them
    text = detail.plain_text()
    positions = [text.index(word) for word in ("056 00 99 10", "AANBOD", "Geen juridisch advies",
                                               "BEREIKBAARHEID", "Openingsuren", "WERKGEBIED EN THEMA'S")]
    assert positions == sorted(positions)
    # WHEN another service is chosen THEN it is read from its name down
    detail.show_detail(get_service(store, service_id=service_id), now=dt.datetime(2026, 11, 25, 10))
    assert detail.scroll.verticalScrollBar().value() == 0


def test_a_stale_service_is_marked_and_the_verified_column_sorts_by_date(qtbot, store):
    import datetime as dt

    from PySide6.QtGui import QBrush, QColor

    from brugapp.services.kaart.edit import verify_service
    from brugapp.ui.style import WARNING
    from brugapp.ui.widgets.roles import RECORD_ROLE, SORT_ROLE

    # GIVEN one service checked this autumn and one never checked
    fresh = save_service(store, service_id=None, data=ServiceInput(
        name="Schuldhulp OCMW", organization_name="OCMW Menen", phone="056 00 00 01"))
    save_service(store, service_id=None, data=ServiceInput(
        name="Ärztehaus Menen", organization_name="Ärztehaus", phone="056 00 00 02"))
    verify_service(store, service_id=fresh, today=dt.date(2026, 10, 1))
    model = KaartTableModel()
    model.set_rows(list_services(store), now=dt.datetime(2026, 11, 25, 10))
    proxy = KaartFilterProxy()
    proxy.setSourceModel(model)
    # WHEN the list is sorted on "Verified"
    proxy.sort(5, Qt.SortOrder.AscendingOrder)
    # THEN the never-checked one comes first, with a warning colour, a shaded row and why in the tooltip
    stale, checked = (proxy.index(row, 5) for row in range(2))
    assert stale.data(RECORD_ROLE).name == "Ärztehaus Menen"
    assert (stale.data(), stale.data(SORT_ROLE)) == ("nooit", "")
    assert QBrush(stale.data(Qt.ItemDataRole.ForegroundRole)).color() == QColor(WARNING)
    assert QBrush(stale.data(Qt.ItemDataRole.BackgroundRole)).color() == QColor("#fff4e5")
    assert "12 maanden" in stale.data(Qt.ItemDataRole.ToolTipRole)
    assert checked.data(SORT_ROLE) == "2026-10-01"
    assert checked.data(Qt.ItemDataRole.BackgroundRole) is None
    assert checked.data(Qt.ItemDataRole.ForegroundRole) is None
    # AND the name sorts without accents: Ärztehaus with A, before Schuldhulp
    proxy.sort(0, Qt.SortOrder.AscendingOrder)
    assert [proxy.index(row, 0).data() for row in range(2)] == ["Ärztehaus Menen", "Schuldhulp OCMW"]
    assert not proxy.index(0, 0).data(Qt.ItemDataRole.DecorationRole).isNull()

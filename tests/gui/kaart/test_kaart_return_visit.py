"""The sociale kaart shown again: what was saved elsewhere shows up; with nothing saved the map is not read again,
but "call now" still follows the clock."""

from __future__ import annotations

import datetime as dt

from brugapp.domain.kaart import parse_opening_hours
from brugapp.services.kaart.edit import ServiceInput, save_service
from brugapp.ui.kaart import page as kaart_page
from brugapp.ui.kaart.page import KaartPage


def _save(store, name: str, **fields: object) -> str:
    return save_service(store, service_id=None, data=ServiceInput(name=name, organization_name="CAW Kortrijk",
                                                                  **fields))  # type: ignore[arg-type]


def test_a_return_visit_reads_the_map_only_after_a_save(qtbot, store, monkeypatch):
    # GIVEN a service open on weekdays 9-17 with an after-hours line, the page shown on Wednesday at 16:58
    _save(store, "Onthaal", phone="056 00 10 01", after_hours_phone="056 00 99 10",
          opening_hours=parse_opening_hours("ma-vr 9-17"))
    page = KaartPage(store)
    qtbot.addWidget(page)
    page.now_override = dt.datetime(2026, 11, 25, 16, 58)
    page.refresh()
    reads: list[int] = []

    def counting(read):  # type: ignore[no-untyped-def]
        def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
            reads.append(1)
            return read(*args, **kwargs)
        return counted

    # the whole map, or its first page (a first visit in the list's own order)
    monkeypatch.setattr(kaart_page, "list_services", counting(kaart_page.list_services))
    monkeypatch.setattr(kaart_page, "first_services", counting(kaart_page.first_services))
    assert page.model.index(0, 1).data() == "056 00 10 01"
    # WHEN it is shown again in the same minute THEN nothing is read
    page.refresh()
    assert reads == []
    # WHEN it is shown again after closing time THEN the map is not read, but the after-hours number is shown
    page.now_override = dt.datetime(2026, 11, 25, 17, 30)
    page.refresh()
    assert reads == []
    assert page.model.index(0, 1).data() == "056 00 99 10 (na de uren)"
    # WHEN a service is saved elsewhere (an import, the referral dialog) THEN the next visit reads and shows it
    _save(store, "Schuldhulp", phone="056 00 10 05")
    page.refresh()
    assert reads == [1]
    assert sorted(summary.name for summary in page.visible_summaries()) == ["Onthaal", "Schuldhulp"]

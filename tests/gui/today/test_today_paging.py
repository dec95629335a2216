"""Vandaag on a busy programme: hundreds of overdue promises are listed page by page as the list scrolls."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import update

from brugapp.services.families.notebook import log_contact
from brugapp.store.models.notebook import ContactMoment
from brugapp.ui.today.panels import PAGE_ROWS, PromisedFollowUpsPanel
from tests.factories import make_family


def test_overdue_promises_are_listed_a_page_at_a_time(qtbot, store):
    # GIVEN 150 promises of last month, none kept yet (logged in bulk: the service checks a promise lies ahead)
    family = make_family(store, display_name="Gezin Çelik")
    last_month = dt.date.today() - dt.timedelta(days=30)
    for n in range(150):
        log_contact(store, family_id=family, channel="telefoon", note=f"Terugbellen {n}",
                    occurred_at=dt.datetime.now(dt.UTC) - dt.timedelta(days=40))
    with store.session() as session:
        session.execute(update(ContactMoment).values(follow_up_on=last_month, follow_up_done=False))
    # WHEN Vandaag's promises panel is filled
    panel = PromisedFollowUpsPanel(store)
    qtbot.addWidget(panel)
    panel.resize(600, 400)
    panel.show()
    panel.refresh()
    # THEN all 150 are there, but only the first page is built; scrolling to the end brings the next page
    assert panel.row_count() == 150 and panel.list.count() == PAGE_ROWS
    assert panel.list.item(0).text().startswith("Gezin Çelik – ")
    bar = panel.list.verticalScrollBar()
    bar.setValue(bar.maximum())
    assert panel.list.count() == 2 * PAGE_ROWS
    while panel.list.count() < 150:  # each time the list is laid out and scrolled to its end, one more page
        built, old_end = panel.list.count(), bar.maximum()
        qtbot.waitUntil(lambda: bar.maximum() > old_end)  # noqa: B023 (waited for within this turn)
        bar.setValue(bar.maximum())
        assert panel.list.count() == min(150, built + PAGE_ROWS)
    assert panel.list.item(149).text().startswith("Gezin Çelik – ")


def test_a_panel_taller_than_a_page_builds_pages_until_it_can_scroll(qtbot, store):
    # GIVEN 150 overdue promises and a panel tall enough to show more than one page of them at once
    family = make_family(store, display_name="Gezin Peeters")
    for n in range(150):
        log_contact(store, family_id=family, channel="telefoon", note=f"Terugbellen {n}",
                    occurred_at=dt.datetime.now(dt.UTC) - dt.timedelta(days=40))
    with store.session() as session:
        session.execute(update(ContactMoment).values(follow_up_on=dt.date.today() - dt.timedelta(days=30),
                                                     follow_up_done=False))
    panel = PromisedFollowUpsPanel(store)
    qtbot.addWidget(panel)
    panel.resize(600, 2400)
    panel.show()
    # WHEN it is filled
    panel.refresh()
    # THEN it keeps building pages until the list can scroll, so scrolling to the end can bring the rest
    bar = panel.list.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    assert PAGE_ROWS < panel.list.count() < 150
    built = panel.list.count()
    bar.setValue(bar.maximum())
    assert panel.list.count() == built + PAGE_ROWS

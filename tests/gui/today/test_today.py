"""Vandaag: promised follow-ups of today (and overdue ones) and the contacts logged today."""

from __future__ import annotations

import datetime as dt

from brugapp.domain.clock import today_local
from brugapp.services.families.notebook import get_contact, log_contact
from brugapp.services.today import promised_follow_ups
from brugapp.ui.today.page import TODAY_PANELS, ContactsTodayPanel, PromisedFollowUpsPanel, TodayPage
from tests.factories import make_family


def test_registry_lists_the_notebook_panels():
    assert PromisedFollowUpsPanel in TODAY_PANELS
    assert ContactsTodayPanel in TODAY_PANELS


def test_empty_day_shows_a_friendly_state(qtbot, store):
    page = TodayPage(store)
    qtbot.addWidget(page)
    page.refresh()
    assert page.all_clear.isVisibleTo(page)


def test_promise_logged_a_week_ago_shows_today_and_can_be_marked_done(qtbot, store):
    family = make_family(store, display_name="Gezin Benali")
    week_ago = dt.datetime.now(dt.UTC) - dt.timedelta(days=7)
    promise = log_contact(store, family_id=family, channel="koffiemoment", note="Nagaan of CAW belde",
                          occurred_at=week_ago, follow_up_on=today_local())
    log_contact(store, channel="schoolpoort", note="Anonieme vraag vandaag")
    page = TodayPage(store)
    qtbot.addWidget(page)
    page.refresh()
    panel = next(p for p in page.panels if isinstance(p, PromisedFollowUpsPanel))
    logged = next(p for p in page.panels if isinstance(p, ContactsTodayPanel))
    assert not page.all_clear.isVisibleTo(page)
    assert [panel.list.item(i).text().splitlines()[0] for i in range(panel.list.count())] == ["Gezin Benali – vandaag"]
    assert [logged.list.item(i).text().split("\n")[0].split("  ", 1)[1] for i in range(logged.list.count())] == [
        "Anoniem contact · Schoolpoort"]
    panel.list.setCurrentRow(0)
    panel.mark_done()
    assert get_contact(store, contact_id=promise.id).follow_up_done
    assert promised_follow_ups(store) == []
    assert panel.list.count() == 0

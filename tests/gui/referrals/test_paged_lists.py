"""Doorverwijzingen and Opvolging read 200 rows at once (2 here, the same code) and the next page when the list's
end comes into view; a referral beyond the first page is still found, the counts cover every follow-up, and a
return visit shows what was saved elsewhere."""

from __future__ import annotations

import datetime as dt

from brugapp.domain.clock import today_local
from brugapp.domain.referrals import Intensity
from brugapp.services.referrals.followups import create_followup
from brugapp.services.referrals.referrals import create_referral, list_referrals
from brugapp.ui.followups import page as followups_page
from brugapp.ui.followups.page import FollowUpsPage
from brugapp.ui.referrals import page as referrals_page
from brugapp.ui.referrals.page import ReferralsPage
from tests.factories import make_family
from tests.unit.referrals.test_referral_scenarios import kaart_service

FAMILIES = ["Gezin Maes", "Gezin Adams", "Gezin Zeger", "Gezin Dhont", "Gezin Bakker"]


def _referrals(store) -> dict[str, str]:
    caw = kaart_service(store)
    return {name: create_referral(store, family_id=make_family(store, display_name=name), service_id=caw.id,
                                  intensity=Intensity.CALLED, urgent=name == "Gezin Zeger")
            for name in FAMILIES}


def _families_shown(page: ReferralsPage) -> list[str]:
    return [view.family_name for view in page.model.rows]


def test_referrals_page_by_page_in_the_order_of_the_whole_list(qtbot, store, monkeypatch):
    # GIVEN five open referrals, one urgent, all with their check a week from now
    ids = _referrals(store)
    monkeypatch.setattr(referrals_page, "PAGE_ROWS", 2)
    # WHEN the page opens THEN the urgent one leads, then by family, two rows at first
    page = ReferralsPage(store)
    qtbot.addWidget(page)
    assert _families_shown(page) == ["Gezin Zeger", "Gezin Adams"]
    assert page.current is not None and page.current.id == ids["Gezin Zeger"]
    # WHEN the list's end comes into view THEN the next pages follow, in the order the whole list has
    page.resize(1366, 700)
    page.show()
    qtbot.waitUntil(lambda: not page.model.canFetchMore(), timeout=2000)
    assert _families_shown(page) == ["Gezin Zeger", "Gezin Adams", "Gezin Bakker", "Gezin Dhont", "Gezin Maes"]
    assert [view.family_name for view in list_referrals(store, open_only=True)] == _families_shown(page)


def test_a_search_hit_beyond_the_first_page_is_chosen(qtbot, store, monkeypatch):
    ids = _referrals(store)
    monkeypatch.setattr(referrals_page, "PAGE_ROWS", 2)
    page = ReferralsPage(store)
    qtbot.addWidget(page)
    # WHEN the global search opens the last referral of the list
    page.show_record("referral", ids["Gezin Maes"], "")
    # THEN it is read and chosen, its card shown
    assert page.current is not None and page.current.id == ids["Gezin Maes"]


def test_opvolging_counts_every_follow_up_and_reads_them_a_page_at_a_time(qtbot, store, monkeypatch):
    # GIVEN three overdue follow-ups, two due today and one next month
    today = today_local()
    family = make_family(store, display_name="Gezin Peeters")
    for days in (-9, -5, -2, 0, 0, 40):
        create_followup(store, title=f"Bellen ({days})", due=today + dt.timedelta(days=days), owner="",
                        family_id=family)
    monkeypatch.setattr(followups_page, "PAGE_ROWS", 2)
    page = FollowUpsPage(store)
    qtbot.addWidget(page)
    # THEN the summary counts all of them though two rows are read, the oldest first
    assert page.summary.text() == "3 te laat · 2 vandaag · 5 in de lijst"
    assert [view.title for view in page.model.rows] == ["Bellen (-9)", "Bellen (-5)"]
    # WHEN the list's end comes into view THEN the rest of the week follows (not next month)
    page.resize(1366, 700)
    page.show()
    qtbot.waitUntil(lambda: not page.model.canFetchMore(), timeout=2000)
    assert [view.title for view in page.model.rows] == ["Bellen (-9)", "Bellen (-5)", "Bellen (-2)", "Bellen (0)",
                                                         "Bellen (0)"]
    # WHEN only what is overdue is chosen THEN the store answers it, with its count
    page.filter_combo.setCurrentIndex(page.filter_combo.findData("overdue"))
    qtbot.waitUntil(lambda: not page.model.canFetchMore(), timeout=2000)
    assert [view.title for view in page.model.rows] == ["Bellen (-9)", "Bellen (-5)", "Bellen (-2)"]
    assert page.summary.text() == "3 te laat · 0 vandaag · 3 in de lijst"


def test_a_return_visit_shows_a_referral_saved_elsewhere(qtbot, store):
    _referrals(store)
    page = ReferralsPage(store)
    qtbot.addWidget(page)
    before = _families_shown(page)
    # WHEN the page is shown again with nothing saved THEN it keeps its list
    page.refresh()
    assert _families_shown(page) == before
    # WHEN a referral is saved elsewhere (the family's page) and the page is shown again THEN it is in the list
    caw = kaart_service(store, name="Budgetbegeleiding")
    create_referral(store, family_id=make_family(store, display_name="Gezin Aerts"), service_id=caw.id,
                    intensity=Intensity.CALLED)
    page.refresh()
    assert "Gezin Aerts" in _families_shown(page)

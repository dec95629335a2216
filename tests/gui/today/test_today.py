"""Vandaag: promised follow-ups of today (and overdue ones) and the contacts logged today."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QStackedWidget, QWidget

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


def test_coming_back_to_vandaag_reads_again_only_after_a_write(qtbot, store):
    # GIVEN Vandaag shown with one contact logged today, beside another page in a stack (as in the window)
    log_contact(store, channel="schoolpoort", note="Vraag over de schoolfactuur")
    stack = QStackedWidget()
    qtbot.addWidget(stack)
    page, other = TodayPage(store), QWidget()
    stack.addWidget(page)
    stack.addWidget(other)
    stack.show()
    page.refresh()
    logged = next(p for p in page.panels if isinstance(p, ContactsTodayPanel))
    first_item = logged.list.item(0)
    # WHEN another page is shown and then Vandaag again, with nothing written in between
    stack.setCurrentWidget(other)
    stack.setCurrentWidget(page)
    page.refresh()
    # THEN the cards on screen stay as they were (not read and built again)
    assert logged.list.item(0) is first_item and logged.list.count() == 1
    # WHEN a contact is logged elsewhere (the quick log, another program) and Vandaag is shown again
    log_contact(store, channel="telefoon", note="Mama belt terug")
    stack.setCurrentWidget(other)
    stack.setCurrentWidget(page)
    page.refresh()
    # THEN Vandaag reads again and shows both
    assert logged.list.count() == 2
    # AND an explicit refresh (not a return visit) always reads again
    log_contact(store, channel="huisbezoek", note="Huisbezoek gepland")
    page.refresh()
    assert logged.list.count() == 3


def test_a_long_note_is_shown_to_its_last_whole_word_and_says_it_goes_on(qtbot, store):
    # GIVEN a note logged today, longer than a Vandaag line, with a long word where the line ends
    family = make_family(store, display_name="Gezin Benali")
    note = ("Benali vraagt hulp bij schuldbemiddelingsaanvraag, kinderbijslagdossier, budgetbegeleidingsovereenkomst"
            " en huurachterstalligheidsregeling")
    log_contact(store, family_id=family, channel="telefoon", note=note)
    page = TodayPage(store)
    qtbot.addWidget(page)
    page.refresh()
    logged = next(p for p in page.panels if isinstance(p, ContactsTodayPanel))
    # THEN its line ends on a whole word with "…", never inside "budgetbegeleidingsovereenkomst"
    shown = logged.list.item(0).text().split("\n")[1]
    assert shown.endswith("…") and note.startswith(shown[:-1])
    assert shown[:-1].rsplit(" ", 1)[1] in note.replace(",", "").split()


def test_an_empty_card_beside_a_full_one_keeps_its_line_under_its_title(qtbot, store):
    # GIVEN a day with checks due (their card is full) and nothing promised (that card is empty beside it)
    from brugapp.services.referrals.followups import create_followup
    from tests.gui.conftest import shown_page

    for number in range(8):
        create_followup(store, title=f"Terugbellen {number}", due=today_local(), owner="",
                        family_id=make_family(store, display_name=f"Gezin {number}"))
    page = shown_page(qtbot, TodayPage(store), (1148, 690))  # the page's room in a 1366×768 window
    promised = next(p for p in page.panels if isinstance(p, PromisedFollowUpsPanel))
    qtbot.wait(20)  # the layout of the cards, after their lines were read
    # THEN its title and its friendly line stand together at the top of the card, not spread over its height
    assert promised.empty.isVisible() and not promised.list.isVisible() and promised.height() > 400
    assert promised.title.height() < 40 and promised.empty.height() < 80
    assert promised.empty.geometry().top() - promised.title.geometry().top() < 60

"""Vandaag: promised follow-ups of today (and overdue ones) and the contacts logged today."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QStackedWidget, QWidget
from sqlalchemy import update

from brugapp.domain.clock import today_local
from brugapp.i18n import _, set_language
from brugapp.services.families.notebook import get_contact, log_contact, update_contact
from brugapp.services.today import DueCounts, promised_follow_ups
from brugapp.store.models.notebook import ContactMoment
from brugapp.ui.today.page import TODAY_PANELS, ContactsTodayPanel, PromisedFollowUpsPanel, TodayPage
from brugapp.ui.today.panels import counted_title
from tests.factories import make_family
from tests.gui.journeys.helpers import CTRL, key, main_window, shortcut, tab_to


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


def _promise(store, family: str, day: dt.date, *, overdue: bool = False) -> str:
    """A promise logged last week for ``day``; an overdue one's day is set in the past afterwards (the service
    only takes days from today on)."""
    week_ago = dt.datetime.now(dt.UTC) - dt.timedelta(days=7)
    promise = log_contact(store, family_id=make_family(store, display_name=family), channel="telefoon",
                          note=f"Terugbellen {family}", occurred_at=week_ago,
                          follow_up_on=today_local() if overdue else day)
    if overdue:
        with store.session() as session:
            session.execute(update(ContactMoment).where(ContactMoment.uuid == promise.id)
                            .values(follow_up_on=day))
    return promise.id


def test_the_promised_card_counts_todays_and_overdue_promises_in_its_title(qtbot, store):
    # GIVEN one promise for today, two that slipped, one for next week and one already kept
    today = today_local()
    _promise(store, "Gezin Benali", today)
    _promise(store, "Gezin Peeters", today - dt.timedelta(days=3), overdue=True)
    _promise(store, "Gezin Yılmaz", today - dt.timedelta(days=1), overdue=True)
    _promise(store, "Gezin Claeys", today + dt.timedelta(days=7))
    kept = _promise(store, "Gezin Janssens", today)
    update_contact(store, contact_id=kept, follow_up_done=True)
    page = TodayPage(store)
    qtbot.addWidget(page)
    page.refresh()
    panel = next(p for p in page.panels if isinstance(p, PromisedFollowUpsPanel))
    # THEN its title says how many are for today and how many slipped, as the follow-ups card does
    assert panel.title.text() == "Beloofd voor vandaag: 1 · te laat: 2"
    assert panel.list.count() == 3
    # WHEN the oldest slipped promise is kept, and then today's (oldest first: Peeters, Yılmaz, Benali)
    panel.list.setCurrentRow(0)
    panel.mark_done()
    assert panel.title.text() == "Beloofd voor vandaag: 1 · te laat: 1"
    panel.list.setCurrentRow(1)
    panel.mark_done()
    # THEN the title follows each time
    assert panel.title.text() == "Beloofd voor vandaag: 0 · te laat: 1"
    # AND once every promise is kept, the plain title stands above the friendly line
    panel.list.setCurrentRow(0)
    panel.mark_done()
    assert panel.title.text() == "Beloofd voor vandaag" and panel.list.count() == 0


def test_a_cards_counts_are_written_as_the_language_writes_thousands():
    counts = DueCounts(today=12, overdue=31319)
    try:
        assert counted_title(_("To follow up today: {today} · overdue: {overdue}"), "", counts) == \
            "Vandaag op te volgen: 12 · te laat: 31.319"
        set_language("en")
        assert counted_title(_("Promised for today: {today} · overdue: {overdue}"), "", counts) == \
            "Promised for today: 12 · overdue: 31,319"
        assert counted_title("{today} {overdue}", "Promised for today", DueCounts(0, 0)) == "Promised for today"
    finally:
        set_language("nl")


def test_keeping_two_promises_by_keyboard_in_the_window_counts_down_the_title(qtbot, store):
    # GIVEN one promise for today and one that slipped, in the real window
    today = today_local()
    kept = {_promise(store, "Gezin Wouters", today - dt.timedelta(days=2), overdue=True): "Gezin Wouters",
            _promise(store, "Gezin Yıldız", today): "Gezin Yıldız"}
    window = main_window(qtbot, store)
    [panel] = [p for p in window.page("today").panels if isinstance(p, PromisedFollowUpsPanel)]
    for title_before, title_after in (("Beloofd voor vandaag: 1 · te laat: 1", "Beloofd voor vandaag: 1 · te laat: 0"),
                                      ("Beloofd voor vandaag: 1 · te laat: 0", "Beloofd voor vandaag")):
        # WHEN Ctrl+1 (Vandaag: the window opens on the page last shown), the title counts both
        shortcut(qtbot, window, Qt.Key.Key_1, CTRL)
        assert panel.title.text() == title_before
        # AND Tab goes into the card (its first line: the oldest), Tab to "Gedaan" and Space
        tab_to(qtbot, panel.list)
        chosen = panel.list.currentItem().text()
        key(qtbot, Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is panel.done_button
        key(qtbot, Qt.Key.Key_Space)
        # THEN that promise is kept in the store, and the title counts what is left
        done = {name for contact, name in kept.items() if get_contact(store, contact_id=contact).follow_up_done}
        assert any(name in chosen for name in done)
        assert panel.title.text() == title_after
    assert len(done) == 2 and panel.list.count() == 0

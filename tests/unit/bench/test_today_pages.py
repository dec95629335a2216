"""Vandaag's follow-ups, a page at a time: today's first, then the overdue ones, most recent first."""

from __future__ import annotations

import datetime as dt

from brugapp.services.referrals.followups import complete_followup, create_followup
from brugapp.services.today import count_followups_due, followups_due
from tests.factories import make_family

TODAY = dt.date(2026, 3, 17)


def test_followups_due_come_in_pages_with_their_counts(store) -> None:
    # GIVEN a family with checks due today, overdue, later, and one already done
    family = make_family(store, display_name="Gezin Haddad")
    due = {"today": TODAY, "a week ago": TODAY - dt.timedelta(days=7), "yesterday": TODAY - dt.timedelta(days=1),
           "next week": TODAY + dt.timedelta(days=7), "done": TODAY - dt.timedelta(days=2)}
    ids = {title: create_followup(store, title=title, due=day, owner="", family_id=family)
           for title, day in due.items()}
    complete_followup(store, followup_id=ids["done"])
    # WHEN Vandaag asks for the counts and two pages of two
    counts = count_followups_due(store, today=TODAY)
    first = followups_due(store, today=TODAY, limit=2)
    second = followups_due(store, today=TODAY, offset=2, limit=2)
    # THEN one is due today, two are overdue; today's comes first, then yesterday's, then last week's
    assert (counts.today, counts.overdue) == (1, 2)
    assert [v.title for v in first + second] == ["today", "yesterday", "a week ago"]
    assert first[0].family_name == "Gezin Haddad" and first[0].bucket == "today" and second[0].bucket == "overdue"


def test_promises_come_in_pages_oldest_first_with_their_themes(store) -> None:
    # GIVEN three open promises made in quick notes, due on three different days up to today
    from sqlalchemy import update

    from brugapp.services.families.notebook import log_contact
    from brugapp.services.today import count_promises_due, promised_follow_ups
    from brugapp.store.models.notebook import ContactMoment

    family = make_family(store, display_name="Gezin Mirga")
    notes = {"oldest": TODAY - dt.timedelta(days=9), "middle": TODAY - dt.timedelta(days=3), "today": TODAY}
    ids = {note: log_contact(store, family_id=family, channel="telefoon", note=note,
                             themes=["education.homework"] if note == "middle" else []).id for note in notes}
    with store.session() as session:
        for note, day in notes.items():
            session.execute(update(ContactMoment).where(ContactMoment.uuid == ids[note]).values(follow_up_on=day))
    # WHEN Vandaag counts them and reads them two at a time
    pages = [promised_follow_ups(store, day=TODAY, offset=n, limit=2) for n in (0, 2)]
    # THEN all three are counted (one for today, two slipped), the oldest promise comes first, each with its own
    # themes
    assert count_promises_due(store, today=TODAY) == (1, 2)
    assert [p.note for page in pages for p in page] == ["oldest", "middle", "today"]
    assert [p.themes for page in pages for p in page] == [(), ("education.homework",), ()]
    assert [p.overdue for page in pages for p in page] == [True, True, False]


def test_on_one_day_the_newest_comes_first_and_pages_neither_repeat_nor_skip(store) -> None:
    # GIVEN five checks that slipped on the same day, made one after the other, and two due today
    family = make_family(store, display_name="Gezin Haddad")
    slipped = [create_followup(store, title=f"slipped {n}", due=TODAY - dt.timedelta(days=4), owner="",
                               family_id=family) for n in range(5)]
    today = [create_followup(store, title=f"today {n}", due=TODAY, owner="", family_id=family) for n in range(2)]
    # WHEN Vandaag reads them two at a time
    seen = [v.id for offset in range(0, 8, 2) for v in followups_due(store, today=TODAY, offset=offset, limit=2)]
    # THEN today's come first, then the slipped ones, on each day the newest first, each exactly once
    assert seen == [*reversed(today), *reversed(slipped)]

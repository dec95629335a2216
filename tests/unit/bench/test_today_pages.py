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
    ids = {title: create_followup(store, title=title, due=day, owner="", family_id=family) for title, day in due.items()}
    complete_followup(store, followup_id=ids["done"])
    # WHEN Vandaag asks for the counts and two pages of two
    counts = count_followups_due(store, today=TODAY)
    first = followups_due(store, today=TODAY, limit=2)
    second = followups_due(store, today=TODAY, offset=2, limit=2)
    # THEN one is due today, two are overdue; today's comes first, then yesterday's, then last week's
    assert (counts.today, counts.overdue) == (1, 2)
    assert [v.title for v in first + second] == ["today", "yesterday", "a week ago"]
    assert first[0].family_name == "Gezin Haddad" and first[0].bucket == "today" and second[0].bucket == "overdue"

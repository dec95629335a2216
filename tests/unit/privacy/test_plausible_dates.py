"""Issue 14: contacts and follow-ups with impossible years (1900, 2999) are refused with a clear message."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from brugapp.domain.plausible_dates import contact_day_plausible, follow_up_plausible
from brugapp.errors import ValidationError
from brugapp.services.families.notebook import list_contacts, log_contact
from brugapp.services.referrals.followups import create_followup, list_followups, reschedule_followup
from tests.factories import make_family

BRUSSELS = ZoneInfo("Europe/Brussels")
TODAY = dt.date(2026, 11, 26)


def test_contact_bounds_follow_the_brussels_calendar():
    assert contact_day_plausible(dt.datetime(2026, 11, 27, 22, 30, tzinfo=BRUSSELS), today=TODAY)
    # 23:30 UTC on the 27th is already the 28th in Brussels: two days ahead, refused.
    assert not contact_day_plausible(dt.datetime(2026, 11, 27, 23, 30, tzinfo=dt.UTC), today=TODAY)
    assert not contact_day_plausible(dt.datetime(1999, 12, 31, 12, tzinfo=BRUSSELS), today=TODAY)
    assert follow_up_plausible(dt.date(2028, 11, 26), today=TODAY)
    assert not follow_up_plausible(dt.date(2028, 11, 27), today=TODAY)


@pytest.mark.parametrize("when", [dt.datetime(1900, 1, 1, 9, tzinfo=BRUSSELS),
                                  dt.datetime(2999, 12, 31, 9, tzinfo=BRUSSELS)])
def test_contact_in_an_impossible_year_is_refused(store, when):
    with pytest.raises(ValidationError) as refused:
        log_contact(store, channel="schoolpoort", note="Vraag over de schoolfactuur", occurred_at=when)
    assert refused.value.field == "occurred_at"
    assert "jaartal" in refused.value.message or "jaar" in refused.value.message
    assert list_contacts(store) == []


def test_contact_tomorrow_is_accepted_next_week_is_not(store):
    now = dt.datetime.now(BRUSSELS)
    log_contact(store, channel="schoolpoort", note="Net na middernacht", occurred_at=now + dt.timedelta(hours=20))
    with pytest.raises(ValidationError):
        log_contact(store, channel="schoolpoort", note="Volgende week", occurred_at=now + dt.timedelta(days=7))
    assert len(list_contacts(store)) == 1


@pytest.mark.parametrize("promised", [dt.date(1900, 1, 1), dt.date(2999, 12, 31), "31-12-2999"])
def test_contact_promise_in_an_impossible_year_is_refused(store, promised):
    with pytest.raises(ValidationError) as refused:
        log_contact(store, channel="schoolpoort", note="Belt terug", follow_up_on=promised)
    assert refused.value.field == "follow_up_on"
    assert "2000" in refused.value.message
    assert list_contacts(store) == []


@pytest.mark.parametrize("due", [dt.date(1900, 1, 1), dt.date(2999, 12, 31)])
def test_followup_in_an_impossible_year_is_refused(store, due):
    family = make_family(store)
    with pytest.raises(ValidationError) as refused:
        create_followup(store, title="Bellen naar het OCMW", due=due, owner="Sarah", family_id=family)
    assert refused.value.field == "due"
    assert list_followups(store) == []


def test_rescheduling_to_an_impossible_year_keeps_the_old_date(store):
    family = make_family(store)
    day = dt.date.today() + dt.timedelta(days=3)
    followup = create_followup(store, title="Bellen naar het OCMW", due=day, owner="Sarah", family_id=family)
    with pytest.raises(ValidationError):
        reschedule_followup(store, followup_id=followup, due=dt.date(2999, 1, 1))
    assert [f.due for f in list_followups(store)] == [day]

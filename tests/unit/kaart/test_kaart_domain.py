"""Pure rules of the sociale kaart: opening hours, after hours, staleness, theme -> categories."""

from __future__ import annotations

import datetime as dt

import pytest

from brugapp.domain.kaart import (
    ALWAYS_OPEN,
    CATEGORIES,
    THEME_CATEGORIES,
    categories_for_theme,
    describe_slots,
    is_open,
    is_stale,
    parse_opening_hours,
    reachable_after_hours,
    slots_from_byday,
)
from brugapp.domain.themes import THEMES

DAYS = ("ma", "di", "wo", "do", "vr", "za", "zo")


def test_parse_typical_flemish_opening_hours() -> None:
    slots = parse_opening_hours("ma-vr 9-12, 13u30-17; za 10.00-12.00")
    assert describe_slots(slots, DAYS) == "ma–vr 09:00–12:00, 13:30–17:00; za 10:00–12:00"
    wednesday = dt.datetime(2026, 11, 25)
    assert is_open(slots, wednesday.replace(hour=9))
    assert not is_open(slots, wednesday.replace(hour=12, minute=30))
    assert not is_open(slots, wednesday.replace(hour=17))
    assert is_open(slots, dt.datetime(2026, 11, 28, 11))  # Saturday
    assert not is_open(slots, dt.datetime(2026, 11, 29, 11))  # Sunday


@pytest.mark.parametrize("text", ["24/7", "dag en nacht"])
def test_always_open(text: str) -> None:
    assert parse_opening_hours(text) == ALWAYS_OPEN
    assert is_open(ALWAYS_OPEN, dt.datetime(2026, 12, 25, 3, 15))


@pytest.mark.parametrize("text", ["maandag", "ma-vr 17-9", "xx 9-12", "ma-vr negen tot vijf"])
def test_nonsense_hours_are_refused(text: str) -> None:
    with pytest.raises(ValueError):
        parse_opening_hours(text)


def test_hsds_schedule_rows_become_slots() -> None:
    slot = slots_from_byday("MO,WE", "13:00:00+01:00", "18:00:00")
    assert slot.days == (0, 2) and slot.opens == dt.time(13) and slot.closes == dt.time(18)
    assert slots_from_byday("", "00:00", "23:59:59").closes == dt.time.max


def test_after_hours_means_a_number_or_evening_and_weekend_hours() -> None:
    office = parse_opening_hours("ma-vr 9-17")
    assert not reachable_after_hours(office, "")
    assert reachable_after_hours(office, "056 00 99 10")
    assert reachable_after_hours(parse_opening_hours("wo 14-22"), "")
    assert reachable_after_hours(parse_opening_hours("za 10-12"), "")


def test_stale_after_twelve_months() -> None:
    today = dt.date(2026, 11, 25)
    assert is_stale(None, today)
    assert not is_stale(today - dt.timedelta(days=365), today)
    assert is_stale(today - dt.timedelta(days=366), today)


def test_every_theme_maps_to_known_categories() -> None:
    assert set(THEME_CATEGORIES) == set(THEMES.codes())
    for categories in THEME_CATEGORIES.values():
        assert categories and all(c in CATEGORIES for c in categories)
    assert categories_for_theme("admin.debts") == ("debt", "legal")
    assert categories_for_theme("trauma") == ("crisis", "health")
    assert len(CATEGORIES) == 12


def test_a_services_own_line_wins_over_its_organisation():
    from brugapp.domain.kaart import phone_for, phones_for

    own = [("056 11 11 11", "main"), ("", "after_hours")]
    org = [("056 99 99 99", "main"), ("056 88 88 88", "after_hours"), ("056 77 77 77", "main")]
    assert phone_for("main", own, org) == "056 11 11 11"
    assert phone_for("after_hours", own, org) == "056 88 88 88"  # an empty own number does not count
    assert phones_for("main", [], org) == ("056 99 99 99", "056 77 77 77")
    assert phone_for("fax", own, org) == ""


def test_age_range_reads_as_a_sentence():
    from brugapp.domain.kaart import age_range_text

    assert age_range_text(6, 12) == "6 tot 12 jaar"
    assert age_range_text(12, None) == "vanaf 12 jaar"
    assert age_range_text(None, 18) == "tot 18 jaar"
    assert age_range_text(None, None) == ""

"""The pure rules of overleg: templates, audiences, warnings, next dates."""

from __future__ import annotations

import datetime as dt

import pytest

from brugapp.domain import meetings as rules


def test_rondetafel_template_follows_the_field_skeleton():
    codes = [t.code for t in rules.template_items("rondetafel")]
    assert codes[0] == "participants_roles"
    for code in ("youth_view", "parents_view", "shared_goal", "teacher_handles", rules.PREVIOUS_ACTIONS,
                 rules.ACTIONS, rules.COLLABORATION, rules.NEXT_DATE):
        assert code in codes
    assert all(t.code in rules.ITEMS for t in rules.template_items("unknown-type"))
    assert set(rules.TEMPLATES) == set(rules.MEETING_TYPES.codes())


def test_school_audience_gets_need_to_know_items_only():
    assert not rules.item_shown_to("school", school_ok=False)
    assert rules.item_shown_to("school", school_ok=True)
    assert rules.item_shown_to("network", school_ok=False)
    assert not rules.ITEMS["youth_view"].school_ok and rules.ITEMS["teacher_handles"].school_ok


@pytest.mark.parametrize(("audience", "allowed", "expected"), [
    ("internal", False, rules.Visibility.NAME),
    ("network", True, rules.Visibility.NAME),
    ("network", False, rules.Visibility.PSEUDONYM),
    ("school", False, rules.Visibility.OMITTED),
    ("school", True, rules.Visibility.NAME),
])
def test_family_visibility_per_audience(audience, allowed, expected):
    assert rules.family_visibility(audience, consent_allowed=allowed) == expected


def test_pseudonyms_and_scrubbing():
    assert rules.pseudonym(0).endswith("A") and rules.pseudonym(27).endswith("AB")
    names = {v: "Gezin A" for v in rules.name_variants("Gezin El Amrani")}
    assert rules.scrub("Mama el amrani belt de school", names) == "Mama Gezin A belt de school"


def test_move_clamps_at_the_ends():
    assert rules.move(["a", "b", "c"], 0, 1) == ["b", "a", "c"]
    assert rules.move(["a", "b", "c"], 0, -1) == ["a", "b", "c"]
    assert rules.move(["a", "b", "c"], 2, -5) == ["c", "a", "b"]


def test_next_date_skips_the_weekend_and_series_stay_in_range():
    friday = dt.date(2026, 11, 27)
    assert rules.next_date(friday, interval_weeks=6) == dt.date(2027, 1, 8)
    assert rules.next_date(dt.date(2026, 11, 28), interval_weeks=1) == dt.date(2026, 12, 7)  # Sat -> Mon
    dates = rules.series_dates(dt.date(2026, 9, 14), interval_weeks=6, until=dt.date(2027, 1, 1))
    assert len(dates) == 3 and all(d.weekday() < 5 for d in dates)
    with pytest.raises(ValueError):
        rules.next_date(friday, interval_weeks=0)


def test_ordinal_counts_only_the_same_school_year():
    earlier = [dt.date(2026, 6, 1), dt.date(2026, 9, 20), dt.date(2026, 11, 2)]
    assert rules.ordinal_in_school_year(dt.date(2026, 12, 14), earlier) == 3


def test_warnings_for_a_family_that_needs_an_interpreter_and_does_not_read():
    family = rules.FamilyFacts("Gezin Al-Hassan", interpreter_needed=True, language="ar", reads_letters=False,
                               preferred_channel="phone", invite_channels=("letter",))
    facts = rules.MeetingFacts("casusoverleg", families=(family,), has_regiehouder=False)
    codes = [w.code for w in rules.meeting_warnings(facts)]
    assert codes == ["interpreter", "letter_only", "no_consent", "no_regiehouder"]
    calm = rules.MeetingFacts("casusoverleg", interpreter_arranged=True, families=(
        rules.FamilyFacts("Gezin Al-Hassan", interpreter_needed=True, reads_letters=False, has_any_consent=True,
                          invite_channels=("letter", "phone")),))
    assert rules.meeting_warnings(calm) == []
    network = rules.MeetingFacts("netwerkoverleg", has_regiehouder=False, families=(rules.FamilyFacts("X"),))
    assert rules.meeting_warnings(network) == []


def test_meetings_migration_is_a_parallel_branch_that_upgrades_an_old_store(tmp_path):
    # GIVEN a store at revision 0001 with a family in it
    from sqlalchemy import inspect, text

    from brugapp.store import migrations, open_store

    store = open_store(tmp_path / "old.db", create=True, migrate=False)
    migrations.upgrade(store, "0001")
    with store.engine.begin() as connection:
        connection.execute(text(
            "INSERT INTO families (uuid, created_at, updated_at, display_name, preferred_language, "
            "interpreter_needed, reads_letters, preferred_channel, reference_person) VALUES "
            "('f-1', '2026-01-01', '2026-01-01', 'Gezin Demir', 'tr', 0, 1, '', '')"))
    # WHEN it is upgraded to the heads
    migrations.upgrade(store)
    # THEN the meeting tables exist next to the old data
    tables = set(inspect(store.engine).get_table_names())
    assert {"meetings", "meeting_items", "meeting_actions", "events", "event_registrations"} <= tables
    with store.engine.connect() as connection:
        assert connection.execute(text("SELECT display_name FROM families")).scalar_one() == "Gezin Demir"
    assert "0005" in {r for r in migrations.current_revisions(store)} or migrations.needs_upgrade(store) is False
    store.close()

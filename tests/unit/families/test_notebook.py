"""Contact notebook services: scenarios 1, 2 and 10, bad input, search, drafts."""

from __future__ import annotations

import datetime as dt

import pytest

from brugapp.domain.clock import local_date, today_local
from brugapp.errors import ValidationError
from brugapp.services.families.drafts import clear_draft, load_draft, save_draft
from brugapp.services.families.families import MemberInput, create_family, get_family, list_families
from brugapp.services.families.notebook import (
    delete_contact,
    get_contact,
    link_contact,
    list_contacts,
    log_contact,
    restore_contact,
    update_contact,
)
from brugapp.services.families.rights import get_rights, set_right
from brugapp.services.families.timeline import family_timeline
from brugapp.services.search import search_everything
from brugapp.services.today import contacts_logged_on, promised_follow_ups
from tests.factories import make_family, make_school


def test_scenario_1_anonymous_contact_at_coffee_moment_is_linked_later(store):
    # GIVEN a Thursday 8:30 koffiemoment, a mother with a bailiff letter, no family in the app yet
    morning = dt.datetime(2026, 11, 26, 8, 30).astimezone()
    # WHEN the brugfiguur quick-logs it without a family
    contact = log_contact(store, channel="koffiemoment", themes=["admin", "admin.debts"],
                          note="Moeder toont brief van deurwaarder, begrijpt hem niet", occurred_at=morning)
    # THEN it is stored as anonymous
    assert contact.family_id == ""
    assert [c.id for c in list_contacts(store, anonymous_only=True)] == [contact.id]
    # WHEN that afternoon she makes the family and links the contact
    family = create_family(store, display_name="Gezin Benali",
                           members=[MemberInput(role="parent", first_name="Samira", last_name="Benali")])
    linked = link_contact(store, contact_id=contact.id, family_id=family.id)
    # THEN the contact belongs to the family, shows in its timeline and is no longer anonymous
    assert linked.family_id == family.id
    assert list_contacts(store, anonymous_only=True) == []
    timeline = family_timeline(store, family_id=family.id)
    assert [(e.kind, e.id) for e in timeline] == [("contact", contact.id)]
    assert "admin.debts" in timeline[0].themes
    hits = search_everything(store, text="deurwaarder")
    assert [(h.kind, h.id, h.family_id) for h in hits] == [("contact", contact.id, family.id)]


def test_scenario_2_one_intake_several_needs_in_one_timeline(store):
    # GIVEN a father at a first long conversation
    family = create_family(store, display_name="Gezin Haddad", preferred_language="ar")
    # WHEN four needs are logged and the rights check says the school allowance was never applied for
    intake = log_contact(store, family_id=family.id, channel="zitdag",
                         themes=["admin.benefits", "poverty.housing", "admin.letters", "parenting"],
                         note="Intake: schooltoelage, sociaal verhuurkantoor, pro-Deo advocaat, CAW",
                         follow_up_on=today_local() + dt.timedelta(days=7))
    log_contact(store, family_id=family.id, channel="telefoon", themes=["poverty.housing"],
                note="Wachtlijst SVK bevestigd")
    set_right(store, family_id=family.id, benefit="schooltoeslag", status="no", status_on="20-11-2026")
    # THEN one timeline holds both contacts, and the theme filter narrows it
    assert len(family_timeline(store, family_id=family.id)) == 2
    housing = family_timeline(store, family_id=family.id, theme="poverty")
    assert len(housing) == 2
    admin = family_timeline(store, family_id=family.id, theme="admin")
    assert [e.id for e in admin] == [intake.id]
    rights = {r.benefit: r for r in get_rights(store, family_id=family.id)}
    assert rights["schooltoeslag"].status == "no"
    assert rights["schooltoeslag"].status_on == dt.date(2026, 11, 20)
    assert rights["groeipakket"].status == "unknown"
    assert len(rights) == 8


def test_scenario_10_family_without_dutch_and_low_literacy_is_stored(store):
    # GIVEN / WHEN a family marked Arabic, interpreter needed, prefers phone, does not read letters
    created = create_family(store, display_name="Gezin Al-Hassan", preferred_language="ar",
                            interpreter_needed=True, preferred_channel="phone", reads_letters=False,
                            literacy="does_not_read")
    # THEN all of it is stored as given
    family = get_family(store, family_id=created.id)
    assert (family.preferred_language, family.interpreter_needed, family.preferred_channel,
            family.reads_letters, family.literacy) == ("ar", True, "phone", False, "does_not_read")
    assert not hasattr(family, "residence_status")


def test_contact_with_several_families_shows_in_each_timeline(store):
    first = create_family(store, display_name="Gezin Kaya")
    second = create_family(store, display_name="Gezin Arslan")
    contact = log_contact(store, family_id=first.id, channel="groepsactiviteit", other_family_ids=[second.id])
    assert [e.id for e in family_timeline(store, family_id=second.id)] == [contact.id]
    assert get_contact(store, contact_id=contact.id).other_family_ids == (second.id,)


def test_delete_is_undoable(store):
    family = make_family(store)
    contact = log_contact(store, family_id=family, channel="telefoon", note="Belde over turnzak")
    delete_contact(store, contact_id=contact.id)
    assert family_timeline(store, family_id=family) == []
    assert search_everything(store, text="turnzak") == []
    restore_contact(store, contact_id=contact.id)
    assert [e.id for e in family_timeline(store, family_id=family)] == [contact.id]
    assert [h.id for h in search_everything(store, text="turnzak")] == [contact.id]


def test_edit_changes_note_themes_and_follow_up(store):
    contact = log_contact(store, channel="schoolpoort", note="eerst")
    changed = update_contact(store, contact_id=contact.id, note="later aangevuld", themes=["leisure"],
                             follow_up_on="+2")
    assert (changed.note, changed.themes) == ("later aangevuld", ("leisure",))
    assert changed.follow_up_on == today_local() + dt.timedelta(days=2)
    removed = update_contact(store, contact_id=contact.id, follow_up_on=None)
    assert removed.follow_up_on is None


@pytest.mark.parametrize(("kwargs", "field", "words"), [
    ({"follow_up_on": "31-02-2026"}, "follow_up_on", "31-02-2026"),
    ({"note": "x" * 200_000}, "note", "200000"),
    ({"themes": ["nonsense"]}, "themes", "nonsense"),
    ({"channel": "fax"}, "channel", "fax"),
])
def test_bad_contact_input_stores_nothing(store, kwargs, field, words):
    args = {"channel": "schoolpoort", "note": "ok", **kwargs}
    with pytest.raises(ValidationError) as error:
        log_contact(store, **args)
    assert error.value.field == field
    assert words in error.value.message
    assert list_contacts(store) == []


def test_invalid_phone_of_second_member_leaves_no_half_family(store):
    with pytest.raises(ValidationError) as error:
        create_family(store, display_name="Gezin Mansour", members=[
            MemberInput(role="parent", first_name="Rania", phone="0470 12 34 56"),
            MemberInput(role="parent", first_name="Karim", phone="12"),
        ])
    assert error.value.field == "phone"
    assert "Telefoon" in error.value.message  # translated, names the field
    assert list_families(store) == []
    assert search_everything(store, text="Rania") == []


def test_phone_is_normalised_and_email_checked(store):
    family = create_family(store, display_name="Gezin Peeters", members=[
        MemberInput(role="parent", first_name="An", phone="0470 12 34 56", email="an@example.be")])
    assert family.members[0].phone == "+32 470 12 34 56"
    with pytest.raises(ValidationError) as error:
        create_family(store, display_name="Gezin X", members=[MemberInput(role="parent", first_name="B",
                                                                         email="b@@example")])
    assert error.value.field == "email"


def test_arabic_and_turkish_names_work_and_are_found_without_accents(store):
    school = make_school(store, name="Basisschool De Vlieger")
    create_family(store, display_name="Gezin Yıldız", members=[
        MemberInput(role="parent", first_name="Şükrü", last_name="Yıldız"),
        MemberInput(role="child", first_name="Zoë", last_name="Yıldız", school_id=school, class_name="3B"),
        MemberInput(role="parent", first_name="فاطمة", last_name="الحسن"),
    ])
    assert [h.kind for h in search_everything(store, text="sukru")] == ["member"]
    assert [h.label for h in search_everything(store, text="Zoe")] == ["Zoë Yıldız (Gezin Yıldız)"]
    assert [h.kind for h in search_everything(store, text="فاطمة")] == ["member"]
    assert {h.kind for h in search_everything(store, text="yildiz")} == {"family", "member"}
    assert [h.kind for h in search_everything(store, text="vlieger")] == ["school"]


def test_child_gets_current_school_year(store):
    school = make_school(store)
    family = create_family(store, display_name="Gezin Maes", members=[
        MemberInput(role="child", first_name="Lotte", school_id=school, class_name="1A")], today=dt.date(2026, 11, 2))
    assert family.members[0].school_year == "2026–2027"
    with pytest.raises(ValidationError) as error:
        create_family(store, display_name="Gezin Maes", members=[
            MemberInput(role="child", first_name="L", school_id=school, school_year="2026-2028")])
    assert error.value.field == "school_year"


def test_today_shows_promised_follow_ups_and_todays_contacts(store):
    family = make_family(store, display_name="Gezin Demir")
    today = today_local()
    due = log_contact(store, family_id=family, channel="telefoon", follow_up_on=today, note="terugbellen")
    late = log_contact(store, channel="schoolpoort", follow_up_on=today - dt.timedelta(days=3),
                       occurred_at=dt.datetime.now(dt.UTC) - dt.timedelta(days=5))
    log_contact(store, channel="schoolpoort", follow_up_on=today + dt.timedelta(days=3))
    promised = promised_follow_ups(store, day=today)
    assert [(p.contact_id, p.overdue) for p in promised] == [(late.id, True), (due.id, False)]
    update_contact(store, contact_id=due.id, follow_up_done=True)
    assert [p.contact_id for p in promised_follow_ups(store, day=today)] == [late.id]
    assert {c.id for c in contacts_logged_on(store, day=today)} == {due.id} | {
        c.id for c in list_contacts(store) if local_date(c.occurred_at) == today}
    assert late.id not in {c.id for c in contacts_logged_on(store, day=today)}


def test_draft_is_kept_encrypted_in_the_store(encrypted_store):
    save_draft(encrypted_store, key="quick_log", payload={"note": "Moeder zoekt kinderopvang Zoë"})
    assert load_draft(encrypted_store, key="quick_log") == {"note": "Moeder zoekt kinderopvang Zoë"}
    raw = encrypted_store.path.read_bytes()
    wal = encrypted_store.path.with_name(encrypted_store.path.name + "-wal")
    raw += wal.read_bytes() if wal.exists() else b""
    assert b"kinderopvang" not in raw
    clear_draft(encrypted_store, key="quick_log")
    assert load_draft(encrypted_store, key="quick_log") is None

"""Scenarios 5, 9 and 10 (domain.md, workflow 6) replayed through the meeting services."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from brugapp.domain.clock import local_date, today_local
from brugapp.domain.consent import Purpose, RecipientKind
from brugapp.services.meetings.agenda import AudienceRefused, meeting_sheet, move_item, print_agenda, reorder_items
from brugapp.services.meetings.meetings import (
    MeetingInput,
    ParticipantInput,
    add_participant,
    create_meeting,
    create_series,
    get_meeting,
    update_meeting,
)
from brugapp.services.meetings.minutes import ActionInput, ItemMinutes, MinutesInput, print_minutes, record_minutes
from brugapp.services.referrals.consent import record_consent
from brugapp.services.referrals.followups import list_followups
from brugapp.store.models import AuditEntry
from tests.factories import make_family, make_school

TODAY = today_local()


def _at(days: int, hour: int = 14) -> dt.datetime:
    return dt.datetime.combine(TODAY + dt.timedelta(days=days), dt.time(hour, 0)).astimezone()


def _pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def _rondetafel(store, family: str, school: str, *, days: int, series: str = "") -> str:
    return create_meeting(store, data=MeetingInput(
        title="Rondetafel terugkeer na NAFT", meeting_type="rondetafel", starts_at=_at(days),
        place_kind="school", school_id=school, family_ids=(family,), series_id=series,
    ), participants=[
        ParticipantInput(kind="youth", name="Ilyas El Amrani", role="youth"),
        ParticipantInput(kind="family", name="Samira El Amrani", role="parent"),
        ParticipantInput(kind="school", name="Tine Claes", role="pupil_counsellor",
                         organisation="Technisch Atheneum De Brug", school_id=school),
        ParticipantInput(kind="service", name="Bram Peeters", role="naft_coach", organisation="NAFT Kortrijk",
                         is_regiehouder=True),
        ParticipantInput(kind="service", name="Eline Maes", role="clb", organisation="CLB Roeselare"),
    ])


@pytest.fixture
def case(store):
    school = make_school(store, name="Technisch Atheneum De Brug", municipality="Roeselare")
    family = make_family(store, display_name="Gezin El Amrani")
    series = create_series(store, name="Rondetafel Ilyas", meeting_type="rondetafel", interval_weeks=6,
                           family_id=family)
    first = _rondetafel(store, family, school, days=-42, series=series)
    record_minutes(store, meeting_id=first, minutes=MinutesInput(new_actions=[
        ActionInput("Lesrooster deeltijds opmaken", "Tine Claes", TODAY + dt.timedelta(days=3)),
        ActionInput("Busabonnement aanvragen", "Samira El Amrani", TODAY - dt.timedelta(days=5)),
    ]))
    second = _rondetafel(store, family, school, days=3, series=series)
    return {"school": school, "family": family, "series": series, "first": first, "second": second}


def test_scenario_5_rondetafel_agenda_lists_roles_previous_actions_and_next_date(store, case, tmp_path):
    # GIVEN a second rondetafel of a series every six weeks, with last time's open actions
    detail = get_meeting(store, meeting_id=case["second"])
    assert detail.proposed_next_date is not None
    assert (detail.proposed_next_date - local_date(detail.starts_at)).days in (42, 43, 44)
    assert [a.owner for a in detail.previous_actions] == ["Samira El Amrani", "Tine Claes"]
    # WHEN the internal agenda is printed
    out = print_agenda(store, meeting_id=case["second"], audience="internal", path=tmp_path / "agenda.pdf")
    text = _pdf_text(out)
    # THEN it lists participants with roles, last meeting's open actions with owners, and the next date
    assert "Bram Peeters" in text and "NAFT" in text and "Leerlingbegeleider" in text
    assert "Lesrooster deeltijds opmaken" in text and "Tine Claes" in text
    assert "Opvolging vorige actiepunten" in text
    assert str(detail.proposed_next_date.day) in text and "Volgende datum" in text
    with store.read() as session:
        entry = session.execute(select(AuditEntry.action, AuditEntry.subject_uuid, AuditEntry.audience,
                                       AuditEntry.detail)).one()
    assert tuple(entry[:3]) == ("print", case["second"], "internal")
    assert "Lesrooster" not in entry[3]


def test_scenario_5_school_version_refused_without_consent_then_need_to_know_only(store, case, tmp_path):
    # GIVEN no consent for the school
    # WHEN the school version is printed THEN it is refused and says why
    with pytest.raises(AudienceRefused) as refused:
        print_agenda(store, meeting_id=case["second"], audience="school", path=tmp_path / "school.pdf")
    assert "toestemming" in refused.value.message.lower() and "Gezin El Amrani" in refused.value.message
    assert not (tmp_path / "school.pdf").exists()
    # WHEN the parent's consent for the school (share the status) is recorded
    record_consent(store, family_id=case["family"], recipient_kind=RecipientKind.SCHOOL,
                   recipient_id=case["school"], purposes=[Purpose.SHARE_STATUS], given_by="parent",
                   method="oral", given_on=TODAY - dt.timedelta(days=1))
    out = print_agenda(store, meeting_id=case["second"], audience="school", path=tmp_path / "school.pdf")
    text = _pdf_text(out)
    # THEN it prints, and carries only need-to-know items
    assert "Handvatten voor leerkrachten" in text
    assert "Visie van de jongere" not in text and "Wat de diensten doen" not in text
    assert "Hoe loopt onze samenwerking?" not in text
    assert "enkel wat nodig is" in text


def test_network_version_pseudonymises_family_without_consent(store, case, tmp_path):
    sheet = meeting_sheet(store, meeting_id=case["second"], audience="network")
    assert sheet.families == ("Gezin A",)
    assert any("Gezin A" in n for n in sheet.notices)
    out = print_agenda(store, meeting_id=case["second"], audience="network", path=tmp_path / "network.pdf")
    text = _pdf_text(out)
    assert "El Amrani" not in text and "Samira" not in text and "Ilyas" not in text
    assert "Gezin A" in text


def test_school_pdf_names_no_family_without_school_consent(store, tmp_path):
    # GIVEN a zorgoverleg about two families, only one with consent for the school
    school = make_school(store)
    with_consent = make_family(store, display_name="Gezin Kowalski")
    without = make_family(store, display_name="Gezin Demir")
    record_consent(store, family_id=with_consent, recipient_kind="school", recipient_id=school,
                   purposes=["share_status"], given_by="parent", method="written", given_on=TODAY)
    meeting = create_meeting(store, data=MeetingInput(
        title="Zorgoverleg Demir en Kowalski", meeting_type="zorgoverleg", starts_at=_at(2), school_id=school,
        family_ids=(with_consent, without)))
    record_minutes(store, meeting_id=meeting, minutes=MinutesInput(
        items=[ItemMinutes(get_meeting(store, meeting_id=meeting).items[3].id, notes="Demir: huiswerkklas bekijken")],
        mark_held=False))
    # WHEN the school version is printed
    out = print_minutes(store, meeting_id=meeting, audience="school", path=tmp_path / "school.pdf")
    text = _pdf_text(out)
    # THEN the family without school consent is not named, and the sheet says a family was left out
    assert "Demir" not in text
    assert "Kowalski" in text
    assert "weggelaten" in text


def test_scenario_9_network_meeting_follows_up_previous_actions_and_minutes_make_followups(store, tmp_path):
    # GIVEN the Lokaal Netwerk Kinderarmoede meets every six weeks; two meetings already this school year
    series = create_series(store, name="Lokaal Netwerk Kinderarmoede", meeting_type="netwerkoverleg",
                           interval_weeks=6)
    year_start = dt.date(TODAY.year if TODAY.month >= 9 else TODAY.year - 1, 9, 15)
    dates = [year_start + dt.timedelta(weeks=6 * i) for i in range(3)]
    ids = [create_meeting(store, data=MeetingInput(
        title="Lokaal Netwerk Kinderarmoede", meeting_type="netwerkoverleg",
        starts_at=dt.datetime.combine(d, dt.time(9, 30)).astimezone(), place_kind="service",
        place_detail="Sociaal Huis Kortrijk", series_id=series)) for d in dates]
    record_minutes(store, meeting_id=ids[0], minutes=MinutesInput(new_actions=[
        ActionInput("Signaal huisjesmelkers bundelen", "Lien Debaere", dates[0] + dt.timedelta(days=30)),
        ActionInput("Folder vrijetijdspas vertalen", "Youssef Amrani", dates[0] + dt.timedelta(days=20))]))
    first_actions = get_meeting(store, meeting_id=ids[0]).actions
    record_minutes(store, meeting_id=ids[1], minutes=MinutesInput(done_actions=[first_actions[1].id]))
    # WHEN the third meeting's agenda is built
    third = get_meeting(store, meeting_id=ids[2])
    # THEN it is the third of the school year and follows up the still open action, with its owner
    assert third.ordinal_in_school_year == 3
    assert [(a.what, a.owner) for a in third.previous_actions] == [("Signaal huisjesmelkers bundelen",
                                                                    "Lien Debaere")]
    text = _pdf_text(print_agenda(store, meeting_id=ids[2], audience="network", path=tmp_path / "a.pdf"))
    assert "Signaal huisjesmelkers bundelen" in text and "Lien Debaere" in text
    assert "Folder vrijetijdspas" not in text
    assert "vergadering 3 van dit schooljaar" in text
    # WHEN the minutes record a decision and new actions
    decisions_item = next(i for i in third.items if i.code == "signals")
    new = record_minutes(store, meeting_id=ids[2], minutes=MinutesInput(
        items=[ItemMinutes(decisions_item.id, notes="Vijf gezinnen", decisions="Signaal naar het OCMW-bestuur")],
        new_actions=[ActionInput("Brief aan schepen opstellen", "Lien Debaere", dates[2] + dt.timedelta(days=14))],
        done_actions=[first_actions[0].id]))
    # THEN the action is stored and became a follow-up owned by the right person, linked to the meeting
    after = get_meeting(store, meeting_id=ids[2])
    assert [a.id for a in after.actions] == new and after.actions[0].followup_id
    followups = [f for f in list_followups(store) if f.title == "Brief aan schepen opstellen"]
    assert followups and followups[0].owner == "Lien Debaere"
    assert after.status == "held"
    minutes_text = _pdf_text(print_minutes(store, meeting_id=ids[2], path=tmp_path / "m.pdf"))
    assert "Signaal naar het OCMW-bestuur" in minutes_text and "Brief aan schepen opstellen" in minutes_text


def test_scenario_10_interpreter_and_letter_only_warnings(store):
    # GIVEN a family marked Arabic, interpreter needed, prefers phone, does not read letters
    school = make_school(store)
    family = make_family(store, display_name="Gezin Al-Hassan", preferred_language="ar", interpreter_needed=True,
                         preferred_channel="phone", reads_letters=False)
    meeting = create_meeting(store, data=MeetingInput(
        title="Casusoverleg", meeting_type="casusoverleg", starts_at=_at(7), school_id=school, family_ids=(family,),
        regiehouder="Sarah Vandamme"))
    parent = add_participant(store, meeting_id=meeting, participant=ParticipantInput(
        kind="family", name="Mevrouw Al-Hassan", role="parent", invite_channel="letter"))
    codes = {w.code for w in get_meeting(store, meeting_id=meeting).warnings}
    # THEN it warns: interpreter not arranged, letter-only invitation, no consent on file
    assert {"interpreter", "letter_only", "no_consent"} <= codes
    # WHEN the interpreter is arranged and the parent is called
    data = get_meeting(store, meeting_id=meeting).as_input()
    from dataclasses import replace

    update_meeting(store, meeting_id=meeting, data=replace(data, interpreter_needed=True, interpreter_arranged=True,
                                                           interpreter_language="Arabisch"))
    from brugapp.services.meetings.meetings import update_participant

    update_participant(store, participant_id=parent, participant=ParticipantInput(
        kind="family", name="Mevrouw Al-Hassan", role="parent", invite_channel="phone", family_id=family))
    codes = {w.code for w in get_meeting(store, meeting_id=meeting).warnings}
    assert "interpreter" not in codes and "letter_only" not in codes


def test_reorder_agenda_by_drag_and_keyboard(store, case):
    items = get_meeting(store, meeting_id=case["second"]).items
    reorder_items(store, meeting_id=case["second"], item_ids=[i.id for i in reversed(items)])
    assert [i.id for i in get_meeting(store, meeting_id=case["second"]).items] == [i.id for i in reversed(items)]
    first = items[-1].id
    move_item(store, item_id=first, offset=1)
    assert get_meeting(store, meeting_id=case["second"]).items[1].id == first


def test_plan_next_meeting_keeps_participants_and_brings_open_actions(store, case):
    from brugapp.services.meetings.meetings import plan_next_meeting

    # GIVEN the second rondetafel with a proposed next date six weeks later
    second = get_meeting(store, meeting_id=case["second"])
    # WHEN the next meeting is planned from it
    third = get_meeting(store, meeting_id=plan_next_meeting(store, meeting_id=case["second"]))
    # THEN it falls on that date, with the same people, and last times' open actions come along
    assert local_date(third.starts_at) == second.proposed_next_date
    assert [p.name for p in third.participants] == [p.name for p in second.participants]
    assert {a.what for a in third.previous_actions} == {"Lesrooster deeltijds opmaken", "Busabonnement aanvragen"}
    assert third.series_id == second.series_id and third.proposed_next_date > second.proposed_next_date

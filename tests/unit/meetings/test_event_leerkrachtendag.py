"""Scenario 8: the leerkrachtendag – invitation list, programme, attendance per school, survey."""

from __future__ import annotations

import datetime as dt

import pytest
from pypdf import PdfReader
from sqlalchemy import update

from brugapp.domain.clock import today_local
from brugapp.errors import ValidationError
from brugapp.services.families.families import MemberInput, add_member
from brugapp.services.meetings.events import (
    add_session,
    create_event,
    get_event,
    invitation_list,
    invite_schools,
    print_attendance_list,
    print_programme,
    record_attendance,
    record_registrations,
    record_survey,
)
from brugapp.store.models import Family
from tests.factories import make_family, make_school

TODAY = today_local()


def _text(path) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(path).pages)


@pytest.fixture
def region(store):
    schools = {key: make_school(store, name=name) for key, name in (
        ("vti", "Technisch Atheneum De Brug"), ("regenboog", "Basisschool De Regenboog"),
        ("old", "Basisschool Het Oude Huis"), ("none", "Basisschool Zonder Jongeren"))}
    recent = make_family(store, display_name="Gezin Yılmaz")
    add_member(store, family_id=recent, member=MemberInput("child", "Emre", "Yılmaz", school_id=schools["vti"]))
    add_member(store, family_id=recent, member=MemberInput("child", "Ayla", "Yılmaz",
                                                           school_id=schools["regenboog"]))
    old = make_family(store, display_name="Gezin Verhoeven")
    add_member(store, family_id=old, member=MemberInput("child", "Jens", "Verhoeven", school_id=schools["old"]))
    with store.session() as session:  # a youth who left care two years ago
        session.execute(update(Family).where(Family.uuid == old).values(
            created_at=dt.datetime.now(dt.UTC) - dt.timedelta(days=700)))
    return schools


def test_scenario_8_invitation_list_has_schools_of_recent_youths_and_no_names(store, region, tmp_path):
    # GIVEN youths of the last 12 months at two schools, and one youth of two years ago
    # WHEN the onderwijsambassadeur builds the invitation list
    rows = invitation_list(store)
    # THEN it lists the two schools only, without any youth or family name
    assert [r.school for r in rows] == ["Basisschool De Regenboog", "Technisch Atheneum De Brug"]
    flat = repr(rows)
    assert "Yılmaz" not in flat and "Emre" not in flat and "Verhoeven" not in flat


def test_scenario_8_programme_attendance_and_survey_per_school(store, region, tmp_path):
    event = create_event(store, title="Leerkrachtendag De Leefgroep", day=TODAY + dt.timedelta(days=30),
                         place="Campus De Brug, Roeselare")
    add_session(store, event_id=event, starts=dt.time(9, 0), ends=dt.time(9, 45), kind="plenary",
                title="Welkom en kennismaking", room="Aula", speaker="An Desmet")
    add_session(store, event_id=event, starts=dt.time(10, 0), ends=dt.time(11, 30), kind="workshop",
                title="Trauma-sensitief lesgeven", room="Lokaal 2", speaker="Kris Vermeulen")
    add_session(store, event_id=event, starts=dt.time(10, 0), ends=dt.time(11, 30), kind="visit",
                title="Bezoek leefgroep De Horizon", room="Leefgroep 1")
    with pytest.raises(ValidationError) as clash:
        add_session(store, event_id=event, starts=dt.time(11, 0), ends=dt.time(12, 0), title="Dubbel",
                    room="Lokaal 2")
    assert clash.value.field == "room"
    assert invite_schools(store, event_id=event) == 2
    record_registrations(store, event_id=event, registered={region["vti"]: 4, region["regenboog"]: 2})
    programme = _text(print_programme(store, event_id=event, path=tmp_path / "programma.pdf"))
    assert "Trauma-sensitief lesgeven" in programme and "Lokaal 2" in programme and "10:00" in programme
    attendance = _text(print_attendance_list(store, event_id=event, path=tmp_path / "aanwezig.pdf"))
    assert "Aanwezigheidslijst" in attendance and "Technisch Atheneum De Brug" in attendance
    assert "Yılmaz" not in attendance + programme and "Emre" not in attendance
    # WHEN attendance and surveys are recorded afterwards
    record_attendance(store, event_id=event, attended={region["vti"]: 3, region["regenboog"]: 0})
    record_survey(store, event_id=event, school_id=region["vti"], scores={"overall": 5, "useful": 4},
                  comment="Meer tijd voor de bezoeken")
    record_survey(store, event_id=event, school_id=region["vti"], scores={"overall": 4})
    with pytest.raises(ValidationError):
        record_survey(store, event_id=event, school_id=region["vti"], scores={"overall": 9})
    # THEN attendance and survey results are kept per school
    detail = get_event(store, event_id=event)
    by_school = {r.school: r for r in detail.schools}
    assert by_school["Technisch Atheneum De Brug"].attended == 3
    assert by_school["Technisch Atheneum De Brug"].survey_answers == 3
    assert by_school["Basisschool De Regenboog"].attendance_recorded
    assert detail.survey[0][1] == 4.5

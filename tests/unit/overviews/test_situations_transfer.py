"""A member's situation and who may know it; the school change and its overdrachtsfiche.

Known answers: Yusuf (15) lives in a leefgroep and chose that the school is not told; his knee operation may be
told. No print for the school (transfer sheet, referral sheets, agenda, minutes) carries the leefgroep.
"""

from __future__ import annotations

import datetime as dt

import pytest
from icalendar import Calendar
from pypdf import PdfReader
from sqlalchemy import select

from brugapp.domain.consent import Purpose, RecipientKind
from brugapp.domain.referrals import Intensity
from brugapp.domain.situations import Audience, SituationFact, may_disclose
from brugapp.errors import ValidationError
from brugapp.services.families.families import MemberInput, add_member
from brugapp.services.families.situations import list_situations, record_situation
from brugapp.services.families.transfer import change_school, print_transfer_sheet, school_history
from brugapp.services.meetings.agenda import export_invitation, print_agenda
from brugapp.services.meetings.meetings import MeetingInput, create_meeting
from brugapp.services.meetings.minutes import print_minutes
from brugapp.services.referrals.consent import ConsentRefused, record_consent
from brugapp.services.referrals.referrals import create_referral, print_referral_sheet
from brugapp.services.schools import add_school_contact
from brugapp.store.models import AuditEntry
from tests.factories import make_family, make_school
from tests.unit.referrals.test_referral_scenarios import kaart_service

TODAY = dt.date(2026, 11, 30)
WITHHELD = ("Linde", "leefgroep", "Leefgroep", "Residentiële")


def pdf_text(path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)


@pytest.fixture
def case(store):
    old = make_school(store, name="Basisschool De Vlieger", municipality="Kortrijk")
    new = make_school(store, name="Technisch Instituut Sint-Jozef", municipality="Roeselare")
    add_school_contact(store, school_id=new, role="zorgcoordinator", name="Griet Desmet", phone="051 00 00 10",
                       email="zorg@sintjozef.example.be")
    family = make_family(store, display_name="Gezin Benali", reference_person="Sara Claes")
    yusuf = add_member(store, family_id=family, member=MemberInput("child", "Yusuf", "Benali", birth_year=2011,
                                                                   school_id=old, class_name="6B")).id
    add_member(store, family_id=family, member=MemberInput("parent", "Amina", "Benali", phone="0470 11 22 33"))
    record_situation(store, member_id=yusuf, kind="residential_care", description="Leefgroep De Linde, Menen",
                     from_on=dt.date(2026, 9, 15), disclosed_to=[Audience.SERVICES, Audience.CLB],
                     decided_by="youth")
    record_situation(store, member_id=yusuf, kind="hospital_stay", description="Knieoperatie, niet turnen tot januari",
                     from_on=dt.date(2026, 11, 2), until_on=dt.date(2026, 11, 6), disclosed_to=[Audience.SCHOOL])
    jac = kaart_service(store, "Jongerenonthaal", "CAW Zuid-West-Vlaanderen", contact="An Declercq", backup="")
    referral = create_referral(store, family_id=family, service_id=jac.id, intensity=Intensity.APPOINTMENT_MADE,
                               theme="parenting", question="Gesprekken over thuis en school",
                               referred_on=TODAY - dt.timedelta(days=20))
    naft = kaart_service(store, "NAFT-traject", "Xplo Roeselare", contact="Koen Maes", backup="")
    create_referral(store, family_id=family, service_id=naft.id, intensity=Intensity.CALLED, theme="education.absence",
                    question="Afspraken over te laat komen", referred_on=TODAY - dt.timedelta(days=10))
    return {"old": old, "new": new, "family": family, "yusuf": yusuf, "referral": referral}


def consent_for_school(store, case, purposes):
    record_consent(store, family_id=case["family"], recipient_kind=RecipientKind.SCHOOL, recipient_id=case["new"],
                   purposes=purposes, given_by="youth", method="oral", subject_member_id=case["yusuf"],
                   given_on=TODAY - dt.timedelta(days=1))


def test_the_disclosure_rule_in_one_place():
    fact = SituationFact("residential_care", dt.date(2026, 9, 1), None, frozenset({Audience.SERVICES}), "youth")
    assert may_disclose(fact, Audience.SERVICES, on=TODAY, consent_allows=True)
    assert not may_disclose(fact, Audience.SERVICES, on=TODAY, consent_allows=False)
    assert not may_disclose(fact, Audience.SCHOOL, on=TODAY, consent_allows=True)
    ended = SituationFact("hospital_stay", dt.date(2024, 1, 1), dt.date(2024, 1, 5), frozenset({Audience.SCHOOL}))
    assert not may_disclose(ended, Audience.SCHOOL, on=TODAY, consent_allows=True)  # history, no longer needed


def test_a_child_under_12_cannot_decide_alone(store, case):
    young = add_member(store, family_id=case["family"], member=MemberInput("child", "Nour", "Benali",
                                                                           birth_year=2017)).id
    with pytest.raises(ValidationError) as refused:
        record_situation(store, member_id=young, kind="foster_family", from_on=TODAY, decided_by="youth")
    assert refused.value.field == "decided_by" and "12" in refused.value.message
    assert [s.kind for s in list_situations(store, family_id=case["family"])] == ["hospital_stay",
                                                                                  "residential_care"]


def test_school_change_keeps_both_schools(store, case):
    history = change_school(store, member_id=case["yusuf"], school_id=case["new"], on=dt.date(2026, 11, 16),
                            class_name="3 Mechanica")
    assert [(h.school_label, h.from_on, h.until_on) for h in history] == [
        ("Basisschool De Vlieger", None, dt.date(2026, 11, 15)),
        ("Technisch Instituut Sint-Jozef", dt.date(2026, 11, 16), None)]
    assert school_history(store, member_id=case["yusuf"]) == history
    with pytest.raises(ValidationError):
        change_school(store, member_id=case["yusuf"], school_id=case["new"], on=TODAY)


def test_transfer_sheet_needs_consent_for_the_new_school(store, case, tmp_path):
    change_school(store, member_id=case["yusuf"], school_id=case["new"], on=dt.date(2026, 11, 16))
    out = tmp_path / "overdracht.pdf"
    with pytest.raises(ConsentRefused) as refused:
        print_transfer_sheet(store, member_id=case["yusuf"], out=out, on=TODAY)
    assert "toestemming" in refused.value.message and not out.exists()


def test_full_transfer_sheet_carries_only_what_was_agreed(store, case, tmp_path):
    # GIVEN the school change and Yusuf's consent that the new school hears the details
    change_school(store, member_id=case["yusuf"], school_id=case["new"], on=dt.date(2026, 11, 16), class_name="3M")
    consent_for_school(store, case, [Purpose.SHARE_DETAILS])
    # WHEN the overdrachtsfiche is printed
    print_transfer_sheet(store, member_id=case["yusuf"], out=tmp_path / "full.pdf", sender_phone="0470 00 00 00",
                         on=TODAY)
    text = pdf_text(tmp_path / "full.pdf")
    # THEN the receiving school's contact, the parent's contact, both schools and the knee operation are on it
    for expected in ("Overdrachtsfiche", "Yusuf Benali", "Technisch Instituut Sint-Jozef", "Griet Desmet",
                     "+32 51 00 00 10", "Amina Benali", "+32 470 11 22 33", "Basisschool De Vlieger", "Knieoperatie",
                     "Jongerenonthaal", "Sara Claes", "Afspraken over te laat komen"):
        assert expected in text, expected
    # AND nothing of the leefgroep that Yusuf kept from the school, nor a question that is not about school
    for absent in (*WITHHELD, "thuis en school"):
        assert absent not in text, absent


def test_status_only_transfer_sheet_gives_status_and_contacts_only(store, case, tmp_path):
    change_school(store, member_id=case["yusuf"], school_id=case["new"], on=dt.date(2026, 11, 16))
    consent_for_school(store, case, [Purpose.SHARE_STATUS])
    with pytest.raises(ConsentRefused):  # status consent does not cover the full sheet
        print_transfer_sheet(store, member_id=case["yusuf"], out=tmp_path / "full.pdf", on=TODAY)
    print_transfer_sheet(store, member_id=case["yusuf"], out=tmp_path / "status.pdf", status_only=True, on=TODAY)
    text = pdf_text(tmp_path / "status.pdf")
    for expected in ("enkel stand van zaken", "Amina Benali", "+32 470 11 22 33", "Griet Desmet", "Aangemeld"):
        assert expected in text, expected
    for absent in (*WITHHELD, "Knieoperatie", "Jongerenonthaal", "CAW", "thuis en school", "te laat", "NAFT"):
        assert absent not in text, absent
    with store.read() as session:
        audited = session.execute(select(AuditEntry.subject_kind, AuditEntry.detail)).all()
    assert [tuple(a) for a in audited] == [("transfer_sheet", "status_only")]


def test_withheld_situation_is_in_no_school_audience_output(store, case, tmp_path):
    # GIVEN the family's consent for the new school to hear details, and a meeting at that school
    change_school(store, member_id=case["yusuf"], school_id=case["new"], on=dt.date(2026, 11, 16))
    consent_for_school(store, case, [Purpose.SHARE_DETAILS, Purpose.SHARE_STATUS])
    record_consent(store, family_id=case["family"], recipient_kind=RecipientKind.SCHOOL, recipient_id=case["new"],
                   purposes=[Purpose.SHARE_DETAILS], given_by="parent", method="oral",
                   given_on=TODAY - dt.timedelta(days=1))
    meeting = create_meeting(store, data=MeetingInput(
        title="Zorgoverleg Yusuf", meeting_type="zorgoverleg", starts_at=dt.datetime(2026, 12, 3, 13, tzinfo=dt.UTC),
        place_kind="school", school_id=case["new"], family_ids=(case["family"],)))
    # WHEN every school-audience print is made
    outputs = [
        print_transfer_sheet(store, member_id=case["yusuf"], out=tmp_path / "t1.pdf", on=TODAY) and tmp_path / "t1.pdf",
        print_transfer_sheet(store, member_id=case["yusuf"], out=tmp_path / "t2.pdf", status_only=True, on=TODAY)
        and tmp_path / "t2.pdf",
        print_referral_sheet(store, referral_id=case["referral"], recipient_id=case["new"], out=tmp_path / "r1.pdf",
                             on=TODAY).path,
        print_referral_sheet(store, referral_id=case["referral"], recipient_id=case["new"], out=tmp_path / "r2.pdf",
                             status_only=True, on=TODAY).path,
        print_agenda(store, meeting_id=meeting, audience="school", path=tmp_path / "a.pdf", on=TODAY),
        print_minutes(store, meeting_id=meeting, audience="school", path=tmp_path / "m.pdf"),
    ]
    invitation = export_invitation(store, meeting_id=meeting, path=tmp_path / "uitnodiging.ics", audience="school",
                                   on=TODAY)
    [event] = Calendar.from_ical(invitation.read_bytes()).walk("VEVENT")  # read back with icalendar
    shown = " ".join(str(event.get(key, "")) for key in ("SUMMARY", "DESCRIPTION", "LOCATION"))
    assert "Zorgoverleg" in shown and not any(word in shown for word in WITHHELD)
    # THEN none of them carries the leefgroep, and each school version still gives whom to call
    for path in outputs:
        text = pdf_text(path)
        for absent in WITHHELD:
            assert absent not in text, (path.name, absent)
    assert "+32 470 11 22 33" in pdf_text(tmp_path / "t2.pdf")


def test_demo_youth_keeps_the_living_group_from_the_school(tmp_path):
    from brugapp.demo.region import create_demo_store
    from brugapp.services.families.families import list_families

    demo = create_demo_store(tmp_path / "demo.db", passphrase=None)
    try:
        willems = next(f for f in list_families(demo) if f.display_name == "Gezin Willems")
        [stay] = list_situations(demo, family_id=willems.id)
    finally:
        demo.close()
    assert (stay.kind, stay.decided_by) == ("residential_care", "youth")
    assert Audience.SCHOOL not in stay.disclosed_to

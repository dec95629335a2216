"""Issue 17: every school version still gives the parent's contact, and no school version carries a withheld fact.

Known answers: Yusuf (15) lives in leefgroep De Linde and chose that the school is not told. His mother Amina
(phone and e-mail recorded) gave the consent for the school; the family withheld "schulden" and asked that the
father, Karim, is not contacted. The six school versions (referral sheet, status sheet, agenda, minutes, transfer
sheet and its status-only version) each name Amina with her phone and e-mail, and none carries the leefgroep, the
debts or Karim.
"""

from __future__ import annotations

import datetime as dt

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from brugapp.domain.consent import Purpose, RecipientKind
from brugapp.domain.parent_contact import ParentContact, contacts_to_print
from brugapp.domain.referrals import Intensity
from brugapp.domain.situations import Audience
from brugapp.services.families.families import MemberInput, add_member
from brugapp.services.families.situations import record_situation
from brugapp.services.families.transfer import change_school, print_transfer_sheet
from brugapp.services.meetings.agenda import print_agenda
from brugapp.services.meetings.meetings import MeetingInput, create_meeting
from brugapp.services.meetings.minutes import print_minutes
from brugapp.services.referrals.consent import record_consent
from brugapp.services.referrals.referrals import create_referral, print_referral_sheet
from brugapp.store.audit_chain import verify_chain
from brugapp.store.models import AuditEntry
from tests.factories import make_family, make_school
from tests.unit.referrals.test_referral_scenarios import kaart_service

TODAY = dt.date(2026, 11, 30)
AMINA = ("Amina Benali", "+32 470 11 22 33", "amina.benali@example.be")
KEPT_FROM_SCHOOL = ("Linde", "leefgroep", "Leefgroep", "Residentiële", "schulden", "Karim", "+32 470 99 88 77")


def pdf_text(path) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(str(path)).pages).split())


@pytest.fixture
def case(store):
    old = make_school(store, name="Basisschool De Vlieger", municipality="Kortrijk")
    school = make_school(store, name="Technisch Instituut Sint-Jozef", municipality="Roeselare")
    family = make_family(store, display_name="Gezin Benali", reference_person="Sara Claes")
    yusuf = add_member(store, family_id=family, member=MemberInput("child", "Yusuf", "Benali", birth_year=2011,
                                                                   school_id=old)).id
    add_member(store, family_id=family, member=MemberInput("parent", "Karim", "Benali", phone="0470 99 88 77"))
    add_member(store, family_id=family, member=MemberInput("parent", "Amina", "Benali", phone="0470 11 22 33",
                                                           email="amina.benali@example.be"))
    record_situation(store, member_id=yusuf, kind="residential_care", description="Leefgroep De Linde, Menen",
                     from_on=dt.date(2026, 9, 15), disclosed_to=[Audience.SERVICES], decided_by="youth")
    change_school(store, member_id=yusuf, school_id=school, on=dt.date(2026, 11, 16), class_name="3M")
    record_consent(store, family_id=family, recipient_kind=RecipientKind.SCHOOL, recipient_id=school,
                   purposes=[Purpose.SHARE_DETAILS, Purpose.SHARE_STATUS], given_by="parent",
                   given_by_name="Amina Benali", method="oral", given_on=TODAY - dt.timedelta(days=1),
                   withheld="schulden; geen contact met vader Karim")
    record_consent(store, family_id=family, recipient_kind=RecipientKind.SCHOOL, recipient_id=school,
                   purposes=[Purpose.SHARE_DETAILS, Purpose.SHARE_STATUS], given_by="youth", method="oral",
                   subject_member_id=yusuf, given_on=TODAY - dt.timedelta(days=1))
    jac = kaart_service(store, "Jongerenonthaal", "CAW Zuid-West-Vlaanderen", contact="An Declercq", backup="")
    referral = create_referral(store, family_id=family, service_id=jac.id, intensity=Intensity.APPOINTMENT_MADE,
                               theme="education.absence", question="Hulp bij schulden en te laat komen",
                               referred_on=TODAY - dt.timedelta(days=20))
    meeting = create_meeting(store, data=MeetingInput(
        title="Zorgoverleg Yusuf", meeting_type="zorgoverleg", starts_at=dt.datetime(2026, 12, 3, 13, tzinfo=dt.UTC),
        place_kind="school", school_id=school, family_ids=(family,)))
    return {"school": school, "family": family, "yusuf": yusuf, "referral": referral, "meeting": meeting}


def school_versions(store, case, tmp_path):
    referral, school, meeting = case["referral"], case["school"], case["meeting"]
    return {
        "referral sheet": print_referral_sheet(store, referral_id=referral, recipient_id=school,
                                               out=tmp_path / "fiche.pdf", on=TODAY).path,
        "status sheet": print_referral_sheet(store, referral_id=referral, recipient_id=school,
                                             out=tmp_path / "stavaza.pdf", status_only=True, on=TODAY).path,
        "agenda": print_agenda(store, meeting_id=meeting, audience="school", path=tmp_path / "agenda.pdf", on=TODAY),
        "minutes": print_minutes(store, meeting_id=meeting, audience="school", path=tmp_path / "verslag.pdf",
                                 on=TODAY),
        "transfer sheet": print_transfer_sheet(store, member_id=case["yusuf"], out=tmp_path / "overdracht.pdf",
                                               on=TODAY) and tmp_path / "overdracht.pdf",
        "transfer status": print_transfer_sheet(store, member_id=case["yusuf"], out=tmp_path / "overdracht-s.pdf",
                                                status_only=True, on=TODAY) and tmp_path / "overdracht-s.pdf",
    }


def test_every_school_version_gives_the_parents_contact_and_no_withheld_fact(store, case, tmp_path):
    # WHEN each school version is printed
    outputs = school_versions(store, case, tmp_path)
    # THEN each names Amina, the parent who consented, with her phone and e-mail
    for name, path in outputs.items():
        text = pdf_text(path)
        for expected in AMINA:
            assert expected in text, (name, expected)
        # AND none carries the leefgroep Yusuf kept from the school, the debts, or the father the family
        # asked not to be contacted
        for absent in KEPT_FROM_SCHOOL:
            assert absent not in text, (name, absent)
    # AND every print is in the audit trail, and the trail's chain still holds
    with store.read() as session:
        printed = session.scalars(select(AuditEntry.subject_kind).where(AuditEntry.action == "print")).all()
        assert sorted(printed) == sorted(["referral", "referral", "meeting_agenda", "meeting_minutes",
                                          "transfer_sheet", "transfer_sheet"])
        assert verify_chain(session) is None


def test_a_family_left_off_the_school_version_leaves_no_contact_either(store, case, tmp_path):
    # GIVEN two more families at the meeting: the Yılmaz family consented to share the status with the school,
    # the Peeters family did not
    other = make_family(store, display_name="Gezin Peeters")
    add_member(store, family_id=other, member=MemberInput("parent", "Ellen", "Peeters", phone="0499 12 34 56"))
    third = make_family(store, display_name="Gezin Yılmaz")
    add_member(store, family_id=third, member=MemberInput("guardian", "Elif", "Yılmaz", email="elif@example.be"))
    record_consent(store, family_id=third, recipient_kind=RecipientKind.SCHOOL, recipient_id=case["school"],
                   purposes=[Purpose.SHARE_STATUS], given_by="guardian", method="oral", given_on=TODAY)
    meeting = create_meeting(store, data=MeetingInput(
        title="Zorgoverleg 3M", meeting_type="zorgoverleg", starts_at=dt.datetime(2026, 12, 4, 13, tzinfo=dt.UTC),
        place_kind="school", school_id=case["school"], family_ids=(case["family"], other, third)))
    # WHEN the school agenda is printed
    text = pdf_text(print_agenda(store, meeting_id=meeting, audience="school", path=tmp_path / "a.pdf", on=TODAY))
    # THEN each named family's parent or guardian is on it with the family's name, the other family's is not
    assert "Gezin Benali: Amina Benali · +32 470 11 22 33 · amina.benali@example.be" in text
    assert "Gezin Yılmaz: Elif Yılmaz · elif@example.be" in text
    for absent in ("Peeters", "Ellen", "499 12 34 56"):
        assert absent not in text, absent


def test_internal_and_network_versions_do_not_add_the_school_line(store, case, tmp_path):
    text = pdf_text(print_agenda(store, meeting_id=case["meeting"], audience="internal", path=tmp_path / "i.pdf",
                                 on=TODAY))
    assert "Contact ouder" not in text and "Amina" not in text


def test_whom_to_call_first_and_who_is_left_off():
    karim = ParentContact("Karim Benali", "parent", "+32 470 99 88 77", first_name="Karim")
    amina = ParentContact("Amina Benali", "parent", "", "amina@example.be", first_name="Amina")
    aunt = ParentContact("Fatma Yıldız", "guardian", "+32 470 55 55 55", first_name="Fatma")
    child = ParentContact("Yusuf Benali", "child", "+32 470 00 00 00", first_name="Yusuf")
    # the one who gave the consent first, then whoever has a phone; a child is never the contact
    assert contacts_to_print([karim, amina, aunt, child], giver_name="amina benali") == (amina, karim, aunt)
    assert contacts_to_print([amina, aunt, karim]) == (aunt, karim, amina)
    # someone named in what was kept back (whole word, any case) is left off; a name inside a word is no match
    kept = ["Pleeggezin bij tante FATMA, Menen", "geen contact met vader karim"]
    assert contacts_to_print([karim, amina, aunt], kept_back=kept) == (amina,)
    assert contacts_to_print([karim], kept_back=["Karimstraat 3"]) == (karim,)


def test_school_minutes_leave_out_a_note_that_mentions_what_is_kept_from_the_school(store, case, tmp_path):
    # GIVEN notes and a decision under items the school may see, one of them about the leefgroep and the debts
    from brugapp.services.meetings.agenda import add_item
    from brugapp.services.meetings.minutes import ItemMinutes, MinutesInput, record_minutes

    item = add_item(store, meeting_id=case["meeting"], title="Hoe gaat het in de klas?", school_ok=True)
    other = add_item(store, meeting_id=case["meeting"], title="Afspraken", school_ok=True)
    record_minutes(store, meeting_id=case["meeting"], minutes=MinutesInput(items=(
        ItemMinutes(item, notes="Yusuf slaapt slecht sinds hij in Leefgroep De Linde woont.",
                    decisions="Geen huistaken op maandag."),
        ItemMinutes(other, notes="Zelfde afspraken als vorig jaar.", decisions="Bespreken van de schulden thuis."),
    )))
    # WHEN the minutes are printed for the school and for the own team
    school = pdf_text(print_minutes(store, meeting_id=case["meeting"], audience="school", path=tmp_path / "s.pdf",
                                    on=TODAY))
    internal = pdf_text(print_minutes(store, meeting_id=case["meeting"], audience="internal",
                                      path=tmp_path / "i.pdf", on=TODAY))
    # THEN the school version keeps the harmless notes and leaves out whole what mentions the stay or the debts
    assert "Geen huistaken op maandag." in school and "Zelfde afspraken als vorig jaar." in school
    assert school.count("weggelaten: het gezin wil dit niet doorgegeven aan de school") == 2
    for absent in ("slaapt slecht", "Linde", "schulden"):
        assert absent not in school, absent
    # AND the own team's version keeps everything
    assert "Leefgroep De Linde" in internal and "schulden" in internal


def test_referral_question_about_the_stay_goes_to_the_service_not_to_the_school(store, case, tmp_path):
    # GIVEN a referral whose question names the leefgroep (told to the services, kept from the school) and the
    # family's consent to refer to the CAW
    caw = kaart_service(store, "Onthaal", "CAW Westhoek", contact="Koen Maes", backup="")
    referral = create_referral(store, family_id=case["family"], service_id=caw.id, intensity=Intensity.CALLED,
                               theme="parenting", question="Yusuf wil praten over zijn verblijf in Leefgroep De Linde",
                               referred_on=TODAY - dt.timedelta(days=3))
    record_consent(store, family_id=case["family"], recipient_kind=RecipientKind.ORGANIZATION,
                   recipient_id=caw.organization_id, purposes=[Purpose.REFER], given_by="youth", method="oral",
                   subject_member_id=case["yusuf"], given_on=TODAY - dt.timedelta(days=1))
    record_consent(store, family_id=case["family"], recipient_kind=RecipientKind.ORGANIZATION,
                   recipient_id=caw.organization_id, purposes=[Purpose.REFER], given_by="parent",
                   given_by_name="Amina Benali", method="oral", given_on=TODAY - dt.timedelta(days=1))
    # WHEN the sheet is printed for the CAW and for the school
    service = pdf_text(print_referral_sheet(store, referral_id=referral, recipient_id=caw.organization_id,
                                            out=tmp_path / "caw.pdf", on=TODAY).path)
    school = pdf_text(print_referral_sheet(store, referral_id=referral, recipient_id=case["school"],
                                           out=tmp_path / "school.pdf", on=TODAY).path)
    # THEN the service reads the question, the school gets the sheet and Amina's contact without it
    assert "Leefgroep De Linde" in service
    assert "Amina Benali" in school and "+32 470 11 22 33" in school
    for absent in ("Linde", "verblijf", "Leefgroep"):
        assert absent not in school, absent

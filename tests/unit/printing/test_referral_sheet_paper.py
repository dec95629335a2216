"""The referral sheet a CAW or OCMW accepts (issue 12): who sends it, whom in the family to call and in which
language (only when the consent covers it), which parent consented, absolute dates, room to sign."""

from __future__ import annotations

import datetime as dt

from brugapp.domain.consent import Purpose, RecipientKind
from brugapp.domain.referrals import Intensity
from brugapp.services.families.families import MemberInput, add_member
from brugapp.services.referrals.consent import record_consent
from brugapp.services.referrals.referrals import create_referral, print_referral_sheet
from tests.factories import make_family, make_school
from tests.unit.printing.helpers import pdf_pages
from tests.unit.referrals.test_referral_scenarios import kaart_service

TODAY = dt.date(2026, 11, 26)
SENDER = dict(sender_name="Sarah Vandamme", sender_role="brugfiguur", sender_organisation="Stad Kortrijk",
              sender_phone="056 00 00 00", sender_email="sarah.vandamme@example.be")


def _case(store):
    family = make_family(store, display_name="Gezin Haddad", preferred_language="ar", interpreter_needed=True)
    add_member(store, family_id=family, member=MemberInput("parent", "Rania", "Haddad", phone="0470 11 22 33"))
    add_member(store, family_id=family, member=MemberInput("parent", "Karim", "Haddad", phone="0470 99 88 77"))
    school = make_school(store)
    caw = kaart_service(store, "Onthaal", "CAW Zuid-West-Vlaanderen", contact="Koen Maes", backup="",
                        categories=("welfare",))
    referral = create_referral(store, family_id=family, service_id=caw.id, contact_id=caw.contact_id,
                               question="Hulp bij schulden", referred_on=TODAY, urgent=True,
                               intensity=Intensity.APPOINTMENT_MADE)
    return family, school, caw, referral


def test_sheet_for_the_service_carries_sender_family_contact_consent_and_signatures(store, tmp_path):
    # GIVEN Karim Haddad consented to the referral to the CAW
    family, _school, caw, referral = _case(store)
    record_consent(store, family_id=family, recipient_kind=RecipientKind.ORGANIZATION,
                   recipient_id=caw.organization_id, purposes=[Purpose.REFER], given_by="parent",
                   given_by_name="Karim Haddad", method="oral", given_on=TODAY)
    # WHEN the sheet is printed for the CAW's contact person
    out = print_referral_sheet(store, referral_id=referral, recipient_id=caw.contact_id,
                               out=tmp_path / "fiche.pdf", on=TODAY, **SENDER).path
    pages = pdf_pages(out)
    text = " ".join(pages[0].split())
    # THEN it fits one page and names the sender with role, organisation, phone and e-mail
    assert len(pages) == 1
    for value in SENDER.values():
        assert value in text, text
    # … the parent who consented is whom to call, with the language and the interpreter
    assert "Contact met het gezin" in text and "Karim Haddad" in text and "470 99 88 77" in text
    assert "Arabisch" in text and "Tolk nodig" in text
    assert "Toestemming gegeven door Ouder Karim Haddad" in text
    # … dates are absolute, and there is room to sign
    assert "vandaag" not in text.lower() and "donderdag 26 november 2026" in text
    assert "Handtekeningen" in text and "Voor akkoord: Ouder Karim Haddad" in text


def test_status_sheet_for_the_school_gives_whom_to_call_and_nothing_of_the_help(store, tmp_path):
    # GIVEN consent to share only the status with the school (issue 17: the school versions still give the
    # parent's contact, whatever else is kept from the school)
    family, school, _caw, referral = _case(store)
    record_consent(store, family_id=family, recipient_kind=RecipientKind.SCHOOL, recipient_id=school,
                   purposes=[Purpose.SHARE_STATUS], given_by="parent", method="oral", given_on=TODAY)
    # WHEN the status-only sheet is printed for the school
    out = print_referral_sheet(store, referral_id=referral, recipient_id=school, out=tmp_path / "school.pdf",
                               status_only=True, on=TODAY, **SENDER).path
    text = " ".join(" ".join(pdf_pages(out)).split())
    # THEN it names the bridge figure and the parent to call, with the phone
    assert "Sarah Vandamme" in text  # whom to call back
    assert "Contact met het gezin" in text and "Rania Haddad" in text and "+32 470 11 22 33" in text
    # AND nothing of the help itself, nor the family's language
    for private in ("Hulp bij schulden", "CAW", "Arabisch", "Tolk"):
        assert private not in text

"""The referral sheet obeys consent: scenario 5 and every print path, checked on the extracted PDF text."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from brugapp.domain.consent import Purpose, RecipientKind
from brugapp.domain.referrals import Intensity, Status
from brugapp.errors import ValidationError
from brugapp.services.referrals.consent import ConsentRefused, record_consent, withdraw_consent
from brugapp.services.referrals.referrals import change_status, create_referral, print_referral_sheet, record_feedback
from brugapp.store.models import AuditEntry
from tests.factories import make_family, make_school
from tests.unit.referrals.test_referral_scenarios import kaart_service

TODAY = dt.date(2026, 11, 26)
QUESTION = "Terugkeer naar school na verblijf in de leefgroep, deeltijds"
TRIED = "Twee gesprekken met de NAFT-coach over de leerlingbegeleiding"
FEEDBACK = "Jongere heeft moeite met de ochtenden"


def pdf_text(path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)


@pytest.fixture
def case(store):
    family = make_family(store, display_name="Gezin Benali", reference_person="Sara Claes")
    school = make_school(store, name="Technisch Instituut Sint-Jozef", municipality="Roeselare")
    naft = kaart_service(store, "NAFT-traject", "Xplo Roeselare", contact="Koen Maes", backup="",
                         categories=("education",))
    referral = create_referral(store, family_id=family, service_id=naft.id, contact_id=naft.contact_id,
                               intensity=Intensity.INTENSIVE, theme="education.absence", question=QUESTION,
                               tried=TRIED, referred_on=TODAY - dt.timedelta(days=40),
                               appointment_at=dt.datetime(2026, 10, 20, 9, tzinfo=ZoneInfo("Europe/Brussels")))
    change_status(store, referral_id=referral, status=Status.ONGOING, on=TODAY - dt.timedelta(days=20))
    record_feedback(store, referral_id=referral, text=FEEDBACK, received_on=TODAY - dt.timedelta(days=3))
    return {"family": family, "school": school, "naft": naft, "referral": referral}


def audit(store) -> list[tuple[str, str, str]]:
    with store.read() as session:
        return [(a.action, a.detail, a.audience) for a in session.scalars(select(AuditEntry).order_by(AuditEntry.id))]


def test_scenario_5_status_sheet_for_school_refused_without_consent(store, case, tmp_path):
    # GIVEN no consent for the school  WHEN the status-only version is printed  THEN it is refused with the reason
    out = tmp_path / "school.pdf"
    with pytest.raises(ConsentRefused) as refused:
        print_referral_sheet(store, referral_id=case["referral"], recipient_id=case["school"], out=out,
                             status_only=True, on=TODAY)
    assert "Geen toestemming" in refused.value.message or "toestemming" in refused.value.message
    assert not out.exists() and audit(store) == []


def test_scenario_5_status_sheet_with_consent_has_only_need_to_know(store, case, tmp_path):
    # GIVEN the youth (15) consents that the school hears where it stands; the stay in the leefgroep is withheld
    record_consent(store, family_id=case["family"], recipient_kind=RecipientKind.SCHOOL, recipient_id=case["school"],
                   purposes=[Purpose.SHARE_STATUS], given_by="youth", method="oral", subject_age=15,
                   given_on=TODAY - dt.timedelta(days=1), withheld="leefgroep")
    # WHEN the status-only sheet is printed for the school
    out = print_referral_sheet(store, referral_id=case["referral"], recipient_id=case["school"],
                               out=tmp_path / "school.pdf", status_only=True, on=TODAY,
                               sender_phone="0470 00 00 00").path
    text = pdf_text(out)
    # THEN it says where it stands, since when and whom to call …
    for expected in ("Lopend", "Technisch Instituut Sint-Jozef", "Sara Claes", "0470 00 00 00", "Gezin Benali"):
        assert expected in text
    # … and nothing of the content, the service or what was withheld
    for absent in ("leefgroep", "NAFT", "Xplo", "Koen Maes", "ochtenden", "gesprekken", "Terugkeer"):
        assert absent not in text, absent
    assert [a[:2] for a in audit(store)] == [("print", "status_only")]


def test_full_sheet_for_school_needs_details_consent(store, case, tmp_path):
    record_consent(store, family_id=case["family"], recipient_kind=RecipientKind.SCHOOL, recipient_id=case["school"],
                   purposes=[Purpose.SHARE_STATUS], given_by="parent", method="oral", given_on=TODAY)
    with pytest.raises(ConsentRefused):
        print_referral_sheet(store, referral_id=case["referral"], recipient_id=case["school"],
                             out=tmp_path / "x.pdf", on=TODAY)


def test_sheet_for_the_service_carries_the_referral(store, case, tmp_path):
    # GIVEN consent to refer to the organisation, with "leefgroep" withheld
    record_consent(store, family_id=case["family"], recipient_kind=RecipientKind.ORGANIZATION,
                   recipient_id=case["naft"].organization_id, purposes=[Purpose.REFER], given_by="parent",
                   method="signed_form", given_on=TODAY - dt.timedelta(days=40), withheld="leefgroep")
    # WHEN the sheet is printed for the contact person of the service
    out = print_referral_sheet(store, referral_id=case["referral"], recipient_id=case["naft"].contact_id,
                               out=tmp_path / "naft.pdf", on=TODAY).path
    text = pdf_text(out)
    # THEN it has the contact details, what was tried and the consent line …
    for expected in ("Doorverwijsfiche", "Koen Maes", "NAFT-traject", "Twee gesprekken", "Toestemming",
                     "Ondertekend formulier"):
        assert expected in text, expected
    # … but not the question that mentions what was withheld, nor the feedback (consent is to refer, not details)
    assert "leefgroep" not in text and "Terugkeer" not in text and "ochtenden" not in text


def test_withdrawn_consent_refuses_even_with_an_override(store, case, tmp_path):
    consent = record_consent(store, family_id=case["family"], recipient_kind=RecipientKind.SERVICE,
                             recipient_id=case["naft"].id, purposes=[Purpose.REFER, Purpose.SHARE_DETAILS],
                             given_by="parent", method="written", given_on=TODAY - dt.timedelta(days=40))
    withdraw_consent(store, consent_id=consent, on=TODAY - dt.timedelta(days=1))
    with pytest.raises(ConsentRefused) as refused:
        print_referral_sheet(store, referral_id=case["referral"], recipient_id=case["naft"].id,
                             out=tmp_path / "a.pdf", on=TODAY)
    assert "ingetrokken" in refused.value.message
    # The family said no: a written reason does not turn that into a yes (issue 14).
    reason = "Crisis: jongere is weggelopen, dienst moet vandaag weten wat er speelt"
    with pytest.raises(ConsentRefused) as overridden:
        print_referral_sheet(store, referral_id=case["referral"], recipient_id=case["naft"].id,
                             out=tmp_path / "a.pdf", on=TODAY, override_reason=reason)
    assert "ingetrokken" in overridden.value.message
    assert not (tmp_path / "a.pdf").exists() and audit(store) == []


def test_override_without_any_consent_needs_real_words_and_is_audited(store, case, tmp_path):
    with pytest.raises(ValidationError) as short:
        print_referral_sheet(store, referral_id=case["referral"], recipient_id=case["naft"].id,
                             out=tmp_path / "a.pdf", on=TODAY, override_reason="nood")
    assert short.value.field == "override_reason"
    reason = "Crisis: jongere is weggelopen, dienst moet vandaag weten wat er speelt"
    printed = print_referral_sheet(store, referral_id=case["referral"], recipient_id=case["naft"].id,
                                   out=tmp_path / "a.pdf", on=TODAY, override_reason=reason)
    assert printed.overridden and "zonder genoteerde toestemming" in pdf_text(printed.path)
    assert [a[:2] for a in audit(store)] == [("override", reason), ("print", "referral_sheet")]


def test_mandated_referral_is_never_passed_to_the_school(store, case, tmp_path):
    family = case["family"]
    ocj = kaart_service(store, "Ondersteuningscentrum Jeugdzorg", "OCJ West-Vlaanderen", backup="",
                        categories=("youth_care",))
    mandated = create_referral(store, family_id=family, service_id=ocj.id, intensity=Intensity.INFO, mandated=True)
    record_consent(store, family_id=family, recipient_kind=RecipientKind.SCHOOL, recipient_id=case["school"],
                   purposes=[Purpose.SHARE_DETAILS], given_by="parent", method="oral", given_on=TODAY)
    with pytest.raises(ConsentRefused) as refused:
        print_referral_sheet(store, referral_id=mandated, recipient_id=case["school"], out=tmp_path / "m.pdf",
                             status_only=True, on=TODAY, override_reason="De school vraagt het dringend")
    assert "mandaat" in refused.value.message or "OCJ" in refused.value.message


def test_private_question_never_printed_even_with_details_consent(store, tmp_path):
    family = make_family(store, display_name="Gezin Nowak")
    caw = kaart_service(store)
    referral = create_referral(store, family_id=family, service_id=caw.id, contact_id=caw.contact_id,
                               intensity=Intensity.CALLED, question="Partner drinkt, mama is bang",
                               tried="Gesprek met de huisarts", sharing="private")
    record_consent(store, family_id=family, recipient_kind=RecipientKind.ORGANIZATION,
                   recipient_id=caw.organization_id, purposes=[Purpose.REFER, Purpose.SHARE_DETAILS],
                   given_by="parent", method="oral", given_on=TODAY)
    text = pdf_text(print_referral_sheet(store, referral_id=referral, recipient_id=caw.id,
                                         out=tmp_path / "caw.pdf", on=TODAY).path)
    assert "Schuldhulpverlening" in text and "An Declercq" in text
    assert "drinkt" not in text and "huisarts" not in text

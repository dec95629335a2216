"""The consent rule (domain/consent.py) as a table of cases."""

from __future__ import annotations

import datetime as dt

import pytest

from brugapp.domain.consent import (
    REASON_ALLOWED,
    REASON_EXPIRED,
    REASON_MANDATED,
    REASON_NONE,
    REASON_NOT_YET,
    REASON_OTHER_PURPOSE,
    REASON_WITHDRAWN,
    REASON_YOUTH_TOO_YOUNG,
    ConsentFact,
    Purpose,
    RecipientKind,
    SheetField,
    fields_allowed,
    giver_refusal,
    may_share,
)
from brugapp.domain.sharing import SharingLevel

TODAY = dt.date(2026, 11, 26)
CAW, CAW_SERVICE, CAW_CONSULENT, SCHOOL, OTHER_SCHOOL = "org-caw", "svc-schuld", "contact-an", "school-1", "school-2"


def fact(
    kind: str = RecipientKind.ORGANIZATION, uuid: str = CAW, purposes: tuple[str, ...] = (Purpose.REFER,), *,
    given_by: str = "parent", given_on: dt.date = TODAY - dt.timedelta(days=10),
    valid_until: dt.date | None = None, withdrawn_on: dt.date | None = None, withheld: str = "",
    member: str = "",
) -> ConsentFact:
    return ConsentFact(kind, uuid, frozenset(purposes), given_by, "oral", given_on, valid_until, withdrawn_on,
                       withheld, member)


ORG_PARENTS = ((RecipientKind.ORGANIZATION, CAW), (RecipientKind.SERVICE, CAW_SERVICE))
D = dt.timedelta


@pytest.mark.parametrize(
    ("facts", "kind", "uuid", "purpose", "parents", "allowed", "reason"),
    [
        # recipient × purpose
        ([fact()], RecipientKind.ORGANIZATION, CAW, Purpose.REFER, (), True, REASON_ALLOWED),
        ([fact()], RecipientKind.ORGANIZATION, CAW, Purpose.SHARE_DETAILS, (), False, REASON_OTHER_PURPOSE),
        ([fact()], RecipientKind.SCHOOL, SCHOOL, Purpose.SHARE_STATUS, (), False, REASON_NONE),
        ([], RecipientKind.ORGANIZATION, CAW, Purpose.REFER, (), False, REASON_NONE),
        # an organisation's consent covers its service and contact person, not the other way round
        ([fact()], RecipientKind.SERVICE, CAW_SERVICE, Purpose.REFER, ((RecipientKind.ORGANIZATION, CAW),),
         True, REASON_ALLOWED),
        ([fact()], RecipientKind.CONTACT, CAW_CONSULENT, Purpose.REFER, ORG_PARENTS, True, REASON_ALLOWED),
        ([fact(RecipientKind.CONTACT, CAW_CONSULENT)], RecipientKind.ORGANIZATION, CAW, Purpose.REFER, (),
         False, REASON_NONE),
        ([fact()], RecipientKind.CONTACT, CAW_CONSULENT, Purpose.REFER, (), False, REASON_NONE),
        # details imply status, status does not imply details
        ([fact(RecipientKind.SCHOOL, SCHOOL, (Purpose.SHARE_DETAILS,))], RecipientKind.SCHOOL, SCHOOL,
         Purpose.SHARE_STATUS, (), True, REASON_ALLOWED),
        ([fact(RecipientKind.SCHOOL, SCHOOL, (Purpose.SHARE_STATUS,))], RecipientKind.SCHOOL, SCHOOL,
         Purpose.SHARE_DETAILS, (), False, REASON_OTHER_PURPOSE),
        ([fact(RecipientKind.SCHOOL, SCHOOL, (Purpose.SHARE_STATUS,))], RecipientKind.SCHOOL, OTHER_SCHOOL,
         Purpose.SHARE_STATUS, (), False, REASON_NONE),
        ([fact(purposes=(Purpose.REPORTING,))], RecipientKind.ORGANIZATION, CAW, Purpose.REFER, (),
         False, REASON_OTHER_PURPOSE),
        # given by: parent, guardian, youth, other all count once recorded
        ([fact(given_by="guardian")], RecipientKind.ORGANIZATION, CAW, Purpose.REFER, (), True, REASON_ALLOWED),
        ([fact(given_by="youth")], RecipientKind.ORGANIZATION, CAW, Purpose.REFER, (), True, REASON_ALLOWED),
        ([fact(given_by="other")], RecipientKind.ORGANIZATION, CAW, Purpose.REFER, (), True, REASON_ALLOWED),
        # expired, withdrawn, not yet valid (and the edges)
        ([fact(valid_until=TODAY - D(1))], RecipientKind.ORGANIZATION, CAW, Purpose.REFER, (), False, REASON_EXPIRED),
        ([fact(valid_until=TODAY)], RecipientKind.ORGANIZATION, CAW, Purpose.REFER, (), True, REASON_ALLOWED),
        ([fact(withdrawn_on=TODAY)], RecipientKind.ORGANIZATION, CAW, Purpose.REFER, (), False, REASON_WITHDRAWN),
        ([fact(withdrawn_on=TODAY + D(1))], RecipientKind.ORGANIZATION, CAW, Purpose.REFER, (), True, REASON_ALLOWED),
        ([fact(given_on=TODAY + D(3))], RecipientKind.ORGANIZATION, CAW, Purpose.REFER, (), False, REASON_NOT_YET),
        ([fact(given_on=TODAY)], RecipientKind.ORGANIZATION, CAW, Purpose.REFER, (), True, REASON_ALLOWED),
        # withdrawn wins over expired in the reason; a newer valid consent wins over an old withdrawn one
        ([fact(valid_until=TODAY - D(5)), fact(withdrawn_on=TODAY - D(1))], RecipientKind.ORGANIZATION, CAW,
         Purpose.REFER, (), False, REASON_WITHDRAWN),
        ([fact(withdrawn_on=TODAY - D(5)), fact(given_on=TODAY - D(2))], RecipientKind.ORGANIZATION, CAW,
         Purpose.REFER, (), True, REASON_ALLOWED),
        # withheld does not refuse the consent itself (it limits the free text, see below)
        ([fact(withheld="verblijf in de leefgroep")], RecipientKind.ORGANIZATION, CAW, Purpose.REFER, (),
         True, REASON_ALLOWED),
    ],
)
def test_may_share_table(facts, kind, uuid, purpose, parents, allowed, reason):
    decision = may_share(facts, recipient_kind=kind, recipient_uuid=uuid, purpose=purpose, on=TODAY,
                         recipient_parents=parents)
    assert (decision.allowed, decision.reason) == (allowed, reason)
    assert (decision.consent is not None) == allowed or reason in (REASON_EXPIRED, REASON_WITHDRAWN, REASON_NOT_YET)


def test_member_consent_covers_only_that_member():
    facts = [fact(RecipientKind.SCHOOL, SCHOOL, (Purpose.SHARE_STATUS,), member="youth-1", given_by="youth")]
    asked = {"recipient_kind": RecipientKind.SCHOOL, "recipient_uuid": SCHOOL, "purpose": Purpose.SHARE_STATUS,
             "on": TODAY}
    assert may_share(facts, **asked, subject_member_uuid="youth-1").allowed
    assert not may_share(facts, **asked, subject_member_uuid="sister-2").allowed
    assert not may_share(facts, **asked).allowed  # a youth's own consent is not one for the whole family


def test_mandated_information_is_never_passed_on():
    decision = may_share([fact()], recipient_kind=RecipientKind.ORGANIZATION, recipient_uuid=CAW,
                         purpose=Purpose.REFER, on=TODAY, from_mandated_service=True)
    assert (decision.allowed, decision.reason) == (False, REASON_MANDATED)


@pytest.mark.parametrize(("given_by", "age", "refusal"), [
    ("youth", 15, ""), ("youth", 12, ""), ("youth", 11, REASON_YOUTH_TOO_YOUNG), ("youth", None, ""),
    ("parent", 8, ""), ("guardian", 3, ""),
])
def test_who_may_give_consent(given_by, age, refusal):
    assert giver_refusal(given_by, subject_age=age) == refusal


STATUS_ONLY = fact(RecipientKind.SCHOOL, SCHOOL, (Purpose.SHARE_STATUS,))
DETAILS = fact(RecipientKind.SCHOOL, SCHOOL, (Purpose.SHARE_DETAILS,), withheld="leefgroep; schulden")


@pytest.mark.parametrize(("consent", "field", "level", "value", "expected"), [
    (STATUS_ONLY, SheetField.STATUS, SharingLevel.SHAREABLE, "", True),
    (STATUS_ONLY, SheetField.CONTACT, SharingLevel.SHAREABLE, "", True),
    (STATUS_ONLY, SheetField.QUESTION, SharingLevel.SHAREABLE, "huur", False),
    (STATUS_ONLY, SheetField.NOTES, SharingLevel.SHAREABLE, "x", False),
    (DETAILS, SheetField.QUESTION, SharingLevel.SHAREABLE, "hulp bij huur", True),
    (DETAILS, SheetField.NOTES, SharingLevel.SHAREABLE, "verslag", True),
    (DETAILS, SheetField.NOTES, SharingLevel.STATUS_ONLY, "verslag", False),
    (DETAILS, SheetField.STATUS, SharingLevel.STATUS_ONLY, "", True),
    (DETAILS, SheetField.STATUS, SharingLevel.PRIVATE, "", False),
    (DETAILS, SheetField.NOTES, SharingLevel.PRIVATE, "verslag", False),
    (DETAILS, SheetField.TRIED, SharingLevel.SHAREABLE, "Gesprek over de Schulden bij de bank", False),
    (DETAILS, SheetField.QUESTION, SharingLevel.SHAREABLE, "Terug naar school na de leefgroep", False),
])
def test_fields_allowed(consent, field, level, value, expected):
    decision = may_share([consent], recipient_kind=RecipientKind.SCHOOL, recipient_uuid=SCHOOL,
                         purpose=Purpose.SHARE_STATUS, on=TODAY)
    assert fields_allowed(decision, field, sharing_level=level, value=value) is expected


def test_refused_decision_allows_no_field():
    decision = may_share([], recipient_kind=RecipientKind.SCHOOL, recipient_uuid=SCHOOL,
                         purpose=Purpose.SHARE_STATUS, on=TODAY)
    assert not any(fields_allowed(decision, f) for f in SheetField)

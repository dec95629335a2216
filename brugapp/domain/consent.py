"""Consent (toestemming): the one place that answers "may X receive Y about Z now?".

Screens, printing and exports all ask ``may_share`` and ``fields_allowed``; none re-implements the rule.
Pure: no I/O, no clock (the caller passes ``on``).

The rule, in the field's words:
- consent is per recipient and per purpose; a consent for an organisation covers its services and its
  contact persons (the caller lists those broader recipients in ``recipient_parents``);
- sharing details implies sharing the status (*stavaza*), never the other way round;
- a consent counts from ``given_on`` up to and including ``valid_until``, and stops on ``withdrawn_on``;
- a consent about one person (``subject_member_uuid``) covers only that person, a family-wide one everybody;
- from about 12 a youth is presumed able to exercise their own rights: they may give (or refuse) consent
  themselves, a younger child cannot;
- mandated services (OCJ, VK, jeugdrechter) are one-way: they may receive, but what came *from* them is
  never passed on;
- what the family explicitly withheld is never printed: a free-text field that mentions it is left out.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from brugapp.domain.sharing import SharingLevel
from brugapp.domain.vocabulary import Term, Vocabulary
from brugapp.i18n import N_

YOUTH_CONSENT_AGE = 12


class Purpose(StrEnum):
    REFER = "refer"  # refer for a service (doorverwijzen, aanmelden)
    SHARE_STATUS = "share_status"  # that something runs and where it stands (stavaza)
    SHARE_DETAILS = "share_details"  # the question, what has been tried, what to take into account
    REPORTING = "reporting"  # anonymised figures


class RecipientKind(StrEnum):
    ORGANIZATION = "organization"
    CONTACT = "contact"
    SCHOOL = "school"
    SERVICE = "service"


class GivenBy(StrEnum):
    PARENT = "parent"
    GUARDIAN = "guardian"
    YOUTH = "youth"
    OTHER = "other"


class ConsentMethod(StrEnum):
    ORAL = "oral"
    WRITTEN = "written"
    SIGNED_FORM = "signed_form"


PURPOSES = Vocabulary("consent_purpose", [
    Term(Purpose.REFER, N_("Refer for a service")),
    Term(Purpose.SHARE_STATUS, N_("Share the status (where it stands)")),
    Term(Purpose.SHARE_DETAILS, N_("Share details")),
    Term(Purpose.REPORTING, N_("Anonymised reporting")),
])

GIVERS = Vocabulary("consent_given_by", [
    Term(GivenBy.PARENT, N_("Parent")),
    Term(GivenBy.GUARDIAN, N_("Guardian")),
    Term(GivenBy.YOUTH, N_("The youth themself")),
    Term(GivenBy.OTHER, N_("Other")),
])

METHODS = Vocabulary("consent_method", [
    Term(ConsentMethod.ORAL, N_("Oral")),
    Term(ConsentMethod.WRITTEN, N_("Written")),
    Term(ConsentMethod.SIGNED_FORM, N_("Signed form")),
])

RECIPIENT_KINDS = Vocabulary("recipient_kind", [
    Term(RecipientKind.ORGANIZATION, N_("Organisation")),
    Term(RecipientKind.SERVICE, N_("Service")),
    Term(RecipientKind.CONTACT, N_("Contact person")),
    Term(RecipientKind.SCHOOL, N_("School")),
])

CONSENT_STATES = Vocabulary("consent_state", [
    Term("valid", N_("valid")),
    Term("expired", N_("expired")),
    Term("withdrawn", N_("withdrawn")),
    Term("not_yet", N_("not valid yet")),
])

# Reasons (msgids, translated when shown).
REASON_ALLOWED = N_("Consent recorded for this recipient and purpose.")
REASON_NONE = N_("No consent recorded for this recipient.")
REASON_OTHER_PURPOSE = N_("The consent for this recipient does not cover this purpose.")
REASON_EXPIRED = N_("The consent for this recipient has expired.")
REASON_WITHDRAWN = N_("The consent for this recipient was withdrawn.")
REASON_NOT_YET = N_("The consent for this recipient is not valid yet.")
REASON_MANDATED = N_("Information from a mandated service (OCJ, VK, youth court) is never passed on.")
REASON_YOUTH_TOO_YOUNG = N_("A child under 12 cannot give consent alone; ask a parent or guardian.")

# Which purposes a consent must name to cover a purpose asked for.
_COVERED_BY: dict[str, frozenset[str]] = {
    Purpose.REFER: frozenset({Purpose.REFER}),
    Purpose.SHARE_STATUS: frozenset({Purpose.SHARE_STATUS, Purpose.SHARE_DETAILS}),
    Purpose.SHARE_DETAILS: frozenset({Purpose.SHARE_DETAILS}),
    Purpose.REPORTING: frozenset({Purpose.REPORTING}),
}


@dataclass(frozen=True)
class ConsentFact:
    """One recorded consent, as the rule needs it (built by the services from the store)."""

    recipient_kind: str
    recipient_uuid: str
    purposes: frozenset[str]
    given_by: str
    method: str
    given_on: dt.date
    valid_until: dt.date | None
    withdrawn_on: dt.date | None
    withheld: str  # what the family explicitly does not want passed on (free text)
    subject_member_uuid: str = ""  # "" = the whole family
    given_by_name: str = ""  # which parent (or who) gave it, as recorded

    def state_on(self, on: dt.date) -> str:
        """'valid', 'withdrawn', 'expired' or 'not_yet' on that day."""
        if self.withdrawn_on is not None and self.withdrawn_on <= on:
            return "withdrawn"
        if on < self.given_on:
            return "not_yet"
        if self.valid_until is not None and on > self.valid_until:
            return "expired"
        return "valid"


@dataclass(frozen=True)
class ConsentDecision:
    allowed: bool
    reason: str  # N_-marked msgid; translate with _() when shown
    consent: ConsentFact | None

    @property
    def withheld(self) -> str:
        return self.consent.withheld if self.consent else ""


_REFUSAL_ORDER = ("withdrawn", "expired", "not_yet")
_REFUSAL_REASON = {"withdrawn": REASON_WITHDRAWN, "expired": REASON_EXPIRED, "not_yet": REASON_NOT_YET}


def covers(fact: ConsentFact, purpose: str) -> bool:
    return bool(fact.purposes & _COVERED_BY.get(purpose, frozenset({purpose})))


def may_share(
    facts: Iterable[ConsentFact],
    *,
    recipient_kind: str,
    recipient_uuid: str,
    purpose: str,
    on: dt.date,
    recipient_parents: tuple[tuple[str, str], ...] = (),
    subject_member_uuid: str = "",
    from_mandated_service: bool = False,
) -> ConsentDecision:
    """May this recipient receive this kind of information about this family (member) on that day?

    ``recipient_parents`` lists the broader recipients, e.g. a contact person's service and organisation:
    a consent given to the organisation covers them. ``from_mandated_service`` is true when the
    information itself came from a mandated service: that is never passed on, whatever the consent.
    """
    if from_mandated_service:
        return ConsentDecision(False, REASON_MANDATED, None)
    recipients = {(str(recipient_kind), recipient_uuid), *((str(k), u) for k, u in recipient_parents)}
    for_recipient = [
        f for f in facts
        if (str(f.recipient_kind), f.recipient_uuid) in recipients
        and (not f.subject_member_uuid or f.subject_member_uuid == subject_member_uuid)
    ]
    if not for_recipient:
        return ConsentDecision(False, REASON_NONE, None)
    for_purpose = [f for f in for_recipient if covers(f, purpose)]
    if not for_purpose:
        return ConsentDecision(False, REASON_OTHER_PURPOSE, None)
    valid = [f for f in for_purpose if f.state_on(on) == "valid"]
    if valid:
        # Prefer the most specific (the recipient itself over its organisation), then the latest given.
        exact = [f for f in valid if (str(f.recipient_kind), f.recipient_uuid) == (str(recipient_kind), recipient_uuid)]
        best = max(exact or valid, key=lambda f: f.given_on)
        return ConsentDecision(True, REASON_ALLOWED, best)
    states = {f.state_on(on): f for f in sorted(for_purpose, key=lambda f: f.given_on)}
    for state in _REFUSAL_ORDER:
        if state in states:
            return ConsentDecision(False, _REFUSAL_REASON[state], states[state])
    return ConsentDecision(False, REASON_NONE, None)  # pragma: no cover - every state is listed


def giver_refusal(given_by: str, *, subject_age: int | None) -> str:
    """'' when this person may give consent; otherwise the reason (msgid).

    From about 12 a youth is presumed able to exercise their own rights; a younger child's own word is
    not enough. An unknown age is left to the brugfiguur's judgement.
    """
    if given_by == GivenBy.YOUTH and subject_age is not None and subject_age < YOUTH_CONSENT_AGE:
        return REASON_YOUTH_TOO_YOUNG
    return ""


class SheetField(StrEnum):
    """What a printed sheet or export may carry, from least to most revealing."""

    STATUS = "status"  # that a service is involved and where it stands (stavaza)
    CONTACT = "contact"  # whom to call (the brugfiguur, the service's contact person)
    QUESTION = "question"  # the question / need
    TRIED = "tried"  # what has been tried so far
    NOTES = "notes"  # free-text notes and feedback
    FAMILY_CONTACT = "family_contact"  # whom in the family to contact and how (name, phone, language)


_FIELD_NEEDS: dict[str, frozenset[str]] = {
    SheetField.STATUS: frozenset({Purpose.SHARE_STATUS, Purpose.SHARE_DETAILS, Purpose.REFER}),
    SheetField.CONTACT: frozenset({Purpose.SHARE_STATUS, Purpose.SHARE_DETAILS, Purpose.REFER}),
    SheetField.QUESTION: frozenset({Purpose.SHARE_DETAILS, Purpose.REFER}),
    SheetField.TRIED: frozenset({Purpose.SHARE_DETAILS, Purpose.REFER}),
    SheetField.NOTES: frozenset({Purpose.SHARE_DETAILS}),
    SheetField.FAMILY_CONTACT: frozenset({Purpose.SHARE_DETAILS, Purpose.REFER}),
}
_FREE_TEXT = frozenset({SheetField.QUESTION, SheetField.TRIED, SheetField.NOTES})


def withheld_items(withheld: str) -> list[str]:
    """'verblijf in leefgroep; schulden' -> ['verblijf in leefgroep', 'schulden']."""
    parts = withheld.replace("\n", ";").replace(",", ";").split(";")
    return [p.strip().casefold() for p in parts if len(p.strip()) >= 3]


def mentions_withheld(decision: ConsentDecision, value: str) -> bool:
    folded = value.casefold()
    return any(item in folded for item in withheld_items(decision.withheld))


def fields_allowed(
    decision: ConsentDecision,
    field: str,
    *,
    sharing_level: str = SharingLevel.SHAREABLE,
    value: str = "",
) -> bool:
    """May this field go on the sheet/export the decision was made for?

    Needs an allowing decision whose consent names a purpose that covers the field, a note sharing
    level that is not private (status-only notes only ever give the status), and — for free text — no
    mention of what the family withheld.
    """
    if not decision.allowed or decision.consent is None:
        return False
    if sharing_level == SharingLevel.PRIVATE:
        return False
    if sharing_level == SharingLevel.STATUS_ONLY and field != SheetField.STATUS:
        return False
    if not decision.consent.purposes & _FIELD_NEEDS[field]:
        return False
    return not (field in _FREE_TEXT and value and mentions_withheld(decision, value))


def status_only_fields() -> tuple[str, ...]:
    """A status-only sheet (for a school) never carries more than this, whatever the consent."""
    return (SheetField.STATUS, SheetField.CONTACT)


REASON_OVERRIDE = N_("Printed without recorded consent; reason kept in the audit trail.")
OVERRIDE_MIN_LENGTH = 10
OVERRIDE_MIN_WORDS = 3
REFUSAL_OVERRIDE_REASON = N_("Write down in a few words why you share without recorded consent "
                             "(at least 3 real words, e.g. “crisis: kind niet veilig thuis”).")
REFUSAL_OVERRIDE_WITHDRAWN = N_("The family withdrew its consent for this recipient: sharing anyway is not "
                                "possible. Talk with the family first and record a new consent.")
# Words of letters (any script); digits, punctuation and invisible characters do not count.
_WORD = re.compile(r"[^\W\d_]{2,}")


def _real_words(reason: str) -> list[str]:
    """Words of at least two letters that are not one letter repeated ("xxxxxxxxxx" is no word)."""
    return [w.casefold() for w in _WORD.findall(reason) if len(set(w.casefold())) > 1]


def override_refusal(reason: str, decision: ConsentDecision | None = None) -> str:
    """'' when sharing without consent may go ahead with this written reason; else why not (msgid).

    Never after the family withdrew consent for this recipient, never for what came from a mandated
    service; the reason must be real words (at least three different ones), not filler or invisible text.
    """
    if decision is not None and decision.reason == REASON_MANDATED:
        return REASON_MANDATED
    if decision is not None and decision.reason == REASON_WITHDRAWN:
        return REFUSAL_OVERRIDE_WITHDRAWN
    words = _real_words(reason)
    visible = sum(1 for c in reason if c.isalnum())
    if visible < OVERRIDE_MIN_LENGTH or len(set(words)) < OVERRIDE_MIN_WORDS:
        return REFUSAL_OVERRIDE_REASON
    return ""


def family_withheld(facts: Iterable[ConsentFact]) -> str:
    """Everything the family withheld in any consent (also expired or withdrawn ones), one item per line.

    An override shares without a consent for this recipient, but what the family said must never be passed
    on still holds for everybody.
    """
    return "\n".join(f.withheld for f in facts if f.withheld.strip())


def override_decision(purpose: str, *, on: dt.date, recipient_kind: str, recipient_uuid: str,
                      withheld: str = "") -> ConsentDecision:
    """The brugfiguur takes responsibility (e.g. a crisis): allowed for this purpose only.

    Only ever made after ``override_refusal`` accepted a written reason that the caller keeps in the audit
    trail. ``withheld`` (see ``family_withheld``) keeps out what the family withheld, as a consent would.
    """
    fact = ConsentFact(recipient_kind, recipient_uuid, frozenset({purpose}), GivenBy.OTHER, "override", on, on,
                       None, withheld)
    return ConsentDecision(True, REASON_OVERRIDE, fact)

"""Rights × consent overview: families that do not (yet) use a benefit, and who may be discussed with whom.

Before an OCMW or CAW office hour the brugfiguur prints the list for that recipient: only the families whose
consent covers that recipient and purpose (the rule is ``domain.consent.may_share``). Her own overview shows
every family that matches the rights filter, with the reason a family is not on the printed list.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from brugapp.domain.consent import PURPOSES, ConsentFact, Purpose, may_share
from brugapp.domain.overviews import brussels_today
from brugapp.domain.rights_overview import RightFilter
from brugapp.errors import ValidationError
from brugapp.i18n import _
from brugapp.services.audit import record_audit
from brugapp.services.referrals.consent import Recipient, find_recipient
from brugapp.services.referrals.consent import _fact as consent_fact  # one mapping of a stored consent
from brugapp.store import Store
from brugapp.store.models import Family
from brugapp.store.models.notebook import FamilyMember, RightCheck
from brugapp.store.models.referrals import Consent


@dataclass(frozen=True)
class RightsRow:
    family_id: str
    family_name: str
    status: str  # RIGHT_STATUSES code ("unknown" when never checked)
    status_on: dt.date | None
    on_printed_list: bool  # consent covers the recipient and purpose (always False without a recipient)
    reason: str  # msgid from domain.consent; "" without a recipient


@dataclass(frozen=True)
class RightsOverview:
    right: RightFilter
    purpose: str
    recipient_id: str
    recipient_label: str
    on: dt.date
    rows: tuple[RightsRow, ...]

    @property
    def printable(self) -> tuple[RightsRow, ...]:
        return tuple(r for r in self.rows if r.on_printed_list)

    @property
    def held_back(self) -> tuple[RightsRow, ...]:
        return tuple(r for r in self.rows if not r.on_printed_list)


def _recipient(session: Session, recipient_id: str) -> Recipient:
    recipient = find_recipient(session, recipient_id)
    if recipient is None:
        raise ValidationError(_("No school, organisation, service or contact person with id {id}.").format(
            id=recipient_id), field="recipient")
    return recipient


def _facts_by_family(session: Session, recipient: Recipient) -> dict[int, list[ConsentFact]]:
    """Every consent given to the recipient or a broader one (its organisation), per family, in one query."""
    uuids = [recipient.uuid, *(uuid for _kind, uuid in recipient.parents)]
    rows = session.execute(
        select(Consent, FamilyMember.uuid).outerjoin(FamilyMember, FamilyMember.id == Consent.subject_member_id)
        .where(Consent.recipient_uuid.in_(uuids))).all()
    facts: dict[int, list[ConsentFact]] = {}
    for consent, member_uuid in rows:
        facts.setdefault(consent.family_id, []).append(consent_fact(consent, member_uuid or ""))
    return facts


def rights_overview(store: Store, *, right: RightFilter, recipient_id: str = "", purpose: str = Purpose.REFER,
                    on: dt.date | None = None) -> RightsOverview:
    """Every active family whose rights check matches ``right``; with a recipient, whether consent covers it."""
    if purpose not in PURPOSES:
        raise ValidationError(_("Unknown purpose."), field="purpose")
    day = on or brussels_today()
    with store.read() as session:
        recipient = _recipient(session, recipient_id) if recipient_id else None
        query = (select(Family.id, Family.uuid, Family.display_name, RightCheck.status, RightCheck.status_on)
                 .outerjoin(RightCheck, (RightCheck.family_id == Family.id) & (RightCheck.benefit == right.benefit))
                 .where(Family.archived_at.is_(None)).order_by(Family.display_name, Family.id))
        matches = [(pk, uuid, name, status or "unknown", status_on)
                   for pk, uuid, name, status, status_on in session.execute(query).all()
                   if right.matches(status or "unknown", status_on)]
        facts = _facts_by_family(session, recipient) if recipient is not None else {}
        rows = []
        for pk, uuid, name, status, status_on in matches:
            allowed, reason = False, ""
            if recipient is not None:
                decision = may_share(facts.get(pk, []), recipient_kind=recipient.kind,
                                     recipient_uuid=recipient.uuid, purpose=purpose, on=day,
                                     recipient_parents=recipient.parents)
                allowed, reason = decision.allowed, decision.reason
            rows.append(RightsRow(uuid, name, status, status_on, allowed, reason))
        return RightsOverview(right, purpose, recipient.uuid if recipient else "",
                              recipient.label if recipient else "", day, tuple(rows))


def _audit(session: Session, *, action: str, kind: str, audience: str, detail: str) -> None:
    """What was printed for whom (never a family name), as a link of the audit chain."""
    record_audit(session, action=action, subject_kind=kind, audience=audience[:80], detail=detail)


def print_rights_list(store: Store, *, right: RightFilter, recipient_id: str, path: Path,
                      purpose: str = Purpose.REFER, on: dt.date | None = None) -> RightsOverview:
    """Print the list for the recipient: only families whose consent covers it; the print is audited."""
    from brugapp.printing.rights_overview import write_rights_list_pdf

    if not recipient_id:
        raise ValidationError(_("Choose for whom the list is printed."), field="recipient")
    overview = rights_overview(store, right=right, recipient_id=recipient_id, purpose=purpose, on=on)
    with store.session() as session:  # the print and its audit entry: one unit of work
        write_rights_list_pdf(overview, path)
        _audit(session, action="print", kind="rights_overview", audience=overview.recipient_label,
               detail=f"{right.benefit}: {len(overview.printable)}")
    return overview

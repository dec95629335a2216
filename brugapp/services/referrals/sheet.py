"""What the referral sheet says about reaching the family: who to contact, phone, language, interpreter.

Asked by ``referrals.print_referral_sheet``; the sheet prints it only when the consent covers
``SheetField.FAMILY_CONTACT`` (domain/consent.py). The contact is the parent who gave the consent when the
consent names one of the members, else the first parent or guardian with a phone number.
"""

from __future__ import annotations

from babel import Locale, UnknownLocaleError
from sqlalchemy import select
from sqlalchemy.orm import Session

from brugapp.domain.consent import ConsentDecision
from brugapp.i18n import locale
from brugapp.printing.referral_sheet import FamilyContact
from brugapp.store.models import Family
from brugapp.store.models.notebook import FamilyMember

_ADULT_ROLES = ("parent", "guardian")


def language_name(code: str) -> str:
    """'ar' -> 'Arabisch' (in the sheet's language); an unknown code is shown as typed."""
    if not code:
        return ""
    try:
        return Locale.parse(code.replace("-", "_")).get_display_name(locale()) or code
    except (ValueError, UnknownLocaleError):
        return code


def family_contact(session: Session, family: Family, decision: ConsentDecision) -> FamilyContact:
    members = session.scalars(select(FamilyMember).where(FamilyMember.family_id == family.id)
                              .order_by(FamilyMember.id)).all()
    adults = [m for m in members if m.role in _ADULT_ROLES]
    giver = decision.consent.given_by_name.strip().casefold() if decision.consent else ""

    def full(member: FamilyMember) -> str:
        return f"{member.first_name} {member.last_name}".strip()

    chosen = next((m for m in adults if giver and full(m).casefold() == giver), None)
    chosen = chosen or next((m for m in adults if m.phone), None) or next(iter(adults), None)
    return FamilyContact(
        name=full(chosen) if chosen else family.reference_person, phone=chosen.phone if chosen else "",
        language=language_name(family.preferred_language), interpreter_needed=family.interpreter_needed,
    )

"""What the referral sheet says about reaching the family: who to contact, phone, e-mail, language, interpreter.

Asked by ``referrals.print_referral_sheet``; the sheet prints it as ``domain.parent_contact`` says (a school's
versions always, the status-only one too; anyone else only when the consent covers ``SheetField.FAMILY_CONTACT``).
The contact is the parent who gave the consent when the consent names one of the members, else the first parent
or guardian with a phone number; nobody the family kept back from this recipient's audience
(``services/families/parent_contact.py``). It also carries what the family keeps from the recipient's audience,
so the sheet leaves off a question or note that mentions it (``domain/kept_back.py``).
"""

from __future__ import annotations

from babel import Locale, UnknownLocaleError
from sqlalchemy.orm import Session

from brugapp.domain.consent import ConsentDecision
from brugapp.domain.kept_back import kept_back_items
from brugapp.domain.situations import audience_of
from brugapp.i18n import locale
from brugapp.printing.referral_sheet import FamilyContact
from brugapp.services.families.parent_contact import kept_back_from, parent_contacts
from brugapp.store.models import Family


def language_name(code: str) -> str:
    """'ar' -> 'Arabisch' (in the sheet's language); an unknown code is shown as typed."""
    if not code:
        return ""
    try:
        return Locale.parse(code.replace("-", "_")).get_display_name(locale()) or code
    except (ValueError, UnknownLocaleError):
        return code


def family_contact(session: Session, family: Family, decision: ConsentDecision) -> FamilyContact:
    fact = decision.consent
    audience = audience_of(fact.recipient_kind if fact else "")
    contacts = parent_contacts(session, family_pk=family.id, audience=audience,
                               giver_name=fact.given_by_name if fact else "")
    return FamilyContact(person=contacts[0] if contacts else None, language=language_name(family.preferred_language),
                         interpreter_needed=family.interpreter_needed,
                         kept_back=kept_back_items(kept_back_from(session, family_pk=family.id, audience=audience)))

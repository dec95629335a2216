"""The parents' contact a printed sheet may carry, read from the store in the caller's unit of work.

One helper for every sheet (referral sheet, status sheet, agenda, minutes, transfer sheet): it reads the family's
parents and guardians and what the family kept back from ``audience``, and leaves the choosing to
``domain/parent_contact.py``. Whether a version may carry the contact at all is
``domain.parent_contact.may_give_parent_contact``. ``kept_back_from`` also feeds the free-text rule of the
meeting sheets for the school (``domain/kept_back.py``).
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from brugapp.domain.consent import family_withheld
from brugapp.domain.parent_contact import CONTACT_ROLES, ParentContact, contacts_to_print
from brugapp.services.families.situations import situations_in_session
from brugapp.services.referrals.consent import consent_facts
from brugapp.store.models.notebook import FamilyMember


def kept_back_from(session: Session, *, family_pk: int, audience: str) -> list[str]:
    """What the family does not want ``audience`` to know: every consent's withheld text, and the details of each
    situation not disclosed to that audience (a stay's description may name the people it is with)."""
    texts = [family_withheld(consent_facts(session, family_pk=family_pk))]
    texts += [view.description for view in situations_in_session(session, family_pk=family_pk)
              if audience not in view.disclosed_to]
    return [text for text in texts if text.strip()]


def parent_contacts(session: Session, *, family_pk: int, audience: str, giver_name: str = ""
                    ) -> tuple[ParentContact, ...]:
    """The parents and guardians a sheet for ``audience`` (a ``domain.situations.Audience``) may name, first
    whom to call first."""
    adults = session.scalars(select(FamilyMember).where(FamilyMember.family_id == family_pk,
                                                        FamilyMember.role.in_(CONTACT_ROLES))
                             .order_by(FamilyMember.id)).all()
    people = [ParentContact(f"{m.first_name} {m.last_name}".strip(), m.role, m.phone, m.email, m.first_name)
              for m in adults]
    return contacts_to_print(people, kept_back=kept_back_from(session, family_pk=family_pk, audience=audience),
                             giver_name=giver_name)

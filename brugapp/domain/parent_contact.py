"""Whom in the family a printed sheet names as the parents' contact, and when a version may carry it.

The rule, written once; the referral sheet, the status sheet, agenda, minutes and the transfer sheet all ask it:
- the contact is a parent or guardian (never a child), with the phone and e-mail recorded for them;
- the person who gave the consent comes first, then whoever has a phone, in the order they were recorded;
- an adult named in something the family kept back (what a consent withholds, the details of a situation kept
  from this audience) is left off: printing that person could tell what was kept back;
- a version for a school gives the parents' contact whenever the school may receive that version at all, the
  status-only one included: a youth may keep a fact from the school, but the school still knows whom in the
  family to call. Any other recipient needs a consent that covers ``SheetField.FAMILY_CONTACT``.
Pure: no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from brugapp.domain.consent import ConsentDecision, RecipientKind, SheetField, fields_allowed

CONTACT_ROLES = ("parent", "guardian")
_SHORTEST_NAME = 3  # a first name of two letters ("Li") would match inside too many ordinary words


@dataclass(frozen=True)
class ParentContact:
    """One parent or guardian as a sheet prints them."""

    name: str
    role: str  # "parent" | "guardian" (domain.notebook.MEMBER_ROLES)
    phone: str = ""
    email: str = ""
    first_name: str = ""  # only to find the person in what was kept back; never printed on its own


def _named_in(person: ParentContact, texts: Sequence[str]) -> bool:
    """Is this person named (full name, or first name as a whole word) in any of the texts?"""
    names = [person.name.strip()]
    if len(person.first_name.strip()) >= _SHORTEST_NAME:
        names.append(person.first_name.strip())
    patterns = [re.compile(rf"(?<!\w){re.escape(name)}(?!\w)", re.IGNORECASE) for name in names if name]
    return any(pattern.search(text) for pattern in patterns for text in texts)


def contacts_to_print(adults: Iterable[ParentContact], *, kept_back: Sequence[str] = (),
                      giver_name: str = "") -> tuple[ParentContact, ...]:
    """The parents and guardians a sheet may name, the one to call first at the front."""
    texts = [t for t in kept_back if t.strip()]
    eligible = [a for a in adults if a.role in CONTACT_ROLES and a.name.strip() and not _named_in(a, texts)]
    giver = giver_name.strip().casefold()

    def order(indexed: tuple[int, ParentContact]) -> tuple[int, int, int]:
        position, person = indexed
        return (0 if giver and person.name.strip().casefold() == giver else 1,
                0 if person.phone else 1, position)

    return tuple(person for _position, person in sorted(enumerate(eligible), key=order))


def may_give_parent_contact(decision: ConsentDecision, *, status_only: bool = False) -> bool:
    """May the version this decision was made for carry the parents' contact?"""
    if not decision.allowed or decision.consent is None:
        return False
    if decision.consent.recipient_kind == RecipientKind.SCHOOL:
        return True  # the school may receive this version: it knows whom to call (see the module's rule)
    return not status_only and fields_allowed(decision, SheetField.FAMILY_CONTACT)

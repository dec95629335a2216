"""How every sheet prints a parent's contact: as rows of a small table, or as one line.

The person is chosen by ``domain/parent_contact.py`` (through ``services/families/parent_contact.py``); this module
only lays them out, the same on the referral sheet, the status sheet, agenda, minutes and the transfer sheet.
"""

from __future__ import annotations

from brugapp.domain.notebook import MEMBER_ROLES
from brugapp.domain.parent_contact import ParentContact
from brugapp.i18n import _


def contact_rows(contact: ParentContact) -> list[tuple[str, str]]:
    """Name, phone and e-mail, each on its own row (a missing one is left out, never a dash to call)."""
    rows = [(_("Contact person"), contact.name)]
    if contact.phone:
        rows.append((_("Phone"), contact.phone))
    if contact.email:
        rows.append((_("E-mail"), contact.email))
    return rows


def contact_line(contact: ParentContact, *, with_role: bool = False) -> str:
    """'Amina Benali (Ouder) · +32 470 11 22 33 · amina@example.be' for a row of a table."""
    name = f"{contact.name} ({MEMBER_ROLES.label(contact.role)})" if with_role else contact.name
    return " · ".join(part for part in (name, contact.phone, contact.email) if part)

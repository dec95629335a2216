"""One contact person of the sociale kaart as a card: the numbers to try, the after-hours line and the
backup to call instead (``kaart.get_contact``)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from brugapp.i18n import _
from brugapp.services.errors import NotFoundError
from brugapp.services.kaart import ContactRef, _ref
from brugapp.store import Store
from brugapp.store.models.kaart import KaartContact


@dataclass(frozen=True)
class ContactDetail:
    id: str
    name: str
    role: str
    organization_id: str
    organization_name: str
    service_id: str  # "" for a contact of the whole organisation
    service_name: str
    phones: tuple[str, ...]  # own number first, then the service's / organisation's
    email: str
    is_backup: bool
    after_hours_phone: str
    after_hours_note: str
    backup: ContactRef | None



def _backup_of(contact: KaartContact, scope: list[KaartContact]) -> KaartContact | None:
    """Whom to call instead: the backup; for a backup, the fixed contact."""
    backup = next((c for c in scope if c.is_backup and c.id != contact.id), None)
    if backup is None and contact.is_backup:
        backup = next((c for c in scope if not c.is_backup and c.id != contact.id), None)
    return backup


def contact_card(store: Store, *, contact_id: str) -> ContactDetail:
    """A contact person with the numbers to try, the after-hours line and the backup to call instead."""
    with store.read() as session:
        contact = session.scalar(select(KaartContact).where(KaartContact.uuid == contact_id))
        if contact is None:
            raise NotFoundError(_("This contact person no longer exists in the social map."))
        org, service = contact.organization, contact.service
        scope = service.contacts if service is not None else [c for c in org.contacts if c.service_id is None]
        backup = _backup_of(contact, scope)
        phone_rows = (list(service.phones) if service is not None else []) + list(org.phones)
        numbers = [contact.phone] if contact.phone else []
        numbers += [p.number for p in phone_rows if p.purpose == "main" and p.number not in numbers]
        after = next((p.number for p in phone_rows if p.purpose == "after_hours"), "")
        return ContactDetail(
            id=contact.uuid, name=contact.name, role=contact.title, organization_id=org.uuid,
            organization_name=org.name, service_id=service.uuid if service else "",
            service_name=service.name if service else "", phones=tuple(numbers), email=contact.email,
            is_backup=contact.is_backup, after_hours_phone=after,
            after_hours_note=service.after_hours_note if service else "",
            backup=_ref(backup) if backup else None,
        )

"""Contact moments: the quick log, editing, linking an anonymous contact to a family, undoable deletes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from brugapp.domain.clock import local_date, to_local
from brugapp.domain.contact_details import parse_date
from brugapp.domain.notebook import CHANNELS, INITIATIVES
from brugapp.domain.sharing import SHARING_LEVELS
from brugapp.domain.themes import THEMES
from brugapp.errors import NotFoundError, ValidationError
from brugapp.i18n import _, format_date
from brugapp.services.audit import record_audit
from brugapp.services.date_guard import check_contact_moment, check_follow_up_day
from brugapp.services.families.families import check_code, clean_note, family_by_uuid
from brugapp.services.records import ListedRecord, TimelineEntry
from brugapp.store import Store
from brugapp.store.base import utcnow
from brugapp.store.models import Family
from brugapp.store.models.notebook import ContactMoment, ContactParticipant, ContactTheme, FamilyMember
from brugapp.store.search_index import index_record, unindex_record

_UNSET = object()


@dataclass(frozen=True)
class ContactInfo:
    id: str
    family_id: str  # "" for an anonymous contact
    family_name: str
    occurred_at: dt.datetime  # aware UTC
    channel: str
    initiative: str
    language: str
    interpreter: bool
    note: str
    sharing: str
    follow_up_on: dt.date | None
    follow_up_done: bool
    themes: tuple[str, ...]
    member_ids: tuple[str, ...]
    other_family_ids: tuple[str, ...]
    deleted: bool = False


# -- validation ---------------------------------------------------------------------------------
def _themes(codes: Iterable[str]) -> list[str]:
    result: list[str] = []
    for code in codes:
        check_code(THEMES, code, field="themes", label=_("Themes"))
        if code not in result:
            result.append(code)
    return result


def _follow_up(value: dt.date | str | None) -> dt.date | None:
    day = _parse_follow_up(value)
    if day is not None:
        check_follow_up_day(day, label=_("Follow-up date"), field="follow_up_on")
    return day


def _parse_follow_up(value: dt.date | str | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return parse_date(value)
    except ValueError:
        raise ValidationError(
            _("Follow-up date: “{value}” is not a date. Example: 28-11-2026, or +7 for a week from now.").format(
                value=value),
            field="follow_up_on",
        ) from None


def _when(value: dt.datetime | None) -> dt.datetime:
    if value is None:
        return utcnow()
    if value.tzinfo is None:
        raise ValidationError(_("When: the time has no time zone."), field="occurred_at")
    check_contact_moment(value)
    return value.astimezone(dt.UTC)


def contact_by_uuid(session: Session, contact_id: str) -> ContactMoment:
    contact = session.scalar(select(ContactMoment).where(ContactMoment.uuid == contact_id))
    if contact is None:
        raise NotFoundError(_("No contact moment with id {id}.").format(id=contact_id))
    return contact


def _info(session: Session, contact: ContactMoment) -> ContactInfo:
    family = session.get(Family, contact.family_id) if contact.family_id else None
    member_ids = [p.member_id for p in contact.participants if p.member_id]
    family_ids = [p.family_id for p in contact.participants if p.family_id]
    members = session.scalars(select(FamilyMember.uuid).where(FamilyMember.id.in_(member_ids))).all() \
        if member_ids else []
    families = session.scalars(select(Family.uuid).where(Family.id.in_(family_ids))).all() if family_ids else []
    return ContactInfo(
        contact.uuid, family.uuid if family else "", family.display_name if family else "",
        contact.occurred_at, contact.channel, contact.initiative, contact.language, contact.interpreter,
        contact.note, contact.sharing, contact.follow_up_on, contact.follow_up_done,
        tuple(t.theme for t in contact.themes), tuple(members), tuple(families), contact.deleted_at is not None,
    )


def contact_title(channel: str, family_name: str) -> str:
    who = family_name or _("anonymous")
    return _("{channel} – {who}").format(channel=CHANNELS.label(channel), who=who)


def _index(session: Session, contact: ContactMoment) -> None:
    family = session.get(Family, contact.family_id) if contact.family_id else None
    local_day = local_date(contact.occurred_at)
    label = f"{contact_title(contact.channel, family.display_name if family else '')}, {format_date(local_day)}"
    themes = " ".join(THEMES.label(t.theme) for t in contact.themes)
    index_record(session, kind="contact", ref_uuid=contact.uuid, label=label, body=f"{contact.note} {themes}",
                 family_uuid=family.uuid if family else "")


def _participants(session: Session, contact: ContactMoment, member_ids: Iterable[str],
                  other_family_ids: Iterable[str]) -> None:
    contact.participants.clear()
    for member_uuid in dict.fromkeys(member_ids):
        member = session.scalar(select(FamilyMember).where(FamilyMember.uuid == member_uuid))
        if member is None:
            raise ValidationError(_("Participants: a family member no longer exists."), field="participants")
        contact.participants.append(ContactParticipant(member_id=member.id))
    for family_uuid in dict.fromkeys(other_family_ids):
        other = session.scalar(select(Family).where(Family.uuid == family_uuid))
        if other is None:
            raise ValidationError(_("Participants: a family no longer exists."), field="participants")
        if other.id != contact.family_id:
            contact.participants.append(ContactParticipant(family_id=other.id))


# -- use cases ----------------------------------------------------------------------------------
def log_contact(
    store: Store,
    *,
    channel: str,
    family_id: str | None = None,
    themes: Iterable[str] = (),
    note: str = "",
    sharing: str = "private",
    initiative: str = "parent",
    language: str = "",
    interpreter: bool = False,
    follow_up_on: dt.date | str | None = None,
    occurred_at: dt.datetime | None = None,
    member_ids: Iterable[str] = (),
    other_family_ids: Iterable[str] = (),
) -> ContactInfo:
    """Log one contact moment (the quick log). Without ``family_id`` it is anonymous and can be linked later.

    Everything is checked first; an invalid theme, date or a too long note stores nothing.
    """
    check_code(CHANNELS, channel, field="channel", label=_("Channel"))
    check_code(INITIATIVES, initiative, field="initiative", label=_("Initiative"))
    check_code(SHARING_LEVELS, sharing, field="sharing", label=_("Sharing"))
    codes = _themes(themes)
    text = clean_note(note)
    promised = _follow_up(follow_up_on)
    when = _when(occurred_at)
    with store.session() as session:
        family = family_by_uuid(session, family_id) if family_id else None
        contact = ContactMoment(
            family_id=family.id if family else None, occurred_at=when, channel=channel, initiative=initiative,
            language=(language or "").strip()[:12], interpreter=bool(interpreter), note=text, sharing=sharing,
            follow_up_on=promised, follow_up_done=False,
        )
        contact.themes = [ContactTheme(theme=code) for code in codes]
        session.add(contact)
        session.flush()
        _participants(session, contact, member_ids, other_family_ids)
        session.flush()
        _index(session, contact)
        return _info(session, contact)


def update_contact(
    store: Store,
    *,
    contact_id: str,
    channel: str | None = None,
    themes: Iterable[str] | None = None,
    note: str | None = None,
    sharing: str | None = None,
    initiative: str | None = None,
    language: str | None = None,
    interpreter: bool | None = None,
    follow_up_on: object = _UNSET,
    follow_up_done: bool | None = None,
    occurred_at: dt.datetime | None = None,
    family_id: object = _UNSET,
    member_ids: Iterable[str] | None = None,
    other_family_ids: Iterable[str] | None = None,
) -> ContactInfo:
    """Change what was given (``None`` keeps a field); ``follow_up_on=None`` removes the promise."""
    if channel is not None:
        check_code(CHANNELS, channel, field="channel", label=_("Channel"))
    if initiative is not None:
        check_code(INITIATIVES, initiative, field="initiative", label=_("Initiative"))
    if sharing is not None:
        check_code(SHARING_LEVELS, sharing, field="sharing", label=_("Sharing"))
    codes = _themes(themes) if themes is not None else None
    text = clean_note(note) if note is not None else None
    promised = _follow_up(follow_up_on) if follow_up_on is not _UNSET else _UNSET  # type: ignore[arg-type]
    when = _when(occurred_at) if occurred_at is not None else None
    with store.session() as session:
        contact = contact_by_uuid(session, contact_id)
        if family_id is not _UNSET:
            contact.family_id = family_by_uuid(session, str(family_id)).id if family_id else None
        for name, value in (("channel", channel), ("initiative", initiative), ("sharing", sharing),
                            ("note", text), ("interpreter", interpreter), ("follow_up_done", follow_up_done),
                            ("occurred_at", when)):
            if value is not None:
                setattr(contact, name, value)
        if language is not None:
            contact.language = language.strip()[:12]
        if promised is not _UNSET:
            contact.follow_up_on = promised  # type: ignore[assignment]
        if codes is not None:
            contact.themes = [ContactTheme(theme=code) for code in codes]
        if member_ids is not None or other_family_ids is not None:
            _participants(session, contact, member_ids or (), other_family_ids or ())
        session.flush()
        _index(session, contact)
        return _info(session, contact)


def link_contact(store: Store, *, contact_id: str, family_id: str) -> ContactInfo:
    """Attach an (anonymous) contact moment to a family; the family's timeline shows it from then on."""
    with store.session() as session:
        contact = contact_by_uuid(session, contact_id)
        family = family_by_uuid(session, family_id)
        contact.family_id = family.id
        contact.participants = [p for p in contact.participants if p.family_id != family.id]
        session.flush()
        _index(session, contact)
        return _info(session, contact)


def delete_contact(store: Store, *, contact_id: str) -> ContactInfo:
    """Soft delete: the contact disappears everywhere but ``restore_contact`` brings it back (undo)."""
    with store.session() as session:
        contact = contact_by_uuid(session, contact_id)
        contact.deleted_at = utcnow()
        unindex_record(session, ref_uuid=contact.uuid)
        record_audit(session, action="delete", subject_kind="contact_moment", subject_uuid=contact.uuid)
        return _info(session, contact)


def restore_contact(store: Store, *, contact_id: str) -> ContactInfo:
    with store.session() as session:
        contact = contact_by_uuid(session, contact_id)
        contact.deleted_at = None
        session.flush()
        _index(session, contact)
        return _info(session, contact)


def get_contact(store: Store, *, contact_id: str) -> ContactInfo:
    with store.read() as session:
        return _info(session, contact_by_uuid(session, contact_id))


def list_contacts(
    store: Store,
    *,
    family_id: str | None = None,
    anonymous_only: bool = False,
    since: dt.datetime | None = None,
    until: dt.datetime | None = None,
    limit: int | None = None,
) -> list[ContactInfo]:
    """Contact moments, newest first (deleted ones left out)."""
    with store.read() as session:
        query = select(ContactMoment).where(ContactMoment.deleted_at.is_(None))
        if family_id:
            query = query.where(ContactMoment.family_id == family_by_uuid(session, family_id).id)
        if anonymous_only:
            query = query.where(ContactMoment.family_id.is_(None))
        if since is not None:
            query = query.where(ContactMoment.occurred_at >= since)
        if until is not None:
            query = query.where(ContactMoment.occurred_at < until)
        query = query.order_by(ContactMoment.occurred_at.desc())
        if limit:
            query = query.limit(limit)
        contacts = session.scalars(query).all()
        # One query for their families, so ``_info`` finds them in the identity map instead of one query each
        # (kept referenced: the identity map holds objects weakly).
        families = session.scalars(
            select(Family).where(Family.id.in_({c.family_id for c in contacts if c.family_id}))).all()
        infos = [_info(session, c) for c in contacts]
        del families
        return infos


def count_anonymous_contacts(store: Store) -> int:
    """How many contact moments still wait to be linked to a family (the Families page's button)."""
    with store.read() as session:
        return session.scalar(select(func.count()).select_from(ContactMoment).where(
            ContactMoment.deleted_at.is_(None), ContactMoment.family_id.is_(None))) or 0


def list_contact_records(store: Store) -> list[ListedRecord]:
    return [
        ListedRecord(c.id, f"{to_local(c.occurred_at):%Y-%m-%d %H:%M} {contact_title(c.channel, c.family_name)}")
        for c in list_contacts(store)
    ]


# -- timeline source ----------------------------------------------------------------------------
def timeline_contacts(session: Session, family_pk: int) -> list[TimelineEntry]:
    """Contact moments of a family (as main family or as participant) for the family timeline."""
    participant_ids = select(ContactParticipant.contact_id).where(ContactParticipant.family_id == family_pk)
    contacts = session.scalars(
        select(ContactMoment).where(
            ContactMoment.deleted_at.is_(None),
            (ContactMoment.family_id == family_pk) | ContactMoment.id.in_(participant_ids),
        )
    ).all()
    entries = []
    for contact in contacts:
        status = ""
        if contact.follow_up_on:
            status = (_("follow-up done") if contact.follow_up_done
                      else _("follow-up promised for {date}").format(date=format_date(contact.follow_up_on)))
        entries.append(TimelineEntry(
            kind="contact", id=contact.uuid, at=contact.occurred_at,
            title=CHANNELS.label(contact.channel), detail=contact.note,
            themes=tuple(t.theme for t in contact.themes), status=status,
        ))
    return entries

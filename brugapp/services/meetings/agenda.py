"""The agenda builder and the audience views of a meeting (what each printed version may carry).

Which families a sheet may name is asked of the consent capability (through ``meeting_links``) and
decided by ``domain.meetings.family_visibility``; nothing here re-implements the consent rule.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from brugapp.domain import meetings as rules
from brugapp.domain.clock import today_local
from brugapp.domain.consent import Purpose, RecipientKind
from brugapp.domain.kept_back import kept_back_items, mentions_kept_back
from brugapp.domain.parent_contact import ParentContact
from brugapp.domain.pseudonyms import HiddenFamily, Pseudonymiser
from brugapp.domain.situations import Audience as SituationAudience
from brugapp.errors import NotFoundError, ValidationError
from brugapp.i18n import N_, _
from brugapp.services.audit import record_audit
from brugapp.services.families.parent_contact import kept_back_from, parent_contacts
from brugapp.services.meetings.links import consent_in_session, family_member_names
from brugapp.services.meetings.meetings import ActionView, MeetingDetail, detail_of, load_meeting, local_day
from brugapp.store import Store
from brugapp.store.models import Family, School
from brugapp.store.models.meetings import Meeting, MeetingFamily, MeetingItem


class AudienceRefused(ValidationError):
    """This version of the sheet may not be printed (yet); the message says why and what to do."""


@dataclass(frozen=True)
class SheetParticipant:
    name: str
    role: str
    organisation: str
    attendance: str
    is_regiehouder: bool
    email: str = ""  # empty when the person may not be named for this audience


@dataclass(frozen=True)
class SheetItem:
    number: int
    code: str
    title: str
    hint: str
    notes: str
    decisions: str
    actions: tuple[ActionView, ...] = ()


@dataclass(frozen=True)
class MeetingSheet:
    """Everything one printed version (agenda or minutes) shows, already filtered for its audience."""

    meeting_id: str
    audience: str
    title: str
    type_label: str
    starts_at: dt.datetime
    duration_minutes: int
    place: str
    series_name: str
    ordinal_in_school_year: int
    regiehouder: str
    interpreter: str
    youth_present: str
    parents_present: str
    next_date: dt.date | None
    families: tuple[str, ...]
    notices: tuple[str, ...]
    participants: tuple[SheetParticipant, ...]
    items: tuple[SheetItem, ...]
    previous_actions: tuple[ActionView, ...]
    prepared_by: str = ""  # the brugfiguur to contact (Instellingen → Mijn gegevens)
    family_contacts: tuple[tuple[str, ParentContact], ...] = ()  # (family, parent to call): the school version


# -- the agenda builder ----------------------------------------------------------------------
def _item(session: Session, item_id: str) -> MeetingItem:
    item = session.scalar(select(MeetingItem).where(MeetingItem.uuid == item_id))
    if item is None:
        raise NotFoundError(_("This agenda item does not exist (any more)."))
    return item


def _renumber(meeting: Meeting) -> None:
    for position, item in enumerate(meeting.items):
        item.position = position


def add_item(store: Store, *, meeting_id: str, title: str = "", code: str = "", school_ok: bool | None = None) -> str:
    """Add a free item, or a template item by ``code`` (e.g. "collaboration": how is our collaboration going?)."""
    template = rules.ITEMS.get(code) if code else None
    if code and template is None:
        raise ValidationError(_("Unknown agenda item."), field="code")
    text = title.strip() or (_(template.title) if template else "")
    if not text:
        raise ValidationError(_("Give the agenda item a title."), field="title")
    with store.session() as session:
        meeting = load_meeting(session, meeting_id)
        if code and any(i.code == code for i in meeting.items):
            raise ValidationError(_("This item is already on the agenda."), field="code")
        item = MeetingItem(code=code, title=text,
                           school_ok=school_ok if school_ok is not None else bool(template and template.school_ok))
        meeting.items.append(item)
        _renumber(meeting)
        session.flush()
        return item.uuid


def update_item(store: Store, *, item_id: str, title: str, school_ok: bool) -> None:
    if not title.strip():
        raise ValidationError(_("Give the agenda item a title."), field="title")
    with store.session() as session:
        item = _item(session, item_id)
        item.title = title.strip()
        item.school_ok = school_ok


def remove_item(store: Store, *, item_id: str) -> None:
    with store.session() as session:
        item = _item(session, item_id)
        meeting = item.meeting
        if item.code == rules.ACTIONS and any(a.item_id == item.id for a in meeting.actions):
            raise ValidationError(_("This item holds action points; move or delete them first."), field="item")
        meeting.items.remove(item)
        _renumber(meeting)


def reorder_items(store: Store, *, meeting_id: str, item_ids: Sequence[str]) -> None:
    """Put the agenda in this order (the drag-and-drop result); every item must be named once."""
    with store.session() as session:
        meeting = load_meeting(session, meeting_id)
        by_uuid = {i.uuid: i for i in meeting.items}
        if sorted(item_ids) != sorted(by_uuid):
            raise ValidationError(_("The agenda changed meanwhile; reload and try again."), field="items")
        for position, uuid in enumerate(item_ids):
            by_uuid[uuid].position = position


def move_item(store: Store, *, item_id: str, offset: int) -> None:
    """Move one item up (negative) or down (positive); the keyboard way of dragging."""
    with store.session() as session:
        item = _item(session, item_id)
        items = sorted(item.meeting.items, key=lambda i: i.position)
        for position, moved in enumerate(rules.move(items, items.index(item), offset)):
            moved.position = position


# -- audiences ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class _View:
    shown: dict[int, str]  # family pk -> name or pseudonym for families on the sheet
    hidden: set[int]  # family pks not shown by name
    hidden_families: list[HiddenFamily]  # what the text must not name, by record (domain/pseudonyms.py)
    notices: list[str]


def _recipients(session: Session, meeting: Meeting, audience: rules.Audience) -> list[tuple[str, str]]:
    school_pks = {p.school_id for p in meeting.participants if p.school_id}
    if meeting.school_id:
        school_pks.add(meeting.school_id)
    schools: list[tuple[str, str]] = []
    for pk in sorted(school_pks):
        school = session.get(School, pk)
        if school is None:
            raise NotFoundError(_("The chosen school does not exist (any more)."))
        schools.append((RecipientKind.SCHOOL.value, school.uuid))
    if audience == rules.Audience.SCHOOL:
        return schools
    services: list[tuple[str, str]] = []
    for p in meeting.participants:
        if p.kaart_contact_uuid:
            services.append((RecipientKind.CONTACT.value, p.kaart_contact_uuid))
        elif p.kaart_organization_uuid:
            services.append((RecipientKind.ORGANIZATION.value, p.kaart_organization_uuid))
    return list(dict.fromkeys(services + schools))


def _audience_view(session: Session, meeting: Meeting, audience: rules.Audience, extra_family_pks: set[int],
                   on: dt.date) -> _View:
    family_pks = [link.family_id for link in meeting.family_links]
    family_pks += sorted(extra_family_pks - set(family_pks))
    recipients = _recipients(session, meeting, audience) if audience != rules.Audience.INTERNAL else []
    purpose = Purpose.SHARE_STATUS if audience == rules.Audience.SCHOOL else Purpose.SHARE_DETAILS
    if audience == rules.Audience.SCHOOL and family_pks and not recipients:
        raise AudienceRefused(_("This meeting has no school linked to it: add the school (or a participant of the "
                                "school) so the app can check the consent for the school."), field="audience")
    shown: dict[int, str] = {}
    hidden: set[int] = set()
    hidden_families: list[HiddenFamily] = []
    notices: list[str] = []
    refusals: list[str] = []
    pseudonymised = 0
    for pk in family_pks:
        family = session.get(Family, pk)
        if family is None:
            raise NotFoundError(_("The chosen family does not exist (any more)."))
        allowed = _consent_for_all(session, pk, recipients, purpose, on)
        visibility = rules.family_visibility(audience, consent_allowed=allowed)
        participants = [p.name for p in meeting.participants if p.family_id == pk]
        if visibility == rules.Visibility.NAME:
            shown[pk] = family.display_name
            continue
        hidden.add(pk)
        if visibility == rules.Visibility.PSEUDONYM:
            # One letter per pseudonymised family, in the order of the sheet: the same on agenda, minutes and
            # invitation because they are all built here from the same records.
            stand_in = rules.pseudonym(pseudonymised)
            pseudonymised += 1
            shown[pk] = stand_in
            notices.append(_("A family appears as “{stand_in}”: there is no consent to share its details with "
                             "everyone on this list.").format(stand_in=stand_in))
        else:
            stand_in = _("(name left out)")
            if pk in {link.family_id for link in meeting.family_links}:
                refusals.append(family.display_name)
        hidden_families.append(HiddenFamily(stand_in, (
            *rules.name_variants(family.display_name), *participants, *family_member_names(session, pk))))
    notices += _refusal_notices(meeting, audience, refusals)
    return _View(shown, hidden, hidden_families, notices)


def _consent_for_all(session: Session, family_pk: int, recipients: list[tuple[str, str]], purpose: str,
                     on: dt.date) -> bool:
    """Does the family's consent cover every recipient of this version (and is there any)?"""
    answers = [consent_in_session(session, family_pk=family_pk, recipient_kind=kind, recipient_uuid=uuid,
                                  purpose=purpose, on=on) for kind, uuid in recipients]
    return bool(answers) and all(a.allowed for a in answers)


def _refusal_notices(meeting: Meeting, audience: rules.Audience, refusals: list[str]) -> list[str]:
    """Refuse the school version when no linked family may be on it; else say how many were left out."""
    linked = [link.family_id for link in meeting.family_links]
    if audience == rules.Audience.SCHOOL and linked and len(refusals) == len(linked):
        raise AudienceRefused(_("The school version cannot be printed: no consent for the school is recorded for "
                                "{families}. Record the family's consent for the school first (purpose: share the "
                                "status), then print again.").format(families=", ".join(refusals)), field="audience")
    if not refusals:
        return []
    return [_("Families left out of this version because there is no consent for the school: {count}.")
            .format(count=len(refusals))]


def _previous_families(session: Session, detail: MeetingDetail) -> set[int]:
    """Families of the meetings whose open actions come back on this sheet: they must be hidden too."""
    if not detail.previous_actions:
        return set()
    origin_ids = {a.meeting_id for a in detail.previous_actions}
    return set(session.scalars(
        select(MeetingFamily.family_id).join(Meeting, Meeting.id == MeetingFamily.meeting_id)
        .where(Meeting.uuid.in_(origin_ids))
    ).all())


def _sheet_participants(meeting: Meeting, view: _View, *, school_only: bool) -> list[SheetParticipant]:
    """Staff by name; a hidden family's people by role and pseudonym (left off the school version)."""
    participants = []
    for p in meeting.participants:
        if p.family_id in view.hidden or (p.kind in rules.FAMILY_KINDS and not p.family_id and view.hidden):
            if school_only:
                continue
            stand_in = view.shown.get(p.family_id) if p.family_id else rules.pseudonym(0)
            name, email = f"{rules.ROLES.label(p.role)} ({stand_in})", ""
        else:
            name, email = p.name, p.email
        participants.append(SheetParticipant(name, rules.ROLES.label(p.role), p.organisation,
                                             rules.ATTENDANCE.label(p.attendance), p.is_regiehouder, email))
    return participants


def _sheet_items(detail: MeetingDetail, audience: rules.Audience, *, scrub: Callable[[str], str],
                 actions: list[ActionView]) -> list[SheetItem]:
    """The items this audience sees, renumbered, each with its action points; loose ones go to the actions item."""
    items: list[SheetItem] = []
    for item in detail.items:
        if not rules.item_shown_to(audience, school_ok=item.school_ok):
            continue
        mine = tuple(a for a in actions if a.item_id == item.id)
        items.append(SheetItem(len(items) + 1, item.code, scrub(item.title), item.hint, scrub(item.notes),
                               scrub(item.decisions), mine))
    loose = tuple(a for a in actions if not a.item_id)
    if loose:
        target = next((i for i, it in enumerate(items) if it.code == rules.ACTIONS), None)
        if target is None:
            items.append(SheetItem(len(items) + 1, rules.ACTIONS, _(rules.ITEMS[rules.ACTIONS].title), "", "", "",
                                   loose))
        else:
            items[target] = replace(items[target], actions=items[target].actions + loose)
    return items


def _interpreter_text(detail: MeetingDetail) -> str:
    if not detail.interpreter_needed:
        return _("not needed")
    return (_("needed ({language}) – arranged") if detail.interpreter_arranged
            else _("needed ({language}) – NOT arranged yet")).format(language=detail.interpreter_language or "?")


def _school_contacts(session: Session, meeting: Meeting, view: _View) -> tuple[tuple[str, ParentContact], ...]:
    """Whom to call in each family the school version names (never one shown by a pseudonym or left out)."""
    named = [link.family_id for link in meeting.family_links if link.family_id not in view.hidden]
    contacts = []
    for pk in named:
        people = parent_contacts(session, family_pk=pk, audience=SituationAudience.SCHOOL)
        if people:
            contacts.append((view.shown[pk], people[0]))
    return tuple(contacts)


KEPT_BACK = N_("(left out: the family does not want this passed on to the school)")


def _scrubber(session: Session, meeting: Meeting, view: _View, detail: MeetingDetail, staff: list[str], *,
              school_only: bool) -> Callable[[str], str]:
    """Names of hidden families replaced (``domain/pseudonyms.py``); on the school version also any free text
    that mentions what a family on the sheet keeps from the school is left out whole (``domain/kept_back.py``)."""
    pseudonymise = Pseudonymiser(view.hidden_families, staff=[*staff, meeting.regiehouder]).text
    if not school_only:
        return pseudonymise
    family_pks = {link.family_id for link in meeting.family_links} | _previous_families(session, detail)
    items = kept_back_items(text for pk in sorted(family_pks)
                            for text in kept_back_from(session, family_pk=pk, audience=SituationAudience.SCHOOL))

    def scrub(value: str) -> str:
        shown = pseudonymise(value)
        return _(KEPT_BACK) if items and mentions_kept_back(shown, items) else shown

    return scrub


def build_sheet(session: Session, meeting: Meeting, audience: str, *, on: dt.date | None = None) -> MeetingSheet:
    """One printed version of a meeting for ``audience`` (internal, network or school)."""
    try:
        audience = rules.Audience(audience)
    except ValueError:
        raise ValidationError(_("Choose the audience: internal, network or school."), field="audience") from None
    detail = detail_of(session, meeting)
    view = _audience_view(session, meeting, audience, _previous_families(session, detail), on or today_local())
    staff = [p.name for p in meeting.participants if not p.family_id and p.kind not in rules.FAMILY_KINDS]
    school_only = audience == rules.Audience.SCHOOL
    scrub = _scrubber(session, meeting, view, detail, staff, school_only=school_only)

    def action_ok(action: ActionView) -> bool:
        return not school_only or action.school_ok

    def clean(action: ActionView) -> ActionView:
        return replace(action, what=scrub(action.what), owner=scrub(action.owner),
                       meeting_title=scrub(action.meeting_title))

    participants = _sheet_participants(meeting, view, school_only=school_only)
    items = _sheet_items(detail, audience, scrub=scrub, actions=[clean(a) for a in detail.actions if action_ok(a)])
    interpreter = _interpreter_text(detail)
    place = rules.PLACES.label(detail.place_kind)
    if detail.place_detail:
        place = f"{place}: {scrub(detail.place_detail)}"
    elif detail.school_label and detail.place_kind == "school":
        place = f"{place}: {detail.school_label}"
    return MeetingSheet(
        meeting_id=detail.id, audience=audience.value, title=scrub(detail.title),
        type_label=rules.MEETING_TYPES.label(detail.meeting_type), starts_at=detail.starts_at,
        duration_minutes=detail.duration_minutes, place=place, series_name=scrub(detail.series_name),
        ordinal_in_school_year=detail.ordinal_in_school_year, regiehouder=scrub(detail.regiehouder),
        interpreter=interpreter, youth_present=rules.PRESENCE.label(detail.youth_present),
        parents_present=rules.PRESENCE.label(detail.parents_present), next_date=detail.proposed_next_date,
        families=tuple(view.shown[pk] for pk in [link.family_id for link in meeting.family_links]
                       if pk in view.shown),
        notices=tuple(view.notices), participants=tuple(participants), items=tuple(items),
        previous_actions=tuple(clean(a) for a in detail.previous_actions if action_ok(a)),
        family_contacts=_school_contacts(session, meeting, view) if school_only else (),
    )


def meeting_sheet(store: Store, *, meeting_id: str, audience: str, on: dt.date | None = None) -> MeetingSheet:
    """The version of a meeting for one audience, or ``AudienceRefused`` saying why not."""
    with store.read() as session:
        return build_sheet(session, load_meeting(session, meeting_id), audience, on=on)


def audit(session: Session, *, action: str, subject_kind: str, subject_uuid: str, audience: str,
          detail: str = "") -> None:
    """Who printed or exported what, for whom (never the content)."""
    record_audit(session, action=action, subject_kind=subject_kind, subject_uuid=subject_uuid, audience=audience,
                 detail=detail)


def print_agenda(store: Store, *, meeting_id: str, audience: str, path: Path, on: dt.date | None = None,
                 prepared_by: str = "") -> Path:
    """Write the agenda PDF for one audience and log the print in the audit trail.

    ``prepared_by`` names who sends it (name, organisation, phone), so participants know whom to call.
    """
    from brugapp.printing.agenda import write_agenda

    with store.session() as session:
        sheet = build_sheet(session, load_meeting(session, meeting_id), audience, on=on)
        if prepared_by.strip():
            sheet = replace(sheet, prepared_by=prepared_by.strip())
        write_agenda(path, sheet)
        audit(session, action="print", subject_kind="meeting_agenda", subject_uuid=meeting_id, audience=audience)
    return path


def meeting_day(store: Store, *, meeting_id: str) -> dt.date:
    with store.read() as session:
        return local_day(load_meeting(session, meeting_id).starts_at)


def export_invitation(store: Store, *, meeting_id: str, path: Path, audience: str = "network",
                      on: dt.date | None = None) -> Path:
    """Write the invitation as an .ics file (one VEVENT, an ATTENDEE per participant) and audit it.

    The invitation goes to everyone at the table, so it uses the network version of the title and names.
    """
    from brugapp.exchange.invitation_ical import Invitation, Invitee, write_invitation

    with store.session() as session:
        meeting = load_meeting(session, meeting_id)
        sheet = build_sheet(session, meeting, audience, on=on)
        invitees = tuple(Invitee(p.name, p.email, p.role, p.is_regiehouder) for p in sheet.participants)
        description = "\n".join([
            sheet.type_label, *(f"{item.number}. {item.title}" for item in sheet.items),
        ])
        from brugapp.settings import load_settings

        worker = load_settings()  # replies go to the brugfiguur who sends the file
        invitation = Invitation(
            uid=meeting.uuid, title=sheet.title, starts_at=sheet.starts_at, duration_minutes=sheet.duration_minutes,
            location=sheet.place, description=description, organizer=worker.worker_name or sheet.regiehouder,
            invitees=invitees, organizer_email=worker.worker_email,
        )
        write_invitation(path, invitation)
        audit(session, action="export", subject_kind="meeting_invitation", subject_uuid=meeting_id,
              audience=audience)
    return path

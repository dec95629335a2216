"""Families (gezinnen) and their members: create, change, read. No residence status, by design."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from brugapp.domain.clock import today_local
from brugapp.domain.contact_details import normalize_email, normalize_phone
from brugapp.domain.notebook import LITERACY, MEMBER_ROLES, NOTE_MAX_CHARS, PREFERRED_CHANNELS
from brugapp.domain.schoolyear import SchoolYear
from brugapp.domain.sharing import SHARING_LEVELS
from brugapp.errors import NotFoundError, ValidationError
from brugapp.i18n import _
from brugapp.services.audit import record_audit
from brugapp.services.records import ListedRecord
from brugapp.services.text_guard import safe_text
from brugapp.store import Store
from brugapp.store.models import Family, School
from brugapp.store.models.notebook import FamilyMember
from brugapp.store.plain_reads import driver_rows, marks
from brugapp.store.search_index import index_record, unindex_record

NAME_MAX = 200


# -- validation shared by the notebook services ------------------------------------------------
def clean_name(value: str, *, field: str, label: str, required: bool = True, limit: int = NAME_MAX) -> str:
    value = " ".join(safe_text(value or "", field=field, label=label).split())
    if required and not value:
        raise ValidationError(_("{field}: fill this in.").format(field=label), field=field)
    if len(value) > limit:
        raise ValidationError(
            _("{field}: at most {limit} characters.").format(field=label, limit=limit), field=field
        )
    return value


def clean_note(value: str, *, field: str = "note") -> str:
    value = safe_text(value or "", field=field, label=_("Note")).strip()
    if len(value) > NOTE_MAX_CHARS:
        raise ValidationError(
            _("Note: too long ({count} characters). Keep it under {limit}; attach long texts elsewhere.").format(
                count=len(value), limit=NOTE_MAX_CHARS),
            field=field,
        )
    return value


def clean_phone(value: str, *, field: str = "phone") -> str:
    try:
        return normalize_phone(value or "")
    except ValueError:
        raise ValidationError(
            _("Phone: “{value}” is not a valid phone number. Example: 0470 12 34 56.").format(value=value),
            field=field,
        ) from None


def clean_email(value: str, *, field: str = "email") -> str:
    try:
        return normalize_email(value or "")
    except ValueError:
        raise ValidationError(
            _("E-mail: “{value}” is not a valid address. Example: naam@example.be.").format(value=value),
            field=field,
        ) from None


def check_code(vocabulary: object, code: str, *, field: str, label: str) -> str:
    if code not in vocabulary:  # type: ignore[operator]
        raise ValidationError(_("{field}: unknown choice “{value}”.").format(field=label, value=code), field=field)
    return code


def family_by_uuid(session: Session, family_id: str) -> Family:
    family = session.scalar(select(Family).where(Family.uuid == family_id))
    if family is None:
        raise NotFoundError(_("No family with id {id}.").format(id=family_id))
    return family


# -- dataclasses the screens and the CLI get ---------------------------------------------------
@dataclass(frozen=True)
class MemberInput:
    role: str
    first_name: str
    last_name: str = ""
    birth_year: int | None = None
    phone: str = ""
    email: str = ""
    school_id: str = ""  # school UUID (children)
    class_name: str = ""
    school_year: str = ""  # "2026-2027"; empty = the current school year for a child at a school


@dataclass(frozen=True)
class MemberInfo:
    id: str
    family_id: str
    role: str
    first_name: str
    last_name: str
    full_name: str
    birth_year: int | None
    phone: str
    email: str
    school_id: str
    school_label: str
    class_name: str
    school_year: str


@dataclass(frozen=True)
class FamilyDetail:
    id: str
    display_name: str
    preferred_language: str
    interpreter_needed: bool
    reads_letters: bool
    literacy: str
    preferred_channel: str
    reference_person: str
    other_services: tuple[str, ...]
    note: str
    note_sharing: str
    members: tuple[MemberInfo, ...]


@dataclass(frozen=True)
class FamilySummary:
    id: str
    display_name: str
    preferred_language: str
    interpreter_needed: bool
    children: int
    last_contact: dt.datetime | None


def _member_info(member: FamilyMember, family_uuid: str, schools: dict[int, School]) -> MemberInfo:
    school = schools.get(member.school_id) if member.school_id else None
    full = f"{member.first_name} {member.last_name}".strip()
    return MemberInfo(
        member.uuid, family_uuid, member.role, member.first_name, member.last_name, full, member.birth_year,
        member.phone, member.email, school.uuid if school else "", school.label if school else "",
        member.class_name, member.school_year,
    )


def _detail(session: Session, family: Family) -> FamilyDetail:
    members = session.scalars(
        select(FamilyMember).where(FamilyMember.family_id == family.id).order_by(FamilyMember.id)
    ).all()
    school_ids = {m.school_id for m in members if m.school_id}
    schools = {s.id: s for s in session.scalars(select(School).where(School.id.in_(school_ids)))} if school_ids else {}
    services = tuple(line for line in family.other_services.splitlines() if line.strip())
    return FamilyDetail(
        family.uuid, family.display_name, family.preferred_language, family.interpreter_needed,
        family.reads_letters, family.literacy, family.preferred_channel, family.reference_person, services,
        family.note, family.note_sharing, tuple(_member_info(m, family.uuid, schools) for m in members),
    )


def _index_family(session: Session, family: Family) -> None:
    body = " ".join([family.reference_person, family.other_services.replace("\n", " "), family.note])
    index_record(session, kind="family", ref_uuid=family.uuid, label=family.display_name, body=body,
                 family_uuid=family.uuid)


def _index_member(session: Session, member: FamilyMember, family: Family) -> None:
    label = f"{member.first_name} {member.last_name}".strip()
    index_record(session, kind="member", ref_uuid=member.uuid, label=f"{label} ({family.display_name})",
                 body=" ".join([member.phone, member.email, member.class_name]), family_uuid=family.uuid)


def _apply_member(session: Session, member: FamilyMember, data: MemberInput, *, today: dt.date) -> None:
    member.role = check_code(MEMBER_ROLES, data.role, field="role", label=_("Role"))
    member.first_name = clean_name(data.first_name, field="first_name", label=_("First name"), limit=100)
    member.last_name = clean_name(data.last_name, field="last_name", label=_("Last name"), required=False,
                                  limit=100)
    if data.birth_year is not None and not (1900 <= data.birth_year <= today.year):
        raise ValidationError(
            _("Year of birth: {value} is not possible.").format(value=data.birth_year), field="birth_year"
        )
    member.birth_year = data.birth_year
    member.phone = clean_phone(data.phone)
    member.email = clean_email(data.email)
    member.school_id = None
    if data.school_id:
        school = session.scalar(select(School).where(School.uuid == data.school_id))
        if school is None:
            raise ValidationError(_("School: this school does not exist (any more)."), field="school")
        member.school_id = school.id
    member.class_name = clean_name(data.class_name, field="class_name", label=_("Class"), required=False, limit=40)
    year = (data.school_year or "").strip()
    if year:
        try:
            year = SchoolYear.parse(year).label
        except ValueError:
            raise ValidationError(
                _("School year: “{value}” is not a school year. Example: 2026-2027.").format(value=year),
                field="school_year",
            ) from None
    elif member.school_id:
        year = SchoolYear.of(today).label
    member.school_year = year


def _language(value: object) -> str:
    language = str(value or "nl").strip().lower()
    if len(language) > 12 or not language.replace("-", "").isalpha():
        raise ValidationError(_("Language: choose a language from the list."), field="preferred_language")
    return language


def _channel(value: object) -> str:
    channel = str(value or "")
    if channel:
        check_code(PREFERRED_CHANNELS, channel, field="preferred_channel", label=_("Preferred channel"))
    return channel


def _other_services(value: object) -> str:
    raw = value or ()
    lines = raw.splitlines() if isinstance(raw, str) else list(raw)  # type: ignore[call-overload]
    cleaned = [clean_name(str(s), field="other_services", label=_("Other services"), required=False) for s in lines]
    return "\n".join(s for s in cleaned if s)


# Each family field with the rule that checks and cleans it; a wrong value raises naming the field. The order is
# the order of the form, so the first wrong field is the one reported.
_FAMILY_RULES: dict[str, Callable[[object], object]] = {
    "display_name": lambda v: clean_name(str(v), field="display_name", label=_("Family name")),
    "preferred_language": _language,
    "interpreter_needed": bool,
    "reads_letters": bool,
    "literacy": lambda v: check_code(LITERACY, str(v or ""), field="literacy", label=_("Literacy")),
    "preferred_channel": _channel,
    "reference_person": lambda v: clean_name(str(v or ""), field="reference_person", label=_("Reference person"),
                                             required=False),
    "other_services": _other_services,
    "note": lambda v: clean_note(str(v or "")),
    "note_sharing": lambda v: check_code(SHARING_LEVELS, str(v), field="note_sharing", label=_("Sharing")),
}
_FAMILY_FIELDS = tuple(_FAMILY_RULES)


def _apply_family(family: Family, fields: dict[str, object]) -> None:
    for name, rule in _FAMILY_RULES.items():
        if name in fields:
            setattr(family, name, rule(fields[name]))


# -- use cases ---------------------------------------------------------------------------------
def create_family(
    store: Store,
    *,
    display_name: str,
    preferred_language: str = "nl",
    interpreter_needed: bool = False,
    reads_letters: bool = True,
    literacy: str = "",
    preferred_channel: str = "",
    reference_person: str = "",
    other_services: Sequence[str] | str = (),
    note: str = "",
    note_sharing: str = "private",
    members: Iterable[MemberInput] = (),
    today: dt.date | None = None,
) -> FamilyDetail:
    """A new family with its members, all or nothing; every field is validated before anything is stored."""
    fields = dict(display_name=display_name, preferred_language=preferred_language,
                  interpreter_needed=interpreter_needed, reads_letters=reads_letters, literacy=literacy,
                  preferred_channel=preferred_channel, reference_person=reference_person,
                  other_services=other_services, note=note, note_sharing=note_sharing)
    with store.session() as session:
        family = Family()
        _apply_family(family, fields)
        session.add(family)
        session.flush()
        for data in members:
            member = FamilyMember(family_id=family.id)
            _apply_member(session, member, data, today=today or today_local())
            session.add(member)
            session.flush()
            _index_member(session, member, family)
        _index_family(session, family)
        return _detail(session, family)


def update_family(store: Store, *, family_id: str, **changes: object) -> FamilyDetail:
    """Change some fields of a family (only those given)."""
    unknown = set(changes) - set(_FAMILY_FIELDS)
    if unknown:
        raise TypeError(f"unknown family fields: {sorted(unknown)}")
    with store.session() as session:
        family = family_by_uuid(session, family_id)
        _apply_family(family, changes)
        _index_family(session, family)
        if "display_name" in changes:
            for member in session.scalars(select(FamilyMember).where(FamilyMember.family_id == family.id)):
                _index_member(session, member, family)
        return _detail(session, family)


def add_member(store: Store, *, family_id: str, member: MemberInput, today: dt.date | None = None) -> MemberInfo:
    with store.session() as session:
        family = family_by_uuid(session, family_id)
        record = FamilyMember(family_id=family.id)
        _apply_member(session, record, member, today=today or today_local())
        session.add(record)
        session.flush()
        _index_member(session, record, family)
        return next(m for m in _detail(session, family).members if m.id == record.uuid)


def update_member(store: Store, *, member_id: str, member: MemberInput, today: dt.date | None = None) -> MemberInfo:
    with store.session() as session:
        record = session.scalar(select(FamilyMember).where(FamilyMember.uuid == member_id))
        if record is None:
            raise NotFoundError(_("No family member with id {id}.").format(id=member_id))
        family = session.get(Family, record.family_id)
        assert family is not None
        _apply_member(session, record, member, today=today or today_local())
        _index_member(session, record, family)
        return next(m for m in _detail(session, family).members if m.id == record.uuid)


def remove_member(store: Store, *, member_id: str) -> None:
    """Removes a member for good (the screen asks for confirmation first)."""
    with store.session() as session:
        record = session.scalar(select(FamilyMember).where(FamilyMember.uuid == member_id))
        if record is None:
            raise NotFoundError(_("No family member with id {id}.").format(id=member_id))
        unindex_record(session, ref_uuid=record.uuid)
        record_audit(session, action="delete", subject_kind="family_member", subject_uuid=record.uuid)
        session.delete(record)


def get_family(store: Store, *, family_id: str) -> FamilyDetail:
    with store.read() as session:
        return _detail(session, family_by_uuid(session, family_id))


_FAMILY_LIST_SQL = """
SELECT f.uuid, f.display_name, f.preferred_language, f.interpreter_needed,
       (SELECT count(*) FROM family_members m WHERE m.family_id = f.id AND m.role = 'child'),
       (SELECT max(c.occurred_at) FROM contact_moments c
         WHERE c.family_id = f.id AND c.deleted_at IS NULL)
FROM families f
WHERE f.archived_at IS NULL
ORDER BY f.display_name COLLATE NOCASE
"""


def _as_utc(value: object) -> dt.datetime | None:
    """SQLite hands back text, other databases a datetime; both are stored in UTC."""
    if value is None:
        return None
    if isinstance(value, str) and len(value) <= 26:  # naive ISO text (UTCDateTime): one parse with the zone
        return dt.datetime.fromisoformat(value + "+00:00")  # five times faster than parse, then replace
    when = value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(str(value))
    return when.replace(tzinfo=dt.UTC) if when.tzinfo is None else when


def list_families(store: Store) -> list[FamilySummary]:
    """Every active family with a few facts for the list, in one indexed query (revision 0007).

    Plain driver rows (no ORM, no per-column type processing): the Families page must load a busy
    programme's 10,000 families instantly (``brugapp bench``). Nearly in the page's order already (by name,
    case-blind), so the page's collator sort finds long sorted runs instead of comparing ~130,000 pairs.
    """
    with store.read() as session:
        rows = session.connection().exec_driver_sql(_FAMILY_LIST_SQL).all()
    return [
        FamilySummary(uuid, name, language, bool(interpreter), children, _as_utc(last))
        for uuid, name, language, interpreter, children, last in rows
    ]


# In the order they were made (no ORDER BY: the page orders them with the collator, which also keeps families it
# calls equal in this order).
_FAMILY_NAMES_SQL = "SELECT f.uuid, f.display_name FROM families f WHERE f.archived_at IS NULL"

_FAMILY_PAGE_SQL = """
SELECT f.uuid, f.display_name, f.preferred_language, f.interpreter_needed,
       (SELECT count(*) FROM family_members m WHERE m.family_id = f.id AND m.role = 'child'),
       (SELECT max(c.occurred_at) FROM contact_moments c
         WHERE c.family_id = f.id AND c.deleted_at IS NULL)
FROM families f
WHERE f.archived_at IS NULL AND f.uuid IN ({marks})
"""

_IDS_PER_QUERY = 500  # well under SQLite's limit on parameters


def list_family_names(store: Store) -> list[tuple[str, str]]:
    """Every active family's id and name, nothing else: the Families page orders these and reads whole rows
    (children, last contact) for the first page alone (``family_summaries``)."""
    with store.read() as session:
        return [(uuid, name) for uuid, name in driver_rows(session, _FAMILY_NAMES_SQL)]


def family_summaries(store: Store, family_ids: Sequence[str]) -> list[FamilySummary]:
    """The list's facts of these active families, in the order given (an archived or unknown id is left out)."""
    found: dict[str, FamilySummary] = {}
    with store.read() as session:
        for start in range(0, len(family_ids), _IDS_PER_QUERY):
            chunk = tuple(family_ids[start:start + _IDS_PER_QUERY])
            sql = _FAMILY_PAGE_SQL.format(marks=marks(chunk))
            for uuid, name, language, interpreter, children, last in driver_rows(session, sql, chunk):
                found[uuid] = FamilySummary(uuid, name, language, bool(interpreter), children, _as_utc(last))
    return [found[family_id] for family_id in family_ids if family_id in found]


def list_family_records(store: Store) -> list[ListedRecord]:
    with store.read() as session:
        families = session.scalars(
            select(Family).where(Family.archived_at.is_(None)).order_by(Family.display_name)
        ).all()
        return [ListedRecord(f.uuid, f.display_name) for f in families]


def list_member_records(store: Store) -> list[ListedRecord]:
    with store.read() as session:
        rows = session.execute(
            select(FamilyMember.uuid, FamilyMember.first_name, FamilyMember.last_name, Family.display_name)
            .join(Family, Family.id == FamilyMember.family_id)
            .order_by(Family.display_name, FamilyMember.id)
        ).all()
    return [ListedRecord(uuid, f"{first} {last}".strip() + f" ({family})") for uuid, first, last, family in rows]

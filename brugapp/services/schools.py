"""Schools, their sites (vestigingen) and the people there (directie, zorgcoördinator, CLB-anker …)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from brugapp.domain.notebook import SCHOOL_CONTACT_ROLES
from brugapp.errors import NotFoundError
from brugapp.i18n import _
from brugapp.services.audit import record_audit
from brugapp.services.families.families import check_code, clean_email, clean_name, clean_phone
from brugapp.services.records import ListedRecord
from brugapp.store import Store
from brugapp.store.base import Base
from brugapp.store.models import School
from brugapp.store.models.notebook import FamilyMember, SchoolContact
from brugapp.store.search_index import index_record, unindex_record


@dataclass(frozen=True)
class SchoolContactInfo:
    id: str
    school_id: str
    role: str
    name: str
    phone: str
    email: str


@dataclass(frozen=True)
class SchoolInfo:
    id: str
    name: str
    site_name: str
    label: str
    net: str
    level: str
    street: str
    postal_code: str
    municipality: str
    phone: str
    email: str
    pupils: int
    contacts: tuple[SchoolContactInfo, ...] = ()


def list_school_records(store: Store) -> list[ListedRecord]:
    with store.read() as session:
        schools = session.scalars(select(School).order_by(School.name, School.site_name)).all()
        return [ListedRecord(s.uuid, s.label) for s in schools]


def _school(session: object, school_id: str) -> School:
    school = session.scalar(select(School).where(School.uuid == school_id))  # type: ignore[attr-defined]
    if school is None:
        raise NotFoundError(_("No school with id {id}.").format(id=school_id))
    return school


def _contact_info(contact: SchoolContact, school_uuid: str) -> SchoolContactInfo:
    return SchoolContactInfo(contact.uuid, school_uuid, contact.role, contact.name, contact.phone, contact.email)


def list_schools(store: Store) -> list[SchoolInfo]:
    """Every school site with its contacts and the number of pupils among the families."""
    with store.read() as session:
        pupils = dict(session.execute(
            select(FamilyMember.school_id, func.count()).where(FamilyMember.school_id.is_not(None))
            .group_by(FamilyMember.school_id)).all())
        contacts: dict[int, list[SchoolContactInfo]] = {}
        schools = session.scalars(select(School).order_by(School.name, School.site_name)).all()
        uuids = {s.id: s.uuid for s in schools}
        for contact in session.scalars(select(SchoolContact).order_by(SchoolContact.id)):
            contacts.setdefault(contact.school_id, []).append(_contact_info(contact, uuids[contact.school_id]))
        return [
            SchoolInfo(s.uuid, s.name, s.site_name, s.label, s.net, s.level, s.street, s.postal_code,
                       s.municipality, s.phone, s.email, pupils.get(s.id, 0), tuple(contacts.get(s.id, ())))
            for s in schools
        ]


def get_school(store: Store, *, school_id: str) -> SchoolInfo:
    found = next((s for s in list_schools(store) if s.id == school_id), None)
    if found is None:
        raise NotFoundError(_("No school with id {id}.").format(id=school_id))
    return found


def index_school_contact(session: object, contact: SchoolContact, school: School) -> None:
    role = SCHOOL_CONTACT_ROLES.label(contact.role)
    index_record(session, kind="school_contact", ref_uuid=contact.uuid,  # type: ignore[arg-type]
                 label=f"{contact.name} – {role}, {school.label}", body=f"{contact.phone} {contact.email}")


def add_school_contact(store: Store, *, school_id: str, role: str, name: str, phone: str = "",
                       email: str = "") -> SchoolContactInfo:
    """A person at a school site; phone and e-mail are checked before anything is stored."""
    check_code(SCHOOL_CONTACT_ROLES, role, field="role", label=_("Role"))
    clean = clean_name(name, field="name", label=_("Name"))
    number = clean_phone(phone)
    address = clean_email(email)
    with store.session() as session:
        school = _school(session, school_id)
        contact = SchoolContact(school_id=school.id, role=role, name=clean, phone=number, email=address)
        session.add(contact)
        session.flush()
        index_school_contact(session, contact, school)
        return _contact_info(contact, school.uuid)


def remove_school_contact(store: Store, *, contact_id: str) -> None:
    with store.session() as session:
        contact = session.scalar(select(SchoolContact).where(SchoolContact.uuid == contact_id))
        if contact is None:
            raise NotFoundError(_("No school contact with id {id}.").format(id=contact_id))
        unindex_record(session, ref_uuid=contact.uuid)
        session.delete(contact)


def list_school_contact_records(store: Store) -> list[ListedRecord]:
    return [ListedRecord(c.id, f"{c.name} ({s.label})") for s in list_schools(store) for c in s.contacts]


# -- the schools you serve (first-run wizard and Instellingen) ------------------------------------------------

@dataclass(frozen=True)
class KeptSchool:
    """A school taken off "my schools" that stays in the store, because records hang on it."""

    name: str
    pupils: int


@dataclass(frozen=True)
class MySchoolsChange:
    added: tuple[str, ...] = ()  # names that became school records
    removed: tuple[str, ...] = ()  # bare school records (a name, nothing else) deleted with the line
    kept: tuple[KeptSchool, ...] = ()  # taken off the list, still a school: it has pupils or other records


def add_schools_by_name(session: Session, names: list[str]) -> list[str]:
    """A school record for each name the store does not have yet (same name, any case); returns the new names."""
    known = {name.casefold() for name in session.scalars(select(School.name))}
    added: list[str] = []
    for name in names:
        if name.casefold() in known:
            continue
        school = School(name=name)
        session.add(school)
        session.flush()
        index_record(session, kind="school", ref_uuid=school.uuid, label=school.label, body="")
        known.add(name.casefold())
        added.append(name)
    return added


def _records_pointing_at(session: Session, school_id: int) -> int:
    """Rows of any table that refer to the school (pupils, contacts, meetings, questions …), counted generically
    so a table added later is protected too."""
    total = 0
    for table in Base.metadata.sorted_tables:
        for key in table.foreign_keys:
            if key.column.table.name == School.__tablename__:
                total += session.execute(
                    select(func.count()).select_from(table).where(key.parent == school_id)).scalar_one()
    return total


def _is_bare(school: School) -> bool:
    """Nothing but a name: what "my schools" creates. A site, address, phone or e-mail is someone's work."""
    return not any((school.site_name, school.street, school.postal_code, school.municipality, school.phone,
                    school.email, school.net, school.level))


def retire_schools_by_name(session: Session, names: list[str]) -> tuple[list[str], list[KeptSchool]]:
    """Names taken off "my schools": a bare school nothing refers to is deleted (a typo, a school never used);
    any other stays a school in the store (its pupils keep their school) and is reported as kept."""
    removed: list[str] = []
    kept: list[KeptSchool] = []
    wanted = {name.casefold() for name in names}
    for school in session.scalars(select(School).order_by(School.id)).all():  # a few dozen: fold in Python
        if school.name.casefold() not in wanted:
            continue
        if _is_bare(school) and _records_pointing_at(session, school.id) == 0:
            unindex_record(session, ref_uuid=school.uuid)
            record_audit(session, action="delete", subject_kind="school", subject_uuid=school.uuid)
            session.delete(school)
            removed.append(school.name)
            continue
        pupils = session.execute(select(func.count()).select_from(FamilyMember)
                                 .where(FamilyMember.school_id == school.id)).scalar_one()
        kept.append(KeptSchool(school.label, pupils))
    return removed, kept


def update_my_schools(session: Session, *, before: list[str], after: list[str]) -> MySchoolsChange:
    """The list of schools served went from ``before`` to ``after``: new names become schools, names taken off
    are retired (see ``retire_schools_by_name``). Runs in the caller's unit of work."""
    still = {name.casefold() for name in after}
    added = add_schools_by_name(session, after)
    removed, kept = retire_schools_by_name(session, [n for n in before if n.casefold() not in still])
    return MySchoolsChange(tuple(added), tuple(removed), tuple(kept))

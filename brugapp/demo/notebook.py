"""Demo loader for the contact notebook: members and children at school, school contacts, a year of
contact moments (some today, some anonymous, promised follow-ups) and rights checks."""

from __future__ import annotations

from sqlalchemy.orm import Session

from brugapp.demo.context import DemoContext
from brugapp.domain.schoolyear import SchoolYear
from brugapp.services.families.families import clean_phone
from brugapp.services.families.notebook import _index as index_contact
from brugapp.services.schools import index_school_contact
from brugapp.store.models.notebook import ContactMoment, ContactTheme, FamilyMember, RightCheck, SchoolContact
from brugapp.store.search_index import index_record


def load_notebook(session: Session, demo: DemoContext) -> None:
    year = SchoolYear.of(demo.today).label
    for row in demo.read_json("school_contacts.json"):
        school = demo.ref("school", row["school"])
        school_contact = SchoolContact(school_id=school.id, role=row["role"], name=row["name"],
                                       phone=clean_phone(row.get("phone", "")), email=row.get("email", ""))
        session.add(school_contact)
        session.flush()
        index_school_contact(session, school_contact, school)

    for row in demo.read_json("families.json"):
        family = demo.ref("family", row["key"])
        family.other_services = "\n".join(row.get("other_services", []))
        family.literacy = "does_not_read" if not row.get("reads_letters", True) else ""
        members = []
        for data in row.get("members", []):
            school = demo.ref("school", data["school"]) if data.get("school") else None
            member = FamilyMember(
                family_id=family.id, role=data["role"], first_name=data["first_name"],
                last_name=data.get("last_name", ""), birth_year=data.get("birth_year"),
                phone=clean_phone(data.get("phone", "")), email=data.get("email", ""),
                school_id=school.id if school else None, class_name=data.get("class_name", ""),
                school_year=year if school else "",
            )
            members.append(member)
        session.add_all(members)
        for benefit, status in row.get("rights", {}).items():
            session.add(RightCheck(family_id=family.id, benefit=benefit, status=status,
                                   status_on=demo.day(-30) if status != "unknown" else None))
        session.flush()
        for member in members:
            label = f"{member.first_name} {member.last_name}".strip()
            index_record(session, kind="member", ref_uuid=member.uuid, label=f"{label} ({family.display_name})",
                         body=" ".join([member.phone, member.email, member.class_name]), family_uuid=family.uuid)
        demo.remember("family_members", row["key"], members)

    contacts = []
    for row in demo.read_json("contacts.json"):
        family = demo.ref("family", row["family"]) if row.get("family") else None
        contact = ContactMoment(
            family_id=family.id if family else None,
            occurred_at=demo.moment(row["day"], row.get("hour", 9), row.get("minute", 0)),
            channel=row["channel"], initiative=row.get("initiative", "parent"), language=row.get("language", ""),
            interpreter=row.get("interpreter", False), note=row.get("note", ""), sharing=row.get("sharing", "private"),
            follow_up_on=demo.day(row["follow_up"]) if "follow_up" in row else None,
            follow_up_done=row.get("follow_up_done", False),
        )
        contact.themes = [ContactTheme(theme=code) for code in row.get("themes", [])]
        contacts.append(contact)
    session.add_all(contacts)
    session.flush()
    for contact in contacts:
        index_contact(session, contact)

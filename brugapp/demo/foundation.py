"""Demo loaders for schools and families."""

from __future__ import annotations

from sqlalchemy.orm import Session

from brugapp.demo.context import DemoContext
from brugapp.store.models import Family, School
from brugapp.store.search_index import index_record


def load_schools(session: Session, demo: DemoContext) -> None:
    for row in demo.read_json("schools.json"):
        key = row.pop("key")
        school = School(**row)
        session.add(school)
        session.flush()
        index_record(session, kind="school", ref_uuid=school.uuid, label=school.label,
                     body=f"{school.municipality} {school.street}")
        demo.remember("school", key, school)


def load_families(session: Session, demo: DemoContext) -> None:
    for row in demo.read_json("families.json"):
        key = row["key"]
        family = Family(
            display_name=row["display_name"],
            preferred_language=row.get("preferred_language", "nl"),
            interpreter_needed=row.get("interpreter_needed", False),
            reads_letters=row.get("reads_letters", True),
            preferred_channel=row.get("preferred_channel", ""),
            reference_person=row.get("reference_person", ""),
        )
        session.add(family)
        session.flush()
        index_record(session, kind="family", ref_uuid=family.uuid, label=family.display_name,
                     family_uuid=family.uuid)
        demo.remember("family", key, family)

"""Demo members' situations: a youth (15) who keeps a living group from the school, a hospital stay, a foster
family. Fictional, like every demo record."""

from __future__ import annotations

from sqlalchemy.orm import Session

from brugapp.demo.context import DemoContext
from brugapp.store.models.situations import MemberSituation


def load_situations(session: Session, demo: DemoContext) -> None:
    for row in demo.read_json("situations.json"):
        member = next(m for m in demo.ref("family_members", row["family"]) if m.first_name == row["member"])
        session.add(MemberSituation(
            member_id=member.id, kind=row["kind"], description=row["description"], from_on=demo.day(row["from"]),
            until_on=demo.day(row["until"]) if "until" in row else None,
            disclosed_to=" ".join(sorted(row["disclosed_to"])), decided_by=row["decided_by"]))

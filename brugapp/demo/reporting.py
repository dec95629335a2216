"""Demo loader for signals (signalen) passed on to the local network: anonymised, no names."""

from __future__ import annotations

from sqlalchemy.orm import Session

from brugapp.demo.context import DemoContext
from brugapp.store.models.reporting import Signal


def load_signals(session: Session, demo: DemoContext) -> None:
    for row in demo.read_json("signals.json"):
        school = demo.ref("school", row["school"]) if row.get("school") else None
        session.add(Signal(signalled_on=demo.day(row["day"]), theme=row["theme"], description=row["description"],
                           families_concerned=row["families"], passed_on_to=row.get("passed_on_to", ""),
                           school_id=school.id if school else None))

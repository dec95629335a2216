"""Signals (signalen): structural problems the brugfiguur passes on to the local network.

"Huisjesmelkers: 5 gezinnen" – a theme, an anonymised description, how many families, passed on to
whom. A signal never names a family: a description containing a name known in the notebook is refused.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from brugapp.domain.clock import today_local
from brugapp.domain.contact_details import parse_date
from brugapp.domain.identifying import Identifying, KnownNames, identifying_kind
from brugapp.domain.schoolyear import SchoolYear
from brugapp.domain.themes import THEMES
from brugapp.errors import NotFoundError, ValidationError
from brugapp.i18n import N_, _, format_date
from brugapp.services.families.families import check_code
from brugapp.services.records import ListedRecord
from brugapp.store import Store
from brugapp.store.models import Family, School
from brugapp.store.models.notebook import FamilyMember
from brugapp.store.models.reporting import Signal

DESCRIPTION_MAX = 1000
PASSED_ON_MAX = 250
FAMILIES_MAX = 100_000


@dataclass(frozen=True)
class SignalInfo:
    id: str
    signalled_on: dt.date
    theme: str
    description: str
    families_concerned: int
    passed_on_to: str
    school_id: str  # "" when the signal is not about one school
    school_name: str


def _day(value: dt.date | str | None) -> dt.date:
    if value is None or value == "":
        return today_local()
    if isinstance(value, dt.date):
        return value
    try:
        return parse_date(value) or today_local()
    except ValueError:
        raise ValidationError(
            _("Date: “{value}” is not a date. Example: 28-11-2026.").format(value=value), field="signalled_on"
        ) from None


_FAMILY_PREFIX = re.compile(r"^\s*gezin\s+", re.IGNORECASE)


def _known_names(session: Session) -> KnownNames:
    """Names that must not appear in an anonymised text: families, members' last names, every first name.

    Distinct values straight from the tables (no ORM rows): a store of 10,000 families stays quick.
    """
    families, members = Family.__table__.c, FamilyMember.__table__.c
    connection = session.connection()
    bare = (_FAMILY_PREFIX.sub("", display).strip() for display in
            connection.execute(select(families.display_name).distinct()).scalars() if display)
    names = {name for name in bare if len(name) >= 3}
    for first, last in connection.execute(
            select(members.first_name, members.last_name).where(func.length(members.last_name) >= 3).distinct()):
        names.add(last)
        names.add(f"{first} {last}".strip())
    first_names = set(connection.execute(select(members.first_name).distinct()).scalars())
    return KnownNames.of(names, first_names)


_REFUSALS = {
    Identifying.NAME: N_("Signal: the text contains a name from your notebook. Describe the problem without names, "
                         "e.g. “huisjesmelker in 5 gezinnen”."),
    Identifying.FIRST_NAME: N_("Signal: the text contains the first name of a family member in your notebook. "
                               "Describe the problem without names."),
    Identifying.ADDRESS: N_("Signal: the text contains a street address. Name the neighbourhood or the kind of "
                            "housing instead of the house."),
    Identifying.PHONE: N_("Signal: the text contains a phone number. Leave it out; the signal goes to the "
                          "network without contact details."),
    Identifying.EMAIL: N_("Signal: the text contains an e-mail address. Leave it out; the signal goes to the "
                          "network without contact details."),
}


def anonymised_checker(session: Session) -> Callable[[str], bool]:
    """A test for many texts at once (the year report): true when a text names nobody and no address.

    Signals recorded before the check existed, or before a member with that first name was added, are
    caught here on their way into a report.
    """
    known: list[KnownNames] = []  # loaded on the first text: a year without signals costs nothing

    def anonymised(text: str) -> bool:
        if not known:
            known.append(_known_names(session))
        return identifying_kind(text, known[0]) is None

    return anonymised


def check_anonymised(session: Session, text: str) -> None:
    """Refuse a description that points at a person; the message says which kind, never the value."""
    kind = identifying_kind(text, _known_names(session))
    if kind is not None:
        raise ValidationError(_(_REFUSALS[kind]), field="description")


def _info(signal: Signal, school: School | None) -> SignalInfo:
    return SignalInfo(signal.uuid, signal.signalled_on, signal.theme, signal.description,
                      signal.families_concerned, signal.passed_on_to, school.uuid if school else "",
                      school.label if school else "")


def record_signal(
    store: Store,
    *,
    theme: str,
    description: str,
    families_concerned: int,
    passed_on_to: str = "",
    signalled_on: dt.date | str | None = None,
    school_id: str | None = None,
) -> SignalInfo:
    """Record a signal. The description must be anonymised: a family's or member's name is refused."""
    check_code(THEMES, theme, field="theme", label=_("Theme"))
    text = (description or "").strip()
    if not text:
        raise ValidationError(_("Signal: describe the problem in a few words, without names."),
                              field="description")
    if len(text) > DESCRIPTION_MAX:
        raise ValidationError(_("Signal: keep it under {n} characters.").format(n=DESCRIPTION_MAX),
                              field="description")
    try:
        count = int(families_concerned)
    except (TypeError, ValueError):
        count = -1
    if not 0 <= count <= FAMILIES_MAX:
        raise ValidationError(_("Number of families: give a whole number, 0 or more."), field="families_concerned")
    receiver = (passed_on_to or "").strip()[:PASSED_ON_MAX]
    day = _day(signalled_on)
    with store.session() as session:
        check_anonymised(session, text)
        school = None
        if school_id:
            school = session.scalar(select(School).where(School.uuid == school_id))
            if school is None:
                raise NotFoundError(_("No school with id {id}.").format(id=school_id))
        signal = Signal(signalled_on=day, theme=theme, description=text, families_concerned=count,
                        passed_on_to=receiver, school_id=school.id if school else None)
        session.add(signal)
        session.flush()
        return _info(signal, school)


def list_signals(store: Store, *, school_year: SchoolYear | None = None, school_id: str | None = None
                 ) -> list[SignalInfo]:
    """Signals, newest first; optionally of one school year and/or one school."""
    with store.read() as session:
        query = select(Signal, School).outerjoin(School, School.id == Signal.school_id)
        if school_year is not None:
            query = query.where(Signal.signalled_on >= school_year.first_day,
                                Signal.signalled_on <= school_year.last_day)
        if school_id:
            query = query.where(School.uuid == school_id)
        query = query.order_by(Signal.signalled_on.desc(), Signal.id.desc())
        return [_info(signal, school) for signal, school in session.execute(query).all()]


def list_signal_records(store: Store) -> list[ListedRecord]:
    return [
        ListedRecord(s.id, _("{date} · {theme} · {families} families").format(
            date=format_date(s.signalled_on, "medium"), theme=THEMES.label(s.theme), families=s.families_concerned))
        for s in list_signals(store)
    ]

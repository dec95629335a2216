"""A member's situation (residential care, foster family, boarding school, hospital stay …) and who may know it.

Record, list and remove situations; ``disclosed_situations`` is what a print or export for one audience may
carry. The rule (audience chosen, consent, the youth's own choice from 12) is ``domain/situations.py``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from brugapp.domain.overviews import brussels_today
from brugapp.domain.situations import (
    AUDIENCES,
    DECIDERS,
    SITUATION_KINDS,
    SituationFact,
    decider_refusal,
    may_disclose,
)
from brugapp.errors import NotFoundError, ValidationError
from brugapp.i18n import _
from brugapp.services.families.families import clean_note, family_by_uuid
from brugapp.store import Store
from brugapp.store.models.notebook import FamilyMember
from brugapp.store.models.situations import MemberSituation


@dataclass(frozen=True)
class SituationView:
    id: str
    member_id: str
    member_name: str
    kind: str
    description: str
    from_on: dt.date
    until_on: dt.date | None
    disclosed_to: tuple[str, ...]
    decided_by: str

    @property
    def fact(self) -> SituationFact:
        return SituationFact(self.kind, self.from_on, self.until_on, frozenset(self.disclosed_to), self.decided_by)


def _view(situation: MemberSituation, member: FamilyMember) -> SituationView:
    return SituationView(
        situation.uuid, member.uuid, f"{member.first_name} {member.last_name}".strip(), situation.kind,
        situation.description, situation.from_on, situation.until_on,
        tuple(str(a) for a in AUDIENCES.codes() if a in situation.disclosed_to.split()), situation.decided_by)


def _member(session: Session, member_id: str) -> FamilyMember:
    member = session.scalar(select(FamilyMember).where(FamilyMember.uuid == member_id))
    if member is None:
        raise NotFoundError(_("No family member with id {id}.").format(id=member_id))
    return member


def record_situation(store: Store, *, member_id: str, kind: str, from_on: dt.date, until_on: dt.date | None = None,
                     description: str = "", disclosed_to: Iterable[str] = (), decided_by: str = "parent") -> str:
    """Record one situation; returns its id.

    Refuses an unknown kind or audience, an end before the start, and a child under 12 deciding alone who may
    know (from about 12 a youth decides this themself; the age counts from the birth year, on the safe side).
    """
    if kind not in SITUATION_KINDS:
        raise ValidationError(_("Choose what kind of situation it is."), field="kind")
    audiences = sorted(set(disclosed_to))
    if any(a not in AUDIENCES for a in audiences):
        raise ValidationError(_("Unknown audience."), field="disclosed_to")
    if decided_by not in DECIDERS:
        raise ValidationError(_("Choose who decided who may know."), field="decided_by")
    if until_on is not None and until_on < from_on:
        raise ValidationError(_("The end date lies before the start date."), field="until_on")
    text = clean_note(description, field="description")
    with store.session() as session:
        member = _member(session, member_id)
        age = from_on.year - member.birth_year - 1 if member.birth_year else None
        refusal = decider_refusal(decided_by, subject_age=age)
        if refusal:
            raise ValidationError(_(refusal), field="decided_by")
        situation = MemberSituation(member_id=member.id, kind=kind, description=text, from_on=from_on,
                                    until_on=until_on, disclosed_to=" ".join(audiences), decided_by=decided_by)
        session.add(situation)
        session.flush()
        return situation.uuid


def remove_situation(store: Store, *, situation_id: str) -> None:
    with store.session() as session:
        situation = session.scalar(select(MemberSituation).where(MemberSituation.uuid == situation_id))
        if situation is None:
            raise NotFoundError(_("No situation with id {id}.").format(id=situation_id))
        session.delete(situation)


def situations_in_session(session: Session, *, family_pk: int) -> list[SituationView]:
    rows = session.execute(
        select(MemberSituation, FamilyMember).join(FamilyMember, FamilyMember.id == MemberSituation.member_id)
        .where(FamilyMember.family_id == family_pk).order_by(MemberSituation.from_on.desc(), MemberSituation.id)
    ).all()
    return [_view(situation, member) for situation, member in rows]


def list_situations(store: Store, *, family_id: str) -> list[SituationView]:
    """Every situation of the family's members, newest first (the worker's own view: nothing held back)."""
    with store.read() as session:
        return situations_in_session(session, family_pk=family_by_uuid(session, family_id).id)


def disclosed_situations(session: Session, *, family_pk: int, audience: str,
                         consent_allows: Callable[[str], bool], on: dt.date | None = None,
                         member_id: str = "") -> list[SituationView]:
    """The situations a print or export for ``audience`` may carry (only one member's with ``member_id``).

    ``consent_allows(member_uuid)`` answers whether consent covers the recipient for that member; the rest of
    the rule is ``domain.situations.may_disclose``.
    """
    day = on or brussels_today()
    return [view for view in situations_in_session(session, family_pk=family_pk)
            if (not member_id or view.member_id == member_id)
            and may_disclose(view.fact, audience, on=day, consent_allows=consent_allows(view.member_id))]

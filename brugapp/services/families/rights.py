"""The rights check (rechtenverkenning): per family and benefit, yes / no / unknown / requested and a date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select

from brugapp.domain.contact_details import parse_date
from brugapp.domain.notebook import BENEFITS, RIGHT_STATUSES
from brugapp.errors import ValidationError
from brugapp.i18n import _
from brugapp.services.families.families import check_code, clean_note, family_by_uuid
from brugapp.store import Store
from brugapp.store.models.notebook import RightCheck


@dataclass(frozen=True)
class RightStatus:
    benefit: str
    status: str  # RIGHT_STATUSES code; "unknown" when never checked
    status_on: dt.date | None
    note: str = ""


def _date(value: dt.date | str | None, benefit: str) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return parse_date(value)
    except ValueError:
        raise ValidationError(
            _("Date for {benefit}: “{value}” is not a date. Example: 28-11-2026.").format(
                benefit=BENEFITS.label(benefit), value=value),
            field="status_on",
        ) from None


def get_rights(store: Store, *, family_id: str) -> list[RightStatus]:
    """One line per benefit of the list, in the list's order; never-checked benefits read "unknown"."""
    with store.read() as session:
        family = family_by_uuid(session, family_id)
        rows = {r.benefit: RightStatus(r.benefit, r.status, r.status_on, r.note)
                for r in session.scalars(select(RightCheck).where(RightCheck.family_id == family.id))}
    result = []
    for term in BENEFITS:
        row = rows.get(term.code)
        result.append(row or RightStatus(term.code, "unknown", None))
    return result


def set_rights(store: Store, *, family_id: str, rights: Iterable[RightStatus]) -> list[RightStatus]:
    """Record several lines at once, all or nothing."""
    checked = []
    for right in rights:
        check_code(BENEFITS, right.benefit, field="benefit", label=_("Benefit"))
        check_code(RIGHT_STATUSES, right.status, field="status", label=_("Status"))
        when = _date(right.status_on, right.benefit)
        checked.append(RightStatus(right.benefit, right.status, when, clean_note(right.note)))
    with store.session() as session:
        family = family_by_uuid(session, family_id)
        existing = {r.benefit: r for r in session.scalars(select(RightCheck).where(RightCheck.family_id == family.id))}
        for right in checked:
            row = existing.get(right.benefit)
            if row is None:
                row = RightCheck(family_id=family.id, benefit=right.benefit)
                session.add(row)
            row.status = right.status
            row.status_on = right.status_on
            row.note = right.note
    return get_rights(store, family_id=family_id)


def set_right(store: Store, *, family_id: str, benefit: str, status: str,
              status_on: dt.date | str | None = None, note: str = "") -> RightStatus:
    rights = set_rights(store, family_id=family_id, rights=[RightStatus(benefit, status, status_on, note)])  # type: ignore[arg-type]
    return next(r for r in rights if r.benefit == benefit)

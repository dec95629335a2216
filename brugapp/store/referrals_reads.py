"""Doorverwijzingen's list, in plain SQL on the session's DB-API connection (``plain_reads``).

The first visit reads the first 200 of a busy programme's 10,000 open referrals; through SQLAlchemy's Core rows
(16 columns, dates and times converted per value) that was a third of the list's time. The query is the one the
service built before, written out: the page's ids first, ordered on what the list sorts by (the next check looked
up per referral in ``ix_followups_open_check``), then the page's families, services and contact persons
joined in. ``tests/unit/referrals/test_referral_list_reads.py`` compares it with that query on awkward data.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy.orm import Session

from brugapp.store.plain_reads import driver_rows, marks

# A referral's next check: its first open follow-up (planned, or not answered: domain.followups), read from the
# partial index ``ix_followups_open_check`` (0015), whose WHERE these words must match for SQLite to use it.
_NEXT_CHECK = ("(SELECT fu.due FROM followups AS fu WHERE fu.referral_id = r.id "
               "AND fu.status IN ('planned', 'no_answer') ORDER BY fu.due LIMIT 1)")

_LIST_SQL = """
SELECT r.uuid, f.uuid, f.display_name, r.theme, s.uuid, r.service_label, c.uuid, c.name, r.intensity, r.urgent,
       r.status, r.outcome, r.referred_on, r.appointment_at, page.due, r.no_show_count
FROM referrals AS r
JOIN (SELECT r.id AS pk, {next_check} AS due, f.display_name AS name, r.status IN ({closed}) AS closed,
             coalesce(r.urgent, 0) AS urgent
      FROM referrals AS r JOIN families AS f ON f.id = r.family_id
      {where}
      ORDER BY closed, urgent DESC, due ASC NULLS LAST, name, r.id
      LIMIT ? OFFSET ?) AS page ON page.pk = r.id
JOIN families AS f ON f.id = r.family_id
LEFT OUTER JOIN kaart_services AS s ON s.id = r.service_id
LEFT OUTER JOIN kaart_contacts AS c ON c.id = r.contact_id
ORDER BY page.closed, page.urgent DESC, page.due IS NULL, page.due, page.name, r.id
"""


def list_statement(*, closed: Sequence[str], family_id: str | None = None, status: str | None = None,
                   open_only: bool = False, offset: int = 0, limit: int | None = None,
                   ) -> tuple[str, tuple[object, ...]]:
    """The list's SQL and its parameters (``EXPLAIN QUERY PLAN`` in the tests reads the same statement)."""
    closed = sorted(closed)
    conditions: list[str] = []
    parameters: list[object] = [*closed]
    if family_id:
        conditions.append("f.uuid = ?")
        parameters.append(family_id)
    if status:
        conditions.append("r.status = ?")
        parameters.append(status)
    if open_only:
        conditions.append(f"r.status NOT IN ({marks(closed)})")
        parameters.extend(closed)
    where = "WHERE " + " AND ".join(conditions) if conditions else ""
    sql = _LIST_SQL.format(next_check=_NEXT_CHECK, closed=marks(closed), where=where)
    return sql, (*parameters, -1 if limit is None else limit, offset)


def referral_list_rows(session: Session, **options: Any) -> list[tuple[Any, ...]]:
    """(uuid, family uuid, family name, theme, service uuid, service label, contact uuid, contact name,
    intensity, urgent, status, outcome, referred on, appointment at, next check, no-shows) as SQLite holds them;
    ``options`` as ``list_statement``."""
    sql, parameters = list_statement(**options)
    return driver_rows(session, sql, parameters)

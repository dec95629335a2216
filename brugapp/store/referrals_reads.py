"""Doorverwijzingen's list, in plain SQL on the session's DB-API connection (``plain_reads``).

The first visit reads the first 200 of a busy programme's 15,000 open referrals; through SQLAlchemy's Core rows
(16 columns, dates and times converted per value) that was a third of the list's time. The page's ids are found
first, in the list's order, then the page's families, services and contact persons joined in. Each referral keeps
its next check (``referrals.next_check``, kept by SQLite's triggers since 0016), and ``ix_referrals_next_check``
holds the referrals in the order the list sorts on: the first page is the index's first entries, only equal dates
sorted on the family's name (it was one look-up per referral and a sort of all of them: ~20 ms of the first visit).
``tests/unit/referrals/test_referral_list_reads.py`` compares the list with the service's first query on awkward
data.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy.orm import Session

from brugapp.store.plain_reads import driver_rows, marks

_LIST_SQL = """
SELECT r.uuid, f.uuid, f.display_name, r.theme, s.uuid, r.service_label, c.uuid, c.name, r.intensity, r.urgent,
       r.status, r.outcome, r.referred_on, r.appointment_at, page.due, r.no_show_count
FROM referrals AS r
JOIN (SELECT r.id AS pk, r.next_check AS due, f.display_name AS name, {closed} AS closed,
             coalesce(r.urgent, 0) AS urgent
      FROM referrals AS r JOIN families AS f ON f.id = r.family_id
      {where}
      ORDER BY {closed}, coalesce(r.urgent, 0) DESC, r.next_check IS NULL, r.next_check, f.display_name, r.id
      LIMIT ? OFFSET ?) AS page ON page.pk = r.id
JOIN families AS f ON f.id = r.family_id
LEFT OUTER JOIN kaart_services AS s ON s.id = r.service_id
LEFT OUTER JOIN kaart_contacts AS c ON c.id = r.contact_id
ORDER BY page.closed, page.urgent DESC, page.due IS NULL, page.due, page.name, r.id
"""


def closed_order(closed: Sequence[str]) -> str:
    """``r.status IN ('completed', ...)`` written out: the first term of ``ix_referrals_next_check`` (0016), which
    SQLite only uses for an expression with the same values (a ``?`` would not match it)."""
    if not all(status.isidentifier() for status in closed):
        raise ValueError(f"not a status code: {closed!r}")
    return "r.status IN ({})".format(", ".join(f"'{status}'" for status in sorted(closed)))


def list_statement(*, closed: Sequence[str], family_id: str | None = None, status: str | None = None,
                   open_only: bool = False, offset: int = 0, limit: int | None = None,
                   ) -> tuple[str, tuple[object, ...]]:
    """The list's SQL and its parameters (``EXPLAIN QUERY PLAN`` in the tests reads the same statement)."""
    closed = sorted(closed)
    conditions: list[str] = []
    parameters: list[object] = []
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
    sql = _LIST_SQL.format(closed=closed_order(closed), where=where)
    return sql, (*parameters, -1 if limit is None else limit, offset)


def referral_list_rows(session: Session, **options: Any) -> list[tuple[Any, ...]]:
    """(uuid, family uuid, family name, theme, service uuid, service label, contact uuid, contact name,
    intensity, urgent, status, outcome, referred on, appointment at, next check, no-shows) as SQLite holds them;
    ``options`` as ``list_statement``."""
    sql, parameters = list_statement(**options)
    return driver_rows(session, sql, parameters)

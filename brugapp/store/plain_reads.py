"""Plain SQL on a session's own DB-API connection, for the lists a page fills on its first visit.

SQLAlchemy's Core rows cost about three times what the driver's tuples do (measured on the Gezinnen and
Doorverwijzingen lists of 10,000 families); a read through ``driver_rows`` runs in the session's transaction, so
it sees what the session sees. Values come back as SQLite holds them (dates as ISO text, times as naive UTC text,
booleans as 0/1): the ``<list>_reads`` modules convert them, as ``today_reads`` does.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy.orm import Session

from brugapp.store.errors import busy_error, is_busy_message


def driver_rows(session: Session, sql: str,
                parameters: Sequence[object] | Mapping[str, object] = ()) -> list[tuple[Any, ...]]:
    """The rows of one query on the session's connection, as plain tuples: ``?`` parameters in a sequence, or
    ``:name`` parameters in a mapping."""
    driver = session.connection().connection.driver_connection
    assert driver is not None  # a live session always has its connection
    bound = parameters if isinstance(parameters, Mapping) else tuple(parameters)
    try:
        return list(driver.execute(sql, bound).fetchall())
    except Exception as exc:
        if is_busy_message(str(exc)):
            raise busy_error() from None
        raise


def marks(values: Sequence[object]) -> str:
    """``?, ?, ?`` for an IN list of ``values``."""
    return ", ".join("?" * len(values))


def day_or_none(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def utc_or_none(text: str | None) -> dt.datetime | None:
    """A stored UTC time (naive text) as an aware datetime."""
    return dt.datetime.fromisoformat(text).replace(tzinfo=dt.UTC) if text else None

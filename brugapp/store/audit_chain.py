"""The audit trail as a hash chain: each entry holds the hash of the one before it.

Editing an entry breaks its own hash; deleting one breaks the link of the next; cutting off the tail leaves
SQLite's AUTOINCREMENT counter ahead of the last entry. Triggers (revision 0008) refuse UPDATE and DELETE,
so the app itself can only append. The content of what was printed never enters the trail, only the kind,
the record's UUID, the audience and a short detail.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from brugapp.store.base import utcnow
from brugapp.store.models.system import AuditEntry

GENESIS = "0" * 64


def format_at(value: dt.datetime) -> str:
    """The moment as the hash sees it: UTC, microseconds, no zone suffix (how SQLite gives it back)."""
    if value.tzinfo is not None:
        value = value.astimezone(dt.UTC).replace(tzinfo=None)
    return value.strftime("%Y-%m-%dT%H:%M:%S.%f")


def entry_hash(*, entry_id: int, at: str, action: str, subject_kind: str, subject_uuid: str, audience: str,
               detail: str, prev_hash: str) -> str:
    payload = json.dumps([entry_id, at, action, subject_kind, subject_uuid, audience, detail, prev_hash],
                         ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _sequence(session: Session) -> int:
    """The highest id SQLite ever handed out for audit_log (0 elsewhere or when none)."""
    if session.get_bind().dialect.name != "sqlite":
        return 0
    value = session.execute(text("SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'")).scalar()
    return int(value or 0)


def append_entry(session: Session, *, action: str, subject_kind: str = "", subject_uuid: str = "",
                 audience: str = "", detail: str = "", at: dt.datetime | None = None) -> AuditEntry:
    """Add the next link of the chain to ``session`` (committed with the rest of the user's action)."""
    session.flush()  # earlier entries of this same action first, so they are found as the last link
    last = session.execute(select(AuditEntry.id, AuditEntry.entry_hash).order_by(AuditEntry.id.desc()).limit(1)).first()
    last_id, prev_hash = (int(last[0]), str(last[1] or GENESIS)) if last else (0, GENESIS)
    # Never reuse an id of a removed entry: the gap must stay visible to ``verify_chain``.
    entry_id = max(last_id, _sequence(session)) + 1
    moment = at or utcnow()
    fields = {"action": action[:40], "subject_kind": subject_kind[:40], "subject_uuid": subject_uuid[:36],
              "audience": audience[:80], "detail": detail}
    digest = entry_hash(entry_id=entry_id, at=format_at(moment), prev_hash=prev_hash, **fields)
    entry = AuditEntry(id=entry_id, at=moment, prev_hash=prev_hash, entry_hash=digest, **fields)
    session.add(entry)
    session.flush()
    return entry


@dataclass(frozen=True)
class ChainRow:
    entry_id: int
    at: str
    action: str
    subject_kind: str
    subject_uuid: str
    audience: str
    detail: str
    prev_hash: str
    entry_hash: str


@dataclass(frozen=True)
class ChainBreak:
    """The first entry where the chain does not hold, and what is wrong there (``kind`` is a code)."""

    entry_id: int
    kind: str  # changed | removed_before | removed_after | relinked


def chain_rows(session: Session) -> list[ChainRow]:
    """Raw rows, read without the ORM so the moments come back exactly as stored."""
    result = session.execute(text(
        "SELECT id, at, action, subject_kind, subject_uuid, audience, detail, prev_hash, entry_hash "
        "FROM audit_log ORDER BY id"))
    return [ChainRow(int(r[0]), format_at(parse_at(r[1])), str(r[2] or ""), str(r[3] or ""), str(r[4] or ""),
                     str(r[5] or ""), str(r[6] or ""), str(r[7] or ""), str(r[8] or "")) for r in result]


def parse_at(value: object) -> dt.datetime:
    if isinstance(value, dt.datetime):
        return value
    return dt.datetime.fromisoformat(str(value))


def hash_of(row: ChainRow) -> str:
    return entry_hash(entry_id=row.entry_id, at=row.at, action=row.action, subject_kind=row.subject_kind,
                      subject_uuid=row.subject_uuid, audience=row.audience, detail=row.detail,
                      prev_hash=row.prev_hash)


def find_break(rows: Sequence[ChainRow], sequence: int) -> ChainBreak | None:
    """Walk the chain from the first entry; ``sequence`` is the highest id ever handed out (0 = unknown)."""
    expected_prev, expected_id = GENESIS, 1
    for row in rows:
        if row.entry_id != expected_id:
            return ChainBreak(row.entry_id, "removed_before")
        if row.prev_hash != expected_prev:
            return ChainBreak(row.entry_id, "relinked")
        if hash_of(row) != row.entry_hash:
            return ChainBreak(row.entry_id, "changed")
        expected_prev, expected_id = row.entry_hash, row.entry_id + 1
    if sequence >= expected_id:
        return ChainBreak(expected_id - 1, "removed_after")
    return None


def verify_chain(session: Session) -> ChainBreak | None:
    return find_break(chain_rows(session), _sequence(session))



"""Tables the app itself needs: the audit trail and crash-safe drafts."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from brugapp.store.base import Base, UTCDateTime, utcnow


class AuditEntry(Base):
    """Who printed or exported what, for which audience (never the content itself).

    Append-only and hash-chained: add entries only through ``brugapp.store.audit_chain.append_entry``
    (``services.audit.record_audit``); the store refuses UPDATE and DELETE (revision 0008).
    """

    __tablename__ = "audit_log"
    # AUTOINCREMENT: SQLite remembers the highest id ever used, so a cut-off tail stays visible.
    __table_args__ = {"sqlite_autoincrement": True}

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    action: Mapped[str] = mapped_column(String(40))  # print, export, override, import, backup
    subject_kind: Mapped[str] = mapped_column(String(40), default="")
    subject_uuid: Mapped[str] = mapped_column(String(36), default="")
    audience: Mapped[str] = mapped_column(String(80), default="")
    detail: Mapped[str] = mapped_column(Text, default="")
    prev_hash: Mapped[str] = mapped_column(String(64), default="")
    entry_hash: Mapped[str] = mapped_column(String(64), default="")


class Draft(Base):
    """Half-typed input kept inside the encrypted store, so it survives a crash or a lock."""

    __tablename__ = "drafts"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    payload: Mapped[str] = mapped_column(Text)  # JSON
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

"""Tables the app itself needs: the audit trail and crash-safe drafts."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from brugapp.store.base import Base, UTCDateTime, utcnow


class AuditEntry(Base):
    """Who printed or exported what, for which audience (never the content itself)."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    action: Mapped[str] = mapped_column(String(40))  # print, export, override, import, backup
    subject_kind: Mapped[str] = mapped_column(String(40), default="")
    subject_uuid: Mapped[str] = mapped_column(String(36), default="")
    audience: Mapped[str] = mapped_column(String(80), default="")
    detail: Mapped[str] = mapped_column(Text, default="")


class Draft(Base):
    """Half-typed input kept inside the encrypted store, so it survives a crash or a lock."""

    __tablename__ = "drafts"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    payload: Mapped[str] = mapped_column(Text)  # JSON
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

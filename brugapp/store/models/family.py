from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from brugapp.store.base import Base, Identified, Timestamped, UTCDateTime


class Family(Identified, Timestamped, Base):
    """A household the brugfiguur works with. There is deliberately no residence-status field."""

    __tablename__ = "families"

    display_name: Mapped[str] = mapped_column(String(200))
    preferred_language: Mapped[str] = mapped_column(String(12), default="nl")
    interpreter_needed: Mapped[bool] = mapped_column(Boolean, default=False)
    reads_letters: Mapped[bool] = mapped_column(Boolean, default=True)
    preferred_channel: Mapped[str] = mapped_column(String(20), default="")
    reference_person: Mapped[str] = mapped_column(String(200), default="")
    archived_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, nullable=True)
    # Added by revision 0002 (notebook).
    literacy: Mapped[str] = mapped_column(String(20), default="")
    other_services: Mapped[str] = mapped_column(Text, default="")  # one service per line
    note: Mapped[str] = mapped_column(Text, default="")
    note_sharing: Mapped[str] = mapped_column(String(20), default="private")

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, String
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

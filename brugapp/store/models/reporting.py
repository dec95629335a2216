"""Signals (signalen): structural problems passed on to the local network, for the year report.

A signal is anonymised by design: a theme, a description without names, how many families it concerns
and to whom it was passed on. It never links to a family record.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from brugapp.store.base import Base, Identified, Timestamped


class Signal(Identified, Timestamped, Base):
    __tablename__ = "signals"

    signalled_on: Mapped[dt.date] = mapped_column(Date, index=True)
    theme: Mapped[str] = mapped_column(String(60))  # domain.themes code
    description: Mapped[str] = mapped_column(Text)  # anonymised: no names
    families_concerned: Mapped[int] = mapped_column(Integer, default=0)
    passed_on_to: Mapped[str] = mapped_column(String(250), default="")  # organisation or network (free text)
    school_id: Mapped[int | None] = mapped_column(
        ForeignKey("schools.id", ondelete="SET NULL"), nullable=True, index=True
    )

"""A member's situation (who may know it) and a child's school history (overdracht keeps both schools)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from brugapp.store.base import Base, Identified, Timestamped


class MemberSituation(Identified, Timestamped, Base):
    """Residential care, a foster family, a boarding school, a hospital stay … with a disclosure per audience."""

    __tablename__ = "member_situations"

    member_id: Mapped[int] = mapped_column(ForeignKey("family_members.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(30))  # domain.situations.SITUATION_KINDS
    description: Mapped[str] = mapped_column(Text, default="")  # short, e.g. the living group's kind
    from_on: Mapped[dt.date] = mapped_column(Date)
    until_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    disclosed_to: Mapped[str] = mapped_column(String(80), default="")  # space-separated domain Audience codes
    decided_by: Mapped[str] = mapped_column(String(20), default="parent")  # domain.situations.DECIDERS


class SchoolHistory(Identified, Timestamped, Base):
    """One school a child attended, from when until when; a school change closes one line and opens the next."""

    __tablename__ = "member_school_history"

    member_id: Mapped[int] = mapped_column(ForeignKey("family_members.id", ondelete="CASCADE"), index=True)
    school_id: Mapped[int | None] = mapped_column(ForeignKey("schools.id", ondelete="SET NULL"), nullable=True)
    school_label: Mapped[str] = mapped_column(String(250), default="")  # name when recorded
    from_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)  # empty: before the app knew
    until_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    class_name: Mapped[str] = mapped_column(String(40), default="")

"""Overleg and events: meetings, their participants, agenda items, action points; teacher days.

Families and schools are referenced by foreign key; sociale kaart contacts and organisations by UUID
string only (no foreign key across capabilities that may be installed separately).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, Text, Time
from sqlalchemy.orm import Mapped, mapped_column, relationship

from brugapp.store.base import Base, Identified, Timestamped, UTCDateTime


class MeetingSeries(Identified, Timestamped, Base):
    """A recurring meeting (every 6 weeks, the local network …)."""

    __tablename__ = "meeting_series"

    name: Mapped[str] = mapped_column(String(200))
    meeting_type: Mapped[str] = mapped_column(String(40))
    interval_weeks: Mapped[int] = mapped_column(Integer, default=6)
    family_id: Mapped[int | None] = mapped_column(ForeignKey("families.id", ondelete="SET NULL"), nullable=True)


class Meeting(Identified, Timestamped, Base):
    __tablename__ = "meetings"

    title: Mapped[str] = mapped_column(String(200))
    meeting_type: Mapped[str] = mapped_column(String(40))
    starts_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, index=True)
    duration_minutes: Mapped[int] = mapped_column(Integer, default=60)
    place_kind: Mapped[str] = mapped_column(String(20), default="school")
    place_detail: Mapped[str] = mapped_column(String(300), default="")
    school_id: Mapped[int | None] = mapped_column(ForeignKey("schools.id", ondelete="SET NULL"), nullable=True)
    series_id: Mapped[int | None] = mapped_column(
        ForeignKey("meeting_series.id", ondelete="SET NULL"), nullable=True
    )
    regiehouder: Mapped[str] = mapped_column(String(200), default="")
    interpreter_needed: Mapped[bool] = mapped_column(Boolean, default=False)
    interpreter_arranged: Mapped[bool] = mapped_column(Boolean, default=False)
    interpreter_language: Mapped[str] = mapped_column(String(40), default="")
    youth_present: Mapped[str] = mapped_column(String(10), default="unknown")
    parents_present: Mapped[str] = mapped_column(String(10), default="unknown")
    proposed_next_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    status: Mapped[str] = mapped_column(String(20), default="planned")

    participants: Mapped[list[MeetingParticipant]] = relationship(
        back_populates="meeting", cascade="all, delete-orphan", order_by="MeetingParticipant.position"
    )
    items: Mapped[list[MeetingItem]] = relationship(
        back_populates="meeting", cascade="all, delete-orphan", order_by="MeetingItem.position"
    )
    actions: Mapped[list[MeetingAction]] = relationship(
        back_populates="meeting", cascade="all, delete-orphan", order_by="MeetingAction.id"
    )
    family_links: Mapped[list[MeetingFamily]] = relationship(
        back_populates="meeting", cascade="all, delete-orphan"
    )


class MeetingFamily(Base):
    """A family (case) the meeting is about."""

    __tablename__ = "meeting_families"

    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), primary_key=True)
    family_id: Mapped[int] = mapped_column(ForeignKey("families.id", ondelete="CASCADE"), primary_key=True)
    meeting: Mapped[Meeting] = relationship(back_populates="family_links")


class MeetingParticipant(Identified, Timestamped, Base):
    __tablename__ = "meeting_participants"

    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    kind: Mapped[str] = mapped_column(String(20))  # domain.meetings.PARTICIPANT_KINDS
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(40), default="other")  # domain.meetings.ROLES
    organisation: Mapped[str] = mapped_column(String(200), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    attendance: Mapped[str] = mapped_column(String(20), default="invited")
    is_regiehouder: Mapped[bool] = mapped_column(Boolean, default=False)
    invite_channel: Mapped[str] = mapped_column(String(20), default="")
    family_id: Mapped[int | None] = mapped_column(ForeignKey("families.id", ondelete="SET NULL"), nullable=True)
    school_id: Mapped[int | None] = mapped_column(ForeignKey("schools.id", ondelete="SET NULL"), nullable=True)
    kaart_contact_uuid: Mapped[str] = mapped_column(String(36), default="")
    kaart_organization_uuid: Mapped[str] = mapped_column(String(36), default="")

    meeting: Mapped[Meeting] = relationship(back_populates="participants")


class MeetingItem(Identified, Timestamped, Base):
    """One agenda item; after the meeting it carries the minutes (notes and decisions)."""

    __tablename__ = "meeting_items"

    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    code: Mapped[str] = mapped_column(String(40), default="")  # template code, "" for a free item
    title: Mapped[str] = mapped_column(String(200))
    school_ok: Mapped[bool] = mapped_column(Boolean, default=False)  # need-to-know for the school version
    notes: Mapped[str] = mapped_column(Text, default="")
    decisions: Mapped[str] = mapped_column(Text, default="")

    meeting: Mapped[Meeting] = relationship(back_populates="items")


class MeetingAction(Identified, Timestamped, Base):
    """An action point: who, what, by when. Open ones return on the next agenda of the case or series."""

    __tablename__ = "meeting_actions"

    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), index=True)
    item_id: Mapped[int | None] = mapped_column(ForeignKey("meeting_items.id", ondelete="SET NULL"), nullable=True)
    what: Mapped[str] = mapped_column(Text)
    owner: Mapped[str] = mapped_column(String(200))
    due: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    status: Mapped[str] = mapped_column(String(20), default="open")
    school_ok: Mapped[bool] = mapped_column(Boolean, default=True)
    followup_uuid: Mapped[str] = mapped_column(String(36), default="")
    closed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, nullable=True)

    meeting: Mapped[Meeting] = relationship(back_populates="actions")


class Event(Identified, Timestamped, Base):
    """A group event: a leerkrachtendag, an info evening …"""

    __tablename__ = "events"

    title: Mapped[str] = mapped_column(String(200))
    event_type: Mapped[str] = mapped_column(String(40), default="leerkrachtendag")
    day: Mapped[dt.date] = mapped_column(Date)
    place: Mapped[str] = mapped_column(String(300), default="")
    notes: Mapped[str] = mapped_column(Text, default="")

    sessions: Mapped[list[EventSession]] = relationship(
        cascade="all, delete-orphan", order_by="EventSession.starts"
    )
    registrations: Mapped[list[EventRegistration]] = relationship(cascade="all, delete-orphan")


class EventSession(Identified, Timestamped, Base):
    __tablename__ = "event_sessions"

    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    starts: Mapped[dt.time] = mapped_column(Time)
    ends: Mapped[dt.time] = mapped_column(Time)
    kind: Mapped[str] = mapped_column(String(20), default="workshop")
    title: Mapped[str] = mapped_column(String(200))
    room: Mapped[str] = mapped_column(String(100), default="")
    speaker: Mapped[str] = mapped_column(String(200), default="")
    speaker_contact_uuid: Mapped[str] = mapped_column(String(36), default="")
    capacity: Mapped[int] = mapped_column(Integer, default=0)


class EventRegistration(Identified, Timestamped, Base):
    """One invited school: how many registered and how many came (counts, no names)."""

    __tablename__ = "event_registrations"

    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    school_id: Mapped[int] = mapped_column(ForeignKey("schools.id", ondelete="CASCADE"))
    invited_at: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    registered: Mapped[int] = mapped_column(Integer, default=0)
    attended: Mapped[int] = mapped_column(Integer, default=0)
    attendance_recorded: Mapped[bool] = mapped_column(Boolean, default=False)


class EventSurveyAnswer(Identified, Timestamped, Base):
    """One satisfaction survey answer, stored per school (anonymous within the school)."""

    __tablename__ = "event_survey_answers"

    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    school_id: Mapped[int | None] = mapped_column(ForeignKey("schools.id", ondelete="SET NULL"), nullable=True)
    question: Mapped[str] = mapped_column(String(40))
    score: Mapped[int] = mapped_column(Integer)
    comment: Mapped[str] = mapped_column(Text, default="")

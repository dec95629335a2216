"""The contact notebook: family members, school contacts, contact moments and the rights check."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Date, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from brugapp.store.base import Base, Identified, Timestamped, UTCDateTime


class FamilyMember(Identified, Timestamped, Base):
    """A parent, guardian, child or other member; children carry their school, site, class and year."""

    __tablename__ = "family_members"
    __table_args__ = (
        Index("ix_family_members_family_role", "family_id", "role"),  # children per family
        Index("ix_family_members_family_school", "family_id", "school_id"),  # a family's schools (0014)
    )

    family_id: Mapped[int] = mapped_column(ForeignKey("families.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(20))  # domain.notebook.MEMBER_ROLES
    first_name: Mapped[str] = mapped_column(String(100))
    last_name: Mapped[str] = mapped_column(String(100), default="")
    birth_year: Mapped[int | None] = mapped_column(nullable=True)
    phone: Mapped[str] = mapped_column(String(40), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    school_id: Mapped[int | None] = mapped_column(ForeignKey("schools.id", ondelete="SET NULL"), nullable=True)
    class_name: Mapped[str] = mapped_column(String(40), default="")
    school_year: Mapped[str] = mapped_column(String(12), default="")  # "2026–2027"


class SchoolContact(Identified, Timestamped, Base):
    """A person at a school site: directie, zorgcoördinator, CLB-anker …"""

    __tablename__ = "school_contacts"

    school_id: Mapped[int] = mapped_column(ForeignKey("schools.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(30))  # domain.notebook.SCHOOL_CONTACT_ROLES
    name: Mapped[str] = mapped_column(String(200))
    phone: Mapped[str] = mapped_column(String(40), default="")
    email: Mapped[str] = mapped_column(String(200), default="")


class ContactMoment(Identified, Timestamped, Base):
    """One conversation. ``family_id`` is empty for an anonymous contact, which can be linked later."""

    __tablename__ = "contact_moments"
    __table_args__ = (
        Index("ix_contact_moments_occurred_at", "occurred_at"),
        Index("ix_contact_moments_family_last", "family_id", "deleted_at", "occurred_at"),  # last contact
        # Vandaag's promises, counted from the index alone (0013)
        Index("ix_contact_moments_promised", "follow_up_done", "follow_up_on", "deleted_at"),
    )

    family_id: Mapped[int | None] = mapped_column(
        ForeignKey("families.id", ondelete="SET NULL"), nullable=True, index=True
    )
    occurred_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    channel: Mapped[str] = mapped_column(String(30))  # domain.notebook.CHANNELS
    initiative: Mapped[str] = mapped_column(String(20), default="parent")
    language: Mapped[str] = mapped_column(String(12), default="")
    interpreter: Mapped[bool] = mapped_column(Boolean, default=False)
    note: Mapped[str] = mapped_column(Text, default="")
    sharing: Mapped[str] = mapped_column(String(20), default="private")  # domain.sharing
    follow_up_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    follow_up_done: Mapped[bool] = mapped_column(Boolean, default=False)
    deleted_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, nullable=True)  # soft delete, undoable

    themes: Mapped[list[ContactTheme]] = relationship(
        cascade="all, delete-orphan", lazy="selectin", order_by="ContactTheme.theme"
    )
    participants: Mapped[list[ContactParticipant]] = relationship(cascade="all, delete-orphan", lazy="selectin")


class ContactTheme(Base):
    __tablename__ = "contact_themes"

    contact_id: Mapped[int] = mapped_column(ForeignKey("contact_moments.id", ondelete="CASCADE"), primary_key=True)
    theme: Mapped[str] = mapped_column(String(60), primary_key=True)  # domain.themes.THEMES code


class ContactParticipant(Base):
    """Further families or members a contact concerns (beyond its main family)."""

    __tablename__ = "contact_participants"

    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(ForeignKey("contact_moments.id", ondelete="CASCADE"), index=True)
    family_id: Mapped[int | None] = mapped_column(ForeignKey("families.id", ondelete="CASCADE"), nullable=True)
    member_id: Mapped[int | None] = mapped_column(
        ForeignKey("family_members.id", ondelete="CASCADE"), nullable=True
    )


class RightCheck(Identified, Timestamped, Base):
    """One line of the rechtenverkenning: does the family use this benefit?"""

    __tablename__ = "right_checks"
    __table_args__ = (UniqueConstraint("family_id", "benefit", name="uq_right_checks_family_benefit"),)

    family_id: Mapped[int] = mapped_column(ForeignKey("families.id", ondelete="CASCADE"), index=True)
    benefit: Mapped[str] = mapped_column(String(30))  # domain.notebook.BENEFITS
    status: Mapped[str] = mapped_column(String(20), default="unknown")  # domain.notebook.RIGHT_STATUSES
    status_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")

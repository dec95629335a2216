"""Warm referrals, consent and follow-ups: the tables that close the loop.

Vocabulary codes come from ``domain/consent.py``, ``domain/referrals.py`` and ``domain/followups.py``.
A consent's recipient is a kaart organisation, service or contact person or a school: one of several
tables, so it is kept as (kind, uuid) plus a label snapshot, without a foreign key. Meetings belong to
another capability and are linked by their uuid only (``meeting_uuid``).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from brugapp.store.base import Base, Identified, Timestamped, UTCDateTime, utcnow


class Consent(Identified, Timestamped, Base):
    """Toestemming: who agreed that which recipient may receive what, how, from when until when."""

    __tablename__ = "consents"

    family_id: Mapped[int] = mapped_column(ForeignKey("families.id", ondelete="CASCADE"), index=True)
    subject_member_id: Mapped[int | None] = mapped_column(
        ForeignKey("family_members.id", ondelete="SET NULL"), nullable=True
    )  # empty: the whole family
    recipient_kind: Mapped[str] = mapped_column(String(20))  # domain.consent.RecipientKind
    recipient_uuid: Mapped[str] = mapped_column(String(36), index=True)
    recipient_label: Mapped[str] = mapped_column(String(250), default="")  # name when recorded
    purposes: Mapped[str] = mapped_column(String(120))  # space-separated domain.consent.Purpose codes
    given_by: Mapped[str] = mapped_column(String(20))  # domain.consent.GivenBy
    given_by_name: Mapped[str] = mapped_column(String(200), default="")
    method: Mapped[str] = mapped_column(String(20))  # domain.consent.ConsentMethod
    given_on: Mapped[dt.date] = mapped_column(Date)
    valid_until: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    withdrawn_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    withdrawal_note: Mapped[str] = mapped_column(Text, default="")
    withheld: Mapped[str] = mapped_column(Text, default="")  # what must not be passed on
    note: Mapped[str] = mapped_column(Text, default="")


class Referral(Identified, Timestamped, Base):
    """Doorverwijzing / warme toeleiding of a family (for one need) to a service and contact person.

    The table also holds ``next_check``, the first open follow-up's date, which SQLite's triggers keep (revision
    0016) and only Doorverwijzingen's list reads (``store/referrals_reads.py``): not mapped here, so no object
    ever holds a copy that a follow-up saved meanwhile made stale.
    """

    __tablename__ = "referrals"
    # every referral figure of a school year from the index alone (0014)
    __table_args__ = (Index("ix_referrals_year_figures", "referred_on", "family_id", "service_id", "intensity",
                            "outcome"),
                      Index("ix_referrals_list", "status", "urgent", "family_id"))  # Doorverwijzingen's order (0015)

    family_id: Mapped[int] = mapped_column(ForeignKey("families.id", ondelete="CASCADE"), index=True)
    theme: Mapped[str] = mapped_column(String(60), default="")  # domain.themes code
    question: Mapped[str] = mapped_column(Text, default="")
    tried: Mapped[str] = mapped_column(Text, default="")  # what has been tried so far
    sharing: Mapped[str] = mapped_column(String(20), default="shareable")  # domain.sharing, for question/tried
    service_id: Mapped[int | None] = mapped_column(
        ForeignKey("kaart_services.id", ondelete="SET NULL"), nullable=True, index=True
    )
    contact_id: Mapped[int | None] = mapped_column(
        ForeignKey("kaart_contacts.id", ondelete="SET NULL"), nullable=True
    )
    service_label: Mapped[str] = mapped_column(String(250), default="")  # name when referred
    mandated: Mapped[bool] = mapped_column(Boolean, default=False)  # OCJ/VK/youth court: one-way
    intensity: Mapped[str] = mapped_column(String(30))  # domain.referrals.Intensity
    urgent: Mapped[bool] = mapped_column(Boolean, default=False)
    warned_in_advance: Mapped[bool] = mapped_column(Boolean, default=False)
    receiving_worker: Mapped[str] = mapped_column(String(200), default="")
    referred_on: Mapped[dt.date] = mapped_column(Date)
    appointment_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, nullable=True)
    first_appointment_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)  # for the figures
    status: Mapped[str] = mapped_column(String(20), index=True)  # domain.referrals.Status
    outcome: Mapped[str] = mapped_column(String(30), default="")  # domain.referrals.Outcome
    decline_reason: Mapped[str] = mapped_column(Text, default="")
    closed_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    no_show_count: Mapped[int] = mapped_column(Integer, default=0)
    feedback_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)  # last stavaza received
    feedback_text: Mapped[str] = mapped_column(Text, default="")

    events: Mapped[list[ReferralEvent]] = relationship(
        cascade="all, delete-orphan", order_by="ReferralEvent.id", back_populates="referral"
    )


class ReferralEvent(Identified, Base):
    """One step in a referral's history; never edited, never deleted with the referral still there."""

    __tablename__ = "referral_events"

    referral_id: Mapped[int] = mapped_column(ForeignKey("referrals.id", ondelete="CASCADE"), index=True)
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    kind: Mapped[str] = mapped_column(String(20))  # domain.referrals.EventKind
    from_status: Mapped[str] = mapped_column(String(20), default="")
    to_status: Mapped[str] = mapped_column(String(20), default="")
    text: Mapped[str] = mapped_column(Text, default="")

    referral: Mapped[Referral] = relationship(back_populates="events")


class FollowUp(Identified, Timestamped, Base):
    """Opvolging: a check or a promise with a due date and an owner."""

    __tablename__ = "followups"
    __table_args__ = (
        Index("ix_followups_status_due", "status", "due"),  # Vandaag's count and page (0013)
        Index("ix_followups_referral_open", "referral_id", "status", "due"),  # a referral's next check (0013)
        # the next check of each referral on Doorverwijzingen: open checks only, first one first (0015)
        Index("ix_followups_open_check", "referral_id", "due", "status",
              sqlite_where=text("status IN ('planned', 'no_answer')")),
    )

    title: Mapped[str] = mapped_column(String(250))
    due: Mapped[dt.date] = mapped_column(Date, index=True)
    owner: Mapped[str] = mapped_column(String(120), default="")
    status: Mapped[str] = mapped_column(String(20), default="planned", index=True)  # domain.followups
    family_id: Mapped[int | None] = mapped_column(
        ForeignKey("families.id", ondelete="CASCADE"), nullable=True, index=True
    )
    referral_id: Mapped[int | None] = mapped_column(
        ForeignKey("referrals.id", ondelete="CASCADE"), nullable=True, index=True
    )
    meeting_uuid: Mapped[str] = mapped_column(String(36), default="", index=True)  # no FK: another capability
    note: Mapped[str] = mapped_column(Text, default="")  # private; never exported
    closed_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)


class ContactAttempt(Identified, Base):
    """One try to reach someone (a kaart contact person, or the family), answered or not."""

    __tablename__ = "contact_attempts"

    at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    channel: Mapped[str] = mapped_column(String(20))  # domain.followups.Channel
    answered: Mapped[bool] = mapped_column(Boolean, default=False)
    note: Mapped[str] = mapped_column(Text, default="")
    kaart_contact_id: Mapped[int | None] = mapped_column(
        ForeignKey("kaart_contacts.id", ondelete="CASCADE"), nullable=True, index=True
    )
    family_id: Mapped[int | None] = mapped_column(
        ForeignKey("families.id", ondelete="CASCADE"), nullable=True, index=True
    )
    followup_id: Mapped[int | None] = mapped_column(
        ForeignKey("followups.id", ondelete="SET NULL"), nullable=True, index=True
    )
    referral_id: Mapped[int | None] = mapped_column(
        ForeignKey("referrals.id", ondelete="SET NULL"), nullable=True, index=True
    )

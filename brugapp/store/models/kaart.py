"""The sociale kaart, shaped on HSDS 3.0 (Open Referral).

Public record: organisations, services, locations (with their address), service-at-location links,
contact persons, phones, weekly schedules, service areas (municipalities) and taxonomy terms.
Private to the brugfiguur, in their own table so no export can pick them up by accident:
experience notes and the Ken-je-buurt colour (``KaartPrivateNote``).

``uuid`` doubles as the HSDS id; ``external_id`` keeps a non-UUID id from an imported file so a
re-import of the same file updates instead of duplicating.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from brugapp.store.base import Base, Identified, Timestamped, new_uuid


class KaartOrganization(Identified, Timestamped, Base):
    __tablename__ = "kaart_organizations"

    external_id: Mapped[str] = mapped_column(String(120), default="", index=True)
    name: Mapped[str] = mapped_column(String(250), index=True)
    alternate_name: Mapped[str] = mapped_column(String(250), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    website: Mapped[str] = mapped_column(String(300), default="")
    # What an imported HSDS file holds that BrugApp does not model (exchange/hsds_extra.py); replaced, never
    # mutated in place, so SQLAlchemy sees the change.
    hsds_extra: Mapped[dict[str, Any] | None] = mapped_column(JSON(none_as_null=True), nullable=True)

    services: Mapped[list[KaartService]] = relationship(back_populates="organization", cascade="all, delete-orphan")
    contacts: Mapped[list[KaartContact]] = relationship(
        back_populates="organization", cascade="all, delete-orphan",
        primaryjoin="KaartContact.organization_id == KaartOrganization.id",
    )
    phones: Mapped[list[KaartPhone]] = relationship(
        cascade="all, delete-orphan", primaryjoin="KaartPhone.organization_id == KaartOrganization.id",
    )
    locations: Mapped[list[KaartLocation]] = relationship(back_populates="organization", cascade="all, delete-orphan")


class KaartService(Identified, Timestamped, Base):
    __tablename__ = "kaart_services"

    organization_id: Mapped[int] = mapped_column(ForeignKey("kaart_organizations.id", ondelete="CASCADE"), index=True)
    external_id: Mapped[str] = mapped_column(String(120), default="", index=True)
    name: Mapped[str] = mapped_column(String(250), index=True)
    alternate_name: Mapped[str] = mapped_column(String(250), default="")
    description: Mapped[str] = mapped_column(Text, default="")  # what they do
    not_offered: Mapped[str] = mapped_column(Text, default="")  # what they do not do
    status: Mapped[str] = mapped_column(String(30), default="active")  # HSDS status
    url: Mapped[str] = mapped_column(String(300), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    target_group: Mapped[str] = mapped_column(Text, default="")  # HSDS eligibility_description
    minimum_age: Mapped[int | None] = mapped_column(Integer, nullable=True)
    maximum_age: Mapped[int | None] = mapped_column(Integer, nullable=True)
    referral_route: Mapped[str] = mapped_column(String(30), default="")  # domain.kaart.REFERRAL_ROUTES
    application_process: Mapped[str] = mapped_column(Text, default="")
    wait_time: Mapped[str] = mapped_column(String(250), default="")
    fees: Mapped[str] = mapped_column(String(250), default="")  # HSDS fees_description
    comes_to_school: Mapped[bool] = mapped_column(Boolean, default=False)
    after_hours_note: Mapped[str] = mapped_column(Text, default="")  # where to go when closed
    assured_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)  # last verified
    hsds_extra: Mapped[dict[str, Any] | None] = mapped_column(JSON(none_as_null=True), nullable=True)  # as above

    organization: Mapped[KaartOrganization] = relationship(back_populates="services")
    phones: Mapped[list[KaartPhone]] = relationship(
        cascade="all, delete-orphan", primaryjoin="KaartPhone.service_id == KaartService.id",
        order_by="KaartPhone.id",
    )
    schedules: Mapped[list[KaartSchedule]] = relationship(cascade="all, delete-orphan", order_by="KaartSchedule.id")
    areas: Mapped[list[KaartServiceArea]] = relationship(cascade="all, delete-orphan", order_by="KaartServiceArea.id")
    terms: Mapped[list[KaartServiceTerm]] = relationship(cascade="all, delete-orphan", order_by="KaartServiceTerm.id")
    at_locations: Mapped[list[KaartServiceAtLocation]] = relationship(cascade="all, delete-orphan")
    contacts: Mapped[list[KaartContact]] = relationship(
        back_populates="service", primaryjoin="KaartContact.service_id == KaartService.id",
    )


class KaartLocation(Identified, Timestamped, Base):
    """A place with its (physical) address; HSDS location + address in one row."""

    __tablename__ = "kaart_locations"

    organization_id: Mapped[int] = mapped_column(ForeignKey("kaart_organizations.id", ondelete="CASCADE"), index=True)
    address_uuid: Mapped[str] = mapped_column(String(36), default=new_uuid)
    name: Mapped[str] = mapped_column(String(250), default="")
    address_1: Mapped[str] = mapped_column(String(250), default="")
    postal_code: Mapped[str] = mapped_column(String(12), default="")
    city: Mapped[str] = mapped_column(String(120), default="", index=True)
    state_province: Mapped[str] = mapped_column(String(120), default="")
    country: Mapped[str] = mapped_column(String(2), default="BE")

    organization: Mapped[KaartOrganization] = relationship(back_populates="locations")


class KaartServiceAtLocation(Base):
    __tablename__ = "kaart_service_locations"
    __table_args__ = (UniqueConstraint("service_id", "location_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), default=new_uuid, unique=True)
    service_id: Mapped[int] = mapped_column(ForeignKey("kaart_services.id", ondelete="CASCADE"), index=True)
    location_id: Mapped[int] = mapped_column(ForeignKey("kaart_locations.id", ondelete="CASCADE"), index=True)

    location: Mapped[KaartLocation] = relationship()


class KaartContact(Identified, Timestamped, Base):
    """A contact person: the fixed face (vast gezicht) of a service, or its backup."""

    __tablename__ = "kaart_contacts"

    organization_id: Mapped[int] = mapped_column(ForeignKey("kaart_organizations.id", ondelete="CASCADE"), index=True)
    service_id: Mapped[int | None] = mapped_column(
        ForeignKey("kaart_services.id", ondelete="SET NULL"), nullable=True, index=True
    )
    name: Mapped[str] = mapped_column(String(200))
    title: Mapped[str] = mapped_column(String(200), default="")  # role
    phone: Mapped[str] = mapped_column(String(60), default="")
    phone_uuid: Mapped[str] = mapped_column(String(36), default=new_uuid)
    email: Mapped[str] = mapped_column(String(200), default="")
    is_backup: Mapped[bool] = mapped_column(Boolean, default=False)

    organization: Mapped[KaartOrganization] = relationship(
        back_populates="contacts", foreign_keys=[organization_id]
    )
    service: Mapped[KaartService | None] = relationship(back_populates="contacts", foreign_keys=[service_id])

    @property
    def role(self) -> str:
        return self.title


class KaartPhone(Identified, Base):
    """A number of an organisation or a service; ``purpose`` "after_hours" is the number for when closed."""

    __tablename__ = "kaart_phones"

    organization_id: Mapped[int | None] = mapped_column(
        ForeignKey("kaart_organizations.id", ondelete="CASCADE"), nullable=True, index=True
    )
    service_id: Mapped[int | None] = mapped_column(
        ForeignKey("kaart_services.id", ondelete="CASCADE"), nullable=True, index=True
    )
    number: Mapped[str] = mapped_column(String(60))
    purpose: Mapped[str] = mapped_column(String(20), default="main")  # main | after_hours
    description: Mapped[str] = mapped_column(String(250), default="")


class KaartSchedule(Identified, Base):
    """A weekly opening period (HSDS schedule, freq WEEKLY): ``byday`` "MO,TU", times "09:00" / "24:00"."""

    __tablename__ = "kaart_schedules"

    service_id: Mapped[int] = mapped_column(ForeignKey("kaart_services.id", ondelete="CASCADE"), index=True)
    byday: Mapped[str] = mapped_column(String(40))
    opens_at: Mapped[str] = mapped_column(String(5))
    closes_at: Mapped[str] = mapped_column(String(5))
    description: Mapped[str] = mapped_column(String(250), default="")


class KaartServiceArea(Identified, Base):
    """A municipality the service works for."""

    __tablename__ = "kaart_service_areas"

    service_id: Mapped[int] = mapped_column(ForeignKey("kaart_services.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(120), index=True)


class KaartServiceTerm(Base):
    """A taxonomy term on a service: a category (``kaart_category``) or a notebook theme (``theme``)."""

    __tablename__ = "kaart_service_terms"
    __table_args__ = (UniqueConstraint("service_id", "vocabulary", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), default=new_uuid, unique=True)  # the HSDS attribute id
    service_id: Mapped[int] = mapped_column(ForeignKey("kaart_services.id", ondelete="CASCADE"), index=True)
    vocabulary: Mapped[str] = mapped_column(String(20))  # kaart_category | theme
    code: Mapped[str] = mapped_column(String(60))


class KaartPrivateNote(Base):
    """The brugfiguur's own view, never exported: Ken-je-buurt colour and experience notes.

    One row per organisation (colour + notes) or per service (notes).
    """

    __tablename__ = "kaart_private_notes"

    id: Mapped[int] = mapped_column(primary_key=True)
    organization_id: Mapped[int | None] = mapped_column(
        ForeignKey("kaart_organizations.id", ondelete="CASCADE"), nullable=True, unique=True
    )
    service_id: Mapped[int | None] = mapped_column(
        ForeignKey("kaart_services.id", ondelete="CASCADE"), nullable=True, unique=True
    )
    colour: Mapped[str] = mapped_column(String(10), default="")  # domain.kaart.COLOURS
    notes: Mapped[str] = mapped_column(Text, default="")

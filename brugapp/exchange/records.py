"""Plain records of the sociale kaart as they travel in and out of files (HSDS, spreadsheets).

One ``ServiceRecord`` is one service with its organisation and everything a school needs. Readers
(``hsds``, ``spreadsheet``) produce them; writers consume them. No private fields exist here, so no
writer can leak them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from brugapp.domain.kaart_record import ServiceFacts


@dataclass
class PhoneRecord:
    number: str
    purpose: str = "main"  # main | after_hours
    description: str = ""
    id: str = ""


@dataclass
class OrganizationRecord:
    name: str
    id: str = ""
    alternate_name: str = ""
    description: str = ""
    email: str = ""
    website: str = ""
    phones: list[PhoneRecord] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)  # untouched HSDS data, see exchange.hsds_extra


@dataclass
class ContactRecord:
    name: str
    title: str = ""
    email: str = ""
    phone: str = ""
    is_backup: bool = False
    id: str = ""
    phone_id: str = ""
    service_level: bool = True  # False: a contact of the organisation, not of this service


@dataclass
class ScheduleRecord:
    byday: str  # "MO,TU,WE"
    opens_at: str  # "09:00"
    closes_at: str  # "17:00" or "24:00"
    description: str = ""
    id: str = ""


@dataclass
class LocationRecord:
    address_1: str = ""
    postal_code: str = ""
    city: str = ""
    name: str = ""
    state_province: str = ""
    country: str = "BE"
    id: str = ""
    address_id: str = ""
    link_id: str = ""  # the service_at_location id


@dataclass(frozen=True, kw_only=True)
class ServiceRecord(ServiceFacts):
    """One service as it travels: its facts (``domain/kaart_record.py``) with its organisation, numbers,
    hours, places, terms and people. Readers build it whole; the lists are filled while reading a file."""

    organization: OrganizationRecord
    name: str
    id: str = ""
    phones: list[PhoneRecord] = field(default_factory=list)
    schedules: list[ScheduleRecord] = field(default_factory=list)
    areas: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)
    contacts: list[ContactRecord] = field(default_factory=list)
    locations: list[LocationRecord] = field(default_factory=list)
    source: str = ""  # "file, row n" for messages
    area_ids: dict[str, str] = field(default_factory=dict)  # area name -> HSDS service_area id
    extra: dict[str, Any] = field(default_factory=dict)  # untouched HSDS data, see exchange.hsds_extra


class FileProblem(ValueError):
    """A file cannot be read; the message is translated and names file, row and column."""

    def __init__(self, message: str, *, file: str = "", row: int | None = None, column: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.file = file
        self.row = row
        self.column = column


def file_problem(text: str, *, file: str, row: int | None = None, column: str = "") -> FileProblem:
    """A FileProblem whose message says where: "services.csv, rij 12, kolom 'status': …"."""
    from brugapp.i18n import _

    if row is not None and column:
        where = _("{file}, row {row}, column '{column}'").format(file=file, row=row, column=column)
    elif row is not None:
        where = _("{file}, row {row}").format(file=file, row=row)
    elif column:
        where = _("{file}, column '{column}'").format(file=file, column=column)
    else:
        where = file
    return FileProblem(f"{where}: {text}", file=file, row=row, column=column)

"""Validation of contact details and typed dates, without I/O. Raise ``ValueError`` with a field-free reason;
the services turn that into a translated ``ValidationError`` naming the field."""

from __future__ import annotations

import datetime as dt
import re

from brugapp.domain.clock import today_local

# Deliberately simple: one @, a dot in the domain, no spaces. Deliverability cannot be checked offline.
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]{2,}$")
_DATE_FORMATS = ("%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y", "%Y-%m-%d")


def normalize_phone(value: str, region: str = "BE") -> str:
    """Return the number in international format (+32 …); '' stays ''. ValueError when invalid."""
    value = value.strip()
    if not value:
        return ""
    import phonenumbers  # start-up time: 0.15 s to import, and only a save with a phone number needs it

    try:
        parsed = phonenumbers.parse(value, region)
    except phonenumbers.NumberParseException as exc:
        raise ValueError(str(exc)) from None
    if not phonenumbers.is_valid_number(parsed):
        raise ValueError("invalid number")
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def normalize_email(value: str) -> str:
    value = value.strip()
    if not value:
        return ""
    if len(value) > 200 or not _EMAIL.match(value):
        raise ValueError("invalid e-mail")
    return value


def parse_date(value: str, *, today: dt.date | None = None) -> dt.date | None:
    """'25-11-2026', '25/11/2026', '2026-11-25', or '+3' (days from today). '' is None. ValueError if impossible."""
    value = value.strip()
    if not value:
        return None
    if re.fullmatch(r"\+\d{1,3}", value):
        return (today or today_local()) + dt.timedelta(days=int(value[1:]))
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    raise ValueError("impossible date")

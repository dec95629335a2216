"""vCard 3.0 (RFC 2426) and 4.0 (RFC 6350) of the map's contact persons, written by hand so both
versions come out exactly as the phone or mail program expects (UTF-8, CRLF, folded lines).

One card per person, however many services they serve (the notes say for which). Phone numbers: 4.0
writes a ``tel:`` URI in international form (``tel:+3256001010``, Belgium when no country is given), 3.0
keeps the number as people read it. The address is the service's, so the card also tells where to go.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import phonenumbers

COUNTRY_NAMES = {"BE": "België", "NL": "Nederland", "FR": "France", "LU": "Luxembourg", "DE": "Deutschland"}


@dataclass(frozen=True)
class Address:
    street: str = ""
    postal_code: str = ""
    city: str = ""
    country: str = "BE"


@dataclass(frozen=True)
class Card:
    uid: str
    name: str
    organization: str
    title: str = ""
    phone: str = ""
    email: str = ""
    note: str = ""  # e.g. "Backup voor Dienst X; vast gezicht voor Dienst Y"
    address: Address | None = None


def _escape(value: str) -> str:
    return (value.replace("\\", "\\\\").replace("\n", "\\n").replace(",", "\\,").replace(";", "\\;"))


def _fold(line: str) -> str:
    """Lines longer than 75 octets continue on the next line after a space (never inside a UTF-8 letter)."""
    out, current = [], ""
    for char in line:
        if len((current + char).encode("utf-8")) > 75:
            out.append(current)
            current = " " + char
        else:
            current += char
    out.append(current)
    return "\r\n".join(out)


def _name_parts(name: str) -> tuple[str, str]:
    parts = name.strip().split(" ", 1)
    return (parts[1], parts[0]) if len(parts) == 2 else (parts[0], "")


def tel_uri(number: str, region: str = "BE") -> str | None:
    """``tel:+3256001010`` (RFC 3966 global number), or None when it is not a phone number."""
    try:
        parsed = phonenumbers.parse(number.strip().strip('"'), region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_possible_number(parsed):
        return None
    return "tel:" + phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def _tel_line(phone: str, version: str) -> str:
    if version == "3.0":
        return f"TEL;TYPE=WORK,VOICE:{phone}"
    uri = tel_uri(phone)
    return f'TEL;VALUE=uri;TYPE="work,voice":{uri}' if uri else f'TEL;VALUE=text;TYPE="work,voice":{_escape(phone)}'


def _adr_line(address: Address, version: str) -> str:
    country = COUNTRY_NAMES.get(address.country or "BE", address.country)
    parts = ";".join(_escape(p) for p in ("", "", address.street, address.city, "", address.postal_code, country))
    return f"ADR;TYPE=work:{parts}" if version == "4.0" else f"ADR;TYPE=WORK:{parts}"


def card_text(card: Card, version: str = "3.0") -> str:
    family, given = _name_parts(card.name)
    lines = ["BEGIN:VCARD", f"VERSION:{version}", f"UID:urn:uuid:{card.uid}", f"FN:{_escape(card.name)}",
             f"N:{_escape(family)};{_escape(given)};;;"]
    if card.organization:
        lines.append(f"ORG:{_escape(card.organization)}")
    if card.title:
        lines.append(f"TITLE:{_escape(card.title)}")
    if card.phone:
        lines.append(_tel_line(card.phone, version))
    if card.email:
        lines.append(f"EMAIL;TYPE=work:{card.email}" if version == "4.0" else f"EMAIL;TYPE=INTERNET,WORK:{card.email}")
    if card.address is not None and (card.address.street or card.address.city):
        lines.append(_adr_line(card.address, version))
    if card.note:
        lines.append(f"NOTE:{_escape(card.note)}")
    lines.append("END:VCARD")
    return "".join(_fold(line) + "\r\n" for line in lines)


def write_cards(cards: Iterable[Card], path: Path, *, version: str = "3.0") -> int:
    if version not in ("3.0", "4.0"):
        raise ValueError(version)
    cards = list(cards)
    path.write_bytes("".join(card_text(c, version) for c in cards).encode("utf-8"))
    return len(cards)

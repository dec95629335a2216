"""vCard 3.0 (RFC 2426) and 4.0 (RFC 6350) of the map's contact persons, written by hand so both
versions come out exactly as the phone or mail program expects (UTF-8, CRLF, folded lines)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Card:
    uid: str
    name: str
    organization: str
    title: str = ""
    phone: str = ""
    email: str = ""
    note: str = ""  # e.g. "Backup voor Dienst X"


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


def card_text(card: Card, version: str = "3.0") -> str:
    family, given = _name_parts(card.name)
    lines = ["BEGIN:VCARD", f"VERSION:{version}", f"UID:urn:uuid:{card.uid}", f"FN:{_escape(card.name)}",
             f"N:{_escape(family)};{_escape(given)};;;"]
    if card.organization:
        lines.append(f"ORG:{_escape(card.organization)}")
    if card.title:
        lines.append(f"TITLE:{_escape(card.title)}")
    if card.phone:
        tel = card.phone.replace(" ", "")
        lines.append(f"TEL;TYPE=work,voice;VALUE=uri:tel:{tel}" if version == "4.0"
                     else f"TEL;TYPE=WORK,VOICE:{card.phone}")
    if card.email:
        lines.append(f"EMAIL;TYPE=work:{card.email}" if version == "4.0" else f"EMAIL;TYPE=INTERNET,WORK:{card.email}")
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

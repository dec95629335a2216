"""What makes a text point at a person: the check behind every "anonymised" text (signals). Pure.

A signal ("huisjesmelker in 5 gezinnen") goes to the local network and into the year report, so it must
not hold anything that leads back to one family:
- a name known in the notebook (a family's name, a member's last name or full name);
- a member's first name: in a school of 300 pupils "Yasmina" is one child;
- a street address: a street followed by a house number ("Kerkstraat 12", "Rue de la Gare 5");
- a phone number (nine digits or more, whatever the separators) or an e-mail address.
``identifying_kind`` answers with the kind found (never the value: the message must not echo it).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum


class Identifying(StrEnum):
    NAME = "name"
    FIRST_NAME = "first_name"
    ADDRESS = "address"
    PHONE = "phone"
    EMAIL = "email"


_EMAIL = re.compile(r"[^\s@<>(),;]+@[^\s@<>(),;]+\.[^\W\d_]{2,}")
# A run of digits with the usual separators; counted as a phone number from nine digits on.
_DIGIT_RUN = re.compile(r"(?:\+|\b00)?\d[\d \t./()-]{6,}\d")
_STREET_WORDS = ("straat", "laan", "weg", "plein", "dreef", "lei", "kaai", "baan", "singel", "pad", "hof",
                 "markt", "vest", "dijk", "kade", "gracht", "steeg", "berg", "veld", "dries", "wegel", "ring")
# "Kerkstraat 12", "Grote Markt 3b", "Sint-Jansstraat 4 bus 2", "rue de la Gare 5", "avenue Louise 12".
_ADDRESS = re.compile(
    rf"\b[^\W\d_][\w'-]*(?:{'|'.join(_STREET_WORDS)})\s+\d{{1,4}}\s?[a-z]?\b"
    r"|\b(?:grote|kleine|oude|nieuwe)\s+(?:markt|weg|baan|dreef|straat)\s+\d{1,4}\b"
    r"|\b(?:rue|avenue|chaussée|place|boulevard|chemin)\s+[^\d\n]{2,40}?\s\d{1,4}\b",
    re.IGNORECASE,
)
MIN_FIRST_NAME = 2


_WORD = re.compile(r"\w+")
MAX_NAME_WORDS = 4


def _words(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(text.casefold()))


def _phrases(text: str) -> set[str]:
    """Every run of 1 to 4 consecutive words, so a name is matched whole ("el amrani"), never inside a word.

    One pass over the text and set look-ups: a store holds tens of thousands of names, a report many texts.
    """
    words = _words(text)
    return {" ".join(words[i:i + n]) for n in range(1, MAX_NAME_WORDS + 1) for i in range(len(words) - n + 1)}


def _normalised(names: Iterable[str], *, minimum: int = 1) -> set[str]:
    return {" ".join(w) for w in map(_words, names) if w and len(" ".join(w)) >= minimum}


@dataclass(frozen=True)
class KnownNames:
    """The notebook's names, normalised once (a report checks many texts against tens of thousands)."""

    names: frozenset[str]
    first_names: frozenset[str]

    @classmethod
    def of(cls, names: Iterable[str] = (), first_names: Iterable[str] = ()) -> KnownNames:
        return cls(frozenset(_normalised(names)), frozenset(_normalised(first_names, minimum=MIN_FIRST_NAME)))


def identifying_kind(text: str, known: KnownNames | None = None) -> Identifying | None:
    """The first kind of identifying detail in ``text`` (see the module docstring), or None."""
    if known is not None:
        phrases = _phrases(text)
        if phrases & known.names:
            return Identifying.NAME
        if phrases & known.first_names:
            return Identifying.FIRST_NAME
    if _EMAIL.search(text):
        return Identifying.EMAIL
    if any(sum(c.isdigit() for c in run.group()) >= 9 for run in _DIGIT_RUN.finditer(text)):
        return Identifying.PHONE
    if _ADDRESS.search(text):
        return Identifying.ADDRESS
    return None

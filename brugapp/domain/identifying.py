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


def _has_word(folded_text: str, word: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(word)}(?!\w)", folded_text) is not None


def identifying_kind(text: str, *, names: Iterable[str] = (), first_names: Iterable[str] = ()) -> Identifying | None:
    """The first kind of identifying detail in ``text`` (see the module docstring), or None."""
    folded = text.casefold()
    if any(_has_word(folded, n.casefold()) for n in names if n.strip()):
        return Identifying.NAME
    if any(_has_word(folded, n.casefold()) for n in first_names if len(n.strip()) >= MIN_FIRST_NAME):
        return Identifying.FIRST_NAME
    if _EMAIL.search(text):
        return Identifying.EMAIL
    if any(sum(c.isdigit() for c in run.group()) >= 9 for run in _DIGIT_RUN.finditer(text)):
        return Identifying.PHONE
    if _ADDRESS.search(text):
        return Identifying.ADDRESS
    return None

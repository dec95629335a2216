"""How strong a chosen passphrase is, in words a non-engineer understands."""

from __future__ import annotations

from dataclasses import dataclass

from brugapp.i18n import N_

MIN_LENGTH = 10


@dataclass(frozen=True)
class Strength:
    score: int  # 0 (refused) .. 3 (strong)
    hint: str  # N_-marked


def passphrase_strength(passphrase: str) -> Strength:
    """Length counts most: a few ordinary words beat a short jumble of symbols."""
    length = len(passphrase)
    words = len(passphrase.split())
    kinds = sum(
        (
            any(c.islower() for c in passphrase),
            any(c.isupper() for c in passphrase),
            any(c.isdigit() for c in passphrase),
            any(not c.isalnum() and not c.isspace() for c in passphrase),
        )
    )
    if length < MIN_LENGTH:
        return Strength(0, N_("Too short: use at least 10 characters, for example three words."))
    if length >= 20 or words >= 4 or (length >= 14 and kinds >= 3):
        return Strength(3, N_("Strong passphrase."))
    if length >= 14 or words >= 3 or kinds >= 3:
        return Strength(2, N_("Good. A few more words make it stronger."))
    return Strength(1, N_("Weak: add a word or two."))

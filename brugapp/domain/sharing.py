"""Sharing levels: who may ever see a note. Consent (domain/consent.py) decides the rest."""

from __future__ import annotations

from enum import StrEnum

from brugapp.domain.vocabulary import Term, Vocabulary
from brugapp.i18n import N_


class SharingLevel(StrEnum):
    PRIVATE = "private"  # the brugfiguur alone; never printed or exported
    STATUS_ONLY = "status_only"  # "stavaza": that something runs and where it stands, no content
    SHAREABLE = "shareable"  # with consent, to the named recipients


SHARING_LEVELS = Vocabulary("sharing_level", [
    Term(SharingLevel.PRIVATE, N_("Private (only me)")),
    Term(SharingLevel.STATUS_ONLY, N_("Status only")),
    Term(SharingLevel.SHAREABLE, N_("Shareable with consent")),
])

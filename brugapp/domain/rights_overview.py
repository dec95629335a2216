"""Rights × consent: which families still miss a benefit, and which of them may be discussed with a recipient.

The rights filter is read here once (CLI ``--right medische-kaart:nee,onbekend``, the *Gezinnen* dialog);
whether a family may be on the list printed for a recipient is the consent rule's answer
(``domain.consent.may_share``), never decided here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from brugapp.domain.notebook import BENEFITS, RIGHT_STATUSES
from brugapp.i18n import _

# What people type: Dutch and English words for the statuses, hyphens or underscores in benefit codes.
STATUS_WORDS = {
    "nee": "no", "no": "no", "onbekend": "unknown", "unknown": "unknown",
    "aangevraagd": "requested", "requested": "requested", "ja": "yes", "yes": "yes",
}
OPEN_STATUSES = ("no", "unknown", "requested")  # what the overview is for: rights not (yet) used


@dataclass(frozen=True)
class RightFilter:
    benefit: str  # domain.notebook.BENEFITS code
    statuses: frozenset[str]  # RIGHT_STATUSES codes
    unchanged_since: dt.date | None = None  # only statuses recorded on or before this day (or never dated)

    def matches(self, status: str, status_on: dt.date | None) -> bool:
        if status not in self.statuses:
            return False
        if self.unchanged_since is None or status_on is None:
            return True
        return status_on <= self.unchanged_since


def parse_right_filter(text: str, *, unchanged_since: dt.date | None = None) -> RightFilter:
    """'medische-kaart:nee,onbekend' -> RightFilter('medische_kaart', {'no', 'unknown'}).

    Without statuses ('medische-kaart') the open ones count: no, unknown, requested. Raises ValueError with a
    translated message that names the wrong part.
    """
    benefit_text, _sep, statuses_text = text.strip().partition(":")
    benefit = benefit_text.strip().casefold().replace("-", "_")
    if benefit not in BENEFITS:
        raise ValueError(_("“{value}” is not a benefit of the rights check. Choose one of: {choices}.").format(
            value=benefit_text, choices=", ".join(c.replace("_", "-") for c in BENEFITS.codes())))
    statuses: set[str] = set()
    for word in (w.strip().casefold() for w in statuses_text.split(",") if w.strip()):
        if word not in STATUS_WORDS:
            raise ValueError(_("“{value}” is not a status. Use nee, onbekend, aangevraagd or ja.").format(value=word))
        statuses.add(STATUS_WORDS[word])
    chosen = frozenset(statuses or OPEN_STATUSES)
    assert all(s in RIGHT_STATUSES for s in chosen)
    return RightFilter(benefit, chosen, unchanged_since)

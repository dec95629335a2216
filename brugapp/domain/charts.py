"""What a chart of the anonymised figures may show: the same "<5" rule as the tables, drawn.

A count of 1–4 is drawn as a pale bar up to the threshold with the label "<5" (so the bar never tells the
exact number); 0 draws nothing; from 5 on the bar is the number. Pure: no I/O, no drawing library.
"""

from __future__ import annotations

from dataclasses import dataclass

from brugapp.domain.reporting import SMALL_COUNT_THRESHOLD, suppress
from brugapp.i18n import N_, _

# Time from the referral to the first appointment, in days: (upper bound inclusive, label msgid).
WAIT_BUCKETS: tuple[tuple[int | None, str], ...] = (
    (7, N_("within a week")),
    (14, N_("8–14 days")),
    (30, N_("15–30 days")),
    (60, N_("31–60 days")),
    (None, N_("more than 60 days")),
)


def wait_bucket(days: int) -> str:
    """The bucket label (msgid) of a waiting time in days."""
    for upper, label in WAIT_BUCKETS:
        if upper is None or days <= upper:
            return label
    raise AssertionError("the last bucket has no upper bound")  # pragma: no cover


@dataclass(frozen=True)
class Bar:
    length: float  # what the bar is drawn to
    label: str  # what is written next to it
    suppressed: bool  # drawn pale: "<5"


def bar(count: int) -> Bar:
    shown = suppress(count, readable=True)  # written beside the bar, for a person
    if shown == "0":
        return Bar(0.0, "0", False)
    if count < SMALL_COUNT_THRESHOLD:
        return Bar(float(SMALL_COUNT_THRESHOLD), shown, True)
    return Bar(float(count), shown, False)


@dataclass(frozen=True)
class Chart:
    """One grouped bar chart: per category this school year's bar and the previous year's beside it."""

    key: str
    title: str  # msgid
    labels: tuple[str, ...]  # msgids (translated when shown)
    current: tuple[int, ...]  # raw counts; shown only through ``bar``
    previous: tuple[int, ...]
    current_year: str  # "2025–2026"
    previous_year: str

    def shown_title(self) -> str:
        return _(self.title)

    def shown_labels(self) -> list[str]:
        return [_(label) for label in self.labels]

    def bars(self) -> list[tuple[Bar, Bar]]:
        return [(bar(c), bar(p)) for c, p in zip(self.current, self.previous, strict=True)]

    @property
    def scale(self) -> float:
        """The longest bar, for the axis (at least the threshold, so a "<5" bar never fills the width)."""
        return max([SMALL_COUNT_THRESHOLD * 2.0, *(b.length for pair in self.bars() for b in pair)])

    @property
    def is_empty(self) -> bool:
        return not any(self.current) and not any(self.previous)

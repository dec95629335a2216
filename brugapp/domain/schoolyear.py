"""The school year (1 September – 31 August): the unit of planning and reporting."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class SchoolYear:
    start_year: int

    @classmethod
    def of(cls, day: dt.date) -> SchoolYear:
        return cls(day.year if day.month >= 9 else day.year - 1)

    @classmethod
    def parse(cls, label: str) -> SchoolYear:
        """Accepts '2025-2026', '2025–2026' and '2025-26'."""
        first, _sep, second = label.replace("–", "-").partition("-")
        start = int(first)
        end = int(second) if len(second) == 4 else (start // 100) * 100 + int(second)
        if end != start + 1:
            raise ValueError(label)
        return cls(start)

    @property
    def first_day(self) -> dt.date:
        return dt.date(self.start_year, 9, 1)

    @property
    def last_day(self) -> dt.date:
        return dt.date(self.start_year + 1, 8, 31)

    def __contains__(self, day: dt.date) -> bool:
        return self.first_day <= day <= self.last_day

    @property
    def label(self) -> str:
        return f"{self.start_year}–{self.start_year + 1}"

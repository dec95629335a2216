"""The access export (GDPR art. 15) as a PDF: everything the notebook holds about one family, readable.

The content comes from ``services/families/access_export.py`` as sections of rows; this module only lays them out.
Unlike every other sheet it is for the family itself, so nothing is filtered by consent: it is their data.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.platypus import Flowable

from brugapp.i18n import _, format_date
from brugapp.printing.document import SheetInfo, heading, key_value_table, para, spacer, styles, write_pdf


@dataclass(frozen=True)
class AccessSection:
    """One kind of record: ``fields`` are the JSON keys, ``header`` their translated labels (same order)."""

    key: str
    title: str
    fields: tuple[str, ...]
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


_ISO = re.compile(r"^(\d{4}-\d{2}-\d{2})(?: (\d{2}:\d{2}))?$")
HIDDEN_ON_PAPER = frozenset({"id"})  # record ids help a JSON reader, not a parent


def readable(value: str) -> str:
    """'2026-11-29 13:00' -> 'zondag 29 november 2026, 13:00': dates as people read them."""
    match = _ISO.match(value)
    if not match:
        return value
    day = format_date(dt.date.fromisoformat(match.group(1)), "full_day")
    return f"{day}, {match.group(2)}" if match.group(2) else day


def _record(section: AccessSection, row: Sequence[str]) -> list[Flowable]:
    pairs = [(label, readable(value)) for key, label, value in zip(section.fields, section.header, row, strict=True)
             if value and key not in HIDDEN_ON_PAPER]
    return [key_value_table(pairs), spacer(3)]


def write_access_pdf(path: Path, *, family_name: str, sections: Sequence[AccessSection], made_on: dt.date) -> Path:
    s = styles()
    story: list[Flowable] = [
        para(_("Everything this notebook holds about {family} on {date}: the family itself, its members, contact "
               "moments, rights check, consents, referrals, follow-ups, meetings, and to whom something was "
               "printed or exported.").format(family=family_name, date=format_date(made_on, "long")), s.subtitle),
        para(_("You may ask to correct what is wrong or to erase what is no longer needed. Ask your "
               "brugfiguur."), s.notice),
    ]
    for section in sections:
        story.append(heading(f"{section.title} ({len(section.rows)})"))
        if not section.rows:
            story.append(para(_("Nothing recorded."), s.small))
        for row in section.rows:
            story.extend(_record(section, row))
    info = SheetInfo(_("What we hold about you: {family}").format(family=family_name),
                     _("For: the family itself"), printed_on=made_on)
    return write_pdf(path, info, story)

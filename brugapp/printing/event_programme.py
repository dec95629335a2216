"""Printed sheets of an event (leerkrachtendag): the programme, and the attendance list per school."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlab.platypus import Flowable

from brugapp.i18n import _, format_date, format_time
from brugapp.printing.document import (
    SheetInfo,
    grid_table,
    heading,
    key_value_table,
    para,
    spacer,
    styles,
    subheading,
    write_pdf,
)


def _head(event: Any) -> list[Flowable]:
    rows = [(_("When"), format_date(event.day, "full_day"))]
    if event.place:
        rows.append((_("Where"), event.place))
    story: list[Flowable] = [para(event.title, styles().subtitle), key_value_table(rows)]
    if event.notes:
        story.append(para(event.notes))
    return story


def write_programme(path: Path, event: Any) -> Path:
    """The programme that goes to the schools: time slots, sessions, rooms and speakers."""
    story = _head(event)
    story.append(heading(_("Programme")))
    if event.sessions:
        rows = [[f"{format_time(s.starts)}–{format_time(s.ends)}", s.kind_label, s.title, s.room or "–",
                 s.speaker or "–"] for s in event.sessions]
        story.append(grid_table([_("Time"), _("Kind"), _("Session"), _("Room"), _("Speaker")], rows,
                                widths_mm=(28, 30, 56, 26, 34)))
    else:
        story.append(para(_("The programme is not filled in yet."), styles().small))
    info = SheetInfo(title=_("Programme"), audience=_("For: the invited schools"), confidential=False)
    return write_pdf(path, info, story)


ROW_HEIGHT_MM = 10  # room to write a name and sign (at least 9 mm)
SPARE_ROWS = 2  # per school, for colleagues who come without registering
WALK_IN_ROWS = 6


def _sign_table(lines: int) -> Flowable:
    """Empty rows to fill in by hand; the school column is for a colleague of another school or campus."""
    header = [_("Name"), _("School"), _("Function"), _("Signature")]
    return grid_table(header, [["", "", "", ""] for _line in range(lines)], widths_mm=(56, 42, 34, 42),
                      row_height_mm=ROW_HEIGHT_MM)


def write_attendance_list(path: Path, event: Any, *, blank_lines: int = 3) -> Path:
    """A list to sign at the door: per invited school a block of rows (registrations plus spare rows), then
    rows for walk-ins. The school's name and its count stand above its block, separated by a dot."""
    story = _head(event)  # the title already says "Aanwezigheidslijst": no second heading
    story.append(para(_("Write your name and function and sign on a line of your school."), styles().notice))
    for school in event.schools:
        registered = _("registered: {count}").format(count=school.registered) if school.registered else ""
        story.append(spacer(2))
        story.append(subheading(" · ".join(part for part in (school.school, registered) if part)))
        story.append(_sign_table(max(blank_lines, school.registered) + SPARE_ROWS))
    if not event.schools:
        story.append(para(_("No schools are invited yet."), styles().small))
    story += [spacer(2), subheading(_("Not registered")), _sign_table(WALK_IN_ROWS)]
    info = SheetInfo(title=_("Attendance list"), audience=_("For: the organisers of the day"))
    return write_pdf(path, info, story)

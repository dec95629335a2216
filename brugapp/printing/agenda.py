"""The printed agenda of a meeting, for one audience (internal, network or school).

Built from a ``services.agenda.MeetingSheet`` that is already filtered for its audience: this module
only lays out what it is given.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable

from brugapp.domain import meetings as rules
from brugapp.domain.clock import to_local
from brugapp.domain.parent_contact import ParentContact
from brugapp.i18n import _, format_date, format_time
from brugapp.printing.document import (
    SheetInfo,
    grid_table,
    heading,
    keep,
    key_value_table,
    para,
    spacer,
    styles,
    subheading,
    write_pdf,
)
from brugapp.printing.parent_contact import contact_line


def _due(day: dt.date | None) -> str:
    return format_date(day, "medium") if day else "–"


def sheet_info(sheet: Any, title: str) -> SheetInfo:
    return SheetInfo(title=title, audience=_(rules.AUDIENCE_FOOTERS[rules.Audience(sheet.audience)]))


def _family_contact_rows(sheet: Any) -> list[tuple[str, str]]:
    """The school version: whom to call in each family it names (one family: no need to repeat its name)."""
    contacts: list[tuple[str, ParentContact]] = list(getattr(sheet, "family_contacts", ()))
    if len(contacts) == 1:
        return [(_("Parent to contact"), contact_line(contacts[0][1]))]
    return [(_("Parent to contact"), f"{family}: {contact_line(person)}") for family, person in contacts]


def details(sheet: Any) -> list[Flowable]:
    """Type, when, where, who coordinates, interpreter, families, notices: the head of agenda and minutes."""
    local = to_local(sheet.starts_at)
    end = local + dt.timedelta(minutes=sheet.duration_minutes)
    when = _("{day}, {start}–{end}").format(day=format_date(local.date(), "full_day"), start=format_time(local),
                                           end=format_time(end))
    rows = [(_("Meeting"), sheet.type_label), (_("When"), when), (_("Where"), sheet.place)]
    if sheet.series_name:
        series = sheet.series_name
        if sheet.ordinal_in_school_year:
            series = _("{series} – meeting {number} of this school year").format(
                series=series, number=sheet.ordinal_in_school_year)
        rows.append((_("Series"), series))
    if sheet.families:
        rows.append((_("About"), ", ".join(sheet.families)))
    rows += _family_contact_rows(sheet)
    rows.append((_("Coordinator (regiehouder)"), sheet.regiehouder or _("not chosen yet")))
    rows.append((_("Interpreter"), sheet.interpreter))
    if getattr(sheet, "prepared_by", ""):
        rows.append((_("Prepared by"), sheet.prepared_by))
    if sheet.families:
        rows.append((_("Youth present"), sheet.youth_present))
        rows.append((_("Parents present"), sheet.parents_present))
    story: list[Flowable] = [para(sheet.title, styles().subtitle), key_value_table(rows)]
    for notice in sheet.notices:
        story.append(para(notice, styles().notice))
    return story


def participants(sheet: Any, *, with_attendance: bool) -> list[Flowable]:
    if not sheet.participants:
        return []
    header = [_("Name"), _("Role"), _("Organisation")]
    rows = []
    for p in sheet.participants:
        name = p.name + (" – " + _("coordinator") if p.is_regiehouder else "")
        row = [name, p.role, p.organisation or "–"]
        if with_attendance:
            row.append(p.attendance)
        rows.append(row)
    if with_attendance:
        header.append(_("Attendance"))
    widths = (50, 44, 46, 34) if with_attendance else (60, 60, 54)
    return [heading(_("Participants and roles")), grid_table(header, rows, widths_mm=widths)]


def action_table(actions: Any, *, show_origin: bool = False) -> Flowable:
    header = [_("What"), _("Who"), _("By when")]
    if show_origin:
        header.append(_("From the meeting of"))
        rows = [[a.what, a.owner, _due(a.due), format_date(a.meeting_date, "medium")] for a in actions]
        return grid_table(header, rows, widths_mm=(78, 40, 28, 28))
    rows = [[a.what, a.owner, _due(a.due)] for a in actions]
    return grid_table(header, rows, widths_mm=(95, 45, 34))


def item_title(number: int, title: str, *, alone: bool = False) -> Flowable:
    """The numbered title of an agenda item; it stays on the page of what follows it. An item with nothing
    under it is a line of the agenda, not a heading: it may end a page."""
    if alone:
        return para(f"{number}. {title}", ParagraphStyle("item", parent=styles().subheading, keepWithNext=0))
    return subheading(f"{number}. {title}")


def write_agenda(path: Path, sheet: Any) -> Path:
    story: list[Flowable] = [*details(sheet), *participants(sheet, with_attendance=False)]
    blocks: list[list[Flowable]] = []
    for item in sheet.items:
        block: list[Flowable] = [item_title(item.number, item.title)]
        if item.code == rules.PREVIOUS_ACTIONS:
            if sheet.previous_actions:
                block.append(action_table(sheet.previous_actions, show_origin=True))
            else:
                block.append(para(_("No open action points from earlier meetings."), styles().small))
        elif item.code == rules.NEXT_DATE and sheet.next_date:
            block.append(para(_("Proposed: {date}").format(date=format_date(sheet.next_date, "full_day"))))
        elif item.hint:
            block.append(para(item.hint, styles().small))
        if len(block) == 1:
            block = [item_title(item.number, item.title, alone=True)]
        blocks.append(block)
    if len(blocks) >= 2:  # the last page never holds one agenda item alone
        blocks[-2:] = [[*blocks[-2], spacer(1.5), *blocks[-1]]]
    # The heading goes inside the first block: reportlab keeps a heading with a paragraph, not with a block.
    blocks = [[heading(_("Agenda")), *blocks[0]], *blocks[1:]] if blocks else [[heading(_("Agenda"))]]
    for block in blocks:
        story += [keep(block), spacer(1.5)]
    if sheet.next_date and not any(item.code == rules.NEXT_DATE for item in sheet.items):
        story += [heading(_("Next date")), para(format_date(sheet.next_date, "full_day"))]
    return write_pdf(path, sheet_info(sheet, _("Agenda")), story)

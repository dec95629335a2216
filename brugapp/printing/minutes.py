"""The printed minutes (verslag): per item notes and decisions, one table of action points, the next date.

A reader wants what was said and who does what by when. So an item where nothing was noted takes no room
(one line lists them), the action points of this meeting stand in exactly one table (with the item they
came from), and the next date is said once, under its own item.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlab.platypus import Flowable

from brugapp.domain import meetings as rules
from brugapp.i18n import _, format_date
from brugapp.printing.agenda import action_table, details, item_title, participants, sheet_info
from brugapp.printing.document import (
    empty_table_note,
    grid_table,
    heading,
    keep,
    para,
    spacer,
    styles,
    write_pdf,
)


def _due(action: Any) -> str:
    return format_date(action.due, "medium") if action.due else "–"


def _actions_of_meeting(sheet: Any) -> Flowable:
    """All action points of this meeting in one table; the item number says where each came from."""
    rows = []
    for item in sheet.items:
        for action in item.actions:
            origin = "" if item.code == rules.ACTIONS else str(item.number)
            rows.append([action.what, action.owner, _due(action), origin])
    if not rows:
        return empty_table_note(_("No action points were agreed."))
    if not any(row[3] for row in rows):  # all under the actions item: no column saying so
        return grid_table([_("What"), _("Who"), _("By when")], [row[:3] for row in rows], widths_mm=(100, 46, 28))
    return grid_table([_("What"), _("Who"), _("By when"), _("Item")], rows, widths_mm=(90, 44, 26, 14))


def _has_content(item: Any, sheet: Any) -> bool:
    if item.notes or item.decisions:
        return True
    if item.code == rules.ACTIONS:
        return True  # the one action table stands here
    if item.code == rules.PREVIOUS_ACTIONS:
        return bool(sheet.previous_actions)
    return item.code == rules.NEXT_DATE and sheet.next_date is not None


def _item_story(item: Any, sheet: Any) -> list[Flowable]:
    block: list[Flowable] = [item_title(item.number, item.title)]
    if item.code == rules.PREVIOUS_ACTIONS and sheet.previous_actions:
        block.append(para(_("Still open:"), styles().small))
        block.append(action_table(sheet.previous_actions, show_origin=True))
    if item.notes:
        block.append(para(item.notes))
    if item.decisions:
        block.append(para(_("Decided: {decisions}").format(decisions=item.decisions)))
    if item.code == rules.ACTIONS:
        block.append(_actions_of_meeting(sheet))
    if item.code == rules.NEXT_DATE and sheet.next_date:
        block.append(para(_("Proposed: {date}").format(date=format_date(sheet.next_date, "full_day"))))
    return [*block, spacer(1.5)]


def write_minutes(path: Path, sheet: Any) -> Path:
    story: list[Flowable] = [*details(sheet), *participants(sheet, with_attendance=True), heading(_("Minutes"))]
    quiet = [item for item in sheet.items if not _has_content(item, sheet)]
    if quiet:
        story.append(para(_("Nothing noted under: {items}").format(
            items=", ".join(f"{item.number}. {item.title}" for item in quiet)), styles().small))
    blocks = [_item_story(item, sheet) for item in sheet.items if _has_content(item, sheet)]
    if len(blocks) >= 2:  # the last page never holds the next date alone: it goes with the item before it
        blocks[-2:] = [[keep([*blocks[-2], *blocks[-1]])]]
    for block in blocks:
        story += block
    if not any(item.code == rules.ACTIONS for item in sheet.items):
        story += [heading(_("Action points")), _actions_of_meeting(sheet)]
    if sheet.next_date and not any(item.code == rules.NEXT_DATE for item in sheet.items):
        story += [heading(_("Next date")), para(_("Proposed: {date}").format(
            date=format_date(sheet.next_date, "full_day")))]
    return write_pdf(path, sheet_info(sheet, _("Minutes")), story)

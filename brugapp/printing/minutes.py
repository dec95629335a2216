"""The printed minutes (verslag) of a meeting: per item notes, decisions and action points."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlab.platypus import Flowable

from brugapp.domain import meetings as rules
from brugapp.i18n import _, format_date
from brugapp.printing.agenda import action_table, details, item_title, participants, sheet_info
from brugapp.printing.document import heading, para, spacer, styles, write_pdf


def write_minutes(path: Path, sheet: Any) -> Path:
    story: list[Flowable] = [*details(sheet), *participants(sheet, with_attendance=True), heading(_("Minutes"))]
    all_actions = []
    for item in sheet.items:
        story.append(item_title(item.number, item.title))
        if item.code == rules.PREVIOUS_ACTIONS and sheet.previous_actions:
            story.append(para(_("Still open:"), styles().small))
            story.append(action_table(sheet.previous_actions, show_origin=True))
        if item.notes:
            story.append(para(item.notes))
        if item.decisions:
            story.append(para(_("Decided: {decisions}").format(decisions=item.decisions)))
        if item.actions:
            all_actions.extend(item.actions)
            story.append(action_table(item.actions))
        if not (item.notes or item.decisions or item.actions):
            story.append(para(_("Nothing noted."), styles().small))
        story.append(spacer(1.5))
    if all_actions:
        story += [heading(_("All action points of this meeting")), action_table(all_actions)]
    if sheet.next_date:
        story += [heading(_("Next date")), para(_("Proposed: {date}").format(
            date=format_date(sheet.next_date, "full_day")))]
    return write_pdf(path, sheet_info(sheet, _("Minutes")), story)

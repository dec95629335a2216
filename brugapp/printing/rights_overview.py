"""The list of families to discuss with one recipient (OCMW, CAW …) about one benefit.

Only the families on ``RightsOverview.printable`` go on paper: those whose consent covers the recipient.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.platypus import Flowable

from brugapp.domain.consent import PURPOSES
from brugapp.domain.notebook import BENEFITS, RIGHT_STATUSES
from brugapp.i18n import _, format_date, ngettext
from brugapp.printing.document import SheetInfo, grid_table, para, spacer, styles, write_pdf
from brugapp.services.reporting.rights_overview import RightsOverview


def rights_list_title(overview: RightsOverview) -> str:
    return _("Families to discuss: {benefit}").format(benefit=BENEFITS.label(overview.right.benefit))


def write_rights_list_pdf(overview: RightsOverview, path: Path) -> Path:
    s = styles()
    statuses = ", ".join(RIGHT_STATUSES.label(code) for code in RIGHT_STATUSES.codes()
                         if code in overview.right.statuses)
    story: list[Flowable] = [
        para(_("For {recipient} · purpose: {purpose} · {date}").format(
            recipient=overview.recipient_label, purpose=PURPOSES.label(overview.purpose),
            date=format_date(overview.on, "long")), s.subtitle),
        para(_("Families whose rights check reads: {statuses}. Only families that gave consent for this "
               "recipient and purpose are on this list.").format(statuses=statuses), s.notice),
    ]
    rows = [[r.family_name, RIGHT_STATUSES.label(r.status), format_date(r.status_on, "short") if r.status_on else "–"]
            for r in overview.printable]
    if rows:
        story.append(grid_table([_("Family"), _("Status"), _("Since")], rows, widths_mm=[95, 45, 34]))
    else:
        story.append(para(_("No family on this list: none of the matching families gave consent for this "
                            "recipient and purpose."), s.body))
    story.append(spacer(3))
    story.append(para(ngettext("{n} family on this list.", "{n} families on this list.", len(rows)).format(
        n=len(rows)), s.small))
    info = SheetInfo(title=rights_list_title(overview), audience=_("For: {recipient}").format(
        recipient=overview.recipient_label), printed_on=overview.on)
    return write_pdf(path, info, story)

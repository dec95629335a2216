"""The overdrachtsfiche for the receiving school: full (consent to share details) or status only.

Built from a ``TransferSheetData`` that the service already filtered by consent and disclosure: this module only
lays it out. The parent's contact is always on it; so is whom to call at the brugfiguur's side.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from reportlab.platypus import Flowable

from brugapp.domain.notebook import MEMBER_ROLES, SCHOOL_CONTACT_ROLES
from brugapp.domain.referrals import STATUSES
from brugapp.domain.situations import SITUATION_KINDS
from brugapp.i18n import _, format_date
from brugapp.printing.document import SheetInfo, grid_table, heading, key_value_table, para, spacer, styles, write_pdf
from brugapp.printing.parent_contact import contact_line

if TYPE_CHECKING:
    from brugapp.services.families.transfer import TransferSheetData


def _day(value: object) -> str:
    return format_date(value, "long") if value else "–"  # type: ignore[arg-type]


def _school_part(data: TransferSheetData) -> list[Flowable]:
    rows = [(_("Pupil"), data.child_name), (_("Class"), data.class_name or "–"),
            (_("At this school since"), _day(data.started_on))]
    rows += [(_("Previous school"), _("{school} (until {date})").format(school=s.school_label, date=_day(s.until_on))
              if s.from_on is None else f"{s.school_label} ({_day(s.from_on)} – {_day(s.until_on)})")
             for s in data.previous_schools]
    parts: list[Flowable] = [heading(_("The pupil")), key_value_table(rows)]
    if data.school_contacts:
        parts.append(heading(_("Receiving school: {school}").format(school=data.school_label)))
        # Phone and e-mail share a column, one per line: a long school address never breaks a number.
        parts.append(grid_table([_("Role"), _("Name"), _("Phone and e-mail")],
                                [[SCHOOL_CONTACT_ROLES.label(r), n, "\n".join(x for x in (p, e) if x) or "–"]
                                 for r, n, p, e in data.school_contacts], widths_mm=[40, 58, 76]))
    return parts


def _contact_part(data: TransferSheetData) -> list[Flowable]:
    rows = [(MEMBER_ROLES.label(parent.role), contact_line(parent)) for parent in data.parents]
    sender = ", ".join(x for x in (data.sender_name, data.sender_phone, data.sender_email) if x)
    if sender:
        rows.append((_("Brugfiguur"), sender))
    return [heading(_("Whom to contact")), key_value_table(rows or [(_("Parent"), "–")])]


def _services_part(data: TransferSheetData) -> list[Flowable]:
    s = styles()
    parts: list[Flowable] = [heading(_("Support that is running"))]
    if not data.services:
        return [*parts, para(_("No support from a service is running."), s.body)]
    if data.status_only:
        rows = [[_("A service is involved"), STATUSES.label(status)] for _service, status, _q in data.services]
        return [*parts, grid_table([_("Support"), _("Where it stands")], rows, widths_mm=[110, 64])]
    rows = [[service or "–", STATUSES.label(status), question or "–"] for service, status, question in data.services]
    return [*parts, grid_table([_("Service"), _("Where it stands"), _("Question")], rows, widths_mm=[55, 35, 84])]


def _situations_part(data: TransferSheetData) -> list[Flowable]:
    if not data.situations:
        return []
    rows = [[SITUATION_KINDS.label(kind), description or "–",
             _("{start} – {end}").format(start=_day(start), end=_day(end) if end else _("now"))]
            for kind, description, start, end in data.situations]
    return [heading(_("To take into account")),
            grid_table([_("Situation"), _("Details"), _("Period")], rows, widths_mm=[45, 63, 66])]


def write_transfer_sheet(path: Path, data: TransferSheetData) -> Path:
    s = styles()
    title = _("Transfer sheet – status only") if data.status_only else _("Transfer sheet")
    intro = (_("Only where support stands and whom to call: the family agreed to share the status with this school.")
             if data.status_only else
             _("Only what the parents (or the youth) agreed to share with this school. Need to know: ask the "
               "parents or the brugfiguur before passing it on."))
    story: list[Flowable] = [
        para(_("For {school} · {date}").format(school=data.school_label, date=_day(data.printed_on)), s.subtitle),
        para(intro, s.notice), *_school_part(data), *_contact_part(data), *_services_part(data),
        *_situations_part(data), spacer(2),
    ]
    info = SheetInfo(title=title, audience=_("For: {school} – only what is needed").format(school=data.school_label),
                     printed_on=data.printed_on)
    return write_pdf(path, info, story)

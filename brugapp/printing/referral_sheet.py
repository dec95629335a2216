"""The referral sheet (doorverwijsfiche) and its status-only version for a school.

The sheet carries only what the consent decision covers for this recipient: every field asks
``domain.consent.fields_allowed``. The service layer refuses the print before it gets here when there is
no consent; this module never decides that itself.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from brugapp.domain.clock import BRUSSELS
from brugapp.domain.consent import GIVERS, METHODS, PURPOSES, ConsentDecision, SheetField, fields_allowed
from brugapp.domain.kept_back import mentions_kept_back
from brugapp.domain.parent_contact import ParentContact, may_give_parent_contact
from brugapp.domain.referrals import INTENSITIES, STATUSES
from brugapp.i18n import _, format_date, format_time
from brugapp.printing.document import (
    FONT,
    INK,
    MIN_LABEL_PT,
    SheetInfo,
    heading,
    keep,
    key_value_table,
    para,
    spacer,
    styles,
    text,
    write_pdf,
)
from brugapp.printing.parent_contact import contact_rows

LOCAL_ZONE = BRUSSELS  # the one time rule: domain/clock.py


@dataclass(frozen=True)
class FamilyContact:
    """Whom in the family to contact and how (built by ``services/referrals/sheet.py``)."""

    person: ParentContact | None = None  # None: no parent or guardian may be named on this sheet
    language: str = ""  # "Arabisch", in the language of the sheet
    interpreter_needed: bool = False
    # What the family keeps from this recipient's audience, as items (domain/kept_back.py): a free text that
    # mentions one stays off the sheet, also when no consent's "niet doorgeven" names it (a situation kept
    # from the school).
    kept_back: tuple[str, ...] = ()


@dataclass(frozen=True)
class ReferralSheetData:
    family_name: str
    recipient_label: str
    service_label: str
    contact_name: str
    contact_phone: str
    contact_email: str
    status: str  # domain.referrals.Status code
    status_since: dt.date | None
    appointment_at: dt.datetime | None
    next_check: dt.date | None
    intensity: str
    referred_on: dt.date
    urgent: bool
    question: str
    tried: str
    sharing: str  # the sharing level of question / tried / feedback
    feedback_on: dt.date | None
    feedback_text: str
    sender_name: str
    sender_phone: str
    sender_email: str
    decision: ConsentDecision
    status_only: bool
    sender_organisation: str = ""
    sender_role: str = ""
    family_contact: FamilyContact | None = None  # printed as domain.parent_contact.may_give_parent_contact says


def _when(moment: dt.datetime) -> str:
    local = moment.astimezone(LOCAL_ZONE)
    return _("{date} at {time}").format(date=format_date(local.date(), "full_day"), time=format_time(local))


def consent_line(decision: ConsentDecision) -> str:
    """'Consent given by Parent (Oral) on …, valid until …, for: …' — never what was withheld."""
    fact = decision.consent
    if fact is None:
        return ""
    if fact.method == "override":
        return _(decision.reason)
    giver = GIVERS.label(fact.given_by)
    if fact.given_by_name:
        giver = f"{giver} {fact.given_by_name}"
    line = _("Consent given by {giver} ({method}) on {date}, for: {purposes}.").format(
        giver=giver, method=METHODS.label(fact.method),
        date=format_date(fact.given_on, "long"),
        purposes=", ".join(PURPOSES.label(p) for p in sorted(fact.purposes)),
    )
    if fact.valid_until is not None:
        line += " " + _("Valid until {date}.").format(date=format_date(fact.valid_until, "long"))
    return line


def _sender_rows(data: ReferralSheetData) -> list[tuple[str, str]]:
    """The brugfiguur who sends it (Instellingen → Mijn gegevens); a blank line to fill in by hand if missing."""
    blank = "……………………………………"
    return [
        (_("Name"), data.sender_name or blank),
        (_("Role"), data.sender_role or _("bridge figure")),
        (_("Organisation"), data.sender_organisation or blank),
        (_("Phone"), data.sender_phone or blank),
        (_("E-mail"), data.sender_email or blank),
    ]


def _family_contact_story(data: ReferralSheetData) -> list[Flowable]:
    """Whom in the family to call; the status-only version (for a school) gives the person only, no language."""
    contact = data.family_contact
    if (contact is None or contact.person is None
            or not may_give_parent_contact(data.decision, status_only=data.status_only)):
        return []
    rows = contact_rows(contact.person)
    if not data.status_only:
        if contact.language:
            rows.append((_("Language"), contact.language))
        rows.append((_("Interpreter"), _("needed") if contact.interpreter_needed else _("not needed")))
    return [heading(_("Contact with the family")), key_value_table(rows, key_width_mm=28)]


def side_by_side(left: list[Flowable], right: list[Flowable]) -> Flowable:
    """Two short blocks next to each other (sender | family), so the sheet keeps to one page."""
    if not right:
        return keep(left) if left else spacer(0)
    table = Table([[left or "", right]], colWidths=[90 * mm, 84 * mm], hAlign="LEFT")
    table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), FONT), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 6)]))
    return table


def _signer(decision: ConsentDecision) -> str:
    """Who signs for the family: whoever gave the consent ("Ouder Karim Haddad"), else "the parent"."""
    fact = decision.consent
    if fact is None or fact.method == "override":
        return _("the parent")
    return " ".join(p for p in (GIVERS.label(fact.given_by), fact.given_by_name) if p)


def signature_block(left: str, right: str) -> Flowable:
    """Two boxes to sign in, with a line for name and date: paper a service files."""
    label = ParagraphStyle("sign", parent=styles().small, textColor=INK, fontName=FONT, fontSize=MIN_LABEL_PT)
    cells = [[Paragraph(text(left), label), Paragraph(text(right), label)],
             [Paragraph(text(_("Name and date:")), label), Paragraph(text(_("Name and date:")), label)]]
    table = Table(cells, colWidths=[85 * mm, 85 * mm], rowHeights=[20 * mm, 9 * mm], hAlign="LEFT")
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), FONT),
        ("BOX", (0, 0), (0, -1), 0.6, INK),
        ("BOX", (1, 0), (1, -1), 0.6, INK),
        ("VALIGN", (0, 0), (-1, 0), "TOP"),
        ("VALIGN", (0, 1), (-1, 1), "MIDDLE"),
        ("LINEABOVE", (0, 1), (-1, 1), 0.3, INK),
    ]))
    return table


def _allowed(data: ReferralSheetData, field: str, value: str = "") -> bool:
    if data.status_only and field not in (SheetField.STATUS, SheetField.CONTACT):
        return False
    level = data.sharing if field in (SheetField.QUESTION, SheetField.TRIED, SheetField.NOTES) else "shareable"
    kept_back = data.family_contact.kept_back if data.family_contact else ()
    if value and mentions_kept_back(value, kept_back):
        return False
    return fields_allowed(data.decision, field, sharing_level=level, value=value)


def _status_rows(data: ReferralSheetData) -> list[tuple[str, str]]:
    rows = [(_("Where it stands"), STATUSES.label(data.status))]
    if data.status_since is not None:
        rows.append((_("Since"), format_date(data.status_since, "long")))
    if data.next_check is not None:
        rows.append((_("Next check by the bridge figure"), format_date(data.next_check, "long")))
    return rows


def status_story(data: ReferralSheetData) -> list[Flowable]:
    """The school's version: that help is running, where it stands, whom to call. No content."""
    s = styles()
    story: list[Flowable] = [
        para(_("About: {family}").format(family=data.family_name), s.subtitle),
        para(_("A service outside the school is involved. This sheet tells you only where it stands and whom to "
               "call; the content stays with the family and the service."), s.notice),
    ]
    if _allowed(data, SheetField.STATUS):
        story += [heading(_("Where does it stand?")), key_value_table(_status_rows(data))]
    if _allowed(data, SheetField.CONTACT):
        story += [heading(_("Questions? Call the bridge figure")), key_value_table(_sender_rows(data))]
    return story + _family_contact_story(data)


def full_story(data: ReferralSheetData) -> list[Flowable]:
    s = styles()
    story: list[Flowable] = [para(_("About: {family}").format(family=data.family_name), s.subtitle)]
    if data.urgent:
        story.append(para(_("Urgent: the service was asked to act on {date}.").format(
            date=format_date(data.referred_on, "full_day")), s.notice))
    sender = ([heading(_("Sent by")), key_value_table(_sender_rows(data), key_width_mm=24)]
              if _allowed(data, SheetField.CONTACT) else [])
    story.append(side_by_side(sender, _family_contact_story(data)))
    if _allowed(data, SheetField.STATUS):
        rows = [
            (_("Referred to"), data.service_label),
            (_("Referred on"), format_date(data.referred_on, "long")),
            (_("How warm"), INTENSITIES.label(data.intensity)),
            *_status_rows(data),
        ]
        if data.appointment_at is not None:
            rows.append((_("Appointment"), _when(data.appointment_at)))
        story += [heading(_("The referral")), key_value_table(rows)]
    if _allowed(data, SheetField.CONTACT) and (data.contact_name or data.contact_phone):
        rows = [(_("Contact person"), data.contact_name)]
        if data.contact_phone:
            rows.append((_("Phone"), data.contact_phone))
        if data.contact_email:
            rows.append((_("E-mail"), data.contact_email))
        story += [heading(_("Contact at the service")), key_value_table(rows)]
    if data.question and _allowed(data, SheetField.QUESTION, data.question):
        story += [heading(_("The question")), para(data.question)]
    if data.tried and _allowed(data, SheetField.TRIED, data.tried):
        story += [heading(_("What has been tried")), para(data.tried)]
    if data.feedback_text and _allowed(data, SheetField.NOTES, data.feedback_text):
        when = format_date(data.feedback_on, "long") if data.feedback_on else ""
        story += [heading(_("Latest news (stavaza) {date}").format(date=when).strip()), para(data.feedback_text)]
    return story


def write_referral_sheet(path: Path, data: ReferralSheetData, *, printed_on: dt.date | None = None) -> Path:
    """Write the sheet; the audience line in the footer names the recipient."""
    if not data.decision.allowed:
        raise PermissionError(data.decision.reason)  # the service refuses first; this is the last guard
    story = status_story(data) if data.status_only else full_story(data)
    line = consent_line(data.decision)
    if line:
        story += [spacer(3), heading(_("Consent")), para(line, styles().small)]
    if not data.status_only:
        story += [spacer(4), keep([heading(_("Signatures")), signature_block(
            _("The bridge figure"), _("For agreement: {who}").format(who=_signer(data.decision)))])]
    title = _("Where does it stand? (status only)") if data.status_only else _("Referral sheet")
    # Kept short: the shared footer does not wrap, and the title already says "status only".
    audience = _("For: {recipient}").format(recipient=data.recipient_label)
    return write_pdf(path, SheetInfo(title, audience, printed_on=printed_on, author=data.sender_name), story)

"""The audit trail: one way in (``record_audit``), and reading and checking it for the CLI and the GUI.

Every print, export, override, deletion, erasure, restore and failed unlock is one entry: what kind of record,
its UUID, for whom, a short detail. Never the content. The chain itself lives in ``store/audit_chain.py``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from brugapp.i18n import N_, _, ngettext
from brugapp.store import Store
from brugapp.store.audit_chain import ChainBreak, append_entry, chain_rows, verify_chain

LOCAL_ZONE = ZoneInfo("Europe/Brussels")

ACTION_LABELS = {
    "print": N_("print"),
    "export": N_("export"),
    "override": N_("override of consent"),
    "import": N_("import"),
    "backup": N_("backup"),
    "delete": N_("deletion"),
    "erase": N_("erasure"),
    "restore": N_("restore from a backup"),
    "failed_unlock": N_("wrong passphrase typed"),
    "passphrase": N_("passphrase changed"),
    "merge": N_("figures files merged"),
}

# What the entry is about; a code with a suffix (``kaart:csv``) shows the label of its first part.
SUBJECT_LABELS = {
    "calendar": N_("calendar file"),
    "contact_moment": N_("contact moment"),
    "event_attendance": N_("attendance list"),
    "event_programme": N_("event programme"),
    "family_member": N_("family member"),
    "kaart": N_("sociale kaart"),
    "meeting": N_("meeting"),
    "meeting_agenda": N_("meeting agenda"),
    "meeting_invitation": N_("meeting invitation"),
    "meeting_minutes": N_("minutes"),
    "programme_figures": N_("figures file (programme report)"),
    "programme_report": N_("programme report"),
    "referral": N_("referral"),
    "rights_overview": N_("rights and consent list"),
    "school": N_("school"),
    "school_questions": N_("questions at our school"),
    "store": N_("notebook"),
    "transfer_sheet": N_("transfer sheet"),
    "year_report": N_("year report"),
}

BREAK_MESSAGES = {
    "changed": N_("Entry {number} was changed after it was written."),
    "removed_before": N_("One or more entries before entry {number} were removed."),
    "relinked": N_("Entry {number} does not follow the entry before it (entries were removed or reordered)."),
    "removed_after": N_("Entries after entry {number} were removed."),
}


def record_audit(session: Session, *, action: str, subject_kind: str = "", subject_uuid: str = "",
                 audience: str = "", detail: str = "") -> None:
    """Append one entry in the caller's unit of work (it is committed or rolled back with the action)."""
    append_entry(session, action=action, subject_kind=subject_kind, subject_uuid=subject_uuid,
                 audience=audience, detail=detail)


@dataclass(frozen=True)
class AuditRow:
    number: int
    at: dt.datetime  # Europe/Brussels wall time
    action: str  # code
    action_label: str  # translated
    subject_kind: str  # code
    subject_label: str  # translated
    subject_uuid: str
    audience: str
    detail: str


@dataclass(frozen=True)
class AuditCheck:
    entries: int
    broken_at: int | None  # the first entry where the chain does not hold
    message: str  # translated, for the user

    @property
    def intact(self) -> bool:
        return self.broken_at is None


def list_audit(store: Store) -> list[AuditRow]:
    with store.read() as session:
        rows = chain_rows(session)
    return [
        AuditRow(
            number=row.entry_id,
            at=dt.datetime.fromisoformat(row.at).replace(tzinfo=dt.UTC).astimezone(LOCAL_ZONE),
            action=row.action,
            action_label=_(ACTION_LABELS[row.action]) if row.action in ACTION_LABELS else row.action,
            subject_kind=row.subject_kind,
            subject_label=subject_label(row.subject_kind),
            subject_uuid=row.subject_uuid,
            audience=row.audience,
            detail=row.detail,
        )
        for row in rows
    ]


def subject_label(code: str) -> str:
    head, _sep, rest = code.partition(":")
    if head not in SUBJECT_LABELS:
        return code
    return _(SUBJECT_LABELS[head]) + (f" ({rest})" if rest else "")


def describe_break(broken: ChainBreak) -> str:
    return _(BREAK_MESSAGES[broken.kind]).format(number=broken.entry_id)


def verify_audit(store: Store) -> AuditCheck:
    with store.read() as session:
        count = len(chain_rows(session))
        broken = verify_chain(session)
    if broken is None:
        message = ngettext("The audit trail is intact: {count} entry, not changed.",
                           "The audit trail is intact: {count} entries, none changed or removed.", count)
        return AuditCheck(count, None, message.format(count=count))
    return AuditCheck(count, broken.entry_id, describe_break(broken))

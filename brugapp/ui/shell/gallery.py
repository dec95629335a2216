"""Every dialog of the app, built on the records of a store: for the self-test and the clipped-text check.

Each entry builds one dialog as a person would meet it (an existing family, referral, service …), without
saving anything. A dialog that needs a kind of record the store does not hold raises ``LookupError``.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QDialog, QWidget

from brugapp.services.families.families import get_family, list_families
from brugapp.services.families.notebook import list_contacts
from brugapp.services.kaart.detail import get_service
from brugapp.services.kaart.importing import preview_import
from brugapp.services.kaart.query import list_services
from brugapp.services.referrals.followups import list_followups
from brugapp.services.referrals.referrals import get_referral, list_referrals
from brugapp.store import Store
from brugapp.ui.families.consent_panel import ConsentDialog
from brugapp.ui.families.dialogs import FamilyDialog, MemberDialog
from brugapp.ui.families.quick_log import QuickLogDialog
from brugapp.ui.followups.page import AttemptDialog, NewFollowUpDialog
from brugapp.ui.kaart.dialogs import MergeDialog, ServiceDialog
from brugapp.ui.kaart.import_dialog import ImportDialog
from brugapp.ui.meetings.dialogs import NewEventDialog, NewMeetingDialog, ParticipantDialog
from brugapp.ui.referrals.dialogs import FeedbackDialog, NewReferralDialog, PrintSheetDialog, StatusDialog
from brugapp.ui.reports.page import SignalDialog
from brugapp.ui.shell.about import AboutDialog
from brugapp.ui.shell.help import ShortcutsDialog, UserGuideDialog
from brugapp.ui.shell.settings_dialog import SettingsDialog
from brugapp.ui.shell.unlock import UnlockDialog
from brugapp.ui.today.anonymous_contacts import AnonymousContactsDialog

Builder = Callable[[Store, QWidget], QDialog]

# A small social-map file as a coordinator would import it (Dutch column names, semicolons).
IMPORT_SAMPLE = (
    "Organisatie;Dienst;Telefoon;Gemeente;Contactpersoon\n"
    "Sociaal Huis Voorbeeld;Schuldbemiddeling;056 00 01 02;Kortrijk;Zoë Çelik\n"
    "CAW Voorbeeld;Onthaal;056 00 01 03;Menen;Jan Peeters\n"
)


@dataclass(frozen=True)
class DialogSpec:
    name: str  # the PNG's file name
    build: Builder


def _first(items: list, what: str):  # type: ignore[no-untyped-def]
    if not items:
        raise LookupError(f"no {what} in this store")
    return items[0]


def _family_id(store: Store) -> str:
    """The first family with members (a dialog about nobody shows little)."""
    families = list_families(store)
    with_members = next((f for f in families if get_family(store, family_id=f.id).members), None)
    return str((with_members or _first(families, "family")).id)


def _member_dialog(store: Store, parent: QWidget) -> QDialog:
    family = get_family(store, family_id=_family_id(store))
    member = _first(list(family.members), "member")
    return MemberDialog(store, parent, family_id=family.id, member=member)


def _referral(store: Store):  # type: ignore[no-untyped-def]
    referrals = list_referrals(store, open_only=True) or list_referrals(store)
    return get_referral(store, referral_id=_first(referrals, "referral").id)


def _status_dialog(store: Store, parent: QWidget) -> QDialog:
    referral = _referral(store)
    target = _first(list(referral.allowed_next), "next status")
    return StatusDialog(store, referral, target, parent)


def _attempt_dialog(store: Store, parent: QWidget) -> QDialog:
    followup = _first(list_followups(store), "follow-up")
    return AttemptDialog(store, followup.title, parent, followup_id=followup.id)


def _merge_dialog(store: Store, parent: QWidget) -> QDialog:
    services = list_services(store)
    keep = _first(services, "service")
    return MergeDialog(keep, services[1:6], parent)


def _import_dialog(store: Store, parent: QWidget) -> QDialog:
    folder = Path(tempfile.mkdtemp(prefix="brugapp-gallery-"))
    path = folder / "sociale-kaart.csv"
    path.write_text(IMPORT_SAMPLE, encoding="utf-8")
    try:  # drawn only, never imported: the sample file goes at once (nothing of ours stays in temp)
        return ImportDialog(store, path, preview_import(path=path), parent)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _contact_editor(store: Store, parent: QWidget) -> QDialog:
    contact = _first([c for c in list_contacts(store) if c.note], "contact moment")
    return QuickLogDialog(store, parent, contact_id=contact.id)


def _participants(store: Store, parent: QWidget) -> QDialog:
    return ParticipantDialog(store, parent, family_ids=(_family_id(store),))


def _never_opens(_passphrase: str) -> Store:
    raise LookupError("the gallery never opens a store")


DIALOGS: tuple[DialogSpec, ...] = (
    DialogSpec("dialog-quick-log", lambda store, parent: QuickLogDialog(store, parent)),
    DialogSpec("dialog-contact-edit", _contact_editor),
    DialogSpec("dialog-family-new", lambda store, parent: FamilyDialog(store, parent)),
    DialogSpec("dialog-family-edit", lambda store, parent: FamilyDialog(
        store, parent, family=get_family(store, family_id=_family_id(store)))),
    DialogSpec("dialog-member-new", lambda store, parent: MemberDialog(store, parent, family_id=_family_id(store))),
    DialogSpec("dialog-member-edit", _member_dialog),
    DialogSpec("dialog-consent", lambda store, parent: ConsentDialog(store, _family_id(store), parent)),
    DialogSpec("dialog-anonymous-contacts", lambda store, parent: AnonymousContactsDialog(store, parent)),
    DialogSpec("dialog-referral-new", lambda store, parent: NewReferralDialog(store, parent)),
    DialogSpec("dialog-referral-status", _status_dialog),
    DialogSpec("dialog-referral-feedback", lambda store, parent: FeedbackDialog(store, _referral(store), parent)),
    DialogSpec("dialog-referral-print", lambda store, parent: PrintSheetDialog(store, _referral(store), parent)),
    DialogSpec("dialog-followup-new", lambda store, parent: NewFollowUpDialog(store, parent)),
    DialogSpec("dialog-attempt", _attempt_dialog),
    DialogSpec("dialog-meeting-new", lambda store, parent: NewMeetingDialog(store, parent)),
    DialogSpec("dialog-event-new", lambda store, parent: NewEventDialog(store, parent)),
    DialogSpec("dialog-participant", _participants),
    DialogSpec("dialog-service-new", lambda store, parent: ServiceDialog(None, parent)),
    DialogSpec("dialog-service-edit", lambda store, parent: ServiceDialog(
        get_service(store, service_id=_first(list_services(store), "service").id), parent)),
    DialogSpec("dialog-service-merge", _merge_dialog),
    DialogSpec("dialog-kaart-import", _import_dialog),
    DialogSpec("dialog-signal", lambda store, parent: SignalDialog(store, parent)),
    DialogSpec("dialog-settings", lambda store, parent: SettingsDialog(parent, store=store)),
    DialogSpec("dialog-about", lambda store, parent: AboutDialog(parent)),
    DialogSpec("dialog-user-guide", lambda store, parent: UserGuideDialog(parent)),
    DialogSpec("dialog-shortcuts", lambda store, parent: ShortcutsDialog(parent)),
    DialogSpec("dialog-unlock-first", lambda store, parent: UnlockDialog(_never_opens, create=True, parent=parent)),
    DialogSpec("dialog-unlock", lambda store, parent: UnlockDialog(_never_opens, create=False, parent=parent)),
)

"""Dialogs of the Doorverwijzingen page: new referral, status step, feedback, printing the sheet."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate, QDateTime, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from brugapp.domain.clock import BRUSSELS, today_local
from brugapp.domain.referrals import ACTION_LABELS, INTENSITIES, OUTCOMES, STATUSES, Status, is_closed
from brugapp.domain.sharing import SHARING_LEVELS, SharingLevel
from brugapp.domain.themes import THEMES
from brugapp.domain.worker import role_text
from brugapp.errors import ValidationError
from brugapp.i18n import _
from brugapp.services.families.choices import family_choices
from brugapp.services.referrals.choices import ranked_for_theme, service_offers
from brugapp.services.referrals.consent import ConsentRefused
from brugapp.services.referrals.referrals import (
    ReferralDetail,
    ServiceChoice,
    change_status,
    create_referral,
    print_referral_sheet,
    record_feedback,
)
from brugapp.settings import Settings, load_settings
from brugapp.store import Store
from brugapp.ui.operations import Operation, describe_error, run_operation
from brugapp.ui.widgets.family_picker import FamilyPicker
from brugapp.ui.widgets.fields import date_from_qdate, datetime_format, qdate, use_date_format
from brugapp.ui.widgets.form_dialog import COMBO_CHARACTERS, ErrorLine, FormDialog
from brugapp.ui.widgets.glossary import explain
from brugapp.ui.widgets.recipient_picker import RecipientPicker

LOCAL_ZONE = BRUSSELS  # the one time rule: domain/clock.py


def _aware(value: QDateTime) -> dt.datetime:
    d, t = value.date(), value.time()
    return dt.datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), tzinfo=LOCAL_ZONE)


def _buttons(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    buttons.rejected.connect(dialog.reject)
    return buttons


def sender_of(settings: Settings) -> dict[str, str]:
    """The brugfiguur's own details (Instellingen → Mijn gegevens) as the sender of a printed sheet."""
    return {"sender_name": settings.worker_name, "sender_organisation": settings.worker_organisation,
            "sender_phone": settings.worker_phone, "sender_email": settings.worker_email,
            "sender_role": role_text(settings.worker_role)}


_ASKED_FOR_SENDER: list[bool] = []  # ask for "Mijn gegevens" once per session, not at every print


def ask_sender_once(parent: QWidget) -> Settings:
    """The sender block needs the brugfiguur's phone and e-mail: ask once when they are missing."""
    settings = load_settings()
    if (settings.worker_phone and settings.worker_email) or _ASKED_FOR_SENDER:
        return settings
    _ASKED_FOR_SENDER.append(True)
    from brugapp.ui.shell.settings_dialog import SettingsDialog  # only when needed: keeps start-up light

    SettingsDialog(parent).exec()
    return load_settings()


class NewReferralDialog(QDialog):
    """Nieuwe doorverwijzing: family, need, service from the sociale kaart, how warm, appointment, check."""

    def __init__(self, store: Store, parent: QWidget | None = None, *, family_id: str = "") -> None:
        super().__init__(parent)
        self.store = store
        self.created_id = ""
        self._services: list[ServiceChoice] = []
        self.setWindowTitle(_("New referral"))
        families = family_choices(store)
        self.family = FamilyPicker(families)
        self.family.setAccessibleName(_("Family"))
        # a new notebook has no family to refer yet: the field says where one is added, not only "type"
        self.family.setPlaceholderText(_("Type part of the family's name") if families.ids else
                                       _("No families yet: add one under Families first"))
        if family_id:
            self.family.set_family(family_id)
        self._offers = service_offers(store)  # read once; each need chosen orders them again
        self.theme_combo = QComboBox()
        self.theme_combo.setAccessibleName(_("Need"))
        self.theme_combo.addItem(_("(no theme)"), "")
        for term in THEMES:
            self.theme_combo.addItem(("    " if term.parent else "") + term.text(), term.code)
        self.theme_combo.currentIndexChanged.connect(self._fill_services)
        self.service_combo = QComboBox()
        self.service_combo.setAccessibleName(_("Service"))
        # sized by characters, not by measuring each of a busy map's 2,000 services when first shown
        self.service_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.service_combo.setMinimumContentsLength(COMBO_CHARACTERS)
        self.service_combo.currentIndexChanged.connect(self._fill_contacts)
        self.other_service = QLineEdit()
        self.other_service.setAccessibleName(_("Service not on the social map"))
        self.other_service.setPlaceholderText(_("or type a service that is not on the social map"))
        self.contact_combo = QComboBox()
        self.contact_combo.setAccessibleName(_("Contact person"))
        self.intensity_combo = QComboBox()
        self.intensity_combo.setAccessibleName(_("How warm"))
        for term in INTENSITIES:
            self.intensity_combo.addItem(term.text(), term.code)
        self.urgent_box = QCheckBox(_("Urgent"))
        self.warned_box = QCheckBox(_("Service warned in advance"))
        self.mandated_box = QCheckBox(_("Mandated service (OCJ, VK, youth court): nothing flows back"))
        explain(self.mandated_box, "mandaat")
        self.worker_edit = QLineEdit()
        self.worker_edit.setAccessibleName(_("Receiving social worker"))
        self.appointment_box = QCheckBox(_("Appointment on"))
        self.appointment_edit = QDateTimeEdit(QDateTime(qdate(today_local() + dt.timedelta(days=3)),
                                                        QTime(9, 0)))
        self.appointment_edit.setCalendarPopup(True)
        self.appointment_edit.setDisplayFormat(datetime_format())
        self.appointment_edit.setAccessibleName(_("Appointment date and time"))
        self.appointment_edit.setEnabled(False)
        self.appointment_box.toggled.connect(self.appointment_edit.setEnabled)
        self.question_edit = QPlainTextEdit()
        self.question_edit.setAccessibleName(_("The question"))
        self.question_edit.setFixedHeight(54)
        self.tried_edit = QPlainTextEdit()
        self.tried_edit.setAccessibleName(_("What has been tried"))
        self.tried_edit.setFixedHeight(54)
        self.sharing_combo = QComboBox()
        self.sharing_combo.setAccessibleName(_("Sharing"))
        for term in SHARING_LEVELS:
            self.sharing_combo.addItem(term.text(), term.code)
        self.sharing_combo.setCurrentIndex(self.sharing_combo.findData(SharingLevel.SHAREABLE))
        self.check_edit = QDateEdit(qdate(today_local() + dt.timedelta(days=7)))
        use_date_format(self.check_edit)
        self.check_edit.setCalendarPopup(True)
        self.check_edit.setAccessibleName(_("Check on"))
        self.error = ErrorLine()

        form = QFormLayout()
        form.addRow(_("Family"), self.family)
        form.addRow(_("Need"), self.theme_combo)
        form.addRow(_("Service"), self.service_combo)
        form.addRow("", self.other_service)
        form.addRow(_("Contact person"), self.contact_combo)
        form.addRow(_("How warm"), self.intensity_combo)
        form.addRow("", self.urgent_box)
        form.addRow("", self.warned_box)
        form.addRow(_("Received by"), self.worker_edit)
        form.addRow(self.appointment_box, self.appointment_edit)
        form.addRow(_("The question"), self.question_edit)
        form.addRow(_("What has been tried"), self.tried_edit)
        form.addRow(_("Who may see this"), self.sharing_combo)
        form.addRow("", self.mandated_box)
        form.addRow(_("Check on"), self.check_edit)
        buttons = _buttons(self, _("Save referral"))
        buttons.accepted.connect(self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._fill_services()
        self.resize(560, 0)
        if family_id and self.family.family_id():
            self.theme_combo.setFocus()  # opened from the family: the next question is the need

    def _fill_services(self) -> None:
        self._services = ranked_for_theme(self._offers, self.theme_combo.currentData() or "")
        self.service_combo.blockSignals(True)
        self.service_combo.clear()
        self.service_combo.addItem(_("Choose a service …"), "")
        for choice in self._services:
            self.service_combo.addItem(("★ " if choice.matches_theme else "") + choice.label, choice.id)
        self.service_combo.blockSignals(False)
        self._fill_contacts()

    def _fill_contacts(self) -> None:
        self.contact_combo.clear()
        self.contact_combo.addItem(_("(no contact person)"), "")
        chosen = next((c for c in self._services if c.id == self.service_combo.currentData()), None)
        for contact_id, label in chosen.contacts if chosen else ():
            self.contact_combo.addItem(label, contact_id)
        if chosen and chosen.contacts:
            self.contact_combo.setCurrentIndex(1)

    def save(self) -> None:
        family_id = self.family.family_id()
        if family_id is None:
            self.error.show_error(self.family.refusal(_("Family: “{text}” matches no single family. Choose one "
                                                        "from the list.")))
            return
        try:
            self.created_id = create_referral(
                self.store, family_id=family_id,
                service_id=self.service_combo.currentData() or None,
                contact_id=self.contact_combo.currentData() or None,
                service_label=self.other_service.text(), theme=self.theme_combo.currentData() or "",
                intensity=self.intensity_combo.currentData(), urgent=self.urgent_box.isChecked(),
                warned_in_advance=self.warned_box.isChecked(), receiving_worker=self.worker_edit.text(),
                appointment_at=_aware(self.appointment_edit.dateTime()) if self.appointment_box.isChecked() else None,
                question=self.question_edit.toPlainText(), tried=self.tried_edit.toPlainText(),
                sharing=self.sharing_combo.currentData(), mandated=self.mandated_box.isChecked(),
                check_on=date_from_qdate(self.check_edit.date()),
            )
        except ValidationError as exc:
            self.error.show_error(exc)
            return
        self.accept()


class StatusDialog(FormDialog):
    """One status step; asks for the outcome when closing and a reason when the service declined."""

    def __init__(self, store: Store, referral: ReferralDetail, target: str, parent: QWidget | None = None) -> None:
        super().__init__(_(ACTION_LABELS.get(target, STATUSES.get(target).label)), parent, min_width=460)
        self.store = store
        self.referral = referral
        self.target = target
        form = self.form
        form.addRow(QLabel(_("{service}: {old} → {new}").format(
            service=referral.service_label, old=STATUSES.label(referral.status), new=STATUSES.label(target))))
        self.outcome_combo = QComboBox()
        self.outcome_combo.setAccessibleName(_("Outcome"))
        self.outcome_combo.addItem(_("Choose the outcome …"), "")
        for term in OUTCOMES:
            self.outcome_combo.addItem(term.text(), term.code)
        self.reason_edit = QLineEdit()
        self.reason_edit.setAccessibleName(_("Why the service declined"))
        self.appointment_box = QCheckBox(_("New appointment on"))
        self.appointment_edit = QDateTimeEdit(QDateTime(QDate.currentDate().addDays(3), QTime(9, 0)))
        self.appointment_edit.setDisplayFormat(datetime_format())
        self.appointment_edit.setCalendarPopup(True)
        self.appointment_edit.setAccessibleName(_("New appointment date and time"))
        self.note_edit = QLineEdit()
        self.note_edit.setAccessibleName(_("Note"))
        if is_closed(target):
            self.add("outcome", _("Outcome"), self.outcome_combo)
        if target == Status.DECLINED:
            self.add("decline_reason", _("Why declined"), self.reason_edit)
        if not is_closed(target):
            self.appointment_box.setChecked(target == Status.APPOINTMENT)
            form.addRow(self.appointment_box, self.appointment_edit)
            self.fields["appointment_at"] = self.appointment_edit
        self.add("note", _("Note"), self.note_edit)

    def save(self) -> None:
        appointment = None
        if not is_closed(self.target) and self.appointment_box.isChecked():
            appointment = _aware(self.appointment_edit.dateTime())
        try:
            change_status(self.store, referral_id=self.referral.id, status=self.target,
                          outcome=self.outcome_combo.currentData() or "", decline_reason=self.reason_edit.text(),
                          note=self.note_edit.text(), appointment_at=appointment)
        except ValidationError as exc:
            self.show_error(exc)
            return
        self.accept()


class FeedbackDialog(FormDialog):
    """Stavaza received: a date and a few words."""

    def __init__(self, store: Store, referral: ReferralDetail, parent: QWidget | None = None) -> None:
        super().__init__(_("Feedback received (stavaza)"), parent, min_width=460)
        self.store = store
        self.referral = referral
        self.date_edit = QDateEdit(QDate.currentDate())
        use_date_format(self.date_edit)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setAccessibleName(_("Received on"))
        self.text_edit = QPlainTextEdit()
        self.text_edit.setAccessibleName(_("What the service told you"))
        self.text_edit.setFixedHeight(80)
        self.add("received_on", _("Received on"), self.date_edit)
        self.add("text", _("What they told you"), self.text_edit)

    def save(self) -> None:
        try:
            record_feedback(self.store, referral_id=self.referral.id, text=self.text_edit.toPlainText(),
                            received_on=date_from_qdate(self.date_edit.date()))
        except ValidationError as exc:
            self.show_error(exc)
            return
        self.accept()


class PrintSheetDialog(QDialog):
    """Print the doorverwijsfiche for one recipient; refused without consent unless a reason is written."""

    def __init__(self, store: Store, referral: ReferralDetail, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.referral = referral
        self.printed_path: Path | None = None
        self.operation: Operation[Path] | None = None
        self.setWindowTitle(_("Print referral sheet"))
        self.recipient_combo = RecipientPicker(store, accessible_name=_("For whom"))
        self.recipient_combo.choose(referral.service_id, "service")
        self.status_box = QCheckBox(_("Only where it stands (status for a school)"))
        self.override_edit = QLineEdit()
        self.override_edit.setAccessibleName(_("Reason to print without consent"))
        self.override_edit.setPlaceholderText(_("Only in an emergency: why you share without recorded consent"))
        self.override_edit.hide()
        self.message = ErrorLine(_("The sheet carries only what the family's consent covers for this recipient."))
        form = QFormLayout()
        form.addRow(_("For whom"), self.recipient_combo)
        form.addRow("", self.status_box)
        form.addRow(self.message)
        form.addRow(self.override_edit)
        buttons = self.buttons = _buttons(self, _("Print to PDF …"))
        buttons.accepted.connect(self.print_sheet)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(640)  # the note on consent on one line (the recipients' box is sized by characters)
        self.resize(640, 0)

    def print_sheet(self, path: Path | None = None) -> Operation[Path] | None:
        """Print off the GUI thread; returns the running operation. The dialog closes once the sheet is saved."""
        kind, recipient_id = self.recipient_combo.recipient() or ("", "")
        if path is None:
            chosen, _filter = QFileDialog.getSaveFileName(
                self, _("Save referral sheet"), str(Path.home() / "doorverwijsfiche.pdf"), _("PDF files (*.pdf)"))
            if not chosen:
                return None
            path = Path(chosen)
            settings = ask_sender_once(self)
        else:
            settings = load_settings()
        store, referral_id, out = self.store, self.referral.id, path
        status_only, override_reason = self.status_box.isChecked(), self.override_edit.text()
        sender = sender_of(settings)

        def work() -> Path:
            return print_referral_sheet(store, referral_id=referral_id, recipient_id=recipient_id,
                                        recipient_kind=kind, out=out, status_only=status_only,
                                        override_reason=override_reason, **sender).path

        self.buttons.setEnabled(False)  # one sheet at a time
        self.operation = run_operation(self, label=_("Printing …"), work=work, on_done=self._printed,
                                       on_error=self._print_failed)
        self.operation.done.connect(lambda: self.buttons.setEnabled(True))
        return self.operation

    def _printed(self, printed: Path) -> None:
        self.printed_path = printed
        self.accept()

    def _print_failed(self, exc: Exception) -> None:
        if isinstance(exc, ConsentRefused) and exc.overridable:
            self.message.show_error(exc.message + "\n" + _("Only in an emergency: write below why you must share "
                                                           "it anyway; the reason is kept in the audit trail."))
            self.override_edit.show()
            self.adjustSize()
            return
        self.override_edit.hide()  # withdrawn consent or a mandated service: no reason can change it
        self.message.show_error(describe_error(exc))

"""Instellingen → "Mijn gegevens en vergrendeling": who the brugfiguur is on printed sheets, and the auto-lock."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from brugapp.domain.contact_details import normalize_email, normalize_phone
from brugapp.domain.worker import WORKER_ROLES, split_lines, split_list
from brugapp.i18n import _
from brugapp.settings import Settings, load_settings, save_settings
from brugapp.ui.widgets.form_dialog import ErrorLine

NAME_MAX = 120


class SettingsDialog(QDialog):
    """Name, organisation, phone and e-mail for the referral sheet; minutes before the app locks itself."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings: Settings = load_settings()
        self.setWindowTitle(_("My details and locking"))
        intro = QLabel(_("Printed on referral sheets, so a service or school knows whom to call back."))
        intro.setObjectName("Hint")
        intro.setWordWrap(True)
        self.name_edit = self._line(_("Your name"), self.settings.worker_name, _("e.g. Sarah Vandamme"))
        self.organisation_edit = self._line(_("Your organisation"), self.settings.worker_organisation,
                                            _("e.g. Stad Kortrijk – dienst Onderwijs"))
        self.phone_edit = self._line(_("Your phone"), self.settings.worker_phone, _("e.g. 0470 12 34 56"))
        self.email_edit = self._line(_("Your e-mail"), self.settings.worker_email, _("e.g. sarah@example.be"))
        self.role_box = QComboBox()  # role, schools and region: also asked by the first-run wizard
        self.role_box.setAccessibleName(_("Your role"))
        self.role_box.addItem(_("(choose)"), "")
        for term in WORKER_ROLES:
            self.role_box.addItem(term.text(), term.code)
        self.role_box.setCurrentIndex(max(0, self.role_box.findData(self.settings.worker_role)))
        self.schools_edit = QPlainTextEdit("\n".join(self.settings.my_schools))
        self.schools_edit.setTabChangesFocus(True)
        self.schools_edit.setAccessibleName(_("Schools you serve, one per line"))
        self.schools_edit.setFixedHeight(80)
        self.region_edit = self._line(_("Municipalities of your region, separated by commas"),
                                      ", ".join(self.settings.region_municipalities),
                                      _("e.g. Kortrijk, Kuurne, Harelbeke"))
        self.lock_spin = QSpinBox()
        self.lock_spin.setRange(1, 120)
        self.lock_spin.setValue(min(max(self.settings.auto_lock_minutes, 1), 120))
        self.lock_spin.setSuffix(" " + _("min"))
        self.lock_spin.setAccessibleName(_("Lock after minutes without use"))
        self.error = ErrorLine()
        form = QFormLayout()
        form.addRow(_("Name"), self.name_edit)
        form.addRow(_("Organisation"), self.organisation_edit)
        form.addRow(_("Phone"), self.phone_edit)
        form.addRow(_("E-mail"), self.email_edit)
        form.addRow(_("Role"), self.role_box)
        form.addRow(_("Schools"), self.schools_edit)
        form.addRow(_("Region"), self.region_edit)
        form.addRow(_("Lock after"), self.lock_spin)
        lock_hint = QLabel(_("BrugApp locks itself after this many minutes without use; Ctrl+L locks at once."))
        lock_hint.setObjectName("Hint")
        lock_hint.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(lock_hint)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(500)

    @staticmethod
    def _line(name: str, value: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit(value)
        edit.setAccessibleName(name)
        edit.setPlaceholderText(placeholder)
        edit.setMaxLength(NAME_MAX if "mail" not in name.lower() else 200)
        return edit

    def _fail(self, message: str, field: QWidget) -> None:
        self.error.show_error(message)
        field.setFocus()

    def save(self) -> None:
        try:
            phone = normalize_phone(self.phone_edit.text())
        except ValueError:
            self._fail(_("The phone number is not valid. Write it as 056 00 00 00 or +32 470 00 00 00."),
                       self.phone_edit)
            return
        try:
            email = normalize_email(self.email_edit.text())
        except ValueError:
            self._fail(_("The e-mail address is not valid. Write it as name@example.be."), self.email_edit)
            return
        self.settings = load_settings()  # keep what other screens changed meanwhile (last channel, language)
        self.settings.worker_name = self.name_edit.text().strip()
        self.settings.worker_organisation = self.organisation_edit.text().strip()
        self.settings.worker_phone = phone
        self.settings.worker_email = email
        self.settings.worker_role = self.role_box.currentData() or ""
        self.settings.my_schools = split_lines(self.schools_edit.toPlainText())
        self.settings.region_municipalities = split_list(self.region_edit.text())
        self.settings.auto_lock_minutes = self.lock_spin.value()
        save_settings(self.settings)
        self.accept()

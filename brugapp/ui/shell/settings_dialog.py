"""Instellingen → "Mijn gegevens en vergrendeling": who the brugfiguur is on printed sheets, the schools served,
the region, and the auto-lock. Saving goes through ``services.first_run.save_my_details``: a school added to the
list becomes a school record, as in the first-run wizard."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from brugapp.domain.worker import WORKER_ROLES, split_lines, split_list
from brugapp.errors import UserError
from brugapp.i18n import _, ngettext
from brugapp.services.first_run import MyDetails, save_my_details
from brugapp.services.schools import MySchoolsChange
from brugapp.settings import Settings, load_settings
from brugapp.store import Store, StoreError
from brugapp.ui.widgets.form_dialog import ErrorLine

NAME_MAX = 120


class SettingsDialog(QDialog):
    """Name, organisation, phone and e-mail for the referral sheet; minutes before the app locks itself."""

    def __init__(self, parent: QWidget | None = None, *, store: Store | None = None) -> None:
        super().__init__(parent)
        self.store = store if store is not None else _store_of(parent)
        self.change = MySchoolsChange()
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
        self.schools_edit.setPlaceholderText(_("e.g.\nBasisschool De Regenboog\nGO! Atheneum Kortrijk"))
        self.schools_edit.setFixedHeight(80)
        self.schools_edit.setToolTip(_("A new line becomes a school you can choose for a child. A school taken "
                                       "off the list stays in BrugApp when pupils are linked to it."))
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

    def _fail(self, message: str, field: QWidget | None) -> None:
        self.error.show_error(message)
        if field is not None:
            field.setFocus()

    def details(self) -> MyDetails:
        return MyDetails(self.name_edit.text(), self.organisation_edit.text(), self.role_box.currentData() or "",
                         self.phone_edit.text(), self.email_edit.text(),
                         split_lines(self.schools_edit.toPlainText()), split_list(self.region_edit.text()))

    def save(self) -> None:
        """Settings and schools together (services/first_run.py); any error is named here and nothing changes."""
        fields: dict[str, QWidget] = {"name": self.name_edit, "organisation": self.organisation_edit,
                                      "role": self.role_box, "phone": self.phone_edit, "email": self.email_edit,
                                      "schools": self.schools_edit}
        try:
            self.change = save_my_details(self.store, self.details(), auto_lock_minutes=self.lock_spin.value())
        except UserError as exc:
            self._fail(exc.message, fields.get(exc.field))
            return
        except StoreError as exc:
            self._fail(str(exc), None)
            return
        self.settings = load_settings()
        if self.change.kept:
            QMessageBox.information(self, _("Schools"), kept_message(self.change))
        self.accept()


def kept_message(change: MySchoolsChange) -> str:
    lines = [ngettext("{school}: {count} pupil", "{school}: {count} pupils", kept.pupils).format(
        school=kept.name, count=kept.pupils) if kept.pupils
             else _("{school}: other records are linked to it").format(school=kept.name) for kept in change.kept]
    return _("Taken off your list, but still a school in BrugApp, so nothing linked to it is lost:") + "\n" + \
        "\n".join(lines)


def _store_of(widget: QWidget | None) -> Store | None:
    """The notebook of the window the dialog opens from (the referral sheet asks for the sender this way)."""
    while widget is not None:
        store = getattr(widget, "store", None)
        if isinstance(store, Store):
            return store
        widget = widget.parentWidget()
    return None

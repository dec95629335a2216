"""Edit a service of the sociale kaart, and merge a duplicate into it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from brugapp.domain.folding import fold
from brugapp.domain.kaart import CATEGORIES, REFERRAL_ROUTES, STATUSES, describe_slots, parse_opening_hours
from brugapp.domain.themes import THEMES
from brugapp.errors import ValidationError
from brugapp.i18n import _
from brugapp.services.kaart.detail import ServiceDetail
from brugapp.services.kaart.edit import ServiceInput
from brugapp.services.kaart.query import ServiceSummary
from brugapp.ui.widgets.roles import ID_ROLE as CODE_ROLE


def _check_list(items: list[tuple[str, str]], chosen: tuple[str, ...], name: str) -> QListWidget:
    widget = QListWidget()
    widget.setAccessibleName(name)
    widget.setMaximumHeight(120)
    for code, label in items:
        item = QListWidgetItem(label, widget)  # parent, not addItem (PySide6 6.12 leak)
        item.setData(CODE_ROLE, code)
        item.setCheckState(_checked(code in chosen))
    return widget


def _checked(value: bool) -> Qt.CheckState:
    return Qt.CheckState.Checked if value else Qt.CheckState.Unchecked


def _chosen(widget: QListWidget) -> tuple[str, ...]:
    return tuple(widget.item(i).data(CODE_ROLE) for i in range(widget.count())
                 if widget.item(i).checkState() == Qt.CheckState.Checked)


class ServiceDialog(QDialog):
    """New or existing service. ``value()`` gives the ``ServiceInput`` once accepted."""

    def __init__(self, detail: ServiceDetail | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Edit service") if detail else _("New service"))
        self.resize(640, 720)
        self._value: ServiceInput | None = None
        d = detail
        form_host = QWidget()
        form = QFormLayout(form_host)
        self.fields: dict[str, QWidget] = {}

        def line(key: str, label: str, value: str) -> QLineEdit:
            widget = QLineEdit(value)
            widget.setAccessibleName(label)
            form.addRow(label, widget)
            self.fields[key] = widget
            return widget

        def text(key: str, label: str, value: str) -> QPlainTextEdit:
            widget = QPlainTextEdit(value)
            widget.setAccessibleName(label)
            widget.setMaximumHeight(70)
            widget.setTabChangesFocus(True)
            form.addRow(label, widget)
            self.fields[key] = widget
            return widget

        line("name", _("Service"), d.name if d else "")
        line("organization_name", _("Organisation"), d.organization_name if d else "")
        text("description", _("What they do"), d.description if d else "")
        text("not_offered", _("What they do not do"), d.not_offered if d else "")
        self.categories = _check_list([(t.code, t.text()) for t in CATEGORIES], d.categories if d else (),
                                      _("Categories"))
        form.addRow(_("Categories"), self.categories)
        self.themes = _check_list([(t.code, ("    " if t.parent else "") + t.text()) for t in THEMES],
                                  d.themes if d else (), _("Themes"))
        form.addRow(_("Themes"), self.themes)
        line("target_group", _("Target group"), d.target_group if d else "")
        ages = QHBoxLayout()
        self.min_age, self.max_age = QSpinBox(), QSpinBox()
        for spin, value, name in ((self.min_age, d.minimum_age if d else None, _("Minimum age")),
                                  (self.max_age, d.maximum_age if d else None, _("Maximum age"))):
            spin.setRange(-1, 120)
            spin.setSpecialValueText("–")
            spin.setValue(-1 if value is None else value)
            spin.setAccessibleName(name)
            ages.addWidget(spin)
        ages.addWidget(QLabel(_("years (– = no limit)")))
        form.addRow(_("Ages"), ages)
        self.route = QComboBox()
        self.route.setAccessibleName(_("How to refer"))
        self.route.addItem("–", "")
        for term in REFERRAL_ROUTES:
            self.route.addItem(term.text(), term.code)
        self.route.setCurrentIndex(max(0, self.route.findData(d.referral_route if d else "")))
        form.addRow(_("How to refer"), self.route)
        text("application_process", _("Referral procedure"), d.application_process if d else "")
        line("wait_time", _("Waiting time"), d.wait_time if d else "")
        line("fees", _("Cost"), d.fees if d else "")
        self.comes_to_school = QCheckBox(_("They come to the school"))
        self.comes_to_school.setChecked(bool(d and d.comes_to_school))
        form.addRow("", self.comes_to_school)
        line("phone", _("Phone"), d.phone if d else "")
        line("after_hours_phone", _("After-hours number"), d.after_hours_phone if d else "")
        text("after_hours_note", _("When closed"), d.after_hours_note if d else "")
        hours = line("opening_hours", _("Opening hours"),
                     describe_slots(d.slots, ("ma", "di", "wo", "do", "vr", "za", "zo")).replace("–", "-") if d else "")
        hours.setPlaceholderText(_("e.g. ma-vr 9-12, 13-17; za 10-12 or 24/7"))
        line("municipalities", _("Municipalities"), ", ".join(d.municipalities) if d else "")
        line("email", _("E-mail"), d.email if d else "")
        line("url", _("Website"), d.url if d else "")
        contact, backup = (d.contact, d.backup) if d else (None, None)
        line("contact_name", _("Fixed contact person"), contact.name if contact else "")
        line("contact_role", _("Contact role"), contact.role if contact else "")
        line("contact_phone", _("Contact phone"), contact.phone if contact else "")
        line("contact_email", _("Contact e-mail"), contact.email if contact else "")
        line("backup_name", _("Backup contact"), backup.name if backup else "")
        line("backup_phone", _("Backup phone"), backup.phone if backup else "")
        self.status = QComboBox()
        self.status.setAccessibleName(_("Status"))
        for term in STATUSES:
            self.status.addItem(term.text(), term.code)
        self.status.setCurrentIndex(max(0, self.status.findData(d.status if d else "active")))
        form.addRow(_("Status"), self.status)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(form_host)
        self.error = QLabel()
        self.error.setObjectName("Error")
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _text(self, key: str) -> str:
        widget = self.fields[key]
        return widget.toPlainText() if isinstance(widget, QPlainTextEdit) else widget.text()  # type: ignore[attr-defined]

    def _accept(self) -> None:
        try:
            slots = parse_opening_hours(self._text("opening_hours"))
        except ValueError:
            self._fail(_("Opening hours: write them like 'ma-vr 9-12, 13-17; za 10-12' or '24/7'."),
                       self.fields["opening_hours"])
            return
        if not self._text("name").strip() or not self._text("organization_name").strip():
            self._fail(_("A service needs a name and an organisation."), self.fields["name"])
            return
        self._value = ServiceInput(
            **{key: self._text(key) for key in ("name", "organization_name", "description", "not_offered",
                                                 "target_group", "application_process", "wait_time", "fees",
                                                 "phone", "after_hours_phone", "after_hours_note", "email", "url",
                                                 "contact_name", "contact_role", "contact_phone", "contact_email",
                                                 "backup_name", "backup_phone")},
            status=self.status.currentData(), categories=_chosen(self.categories), themes=_chosen(self.themes),
            minimum_age=None if self.min_age.value() < 0 else self.min_age.value(),
            maximum_age=None if self.max_age.value() < 0 else self.max_age.value(),
            referral_route=self.route.currentData() or "", comes_to_school=self.comes_to_school.isChecked(),
            opening_hours=slots,
            municipalities=tuple(m.strip() for m in self._text("municipalities").split(",") if m.strip()),
        )
        self.accept()

    def _fail(self, message: str, widget: QWidget) -> None:
        self.error.setText(message)
        self.error.show()
        widget.setFocus()

    def show_error(self, error: ValidationError) -> None:
        self._fail(error.message, self.fields.get(error.field, self.fields["name"]))

    def value(self) -> ServiceInput | None:
        return self._value


class MergeDialog(QDialog):
    """Pick the duplicate that will be folded into the service kept."""

    def __init__(self, keep: ServiceSummary, candidates: list[ServiceSummary], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Merge duplicates"))
        self.resize(560, 460)
        self._all = [c for c in candidates if c.id != keep.id]
        intro = QLabel(_("Keep “{name}” ({org}). Choose the duplicate: its contacts, numbers, places and notes "
                         "move here, then it is removed.").format(name=keep.name, org=keep.organization_name))
        intro.setWordWrap(True)
        self.search = QLineEdit()
        self.search.setPlaceholderText(_("Search the duplicate …"))
        self.search.setAccessibleName(_("Search the duplicate"))
        self.list = QListWidget()
        self.list.setAccessibleName(_("Possible duplicates"))
        self.search.textChanged.connect(self._fill)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Merge"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (intro, self.search, self.list, buttons):
            layout.addWidget(widget)
        self.chosen: str = ""
        # Likely duplicates first: same name.
        name = fold(keep.name)
        self._all.sort(key=lambda c: (fold(c.name) != name, fold(c.organization_name), fold(c.name)))
        self._fill("")

    def _fill(self, text: str) -> None:
        self.list.clear()
        tokens = fold(text).split()
        for candidate in self._all:
            if all(t in candidate.search_text for t in tokens):
                item = QListWidgetItem(f"{candidate.name} – {candidate.organization_name}", self.list)  # no addItem
                item.setData(CODE_ROLE, candidate.id)
            if self.list.count() >= 200:
                break
        if self.list.count():
            self.list.setCurrentRow(0)

    def _accept(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.chosen = item.data(CODE_ROLE)
            self.accept()

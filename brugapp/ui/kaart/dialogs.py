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
from brugapp.domain.kaart_record import EXTRA_FACTS, FORM_FACTS, FactSpec
from brugapp.domain.themes import THEMES
from brugapp.errors import ValidationError
from brugapp.i18n import N_, _
from brugapp.services.kaart.detail import ServiceDetail
from brugapp.services.kaart.edit import ServiceInput
from brugapp.services.kaart.query import ServiceSummary
from brugapp.ui.widgets.fields import combo, line
from brugapp.ui.widgets.form_dialog import FormDialog
from brugapp.ui.widgets.roles import ID_ROLE as CODE_ROLE
from brugapp.ui.widgets.wrapping_list import wrapping_list


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


def _text_box(name: str, value: str) -> QPlainTextEdit:
    widget = QPlainTextEdit(value)
    widget.setAccessibleName(name)
    widget.setMaximumHeight(70)
    widget.setTabChangesFocus(True)
    return widget


def _age_box(name: str, value: int | None) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(-1, 120)
    spin.setSpecialValueText("–")
    spin.setValue(-1 if value is None else value)
    spin.setAccessibleName(name)
    return spin


def _fact_widget(spec: FactSpec, value: object) -> QWidget:
    """The field for one fact of the record, by its kind."""
    label = _(spec.label)
    if spec.kind == "text":
        return _text_box(label, str(value or ""))
    if spec.kind == "age":
        return _age_box(label, value if isinstance(value, int) else None)
    if spec.kind == "flag":
        box = QCheckBox(_("They come to the school") if spec.name == "comes_to_school" else label)
        box.setChecked(bool(value))
        return box
    if spec.kind == "route":
        return combo(label, [("–", ""), *((t.text(), t.code) for t in REFERRAL_ROUTES)], str(value or ""))
    if spec.kind == "status":
        return combo(label, [(t.text(), t.code) for t in STATUSES], str(value or "active"))
    return line(label, str(value or ""))


def _fact_value(spec: FactSpec, widget: QWidget) -> object:
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QSpinBox):
        return None if widget.value() < 0 else widget.value()
    if isinstance(widget, QCheckBox):
        return widget.isChecked()
    if isinstance(widget, QComboBox):
        return widget.currentData() or ("active" if spec.kind == "status" else "")
    assert isinstance(widget, QLineEdit)
    return widget.text()


# The rows of the form, top to bottom: facts of the record (``domain/kaart_record.py``) by name, the rest by key.
# A fact added to the record comes in before the status, with the field its kind asks for.
_PEOPLE = (("contact_name", N_("Fixed contact person")), ("contact_role", N_("Contact role")),
           ("contact_phone", N_("Contact phone")), ("contact_email", N_("Contact e-mail")),
           ("backup_name", N_("Backup contact")), ("backup_phone", N_("Backup phone")))
_LINES = {"name": N_("Service"), "organization_name": N_("Organisation"), "phone": N_("Phone"),
          "after_hours_phone": N_("After-hours number"), "opening_hours": N_("Opening hours"),
          "municipalities": N_("Municipalities"), **dict(_PEOPLE)}
_ROWS = ("name", "organization_name", "description", "not_offered", "categories", "themes", "target_group", "ages",
         "referral_route", "application_process", "wait_time", "fees", "comes_to_school", "phone", "after_hours_phone",
         "after_hours_note", "opening_hours", "municipalities", "email", "url", *(key for key, _label in _PEOPLE),
         *(f.name for f in EXTRA_FACTS if f.form), "status")
_FACTS = {f.name: f for f in FORM_FACTS}


def _line_values(d: ServiceDetail | None) -> dict[str, str]:
    """What the plain lines that are not facts of the record show for an existing service."""
    if d is None:
        return {}
    contact, backup = d.contact, d.backup
    hours = describe_slots(d.slots, ("ma", "di", "wo", "do", "vr", "za", "zo")).replace("–", "-")
    return {"name": d.name, "organization_name": d.organization_name, "phone": d.phone,
            "after_hours_phone": d.after_hours_phone, "opening_hours": hours,
            "municipalities": ", ".join(d.municipalities),
            "contact_name": contact.name if contact else "", "contact_role": contact.role if contact else "",
            "contact_phone": contact.phone if contact else "", "contact_email": contact.email if contact else "",
            "backup_name": backup.name if backup else "", "backup_phone": backup.phone if backup else ""}


class ServiceDialog(FormDialog):
    """New or existing service, its form drawn from the record's field list. ``value()`` gives the
    ``ServiceInput`` once accepted."""

    def __init__(self, detail: ServiceDetail | None = None, parent: QWidget | None = None) -> None:
        super().__init__(_("Edit service") if detail else _("New service"), parent)
        self.resize(640, 720)
        self._value: ServiceInput | None = None
        self._scroll_form()
        lines = _line_values(detail)
        for key in _ROWS:
            if key in _FACTS:
                spec = _FACTS[key]
                widget = _fact_widget(spec, getattr(detail, key) if detail else None)
                self.add(key, "" if spec.kind == "flag" else _(spec.label), widget)
            elif key in _LINES:
                self.add(key, _(_LINES[key]), line(_(_LINES[key]), lines.get(key, "")))
            else:
                self._add_special(key, detail)
        self.fields["opening_hours"].setPlaceholderText(  # type: ignore[attr-defined]
            _("e.g. ma-vr 9-12, 13-17; za 10-12 or 24/7"))

    def _scroll_form(self) -> None:
        """The form is long: it scrolls above the error line and the buttons."""
        self.layout_.removeItem(self.form)
        host = QWidget()
        self.form = QFormLayout(host)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(host)
        self.layout_.insertWidget(0, scroll, 1)

    def _add_special(self, key: str, d: ServiceDetail | None) -> None:
        """The rows that are lists or pairs: categories, themes, the age range."""
        if key == "categories":
            self.add(key, _("Categories"), _check_list([(t.code, t.text()) for t in CATEGORIES],
                                                       d.categories if d else (), _("Categories")))
        elif key == "themes":
            self.add(key, _("Themes"), _check_list([(t.code, ("    " if t.parent else "") + t.text()) for t in THEMES],
                                                   d.themes if d else (), _("Themes")))
        else:  # the age range: two facts on one row
            ages = QHBoxLayout()
            for name in ("minimum_age", "maximum_age"):
                self.fields[name] = _fact_widget(_FACTS[name], getattr(d, name) if d else None)
                ages.addWidget(self.fields[name])
            ages.addWidget(QLabel(_("years (– = no limit)")))
            self.form.addRow(_("Ages"), ages)

    def _text(self, key: str) -> str:
        widget = self.fields[key]
        return widget.toPlainText() if isinstance(widget, QPlainTextEdit) else widget.text()  # type: ignore[attr-defined]

    def save(self) -> None:
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
            **{spec.name: _fact_value(spec, self.fields[spec.name]) for spec in FORM_FACTS},
            **{key: self._text(key) for key in _LINES if key not in ("opening_hours", "municipalities")},
            categories=_chosen(self.fields["categories"]),  # type: ignore[arg-type]
            themes=_chosen(self.fields["themes"]),  # type: ignore[arg-type]
            opening_hours=slots,
            municipalities=tuple(m.strip() for m in self._text("municipalities").split(",") if m.strip()),
        )
        self.accept()

    _accept = save

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
        self.list = wrapping_list(_("Possible duplicates"))
        self.list.setAlternatingRowColors(True)  # each entry is two lines: the stripes tell where one ends
        self.list.setSpacing(2)
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
                # the service, and on a line below its organisation: two services of one name tell apart at once
                item = QListWidgetItem(f"{candidate.name}\n{candidate.organization_name}", self.list)  # no addItem
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

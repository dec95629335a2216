"""The pages of the first-run wizard: welcome, passphrase, my details, my schools, my region, ready."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from brugapp.domain.passphrase import passphrase_strength
from brugapp.domain.worker import WORKER_ROLES, split_lines, split_list
from brugapp.errors import ValidationError
from brugapp.i18n import _
from brugapp.services.first_run import MyDetails, check_passphrase, clean_details
from brugapp.settings import Settings
from brugapp.ui.icons import icon
from brugapp.ui.style import ACCENT


def _label(text: str, object_name: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    if object_name:
        label.setObjectName(object_name)
    return label


def _error_label() -> QLabel:
    error = _label("", "Error")
    error.hide()
    return error


class FirstRunPage(QWizardPage):
    """A page with an icon and heading, an intro line and an error line that names what to fix."""

    icon_name = "bridge"

    def __init__(self, title: str, intro: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(24, 16, 24, 8)
        self.layout_.setSpacing(10)
        heading = QHBoxLayout()
        picture = QLabel()
        picture.setPixmap(icon(self.icon_name, ACCENT, 32).pixmap(32, 32))
        picture.setFixedSize(32, 32)
        self.heading = _label(title, "EmptyTitle")
        heading.addWidget(picture)
        heading.addWidget(self.heading, 1)
        self.layout_.addLayout(heading)
        self.layout_.addWidget(_label(intro))
        self.error = _error_label()

    def finish_layout(self) -> None:
        self.layout_.addWidget(self.error)
        self.layout_.addStretch(1)

    def show_error(self, message: str, field: QWidget | None = None) -> None:
        self.error.setText(message)
        self.error.show()
        if field is not None:
            field.setFocus()

    def clear_error(self) -> None:
        self.error.hide()


class WelcomePage(FirstRunPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            _("Welcome to BrugApp"),
            _("BrugApp is your notebook for the bridge between school, family and welfare. A few questions "
              "and you can note your first conversation. Everything stays on this computer, encrypted."),
            parent,
        )
        self.own = QRadioButton(_("&Start my own notebook"))
        self.own.setChecked(True)
        self.demo = QRadioButton(_("&Look at the demo first (a fictional region; nothing of yours is saved)"))
        for button in (self.own, self.demo):
            self.layout_.addWidget(button)
        # "The demo first" makes this the last page: the wizard then shows Finish instead of Next.
        self.demo.toggled.connect(self.setFinalPage)
        self.layout_.addWidget(_label(_("Everything you fill in now can be changed later under Settings."), "Hint"))
        self.finish_layout()

    def wants_demo(self) -> bool:
        return self.demo.isChecked()

    def nextId(self) -> int:
        return -1 if self.wants_demo() else super().nextId()


class PassphrasePage(FirstRunPage):
    icon_name = "lock"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            _("Choose a passphrase"),
            _("Your notes are about vulnerable families. BrugApp keeps them encrypted on this "
              "computer; the passphrase is the only key."),
            parent,
        )
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setPlaceholderText(_("Passphrase"))
        self.passphrase.setAccessibleName(_("Passphrase"))
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat.setPlaceholderText(_("Type the passphrase again"))
        self.repeat.setAccessibleName(_("Repeat passphrase"))
        self.strength = QProgressBar()
        self.strength.setRange(0, 3)
        self.strength.setTextVisible(False)
        self.strength.setMaximumHeight(6)
        self.strength.setAccessibleName(_("Passphrase strength"))
        self.strength_hint = _label("", "Hint")
        for widget in (self.passphrase, self.repeat, self.strength, self.strength_hint):
            self.layout_.addWidget(widget)
        self.layout_.addWidget(_label(
            _("Write it down somewhere safe. A lost passphrase cannot be recovered: "
              "not by you, not by us, not by anyone."), "Warning"))
        self.passphrase.textChanged.connect(self._update_strength)
        self._update_strength("")
        self.finish_layout()

    def initializePage(self) -> None:
        self.passphrase.setFocus()

    def _mark_hint(self, object_name: str) -> None:
        self.strength_hint.setObjectName(object_name)
        self.strength_hint.style().unpolish(self.strength_hint)
        self.strength_hint.style().polish(self.strength_hint)

    def _update_strength(self, text: str) -> None:
        self._mark_hint("Hint")
        strength = passphrase_strength(text)
        self.strength.setValue(max(strength.score, 1 if text else 0))
        self.strength.setProperty("strength", str(strength.score))
        self.strength.style().unpolish(self.strength)
        self.strength.style().polish(self.strength)
        self.strength_hint.setText(_(strength.hint))

    def validatePage(self) -> bool:
        try:
            check_passphrase(self.passphrase.text(), self.repeat.text())
        except ValidationError as exc:
            if exc.field == "repeat":
                self.repeat.clear()
                self.show_error(exc.message, self.repeat)
            else:  # too short: the strength line already says so; it turns red instead of saying it twice
                self._mark_hint("Error")
                self.passphrase.setFocus()
            return False
        self.clear_error()
        return True


class DetailsPage(FirstRunPage):
    """'Mijn gegevens': printed on referral sheets and invitations so people know whom to call back."""

    icon_name = "note"

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(
            _("About you"),
            _("Printed on referral sheets and meeting invitations, so a service or school knows whom to call "
              "back. You may leave fields empty."),
            parent,
        )
        self.name = self._line(_("Your name"), settings.worker_name, _("e.g. Sarah Vandamme"))
        self.organisation = self._line(_("Your organisation"), settings.worker_organisation,
                                       _("e.g. Stad Kortrijk – dienst Onderwijs"))
        self.role = QComboBox()
        self.role.setAccessibleName(_("Your role"))
        self.role.addItem(_("(choose)"), "")
        for term in WORKER_ROLES:
            self.role.addItem(term.text(), term.code)
        self.role.setCurrentIndex(max(0, self.role.findData(settings.worker_role)))
        self.phone = self._line(_("Your phone"), settings.worker_phone, _("e.g. 0470 12 34 56"))
        self.email = self._line(_("Your e-mail"), settings.worker_email, _("e.g. sarah@example.be"))
        form = QFormLayout()
        for text, widget in ((_("&Name"), self.name), (_("&Organisation"), self.organisation),
                             (_("&Role"), self.role), (_("&Phone"), self.phone), (_("&E-mail"), self.email)):
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)
        self.layout_.addLayout(form)
        self.finish_layout()
        self.fields: dict[str, QWidget] = {"name": self.name, "organisation": self.organisation,
                                           "role": self.role, "phone": self.phone, "email": self.email}

    @staticmethod
    def _line(name: str, value: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit(value)
        edit.setAccessibleName(name)
        edit.setPlaceholderText(placeholder)
        return edit

    def initializePage(self) -> None:
        self.name.setFocus()

    def details(self) -> MyDetails:
        return MyDetails(self.name.text(), self.organisation.text(), self.role.currentData() or "",
                         self.phone.text(), self.email.text())

    def validatePage(self) -> bool:
        try:
            cleaned = clean_details(self.details())
        except ValidationError as exc:
            self.show_error(exc.message, self.fields.get(exc.field))
            return False
        self.phone.setText(cleaned.phone)  # show the number as it will be printed
        self.clear_error()
        return True


class SchoolsPage(FirstRunPage):
    icon_name = "families"

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(
            _("The schools you serve"),
            _("One school per line. They are ready when you note a child's school; you can add sites, "
              "contacts and more schools later."),
            parent,
        )
        self.schools = QPlainTextEdit("\n".join(settings.my_schools))
        self.schools.setTabChangesFocus(True)  # Tab leaves the box: the wizard stays usable by keyboard
        self.schools.setAccessibleName(_("Schools you serve, one per line"))
        self.schools.setPlaceholderText(_("e.g.\nBasisschool De Regenboog\nGO! Atheneum Kortrijk"))
        self.layout_.addWidget(self.schools, 1)
        self.finish_layout()

    def initializePage(self) -> None:
        self.schools.setFocus()

    def names(self) -> list[str]:
        return split_lines(self.schools.toPlainText())


class RegionPage(FirstRunPage):
    icon_name = "map"

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(
            _("Your region"),
            _("The municipalities where you work. The sociale kaart opens filtered on them; "
              "“All municipalities” is always one click away."),
            parent,
        )
        self.region = QLineEdit(", ".join(settings.region_municipalities))
        self.region.setAccessibleName(_("Municipalities of your region, separated by commas"))
        self.region.setPlaceholderText(_("e.g. Kortrijk, Kuurne, Harelbeke"))
        self.layout_.addWidget(self.region)
        self.finish_layout()

    def initializePage(self) -> None:
        self.region.setFocus()

    def places(self) -> list[str]:
        return split_list(self.region.text())


class ReadyPage(FirstRunPage):
    """The last look before the store is made; the wizard's finish creates it (and shows any error here)."""

    icon_name = "today"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            _("Ready"),
            _("BrugApp now creates your encrypted notebook and opens it."),
            parent,
        )
        self.summary = _label("")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.layout_.addWidget(self.summary)
        self.finish_layout()

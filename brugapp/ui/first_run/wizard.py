"""The first start: welcome, passphrase, about you, your schools, your region – or the demo first.

Replaces the bare "choose a passphrase" dialog when there is no store yet. Nothing is written until the
last page: then the store, its schools and "Mijn gegevens" are made together (services/first_run.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QWidget, QWizard

from brugapp.domain.worker import WORKER_ROLES
from brugapp.errors import ValidationError
from brugapp.i18n import _
from brugapp.services.first_run import MyDetails, create_own_store
from brugapp.settings import load_settings
from brugapp.store import Store, StoreError
from brugapp.ui.first_run.pages import DetailsPage, PassphrasePage, ReadyPage, RegionPage, SchoolsPage, WelcomePage

WIZARD_SIZE = (720, 500)  # fits 1280×720 with a task bar, and 150 % scaling on 1920×1080


@dataclass(frozen=True)
class FirstRunResult:
    store: Store | None  # None when the user chose to look at the demo first
    demo: bool


class FirstRunWizard(QWizard):
    def __init__(self, location: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.location = location
        self.store: Store | None = None
        settings = load_settings()
        self.setWindowTitle(_("Welcome to BrugApp"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setButtonText(QWizard.WizardButton.NextButton, _("&Next"))
        self.setButtonText(QWizard.WizardButton.BackButton, _("&Back"))
        self.setButtonText(QWizard.WizardButton.FinishButton, _("&Start BrugApp"))
        self.setButtonText(QWizard.WizardButton.CancelButton, _("Cancel"))
        self.welcome = WelcomePage()
        self.passphrase_page = PassphrasePage()
        self.details_page = DetailsPage(settings)
        self.schools_page = SchoolsPage(settings)
        self.region_page = RegionPage(settings)
        self.ready_page = ReadyPage()
        for page in (self.welcome, self.passphrase_page, self.details_page, self.schools_page,
                     self.region_page, self.ready_page):
            self.addPage(page)
        for button in (QWizard.WizardButton.NextButton, QWizard.WizardButton.BackButton,
                       QWizard.WizardButton.FinishButton, QWizard.WizardButton.CancelButton):
            self.button(button).setAccessibleName(self.buttonText(button).replace("&", ""))
        self.welcome.demo.toggled.connect(self._finish_text)
        self.currentIdChanged.connect(self._page_shown)
        self.resize(*WIZARD_SIZE)

    @property
    def wants_demo(self) -> bool:
        return self.welcome.wants_demo()

    def details(self) -> MyDetails:
        base = self.details_page.details()
        return MyDetails(base.name, base.organisation, base.role, base.phone, base.email,
                         self.schools_page.names(), self.region_page.places())

    def _finish_text(self, demo: bool) -> None:
        text = _("Open the &demo") if demo else _("&Start BrugApp")
        self.setButtonText(QWizard.WizardButton.FinishButton, text)
        self.button(QWizard.WizardButton.FinishButton).setAccessibleName(text.replace("&", ""))

    def _page_shown(self, _page_id: int) -> None:
        if self.currentPage() is self.ready_page:
            self.ready_page.summary.setText(self.summary())

    def summary(self) -> str:
        details = self.details()
        nothing = _("(not filled in)")
        rows = [
            (_("Data file"), str(self.location)),
            (_("Name"), details.name or nothing),
            (_("Organisation"), details.organisation or nothing),
            (_("Role"), WORKER_ROLES.label(details.role) if details.role else nothing),
            (_("Schools"), ", ".join(details.schools) or nothing),
            (_("Region"), ", ".join(details.region) or nothing),
        ]
        return "\n".join(f"{label}: {value}" for label, value in rows)

    def validateCurrentPage(self) -> bool:
        if not super().validateCurrentPage():
            return False
        if self.currentPage() is not self.ready_page:
            return True
        return self._create_store()

    def _create_store(self) -> bool:
        """The one action of the wizard: store, schools and settings together, or nothing."""
        try:
            self.store = create_own_store(self.location, passphrase=self.passphrase_page.passphrase.text(),
                                          repeat=self.passphrase_page.repeat.text(), details=self.details())
        except ValidationError as exc:
            self.ready_page.show_error(exc.message)
            return False
        except StoreError as exc:
            self.ready_page.show_error(str(exc))
            return False
        return True

    def result_of_run(self) -> FirstRunResult:
        return FirstRunResult(self.store, self.wants_demo and self.store is None)


def run_first_run(location: Path, parent: QWidget | None = None) -> FirstRunResult | None:
    """Show the wizard; None when it was cancelled (nothing was written)."""
    wizard = FirstRunWizard(location, parent)
    if not wizard.exec():
        return None
    return wizard.result_of_run()

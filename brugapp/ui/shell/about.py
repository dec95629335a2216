"""Over BrugApp: version, purpose, licences."""

from __future__ import annotations

import platform

import PySide6
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from brugapp import __version__
from brugapp.i18n import _
from brugapp.services.backups import database_library_version


def licence_lines() -> list[str]:
    return [
        _("BrugApp {version} – free software under the GNU GPL v3 or later.").format(version=__version__),
        _("Qt 6 / PySide6 {version} – LGPL v3.").format(version=PySide6.__version__),
        _("SQLAlchemy {version} – MIT; Alembic – MIT; SQLCipher – BSD.").format(version=database_library_version()),
        _("ReportLab – BSD; Babel – BSD; platformdirs – MIT; phonenumbers – Apache 2.0."),
        _("DejaVu fonts – free licence (Bitstream Vera derivative)."),
        _("Open Referral HSDS 3.0 schemas – CC BY-SA 4.0."),
    ]


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("About BrugApp"))
        layout = QVBoxLayout(self)
        title = QLabel(f"<h2>BrugApp {__version__}</h2>")
        purpose = QLabel(
            _("The notebook, social map and meeting tool for people who bridge school, families and welfare.")
        )
        purpose.setWordWrap(True)
        privacy = QLabel(
            _("Your data stays on this computer, encrypted. BrugApp never connects to the internet.")
        )
        privacy.setWordWrap(True)
        privacy.setObjectName("Hint")
        licences = QLabel("<br>".join(licence_lines()))
        licences.setObjectName("Hint")
        licences.setWordWrap(True)
        runtime = QLabel(f"Python {platform.python_version()}")
        runtime.setObjectName("Hint")
        for widget in (title, purpose, privacy, licences, runtime):
            layout.addWidget(widget)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)

"""*Inzage …* on a family: everything held about the family (GDPR art. 15) as a PDF or JSON file.

The family asks "what do you keep about us?"; the brugfiguur saves the answer where they choose. The work is
``services/families/access_export.py``, run off the GUI thread; the file type follows the chosen name (.pdf/.json).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton, QWidget

from brugapp.i18n import _
from brugapp.services.families.access_export import export_access
from brugapp.store import Store
from brugapp.ui.operations import Operation, run_operation


def access_export_button(on_click: object) -> QPushButton:
    button = QPushButton(_("What we hold …"))
    button.setAccessibleName(_("Access export: everything held about this family"))
    button.setToolTip(_("Everything held about this family, as PDF or JSON, for the family itself (GDPR)"))
    button.clicked.connect(on_click)  # type: ignore[arg-type]
    return button


def export_access_for(parent: QWidget, store: Store, family_id: str, *, path: Path | None = None
                      ) -> Operation[Path] | None:
    """Ask where to save (unless ``path`` is given) and write the export; returns the running operation."""
    if path is None:
        chosen, _filter = QFileDialog.getSaveFileName(
            parent, _("Save the access export"), str(Path.home() / "inzage.pdf"),
            _("PDF files (*.pdf);;JSON files (*.json)"))
        if not chosen:
            return None
        path = Path(chosen)
    out = path

    def done(written: Path) -> None:
        QMessageBox.information(parent, _("Access export"), _("Written to {path}").format(path=written))

    return run_operation(parent, label=_("Writing the access export …"),
                         work=lambda: export_access(store, family_id=family_id, out=out), on_done=done)

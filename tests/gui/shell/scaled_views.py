"""Run in a child process by ``test_scaling_150.py``: a 1920×1080 screen at 150 % (1280×720 logical,
device pixel ratio 1.5), every page, tab and dialog of the demo and the first-run wizard checked for cut-off
text. Prints one JSON object; PNGs go to the folder given (for a person to look at), or nowhere.

    python -m tests.gui.shell.scaled_views nl,en [PNG_FOLDER]     (pictures in PNG_FOLDER/nl, PNG_FOLDER/en)
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication

from brugapp.demo.region import create_demo_store
from brugapp.ui.app import setup_application
from brugapp.ui.clipping import clipped_texts
from brugapp.ui.first_run import FirstRunWizard
from brugapp.ui.shell.selftest import render_all_views, settle

LOGICAL_SIZE = (1280, 720)  # 1920×1080 at 150 %


def wizard_pages(app: QApplication, out_dir: Path | None) -> dict[str, list[str]]:
    """Each page of the first-run wizard, opened at its own size, as the first start shows it."""
    found: dict[str, list[str]] = {}
    for page_id in range(6):
        wizard = FirstRunWizard(Path(tempfile.mkdtemp()) / "brugapp.db")
        wizard.setStartId(page_id)
        wizard.show()
        settle(app)
        name = f"wizard-{page_id}"
        found[name] = clipped_texts(wizard)
        if out_dir is not None:
            wizard.grab().save(str(out_dir / f"{name}.png"))
        wizard.hide()
        wizard.deleteLater()
        settle(app)
    return found


def main(languages: list[str], out_dir: Path | None) -> None:
    """One start of Qt and one demo store for every language: the slow parts happen once."""
    app = QApplication.instance() or QApplication([])
    screen = app.primaryScreen()
    store = create_demo_store(Path(tempfile.mkdtemp()) / "demo.db", passphrase=None)
    found: dict[str, dict[str, list[str]]] = {}
    try:
        for language in languages:
            folder = out_dir / language if out_dir is not None else None
            if folder is not None:
                folder.mkdir(parents=True, exist_ok=True)
            views = render_all_views(store, folder, language=language, sizes=(LOGICAL_SIZE,))
            setup_application(app, language)
            found[language] = {view.section: list(view.clipped) for view in views} | wizard_pages(app, folder)
    finally:
        store.close()
    print(json.dumps({"ratio": screen.devicePixelRatio(),
                      "screen": [screen.geometry().width(), screen.geometry().height()], "views": found}))


if __name__ == "__main__":
    main(sys.argv[1].split(","), Path(sys.argv[2]) if len(sys.argv) > 2 else None)

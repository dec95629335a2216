"""The app's own start in a fresh interpreter, for the tests of what its first screen does and does not load (this
interpreter made every Qt type and imported every module long ago)."""

from __future__ import annotations


def first_screen_probe(at_first_screen: str, then: str, *, passphrase: bool = False) -> str:
    """A script for ``python -c STORE [PASSPHRASE]``: it opens the store (with the passphrase when ``passphrase``),
    shows the main window as ``brugapp`` does (``AppController``), turns the event loop until the first page is
    filled, keeps the expression ``at_first_screen`` as it was then in ``seen[0]``, and runs ``then``."""
    opened = "open_store(sys.argv[1], passphrase=sys.argv[2])" if passphrase else "open_store(sys.argv[1])"
    return f"""
import sys
from PySide6.QtWidgets import QApplication
from brugapp.store import open_store
from brugapp.ui.app import FUSION_ARGUMENTS, AppController, setup_application
app = QApplication(["brugapp", *FUSION_ARGUMENTS])
setup_application(app, "nl", fusion_given=True)
window = AppController(app, {opened}, demo=False).show()
seen = []
window.when_first_page_filled(lambda: seen.append({at_first_screen}))
while not seen:
    app.processEvents()
{then}"""
